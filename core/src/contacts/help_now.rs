//! "Help now": who to contact first, and why, for where the person is and the time it is.
//!
//! The order: the local emergency number (immediate danger comes first); the person's own
//! embassy or consulate; from the built-in list (`local-help.toml`), the missions in the
//! country and the lines countries keep for their citizens abroad, then the country's local
//! help lines; the hotline when it can be reached and is open; the support organisations they
//! saved; the hotline when it can be reached but is closed (with when it opens); family. Last
//! come the numbers that cannot be reached from where the person is (the 8-800 hotline abroad,
//! a saved toll-free number from another country), each saying why.

use std::time::SystemTime;

use serde::Serialize;

use super::directory::directory_entry;
use super::emergency::{EmergencyNumbersView, emergency_def, emergency_view, first_number};
use super::hours::{OpeningView, opening_view};
use super::local_help::{Kind, LocalHelp, local_help};
use super::own::{OwnContactKind, OwnContactView, own_contact_views};
use super::phone::{self, ContactAction};
use super::reachability::{Reachability, reach_note, reachability};
use crate::action::Action;
use crate::content::hours::Hours;
use crate::content::local_help::{CONSULATE, EMBASSY};
use crate::content::ui::Ui;
use crate::error::{Error, Result};
use crate::profile::{Prefs, Profile};

/// The hotline's id in the built-in directory.
const HOTLINE_ID: &str = "hotline";

/// Why a step is in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum HelpStepKind {
    /// The local emergency number.
    Emergency,
    /// An embassy or consulate: one the person saved, or one from the built-in list for the
    /// country they are in (its title says whose).
    EmbassyOrConsulate,
    /// A line in the country for victims of trafficking or for migrant workers.
    LocalLine,
    /// The counter-trafficking hotline.
    Hotline,
    /// A support organisation from their own contacts.
    SupportOrganisation,
    /// Family or a friend from their own contacts.
    Family,
}

/// One contact in the "help now" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct HelpStep {
    /// Why it is here.
    pub kind: HelpStepKind,
    /// Who: a contact's name, or the emergency service's.
    pub title: String,
    /// Why contact them, in a sentence.
    pub why: String,
    /// The number as shown.
    pub number: String,
    /// Whether the number can be dialled from where the person is.
    pub reachability: Reachability,
    /// Set when the number cannot (or may not) be reached from here.
    pub reach_note: Option<String>,
    /// Opening hours now, for contacts with hours.
    pub opening: Option<OpeningView>,
    /// Call, text, copy.
    pub actions: Vec<ContactAction>,
    /// Opens the full contact, for built-in contacts.
    pub details: Option<Action>,
    /// For a built-in embassy or local line: where its number comes from and the page's date,
    /// or that it is not confirmed.
    pub source_text: Option<String>,
}

/// The "help now" screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct HelpNowView {
    /// "Get help now".
    pub title: String,
    /// The language of the screen.
    pub language: String,
    /// Where the person is, when they said (ISO code).
    pub country_code: Option<String>,
    /// Its name.
    pub country: Option<String>,
    /// Who to contact, first first.
    pub steps: Vec<HelpStep>,
    /// All the local emergency numbers, when the country is known and in the data.
    pub emergency: Option<EmergencyNumbersView>,
    /// Asks for the country when it is not known.
    pub country_prompt: Option<String>,
    /// The country picker's label ("Country"), shown and read out beside it.
    pub country_label: String,
    /// Suggests saving an embassy or consulate when none is saved.
    pub embassy_hint: Option<String>,
    /// "What to say".
    pub what_to_say_title: String,
    /// A few lines on what to say when calling.
    pub what_to_say: Vec<String>,
}

/// Who to contact first at `now`, for a person in `current_country` (ISO 3166-1 alpha-2; None
/// or blank when not known).
pub(crate) fn help_now(
    profile: &Profile,
    now: SystemTime,
    current_country: Option<String>,
) -> Result<HelpNowView> {
    let country = current_country
        .filter(|c| !c.trim().is_empty())
        .map(|c| phone::country("current_country", &c))
        .transpose()?;
    help_now_view(profile, now, country.as_deref())
}

/// "Help now" at `now` for a person in `country`, if known.
pub(crate) fn help_now_view(
    profile: &Profile,
    now: SystemTime,
    country: Option<&str>,
) -> Result<HelpNowView> {
    help_now_view_in(profile, &profile.prefs(), now, country)
}

