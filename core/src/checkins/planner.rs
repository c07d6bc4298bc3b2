//! The notification planner: the core decides which alerts to schedule and when; the shell
//! schedules them (AlarmManager, UNUserNotificationCenter) and plans again when asked. Overdue
//! state never depends on whether an alert fired: it is recomputed from the stored facts.

use std::time::SystemTime;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::events::Events;
use super::schedule::{Schedule, Slot};
use super::status::{self, Recorded, SlotStatus};
use crate::action::Action;
use crate::content::ui::Ui;

/// How far ahead alerts are planned.
pub(crate) const HORIZON: Duration = Duration::days(7);

/// What an alert is about; shells map each kind to a notification channel or category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// Traveller: a check-in window opens.
    CheckinReminder,
    /// Traveller: a check-in is due now.
    CheckinDue,
    /// Traveller: a check-in is overdue.
    CheckinOverdue,
    /// Family: a check-in from the traveller is due.
    FamilyCheckinDue,
    /// Family: the check-in is overdue; call now.
    FamilyOverdue,
    /// Family: still no word; take the next steps.
    FamilyEscalation,
    /// Either side: the test alarm started in settings, to check that alarms sound.
    TestAlarm,
}

/// How surely an alert must arrive on time: each shell picks its mechanism from it (Android:
/// an alarm clock or an ordinary exact or inexact alarm; iOS: the interruption level).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum AlertUrgency {
    /// May arrive a few minutes late (batched, or deferred while the phone dozes): the
    /// traveller's own reminders, placed so that a late one still lands inside the check-in
    /// window, and the family's "a check-in is due", which the overdue alarm follows. On the
    /// traveller's phone it also never shows an alarm icon that a watcher could ask about.
    Reminder,
    /// Must sound on time, even while the phone dozes or is in a Focus mode, because someone's
    /// safety depends on it: the family's "overdue, call now" and "still no word".
    Alarm,
}

impl AlertKind {
    /// The urgency of every alert of this kind.
    pub fn urgency(self) -> AlertUrgency {
        match self {
            AlertKind::CheckinReminder
            | AlertKind::CheckinDue
            | AlertKind::CheckinOverdue
            | AlertKind::FamilyCheckinDue => AlertUrgency::Reminder,
            AlertKind::FamilyOverdue | AlertKind::FamilyEscalation | AlertKind::TestAlarm => {
                AlertUrgency::Alarm
            }
        }
    }
}

/// One alert for the shell to schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct PlannedAlert {
    /// Stable id: scheduling the same id again replaces the alert.
    pub id: String,
    /// When to show it (UTC).
    #[serde(with = "crate::time_json")]
    pub fire_at: SystemTime,
    /// What it is about.
    pub kind: AlertKind,
    /// Whether it may come a few minutes late or must sound on time (decided by the kind).
    pub urgency: AlertUrgency,
    /// The notification's title, localised.
    pub title: String,
    /// The notification's text, localised.
    pub body: String,
    /// The one line a locked screen may show instead of the title and text (Android's public
    /// version): on the traveller's phone a plain "Reminder", whatever the alert is about.
    pub lock_screen_text: String,
    /// What a tap opens.
    pub action: Action,
}

/// The alerts to schedule now, replacing all earlier ones, and when to plan again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct NotificationPlan {
    /// In order of firing, at most the number asked for.
    pub alerts: Vec<PlannedAlert>,
    /// Plan again at this instant at the latest (also on launch, tap, boot, time, time zone or
    /// permission changes).
    #[serde(with = "crate::time_json")]
    pub plan_again_at: SystemTime,
}

/// One schedule's worth of alerts, before ordering and cutting to the limit.
pub(crate) struct Source<'a> {
    pub schedule: &'a Schedule,
    pub recorded: &'a [Recorded],
    /// Its pauses and end: nothing is planned for a paused slot, nor after the end.
    pub events: &'a Events,
    /// None for the traveller's own schedule; the traveller's id and name for a watched one.
    pub watched: Option<(&'a str, &'a str)>,
}

