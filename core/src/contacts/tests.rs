use std::time::SystemTime;

use chrono::{DateTime, Utc};

use super::hours::opening;
use super::*;
use crate::action::Action;
use crate::content::default_pack;
use crate::content::emergency::{check_emergency, is_short_number};
use crate::content::hours::Hours;
use crate::content::{EmergencyDef, HoursDef};
use crate::error::WaymarkError;
use crate::waymark::{Waymark, WaymarkOptions};

pub(super) fn open(dir: &tempfile::TempDir, language: &str, zone: &str) -> Waymark {
    let options = WaymarkOptions {
        language: language.into(),
        time_zone: zone.into(),
        profile_key: vec![7; 32],
    };
    Waymark::open_at(&dir.path().join("profile.sqlite"), &options).unwrap()
}

pub(super) fn utc(rfc3339: &str) -> SystemTime {
    DateTime::parse_from_rfc3339(rfc3339)
        .unwrap()
        .with_timezone(&Utc)
        .into()
}

fn hotline_opening(zone: &str, language: &str, at: &str) -> OpeningView {
    let dir = tempfile::tempdir().unwrap();
    open(&dir, language, zone)
        .contact("hotline".into(), utc(at))
        .unwrap()
        .opening
        .expect("the hotline has hours")
}

// ---- Opening hours ----

#[test]
fn friday_1829_moscow_is_open_and_closes_at_1830_in_both_zones() {
    // Friday 6 March 2026, 18:29 in Moscow (UTC+3) is 00:29 on Saturday in Tokyo (UTC+9).
    let o = hotline_opening("Asia/Tokyo", "en", "2026-03-06T15:29:00Z");
    assert!(o.open_now);
    assert_eq!(o.status, "Usually answers at this hour");
    assert_eq!(o.next_change, utc("2026-03-06T15:30:00Z"));
    assert_eq!(o.next_change_text, "Closes today at 18:30, Moscow time");
    assert_eq!(
        o.next_change_in_your_zone,
        "today at 00:30 your time (Asia/Tokyo)"
    );
    assert_eq!(
        o.period_in_your_zone,
        "Fri at 14:30 to today at 00:30, your time (Asia/Tokyo)"
    );
    assert!(o.holidays_note.contains("holiday"), "{}", o.holidays_note);
}

#[test]
fn friday_1830_moscow_is_closed_until_monday_0830() {
    let o = hotline_opening("Asia/Tokyo", "en", "2026-03-06T15:30:00Z");
    assert!(!o.open_now);
    assert_eq!(o.status, "Usually closed at this hour");
    assert_eq!(o.next_change, utc("2026-03-09T05:30:00Z"));
    assert_eq!(o.next_change_text, "Opens Mon at 08:30, Moscow time");
    assert_eq!(
        o.next_change_in_your_zone,
        "Mon at 14:30 your time (Asia/Tokyo)"
    );
    assert_eq!(
        o.period_in_your_zone,
        "Mon at 14:30 to Tue at 00:30, your time (Asia/Tokyo)"
    );
}

#[test]
fn at_the_weekend_it_opens_on_monday_and_says_tomorrow_on_sunday() {
    let saturday = hotline_opening("Europe/Moscow", "en", "2026-03-07T09:00:00Z");
    assert!(!saturday.open_now);
    assert_eq!(saturday.next_change_text, "Opens Mon at 08:30, Moscow time");
    let sunday = hotline_opening("Europe/Moscow", "en", "2026-03-08T20:59:00Z");
    assert!(!sunday.open_now);
    assert_eq!(
        sunday.next_change_text,
        "Opens tomorrow at 08:30, Moscow time"
    );
    // One minute later it is Monday in Moscow, while still Sunday in UTC.
    let monday = hotline_opening("Europe/Moscow", "en", "2026-03-08T21:00:00Z");
    assert_eq!(monday.next_change_text, "Opens today at 08:30, Moscow time");
}

#[test]
fn a_person_in_new_york_sees_the_hours_move_by_an_hour_across_the_dst_change() {
    // Before the US change (8 March 2026) Moscow's 08:30 is 00:30 in New York (UTC-5)...
    let before = hotline_opening("America/New_York", "en", "2026-02-27T16:00:00Z");
    assert_eq!(before.next_change, utc("2026-03-02T05:30:00Z"));
    assert_eq!(
        before.next_change_in_your_zone,
        "Mon at 00:30 your time (America/New_York)"
    );
    // ...and after it, 01:30 (UTC-4); the weekend in between crosses the change itself.
    let after = hotline_opening("America/New_York", "en", "2026-03-06T16:00:00Z");
    assert_eq!(after.next_change, utc("2026-03-09T05:30:00Z"));
    assert_eq!(
        after.next_change_in_your_zone,
        "Mon at 01:30 your time (America/New_York)"
    );
    assert_eq!(
        after.period_in_your_zone,
        "Mon at 01:30 to Mon at 11:30, your time (America/New_York)"
    );
}