/// "Help now" in the snapshot `prefs`.
pub(crate) fn help_now_view_in(
    profile: &Profile,
    prefs: &Prefs,
    now: SystemTime,
    country: Option<&str>,
) -> Result<HelpNowView> {
    let ui = prefs.ui();
    let own = own_contact_views(profile, &ui)?;
    let of_kind = |kind: OwnContactKind| own.iter().filter(move |c| c.kind == kind);

    let emergency_def = country.and_then(|c| emergency_def(&prefs.pack, c));
    let mut steps = Vec::new();
    if let Some(def) = emergency_def {
        let number = first_number(def);
        steps.push(HelpStep {
            kind: HelpStepKind::Emergency,
            title: ui.format("emergency_title", &[("country", &ui.country(&def.code))]),
            why: ui.text("help_why_emergency"),
            number: number.to_owned(),
            reachability: Reachability::Reachable,
            reach_note: None,
            opening: None,
            actions: phone::actions(&ui, number, number, false),
            details: None,
            source_text: None,
        });
    }

    // Embassies in the country the person is in come before those elsewhere.
    let mut embassies: Vec<&OwnContactView> = of_kind(OwnContactKind::EmbassyOrConsulate).collect();
    embassies.sort_by_key(|c| Some(c.country_code.as_str()) != country);
    for contact in &embassies {
        steps.push(own_step(
            contact,
            HelpStepKind::EmbassyOrConsulate,
            "help_why_embassy",
            country,
            &ui,
        ));
    }

    if let Some(here) = country {
        for kind in [Kind::Mission, Kind::LocalLine] {
            for help in local_help(&ui, here, kind)? {
                steps.push(built_in_step(help, kind, here, &ui));
            }
        }
    }

    let hotline = hotline_step(now, country, prefs, &ui)?;
    let reachable = hotline.reachability != Reachability::NotFromHere;
    let open = hotline.opening.as_ref().is_some_and(|o| o.open_now);
    let mut hotline = Some(hotline);
    if reachable && open {
        steps.extend(hotline.take());
    }
    for contact in of_kind(OwnContactKind::SupportOrganisation) {
        steps.push(own_step(
            contact,
            HelpStepKind::SupportOrganisation,
            "help_why_support",
            country,
            &ui,
        ));
    }
    if reachable {
        steps.extend(hotline.take());
    }
    for contact in of_kind(OwnContactKind::Family) {
        steps.push(own_step(
            contact,
            HelpStepKind::Family,
            "help_why_family",
            country,
            &ui,
        ));
    }
    steps.extend(hotline.take());
    // Reachable alternatives first; the sort is stable, so the order above holds within.
    steps.sort_by_key(|step| step.reachability == Reachability::NotFromHere);

    Ok(HelpNowView {
        title: ui.text("help_title"),
        language: prefs.chain.preferred().to_owned(),
        country_code: country.map(str::to_owned),
        country: country.map(|c| ui.country(c)),
        steps,
        emergency: emergency_def.map(|def| emergency_view(def, &ui)),
        country_prompt: country.is_none().then(|| ui.text("help_pick_country")),
        country_label: ui.text("label_country"),
        embassy_hint: embassies.is_empty().then(|| ui.text("help_add_embassy")),
        what_to_say_title: ui.text("help_say_title"),
        what_to_say: [
            "help_say_where",
            "help_say_what",
            "help_say_free",
            "help_say_language",
        ]
        .iter()
        .map(|key| ui.text(key))
        .collect(),
    })
}

fn hotline_step(
    now: SystemTime,
    country: Option<&str>,
    prefs: &Prefs,
    ui: &Ui<'_>,
) -> Result<HelpStep> {
    let (def, text, _) = directory_entry(prefs, HOTLINE_ID)?;
    let phone = def
        .phones
        .first()
        .ok_or_else(|| Error::Content("the hotline has no phone number".into()))?;
    let reach = reachability(&phone.dial_from, country);
    let opening = def
        .hours
        .as_ref()
        .map(Hours::parse)
        .transpose()
        .map_err(Error::Content)?
        .and_then(|hours| opening_view(&hours, now, &prefs.zone, ui));
    // Whether it usually answers now is `opening.status`, not repeated here.
    let why = match reach {
        Reachability::NotFromHere => "help_why_hotline_abroad",
        _ => "help_why_hotline",
    };
    Ok(HelpStep {
        kind: HelpStepKind::Hotline,
        title: text.name.clone(),
        why: ui.text(why),
        number: phone.number.clone(),
        reachability: reach,
        reach_note: reach_note(ui, reach, &phone.dial_from, country),
        opening,
        // A toll-free line takes no texts.
        actions: phone::actions(ui, &phone.e164, &phone.e164, false),
        details: Some(Action::OpenContact {
            id: HOTLINE_ID.to_owned(),
        }),
        source_text: None,
    })
}

fn built_in_step(help: LocalHelp<'_>, kind: Kind, here: &str, ui: &Ui<'_>) -> HelpStep {
    let phone = help.phone;
    let reach = reachability(&phone.dial_from, Some(here));
    // An embassy or consulate helps its citizens where it is; another office (a ministry's, for
    // its workers) and a line at home say what they are for themselves.
    let (kind, why) = match kind {
        Kind::Mission if [EMBASSY, CONSULATE].contains(&help.def.kind.as_str()) => (
            HelpStepKind::EmbassyOrConsulate,
            ui.text("help_why_mission"),
        ),
        Kind::Mission => (HelpStepKind::EmbassyOrConsulate, help.description),
        Kind::LocalLine => (HelpStepKind::LocalLine, help.description),
    };
    HelpStep {
        kind,
        title: help.title,
        why,
        number: phone.number.clone(),
        reachability: reach,
        reach_note: reach_note(ui, reach, &phone.dial_from, Some(here)),
        opening: None,
        actions: phone::actions(ui, &phone.e164, &phone.e164, phone.texts),
        details: Some(Action::OpenContact {
            id: help.def.id.clone(),
        }),
        source_text: help.source_text,
    }
}

fn own_step(
    contact: &OwnContactView,
    kind: HelpStepKind,
    why: &str,
    country: Option<&str>,
    ui: &Ui<'_>,
) -> HelpStep {
    let dial_from = if contact.dialable_from_abroad {
        vec![]
    } else {
        vec![contact.country_code.clone()]
    };
    let reach = reachability(&dial_from, country);
    HelpStep {
        kind,
        title: contact.name.clone(),
        why: ui.text(why),
        number: contact.display_number.clone(),
        reachability: reach,
        reach_note: reach_note(ui, reach, &dial_from, country),
        opening: None,
        actions: contact.actions.clone(),
        details: None,
        source_text: None,
    }
}
