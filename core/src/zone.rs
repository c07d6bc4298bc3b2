//! IANA time zones read from the device's own time zone database, as a chrono `TimeZone`.
//!
//! Android keeps the database in its time zone APEX (updated with the system, between app
//! releases), iOS, macOS and Linux in `/usr/share/zoneinfo`; jiff reads either format. Using the
//! device's copy keeps the core's check-in times in step with the times the phone's own clock and
//! notifications show, gets rule changes without an app update, and keeps the library small: a
//! compiled-in copy of every zone's history weighed 1.2 MB. Where a platform may not let an app
//! read the system copy (iOS), or might move it or keep it old (Android), core/Cargo.toml also
//! bundles jiff's copy, used only when no system copy is found or it lacks the zone asked for.

use std::fmt;
use std::sync::OnceLock;

use chrono::{FixedOffset, MappedLocalTime, NaiveDate, NaiveDateTime, Offset, TimeZone};
use jiff::tz::{AmbiguousOffset, TimeZone as JiffZone, TimeZoneDatabase};
use jiff::{Timestamp, civil};

/// Android's time zone APEX (Android 10 and later), which system updates keep current between
/// Android releases. jiff itself looks only in the older places (`/system/usr/share/zoneinfo`,
/// `/data/misc/zoneinfo`), which may hold older rules or, on some devices, nothing.
// Compiled into the host's unit tests too, where the file is absent: the fallback is exercised and
// the Android branch is type-checked on a machine without an NDK.
#[cfg(any(target_os = "android", test))]
const ANDROID_TZDATA_APEX: &str = "/apex/com.android.tzdata/etc/tz/tzdata";

/// The device's time zone database, found once: on Android the APEX copy first; then the places
/// jiff knows (`TZDIR`, `/usr/share/zoneinfo`, Android's older copies), then a bundled copy where
/// the build has one.
fn database() -> &'static TimeZoneDatabase {
    static DATABASE: OnceLock<TimeZoneDatabase> = OnceLock::new();
    DATABASE.get_or_init(|| {
        #[cfg(any(target_os = "android", test))]
        if let Ok(apex) = TimeZoneDatabase::from_concatenated_path(ANDROID_TZDATA_APEX)
            && !apex.is_definitively_empty()
        {
            return apex;
        }
        TimeZoneDatabase::from_env()
    })
}

/// jiff's bundled copy of the database where the build carries one (Android and iOS, see
/// core/Cargo.toml), empty elsewhere: the fallback for a zone the device's database lacks.
fn bundled() -> &'static TimeZoneDatabase {
    static BUNDLED: OnceLock<TimeZoneDatabase> = OnceLock::new();
    BUNDLED.get_or_init(TimeZoneDatabase::bundled)
}

/// Why a zone name could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ZoneError {
    /// The name is not in the database.
    Unknown,
    /// This device has no time zone database at all.
    NoDatabase,
}

/// An IANA time zone, cheap to clone (the rules are shared).
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Zone(JiffZone);

impl Zone {
    /// The zone called `name` ("Europe/Moscow"); the name is matched without regard to case and
    /// the zone keeps the database's spelling.
    pub(crate) fn named(name: &str) -> Result<Self, ZoneError> {
        // A path-like name must not reach the file system as anything but a zone name.
        if name.is_empty() || name.starts_with('/') || name.split('/').any(|part| part == "..") {
            return Err(ZoneError::Unknown);
        }
        // A device whose database predates a zone (a phone without system updates) still finds
        // it in the bundled copy, where the build carries one.
        match database().get(name).or_else(|_| bundled().get(name)) {
            Ok(zone) if zone.iana_name().is_some() => Ok(Self(zone)),
            Ok(_) => Err(ZoneError::Unknown),
            Err(_) if database().is_definitively_empty() && bundled().is_definitively_empty() => {
                Err(ZoneError::NoDatabase)
            }
            Err(_) => Err(ZoneError::Unknown),
        }
    }

    /// The IANA name, as the database spells it.
    pub(crate) fn name(&self) -> &str {
        self.0.iana_name().unwrap_or("UTC")
    }

    fn offset_at(&self, instant: &NaiveDateTime) -> FixedOffset {
        let seconds = instant.and_utc().timestamp();
        let timestamp = Timestamp::from_second(seconds).unwrap_or(if seconds < 0 {
            Timestamp::MIN
        } else {
            Timestamp::MAX
        });
        fixed(self.0.to_offset(timestamp))
    }
}

