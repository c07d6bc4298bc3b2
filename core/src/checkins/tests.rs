use std::time::SystemTime;

use chrono::{DateTime, Utc};

use super::*;
use crate::action::Action;
use crate::error::WaymarkError;
use crate::waymark::{Waymark, WaymarkOptions};

pub(crate) fn open(dir: &tempfile::TempDir, name: &str, zone: &str) -> Waymark {
    let options = WaymarkOptions {
        language: "en".into(),
        time_zone: zone.into(),
        profile_key: vec![7; 32],
    };
    Waymark::open_at(&dir.path().join(name), &options).unwrap()
}

/// An RFC 3339 instant, for the check-in tests and the lock's.
pub(crate) fn at(s: &str) -> SystemTime {
    DateTime::parse_from_rfc3339(s)
        .unwrap()
        .with_timezone(&Utc)
        .into()
}

/// Anna works in Istanbul; her family is in Moscow. She checks in at 09:00 and 21:00 Istanbul
/// time (06:00Z and 18:00Z), window one hour, grace 30 minutes.
pub(crate) fn plan() -> TripPlan {
    TripPlan {
        traveller_name: "Anna".into(),
        destination_country: "tr".into(),
        destination_city: "Istanbul".into(),
        starts: at("2026-03-02T00:00:00Z"),
        ends: at("2026-06-01T00:00:00Z"),
        home_time_zone: "Europe/Moscow".into(),
        destination_time_zone: "Europe/Istanbul".into(),
        employer: Some("Hotel Marmara Star, housekeeping".into()),
        agency: None,
        document_copies: Some("with my sister Olga".into()),
        schedule: CheckinSchedule {
            cadence: CheckinCadence::Daily {
                times: vec!["21:00".into(), "09:00".into()],
            },
            time_zone: "Europe/Istanbul".into(),
            window_minutes: 60,
            grace_minutes: 30,
        },
    }
}

pub(crate) fn ready(dir: &tempfile::TempDir, name: &str) -> Waymark {
    let waymark = open(dir, name, "Europe/Istanbul");
    waymark
        .set_trip_plan(plan(), at("2026-03-01T12:00:00Z"))
        .unwrap();
    waymark
        .set_checkin_pins("2468".into(), "1357".into(), "How is aunt Valya?".into())
        .unwrap();
    waymark
}

#[test]
fn without_a_plan_the_screen_asks_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let view = open(&dir, "p", "UTC")
        .checkin_status(at("2026-03-02T06:00:00Z"))
        .unwrap();
    assert_eq!(view.action, Some(Action::EditTripPlan));
    assert!(view.current.is_none() && view.next.is_none() && view.traveller_name.is_none());
}

#[test]
fn a_plan_without_pins_asks_for_them_then_shows_the_next_check_in_for_both_sides() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "p", "Europe/Istanbul");
    let view = waymark
        .set_trip_plan(plan(), at("2026-03-01T12:00:00Z"))
        .unwrap();
    assert_eq!(view.action, Some(Action::SetCheckinPins));
    waymark
        .set_checkin_pins("2468".into(), "1357".into(), "How is aunt Valya?".into())
        .unwrap();
    let view = waymark.checkin_status(at("2026-03-01T12:00:00Z")).unwrap();
    assert_eq!(view.action, Some(Action::CheckIn));
    let next = view.next.unwrap();
    assert_eq!(next.index, 0);
    assert_eq!(next.label, "Check-in due 2 Mar 2026, 09:00");
    assert_eq!(
        next.other_side,
        "2 Mar 2026, 09:00 for your family (Moscow time)"
    );
    assert_eq!(next.status, SlotStatus::Upcoming);
    assert_eq!(view.headline, "Next check-in: 2 Mar 2026, 09:00");
    assert_eq!(
        waymark.trip_plan().unwrap().unwrap().destination_country,
        "TR",
        "stored normalised"
    );
}

#[test]
fn the_screen_follows_the_slot_through_open_overdue_and_done() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = ready(&dir, "p");
    let view = waymark.checkin_status(at("2026-03-02T05:45:00Z")).unwrap();
    assert_eq!(view.current.as_ref().unwrap().status, SlotStatus::Open);
    assert_eq!(
        view.headline,
        "Check in now: this check-in counts until 2 Mar 2026, 10:00."
    );
    let view = waymark.checkin_status(at("2026-03-02T07:05:00Z")).unwrap();
    assert_eq!(view.current.as_ref().unwrap().status, SlotStatus::Overdue);
    assert!(view.headline.contains("overdue"), "{}", view.headline);
    assert_eq!(view.next.as_ref().unwrap().index, 1);

    let receipt = waymark
        .check_in("2468".into(), at("2026-03-02T18:10:00Z"))
        .unwrap();
    assert!(
        receipt
            .message
            .starts_with("Hi! All good here, talk soon. "),
        "{}",
        receipt.message
    );
    assert_eq!(
        receipt.share,
        Action::ShareText {
            text: receipt.message.clone()
        }
    );
    assert!(receipt.status.current.is_none(), "slot 1 done");
    assert_eq!(receipt.status.streak, 1);
    assert_eq!(
        receipt.status.last_checkin.as_deref(),
        Some("Last check-in: 2 Mar 2026, 21:10")
    );
    let history = waymark.checkin_history().unwrap();
    assert_eq!(history.entries.len(), 1);
    assert_eq!(history.entries[0].slot, Some(1));
    assert_eq!(
        history.entries[0].slot_label,
        "Check-in due 2 Mar 2026, 21:00"
    );
}

#[test]
fn a_check_in_outside_any_window_is_recorded_as_unscheduled() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = ready(&dir, "p");
    let receipt = waymark
        .check_in("1357".into(), at("2026-03-02T12:00:00Z"))
        .unwrap();
    assert_eq!(
        phrase::codes_in(&receipt.message).len(),
        1,
        "{}",
        receipt.message
    );
    let history = waymark.checkin_history().unwrap();
    assert_eq!(history.entries[0].slot, None);
    assert_eq!(history.entries[0].slot_label, "outside the schedule");
}

#[test]
fn a_duress_check_in_looks_exactly_like_a_normal_one_on_the_travellers_side() {
    let dir = tempfile::tempdir().unwrap();
    let normal = ready(&dir, "normal");
    let duress = ready(&dir, "duress");
    let now = at("2026-03-02T06:05:00Z");
    let a = normal.check_in("2468".into(), now).unwrap();
    let b = duress.check_in("1357".into(), now).unwrap();
    // Everything but the six digits of the code is the same.
    let without_code = |m: &str| m.trim_end_matches(|c: char| c.is_ascii_digit()).to_owned();
    assert_eq!(without_code(&a.message), without_code(&b.message));
    assert_eq!(a.message.len(), b.message.len());
    assert_eq!(a.headline, b.headline);
    assert_eq!(a.status, b.status);
    assert_eq!(
        normal.checkin_history().unwrap(),
        duress.checkin_history().unwrap()
    );
    let later = at("2026-03-03T00:00:00Z");
    assert_eq!(
        normal.checkin_status(later).unwrap(),
        duress.checkin_status(later).unwrap()
    );
    // The stored rows hold the same things.
    let rows = |w: &Waymark| {
        w.profile()
            .db
            .read(|c| {
                let mut stmt = c.prepare("SELECT slot, at FROM checkins")?;
                let rows = stmt.query_map([], |r| {
                    Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, i64>(1)?))
                })?;
                Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
            })
            .unwrap()
    };
    assert_eq!(rows(&normal), rows(&duress));
}

#[test]
fn the_two_codes_for_one_slot_differ_and_the_family_can_tell_them_apart() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = ready(&dir, "p");
    let now = at("2026-03-02T06:05:00Z");
    let code = |m: &str| m.rsplit(' ').next().unwrap().to_owned();
    let normal = code(&waymark.check_in("2468".into(), now).unwrap().message);
    let duress = code(&waymark.check_in("1357".into(), now).unwrap().message);
    assert_ne!(normal, duress);
    let boxes = waymark.real.db.read(store::pin_boxes).unwrap();
    let (_, unlocked) = pins::open(&boxes, "2468").unwrap();
    assert_eq!(
        codes::classify(&unlocked.secret, 0, &normal),
        Some(codes::Kind::Normal)
    );
    assert_eq!(
        codes::classify(&unlocked.secret, 0, &duress),
        Some(codes::Kind::Duress)
    );
}

