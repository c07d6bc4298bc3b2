//! Opening hours at an instant: open or closed, when that next changes, and how it reads on the
//! contact's clock and on the person's. The weekly hours are data (`Hours`); public holidays are
//! not, so every view says so instead of guessing.

use std::time::SystemTime;

use crate::zone::Zone;
use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc, Weekday,
};
use serde::Serialize;

use crate::content::hours::Hours;
use crate::content::ui::Ui;

/// Whether a contact is open at an instant and when that changes, in both time zones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct OpeningView {
    /// Within its regular weekly hours now (public holidays are not known).
    pub open_now: bool,
    /// `open_now` in words ("Usually answers at this hour", "Usually closed at this hour").
    pub status: String,
    /// The instant it next closes (when open) or opens (when closed).
    #[serde(with = "crate::time_json")]
    pub next_change: SystemTime,
    /// `next_change` on the contact's clock: "Closes today at 18:30, Moscow time".
    pub next_change_text: String,
    /// `next_change` on the person's clock: "today at 23:30 your time (Asia/Tokyo)".
    pub next_change_in_your_zone: String,
    /// The current opening period (or the next one when closed) on the person's clock:
    /// "Mon at 14:30 to Tue at 00:30, your time (Asia/Tokyo)".
    pub period_in_your_zone: String,
    /// That public holidays are not known, so it may be closed on one.
    pub holidays_note: String,
    /// Whether a source has confirmed that the line answers at these hours, and when, in words:
    /// the hours are what usually holds, never a promise that someone answers now.
    pub confirmation: String,
    /// What to do when no one answers.
    pub no_answer: String,
    /// What every screen shows under `status`, in this order, so that all shells tell the same:
    /// the next change (with the person's clock when it reads otherwise), `holidays_note`,
    /// `confirmation` and `no_answer`.
    pub lines: Vec<String>,
}

/// The weekly hours in words: "Mon–Fri, 08:30–18:30, Moscow time".
pub(crate) fn describe(hours: &Hours, ui: &Ui<'_>) -> String {
    use Weekday::*;
    let days = if hours.days == [Mon, Tue, Wed, Thu, Fri] {
        ui.text("days_weekdays")
    } else {
        let name = |d: &Weekday| ui.text(&format!("day_{}", d.to_string().to_lowercase()));
        hours.days.iter().map(name).collect::<Vec<_>>().join(", ")
    };
    ui.format(
        "hours_format",
        &[
            ("days", &days),
            ("opens", &hours.opens.format("%H:%M").to_string()),
            ("closes", &hours.closes.format("%H:%M").to_string()),
            ("zone", &ui.zone(hours.zone.name())),
        ],
    )
}

/// One opening period as instants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Period {
    pub opens: DateTime<Utc>,
    pub closes: DateTime<Utc>,
}

/// Where `now` stands against the weekly hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Opening {
    pub open: bool,
    /// The period `now` is in (open), or the next one (closed).
    pub period: Period,
}

impl Opening {
    /// When it next closes (open) or opens (closed).
    pub(crate) fn next_change(&self) -> DateTime<Utc> {
        if self.open {
            self.period.closes
        } else {
            self.period.opens
        }
    }
}

/// The opening state at `now`. None only for hours with no day at all, which the content loader
/// refuses; callers treat it as "hours unknown".
pub(crate) fn opening(hours: &Hours, now: SystemTime) -> Option<Opening> {
    let now = DateTime::<Utc>::from(now);
    let today = now.with_timezone(&hours.zone).date_naive();
    // Yesterday first: a period may still be running past midnight in another zone's terms.
    (-1..=8)
        .filter_map(|offset| today.checked_add_signed(Duration::days(offset)))
        .filter(|date| hours.days.contains(&date.weekday()))
        .map(|date| Period {
            opens: instant(&hours.zone, date, hours.opens),
            closes: instant(&hours.zone, date, hours.closes),
        })
        .find(|period| now < period.closes)
        .map(|period| Opening {
            open: period.opens <= now,
            period,
        })
}