#[test]
fn a_person_in_berlin_sees_the_hours_move_across_the_eu_dst_change() {
    // The EU changes on 29 March 2026: 06:30 CET before, 07:30 CEST after.
    let before = hotline_opening("Europe/Berlin", "en", "2026-03-20T16:00:00Z");
    assert_eq!(
        before.next_change_in_your_zone,
        "Mon at 06:30 your time (Europe/Berlin)"
    );
    let after = hotline_opening("Europe/Berlin", "en", "2026-03-27T16:00:00Z");
    assert_eq!(
        after.next_change_in_your_zone,
        "Mon at 07:30 your time (Europe/Berlin)"
    );
}

/// The hotline's hours are what usually holds, never a promise: the card says whether a source
/// confirmed them and what to do when no one answers.
#[test]
fn the_hotline_never_claims_to_be_open_and_says_its_hours_are_not_confirmed() {
    for (language, open, unconfirmed, no_answer) in [
        (
            "en",
            "Usually answers at this hour",
            "Not confirmed",
            "embassy or consulate",
        ),
        (
            "ru",
            "Обычно в это время отвечают",
            "Не подтверждено",
            "посольство",
        ),
    ] {
        let opening = hotline_opening("Europe/Moscow", language, "2026-03-04T10:00:00Z");
        assert!(opening.open_now);
        assert_eq!(opening.status, open);
        assert!(
            opening.confirmation.starts_with(unconfirmed),
            "{}",
            opening.confirmation
        );
        assert!(
            opening.confirmation.contains("russia.iom.int"),
            "{}",
            opening.confirmation
        );
        assert!(
            opening.no_answer.contains(no_answer),
            "{}",
            opening.no_answer
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en", "Europe/Moscow");
    let card = waymark
        .contact("hotline".into(), utc("2026-03-04T10:00:00Z"))
        .unwrap();
    assert!(!format!("{card:?}").contains("Open now"));
    assert!(card.note.unwrap().contains("may no longer answer"));
}

#[test]
fn hours_in_a_zone_with_dst_open_when_the_clock_reaches_a_skipped_time() {
    // A place open on Sundays from 02:30: on 29 March 2026 Berlin's clocks jump 02:00 → 03:00.
    let hours = Hours::parse(&HoursDef {
        zone: "Europe/Berlin".into(),
        days: vec!["sun".into()],
        opens: "02:30".into(),
        closes: "05:00".into(),
        source: None,
        confirmed: None,
        checked: None,
    })
    .unwrap();
    let o = opening(&hours, utc("2026-03-28T12:00:00Z")).unwrap();
    assert!(!o.open);
    // 03:00 CEST is 01:00 UTC; closing at 05:00 CEST is 03:00 UTC.
    assert_eq!(
        o.period.opens,
        DateTime::<Utc>::from(utc("2026-03-29T01:00:00Z"))
    );
    assert_eq!(
        o.period.closes,
        DateTime::<Utc>::from(utc("2026-03-29T03:00:00Z"))
    );
    // A week earlier, the same hours are plain CET.
    let o = opening(&hours, utc("2026-03-21T12:00:00Z")).unwrap();
    assert_eq!(
        o.period.opens,
        DateTime::<Utc>::from(utc("2026-03-22T01:30:00Z"))
    );
}

#[test]
fn opening_hours_are_worded_in_russian() {
    let o = hotline_opening("Europe/Istanbul", "ru", "2026-03-06T15:30:00Z");
    assert_eq!(o.status, "Обычно в это время не отвечают");
    assert_eq!(
        o.next_change_text,
        "Откроется пн в 08:30 по московскому времени"
    );
    assert_eq!(
        o.next_change_in_your_zone,
        "пн в 08:30 по вашему времени (Europe/Istanbul)"
    );
    assert!(o.holidays_note.contains("Праздничные"));
}

/// Every shell shows `lines` under the status, so each tells the same four things in the same
/// order; the person's own clock is added only where it reads otherwise.
#[test]
fn the_opening_lines_give_the_next_change_the_holidays_the_confirmation_and_what_to_do() {
    let tokyo = hotline_opening("Asia/Tokyo", "en", "2026-03-06T15:29:00Z");
    assert_eq!(
        tokyo.lines,
        [
            "Closes today at 18:30, Moscow time, that is today at 00:30 your time (Asia/Tokyo)."
                .to_owned(),
            tokyo.holidays_note.clone(),
            tokyo.confirmation.clone(),
            tokyo.no_answer.clone(),
        ]
    );
    assert!(tokyo.no_answer.starts_with("If no one answers"));

    // Istanbul and Moscow read the same time: "your time" would only repeat it.
    let istanbul = hotline_opening("Europe/Istanbul", "en", "2026-03-06T15:29:00Z");
    assert_eq!(istanbul.lines[0], "Closes today at 18:30, Moscow time.");
    let russian = hotline_opening("Europe/Berlin", "ru", "2026-03-06T15:30:00Z");
    assert_eq!(
        russian.lines[0],
        "Откроется пн в 08:30 по московскому времени, то есть пн в 06:30 по вашему времени \
         (Europe/Berlin)."
    );
    for language in ["en", "ru", "uz"] {
        let o = hotline_opening("Asia/Tokyo", language, "2026-03-06T15:29:00Z");
        assert_eq!(o.lines.len(), 4, "{language}");
        assert!(o.lines.iter().all(|l| !l.trim().is_empty()), "{language}");
        assert!(
            !o.lines.contains(&o.status),
            "{language}: the status is shown above"
        );
    }
}

// ---- Reachability ----

#[test]
fn the_8_800_hotline_is_reachable_in_russia_only() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en", "Europe/Moscow");
    let now = utc("2026-03-04T12:00:00Z");
    let hotline = |country: Option<&str>| {
        waymark
            .help_now(now, country.map(str::to_owned))
            .unwrap()
            .steps
            .into_iter()
            .find(|s| s.kind == HelpStepKind::Hotline)
            .unwrap()
    };
    let home = hotline(Some("RU"));
    assert_eq!(home.reachability, Reachability::Reachable);
    assert_eq!(home.reach_note, None);

    let abroad = hotline(Some("TR"));
    assert_eq!(abroad.reachability, Reachability::NotFromHere);
    let note = abroad.reach_note.unwrap();
    assert!(
        note.contains("Türkiye") && note.contains("Russia"),
        "{note}"
    );

    let unknown = hotline(None);
    assert_eq!(unknown.reachability, Reachability::Unknown);
    assert!(unknown.reach_note.unwrap().contains("Russia"));
}

#[test]
fn the_reachability_note_is_in_russian_for_a_russian_speaker_in_turkey() {
    let dir = tempfile::tempdir().unwrap();
    let view = open(&dir, "ru", "Europe/Istanbul")
        .help_now(utc("2026-03-04T12:00:00Z"), Some("TR".into()))
        .unwrap();
    let hotline = view.steps.last().unwrap();
    assert_eq!(hotline.kind, HelpStepKind::Hotline);
    let note = hotline.reach_note.as_deref().unwrap();
    assert!(note.contains("Россия") && note.contains("Турция"), "{note}");
    assert_eq!(view.country.as_deref(), Some("Турция"));
    assert_eq!(view.what_to_say_title, "Что сказать");
}

// ---- Emergency numbers ----

const COVERAGE: [&str; 40] = [
    "TR", "AE", "DE", "IL", "TH", "CN", "KR", "JP", "CY", "GR", "ES", "IT", "CZ", "PL", "FI", "US",
    "GB", "KZ", "UZ", "KG", "TJ", "AM", "GE", "AZ", "BY", "RS", "ME", "EG", "QA", "SA", "BH", "OM",
    "MY", "ID", "VN", "IN", "FR", "NL", "AT", "RU",
];

/// Every number is sourced and dated, or the card says it is not confirmed: a person acts on
/// these numbers in an emergency.
#[test]
fn every_country_has_a_dated_source_or_says_it_is_not_confirmed() {
    let pack = default_pack().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en", "UTC");
    for code in COVERAGE {
        assert!(
            pack.emergency.iter().any(|d| d.code == code),
            "no emergency numbers for {code}"
        );
    }
    assert!(pack.emergency.len() >= 40);
    let is_date = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok();
    let mut sourced = 0;
    for def in &pack.emergency {
        let view = waymark.emergency_numbers(def.code.clone()).unwrap();
        match &view.source {
            Some(source) => {
                sourced += 1;
                assert!(view.confirmed, "{}", def.code);
                assert!(view.source_text.contains(source.as_str()), "{}", def.code);
                let checked = view.checked.as_deref().unwrap_or_default();
                assert!(is_date(checked), "{}: checked {checked:?}", def.code);
                assert!(view.source_text.contains(checked), "{}", def.code);
                if let Some(page_date) = &view.source_date {
                    assert!(is_date(page_date), "{}: {page_date:?}", def.code);
                    assert!(
                        view.source_text.contains(page_date.as_str()),
                        "{}",
                        def.code
                    );
                } else {
                    assert!(view.source_text.contains("undated"), "{}", def.code);
                }
            }
            None => {
                assert!(!view.confirmed, "{}", def.code);
                assert!(
                    view.source_text.starts_with("Not confirmed"),
                    "{}",
                    def.code
                );
                assert!(view.lines.iter().all(|l| !l.confirmed), "{}", def.code);
            }
        }
        for line in &view.lines {
            assert_eq!(
                line.label.contains("(not confirmed)"),
                !line.confirmed,
                "{}: {}",
                def.code,
                line.label
            );
        }
    }
    assert!(sourced >= 39, "only {sourced} countries have a source");
}

/// The numbers and caveats the content review found wrong or missing.
#[test]
fn corrected_numbers_and_their_caveats_are_shown_on_the_card_and_in_help_now() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en", "UTC");
    let malaysia = waymark.emergency_numbers("MY".into()).unwrap();
    assert!(
        malaysia.lines.iter().all(|l| l.number == "999"),
        "{malaysia:?}"
    );
    assert!(
        malaysia
            .note
            .as_deref()
            .unwrap()
            .contains("994 is no longer used")
    );
    let turkey = waymark.emergency_numbers("TR".into()).unwrap();
    assert!(turkey.lines.iter().all(|l| l.number == "112"), "{turkey:?}");
    for (code, words) in [
        ("ID", "only in some cities"),
        ("SA", "Riyadh, Makkah and the Eastern Province"),
        ("TJ", "102"),
        ("AM", "112"),
        ("AZ", "102"),
        ("EG", "180 or 125"),
    ] {
        let card = waymark.emergency_numbers(code.into()).unwrap();
        let note = card
            .note
            .clone()
            .unwrap_or_else(|| panic!("{code} has no note"));
        assert!(note.contains(words), "{code}: {note}");
        let help = waymark
            .help_now(utc("2026-03-02T10:00:00Z"), Some(code.into()))
            .unwrap();
        assert_eq!(
            help.emergency.unwrap().note.as_deref(),
            Some(note.as_str()),
            "{code}"
        );
    }
    let egypt = waymark.emergency_numbers("EG".into()).unwrap();
    let fire = egypt
        .lines
        .iter()
        .find(|l| l.service == EmergencyService::Fire)
        .unwrap();
    assert!(
        !fire.confirmed && fire.label == "Fire (not confirmed)",
        "{fire:?}"
    );
    assert!(
        waymark
            .emergency_numbers("GB".into())
            .unwrap()
            .note
            .is_none()
    );
    // Every caveat has its Russian version.
    let dir = tempfile::tempdir().unwrap();
    let ru = open(&dir, "ru", "UTC");
    let pack = default_pack().unwrap();
    for def in &pack.emergency {
        let en = waymark.emergency_numbers(def.code.clone()).unwrap().note;
        let russian = ru.emergency_numbers(def.code.clone()).unwrap().note;
        assert_eq!(en.is_some(), russian.is_some(), "{}", def.code);
        if let (Some(en), Some(russian)) = (en, russian) {
            assert_ne!(en, russian, "{} is not in Russian", def.code);
        }
    }
}

