//! The lock, the harmless view, the calculator's PIN entry, PIN-gated plan changes with the help
//! mark, and the family's hold on a weakened plan, driven through the entry object as a shell
//! drives them.

use std::time::SystemTime;

use crate::calculator::{CalculatorKey, calculator_start};
use crate::checkins::tests::{at, plan};
use crate::checkins::{CheckinCadence, TripPlan};
use crate::contacts::{OwnContactInput, OwnContactKind};
use crate::lock::ShellPlatform;
use crate::screening::OfferInput;
use crate::waymark::{Waymark, WaymarkOptions};

const KEY: [u8; 32] = [7; 32];
const NORMAL: &str = "2468";
const HELP: &str = "1357";
const PHRASE: &str = "How is aunt Valya?";

fn open(dir: &tempfile::TempDir, name: &str) -> Waymark {
    let options = WaymarkOptions {
        language: "en".into(),
        time_zone: "Europe/Istanbul".into(),
        profile_key: KEY.to_vec(),
    };
    Waymark::open_at(&dir.path().join(name), &options).unwrap()
}

fn now() -> SystemTime {
    at("2026-03-05T10:00:00Z")
}

/// Anna's phone with everything a person keeps in it, and the lock on.
fn anna(dir: &tempfile::TempDir) -> Waymark {
    let anna = open(dir, "anna");
    anna.set_trip_plan(plan(), now()).unwrap();
    anna.set_checkin_pins(NORMAL.into(), HELP.into(), PHRASE.into())
        .unwrap();
    anna.own_contact_add(
        OwnContactInput {
            name: "Mama Olga".into(),
            kind: OwnContactKind::Family,
            country: "ru".into(),
            phone: "+7 916 123-45-67".into(),
            notes: String::new(),
        },
        now(),
    )
    .unwrap();
    anna.checklist_mark_done("work-visa".into(), now()).unwrap();
    anna.offer_save(
        None,
        OfferInput {
            title: "Housekeeping".into(),
            employer: "Sun Travel".into(),
            country: "Turkey".into(),
            notes: String::new(),
            ad_text: None,
            answers: Vec::new(),
        },
        now(),
    )
    .unwrap();
    anna.check_in(NORMAL.into(), at("2026-03-05T06:10:00Z"))
        .unwrap();
    let lock = anna.set_app_lock(NORMAL.into(), true, now()).unwrap();
    assert!(lock.enabled && !lock.locked);
    anna
}

/// The screens a person looking through the phone would open, as JSON-comparable text.
fn screens(w: &Waymark) -> Vec<String> {
    let t = now();
    vec![
        format!("{:?}", w.home(t).unwrap()),
        format!("{:?}", w.own_contacts().unwrap()),
        format!("{:?}", w.checkin_status(t).unwrap()),
        format!("{:?}", w.checkin_history().unwrap()),
        format!("{:?}", w.trip_plan().unwrap()),
        format!("{:?}", w.family_list(t).unwrap()),
        format!("{:?}", w.offers().unwrap()),
        format!("{:?}", w.checklist().unwrap()),
        format!("{:?}", w.checkin_message_view().unwrap()),
        format!("{:?}", w.language()),
        format!("{:?}", w.content_info()),
    ]
}

#[test]
fn the_help_pin_opens_a_view_equal_to_a_fresh_install() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = open(&dir, "fresh");
    drop(anna(&dir));
    let anna = open(&dir, "anna");
    assert!(anna.lock_status(now()).unwrap().locked);
    // Locked: nothing of Anna's is shown, whatever the shell asks for.
    assert_eq!(screens(&anna), screens(&fresh));
    let opened = anna.unlock(HELP.into(), now()).unwrap();
    assert!(!opened.locked && opened.problem.is_none());
    assert_eq!(screens(&anna), screens(&fresh));
}

#[test]
fn both_pins_give_the_same_lock_screen_and_the_normal_one_opens_everything() {
    let dir = tempfile::tempdir().unwrap();
    let before = screens(&anna(&dir));
    let by_help = open(&dir, "anna").unlock(HELP.into(), now()).unwrap();
    let anna = open(&dir, "anna");
    let by_normal = anna.unlock(NORMAL.into(), now()).unwrap();
    assert_eq!(by_help, by_normal);
    assert_eq!(screens(&anna), before);
}

