//! How long the lock waits after wrong PINs. A few free tries, then a wait that doubles with each
//! further wrong PIN, up to an hour: slow enough that four-digit PINs cannot be tried through in
//! a day, short enough that a traveller who mistyped is never shut out for long. Nothing is ever
//! erased, however many tries.

use chrono::{DateTime, Duration, Utc};

/// Wrong PINs allowed before the first wait.
pub(crate) const FREE_TRIES: u32 = 4;
/// The first wait, after the first wrong PIN beyond the free tries.
const FIRST_WAIT_SECONDS: i64 = 30;
/// The longest wait.
const LONGEST_WAIT_SECONDS: i64 = 60 * 60;

/// The wait after `failures` wrong PINs in a row.
pub(crate) fn wait_after(failures: u32) -> Duration {
    if failures <= FREE_TRIES {
        return Duration::zero();
    }
    let doublings = (failures - FREE_TRIES - 1).min(16);
    Duration::seconds((FIRST_WAIT_SECONDS << doublings).min(LONGEST_WAIT_SECONDS))
}

/// When the next try is allowed, given the stored instant: a clock set back (or a stored
/// instant from a wrong clock) never makes the wait longer than the longest one from `now`.
pub(crate) fn retry_at(stored: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let at = stored?;
    (at > now).then(|| at.min(now + Duration::seconds(LONGEST_WAIT_SECONDS)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_grows_after_the_free_tries_and_stops_at_an_hour() {
        for failures in 0..=FREE_TRIES {
            assert_eq!(wait_after(failures), Duration::zero(), "{failures}");
        }
        assert_eq!(wait_after(5), Duration::seconds(30));
        assert_eq!(wait_after(6), Duration::seconds(60));
        assert_eq!(wait_after(7), Duration::minutes(2));
        assert_eq!(wait_after(11), Duration::minutes(32));
        assert_eq!(wait_after(12), Duration::hours(1));
        assert_eq!(wait_after(u32::MAX), Duration::hours(1));
    }

    #[test]
    fn a_clock_set_back_does_not_lengthen_the_wait() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        assert_eq!(retry_at(None, now), None);
        assert_eq!(retry_at(Some(now - Duration::seconds(1)), now), None);
        assert_eq!(retry_at(Some(now), now), None);
        let soon = now + Duration::seconds(30);
        assert_eq!(retry_at(Some(soon), now), Some(soon));
        let far = now + Duration::days(30);
        assert_eq!(retry_at(Some(far), now), Some(now + Duration::hours(1)));
    }
}