#[test]
fn every_emergency_number_is_a_short_code_of_digits() {
    let pack = default_pack().unwrap();
    for def in &pack.emergency {
        for number in [&def.police, &def.ambulance, &def.fire]
            .into_iter()
            .chain(def.general.as_ref())
        {
            assert!(is_short_number(number), "{}: {number:?}", def.code);
        }
    }
    for bad in ["1", "12345", "11a", " 112", "+112", ""] {
        assert!(!is_short_number(bad), "{bad:?}");
    }
}

#[test]
fn well_known_emergency_numbers_are_right() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en", "UTC");
    let numbers = |code: &str| -> Vec<(EmergencyService, String)> {
        waymark
            .emergency_numbers(code.into())
            .unwrap()
            .lines
            .into_iter()
            .map(|l| (l.service, l.number))
            .collect()
    };
    use EmergencyService::*;
    assert_eq!(numbers("us")[0], (General, "911".to_owned()));
    assert_eq!(numbers("DE")[0], (General, "112".to_owned()));
    assert!(numbers("DE").contains(&(Police, "110".to_owned())));
    // No general number: police comes first.
    assert_eq!(numbers("CN")[0], (Police, "110".to_owned()));
    assert!(numbers("CN").contains(&(Ambulance, "120".to_owned())));
    assert!(numbers("RU").contains(&(Ambulance, "103".to_owned())));
    let tr = waymark.emergency_numbers("TR".into()).unwrap();
    assert_eq!(tr.title, "Emergency numbers: Türkiye");
    assert_eq!(
        tr.lines[0].actions[0].action,
        Action::Dial {
            uri: "tel:112".into()
        }
    );
    assert!(
        tr.source_text.contains("saglik.gov.tr"),
        "{}",
        tr.source_text
    );
    assert!(matches!(
        waymark.emergency_numbers("XX".into()),
        Err(WaymarkError::NotFound { .. })
    ));
}

