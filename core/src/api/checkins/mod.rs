//! The check-ins' calls: the traveller's plan, PINs and check-ins, the family's side and the
//! notification plan; the check-in message (message.rs) and the trip plan form (plan_form.rs).
//!
//! The files follow the core's old module paths, so the generated bindings list the methods in
//! the same order as before (UniFFI orders them by module path).

mod message;
mod plan_form;

use std::time::SystemTime;

use crate::checkins::{
    ChangePinsInput, ChangePinsSaved, CheckinHistoryView, CheckinPinsInput, CheckinPinsSaved,
    CheckinReceipt, CheckinView, FamilyHistoryView, FamilyListView, FamilyTravellerView,
    NotificationPlan, PlanExport, SharedTextView, TestAlarmView, TripPlan, VerificationView,
    alert_log, family, notifications, pause, pins_form, traveller,
};
use crate::error::WaymarkError;
use crate::waymark::Waymark;

#[uniffi::export]
impl Waymark {
    /// The traveller's trip plan, if one was entered.
    pub fn trip_plan(&self) -> Result<Option<TripPlan>, WaymarkError> {
        self.call(|| traveller::trip_plan(self.profile()))
    }

    /// Saves the first trip plan and returns the check-in screen at `now`. Once the check-in
    /// PINs are set, a change needs one of them (`change_trip_plan`). Every field is checked
    /// first; on error nothing is saved.
    pub fn set_trip_plan(
        &self,
        plan: TripPlan,
        now: SystemTime,
    ) -> Result<CheckinView, WaymarkError> {
        self.call(|| traveller::set_trip_plan(self.profile(), plan, now))
    }

    /// Changes the trip plan with either check-in PIN (needed once they are set, so that nobody
    /// can weaken the routine without one) and returns the check-in screen at `now`. With the
    /// help PIN the change is made just the same, and the next plan shared with the family
    /// tells them it was made under the help PIN. On error nothing is saved.
    pub fn change_trip_plan(
        &self,
        plan: TripPlan,
        pin: String,
        now: SystemTime,
    ) -> Result<CheckinView, WaymarkError> {
        self.call(|| traveller::save_plan(self.profile(), plan, Some(&pin), now))
    }

    /// Saves the check-in PINs form: sets the normal PIN, the help PIN and the signal phrase
    /// (as `set_checkin_pins` does) when every field is right; otherwise nothing is stored and
    /// every field's problem comes back in the person's words, in the form's order.
    pub fn save_checkin_pins(
        &self,
        input: CheckinPinsInput,
    ) -> Result<CheckinPinsSaved, WaymarkError> {
        self.call(|| pins_form::save(self.profile(), &input))
    }

    /// Sets the two check-in PINs (4 to 12 digits each, different) and the signal phrase agreed
    /// with the family. The normal PIN checks in; the duress PIN checks in looking exactly the
    /// same but tells the family you need help. The phrase is sealed with the PINs and shared
    /// only in the plan given to the family; it is not shown here again. They are set once; the
    /// secret shared with the family is created here.
    pub fn set_checkin_pins(
        &self,
        normal_pin: String,
        duress_pin: String,
        signal_phrase: String,
    ) -> Result<(), WaymarkError> {
        self.call(|| traveller::set_pins(self.profile(), &normal_pin, &duress_pin, &signal_phrase))
    }

    /// Saves the change-PINs form: changes the PINs as `change_checkin_pins` does when every
    /// field is right; otherwise nothing changes and every field's problem comes back in the
    /// person's words. The new PINs are checked before the current one is tried, and the result
    /// looks the same whichever PIN was typed as the current one.
    pub fn save_changed_checkin_pins(
        &self,
        input: ChangePinsInput,
    ) -> Result<ChangePinsSaved, WaymarkError> {
        self.call(|| pins_form::save_change(self.profile(), &input))
    }

