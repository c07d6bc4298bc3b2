//! Pausing the check-ins, extending and ending the trip, on both sides and with both PINs.
//!
//! Anna's plan (tests.rs): 09:00 and 21:00 Istanbul time, so slot 0 is due 2026-03-02T06:00Z,
//! slot 1 at 18:00Z, slot 2 on the 3rd at 06:00Z and so on; window one hour, grace 30 minutes,
//! so slot n falls overdue an hour after it is due. Her mother is in Moscow.

use std::time::{Duration, SystemTime};

use super::tests::{at, family, open, pair, plan, ready};
use super::*;
use crate::error::WaymarkError;
use crate::waymark::Waymark;

const NORMAL: &str = "2468";
const HELP: &str = "1357";

/// The pause every test makes: at 10:00Z on 3 March until 12:00Z on the 4th, over slots 3
/// (due 18:00Z on the 3rd) and 4 (06:00Z on the 4th); slot 5 (18:00Z on the 4th) is after it.
const PAUSED_AT: &str = "2026-03-03T10:00:00Z";
const PAUSED_UNTIL: &str = "2026-03-04T12:00:00Z";

fn pause(anna: &Waymark, pin: &str) -> Result<CheckinReceipt, WaymarkError> {
    anna.pause_check_ins(pin.into(), at(PAUSED_UNTIL), at(PAUSED_AT))
}

fn minute_after(t: &str) -> SystemTime {
    at(t) + Duration::from_secs(60)
}

/// The receipt with its code taken out: what someone watching the screen could compare.
fn without_code(receipt: &CheckinReceipt) -> CheckinReceipt {
    let strip = |text: &str| {
        text.chars()
            .filter(|c| !c.is_ascii_digit())
            .collect::<String>()
    };
    let mut r = receipt.clone();
    let code: String = phrase::event_codes_in(&r.message).concat();
    assert_eq!(code.len(), 7, "one seven-digit code in {:?}", r.message);
    r.message = r.message.replace(&code, "");
    r.share = crate::action::Action::ShareText {
        text: r.message.clone(),
    };
    // Nothing else in the message is a code of any kind.
    assert!(phrase::codes_in(&strip(&r.message)).is_empty());
    r
}

fn alert_ids(waymark: &Waymark, now: SystemTime) -> Vec<String> {
    waymark
        .plan_notifications(now, 1000, true)
        .unwrap()
        .alerts
        .into_iter()
        .map(|a| a.id)
        .collect()
}

fn has_slot(ids: &[String], slot: u32) -> bool {
    ids.iter().any(|id| id.contains(&format!("-{slot}-")))
}

