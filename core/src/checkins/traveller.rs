//! The traveller's side: the trip plan, the two PINs and the signal phrase, checking in, and the
//! check-in screen and history. What the family sees of the same plan is family.rs.

use std::time::SystemTime;

use chrono::{DateTime, Utc};

use super::codes;
use super::family;
use super::message;
use super::pin_gate;
use super::pins;
use super::plan::{self, TripPlan, ValidPlan};
use super::schedule::Slot;
use super::sharing::QR_BYTE_BUDGET;
use super::slots::{current_and_next, slot_view};
use super::status::{self, SlotStatus};
use super::store;
use super::view::{
    CheckinHistoryEntry, CheckinHistoryKind, CheckinHistoryView, CheckinReceipt, CheckinView,
    PlanExport, TripChange, TripChangeOption,
};
use crate::action::Action;
use crate::error::{Error, Result, reason};
use crate::profile::{Prefs, Profile};
use crate::storage::settings;

/// The traveller's trip plan, if one was entered.
pub(crate) fn trip_plan(profile: &Profile) -> Result<Option<TripPlan>> {
    profile.db.read(store::load_plan)
}

/// Saves the first trip plan, before the PINs are set, and returns the check-in screen at
/// `now`; once they are, a change needs a PIN ([`save_plan`]). On error nothing is saved.
pub(crate) fn set_trip_plan(
    profile: &Profile,
    plan: TripPlan,
    now: SystemTime,
) -> Result<CheckinView> {
    save_plan(profile, plan, None, now)
}

/// Saves the trip plan (replacing any earlier one) and returns the check-in screen at `now`.
/// Once the PINs are set it needs one of them: with the help PIN the change is made all the
/// same, and the plan is marked so that the next export tells the family (pin_gate.rs). On
/// error nothing is saved.
pub(crate) fn save_plan(
    profile: &Profile,
    plan: TripPlan,
    pin: Option<&str>,
    now: SystemTime,
) -> Result<CheckinView> {
    let valid = ValidPlan::new(plan)?;
    let mark = if pin_gate::pins_set(profile)? {
        let pin = pin
            .filter(|p| !p.is_empty())
            .ok_or_else(|| Error::invalid("pin", reason::PIN_NEEDED))?;
        Some(pin_gate::stored_mark(&pin_gate::open(
            profile, "pin", pin,
        )?)?)
    } else {
        None
    };
    let new_id = pins::random_bytes::<16>()?;
    profile.db.write(|tx| {
        store::save_plan(tx, &valid.plan, new_id, now.into())?;
        // A plan saved after the trip was ended is a new routine: the check-ins start again.
        store::clear_end(tx)?;
        match &mark {
            Some(mark) => settings::set_plan_mark(tx, mark),
            None => Ok(()),
        }
    })?;
    checkin_view(profile, now)
}

/// Sets the two check-in PINs and the signal phrase, once; the secret shared with the family is
/// created here.
pub(crate) fn set_pins(
    profile: &Profile,
    normal_pin: &str,
    duress_pin: &str,
    signal_phrase: &str,
) -> Result<()> {
    let signal_phrase = plan::required_text(
        "signal_phrase",
        signal_phrase,
        plan::SIGNAL_PHRASE_MAX_CHARS,
    )?;
    let unlocked = pins::Unlocked {
        secret: pins::random_bytes::<{ pins::SECRET_LEN }>()?,
        signal_phrase,
    };
    let boxes = pins::seal(normal_pin, duress_pin, &unlocked)?;
    profile.db.write(|tx| {
        if !store::pin_boxes(tx)?.is_empty() {
            return Err(Error::invalid("normal_pin", reason::PINS_ALREADY_SET));
        }
        store::save_pin_boxes(tx, &boxes)
    })?;
    Ok(())
}

