//! The person's own contacts: add, edit, remove, list. Every value is checked before anything is
//! written; a rejected change stores nothing and names the field that was wrong.

use std::time::SystemTime;

use serde::Serialize;

use super::phone::{self, ContactAction};
use super::store::{self, Fields, Row};
use crate::content::ui::Ui;
use crate::error::{Error, Result, reason};
use crate::profile::Profile;

/// At most this many characters in a contact's name.
pub const OWN_CONTACT_NAME_MAX_CHARS: u32 = 80;
/// At most this many characters in a contact's notes.
pub const OWN_CONTACT_NOTES_MAX_CHARS: u32 = 500;
/// At most this many own contacts.
pub const OWN_CONTACTS_MAX: u32 = 200;

/// What kind of contact the person saved; it decides where the contact appears in "help now".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum OwnContactKind {
    /// Family or a friend at home.
    Family,
    /// Their country's embassy or consulate.
    EmbassyOrConsulate,
    /// The employer.
    Employer,
    /// The recruitment agency.
    RecruitmentAgency,
    /// An organisation that helps people in difficulty.
    SupportOrganisation,
    /// Anyone else.
    Other,
}

impl OwnContactKind {
    /// Every kind, in the order a picker shows them.
    pub(crate) const ALL: [Self; 6] = [
        Self::Family,
        Self::EmbassyOrConsulate,
        Self::Employer,
        Self::RecruitmentAgency,
        Self::SupportOrganisation,
        Self::Other,
    ];

    /// The stored name; never changes once released.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Family => "family",
            Self::EmbassyOrConsulate => "embassy_or_consulate",
            Self::Employer => "employer",
            Self::RecruitmentAgency => "recruitment_agency",
            Self::SupportOrganisation => "support_organisation",
            Self::Other => "other",
        }
    }

    pub(crate) fn from_stored(name: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == name)
            .unwrap_or(Self::Other)
    }

    fn label_key(self) -> &'static str {
        match self {
            Self::Family => "kind_family",
            Self::EmbassyOrConsulate => "kind_embassy",
            Self::Employer => "kind_employer",
            Self::RecruitmentAgency => "kind_agency",
            Self::SupportOrganisation => "kind_support",
            Self::Other => "kind_other",
        }
    }
}

/// A contact as the person typed it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OwnContactInput {
    /// Who it is; not blank.
    pub name: String,
    /// What kind of contact.
    pub kind: OwnContactKind,
    /// The country the number belongs to (ISO 3166-1 alpha-2, e.g. "DE"); a number written
    /// without "+" is read as that country's number.
    pub country: String,
    /// The phone number in any usual form: "030 1234567", "+49 30 1234567", "0049 30 1234567".
    pub phone: String,
    /// Anything to remember (address, opening hours, a name to ask for); may be empty.
    pub notes: String,
}

/// One of the person's own contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct OwnContactView {
    /// Stable id, for edit and remove.
    pub id: String,
    /// Its position in the list, from 1.
    pub number: u32,
    /// The name.
    pub name: String,
    /// The kind.
    pub kind: OwnContactKind,
    /// The kind in words.
    pub kind_label: String,
    /// ISO country code.
    pub country_code: String,
    /// The country's name.
    pub country: String,
    /// The number in E.164 form, "+493012345678".
    pub e164: String,
    /// The number for reading, "+49 30 12345678".
    pub display_number: String,
    /// The notes; empty when none.
    pub notes: String,
    /// False when the number can be dialled only from inside its own country.
    pub dialable_from_abroad: bool,
    /// Call, text (mobile numbers) and copy.
    pub actions: Vec<ContactAction>,
}

/// A kind as a picker shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct OwnContactKindOption {
    /// The kind.
    pub kind: OwnContactKind,
    /// Its name.
    pub label: String,
}

/// The screen with the person's own contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct OwnContactsView {
    /// "Your contacts".
    pub title: String,
    /// The contacts, oldest first.
    pub contacts: Vec<OwnContactView>,
    /// Shown when there are none.
    pub empty_text: String,
    /// The kinds for the add and edit form.
    pub kinds: Vec<OwnContactKindOption>,
    /// Label for the notes field.
    pub notes_label: String,
    /// Label for the country field.
    pub country_label: String,
}

/// Adds a contact; bad input is refused with the field named, and nothing is stored.
pub(crate) fn add(
    profile: &Profile,
    contact: &OwnContactInput,
    now: SystemTime,
) -> Result<OwnContactsView> {
    let fields = checked(contact)?;
    profile.db.write(|tx| {
        if store::count(tx)? >= OWN_CONTACTS_MAX {
            return Err(Error::invalid_with(
                "contact",
                reason::CONTACTS_FULL,
                &[("max", OWN_CONTACTS_MAX.to_string())],
            ));
        }
        refuse_duplicate(tx, &fields.e164, None)?;
        store::insert(tx, &fields, now)?;
        Ok(())
    })?;
    own_contacts_view(profile)
}