#[test]
fn emergency_country_names_are_in_english_and_russian() {
    let dir = tempfile::tempdir().unwrap();
    let en = open(&dir, "en", "UTC").emergency_countries();
    let dir = tempfile::tempdir().unwrap();
    let ru = open(&dir, "ru", "UTC").emergency_countries();
    assert_eq!(en.len(), ru.len());
    for e in &en {
        assert_ne!(e.name, e.code, "English name for {}", e.code);
        assert!(e.name.is_ascii() || e.code == "TR", "{}", e.name);
    }
    for r in &ru {
        assert!(
            r.name
                .chars()
                .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())),
            "Russian name for {}: {}",
            r.code,
            r.name
        );
    }
    // Sorted by name in the person's language.
    assert!(ru.windows(2).all(|w| w[0].name <= w[1].name));
}

#[test]
fn bad_emergency_data_is_refused_on_load() {
    let good = EmergencyDef {
        code: "TR".into(),
        general: Some("112".into()),
        police: "155".into(),
        ambulance: "112".into(),
        fire: "110".into(),
        source: Some("https://www.112.gov.tr/".into()),
        source_date: Some("2021-11-10".into()),
        checked: Some("2026-11-28".into()),
        unconfirmed: vec!["fire".into()],
    };
    assert!(check_emergency(std::slice::from_ref(&good)).is_ok());
    type Edit = fn(&mut EmergencyDef);
    let cases: [(&str, Edit); 9] = [
        ("code", |d| d.code = "tr".into()),
        ("police", |d| d.police = "15 5".into()),
        ("general", |d| d.general = Some("+90112".into())),
        ("source", |d| d.source = Some("www.112.gov.tr".into())),
        ("checked", |d| d.checked = Some("28.11.2026".into())),
        ("checked", |d| d.checked = None),
        ("source_date", |d| d.source_date = Some("Nov 2021".into())),
        ("without a source", |d| d.source = None),
        ("unconfirmed", |d| {
            d.unconfirmed = vec!["coast guard".into()]
        }),
    ];
    for (what, edit) in cases {
        let mut bad = good.clone();
        edit(&mut bad);
        let err = check_emergency(&[bad]).unwrap_err();
        assert!(err.contains(what), "{what}: {err}");
    }
    assert!(
        check_emergency(&[good.clone(), good])
            .unwrap_err()
            .contains("twice")
    );
}