#[test]
fn a_wrong_pin_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = ready(&dir, "p");
    let now = at("2026-03-02T06:05:00Z");
    let before = waymark.checkin_status(now).unwrap();
    let err = waymark.check_in("0000".into(), now).unwrap_err();
    assert_eq!(
        err,
        WaymarkError::InvalidInput {
            field: "pin".into(),
            reason: "wrong PIN".into(),
            shown: "wrong PIN".into(),
        }
    );
    assert_eq!(waymark.checkin_status(now).unwrap(), before);
    assert!(waymark.checkin_history().unwrap().entries.is_empty());
}

#[test]
fn pins_are_set_once() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = ready(&dir, "p");
    let err = waymark
        .set_checkin_pins("1111".into(), "2222".into(), "x".into())
        .unwrap_err();
    assert!(matches!(err, WaymarkError::InvalidInput { .. }));
    assert!(
        waymark
            .check_in("2468".into(), at("2026-03-02T06:05:00Z"))
            .is_ok(),
        "the old PIN still works"
    );
}

#[test]
fn every_invalid_plan_field_is_named_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "p", "UTC");
    type Spoil = Box<dyn Fn(&mut TripPlan)>;
    let cases: Vec<(&str, Spoil)> = vec![
        (
            "traveller_name",
            Box::new(|p| p.traveller_name = "  ".into()),
        ),
        (
            "traveller_name",
            Box::new(|p| p.traveller_name = "x".repeat(201)),
        ),
        (
            "destination_city",
            Box::new(|p| p.destination_city = String::new()),
        ),
        (
            "destination_country",
            Box::new(|p| p.destination_country = "Turkey".into()),
        ),
        (
            "home_time_zone",
            Box::new(|p| p.home_time_zone = "Moscow".into()),
        ),
        (
            "destination_time_zone",
            Box::new(|p| p.destination_time_zone = "+03:00".into()),
        ),
        (
            "time_zone",
            Box::new(|p| p.schedule.time_zone = "UTC+3".into()),
        ),
        (
            "employer",
            Box::new(|p| p.employer = Some("line\nbreak".into())),
        ),
        (
            "times",
            Box::new(|p| {
                p.schedule.cadence = CheckinCadence::Daily {
                    times: vec!["9am".into()],
                }
            }),
        ),
        (
            "times",
            Box::new(|p| p.schedule.cadence = CheckinCadence::Daily { times: vec![] }),
        ),
        (
            "days",
            Box::new(|p| {
                p.schedule.cadence = CheckinCadence::Weekly {
                    days: vec![],
                    times: vec!["09:00".into()],
                }
            }),
        ),
        (
            "every_hours",
            Box::new(|p| p.schedule.cadence = CheckinCadence::EveryHours { hours: 0 }),
        ),
        (
            "window_minutes",
            Box::new(|p| p.schedule.window_minutes = 5),
        ),
        (
            "window_minutes",
            Box::new(|p| p.schedule.window_minutes = 700),
        ),
        ("ends", Box::new(|p| p.ends = p.starts)),
    ];
    for (field, spoil) in cases {
        let mut bad = plan();
        spoil(&mut bad);
        match waymark.set_trip_plan(bad, at("2026-03-01T12:00:00Z")) {
            Err(WaymarkError::InvalidInput { field: named, .. }) => assert_eq!(named, field),
            other => panic!("{field}: {other:?}"),
        }
    }
    assert_eq!(waymark.trip_plan().unwrap(), None);
}

#[test]
fn the_plan_survives_reopening_and_is_replaced_in_place() {
    let dir = tempfile::tempdir().unwrap();
    ready(&dir, "p");
    let waymark = open(&dir, "p", "Asia/Tokyo");
    let mut changed = waymark.trip_plan().unwrap().unwrap();
    changed.destination_city = "Antalya".into();
    waymark
        .change_trip_plan(changed, "2468".into(), at("2026-03-05T00:00:00Z"))
        .unwrap();
    assert_eq!(
        waymark.trip_plan().unwrap().unwrap().destination_city,
        "Antalya"
    );
    // Seen from Tokyo, 09:00 Istanbul is 15:00.
    let next = waymark
        .checkin_status(at("2026-03-05T00:00:00Z"))
        .unwrap()
        .next
        .unwrap();
    assert_eq!(next.label, "Check-in due 5 Mar 2026, 15:00");
}

// ---- Sharing and the family's side -------------------------------------------------------

pub(crate) fn family(dir: &tempfile::TempDir) -> Waymark {
    open(dir, "family", "Europe/Moscow")
}

/// A plain payload, as versions before sealing by default wrote it: the family may still hold
/// one, and it keeps importing.
fn legacy_plain(w: &Waymark, pin: &str) -> String {
    family::export_shared(&w.real, pin, None).unwrap()
}

/// Anna's phone and her mother's, with the plan shared between them.
pub(crate) fn pair(dir: &tempfile::TempDir) -> (Waymark, Waymark, String) {
    let anna = ready(dir, "anna");
    let mother = family(dir);
    let export = anna.export_plan("2468".into(), None).unwrap();
    let id = mother
        .import_plan(
            export.payload,
            Some(export.passphrase),
            at("2026-03-01T12:00:00Z"),
        )
        .unwrap()
        .id;
    (anna, mother, id)
}

#[test]
fn a_shared_plan_round_trips_and_fits_one_qr_code() {
    let dir = tempfile::tempdir().unwrap();
    let anna = ready(&dir, "anna");
    let made_up = anna.export_plan("1357".into(), None).unwrap();
    // Sealed by default, with four words in Anna's language that she says on the phone (typed
    // back in capitals, they still open it).
    assert!(made_up.payload.starts_with("WAYMARK1S."));
    assert_eq!(
        made_up.passphrase.split(' ').count(),
        4,
        "{}",
        made_up.passphrase
    );
    assert!(made_up.passphrase_hint.contains(&made_up.passphrase));
    assert!(
        made_up.bytes < 600,
        "a usual plan makes a small QR code: {} bytes",
        made_up.bytes
    );
    assert_eq!(
        made_up.show_qr_code,
        Action::ShowQrCode {
            text: made_up.payload.clone()
        }
    );
    let sealed = anna
        .export_plan("2468".into(), Some("correct horse".into()))
        .unwrap();
    assert!(sealed.payload.starts_with("WAYMARK1S."));
    assert!(sealed.fits_qr_code, "{} bytes", sealed.bytes);

    let mother = family(&dir);
    let view = mother
        .import_plan(
            made_up.payload,
            Some(made_up.passphrase.to_uppercase()),
            at("2026-03-01T12:00:00Z"),
        )
        .unwrap();
    assert_eq!(view.name, "Anna");
    assert!(
        view.signal_phrase_reminder.contains("«How is aunt Valya?»"),
        "{}",
        view.signal_phrase_reminder
    );
    let again = mother
        .import_plan(
            sealed.payload,
            Some("correct horse".into()),
            at("2026-03-01T12:00:00Z"),
        )
        .unwrap();
    assert_eq!(
        again.id, view.id,
        "the same plan imported twice is one traveller"
    );
    assert_eq!(
        mother
            .family_list(at("2026-03-01T12:00:00Z"))
            .unwrap()
            .travellers
            .len(),
        1
    );
}

#[test]
fn a_plan_with_every_field_at_its_longest_still_fits_one_qr_code() {
    let dir = tempfile::tempdir().unwrap();
    let anna = open(&dir, "anna", "UTC");
    let text = "Ж".repeat(PLAN_TEXT_MAX_CHARS as usize);
    let name = "Ж".repeat(PLAN_NAME_MAX_CHARS as usize);
    let mut p = plan();
    p.traveller_name = name.clone();
    p.destination_city = name;
    p.employer = Some(text.clone());
    p.agency = Some(text.clone());
    p.document_copies = Some(text);
    p.schedule.cadence = CheckinCadence::Weekly {
        days: vec![
            DayOfWeek::Monday,
            DayOfWeek::Wednesday,
            DayOfWeek::Friday,
            DayOfWeek::Sunday,
        ],
        times: vec!["08:00".into(), "20:00".into()],
    };
    anna.set_trip_plan(p, at("2026-03-01T12:00:00Z")).unwrap();
    let phrase = "Ж".repeat(SIGNAL_PHRASE_MAX_CHARS as usize);
    anna.set_checkin_pins("2468".into(), "1357".into(), phrase)
        .unwrap();
    let export = anna
        .export_plan("2468".into(), Some("a long passphrase".into()))
        .unwrap();
    assert!(
        export.fits_qr_code,
        "{} bytes over {}",
        export.bytes, QR_BYTE_BUDGET
    );
}