    /// Changes both check-in PINs, for a traveller who was seen typing one. `current_pin` is
    /// either PIN; the new ones are checked like `set_checkin_pins`. The signal phrase and the
    /// family's copy of the plan stay as they are. Changed with the normal PIN, the new PINs
    /// replace the old ones. Changed with the duress PIN (someone may be forcing it), the real
    /// normal PIN keeps working and both new PINs tell the family you need help. Either way the
    /// result, the screens and what is stored look the same. A wrong current PIN or an invalid
    /// new one changes nothing.
    pub fn change_checkin_pins(
        &self,
        current_pin: String,
        new_normal_pin: String,
        new_duress_pin: String,
    ) -> Result<(), WaymarkError> {
        self.call(|| {
            traveller::change_pins(
                self.profile(),
                &current_pin,
                &new_normal_pin,
                &new_duress_pin,
            )
        })
    }

    /// The check-in screen at `now`.
    pub fn checkin_status(&self, now: SystemTime) -> Result<CheckinView, WaymarkError> {
        self.call(|| traveller::checkin_view(self.profile(), now))
    }

    /// Checks in at `now` with either PIN. The receipt, the screen and what is stored are the
    /// same for both PINs; only the code in the message differs. A wrong PIN changes nothing.
    pub fn check_in(&self, pin: String, now: SystemTime) -> Result<CheckinReceipt, WaymarkError> {
        self.call(|| traveller::check_in_at(self.profile(), &pin, now))
    }

    /// A practice check-in with either PIN, to rehearse with the family before the trip: the
    /// same message as a check-in, with a code the family's phone shows as practice and can
    /// never take for a real check-in. Nothing is recorded on either side.
    pub fn practice_check_in(
        &self,
        pin: String,
        now: SystemTime,
    ) -> Result<CheckinReceipt, WaymarkError> {
        self.call(|| traveller::practice_at(self.profile(), &pin, now))
    }

    /// Pauses the check-ins from `now` until `until` (a flight, a place with no signal) with
    /// either PIN; `until` is rounded up to the next quarter hour and must be in the future and
    /// at most eight days away. Check-ins that would fall overdue inside the pause are paused:
    /// no reminders for them, and once the family verified the message, no alarms on their
    /// phone either. The receipt carries a message with a seven-digit code to send the family.
    /// With the help PIN everything on this phone looks and behaves the same, but the family's
    /// phone reads it as a call for help and keeps its alarms. A wrong PIN or a refused time
    /// changes nothing.
    pub fn pause_check_ins(
        &self,
        pin: String,
        until: SystemTime,
        now: SystemTime,
    ) -> Result<CheckinReceipt, WaymarkError> {
        self.call(|| pause::pause(self.profile(), &pin, until, now))
    }

    /// The instant of a local date and time ("YYYY-MM-DD HH:MM") on this profile's clock (its
    /// time zone), as a date and time picker gives it, e.g. the end of a pause for
    /// `pause_check_ins`. A time a clock change skips is moved forward by the gap; a time it
    /// repeats is the earlier one.
    pub fn local_time_instant(&self, date_time: String) -> Result<SystemTime, WaymarkError> {
        self.call(|| crate::checkins::local_date_time(&date_time, &self.profile().prefs().zone))
    }

    /// Extends the trip with either PIN: `last_day` ("YYYY-MM-DD", in the zone the plan's dates
    /// are in) becomes its last day; it must be later than the current last day and at most a
    /// year from `now`. The receipt carries a message with a code the family verifies, which
    /// moves their copy's end too. With the help PIN it looks and behaves the same here, the
    /// family's phone reads it as a call for help, and the next plan shared tells them. A wrong
    /// PIN or a refused day changes nothing.
    pub fn extend_trip(
        &self,
        pin: String,
        last_day: String,
        now: SystemTime,
    ) -> Result<CheckinReceipt, WaymarkError> {
        self.call(|| pause::extend(self.profile(), &pin, &last_day, now))
    }

    /// Ends the trip at `now` with either PIN ("I am home"): no more check-ins or reminders, and
    /// once the family verified the message, no more alarms on their phone. With the help PIN
    /// it looks and behaves the same here, and the family's phone reads it as a call for help
    /// and keeps watching. Ending twice is refused; a plan saved afterwards starts again.
    pub fn end_trip(&self, pin: String, now: SystemTime) -> Result<CheckinReceipt, WaymarkError> {
        self.call(|| pause::end(self.profile(), &pin, now))
    }

