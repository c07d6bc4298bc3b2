//! What the trip plan form starts from: the saved plan, or a draft with the usual schedule, and
//! the words and calendar days a form shows, so a shell's form decides nothing.

use std::time::SystemTime;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::plan::{CheckinCadence, CheckinSchedule, DayOfWeek, TripPlan};
use super::plan_input::{TripPlanInput, input_of};
use super::store;
use super::trip_days::day_of;
use crate::contacts::CountryOption;
use crate::contacts::emergency::emergency_countries;
use crate::error::Result;
use crate::profile::Profile;

/// Check-in times a new plan suggests: morning and evening, when most workers can find a minute.
const DRAFT_TIMES: [&str; 2] = ["09:00", "21:00"];
/// Minutes around each due time in which a check-in counts, for a new plan.
pub const DRAFT_WINDOW_MINUTES: u32 = 60;
/// Minutes after the window before the family is alerted, for a new plan.
pub const DRAFT_GRACE_MINUTES: u32 = 30;
/// A new plan's length: a usual seasonal contract.
const DRAFT_TRIP_DAYS: i64 = 90;

/// The trip plan form's starting point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct TripPlanForm {
    /// The saved plan, or a draft: empty name, country and city, the trip from today for 90
    /// days, both zones the person's own, check-ins at 09:00 and 21:00 in the destination's
    /// zone (an empty schedule zone), a 60-minute window and 30 minutes' grace.
    pub plan: TripPlan,
    /// True when nothing is saved yet and `plan` is the draft.
    pub is_draft: bool,
    /// The first day of the trip as "YYYY-MM-DD", for the date picker.
    pub starts_day: String,
    /// The last day of the trip as "YYYY-MM-DD", for the date picker: the trip ends when this
    /// day does. Turn the picked last day back into the plan's end with `trip_day_end`.
    pub ends_day: String,
    /// The zone those days are in: pass it with the picked days to `trip_day_start` (first
    /// day) and `trip_day_end` (last day).
    pub dates_zone: String,
    /// The days of the week, Monday first, with their names in the person's language.
    pub days: Vec<DayOption>,
    /// The form's fields filled from the plan, as the form shows them; change what the person
    /// changes and give it back to `save_trip_plan`.
    pub input: TripPlanInput,
    /// The countries for the destination picker, by name in the person's language.
    pub countries: Vec<CountryOption>,
    /// The zones for the three zone pickers, by name.
    pub zones: Vec<ZoneOption>,
}

/// A time zone as a picker offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ZoneOption {
    /// The IANA name the form gives back, e.g. "America/Sao_Paulo".
    pub name: String,
    /// What the picker shows, e.g. "America/Sao Paulo".
    pub label: String,
}

/// A day of the week as a form offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct DayOption {
    /// The day.
    pub day: DayOfWeek,
    /// Its name in the person's language.
    pub name: String,
}

/// The trip plan form at `now`: the saved plan, or a draft with the usual schedule.
pub(crate) fn build_trip_plan_form(profile: &Profile, now: SystemTime) -> Result<TripPlanForm> {
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let own_zone = prefs.zone.name().to_owned();
    let saved = profile.db.read(store::load_plan)?;
    let is_draft = saved.is_none();
    let plan = match saved {
        Some(plan) => plan,
        None => {
            let today = day_of(now, &own_zone)?;
            let starts = super::trip_days::day_start(&today, &own_zone)?;
            let ends = DateTime::<Utc>::from(starts) + Duration::days(DRAFT_TRIP_DAYS);
            TripPlan {
                traveller_name: String::new(),
                destination_country: String::new(),
                destination_city: String::new(),
                starts,
                ends: ends.into(),
                home_time_zone: own_zone.clone(),
                destination_time_zone: own_zone.clone(),
                employer: None,
                agency: None,
                document_copies: None,
                schedule: CheckinSchedule {
                    cadence: CheckinCadence::Daily {
                        times: DRAFT_TIMES.iter().map(|t| (*t).to_owned()).collect(),
                    },
                    time_zone: String::new(),
                    window_minutes: DRAFT_WINDOW_MINUTES,
                    grace_minutes: DRAFT_GRACE_MINUTES,
                },
            }
        }
    };
    let dates_zone = if plan.schedule.time_zone.is_empty() {
        own_zone
    } else {
        plan.schedule.time_zone.clone()
    };
    let days = [
        (DayOfWeek::Monday, "day_mon"),
        (DayOfWeek::Tuesday, "day_tue"),
        (DayOfWeek::Wednesday, "day_wed"),
        (DayOfWeek::Thursday, "day_thu"),
        (DayOfWeek::Friday, "day_fri"),
        (DayOfWeek::Saturday, "day_sat"),
        (DayOfWeek::Sunday, "day_sun"),
    ]
    .into_iter()
    .map(|(day, key)| DayOption {
        day,
        name: ui.text(key),
    })
    .collect();
    Ok(TripPlanForm {
        starts_day: day_of(plan.starts, &dates_zone)?,
        ends_day: super::trip_days::last_day_of(plan.ends, &dates_zone)?,
        dates_zone,
        zones: zone_options(&plan),
        input: input_of(&plan)?,
        countries: emergency_countries(profile),
        plan,
        is_draft,
        days,
    })
}