#[test]
fn damaged_foreign_too_new_and_wrongly_sealed_payloads_are_refused_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let anna = ready(&dir, "anna");
    let plain = legacy_plain(&anna, "2468");
    let sealed = anna
        .export_plan("2468".into(), Some("correct horse".into()))
        .unwrap()
        .payload;
    let mother = family(&dir);
    let now = at("2026-03-01T12:00:00Z");
    let tampered = {
        let mut chars: Vec<char> = plain.chars().collect();
        let i = chars.len() / 2;
        chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
        chars.into_iter().collect::<String>()
    };
    let cases = [
        (tampered, None, "payload", "damaged"),
        (
            plain[..plain.len() - 10].to_owned(),
            None,
            "payload",
            "damaged",
        ),
        (plain[..12].to_owned(), None, "payload", "damaged"),
        (
            "https://example.org/plan".to_owned(),
            None,
            "payload",
            "not a Waymark plan",
        ),
        ("".to_owned(), None, "payload", "not a Waymark plan"),
        (
            plain.replacen("WAYMARK1", "WAYMARK2", 1),
            None,
            "payload",
            "newer version",
        ),
        (sealed.clone(), None, "passphrase", "sealed"),
        (
            sealed.clone(),
            Some("wrong horse".to_owned()),
            "passphrase",
            "wrong passphrase",
        ),
        // A cut-off sealed plan is caught by the encoding or by the sealing, whichever sees it
        // first; either way it is reported as damaged.
        (
            sealed[..sealed.len() - 4].to_owned(),
            Some("correct horse".to_owned()),
            "*",
            "damaged",
        ),
        (
            sealed[..sealed.len() - 5].to_owned(),
            Some("correct horse".to_owned()),
            "*",
            "damaged",
        ),
    ];
    for (payload, passphrase, field, words) in cases {
        match mother.import_plan(payload.clone(), passphrase, now) {
            Err(WaymarkError::InvalidInput {
                field: f, reason, ..
            }) => {
                assert!(field == "*" || f == field, "{payload:.30}: {f}");
                assert!(reason.contains(words), "{payload:.30}: {reason}");
            }
            other => panic!("{payload:.30}: {other:?}"),
        }
    }
    assert!(mother.family_list(now).unwrap().travellers.is_empty());
    // Spaces and line breaks from copying are fine.
    let wrapped = format!(" {}\n{} ", &plain[..40], &plain[40..]);
    assert!(mother.import_plan(wrapped, None, now).is_ok());
}

#[test]
fn exporting_needs_a_pin_and_a_long_enough_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let anna = ready(&dir, "anna");
    assert!(
        matches!(anna.export_plan("0000".into(), None), Err(WaymarkError::InvalidInput { field, .. }) if field == "pin")
    );
    assert!(
        matches!(anna.export_plan("2468".into(), Some("short".into())), Err(WaymarkError::InvalidInput { field, .. }) if field == "passphrase")
    );
}

#[test]
fn re_importing_an_updated_plan_updates_the_traveller_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let mut moved = anna.trip_plan().unwrap().unwrap();
    moved.destination_city = "Antalya".into();
    anna.change_trip_plan(moved, "2468".into(), at("2026-03-10T00:00:00Z"))
        .unwrap();
    let export = anna.export_plan("2468".into(), None).unwrap();
    let view = mother
        .import_plan(
            export.payload,
            Some(export.passphrase),
            at("2026-03-10T00:00:00Z"),
        )
        .unwrap();
    assert_eq!(view.id, id);
    // Another city is held until the family has called (lock/tests.rs has every such change).
    assert!(view.pending_change.is_some());
    let view = mother
        .family_accept_plan_change(id.clone(), at("2026-03-10T00:00:00Z"))
        .unwrap();
    assert!(
        view.destination.starts_with("Antalya"),
        "{}",
        view.destination
    );
    assert_eq!(
        mother
            .family_list(at("2026-03-10T00:00:00Z"))
            .unwrap()
            .travellers
            .len(),
        1
    );
}

#[test]
fn stopping_watching_forgets_the_traveller_their_checks_and_their_alerts() {
    let dir = tempfile::tempdir().unwrap();
    let (_anna, mother, id) = pair(&dir);
    let later = at("2026-03-02T06:00:00Z");
    mother
        .verify_checkin(id.clone(), "123456".into(), later)
        .unwrap();
    assert!(
        !mother
            .plan_notifications(later, 64, true)
            .unwrap()
            .alerts
            .is_empty()
    );
    let list = mother.family_stop_watching(id.clone(), later).unwrap();
    assert!(list.travellers.is_empty());
    assert!(
        mother
            .plan_notifications(later, 64, true)
            .unwrap()
            .alerts
            .is_empty()
    );
    let verifications: i64 = mother
        .real
        .db
        .read(|c| Ok(c.query_row("SELECT count(*) FROM verifications", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(
        verifications, 0,
        "the checks are deleted with the traveller"
    );
    match mother.family_stop_watching(id.clone(), later) {
        Err(WaymarkError::NotFound { what, .. }) => assert_eq!(what, "traveller"),
        other => panic!("expected not found, got {other:?}"),
    }
    assert!(matches!(
        mother.family_traveller(id, later),
        Err(WaymarkError::NotFound { .. })
    ));
}

#[test]
fn the_family_notices_a_missed_check_in_on_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let (_anna, mother, id) = pair(&dir);
    // Anna's phone is gone; nothing arrives. The 09:00 Istanbul check-in is due 06:00Z.
    let fine = mother
        .family_traveller(id.clone(), at("2026-03-02T05:00:00Z"))
        .unwrap();
    assert!(!fine.needs_attention && fine.steps.is_empty());
    let overdue = mother
        .family_traveller(id.clone(), at("2026-03-02T07:01:00Z"))
        .unwrap();
    assert!(overdue.needs_attention);
    assert!(
        overdue.headline.contains("Call now"),
        "{}",
        overdue.headline
    );
    assert_eq!(
        overdue.current.as_ref().unwrap().status,
        SlotStatus::Overdue
    );
    assert_eq!(overdue.steps.len(), 6);
    assert_eq!(overdue.steps[0].title, "Call Anna");
    assert!(
        overdue.steps[0].detail.contains("2 Mar 2026, 11:00"),
        "call back by, Moscow time: {}",
        overdue.steps[0].detail
    );
    assert_eq!(
        overdue.steps[1].action,
        Some(Action::Dial {
            uri: "tel:+78003330016".into()
        })
    );
    assert!(
        overdue
            .facts
            .iter()
            .any(|f| f.label == "Document copies" && f.value == "with my sister Olga")
    );
    assert!(overdue.facts.iter().any(|f| f.label == "Employer"));
    let list = mother.family_list(at("2026-03-02T07:01:00Z")).unwrap();
    assert!(list.travellers[0].needs_attention);
}

#[test]
fn the_verification_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let code = |m: &str| m.rsplit(' ').next().unwrap().to_owned();
    let verify = |text: &str, t: &str| {
        mother
            .verify_checkin(id.clone(), text.into(), at(t))
            .unwrap()
    };

    // Normal check-in for slot 0 (due 06:00Z), checked at once: genuine.
    let normal = anna
        .check_in("2468".into(), at("2026-03-02T06:05:00Z"))
        .unwrap()
        .message;
    let v = verify(&normal, "2026-03-02T06:06:00Z");
    assert_eq!(v.outcome, VerificationOutcome::Genuine);
    assert!(!v.needs_help && !v.traveller.needs_attention);
    assert_eq!(
        v.traveller.current, None,
        "slot 0 is done on the family's side too"
    );
    // The same message again: replayed.
    assert_eq!(
        verify(&normal, "2026-03-02T06:10:00Z").outcome,
        VerificationOutcome::Replayed
    );
    // A made-up code: wrong. No code at all: no code.
    let wrong = if code(&normal) == "000000" {
        "111111"
    } else {
        "000000"
    };
    assert_eq!(
        verify(&format!("all fine {wrong}"), "2026-03-02T06:11:00Z").outcome,
        VerificationOutcome::WrongCode
    );
    assert_eq!(
        verify("all fine", "2026-03-02T06:11:00Z").outcome,
        VerificationOutcome::NoCode
    );
    // A genuine normal code for slot 1 (due 18:00Z) read long before its window: outside.
    let slot1_normal = codes_for(&anna, 1).0;
    assert_eq!(
        verify(&slot1_normal, "2026-03-02T10:00:00Z").outcome,
        VerificationOutcome::OutsideWindow
    );
    // Slot 0's code checked the next day: outside its window (late).
    let slot0_normal = codes_for(&anna, 0).0;
    assert_eq!(
        verify(&slot0_normal, "2026-03-03T12:00:00Z").outcome,
        VerificationOutcome::Replayed,
        "seen before"
    );
    let slot2_normal = codes_for(&anna, 2).0;
    assert_eq!(
        verify(&slot2_normal, "2026-03-04T12:00:00Z").outcome,
        VerificationOutcome::OutsideWindow
    );

    // Duress check-in for slot 3 (due 2026-03-03 18:00Z): genuine under duress, help signalled.
    let duress = anna
        .check_in("1357".into(), at("2026-03-03T18:05:00Z"))
        .unwrap()
        .message;
    let v = verify(&duress, "2026-03-03T18:20:00Z");
    assert_eq!(v.outcome, VerificationOutcome::GenuineUnderDuress);
    assert!(v.needs_help && v.traveller.help_signalled && v.traveller.needs_attention);
    assert_eq!(v.headline, "Anna needs help.");
    assert_eq!(v.traveller.steps.len(), 6);
    assert!(
        v.traveller.steps[0].detail.contains("do not mention"),
        "{}",
        v.traveller.steps[0].detail
    );
    // It stays until the family marks it handled.
    assert!(
        mother
            .family_traveller(id.clone(), at("2026-03-04T00:00:00Z"))
            .unwrap()
            .help_signalled
    );
    let handled = mother
        .family_mark_handled(id.clone(), at("2026-03-04T00:00:00Z"))
        .unwrap();
    assert!(!handled.help_signalled);
}

#[test]
fn the_signal_phrase_in_a_message_means_help_whatever_the_code() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let normal = anna
        .check_in("2468".into(), at("2026-03-02T06:05:00Z"))
        .unwrap()
        .message;
    let text = format!(
        "kak dela? how is aunt valia? {}",
        normal.rsplit(' ').next().unwrap()
    );
    let v = mother
        .verify_checkin(id, text, at("2026-03-02T06:06:00Z"))
        .unwrap();
    assert!(v.phrase_found && v.needs_help);
    assert_eq!(
        v.outcome,
        VerificationOutcome::Genuine,
        "the code itself is fine"
    );
    assert!(v.headline.contains("signal phrase"));
}

