//! Country emergency numbers (police, ambulance, fire, the general number), each country's entry
//! with its source and the date it was checked. The numbers are data in `emergency.toml`.

use serde::Serialize;

use super::phone::{ContactAction, actions};
use crate::content::ui::Ui;
use crate::content::{EmergencyDef, Pack};
use crate::error::{Error, Result};
use crate::profile::Profile;

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
    /// Whether the entry's source states this number; when not, `label` says so.
    pub confirmed: bool,
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
    /// What a person must know about these numbers (where one works, what to try when it does
    /// not), to show with them; None when there is nothing to add.
    pub note: Option<String>,
    /// Where the numbers come from, the page's date and when they were compared with it, in
    /// words; or that they are not confirmed.
    pub source_text: String,
    /// False when no page stating the numbers was found: `source_text` then says so.
    pub confirmed: bool,
    /// The source's address, if there is one.
    pub source: Option<String>,
    /// The date the source page shows, "YYYY-MM-DD"; None for an undated page or no source.
    pub source_date: Option<String>,
    /// When the entry was compared with its source, "YYYY-MM-DD"; None without a source.
    pub checked: Option<String>,
}

/// A country the app has emergency numbers for, for a country picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct CountryOption {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// The country's name.
    pub name: String,
}

/// The emergency numbers of `country` (an ISO 3166-1 alpha-2 code, in any case).
pub(crate) fn emergency_numbers(profile: &Profile, country: &str) -> Result<EmergencyNumbersView> {
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let code = country.trim().to_ascii_uppercase();
    let def = emergency_def(&prefs.pack, &code)
        .ok_or_else(|| Error::not_found("emergency numbers for country", code))?;
    Ok(emergency_view(def, &ui))
}

/// Every country with emergency numbers, sorted by name in the person's language.
pub(crate) fn emergency_countries(profile: &Profile) -> Vec<CountryOption> {
    let prefs = profile.prefs();
    let ui = prefs.ui();
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

/// A country's entry, its code in any case.
pub(crate) fn emergency_def<'a>(pack: &'a Pack, code: &str) -> Option<&'a EmergencyDef> {
    pack.emergency
        .iter()
        .find(|d| d.code.eq_ignore_ascii_case(code))
}

pub(crate) fn emergency_view(def: &EmergencyDef, ui: &Ui<'_>) -> EmergencyNumbersView {
    let line = |service, key: &str, number: &str| {
        let confirmed = is_confirmed(def, service_key(service));
        let label = ui.text(key);
        EmergencyLine {
            service,
            label: if confirmed {
                label
            } else {
                ui.format("emergency_line_not_confirmed", &[("service", &label)])
            },
            number: number.to_owned(),
            confirmed,
            actions: actions(ui, number, number, false),
        }
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
    let source_text = match (&def.source, &def.source_date, &def.checked) {
        (Some(source), Some(page_date), Some(checked)) => ui.format(
            "emergency_source",
            &[
                ("source", source),
                ("page_date", page_date),
                ("checked", checked),
            ],
        ),
        (Some(source), None, Some(checked)) => ui.format(
            "emergency_source_undated",
            &[("source", source), ("checked", checked)],
        ),
        _ => ui.text("emergency_not_confirmed"),
    };
    EmergencyNumbersView {
        country_code: def.code.clone(),
        title: ui.format("emergency_title", &[("country", &country)]),
        country,
        lines,
        note: ui.emergency_note(&def.code),
        source_text,
        confirmed: def.source.is_some(),
        source: def.source.clone(),
        source_date: def.source_date.clone(),
        checked: def.checked.clone(),
    }
}

/// The name of a service in `unconfirmed`.
fn service_key(service: EmergencyService) -> &'static str {
    match service {
        EmergencyService::General => "general",
        EmergencyService::Police => "police",
        EmergencyService::Ambulance => "ambulance",
        EmergencyService::Fire => "fire",
    }
}

/// Whether the entry's source states the number of `service`.
fn is_confirmed(def: &EmergencyDef, service: &str) -> bool {
    def.source.is_some() && !def.unconfirmed.iter().any(|s| s == service)
}

/// The number to call first in immediate danger: the general number, else the police.
pub(crate) fn first_number(def: &EmergencyDef) -> &str {
    def.general.as_deref().unwrap_or(&def.police)
}
