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
    /// When the last check-in was made, localised; None before the first.
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

/// One check-in made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct CheckinHistoryEntry {
    /// When it was made.
    #[serde(with = "crate::time_json")]
    pub at: SystemTime,
    /// `at` in the viewer's zone.
    pub at_label: String,
    /// The slot it counted for; None when made outside any window.
    pub slot: Option<u32>,
    /// The slot's due time in words, or "outside the schedule".
    pub slot_label: String,
}