#[test]
fn verifying_an_unknown_traveller_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let mother = family(&dir);
    let err = mother
        .verify_checkin("nobody".into(), "123456".into(), at("2026-03-02T06:06:00Z"))
        .unwrap_err();
    assert!(matches!(err, WaymarkError::NotFound { .. }));
}

/// The normal and duress codes Anna's phone makes for a slot.
fn codes_for(anna: &Waymark, slot: u32) -> (String, String) {
    let boxes = anna.real.db.read(store::pin_boxes).unwrap();
    let (_, unlocked) = pins::open(&boxes, "2468").unwrap();
    (
        codes::code(&unlocked.secret, slot, codes::Kind::Normal),
        codes::code(&unlocked.secret, slot, codes::Kind::Duress),
    )
}

// ---- The notification planner ------------------------------------------------------------

#[test]
fn the_planner_orders_limits_and_says_when_to_plan_again() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let now = at("2026-03-02T00:00:00Z");
    let all = anna.plan_notifications(now, 1000, true).unwrap();
    // Two slots a day for the 7-day horizon, three alerts each.
    assert_eq!(all.alerts.len(), 14 * 3);
    assert!(
        all.alerts.windows(2).all(|w| w[0].fire_at <= w[1].fire_at),
        "earliest first"
    );
    assert!(all.alerts.iter().all(|a| a.fire_at > now));
    assert_eq!(all.plan_again_at, at("2026-03-09T00:00:00Z"), "the horizon");
    let first = &all.alerts[0];
    assert_eq!(
        (first.id.as_str(), first.kind),
        ("checkin-0-reminder", AlertKind::CheckinReminder)
    );
    assert_eq!(
        first.fire_at,
        at("2026-03-02T05:30:00Z"),
        "when the window opens"
    );
    assert_eq!(first.title, "Reminder");
    assert_eq!(first.body, "You have a reminder until 2 Mar 2026, 10:00.");
    assert_eq!(first.action, Action::OpenCheckin);

    let limited = anna.plan_notifications(now, 64, true).unwrap();
    assert_eq!(
        limited.alerts.len(),
        42,
        "fewer than the limit: all of them"
    );
    assert_eq!(limited.plan_again_at, at("2026-03-09T00:00:00Z"));
    let five = anna.plan_notifications(now, 5, true).unwrap();
    assert_eq!(five.alerts.len(), 5);
    assert_eq!(five.alerts[..], all.alerts[..5], "the first five, same ids");
    assert_eq!(
        five.plan_again_at, five.alerts[4].fire_at,
        "plan again when the last one fires"
    );

    // Every six hours makes 28 slots in the horizon, 84 alerts: iOS keeps 64.
    let mut busy = anna.trip_plan().unwrap().unwrap();
    busy.schedule.cadence = CheckinCadence::EveryHours { hours: 6 };
    anna.change_trip_plan(busy, "2468".into(), now).unwrap();
    let ios = anna.plan_notifications(now, 64, true).unwrap();
    assert_eq!(ios.alerts.len(), 64);
    assert_eq!(ios.plan_again_at, ios.alerts[63].fire_at);
    assert!(ios.alerts.windows(2).all(|w| w[0].fire_at <= w[1].fire_at));

    // The family's phone plans its own alerts from its copy of the schedule.
    let family = mother.plan_notifications(now, 1000, true).unwrap();
    assert_eq!(family.alerts.len(), 14 * 3);
    let overdue = family
        .alerts
        .iter()
        .find(|a| a.kind == AlertKind::FamilyOverdue)
        .unwrap();
    assert_eq!(overdue.id, format!("watch-{id}-0-overdue"));
    assert_eq!(overdue.fire_at, at("2026-03-02T07:00:00Z"));
    assert_eq!(
        overdue.action,
        Action::OpenWatchedTraveller { id: id.clone() }
    );
    assert_eq!(overdue.title, "No check-in from Anna");
}

#[test]
fn every_planned_alert_states_its_urgency_from_its_kind() {
    use crate::checkins::AlertUrgency::{Alarm, Reminder};
    let expected = [
        (AlertKind::CheckinReminder, Reminder),
        (AlertKind::CheckinDue, Reminder),
        (AlertKind::CheckinOverdue, Reminder),
        (AlertKind::FamilyCheckinDue, Reminder),
        (AlertKind::FamilyOverdue, Alarm),
        (AlertKind::FamilyEscalation, Alarm),
    ];
    for (kind, urgency) in expected {
        assert_eq!(kind.urgency(), urgency, "{kind:?}");
    }
    // Both phones' plans, with and without exact alarms: every kind appears, each alert carries
    // its kind's urgency, and only the family's overdue and "still no word" are alarms.
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, _) = pair(&dir);
    let now = at("2026-03-02T00:00:00Z");
    let mut seen = std::collections::BTreeSet::new();
    for exact in [true, false] {
        for phone in [&anna, &mother] {
            for alert in phone.plan_notifications(now, 1000, exact).unwrap().alerts {
                assert_eq!(alert.urgency, alert.kind.urgency(), "{}", alert.id);
                seen.insert(format!("{:?}", alert.kind));
            }
        }
    }
    assert_eq!(seen.len(), expected.len(), "{seen:?}");
    let traveller = anna.plan_notifications(now, 1000, true).unwrap().alerts;
    assert!(traveller.iter().all(|a| a.urgency == Reminder));
    let family = mother.plan_notifications(now, 1000, true).unwrap().alerts;
    assert_eq!(
        family.iter().filter(|a| a.urgency == Alarm).count(),
        14 * 2,
        "overdue and still no word, for each of 14 slots"
    );
    let overdue = family.iter().find(|a| a.kind == AlertKind::FamilyOverdue);
    let json = serde_json::to_value(overdue.unwrap()).unwrap();
    assert_eq!(json["kind"], "family_overdue");
    assert_eq!(json["urgency"], "alarm");
}

