//! The traveller's check-in screens.

use std::time::SystemTime;

use serde::Serialize;

use super::status::SlotStatus;
use crate::action::Action;

/// The traveller's check-in screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct CheckinView {
    /// The screen title.
    pub title: String,
    /// The traveller's name; None before a trip plan exists.
    pub traveller_name: Option<String>,
    /// The one line that matters now ("Check in now: ...", "Next check-in: ...").
    pub headline: String,
    /// The check-in that needs attention now: open, or overdue; None when none does.
    pub current: Option<SlotView>,
    /// The next check-in after the current one.
    pub next: Option<SlotView>,
    /// When the last check-in was made, localised ("No check-ins yet" before the first); None
    /// before a trip plan exists.
    pub last_checkin: Option<String>,
    /// When the last check-in was made.
    #[serde(with = "crate::time_json::option")]
    pub last_checkin_at: Option<SystemTime>,
    /// Check-ins made on time in a row.
    pub streak: u32,
    /// `streak` in words.
    pub streak_label: String,
    /// What the main button does: set up the plan, set PINs, or check in.
    pub action: Option<Action>,
    /// The end of the pause in force, if the check-ins are paused now.
    #[serde(with = "crate::time_json::option")]
    pub paused_until: Option<SystemTime>,
    /// True once the trip was ended ("I am home"): no more check-ins or reminders.
    pub trip_ended: bool,
    /// The changes to the trip that can be made now (pause, extend, end), each asking for a
    /// PIN; empty before the plan and the PINs exist, and after the end.
    pub trip_changes: Vec<TripChangeOption>,
}

/// A change to the trip the traveller can make from the check-in screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum TripChange {
    /// Pause the check-ins until a time (`pause_check_ins`).
    Pause,
    /// Move the trip's last day later (`extend_trip`).
    Extend,
    /// End the trip: "I am home" (`end_trip`).
    End,
}

/// One change to the trip, as a button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct TripChangeOption {
    /// Which change.
    pub change: TripChange,
    /// The button's label.
    pub label: String,
    /// What it does, and what the form asks for.
    pub hint: String,
    /// The label of the form's one field, if it has one: the pause's end ("YYYY-MM-DD HH:MM" on
    /// this profile's clock; pass it to `local_time_instant`) or the new last day
    /// ("YYYY-MM-DD", a date picker's day). None for the end, which asks only for the PIN.
    pub field_label: Option<String>,
    /// The field's first value: a pause until two hours from now (rounded up to the quarter
    /// hour), the day after the current last day.
    pub field_value: Option<String>,
}

/// One scheduled check-in, as both sides see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct SlotView {
    /// Stable index of the slot in the schedule, from 0.
    pub index: u32,
    /// When it is due.
    #[serde(with = "crate::time_json")]
    pub due: SystemTime,
    /// "Check-in due 2 Mar 2026, 21:00" in the viewer's zone.
    pub label: String,
    /// The due time in the other side's zone, e.g. "20:00 for your family (Moscow time)".
    pub other_side: String,
    /// Where it stands.
    pub status: SlotStatus,
    /// `status` in words.
    pub status_label: String,
    /// From when a check-in counts.
    #[serde(with = "crate::time_json")]
    pub opens: SystemTime,
    /// From when a missing check-in is overdue.
    #[serde(with = "crate::time_json")]
    pub overdue_at: SystemTime,
}

/// What the traveller sees after entering a check-in PIN. It looks the same whichever PIN was
/// entered; only the code inside the message differs, and only the family can tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct CheckinReceipt {
    /// "Check-in recorded. Send this message to your family yourself:".
    pub headline: String,
    /// The message to send (by SMS or a messenger); the person sends it.
    pub message: String,
    /// Share the message; the shell opens the share sheet, nothing is sent automatically.
    pub share: Action,
    /// The check-in screen after this check-in.
    pub status: CheckinView,
}

/// The list of check-ins made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct CheckinHistoryView {
    /// The screen title.
    pub title: String,
    /// Newest first.
    pub entries: Vec<CheckinHistoryEntry>,
}

/// What a history entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum CheckinHistoryKind {
    /// A check-in.
    CheckIn,
    /// The check-ins paused.
    Pause,
    /// The trip ended.
    End,
}

/// One check-in made, or a pause or the end sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct CheckinHistoryEntry {
    /// A check-in, a pause or the end.
    pub kind: CheckinHistoryKind,
    /// When it was made.
    #[serde(with = "crate::time_json")]
    pub at: SystemTime,
    /// `at` in the viewer's zone.
    pub at_label: String,
    /// The slot a check-in counted for; None when made outside any window, and for a pause or
    /// the end.
    pub slot: Option<u32>,
    /// What it was, in words: the check-in's slot ("Check-in due …" or "outside the
    /// schedule"), "Paused check-ins until …" or "Ended the trip".
    pub slot_label: String,
}

/// The plan ready to hand to the family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct PlanExport {
    /// The payload text: show it as a QR code, or save or share it as a file.
    pub payload: String,
    /// Its size in bytes.
    pub bytes: u32,
    /// Whether it fits one QR code (at most 2,331 bytes).
    pub fits_qr_code: bool,
    /// A file name for saving it.
    pub file_name: String,
    /// Show the payload as a QR code.
    pub show_qr_code: Action,
    /// Share the payload as text; the person chooses where to send it.
    pub share: Action,
    /// The passphrase the payload is sealed with: the family types it to import the plan.
    pub passphrase: String,
    /// What to do with it: say it on the phone, never send it with the plan.
    pub passphrase_hint: String,
}

