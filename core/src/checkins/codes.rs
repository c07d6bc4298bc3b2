//! Verification codes: six digits bound to one slot and to whether the check-in was normal or
//! under duress, computed from the secret both sides share (HMAC-SHA-256 with the dynamic
//! truncation of RFC 4226). Only someone holding the secret can tell the two kinds apart.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// Which PIN was entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Normal,
    Duress,
}

impl Kind {
    fn label(self) -> &'static [u8] {
        match self {
            Kind::Normal => b"normal",
            Kind::Duress => b"duress",
        }
    }
}

/// Digits in a code.
pub(crate) const CODE_DIGITS: u32 = 6;

/// The code for `slot` of `kind`. The two kinds always differ for the same slot: were the
/// truncated values ever equal, the duress code moves to the next value.
pub(crate) fn code(secret: &[u8], slot: u32, kind: Kind) -> String {
    let normal = truncated(secret, slot, Kind::Normal, 0);
    let value = match kind {
        Kind::Normal => normal,
        Kind::Duress => {
            let duress = truncated(secret, slot, Kind::Duress, 0);
            if duress == normal {
                truncated(secret, slot, Kind::Duress, 1)
            } else {
                duress
            }
        }
    };
    format!("{value:0width$}", width = CODE_DIGITS as usize)
}

/// Which kind `candidate` is for `slot`, if it is either.
pub(crate) fn classify(secret: &[u8], slot: u32, candidate: &str) -> Option<Kind> {
    [Kind::Normal, Kind::Duress]
        .into_iter()
        .find(|kind| constant_time_eq(code(secret, slot, *kind).as_bytes(), candidate.as_bytes()))
}

/// Digits in a practice code: never six, so a practice code can never be taken for a check-in
/// code, nor the reverse, whatever their values.
pub(crate) const PRACTICE_DIGITS: u32 = 8;

/// The practice code for the UTC day `day` (days since 1970-01-01) of `kind`: the two kinds
/// always differ, as for check-in codes.
pub(crate) fn practice_code(secret: &[u8], day: u32, kind: Kind) -> String {
    let value = |kind: Kind, variant: u8| {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret)
            .expect("HMAC takes keys of any length");
        mac.update(b"waymark-practice-code-v1\0");
        mac.update(kind.label());
        mac.update(&[variant]);
        mac.update(&day.to_be_bytes());
        dynamic_truncation(&mac.finalize().into_bytes()) % 10u32.pow(PRACTICE_DIGITS)
    };
    let normal = value(Kind::Normal, 0);
    let chosen = match kind {
        Kind::Normal => normal,
        Kind::Duress if value(Kind::Duress, 0) == normal => value(Kind::Duress, 1),
        Kind::Duress => value(Kind::Duress, 0),
    };
    format!("{chosen:0width$}", width = PRACTICE_DIGITS as usize)
}

/// The UTC day a practice code is bound to: days since 1970-01-01.
pub(crate) fn practice_day(at: std::time::SystemTime) -> u32 {
    let seconds = match at.duration_since(std::time::UNIX_EPOCH) {
        Ok(after) => after.as_secs(),
        Err(_) => 0,
    };
    u32::try_from(seconds / 86_400).unwrap_or(u32::MAX)
}

/// Which kind `candidate` is as a practice code made at about `now`: the day before, that day
/// or the day after (clocks and time zones differ, and a practice message may wait a night).
pub(crate) fn practice_kind(
    secret: &[u8],
    now: std::time::SystemTime,
    candidate: &str,
) -> Option<Kind> {
    let today = practice_day(now);
    (today.saturating_sub(1)..=today.saturating_add(1))
        .find_map(|day| classify_practice(secret, day, candidate))
}

/// Which kind `candidate` is as a practice code for `day`, if it is either.
pub(crate) fn classify_practice(secret: &[u8], day: u32, candidate: &str) -> Option<Kind> {
    [Kind::Normal, Kind::Duress].into_iter().find(|kind| {
        constant_time_eq(
            practice_code(secret, day, *kind).as_bytes(),
            candidate.as_bytes(),
        )
    })
}

