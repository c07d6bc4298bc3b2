//! The trip plan: who travels where, until when, and the agreed check-in schedule.

use std::time::SystemTime;

use crate::zone::Zone;
use chrono::{DateTime, Duration, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};

use super::schedule::{Cadence, EVERY_DAY, Schedule};
use crate::error::{Error, Result, reason};

/// The longest name (traveller, city) in a plan, in characters.
pub const PLAN_NAME_MAX_CHARS: u32 = 60;
/// The longest free text in a plan field (employer, agency, document copies), in characters.
pub const PLAN_TEXT_MAX_CHARS: u32 = 120;
/// The longest signal phrase, in characters.
pub const SIGNAL_PHRASE_MAX_CHARS: u32 = 80;

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum DayOfWeek {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

/// How often the traveller checks in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CheckinCadence {
    /// Every day at these local times ("HH:MM", in the schedule's zone).
    Daily {
        /// Local times, "HH:MM".
        times: Vec<String>,
    },
    /// On these days at these local times.
    Weekly {
        /// The days.
        days: Vec<DayOfWeek>,
        /// Local times, "HH:MM".
        times: Vec<String>,
    },
    /// Every this many hours from the start of the trip.
    EveryHours {
        /// Hours between check-ins, 1 to 168.
        hours: u32,
    },
}

/// The agreed check-in schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct CheckinSchedule {
    /// How often.
    pub cadence: CheckinCadence,
    /// The IANA zone the local times are in, as agreed by both sides; empty means the
    /// destination's zone.
    pub time_zone: String,
    /// Width of the window around each due time in which a check-in counts, in minutes.
    pub window_minutes: u32,
    /// Minutes after the window before a missing check-in is overdue (a check-in then still
    /// counts).
    pub grace_minutes: u32,
}

/// A trip plan as the traveller enters it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
pub struct TripPlan {
    /// The traveller's name as the family knows them.
    pub traveller_name: String,
    /// Destination country, ISO 3166-1 alpha-2 ("TR").
    pub destination_country: String,
    /// Destination city.
    pub destination_city: String,
    /// When the trip and the schedule start.
    pub starts: SystemTime,
    /// When the trip ends; no check-in is due after it.
    pub ends: SystemTime,
    /// The family's zone at home (IANA).
    pub home_time_zone: String,
    /// The zone at the destination (IANA).
    pub destination_time_zone: String,
    /// Employer's name and details, if known.
    pub employer: Option<String>,
    /// Recruitment agency's name and details, if any.
    pub agency: Option<String>,
    /// Where copies of the passport and contract were left ("with my sister Olga").
    pub document_copies: Option<String>,
    /// The agreed schedule.
    pub schedule: CheckinSchedule,
}

/// A plan that passed validation, with its schedule ready to compute slots.
#[derive(Debug, Clone)]
pub(crate) struct ValidPlan {
    pub plan: TripPlan,
    pub schedule: Schedule,
    pub home_zone: Zone,
}

impl ValidPlan {
    /// Validates every field, naming the first one that is wrong.
    pub(crate) fn new(mut plan: TripPlan) -> Result<Self> {
        plan.traveller_name =
            required_text("traveller_name", &plan.traveller_name, PLAN_NAME_MAX_CHARS)?;
        plan.destination_city = required_text(
            "destination_city",
            &plan.destination_city,
            PLAN_NAME_MAX_CHARS,
        )?;
        plan.destination_country = country_code(&plan.destination_country)?;
        for (field, value) in [
            ("employer", &mut plan.employer),
            ("agency", &mut plan.agency),
            ("document_copies", &mut plan.document_copies),
        ] {
            *value = optional_text(field, value.as_deref(), PLAN_TEXT_MAX_CHARS)?;
        }
        let home_zone = zone("home_time_zone", &plan.home_time_zone)?;
        zone("destination_time_zone", &plan.destination_time_zone)?;
        // A schedule without a zone of its own keeps the destination's clock, which is what
        // both sides usually mean by "09:00".
        if plan.schedule.time_zone.trim().is_empty() {
            plan.schedule.time_zone = plan.destination_time_zone.clone();
        }
        let schedule = Schedule {
            cadence: cadence(&plan.schedule.cadence)?,
            zone: zone("time_zone", &plan.schedule.time_zone)?,
            starts: DateTime::<Utc>::from(plan.starts),
            ends: DateTime::<Utc>::from(plan.ends),
            window: Duration::minutes(i64::from(plan.schedule.window_minutes)),
            grace: Duration::minutes(i64::from(plan.schedule.grace_minutes)),
        };
        schedule.validate()?;
        Ok(Self {
            plan,
            schedule,
            home_zone,
        })
    }
}

pub(crate) fn required_text(field: &str, value: &str, max_chars: u32) -> Result<String> {
    optional_text(field, Some(value), max_chars)?
        .ok_or_else(|| Error::invalid(field, reason::BLANK))
}

pub(crate) fn optional_text(
    field: &str,
    value: Option<&str>,
    max_chars: u32,
) -> Result<Option<String>> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if value.chars().count() > max_chars as usize {
        return Err(Error::invalid_with(
            field,
            reason::TOO_LONG,
            &[("max", max_chars.to_string())],
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(Error::invalid(field, reason::SINGLE_LINE));
    }
    Ok(Some(value.to_owned()))
}

pub(crate) fn country_code(value: &str) -> Result<String> {
    let code = value.trim().to_ascii_uppercase();
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(Error::invalid("destination_country", reason::COUNTRY_CODE))
    }
}

pub(crate) fn zone(field: &str, name: &str) -> Result<Zone> {
    Zone::named(name).map_err(|e| e.invalid(field, "Europe/Istanbul"))
}

pub(crate) fn cadence(input: &CheckinCadence) -> Result<Cadence> {
    let times = |times: &[String]| -> Result<Vec<NaiveTime>> {
        let mut parsed = times
            .iter()
            .map(|t| {
                NaiveTime::parse_from_str(t.trim(), "%H:%M")
                    .map_err(|_| Error::invalid("times", reason::TIMES_FORMAT))
            })
            .collect::<Result<Vec<_>>>()?;
        parsed.sort();
        parsed.dedup();
        Ok(parsed)
    };
    Ok(match input {
        CheckinCadence::Daily { times: t } => Cadence::AtTimes {
            days: EVERY_DAY.to_vec(),
            times: times(t)?,
        },
        CheckinCadence::Weekly { days, times: t } => {
            let mut days: Vec<Weekday> = days.iter().map(|d| weekday(*d)).collect();
            days.sort_by_key(Weekday::num_days_from_monday);
            days.dedup();
            Cadence::AtTimes {
                days,
                times: times(t)?,
            }
        }
        CheckinCadence::EveryHours { hours } => Cadence::EveryHours { hours: *hours },
    })
}

fn weekday(day: DayOfWeek) -> Weekday {
    match day {
        DayOfWeek::Monday => Weekday::Mon,
        DayOfWeek::Tuesday => Weekday::Tue,
        DayOfWeek::Wednesday => Weekday::Wed,
        DayOfWeek::Thursday => Weekday::Thu,
        DayOfWeek::Friday => Weekday::Fri,
        DayOfWeek::Saturday => Weekday::Sat,
        DayOfWeek::Sunday => Weekday::Sun,
    }
}