#[test]
fn without_exact_alarms_only_alerts_that_can_land_in_the_window_are_planned() {
    let dir = tempfile::tempdir().unwrap();
    let anna = ready(&dir, "anna");
    let now = at("2026-03-02T00:00:00Z");
    let inexact = anna.plan_notifications(now, 1000, false).unwrap();
    assert!(
        inexact
            .alerts
            .iter()
            .all(|a| a.kind != AlertKind::CheckinDue)
    );
    assert_eq!(inexact.alerts.len(), 14 * 2);
    assert!(
        inexact
            .alerts
            .iter()
            .filter(|a| a.kind == AlertKind::CheckinReminder)
            .all(|a| {
                let due = anna.checkin_status(a.fire_at).unwrap();
                due.current.is_some_and(|c| c.status == SlotStatus::Open)
            }),
        "each reminder fires inside an open window, so a late one still does"
    );
}

#[test]
fn done_check_ins_get_no_more_alerts_and_ids_are_stable() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let before = anna
        .plan_notifications(at("2026-03-02T05:00:00Z"), 64, true)
        .unwrap();
    let message = anna
        .check_in("2468".into(), at("2026-03-02T05:50:00Z"))
        .unwrap()
        .message;
    let after = anna
        .plan_notifications(at("2026-03-02T05:50:00Z"), 64, true)
        .unwrap();
    assert!(after.alerts.iter().all(|a| !a.id.starts_with("checkin-0-")));
    let ids = |p: &NotificationPlan| {
        p.alerts
            .iter()
            .map(|a| a.id.clone())
            .filter(|i| !i.starts_with("checkin-0-"))
            .collect::<Vec<_>>()
    };
    let (before, after) = (ids(&before), ids(&after));
    assert_eq!(
        before[..],
        after[..before.len()],
        "the rest keep their ids (the horizon moved on a little)"
    );
    // The family's phone drops slot 0 once the genuine message is verified.
    mother
        .verify_checkin(id.clone(), message, at("2026-03-02T05:55:00Z"))
        .unwrap();
    let family = mother
        .plan_notifications(at("2026-03-02T05:55:00Z"), 64, true)
        .unwrap();
    assert!(family.alerts.iter().all(|a| !a.id.contains("-0-")));
}

#[test]
fn planning_across_a_daylight_saving_change_keeps_local_times() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "berlin", "Europe/Berlin");
    let mut p = plan();
    p.schedule.time_zone = "Europe/Berlin".into();
    p.schedule.cadence = CheckinCadence::Daily {
        times: vec!["20:00".into()],
    };
    waymark
        .set_trip_plan(p, at("2026-03-01T00:00:00Z"))
        .unwrap();
    let plan = waymark
        .plan_notifications(at("2026-03-26T00:00:00Z"), 64, true)
        .unwrap();
    let dues: Vec<String> = plan
        .alerts
        .iter()
        .filter(|a| a.kind == AlertKind::CheckinDue)
        .map(|a| crate::time_json::rfc3339(a.fire_at))
        .collect();
    assert_eq!(
        dues[..5],
        [
            "2026-03-26T19:00:00.000Z",
            "2026-03-27T19:00:00.000Z",
            "2026-03-28T19:00:00.000Z",
            "2026-03-29T18:00:00.000Z",
            "2026-03-30T18:00:00.000Z"
        ]
    );
}

#[test]
fn the_family_history_lists_every_check_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let normal = anna
        .check_in("2468".into(), at("2026-03-02T06:05:00Z"))
        .unwrap()
        .message;
    mother
        .verify_checkin(id.clone(), normal, at("2026-03-02T06:06:00Z"))
        .unwrap();
    mother
        .verify_checkin(
            id.clone(),
            "no code here".into(),
            at("2026-03-02T07:00:00Z"),
        )
        .unwrap();
    mother
        .family_mark_handled(id.clone(), at("2026-03-02T08:00:00Z"))
        .unwrap();
    let history = mother.family_history(id).unwrap();
    assert_eq!(history.title, "Messages from Anna");
    let outcomes: Vec<_> = history.entries.iter().map(|e| e.outcome).collect();
    assert_eq!(
        outcomes,
        [
            None,
            Some(VerificationOutcome::NoCode),
            Some(VerificationOutcome::Genuine)
        ]
    );
    assert_eq!(
        history.entries[2].slot_label,
        "Check-in due 2 Mar 2026, 09:00"
    );
    assert_eq!(
        history.entries[2].outcome_label,
        "Genuine check-in: Anna is fine."
    );
}

#[test]
fn escalation_uses_the_saved_embassy_and_the_destinations_emergency_number() {
    let dir = tempfile::tempdir().unwrap();
    let (_anna, mother, id) = pair(&dir);
    let overdue_at = at("2026-03-02T07:01:00Z"); // Monday 10:01 in Moscow: the hotline is open
    let steps = mother
        .family_traveller(id.clone(), overdue_at)
        .unwrap()
        .steps;
    // Without a saved embassy: the built-in consulate with a confirmed number and the foreign
    // ministry's line for citizens abroad, then Türkiye's line for foreigners, whose short
    // number the family passes on, then the police.
    assert_eq!(steps.len(), 6);
    assert_eq!(
        steps[2].title,
        "Call Consulate General of Russia in Istanbul: +90 530 941 03 68"
    );
    assert_eq!(steps[2].action, Some(Action::dial("+905309410368")));
    assert!(steps[2].detail.contains("helps its own citizens"));
    assert!(
        steps[2].detail.contains("Source: https://"),
        "{}",
        steps[2].detail
    );
    assert_eq!(steps[3].action, Some(Action::dial("+74956954545")));
    assert!(steps[4].title.ends_with(", 157"), "{}", steps[4].title);
    assert_eq!(steps[4].action, None, "157 cannot be dialled from abroad");
    assert!(
        steps[4]
            .detail
            .contains("only inside the country (Türkiye)")
    );
    assert!(steps[5].detail.contains("is 112"), "{}", steps[5].detail);
    assert!(steps[5].detail.contains("only from inside the country"));
    assert!(
        steps[1].detail.contains("Usually answers at this hour"),
        "{}",
        steps[1].detail
    );
    mother
        .own_contact_add(
            crate::OwnContactInput {
                name: "Russian Consulate in Istanbul".into(),
                kind: crate::OwnContactKind::EmbassyOrConsulate,
                country: "TR".into(),
                phone: "0212 292 51 01".into(),
                notes: String::new(),
            },
            overdue_at,
        )
        .unwrap();
    let steps = mother.family_traveller(id, overdue_at).unwrap().steps;
    assert_eq!(
        steps.len(),
        5,
        "the saved one replaces the built-in missions"
    );
    assert_eq!(steps[2].title, "Call Russian Consulate in Istanbul");
    assert_eq!(
        steps[2].action,
        Some(Action::Dial {
            uri: "tel:+902122925101".into()
        })
    );
}

#[test]
fn during_the_trip_home_offers_the_destinations_emergency_number_first() {
    use crate::contacts::HelpStepKind;
    let dir = tempfile::tempdir().unwrap();
    let anna = ready(&dir, "anna");
    let before = anna.home(at("2026-03-01T12:00:00Z")).unwrap().help_now;
    assert_eq!(before.country_code, None);
    assert!(before.country_prompt.is_some());
    let during = anna.home(at("2026-03-10T12:00:00Z")).unwrap().help_now;
    assert_eq!(during.country_code.as_deref(), Some("TR"));
    assert_eq!(during.country_prompt, None);
    assert_eq!(during.steps[0].kind, HelpStepKind::Emergency);
    assert_eq!(during.steps[0].number, "112");
    let after = anna.home(at("2026-06-01T00:00:00Z")).unwrap().help_now;
    assert_eq!(after.country_code, None, "the trip has ended");
}

