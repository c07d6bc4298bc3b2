//! The fired-alert log: which alerts the shell was asked to schedule, which it reported as fired
//! and when, and so which did not sound or sounded late. A phone that stops Waymark in the
//! background (battery savers, a withdrawn permission, a phone that was off) fails silently; the
//! log makes it say so on the next open, and a test alarm lets the person check it at once.
//!
//! Only ids, times and urgencies are kept: never a name or a text.

use std::time::SystemTime;

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::planner::{AlertKind, AlertUrgency, NotificationPlan, PlannedAlert};
use crate::action::Action;
use crate::content::ui::Ui;
use crate::error::{Error, Result};
use crate::guide::article_summary;
use crate::profile::Profile;
use crate::zone::Zone;

/// The id of the test alarm.
pub(crate) const TEST_ALARM_ID: &str = "test-alarm";
/// How long after it is started the test alarm sounds.
const TEST_ALARM_AFTER: Duration = Duration::seconds(60);
/// How late a reminder may come before it counts as late: an inexact alarm may be batched or
/// deferred while the phone dozes.
const REMINDER_SLACK: Duration = Duration::minutes(20);
/// How late an alarm may come: an alarm clock sounds on time, give or take the phone waking.
const ALARM_SLACK: Duration = Duration::minutes(3);
/// How long fired and missed alerts are kept.
const KEEP: Duration = Duration::days(14);
/// How many alerts that went wrong the warning names, the latest ones.
const LINES_SHOWN: usize = 5;
/// The guide article with each phone maker's settings.
pub(crate) const ALARMS_ARTICLE: &str = "alarms-on-your-phone";

/// What went wrong with an alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trouble {
    /// Its time passed, with its allowance, and the shell never reported it.
    Missed,
    /// The shell reported it this many minutes after its time.
    Late { minutes: i64 },
}

/// An alert that did not sound on time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub id: String,
    pub fire_at: DateTime<Utc>,
    pub urgency: AlertUrgency,
    pub trouble: Trouble,
}

/// What the home screen shows when alerts did not sound on time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct AlertWarning {
    /// "This phone may be stopping Waymark's alerts".
    pub title: String,
    /// One line per alert that did not sound or came late, oldest first: the latest five, after
    /// a line counting the earlier ones.
    pub lines: Vec<String>,
    /// What to do about it.
    pub advice: String,
    /// Opens the guide's steps for each phone maker.
    pub help: Action,
    /// The words of the button that opens `help`: the article's title.
    pub help_label: String,
    /// The button that hides the warning until the next alert goes wrong.
    pub dismiss_label: String,
}

/// Where the test alarm stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum TestAlarmState {
    /// No test alarm was started.
    NotStarted,
    /// It should sound at `fire_at`; the shell has not reported it yet.
    Waiting,
    /// It sounded on time.
    Worked,
    /// It sounded, but late.
    Late,
    /// Its time passed and it did not sound.
    DidNotSound,
}

/// The test alarm in settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct TestAlarmView {
    /// Where it stands.
    pub state: TestAlarmState,
    /// When it should sound, once started.
    #[serde(with = "crate::time_json::option")]
    pub fire_at: Option<SystemTime>,
    /// The button that starts it.
    pub start_label: String,
    /// What the state means, and what to do when it did not work.
    pub text: String,
}

fn slack(urgency: AlertUrgency) -> Duration {
    match urgency {
        AlertUrgency::Reminder => REMINDER_SLACK,
        AlertUrgency::Alarm => ALARM_SLACK,
    }
}

fn urgency_word(urgency: AlertUrgency) -> &'static str {
    match urgency {
        AlertUrgency::Reminder => "reminder",
        AlertUrgency::Alarm => "alarm",
    }
}

fn urgency_of(word: &str) -> AlertUrgency {
    if word == "alarm" {
        AlertUrgency::Alarm
    } else {
        AlertUrgency::Reminder
    }
}

/// Keeps what the shell is asked to schedule now: new alerts are added, and future ones the
/// plan no longer holds at that time (a check-in made, a plan changed) are withdrawn. Past ones
/// stay, to be judged: an alert whose slot a changed plan moved keeps its miss, and the moved
/// one is a new row.
pub(crate) fn record_planned(
    profile: &Profile,
    plan: &NotificationPlan,
    now: SystemTime,
) -> Result<()> {
    let now: DateTime<Utc> = now.into();
    let planned: Vec<(&str, i64)> = plan
        .alerts
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                DateTime::<Utc>::from(a.fire_at).timestamp_millis(),
            )
        })
        .collect();
    profile.db.write(|tx| {
        tx.execute(
            "DELETE FROM alert_log WHERE fire_at < ?1",
            [(now - KEEP).timestamp_millis()],
        )?;
        let mut future = tx.prepare_cached(
            "SELECT id, fire_at FROM alert_log WHERE fire_at > ?1 AND fired_at IS NULL AND id <> ?2",
        )?;
        let withdrawn: Vec<(String, i64)> = future
            .query_map(params![now.timestamp_millis(), TEST_ALARM_ID], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<Vec<(String, i64)>>>()?
            .into_iter()
            .filter(|(id, at)| !planned.contains(&(id.as_str(), *at)))
            .collect();
        for (id, at) in withdrawn {
            tx.execute(
                "DELETE FROM alert_log WHERE id = ?1 AND fire_at = ?2",
                params![id, at],
            )?;
        }
        for (alert, (id, fire_at)) in plan.alerts.iter().zip(&planned) {
            tx.execute(
                "INSERT INTO alert_log (id, fire_at, urgency) VALUES (?1, ?2, ?3)
                 ON CONFLICT (id, fire_at) DO NOTHING",
                params![id, fire_at, urgency_word(alert.urgency)],
            )?;
        }
        Ok(())
    })
}

