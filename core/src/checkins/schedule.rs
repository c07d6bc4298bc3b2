//! The agreed check-in schedule: when each check-in is due, as instants, anchored to the zone
//! both sides agreed on. Both phones compute the same slots from the same plan, so the family's
//! phone knows a check-in is missing even if the traveller's phone is gone.
//!
//! Local times that do not exist (spring forward) are moved forward by the length of the gap, as
//! java.time and most calendars do; local times that exist twice (fall back) take the earlier
//! instant. A traveller who moves to another zone does not move the slots: they stay at the
//! agreed local time in the agreed zone, and each phone shows them in its own zone.

use crate::error::{Error, reason};
use crate::zone::Zone;
use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
    Weekday,
};

/// Every day of the week, Monday first: a daily schedule.
pub(crate) const EVERY_DAY: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Slots a schedule may have at most; a daily plan with four times a day for a year has 1,460.
pub(crate) const MAX_SLOTS: u32 = 10_000;

/// How often check-ins are due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Cadence {
    /// At each of `times` (sorted, distinct), on each day in `days` (all seven for daily).
    AtTimes {
        days: Vec<Weekday>,
        times: Vec<NaiveTime>,
    },
    /// Every `hours` hours of elapsed time from the start.
    EveryHours { hours: u32 },
}

/// A validated schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Schedule {
    pub cadence: Cadence,
    pub zone: Zone,
    /// No slot is due before this instant.
    pub starts: DateTime<Utc>,
    /// No slot is due after this instant.
    pub ends: DateTime<Utc>,
    /// Width of the window around the due time in which a check-in counts.
    pub window: Duration,
    /// Time after the window closes before a missing check-in is overdue; a check-in in it
    /// still counts.
    pub grace: Duration,
}

/// One scheduled check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    /// Stable: the n-th slot of the schedule, from 0.
    pub index: u32,
    pub due: DateTime<Utc>,
}

impl Slot {
    /// The first instant a check-in counts for this slot.
    pub(crate) fn opens(&self, schedule: &Schedule) -> DateTime<Utc> {
        self.due - schedule.window / 2
    }

    /// The end of the window proper.
    pub(crate) fn closes(&self, schedule: &Schedule) -> DateTime<Utc> {
        self.due + schedule.window / 2
    }

    /// From this instant on, a missing check-in is overdue.
    pub(crate) fn overdue_at(&self, schedule: &Schedule) -> DateTime<Utc> {
        self.closes(schedule) + schedule.grace
    }

    /// Whether a check-in at `at` counts for this slot (window plus grace).
    pub(crate) fn accepts(&self, schedule: &Schedule, at: DateTime<Utc>) -> bool {
        self.opens(schedule) <= at && at < self.overdue_at(schedule)
    }
}

impl Schedule {
    /// Checks that windows never overlap and the schedule is finite, naming what is wrong.
    pub(crate) fn validate(&self) -> Result<(), Error> {
        if self.ends <= self.starts {
            return Err(Error::invalid("ends", reason::ENDS_BEFORE_START));
        }
        if self.window < Duration::minutes(10) || self.window > Duration::hours(12) {
            return Err(Error::invalid("window_minutes", reason::WINDOW_RANGE));
        }
        if self.grace < Duration::zero() || self.grace > Duration::hours(12) {
            return Err(Error::invalid("grace_minutes", reason::GRACE_RANGE));
        }
        let spacing = match &self.cadence {
            Cadence::AtTimes { days, times } => {
                if days.is_empty() {
                    return Err(Error::invalid("days", reason::NO_DAYS));
                }
                if times.is_empty() {
                    return Err(Error::invalid("times", reason::NO_TIMES));
                }
                // A daylight-saving change can shorten the gap between two local times by an
                // hour, so keep that much in reserve.
                min_gap(days, times) - Duration::hours(1)
            }
            Cadence::EveryHours { hours } => {
                if !(1..=168).contains(hours) {
                    return Err(Error::invalid("every_hours", reason::EVERY_HOURS_RANGE));
                }
                Duration::hours(i64::from(*hours))
            }
        };
        if self.window + self.grace >= spacing {
            return Err(Error::invalid("window_minutes", reason::WINDOWS_OVERLAP));
        }
        if self.slots().nth(MAX_SLOTS as usize).is_some() {
            return Err(Error::invalid_with(
                "ends",
                reason::TOO_MANY_CHECKINS,
                &[("max", MAX_SLOTS.to_string())],
            ));
        }
        // The reserve above covers a one-hour clock change; a zone that jumps further (two
        // hours at Troll station, or a whole day) can still bring two check-ins closer on the
        // night it does. The trip's own slots, at most MAX_SLOTS, decide.
        let slots: Vec<Slot> = self.slots().collect();
        if slots
            .windows(2)
            .any(|pair| pair[0].overdue_at(self) > pair[1].opens(self))
        {
            return Err(Error::invalid("window_minutes", reason::WINDOWS_OVERLAP));
        }
        Ok(())
    }

