//! Check-ins: the trip plan and its agreed schedule, PIN-protected check-ins with verifiable
//! codes, the traveller's screens (traveller.rs), the family's (family.rs) and the notification
//! plan for both (notifications.rs). This file only names the parts.

pub(crate) mod alert_log;
#[cfg(test)]
mod alert_log_tests;
mod codes;
mod events;
pub(crate) mod family;
pub(crate) mod message;
pub(crate) mod notifications;
mod passphrase;
pub(crate) mod pause;
#[cfg(test)]
mod pause_tests;
mod phrase;
pub(crate) mod pin_gate;
mod pins;
pub(crate) mod pins_form;
mod plan;
pub(crate) mod plan_change;
pub(crate) mod plan_form;
pub(crate) mod plan_input;
mod planner;
#[cfg(test)]
mod properties;
mod schedule;
mod sharing;
mod slots;
mod status;
mod store;
#[cfg(test)]
pub(crate) mod tests;
pub(crate) mod traveller;
mod trip_days;
mod vault;
mod view;

pub use alert_log::{AlertWarning, TestAlarmState, TestAlarmView};
pub use message::{
    CHECKIN_CODE_PLACEHOLDER, CHECKIN_MESSAGE_MAX_CHARS, CheckinMessageChoice,
    CheckinMessageOption, CheckinMessageView,
};
pub use pins_form::{
    ChangePinsField, ChangePinsFieldError, ChangePinsInput, ChangePinsSaved, CheckinPinsField,
    CheckinPinsFieldError, CheckinPinsInput, CheckinPinsSaved,
};
pub use plan::{
    CheckinCadence, CheckinSchedule, DayOfWeek, PLAN_NAME_MAX_CHARS, PLAN_TEXT_MAX_CHARS,
    SIGNAL_PHRASE_MAX_CHARS, TripPlan,
};
pub use plan_change::PlanChangeView;
pub use plan_form::{
    DRAFT_GRACE_MINUTES, DRAFT_WINDOW_MINUTES, DayOption, TripPlanForm, ZoneOption,
};
pub use plan_input::{TripPlanField, TripPlanFieldError, TripPlanInput, TripPlanSaved};
pub use planner::{AlertKind, AlertUrgency, NotificationPlan, PlannedAlert};
pub use sharing::QR_BYTE_BUDGET;
pub use status::SlotStatus;
pub(crate) use trip_days::local_date_time;
pub use trip_days::{
    CalendarDay, calendar_day, calendar_day_text, trip_day_end, trip_day_of, trip_day_start,
};
pub use view::{
    CheckinHistoryEntry, CheckinHistoryKind, CheckinHistoryView, CheckinReceipt, CheckinView,
    EscalationStep, FactLine, FamilyHistoryEntry, FamilyHistoryView, FamilyListView,
    FamilyTravellerView, PlanExport, SharedTextView, SlotView, TripChange, TripChangeOption,
    VerificationOutcome, VerificationView, WatchedTravellerSummary,
};
