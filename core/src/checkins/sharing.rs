//! The plan as the traveller hands it to the family, offline: a compact, versioned text that
//! fits one QR code, optionally sealed with a passphrase.
//!
//! `WAYMARK1P.<base64url>`: plain; the body is JSON followed by 8 bytes of its SHA-256, so a
//! damaged or cut-off payload is refused.
//! `WAYMARK1S.<base64url>`: sealed; the body is salt, nonce and the JSON sealed with
//! ChaCha20-Poly1305 under a key stretched from the passphrase with Argon2id.

use std::time::SystemTime;

use base64ct::{Base64UrlUnpadded, Encoding};
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{ChaCha20Poly1305, KeyInit, Nonce};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::passphrase::normalised;
use super::pin_gate::MARK_LEN;
use super::pins::{self, SECRET_LEN, Unlocked};
use super::plan::{CheckinCadence, CheckinSchedule, TripPlan};
use crate::error::{Error, Reason, Result, reason};

const MAGIC: &str = "WAYMARK";
/// The payload version this build writes and the newest it reads.
pub(crate) const VERSION: u32 = 1;
/// Bytes a payload may take to fit one QR code: the byte capacity of the largest code (version
/// 40) at error correction level M. A plan with every field at its longest stays within it; a
/// usual plan takes about a fifth of it, a code small enough to scan from a phone screen.
pub const QR_BYTE_BUDGET: u32 = 2_331;
const CHECKSUM_LEN: usize = 8;
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 12;

/// Everything the family's phone needs: the plan, the secret for codes, the signal phrase, and
/// the mark saying whether the help PIN was involved (pin_gate.rs; none in payloads from before
/// marks existed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SharedPlan {
    pub plan_id: [u8; 16],
    pub plan: TripPlan,
    pub unlocked: Unlocked,
    pub mark: Option<[u8; MARK_LEN]>,
}

/// Why a payload was refused.
pub(crate) fn rejected(reason: Reason) -> Error {
    Error::invalid("payload", reason)
}

/// Encodes a plan, sealed when a passphrase is given.
pub(crate) fn encode(shared: &SharedPlan, passphrase: Option<&str>) -> Result<String> {
    let json =
        serde_json::to_vec(&Wire::from(shared)).map_err(|_| Error::Crypto("plan encoding"))?;
    let (flag, body) = match passphrase {
        None => {
            let mut body = json.clone();
            body.extend_from_slice(&Sha256::digest(&json)[..CHECKSUM_LEN]);
            ('P', body)
        }
        Some(passphrase) => {
            validate_passphrase(passphrase)?;
            let salt = pins::random_bytes::<SALT_LEN>()?;
            let nonce = pins::random_bytes::<NONCE_LEN>()?;
            let header = header('S');
            let sealed = cipher(&normalised(passphrase), &salt)?
                .encrypt(
                    &Nonce::from(nonce),
                    Payload {
                        msg: &json,
                        aad: header.as_bytes(),
                    },
                )
                .map_err(|_| Error::Crypto("sealing"))?;
            (
                'S',
                [salt.as_slice(), nonce.as_slice(), sealed.as_slice()].concat(),
            )
        }
    };
    Ok(format!(
        "{}{}",
        header(flag),
        Base64UrlUnpadded::encode_string(&body)
    ))
}

/// Decodes and checks a payload, naming what is wrong with it.
pub(crate) fn decode(payload: &str, passphrase: Option<&str>) -> Result<SharedPlan> {
    let payload: String = payload.chars().filter(|c| !c.is_whitespace()).collect();
    let rest = payload
        .strip_prefix(MAGIC)
        .ok_or_else(|| rejected(reason::NOT_A_PLAN))?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let version: u32 = digits.parse().map_err(|_| rejected(reason::NOT_A_PLAN))?;
    if version > VERSION {
        return Err(rejected(reason::PLAN_FROM_NEWER_APP));
    }
    let rest = &rest[digits.len()..];
    let (flag, body) = match (rest.chars().next(), rest.get(1..2), rest.get(2..)) {
        (Some(flag @ ('P' | 'S')), Some("."), Some(body)) => (flag, body),
        _ => return Err(rejected(reason::NOT_A_PLAN)),
    };
    let body = Base64UrlUnpadded::decode_vec(body).map_err(|_| rejected(reason::PLAN_DAMAGED))?;
    let json = match (flag, passphrase) {
        ('P', _) => {
            let split = body
                .len()
                .checked_sub(CHECKSUM_LEN)
                .ok_or_else(|| rejected(reason::PLAN_DAMAGED))?;
            let (json, checksum) = body.split_at(split);
            if Sha256::digest(json)[..CHECKSUM_LEN] != *checksum {
                return Err(rejected(reason::PLAN_DAMAGED));
            }
            json.to_vec()
        }
        ('S', None) => {
            return Err(Error::invalid("passphrase", reason::PLAN_SEALED));
        }
        (_, Some(passphrase)) => {
            if body.len() < SALT_LEN + NONCE_LEN {
                return Err(rejected(reason::PLAN_DAMAGED));
            }
            let (salt, rest) = body.split_at(SALT_LEN);
            let (nonce, sealed) = rest.split_at(NONCE_LEN);
            let nonce: [u8; NONCE_LEN] = nonce
                .try_into()
                .map_err(|_| rejected(reason::PLAN_DAMAGED))?;
            // Sealed since passphrases are normalised, or as typed by an earlier version.
            let open = |key: &str| -> Result<Option<Vec<u8>>> {
                Ok(cipher(key, salt)?
                    .decrypt(
                        &Nonce::from(nonce),
                        Payload {
                            msg: sealed,
                            aad: header('S').as_bytes(),
                        },
                    )
                    .ok())
            };
            let as_said = normalised(passphrase);
            let opened = match open(&as_said)? {
                Some(json) => Some(json),
                None if as_said != passphrase => open(passphrase)?,
                None => None,
            };
            opened.ok_or_else(|| Error::invalid("passphrase", reason::WRONG_PASSPHRASE))?
        }
        _ => return Err(rejected(reason::NOT_A_PLAN)),
    };
    let wire: Wire = serde_json::from_slice(&json).map_err(|_| rejected(reason::PLAN_CONTENTS))?;
    wire.try_into()
}