fn invalid_reason(result: Result<CheckinReceipt, WaymarkError>) -> (String, String) {
    match result {
        Err(WaymarkError::InvalidInput { field, reason, .. }) => (field, reason),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// On the traveller's side a pause with either PIN shows the same receipt and the same screens
/// afterwards, and plans the same reminders: the paused check-ins get none.
#[test]
fn a_pause_looks_and_behaves_the_same_with_either_pin_on_the_travellers_phone() {
    let dir = tempfile::tempdir().unwrap();
    let one = ready(&dir, "one");
    let other = ready(&dir, "other");
    // Both checked in for slot 2 (06:00Z on the 3rd): a pause covers later check-ins only.
    for phone in [&one, &other] {
        phone
            .check_in(NORMAL.into(), at("2026-03-03T06:05:00Z"))
            .unwrap();
    }
    let normal = pause(&one, NORMAL).unwrap();
    let help = pause(&other, HELP).unwrap();
    assert_eq!(without_code(&normal), without_code(&help));
    assert!(
        normal
            .headline
            .starts_with("Check-ins paused until 4 Mar 2026, 15:00"),
        "{}",
        normal.headline
    );
    assert!(
        normal
            .message
            .starts_with("No signal for a while, back by 4 Mar 2026, 15:00"),
        "{}",
        normal.message
    );
    let status = &normal.status;
    assert_eq!(status.paused_until, Some(at(PAUSED_UNTIL)));
    // The three changes stay on offer, each form with its first value on Anna's clock.
    let changes: Vec<_> = status
        .trip_changes
        .iter()
        .map(|c| (c.change, c.field_value.as_deref()))
        .collect();
    assert_eq!(
        changes,
        [
            (TripChange::Pause, Some("2026-03-03 15:00")),
            (TripChange::Extend, Some("2026-06-01")),
            (TripChange::End, None),
        ]
    );
    assert_eq!(
        status.headline,
        "Check-ins are paused until 4 Mar 2026, 15:00."
    );
    assert_eq!(
        status.next.as_ref().unwrap().index,
        5,
        "slots 3 and 4 are paused"
    );
    for t in [
        "2026-03-03T19:30:00Z",
        "2026-03-04T07:30:00Z",
        "2026-03-04T19:30:00Z",
    ] {
        assert_eq!(
            one.checkin_status(at(t)).unwrap(),
            other.checkin_status(at(t)).unwrap(),
            "{t}"
        );
        assert_eq!(alert_ids(&one, at(t)), alert_ids(&other, at(t)), "{t}");
    }
    // Inside the pause nothing is overdue and no reminder is planned for a paused slot.
    let inside = one.checkin_status(at("2026-03-03T19:30:00Z")).unwrap();
    assert!(inside.current.is_none(), "{:?}", inside.current);
    let ids = alert_ids(&one, at(PAUSED_AT));
    assert!(!has_slot(&ids, 3) && !has_slot(&ids, 4), "{ids:?}");
    assert!(has_slot(&ids, 5), "{ids:?}");
    // After it, a missed check-in is overdue again.
    let after = one.checkin_status(at("2026-03-04T19:05:00Z")).unwrap();
    assert_eq!(after.current.unwrap().status, SlotStatus::Overdue);
    // A paused slot neither adds to the streak nor breaks it.
    one.check_in(NORMAL.into(), at("2026-03-04T18:05:00Z"))
        .unwrap();
    assert_eq!(
        one.checkin_status(at("2026-03-04T18:10:00Z"))
            .unwrap()
            .streak,
        2
    );
}

/// The family's side of a normal pause: "paused" instead of "overdue" inside the pause, no
/// alarm planned for the paused check-ins, "overdue" again after it; the check is recorded.
#[test]
fn the_family_sees_paused_inside_the_pause_and_overdue_again_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let before = alert_ids(&mother, at(PAUSED_AT));
    assert!(has_slot(&before, 3) && has_slot(&before, 4));
    let receipt = pause(&anna, NORMAL).unwrap();
    let checked = mother
        .verify_checkin(id.clone(), receipt.message, minute_after(PAUSED_AT))
        .unwrap();
    assert_eq!(checked.outcome, VerificationOutcome::Paused);
    assert!(!checked.needs_help && !checked.traveller.help_signalled);
    // Mother reads the end of the pause on her own clock (Moscow, UTC+3).
    assert_eq!(
        checked.headline,
        "Anna paused check-ins until 4 Mar 2026, 15:00."
    );

    let inside = mother
        .family_traveller(id.clone(), at("2026-03-03T19:30:00Z"))
        .unwrap();
    assert!(inside.current.is_none());
    assert!(!inside.needs_attention && inside.steps.is_empty());
    assert!(inside.headline.contains("paused"), "{}", inside.headline);
    assert_eq!(inside.next.as_ref().unwrap().index, 5);
    let ids = alert_ids(&mother, minute_after(PAUSED_AT));
    assert!(!has_slot(&ids, 3) && !has_slot(&ids, 4), "{ids:?}");
    assert!(has_slot(&ids, 5), "{ids:?}");

    let after = mother
        .family_traveller(id.clone(), at("2026-03-04T19:05:00Z"))
        .unwrap();
    assert_eq!(after.current.as_ref().unwrap().status, SlotStatus::Overdue);
    assert!(after.needs_attention);
    assert!(
        after.headline.contains("has not checked in"),
        "{}",
        after.headline
    );

    let history = mother.family_history(id.clone()).unwrap();
    assert_eq!(
        history.entries[0].outcome,
        Some(VerificationOutcome::Paused)
    );
    assert_eq!(
        history.entries[0].outcome_label,
        "Anna paused check-ins until 4 Mar 2026, 15:00."
    );
    // The same message again is a replay and changes nothing.
    let again = pause(&anna, NORMAL).unwrap().message;
    let replay = mother
        .verify_checkin(id, again, at("2026-03-03T10:05:00Z"))
        .unwrap();
    assert_eq!(replay.outcome, VerificationOutcome::Replayed);
}

/// With the help PIN the family is told to act, and keeps its alarms: nothing is paused.
#[test]
fn a_pause_with_the_help_pin_is_a_call_for_help_and_pauses_nothing_for_the_family() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let receipt = pause(&anna, HELP).unwrap();
    // Anna's phone shows the pause, as with the normal PIN.
    assert_eq!(receipt.status.paused_until, Some(at(PAUSED_UNTIL)));
    let checked = mother
        .verify_checkin(id.clone(), receipt.message, minute_after(PAUSED_AT))
        .unwrap();
    assert_eq!(checked.outcome, VerificationOutcome::ChangeUnderDuress);
    assert!(checked.needs_help && checked.traveller.help_signalled);
    assert_eq!(
        checked.headline,
        "Anna needs help: this was sent with the help PIN."
    );
    assert!(
        checked.detail.contains("Nothing was paused"),
        "{}",
        checked.detail
    );
    assert_eq!(
        checked.traveller.steps.len(),
        6,
        "the steps of a call for help"
    );
    let ids = alert_ids(&mother, minute_after(PAUSED_AT));
    assert!(has_slot(&ids, 3) && has_slot(&ids, 4), "{ids:?}");
    let inside = mother
        .family_traveller(id.clone(), at("2026-03-03T19:05:00Z"))
        .unwrap();
    assert_eq!(inside.current.as_ref().unwrap().status, SlotStatus::Overdue);
    assert!(inside.help_signalled && inside.needs_attention);
    let history = mother.family_history(id).unwrap();
    assert_eq!(
        history.entries[0].outcome,
        Some(VerificationOutcome::ChangeUnderDuress)
    );
}

