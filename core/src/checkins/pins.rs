//! The check-in PINs. No PIN is stored: each one, stretched with Argon2id and its own salt,
//! seals a copy of what the traveller shares with the family (the secret for codes and the
//! signal phrase) together with a marker of its kind. Entering a PIN opens its box, or none.
//! The boxes are stored in random order and every box is always tried, so neither the stored
//! rows nor the time taken tell the normal PIN from the duress one.
//!
//! Setting the PINs stores two boxes (normal, duress). Changing them ([`reseal`]) always stores
//! three, whichever PIN authorised the change:
//!
//! - with the normal PIN: normal(new normal PIN), duress(new duress PIN) and a decoy of random
//!   bytes shaped exactly like a box;
//! - with the duress PIN (the traveller may be forced, and whoever forces the change now knows
//!   both new PINs): the normal box exactly as it was, so the traveller's real PIN keeps making
//!   genuine check-ins, and duress(new normal PIN), duress(new duress PIN), so both PINs the
//!   watcher knows call for help from now on.
//!
//! The shared secret and the signal phrase never change, so the family's copy keeps working.
//! A change with the duress PIN must find the normal box without its PIN. Every box that is not
//! the normal one (duress boxes and decoys) therefore carries, in the second half of its salt,
//! a tag computed from the first half with the shared secret: to anyone without the secret the
//! salts are all random bytes, and once a PIN has opened a box the tags single out the normal
//! box. Without them a later duress change could not tell the normal box from a decoy or from
//! the other duress box, and would have to drop the traveller's real PIN or let the box count
//! grow.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{ChaCha20Poly1305, KeyInit, Nonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::codes::Kind;
use crate::error::{Error, Result, reason};

/// Bytes of the secret shared with the family.
pub(crate) const SECRET_LEN: usize = 32;
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 12;
const AAD: &[u8] = b"waymark-checkin-pin-v1";
/// ChaCha20-Poly1305's authentication tag.
const AEAD_TAG_LEN: usize = 16;
/// How many of a salt's bytes are random; the rest are the not-normal tag (or random too, in
/// the normal box).
const SALT_RANDOM_LEN: usize = SALT_LEN / 2;

/// One sealed copy of the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SealedBox {
    pub salt: Vec<u8>,
    pub nonce: Vec<u8>,
    pub sealed: Vec<u8>,
}

/// Argon2id cost: 19 MiB, 2 passes, 1 lane (the OWASP minimum), about a fifth of a second per
/// PIN on a low-end phone; a check-in stretches every box's key (two, or three after a change).
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, Some(32)).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Checks a PIN's form: 4 to 12 digits.
pub(crate) fn validate_pin(field: &str, pin: &str) -> Result<()> {
    if (4..=12).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Error::invalid(field, reason::PIN_DIGITS))
    }
}

/// What a PIN unlocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unlocked {
    pub secret: [u8; SECRET_LEN],
    pub signal_phrase: String,
}

/// Checks a new pair of PINs, each given with its field name: 4 to 12 digits each, and
/// different from each other. The error names the field at fault.
pub(crate) fn validate_pair(
    (normal_field, normal_pin): (&str, &str),
    (duress_field, duress_pin): (&str, &str),
) -> Result<()> {
    validate_pin(normal_field, normal_pin)?;
    validate_pin(duress_field, duress_pin)?;
    if normal_pin == duress_pin {
        return Err(Error::invalid(duress_field, reason::PINS_SAME));
    }
    Ok(())
}

/// Seals `unlocked` under both PINs, in random order.
pub(crate) fn seal(
    normal_pin: &str,
    duress_pin: &str,
    unlocked: &Unlocked,
) -> Result<[SealedBox; 2]> {
    validate_pair(("normal_pin", normal_pin), ("duress_pin", duress_pin))?;
    let normal = seal_one(normal_pin, Kind::Normal, unlocked)?;
    let duress = seal_one(duress_pin, Kind::Duress, unlocked)?;
    let mut boxes = [normal, duress];
    shuffle(&mut boxes)?;
    Ok(boxes)
}