/// The zones a picker offers: every place in the database, and the zones the plan already
/// names even when they are not places ("UTC" on a phone set to it), so that opening the form
/// never changes a zone the person did not touch.
fn zone_options(plan: &TripPlan) -> Vec<ZoneOption> {
    let mut names = crate::zone::zone_names();
    for kept in [
        &plan.home_time_zone,
        &plan.destination_time_zone,
        &plan.schedule.time_zone,
    ] {
        if !kept.is_empty() && !names.contains(kept) {
            names.push(kept.clone());
        }
    }
    names.sort();
    names
        .into_iter()
        .map(|name| ZoneOption {
            label: name.replace('_', " "),
            name,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time_json::rfc3339;
    use crate::waymark::{Waymark, WaymarkOptions};

    fn open(dir: &tempfile::TempDir, language: &str, zone: &str) -> Waymark {
        let options = WaymarkOptions {
            language: language.into(),
            time_zone: zone.into(),
            profile_key: vec![7; 32],
        };
        Waymark::open_at(&dir.path().join("p.sqlite"), &options).unwrap()
    }

    fn at(text: &str) -> SystemTime {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
            .into()
    }

    #[test]
    fn a_draft_starts_today_in_the_persons_zone_with_the_usual_schedule() {
        let dir = tempfile::tempdir().unwrap();
        // 22:30 UTC on 1 March is already 2 March in Moscow.
        let form = open(&dir, "ru", "Europe/Moscow")
            .trip_plan_form(at("2026-03-01T22:30:00Z"))
            .unwrap();
        assert!(form.is_draft);
        assert_eq!(form.starts_day, "2026-03-02");
        // 90 days from 2 March: the trip ends at midnight starting 31 May, so 30 May is its last day.
        assert_eq!(form.ends_day, "2026-05-30");
        assert_eq!(rfc3339(form.plan.starts), "2026-03-01T21:00:00.000Z");
        assert_eq!(form.plan.schedule.window_minutes, 60);
        assert_eq!(form.plan.schedule.grace_minutes, 30);
        assert_eq!(form.plan.home_time_zone, "Europe/Moscow");
        assert_eq!(form.dates_zone, "Europe/Moscow");
        assert_eq!(form.days.len(), 7);
        assert_eq!(form.days[0].day, DayOfWeek::Monday);
        assert_eq!(form.days[0].name, "пн");
    }

    #[test]
    fn a_completed_draft_saves_with_the_destinations_zone_and_comes_back_as_saved() {
        let dir = tempfile::tempdir().unwrap();
        let waymark = open(&dir, "en", "Europe/Moscow");
        let now = at("2026-03-01T12:00:00Z");
        let mut plan = waymark.trip_plan_form(now).unwrap().plan;
        plan.traveller_name = "Anna".into();
        plan.destination_country = "TR".into();
        plan.destination_city = "Istanbul".into();
        plan.destination_time_zone = "Europe/Istanbul".into();
        waymark.set_trip_plan(plan, now).unwrap();
        let form = waymark.trip_plan_form(now).unwrap();
        assert!(!form.is_draft);
        assert_eq!(form.plan.schedule.time_zone, "Europe/Istanbul");
        assert_eq!(form.plan.traveller_name, "Anna");
        assert_eq!(form.starts_day, "2026-03-01");
        assert_eq!(form.dates_zone, "Europe/Istanbul");
    }
}