/// Every zone a person may pick: the device's database (and the bundled copy where the build has
/// one), places only ("Europe/Istanbul", not "Etc/GMT+3" or the old "US/Pacific" aliases),
/// sorted by name.
pub(crate) fn zone_names() -> Vec<String> {
    let mut names: Vec<String> = database()
        .available()
        .chain(bundled().available())
        .map(|name| name.as_str().to_owned())
        .filter(|name| is_place(name))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Whether `name` is a place people live in: a region and a city, outside the database's
/// technical folders.
fn is_place(name: &str) -> bool {
    const REGIONS: &[&str] = &[
        "Africa/",
        "America/",
        "Antarctica/",
        "Asia/",
        "Atlantic/",
        "Australia/",
        "Europe/",
        "Indian/",
        "Pacific/",
    ];
    REGIONS.iter().any(|region| name.starts_with(region))
}

/// The zone a person named in the field `time_zone`; a name the database lacks is refused with
/// an example of a valid one.
pub(crate) fn parse_zone(name: &str) -> crate::error::Result<Zone> {
    Zone::named(name).map_err(|e| e.invalid("time_zone", "Europe/Moscow"))
}

impl std::str::FromStr for Zone {
    type Err = ZoneError;

    fn from_str(name: &str) -> Result<Self, ZoneError> {
        Self::named(name)
    }
}

impl ZoneError {
    /// The error for `field`, its reason with an example of a valid name.
    pub(crate) fn invalid(self, field: &str, example: &str) -> crate::error::Error {
        use crate::error::{Error, reason};
        match self {
            Self::Unknown => Error::invalid_with(
                field,
                reason::TIME_ZONE_UNKNOWN,
                &[("example", example.to_owned())],
            ),
            Self::NoDatabase => Error::invalid(field, reason::TIME_ZONE_NO_DATABASE),
        }
    }

    /// What to tell the person, with an example of a valid name.
    pub(crate) fn reason(self, example: &str) -> String {
        match self {
            Self::Unknown => format!("expected an IANA time zone name such as \"{example}\""),
            Self::NoDatabase => "this device has no time zone database (tzdata)".to_owned(),
        }
    }
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The offset in force at one instant in a [`Zone`], carrying the zone so chrono can keep
/// computing in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ZoneOffset {
    zone: Zone,
    fixed: FixedOffset,
}

impl Offset for ZoneOffset {
    fn fix(&self) -> FixedOffset {
        self.fixed
    }
}

impl fmt::Display for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.fixed, f)
    }
}

impl TimeZone for Zone {
    type Offset = ZoneOffset;

