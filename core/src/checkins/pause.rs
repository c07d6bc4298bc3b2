//! Pausing the check-ins (a flight, a place with no signal), extending the trip and ending it
//! ("I am home"): the traveller's calls, each PIN-checked like a check-in and each making a
//! short message with a seven-digit code (codes.rs) that the family verifies (family.rs).
//!
//! With either PIN the traveller's phone does the same thing and shows the same receipt: the
//! pause, the new end or the end is applied here too, so someone watching the screen sees no
//! difference. Only the code differs, and only the family's phone can tell: from the help PIN
//! it is a call for help, and the family applies nothing.

use std::time::SystemTime;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::codes::{self, Event, Kind};
use super::pin_gate::{self, Opened};
use super::plan::ValidPlan;
use super::store;
use super::traveller::{checkin_view, valid_plan};
use super::trip_days::day_number;
use super::view::CheckinReceipt;
use crate::action::Action;
use crate::error::{Error, Result, reason};
use crate::profile::Profile;
use crate::storage::settings;

/// The longest pause, from the instant it is made.
pub(crate) const MAX_PAUSE: Duration = Duration::days(8);
/// How far ahead the new last day of an extended trip may be.
pub(crate) const MAX_EXTENSION_DAYS: i64 = 365;

/// Pauses the check-ins from `now` until `until` (rounded up to the next quarter hour) with
/// either PIN. Check-ins that would fall overdue inside the pause are paused: no reminder, no
/// alarm on either phone once the family verified the message. On error nothing changes.
pub(crate) fn pause(
    profile: &Profile,
    pin: &str,
    until: SystemTime,
    now: SystemTime,
) -> Result<CheckinReceipt> {
    plan_in_force(profile, now)?;
    let at: DateTime<Utc> = now.into();
    let until: DateTime<Utc> = until.into();
    let step =
        codes::pause_step(until).ok_or_else(|| Error::invalid("until", reason::PAUSE_IN_PAST))?;
    let until = codes::pause_step_instant(step);
    if until <= at {
        return Err(Error::invalid("until", reason::PAUSE_IN_PAST));
    }
    if until - at > MAX_PAUSE {
        return Err(Error::invalid("until", reason::PAUSE_TOO_LONG));
    }
    let opened = pin_gate::open(profile, "pin", pin)?;
    profile.db.write(|tx| store::record_pause(tx, at, until))?;
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let time = format!(
        "{} ({})",
        ui.date_time(until.into(), &prefs.zone),
        ui.zone(prefs.zone.name())
    );
    let code = code_of(&opened, Event::Pause, step);
    receipt(
        profile,
        ui.format("pause_ready", &[("time", &time)]),
        ui.format("event_message_pause", &[("time", &time), ("code", &code)]),
        now,
    )
}

/// Extends the trip with either PIN: `last_day` ("YYYY-MM-DD", in the zone the plan's dates are
/// in) becomes its last day. It must be later than the current last day and within a year of
/// `now`. Made with the help PIN, the change is marked like any plan change under it, so the
/// next plan shared tells the family. On error nothing changes.
pub(crate) fn extend(
    profile: &Profile,
    pin: &str,
    last_day: &str,
    now: SystemTime,
) -> Result<CheckinReceipt> {
    let (valid, _) = plan_in_force(profile, now)?;
    let zone = valid.schedule.zone.name().to_owned();
    let day = NaiveDate::parse_from_str(last_day.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid("last_day", reason::DATE_FORMAT))?;
    let new_end = super::trip_days::day_end(&day.format("%Y-%m-%d").to_string(), &zone)
        .map_err(|e| field_renamed(e, "last_day"))?;
    let at: DateTime<Utc> = now.into();
    if new_end <= valid.plan.ends {
        return Err(Error::invalid("last_day", reason::EXTEND_NOT_LATER));
    }
    let today = at.with_timezone(&valid.schedule.zone).date_naive();
    if day > today + Duration::days(MAX_EXTENSION_DAYS) {
        return Err(Error::invalid("last_day", reason::EXTEND_TOO_FAR));
    }
    let mut plan = valid.plan.clone();
    plan.ends = new_end;
    let extended = ValidPlan::new(plan).map_err(|e| field_renamed(e, "last_day"))?;
    let opened = pin_gate::open(profile, "pin", pin)?;
    let mark = pin_gate::stored_mark(&opened)?;
    let new_id = super::pins::random_bytes::<16>()?;
    profile.db.write(|tx| {
        store::save_plan(tx, &extended.plan, new_id, at)?;
        settings::set_plan_mark(tx, &mark)
    })?;
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let date = ui.date(day);
    let code = code_of(&opened, Event::Extend, day_number(day));
    receipt(
        profile,
        ui.format("extend_ready", &[("date", &date)]),
        ui.format("event_message_extend", &[("date", &date), ("code", &code)]),
        now,
    )
}

/// Ends the trip at `now` with either PIN ("I am home"): no more check-ins or reminders. Ending
/// it twice is refused. A plan saved afterwards starts the check-ins again.
pub(crate) fn end(profile: &Profile, pin: &str, now: SystemTime) -> Result<CheckinReceipt> {
    plan_in_force(profile, now)?;
    let opened = pin_gate::open(profile, "pin", pin)?;
    let at: DateTime<Utc> = now.into();
    profile.db.write(|tx| {
        // Checked again inside the write, so two ends at once record one.
        if store::trip_events(tx)?.ended_by(at).is_some() {
            return Err(Error::invalid("trip", reason::TRIP_ENDED));
        }
        store::record_end(tx, at)
    })?;
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let code = code_of(&opened, Event::End, codes::practice_day(now));
    receipt(
        profile,
        ui.text("end_ready"),
        ui.format("event_message_end", &[("code", &code)]),
        now,
    )
}

/// The plan and its pauses and end, refusing when there is no plan or the trip was ended.
fn plan_in_force(profile: &Profile, now: SystemTime) -> Result<(ValidPlan, super::events::Events)> {
    let plan = valid_plan(profile)?.ok_or_else(|| Error::invalid("plan", reason::NO_PLAN))?;
    let events = profile.db.read(store::trip_events)?;
    if events.ended_by(now.into()).is_some() {
        return Err(Error::invalid("trip", reason::TRIP_ENDED));
    }
    Ok((plan, events))
}

fn code_of(opened: &Opened, event: Event, param: u32) -> String {
    let kind = if opened.help {
        Kind::Duress
    } else {
        Kind::Normal
    };
    codes::event_code(&opened.unlocked.secret, event, param, kind)
}

/// The same receipt whichever PIN was typed: only the code in `message` differs.
fn receipt(
    profile: &Profile,
    headline: String,
    message: String,
    now: SystemTime,
) -> Result<CheckinReceipt> {
    Ok(CheckinReceipt {
        headline,
        share: Action::ShareText {
            text: message.clone(),
        },
        message,
        status: checkin_view(profile, now)?,
    })
}

/// The error with its field named `field` (a plan's `ends` is the traveller's `last_day` here).
fn field_renamed(error: Error, field: &str) -> Error {
    match error {
        Error::Invalid { reason, args, .. } => Error::Invalid {
            field: field.to_owned(),
            reason,
            args,
        },
        other => other,
    }
}
