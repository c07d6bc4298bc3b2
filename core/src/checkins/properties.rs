//! Properties of the schedule and the planner over random zones, dates and schedules
//! (proptest): the check-in rules must hold on every day of every zone, daylight-saving nights
//! included, not only on the days the example tests pick.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use proptest::prelude::*;

use super::planner::{self, AlertKind, Source};
use super::schedule::{Cadence, EVERY_DAY, Schedule, local_instant};
use crate::content::default_pack;
use crate::content::ui::Ui;
use crate::zone::Zone;

/// Zones with unusual rules: daylight saving north and south, none, half-hour and 45-minute
/// offsets, a negative "summer" time (Dublin), a two-hour jump (Troll), changes at midnight
/// (Santiago, Havana) and Morocco's pauses for Ramadan.
const ZONES: [&str; 16] = [
    "Europe/Berlin",
    "Europe/Moscow",
    "Europe/Istanbul",
    "Europe/Dublin",
    "America/New_York",
    "America/Santiago",
    "America/Havana",
    "America/St_Johns",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Kolkata",
    "Asia/Tehran",
    "Asia/Dubai",
    "Africa/Casablanca",
    "Antarctica/Troll",
];

/// Every day of the week, for weekly schedules to pick from.
const DAYS: [Weekday; 7] = EVERY_DAY;

/// A schedule as a person could agree it, not yet validated.
fn schedules() -> impl Strategy<Value = Schedule> {
    let zone = prop::sample::select(&ZONES[..]);
    // Any minute from 2019 to 2030, or, as often, a day in the months when most zones change
    // their clocks (March, April, September to November); trips of up to 60 days.
    let any_minute = (25_771_680i64..26_825_760).boxed();
    let clock_change_season = (
        2019i32..=2030,
        prop::sample::select(&[3u32, 4, 9, 10, 11][..]),
        1u32..=28,
        0i64..1440,
    )
        .prop_map(|(year, month, day, minute)| {
            let date = NaiveDate::from_ymd_opt(year, month, day).unwrap();
            date.and_time(NaiveTime::MIN).and_utc().timestamp() / 60 + minute
        })
        .boxed();
    let starts = prop_oneof![any_minute, clock_change_season];
    let length = 60i64..(60 * 24 * 60);
    // Any time of day, or, as often, the small hours, where clock changes happen.
    let times = prop_oneof![
        prop::collection::btree_set(0u32..(24 * 60), 1..=4),
        prop::collection::btree_set(0u32..(5 * 60), 1..=4),
    ];
    let days = prop::sample::subsequence(&DAYS[..], 1..=7);
    let hours = 1u32..=168;
    let at_times = any::<bool>();
    let window = 10i64..=240;
    let grace = 0i64..=240;
    (
        zone, starts, length, times, days, hours, at_times, window, grace,
    )
        .prop_map(
            |(zone, starts, length, times, days, hours, at_times, window, grace)| {
                let starts = Utc.timestamp_opt(starts * 60, 0).unwrap();
                let cadence = if at_times {
                    Cadence::AtTimes {
                        days,
                        times: times
                            .into_iter()
                            .map(|m| NaiveTime::from_hms_opt(m / 60, m % 60, 0).unwrap())
                            .collect(),
                    }
                } else {
                    Cadence::EveryHours { hours }
                };
                Schedule {
                    cadence,
                    zone: Zone::named(zone).unwrap(),
                    starts,
                    ends: starts + Duration::minutes(length),
                    window: Duration::minutes(window),
                    grace: Duration::minutes(grace),
                }
            },
        )
}

/// Schedules that pass validation, as every stored plan does.
fn valid_schedules() -> impl Strategy<Value = Schedule> {
    schedules().prop_filter("a schedule the app accepts", |s| s.validate().is_ok())
}

