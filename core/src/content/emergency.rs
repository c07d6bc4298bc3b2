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
        check_dated_source(
            def.source.as_deref(),
            def.source_date.as_deref(),
            def.checked.as_deref(),
        )
        .map_err(at)?;
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

/// Checks where a number comes from: a web address, the date it was compared with it
/// (`checked`) and, if the page shows one, the page's date; no date without a source.
pub(crate) fn check_dated_source(
    source: Option<&str>,
    source_date: Option<&str>,
    checked: Option<&str>,
) -> std::result::Result<(), String> {
    let Some(source) = source else {
        return match source_date.or(checked) {
            Some(_) => Err("a date without a source".into()),
            None => Ok(()),
        };
    };
    let web = source.starts_with("https://") || source.starts_with("http://");
    if !web || source.contains(char::is_whitespace) {
        return Err("the source is not a web address".into());
    }
    match checked {
        Some(checked) if is_date(checked) => {}
        Some(checked) => return Err(format!("checked {checked:?} is not a YYYY-MM-DD date")),
        None => return Err("a source needs the date it was checked (checked = YYYY-MM-DD)".into()),
    }
    match source_date.filter(|d| !is_date(d)) {
        Some(page_date) => Err(format!(
            "source_date {page_date:?} is not a YYYY-MM-DD date"
        )),
        None => Ok(()),
    }
}

/// Whether `text` is a "YYYY-MM-DD" date.
pub(crate) fn is_date(text: &str) -> bool {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

/// Emergency numbers are short codes dialled as they are: 2 to 4 digits.
pub(crate) fn is_short_number(number: &str) -> bool {
    (2..=4).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit())
}
