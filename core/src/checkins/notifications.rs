//! The notification plan of this profile: the traveller's own schedule and every schedule the
//! family side watches, given to the planner (planner.rs) with what was recorded for each.

use std::time::SystemTime;

use chrono::{DateTime, Utc};

use super::alert_log;
use super::family;
use super::plan::ValidPlan;
use super::planner::{self, NotificationPlan};
use super::store;
use super::traveller::valid_plan;
use crate::error::Result;
use crate::profile::Profile;

/// The alerts to schedule (see [`alerts_to_show`]), kept in the fired-alert log so that those
/// that do not sound can be told.
pub(crate) fn notification_plan(
    profile: &Profile,
    now: SystemTime,
    max_count: u32,
    exact_alarms: bool,
) -> Result<NotificationPlan> {
    let plan = alerts_to_show(profile, now, max_count, exact_alarms)?;
    alert_log::record_planned(profile, &plan, now)?;
    Ok(plan)
}

/// The alerts to schedule from `now`, for the traveller's own check-ins and for every
/// traveller this profile watches over, at most `max_count`, earliest first; nothing is
/// recorded, so a list shown to the person can use it.
pub(crate) fn alerts_to_show(
    profile: &Profile,
    now: SystemTime,
    max_count: u32,
    exact_alarms: bool,
) -> Result<NotificationPlan> {
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let own = valid_plan(profile)?;
    let own_recorded = profile.db.read(store::checkins)?;
    let own_events = profile.db.read(store::trip_events)?;
    let watched = profile.db.read(store::watched)?;
    let mut theirs = Vec::with_capacity(watched.len());
    for w in &watched {
        let valid = ValidPlan::new(w.plan.clone())?;
        let verifications = profile.db.read(|c| store::verifications(c, w.row))?;
        let received = family::received_checkins(&verifications);
        let events = family::received_events(&verifications, w.imported_at);
        theirs.push((family::public_id(&w.plan_id), valid, received, events));
    }
    let mut sources = Vec::new();
    if let Some(own) = &own {
        sources.push(planner::Source {
            schedule: &own.schedule,
            recorded: &own_recorded,
            events: &own_events,
            watched: None,
        });
    }
    for (id, valid, received, events) in &theirs {
        sources.push(planner::Source {
            schedule: &valid.schedule,
            recorded: received,
            events,
            watched: Some((id.as_str(), valid.plan.traveller_name.as_str())),
        });
    }
    let at: DateTime<Utc> = now.into();
    let mut alerts = planner::alerts(&sources, at, exact_alarms, &ui, &prefs.zone);
    // The test alarm goes first: the person is waiting for it, a minute from now.
    if let Some(test) = alert_log::test_alert(profile, &ui, now)? {
        alerts.insert(0, test);
    }
    Ok(planner::limit(alerts, max_count, at))
}
