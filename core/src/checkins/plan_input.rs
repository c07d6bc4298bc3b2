//! The trip plan form as the person left it, checked and saved by one call: text as typed and
//! choices as picked go in, and either the saved plan's check-in screen or every field's problem
//! in the person's words comes out. A shell's form parses, splits and decides nothing.

use std::time::SystemTime;

use chrono::NaiveDate;
use serde::Serialize;

use super::plan::{
    self, CheckinCadence, CheckinSchedule, DayOfWeek, PLAN_NAME_MAX_CHARS, PLAN_TEXT_MAX_CHARS,
    TripPlan, ValidPlan,
};
use super::trip_days::{day_end, day_of, day_start, last_day_of};
use super::view::CheckinView;
use crate::content::ui::Ui;
use crate::error::{Error, Result, reason};
use crate::forms::field_refusals;
use crate::profile::Profile;

/// The trip plan form's fields as the person left them: texts as typed, choices as picked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct TripPlanInput {
    /// The traveller's name as the family knows them.
    pub traveller_name: String,
    /// The destination country's ISO code, as the country picker gives it ("TR").
    pub destination_country: String,
    /// The destination city.
    pub destination_city: String,
    /// The trip's first day as "YYYY-MM-DD" (a date picker's day, see `trip_day_of`).
    pub starts_day: String,
    /// The trip's last day as "YYYY-MM-DD": check-ins run to the end of it.
    pub ends_day: String,
    /// The family's zone at home, as the zone picker gives it.
    pub home_time_zone: String,
    /// The zone at the destination, as the zone picker gives it.
    pub destination_time_zone: String,
    /// The employer as typed; blank when not known.
    pub employer: String,
    /// The recruitment agency as typed; blank when there is none.
    pub agency: String,
    /// Where copies of the documents were left, as typed; blank when not said.
    pub document_copies: String,
    /// The check-in times as typed: "09:00, 21:00" (commas, semicolons or spaces between).
    pub times: String,
    /// The days picked for check-ins; none picked (or all seven) means every day.
    pub days: Vec<DayOfWeek>,
    /// "Every N hours" as typed; blank for check-ins at the times above.
    pub every_hours: String,
    /// The zone the times are in, as the zone picker gives it; blank for the destination's.
    pub schedule_time_zone: String,
    /// Minutes around each time in which a check-in counts, as typed.
    pub window_minutes: String,
    /// Minutes after the window before the family is alerted, as typed.
    pub grace_minutes: String,
    /// Either check-in PIN, needed to change the plan once the PINs are set (the plan cannot
    /// be weakened without one); leave it out before then. Never filled in by the core.
    #[uniffi(default = None)]
    pub pin: Option<String>,
}

/// A field of the trip plan form, to put a problem beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum TripPlanField {
    /// The traveller's name.
    TravellerName,
    /// The destination country.
    DestinationCountry,
    /// The destination city.
    DestinationCity,
    /// The first day.
    StartsDay,
    /// The last day.
    EndsDay,
    /// The home zone.
    HomeTimeZone,
    /// The destination's zone.
    DestinationTimeZone,
    /// The employer.
    Employer,
    /// The agency.
    Agency,
    /// Where the document copies are.
    DocumentCopies,
    /// The check-in times.
    Times,
    /// The check-in days.
    Days,
    /// "Every N hours".
    EveryHours,
    /// The schedule's zone.
    ScheduleTimeZone,
    /// The window in minutes.
    WindowMinutes,
    /// The grace in minutes.
    GraceMinutes,
    /// The check-in PIN asked before a change.
    Pin,
}

/// A problem with one field, in the person's words (never the value they typed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct TripPlanFieldError {
    /// The field it belongs beside.
    pub field: TripPlanField,
    /// What is wrong and what to write instead.
    pub message: String,
}

/// What saving the trip plan form did.
// Made once per save and handed across the FFI by value, where a box would be copied out anyway.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum TripPlanSaved {
    /// The plan is saved; the check-in screen as it now stands.
    Saved {
        /// The check-in screen at `now`.
        status: CheckinView,
    },
    /// Nothing was saved: every field's problem, in the form's order.
    Refused {
        /// One entry per field with a problem.
        errors: Vec<TripPlanFieldError>,
    },
}