/// The plan to hand to the family, unlocked with either check-in PIN and always sealed: with
/// `passphrase` when the person chose one, else with one made up in their language.
pub(crate) fn export_plan(
    profile: &Profile,
    pin: &str,
    passphrase: Option<&str>,
) -> Result<PlanExport> {
    let prefs = profile.prefs();
    let passphrase = match passphrase {
        Some(chosen) => chosen.to_owned(),
        None => super::passphrase::make_up(&prefs.chain)?,
    };
    let payload = family::export_shared(profile, pin, Some(&passphrase))?;
    let bytes = payload.len() as u32;
    let ui = prefs.ui();
    Ok(PlanExport {
        bytes,
        fits_qr_code: bytes <= QR_BYTE_BUDGET,
        file_name: "waymark-plan.txt".into(),
        show_qr_code: Action::ShowQrCode {
            text: payload.clone(),
        },
        share: Action::ShareText {
            text: payload.clone(),
        },
        payload,
        passphrase_hint: ui.format("export_passphrase_hint", &[("passphrase", &passphrase)]),
        passphrase,
    })
}

/// Where the traveller most likely is at `now`: the destination while the trip lasts, else
/// unknown. The home screen's "help now" uses it so its first step is the local emergency
/// number without asking.
pub(crate) fn trip_country_at(profile: &Profile, now: SystemTime) -> Result<Option<String>> {
    let (plan, events) = profile
        .db
        .read(|c| Ok((store::load_plan(c)?, store::trip_events(c)?)))?;
    if events.ended_by(now.into()).is_some() {
        return Ok(None);
    }
    Ok(plan.and_then(|plan| {
        (plan.starts <= now && now < plan.ends).then_some(plan.destination_country)
    }))
}

/// The traveller's plan, checked again as it is read.
pub(crate) fn valid_plan(profile: &Profile) -> Result<Option<ValidPlan>> {
    profile
        .db
        .read(store::load_plan)?
        .map(ValidPlan::new)
        .transpose()
}

/// Changes both PINs; which one `current` is decides what the change means (core/README.md).
pub(crate) fn change_pins(
    profile: &Profile,
    current: &str,
    new_normal: &str,
    new_duress: &str,
) -> Result<()> {
    pins::validate_pair(
        ("new_normal_pin", new_normal),
        ("new_duress_pin", new_duress),
    )?;
    let boxes = profile.db.read(store::pin_boxes)?;
    if boxes.is_empty() {
        return Err(Error::invalid("current_pin", reason::PINS_NOT_SET));
    }
    // The slow part (every box's key stretched, two new boxes sealed) runs outside the
    // write; the write then makes sure the boxes are still the ones that were opened.
    let new = pins::reseal(&boxes, current, new_normal, new_duress)?
        .ok_or_else(|| Error::invalid("current_pin", reason::WRONG_PIN))?;
    profile.db.write(|tx| {
        if store::pin_boxes(tx)? != boxes {
            return Err(Error::invalid(
                "current_pin",
                reason::PINS_CHANGED_ELSEWHERE,
            ));
        }
        store::save_pin_boxes(tx, &new)
    })
}

/// Checks in at `now` with either PIN.
pub(crate) fn check_in_at(profile: &Profile, pin: &str, now: SystemTime) -> Result<CheckinReceipt> {
    let plan = valid_plan(profile)?.ok_or_else(|| Error::invalid("plan", reason::NO_PLAN))?;
    let boxes = profile.db.read(store::pin_boxes)?;
    if boxes.is_empty() {
        return Err(Error::invalid("pin", reason::PINS_NOT_SET));
    }
    let (kind, unlocked) =
        pins::open(&boxes, pin).ok_or_else(|| Error::invalid("pin", reason::WRONG_PIN))?;
    let at: DateTime<Utc> = now.into();
    let counted = plan.schedule.slot_accepting(at);
    // A check-in outside any window still sends a code, bound to the nearest slot, so a
    // call for help is possible at any time.
    let code_slot = counted
        .or_else(|| status::current_slot(&plan.schedule, at))
        .or_else(|| plan.schedule.next_after(at))
        .map_or(0, |s| s.index);
    profile
        .db
        .write(|tx| store::record_checkin(tx, counted.map(|s| s.index), at))?;

    let prefs = profile.prefs();
    let ui = prefs.ui();
    // The same note whichever PIN was typed: only the code differs.
    let note = profile.db.read(settings::checkin_message)?;
    let message = message::message(
        &ui,
        note.as_deref(),
        &codes::code(&unlocked.secret, code_slot, kind),
    );
    Ok(CheckinReceipt {
        headline: ui.text("checkin_recorded"),
        share: Action::ShareText {
            text: message.clone(),
        },
        message,
        status: checkin_view(profile, now)?,
    })
}

