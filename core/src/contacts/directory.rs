//! The built-in contact directory: who to call, when they are open, and what a call costs.

use std::time::SystemTime;

use serde::Serialize;

use super::hours::{OpeningView, describe, opening_view};
use super::phone::{self, ContactAction};
use crate::action::Action;
use crate::content::hours::Hours;
use crate::content::ui::Ui;
use crate::content::{ContactDef, ContactText};
use crate::error::{Error, Result};
use crate::profile::{Prefs, Profile};

/// One contact from the built-in directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ContactView {
    /// Stable id.
    pub id: String,
    /// What kind of place it is: "hotline", "information-centre", "shelter", "embassy",
    /// "consulate", "office" (a government's office abroad for its citizens),
    /// "citizens-abroad-line" (a country's line for its citizens anywhere abroad) or
    /// "local-line".
    pub kind: String,
    /// For an embassy, a consulate or another office, or a country's line for its citizens
    /// abroad: the country whose it is, by name.
    pub of: Option<String>,
    /// Its name.
    pub name: String,
    /// What it does and for whom.
    pub description: String,
    /// What it offers, one line each.
    pub services: Vec<String>,
    /// Street address, where it has one.
    pub address: Option<String>,
    /// The country it is in, by name.
    pub country: String,
    /// Opening hours in its own zone.
    pub hours: Option<String>,
    /// Whether it is within its regular hours at `now`; None when its hours are not known.
    /// Public holidays are not known, so the shell should not promise more than this.
    pub open_now: Option<bool>,
    /// `open_now` in words ("Usually answers at this hour", "Usually closed at this hour").
    pub status: Option<String>,
    /// When it next opens or closes, on its clock and on the person's, with the note that
    /// public holidays are not known; None when its hours are not known.
    pub opening: Option<OpeningView>,
    /// How many people it can take at a time, where that is limited.
    pub capacity: Option<u32>,
    /// `capacity` in words.
    pub capacity_text: Option<String>,
    /// Dated or uncertain information to read with care.
    pub note: Option<String>,
    /// Where its numbers come from, the page's date and when they were compared with it; or
    /// that they are not confirmed and why. None for a contact without a source of its own.
    pub source_text: Option<String>,
    /// False when its numbers are not confirmed: `source_text` and `note` say why.
    pub confirmed: bool,
    /// Its phone numbers.
    pub phones: Vec<PhoneView>,
    /// The contact that refers people here, if one must be contacted first.
    pub referral_via: Option<ContactRef>,
    /// The language the texts are in.
    pub language: String,
    /// Localised labels for the screen's fields.
    pub labels: ContactLabels,
}

/// Localised labels for the fields of a contact screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ContactLabels {
    /// "Address".
    pub address: String,
    /// "Hours".
    pub hours: String,
    /// "Phone".
    pub phones: String,
    /// "What they help with".
    pub services: String,
    /// "How to get a place".
    pub referral: String,
}

/// A phone number with what it costs and how to call it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct PhoneView {
    /// The number as written in its country, e.g. "8-800-333-00-16".
    pub number: String,
    /// The number in E.164 form, e.g. "+78003330016".
    pub e164: String,
    /// True for a toll-free number (free to call where it can be reached).
    pub toll_free: bool,
    /// Where the number is free and where it cannot be reached, if that is limited.
    pub cost_note: Option<String>,
    /// Dial the number.
    pub call: Action,
    /// Call and copy (and text, for a number that takes texts).
    pub actions: Vec<ContactAction>,
}

/// A pointer to another contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ContactRef {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// One contact from the built-in directory, with its opening state at `now`.
pub(crate) fn contact_view(profile: &Profile, id: &str, now: SystemTime) -> Result<ContactView> {
    contact_view_in(&profile.prefs(), id, now)
}

/// One contact in the snapshot `prefs`.
pub(crate) fn contact_view_in(prefs: &Prefs, id: &str, now: SystemTime) -> Result<ContactView> {
    let ui = prefs.ui();
    let (def, text, language) = directory_entry(prefs, id)?;
    let hours = def
        .hours
        .as_ref()
        .map(Hours::parse)
        .transpose()
        .map_err(Error::Content)?;
    let opening = hours
        .as_ref()
        .and_then(|h| opening_view(h, now, &prefs.zone, &ui));
    let referral_via = match &def.referral_via {
        Some(via) => {
            let (_, text, _) = directory_entry(prefs, via)?;
            Some(ContactRef {
                id: via.clone(),
                name: text.name.clone(),
            })
        }
        None => None,
    };
    Ok(ContactView {
        id: def.id.clone(),
        kind: def.kind.clone(),
        of: def.of.as_deref().map(|of| ui.country(of)),
        name: text.name.clone(),
        description: text.description.clone(),
        services: text.services.clone(),
        address: text.address.clone(),
        country: ui.country(&def.country),
        hours: hours.as_ref().map(|h| describe(h, &ui)),
        open_now: opening.as_ref().map(|o| o.open_now),
        status: opening.as_ref().map(|o| o.status.clone()),
        opening,
        capacity: def.capacity,
        capacity_text: def
            .capacity
            .map(|count| ui.format("capacity", &[("count", &count.to_string())])),
        note: text.note.clone(),
        source_text: source_text(def, &ui),
        confirmed: !def.unconfirmed,
        phones: phones(def, &ui),
        referral_via,
        language: language.to_owned(),
        labels: ContactLabels {
            address: ui.text("label_address"),
            hours: ui.text("label_hours"),
            phones: ui.text("label_phones"),
            services: ui.text("label_services"),
            referral: ui.text("label_referral"),
        },
    })
}

pub(crate) fn directory_entry<'a>(
    prefs: &'a Prefs,
    id: &str,
) -> Result<(&'a ContactDef, &'a ContactText, &'a str)> {
    let def = prefs
        .pack
        .contacts
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(|| Error::not_found("contact", id))?;
    let text = prefs
        .pack
        .find(&prefs.chain, |t| t.contacts.get(id))
        .ok_or_else(|| Error::Content(format!("contact {id} has no text")))?;
    Ok((def, text.value, text.language))
}

/// Where a contact's numbers come from, in words: the page and its date and when we compared
/// them, or that they are not confirmed.
pub(crate) fn source_text(def: &ContactDef, ui: &Ui<'_>) -> Option<String> {
    let source = def.source.as_deref()?;
    let checked = def.checked.as_deref().unwrap_or_default();
    let (key, page_date) = match (def.unconfirmed, def.source_date.as_deref()) {
        (true, Some(date)) => ("contact_source_not_confirmed", date),
        (true, None) => ("contact_source_not_confirmed_undated", ""),
        (false, Some(date)) => ("emergency_source", date),
        (false, None) => ("emergency_source_undated", ""),
    };
    Some(ui.format(
        key,
        &[
            ("source", source),
            ("page_date", page_date),
            ("checked", checked),
        ],
    ))
}

fn phones(def: &ContactDef, ui: &Ui<'_>) -> Vec<PhoneView> {
    def.phones
        .iter()
        .map(|phone| PhoneView {
            number: phone.number.clone(),
            e164: phone.e164.clone(),
            toll_free: phone.toll_free,
            cost_note: phone
                .free_only_within
                .as_ref()
                .map(|country| ui.format("toll_free_within", &[("country", &ui.country(country))])),
            call: Action::dial(&phone.e164),
            actions: phone::actions(ui, &phone.e164, &phone.e164, phone.texts),
        })
        .collect()
}
