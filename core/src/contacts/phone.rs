//! Phone numbers as people write them, checked and normalised to E.164 by libphonenumber (never
//! by a home-made pattern), and the actions a number offers: call, text, copy.

use rlibphonenumber::{PHONE_NUMBER_UTIL, ParseError, PhoneNumber, PhoneNumberFormat};
use rlibphonenumber::{PhoneNumberType, Region};
use serde::Serialize;

use crate::action::Action;
use crate::content::ui::Ui;
use crate::error::{Error, Result, reason};

/// A longer input is not a phone number, whatever it holds.
const PHONE_MAX_CHARS: usize = 40;

/// A checked number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Normalised {
    /// "+493012345678".
    pub e164: String,
    /// "+49 30 12345678", for reading.
    pub international: String,
    /// False for numbers that cannot take a text message (landlines, toll-free numbers).
    pub textable: bool,
    /// False for numbers that can be dialled only from inside their own country, such as most
    /// toll-free numbers (libphonenumber's metadata knows which).
    pub dialable_from_abroad: bool,
}

/// A country code as typed ("de", " DE ") checked and upper-cased, or an error naming `field`.
pub(crate) fn country(field: &str, code: &str) -> Result<String> {
    let code = code.trim().to_ascii_uppercase();
    let known = code.len() == 2
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && code
            .parse::<Region>()
            .ok()
            .and_then(|region| PHONE_NUMBER_UTIL.get_country_code_for_region(region))
            .is_some();
    if known {
        Ok(code)
    } else {
        Err(Error::invalid(field, reason::PHONE_COUNTRY))
    }
}

/// Parses `input` as written in `region` (an already checked country code): national forms
/// ("030 1234567", "8 (800) 333-00-16"), international ones ("+7 800 …") and those with an
/// international prefix ("0049 30 …") all give the same E.164 number.
pub(crate) fn normalise(input: &str, region: &str) -> Result<Normalised> {
    let field = "phone";
    let input = input.trim();
    if input.is_empty() {
        return Err(Error::invalid(field, reason::PHONE_EMPTY));
    }
    if input.chars().count() > PHONE_MAX_CHARS {
        return Err(Error::invalid_with(
            field,
            reason::PHONE_TOO_LONG,
            &[("max", PHONE_MAX_CHARS.to_string())],
        ));
    }
    let region = region.parse::<Region>().ok();
    let number = PhoneNumber::parse(input, region).map_err(|err| {
        let reason = match err {
            ParseError::InvalidCountryCode => reason::PHONE_DIALLING_CODE,
            ParseError::TooShortNsn | ParseError::TooShortAfterIdd => reason::PHONE_TOO_SHORT,
            ParseError::TooLongNsn => reason::PHONE_TOO_MANY_DIGITS,
            ParseError::NotANumber(_) => reason::PHONE_NOT_A_NUMBER,
        };
        Error::invalid(field, reason)
    })?;
    if !number.is_valid() {
        return Err(Error::invalid(field, reason::PHONE_INVALID));
    }
    let kind = number.get_type();
    let textable = !matches!(
        kind,
        PhoneNumberType::FixedLine
            | PhoneNumberType::TollFree
            | PhoneNumberType::PremiumRate
            | PhoneNumberType::SharedCost
            | PhoneNumberType::Pager
            | PhoneNumberType::VoiceMail
    );
    Ok(Normalised {
        // Toll-free numbers (Russia's 8-800 among them) are usually unreachable from abroad even
        // where the metadata does not mark them as domestic-only.
        dialable_from_abroad: number.can_be_internationally_dialled()
            && kind != PhoneNumberType::TollFree,
        e164: number.format_as(PhoneNumberFormat::E164).into_owned(),
        international: number
            .format_as(PhoneNumberFormat::International)
            .into_owned(),
        textable,
    })
}

/// Something a person can do with a number, labelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ContactAction {
    /// The button's label ("Call", "Text", "Copy number").
    pub label: String,
    /// What the shell does.
    pub action: Action,
}

/// Call, text (when the number can take texts) and copy, in that order. `copy` is the number as
/// it should be pasted: E.164 for full numbers, the digits for short emergency numbers.
pub(crate) fn actions(ui: &Ui<'_>, dial: &str, copy: &str, textable: bool) -> Vec<ContactAction> {
    let mut actions = vec![ContactAction {
        label: ui.text("action_call"),
        action: Action::dial(dial),
    }];
    if textable {
        actions.push(ContactAction {
            label: ui.text("action_text"),
            action: Action::sms(dial),
        });
    }
    actions.push(ContactAction {
        label: ui.text("action_copy"),
        action: Action::copy(copy),
    });
    actions
}