/// The local days strictly between the first and the last day of the schedule, in its zone.
fn inner_days(schedule: &Schedule) -> impl Iterator<Item = NaiveDate> {
    let first = schedule.starts.with_timezone(&schedule.zone).date_naive();
    let last = schedule.ends.with_timezone(&schedule.zone).date_naive();
    first.iter_days().skip(1).take_while(move |day| *day < last)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// Slots are numbered 0, 1, 2..., strictly increasing in time, all inside the trip, and
    /// their windows (with grace) never overlap, so a check-in counts for one slot at most.
    #[test]
    fn slots_increase_and_never_overlap(schedule in valid_schedules()) {
        let slots: Vec<_> = schedule.slots().collect();
        for (i, slot) in slots.iter().enumerate() {
            prop_assert_eq!(slot.index as usize, i);
            prop_assert!(schedule.starts <= slot.due && slot.due <= schedule.ends);
        }
        for pair in slots.windows(2) {
            prop_assert!(pair[0].due < pair[1].due, "{:?} then {:?}", pair[0], pair[1]);
            prop_assert!(
                pair[0].overdue_at(&schedule) <= pair[1].opens(&schedule),
                "slot {} (due {}) still accepts when slot {} (due {}) opens",
                pair[0].index, pair[0].due, pair[1].index, pair[1].due
            );
        }
    }

    /// On every whole local day of the trip, each agreed time is due exactly once: a
    /// daylight-saving change neither drops a check-in nor doubles one. A time the clocks skip
    /// is due just after the jump; a time that happens twice is due the first time.
    #[test]
    fn each_agreed_time_is_due_once_a_day_across_clock_changes(schedule in valid_schedules()) {
        let Cadence::AtTimes { days, times } = &schedule.cadence else {
            return Ok(());
        };
        let dues: Vec<DateTime<Utc>> = schedule.slots().map(|s| s.due).collect();
        for day in inner_days(&schedule).filter(|d| days.contains(&d.weekday())) {
            for time in times {
                let local = day.and_time(*time);
                let due = local_instant(&schedule.zone, day, *time);
                let found = dues.iter().filter(|d| **d == due).count();
                prop_assert_eq!(found, 1, "{} {} in {}: due {} times", day, time, schedule.zone.name(), found);
                let wall = due.with_timezone(&schedule.zone).naive_local();
                match schedule.zone.from_local_datetime(&local).earliest() {
                    Some(first) => prop_assert_eq!(due, first.with_timezone(&Utc)),
                    None => prop_assert!(
                        wall > local && wall <= local + Duration::hours(3),
                        "{} skipped in {}, due at {} local", local, schedule.zone.name(), wall
                    ),
                }
            }
        }
        // Nothing else is due on those days.
        let expected: usize = inner_days(&schedule)
            .filter(|d| days.contains(&d.weekday()))
            .count() * times.len();
        let inner: Vec<NaiveDate> = inner_days(&schedule).collect();
        let on_inner_days = dues
            .iter()
            .filter(|d| inner.contains(&d.with_timezone(&schedule.zone).date_naive()))
            .count();
        prop_assert!(on_inner_days <= expected + times.len(), "{} due, {} agreed", on_inner_days, expected);
    }

    /// Every-N-hours schedules count elapsed time: a clock change does not stretch or shrink
    /// the gap.
    #[test]
    fn every_hours_slots_are_exactly_that_far_apart(schedule in valid_schedules()) {
        let Cadence::EveryHours { hours } = schedule.cadence else {
            return Ok(());
        };
        let slots: Vec<_> = schedule.slots().collect();
        for pair in slots.windows(2) {
            prop_assert_eq!(pair[1].due - pair[0].due, Duration::hours(i64::from(hours)));
        }
    }

    /// The planner's alerts, for the traveller and for the family: each fires inside its own
    /// slot's window as the rules define it (the reminder when the window opens, "due" at the
    /// due time, "overdue" when the grace ends, the escalation an hour later), after `now`,
    /// within the horizon, in order, each id once; and no slot that is still ahead is left
    /// without its alerts.
    #[test]
    fn every_alert_is_inside_its_window(
        schedule in valid_schedules(),
        offset in 0i64..(60 * 24 * 60),
        exact in any::<bool>(),
        family in any::<bool>(),
    ) {
        let pack = default_pack().unwrap();
        let chain = pack.chain("en").unwrap();
        let ui = Ui::new(&pack, &chain);
        let now = schedule.starts - Duration::days(1) + Duration::minutes(offset);
        let source = Source {
            schedule: &schedule,
            recorded: &[],
            events: &crate::checkins::events::Events::default(),
            watched: family.then_some(("t1", "Anna")),
        };
        let alerts = planner::alerts(&[source], now, exact, &ui, &schedule.zone);
        let mut ids = std::collections::BTreeSet::new();
        for pair in alerts.windows(2) {
            prop_assert!(pair[0].fire_at <= pair[1].fire_at);
        }
        for alert in &alerts {
            prop_assert!(ids.insert(alert.id.clone()), "{} twice", alert.id);
            let fire: DateTime<Utc> = alert.fire_at.into();
            prop_assert!(fire > now);
            let index: u32 = alert.id.split('-').rev().nth(1).unwrap().parse().unwrap();
            let slot = schedule.slot(index).unwrap();
            let expected = match alert.kind {
                AlertKind::CheckinReminder => slot.opens(&schedule),
                AlertKind::CheckinDue | AlertKind::FamilyCheckinDue => slot.due,
                AlertKind::CheckinOverdue | AlertKind::FamilyOverdue => slot.overdue_at(&schedule),
                AlertKind::FamilyEscalation => slot.overdue_at(&schedule) + Duration::hours(1),
                AlertKind::TestAlarm => unreachable!("a schedule makes no test alarm"),
            };
            prop_assert_eq!(fire, expected, "{}", alert.id);
            prop_assert!(slot.opens(&schedule) <= fire);
            prop_assert!(fire <= slot.overdue_at(&schedule) + Duration::hours(1));
            prop_assert!(slot.opens(&schedule) <= now + planner::HORIZON);
            prop_assert_eq!(family, alert.id.starts_with("watch-"));
        }
        // Every slot whose window opens after now and within the horizon has its first alert.
        for slot in schedule.slots().filter(|s| s.opens(&schedule) > now && s.opens(&schedule) <= now + planner::HORIZON) {
            let first = if family { "due" } else { "reminder" };
            let prefix = if family { format!("watch-t1-{}-{first}", slot.index) } else { format!("checkin-{}-{first}", slot.index) };
            prop_assert!(alerts.iter().any(|a| a.id == prefix), "slot {} has no {} alert", slot.index, first);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    /// A pause in any zone, on any day: no alert of either side is planned for a slot that
    /// falls overdue inside it, every slot that falls overdue after it keeps its alerts, and
    /// once the trip was ended nothing is planned at all.
    #[test]
    fn nothing_is_planned_for_a_paused_slot_nor_after_the_end(
        schedule in valid_schedules(),
        offset in 0i64..(60 * 24 * 30),
        pause_minutes in 1i64..(60 * 24 * 8),
        family in any::<bool>(),
    ) {
        use super::events::{Events, Pause};
        let pack = default_pack().unwrap();
        let chain = pack.chain("en").unwrap();
        let ui = Ui::new(&pack, &chain);
        let now = schedule.starts - Duration::days(1) + Duration::minutes(offset);
        let until = now + Duration::minutes(pause_minutes);
        let events = Events {
            pauses: vec![Pause { at: now, from: now, until }],
            ended: None,
        };
        let source = Source {
            schedule: &schedule,
            recorded: &[],
            events: &events,
            watched: family.then_some(("t1", "Anna")),
        };
        let alerts = planner::alerts(&[source], now, true, &ui, &schedule.zone);
        for alert in &alerts {
            let index: u32 = alert.id.split('-').rev().nth(1).unwrap().parse().unwrap();
            let slot = schedule.slot(index).unwrap();
            let overdue = slot.overdue_at(&schedule);
            prop_assert!(!(now < overdue && overdue <= until), "{} is paused", alert.id);
        }
        for slot in schedule.slots().filter(|s| s.overdue_at(&schedule) > until && s.opens(&schedule) > now && s.opens(&schedule) <= now + planner::HORIZON) {
            let first = if family { format!("watch-t1-{}-due", slot.index) } else { format!("checkin-{}-reminder", slot.index) };
            prop_assert!(alerts.iter().any(|a| a.id == first), "slot {} lost {}", slot.index, first);
        }
        let ended = Events { pauses: Vec::new(), ended: Some(now) };
        let source = Source {
            schedule: &schedule,
            recorded: &[],
            events: &ended,
            watched: family.then_some(("t1", "Anna")),
        };
        prop_assert!(planner::alerts(&[source], now, true, &ui, &schedule.zone).is_empty());
    }
}

/// Troll station's clocks jump two hours (01:00 to 03:00 local): a time in the gap moves two
/// hours later, past a reserve of one hour.
#[test]
fn a_two_hour_clock_jump_does_not_make_windows_overlap() {
    let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    let starts = Utc.with_ymd_and_hms(2026, 3, 27, 0, 0, 0).unwrap();
    let schedule = Schedule {
        cadence: Cadence::AtTimes {
            days: DAYS.to_vec(),
            times: vec![hm(1, 30), hm(3, 40)],
        },
        zone: Zone::named("Antarctica/Troll").unwrap(),
        starts,
        ends: starts + Duration::days(4),
        window: Duration::minutes(30),
        grace: Duration::minutes(20),
    };
    let error = schedule.validate().unwrap_err();
    assert!(error.to_string().contains("window_minutes"), "{error}");
    // Outside the week of the jump the same times and window are fine.
    let later = Schedule {
        starts: starts + Duration::days(7),
        ends: starts + Duration::days(11),
        ..schedule
    };
    later.validate().unwrap();
}
