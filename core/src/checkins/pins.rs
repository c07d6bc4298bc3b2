//! The two check-in PINs. Neither is stored: each one, stretched with Argon2id and its own salt,
//! seals a copy of what the traveller shares with the family (the secret for codes and the
//! signal phrase) together with a marker of its kind. Entering a PIN opens
//! one of the two boxes, or neither. The boxes are stored in random order and both are always
//! tried, so neither the stored rows nor the time taken tell the normal PIN from the duress one.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{ChaCha20Poly1305, KeyInit, Nonce};

use super::codes::Kind;
use crate::error::{Error, Result};

/// Bytes of the secret shared with the family.
pub(crate) const SECRET_LEN: usize = 32;
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 12;
const AAD: &[u8] = b"waymark-checkin-pin-v1";

/// One sealed copy of the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SealedBox {
    pub salt: Vec<u8>,
    pub nonce: Vec<u8>,
    pub sealed: Vec<u8>,
}

/// Argon2id cost: 19 MiB, 2 passes, 1 lane (the OWASP minimum), about a fifth of a second per
/// PIN on a low-end phone; a check-in stretches both boxes' keys.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, Some(32)).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Checks a PIN's form: 4 to 12 digits.
pub(crate) fn validate_pin(field: &str, pin: &str) -> Result<()> {
    if (4..=12).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Error::invalid(field, "must be 4 to 12 digits"))
    }
}

/// What a PIN unlocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unlocked {
    pub secret: [u8; SECRET_LEN],
    pub signal_phrase: String,
}

/// Seals `unlocked` under both PINs, in random order.
pub(crate) fn seal(
    normal_pin: &str,
    duress_pin: &str,
    unlocked: &Unlocked,
) -> Result<[SealedBox; 2]> {
    validate_pin("normal_pin", normal_pin)?;
    validate_pin("duress_pin", duress_pin)?;
    if normal_pin == duress_pin {
        return Err(Error::invalid(
            "duress_pin",
            "must differ from the normal PIN",
        ));
    }
    let normal = seal_one(normal_pin, Kind::Normal, unlocked)?;
    let duress = seal_one(duress_pin, Kind::Duress, unlocked)?;
    Ok(if random_bytes::<1>()?[0] & 1 == 0 {
        [normal, duress]
    } else {
        [duress, normal]
    })
}

/// Opens whichever box `pin` opens, returning the kind of PIN and what it unlocks.
pub(crate) fn open(boxes: &[SealedBox], pin: &str) -> Option<(Kind, Unlocked)> {
    // Every box is tried even after a match, so the time taken does not depend on which PIN
    // was entered.
    boxes
        .iter()
        .map(|b| open_one(b, pin))
        .fold(None, |found, opened| found.or(opened))
}

fn seal_one(pin: &str, kind: Kind, unlocked: &Unlocked) -> Result<SealedBox> {
    let salt = random_bytes::<SALT_LEN>()?;
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

    #[test]
    fn pins_must_be_digits_and_differ() {
        let secret = Unlocked {
            secret: [0u8; SECRET_LEN],
            signal_phrase: "phrase".into(),
        };
        assert!(
            matches!(seal("12a4", "1357", &secret), Err(Error::Public(crate::WaymarkError::InvalidInput { field, .. })) if field == "normal_pin")
        );
        assert!(
            matches!(seal("1234", "123", &secret), Err(Error::Public(crate::WaymarkError::InvalidInput { field, .. })) if field == "duress_pin")
        );
        assert!(
            matches!(seal("1234", "1234", &secret), Err(Error::Public(crate::WaymarkError::InvalidInput { field, .. })) if field == "duress_pin")
        );
    }
}