/// Checks in with `pin` at `t` and returns what the family makes of the message a minute later.
fn family_sees(
    anna: &Waymark,
    mother: &Waymark,
    id: &str,
    pin: &str,
    t: &str,
) -> VerificationOutcome {
    let message = anna.check_in(pin.into(), at(t)).unwrap().message;
    let later = at(t) + std::time::Duration::from_secs(60);
    mother
        .verify_checkin(id.into(), message, later)
        .unwrap()
        .outcome
}

fn wrong_pin(waymark: &Waymark, pin: &str) -> bool {
    waymark.check_in(pin.into(), at("2026-03-02T12:00:00Z")) == Err(invalid("pin", "wrong PIN"))
}

fn invalid(field: &str, reason: &str) -> WaymarkError {
    WaymarkError::InvalidInput {
        field: field.into(),
        reason: reason.into(),
        shown: reason.into(),
    }
}

#[test]
fn a_change_with_the_normal_pin_replaces_both_pins_and_the_familys_copy_keeps_working() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    anna.change_checkin_pins("2468".into(), "8642".into(), "7531".into())
        .unwrap();
    assert!(wrong_pin(&anna, "2468") && wrong_pin(&anna, "1357"));
    assert_eq!(
        family_sees(&anna, &mother, &id, "8642", "2026-03-02T06:05:00Z"),
        VerificationOutcome::Genuine
    );
    assert_eq!(
        family_sees(&anna, &mother, &id, "7531", "2026-03-02T18:05:00Z"),
        VerificationOutcome::GenuineUnderDuress
    );
    // The signal phrase is unchanged too: the export carries the same plan.
    let export = anna.export_plan("8642".into(), None).unwrap();
    let again = mother
        .import_plan(
            export.payload,
            Some(export.passphrase),
            at("2026-03-02T19:00:00Z"),
        )
        .unwrap();
    assert_eq!(again.id, id);
    assert!(again.signal_phrase_reminder.contains("How is aunt Valya?"));
}

#[test]
fn a_change_forced_with_the_duress_pin_keeps_the_real_pin_and_both_new_ones_call_for_help() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    anna.change_checkin_pins("1357".into(), "1111".into(), "2222".into())
        .unwrap();
    assert!(wrong_pin(&anna, "1357"));
    assert_eq!(
        family_sees(&anna, &mother, &id, "1111", "2026-03-02T06:05:00Z"),
        VerificationOutcome::GenuineUnderDuress
    );
    assert_eq!(
        family_sees(&anna, &mother, &id, "2222", "2026-03-02T18:05:00Z"),
        VerificationOutcome::GenuineUnderDuress
    );
    assert_eq!(
        family_sees(&anna, &mother, &id, "2468", "2026-03-03T06:05:00Z"),
        VerificationOutcome::Genuine
    );
    // Forced again with one of the PINs the watcher knows: still exactly one normal box, the
    // real one.
    anna.change_checkin_pins("1111".into(), "3333".into(), "4444".into())
        .unwrap();
    assert!(wrong_pin(&anna, "1111") && wrong_pin(&anna, "2222"));
    assert_eq!(
        family_sees(&anna, &mother, &id, "3333", "2026-03-03T18:05:00Z"),
        VerificationOutcome::GenuineUnderDuress
    );
    assert_eq!(
        family_sees(&anna, &mother, &id, "2468", "2026-03-04T06:05:00Z"),
        VerificationOutcome::Genuine
    );
    let boxes = anna.real.db.read(store::pin_boxes).unwrap();
    let normal = ["2468", "1357", "1111", "2222", "3333", "4444"]
        .iter()
        .flat_map(|pin| {
            boxes.iter().filter(|b| {
                pins::open(std::slice::from_ref(b), pin).map(|o| o.0) == Some(codes::Kind::Normal)
            })
        })
        .count();
    assert_eq!((boxes.len(), normal), (3, 1));
    // And a free change with the real PIN after that replaces everything.
    anna.change_checkin_pins("2468".into(), "5555".into(), "6666".into())
        .unwrap();
    assert!(
        ["2468", "3333", "4444"]
            .iter()
            .all(|pin| wrong_pin(&anna, pin))
    );
    assert_eq!(
        family_sees(&anna, &mother, &id, "5555", "2026-03-04T18:05:00Z"),
        VerificationOutcome::Genuine
    );
}

#[test]
fn a_forced_change_looks_exactly_like_a_free_one_to_whoever_watches() {
    let (free_dir, forced_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (free, _, _) = pair(&free_dir);
    let (forced, _, _) = pair(&forced_dir);
    let a = free.change_checkin_pins("2468".into(), "1111".into(), "2222".into());
    let b = forced.change_checkin_pins("1357".into(), "1111".into(), "2222".into());
    assert_eq!(a, b);
    let now = at("2026-03-02T06:05:00Z");
    assert_eq!(
        free.checkin_status(now).unwrap(),
        forced.checkin_status(now).unwrap()
    );
    // Checking in with the new PIN the watcher typed: the same receipt but for the code.
    let (a, b) = (
        free.check_in("1111".into(), now).unwrap(),
        forced.check_in("1111".into(), now).unwrap(),
    );
    let without_code = |m: &str| m.trim_end_matches(|c: char| c.is_ascii_digit()).to_owned();
    assert_eq!(without_code(&a.message), without_code(&b.message));
    assert_eq!((&a.headline, &a.status), (&b.headline, &b.status));
    assert_eq!(
        free.checkin_history().unwrap(),
        forced.checkin_history().unwrap()
    );
    // What is stored: as many boxes, of the same sizes, on both phones.
    let shapes = |w: &Waymark| {
        let mut shapes: Vec<_> = w
            .real
            .db
            .read(store::pin_boxes)
            .unwrap()
            .iter()
            .map(|b| (b.salt.len(), b.nonce.len(), b.sealed.len()))
            .collect();
        shapes.sort();
        shapes
    };
    assert_eq!(shapes(&free).len(), 3);
    assert_eq!(shapes(&free), shapes(&forced));
    assert!(shapes(&free).windows(2).all(|w| w[0] == w[1]));
    // The export the watcher can make with the new PIN is the same size too.
    assert_eq!(
        free.export_plan("1111".into(), None).unwrap().bytes,
        forced.export_plan("1111".into(), None).unwrap().bytes
    );
}

#[test]
fn a_wrong_current_pin_or_an_invalid_new_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let anna = ready(&dir, "anna");
    let before = anna.real.db.read(store::pin_boxes).unwrap();
    let change = |current: &str, normal: &str, duress: &str| {
        anna.change_checkin_pins(current.into(), normal.into(), duress.into())
            .unwrap_err()
    };
    assert_eq!(
        change("0000", "1111", "2222"),
        invalid("current_pin", "wrong PIN")
    );
    assert_eq!(
        change("2468", "12a4", "2222"),
        invalid("new_normal_pin", "must be 4 to 12 digits")
    );
    assert_eq!(
        change("1357", "1111", "1234567890123"),
        invalid("new_duress_pin", "must be 4 to 12 digits")
    );
    assert_eq!(
        change("2468", "1111", "1111"),
        invalid("new_duress_pin", "must differ from the normal PIN")
    );
    assert_eq!(anna.real.db.read(store::pin_boxes).unwrap(), before);
    assert!(!wrong_pin(&anna, "2468") && !wrong_pin(&anna, "1357"));

    let dir = tempfile::tempdir().unwrap();
    let without_pins = open(&dir, "p", "UTC");
    assert_eq!(
        without_pins
            .change_checkin_pins("2468".into(), "1111".into(), "2222".into())
            .unwrap_err(),
        invalid("current_pin", "set the check-in PINs first")
    );
}

#[test]
fn a_profile_set_up_before_pins_could_change_checks_in_and_changes_on_both_paths() {
    for (current, real_pin_after) in [("2468", "1111"), ("1357", "2468")] {
        let dir = tempfile::tempdir().unwrap();
        let (anna, mother, id) = pair(&dir);
        // The two boxes as an earlier version stored them.
        let boxes = anna.real.db.read(store::pin_boxes).unwrap();
        let (_, unlocked) = pins::open(&boxes, "2468").unwrap();
        let legacy = pins::seal_untagged("2468", "1357", &unlocked).unwrap();
        anna.real
            .db
            .write(|tx| store::save_pin_boxes(tx, &legacy))
            .unwrap();
        assert_eq!(
            family_sees(&anna, &mother, &id, "2468", "2026-03-02T06:05:00Z"),
            VerificationOutcome::Genuine
        );
        anna.change_checkin_pins(current.into(), "1111".into(), "2222".into())
            .unwrap();
        assert_eq!(anna.real.db.read(store::pin_boxes).unwrap().len(), 3);
        assert_eq!(
            family_sees(&anna, &mother, &id, real_pin_after, "2026-03-02T18:05:00Z"),
            VerificationOutcome::Genuine,
            "changed with {current}"
        );
        assert_eq!(
            family_sees(&anna, &mother, &id, "2222", "2026-03-03T06:05:00Z"),
            VerificationOutcome::GenuineUnderDuress,
            "changed with {current}"
        );
    }
}

