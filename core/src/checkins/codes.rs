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

/// Digits in a pause, extension or end code: never six (a check-in) nor eight (practice), so
/// none of the three kinds of code can ever be taken for another, whatever their values.
pub(crate) const EVENT_DIGITS: u32 = 7;

/// What a trip event code announces; its parameter is bound into the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event {
    /// Check-ins paused until the parameter: the pause's end in 15-minute steps since
    /// 1970-01-01T00:00Z.
    Pause,
    /// The trip extended: the parameter is the new last day (days since 1970-01-01, a local
    /// date in the plan's zone).
    Extend,
    /// The trip ended ("I am home"): the parameter is the UTC day it was sent.
    End,
}

impl Event {
    fn label(self) -> &'static [u8] {
        match self {
            Event::Pause => b"pause",
            Event::Extend => b"extend",
            Event::End => b"end",
        }
    }
}

/// The code for `event` with `param` of `kind`: the two kinds always differ for the same event
/// and parameter, as for check-in codes.
pub(crate) fn event_code(secret: &[u8], event: Event, param: u32, kind: Kind) -> String {
    let value = |kind: Kind, variant: u8| {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret)
            .expect("HMAC takes keys of any length");
        mac.update(b"waymark-event-code-v1\0");
        mac.update(event.label());
        mac.update(b"\0");
        mac.update(kind.label());
        mac.update(&[variant]);
        mac.update(&param.to_be_bytes());
        dynamic_truncation(&mac.finalize().into_bytes()) % 10u32.pow(EVENT_DIGITS)
    };
    let normal = value(Kind::Normal, 0);
    let chosen = match kind {
        Kind::Normal => normal,
        Kind::Duress if value(Kind::Duress, 0) == normal => value(Kind::Duress, 1),
        Kind::Duress => value(Kind::Duress, 0),
    };
    format!("{chosen:0width$}", width = EVENT_DIGITS as usize)
}

/// Which kind `candidate` is as the code of `event` with `param`, if it is either.
#[cfg(test)]
pub(crate) fn classify_event(
    secret: &[u8],
    event: Event,
    param: u32,
    candidate: &str,
) -> Option<Kind> {
    [Kind::Normal, Kind::Duress].into_iter().find(|kind| {
        constant_time_eq(
            event_code(secret, event, param, *kind).as_bytes(),
            candidate.as_bytes(),
        )
    })
}

/// Minutes in one step of a pause's end.
pub(crate) const PAUSE_STEP_MINUTES: i64 = 15;

/// The pause-end step of `at` (15-minute steps since the epoch), rounded up, so a pause never
/// ends before the time asked for by more than nothing, nor after it by 15 minutes or more.
pub(crate) fn pause_step(at: chrono::DateTime<chrono::Utc>) -> Option<u32> {
    let step = PAUSE_STEP_MINUTES * 60;
    let seconds = at.timestamp();
    if seconds < 0 {
        return None;
    }
    u32::try_from((seconds + step - 1) / step).ok()
}

/// The instant a pause-end step stands for.
pub(crate) fn pause_step_instant(step: u32) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(i64::from(step) * PAUSE_STEP_MINUTES * 60, 0)
        .unwrap_or_default()
}