/// A practice check-in at `now` with either PIN, to rehearse with the family before the trip:
/// the same message as a check-in, with a practice code the family's phone shows as practice
/// (eight digits, so it can never be taken for a check-in code). Nothing is recorded: it never
/// counts towards the streak or a missed check-in.
pub(crate) fn practice_at(profile: &Profile, pin: &str, now: SystemTime) -> Result<CheckinReceipt> {
    let opened = pin_gate::open(profile, "pin", pin)?;
    let kind = if opened.help {
        codes::Kind::Duress
    } else {
        codes::Kind::Normal
    };
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let note = profile.db.read(settings::checkin_message)?;
    let message = message::message(
        &ui,
        note.as_deref(),
        &codes::practice_code(&opened.unlocked.secret, codes::practice_day(now), kind),
    );
    Ok(CheckinReceipt {
        headline: ui.text("practice_ready"),
        share: Action::ShareText {
            text: message.clone(),
        },
        message,
        status: checkin_view(profile, now)?,
    })
}

/// The check-in screen at `now`.
pub(crate) fn checkin_view(profile: &Profile, now: SystemTime) -> Result<CheckinView> {
    checkin_view_in(profile, &profile.prefs(), now)
}

/// The check-in screen in the snapshot `prefs`.
pub(crate) fn checkin_view_in(
    profile: &Profile,
    prefs: &Prefs,
    now: SystemTime,
) -> Result<CheckinView> {
    let ui = prefs.ui();
    let Some(plan) = valid_plan(profile)? else {
        return Ok(CheckinView {
            title: ui.text("checkin_title"),
            traveller_name: None,
            headline: ui.text("checkin_no_plan"),
            current: None,
            next: None,
            last_checkin: None,
            last_checkin_at: None,
            streak: 0,
            streak_label: ui.format("checkin_streak", &[("count", "0")]),
            action: Some(Action::EditTripPlan),
            paused_until: None,
            trip_ended: false,
            trip_changes: Vec::new(),
        });
    };
    let (recorded, events, has_pins) = profile.db.read(|conn| {
        Ok((
            store::checkins(conn)?,
            store::trip_events(conn)?,
            !store::pin_boxes(conn)?.is_empty(),
        ))
    })?;
    let at: DateTime<Utc> = now.into();
    let schedule = &plan.schedule;
    let slot_view = |slot: Slot| {
        slot_view(
            &ui,
            schedule,
            slot,
            (&recorded, &events),
            at,
            &prefs.zone,
            (&plan.home_zone, None),
        )
    };
    let (current, next) = current_and_next(schedule, &recorded, &events, at, slot_view);
    let local = |t: SystemTime| ui.date_time(t, &prefs.zone);
    let ended = events.ended_by(at).is_some();
    let paused_until = events.paused_until(at).filter(|_| !ended);
    let headline = match (&current, &next) {
        _ if ended => ui.text("checkin_trip_ended"),
        (Some(c), _) if c.status == SlotStatus::Overdue => {
            ui.format("checkin_overdue", &[("time", &local(c.due))])
        }
        (Some(c), _) => ui.format("checkin_due_now", &[("time", &local(c.overdue_at))]),
        (None, _) if paused_until.is_some() => ui.format(
            "checkin_paused",
            &[(
                "time",
                &paused_until.map(|u| local(u.into())).unwrap_or_default(),
            )],
        ),
        (None, Some(n)) => ui.format("checkin_next", &[("time", &local(n.due))]),
        (None, None) => ui.text("checkin_trip_over"),
    };
    let headline = if has_pins {
        headline
    } else {
        ui.text("checkin_no_pins")
    };
    let last = recorded
        .iter()
        .filter(|r| r.at <= at)
        .map(|r| SystemTime::from(r.at))
        .max();
    let streak = status::streak(schedule, &recorded, &events, at);
    Ok(CheckinView {
        title: ui.text("checkin_title"),
        traveller_name: Some(plan.plan.traveller_name.clone()),
        headline,
        current,
        next,
        last_checkin: Some(last.map_or_else(
            || ui.text("checkin_never"),
            |t| ui.format("checkin_last", &[("time", &local(t))]),
        )),
        last_checkin_at: last,
        streak,
        streak_label: ui.format("checkin_streak", &[("count", &streak.to_string())]),
        action: Some(if has_pins {
            Action::CheckIn
        } else {
            Action::SetCheckinPins
        }),
        paused_until: paused_until.map(SystemTime::from),
        trip_ended: ended,
        trip_changes: if has_pins && !ended {
            trip_changes(&ui, &plan, &prefs.zone, at)
        } else {
            Vec::new()
        },
    })
}