/// "I am home" with either PIN: the same on Anna's phone (no more check-ins or reminders); the
/// normal one stops the family's watch, the help one is a call for help and the watch goes on.
#[test]
fn ending_the_trip_with_either_pin() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let other = ready(&dir, "other");
    let (other_mother, other_id) = {
        let export = other.export_plan(NORMAL.into(), None).unwrap();
        let m = open(&dir, "other-mother", "Europe/Moscow");
        let id = m
            .import_plan(
                export.payload,
                Some(export.passphrase),
                at("2026-03-01T12:00:00Z"),
            )
            .unwrap()
            .id;
        (m, id)
    };
    let t = "2026-03-03T10:00:00Z";
    let normal = anna.end_trip(NORMAL.into(), at(t)).unwrap();
    let help = other.end_trip(HELP.into(), at(t)).unwrap();
    assert_eq!(without_code(&normal), without_code(&help));
    assert_eq!(normal.message.split(' ').next(), Some("I'm"));
    assert!(normal.status.trip_ended && normal.status.trip_changes.is_empty());
    assert_eq!(
        normal.status.headline,
        "The trip is over: no more check-ins."
    );
    assert!(normal.status.current.is_none() && normal.status.next.is_none());
    for phone in [&anna, &other] {
        let own: Vec<String> = alert_ids(phone, at(t))
            .into_iter()
            .filter(|id| id.starts_with("checkin-"))
            .collect();
        assert!(own.is_empty(), "{own:?}");
    }
    // Ended twice: refused, nothing changes.
    let before = anna.checkin_status(at(t)).unwrap();
    assert_eq!(
        invalid_reason(anna.end_trip(NORMAL.into(), minute_after(t))),
        ("trip".into(), "the trip has already ended".into())
    );
    assert_eq!(anna.checkin_status(at(t)).unwrap(), before);

    let ended = mother
        .verify_checkin(id.clone(), normal.message, minute_after(t))
        .unwrap();
    assert_eq!(ended.outcome, VerificationOutcome::Ended);
    assert!(!ended.needs_help);
    let later = mother
        .family_traveller(id.clone(), at("2026-03-05T12:00:00Z"))
        .unwrap();
    assert!(!later.needs_attention && later.current.is_none() && later.next.is_none());
    assert!(
        later.headline.contains("ended the trip"),
        "{}",
        later.headline
    );
    assert!(alert_ids(&mother, minute_after(t)).is_empty());

    let called = other_mother
        .verify_checkin(other_id.clone(), help.message, minute_after(t))
        .unwrap();
    assert_eq!(called.outcome, VerificationOutcome::ChangeUnderDuress);
    assert!(called.needs_help);
    let still = other_mother
        .family_traveller(other_id, at("2026-03-03T19:05:00Z"))
        .unwrap();
    assert_eq!(still.current.as_ref().unwrap().status, SlotStatus::Overdue);
    assert!(!alert_ids(&other_mother, minute_after(t)).is_empty());
}