    /// The plan to hand to the family (as a QR code or a file), unlocked with either check-in
    /// PIN. It carries the plan, the secret for the codes and the signal phrase, never the PINs,
    /// and it is always sealed: with `passphrase` (8 characters or more) when the person chose
    /// one, else with four words made up in their language (`PlanExport.passphrase`). Tell the
    /// family the passphrase on the phone. Exported with the help PIN (or after a change made
    /// with it), the family sees on import that help may be needed; the payload looks the same.
    pub fn export_plan(
        &self,
        pin: String,
        passphrase: Option<String>,
    ) -> Result<PlanExport, WaymarkError> {
        self.call(|| traveller::export_plan(self.profile(), &pin, passphrase.as_deref()))
    }

    /// Imports a plan a traveller shared (scanned or pasted), to watch over them. Re-importing
    /// an updated plan updates the traveller in place, unless it would weaken the routine (fewer
    /// check-ins, a wider window or grace, an earlier end, another phrase, destination or
    /// employer): then it waits in `pending_change` for the family to confirm it by phone. A
    /// plan shared under the help PIN shows as a call for help. A damaged, cut-off, foreign or too-new
    /// payload, or a wrong passphrase, is refused with its reason and nothing is stored. The
    /// secrets it holds are sealed with the profile key.
    pub fn import_plan(
        &self,
        payload: String,
        passphrase: Option<String>,
        now: SystemTime,
    ) -> Result<FamilyTravellerView, WaymarkError> {
        self.call(|| family::import_plan(self.profile(), &payload, passphrase.as_deref(), now))
    }

    /// The travellers this profile watches over, each with what matters now.
    pub fn family_list(&self, now: SystemTime) -> Result<FamilyListView, WaymarkError> {
        self.call(|| family::family_list_view(self.profile(), now))
    }

    /// One watched traveller's screen at `now`: their check-ins from the family's own copy of the
    /// schedule, and the steps to take when one is missing or help was signalled.
    pub fn family_traveller(
        &self,
        id: String,
        now: SystemTime,
    ) -> Result<FamilyTravellerView, WaymarkError> {
        self.call(|| family::family_traveller_view(self.profile(), &id, now))
    }

    /// Checks a message the family received from a traveller (or a code typed in): is the code
    /// genuine, made under duress, wrong, replayed or outside its window, and does the message
    /// contain the signal phrase. The result is recorded.
    pub fn verify_checkin(
        &self,
        id: String,
        message: String,
        now: SystemTime,
    ) -> Result<VerificationView, WaymarkError> {
        self.call(|| family::verify_received(self.profile(), &id, &message, now))
    }

    /// Checks a text shared with Waymark (Android's share sheet or "selected text", iOS's paste
    /// or share extension) or pasted on the verify screen: one message or several, from one
    /// traveller or more. Each code found is checked for the traveller it belongs to and
    /// recorded; `traveller_id` says whose screen to open.
    pub fn verify_shared_text(
        &self,
        text: String,
        now: SystemTime,
    ) -> Result<SharedTextView, WaymarkError> {
        self.call(|| family::verify_shared_text(self.profile(), &text, now))
    }

    /// Every message or code checked for a traveller, newest first.
    pub fn family_history(&self, id: String) -> Result<FamilyHistoryView, WaymarkError> {
        self.call(|| family::family_history_view(self.profile(), &id))
    }

    /// Accepts the changed plan waiting for a traveller, after calling them and hearing the
    /// signal phrase: it replaces the plan in force.
    pub fn family_accept_plan_change(
        &self,
        id: String,
        now: SystemTime,
    ) -> Result<FamilyTravellerView, WaymarkError> {
        self.call(|| family::accept_plan_change(self.profile(), &id, now))
    }

    /// Drops the changed plan waiting for a traveller; the plan in force stays.
    pub fn family_keep_plan(
        &self,
        id: String,
        now: SystemTime,
    ) -> Result<FamilyTravellerView, WaymarkError> {
        self.call(|| family::keep_plan(self.profile(), &id, now))
    }