/// The family's list of the travellers they watch over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct FamilyListView {
    /// The screen title.
    pub title: String,
    /// One line per traveller.
    pub travellers: Vec<WatchedTravellerSummary>,
    /// Shown when the list is empty: how to add a traveller.
    pub empty_hint: Option<String>,
}

/// A traveller in the family's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct WatchedTravellerSummary {
    /// Stable id, used to open and verify.
    pub id: String,
    /// The traveller's name.
    pub name: String,
    /// "Istanbul, Turkey".
    pub destination: String,
    /// The one line that matters now.
    pub headline: String,
    /// True when a check-in is overdue or the traveller signalled for help.
    pub needs_attention: bool,
}

/// The family's screen for one traveller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct FamilyTravellerView {
    /// Stable id.
    pub id: String,
    /// The traveller's name.
    pub name: String,
    /// "Istanbul, Turkey".
    pub destination: String,
    /// The one line that matters now.
    pub headline: String,
    /// True when a check-in is overdue or the traveller signalled for help.
    pub needs_attention: bool,
    /// True when a duress code or the signal phrase was received and not yet marked handled.
    pub help_signalled: bool,
    /// A re-imported plan that would weaken the routine, waiting for the family to call and
    /// confirm it; the plan shown here stays in force until then.
    pub pending_change: Option<super::plan_change::PlanChangeView>,
    /// The check-in that needs attention now, if any.
    pub current: Option<SlotView>,
    /// The next check-in.
    pub next: Option<SlotView>,
    /// When the last genuine check-in was received, localised.
    pub last_checkin: Option<String>,
    /// "If Anna says «…» in a call, she needs help: follow the steps below."
    pub signal_phrase_reminder: String,
    /// What to do now, in order; empty when all is well.
    pub steps: Vec<EscalationStep>,
    /// What you will be asked for when you call for help.
    pub facts: Vec<FactLine>,
}

/// One thing to do, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct EscalationStep {
    /// From 1.
    pub number: u32,
    /// What to do.
    pub title: String,
    /// When and why.
    pub detail: String,
    /// What a tap does, if anything.
    pub action: Option<Action>,
}

/// A labelled fact about the traveller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct FactLine {
    /// "Employer".
    pub label: String,
    /// The value.
    pub value: String,
}

/// What a received message or code turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum VerificationOutcome {
    /// A genuine, normal check-in for a slot due now.
    Genuine,
    /// A genuine check-in made with the duress PIN: the traveller needs help.
    GenuineUnderDuress,
    /// A code the traveller's phone did not make.
    WrongCode,
    /// A code already received before: someone may be resending an old message.
    Replayed,
    /// A genuine code, but for a check-in not due now (too early or long past).
    OutsideWindow,
    /// No six-digit code in the message.
    NoCode,
    /// A practice check-in (before the trip), made with the normal PIN: not recorded.
    Practice,
    /// A practice check-in made with the help PIN: in a real one this would be a call for help;
    /// not recorded.
    PracticeUnderDuress,
    /// The traveller paused the check-ins (normal PIN): the paused check-ins raise no alarm.
    Paused,
    /// The traveller extended the trip (normal PIN): the watched plan's end moved later.
    Extended,
    /// The traveller ended the trip, "I am home" (normal PIN): no more check-ins or alarms.
    Ended,
    /// A pause, an extension or an end made with the help PIN: a call for help. Nothing was
    /// applied: the check-ins and alarms go on as planned.
    ChangeUnderDuress,
}

/// The result of checking a received message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct VerificationView {
    /// What the code turned out to be.
    pub outcome: VerificationOutcome,
    /// One line about it.
    pub headline: String,
    /// What it means and what to do.
    pub detail: String,
    /// Whether the signal phrase was in the message.
    pub phrase_found: bool,
    /// True when the traveller needs help (a code made with the help PIN, or the signal
    /// phrase).
    pub needs_help: bool,
    /// The traveller's screen after this check.
    pub traveller: FamilyTravellerView,
}

/// A text shared with Waymark or pasted on the verify screen, checked: one message or several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct SharedTextView {
    /// One check per code found that belongs to a traveller (in the text's order), and one for
    /// each traveller whose signal phrase is in it without a code of theirs.
    pub checks: Vec<VerificationView>,
    /// Codes that belong to no traveller this phone watches over.
    pub unknown_codes: Vec<String>,
    /// The traveller the text most likely comes from, to open their screen: the first checked,
    /// or the only one watched.
    pub traveller_id: Option<String>,
    /// A line when nothing was found, or when some codes belong to no one.
    pub summary: Option<String>,
}

/// What the family has received from one traveller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct FamilyHistoryView {
    /// The screen title.
    pub title: String,
    /// Newest first.
    pub entries: Vec<FamilyHistoryEntry>,
}

/// One message checked, or a help signal marked handled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct FamilyHistoryEntry {
    /// When it was checked.
    #[serde(with = "crate::time_json")]
    pub at: SystemTime,
    /// `at` in the viewer's zone.
    pub at_label: String,
    /// The slot the code belonged to, in words, or "outside the schedule".
    pub slot_label: String,
    /// What the code was; None for a help signal marked handled.
    pub outcome: Option<VerificationOutcome>,
    /// What it was, in words.
    pub outcome_label: String,
    /// Whether the message contained the signal phrase.
    pub phrase_found: bool,
}
