//! Trip dates as people pick them (a calendar day) turned into the instants a trip plan holds,
//! and back, so a shell's date picker never decides which instant a day starts at.

use std::time::SystemTime;

use crate::zone::Zone;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use crate::content::reasons::english;
use crate::error::{Error, Result, WaymarkError, reason};
use crate::zone::parse_zone;

/// The instant a trip day begins: midnight of `date` ("YYYY-MM-DD") in `time_zone` (IANA). Where
/// a clock change skips midnight that day, the day begins at the first minute that exists.
/// Made without a profile, so an error's reason is in English.
#[uniffi::export]
pub fn trip_day_start(
    date: String,
    time_zone: String,
) -> std::result::Result<SystemTime, WaymarkError> {
    day_start(&date, &time_zone).map_err(english)
}

/// The instant a trip whose last day is `date` ("YYYY-MM-DD") ends in `time_zone` (IANA): the
/// start of the next day, so the last day's check-ins are all in the trip. Date pickers pass the
/// picked last day here, never to `trip_day_start`. Made without a profile, so an error's reason
/// is in English.
#[uniffi::export]
pub fn trip_day_end(
    date: String,
    time_zone: String,
) -> std::result::Result<SystemTime, WaymarkError> {
    day_end(&date, &time_zone).map_err(english)
}

/// The calendar day ("YYYY-MM-DD") that `at` falls on in `time_zone` (IANA): the inverse of
/// `trip_day_start`, for showing a stored plan's dates in a form. Made without a profile, so an
/// error's reason is in English.
#[uniffi::export]
pub fn trip_day_of(at: SystemTime, time_zone: String) -> std::result::Result<String, WaymarkError> {
    day_of(at, &time_zone).map_err(english)
}

/// A calendar day as a date picker takes and gives it: the year, the month (1 to 12) and the day
/// of the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct CalendarDay {
    /// The year, e.g. 2026.
    pub year: i32,
    /// The month, 1 for January to 12.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

/// The parts of a form's day ("YYYY-MM-DD"), to open a date picker on it; None for anything
/// that is not such a day.
#[uniffi::export]
pub fn calendar_day(date: String) -> Option<CalendarDay> {
    use chrono::Datelike;
    let day = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").ok()?;
    Some(CalendarDay {
        year: day.year(),
        month: day.month(),
        day: day.day(),
    })
}

/// The form's text ("YYYY-MM-DD") of the day a date picker gave; None for a day no calendar has
/// (31 April, say).
#[uniffi::export]
pub fn calendar_day_text(day: CalendarDay) -> Option<String> {
    NaiveDate::from_ymd_opt(day.year, day.month, day.day).map(|d| d.format("%Y-%m-%d").to_string())
}

pub(crate) fn day_of(at: SystemTime, time_zone: &str) -> Result<String> {
    let zone = parse_zone(time_zone)?;
    Ok(DateTime::<Utc>::from(at)
        .with_timezone(&zone)
        .format("%Y-%m-%d")
        .to_string())
}

/// The last day of a trip that ends at `ends`: the day of the instant just before it, so a trip
/// ending at midnight shows the day before as its last.
pub(crate) fn last_day_of(ends: SystemTime, time_zone: &str) -> Result<String> {
    let just_before = DateTime::<Utc>::from(ends) - Duration::milliseconds(1);
    day_of(just_before.into(), time_zone)
}

/// Days since 1970-01-01 of `day`: the parameter of an extension's code.
pub(crate) fn day_number(day: NaiveDate) -> u32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    u32::try_from((day - epoch).num_days()).unwrap_or(0)
}

/// The day `number` days after 1970-01-01.
pub(crate) fn day_of_number(number: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_days(chrono::Days::new(u64::from(number)))
}

/// The instant of a local date and time ("YYYY-MM-DD HH:MM", or with a "T") in `zone`, as a
/// shell's date and time pickers give it: a time a spring-forward night skips is moved forward
/// by the gap, a time a fall-back night repeats is the earlier one (as the schedule does).
pub(crate) fn local_date_time(text: &str, zone: &Zone) -> Result<SystemTime> {
    let text = text.trim();
    let local = ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|format| chrono::NaiveDateTime::parse_from_str(text, format).ok())
        .ok_or_else(|| Error::invalid("date_time", reason::DATE_TIME_FORMAT))?;
    Ok(super::schedule::local_instant(zone, local.date(), local.time()).into())
}

pub(crate) fn day_end(date: &str, time_zone: &str) -> Result<SystemTime> {
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_err(|_| Error::invalid("date", reason::DATE_FORMAT))?;
    let next = day
        .succ_opt()
        .ok_or_else(|| Error::invalid("date", reason::DATE_FORMAT))?;
    day_start(&next.format("%Y-%m-%d").to_string(), time_zone)
}