/// Alerts from `now` to the horizon for every source.
pub(crate) fn alerts(
    sources: &[Source<'_>],
    now: DateTime<Utc>,
    exact_alarms: bool,
    ui: &Ui<'_>,
    zone: &crate::zone::Zone,
) -> Vec<PlannedAlert> {
    let mut alerts = Vec::new();
    for source in sources {
        if source.events.ended_by(now).is_some() {
            continue;
        }
        let schedule = source.schedule;
        let slots = schedule
            .slots()
            .skip_while(|s| s.overdue_at(schedule) + super::family::CALL_BACK_WINDOW < now)
            .take_while(|s| s.opens(schedule) <= now + HORIZON);
        for slot in slots {
            if matches!(
                status::status_of(schedule, slot, source.recorded, source.events, now),
                SlotStatus::Done | SlotStatus::Paused
            ) {
                continue;
            }
            let time = |t: DateTime<Utc>| ui.date_time(t.into(), zone);
            match source.watched {
                None => traveller_alerts(&mut alerts, schedule, slot, exact_alarms, ui, &time),
                Some((id, name)) => family_alerts(&mut alerts, schedule, slot, id, name, ui, &time),
            }
        }
    }
    alerts.retain(|a| DateTime::<Utc>::from(a.fire_at) > now);
    alerts.sort_by(|a, b| a.fire_at.cmp(&b.fire_at).then_with(|| a.id.cmp(&b.id)));
    alerts
}

/// Cuts the alerts to `max_count` and says when to plan again: when the last kept alert fires
/// if some were cut, else at the horizon.
pub(crate) fn limit(
    mut alerts: Vec<PlannedAlert>,
    max_count: u32,
    now: DateTime<Utc>,
) -> NotificationPlan {
    let cut = alerts.len() > max_count as usize;
    alerts.truncate(max_count as usize);
    let plan_again_at = match alerts.last() {
        Some(last) if cut => last.fire_at,
        _ => (now + HORIZON).into(),
    };
    NotificationPlan {
        alerts,
        plan_again_at,
    }
}

fn traveller_alerts(
    out: &mut Vec<PlannedAlert>,
    schedule: &Schedule,
    slot: Slot,
    exact_alarms: bool,
    ui: &Ui<'_>,
    time: &dyn Fn(DateTime<Utc>) -> String,
) {
    let deadline = time(slot.overdue_at(schedule));
    let mut push =
        |kind, suffix: &str, at: DateTime<Utc>, title: &str, body: &str, args: &[(&str, &str)]| {
            out.push(PlannedAlert {
                id: format!("checkin-{}-{suffix}", slot.index),
                fire_at: at.into(),
                kind,
                urgency: kind.urgency(),
                title: ui.format(title, args),
                body: ui.format(body, args),
                lock_screen_text: ui.text("alert_lock_screen"),
                action: Action::OpenCheckin,
            });
        };
    push(
        AlertKind::CheckinReminder,
        "reminder",
        slot.opens(schedule),
        "alert_reminder_title",
        "alert_reminder_body",
        &[("time", &deadline)],
    );
    // Without exact alarms the system may deliver late; the reminder at the window's opening
    // already lands inside the window, so a second alert at the due time adds nothing reliable.
    if exact_alarms {
        push(
            AlertKind::CheckinDue,
            "due",
            slot.due,
            "alert_due_title",
            "alert_reminder_body",
            &[("time", &deadline)],
        );
    }
    push(
        AlertKind::CheckinOverdue,
        "overdue",
        slot.overdue_at(schedule),
        "alert_overdue_title",
        "alert_overdue_body",
        &[("time", &time(slot.due))],
    );
}

fn family_alerts(
    out: &mut Vec<PlannedAlert>,
    schedule: &Schedule,
    slot: Slot,
    id: &str,
    name: &str,
    ui: &Ui<'_>,
    time: &dyn Fn(DateTime<Utc>) -> String,
) {
    let overdue = slot.overdue_at(schedule);
    let alerts = [
        (
            AlertKind::FamilyCheckinDue,
            "due",
            slot.due,
            "family_alert_due_title",
            "family_alert_due_body",
        ),
        (
            AlertKind::FamilyOverdue,
            "overdue",
            overdue,
            "family_alert_overdue_title",
            "family_alert_overdue_body",
        ),
        (
            AlertKind::FamilyEscalation,
            "escalation",
            overdue + super::family::CALL_BACK_WINDOW,
            "family_alert_escalation_title",
            "family_alert_escalation_body",
        ),
    ];
    let deadline = time(overdue);
    for (kind, suffix, at, title, body) in alerts {
        let args = [("name", name), ("time", deadline.as_str())];
        out.push(PlannedAlert {
            id: format!("watch-{id}-{}-{suffix}", slot.index),
            fire_at: at.into(),
            kind,
            urgency: kind.urgency(),
            title: ui.format(title, &args),
            body: ui.format(body, &args),
            // The family's phone is not the one at risk: its lock screen may say who is late.
            lock_screen_text: ui.format(title, &args),
            action: Action::OpenWatchedTraveller { id: id.to_owned() },
        });
    }
}