#[test]
fn work_done_in_the_harmless_view_leaves_the_real_profile_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let before = screens(&anna(&dir));
    let anna = open(&dir, "anna");
    anna.unlock(HELP.into(), now()).unwrap();
    // Whoever holds the phone sets up a plan of their own, ticks items and turns the lock off.
    let mut theirs = plan();
    theirs.schedule.cadence = CheckinCadence::Daily {
        times: vec!["12:00".into()],
    };
    anna.set_trip_plan(theirs, now()).unwrap();
    anna.checklist_mark_done("return-ticket".into(), now())
        .unwrap();
    let off = anna.set_app_lock(HELP.into(), false, now()).unwrap();
    assert!(!off.enabled, "turning the lock off looks done");
    assert_eq!(
        anna.trip_plan().unwrap().unwrap().schedule.cadence,
        CheckinCadence::Daily {
            times: vec!["12:00".into()]
        }
    );
    // The alerts are still the real plan's, at the real times.
    let alerts = anna.plan_notifications(now(), 64, true).unwrap();
    assert!(!alerts.alerts.is_empty());
    drop(anna);

    let again = open(&dir, "anna");
    assert!(
        again.lock_status(now()).unwrap().locked,
        "the lock stays on"
    );
    again.unlock(NORMAL.into(), now()).unwrap();
    assert_eq!(screens(&again), before);
}

#[test]
fn wrong_pins_wait_longer_and_longer_across_restarts_and_never_erase() {
    let dir = tempfile::tempdir().unwrap();
    let before = screens(&anna(&dir));
    let mut t = now();
    for _ in 0..4 {
        let anna = open(&dir, "anna");
        let view = anna.unlock("0000".into(), t).unwrap();
        assert!(view.locked);
        assert_eq!(view.problem.as_deref(), Some("Wrong PIN."));
        assert_eq!(view.retry_at, None);
    }
    let fifth = open(&dir, "anna").unlock("0000".into(), t).unwrap();
    let retry_at = fifth.retry_at.expect("a wait after the fifth wrong PIN");
    assert_eq!(
        retry_at.duration_since(t).unwrap().as_secs(),
        30,
        "the first wait"
    );
    // A restart does not end the wait, and even the right PIN is not tried during it.
    let restarted = open(&dir, "anna");
    assert_eq!(restarted.lock_status(t).unwrap().retry_at, Some(retry_at));
    let early = restarted.unlock(NORMAL.into(), t).unwrap();
    assert!(early.locked);
    assert!(early.problem.unwrap().contains("Try again after"));
    t = retry_at;
    let sixth = restarted.unlock("9999".into(), t).unwrap();
    assert_eq!(
        sixth.retry_at.unwrap().duration_since(t).unwrap().as_secs(),
        60,
        "the wait doubles"
    );
    t = sixth.retry_at.unwrap();
    let opened = restarted.unlock(NORMAL.into(), t).unwrap();
    assert!(!opened.locked);
    assert_eq!(screens(&restarted), before, "nothing was erased");
    // The right PIN starts the count again.
    restarted.lock_now().unwrap();
    let wrong = restarted.unlock("0000".into(), t).unwrap();
    assert_eq!(wrong.retry_at, None);
}

#[test]
fn the_lock_needs_the_pins_and_a_pin_to_change() {
    let dir = tempfile::tempdir().unwrap();
    let new = open(&dir, "new");
    assert!(!new.lock_status(now()).unwrap().available);
    assert!(new.set_app_lock(NORMAL.into(), true, now()).is_err());
    let anna = anna(&dir);
    assert!(anna.set_app_lock("0000".into(), false, now()).is_err());
    assert!(anna.lock_status(now()).unwrap().enabled);
    anna.set_app_lock(NORMAL.into(), false, now()).unwrap();
    drop(anna);
    assert!(!open(&dir, "anna").lock_status(now()).unwrap().locked);
}