/// The form's fields filled from `plan`, as the form shows them.
pub(crate) fn input_of(plan: &TripPlan) -> Result<TripPlanInput> {
    let zone = dates_zone(&plan.schedule.time_zone, &plan.destination_time_zone);
    let (times, days, every_hours) = match &plan.schedule.cadence {
        CheckinCadence::Daily { times } => (times.join(", "), Vec::new(), String::new()),
        CheckinCadence::Weekly { days, times } => (times.join(", "), days.clone(), String::new()),
        CheckinCadence::EveryHours { hours } => (String::new(), Vec::new(), hours.to_string()),
    };
    Ok(TripPlanInput {
        traveller_name: plan.traveller_name.clone(),
        destination_country: plan.destination_country.clone(),
        destination_city: plan.destination_city.clone(),
        starts_day: day_of(plan.starts, zone)?,
        ends_day: last_day_of(plan.ends, zone)?,
        home_time_zone: plan.home_time_zone.clone(),
        destination_time_zone: plan.destination_time_zone.clone(),
        employer: plan.employer.clone().unwrap_or_default(),
        agency: plan.agency.clone().unwrap_or_default(),
        document_copies: plan.document_copies.clone().unwrap_or_default(),
        times,
        days,
        every_hours,
        schedule_time_zone: plan.schedule.time_zone.clone(),
        window_minutes: plan.schedule.window_minutes.to_string(),
        grace_minutes: plan.schedule.grace_minutes.to_string(),
        pin: None,
    })
}

/// The zone the form's days are in: the schedule's, or the destination's when the schedule has
/// none, so "the trip starts on 2 March" means 2 March where the check-ins are counted.
fn dates_zone<'a>(schedule_zone: &'a str, destination_zone: &'a str) -> &'a str {
    if schedule_zone.trim().is_empty() {
        destination_zone
    } else {
        schedule_zone
    }
}

/// Checks every field of `input` and saves the plan when all are right; otherwise saves nothing
/// and names every field's problem.
pub(crate) fn save(
    profile: &Profile,
    input: TripPlanInput,
    now: SystemTime,
) -> Result<TripPlanSaved> {
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let plan = match plan_of(&input) {
        Ok(plan) => plan,
        Err(problems) => return refused(problems, &ui),
    };
    // The fields are each right; what is left are the rules between them (the end after the
    // start, windows that do not overlap, not too many check-ins).
    if let Err(problem) = ValidPlan::new(plan.clone()) {
        return refused(vec![problem], &ui);
    }
    // The PIN is tried last: stretching it is the slow part, and a plan that cannot be saved
    // needs no PIN yet.
    match super::traveller::save_plan(profile, plan, input.pin.as_deref(), now) {
        Ok(status) => Ok(TripPlanSaved::Saved { status }),
        Err(problem @ Error::Invalid { .. }) => refused(vec![problem], &ui),
        Err(other) => Err(other),
    }
}

/// The plan the fields describe, or every field's problem.
fn plan_of(input: &TripPlanInput) -> std::result::Result<TripPlan, Vec<Error>> {
    let mut problems = Vec::new();
    let mut take = |result: Result<()>| {
        if let Err(problem) = result {
            problems.push(problem);
        }
    };
    take(
        plan::required_text("traveller_name", &input.traveller_name, PLAN_NAME_MAX_CHARS).map(drop),
    );
    take(plan::country_code(&input.destination_country).map(drop));
    take(
        plan::required_text(
            "destination_city",
            &input.destination_city,
            PLAN_NAME_MAX_CHARS,
        )
        .map(drop),
    );
    take(plan::zone("home_time_zone", &input.home_time_zone).map(drop));
    take(plan::zone("destination_time_zone", &input.destination_time_zone).map(drop));
    for (field, value) in [
        ("employer", &input.employer),
        ("agency", &input.agency),
        ("document_copies", &input.document_copies),
    ] {
        take(plan::optional_text(field, Some(value), PLAN_TEXT_MAX_CHARS).map(drop));
    }
    if !input.schedule_time_zone.trim().is_empty() {
        take(plan::zone("time_zone", &input.schedule_time_zone).map(drop));
    }
    let zone = dates_zone(&input.schedule_time_zone, &input.destination_time_zone);
    let starts = kept(
        checked_day("starts_day", &input.starts_day, |day| day_start(day, zone)),
        &mut problems,
    );
    let ends = kept(
        checked_day("ends_day", &input.ends_day, |day| day_end(day, zone)),
        &mut problems,
    );
    let cadence = kept(cadence_of(input), &mut problems);
    let window = kept(
        whole_number("window_minutes", &input.window_minutes),
        &mut problems,
    );
    let grace = kept(
        whole_number("grace_minutes", &input.grace_minutes),
        &mut problems,
    );
    let (Some(starts), Some(ends), Some(cadence), Some(window_minutes), Some(grace_minutes)) =
        (starts, ends, cadence, window, grace)
    else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let optional = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
    Ok(TripPlan {
        traveller_name: input.traveller_name.clone(),
        destination_country: input.destination_country.clone(),
        destination_city: input.destination_city.clone(),
        starts,
        ends,
        home_time_zone: input.home_time_zone.clone(),
        destination_time_zone: input.destination_time_zone.clone(),
        employer: optional(&input.employer),
        agency: optional(&input.agency),
        document_copies: optional(&input.document_copies),
        schedule: CheckinSchedule {
            cadence,
            time_zone: input.schedule_time_zone.trim().to_owned(),
            window_minutes,
            grace_minutes,
        },
    })
}

