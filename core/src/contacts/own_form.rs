//! The own-contact form saved by one call: the contact is added (or the one being edited is
//! replaced) when every field is right; otherwise nothing changes and every field's problem
//! comes back in the person's words.

use std::time::SystemTime;

use serde::Serialize;

use super::own::{self, OwnContactInput, OwnContactsView};
use crate::error::{Error, Result};
use crate::forms::field_refusals;
use crate::profile::Profile;

/// A field of the own-contact form, to put a problem beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum OwnContactField {
    /// Who it is.
    Name,
    /// The country the number belongs to.
    Country,
    /// The phone number.
    Phone,
    /// The notes.
    Notes,
}

/// A problem with one field of the own-contact form, in the person's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct OwnContactFieldError {
    /// The field it belongs beside.
    pub field: OwnContactField,
    /// What is wrong and what to write instead.
    pub message: String,
}

/// What saving the own-contact form did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum OwnContactSaved {
    /// Saved; the contacts as they now are.
    Saved {
        /// The person's contacts.
        contacts: OwnContactsView,
    },
    /// Nothing was saved: every field's problem, in the form's order.
    Refused {
        /// One entry per field with a problem.
        errors: Vec<OwnContactFieldError>,
    },
}

/// Adds the contact, or replaces contact `editing`, when every field is right.
pub(crate) fn save(
    profile: &Profile,
    editing: Option<&str>,
    input: &OwnContactInput,
    now: SystemTime,
) -> Result<OwnContactSaved> {
    let problems = own::field_problems(input);
    if !problems.is_empty() {
        return refused(profile, problems);
    }
    let saved = match editing {
        Some(id) => own::edit(profile, id, input, now),
        None => own::add(profile, input, now),
    };
    match saved {
        Ok(contacts) => Ok(OwnContactSaved::Saved { contacts }),
        // A number already saved in another contact is the phone field's problem.
        Err(problem) => refused(profile, vec![problem]),
    }
}

/// The problems beside their fields, in the person's words; one that belongs to no field ("the
/// list is full", storage) is passed on as the save's failure.
fn refused(profile: &Profile, problems: Vec<Error>) -> Result<OwnContactSaved> {
    let prefs = profile.prefs();
    let field_of = |name: &str| match name {
        "name" => Some(OwnContactField::Name),
        "country" => Some(OwnContactField::Country),
        "phone" => Some(OwnContactField::Phone),
        "notes" => Some(OwnContactField::Notes),
        _ => None,
    };
    let errors = field_refusals(problems, &prefs.ui(), field_of)?
        .into_iter()
        .map(|(field, message)| OwnContactFieldError { field, message })
        .collect();
    Ok(OwnContactSaved::Refused { errors })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contacts::OwnContactKind;
    use crate::waymark::{Waymark, WaymarkOptions};

    fn open(dir: &tempfile::TempDir, language: &str) -> Waymark {
        let options = WaymarkOptions {
            language: language.into(),
            time_zone: "Europe/Moscow".into(),
            profile_key: vec![7; 32],
        };
        Waymark::open_at(&dir.path().join("p.sqlite"), &options).unwrap()
    }

    fn mum() -> OwnContactInput {
        OwnContactInput {
            name: "Mum".into(),
            kind: OwnContactKind::Family,
            country: "RU".into(),
            phone: "8 916 123-45-67".into(),
            notes: String::new(),
        }
    }

    fn now() -> SystemTime {
        SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_780_000_000)
    }

    #[test]
    fn every_field_s_problem_is_named_at_once_and_nothing_is_saved() {
        let dir = tempfile::tempdir().unwrap();
        let waymark = open(&dir, "ru");
        let input = OwnContactInput {
            name: "  ".into(),
            country: "Russia".into(),
            notes: "x".repeat(1000),
            ..mum()
        };
        let OwnContactSaved::Refused { errors } =
            waymark.save_own_contact(None, input, now()).unwrap()
        else {
            panic!("saved");
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                OwnContactField::Name,
                OwnContactField::Country,
                OwnContactField::Notes
            ]
        );
        assert!(
            errors
                .iter()
                .all(|e| e.message.chars().any(|c| ('а'..='я').contains(&c)))
        );
        assert!(waymark.own_contacts().unwrap().contacts.is_empty());

        // With the country right, the number is read in it and its problem is named too.
        let input = OwnContactInput {
            name: String::new(),
            phone: "12".into(),
            ..mum()
        };
        let OwnContactSaved::Refused { errors } =
            waymark.save_own_contact(None, input, now()).unwrap()
        else {
            panic!("saved");
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [OwnContactField::Name, OwnContactField::Phone]);
    }

    #[test]
    fn a_contact_is_added_then_edited_and_a_number_saved_twice_is_the_phones_problem() {
        let dir = tempfile::tempdir().unwrap();
        let waymark = open(&dir, "en");
        let OwnContactSaved::Saved { contacts } =
            waymark.save_own_contact(None, mum(), now()).unwrap()
        else {
            panic!("refused");
        };
        let id = contacts.contacts[0].id.clone();
        let again = waymark.save_own_contact(None, mum(), now()).unwrap();
        let OwnContactSaved::Refused { errors } = again else {
            panic!("a second Mum was saved");
        };
        assert_eq!(errors[0].field, OwnContactField::Phone);

        let renamed = OwnContactInput {
            name: "Mama".into(),
            ..mum()
        };
        let OwnContactSaved::Saved { contacts } =
            waymark.save_own_contact(Some(id), renamed, now()).unwrap()
        else {
            panic!("refused");
        };
        assert_eq!(contacts.contacts.len(), 1);
        assert_eq!(contacts.contacts[0].name, "Mama");
        // A contact that is gone is the call's error, not a field's.
        assert!(
            waymark
                .save_own_contact(
                    Some("999".into()),
                    OwnContactInput {
                        phone: "+7 495 123-45-67".into(),
                        ..mum()
                    },
                    now()
                )
                .is_err()
        );
    }
}
