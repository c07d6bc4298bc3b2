//! The check-in PINs form saved by one call: the two PINs and the signal phrase are set when
//! every field is right; otherwise nothing is stored and every field's problem comes back in the
//! person's words.

use serde::Serialize;

use super::{pins, plan, traveller};
use crate::error::{Error, Result, reason};
use crate::forms::field_refusals;
use crate::profile::Profile;

/// The check-in PINs form as the person filled it in.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CheckinPinsInput {
    /// The normal PIN, as typed.
    pub normal_pin: String,
    /// The help PIN (it checks in looking the same, and tells the family to act), as typed.
    pub help_pin: String,
    /// The signal phrase agreed with the family, as typed.
    pub signal_phrase: String,
}

/// A field of the check-in PINs form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum CheckinPinsField {
    /// The normal PIN.
    NormalPin,
    /// The help PIN.
    HelpPin,
    /// The signal phrase.
    SignalPhrase,
}

/// A problem with one field of the PINs form, in the person's words (never what was typed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct CheckinPinsFieldError {
    /// The field it belongs beside.
    pub field: CheckinPinsField,
    /// What is wrong and what to type instead.
    pub message: String,
}

/// What saving the PINs form did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum CheckinPinsSaved {
    /// The PINs and the phrase are set.
    Saved,
    /// Nothing was stored: every field's problem, in the form's order.
    Refused {
        /// One entry per field with a problem.
        errors: Vec<CheckinPinsFieldError>,
    },
}

/// Sets the PINs and the phrase when every field is right.
pub(crate) fn save(profile: &Profile, input: &CheckinPinsInput) -> Result<CheckinPinsSaved> {
    let mut problems = Vec::new();
    let normal = pins::validate_pin("normal_pin", &input.normal_pin);
    let help = pins::validate_pin("duress_pin", &input.help_pin);
    if normal.is_ok() && help.is_ok() && input.normal_pin == input.help_pin {
        problems.push(Error::invalid("duress_pin", reason::PINS_SAME));
    }
    problems.extend(normal.err());
    problems.extend(help.err());
    let phrase = plan::required_text(
        "signal_phrase",
        &input.signal_phrase,
        plan::SIGNAL_PHRASE_MAX_CHARS,
    );
    problems.extend(phrase.err());
    if problems.is_empty() {
        match traveller::set_pins(
            profile,
            &input.normal_pin,
            &input.help_pin,
            &input.signal_phrase,
        ) {
            Ok(()) => return Ok(CheckinPinsSaved::Saved),
            // PINs set already is the normal PIN's problem, as the form shows it.
            Err(problem) => problems.push(problem),
        }
    }
    let prefs = profile.prefs();
    let field_of = |name: &str| match name {
        "normal_pin" => Some(CheckinPinsField::NormalPin),
        "duress_pin" => Some(CheckinPinsField::HelpPin),
        "signal_phrase" => Some(CheckinPinsField::SignalPhrase),
        _ => None,
    };
    let errors = field_refusals(problems, &prefs.ui(), field_of)?
        .into_iter()
        .map(|(field, message)| CheckinPinsFieldError { field, message })
        .collect();
    Ok(CheckinPinsSaved::Refused { errors })
}

/// The change-PINs form as the person filled it in.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChangePinsInput {
    /// Either current PIN, as typed.
    pub current_pin: String,
    /// The new normal PIN, as typed.
    pub new_normal_pin: String,
    /// The new help PIN, as typed.
    pub new_help_pin: String,
}

/// A field of the change-PINs form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum ChangePinsField {
    /// The current PIN.
    CurrentPin,
    /// The new normal PIN.
    NewNormalPin,
    /// The new help PIN.
    NewHelpPin,
}

/// A problem with one field of the change-PINs form, in the person's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ChangePinsFieldError {
    /// The field it belongs beside.
    pub field: ChangePinsField,
    /// What is wrong and what to type instead.
    pub message: String,
}

