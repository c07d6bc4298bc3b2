//! The family's side: plans shared with this profile, the state of each traveller's check-ins
//! from the family's own copy of the schedule, checking received messages, and what to do when
//! a check-in is missing or help was signalled. Nothing here sends anything.

use std::time::SystemTime;

use base64ct::{Base64UrlUnpadded, Encoding};
use chrono::{DateTime, Duration, Utc};

use super::codes::{self, Event, Kind};
use super::events::{Events, Pause};
use super::phrase;
use super::pin_gate;
use super::pins::Unlocked;
use super::plan::{TripPlan, ValidPlan};
use super::plan_change;
use super::schedule::Slot;
use super::sharing::{self, SharedPlan};
use super::slots::{current_and_next, slot_view};
use super::status::{Recorded, SlotStatus};
use super::store::{self, Verification, Watched};
use super::trip_days::day_of_number;
use super::vault;
use super::view::{
    EscalationStep, FactLine, FamilyHistoryEntry, FamilyHistoryView, FamilyListView,
    FamilyTravellerView, SharedTextView, VerificationOutcome, VerificationView,
    WatchedTravellerSummary,
};
use crate::action::Action;
use crate::contacts::OwnContactKind;
use crate::contacts::directory::contact_view;
use crate::contacts::emergency::{emergency_def, first_number};
use crate::contacts::local_help::{Kind as HelpKind, LocalHelp, local_help};
use crate::contacts::own::own_contact_views;
use crate::content::ui::Ui;
use crate::error::{Error, Result, reason};
use crate::profile::{Prefs, Profile};
use crate::zone::Zone;

/// How long after a slot's grace period a normal code still counts as on time when checked:
/// messages can arrive late.
const DELIVERY_ALLOWANCE: Duration = Duration::hours(2);
/// After a check-in is overdue, how long to try reaching the traveller before going on.
pub(crate) const CALL_BACK_WINDOW: Duration = Duration::hours(1);
/// The id of the hotline in the built-in directory.
const HOTLINE_ID: &str = "hotline";

const GENUINE: &str = "genuine";
const DURESS: &str = "duress";
const HANDLED: &str = "handled";
const PAUSED: &str = "paused";
const EXTENDED: &str = "extended";
const ENDED: &str = "ended";
const CHANGE_DURESS: &str = "change_duress";
/// A plan imported with the help mark: shared or changed under the help PIN.
const HELP_MARK: &str = "help_mark";

/// Imports a plan shared by a traveller; re-importing an updated plan updates it in place.
pub(crate) fn import_shared(
    profile: &Profile,
    payload: &str,
    passphrase: Option<&str>,
    now: SystemTime,
) -> Result<String> {
    let key = profile.keystore_key();
    let shared = sharing::decode(payload, passphrase)?;
    let valid = ValidPlan::new(shared.plan.clone()).map_err(|e| match e {
        Error::Invalid { field, .. } => {
            Error::invalid_with("payload", reason::PLAN_FIELD, &[("field", field)])
        }
        other => other,
    })?;
    let (nonce, sealed) = vault::seal(&key, &shared.unlocked)?;
    let help_marked = shared
        .mark
        .is_some_and(|mark| pin_gate::mark_says_help(&shared.unlocked.secret, &mark));
    // A plan already watched that this one would weaken waits for the family's call.
    let in_force = profile
        .db
        .read(store::watched)?
        .into_iter()
        .find(|w| w.plan_id == shared.plan_id);
    let weakened = match &in_force {
        Some(old) => {
            let old_shared = vault::open(&key, &old.nonce, &old.sealed)?;
            !plan_change::weakenings((&old.plan, &old_shared), (&valid.plan, &shared.unlocked))
                .is_empty()
        }
        None => false,
    };
    let watched = Watched {
        row: 0,
        plan_id: shared.plan_id,
        plan: valid.plan,
        nonce,
        sealed,
        imported_at: now.into(),
    };
    profile.db.write(|tx| {
        let row = match (&in_force, weakened) {
            (Some(old), true) => {
                let pending = store::Pending {
                    plan: watched.plan.clone(),
                    nonce: watched.nonce.clone(),
                    sealed: watched.sealed.clone(),
                };
                store::save_pending(tx, old.row, &pending, now.into())?;
                old.row
            }
            _ => store::upsert_watched(tx, &watched, now.into())?,
        };
        if help_marked {
            // Shown like a check-in made with the help PIN, until marked handled.
            store::add_verification(tx, row, &Verification::event(now.into(), HELP_MARK))?;
        }
        Ok(())
    })?;
    Ok(public_id(&shared.plan_id))
}

/// Imports a plan a traveller shared (see `import_shared`) and returns that traveller's screen at
/// `now`.
pub(crate) fn import_plan(
    profile: &Profile,
    payload: &str,
    passphrase: Option<&str>,
    now: SystemTime,
) -> Result<FamilyTravellerView> {
    let id = import_shared(profile, payload, passphrase, now)?;
    family_traveller_view(profile, &id, now)
}