    /// Marks the latest help signal from a traveller as dealt with.
    pub fn family_mark_handled(
        &self,
        id: String,
        now: SystemTime,
    ) -> Result<FamilyTravellerView, WaymarkError> {
        self.call(|| family::mark_handled(self.profile(), &id, now))
    }

    /// Stops watching over a traveller (the trip is over, or the plan was replaced): their plan,
    /// sealed secret and every check made are deleted from this phone, and no more alerts are
    /// planned for them. Returns the list that remains.
    pub fn family_stop_watching(
        &self,
        id: String,
        now: SystemTime,
    ) -> Result<FamilyListView, WaymarkError> {
        self.call(|| family::stop_watching(self.profile(), &id, now))
    }

    /// The alerts the shell should schedule from `now`, for the traveller's own check-ins and
    /// for every traveller this profile watches over, at most `max_count` of them (iOS keeps 64
    /// pending), earliest first, with when to plan again. With `exact_alarms_allowed` false
    /// (Android without the exact-alarm permission) alerts are placed so that a late delivery
    /// still lands inside the check-in window. Schedule them replacing all earlier ones. They are
    /// always the real profile's, also while the lock is closed or the harmless view is shown:
    /// the routine never stops.
    pub fn plan_notifications(
        &self,
        now: SystemTime,
        max_count: u32,
        exact_alarms_allowed: bool,
    ) -> Result<NotificationPlan, WaymarkError> {
        self.call(|| {
            notifications::notification_plan(&self.real, now, max_count, exact_alarms_allowed)
        })
    }

    /// The alerts of the profile shown, as a shell without a scheduler of its own (the
    /// desktop's `alerts`) lists them and then reports them with `alert_fired`: like
    /// `plan_notifications`, but the harmless view has none. Phones schedule with
    /// `plan_notifications`, whose alerts are always the real profile's.
    pub fn upcoming_alerts(
        &self,
        now: SystemTime,
        max_count: u32,
        exact_alarms_allowed: bool,
    ) -> Result<NotificationPlan, WaymarkError> {
        self.call(|| {
            notifications::notification_plan(self.profile(), now, max_count, exact_alarms_allowed)
        })
    }

    /// Records that the alert `id` fired at `at`: the shell reports every alert as it shows it,
    /// so the core can tell which did not sound or came late (`home().alert_warning`). Always
    /// the real profile's log, whatever the lock shows.
    pub fn alert_fired(&self, id: String, at: SystemTime) -> Result<(), WaymarkError> {
        self.call(|| {
            // The harmless view's own alerts (the desktop lists them) go to its own log.
            alert_log::fired(self.profile(), &id, at)?;
            alert_log::fired(&self.real, &id, at)
        })
    }

    /// Hides the home screen's warning about alerts that did not sound, up to `now`; an alert
    /// that goes wrong later shows it again.
    pub fn dismiss_alert_warning(&self, now: SystemTime) -> Result<(), WaymarkError> {
        self.call(|| alert_log::dismiss(self.profile(), now))
    }

    /// Starts the test alarm: it is in the next `plan_notifications`, due a minute after `now`.
    /// Plan the notifications again right after, then show `test_alarm` to the person.
    pub fn start_test_alarm(&self, now: SystemTime) -> Result<TestAlarmView, WaymarkError> {
        self.call(|| {
            alert_log::start_test(&self.real, now)?;
            self.test_alarm_view(now)
        })
    }

    /// The test alarm at `now`: waiting, worked, late, or did not sound (with what to do).
    pub fn test_alarm(&self, now: SystemTime) -> Result<TestAlarmView, WaymarkError> {
        self.call(|| self.test_alarm_view(now))
    }

    /// Every check-in made, newest first.
    pub fn checkin_history(&self) -> Result<CheckinHistoryView, WaymarkError> {
        self.call(|| traveller::history_view(self.profile()))
    }
}

impl Waymark {
    fn test_alarm_view(&self, now: SystemTime) -> crate::error::Result<TestAlarmView> {
        let prefs = self.profile().prefs();
        alert_log::test_view(&self.real, &prefs.ui(), &prefs.zone, now)
    }
}