/// The traveller's own history lists each pause and the end among the check-ins, newest first,
/// and reads the same whichever PIN sent them.
#[test]
fn the_travellers_history_lists_pauses_and_the_end_the_same_with_either_pin() {
    let dir = tempfile::tempdir().unwrap();
    let one = ready(&dir, "one");
    let other = ready(&dir, "other");
    for (phone, pin) in [(&one, NORMAL), (&other, HELP)] {
        phone
            .check_in(NORMAL.into(), at("2026-03-03T06:05:00Z"))
            .unwrap();
        pause(phone, pin).unwrap();
        phone
            .end_trip(pin.into(), at("2026-03-05T10:00:00Z"))
            .unwrap();
    }
    let history = one.checkin_history().unwrap();
    assert_eq!(history, other.checkin_history().unwrap());
    let entries: Vec<(CheckinHistoryKind, &str)> = history
        .entries
        .iter()
        .map(|e| (e.kind, e.slot_label.as_str()))
        .collect();
    assert_eq!(
        entries,
        [
            (CheckinHistoryKind::End, "Ended the trip"),
            (
                CheckinHistoryKind::Pause,
                "Paused check-ins until 4 Mar 2026, 15:00"
            ),
            (
                CheckinHistoryKind::CheckIn,
                "Check-in due 3 Mar 2026, 09:00"
            ),
        ]
    );
    assert_eq!(history.entries[1].at, at(PAUSED_AT));
    assert_eq!(history.entries[1].slot, None);
}

/// Extending moves the end on both sides with the normal PIN; with the help PIN only on the
/// traveller's (and the next shared plan tells the family).
#[test]
fn extending_the_trip_moves_the_end_on_both_sides_only_with_the_normal_pin() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let t = "2026-05-30T12:00:00Z";
    let receipt = anna
        .extend_trip(NORMAL.into(), "2026-06-10".into(), at(t))
        .unwrap();
    assert_eq!(
        receipt.headline,
        "Trip extended to 10 Jun 2026. Send this message to your family yourself:"
    );
    assert!(
        receipt
            .message
            .starts_with("Staying a bit longer, until 10 Jun 2026.")
    );
    let ends = anna.trip_plan().unwrap().unwrap().ends;
    assert_eq!(ends, at("2026-06-10T21:00:00Z"), "midnight in Istanbul");
    let checked = mother
        .verify_checkin(id.clone(), receipt.message, minute_after(t))
        .unwrap();
    assert_eq!(checked.outcome, VerificationOutcome::Extended);
    assert_eq!(checked.headline, "Anna extended the trip to 10 Jun 2026.");
    let june = mother
        .family_traveller(id.clone(), at("2026-06-05T12:00:00Z"))
        .unwrap();
    assert!(june.next.is_some(), "still watched after the old end");

    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let normal_twin = ready(&dir, "twin");
    let help = anna
        .extend_trip(HELP.into(), "2026-06-10".into(), at(t))
        .unwrap();
    let twin = normal_twin
        .extend_trip(NORMAL.into(), "2026-06-10".into(), at(t))
        .unwrap();
    assert_eq!(without_code(&help), without_code(&twin));
    let checked = mother
        .verify_checkin(id.clone(), help.message, minute_after(t))
        .unwrap();
    assert_eq!(checked.outcome, VerificationOutcome::ChangeUnderDuress);
    assert!(checked.needs_help);
    let june = mother
        .family_traveller(id, at("2026-06-05T12:00:00Z"))
        .unwrap();
    assert!(
        june.next.is_none(),
        "the family's plan still ends on 1 June"
    );
    // The plan shared next carries the help mark.
    let export = anna.export_plan(NORMAL.into(), None).unwrap();
    let fresh = family(&tempfile::tempdir().unwrap());
    let view = fresh
        .import_plan(export.payload, Some(export.passphrase), at(t))
        .unwrap();
    assert!(view.help_signalled);
}

