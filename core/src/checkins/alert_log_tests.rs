//! The fired-alert log through the entry object: what a phone that stops Waymark looks like on
//! the next open, at every boundary, across a restart and a time-zone change, and the test alarm.

use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};

use super::alert_log::judge;
use super::tests::{at, plan};
use super::*;
use crate::waymark::{Waymark, WaymarkOptions};

fn open(dir: &tempfile::TempDir, name: &str, zone: &str) -> Waymark {
    let options = WaymarkOptions {
        language: "en".into(),
        time_zone: zone.into(),
        profile_key: vec![7; 32],
    };
    Waymark::open_at(&dir.path().join(name), &options).unwrap()
}

/// The family's phone watching Anna, planned at the start of the trip.
fn family_phone(dir: &tempfile::TempDir) -> (Waymark, Vec<PlannedAlert>) {
    let anna = open(dir, "anna", "Europe/Istanbul");
    anna.set_trip_plan(plan(), at("2026-03-01T12:00:00Z"))
        .unwrap();
    anna.set_checkin_pins("2468".into(), "1357".into(), "How is aunt Valya?".into())
        .unwrap();
    let export = anna.export_plan("2468".into(), None).unwrap();
    let mother = open(dir, "mother", "Europe/Moscow");
    mother
        .import_plan(
            export.payload,
            Some(export.passphrase),
            at("2026-03-01T12:00:00Z"),
        )
        .unwrap();
    let alerts = mother
        .plan_notifications(at("2026-03-02T00:00:00Z"), 64, true)
        .unwrap()
        .alerts;
    (mother, alerts)
}

fn first(alerts: &[PlannedAlert], kind: AlertKind) -> PlannedAlert {
    alerts.iter().find(|a| a.kind == kind).unwrap().clone()
}

fn warning_lines(w: &Waymark, now: SystemTime) -> Vec<String> {
    w.home(now)
        .unwrap()
        .alert_warning
        .map(|w| w.lines)
        .unwrap_or_default()
}

#[test]
fn the_allowance_ends_exactly_at_its_boundary() {
    let due = DateTime::parse_from_rfc3339("2026-03-02T18:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let ms = chrono::Duration::milliseconds;
    let min = chrono::Duration::minutes;
    use AlertUrgency::{Alarm, Reminder};
    // An alarm has three minutes, a reminder twenty.
    assert_eq!(judge(due, Alarm, None, due + min(3)), None);
    assert_eq!(
        judge(due, Alarm, None, due + min(3) + ms(1)),
        Some(alert_log::Trouble::Missed)
    );
    assert_eq!(judge(due, Reminder, None, due + min(20)), None);
    assert_eq!(
        judge(due, Reminder, None, due + min(20) + ms(1)),
        Some(alert_log::Trouble::Missed)
    );
    assert_eq!(judge(due, Alarm, Some(due + min(3)), due + min(60)), None);
    assert_eq!(
        judge(due, Alarm, Some(due + min(3) + ms(1)), due + min(60)),
        Some(alert_log::Trouble::Late { minutes: 3 })
    );
    assert_eq!(
        judge(due, Reminder, Some(due + min(25)), due + min(60)),
        Some(alert_log::Trouble::Late { minutes: 25 })
    );
    // Early or on time is fine, and nothing is judged before the allowance ends.
    assert_eq!(judge(due, Alarm, Some(due - min(1)), due + min(60)), None);
    assert_eq!(judge(due, Alarm, None, due), None);
}

#[test]
fn an_alarm_that_did_not_sound_is_told_on_the_next_open_and_one_on_time_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let (mother, alerts) = family_phone(&dir);
    let overdue = first(&alerts, AlertKind::FamilyOverdue);
    assert_eq!(overdue.urgency, AlertUrgency::Alarm);
    let due = first(&alerts, AlertKind::FamilyCheckinDue);
    // The reminder came on time; the alarm never did.
    mother
        .alert_fired(due.id.clone(), due.fire_at + Duration::from_secs(60))
        .unwrap();
    let within = overdue.fire_at + Duration::from_secs(180);
    assert!(
        warning_lines(&mother, within).is_empty(),
        "still within its allowance"
    );
    drop(mother);
    // The phone restarted; the app was not opened, only the boot receiver planned again.
    let rebooted = open(&dir, "mother", "Europe/Moscow");
    rebooted
        .plan_notifications(overdue.fire_at + Duration::from_secs(600), 64, true)
        .unwrap();
    let lines = warning_lines(&rebooted, overdue.fire_at + Duration::from_secs(3600));
    assert_eq!(
        lines,
        vec!["The alarm due at 2 Mar 2026, 10:00 did not sound.".to_owned()]
    );
    let warning = rebooted
        .home(overdue.fire_at + Duration::from_secs(3600))
        .unwrap()
        .alert_warning
        .unwrap();
    assert_eq!(
        warning.help,
        crate::action::Action::OpenArticle {
            id: "alarms-on-your-phone".into()
        }
    );
    // The button says where it leads, in the same words in every shell: the article's title.
    assert_eq!(
        warning.help_label,
        rebooted
            .article("alarms-on-your-phone".into())
            .unwrap()
            .title
    );
    // Shown in the zone the phone is in now.
    rebooted.set_time_zone("Asia/Tokyo".into()).unwrap();
    let lines = warning_lines(&rebooted, overdue.fire_at + Duration::from_secs(3600));
    assert_eq!(
        lines,
        vec!["The alarm due at 2 Mar 2026, 16:00 did not sound.".to_owned()]
    );
}