#[test]
fn the_calculator_calculates_and_a_pin_then_equals_opens() {
    let dir = tempfile::tempdir().unwrap();
    drop(anna(&dir));
    let anna = open(&dir, "anna");
    let d = |digit| CalculatorKey::Digit { digit };
    let type_keys = |keys: &[CalculatorKey]| {
        let mut state = calculator_start();
        let mut last = None;
        for key in keys {
            let outcome = anna.calculator_enter(state, *key, now()).unwrap();
            state = outcome.step.state.clone();
            last = Some(outcome);
        }
        last.unwrap()
    };
    let sum = type_keys(&[d(1), d(2), CalculatorKey::Add, d(3), CalculatorKey::Equals]);
    assert_eq!((sum.step.display.as_str(), sum.opened), ("15", false));
    // A number that is no PIN is just a number.
    let other = type_keys(&[d(5), d(0), d(0), d(0), CalculatorKey::Equals]);
    assert_eq!((other.step.display.as_str(), other.opened), ("5000", false));
    assert!(anna.lock_status(now()).unwrap().locked);
    assert_eq!(other.step.pin_candidate, None);
    // The help PIN opens the harmless view, and the calculator is cleared.
    let help = type_keys(&[d(1), d(3), d(5), d(7), CalculatorKey::Equals]);
    assert!(help.opened);
    assert_eq!(help.step.display, "0");
    assert_eq!(anna.trip_plan().unwrap(), None);
    anna.lock_now().unwrap();
    let normal = type_keys(&[d(2), d(4), d(6), d(8), CalculatorKey::Equals]);
    assert!(normal.opened);
    assert!(anna.trip_plan().unwrap().is_some());
}

#[test]
fn the_disguise_says_what_each_platform_still_shows() {
    let dir = tempfile::tempdir().unwrap();
    let anna = anna(&dir);
    let off = anna.disguise_status(ShellPlatform::Android).unwrap();
    assert!(!off.on && off.available);
    let on = anna
        .set_disguise(NORMAL.into(), true, ShellPlatform::Android)
        .unwrap();
    assert!(on.on);
    assert_eq!(on.cover_name, "Calculator");
    assert!(on.still_visible.contains("Settings"));
    let ios = anna.disguise_status(ShellPlatform::Ios).unwrap();
    assert!(ios.still_visible.contains("name under it"));
    // Turned off with the help PIN: looks off now, back on at the next launch.
    let forced = anna
        .set_disguise(HELP.into(), false, ShellPlatform::Android)
        .unwrap();
    assert!(!forced.on);
    drop(anna);
    assert!(
        open(&dir, "anna")
            .disguise_status(ShellPlatform::Android)
            .unwrap()
            .on
    );
}

/// The family's phone with Anna's plan imported from a normal export.
fn family_of(dir: &tempfile::TempDir, anna: &Waymark) -> (Waymark, String) {
    let family = open(dir, "family");
    let export = anna.export_plan(NORMAL.into(), None).unwrap();
    let view = family
        .import_plan(export.payload, Some(export.passphrase), now())
        .unwrap();
    assert!(!view.help_signalled);
    assert!(view.pending_change.is_none());
    (family, view.id)
}

#[test]
fn a_change_under_the_help_pin_is_made_and_the_export_tells_the_family() {
    let dir = tempfile::tempdir().unwrap();
    let anna = anna(&dir);
    let (family, id) = family_of(&dir, &anna);
    // No PIN, no change.
    let mut later = plan();
    later.document_copies = Some("with my brother".into());
    assert!(anna.set_trip_plan(later.clone(), now()).is_err());
    assert!(
        anna.change_trip_plan(later.clone(), "0000".into(), now())
            .is_err()
    );
    // With the help PIN the change is made, exactly as with the normal one.
    anna.change_trip_plan(later.clone(), HELP.into(), now())
        .unwrap();
    assert_eq!(
        anna.trip_plan().unwrap().unwrap().document_copies,
        later.document_copies
    );
    // Exported with the normal PIN afterwards, the plan still carries the mark.
    let marked = anna.export_plan(NORMAL.into(), None).unwrap();
    let view = family
        .import_plan(
            marked.payload.clone(),
            Some(marked.passphrase.clone()),
            now(),
        )
        .unwrap();
    assert_eq!(view.id, id);
    assert!(view.help_signalled);
    assert!(view.headline.contains("help PIN"), "{}", view.headline);
    assert!(!view.steps.is_empty());

    // A change with the normal PIN clears the mark; the exports look the same either way.
    anna.change_trip_plan(later, NORMAL.into(), now()).unwrap();
    let clear = anna.export_plan(NORMAL.into(), None).unwrap();
    assert_eq!(clear.payload.len(), marked.payload.len());
    let fresh_family = open(&dir, "family2");
    let view = fresh_family
        .import_plan(clear.payload, Some(clear.passphrase), now())
        .unwrap();
    assert!(!view.help_signalled);
}