/// The payload for the family, unlocked with either check-in PIN. It carries a mark saying
/// whether the help PIN was typed now or changed the plan last (pin_gate.rs); an export with the
/// help PIN is remembered, so later exports carry the mark too.
pub(crate) fn export_shared(
    profile: &Profile,
    pin: &str,
    passphrase: Option<&str>,
) -> Result<String> {
    let (plan, plan_id) = profile
        .db
        .read(|c| Ok((store::load_plan(c)?, store::plan_id(c)?)))?;
    let (Some(plan), Some(plan_id)) = (plan, plan_id) else {
        return Err(Error::invalid("plan", reason::NO_PLAN));
    };
    let opened = pin_gate::open(profile, "pin", pin)?;
    let help = opened.help || pin_gate::plan_changed_under_help(profile, &opened.unlocked.secret)?;
    if opened.help {
        let stored = pin_gate::stored_mark(&opened)?;
        profile
            .db
            .write(|tx| crate::storage::settings::set_plan_mark(tx, &stored))?;
    }
    let mark = pin_gate::mark(&opened.unlocked.secret, help)?;
    sharing::encode(
        &SharedPlan {
            plan_id,
            plan,
            unlocked: opened.unlocked,
            mark: Some(mark),
        },
        passphrase,
    )
}