#[test]
fn a_late_alarm_is_told_and_dismissing_hides_it_until_the_next_one_goes_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let (mother, alerts) = family_phone(&dir);
    let overdue = first(&alerts, AlertKind::FamilyOverdue);
    let due = first(&alerts, AlertKind::FamilyCheckinDue);
    mother.alert_fired(due.id.clone(), due.fire_at).unwrap();
    mother
        .alert_fired(
            overdue.id.clone(),
            overdue.fire_at + Duration::from_secs(600),
        )
        .unwrap();
    // A second report of the same alert does not move it.
    mother
        .alert_fired(overdue.id.clone(), overdue.fire_at)
        .unwrap();
    let now = overdue.fire_at + Duration::from_secs(700);
    let lines = warning_lines(&mother, now);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("came 10 minutes late"), "{lines:?}");
    mother.dismiss_alert_warning(now).unwrap();
    assert!(warning_lines(&mother, now).is_empty());
    // The next alarm that does not sound brings it back, with only the new one.
    let escalation = first(&alerts, AlertKind::FamilyEscalation);
    let later = escalation.fire_at + Duration::from_secs(3600);
    let lines = warning_lines(&mother, later);
    assert_eq!(lines.len(), 1, "only the escalation: {lines:?}");
    assert!(lines[0].starts_with("The alarm") && lines[0].contains("did not sound"));
}

#[test]
fn alerts_withdrawn_by_a_new_plan_are_never_missed() {
    let dir = tempfile::tempdir().unwrap();
    let anna = open(&dir, "anna", "Europe/Istanbul");
    anna.set_trip_plan(plan(), at("2026-03-01T12:00:00Z"))
        .unwrap();
    anna.set_checkin_pins("2468".into(), "1357".into(), "x y z".into())
        .unwrap();
    let start = at("2026-03-02T05:00:00Z");
    let planned = anna.plan_notifications(start, 64, true).unwrap().alerts;
    let reminder = first(&planned, AlertKind::CheckinReminder);
    anna.alert_fired(reminder.id.clone(), reminder.fire_at)
        .unwrap();
    // She checks in as the window opens: the due and overdue alerts of that slot are withdrawn.
    let checked = reminder.fire_at + Duration::from_secs(60);
    anna.check_in("2468".into(), checked).unwrap();
    anna.plan_notifications(checked, 64, true).unwrap();
    assert!(warning_lines(&anna, checked + Duration::from_secs(6 * 3600)).is_empty());
    // A slot she missed, with the phone stopping its reminders, is told (as a reminder).
    let evening = at("2026-03-02T19:00:00Z");
    let lines = warning_lines(&anna, evening);
    assert!(
        !lines.is_empty() && lines.iter().all(|l| l.starts_with("The reminder")),
        "{lines:?}"
    );
}

