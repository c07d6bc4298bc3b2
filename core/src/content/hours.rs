//! Weekly opening hours as the content gives them (`[contact.hours]`), parsed and checked when a
//! pack loads. What they mean at a given moment, in words, is the contacts' (contacts/hours.rs).

use chrono::{NaiveTime, Weekday};

use super::emergency::is_date;
use super::source::HoursDef;
use crate::zone::{Zone, ZoneError};

/// Weekly opening hours in the contact's own zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hours {
    pub zone: Zone,
    pub days: Vec<Weekday>,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
    /// Where the hours come from and when they were last confirmed.
    pub source: Option<String>,
    pub confirmed: Option<String>,
    pub checked: Option<String>,
}

impl Hours {
    pub(crate) fn parse(def: &HoursDef) -> Result<Self, String> {
        let zone: Zone = def.zone.parse().map_err(|e: ZoneError| match e {
            ZoneError::Unknown => format!("unknown time zone {:?}", def.zone),
            ZoneError::NoDatabase => e.reason(""),
        })?;
        let time = |s: &str| {
            NaiveTime::parse_from_str(s, "%H:%M")
                .map_err(|_| format!("bad time {s:?}, expected HH:MM"))
        };
        let days = def
            .days
            .iter()
            .map(|d| {
                d.parse::<Weekday>()
                    .map_err(|_| format!("bad weekday {d:?}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let (opens, closes) = (time(&def.opens)?, time(&def.closes)?);
        if opens >= closes {
            return Err("opening time is not before closing time".into());
        }
        if days.is_empty() {
            return Err("no opening days".into());
        }
        for (name, date) in [("confirmed", &def.confirmed), ("checked", &def.checked)] {
            if let Some(date) = date.as_deref().filter(|d| !is_date(d)) {
                return Err(format!("{name} {date:?} is not a YYYY-MM-DD date"));
            }
        }
        if def.source.is_none() != def.checked.is_none() {
            return Err("the hours' source and the date it was checked go together".into());
        }
        Ok(Self {
            zone,
            days,
            opens,
            closes,
            source: def.source.clone(),
            confirmed: def.confirmed.clone(),
            checked: def.checked.clone(),
        })
    }
}