#[test]
fn a_wrong_pin_is_explained_in_the_persons_language_with_the_same_field() {
    let dir = tempfile::tempdir().unwrap();
    let anna = ready(&dir, "p");
    let now = at("2026-03-02T06:05:00Z");
    assert_eq!(
        anna.check_in("0000".into(), now),
        Err(invalid("pin", "wrong PIN"))
    );
    anna.set_language("ru".into()).unwrap();
    assert_eq!(
        anna.check_in("0000".into(), now),
        Err(invalid("pin", "неверный ПИН-код"))
    );
    assert!(anna.checkin_history().unwrap().entries.is_empty());
}

#[test]
fn invalid_new_pins_are_explained_in_the_persons_language_with_the_same_field() {
    let dir = tempfile::tempdir().unwrap();
    let long_phrase = "a".repeat(plan::SIGNAL_PHRASE_MAX_CHARS as usize + 1);
    let cases = [
        ("12a4", "1357", "phrase", "normal_pin"),
        ("2468", "2468", "phrase", "duress_pin"),
        ("2468", "1357", long_phrase.as_str(), "signal_phrase"),
    ];
    let expected = [
        ("must be 4 to 12 digits", "нужно от 4 до 12 цифр"),
        (
            "must differ from the normal PIN",
            "должен отличаться от обычного ПИН-кода",
        ),
        ("must be at most 80 characters", "не длиннее 80 символов"),
    ];
    for (language, pick) in [("en", 0), ("ru-RU", 1)] {
        let options = WaymarkOptions {
            language: language.into(),
            time_zone: "Europe/Istanbul".into(),
            profile_key: vec![7; 32],
        };
        let waymark = Waymark::open_at(&dir.path().join(language), &options).unwrap();
        for ((normal, duress, phrase, field), reasons) in cases.iter().zip(expected) {
            let reason = if pick == 0 { reasons.0 } else { reasons.1 };
            assert_eq!(
                waymark.set_checkin_pins((*normal).into(), (*duress).into(), (*phrase).into()),
                Err(invalid(field, reason)),
                "{language}"
            );
        }
        // Nothing was set: valid PINs are still accepted.
        waymark
            .set_checkin_pins("2468".into(), "1357".into(), "phrase".into())
            .unwrap();
    }
}

// ---- The check-in message says nothing ----

/// Every language that ships texts of its own, so a new one is checked as soon as it is added.
fn written_languages() -> Vec<String> {
    crate::content::default_pack()
        .unwrap()
        .written_languages()
        .map(|(code, _)| code.to_owned())
        .collect()
}

/// Whoever reads the traveller's messages sees an ordinary note: in every language, every
/// ready-made note names neither the app nor a check-in nor safety; the family still verifies
/// the code in it, from either PIN, the notes looking the same.
#[test]
fn the_check_in_message_reads_as_an_ordinary_note_in_every_language() {
    let forbidden = [
        "waymark",
        "check",
        "safe",
        "secur",
        "help",
        "danger",
        "code",
        "отмет",
        "провер",
        "безопас",
        "помощ",
        "код",
        "опасн",
        "omon",
        "tekshir",
        "xavf",
        "yordam",
        "kod",
    ];
    let languages = written_languages();
    assert!(languages.len() >= 3, "{languages:?}");
    for language in languages {
        let dir = tempfile::tempdir().unwrap();
        let (anna, mother, id) = pair(&dir);
        anna.set_language(language.clone()).unwrap();
        let view = anna.checkin_message_view().unwrap();
        assert_eq!(view.options.len(), 3);
        assert!(view.options[0].chosen && view.own.is_none());
        for (n, option) in view.options.iter().enumerate() {
            let lower = option.example.to_lowercase();
            for word in forbidden {
                assert!(
                    !lower.contains(word),
                    "{language}: {:?} says {word:?}",
                    option.example
                );
            }
            anna.set_checkin_message(CheckinMessageChoice::Template {
                id: option.id.clone(),
            })
            .unwrap();
            // Two check-ins in the same window: normal PIN, then help PIN, minutes apart.
            let when =
                at("2026-03-02T06:00:00Z") + std::time::Duration::from_secs(86_400 * n as u64);
            let normal = anna.check_in("2468".into(), when).unwrap();
            let helped = anna
                .check_in("1357".into(), when + std::time::Duration::from_secs(60))
                .unwrap();
            let note = |m: &str| m.trim_end_matches(|c: char| c.is_ascii_digit()).to_owned();
            assert_eq!(note(&normal.message), note(&helped.message), "{language}");
            assert_eq!(normal.headline, helped.headline);
            let verified = mother
                .verify_checkin(id.clone(), normal.message.clone(), when)
                .unwrap();
            assert_eq!(
                verified.outcome,
                VerificationOutcome::Genuine,
                "{}",
                normal.message
            );
            let verified = mother
                .verify_checkin(id.clone(), helped.message.clone(), when)
                .unwrap();
            assert_eq!(verified.outcome, VerificationOutcome::GenuineUnderDuress);
        }
    }
}

/// A note of one's own works the same; one without `{code}` (or with it twice, or too long)
/// is refused with the field named, and the note in use stays.
#[test]
fn an_own_note_must_hold_the_code_once() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let view = anna
        .set_checkin_message(CheckinMessageChoice::Own {
            text: "  Мама, всё ок, целую {code}  ".into(),
        })
        .unwrap();
    assert_eq!(view.own.as_deref(), Some("Мама, всё ок, целую {code}"));
    assert_eq!(
        view.own_example.as_deref(),
        Some("Мама, всё ок, целую 482913")
    );
    assert!(view.options.iter().all(|o| !o.chosen));
    let when = at("2026-03-02T06:00:00Z");
    let receipt = anna.check_in("2468".into(), when).unwrap();
    assert!(
        receipt.message.starts_with("Мама, всё ок, целую "),
        "{}",
        receipt.message
    );
    let verified = mother.verify_checkin(id, receipt.message, when).unwrap();
    assert_eq!(verified.outcome, VerificationOutcome::Genuine);
    for bad in [
        "All fine, talk later".to_owned(),
        "{code} and {code}".to_owned(),
        format!("{} {{code}}", "a".repeat(140)),
    ] {
        let error = anna
            .set_checkin_message(CheckinMessageChoice::Own { text: bad.clone() })
            .unwrap_err();
        assert!(
            matches!(&error, WaymarkError::InvalidInput { field, .. } if field == "own_text"),
            "{bad}: {error:?}"
        );
        assert_eq!(
            anna.checkin_message_view().unwrap().own.as_deref(),
            Some("Мама, всё ок, целую {code}")
        );
    }
    let error = anna
        .set_checkin_message(CheckinMessageChoice::Template { id: "nope".into() })
        .unwrap_err();
    assert!(matches!(error, WaymarkError::NotFound { .. }), "{error:?}");
}

/// Messengers and people rewrite a note: the family's side still finds the code when its
/// digits come in another script or its groups are split by other spaces or dashes.
#[test]
fn the_family_finds_the_code_in_a_reformatted_note() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let when = at("2026-03-02T06:00:00Z");
    let message = anna.check_in("2468".into(), when).unwrap().message;
    let code: String = message.chars().filter(char::is_ascii_digit).collect();
    assert_eq!(code.len(), 6, "{message}");
    let (a, b) = code.split_at(3);
    let arabic: String = code
        .chars()
        .map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap()).unwrap())
        .collect();
    for variant in [
        format!("Hi! All good here,\ntalk soon.\n{a}\u{00A0}{b}"),
        format!("> Anna: Hi! All good here, talk soon. {a}\u{2013}{b}\n\nForwarded"),
        format!("«Hi, all good» {a}\u{202F}{b}"),
        format!("Hi! All good here, talk soon. {arabic}"),
        format!("[09:02] Anna: hi all good {a}.{b}"),
    ] {
        let verified = mother
            .verify_checkin(id.clone(), variant.clone(), when)
            .unwrap();
        assert!(
            matches!(
                verified.outcome,
                VerificationOutcome::Genuine | VerificationOutcome::Replayed
            ),
            "{variant:?}: {:?}",
            verified.outcome
        );
    }
}