/// The boxes to store after changing the PINs with `current_pin` (see the module comment), in
/// random order, or `None` when `current_pin` opens no box. The new PINs must have been
/// checked with [`validate_pair`]. Both paths stretch every stored box's key once and seal two
/// boxes, so the time taken does not tell them apart either.
pub(crate) fn reseal(
    boxes: &[SealedBox],
    current_pin: &str,
    new_normal_pin: &str,
    new_duress_pin: &str,
) -> Result<Option<Vec<SealedBox>>> {
    let opened = open_each(boxes, current_pin);
    let Some((kind, unlocked)) = strongest(opened.iter().cloned()) else {
        return Ok(None);
    };
    let mut new = match kind {
        Kind::Normal => vec![
            seal_one(new_normal_pin, Kind::Normal, &unlocked)?,
            seal_one(new_duress_pin, Kind::Duress, &unlocked)?,
            decoy(&unlocked)?,
        ],
        Kind::Duress => {
            // The normal box is the one not tagged as another kind; a duress box from before
            // the tags existed (a profile set up by an earlier version) is recognised because
            // the current PIN opened it as a duress box.
            let mut normal = boxes.iter().zip(&opened).filter(|(b, opened)| {
                !tagged_not_normal(&unlocked.secret, &b.salt)
                    && !matches!(opened, Some((Kind::Duress, _)))
            });
            let (Some((normal, _)), None) = (normal.next(), normal.next()) else {
                return Err(Error::Stored("the check-in PINs".into()));
            };
            vec![
                normal.clone(),
                seal_one(new_normal_pin, Kind::Duress, &unlocked)?,
                seal_one(new_duress_pin, Kind::Duress, &unlocked)?,
            ]
        }
    };
    shuffle(&mut new)?;
    Ok(Some(new))
}

/// Opens whichever box `pin` opens, returning the kind of PIN and what it unlocks. Should a PIN
/// open both a normal and a duress box (possible when whoever forced a change picked the
/// traveller's real PIN as a new one), duress wins: a call for help is never lost.
pub(crate) fn open(boxes: &[SealedBox], pin: &str) -> Option<(Kind, Unlocked)> {
    strongest(open_each(boxes, pin).into_iter())
}

/// What `pin` opens in each box. Every box is tried, with no early exit, so the time taken does
/// not depend on which PIN was entered or which box it opens.
fn open_each(boxes: &[SealedBox], pin: &str) -> Vec<Option<(Kind, Unlocked)>> {
    boxes.iter().map(|b| open_one(b, pin)).collect()
}

fn strongest(opened: impl Iterator<Item = Option<(Kind, Unlocked)>>) -> Option<(Kind, Unlocked)> {
    opened.flatten().fold(None, |found, this| match found {
        Some((Kind::Duress, _)) => found,
        _ => Some(this),
    })
}

/// Random bytes shaped exactly like a box sealing `unlocked`: a tagged salt, a nonce and a
/// ciphertext of the same length. No PIN opens it.
fn decoy(unlocked: &Unlocked) -> Result<SealedBox> {
    let mut sealed = vec![0u8; sealed_len(unlocked)];
    getrandom::fill(&mut sealed).map_err(|_| Error::Crypto("the system's random source"))?;
    Ok(SealedBox {
        salt: tagged_salt(&unlocked.secret)?.to_vec(),
        nonce: random_bytes::<NONCE_LEN>()?.to_vec(),
        sealed,
    })
}

fn sealed_len(unlocked: &Unlocked) -> usize {
    1 + SECRET_LEN + unlocked.signal_phrase.len() + AEAD_TAG_LEN
}

/// A salt whose second half is the not-normal tag of its first half.
fn tagged_salt(secret: &[u8; SECRET_LEN]) -> Result<[u8; SALT_LEN]> {
    let random = random_bytes::<SALT_RANDOM_LEN>()?;
    let mut salt = [0u8; SALT_LEN];
    salt[..SALT_RANDOM_LEN].copy_from_slice(&random);
    salt[SALT_RANDOM_LEN..].copy_from_slice(&not_normal_tag(secret, &random));
    Ok(salt)
}

fn tagged_not_normal(secret: &[u8; SECRET_LEN], salt: &[u8]) -> bool {
    salt.len() == SALT_LEN && {
        let (random, tag) = salt.split_at(SALT_RANDOM_LEN);
        not_normal_tag(secret, random)[..] == *tag
    }
}

fn not_normal_tag(secret: &[u8; SECRET_LEN], random: &[u8]) -> [u8; SALT_LEN - SALT_RANDOM_LEN] {
    let mut mac = <Hmac<Sha256> as hmac::digest::KeyInit>::new_from_slice(secret)
        .expect("HMAC takes keys of any length");
    mac.update(b"waymark-checkin-pin-not-normal-v1\0");
    mac.update(random);
    let digest = mac.finalize().into_bytes();
    let mut tag = [0u8; SALT_LEN - SALT_RANDOM_LEN];
    tag.copy_from_slice(&digest[..SALT_LEN - SALT_RANDOM_LEN]);
    tag
}