    /// Every slot, in order.
    pub(crate) fn slots(&self) -> impl Iterator<Item = Slot> + '_ {
        let dues: Box<dyn Iterator<Item = DateTime<Utc>> + '_> = match &self.cadence {
            Cadence::EveryHours { hours } => {
                let step = Duration::hours(i64::from(*hours));
                Box::new((0..).map(move |k| self.starts + step * k))
            }
            Cadence::AtTimes { days, times } => {
                let first_day = self.starts.with_timezone(&self.zone).date_naive();
                Box::new(
                    first_day
                        .iter_days()
                        .filter(move |day| days.contains(&day.weekday()))
                        .flat_map(move |day| {
                            times
                                .iter()
                                .map(move |time| local_instant(&self.zone, day, *time))
                        })
                        .skip_while(move |due| *due < self.starts),
                )
            }
        };
        dues.take_while(move |due| *due <= self.ends)
            .zip(0..)
            .map(|(due, index)| Slot { index, due })
    }

    /// The slot with this index, if the schedule has it.
    pub(crate) fn slot(&self, index: u32) -> Option<Slot> {
        self.slots().nth(index as usize)
    }

    /// The slot a check-in at `at` counts for, if any.
    pub(crate) fn slot_accepting(&self, at: DateTime<Utc>) -> Option<Slot> {
        self.slots()
            .take_while(|s| s.opens(self) <= at)
            .find(|s| s.accepts(self, at))
    }

    /// The first slot due after `at`.
    pub(crate) fn next_after(&self, at: DateTime<Utc>) -> Option<Slot> {
        self.slots().find(|s| s.due > at)
    }
}

/// The instant of a local date and time in `zone`.
pub(crate) fn local_instant(zone: &Zone, day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let local = day.and_time(time);
    match zone.from_local_datetime(&local).earliest() {
        Some(instant) => instant.with_timezone(&Utc),
        None => shifted_past_gap(zone, local),
    }
}

/// A local time inside a spring-forward gap, read with the offset in force before the gap:
/// 02:30 on a night the clocks jump from 02:00 to 03:00 becomes 03:30.
fn shifted_past_gap(zone: &Zone, local: NaiveDateTime) -> DateTime<Utc> {
    // Gaps are at most a few hours long; three hours earlier is safely before this one.
    let before = local - Duration::hours(3);
    let offset = zone
        .from_local_datetime(&before)
        .earliest()
        .map_or(0, |t| t.offset().fix().local_minus_utc());
    Utc.from_utc_datetime(&(local - Duration::seconds(i64::from(offset))))
}