#[test]
fn the_test_alarm_sounds_in_a_minute_and_says_whether_it_worked() {
    let dir = tempfile::tempdir().unwrap();
    let (mother, _) = family_phone(&dir);
    let now = at("2026-03-02T01:00:00Z");
    assert_eq!(
        mother.test_alarm(now).unwrap().state,
        TestAlarmState::NotStarted
    );
    let started = mother.start_test_alarm(now).unwrap();
    assert_eq!(started.state, TestAlarmState::Waiting);
    assert_eq!(started.fire_at, Some(now + Duration::from_secs(60)));
    let plan = mother.plan_notifications(now, 64, true).unwrap();
    let test = &plan.alerts[0];
    assert_eq!(
        (test.id.as_str(), test.kind, test.urgency),
        ("test-alarm", AlertKind::TestAlarm, AlertUrgency::Alarm)
    );
    assert_eq!(test.fire_at, now + Duration::from_secs(60));
    // On time: it worked.
    mother
        .alert_fired(test.id.clone(), now + Duration::from_secs(61))
        .unwrap();
    let worked = mother.test_alarm(now + Duration::from_secs(70)).unwrap();
    assert_eq!(worked.state, TestAlarmState::Worked);
    assert!(
        mother
            .plan_notifications(now + Duration::from_secs(70), 64, true)
            .unwrap()
            .alerts
            .iter()
            .all(|a| a.kind != AlertKind::TestAlarm)
    );
    // Started again and never reported: it did not sound, with what to do.
    mother.start_test_alarm(now).unwrap();
    assert_eq!(
        mother
            .test_alarm(now + Duration::from_secs(240))
            .unwrap()
            .state,
        TestAlarmState::Waiting
    );
    let missed = mother.test_alarm(now + Duration::from_secs(241)).unwrap();
    assert_eq!(missed.state, TestAlarmState::DidNotSound);
    assert!(
        missed.text.contains("notifications are allowed"),
        "{}",
        missed.text
    );
    // Late.
    mother.start_test_alarm(now).unwrap();
    mother
        .alert_fired("test-alarm".into(), now + Duration::from_secs(600))
        .unwrap();
    assert_eq!(
        mother
            .test_alarm(now + Duration::from_secs(600))
            .unwrap()
            .state,
        TestAlarmState::Late
    );
    // The test alarm is never counted among the alerts that went wrong.
    assert!(warning_lines(&mother, now + Duration::from_secs(600)).is_empty());
}

#[test]
fn a_miss_stays_told_when_a_changed_plan_moves_its_slot() {
    let dir = tempfile::tempdir().unwrap();
    let anna = open(&dir, "anna", "Europe/Istanbul");
    anna.set_trip_plan(plan(), at("2026-03-01T12:00:00Z"))
        .unwrap();
    anna.set_checkin_pins("2468".into(), "1357".into(), "x y z".into())
        .unwrap();
    let start = at("2026-03-02T00:00:00Z");
    let planned = anna.plan_notifications(start, 64, true).unwrap().alerts;
    let missed = first(&planned, AlertKind::CheckinReminder);
    // An hour after it, the same slots move an hour later: the old time's miss is kept.
    let later = missed.fire_at + Duration::from_secs(3600);
    let mut moved = plan();
    moved.schedule.cadence = CheckinCadence::Daily {
        times: vec!["10:00".into(), "22:00".into()],
    };
    anna.change_trip_plan(moved, "2468".into(), later).unwrap();
    let replanned = anna.plan_notifications(later, 64, true).unwrap().alerts;
    // The window's reminder and the due one, an hour ago and half an hour ago.
    let lines = warning_lines(&anna, later);
    assert_eq!(
        lines,
        vec![
            "The reminder due at 2 Mar 2026, 08:30 did not sound.".to_owned(),
            "The reminder due at 2 Mar 2026, 09:00 did not sound.".to_owned()
        ]
    );
    // The same id at its new time is a new alert: reported on time, it adds nothing.
    let old_due = first(&planned, AlertKind::CheckinDue);
    let same = replanned
        .iter()
        .find(|a| a.id == old_due.id)
        .expect("the moved slot's due alert, under its old id");
    assert_eq!(
        same.fire_at,
        old_due.fire_at + Duration::from_secs(3600),
        "an hour later"
    );
    anna.alert_fired(same.id.clone(), same.fire_at).unwrap();
    let lines = warning_lines(&anna, same.fire_at + Duration::from_secs(60));
    assert_eq!(lines.len(), 2, "{lines:?}");
}