fn truncated(secret: &[u8], slot: u32, kind: Kind, variant: u8) -> u32 {
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(b"waymark-checkin-code-v1\0");
    mac.update(kind.label());
    mac.update(&[variant]);
    mac.update(&slot.to_be_bytes());
    dynamic_truncation(&mac.finalize().into_bytes()) % 10u32.pow(CODE_DIGITS)
}

/// RFC 4226 section 5.3: the low nibble of the last byte picks four bytes, read as a 31-bit
/// number.
fn dynamic_truncation(digest: &[u8]) -> u32 {
    let offset = usize::from(digest[digest.len() - 1] & 0x0f);
    u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ])
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits_bound_to_slot_and_kind() {
        let secret = [7u8; 32];
        let normal = code(&secret, 3, Kind::Normal);
        let duress = code(&secret, 3, Kind::Duress);
        assert_eq!(normal.len(), 6);
        assert!(normal.bytes().all(|b| b.is_ascii_digit()));
        assert_ne!(normal, duress);
        assert_ne!(
            normal,
            code(&secret, 4, Kind::Normal),
            "another slot, another code"
        );
        assert_ne!(
            normal,
            code(&[8u8; 32], 3, Kind::Normal),
            "another secret, another code"
        );
        assert_eq!(normal, code(&secret, 3, Kind::Normal), "deterministic");
    }

    #[test]
    fn classification_tells_normal_duress_and_foreign_codes_apart() {
        let secret = [1u8; 32];
        for slot in 0..200 {
            assert_eq!(
                classify(&secret, slot, &code(&secret, slot, Kind::Normal)),
                Some(Kind::Normal)
            );
            assert_eq!(
                classify(&secret, slot, &code(&secret, slot, Kind::Duress)),
                Some(Kind::Duress)
            );
        }
        let other_slot = (6..)
            .find(|s| code(&secret, *s, Kind::Normal) != code(&secret, 5, Kind::Normal))
            .unwrap();
        assert_eq!(
            classify(&secret, 5, &code(&secret, other_slot, Kind::Normal)),
            None,
            "a code for another slot"
        );
        assert_eq!(classify(&secret, 5, "12345"), None);
        assert_eq!(classify(&secret, 5, ""), None);
    }

    #[test]
    fn practice_codes_are_eight_digits_of_their_own_and_never_a_check_in_code() {
        let secret = [3u8; 32];
        for day in 20_000..20_400 {
            let normal = practice_code(&secret, day, Kind::Normal);
            let duress = practice_code(&secret, day, Kind::Duress);
            assert_eq!(normal.len(), 8);
            assert_ne!(normal, duress);
            assert_eq!(classify_practice(&secret, day, &normal), Some(Kind::Normal));
            assert_eq!(classify_practice(&secret, day, &duress), Some(Kind::Duress));
            // Whatever the slot, a practice code is not a check-in code, nor the reverse.
            for slot in 0..50 {
                assert_eq!(classify(&secret, slot, &normal), None);
                assert_eq!(
                    classify_practice(&secret, day, &code(&secret, slot, Kind::Normal)),
                    None
                );
            }
        }
    }

    #[test]
    fn the_truncation_is_the_one_of_rfc_4226() {
        // RFC 4226 section 5.4: this HMAC-SHA-1 result truncates to 0x50ef7f19, so 872921.
        let digest = [
            0x1f, 0x86, 0x98, 0x69, 0x0e, 0x02, 0xca, 0x16, 0x61, 0x85, 0x50, 0xef, 0x7f, 0x19,
            0xda, 0x8e, 0x94, 0x5b, 0x55, 0x5a,
        ];
        assert_eq!(dynamic_truncation(&digest), 0x50ef_7f19);
        assert_eq!(dynamic_truncation(&digest) % 1_000_000, 872_921);
    }
}