/// The shortest nominal gap between two consecutive check-ins of a weekly pattern.
fn min_gap(days: &[Weekday], times: &[NaiveTime]) -> Duration {
    let week = Duration::days(7);
    let mut moments: Vec<Duration> = days
        .iter()
        .flat_map(|d| {
            times.iter().map(move |t| {
                Duration::days(i64::from(d.num_days_from_monday())) + (*t - NaiveTime::MIN)
            })
        })
        .collect();
    moments.sort();
    moments.dedup();
    let wrap = moments[0] + week - moments[moments.len() - 1];
    moments
        .windows(2)
        .map(|w| w[1] - w[0])
        .chain([wrap])
        .min()
        .unwrap_or(week)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn hm(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    fn daily(zone: &str, times: &[&str], starts: &str, ends: &str) -> Schedule {
        Schedule {
            cadence: Cadence::AtTimes {
                days: EVERY_DAY.to_vec(),
                times: times.iter().map(|t| hm(t)).collect(),
            },
            zone: zone.parse().unwrap(),
            starts: utc(starts),
            ends: utc(ends),
            window: Duration::minutes(60),
            grace: Duration::minutes(30),
        }
    }

    fn dues(schedule: &Schedule) -> Vec<String> {
        schedule.slots().map(|s| s.due.to_rfc3339()).collect()
    }

    #[test]
    fn daily_slots_follow_local_time_across_spring_forward_in_berlin() {
        // Clocks go from 02:00 to 03:00 on Sunday 29 March 2026 in Berlin.
        let s = daily(
            "Europe/Berlin",
            &["20:00"],
            "2026-03-27T00:00:00Z",
            "2026-03-31T00:00:00Z",
        );
        assert_eq!(
            dues(&s),
            [
                "2026-03-27T19:00:00+00:00", // 20:00 CET
                "2026-03-28T19:00:00+00:00",
                "2026-03-29T18:00:00+00:00", // 20:00 CEST
                "2026-03-30T18:00:00+00:00",
            ]
        );
    }

    #[test]
    fn a_time_inside_the_spring_gap_moves_forward_by_the_gap() {
        let s = daily(
            "Europe/Berlin",
            &["02:30"],
            "2026-03-28T00:00:00Z",
            "2026-03-30T12:00:00Z",
        );
        assert_eq!(
            dues(&s),
            [
                "2026-03-28T01:30:00+00:00", // 02:30 CET
                "2026-03-29T01:30:00+00:00", // 02:30 does not exist: 03:30 CEST
                "2026-03-30T00:30:00+00:00", // 02:30 CEST
            ]
        );
        let ny = daily(
            "America/New_York",
            &["02:30"],
            "2026-03-08T00:00:00Z",
            "2026-03-08T23:00:00Z",
        );
        assert_eq!(dues(&ny), ["2026-03-08T07:30:00+00:00"], "03:30 EDT"); // 02:30 EST would be 07:30Z too
    }

    #[test]
    fn a_time_that_happens_twice_at_fall_back_is_the_first_one() {
        // Berlin: 03:00 CEST becomes 02:00 CET on 25 October 2026; 02:30 happens twice.
        let s = daily(
            "Europe/Berlin",
            &["02:30"],
            "2026-10-25T00:00:00Z",
            "2026-10-25T12:00:00Z",
        );
        assert_eq!(
            dues(&s),
            ["2026-10-25T00:30:00+00:00"],
            "02:30 CEST, the earlier one"
        );
        // New York: 01:30 happens twice on 1 November 2026.
        let ny = daily(
            "America/New_York",
            &["01:30", "20:00"],
            "2026-11-01T01:00:00Z",
            "2026-11-02T12:00:00Z",
        );
        assert_eq!(
            dues(&ny),
            [
                "2026-11-01T05:30:00+00:00",
                "2026-11-02T01:00:00+00:00",
                "2026-11-02T06:30:00+00:00"
            ],
            "01:30 EDT; 20:00 EST; 01:30 EST"
        );
    }

    #[test]
    fn moscow_has_no_daylight_saving() {
        let s = daily(
            "Europe/Moscow",
            &["09:00"],
            "2026-03-27T00:00:00Z",
            "2026-03-31T00:00:00Z",
        );
        assert!(
            s.slots()
                .all(|slot| slot.due.format("%H:%M").to_string() == "06:00")
        );
        let s = daily(
            "Europe/Moscow",
            &["09:00"],
            "2026-10-23T00:00:00Z",
            "2026-10-27T00:00:00Z",
        );
        assert!(
            s.slots()
                .all(|slot| slot.due.format("%H:%M").to_string() == "06:00")
        );
    }

    #[test]
    fn every_n_hours_is_elapsed_time_whatever_the_clocks_do() {
        let s = Schedule {
            cadence: Cadence::EveryHours { hours: 8 },
            ..daily(
                "Europe/Berlin",
                &["00:00"],
                "2026-03-28T20:00:00Z",
                "2026-03-29T20:00:00Z",
            )
        };
        assert_eq!(
            dues(&s),
            [
                "2026-03-28T20:00:00+00:00",
                "2026-03-29T04:00:00+00:00",
                "2026-03-29T12:00:00+00:00",
                "2026-03-29T20:00:00+00:00"
            ]
        );
    }

    #[test]
    fn weekly_slots_fall_only_on_the_chosen_days_with_stable_indices() {
        let mut s = daily(
            "Europe/Moscow",
            &["10:00", "21:00"],
            "2026-03-02T00:00:00Z",
            "2026-03-16T00:00:00Z",
        );
        s.cadence = Cadence::AtTimes {
            days: vec![Weekday::Mon, Weekday::Thu],
            times: vec![hm("10:00"), hm("21:00")],
        };
        let slots: Vec<Slot> = s.slots().collect();
        assert_eq!(slots.len(), 8);
        assert!(slots.iter().all(|x| matches!(
            x.due.with_timezone(&s.zone).weekday(),
            Weekday::Mon | Weekday::Thu
        )));
        assert_eq!(
            slots.iter().map(|x| x.index).collect::<Vec<_>>(),
            (0..8).collect::<Vec<_>>()
        );
        assert_eq!(s.slot(5), Some(slots[5]));
    }

    #[test]
    fn the_window_and_grace_bound_which_slot_a_check_in_counts_for() {
        let s = daily(
            "Europe/Moscow",
            &["09:00", "21:00"],
            "2026-03-02T00:00:00Z",
            "2026-03-09T00:00:00Z",
        );
        // Slot 0 is due 06:00Z: window 05:30..06:30, grace until 07:00.
        assert_eq!(s.slot_accepting(utc("2026-03-02T05:29:59Z")), None);
        assert_eq!(
            s.slot_accepting(utc("2026-03-02T05:30:00Z"))
                .map(|x| x.index),
            Some(0)
        );
        assert_eq!(
            s.slot_accepting(utc("2026-03-02T06:59:59Z"))
                .map(|x| x.index),
            Some(0)
        );
        assert_eq!(s.slot_accepting(utc("2026-03-02T07:00:00Z")), None);
        assert_eq!(
            s.slot_accepting(utc("2026-03-02T18:10:00Z"))
                .map(|x| x.index),
            Some(1)
        );
        assert_eq!(
            s.next_after(utc("2026-03-02T12:00:00Z")).map(|x| x.index),
            Some(1)
        );
    }

    #[test]
    fn slots_do_not_move_when_the_traveller_changes_zone() {
        // The schedule is anchored to the agreed zone; the phone's zone is only for display.
        let s = daily(
            "Europe/Moscow",
            &["20:00"],
            "2026-03-02T00:00:00Z",
            "2026-03-04T00:00:00Z",
        );
        let seen_from_bangkok: Vec<String> = s
            .slots()
            .map(|x| {
                x.due
                    .with_timezone(&"Asia/Bangkok".parse::<Zone>().unwrap())
                    .format("%H:%M")
                    .to_string()
            })
            .collect();
        assert_eq!(seen_from_bangkok, ["00:00", "00:00"]);
        assert_eq!(
            dues(&s),
            ["2026-03-02T17:00:00+00:00", "2026-03-03T17:00:00+00:00"]
        );
    }

    #[test]
    fn schedules_whose_windows_would_overlap_are_refused() {
        let mut s = daily(
            "Europe/Berlin",
            &["09:00", "10:00"],
            "2026-03-02T00:00:00Z",
            "2026-03-09T00:00:00Z",
        );
        assert_eq!(s.validate().unwrap_err().field().unwrap(), "window_minutes");
        s.cadence = Cadence::AtTimes {
            days: vec![Weekday::Mon],
            times: vec![hm("09:00"), hm("21:00")],
        };
        assert!(s.validate().is_ok());
        s.ends = s.starts;
        assert_eq!(s.validate().unwrap_err().field().unwrap(), "ends");
        let mut s = daily(
            "Europe/Berlin",
            &["09:00"],
            "2026-03-02T00:00:00Z",
            "2056-03-09T00:00:00Z",
        );
        assert_eq!(
            s.validate().unwrap_err().field().unwrap(),
            "ends",
            "over {MAX_SLOTS} slots"
        );
        s.ends = utc("2026-04-01T00:00:00Z");
        s.window = Duration::minutes(5);
        assert_eq!(s.validate().unwrap_err().field().unwrap(), "window_minutes");
    }
}
