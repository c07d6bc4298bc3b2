//! The PIN asked before anything that could weaken the routine (changing the plan, sharing it,
//! the lock): which of the two PINs was typed, and the plan's mark that remembers a change made
//! with the help PIN.
//!
//! The mark is stored as eight random bytes and a tag computed from them with the secret shared
//! with the family, so the stored row looks the same whichever PIN made the change; only a PIN
//! (which opens the secret) can read it. An export carries a fresh mark of the same form, which
//! the family's phone reads with its copy of the secret (sharing.rs).

use base64ct::{Base64UrlUnpadded, Encoding};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::codes::Kind;
use super::pins::{self, SECRET_LEN, Unlocked};
use super::store;
use crate::error::{Error, Result, reason};
use crate::profile::Profile;
use crate::storage::settings;

const MARK_RANDOM_LEN: usize = 8;
const MARK_TAG_LEN: usize = 8;
/// Bytes of a mark: its random part and its tag.
pub(crate) const MARK_LEN: usize = MARK_RANDOM_LEN + MARK_TAG_LEN;

/// Which PIN opened the boxes, with what it unlocked.
pub(crate) struct Opened {
    pub help: bool,
    pub unlocked: Unlocked,
}

/// Opens the PIN boxes with `pin` (every box is tried, whichever PIN it is), naming `field` when
/// the PINs are not set or the PIN is wrong.
pub(crate) fn open(profile: &Profile, field: &str, pin: &str) -> Result<Opened> {
    which(profile, field, pin)?.ok_or_else(|| Error::invalid(field, reason::WRONG_PIN))
}

/// What `pin` opens, or None for a wrong PIN; naming `field` when the PINs are not set.
pub(crate) fn which(profile: &Profile, field: &str, pin: &str) -> Result<Option<Opened>> {
    let boxes = profile.db.read(store::pin_boxes)?;
    if boxes.is_empty() {
        return Err(Error::invalid(field, reason::PINS_NOT_SET));
    }
    Ok(pins::open(&boxes, pin).map(|(kind, unlocked)| Opened {
        help: kind == Kind::Duress,
        unlocked,
    }))
}

/// Whether the check-in PINs are set (then changes to the routine ask for one).
pub(crate) fn pins_set(profile: &Profile) -> Result<bool> {
    Ok(!profile.db.read(store::pin_boxes)?.is_empty())
}

/// A fresh mark saying whether the help PIN was involved, readable with `secret`.
pub(crate) fn mark(secret: &[u8; SECRET_LEN], help: bool) -> Result<[u8; MARK_LEN]> {
    let random = pins::random_bytes::<MARK_RANDOM_LEN>()?;
    let mut mark = [0u8; MARK_LEN];
    mark[..MARK_RANDOM_LEN].copy_from_slice(&random);
    mark[MARK_RANDOM_LEN..].copy_from_slice(&tag(secret, &random, help));
    Ok(mark)
}

/// Whether `mark` says the help PIN was involved; a mark that is neither (damaged, or from
/// another secret) reads as help, so a doubt is never lost.
pub(crate) fn mark_says_help(secret: &[u8; SECRET_LEN], mark: &[u8]) -> bool {
    if mark.len() != MARK_LEN {
        return true;
    }
    let (random, tag_bytes) = mark.split_at(MARK_RANDOM_LEN);
    tag(secret, random, false)[..] != *tag_bytes
}

fn tag(secret: &[u8; SECRET_LEN], random: &[u8], help: bool) -> [u8; MARK_TAG_LEN] {
    let mut mac = <Hmac<Sha256> as hmac::digest::KeyInit>::new_from_slice(secret)
        .expect("HMAC takes a key of any length");
    mac.update(b"waymark-plan-mark-v1");
    mac.update(if help { b"help" } else { b"none" });
    mac.update(random);
    let full = mac.finalize().into_bytes();
    let mut tag = [0u8; MARK_TAG_LEN];
    tag.copy_from_slice(&full[..MARK_TAG_LEN]);
    tag
}

/// Whether the stored plan was last changed with the help PIN. No stored mark (a plan saved
/// before PINs existed, or by an earlier version) reads as not.
pub(crate) fn plan_changed_under_help(
    profile: &Profile,
    secret: &[u8; SECRET_LEN],
) -> Result<bool> {
    let stored = profile.db.read(settings::plan_mark)?;
    Ok(match stored {
        None => false,
        Some(text) => {
            let bytes = Base64UrlUnpadded::decode_vec(&text).unwrap_or_default();
            mark_says_help(secret, &bytes)
        }
    })
}

/// The mark to store with a plan change made with `opened`'s PIN. A change with the normal PIN
/// clears an earlier help mark: the traveller, alone with the real PIN, chose this plan.
pub(crate) fn stored_mark(opened: &Opened) -> Result<String> {
    Ok(Base64UrlUnpadded::encode_string(&mark(
        &opened.unlocked.secret,
        opened.help,
    )?))
}