// ---- Own contacts ----

fn input(name: &str, kind: OwnContactKind, country: &str, phone: &str) -> OwnContactInput {
    OwnContactInput {
        name: name.into(),
        kind,
        country: country.into(),
        phone: phone.into(),
        notes: String::new(),
    }
}

fn add(waymark: &Waymark, contact: OwnContactInput) -> Result<OwnContactsView, WaymarkError> {
    waymark.own_contact_add(contact, utc("2026-03-04T12:00:00Z"))
}

#[track_caller]
fn assert_invalid(result: Result<OwnContactsView, WaymarkError>, expected_field: &str) {
    match result {
        Err(WaymarkError::InvalidInput { field, reason, .. }) => {
            assert_eq!(field, expected_field, "{reason}")
        }
        other => panic!("expected invalid {expected_field}, got {other:?}"),
    }
}

#[test]
fn usual_local_forms_normalise_to_e164() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en", "Europe/Berlin");
    let cases = [
        ("8 (800) 333-00-16", "RU", "+78003330016"),
        ("+7 800 333 00 16", "DE", "+78003330016"),
        ("0049 30 12345678", "DE", "+493012345678"),
        ("030 12345678", "DE", "+493012345678"),
        ("+90 (312) 439-21-22", "TR", "+903124392122"),
        ("8 916 123-45-67", "ru", "+79161234567"),
    ];
    for (i, (phone, country, e164)) in cases.into_iter().enumerate() {
        let view = add(
            &waymark,
            input(
                &format!("Contact {i}"),
                OwnContactKind::Other,
                country,
                phone,
            ),
        )
        .unwrap_or_else(|e| panic!("{phone}: {e}"));
        let saved = view.contacts.last().unwrap();
        assert_eq!(saved.e164, e164, "{phone} in {country}");
        assert_eq!(saved.country_code, country.to_ascii_uppercase());
        // Duplicates are refused, so remove each before the next form of the same number.
        waymark.own_contact_remove(saved.id.clone()).unwrap();
    }
}

#[test]
fn every_invalid_input_names_its_field_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en", "Europe/Berlin");
    add(
        &waymark,
        input("Mum", OwnContactKind::Family, "RU", "+7 916 123-45-67"),
    )
    .unwrap();
    let long = "x".repeat(OWN_CONTACT_NAME_MAX_CHARS as usize + 1);
    let cases = [
        (
            "name",
            input("  ", OwnContactKind::Family, "DE", "030 12345678"),
        ),
        (
            "name",
            input(&long, OwnContactKind::Family, "DE", "030 12345678"),
        ),
        (
            "country",
            input("A", OwnContactKind::Family, "XX", "030 12345678"),
        ),
        (
            "country",
            input("A", OwnContactKind::Family, "Germany", "030 12345678"),
        ),
        ("phone", input("A", OwnContactKind::Family, "DE", "")),
        ("phone", input("A", OwnContactKind::Family, "DE", "12")),
        (
            "phone",
            input("A", OwnContactKind::Family, "DE", "call me maybe"),
        ),
        (
            "phone",
            input("A", OwnContactKind::Family, "DE", "+999 1234 5678"),
        ),
        (
            "phone",
            input("A", OwnContactKind::Family, "DE", &"1".repeat(41)),
        ),
        // The same number as Mum's, written another way.
        (
            "phone",
            input("A", OwnContactKind::Family, "RU", "89161234567"),
        ),
    ];
    for (field, contact) in cases {
        assert_invalid(add(&waymark, contact.clone()), field);
    }
    let mut notes = input("A", OwnContactKind::Family, "DE", "030 12345678");
    notes.notes = "n".repeat(OWN_CONTACT_NOTES_MAX_CHARS as usize + 1);
    assert_invalid(add(&waymark, notes), "notes");

    let list = waymark.own_contacts().unwrap();
    assert_eq!(list.contacts.len(), 1, "only Mum is stored");
    assert_eq!(list.contacts[0].name, "Mum");
}

