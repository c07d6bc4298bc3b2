//! The trip plan form's call.

use std::time::SystemTime;

use crate::checkins::{TripPlanForm, plan_form};
use crate::error::WaymarkError;
use crate::waymark::Waymark;

#[uniffi::export]
impl Waymark {
    /// The trip plan form at `now`: the saved plan, or a draft with the usual schedule. Dates
    /// for the pickers are calendar days in the schedule's zone (the person's zone in a draft);
    /// turn picked days back into instants with `trip_day_start`.
    pub fn trip_plan_form(&self, now: SystemTime) -> Result<TripPlanForm, WaymarkError> {
        self.call(|| plan_form::build_trip_plan_form(&self.profile, now))
    }
}