    fn from_offset(offset: &ZoneOffset) -> Self {
        offset.zone.clone()
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<ZoneOffset> {
        self.offset_from_local_datetime(&local.and_time(chrono::NaiveTime::MIN))
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<ZoneOffset> {
        let Some(civil) = civil_of(local) else {
            return MappedLocalTime::None;
        };
        let offset = |fixed| ZoneOffset {
            zone: self.clone(),
            fixed,
        };
        match self.0.to_ambiguous_timestamp(civil).offset() {
            AmbiguousOffset::Unambiguous { offset: o } => MappedLocalTime::Single(offset(fixed(o))),
            AmbiguousOffset::Gap { .. } => MappedLocalTime::None,
            // The earlier instant first, as chrono orders an ambiguous time.
            AmbiguousOffset::Fold { before, after } => {
                MappedLocalTime::Ambiguous(offset(fixed(before)), offset(fixed(after)))
            }
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> ZoneOffset {
        self.offset_from_utc_datetime(&utc.and_time(chrono::NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> ZoneOffset {
        ZoneOffset {
            zone: self.clone(),
            fixed: self.offset_at(utc),
        }
    }
}

fn fixed(offset: jiff::tz::Offset) -> FixedOffset {
    // jiff allows offsets up to ±25:59:59 and chrono only under ±24:00; every real zone is far
    // inside both, so the fallback to UTC is never reached with database data.
    FixedOffset::east_opt(offset.seconds()).unwrap_or_else(|| chrono::Utc.fix())
}

/// A chrono wall-clock time as jiff's, or nothing outside jiff's years -9999 to 9999.
fn civil_of(local: &NaiveDateTime) -> Option<civil::DateTime> {
    use chrono::{Datelike, Timelike};
    civil::DateTime::new(
        i16::try_from(local.year()).ok()?,
        local.month() as i8,
        local.day() as i8,
        local.hour() as i8,
        local.minute() as i8,
        local.second() as i8,
        // A leap second's nanoseconds (chrono allows 1e9 and more) fold into the second before.
        local.nanosecond().min(999_999_999) as i32,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;

    fn zone(name: &str) -> Zone {
        Zone::named(name).expect("zone in the test machine's database")
    }

    fn wall(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn names_are_matched_without_case_and_kept_as_the_database_spells_them() {
        assert_eq!(zone("europe/berlin").name(), "Europe/Berlin");
        assert_eq!(
            zone("America/Argentina/Buenos_Aires").name(),
            "America/Argentina/Buenos_Aires"
        );
    }

    #[test]
    fn unknown_and_path_like_names_are_refused() {
        for name in [
            "",
            "Mars/Olympus",
            "Europe",
            "/etc/passwd",
            "../../etc/passwd",
            "Europe/../UTC",
        ] {
            assert_eq!(Zone::named(name), Err(ZoneError::Unknown), "{name:?}");
        }
    }

    #[test]
    fn utc_instants_take_the_offset_in_force() {
        let berlin = zone("Europe/Berlin");
        let winter = Utc.from_utc_datetime(&wall(2026, 1, 15, 12, 0));
        let summer = Utc.from_utc_datetime(&wall(2026, 7, 15, 12, 0));
        assert_eq!(
            winter.with_timezone(&berlin).to_rfc3339(),
            "2026-01-15T13:00:00+01:00"
        );
        assert_eq!(
            summer.with_timezone(&berlin).to_rfc3339(),
            "2026-07-15T14:00:00+02:00"
        );
        // Moscow has kept +03 all year since 2014.
        let moscow = zone("Europe/Moscow");
        assert_eq!(
            winter.with_timezone(&moscow).to_rfc3339(),
            "2026-01-15T15:00:00+03:00"
        );
    }

    #[test]
    fn a_skipped_wall_time_has_no_instant_and_a_repeated_one_has_two_in_order() {
        let berlin = zone("Europe/Berlin");
        // 29 March 2026: 02:00 jumps to 03:00.
        assert_eq!(
            berlin.from_local_datetime(&wall(2026, 3, 29, 2, 30)),
            MappedLocalTime::None
        );
        // 25 October 2026: 03:00 goes back to 02:00, so 02:30 happens at +02 and then at +01.
        let MappedLocalTime::Ambiguous(first, second) =
            berlin.from_local_datetime(&wall(2026, 10, 25, 2, 30))
        else {
            panic!("02:30 on the night clocks go back happens twice");
        };
        assert_eq!(first.to_rfc3339(), "2026-10-25T02:30:00+02:00");
        assert_eq!(second.to_rfc3339(), "2026-10-25T02:30:00+01:00");
        assert!(first < second);
    }

    #[test]
    fn southern_hemisphere_changes_go_the_other_way() {
        // Santiago: clocks go back on 5 April 2026 (00:00 at -03 becomes 23:00 at -04 the day
        // before) and forward on 6 September 2026 (00:00 becomes 01:00).
        let santiago = zone("America/Santiago");
        assert_eq!(
            santiago.from_local_datetime(&wall(2026, 9, 6, 0, 30)),
            MappedLocalTime::None
        );
        assert!(matches!(
            santiago.from_local_datetime(&wall(2026, 4, 4, 23, 30)),
            MappedLocalTime::Ambiguous(..)
        ));
        let noon = Utc.from_utc_datetime(&wall(2026, 1, 15, 15, 0));
        assert_eq!(
            noon.with_timezone(&santiago).to_rfc3339(),
            "2026-01-15T12:00:00-03:00"
        );
    }

    #[test]
    fn a_time_carries_its_zone_through_chrono_arithmetic() {
        let new_york = zone("America/New_York");
        // 8 March 2026, US clocks jump from 02:00 to 03:00: one day later on the clock is 23
        // hours later in fact.
        let before = new_york
            .from_local_datetime(&wall(2026, 3, 7, 12, 0))
            .unwrap();
        let next_day = before
            .date_naive()
            .succ_opt()
            .unwrap()
            .and_time(before.time());
        let after = before.timezone().from_local_datetime(&next_day).unwrap();
        assert_eq!((after.clone() - before).num_hours(), 23);
        assert_eq!(after.timezone(), new_york);
    }
}