#[test]
fn an_unknown_country_code_after_plus_is_reported_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en", "UTC");
    match add(
        &waymark,
        input("A", OwnContactKind::Other, "DE", "+999 1234 5678"),
    ) {
        Err(WaymarkError::InvalidInput { field, reason, .. }) => {
            assert_eq!(field, "phone");
            assert!(reason.contains("dialling code"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn contacts_are_listed_edited_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "en", "UTC");
    let now = utc("2026-03-04T12:00:00Z");
    let mut embassy = input(
        "Embassy in Ankara",
        OwnContactKind::EmbassyOrConsulate,
        "TR",
        "+90 312 439 21 22",
    );
    embassy.notes = "  Karyağdı Sok. 5  ".into();
    add(&waymark, embassy).unwrap();
    let list = add(
        &waymark,
        input("Mum", OwnContactKind::Family, "RU", "8 916 123-45-67"),
    )
    .unwrap();
    assert_eq!(list.title, "Your contacts");
    assert_eq!(list.kinds.len(), 6);
    let [embassy, mum] = &list.contacts[..] else {
        panic!("{list:?}")
    };
    assert_eq!((embassy.number, mum.number), (1, 2));
    assert_eq!(embassy.kind_label, "Embassy or consulate");
    assert_eq!(embassy.country, "Türkiye");
    assert_eq!(embassy.notes, "Karyağdı Sok. 5");
    assert_eq!(embassy.display_number, "+90 312 439 21 22");
    // A mobile takes texts; a landline does not.
    assert_eq!(
        mum.actions
            .iter()
            .map(|a| a.action.clone())
            .collect::<Vec<_>>(),
        [
            Action::Dial {
                uri: "tel:+79161234567".into()
            },
            Action::ComposeSms {
                uri: "sms:+79161234567".into(),
                number: "+79161234567".into()
            },
            Action::CopyText {
                text: "+79161234567".into()
            },
        ]
    );
    assert!(
        !embassy
            .actions
            .iter()
            .any(|a| matches!(a.action, Action::ComposeSms { .. }))
    );

    let edited = waymark
        .own_contact_edit(
            mum.id.clone(),
            input("Mother", OwnContactKind::Family, "RU", "+7 916 123 45 67"),
            now,
        )
        .unwrap();
    assert_eq!(edited.contacts[1].name, "Mother");
    // Editing onto another contact's number is refused and changes nothing.
    assert_invalid(
        waymark.own_contact_edit(
            mum.id.clone(),
            input("Mother", OwnContactKind::Family, "TR", "0312 439 21 22"),
            now,
        ),
        "phone",
    );
    assert_eq!(
        waymark.own_contacts().unwrap().contacts[1].e164,
        "+79161234567"
    );

    let left = waymark.own_contact_remove(embassy.id.clone()).unwrap();
    assert_eq!(left.contacts.len(), 1);
    assert_eq!(left.contacts[0].number, 1);
    for id in [embassy.id.clone(), "0".into(), "abc".into()] {
        assert!(matches!(
            waymark.own_contact_remove(id.clone()),
            Err(WaymarkError::NotFound { .. })
        ));
        assert!(matches!(
            waymark.own_contact_edit(
                id,
                input("X", OwnContactKind::Other, "RU", "+7 916 000 00 00"),
                now
            ),
            Err(WaymarkError::NotFound { .. })
        ));
    }
}

#[test]
fn contacts_survive_reopening_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    add(
        &open(&dir, "en", "UTC"),
        input("Mum", OwnContactKind::Family, "RU", "8 916 123-45-67"),
    )
    .unwrap();
    let again = open(&dir, "ru", "UTC").own_contacts().unwrap();
    assert_eq!(again.contacts[0].e164, "+79161234567");
    assert_eq!(again.contacts[0].kind_label, "Семья");
}

// ---- Help now ----

/// A profile with one contact of each kind that "help now" uses.
fn with_contacts(dir: &tempfile::TempDir, zone: &str) -> Waymark {
    let waymark = open(dir, "en", zone);
    for contact in [
        input("Mum", OwnContactKind::Family, "RU", "8 916 123-45-67"),
        input(
            "Embassy in Ankara",
            OwnContactKind::EmbassyOrConsulate,
            "TR",
            "+90 312 439 21 22",
        ),
        input("Boss", OwnContactKind::Employer, "TR", "+90 212 555 12 34"),
        input(
            "Migrant help centre",
            OwnContactKind::SupportOrganisation,
            "TR",
            "+90 212 293 11 11",
        ),
    ] {
        add(&waymark, contact).unwrap();
    }
    waymark
}

/// Whether a step is one of the built-in embassies and local lines (local_help_tests.rs checks
/// those); the tests here check the order of the rest around them.
fn is_local_help(step: &HelpStep) -> bool {
    matches!(&step.details, Some(Action::OpenContact { id }) if id != "hotline")
}

/// The steps other than the built-in embassies and local lines.
fn own_steps(view: &HelpNowView) -> Vec<&HelpStep> {
    view.steps.iter().filter(|s| !is_local_help(s)).collect()
}

fn order(view: &HelpNowView) -> Vec<(HelpStepKind, String)> {
    own_steps(view)
        .iter()
        .map(|s| (s.kind, s.number.clone()))
        .collect()
}

#[test]
fn help_now_in_turkey_at_night_puts_reachable_help_first() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = with_contacts(&dir, "Europe/Istanbul");
    // Wednesday 23:00 in Istanbul, 23:00 in Moscow too: the hotline is closed and unreachable.
    let view = waymark
        .help_now(utc("2026-03-04T20:00:00Z"), Some("tr".into()))
        .unwrap();
    use HelpStepKind::*;
    assert_eq!(
        order(&view),
        [
            (Emergency, "112".to_owned()),
            (EmbassyOrConsulate, "+90 312 439 21 22".to_owned()),
            (SupportOrganisation, "+90 212 293 11 11".to_owned()),
            (Family, "+7 916 123-45-67".to_owned()),
            (Hotline, "8-800-333-00-16".to_owned()),
        ]
    );
    // The built-in consulates and YIMER 157 come after the saved embassy, before support.
    let kinds: Vec<HelpStepKind> = view.steps.iter().map(|s| s.kind).collect();
    let first_built_in = view.steps.iter().position(is_local_help).unwrap();
    let last_built_in = view.steps.iter().rposition(is_local_help).unwrap();
    assert_eq!(kinds[first_built_in - 1], EmbassyOrConsulate);
    assert_eq!(kinds[last_built_in], LocalLine);
    assert_eq!(kinds[last_built_in + 1], SupportOrganisation);
    assert_eq!(view.country.as_deref(), Some("Türkiye"));
    assert_eq!(view.country_prompt, None);
    assert_eq!(view.embassy_hint, None);
    let emergency = view.emergency.as_ref().unwrap();
    assert_eq!(emergency.country_code, "TR");
    assert_eq!(emergency.lines.len(), 4);
    let hotline = view.steps.last().unwrap();
    assert_eq!(hotline.reachability, Reachability::NotFromHere);
    assert!(hotline.reach_note.is_some());
    assert!(hotline.why.contains("inside Russia"), "{}", hotline.why);
    assert_eq!(view.what_to_say.len(), 4);
    // The employer is not someone to turn to for help.
    assert!(!view.steps.iter().any(|s| s.title == "Boss"));
}

