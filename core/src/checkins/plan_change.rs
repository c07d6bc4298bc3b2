//! A plan re-imported by the family that would weaken the routine: fewer check-ins, a wider
//! window or a longer grace, an earlier end, or another signal phrase, destination or employer.
//! Whoever controls a traveller may force such a change; the family's phone keeps the old plan in
//! force, shows what changed, and asks them to call and hear the signal phrase before accepting.

use std::ops::Not;

use serde::Serialize;

use super::pins::Unlocked;
use super::plan::{CheckinCadence, TripPlan};
use crate::content::ui::Ui;
use crate::zone::Zone;

/// One way a new plan is weaker than the one in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weakening {
    FewerCheckins,
    WiderWindow,
    LongerGrace,
    EarlierEnd,
    OtherPhrase,
    OtherDestination,
    OtherEmployer,
}

/// A changed plan waiting for the family to confirm it, as their screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct PlanChangeView {
    /// "Anna sent a changed plan".
    pub title: String,
    /// Each way the new plan is weaker, old and new side by side.
    pub differences: Vec<String>,
    /// What to do: call and hear the signal phrase first; the old plan stays until then.
    pub ask: String,
    /// The button that accepts the new plan (after the call).
    pub accept_label: String,
    /// The button that keeps the old plan and drops the new one.
    pub keep_label: String,
}

/// Every way `new` is weaker than `old`, in a fixed order; empty when it is not.
pub(crate) fn weakenings(
    (old, old_shared): (&TripPlan, &Unlocked),
    (new, new_shared): (&TripPlan, &Unlocked),
) -> Vec<Weakening> {
    let s = (&old.schedule, &new.schedule);
    [
        (
            Weakening::FewerCheckins,
            per_week(&s.1.cadence) < per_week(&s.0.cadence),
        ),
        (
            Weakening::WiderWindow,
            s.1.window_minutes > s.0.window_minutes,
        ),
        (
            Weakening::LongerGrace,
            s.1.grace_minutes > s.0.grace_minutes,
        ),
        (Weakening::EarlierEnd, new.ends < old.ends),
        (
            Weakening::OtherPhrase,
            new_shared.signal_phrase != old_shared.signal_phrase
                || new_shared.secret != old_shared.secret,
        ),
        (
            Weakening::OtherDestination,
            new.destination_country != old.destination_country
                || same_text(&new.destination_city, &old.destination_city).not(),
        ),
        (
            Weakening::OtherEmployer,
            same_text(
                new.employer.as_deref().unwrap_or(""),
                old.employer.as_deref().unwrap_or(""),
            )
            .not(),
        ),
    ]
    .into_iter()
    .filter_map(|(kind, weaker)| weaker.then_some(kind))
    .collect()
}

/// Check-ins a week, as a fraction (every 5 hours is 33.6 a week).
fn per_week(cadence: &CheckinCadence) -> f64 {
    match cadence {
        CheckinCadence::Daily { times } => 7.0 * times.len() as f64,
        CheckinCadence::Weekly { days, times } => {
            let mut distinct = days.clone();
            distinct.sort_by_key(|d| *d as u8);
            distinct.dedup();
            let days = if distinct.is_empty() {
                7
            } else {
                distinct.len()
            };
            days as f64 * times.len() as f64
        }
        CheckinCadence::EveryHours { hours } => 168.0 / f64::from((*hours).max(1)),
    }
}

/// Texts equal but for case and spacing: retyping "Istanbul " is not a change.
fn same_text(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

/// The family's view of a waiting change.
pub(crate) fn change_view(
    ui: &Ui<'_>,
    zone: &Zone,
    name: &str,
    (old, new): (&TripPlan, &TripPlan),
    changes: &[Weakening],
) -> PlanChangeView {
    let pair =
        |key: &str, old: String, new: String| ui.format(key, &[("old", &old), ("new", &new)]);
    let place = |p: &TripPlan| {
        format!(
            "{}, {}",
            p.destination_city,
            ui.country(&p.destination_country)
        )
    };
    let differences = changes
        .iter()
        .map(|change| match change {
            Weakening::FewerCheckins => pair(
                "plan_change_fewer",
                week_count(per_week(&old.schedule.cadence)),
                week_count(per_week(&new.schedule.cadence)),
            ),
            Weakening::WiderWindow => pair(
                "plan_change_window",
                old.schedule.window_minutes.to_string(),
                new.schedule.window_minutes.to_string(),
            ),
            Weakening::LongerGrace => pair(
                "plan_change_grace",
                old.schedule.grace_minutes.to_string(),
                new.schedule.grace_minutes.to_string(),
            ),
            Weakening::EarlierEnd => pair(
                "plan_change_end",
                ui.date_time(old.ends, zone),
                ui.date_time(new.ends, zone),
            ),
            Weakening::OtherPhrase => ui.text("plan_change_phrase"),
            Weakening::OtherDestination => pair("plan_change_destination", place(old), place(new)),
            Weakening::OtherEmployer => pair(
                "plan_change_employer",
                old.employer.clone().unwrap_or_else(|| "—".into()),
                new.employer.clone().unwrap_or_else(|| "—".into()),
            ),
        })
        .collect();
    PlanChangeView {
        title: ui.format("plan_change_title", &[("name", name)]),
        differences,
        ask: ui.format("plan_change_ask", &[("name", name)]),
        accept_label: ui.text("plan_change_accept"),
        keep_label: ui.text("plan_change_keep"),
    }
}

/// A weekly count as people say it: "14", "33.6".
fn week_count(count: f64) -> String {
    let rounded = (count * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkins::plan::DayOfWeek;

    #[test]
    fn the_weekly_count_of_each_cadence() {
        let times = |n: usize| vec!["09:00".to_string(); n];
        assert_eq!(per_week(&CheckinCadence::Daily { times: times(2) }), 14.0);
        let weekly = |days: Vec<DayOfWeek>| CheckinCadence::Weekly {
            days,
            times: times(1),
        };
        assert_eq!(per_week(&weekly(vec![])), 7.0);
        assert_eq!(
            per_week(&weekly(vec![
                DayOfWeek::Monday,
                DayOfWeek::Monday,
                DayOfWeek::Friday
            ])),
            2.0
        );
        assert_eq!(per_week(&CheckinCadence::EveryHours { hours: 6 }), 28.0);
        assert_eq!(week_count(168.0 / 5.0), "33.6");
        assert_eq!(week_count(14.0), "14");
    }
}