/// Which event, parameter and kind `candidate` is, trying every parameter a message received at
/// `now` can carry: a pause ending from a day before to eight days after, a last day from two
/// days before to a year after, an end sent within two days. Calls for help are tried first
/// across every event, so that in the rare case one value is both a help code and a normal one
/// (about one in several thousand), the family is told to call rather than told all is well.
pub(crate) fn event_kind(
    secret: &[u8],
    now: chrono::DateTime<chrono::Utc>,
    candidate: &str,
) -> Option<(Event, u32, Kind)> {
    if candidate.len() != EVENT_DIGITS as usize {
        return None;
    }
    let today = practice_day(now.into());
    let step_now = pause_step(now).unwrap_or(0);
    let steps_per_day = (24 * 60 / PAUSE_STEP_MINUTES) as u32;
    let ranges = [
        (
            Event::Pause,
            step_now.saturating_sub(steps_per_day)..=step_now.saturating_add(8 * steps_per_day + 1),
        ),
        (
            Event::Extend,
            today.saturating_sub(2)..=today.saturating_add(367),
        ),
        (
            Event::End,
            today.saturating_sub(2)..=today.saturating_add(2),
        ),
    ];
    [Kind::Duress, Kind::Normal].into_iter().find_map(|kind| {
        ranges.iter().find_map(|(event, params)| {
            params.clone().find_map(|param| {
                constant_time_eq(
                    event_code(secret, *event, param, kind).as_bytes(),
                    candidate.as_bytes(),
                )
                .then_some((*event, param, kind))
            })
        })
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
    fn event_codes_are_seven_digits_bound_to_event_parameter_and_kind() {
        let secret = [5u8; 32];
        for param in 20_000..20_300 {
            for event in [Event::Pause, Event::Extend, Event::End] {
                let normal = event_code(&secret, event, param, Kind::Normal);
                let duress = event_code(&secret, event, param, Kind::Duress);
                assert_eq!(normal.len(), 7);
                assert_ne!(normal, duress);
                assert_eq!(
                    classify_event(&secret, event, param, &normal),
                    Some(Kind::Normal)
                );
                assert_eq!(
                    classify_event(&secret, event, param, &duress),
                    Some(Kind::Duress)
                );
                // Never a check-in or practice code, nor the reverse, whatever the values.
                for n in 0..20 {
                    assert_eq!(classify(&secret, n, &normal), None);
                    assert_eq!(classify_practice(&secret, param, &normal), None);
                    let checkin = code(&secret, n, Kind::Duress);
                    let practice = practice_code(&secret, param, Kind::Duress);
                    assert_eq!(classify_event(&secret, event, param, &checkin), None);
                    assert_eq!(classify_event(&secret, event, param, &practice), None);
                }
            }
        }
        assert_ne!(
            event_code(&secret, Event::Pause, 7, Kind::Normal),
            event_code(&secret, Event::End, 7, Kind::Normal),
            "another event, another code"
        );
    }

    #[test]
    fn the_family_recovers_the_event_and_its_parameter_from_the_code_alone() {
        let secret = [9u8; 32];
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-03T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let step = pause_step(now).unwrap();
        let today = practice_day(now.into());
        for (event, param) in [
            (Event::Pause, step + 1),
            (Event::Pause, step + 8 * 96),
            (Event::Pause, step - 90),
            (Event::Extend, today + 365),
            (Event::Extend, today - 1),
            (Event::End, today - 2),
            (Event::End, today + 1),
        ] {
            for kind in [Kind::Normal, Kind::Duress] {
                let code = event_code(&secret, event, param, kind);
                assert_eq!(event_kind(&secret, now, &code), Some((event, param, kind)));
            }
        }
        // Out of range: a pause that ended two days ago, an end sent a week ago.
        let old = event_code(&secret, Event::Pause, step - 2 * 96, Kind::Normal);
        let stale = event_code(&secret, Event::End, today - 7, Kind::Normal);
        for code in [old, stale] {
            assert_ne!(
                event_kind(&secret, now, &code).map(|(_, p, _)| p),
                Some(step - 2 * 96)
            );
        }
        assert_eq!(event_kind(&secret, now, "123456"), None, "six digits");
        assert_eq!(event_kind(&secret, now, "12345678"), None, "eight digits");
    }

    #[test]
    fn pause_steps_round_up_to_the_quarter_hour() {
        let t = |s: &str| {
            chrono::DateTime::parse_from_rfc3339(s)
                .unwrap()
                .with_timezone(&chrono::Utc)
        };
        let step = pause_step(t("2026-03-03T10:00:00Z")).unwrap();
        assert_eq!(pause_step_instant(step), t("2026-03-03T10:00:00Z"));
        let up = pause_step(t("2026-03-03T10:00:01Z")).unwrap();
        assert_eq!(pause_step_instant(up), t("2026-03-03T10:15:00Z"));
        assert_eq!(pause_step(t("1969-12-31T00:00:00Z")), None);
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