/// Fisher–Yates with the system's random source (the modulo bias of a 64-bit draw over at most
/// three boxes is negligible).
fn shuffle(boxes: &mut [SealedBox]) -> Result<()> {
    for i in (1..boxes.len()).rev() {
        let j = (u64::from_le_bytes(random_bytes::<8>()?) % (i as u64 + 1)) as usize;
        boxes.swap(i, j);
    }
    Ok(())
}

fn seal_one(pin: &str, kind: Kind, unlocked: &Unlocked) -> Result<SealedBox> {
    // The normal box's salt is random through and through; every other box's is tagged.
    let salt = match kind {
        Kind::Normal => random_bytes::<SALT_LEN>()?,
        Kind::Duress => tagged_salt(&unlocked.secret)?,
    };
    seal_with_salt(pin, kind, unlocked, salt)
}

/// The two boxes as a version before the not-normal tags sealed them: every salt random.
#[cfg(test)]
pub(crate) fn seal_untagged(
    normal_pin: &str,
    duress_pin: &str,
    unlocked: &Unlocked,
) -> Result<[SealedBox; 2]> {
    Ok([
        seal_with_salt(normal_pin, Kind::Normal, unlocked, random_bytes()?)?,
        seal_with_salt(duress_pin, Kind::Duress, unlocked, random_bytes()?)?,
    ])
}

fn seal_with_salt(
    pin: &str,
    kind: Kind,
    unlocked: &Unlocked,
    salt: [u8; SALT_LEN],
) -> Result<SealedBox> {
    let nonce = random_bytes::<NONCE_LEN>()?;
    let key = stretch(pin, &salt)?;
    let mut plaintext = vec![kind_byte(kind)];
    plaintext.extend_from_slice(&unlocked.secret);
    plaintext.extend_from_slice(unlocked.signal_phrase.as_bytes());
    let sealed = ChaCha20Poly1305::new(&key.into())
        .encrypt(
            &Nonce::from(nonce),
            Payload {
                msg: &plaintext,
                aad: AAD,
            },
        )
        .map_err(|_| Error::Crypto("sealing"))?;
    Ok(SealedBox {
        salt: salt.to_vec(),
        nonce: nonce.to_vec(),
        sealed,
    })
}

fn open_one(sealed: &SealedBox, pin: &str) -> Option<(Kind, Unlocked)> {
    let key = stretch(pin, &sealed.salt).ok()?;
    let nonce: [u8; NONCE_LEN] = sealed.nonce.as_slice().try_into().ok()?;
    let plaintext = ChaCha20Poly1305::new(&key.into())
        .decrypt(
            &Nonce::from(nonce),
            Payload {
                msg: &sealed.sealed,
                aad: AAD,
            },
        )
        .ok()?;
    let (kind, rest) = plaintext.split_first()?;
    let kind = match *kind {
        b'n' => Kind::Normal,
        b'd' => Kind::Duress,
        _ => return None,
    };
    let (secret, phrase) = rest.split_at_checked(SECRET_LEN)?;
    let unlocked = Unlocked {
        secret: secret.try_into().ok()?,
        signal_phrase: String::from_utf8(phrase.to_vec()).ok()?,
    };
    Some((kind, unlocked))
}

fn kind_byte(kind: Kind) -> u8 {
    match kind {
        Kind::Normal => b'n',
        Kind::Duress => b'd',
    }
}

pub(crate) fn stretch(pin: &str, salt: &[u8]) -> Result<[u8; 32]> {
    let mut key = [0u8; 32];
    argon2()
        .hash_password_into(pin.as_bytes(), salt, &mut key)
        .map_err(|_| Error::Crypto("key stretching"))?;
    Ok(key)
}