/// Every refused input names its field and reason and changes nothing on the traveller's phone.
#[test]
fn bad_pauses_extensions_and_ends_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let anna = ready(&dir, "anna");
    let now = at("2026-03-03T10:00:00Z");
    let screen = |w: &Waymark| (w.checkin_status(now).unwrap(), alert_ids(w, now));
    let before = screen(&anna);
    let cases = [
        (
            anna.pause_check_ins(NORMAL.into(), at("2026-03-03T09:00:00Z"), now),
            ("until", "choose a time in the future"),
        ),
        (
            anna.pause_check_ins(NORMAL.into(), now, now),
            ("until", "choose a time in the future"),
        ),
        (
            anna.pause_check_ins(NORMAL.into(), at("2026-03-11T10:01:00Z"), now),
            ("until", "a pause can last at most 8 days"),
        ),
        (
            anna.pause_check_ins("0000".into(), at("2026-03-03T20:00:00Z"), now),
            ("pin", "wrong PIN"),
        ),
        (
            anna.extend_trip(NORMAL.into(), "2026-05-20".into(), now),
            ("last_day", "choose a day after the trip's current last day"),
        ),
        (
            anna.extend_trip(NORMAL.into(), "2026-05-31".into(), now),
            ("last_day", "choose a day after the trip's current last day"),
        ),
        (
            anna.extend_trip(NORMAL.into(), "2027-03-04".into(), now),
            ("last_day", "choose a day at most a year from today"),
        ),
        (
            anna.extend_trip(NORMAL.into(), "10 June".into(), now),
            ("last_day", "expected a date as YYYY-MM-DD, e.g. 2026-03-02"),
        ),
        (anna.end_trip("0000".into(), now), ("pin", "wrong PIN")),
    ];
    for (result, (field, reason)) in cases {
        assert_eq!(invalid_reason(result), (field.into(), reason.into()));
    }
    assert_eq!(screen(&anna), before);
    // The longest pause and extension allowed are taken.
    anna.pause_check_ins(NORMAL.into(), at("2026-03-11T10:00:00Z"), now)
        .unwrap();
    anna.extend_trip(NORMAL.into(), "2027-03-03".into(), now)
        .unwrap();
    // After the end, nothing else is.
    anna.end_trip(NORMAL.into(), now).unwrap();
    let after_end = screen(&anna);
    for result in [
        anna.pause_check_ins(NORMAL.into(), at("2026-03-04T10:00:00Z"), now),
        anna.extend_trip(NORMAL.into(), "2027-03-03".into(), now),
        anna.end_trip(NORMAL.into(), now),
    ] {
        assert_eq!(
            invalid_reason(result),
            ("trip".into(), "the trip has already ended".into())
        );
    }
    assert_eq!(screen(&anna), after_end);
    // Without a plan there is nothing to pause.
    let empty = open(&dir, "empty", "UTC");
    assert_eq!(invalid_reason(empty.end_trip(NORMAL.into(), now)).0, "plan");
}

/// A plan saved after the end is a new routine: the check-ins start again.
#[test]
fn a_plan_saved_after_the_end_starts_the_check_ins_again() {
    let dir = tempfile::tempdir().unwrap();
    let anna = ready(&dir, "anna");
    let now = at("2026-03-03T10:00:00Z");
    anna.end_trip(NORMAL.into(), now).unwrap();
    let view = anna
        .change_trip_plan(plan(), NORMAL.into(), minute_after("2026-03-03T10:00:00Z"))
        .unwrap();
    assert!(!view.trip_ended && view.next.is_some());
}

