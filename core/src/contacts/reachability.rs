//! Where a number can be dialled from. A Russian 8-800 number is free inside Russia and usually
//! cannot be reached from abroad; the data says which numbers are limited like that, and this
//! module words it for where the person is now.

use serde::Serialize;

use crate::content::ui::Ui;

/// Whether the person can reach a number from where they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum Reachability {
    /// It can be dialled from the person's current country (or from anywhere).
    Reachable,
    /// The person is in a country the number cannot be dialled from.
    NotFromHere,
    /// The number works only from some countries, and the person's current country is not known.
    Unknown,
}

/// Judges a number that can be dialled only from `dial_from` (empty: from anywhere) for a person
/// in `current_country` (None: not known).
pub(crate) fn reachability(dial_from: &[String], current_country: Option<&str>) -> Reachability {
    if dial_from.is_empty() {
        return Reachability::Reachable;
    }
    match current_country {
        Some(here) if dial_from.iter().any(|c| c.eq_ignore_ascii_case(here)) => {
            Reachability::Reachable
        }
        Some(_) => Reachability::NotFromHere,
        None => Reachability::Unknown,
    }
}

/// A sentence for a number that is not plainly reachable; None when it is.
pub(crate) fn reach_note(
    ui: &Ui<'_>,
    reach: Reachability,
    dial_from: &[String],
    current_country: Option<&str>,
) -> Option<String> {
    let from = dial_from
        .iter()
        .map(|c| ui.country(c))
        .collect::<Vec<_>>()
        .join(", ");
    match (reach, current_country) {
        (Reachability::Reachable, _) => None,
        (Reachability::NotFromHere, Some(here)) => Some(ui.format(
            "reach_not_from_here",
            &[("here", &ui.country(here)), ("country", &from)],
        )),
        _ => Some(ui.format("reach_unknown", &[("country", &from)])),
    }
}