pub(crate) fn family_list_view(profile: &Profile, now: SystemTime) -> Result<FamilyListView> {
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let travellers = profile
        .db
        .read(store::watched)?
        .into_iter()
        .map(|w| {
            let view = family_view_of(profile, &w, now, &prefs, None)?;
            Ok(WatchedTravellerSummary {
                id: view.id,
                name: view.name,
                destination: view.destination,
                headline: view.headline,
                needs_attention: view.needs_attention,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(FamilyListView {
        title: ui.text("family_title"),
        empty_hint: travellers.is_empty().then(|| ui.text("family_empty")),
        travellers,
    })
}

pub(crate) fn family_traveller_view(
    profile: &Profile,
    id: &str,
    now: SystemTime,
) -> Result<FamilyTravellerView> {
    let watched = find_watched(profile, id)?;
    family_view_of(profile, &watched, now, &profile.prefs(), None)
}

/// Checks a received message (or a typed code) for a traveller and records the result.
pub(crate) fn verify_received(
    profile: &Profile,
    id: &str,
    message: &str,
    now: SystemTime,
) -> Result<VerificationView> {
    let watched = find_watched(profile, id)?;
    let unlocked = vault::open(&profile.keystore_key(), &watched.nonce, &watched.sealed)?;
    let phrase_found = phrase::contains_phrase(message, &unlocked.signal_phrase);
    let mut found = phrase::codes_in(message);
    found.extend(phrase::event_codes_in(message));
    found.extend(phrase::practice_codes_in(message));
    verify_codes(profile, &watched, unlocked, &found, phrase_found, now)
}

/// Checks a text shared with Waymark or pasted (one message or several, from one traveller or
/// more): each code found is checked for the traveller it belongs to and recorded, and a
/// traveller whose signal phrase is in it is told as a call for help. A code that belongs to no
/// one is checked against the only traveller when there is one (so a forged code shows as
/// wrong), else listed as unknown.
pub(crate) fn verify_shared_text(
    profile: &Profile,
    text: &str,
    now: SystemTime,
) -> Result<SharedTextView> {
    let key = profile.keystore_key();
    let at: DateTime<Utc> = now.into();
    let mut travellers = Vec::new();
    for watched in profile.db.read(store::watched)? {
        let unlocked = vault::open(&key, &watched.nonce, &watched.sealed)?;
        let valid = ValidPlan::new(watched.plan.clone())?;
        let slots = candidate_slots(&valid, at);
        let phrase = phrase::contains_phrase(text, &unlocked.signal_phrase);
        travellers.push((watched, unlocked, slots, phrase));
    }
    let belongs = |code: &str| {
        travellers.iter().position(|(_, unlocked, slots, _)| {
            slots
                .iter()
                .any(|slot| codes::classify(&unlocked.secret, slot.index, code).is_some())
                || codes::event_kind(&unlocked.secret, at, code).is_some()
                || codes::practice_kind(&unlocked.secret, now, code).is_some()
        })
    };
    let mut checks = Vec::new();
    let mut unknown_codes = Vec::new();
    let mut phrase_told = vec![false; travellers.len()];
    let mut found = phrase::codes_in(text);
    found.extend(phrase::event_codes_in(text));
    found.extend(phrase::practice_codes_in(text));
    for code in found {
        let owner = belongs(&code).or((travellers.len() == 1).then_some(0));
        match owner {
            Some(i) => {
                let (watched, unlocked, _, phrase) = &travellers[i];
                let phrase_found = *phrase && !phrase_told[i];
                phrase_told[i] |= phrase_found;
                checks.push(verify_codes(
                    profile,
                    watched,
                    unlocked.clone(),
                    std::slice::from_ref(&code),
                    phrase_found,
                    now,
                )?);
            }
            None => unknown_codes.push(code),
        }
    }
    for (i, (watched, unlocked, _, phrase)) in travellers.iter().enumerate() {
        if *phrase && !phrase_told[i] {
            checks.push(verify_codes(
                profile,
                watched,
                unlocked.clone(),
                &[],
                true,
                now,
            )?);
        }
    }
    let prefs = profile.prefs();
    let summary = if checks.is_empty() && unknown_codes.is_empty() {
        Some(prefs.ui().text("shared_text_nothing"))
    } else if !unknown_codes.is_empty() {
        Some(prefs.ui().format(
            "shared_text_unknown",
            &[("count", &unknown_codes.len().to_string())],
        ))
    } else {
        None
    };
    let traveller_id = checks
        .first()
        .map(|c| c.traveller.id.clone())
        .or_else(|| (travellers.len() == 1).then(|| public_id(&travellers[0].0.plan_id)));
    Ok(SharedTextView {
        checks,
        unknown_codes,
        traveller_id,
        summary,
    })
}

/// The slots whose codes count as a traveller's at `at`: any slot up to a day ahead, newest
/// first.
fn candidate_slots(valid: &ValidPlan, at: DateTime<Utc>) -> Vec<Slot> {
    let mut candidates: Vec<Slot> = valid
        .schedule
        .slots()
        .take_while(|s| s.due <= at + Duration::days(1))
        .collect();
    candidates.reverse();
    candidates
}

/// Checks the codes found in a message for one traveller (the first that is theirs counts) and
/// records the result.
fn verify_codes(
    profile: &Profile,
    watched: &Watched,
    unlocked: Unlocked,
    found_codes: &[String],
    phrase_found: bool,
    now: SystemTime,
) -> Result<VerificationView> {
    let valid = ValidPlan::new(watched.plan.clone())?;
    let at: DateTime<Utc> = now.into();
    let earlier = profile.db.read(|c| store::verifications(c, watched.row))?;
    let candidates = candidate_slots(&valid, at);
    let matched = found_codes.iter().find_map(|code| {
        candidates.iter().find_map(|slot| {
            codes::classify(&unlocked.secret, slot.index, code)
                .map(|kind| (code.clone(), *slot, kind))
        })
    });
    // A pause, extension or end counts only when no check-in code does.
    if matched.is_none() {
        let event = found_codes.iter().find_map(|code| {
            codes::event_kind(&unlocked.secret, at, code)
                .map(|(event, param, kind)| (code.clone(), event, param, kind))
        });
        if let Some(event) = event {
            return verify_change(
                profile,
                watched,
                &valid,
                unlocked,
                event,
                (phrase_found, &earlier),
                now,
            );
        }
    }
    // A practice code counts only when no check-in code does (a check-in is never lost to a
    // rehearsal), and unless the signal phrase came with it; it is not recorded.
    if matched.is_none() && !phrase_found {
        let practice = found_codes
            .iter()
            .find_map(|code| codes::practice_kind(&unlocked.secret, now, code));
        if let Some(kind) = practice {
            let prefs = profile.prefs();
            let ui = prefs.ui();
            let name = &watched.plan.traveller_name;
            let (outcome, headline, detail) = match kind {
                Kind::Normal => (
                    VerificationOutcome::Practice,
                    "verify_practice",
                    "verify_practice_detail",
                ),
                Kind::Duress => (
                    VerificationOutcome::PracticeUnderDuress,
                    "verify_practice_duress",
                    "verify_practice_duress_detail",
                ),
            };
            return Ok(VerificationView {
                outcome,
                headline: ui.format(headline, &[("name", name)]),
                detail: ui.format(detail, &[("name", name)]),
                phrase_found,
                needs_help: false,
                traveller: family_view_of(profile, watched, now, &prefs, Some(unlocked))?,
            });
        }
    }
    let outcome = match &matched {
        None if found_codes.is_empty() => VerificationOutcome::NoCode,
        None => VerificationOutcome::WrongCode,
        Some((code, slot, _))
            if earlier.iter().any(|v| {
                v.slot == Some(slot.index) && v.code.as_deref() == Some(code.as_str())
            }) =>
        {
            VerificationOutcome::Replayed
        }
        Some((_, _, Kind::Duress)) => VerificationOutcome::GenuineUnderDuress,
        Some((_, slot, Kind::Normal)) => {
            if slot.opens(&valid.schedule) <= at
                && at < slot.overdue_at(&valid.schedule) + DELIVERY_ALLOWANCE
            {
                VerificationOutcome::Genuine
            } else {
                VerificationOutcome::OutsideWindow
            }
        }
    };
    let record = Verification {
        at,
        slot: matched.as_ref().map(|(_, slot, _)| slot.index),
        code: matched.as_ref().map(|(code, _, _)| code.clone()),
        outcome: outcome_word(outcome).to_owned(),
        phrase: phrase_found,
        until: None,
    };
    profile
        .db
        .write(|tx| store::add_verification(tx, watched.row, &record))?;

    let prefs = profile.prefs();
    let ui = prefs.ui();
    let name = &watched.plan.traveller_name;
    let needs_help = phrase_found || outcome == VerificationOutcome::GenuineUnderDuress;
    let (headline_key, detail_key) = if phrase_found {
        ("verify_phrase", "verify_help_detail")
    } else {
        (headline_key(outcome), detail_key(outcome))
    };
    Ok(VerificationView {
        outcome,
        headline: ui.format(headline_key, &[("name", name)]),
        detail: ui.format(detail_key, &[("name", name)]),
        phrase_found,
        needs_help,
        traveller: family_view_of(profile, watched, now, &prefs, Some(unlocked))?,
    })
}

/// Checks a pause, extension or end code (`event`: the code, what it is, its parameter and
/// which PIN made it) and records it. Made with the normal PIN and without the signal phrase it
/// is applied: the pause and the end are read from the record (`received_events`), the new
/// end moves the watched plan's end. From the help PIN, or with the phrase, it is a call for
/// help and nothing is applied; a code received before is a replay and changes nothing.
fn verify_change(
    profile: &Profile,
    watched: &Watched,
    valid: &ValidPlan,
    unlocked: Unlocked,
    (code, event, param, kind): (String, Event, u32, Kind),
    (phrase_found, earlier): (bool, &[Verification]),
    now: SystemTime,
) -> Result<VerificationView> {
    let at: DateTime<Utc> = now.into();
    let until = match event {
        Event::Pause => Some(codes::pause_step_instant(param)),
        Event::Extend => day_of_number(param)
            .and_then(|day| {
                super::trip_days::day_end(
                    &day.format("%Y-%m-%d").to_string(),
                    valid.schedule.zone.name(),
                )
                .ok()
            })
            .map(DateTime::<Utc>::from),
        Event::End => None,
    };
    let replayed = earlier
        .iter()
        .any(|v| v.code.as_deref() == Some(code.as_str()));
    let outcome = match (replayed, kind, event) {
        (true, _, _) => VerificationOutcome::Replayed,
        (false, Kind::Duress, _) => VerificationOutcome::ChangeUnderDuress,
        (false, Kind::Normal, Event::Pause) => VerificationOutcome::Paused,
        (false, Kind::Normal, Event::Extend) => VerificationOutcome::Extended,
        (false, Kind::Normal, Event::End) => VerificationOutcome::Ended,
    };
    let record = Verification {
        at,
        slot: None,
        code: Some(code),
        outcome: outcome_word(outcome).to_owned(),
        phrase: phrase_found,
        until,
    };
    // The new end, when a normal extension proves one later than the plan's (never earlier).
    let extended = match (outcome, until) {
        (VerificationOutcome::Extended, Some(new_end))
            if !phrase_found && SystemTime::from(new_end) > watched.plan.ends =>
        {
            let mut plan = watched.plan.clone();
            plan.ends = new_end.into();
            ValidPlan::new(plan).ok().map(|v| v.plan)
        }
        _ => None,
    };
    profile.db.write(|tx| {
        store::add_verification(tx, watched.row, &record)?;
        match &extended {
            Some(plan) => store::set_watched_plan(tx, watched.row, plan),
            None => Ok(()),
        }
    })?;
    let mut watched = watched.clone();
    if let Some(plan) = extended {
        watched.plan = plan;
    }
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let name = watched.plan.traveller_name.as_str();
    let args = change_args(&ui, &prefs.zone, valid, name, until);
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let needs_help = phrase_found || outcome == VerificationOutcome::ChangeUnderDuress;
    let (headline, detail) = if phrase_found {
        ("verify_phrase", "verify_help_detail")
    } else {
        (headline_key(outcome), detail_key(outcome))
    };
    Ok(VerificationView {
        outcome,
        headline: ui.format(headline, &args),
        detail: ui.format(detail, &args),
        phrase_found,
        needs_help,
        traveller: family_view_of(profile, &watched, now, &prefs, Some(unlocked))?,
    })
}

/// The words a pause's, extension's or end's texts need: the name, the pause's end on the
/// family's clock, the trip's new last day.
fn change_args(
    ui: &Ui<'_>,
    zone: &Zone,
    valid: &ValidPlan,
    name: &str,
    until: Option<DateTime<Utc>>,
) -> Vec<(&'static str, String)> {
    let time = until.map_or_else(String::new, |u| ui.date_time(u.into(), zone));
    let date = until
        .map(|u| (u - Duration::milliseconds(1)).with_timezone(&valid.schedule.zone))
        .map_or_else(String::new, |last| ui.date(last.date_naive()));
    vec![("name", name.to_owned()), ("time", time), ("date", date)]
}

pub(crate) fn family_history_view(profile: &Profile, id: &str) -> Result<FamilyHistoryView> {
    let watched = find_watched(profile, id)?;
    let valid = ValidPlan::new(watched.plan.clone())?;
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let name = watched.plan.traveller_name.as_str();
    let mut verifications = profile.db.read(|c| store::verifications(c, watched.row))?;
    verifications.reverse();
    let entries = verifications
        .into_iter()
        .map(|v| {
            let outcome = outcome_of_word(&v.outcome);
            let slot_label = v.slot.and_then(|i| valid.schedule.slot(i)).map_or_else(
                || ui.text("checkin_unscheduled"),
                |s| {
                    ui.format(
                        "slot_label",
                        &[("time", &ui.date_time(s.due.into(), &prefs.zone))],
                    )
                },
            );
            let args = change_args(&ui, &prefs.zone, &valid, name, v.until);
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let outcome_label = match outcome {
                // A pause, extension or end that came with the signal phrase was not applied:
                // its line says what it was, a call for help.
                Some(
                    VerificationOutcome::Paused
                    | VerificationOutcome::Extended
                    | VerificationOutcome::Ended,
                ) if v.phrase => ui.format("verify_phrase", &args),
                Some(o) => ui.format(headline_key(o), &args),
                None if v.outcome == HELP_MARK => ui.format("family_help_mark", &[("name", name)]),
                None => ui.text("family_handled"),
            };
            FamilyHistoryEntry {
                at: v.at.into(),
                at_label: ui.date_time(v.at.into(), &prefs.zone),
                slot_label,
                outcome,
                outcome_label,
                phrase_found: v.phrase,
            }
        })
        .collect();
    Ok(FamilyHistoryView {
        title: ui.format("family_history_title", &[("name", name)]),
        entries,
    })
}

/// Marks a help signal as dealt with, so the screen stops asking for action.
pub(crate) fn mark_handled(
    profile: &Profile,
    id: &str,
    now: SystemTime,
) -> Result<FamilyTravellerView> {
    let watched = find_watched(profile, id)?;
    let record = Verification::event(now.into(), HANDLED);
    profile
        .db
        .write(|tx| store::add_verification(tx, watched.row, &record))?;
    family_view_of(profile, &watched, now, &profile.prefs(), None)
}

/// Accepts the changed plan waiting for a traveller (the family called and heard the signal
/// phrase): it replaces the one in force.
pub(crate) fn accept_plan_change(
    profile: &Profile,
    id: &str,
    now: SystemTime,
) -> Result<FamilyTravellerView> {
    let watched = find_watched(profile, id)?;
    profile.db.write(|tx| {
        let pending = store::take_pending(tx, watched.row)?
            .ok_or_else(|| Error::invalid("traveller", reason::NO_PLAN_CHANGE))?;
        let accepted = Watched {
            row: watched.row,
            plan_id: watched.plan_id,
            plan: pending.plan,
            nonce: pending.nonce,
            sealed: pending.sealed,
            imported_at: now.into(),
        };
        store::upsert_watched(tx, &accepted, now.into()).map(drop)
    })?;
    family_traveller_view(profile, id, now)
}

/// Drops the changed plan waiting for a traveller; the plan in force stays.
pub(crate) fn keep_plan(
    profile: &Profile,
    id: &str,
    now: SystemTime,
) -> Result<FamilyTravellerView> {
    let watched = find_watched(profile, id)?;
    profile.db.write(|tx| {
        store::take_pending(tx, watched.row)?
            .map(drop)
            .ok_or_else(|| Error::invalid("traveller", reason::NO_PLAN_CHANGE))
    })?;
    family_view_of(profile, &watched, now, &profile.prefs(), None)
}

pub(crate) fn stop_watching(
    profile: &Profile,
    id: &str,
    now: SystemTime,
) -> Result<FamilyListView> {
    let watched = find_watched(profile, id)?;
    profile
        .db
        .write(|tx| store::remove_watched(tx, watched.row))?;
    family_list_view(profile, now)
}

fn find_watched(profile: &Profile, id: &str) -> Result<Watched> {
    profile
        .db
        .read(store::watched)?
        .into_iter()
        .find(|w| public_id(&w.plan_id) == id)
        .ok_or_else(|| Error::not_found("traveller", id))
}

fn family_view_of(
    profile: &Profile,
    watched: &Watched,
    now: SystemTime,
    prefs: &Prefs,
    unlocked: Option<Unlocked>,
) -> Result<FamilyTravellerView> {
    let ui = prefs.ui();
    let valid = ValidPlan::new(watched.plan.clone())?;
    let schedule = &valid.schedule;
    let plan = &valid.plan;
    let at: DateTime<Utc> = now.into();
    let verifications = profile.db.read(|c| store::verifications(c, watched.row))?;
    let recorded = received_checkins(&verifications);
    let events = received_events(&verifications, watched.imported_at);
    let help_at = help_signalled_at(&verifications, at);
    let destination_zone: Zone = plan
        .destination_time_zone
        .parse()
        .map_err(|_| Error::Stored("a watched plan".into()))?;
    let view = |slot: Slot| {
        slot_view(
            &ui,
            schedule,
            slot,
            (&recorded, &events),
            at,
            &prefs.zone,
            (&destination_zone, Some(plan.traveller_name.as_str())),
        )
    };
    let (current, next) = current_and_next(schedule, &recorded, &events, at, view);
    let ended = events.ended_by(at);
    let paused_until = events.paused_until(at);
    let local = |t: SystemTime| ui.date_time(t, &prefs.zone);
    let last = recorded
        .iter()
        .filter(|r| r.at <= at)
        .map(|r| SystemTime::from(r.at))
        .max();
    let name = plan.traveller_name.as_str();
    let overdue = current.as_ref().filter(|c| c.status == SlotStatus::Overdue);
    let help_by_mark = help_at.is_some_and(|at| {
        verifications
            .iter()
            .any(|v| v.at == at && v.outcome == HELP_MARK)
    });
    let headline = if let Some(help) = help_at {
        ui.format(
            if help_by_mark {
                "family_headline_help_mark"
            } else {
                "family_headline_help"
            },
            &[("name", name), ("time", &local(help.into()))],
        )
    } else if let Some(ended) = ended {
        ui.format(
            "family_headline_ended",
            &[("name", name), ("time", &local(ended.into()))],
        )
    } else if let Some(c) = overdue {
        ui.format(
            "family_headline_overdue",
            &[("name", name), ("time", &local(c.due))],
        )
    } else if let Some(c) = &current {
        ui.format(
            "family_headline_due",
            &[("name", name), ("time", &local(c.overdue_at))],
        )
    } else if let Some(until) = paused_until {
        ui.format(
            "family_headline_paused",
            &[("name", name), ("time", &local(until.into()))],
        )
    } else if let Some(last) = last {
        ui.format(
            "family_headline_ok",
            &[("name", name), ("time", &local(last))],
        )
    } else {
        ui.format("family_headline_waiting", &[("name", name)])
    };
    let in_force = match unlocked {
        Some(u) => u,
        None => vault::open(&profile.keystore_key(), &watched.nonce, &watched.sealed)?,
    };
    let pending_change = match profile.db.read(|c| store::pending(c, watched.row))? {
        Some(pending) => {
            let waiting = vault::open(&profile.keystore_key(), &pending.nonce, &pending.sealed)?;
            let changes = plan_change::weakenings((plan, &in_force), (&pending.plan, &waiting));
            Some(plan_change::change_view(
                &ui,
                &prefs.zone,
                name,
                (plan, &pending.plan),
                &changes,
            ))
        }
        None => None,
    };
    let phrase = in_force.signal_phrase;
    let steps = if help_at.is_some() || overdue.is_some() {
        let call_back_by = overdue
            .map(|c| SystemTime::from(DateTime::<Utc>::from(c.overdue_at) + CALL_BACK_WINDOW));
        escalation_steps(
            profile,
            &ui,
            plan,
            help_at.is_some(),
            call_back_by.map(local),
            now,
        )?
    } else {
        Vec::new()
    };
    let destination = format!(
        "{}, {}",
        plan.destination_city,
        ui.country(&plan.destination_country)
    );
    let mut facts = vec![
        fact(&ui, "fact_name", name),
        fact(&ui, "fact_destination", &destination),
    ];
    for (key, value) in [
        ("fact_employer", &plan.employer),
        ("fact_agency", &plan.agency),
        ("fact_documents", &plan.document_copies),
    ] {
        if let Some(value) = value {
            facts.push(fact(&ui, key, value));
        }
    }
    facts.push(fact(
        &ui,
        "fact_last_checkin",
        &last.map_or_else(|| ui.text("checkin_never"), local),
    ));
    Ok(FamilyTravellerView {
        id: public_id(&watched.plan_id),
        name: name.to_owned(),
        destination,
        headline,
        needs_attention: help_at.is_some() || overdue.is_some() || pending_change.is_some(),
        help_signalled: help_at.is_some(),
        pending_change,
        current,
        next,
        last_checkin: last.map(|t| ui.format("checkin_last", &[("time", &local(t))])),
        signal_phrase_reminder: ui.format(
            "family_phrase_reminder",
            &[("name", name), ("phrase", &phrase)],
        ),
        steps,
        facts,
    })
}

fn escalation_steps(
    profile: &Profile,
    ui: &Ui<'_>,
    plan: &TripPlan,
    help: bool,
    call_back_by: Option<String>,
    now: SystemTime,
) -> Result<Vec<EscalationStep>> {
    let name = plan.traveller_name.as_str();
    let country = ui.country(&plan.destination_country);
    let hotline = contact_view(profile, HOTLINE_ID, now)?;
    let phone = hotline.phones.first();
    let call_detail = match (help, call_back_by) {
        (true, _) => ui.format("step_call_help_detail", &[("name", name)]),
        (false, Some(by)) => ui.format("step_call_detail", &[("name", name), ("time", &by)]),
        (false, None) => ui.format("step_call_help_detail", &[("name", name)]),
    };
    // When it is closed, say when it opens, on the contact's clock and on the family's.
    let hotline_detail = [
        hotline.hours.clone(),
        hotline.opening.as_ref().map(|o| {
            format!(
                "{}: {} ({})",
                o.status, o.next_change_text, o.next_change_in_your_zone
            )
        }),
        phone.and_then(|p| p.cost_note.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" — ");
    // An embassy the family saved for the destination country can be called directly; else the
    // built-in embassies and consulates there, each saying where its number comes from.
    let embassy = own_contact_views(profile, ui)?.into_iter().find(|c| {
        c.kind == OwnContactKind::EmbassyOrConsulate && c.country_code == plan.destination_country
    });
    let missions = one_number_per_country(local_help(
        ui,
        &plan.destination_country,
        HelpKind::Mission,
    )?);
    let embassy_steps: Vec<Step> = match embassy {
        Some(contact) => vec![(
            ui.format("step_embassy_saved", &[("contact", &contact.name)]),
            ui.format("step_embassy_detail", &[("name", name)]),
            Some(Action::dial(&contact.e164)),
        )],
        None if !missions.is_empty() => missions
            .iter()
            .map(|mission| {
                let detail = ui.format("step_mission_detail", &[("name", name)]);
                (
                    ui.format(
                        "step_built_in_call",
                        &[
                            ("contact", &mission.title),
                            ("number", &mission.phone.number),
                        ],
                    ),
                    with_source(detail, mission),
                    mission
                        .dialable_from_abroad()
                        .then(|| Action::dial(&mission.phone.e164)),
                )
            })
            .collect(),
        None => vec![(
            ui.format("step_embassy", &[("country", &country)]),
            ui.format("step_embassy_detail", &[("name", name)]),
            None,
        )],
    };
    // A local line that works from abroad can be called; a short number is passed on.
    let line_steps: Vec<Step> = local_help(ui, &plan.destination_country, HelpKind::LocalLine)?
        .iter()
        .map(|line| {
            let args = [
                ("contact", line.title.as_str()),
                ("number", line.phone.number.as_str()),
                ("name", name),
                ("about", line.description.as_str()),
                ("country", country.as_str()),
            ];
            let (title, detail, action) = if line.dialable_from_abroad() {
                (
                    ui.format("step_built_in_call", &args),
                    ui.format("step_local_line_detail", &args),
                    Some(Action::dial(&line.phone.e164)),
                )
            } else {
                (
                    ui.format("step_local_line_pass_on", &args),
                    ui.format("step_local_line_inside", &args),
                    None,
                )
            };
            (title, with_source(detail, line), action)
        })
        .collect();
    // Short emergency numbers work only inside their country, so the family is told the
    // number to pass on rather than offered a call that cannot connect.
    let police_detail = match emergency_def(ui.pack(), &plan.destination_country) {
        Some(def) => ui.format(
            "step_police_number_detail",
            &[("number", first_number(def)), ("country", &country)],
        ),
        None => ui.text("step_police_detail"),
    };
    let mut steps: Vec<Step> = vec![
        (ui.format("step_call", &[("name", name)]), call_detail, None),
        (
            ui.format(
                "step_hotline",
                &[("number", phone.map_or("", |p| p.number.as_str()))],
            ),
            hotline_detail,
            phone.map(|p| p.call.clone()),
        ),
    ];
    steps.extend(embassy_steps);
    steps.extend(line_steps);
    steps.push((
        ui.format("step_police", &[("name", name), ("country", &country)]),
        police_detail,
        None,
    ));
    Ok(steps
        .into_iter()
        .zip(1..)
        .map(|((title, detail, action), number)| EscalationStep {
            number,
            title,
            detail,
            action,
        })
        .collect())
}

/// An escalation step before it is numbered: what to do, when and why, and what a tap does.
type Step = (String, String, Option<Action>);

/// The family needs a number to call for each country that has missions there, not every
/// consulate: that country's confirmed ones, else its first (which says it is not confirmed).
fn one_number_per_country(missions: Vec<LocalHelp<'_>>) -> Vec<LocalHelp<'_>> {
    let confirmed = |of: &Option<String>| {
        missions
            .iter()
            .any(|m| &m.def.of == of && !m.def.unconfirmed)
    };
    let keep: Vec<bool> = missions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            if confirmed(&m.def.of) {
                !m.def.unconfirmed
            } else {
                !missions[..i]
                    .iter()
                    .any(|earlier| earlier.def.of == m.def.of)
            }
        })
        .collect();
    missions
        .into_iter()
        .zip(keep)
        .filter_map(|(m, keep)| keep.then_some(m))
        .collect()
}

/// A built-in contact's step detail, followed by where its number comes from.
fn with_source(detail: String, help: &LocalHelp<'_>) -> String {
    match &help.source_text {
        Some(source) => format!("{detail} {source}"),
        None => detail,
    }
}

/// The check-ins the family has received, as the schedule's status counts them.
pub(crate) fn received_checkins(verifications: &[Verification]) -> Vec<Recorded> {
    verifications
        .iter()
        .filter(|v| v.outcome == GENUINE || v.outcome == DURESS)
        .map(|v| Recorded {
            slot: v.slot,
            at: v.at,
        })
        .collect()
}

/// The pauses and the end the family has received with a normal code and without the signal
/// phrase (a call for help applies nothing). An end counts only for the plan imported before
/// it: a plan shared again after the end starts the watch again. A pause counts from two hours
/// before it was received, as a message can arrive late.
pub(crate) fn received_events(
    verifications: &[Verification],
    imported_at: DateTime<Utc>,
) -> Events {
    let applied = |v: &&Verification| !v.phrase;
    Events {
        pauses: verifications
            .iter()
            .filter(applied)
            .filter(|v| v.outcome == PAUSED)
            .filter_map(|v| {
                Some(Pause {
                    at: v.at,
                    from: v.at - DELIVERY_ALLOWANCE,
                    until: v.until?,
                })
            })
            .collect(),
        ended: verifications
            .iter()
            .filter(applied)
            .filter(|v| v.outcome == ENDED && v.at >= imported_at)
            .map(|v| v.at)
            .min(),
    }
}

/// The latest help signal not yet marked handled, if any, up to `now`.
fn help_signalled_at(verifications: &[Verification], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let handled = verifications
        .iter()
        .filter(|v| v.outcome == HANDLED && v.at <= now)
        .map(|v| v.at)
        .max();
    verifications
        .iter()
        .filter(|v| {
            v.at <= now
                && (v.outcome == DURESS
                    || v.outcome == CHANGE_DURESS
                    || v.outcome == HELP_MARK
                    || v.phrase)
        })
        .map(|v| v.at)
        .max()
        .filter(|signal| handled.is_none_or(|h| *signal > h))
}

fn headline_key(outcome: VerificationOutcome) -> &'static str {
    match outcome {
        VerificationOutcome::Genuine => "verify_genuine",
        VerificationOutcome::GenuineUnderDuress => "verify_duress",
        VerificationOutcome::WrongCode => "verify_wrong",
        VerificationOutcome::Replayed => "verify_replayed",
        VerificationOutcome::OutsideWindow => "verify_outside",
        VerificationOutcome::NoCode => "verify_no_code",
        VerificationOutcome::Practice => "verify_practice",
        VerificationOutcome::PracticeUnderDuress => "verify_practice_duress",
        VerificationOutcome::Paused => "verify_paused",
        VerificationOutcome::Extended => "verify_extended",
        VerificationOutcome::Ended => "verify_ended",
        VerificationOutcome::ChangeUnderDuress => "verify_change_duress",
    }
}

fn detail_key(outcome: VerificationOutcome) -> &'static str {
    match outcome {
        VerificationOutcome::Genuine => "verify_genuine_detail",
        VerificationOutcome::GenuineUnderDuress => "verify_help_detail",
        VerificationOutcome::WrongCode => "verify_wrong_detail",
        VerificationOutcome::Replayed => "verify_replayed_detail",
        VerificationOutcome::OutsideWindow => "verify_outside_detail",
        VerificationOutcome::NoCode => "verify_no_code_detail",
        VerificationOutcome::Practice => "verify_practice_detail",
        VerificationOutcome::PracticeUnderDuress => "verify_practice_duress_detail",
        VerificationOutcome::Paused => "verify_paused_detail",
        VerificationOutcome::Extended => "verify_extended_detail",
        VerificationOutcome::Ended => "verify_ended_detail",
        VerificationOutcome::ChangeUnderDuress => "verify_change_duress_detail",
    }
}

const OUTCOMES: [VerificationOutcome; 10] = [
    VerificationOutcome::Genuine,
    VerificationOutcome::GenuineUnderDuress,
    VerificationOutcome::WrongCode,
    VerificationOutcome::Replayed,
    VerificationOutcome::OutsideWindow,
    VerificationOutcome::NoCode,
    VerificationOutcome::Paused,
    VerificationOutcome::Extended,
    VerificationOutcome::Ended,
    VerificationOutcome::ChangeUnderDuress,
];

/// The outcome stored as `word`; None for a help signal marked handled.
fn outcome_of_word(word: &str) -> Option<VerificationOutcome> {
    OUTCOMES.into_iter().find(|o| outcome_word(*o) == word)
}

fn outcome_word(outcome: VerificationOutcome) -> &'static str {
    match outcome {
        VerificationOutcome::Genuine => GENUINE,
        VerificationOutcome::GenuineUnderDuress => DURESS,
        VerificationOutcome::WrongCode => "wrong",
        VerificationOutcome::Replayed => "replayed",
        VerificationOutcome::OutsideWindow => "outside_window",
        VerificationOutcome::NoCode => "no_code",
        // Never stored: practice is not recorded.
        VerificationOutcome::Practice => "practice",
        VerificationOutcome::PracticeUnderDuress => "practice_duress",
        VerificationOutcome::Paused => PAUSED,
        VerificationOutcome::Extended => EXTENDED,
        VerificationOutcome::Ended => ENDED,
        VerificationOutcome::ChangeUnderDuress => CHANGE_DURESS,
    }
}

fn fact(ui: &Ui<'_>, key: &str, value: &str) -> FactLine {
    FactLine {
        label: ui.text(key),
        value: value.to_owned(),
    }
}

/// The id shells use for a watched traveller: the plan id in base64url.
pub(crate) fn public_id(plan_id: &[u8; 16]) -> String {
    Base64UrlUnpadded::encode_string(plan_id)
}
