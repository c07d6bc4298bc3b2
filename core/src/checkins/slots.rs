//! The slots a screen shows, on the traveller's side and the family's alike: the one that needs
//! attention now and the next, each with its status and both sides' clocks.

use std::time::SystemTime;

use chrono::{DateTime, Utc};

use super::events::Events;
use super::schedule::{Schedule, Slot};
use super::status::{self, Recorded, SlotStatus};
use super::view::SlotView;
use crate::content::ui::Ui;
use crate::zone::Zone;

/// The slot that needs attention now (open, or overdue) and the next one after it that is not
/// paused. Once the trip was ended there is neither.
pub(crate) fn current_and_next(
    schedule: &Schedule,
    recorded: &[Recorded],
    events: &Events,
    at: DateTime<Utc>,
    view: impl Fn(Slot) -> SlotView,
) -> (Option<SlotView>, Option<SlotView>) {
    if events.ended_by(at).is_some() {
        return (None, None);
    }
    let current = status::current_slot(schedule, at).filter(|s| {
        matches!(
            status::status_of(schedule, *s, recorded, events, at),
            SlotStatus::Open | SlotStatus::Overdue
        )
    });
    let next = schedule.slots().find(|s| {
        s.opens(schedule) > at
            && current.is_none_or(|c| s.index > c.index)
            && !events.pauses_slot(schedule, *s, at)
    });
    (current.map(&view), next.map(&view))
}

/// One slot as both sides see it: the viewer's clock, and the other side's.
pub(crate) fn slot_view(
    ui: &Ui<'_>,
    schedule: &Schedule,
    slot: Slot,
    (recorded, events): (&[Recorded], &Events),
    now: DateTime<Utc>,
    viewer_zone: &Zone,
    (other_zone, other_name): (&Zone, Option<&str>),
) -> SlotView {
    let status = status::status_of(schedule, slot, recorded, events, now);
    let due = SystemTime::from(slot.due);
    SlotView {
        index: slot.index,
        due,
        label: ui.format("slot_label", &[("time", &ui.date_time(due, viewer_zone))]),
        // The traveller sees the family's clock; the family sees the traveller's.
        other_side: ui.format(
            if other_name.is_some() {
                "family_other_side"
            } else {
                "checkin_other_side"
            },
            &[
                ("time", &ui.date_time(due, other_zone)),
                ("zone", &ui.zone(other_zone.name())),
                ("name", other_name.unwrap_or_default()),
            ],
        ),
        status,
        status_label: ui.text(match status {
            SlotStatus::Upcoming => "slot_upcoming",
            SlotStatus::Open => "slot_open",
            SlotStatus::Done => "slot_done",
            SlotStatus::Overdue => "slot_overdue",
            SlotStatus::Missed => "slot_missed",
            SlotStatus::Paused => "slot_paused",
        }),
        opens: slot.opens(schedule).into(),
        overdue_at: slot.overdue_at(schedule).into(),
    }
}
