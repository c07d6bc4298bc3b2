//! The job-offer form saved by one call: the offer is saved (or the one being edited replaced)
//! when every typed field is right; otherwise nothing changes and every field's problem comes
//! back in the person's words.

use std::time::SystemTime;

use serde::Serialize;

use super::offer::{self, OfferCheckView, OfferInput};
use crate::error::Result;
use crate::forms::field_refusals;
use crate::profile::Profile;

/// A typed field of the job-offer form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum OfferField {
    /// The job title.
    Title,
    /// The agency or employer.
    Employer,
    /// The country of the job.
    Country,
    /// The notes.
    Notes,
    /// The pasted ad.
    AdText,
}

/// A problem with one field of the job-offer form, in the person's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct OfferFieldError {
    /// The field it belongs beside.
    pub field: OfferField,
    /// What is wrong and what to write instead.
    pub message: String,
}

/// What saving the job-offer form did.
// Made once per save and handed across the FFI by value, where a box would be copied out anyway.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum OfferSaved {
    /// Saved; the offer's check as it now stands.
    Saved {
        /// The saved offer with its result.
        check: OfferCheckView,
    },
    /// Nothing was saved: every field's problem, in the form's order.
    Refused {
        /// One entry per field with a problem.
        errors: Vec<OfferFieldError>,
    },
}

/// Saves a new offer (`id` None) or replaces offer `id`, when every typed field is right.
pub(crate) fn save(
    profile: &Profile,
    id: Option<i64>,
    input: OfferInput,
    now: SystemTime,
) -> Result<OfferSaved> {
    let mut problems = offer::field_problems(&input);
    if problems.is_empty() {
        match offer::offer_save(profile, id, input, now) {
            Ok(check) => return Ok(OfferSaved::Saved { check }),
            Err(problem) => problems.push(problem),
        }
    }
    let prefs = profile.prefs();
    // The answers or a full list are the save's failure, not a field's.
    let field_of = |name: &str| match name {
        "title" => Some(OfferField::Title),
        "employer" => Some(OfferField::Employer),
        "country" => Some(OfferField::Country),
        "notes" => Some(OfferField::Notes),
        "text" => Some(OfferField::AdText),
        _ => None,
    };
    let errors = field_refusals(problems, &prefs.ui(), field_of)?
        .into_iter()
        .map(|(field, message)| OfferFieldError { field, message })
        .collect();
    Ok(OfferSaved::Refused { errors })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::waymark::{Waymark, WaymarkOptions};

    #[test]
    fn every_typed_field_s_problem_is_named_at_once_and_nothing_is_saved() {
        let dir = tempfile::tempdir().unwrap();
        let options = WaymarkOptions {
            language: "en".into(),
            time_zone: "Europe/Moscow".into(),
            profile_key: vec![7; 32],
        };
        let waymark = Waymark::open_at(&dir.path().join("p.sqlite"), &options).unwrap();
        let input = OfferInput {
            title: " ".into(),
            employer: "Line one\nline two".into(),
            country: "x".repeat(500),
            notes: String::new(),
            answers: Vec::new(),
            ad_text: Some("   ".into()),
        };
        let OfferSaved::Refused { errors } = waymark
            .save_offer(None, input.clone(), SystemTime::UNIX_EPOCH)
            .unwrap()
        else {
            panic!("saved");
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                OfferField::Title,
                OfferField::Employer,
                OfferField::Country,
                OfferField::AdText
            ]
        );
        assert!(
            errors
                .iter()
                .all(|e| !e.message.is_empty() && !e.message.contains('{'))
        );
        assert!(waymark.offers().unwrap().offers.is_empty());

        let right = OfferInput {
            title: "Hotel cleaner".into(),
            employer: "Marmara".into(),
            country: "Türkiye".into(),
            ad_text: None,
            ..input
        };
        let OfferSaved::Saved { check } = waymark
            .save_offer(None, right, SystemTime::UNIX_EPOCH)
            .unwrap()
        else {
            panic!("refused");
        };
        assert!(check.id.is_some());
        assert_eq!(waymark.offers().unwrap().offers.len(), 1);
    }
}
