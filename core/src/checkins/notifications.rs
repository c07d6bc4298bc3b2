//! The notification plan of this profile: the traveller's own schedule and every schedule the
//! family side watches, given to the planner (planner.rs) with what was recorded for each.

use std::time::SystemTime;

use chrono::{DateTime, Utc};

use super::family;
use super::plan::ValidPlan;
use super::planner::{self, NotificationPlan};
use super::store;
use super::traveller::valid_plan;
use crate::error::Result;
use crate::profile::Profile;

/// The alerts to schedule from `now`, for the traveller's own check-ins and for every
/// traveller this profile watches over, at most `max_count`, earliest first.
pub(crate) fn notification_plan(
    profile: &Profile,
    now: SystemTime,
    max_count: u32,
    exact_alarms: bool,
) -> Result<NotificationPlan> {
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let own = valid_plan(profile)?;
    let own_recorded = profile.db.read(store::checkins)?;
    let watched = profile.db.read(store::watched)?;
    let mut theirs = Vec::with_capacity(watched.len());
    for w in &watched {
        let valid = ValidPlan::new(w.plan.clone())?;
        let received =
            family::received_checkins(&profile.db.read(|c| store::verifications(c, w.row))?);
        theirs.push((family::public_id(&w.plan_id), valid, received));
    }
    let mut sources = Vec::new();
    if let Some(own) = &own {
        sources.push(planner::Source {
            schedule: &own.schedule,
            recorded: &own_recorded,
            watched: None,
        });
    }
    for (id, valid, received) in &theirs {
        sources.push(planner::Source {
            schedule: &valid.schedule,
            recorded: received,
            watched: Some((id.as_str(), valid.plan.traveller_name.as_str())),
        });
    }
    let at: DateTime<Utc> = now.into();
    Ok(planner::limit(
        planner::alerts(&sources, at, exact_alarms, &ui, &prefs.zone),
        max_count,
        at,
    ))
}