#[test]
fn a_saved_toll_free_number_from_home_moves_down_abroad_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = with_contacts(&dir, "Europe/Istanbul");
    add(
        &waymark,
        input(
            "Helpline at home",
            OwnContactKind::SupportOrganisation,
            "RU",
            "8 800 2000 122",
        ),
    )
    .unwrap();
    let now = utc("2026-03-04T20:00:00Z");
    let titles = |country: &str| -> Vec<String> {
        let view = waymark.help_now(now, Some(country.into())).unwrap();
        own_steps(&view).iter().map(|s| s.title.clone()).collect()
    };
    let abroad = titles("TR");
    assert_eq!(
        abroad[2..],
        [
            "Migrant help centre",
            "Mum",
            "Helpline at home",
            "Counter-trafficking hotline"
        ]
    );
    let view = waymark.help_now(now, Some("TR".into())).unwrap();
    let helpline = own_steps(&view)[4];
    assert_eq!(helpline.reachability, Reachability::NotFromHere);
    assert!(helpline.reach_note.as_deref().unwrap().contains("Russia"));
    // At home the same number is an ordinary support organisation.
    let home = titles("RU");
    assert_eq!(home[2..4], ["Migrant help centre", "Helpline at home"]);
}

#[test]
fn help_now_in_moscow_on_a_weekday_afternoon_puts_the_open_hotline_before_support() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = with_contacts(&dir, "Europe/Moscow");
    // Wednesday 15:00 in Moscow.
    let view = waymark
        .help_now(utc("2026-03-04T12:00:00Z"), Some("RU".into()))
        .unwrap();
    use HelpStepKind::*;
    let steps = own_steps(&view);
    let kinds: Vec<HelpStepKind> = steps.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            Emergency,
            EmbassyOrConsulate,
            Hotline,
            SupportOrganisation,
            Family
        ]
    );
    assert_eq!(steps[0].number, "112");
    let hotline = steps[2];
    assert_eq!(hotline.reachability, Reachability::Reachable);
    let opening = hotline.opening.as_ref().unwrap();
    assert!(opening.open_now);
    assert_eq!(
        opening.next_change_text,
        "Closes today at 18:30, Moscow time"
    );
    assert_eq!(
        hotline.details,
        Some(Action::OpenContact {
            id: "hotline".into()
        })
    );
}