#[test]
fn normal_and_help_exports_have_the_same_form_and_length() {
    let dir = tempfile::tempdir().unwrap();
    let anna = anna(&dir);
    let normal = anna.export_plan(NORMAL.into(), None).unwrap();
    let help = anna.export_plan(HELP.into(), None).unwrap();
    assert_eq!(normal.payload.len(), help.payload.len());
    assert_eq!(normal.payload[..10], help.payload[..10]);
    let first = open(&dir, "first");
    assert!(
        !first
            .import_plan(normal.payload, Some(normal.passphrase), now())
            .unwrap()
            .help_signalled
    );
    let second = open(&dir, "second");
    assert!(
        second
            .import_plan(help.payload, Some(help.passphrase), now())
            .unwrap()
            .help_signalled
    );
}

#[test]
fn every_weakening_is_held_for_a_call_and_an_unchanged_plan_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let anna = anna(&dir);
    let (family, id) = family_of(&dir, &anna);
    let unchanged = anna.export_plan(NORMAL.into(), None).unwrap();
    let view = family
        .import_plan(unchanged.payload, Some(unchanged.passphrase), now())
        .unwrap();
    assert!(view.pending_change.is_none());

    type Change = fn(&mut TripPlan);
    let kinds: [(&str, Change); 6] = [
        ("Fewer check-ins: 7 a week instead of 14", |p| {
            p.schedule.cadence = CheckinCadence::Daily {
                times: vec!["09:00".into()],
            }
        }),
        ("Wider window: 120 minutes instead of 60", |p| {
            p.schedule.window_minutes = 120
        }),
        (
            "Longer wait before the alarm: 240 minutes instead of 30",
            |p| p.schedule.grace_minutes = 240,
        ),
        ("Ends earlier", |p| p.ends = at("2026-04-01T00:00:00Z")),
        ("Another place: Antalya", |p| {
            p.destination_city = "Antalya".into()
        }),
        (
            "Another employer: Other Hotel instead of Hotel Marmara",
            |p| p.employer = Some("Other Hotel".into()),
        ),
    ];
    for (expected, change) in kinds {
        let mut weaker = plan();
        change(&mut weaker);
        anna.change_trip_plan(weaker.clone(), NORMAL.into(), now())
            .unwrap();
        let export = anna.export_plan(NORMAL.into(), None).unwrap();
        let view = family
            .import_plan(export.payload, Some(export.passphrase), now())
            .unwrap();
        let pending = view.pending_change.expect(expected);
        assert!(
            pending.differences.len() == 1 && pending.differences[0].starts_with(expected),
            "{expected}: {:?}",
            pending.differences
        );
        assert!(view.needs_attention);
        assert!(pending.ask.contains("signal phrase"));
        // The old schedule stays in force until the family accepts.
        assert_eq!(
            family.family_traveller(id.clone(), now()).unwrap().facts,
            view.facts
        );
        let kept = family.family_keep_plan(id.clone(), now()).unwrap();
        assert!(kept.pending_change.is_none());
        anna.change_trip_plan(plan(), NORMAL.into(), now()).unwrap();
    }
    assert!(
        family.family_keep_plan(id.clone(), now()).is_err(),
        "nothing waits"
    );

    // Accepted after the call, the new plan is in force.
    let mut moved = plan();
    moved.destination_city = "Antalya".into();
    anna.change_trip_plan(moved, NORMAL.into(), now()).unwrap();
    let export = anna.export_plan(NORMAL.into(), None).unwrap();
    family
        .import_plan(export.payload, Some(export.passphrase), now())
        .unwrap();
    let accepted = family.family_accept_plan_change(id, now()).unwrap();
    assert!(accepted.pending_change.is_none());
    assert!(accepted.destination.starts_with("Antalya"));
}

#[test]
fn a_stronger_plan_replaces_the_old_one_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let anna = anna(&dir);
    let (family, _) = family_of(&dir, &anna);
    let mut stronger = plan();
    stronger.schedule.window_minutes = 30;
    stronger.schedule.grace_minutes = 15;
    stronger.ends = at("2026-07-01T00:00:00Z");
    anna.change_trip_plan(stronger, NORMAL.into(), now())
        .unwrap();
    let export = anna.export_plan(NORMAL.into(), None).unwrap();
    let view = family
        .import_plan(export.payload, Some(export.passphrase), now())
        .unwrap();
    assert!(view.pending_change.is_none());
}