/// Event codes are seven digits: a check-in (six) or practice (eight) message never verifies as
/// a pause, extension or end, nor the reverse, and each is found in a text of several.
#[test]
fn event_codes_are_never_taken_for_check_in_or_practice_codes() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let t = "2026-03-03T06:05:00Z";
    let checkin = anna.check_in(NORMAL.into(), at(t)).unwrap().message;
    let practice = anna
        .practice_check_in(NORMAL.into(), at(t))
        .unwrap()
        .message;
    let paused = anna
        .pause_check_ins(NORMAL.into(), at("2026-03-03T12:00:00Z"), at(t))
        .unwrap()
        .message;
    assert!(phrase::codes_in(&paused).is_empty());
    assert!(phrase::practice_codes_in(&paused).is_empty());
    assert!(phrase::event_codes_in(&checkin).is_empty());
    assert!(phrase::event_codes_in(&practice).is_empty());
    let outcome = |message: &str| {
        mother
            .verify_checkin(id.clone(), message.into(), minute_after(t))
            .unwrap()
            .outcome
    };
    assert_eq!(outcome(&checkin), VerificationOutcome::Genuine);
    assert_eq!(outcome(&practice), VerificationOutcome::Practice);
    assert_eq!(outcome(&paused), VerificationOutcome::Paused);
    // A forged seven-digit code is wrong, not a pause.
    assert_eq!(
        outcome("back later 1234567"),
        VerificationOutcome::WrongCode
    );
    // A chat pasted whole: the end is found for its traveller, with the check-in before it.
    let end = anna
        .end_trip(NORMAL.into(), at("2026-03-03T07:00:00Z"))
        .unwrap();
    let shared = mother
        .verify_shared_text(
            format!("[09:05] {checkin}\n[10:00] {}", end.message),
            at("2026-03-03T07:01:00Z"),
        )
        .unwrap();
    let outcomes: Vec<_> = shared.checks.iter().map(|c| c.outcome).collect();
    assert_eq!(
        outcomes,
        [VerificationOutcome::Replayed, VerificationOutcome::Ended]
    );
    assert_eq!(shared.traveller_id.as_deref(), Some(id.as_str()));
}

/// Across the spring-forward night in Berlin, the pause covers the check-ins by the instant they
/// fall overdue, and the message states its end on the traveller's clock after the change.
#[test]
fn a_pause_across_a_daylight_saving_change() {
    let dir = tempfile::tempdir().unwrap();
    let anna = open(&dir, "berlin", "Europe/Berlin");
    let mut p = plan();
    p.destination_country = "DE".into();
    p.destination_city = "Berlin".into();
    p.destination_time_zone = "Europe/Berlin".into();
    p.schedule.time_zone = "Europe/Berlin".into();
    p.schedule.cadence = CheckinCadence::Daily {
        times: vec!["20:00".into()],
    };
    anna.set_trip_plan(p, at("2026-03-01T00:00:00Z")).unwrap();
    anna.set_checkin_pins(NORMAL.into(), HELP.into(), "How is aunt Valya?".into())
        .unwrap();
    let mother = family(&dir);
    let export = anna.export_plan(NORMAL.into(), None).unwrap();
    let id = mother
        .import_plan(
            export.payload,
            Some(export.passphrase),
            at("2026-03-01T00:00:00Z"),
        )
        .unwrap()
        .id;
    // Sent Saturday 28 March 13:00 CET, until Monday 30 March 14:07 CEST (asked), which the
    // phone rounds up to the quarter hour.
    let now = at("2026-03-28T12:00:00Z");
    let receipt = anna
        .pause_check_ins(NORMAL.into(), at("2026-03-30T12:07:00Z"), now)
        .unwrap();
    assert_eq!(
        receipt.status.paused_until,
        Some(at("2026-03-30T12:15:00Z"))
    );
    assert!(
        receipt.message.contains("30 Mar 2026, 14:15"),
        "{}",
        receipt.message
    );
    mother
        .verify_checkin(
            id.clone(),
            receipt.message,
            minute_after("2026-03-28T12:00:00Z"),
        )
        .unwrap();
    // 20:00 CET on the 28th (19:00Z) and 20:00 CEST on the 29th (18:00Z) are paused; 20:00
    // CEST on the 30th (18:00Z) is not.
    let dues = |w: &Waymark| -> Vec<String> {
        w.plan_notifications(minute_after("2026-03-28T12:01:00Z"), 1000, true)
            .unwrap()
            .alerts
            .into_iter()
            .filter(|a| matches!(a.kind, AlertKind::CheckinDue | AlertKind::FamilyCheckinDue))
            .map(|a| crate::time_json::rfc3339(a.fire_at))
            .take(2)
            .collect()
    };
    assert_eq!(
        dues(&anna),
        ["2026-03-30T18:00:00.000Z", "2026-03-31T18:00:00.000Z"]
    );
    assert_eq!(dues(&mother), dues(&anna));
    let sunday = mother
        .family_traveller(id.clone(), at("2026-03-29T19:30:00Z"))
        .unwrap();
    assert!(sunday.current.is_none() && !sunday.needs_attention);
    let monday = mother
        .family_traveller(id, at("2026-03-30T19:30:00Z"))
        .unwrap();
    assert_eq!(monday.current.unwrap().status, SlotStatus::Overdue);
}