/// The value, or None with its problem added to `problems`.
fn kept<T>(result: Result<T>, problems: &mut Vec<Error>) -> Option<T> {
    result.map_err(|problem| problems.push(problem)).ok()
}

/// A picked day as the instant `at` makes of it, with the day's field named in a problem.
fn checked_day(
    field: &str,
    text: &str,
    at: impl FnOnce(&str) -> Result<SystemTime>,
) -> Result<SystemTime> {
    let text = text.trim();
    if NaiveDate::parse_from_str(text, "%Y-%m-%d").is_err() {
        return Err(Error::invalid(field, reason::DATE_FORMAT));
    }
    at(text).map_err(|problem| match problem {
        // The day is well formed; what failed is in its zone, which has its own field.
        Error::Invalid { reason, args, .. } if reason == reason::DAY_MISSING_IN_ZONE => {
            Error::Invalid {
                field: field.to_owned(),
                reason,
                args,
            }
        }
        other => other,
    })
}

/// The cadence the schedule fields describe: every N hours when that is filled in, else the
/// times on the days picked (none or all seven: every day).
fn cadence_of(input: &TripPlanInput) -> Result<CheckinCadence> {
    if !input.every_hours.trim().is_empty() {
        let hours = whole_number("every_hours", &input.every_hours)?;
        return Ok(CheckinCadence::EveryHours { hours });
    }
    let times: Vec<String> = input
        .times
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    let mut days = input.days.clone();
    days.sort_by_key(|day| *day as u8);
    days.dedup();
    let cadence = if days.is_empty() || days.len() == 7 {
        CheckinCadence::Daily { times }
    } else {
        CheckinCadence::Weekly { days, times }
    };
    // The times' format is checked here, so that it is named with the other fields' problems.
    plan::cadence(&cadence)?;
    Ok(cadence)
}

/// A count typed in a field: digits only (spaces around are fine).
fn whole_number(field: &str, text: &str) -> Result<u32> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(field, reason::BLANK));
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid(field, reason::WHOLE_NUMBER));
    }
    // More digits than a u32 holds is far outside every range the schedule accepts.
    Ok(text.parse().unwrap_or(u32::MAX))
}

/// Every field's problem as the form shows it; a failure that is not about a field (storage,
/// say) is passed on as it is.
fn refused(problems: Vec<Error>, ui: &Ui<'_>) -> Result<TripPlanSaved> {
    let errors = field_refusals(problems, ui, form_field)?
        .into_iter()
        .map(|(field, message)| TripPlanFieldError { field, message })
        .collect();
    Ok(TripPlanSaved::Refused { errors })
}

