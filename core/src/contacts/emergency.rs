//! Country emergency numbers (police, ambulance, fire, the general number), each country's entry
//! with its source and the date it was checked. The numbers are data in `emergency.toml`.

use std::collections::HashSet;

use serde::Serialize;

use super::phone::{ContactAction, actions};
use crate::content::ui::Ui;
use crate::content::{EmergencyDef, Pack};
use crate::error::{Error, Result, WaymarkError};
use crate::waymark::Waymark;

/// Which service a number reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum EmergencyService {
    /// The one number for every emergency.
    General,
    /// Police.
    Police,
    /// Ambulance.
    Ambulance,
    /// Fire brigade.
    Fire,
}

/// One emergency number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct EmergencyLine {
    /// The service.
    pub service: EmergencyService,
    /// The service's name ("Police").
    pub label: String,
    /// The number as dialled, e.g. "112".
    pub number: String,
    /// Call and copy.
    pub actions: Vec<ContactAction>,
}

/// A country's emergency numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct EmergencyNumbersView {
    /// ISO 3166-1 alpha-2 code.
    pub country_code: String,
    /// The country's name.
    pub country: String,
    /// A title such as "Emergency numbers: Türkiye".
    pub title: String,
    /// The general number first (where the country has one), then police, ambulance and fire.
    pub lines: Vec<EmergencyLine>,
    /// Where the numbers come from and when they were checked, in words.
    pub source_text: String,
    /// The source's address.
    pub source: String,
    /// When the entry was last checked, "YYYY-MM-DD".
    pub checked: String,
}

/// A country the app has emergency numbers for, for a country picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct CountryOption {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// The country's name.
    pub name: String,
}

#[uniffi::export]
impl Waymark {
    /// The emergency numbers of `country` (an ISO 3166-1 alpha-2 code such as "TR").
    pub fn emergency_numbers(&self, country: String) -> Result<EmergencyNumbersView, WaymarkError> {
        self.call(|| {
            let prefs = self.prefs();
            let ui = self.ui(&prefs);
            let code = country.trim().to_ascii_uppercase();
            let def = self
                .emergency_def(&prefs.pack, &code)
                .ok_or_else(|| Error::not_found("emergency numbers for country", code))?;
            Ok(emergency_view(def, &ui))
        })
    }

    /// Every country with emergency numbers, sorted by name in the person's language.
    pub fn emergency_countries(&self) -> Vec<CountryOption> {
        let prefs = self.prefs();
        let ui = self.ui(&prefs);
        let mut countries: Vec<CountryOption> = prefs
            .pack
            .emergency
            .iter()
            .map(|def| CountryOption {
                code: def.code.clone(),
                name: ui.country(&def.code),
            })
            .collect();
        countries.sort_by(|a, b| a.name.cmp(&b.name));
        countries
    }
}

impl Waymark {
    pub(crate) fn emergency_def<'a>(&self, pack: &'a Pack, code: &str) -> Option<&'a EmergencyDef> {
        pack.emergency
            .iter()
            .find(|d| d.code.eq_ignore_ascii_case(code))
    }
}

pub(crate) fn emergency_view(def: &EmergencyDef, ui: &Ui<'_>) -> EmergencyNumbersView {
    let line = |service, key: &str, number: &str| EmergencyLine {
        service,
        label: ui.text(key),
        number: number.to_owned(),
        actions: actions(ui, number, number, false),
    };
    let mut lines = Vec::new();
    if let Some(general) = &def.general {
        lines.push(line(
            EmergencyService::General,
            "emergency_general",
            general,
        ));
    }
    lines.push(line(
        EmergencyService::Police,
        "emergency_police",
        &def.police,
    ));
    lines.push(line(
        EmergencyService::Ambulance,
        "emergency_ambulance",
        &def.ambulance,
    ));
    lines.push(line(EmergencyService::Fire, "emergency_fire", &def.fire));
    let country = ui.country(&def.code);
    EmergencyNumbersView {
        country_code: def.code.clone(),
        title: ui.format("emergency_title", &[("country", &country)]),
        country,
        lines,
        source_text: ui.format(
            "emergency_source",
            &[("source", &def.source), ("date", &def.checked)],
        ),
        source: def.source.clone(),
        checked: def.checked.clone(),
    }
}

/// The number to call first in immediate danger: the general number, else the police.
pub(crate) fn first_number(def: &EmergencyDef) -> &str {
    def.general.as_deref().unwrap_or(&def.police)
}

/// Checks the emergency data on load: one entry per country, upper-case two-letter codes, short
/// numbers of digits only, an https source and a real date.
pub(crate) fn check_emergency(entries: &[EmergencyDef]) -> std::result::Result<(), String> {
    let mut seen = HashSet::new();
    for def in entries {
        let at = |reason: String| format!("emergency.toml: {}: {reason}", def.code);
        if def.code.len() != 2 || !def.code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(at("the code is not an ISO 3166-1 alpha-2 code".into()));
        }
        if !seen.insert(def.code.as_str()) {
            return Err(at("appears twice".into()));
        }
        let numbers = [
            ("general", def.general.as_deref()),
            ("police", Some(def.police.as_str())),
            ("ambulance", Some(def.ambulance.as_str())),
            ("fire", Some(def.fire.as_str())),
        ];
        for (service, number) in numbers {
            if let Some(number) = number.filter(|n| !is_short_number(n)) {
                return Err(at(format!(
                    "{service} number {number:?} is not 2 to 4 digits"
                )));
            }
        }
        if !def.source.starts_with("https://") || def.source.contains(char::is_whitespace) {
            return Err(at("the source is not an https address".into()));
        }
        if chrono::NaiveDate::parse_from_str(&def.checked, "%Y-%m-%d").is_err() {
            return Err(at(format!(
                "checked {:?} is not a YYYY-MM-DD date",
                def.checked
            )));
        }
    }
    Ok(())
}

/// Emergency numbers are short codes dialled as they are: 2 to 4 digits.
pub(crate) fn is_short_number(number: &str) -> bool {
    (2..=4).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit())
}