/// How early a report may come for the alert it belongs to: a shell's clock and the alarm's
/// own rounding.
const EARLY_REPORT: Duration = Duration::minutes(5);

/// Records that the alert `id` fired at `at`, as the shell reports it: the latest time it was
/// due up to `at` that has no report yet (the first report counts). An id the log does not hold
/// (planned before an update, or already forgotten) is ignored.
pub(crate) fn fired(profile: &Profile, id: &str, at: SystemTime) -> Result<()> {
    let at: DateTime<Utc> = at.into();
    profile.db.write(|tx| {
        tx.execute(
            "UPDATE alert_log SET fired_at = ?2
             WHERE id = ?1 AND fire_at = (
                 SELECT fire_at FROM alert_log
                 WHERE id = ?1 AND fired_at IS NULL AND fire_at <= ?3
                 ORDER BY fire_at DESC LIMIT 1)",
            params![
                id,
                at.timestamp_millis(),
                (at + EARLY_REPORT).timestamp_millis()
            ],
        )?;
        Ok(())
    })
}

/// The alerts that did not sound on time and were not yet dismissed, oldest first. The test
/// alarm is judged by its own view, not here.
pub(crate) fn problems(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Problem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, fire_at, urgency, fired_at FROM alert_log
         WHERE seen = 0 AND id <> ?1 ORDER BY fire_at, id",
    )?;
    let rows = stmt.query_map([TEST_ALARM_ID], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<i64>>(3)?,
        ))
    })?;
    let mut problems = Vec::new();
    for row in rows {
        let (id, fire_at, urgency, fired_at) = row?;
        let damaged = || Error::Stored("the alert log".into());
        let fire_at = DateTime::from_timestamp_millis(fire_at).ok_or_else(damaged)?;
        let urgency = urgency_of(&urgency);
        let fired_at = fired_at
            .map(|t| DateTime::from_timestamp_millis(t).ok_or_else(damaged))
            .transpose()?;
        if let Some(trouble) = judge(fire_at, urgency, fired_at, now) {
            problems.push(Problem {
                id,
                fire_at,
                urgency,
                trouble,
            });
        }
    }
    Ok(problems)
}