/// Bytes from the operating system's random source.
pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|_| Error::Crypto("the system's random source"))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_pin_opens_its_own_box_and_a_wrong_pin_opens_none() {
        let secret = Unlocked {
            secret: [9u8; SECRET_LEN],
            signal_phrase: "Как там тётя Валя?".into(),
        };
        let boxes = seal("2468", "1357", &secret).unwrap();
        assert_eq!(open(&boxes, "2468"), Some((Kind::Normal, secret.clone())));
        assert_eq!(open(&boxes, "1357"), Some((Kind::Duress, secret)));
        assert_eq!(open(&boxes, "0000"), None);
        let mut tampered = boxes.clone();
        tampered[0].sealed[3] ^= 1;
        tampered[1].sealed[3] ^= 1;
        assert_eq!(open(&tampered, "2468"), None);
    }

    #[test]
    fn stored_boxes_do_not_say_which_pin_is_which() {
        // Same shape, and over many setups the normal box comes first about half the time.
        let secret = Unlocked {
            secret: [1u8; SECRET_LEN],
            signal_phrase: "phrase".into(),
        };
        let mut normal_first = 0;
        for _ in 0..16 {
            let boxes = seal("2468", "1357", &secret).unwrap();
            assert_eq!(boxes[0].sealed.len(), boxes[1].sealed.len());
            assert_eq!(boxes[0].salt.len(), boxes[1].salt.len());
            assert_ne!(boxes[0].salt, boxes[1].salt);
            if open(&boxes[..1], "2468").is_some() {
                normal_first += 1;
            }
        }
        assert!(
            (1..16).contains(&normal_first),
            "order is random: {normal_first} of 16"
        );
    }

    /// How many boxes a change stores, on either path.
    const BOXES_AFTER_CHANGE: usize = 3;

    fn unlocked() -> Unlocked {
        Unlocked {
            secret: [7u8; SECRET_LEN],
            signal_phrase: "Как там тётя Валя?".into(),
        }
    }

    /// Which kind each PIN opens (`None`: wrong PIN).
    fn kinds(boxes: &[SealedBox], pins: &[&str]) -> Vec<Option<Kind>> {
        pins.iter()
            .map(|pin| open(boxes, pin).map(|(kind, _)| kind))
            .collect()
    }

    /// How many boxes any of `pins` opens as a normal box.
    fn normal_boxes(boxes: &[SealedBox], pins: &[&str]) -> usize {
        boxes
            .iter()
            .filter(|b| {
                pins.iter()
                    .any(|pin| matches!(open_one(b, pin), Some((Kind::Normal, _))))
            })
            .count()
    }

    fn same_shape(boxes: &[SealedBox]) {
        assert_eq!(boxes.len(), BOXES_AFTER_CHANGE);
        for b in boxes {
            assert_eq!(b.salt.len(), SALT_LEN);
            assert_eq!(b.nonce.len(), NONCE_LEN);
            assert_eq!(b.sealed.len(), sealed_len(&unlocked()));
        }
    }

    #[test]
    fn a_change_with_the_normal_pin_replaces_both_pins_and_adds_a_decoy() {
        let boxes = seal("2468", "1357", &unlocked()).unwrap();
        let changed = reseal(&boxes, "2468", "8642", "7531").unwrap().unwrap();
        same_shape(&changed);
        assert_eq!(
            kinds(&changed, &["8642", "7531", "2468", "1357"]),
            [Some(Kind::Normal), Some(Kind::Duress), None, None]
        );
        assert_eq!(open(&changed, "8642").unwrap().1, unlocked());
        assert_eq!(open(&changed, "7531").unwrap().1, unlocked());
        assert!(changed.iter().all(|b| !boxes.contains(b)));
    }

    #[test]
    fn a_change_with_the_duress_pin_keeps_the_real_pin_and_makes_both_new_ones_call_for_help() {
        let boxes = seal("2468", "1357", &unlocked()).unwrap();
        let changed = reseal(&boxes, "1357", "1111", "2222").unwrap().unwrap();
        same_shape(&changed);
        assert_eq!(
            kinds(&changed, &["2468", "1111", "2222", "1357"]),
            [
                Some(Kind::Normal),
                Some(Kind::Duress),
                Some(Kind::Duress),
                None
            ]
        );
        let normal = boxes.iter().find(|b| open_one(b, "2468").is_some());
        assert!(
            changed.contains(normal.unwrap()),
            "the normal box is kept as it was"
        );
        assert_eq!(open(&changed, "1111").unwrap().1, unlocked());
    }

    #[test]
    fn any_sequence_of_changes_keeps_exactly_one_normal_box() {
        let all = [
            "2468", "1357", "1111", "2222", "3333", "4444", "5555", "6666",
        ];
        let boxes = seal("2468", "1357", &unlocked()).unwrap();
        // Forced twice in a row, with a PIN from the first forced change.
        let once = reseal(&boxes, "1357", "1111", "2222").unwrap().unwrap();
        let twice = reseal(&once, "1111", "3333", "4444").unwrap().unwrap();
        same_shape(&twice);
        assert_eq!(normal_boxes(&twice, &all), 1);
        assert_eq!(
            kinds(&twice, &["2468", "3333", "4444", "1111", "2222", "1357"]),
            [
                Some(Kind::Normal),
                Some(Kind::Duress),
                Some(Kind::Duress),
                None,
                None,
                None
            ]
        );
        // A forced change after a free one: the decoy is dropped, the normal box kept.
        let free = reseal(&twice, "2468", "5555", "6666").unwrap().unwrap();
        let forced = reseal(&free, "6666", "1111", "2222").unwrap().unwrap();
        same_shape(&forced);
        assert_eq!(normal_boxes(&forced, &all), 1);
        assert_eq!(
            kinds(&forced, &["5555", "1111", "2222", "6666", "2468"]),
            [
                Some(Kind::Normal),
                Some(Kind::Duress),
                Some(Kind::Duress),
                None,
                None
            ]
        );
    }

    #[test]
    fn a_pin_that_opens_a_normal_and_a_duress_box_checks_in_under_duress() {
        let boxes = seal("2468", "1357", &unlocked()).unwrap();
        // Whoever forces the change happens to pick the traveller's real PIN.
        let changed = reseal(&boxes, "1357", "2468", "9999").unwrap().unwrap();
        assert_eq!(normal_boxes(&changed, &["2468", "9999", "1357"]), 1);
        assert_eq!(kinds(&changed, &["2468"]), [Some(Kind::Duress)]);
        // Changing again with it is a duress change: the normal box still stays.
        let again = reseal(&changed, "2468", "1212", "3434").unwrap().unwrap();
        assert_eq!(normal_boxes(&again, &["2468", "1212", "3434", "9999"]), 1);
        assert_eq!(
            kinds(&again, &["2468", "1212", "3434", "9999"]),
            [
                Some(Kind::Normal),
                Some(Kind::Duress),
                Some(Kind::Duress),
                None
            ]
        );
    }

    #[test]
    fn a_profile_sealed_before_the_tags_existed_changes_on_both_paths() {
        // An earlier version drew every salt at random.
        let legacy = || seal_untagged("2468", "1357", &unlocked()).unwrap();
        let forced = reseal(&legacy(), "1357", "1111", "2222").unwrap().unwrap();
        assert_eq!(
            kinds(&forced, &["2468", "1111", "2222", "1357"]),
            [
                Some(Kind::Normal),
                Some(Kind::Duress),
                Some(Kind::Duress),
                None
            ]
        );
        let free = reseal(&legacy(), "2468", "1111", "2222").unwrap().unwrap();
        assert_eq!(
            kinds(&free, &["1111", "2222", "2468", "1357"]),
            [Some(Kind::Normal), Some(Kind::Duress), None, None]
        );
    }

    #[test]
    fn a_wrong_current_pin_opens_nothing_to_change() {
        let boxes = seal("2468", "1357", &unlocked()).unwrap();
        assert_eq!(reseal(&boxes, "0000", "1111", "2222").unwrap(), None);
    }

    #[test]
    fn only_the_shared_secret_tells_the_tagged_salts_apart() {
        let secret = unlocked().secret;
        let salt = tagged_salt(&secret).unwrap();
        assert!(tagged_not_normal(&secret, &salt));
        assert!(!tagged_not_normal(&[8u8; SECRET_LEN], &salt));
        // Over many draws a random salt never passes for a tagged one.
        for _ in 0..1000 {
            assert!(!tagged_not_normal(
                &secret,
                &random_bytes::<SALT_LEN>().unwrap()
            ));
        }
    }

    #[test]
    fn pins_must_be_digits_and_differ() {
        let secret = Unlocked {
            secret: [0u8; SECRET_LEN],
            signal_phrase: "phrase".into(),
        };
        assert!(
            matches!(seal("12a4", "1357", &secret), Err(Error::Invalid { field, .. }) if field == "normal_pin")
        );
        assert!(
            matches!(seal("1234", "123", &secret), Err(Error::Invalid { field, .. }) if field == "duress_pin")
        );
        assert!(
            matches!(seal("1234", "1234", &secret), Err(Error::Invalid { field, .. }) if field == "duress_pin")
        );
    }
}
