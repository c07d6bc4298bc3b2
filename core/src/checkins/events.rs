//! Pauses and the end of a trip, as both sides keep them beside the check-ins: a pause turns the
//! check-ins that would fall overdue inside it into "paused" (no reminder, no alarm), and an end
//! stops the check-ins altogether. The traveller's phone keeps what the traveller sent, whichever
//! PIN sent it (so the two look the same); the family's phone keeps only what a normal code
//! proved (family.rs).

use chrono::{DateTime, Utc};

use super::schedule::{Schedule, Slot};

/// One pause of the check-ins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pause {
    /// When it was made (traveller) or received (family): it counts from then on.
    pub at: DateTime<Utc>,
    /// A check-in that falls overdue after this instant...
    pub from: DateTime<Utc>,
    /// ...and no later than this one is paused.
    pub until: DateTime<Utc>,
}

/// The pauses and the end of one traveller's trip.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Events {
    pub pauses: Vec<Pause>,
    /// When the trip was ended ("I am home"), if it was.
    pub ended: Option<DateTime<Utc>>,
}

impl Events {
    /// Whether `slot` is paused as seen at `now`: a pause known by then holds the instant the
    /// slot would fall overdue. A check-in that can still be made after the pause is not paused.
    pub(crate) fn pauses_slot(&self, schedule: &Schedule, slot: Slot, now: DateTime<Utc>) -> bool {
        let overdue = slot.overdue_at(schedule);
        self.pauses
            .iter()
            .any(|p| p.at <= now && p.from < overdue && overdue <= p.until)
    }

    /// The end of the pause in force at `now`, if one is.
    pub(crate) fn paused_until(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.pauses
            .iter()
            .filter(|p| p.at <= now && p.from <= now && now < p.until)
            .map(|p| p.until)
            .max()
    }

    /// When the trip was ended, if it was by `now`.
    pub(crate) fn ended_by(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.ended.filter(|ended| *ended <= now)
    }
}