pub(crate) fn day_start(date: &str, time_zone: &str) -> Result<SystemTime> {
    let zone: Zone = parse_zone(time_zone)?;
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_err(|_| Error::invalid("date", reason::DATE_FORMAT))?;
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    // A gap is at most a few hours long; the first existing minute after it starts the day.
    (0..=24 * 60)
        .map(|minute| midnight + Duration::minutes(minute))
        .find_map(|local| zone.from_local_datetime(&local).earliest())
        .map(|start| start.with_timezone(&Utc).into())
        .ok_or_else(|| Error::invalid("date", reason::DAY_MISSING_IN_ZONE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_pickers_day_goes_through_its_parts_and_back() {
        let parts = calendar_day("2028-02-29".into()).unwrap();
        assert_eq!(
            parts,
            CalendarDay {
                year: 2028,
                month: 2,
                day: 29
            }
        );
        assert_eq!(calendar_day_text(parts).as_deref(), Some("2028-02-29"));
        assert_eq!(
            calendar_day_text(CalendarDay {
                year: 2026,
                month: 3,
                day: 2
            })
            .as_deref(),
            Some("2026-03-02")
        );
        for bad in ["2027-02-29", "02.03.2026", "", "2026-3-2x"] {
            assert_eq!(calendar_day(bad.into()), None, "{bad}");
        }
        assert_eq!(
            calendar_day_text(CalendarDay {
                year: 2026,
                month: 4,
                day: 31
            }),
            None
        );
    }
    use crate::time_json::rfc3339;

    fn start(date: &str, zone: &str) -> String {
        rfc3339(day_start(date, zone).unwrap())
    }

    #[test]
    fn a_day_starts_at_local_midnight_in_the_zone_given() {
        assert_eq!(
            start("2026-03-02", "Europe/Moscow"),
            "2026-03-01T21:00:00.000Z"
        );
        assert_eq!(
            start("2026-03-02", "Asia/Tokyo"),
            "2026-03-01T15:00:00.000Z"
        );
        assert_eq!(
            start("2026-03-02", "America/New_York"),
            "2026-03-02T05:00:00.000Z"
        );
    }

    #[test]
    fn daylight_saving_changes_move_midnight_with_the_clock() {
        // Berlin: winter time before the last Sunday of March, summer time after.
        assert_eq!(
            start("2026-03-29", "Europe/Berlin"),
            "2026-03-28T23:00:00.000Z"
        );
        assert_eq!(
            start("2026-03-30", "Europe/Berlin"),
            "2026-03-29T22:00:00.000Z"
        );
        // Santiago skips from 00:00 to 01:00 on the first Sunday of September: the day starts
        // at 01:00 summer time (UTC-3).
        assert_eq!(
            start("2026-09-06", "America/Santiago"),
            "2026-09-06T04:00:00.000Z"
        );
        // Santiago's autumn change repeats 23:00-24:00 on Saturday; midnight is unique.
        assert_eq!(
            start("2026-04-05", "America/Santiago"),
            "2026-04-05T04:00:00.000Z"
        );
    }

    #[test]
    fn the_day_of_an_instant_is_the_inverse_in_any_zone() {
        for zone in [
            "Europe/Moscow",
            "Asia/Tokyo",
            "America/Santiago",
            "Europe/Berlin",
        ] {
            for date in ["2026-03-29", "2026-09-06", "2026-12-31"] {
                let at = day_start(date, zone).unwrap();
                assert_eq!(trip_day_of(at, zone.into()).unwrap(), date, "{zone}");
            }
        }
    }

    #[test]
    fn bad_dates_and_zones_name_the_field() {
        for (date, zone, field) in [
            ("2026-02-30", "Europe/Moscow", "date"),
            ("02.03.2026", "Europe/Moscow", "date"),
            ("2026-03-02", "Moscow", "time_zone"),
        ] {
            match day_start(date, zone) {
                Err(Error::Invalid { field: f, .. }) => {
                    assert_eq!(f, field)
                }
                other => panic!("expected invalid {field}, got {other:?}"),
            }
        }
    }

    #[test]
    fn a_trip_ends_when_its_last_day_does_and_shows_that_day_back() {
        let ends = day_end("2026-05-31", "Europe/Moscow").unwrap();
        assert_eq!(rfc3339(ends), "2026-05-31T21:00:00.000Z");
        assert_eq!(last_day_of(ends, "Europe/Moscow").unwrap(), "2026-05-31");
        // Across the change to summer time in Santiago (midnight is skipped on 6 September).
        let ends = day_end("2026-09-05", "America/Santiago").unwrap();
        assert_eq!(rfc3339(ends), "2026-09-06T04:00:00.000Z");
        assert_eq!(last_day_of(ends, "America/Santiago").unwrap(), "2026-09-05");
        assert!(day_end("2026-02-30", "Europe/Moscow").is_err());
    }
}