/// Replaces every field of contact `id`, with the same checks as adding.
pub(crate) fn edit(
    profile: &Profile,
    id: &str,
    contact: &OwnContactInput,
    now: SystemTime,
) -> Result<OwnContactsView> {
    let row_id = parse_id(id)?;
    let fields = checked(contact)?;
    profile.db.write(|tx| {
        refuse_duplicate(tx, &fields.e164, Some(row_id))?;
        if !store::update(tx, row_id, &fields, now)? {
            return Err(Error::not_found("contact", id));
        }
        Ok(())
    })?;
    own_contacts_view(profile)
}

/// Removes contact `id`.
pub(crate) fn remove(profile: &Profile, id: &str) -> Result<OwnContactsView> {
    let row_id = parse_id(id)?;
    profile.db.write(|tx| {
        if !store::delete(tx, row_id)? {
            return Err(Error::not_found("contact", id));
        }
        Ok(())
    })?;
    own_contacts_view(profile)
}

/// The person's own contacts.
pub(crate) fn own_contacts_view(profile: &Profile) -> Result<OwnContactsView> {
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let rows = profile.db.read(store::list)?;
    Ok(OwnContactsView {
        title: ui.text("own_contacts_title"),
        contacts: rows
            .iter()
            .zip(1..)
            .map(|(row, number)| own_view(row, number, &ui))
            .collect(),
        empty_text: ui.text("own_contacts_empty"),
        kinds: OwnContactKind::ALL
            .into_iter()
            .map(|kind| OwnContactKindOption {
                kind,
                label: ui.text(kind.label_key()),
            })
            .collect(),
        notes_label: ui.text("label_notes"),
        country_label: ui.text("label_country"),
    })
}

/// The stored contacts as views, for "help now".
pub(crate) fn own_contact_views(profile: &Profile, ui: &Ui<'_>) -> Result<Vec<OwnContactView>> {
    let rows = profile.db.read(store::list)?;
    Ok(rows
        .iter()
        .zip(1..)
        .map(|(row, number)| own_view(row, number, ui))
        .collect())
}

fn own_view(row: &Row, number: u32, ui: &Ui<'_>) -> OwnContactView {
    let f = &row.fields;
    let kind = OwnContactKind::from_stored(&f.kind);
    // Stored numbers were valid when saved; a newer metadata release could disagree, and then
    // the number is still shown and dialled as saved.
    let (display_number, textable, dialable_from_abroad) =
        match phone::normalise(&f.e164, &f.country) {
            Ok(n) => (n.international, n.textable, n.dialable_from_abroad),
            Err(_) => (f.e164.clone(), true, true),
        };
    OwnContactView {
        id: row.id.to_string(),
        number,
        name: f.name.clone(),
        kind,
        kind_label: ui.text(kind.label_key()),
        country_code: f.country.clone(),
        country: ui.country(&f.country),
        e164: f.e164.clone(),
        display_number,
        notes: f.notes.clone(),
        dialable_from_abroad,
        actions: phone::actions(ui, &f.e164, &f.e164, textable),
    }
}

/// Checks every field, in form order, and returns the values to store.
/// Every field's problem, each checked on its own (the number only once the country is right, as
/// it is read in that country).
pub(crate) fn field_problems(input: &OwnContactInput) -> Vec<Error> {
    let mut problems = Vec::new();
    let name = input.name.trim();
    if name.is_empty() {
        problems.push(Error::invalid("name", reason::NAME_BLANK));
    } else if let Err(problem) = within("name", name, OWN_CONTACT_NAME_MAX_CHARS) {
        problems.push(problem);
    }
    match phone::country("country", &input.country) {
        Ok(country) => {
            if let Err(problem) = phone::normalise(&input.phone, &country) {
                problems.push(problem);
            }
        }
        Err(problem) => problems.push(problem),
    }
    if let Err(problem) = within("notes", input.notes.trim(), OWN_CONTACT_NOTES_MAX_CHARS) {
        problems.push(problem);
    }
    problems
}

fn checked(input: &OwnContactInput) -> Result<Fields> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(Error::invalid("name", reason::NAME_BLANK));
    }
    within("name", name, OWN_CONTACT_NAME_MAX_CHARS)?;
    let country = phone::country("country", &input.country)?;
    let number = phone::normalise(&input.phone, &country)?;
    let notes = input.notes.trim();
    within("notes", notes, OWN_CONTACT_NOTES_MAX_CHARS)?;
    Ok(Fields {
        name: name.to_owned(),
        kind: input.kind.as_str().to_owned(),
        country,
        e164: number.e164,
        notes: notes.to_owned(),
    })
}

fn within(field: &str, text: &str, max: u32) -> Result<()> {
    if text.chars().count() > max as usize {
        return Err(Error::invalid_with(
            field,
            reason::CONTACT_TOO_LONG,
            &[("max", max.to_string())],
        ));
    }
    Ok(())
}

fn refuse_duplicate(conn: &rusqlite::Connection, e164: &str, except: Option<i64>) -> Result<()> {
    if store::number_taken(conn, e164, except)? {
        return Err(Error::invalid("phone", reason::PHONE_DUPLICATE));
    }
    Ok(())
}

fn parse_id(id: &str) -> Result<i64> {
    id.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| Error::not_found("contact", id))
}
