use std::time::SystemTime;

use chrono::{DateTime, Utc};

use super::*;
use crate::waymark::WaymarkOptions;

fn open(dir: &tempfile::TempDir, name: &str, zone: &str) -> Waymark {
    let options = WaymarkOptions {
        language: "en".into(),
        time_zone: zone.into(),
    };
    Waymark::open_at(&dir.path().join(name), &options).unwrap()
}

fn at(s: &str) -> SystemTime {
    DateTime::parse_from_rfc3339(s)
        .unwrap()
        .with_timezone(&Utc)
        .into()
}

/// Anna works in Istanbul; her family is in Moscow. She checks in at 09:00 and 21:00 Istanbul
/// time (06:00Z and 18:00Z), window one hour, grace 30 minutes.
fn plan() -> TripPlan {
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

fn ready(dir: &tempfile::TempDir, name: &str) -> Waymark {
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
            .starts_with("Waymark check-in from Anna, 2 Mar 2026, 21:10: all is well. Code ")
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
    assert!(receipt.message.contains("Code "));
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
        w.db.read(|c| {
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
    let boxes = waymark.db.read(store::pin_boxes).unwrap();
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
            reason: "wrong PIN".into()
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
    let cases: Vec<(&str, Box<dyn Fn(&mut TripPlan)>)> = vec![
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
        .set_trip_plan(changed, at("2026-03-05T00:00:00Z"))
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