/// Every language's event messages hold the code once, as the only code of any kind, and read
/// like an ordinary note.
#[test]
fn event_messages_hold_one_code_and_say_nothing_revealing_in_every_language() {
    for language in ["en", "ru", "uz"] {
        let dir = tempfile::tempdir().unwrap();
        let anna = ready(&dir, "anna");
        anna.set_language(language.into()).unwrap();
        let now = at("2026-03-03T10:00:00Z");
        let messages = [
            anna.pause_check_ins(NORMAL.into(), at("2026-03-04T10:00:00Z"), now)
                .unwrap()
                .message,
            anna.extend_trip(NORMAL.into(), "2026-06-10".into(), now)
                .unwrap()
                .message,
            anna.end_trip(NORMAL.into(), now).unwrap().message,
        ];
        for message in messages {
            assert_eq!(phrase::event_codes_in(&message).len(), 1, "{message}");
            assert!(phrase::codes_in(&message).is_empty(), "{message}");
            assert!(phrase::practice_codes_in(&message).is_empty(), "{message}");
            let lower = message.to_lowercase();
            for word in [
                "waymark",
                "check",
                "pin",
                "help",
                "pause",
                "отмет",
                "помощ",
                "пауз",
                "omonlik",
                "yordam",
            ] {
                assert!(!lower.contains(word), "{language}: {word} in {message}");
            }
        }
    }
}

/// A pause's end as a picker gives it, on the profile's clock: a time the spring-forward night
/// skips moves forward by the gap; a malformed one is refused with its field.
#[test]
fn a_local_time_becomes_an_instant_on_the_profiles_clock() {
    let dir = tempfile::tempdir().unwrap();
    let berlin = open(&dir, "berlin", "Europe/Berlin");
    assert_eq!(
        berlin
            .local_time_instant("2026-03-29 02:30".into())
            .unwrap(),
        at("2026-03-29T01:30:00Z"),
        "03:30 CEST"
    );
    assert_eq!(
        berlin
            .local_time_instant("2026-10-25T02:30".into())
            .unwrap(),
        at("2026-10-25T00:30:00Z"),
        "the first 02:30"
    );
    assert!(matches!(
        berlin.local_time_instant("25/10 02:30".into()),
        Err(WaymarkError::InvalidInput { field, .. }) if field == "date_time"
    ));
}

/// The signal phrase beside a normal pause code is a call for help: nothing is paused.
#[test]
fn the_signal_phrase_beside_a_pause_code_pauses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let message = pause(&anna, NORMAL).unwrap().message;
    let checked = mother
        .verify_checkin(
            id.clone(),
            format!("{message} How is aunt Valya?"),
            minute_after(PAUSED_AT),
        )
        .unwrap();
    assert_eq!(checked.outcome, VerificationOutcome::Paused);
    assert!(checked.needs_help && checked.phrase_found);
    assert!(
        checked.headline.contains("signal phrase"),
        "{}",
        checked.headline
    );
    let ids = alert_ids(&mother, minute_after(PAUSED_AT));
    assert!(has_slot(&ids, 3) && has_slot(&ids, 4), "{ids:?}");
    let inside = mother
        .family_traveller(id.clone(), at("2026-03-03T19:05:00Z"))
        .unwrap();
    assert_eq!(inside.current.unwrap().status, SlotStatus::Overdue);
    let history = mother.family_history(id).unwrap();
    assert_eq!(history.entries[0].outcome_label, checked.headline);
}
