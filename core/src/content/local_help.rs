//! The checks on `local-help.toml` when a pack loads: the embassies, consulates and local help
//! lines a person is shown where they are. Each must say whose mission it is, name the page that
//! states its numbers and when it was compared with it, and carry numbers a phone can dial.

use super::emergency::check_dated_source;
use super::source::ContactDef;

/// An embassy: `of` names whose.
pub(crate) const EMBASSY: &str = "embassy";
/// A consulate: `of` names whose.
pub(crate) const CONSULATE: &str = "consulate";
/// Another office a country keeps abroad for its citizens, such as one for migrant workers:
/// `of` names whose.
pub(crate) const OFFICE: &str = "office";
/// A country's round-the-clock line for its citizens anywhere abroad, at home (`country` and
/// `of` are the same): listed with the missions in every other country.
pub(crate) const CITIZENS_ABROAD_LINE: &str = "citizens-abroad-line";
/// A line in the country for victims of trafficking or for migrant workers.
pub(crate) const LOCAL_LINE: &str = "local-line";

/// Whether a contact of `kind` is a country's mission abroad (an embassy, a consulate or another
/// office for its citizens).
pub(crate) fn is_mission(kind: &str) -> bool {
    kind == EMBASSY || kind == CONSULATE || kind == OFFICE
}

/// Whether a contact is listed with the missions of `country`: a mission there, or the line
/// another country keeps for its citizens abroad.
pub(crate) fn helps_in(def: &ContactDef, country: &str) -> bool {
    if def.kind == CITIZENS_ABROAD_LINE {
        def.of
            .as_deref()
            .is_some_and(|of| !of.eq_ignore_ascii_case(country))
    } else {
        is_mission(&def.kind) && def.country.eq_ignore_ascii_case(country)
    }
}

/// Checks every contact of `local-help.toml`.
pub(crate) fn check_local_help(contacts: &[ContactDef]) -> std::result::Result<(), String> {
    for def in contacts {
        check_one(def).map_err(|reason| format!("local-help.toml: {}: {reason}", def.id))?;
    }
    Ok(())
}

fn check_one(def: &ContactDef) -> std::result::Result<(), String> {
    let is_code = |c: &str| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase());
    if !is_code(&def.country) {
        return Err("the country is not an ISO 3166-1 alpha-2 code".into());
    }
    match (def.kind.as_str(), def.of.as_deref()) {
        (kind, Some(of)) if is_mission(kind) => {
            if !is_code(of) {
                return Err("`of` is not an ISO 3166-1 alpha-2 code".into());
            }
            if of == def.country {
                return Err("a mission is abroad: `of` cannot be the country it is in".into());
            }
        }
        (kind, None) if is_mission(kind) => {
            return Err(
                "an embassy, consulate or office needs `of`, the country whose it is".into(),
            );
        }
        (CITIZENS_ABROAD_LINE, Some(of)) if of == def.country => {}
        (CITIZENS_ABROAD_LINE, _) => {
            return Err("a line for citizens abroad is at home: `of` = `country`".into());
        }
        (LOCAL_LINE, None) => {}
        (LOCAL_LINE, Some(_)) => return Err("a local line has no `of`".into()),
        (kind, _) => {
            return Err(format!(
                "kind {kind:?} is not {EMBASSY}, {CONSULATE}, {OFFICE}, {CITIZENS_ABROAD_LINE} \
                 or {LOCAL_LINE}"
            ));
        }
    }
    if def.source.is_none() {
        return Err("every number here needs the page that states it (`source`)".into());
    }
    check_dated_source(
        def.source.as_deref(),
        def.source_date.as_deref(),
        def.checked.as_deref(),
    )?;
    if def.phones.is_empty() {
        return Err("no phone number".into());
    }
    for phone in &def.phones {
        if phone.short {
            let digits = (3..=6).contains(&phone.number.len())
                && phone.number.bytes().all(|b| b.is_ascii_digit());
            if !digits || phone.e164 != phone.number {
                return Err(format!(
                    "short number {:?} must be 3 to 6 digits, the same in `number` and `e164`",
                    phone.number
                ));
            }
            if phone.dial_from != [def.country.clone()] {
                return Err(format!(
                    "short number {} works only inside its country: dial_from = [{:?}]",
                    phone.number, def.country
                ));
            }
        } else if !phone.e164.starts_with('+') {
            return Err(format!("{:?} is not in E.164 form", phone.e164));
        }
    }
    if def.hours.is_some() {
        return Err("hours are not shown for these contacts; say them in the note".into());
    }
    Ok(())
}
