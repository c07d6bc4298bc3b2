//! The checks on the emergency numbers' data (`emergency.toml`) when a pack loads: every number
//! shown to a person in danger must be one they can dial.

use std::collections::HashSet;

use super::source::EmergencyDef;

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
        match &def.source {
            Some(source) => {
                let web = source.starts_with("https://") || source.starts_with("http://");
                if !web || source.contains(char::is_whitespace) {
                    return Err(at("the source is not a web address".into()));
                }
                match &def.checked {
                    Some(checked) if is_date(checked) => {}
                    Some(checked) => {
                        return Err(at(format!("checked {checked:?} is not a YYYY-MM-DD date")));
                    }
                    None => {
                        return Err(at(
                            "a source needs the date it was checked (checked = YYYY-MM-DD)".into(),
                        ));
                    }
                }
                if let Some(page_date) = def.source_date.as_deref().filter(|d| !is_date(d)) {
                    return Err(at(format!(
                        "source_date {page_date:?} is not a YYYY-MM-DD date"
                    )));
                }
            }
            None if def.checked.is_some() || def.source_date.is_some() => {
                return Err(at("a date without a source".into()));
            }
            None => {}
        }
        let listed: Vec<&str> = numbers
            .iter()
            .filter(|(_, number)| number.is_some())
            .map(|(service, _)| *service)
            .collect();
        if let Some(unknown) = def
            .unconfirmed
            .iter()
            .find(|s| !listed.contains(&s.as_str()))
        {
            return Err(at(format!(
                "unconfirmed names {unknown:?}, which is not one of its services ({})",
                listed.join(", ")
            )));
        }
    }
    Ok(())
}

/// Whether `text` is a "YYYY-MM-DD" date.
pub(crate) fn is_date(text: &str) -> bool {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

/// Emergency numbers are short codes dialled as they are: 2 to 4 digits.
pub(crate) fn is_short_number(number: &str) -> bool {
    (2..=4).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit())
}
