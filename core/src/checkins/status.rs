//! Where each slot stands at `now`, computed from the schedule and the recorded check-ins only,
//! never from whether a notification fired.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::events::Events;
use super::schedule::{Schedule, Slot};

/// Where a scheduled check-in stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum SlotStatus {
    /// Its window has not opened yet.
    Upcoming,
    /// A check-in counts now (in the window or its grace period).
    Open,
    /// A check-in was made for it.
    Done,
    /// No check-in, the window and grace period are over, and it is the latest such slot.
    Overdue,
    /// No check-in, and a later slot has opened since.
    Missed,
    /// The traveller paused check-ins over it (a flight, a place with no signal): it is not
    /// expected, and no reminder or alarm is planned for it.
    Paused,
}

/// A recorded check-in: when, and the slot it counted for (None when made outside any window).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Recorded {
    pub slot: Option<u32>,
    pub at: DateTime<Utc>,
}

/// The status of `slot` at `now`.
pub(crate) fn status_of(
    schedule: &Schedule,
    slot: Slot,
    recorded: &[Recorded],
    events: &Events,
    now: DateTime<Utc>,
) -> SlotStatus {
    if recorded
        .iter()
        .any(|r| r.slot == Some(slot.index) && r.at <= now)
    {
        SlotStatus::Done
    } else if events.pauses_slot(schedule, slot, now) {
        SlotStatus::Paused
    } else if now < slot.opens(schedule) {
        SlotStatus::Upcoming
    } else if now < slot.overdue_at(schedule) {
        SlotStatus::Open
    } else if schedule
        .slot(slot.index + 1)
        .is_some_and(|next| now >= next.opens(schedule))
    {
        SlotStatus::Missed
    } else {
        SlotStatus::Overdue
    }
}

/// The slot that needs attention now: one that is open, else the latest past-due one.
pub(crate) fn current_slot(schedule: &Schedule, now: DateTime<Utc>) -> Option<Slot> {
    schedule.slot_accepting(now).or_else(|| {
        schedule
            .slots()
            .take_while(|s| s.opens(schedule) <= now)
            .last()
    })
}

/// Consecutive slots checked in for, counting back from the latest slot that is settled (done,
/// overdue or missed); an open or paused slot neither adds nor breaks the streak.
pub(crate) fn streak(
    schedule: &Schedule,
    recorded: &[Recorded],
    events: &Events,
    now: DateTime<Utc>,
) -> u32 {
    // One pass over the slots: a trip of a year with four check-ins a day has 1,460 of them.
    let done: std::collections::HashSet<u32> = recorded
        .iter()
        .filter(|r| r.at <= now)
        .filter_map(|r| r.slot)
        .collect();
    let mut streak = 0;
    for slot in schedule.slots().take_while(|s| s.opens(schedule) <= now) {
        if done.contains(&slot.index) {
            streak += 1;
        } else if events.pauses_slot(schedule, slot, now) {
            continue;
        } else if now >= slot.overdue_at(schedule) {
            streak = 0;
        }
    }
    streak
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveTime};

    use super::*;
    use crate::checkins::schedule::Cadence;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    /// Twice a day in Moscow (06:00Z and 18:00Z), window ±30 min, grace 30 min.
    fn schedule() -> Schedule {
        Schedule {
            cadence: Cadence::AtTimes {
                days: crate::checkins::schedule::EVERY_DAY.to_vec(),
                times: vec![
                    NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                    NaiveTime::from_hms_opt(21, 0, 0).unwrap(),
                ],
            },
            zone: "Europe/Moscow".parse().unwrap(),
            starts: utc("2026-03-02T00:00:00Z"),
            ends: utc("2026-03-09T00:00:00Z"),
            window: Duration::minutes(60),
            grace: Duration::minutes(30),
        }
    }

    #[test]
    fn status_at_every_boundary_of_a_slot() {
        let s = schedule();
        let slot0 = s.slot(0).unwrap();
        let at = |t: &str| status_of(&s, slot0, &[], &Events::default(), utc(t));
        assert_eq!(at("2026-03-02T05:29:59Z"), SlotStatus::Upcoming);
        assert_eq!(at("2026-03-02T05:30:00Z"), SlotStatus::Open, "window opens");
        assert_eq!(
            at("2026-03-02T06:30:00Z"),
            SlotStatus::Open,
            "window closed, grace runs"
        );
        assert_eq!(
            at("2026-03-02T06:59:59Z"),
            SlotStatus::Open,
            "last second of grace"
        );
        assert_eq!(at("2026-03-02T07:00:00Z"), SlotStatus::Overdue);
        assert_eq!(at("2026-03-02T17:29:59Z"), SlotStatus::Overdue);
        assert_eq!(
            at("2026-03-02T17:30:00Z"),
            SlotStatus::Missed,
            "the next slot has opened"
        );
        let done = [Recorded {
            slot: Some(0),
            at: utc("2026-03-02T06:45:00Z"),
        }];
        assert_eq!(
            status_of(
                &s,
                slot0,
                &done,
                &Events::default(),
                utc("2026-03-02T06:44:00Z")
            ),
            SlotStatus::Open,
            "not done before it happened"
        );
        assert_eq!(
            status_of(
                &s,
                slot0,
                &done,
                &Events::default(),
                utc("2026-03-02T06:45:00Z")
            ),
            SlotStatus::Done
        );
        assert_eq!(
            status_of(
                &s,
                slot0,
                &done,
                &Events::default(),
                utc("2026-03-05T00:00:00Z")
            ),
            SlotStatus::Done
        );
    }

    #[test]
    fn the_current_slot_is_the_open_one_else_the_latest_past_one() {
        let s = schedule();
        assert_eq!(
            current_slot(&s, utc("2026-03-01T12:00:00Z")),
            None,
            "before the trip"
        );
        assert_eq!(
            current_slot(&s, utc("2026-03-02T06:10:00Z")).unwrap().index,
            0
        );
        assert_eq!(
            current_slot(&s, utc("2026-03-02T12:00:00Z")).unwrap().index,
            0
        );
        assert_eq!(
            current_slot(&s, utc("2026-03-02T17:45:00Z")).unwrap().index,
            1
        );
    }

    #[test]
    fn the_streak_counts_back_to_the_last_miss_and_ignores_the_open_slot() {
        let s = schedule();
        let rec = |slot: u32, t: &str| Recorded {
            slot: Some(slot),
            at: utc(t),
        };
        let recorded = [
            rec(1, "2026-03-02T18:00:00Z"),
            rec(2, "2026-03-03T06:00:00Z"),
            rec(3, "2026-03-03T18:05:00Z"),
        ];
        // Slot 0 missed; 1, 2, 3 done; slot 4 (06:00Z on the 4th) is open.
        assert_eq!(
            streak(
                &s,
                &recorded,
                &Events::default(),
                utc("2026-03-04T06:10:00Z")
            ),
            3
        );
        // Slot 4 overdue: the streak is broken.
        assert_eq!(
            streak(
                &s,
                &recorded,
                &Events::default(),
                utc("2026-03-04T07:00:00Z")
            ),
            0
        );
        assert_eq!(
            streak(&s, &[], &Events::default(), utc("2026-03-02T06:10:00Z")),
            0
        );
    }
}