/// The form field a refused input names.
fn form_field(field: &str) -> Option<TripPlanField> {
    Some(match field {
        "traveller_name" => TripPlanField::TravellerName,
        "destination_country" => TripPlanField::DestinationCountry,
        "destination_city" => TripPlanField::DestinationCity,
        "starts_day" | "starts" => TripPlanField::StartsDay,
        "ends_day" | "ends" => TripPlanField::EndsDay,
        "home_time_zone" => TripPlanField::HomeTimeZone,
        "destination_time_zone" => TripPlanField::DestinationTimeZone,
        "employer" => TripPlanField::Employer,
        "agency" => TripPlanField::Agency,
        "document_copies" => TripPlanField::DocumentCopies,
        "times" => TripPlanField::Times,
        "days" => TripPlanField::Days,
        "every_hours" => TripPlanField::EveryHours,
        "time_zone" => TripPlanField::ScheduleTimeZone,
        "window_minutes" => TripPlanField::WindowMinutes,
        "grace_minutes" => TripPlanField::GraceMinutes,
        "pin" => TripPlanField::Pin,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

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

    /// The draft form filled in as a person would: name, country, city, the rest as offered.
    fn filled(waymark: &Waymark, now: SystemTime) -> TripPlanInput {
        let mut input = waymark.trip_plan_form(now).unwrap().input;
        input.traveller_name = "Anna".into();
        input.destination_country = "TR".into();
        input.destination_city = "Istanbul".into();
        input.destination_time_zone = "Europe/Istanbul".into();
        input
    }

    fn saved(outcome: TripPlanSaved) -> CheckinView {
        match outcome {
            TripPlanSaved::Saved { status } => status,
            TripPlanSaved::Refused { errors } => panic!("refused: {errors:?}"),
        }
    }

    fn refused(outcome: TripPlanSaved) -> Vec<TripPlanFieldError> {
        match outcome {
            TripPlanSaved::Refused { errors } => errors,
            TripPlanSaved::Saved { .. } => panic!("saved"),
        }
    }

    #[test]
    fn the_draft_form_filled_in_saves_and_comes_back_as_it_was_given() {
        let dir = tempfile::tempdir().unwrap();
        let waymark = open(&dir, "en", "Europe/Moscow");
        let now = at("2026-03-01T22:30:00Z");
        let mut input = filled(&waymark, now);
        assert_eq!(input.times, "09:00, 21:00");
        assert_eq!(
            (input.window_minutes.as_str(), input.grace_minutes.as_str()),
            ("60", "30")
        );
        input.employer = "  Hotel Marmara  ".into();
        saved(waymark.save_trip_plan(input.clone(), now).unwrap());

        let again = waymark.trip_plan_form(now).unwrap();
        assert!(!again.is_draft);
        input.employer = "Hotel Marmara".into();
        // A schedule without a zone of its own is stored with the destination's.
        input.schedule_time_zone = "Europe/Istanbul".into();
        assert_eq!(again.input, input);
        // The days are days where the check-ins are counted: 2 March starts at midnight in
        // Istanbul.
        assert_eq!(rfc3339(again.plan.starts), "2026-03-01T21:00:00.000Z");
    }

    #[test]
    fn every_problem_is_named_at_once_in_the_persons_language_and_nothing_is_saved() {
        let dir = tempfile::tempdir().unwrap();
        let waymark = open(&dir, "ru", "Europe/Moscow");
        let now = at("2026-03-01T12:00:00Z");
        let mut input = filled(&waymark, now);
        input.traveller_name = "   ".into();
        input.destination_country = "Turkey".into();
        input.starts_day = "2026-13-01".into();
        input.home_time_zone = "Mars/Olympus".into();
        input.times = "9am".into();
        input.window_minutes = "sixty".into();
        input.grace_minutes = String::new();
        let errors = refused(waymark.save_trip_plan(input, now).unwrap());
        let fields: Vec<TripPlanField> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                TripPlanField::TravellerName,
                TripPlanField::DestinationCountry,
                TripPlanField::StartsDay,
                TripPlanField::HomeTimeZone,
                TripPlanField::Times,
                TripPlanField::WindowMinutes,
                TripPlanField::GraceMinutes,
            ]
        );
        for error in &errors {
            assert!(
                error.message.chars().any(|c| ('а'..='я').contains(&c)),
                "{error:?}"
            );
            assert!(!error.message.contains('{'), "{error:?}");
        }
        assert_eq!(waymark.trip_plan().unwrap(), None);
    }

    #[test]
    fn times_may_be_written_with_commas_semicolons_or_spaces() {
        let dir = tempfile::tempdir().unwrap();
        let waymark = open(&dir, "en", "Europe/Istanbul");
        let now = at("2026-03-01T12:00:00Z");
        for typed in [
            "09:00, 21:00",
            "09:00;21:00",
            " 21:00  09:00 ",
            "9:00,21:00",
        ] {
            let mut input = filled(&waymark, now);
            input.times = typed.into();
            saved(waymark.save_trip_plan(input, now).unwrap());
            let plan = waymark.trip_plan().unwrap().unwrap();
            let CheckinCadence::Daily { times } = plan.schedule.cadence else {
                panic!("{typed}: not daily");
            };
            assert_eq!(times.len(), 2, "{typed}");
        }
    }

    #[test]
    fn the_days_and_hours_picked_decide_the_cadence() {
        let dir = tempfile::tempdir().unwrap();
        let waymark = open(&dir, "en", "Europe/Istanbul");
        let now = at("2026-03-01T12:00:00Z");
        let cadence = |edit: &dyn Fn(&mut TripPlanInput)| {
            let mut input = filled(&waymark, now);
            edit(&mut input);
            saved(waymark.save_trip_plan(input, now).unwrap());
            waymark.trip_plan().unwrap().unwrap().schedule.cadence
        };
        let all = [
            DayOfWeek::Sunday,
            DayOfWeek::Monday,
            DayOfWeek::Tuesday,
            DayOfWeek::Wednesday,
            DayOfWeek::Thursday,
            DayOfWeek::Friday,
            DayOfWeek::Saturday,
        ];
        assert!(matches!(cadence(&|_| {}), CheckinCadence::Daily { .. }));
        assert!(matches!(
            cadence(&|i| i.days = all.to_vec()),
            CheckinCadence::Daily { .. }
        ));
        assert_eq!(
            cadence(&|i| i.days = vec![DayOfWeek::Friday, DayOfWeek::Monday, DayOfWeek::Friday]),
            CheckinCadence::Weekly {
                days: vec![DayOfWeek::Monday, DayOfWeek::Friday],
                times: vec!["09:00".into(), "21:00".into()],
            }
        );
        // Every N hours wins over the times, which are then not asked for.
        assert_eq!(
            cadence(&|i| {
                i.every_hours = " 6 ".into();
                i.times = "not times".into();
            }),
            CheckinCadence::EveryHours { hours: 6 }
        );
    }

    #[test]
    fn rules_between_fields_are_named_once_the_fields_are_right() {
        let dir = tempfile::tempdir().unwrap();
        let waymark = open(&dir, "en", "Europe/Istanbul");
        let now = at("2026-03-01T12:00:00Z");
        let mut input = filled(&waymark, now);
        input.ends_day = "2026-02-01".into();
        let errors = refused(waymark.save_trip_plan(input, now).unwrap());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, TripPlanField::EndsDay);

        let mut input = filled(&waymark, now);
        input.every_hours = "1".into();
        input.window_minutes = "600".into();
        let errors = refused(waymark.save_trip_plan(input, now).unwrap());
        assert_eq!(errors[0].field, TripPlanField::WindowMinutes);
        assert_eq!(waymark.trip_plan().unwrap(), None);
    }

    #[test]
    fn a_first_day_whose_midnight_is_skipped_by_the_clock_change_saves_and_reads_back() {
        // Chile moves its clocks forward at midnight starting Sunday 6 September 2026: that day
        // begins at 01:00 in Santiago.
        let dir = tempfile::tempdir().unwrap();
        let waymark = open(&dir, "en", "America/Santiago");
        let now = at("2026-09-01T12:00:00Z");
        let mut input = filled(&waymark, now);
        input.destination_country = "CL".into();
        input.destination_city = "Santiago".into();
        input.destination_time_zone = "America/Santiago".into();
        input.starts_day = "2026-09-06".into();
        input.ends_day = "2026-09-20".into();
        saved(waymark.save_trip_plan(input, now).unwrap());
        let form = waymark.trip_plan_form(now).unwrap();
        assert_eq!(form.input.starts_day, "2026-09-06");
        assert_eq!(form.input.ends_day, "2026-09-20");
        assert_eq!(rfc3339(form.plan.starts), "2026-09-06T04:00:00.000Z");
    }

    #[test]
    fn the_pickers_come_from_the_core() {
        let dir = tempfile::tempdir().unwrap();
        let form = open(&dir, "ru", "Europe/Moscow")
            .trip_plan_form(at("2026-03-01T12:00:00Z"))
            .unwrap();
        let names: Vec<&str> = form.zones.iter().map(|z| z.name.as_str()).collect();
        assert!(names.contains(&"Europe/Istanbul"));
        assert!(names.contains(&"America/Sao_Paulo"));
        assert!(
            names
                .iter()
                .all(|n| !n.starts_with("Etc/") && n.contains('/'))
        );
        assert!(names.windows(2).all(|w| w[0] < w[1]));
        let sao_paulo = form
            .zones
            .iter()
            .find(|z| z.name == "America/Sao_Paulo")
            .unwrap();
        assert_eq!(sao_paulo.label, "America/Sao Paulo");
        let turkey = form.countries.iter().find(|c| c.code == "TR").unwrap();
        assert_eq!(turkey.name, "Турция");

        // A zone that is not a place, which a phone may be set to, stays the form's choice.
        let dir = tempfile::tempdir().unwrap();
        let form = open(&dir, "en", "UTC")
            .trip_plan_form(at("2026-03-01T12:00:00Z"))
            .unwrap();
        assert_eq!(form.input.home_time_zone, "UTC");
        assert!(form.zones.iter().any(|z| z.name == "UTC"));
    }
}