fn header(flag: char) -> String {
    format!("{MAGIC}{VERSION}{flag}.")
}

fn validate_passphrase(passphrase: &str) -> Result<()> {
    if normalised(passphrase).chars().count() >= 8 {
        Ok(())
    } else {
        Err(Error::invalid("passphrase", reason::PASSPHRASE_SHORT))
    }
}

fn cipher(passphrase: &str, salt: &[u8]) -> Result<ChaCha20Poly1305> {
    let key = pins::stretch(passphrase, salt)?;
    Ok(ChaCha20Poly1305::new(&key.into()))
}

/// The plan on the wire, with one-letter keys to keep the QR code small.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    i: String,
    k: String,
    f: String,
    n: String,
    c: String,
    y: String,
    a: i64,
    b: i64,
    h: String,
    d: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    e: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    g: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    o: Option<String>,
    s: CheckinCadence,
    z: String,
    w: u32,
    r: u32,
    /// The mark, always of the same length, so a help export looks like any other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    m: Option<String>,
}

impl From<&SharedPlan> for Wire {
    fn from(shared: &SharedPlan) -> Self {
        let p = &shared.plan;
        Wire {
            i: Base64UrlUnpadded::encode_string(&shared.plan_id),
            k: Base64UrlUnpadded::encode_string(&shared.unlocked.secret),
            f: shared.unlocked.signal_phrase.clone(),
            n: p.traveller_name.clone(),
            c: p.destination_country.clone(),
            y: p.destination_city.clone(),
            a: millis(p.starts),
            b: millis(p.ends),
            h: p.home_time_zone.clone(),
            d: p.destination_time_zone.clone(),
            e: p.employer.clone(),
            g: p.agency.clone(),
            o: p.document_copies.clone(),
            s: p.schedule.cadence.clone(),
            z: p.schedule.time_zone.clone(),
            w: p.schedule.window_minutes,
            r: p.schedule.grace_minutes,
            m: shared.mark.map(|m| Base64UrlUnpadded::encode_string(&m)),
        }
    }
}

impl TryFrom<Wire> for SharedPlan {
    type Error = Error;

    fn try_from(w: Wire) -> Result<Self> {
        let bytes =
            |s: &str| Base64UrlUnpadded::decode_vec(s).map_err(|_| rejected(reason::PLAN_CONTENTS));
        let plan_id = bytes(&w.i)?
            .try_into()
            .map_err(|_| rejected(reason::PLAN_CONTENTS))?;
        let secret: [u8; SECRET_LEN] = bytes(&w.k)?
            .try_into()
            .map_err(|_| rejected(reason::PLAN_CONTENTS))?;
        let time = |ms: i64| {
            chrono::DateTime::from_timestamp_millis(ms)
                .map(SystemTime::from)
                .ok_or_else(|| rejected(reason::PLAN_CONTENTS))
        };
        let mark =
            w.m.as_deref()
                .map(|m| {
                    bytes(m)?
                        .try_into()
                        .map_err(|_| rejected(reason::PLAN_CONTENTS))
                })
                .transpose()?;
        Ok(SharedPlan {
            plan_id,
            mark,
            unlocked: Unlocked {
                secret,
                signal_phrase: w.f,
            },
            plan: TripPlan {
                traveller_name: w.n,
                destination_country: w.c,
                destination_city: w.y,
                starts: time(w.a)?,
                ends: time(w.b)?,
                home_time_zone: w.h,
                destination_time_zone: w.d,
                employer: w.e,
                agency: w.g,
                document_copies: w.o,
                schedule: CheckinSchedule {
                    cadence: w.s,
                    time_zone: w.z,
                    window_minutes: w.w,
                    grace_minutes: w.r,
                },
            },
        })
    }
}

fn millis(at: SystemTime) -> i64 {
    chrono::DateTime::<chrono::Utc>::from(at).timestamp_millis()
}
