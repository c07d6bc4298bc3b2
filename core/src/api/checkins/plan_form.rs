//! The trip plan form's calls: the form, and saving what the person filled in.

use std::time::SystemTime;

use crate::checkins::{TripPlanForm, TripPlanInput, TripPlanSaved, plan_form, plan_input};
use crate::error::WaymarkError;
use crate::waymark::Waymark;

#[uniffi::export]
impl Waymark {
    /// The trip plan form at `now`: the saved plan, or a draft with the usual schedule. Dates
    /// for the pickers are calendar days in the schedule's zone (the person's zone in a draft);
    /// turn picked days back into instants with `trip_day_start`.
    pub fn trip_plan_form(&self, now: SystemTime) -> Result<TripPlanForm, WaymarkError> {
        self.call(|| plan_form::build_trip_plan_form(self.profile(), now))
    }

    /// Saves the trip plan form as the person filled it (`TripPlanForm.input`, changed): every
    /// field is checked, and either the plan is saved (replacing any earlier one) or nothing is,
    /// and every field's problem comes back in the person's words, in the form's order.
    pub fn save_trip_plan(
        &self,
        input: TripPlanInput,
        now: SystemTime,
    ) -> Result<TripPlanSaved, WaymarkError> {
        self.call(|| plan_input::save(self.profile(), input, now))
    }
}