/// A wall-clock time on a date in `zone` as an instant. In the hour a clock skips, the time does
/// not exist: the place opens when the clock reaches it, at the end of the gap. In the hour a
/// clock repeats, the first one counts.
fn instant(zone: &Zone, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let wall = date.and_time(time);
    let at = match zone.from_local_datetime(&wall) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => at,
        LocalResult::None => {
            // Gaps are at most a few hours; the first wall time after the gap is the answer.
            let mut later = wall;
            loop {
                later += Duration::minutes(15);
                if let Some(at) = zone.from_local_datetime(&later).earliest() {
                    break at;
                }
            }
        }
    };
    at.with_timezone(&Utc)
}

/// The opening view for `hours` at `now`, with the person in `person_zone`.
pub(crate) fn opening_view(
    hours: &Hours,
    now: SystemTime,
    person_zone: &Zone,
    ui: &Ui<'_>,
) -> Option<OpeningView> {
    let opening = opening(hours, now)?;
    let next = opening.next_change();
    let on_their_clock = when(ui, next, now, &hours.zone);
    let next_change_text = ui.format(
        if opening.open {
            "closes_at"
        } else {
            "opens_at"
        },
        &[
            ("when", &on_their_clock),
            ("zone", &ui.zone(hours.zone.name())),
        ],
    );
    let your_zone = person_zone.name();
    let on_your_clock = when(ui, next, now, person_zone);
    let next_change_in_your_zone = ui.format(
        "in_your_zone",
        &[("when", &on_your_clock), ("zone", your_zone)],
    );
    // The person's clock only when it reads otherwise: in Istanbul, "18:30, Moscow time" is
    // already 18:30 on their own clock.
    let next_line = if on_your_clock == on_their_clock {
        ui.format("opening_next", &[("next", &next_change_text)])
    } else {
        ui.format(
            "opening_next_your_clock",
            &[
                ("next", &next_change_text),
                ("your_clock", &next_change_in_your_zone),
            ],
        )
    };
    let holidays_note = ui.text("holidays_unknown");
    let confirmation = match (&hours.source, &hours.confirmed, &hours.checked) {
        (Some(source), Some(date), _) => {
            ui.format("hours_confirmed", &[("source", source), ("date", date)])
        }
        (source, _, checked) => ui.format(
            "hours_not_confirmed",
            &[
                ("source", source.as_deref().unwrap_or("-")),
                ("checked", checked.as_deref().unwrap_or("-")),
            ],
        ),
    };
    let no_answer = ui.text("hours_no_answer");
    Some(OpeningView {
        open_now: opening.open,
        status: open_status(ui, opening.open),
        next_change: next.into(),
        next_change_text,
        next_change_in_your_zone,
        period_in_your_zone: ui.format(
            "period_your_zone",
            &[
                ("from", &when(ui, opening.period.opens, now, person_zone)),
                ("to", &when(ui, opening.period.closes, now, person_zone)),
                ("zone", your_zone),
            ],
        ),
        lines: vec![
            next_line,
            holidays_note.clone(),
            confirmation.clone(),
            no_answer.clone(),
        ],
        holidays_note,
        confirmation,
        no_answer,
    })
}

/// "Usually answers at this hour" or "Usually closed at this hour".
pub(crate) fn open_status(ui: &Ui<'_>, open: bool) -> String {
    ui.text(if open { "open_now" } else { "closed_now" })
}

/// "today at 18:30", "tomorrow at 08:30" or "Mon at 08:30", on the clock of `zone`.
pub(crate) fn when(ui: &Ui<'_>, at: DateTime<Utc>, now: SystemTime, zone: &Zone) -> String {
    let local = at.with_timezone(zone);
    let today = DateTime::<Utc>::from(now).with_timezone(zone).date_naive();
    let day = if local.date_naive() == today {
        ui.text("today")
    } else if today.succ_opt() == Some(local.date_naive()) {
        ui.text("tomorrow")
    } else {
        ui.text(&format!(
            "day_{}",
            local.weekday().to_string().to_lowercase()
        ))
    };
    ui.format(
        "when_format",
        &[("day", &day), ("time", &local.format("%H:%M").to_string())],
    )
}