/// Whether an alert due at `fire_at` went wrong, as known at `now`.
pub(crate) fn judge(
    fire_at: DateTime<Utc>,
    urgency: AlertUrgency,
    fired_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<Trouble> {
    let deadline = fire_at + slack(urgency);
    match fired_at {
        Some(at) if at > deadline => Some(Trouble::Late {
            minutes: (at - fire_at).num_minutes(),
        }),
        Some(_) => None,
        None if now > deadline => Some(Trouble::Missed),
        None => None,
    }
}

/// The home screen's warning at `now`, if alerts went wrong.
pub(crate) fn warning(
    profile: &Profile,
    ui: &Ui<'_>,
    zone: &Zone,
    now: SystemTime,
) -> Result<Option<AlertWarning>> {
    let problems = profile.db.read(|c| problems(c, now.into()))?;
    if problems.is_empty() {
        return Ok(None);
    }
    // The latest few: a phone that stopped Waymark for days would otherwise fill the screen.
    let hidden = problems.len().saturating_sub(LINES_SHOWN);
    let mut lines: Vec<String> = problems[hidden..]
        .iter()
        .map(|p| {
            let time = ui.date_time(p.fire_at.into(), zone);
            let key = match (p.urgency, p.trouble) {
                (AlertUrgency::Reminder, Trouble::Missed) => "alert_log_reminder_missed",
                (AlertUrgency::Alarm, Trouble::Missed) => "alert_log_alarm_missed",
                (AlertUrgency::Reminder, Trouble::Late { .. }) => "alert_log_reminder_late",
                (AlertUrgency::Alarm, Trouble::Late { .. }) => "alert_log_alarm_late",
            };
            let minutes = match p.trouble {
                Trouble::Late { minutes } => minutes.to_string(),
                Trouble::Missed => String::new(),
            };
            ui.format(key, &[("time", &time), ("minutes", &minutes)])
        })
        .collect();
    if hidden > 0 {
        lines.insert(
            0,
            ui.format("alert_log_more", &[("count", &hidden.to_string())]),
        );
    }
    Ok(Some(AlertWarning {
        title: ui.text("alert_log_title"),
        lines,
        advice: ui.text("alert_log_advice"),
        help: Action::OpenArticle {
            id: ALARMS_ARTICLE.into(),
        },
        help_label: article_summary(&profile.prefs(), ALARMS_ARTICLE)?.title,
        dismiss_label: ui.text("alert_log_dismiss"),
    }))
}

/// Hides the alerts that went wrong up to `now`; later ones will show again.
pub(crate) fn dismiss(profile: &Profile, now: SystemTime) -> Result<()> {
    let now: DateTime<Utc> = now.into();
    let shown = profile.db.read(|c| problems(c, now))?;
    profile.db.write(|tx| {
        for p in &shown {
            tx.execute(
                "UPDATE alert_log SET seen = 1 WHERE id = ?1 AND fire_at = ?2",
                params![p.id, p.fire_at.timestamp_millis()],
            )?;
        }
        Ok(())
    })
}

/// Starts the test alarm: it sounds a minute after `now` (the shell schedules it with the next
/// plan, which includes it), replacing an earlier test.
pub(crate) fn start_test(profile: &Profile, now: SystemTime) -> Result<()> {
    let fire_at = DateTime::<Utc>::from(now) + TEST_ALARM_AFTER;
    profile.db.write(|tx| {
        tx.execute("DELETE FROM alert_log WHERE id = ?1", [TEST_ALARM_ID])?;
        tx.execute(
            "INSERT INTO alert_log (id, fire_at, urgency) VALUES (?1, ?2, 'alarm')",
            params![TEST_ALARM_ID, fire_at.timestamp_millis()],
        )?;
        Ok(())
    })
}

/// When an alert should sound, and when it was reported, if it was.
type Times = (DateTime<Utc>, Option<DateTime<Utc>>);

/// The test alarm's row: when it should sound and when it was reported.
fn test_row(conn: &Connection) -> Result<Option<Times>> {
    let row: Option<(i64, Option<i64>)> = conn
        .query_row(
            "SELECT fire_at, fired_at FROM alert_log WHERE id = ?1",
            [TEST_ALARM_ID],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let damaged = || Error::Stored("the alert log".into());
    row.map(|(fire_at, fired_at)| {
        Ok((
            DateTime::from_timestamp_millis(fire_at).ok_or_else(damaged)?,
            fired_at
                .map(|t| DateTime::from_timestamp_millis(t).ok_or_else(damaged))
                .transpose()?,
        ))
    })
    .transpose()
}

/// The test alarm as settings show it at `now`.
pub(crate) fn test_view(
    profile: &Profile,
    ui: &Ui<'_>,
    zone: &Zone,
    now: SystemTime,
) -> Result<TestAlarmView> {
    let row = profile.db.read(test_row)?;
    let (state, fire_at) = match row {
        None => (TestAlarmState::NotStarted, None),
        Some((fire_at, fired_at)) => {
            let state = match judge(fire_at, AlertUrgency::Alarm, fired_at, now.into()) {
                Some(Trouble::Missed) => TestAlarmState::DidNotSound,
                Some(Trouble::Late { .. }) => TestAlarmState::Late,
                None if fired_at.is_some() => TestAlarmState::Worked,
                None => TestAlarmState::Waiting,
            };
            (state, Some(fire_at))
        }
    };
    let key = match state {
        TestAlarmState::NotStarted => "test_alarm_about",
        TestAlarmState::Waiting => "test_alarm_waiting",
        TestAlarmState::Worked => "test_alarm_worked",
        TestAlarmState::Late => "test_alarm_late",
        TestAlarmState::DidNotSound => "test_alarm_missed",
    };
    let time = fire_at
        .map(|t| ui.date_time(t.into(), zone))
        .unwrap_or_default();
    Ok(TestAlarmView {
        state,
        fire_at: fire_at.map(Into::into),
        start_label: ui.text("test_alarm_start"),
        text: ui.format(key, &[("time", &time)]),
    })
}

/// The test alarm as an alert to schedule, while it is still to sound after `now`.
pub(crate) fn test_alert(
    profile: &Profile,
    ui: &Ui<'_>,
    now: SystemTime,
) -> Result<Option<PlannedAlert>> {
    let now: DateTime<Utc> = now.into();
    Ok(profile.db.read(test_row)?.and_then(|(fire_at, fired_at)| {
        (fired_at.is_none() && fire_at > now).then(|| PlannedAlert {
            id: TEST_ALARM_ID.into(),
            fire_at: fire_at.into(),
            kind: AlertKind::TestAlarm,
            urgency: AlertKind::TestAlarm.urgency(),
            title: ui.text("test_alarm_title"),
            body: ui.text("test_alarm_body"),
            lock_screen_text: ui.text("test_alarm_title"),
            action: Action::OpenArticle {
                id: ALARMS_ARTICLE.into(),
            },
        })
    }))
}