/// The traveller's phone may be in someone else's hands: its notifications, their lock-screen
/// line and its notification channels say "reminder", never check-in, the app or help.
#[test]
fn the_travellers_notifications_say_nothing_about_check_ins() {
    let forbidden = [
        "waymark",
        "check",
        "family",
        "safe",
        "help",
        "отмет",
        "близк",
        "семь",
        "помощ",
        "безопас",
        "omon",
        "oila",
        "yaqin",
        "yordam",
        "xavf",
        "tekshir",
    ];
    let languages = written_languages();
    assert!(languages.len() >= 3, "{languages:?}");
    for language in languages {
        let dir = tempfile::tempdir().unwrap();
        let anna = ready(&dir, "anna");
        anna.set_language(language.clone()).unwrap();
        let plan = anna
            .plan_notifications(at("2026-03-02T00:00:00Z"), 64, true)
            .unwrap();
        assert!(plan.alerts.len() >= 6, "{}", plan.alerts.len());
        let texts = anna.shell_texts();
        let channels = texts
            .alert_channels
            .iter()
            .filter(|c| {
                matches!(
                    c.kind,
                    AlertKind::CheckinReminder | AlertKind::CheckinDue | AlertKind::CheckinOverdue
                )
            })
            .flat_map(|c| [c.name.clone(), c.description.clone()]);
        let shown = plan
            .alerts
            .iter()
            .flat_map(|a| [a.title.clone(), a.body.clone(), a.lock_screen_text.clone()])
            .chain(channels);
        for text in shown {
            let lower = text.to_lowercase();
            for word in forbidden {
                assert!(!lower.contains(word), "{language}: {text:?} says {word:?}");
            }
        }
    }
}

/// A chat copied whole, or shared from the messages app: each code in it is checked for the
/// traveller it belongs to, several messages at once, and the screen to open is guessed.
#[test]
fn a_shared_text_with_several_messages_checks_each_code_for_its_traveller() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, anna_id) = pair(&dir);
    let morning = anna
        .check_in("2468".into(), at("2026-03-02T06:05:00Z"))
        .unwrap()
        .message;
    let evening = anna
        .check_in("1357".into(), at("2026-03-02T18:05:00Z"))
        .unwrap()
        .message;
    let now = at("2026-03-02T18:10:00Z");
    // Only Anna is watched: her two messages (the morning's pasted too late to count as on
    // time), and a made-up code checked against her.
    let chat = format!("[06:05] Anna: {morning}\n[18:05] Anna: {evening}\nme: 111 222?");
    let view = mother.verify_shared_text(chat.clone(), now).unwrap();
    let outcomes: Vec<_> = view.checks.iter().map(|c| c.outcome).collect();
    assert_eq!(
        outcomes,
        vec![
            VerificationOutcome::OutsideWindow,
            VerificationOutcome::GenuineUnderDuress,
            VerificationOutcome::WrongCode
        ]
    );
    assert_eq!(view.traveller_id.as_deref(), Some(anna_id.as_str()));
    assert!(view.unknown_codes.is_empty() && view.summary.is_none());
    assert_eq!(
        mother
            .family_history(anna_id.clone())
            .unwrap()
            .entries
            .len(),
        3
    );

    // A second traveller: each code goes to its own, and a stranger's code is named unknown.
    let boris = open(&dir, "boris", "Europe/Istanbul");
    let mut his = plan();
    his.traveller_name = "Boris".into();
    boris
        .set_trip_plan(his, at("2026-03-01T12:00:00Z"))
        .unwrap();
    boris
        .set_checkin_pins("8642".into(), "9753".into(), "Grandma's garden".into())
        .unwrap();
    let export = boris.export_plan("8642".into(), None).unwrap();
    let boris_id = mother
        .import_plan(export.payload, Some(export.passphrase), now)
        .unwrap()
        .id;
    let his_message = boris
        .check_in("8642".into(), at("2026-03-02T18:06:00Z"))
        .unwrap()
        .message;
    let mixed = format!("{his_message}\n{evening}\nforwarded: 999 000");
    let view = mother.verify_shared_text(mixed, now).unwrap();
    let whose: Vec<_> = view
        .checks
        .iter()
        .map(|c| (c.traveller.id.clone(), c.outcome))
        .collect();
    assert_eq!(
        whose,
        vec![
            (boris_id.clone(), VerificationOutcome::Genuine),
            (anna_id.clone(), VerificationOutcome::Replayed)
        ]
    );
    assert_eq!(view.unknown_codes, vec!["999000".to_owned()]);
    assert_eq!(view.traveller_id.as_deref(), Some(boris_id.as_str()));
    assert!(view.summary.unwrap().contains("1 code"));

    // The signal phrase alone, typed in a hurry, is a call for help from the one it belongs to.
    let view = mother
        .verify_shared_text("how is GRANDMA'S garden?".into(), now)
        .unwrap();
    assert_eq!(view.checks.len(), 1);
    assert!(view.checks[0].needs_help && view.checks[0].phrase_found);
    assert_eq!(view.traveller_id.as_deref(), Some(boris_id.as_str()));

    // Nothing in it: said so, nothing recorded.
    let before = mother
        .family_history(anna_id.clone())
        .unwrap()
        .entries
        .len();
    let view = mother
        .verify_shared_text("see you soon".into(), now)
        .unwrap();
    assert!(view.checks.is_empty() && view.traveller_id.is_none());
    assert!(view.summary.unwrap().contains("No check-in code"));
    assert_eq!(
        mother.family_history(anna_id).unwrap().entries.len(),
        before
    );
}

/// Before the trip both sides rehearse: a practice message verifies as practice with either
/// PIN, is recorded on neither side, and never counts as a check-in or a call for help.
#[test]
fn practice_check_ins_verify_as_practice_and_are_kept_apart() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, mother, id) = pair(&dir);
    let before_trip = at("2026-03-01T15:00:00Z");
    let normal = anna.practice_check_in("2468".into(), before_trip).unwrap();
    let help = anna.practice_check_in("1357".into(), before_trip).unwrap();
    // On Anna's side both look the same but for the code, and nothing is recorded.
    assert_eq!(normal.headline, help.headline);
    assert_ne!(normal.message, help.message);
    assert!(anna.checkin_history().unwrap().entries.is_empty());
    assert_eq!(anna.checkin_status(before_trip).unwrap().streak, 0);
    let wrong = anna.practice_check_in("0000".into(), before_trip);
    assert!(matches!(wrong, Err(WaymarkError::InvalidInput { .. })));

    let checked = mother
        .verify_checkin(id.clone(), normal.message.clone(), before_trip)
        .unwrap();
    assert_eq!(checked.outcome, VerificationOutcome::Practice);
    assert!(!checked.needs_help && !checked.traveller.help_signalled);
    // Reformatted by a messenger into two groups, the help one is practice too.
    let code: String = help.message.chars().filter(char::is_ascii_digit).collect();
    let regrouped = format!("ok {} {}", &code[..4], &code[4..]);
    let checked = mother
        .verify_checkin(
            id.clone(),
            regrouped,
            before_trip + std::time::Duration::from_secs(60),
        )
        .unwrap();
    assert_eq!(checked.outcome, VerificationOutcome::PracticeUnderDuress);
    assert!(!checked.needs_help && !checked.traveller.help_signalled);
    assert!(checked.detail.contains("needs help"), "{}", checked.detail);
    // Kept apart: nothing in the family's history, no check-in received.
    assert!(
        mother
            .family_history(id.clone())
            .unwrap()
            .entries
            .is_empty()
    );
    assert_eq!(
        mother
            .family_traveller(id.clone(), before_trip)
            .unwrap()
            .last_checkin,
        None
    );
    // The day after next, the same practice code is no longer taken.
    let later = mother
        .verify_checkin(
            id,
            normal.message,
            before_trip + std::time::Duration::from_secs(3 * 86_400),
        )
        .unwrap();
    assert_eq!(later.outcome, VerificationOutcome::WrongCode);
}
