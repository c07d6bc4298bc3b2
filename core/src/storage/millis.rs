//! Instants as stored: milliseconds since the Unix epoch, UTC, in an INTEGER column.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The stored form of `at` (instants before 1970 are negative).
pub(crate) fn to_millis(at: SystemTime) -> i64 {
    match at.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_millis()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_millis()).unwrap_or(i64::MAX),
    }
}

/// The instant a stored value stands for.
pub(crate) fn from_millis(millis: i64) -> SystemTime {
    let magnitude = Duration::from_millis(millis.unsigned_abs());
    if millis >= 0 {
        UNIX_EPOCH + magnitude
    } else {
        UNIX_EPOCH - magnitude
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_round_trip_on_both_sides_of_1970() {
        for millis in [0, 1, -1, 1_772_357_400_000, -86_400_000] {
            assert_eq!(to_millis(from_millis(millis)), millis);
        }
    }
}
