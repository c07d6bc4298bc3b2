//! The embassies, consulates and local help lines of `local-help.toml`: every country of the
//! data has them or a record of the search that did not find them; every number names its page
//! and date or says it is not confirmed; "help now" and the family's steps show them where the
//! person is.

use std::time::SystemTime;

use serde::Deserialize;

use super::tests::{open, utc};
use super::*;
use crate::action::Action;
use crate::content::local_help::{LOCAL_LINE, OFFICE, helps_in, is_mission};
use crate::content::{ContactDef, LocalHelpFile, default_pack};

/// The moment every test here looks at: a Wednesday noon.
fn now() -> SystemTime {
    utc("2026-03-04T12:00:00Z")
}

/// `local-help-not-found.toml`: what was searched for and not found (authors only).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NotFoundFile {
    missing: Vec<Missing>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Missing {
    country: String,
    what: String,
    #[serde(default)]
    of: Option<String>,
    searched: String,
    how: String,
}

fn not_found() -> Vec<Missing> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/content/local-help-not-found.toml"
    );
    let text = std::fs::read_to_string(path).unwrap();
    toml::from_str::<NotFoundFile>(&text).unwrap().missing
}

/// The entries of `local-help.toml`, as written.
fn local_help_contacts() -> Vec<ContactDef> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/content/local-help.toml");
    toml::from_str::<LocalHelpFile>(&std::fs::read_to_string(path).unwrap())
        .unwrap()
        .contact
}

/// The missions a traveller from each country of the guide's readers needs: Russia's abroad,
/// and in Russia those of Uzbekistan, Tajikistan and Kyrgyzstan.
fn wanted_missions(country: &str) -> Vec<&'static str> {
    if country == "RU" {
        vec!["UZ", "TJ", "KG"]
    } else {
        vec!["RU"]
    }
}

#[test]
fn every_country_has_its_embassy_and_local_line_or_a_record_of_the_search() {
    let pack = default_pack().unwrap();
    let contacts = local_help_contacts();
    let missing = not_found();
    let is_date = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok();
    let mut found = 0;
    for country in pack.emergency.iter().map(|e| e.code.as_str()) {
        let searched = |what: &str, of: Option<&str>| {
            missing
                .iter()
                .filter(|m| m.country == country && m.what == what && m.of.as_deref() == of)
                .count()
        };
        for of in wanted_missions(country) {
            let here = contacts
                .iter()
                .filter(|c| is_mission(&c.kind) && c.country == country)
                .filter(|c| c.of.as_deref() == Some(of))
                .count();
            let recorded = searched("embassy", Some(of));
            assert!(
                (here > 0) != (recorded > 0) && recorded <= 1,
                "{country}: the embassy of {of} is listed {here} times and recorded as not \
                 found {recorded} times; it must be one or the other"
            );
            found += usize::from(here > 0);
        }
        let lines = contacts
            .iter()
            .filter(|c| c.kind == LOCAL_LINE && c.country == country)
            .count();
        let recorded = searched("local-line", None);
        assert!(
            (lines > 0) != (recorded > 0) && recorded <= 1,
            "{country}: {lines} local lines and {recorded} records of not finding one"
        );
        found += usize::from(lines > 0);
    }
    for m in &missing {
        assert!(
            pack.emergency.iter().any(|e| e.code == m.country),
            "{}: not a country of the data",
            m.country
        );
        assert!(
            is_date(&m.searched),
            "{}: searched {:?}",
            m.country,
            m.searched
        );
        assert!(
            m.how.chars().count() >= 20,
            "{} {}: say what was searched",
            m.country,
            m.what
        );
        match m.what.as_str() {
            "embassy" => assert!(m.of.is_some(), "{}: whose embassy", m.country),
            "local-line" => assert!(m.of.is_none(), "{}", m.country),
            other => panic!("{}: what = {other:?}", m.country),
        }
    }
    assert!(
        found >= 10,
        "only {found} of the wanted contacts were found"
    );
}

#[test]
fn every_built_in_number_names_its_page_and_dates_or_says_it_is_not_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let contacts = local_help_contacts();
    assert!(!contacts.is_empty());
    for language in ["en", "ru", "uz"] {
        let waymark = open(&dir, language, "UTC");
        for def in &contacts {
            let view = waymark.contact(def.id.clone(), now()).unwrap();
            let source_text = view.source_text.as_deref().unwrap();
            let source = def.source.as_deref().unwrap();
            assert!(source_text.contains(source), "{}: {source_text}", def.id);
            if let Some(date) = &def.source_date {
                assert!(source_text.contains(date.as_str()), "{}", def.id);
            }
            assert_eq!(view.confirmed, !def.unconfirmed, "{}", def.id);
            if def.unconfirmed {
                assert!(
                    view.note.is_some(),
                    "{language}: {} is not confirmed: its note must say why",
                    def.id
                );
            } else {
                assert!(source_text.contains(def.checked.as_deref().unwrap()));
            }
            assert_eq!(view.of.is_some(), def.kind != LOCAL_LINE, "{}", def.id);
            assert!(!view.phones.is_empty(), "{}", def.id);
        }
        let english = open(&dir, "en", "UTC");
        for def in contacts.iter().filter(|d| d.unconfirmed) {
            let view = english.contact(def.id.clone(), now()).unwrap();
            assert!(
                view.source_text.unwrap().starts_with("Not confirmed"),
                "{}",
                def.id
            );
            // Read aloud, it says so before the number.
            let spoken = english.speakable_contact(def.id.clone(), now()).unwrap();
            let first = spoken.text.lines().next().unwrap();
            assert!(first.contains("(not confirmed)"), "{}: {first}", def.id);
        }
    }
}