/// The pause, extension and end buttons, each with its form's field and a first value.
fn trip_changes(
    ui: &crate::content::ui::Ui<'_>,
    plan: &ValidPlan,
    zone: &crate::zone::Zone,
    at: DateTime<Utc>,
) -> Vec<TripChangeOption> {
    let pause_until = codes::pause_step(at + chrono::Duration::hours(2))
        .map(codes::pause_step_instant)
        .map(|until| {
            until
                .with_timezone(zone)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        });
    let day_after_end = DateTime::<Utc>::from(plan.plan.ends)
        .with_timezone(&plan.schedule.zone)
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    [
        (
            TripChange::Pause,
            "trip_change_pause",
            "trip_change_pause_hint",
            Some(("trip_change_pause_field", pause_until)),
        ),
        (
            TripChange::Extend,
            "trip_change_extend",
            "trip_change_extend_hint",
            Some(("trip_change_extend_field", Some(day_after_end))),
        ),
        (
            TripChange::End,
            "trip_change_end",
            "trip_change_end_hint",
            None,
        ),
    ]
    .into_iter()
    .map(|(change, label, hint, field)| TripChangeOption {
        change,
        label: ui.text(label),
        hint: ui.text(hint),
        field_label: field.as_ref().map(|(key, _)| ui.text(key)),
        field_value: field.and_then(|(_, value)| value),
    })
    .collect()
}

/// Every check-in made, pause and end sent, newest first. Both PINs record the same, so the
/// history looks the same whichever was used.
pub(crate) fn history_view(profile: &Profile) -> Result<CheckinHistoryView> {
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let plan = valid_plan(profile)?;
    let (recorded, events) = profile
        .db
        .read(|c| Ok((store::checkins(c)?, store::trip_events(c)?)))?;
    let local = |t: SystemTime| ui.date_time(t, &prefs.zone);
    let entry = |kind, at: SystemTime, slot, slot_label| CheckinHistoryEntry {
        kind,
        at,
        at_label: local(at),
        slot,
        slot_label,
    };
    let checkins = recorded.into_iter().map(|r| {
        let slot_due = r
            .slot
            .and_then(|i| plan.as_ref()?.schedule.slot(i))
            .map(|s| SystemTime::from(s.due));
        let label = slot_due.map_or_else(
            || ui.text("checkin_unscheduled"),
            |due| ui.format("slot_label", &[("time", &local(due))]),
        );
        entry(CheckinHistoryKind::CheckIn, r.at.into(), r.slot, label)
    });
    let pauses = events.pauses.iter().map(|p| {
        let label = ui.format("history_paused", &[("time", &local(p.until.into()))]);
        entry(CheckinHistoryKind::Pause, p.at.into(), None, label)
    });
    let end = events.ended.map(|at| {
        entry(
            CheckinHistoryKind::End,
            at.into(),
            None,
            ui.text("history_ended"),
        )
    });
    let mut entries: Vec<CheckinHistoryEntry> = checkins.chain(pauses).chain(end).collect();
    entries.sort_by_key(|entry| std::cmp::Reverse(entry.at));
    Ok(CheckinHistoryView {
        title: ui.text("checkin_history_title"),
        entries,
    })
}