#[test]
fn help_now_in_moscow_after_hours_says_when_the_hotline_opens() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = with_contacts(&dir, "Europe/Moscow");
    // Wednesday 20:00 in Moscow.
    let view = waymark
        .help_now(utc("2026-03-04T17:00:00Z"), Some("RU".into()))
        .unwrap();
    use HelpStepKind::*;
    let steps = own_steps(&view);
    let kinds: Vec<HelpStepKind> = steps.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            Emergency,
            EmbassyOrConsulate,
            SupportOrganisation,
            Hotline,
            Family
        ]
    );
    let opening = steps[3].opening.as_ref().unwrap();
    assert_eq!(
        opening.next_change_text,
        "Opens tomorrow at 08:30, Moscow time"
    );
}

#[test]
fn help_now_without_a_country_asks_for_it_and_suggests_an_embassy() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = open(&dir, "ru", "Asia/Tokyo");
    let view = waymark.help_now(utc("2026-03-04T12:00:00Z"), None).unwrap();
    assert_eq!(view.title, "Помощь сейчас");
    assert!(view.emergency.is_none());
    assert!(view.country_prompt.is_some());
    assert!(view.embassy_hint.is_some());
    assert_eq!(view.steps.len(), 1);
    assert_eq!(view.steps[0].reachability, Reachability::Unknown);
    assert!(matches!(
        waymark.help_now(utc("2026-03-04T12:00:00Z"), Some("Narnia".into())),
        Err(WaymarkError::InvalidInput { field, .. }) if field == "current_country"
    ));
}

#[test]
fn the_home_screen_carries_help_now() {
    let dir = tempfile::tempdir().unwrap();
    let waymark = with_contacts(&dir, "Europe/Istanbul");
    let home = waymark.home(utc("2026-03-04T12:00:00Z")).unwrap();
    assert_eq!(home.help_now.title, "Get help now");
    assert!(
        home.help_now
            .steps
            .iter()
            .any(|s| s.kind == HelpStepKind::EmbassyOrConsulate)
    );
}

#[test]
fn the_directory_offers_call_and_copy_but_no_text_to_a_toll_free_line() {
    let dir = tempfile::tempdir().unwrap();
    let contact = open(&dir, "en", "UTC")
        .contact("hotline".into(), utc("2026-03-04T12:00:00Z"))
        .unwrap();
    let actions: Vec<Action> = contact.phones[0]
        .actions
        .iter()
        .map(|a| a.action.clone())
        .collect();
    assert_eq!(
        actions,
        [
            Action::Dial {
                uri: "tel:+78003330016".into()
            },
            Action::CopyText {
                text: "+78003330016".into()
            }
        ]
    );
}

#[test]
fn an_invalid_phone_number_is_explained_in_the_persons_language_with_the_same_field() {
    let cases = [
        (
            "en",
            "not a valid number for that country; check the digits, or write it with + and the country's code",
            "too long; a phone number has at most 40 characters",
        ),
        (
            "ru",
            "такого номера в этой стране нет: проверьте цифры или введите номер с «+» и кодом страны",
            "слишком длинно: в номере телефона не больше 40 символов",
        ),
    ];
    for (language, invalid_number, too_long) in cases {
        let dir = tempfile::tempdir().unwrap();
        let waymark = open(&dir, language, "Europe/Berlin");
        let refused =
            |phone: &str| add(&waymark, input("Mum", OwnContactKind::Family, "DE", phone));
        assert_eq!(
            refused("030 12"),
            Err(WaymarkError::InvalidInput {
                field: "phone".into(),
                reason: invalid_number.into(),
                shown: invalid_number.into(),
            }),
            "{language}"
        );
        assert_eq!(
            refused(&"1".repeat(41)),
            Err(WaymarkError::InvalidInput {
                field: "phone".into(),
                reason: too_long.into(),
                shown: too_long.into(),
            }),
            "{language}"
        );
        assert!(waymark.own_contacts().unwrap().contacts.is_empty());
    }
}
