//! Secrets at rest on the family's phone, sealed with the key the app keeps in the platform
//! keystore.

use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{ChaCha20Poly1305, KeyInit, Nonce};

use super::pins::{self, SECRET_LEN, Unlocked};
use crate::error::{Error, Result, reason};

const AAD: &[u8] = b"waymark-watched-secret-v1";

/// Seals what a shared plan unlocks; returns (nonce, sealed).
pub(crate) fn seal(key: &[u8; 32], unlocked: &Unlocked) -> Result<(Vec<u8>, Vec<u8>)> {
    let nonce = pins::random_bytes::<12>()?;
    let mut plaintext = unlocked.secret.to_vec();
    plaintext.extend_from_slice(unlocked.signal_phrase.as_bytes());
    let sealed = ChaCha20Poly1305::new(&(*key).into())
        .encrypt(
            &Nonce::from(nonce),
            Payload {
                msg: &plaintext,
                aad: AAD,
            },
        )
        .map_err(|_| Error::Crypto("sealing"))?;
    Ok((nonce.to_vec(), sealed))
}

/// Opens a sealed secret; a wrong key is reported as such (the app lost its keystore entry).
pub(crate) fn open(key: &[u8; 32], nonce: &[u8], sealed: &[u8]) -> Result<Unlocked> {
    let wrong = || Error::invalid("key", reason::KEY_WRONG);
    let nonce: [u8; 12] = nonce.try_into().map_err(|_| wrong())?;
    let plaintext = ChaCha20Poly1305::new(&(*key).into())
        .decrypt(
            &Nonce::from(nonce),
            Payload {
                msg: sealed,
                aad: AAD,
            },
        )
        .map_err(|_| wrong())?;
    let (secret, phrase) = plaintext.split_at_checked(SECRET_LEN).ok_or_else(wrong)?;
    Ok(Unlocked {
        secret: secret.try_into().map_err(|_| wrong())?,
        signal_phrase: String::from_utf8(phrase.to_vec()).map_err(|_| wrong())?,
    })
}