/// What saving the change-PINs form did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ChangePinsSaved {
    /// The PINs are changed (what that means depends on which PIN was typed as the current
    /// one; it looks the same either way).
    Changed,
    /// Nothing changed: every field's problem, in the form's order.
    Refused {
        /// One entry per field with a problem.
        errors: Vec<ChangePinsFieldError>,
    },
}

/// Changes the PINs when every field is right. The new PINs' form is checked first, before the
/// current PIN is tried, so a refusal takes the same path whichever PIN was typed.
pub(crate) fn save_change(profile: &Profile, input: &ChangePinsInput) -> Result<ChangePinsSaved> {
    let mut problems = Vec::new();
    let normal = pins::validate_pin("new_normal_pin", &input.new_normal_pin);
    let help = pins::validate_pin("new_duress_pin", &input.new_help_pin);
    if normal.is_ok() && help.is_ok() && input.new_normal_pin == input.new_help_pin {
        problems.push(Error::invalid("new_duress_pin", reason::PINS_SAME));
    }
    problems.extend(normal.err());
    problems.extend(help.err());
    if problems.is_empty() {
        match traveller::change_pins(
            profile,
            &input.current_pin,
            &input.new_normal_pin,
            &input.new_help_pin,
        ) {
            Ok(()) => return Ok(ChangePinsSaved::Changed),
            Err(problem) => problems.push(problem),
        }
    }
    let prefs = profile.prefs();
    let field_of = |name: &str| match name {
        "current_pin" => Some(ChangePinsField::CurrentPin),
        "new_normal_pin" => Some(ChangePinsField::NewNormalPin),
        "new_duress_pin" => Some(ChangePinsField::NewHelpPin),
        _ => None,
    };
    let errors = field_refusals(problems, &prefs.ui(), field_of)?
        .into_iter()
        .map(|(field, message)| ChangePinsFieldError { field, message })
        .collect();
    Ok(ChangePinsSaved::Refused { errors })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::waymark::{Waymark, WaymarkOptions};

    fn open(dir: &tempfile::TempDir) -> Waymark {
        let options = WaymarkOptions {
            language: "ru".into(),
            time_zone: "Europe/Moscow".into(),
            profile_key: vec![7; 32],
        };
        Waymark::open_at(&dir.path().join("p.sqlite"), &options).unwrap()
    }

    fn input(normal: &str, help: &str, phrase: &str) -> CheckinPinsInput {
        CheckinPinsInput {
            normal_pin: normal.into(),
            help_pin: help.into(),
            signal_phrase: phrase.into(),
        }
    }

    fn fields(outcome: CheckinPinsSaved) -> Vec<CheckinPinsField> {
        match outcome {
            CheckinPinsSaved::Refused { errors } => {
                assert!(
                    errors
                        .iter()
                        .all(|e| e.message.chars().any(|c| ('а'..='я').contains(&c)))
                );
                errors.iter().map(|e| e.field).collect()
            }
            CheckinPinsSaved::Saved => panic!("saved"),
        }
    }

    #[test]
    fn every_field_s_problem_is_named_at_once_and_nothing_is_stored() {
        let dir = tempfile::tempdir().unwrap();
        let waymark = open(&dir);
        assert_eq!(
            fields(waymark.save_checkin_pins(input("12", "abcd", " ")).unwrap()),
            [
                CheckinPinsField::NormalPin,
                CheckinPinsField::HelpPin,
                CheckinPinsField::SignalPhrase
            ]
        );
        assert_eq!(
            fields(
                waymark
                    .save_checkin_pins(input("2468", "2468", "кот на крыше"))
                    .unwrap()
            ),
            [CheckinPinsField::HelpPin]
        );
        // Nothing was stored: a right form still saves.
        assert_eq!(
            waymark
                .save_checkin_pins(input("2468", "1357", "кот на крыше"))
                .unwrap(),
            CheckinPinsSaved::Saved
        );
        // Once set, the form refuses, on the normal PIN's field.
        assert_eq!(
            fields(
                waymark
                    .save_checkin_pins(input("1111", "2222", "другая"))
                    .unwrap()
            ),
            [CheckinPinsField::NormalPin]
        );
    }
}