#[test]
fn help_now_lists_the_embassies_and_local_lines_of_the_country_the_person_is_in() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en", "UTC");
    let pack = default_pack().unwrap();
    let contacts = local_help_contacts();
    for country in pack.emergency.iter().map(|e| e.code.as_str()) {
        let view = waymark.help_now(now(), Some(country.into())).unwrap();
        let shown: Vec<(&str, HelpStepKind)> = view
            .steps
            .iter()
            .filter_map(|s| match &s.details {
                Some(Action::OpenContact { id }) if id != "hotline" => Some((id.as_str(), s.kind)),
                _ => None,
            })
            .collect();
        // The missions for this country (and the lines other countries keep for their citizens
        // abroad), then its local lines, each in the file's order.
        let missions = contacts.iter().filter(|c| helps_in(c, country));
        let lines = contacts
            .iter()
            .filter(|c| c.kind == LOCAL_LINE && c.country == country);
        let expected: Vec<(&str, HelpStepKind)> = missions
            .map(|c| (c.id.as_str(), HelpStepKind::EmbassyOrConsulate))
            .chain(lines.map(|c| (c.id.as_str(), HelpStepKind::LocalLine)))
            .collect();
        assert_eq!(shown, expected, "{country}");
        for step in view
            .steps
            .iter()
            .filter(|s| s.kind == HelpStepKind::LocalLine)
        {
            assert!(step.source_text.is_some(), "{}", step.title);
            assert_eq!(step.reachability, Reachability::Reachable, "{}", step.title);
            assert!(!step.actions.is_empty());
        }
        // Immediate danger comes first.
        assert_eq!(view.steps[0].kind, HelpStepKind::Emergency, "{country}");
    }
}

#[test]
fn a_russian_abroad_is_given_the_foreign_ministrys_round_the_clock_line_everywhere_but_home() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "ru", "UTC");
    let line = |country: &str| {
        waymark
            .help_now(now(), Some(country.into()))
            .unwrap()
            .steps
            .into_iter()
            .find(|s| {
                s.details
                    == Some(Action::OpenContact {
                        id: "ru-mfa-crisis-centre".into(),
                    })
            })
    };
    let abroad = line("TH").expect("in Thailand, where no embassy number was found");
    assert_eq!(abroad.number, "+7 495 695-45-45");
    assert!(
        abroad.why.starts_with("Круглосуточный"),
        "its own words: {}",
        abroad.why
    );
    assert_eq!(abroad.reachability, Reachability::Reachable);
    assert!(abroad.source_text.unwrap().contains("2024-12-09"));
    assert!(
        line("RU").is_none(),
        "at home it is not a line for citizens abroad"
    );
}

#[test]
fn turkiye_157_is_dialled_as_it_is_only_inside_turkiye_and_read_digit_by_digit() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en", "UTC");
    let view = waymark.help_now(now(), Some("TR".into())).unwrap();
    let yimer = view
        .steps
        .iter()
        .find(|s| s.kind == HelpStepKind::LocalLine && s.number == "157")
        .expect("YIMER 157 in help now in Türkiye");
    assert_eq!(yimer.reachability, Reachability::Reachable);
    let labels: Vec<&str> = yimer.actions.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Call", "Copy number"],
        "a short line takes no texts"
    );
    assert_eq!(yimer.actions[0].action, Action::dial("157"));
    let Some(Action::OpenContact { id }) = &yimer.details else {
        panic!("the line opens its card")
    };
    let spoken = waymark.speakable_contact(id.clone(), now()).unwrap();
    assert!(spoken.text.contains("1 5 7"), "{}", spoken.text);
    // From Germany the same short number is not offered.
    let germany = waymark.help_now(now(), Some("DE".into())).unwrap();
    assert!(!germany.steps.iter().any(|s| s.number == "157"));
}

#[test]
fn in_russia_help_now_shows_the_embassies_of_the_workers_home_countries_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let contacts = local_help_contacts();
    let in_russia: Vec<&ContactDef> = contacts
        .iter()
        .filter(|c| c.country == "RU" && is_mission(&c.kind))
        .collect();
    assert!(
        !in_russia.is_empty(),
        "the missions of the workers' home countries in Russia"
    );
    let waymark = open(&dir, "ru", "UTC");
    let view = waymark.help_now(now(), Some("RU".into())).unwrap();
    for def in in_russia {
        let card = waymark.contact(def.id.clone(), now()).unwrap();
        let step = view
            .steps
            .iter()
            .find(|s| s.title.starts_with(&card.name))
            .unwrap_or_else(|| panic!("{} in help now in Russia", def.id));
        assert_eq!(step.kind, HelpStepKind::EmbassyOrConsulate);
        // An embassy says whom it helps; a ministry's office says what it is, not an embassy.
        if def.kind == OFFICE {
            assert_eq!(step.why, card.description);
            assert!(step.why.contains("не посольство"), "{}", step.why);
        } else {
            assert!(step.why.contains("гражданин"), "{}", step.why);
        }
        let whose = card.of.unwrap();
        assert!(
            ["Узбекистан", "Таджикистан", "Киргизия"].contains(&whose.as_str()),
            "{whose}"
        );
    }
}
