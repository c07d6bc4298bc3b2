//! Checks on the embedded content: every language has every item, every link resolves, every
//! phone number parses, every text fits a phone screen.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::format::Json;
use super::*;
use crate::action::Action;

fn pack() -> Arc<Pack> {
    default_pack().expect("the embedded pack loads")
}

/// All the words of an article body, without markup.
fn body_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        let texts: Vec<&RichText> = match block {
            Block::Heading { text } => {
                out.push_str(text);
                out.push('\n');
                vec![]
            }
            Block::Paragraph { text } => vec![text],
            Block::BulletList { items } | Block::NumberedList { items } => items.iter().collect(),
            Block::Callout { paragraphs, .. } => paragraphs.iter().collect(),
        };
        for text in texts {
            out.push_str(&text.plain());
            out.push('\n');
        }
    }
    out
}

fn keys<V>(map: &BTreeMap<String, V>) -> BTreeSet<&str> {
    map.keys().map(String::as_str).collect()
}

#[test]
fn every_written_language_has_every_item_and_string() {
    let pack = pack();
    let sections: BTreeSet<&str> = pack.sections.iter().map(|s| s.id.as_str()).collect();
    let articles: BTreeSet<&str> = pack.article_ids().collect();
    let checklist: BTreeSet<&str> = pack.checklist.iter().map(|c| c.id.as_str()).collect();
    let contacts: BTreeSet<&str> = pack.contacts.iter().map(|c| c.id.as_str()).collect();
    let ui_keys: BTreeSet<&str> = ui_keys::KEYS
        .iter()
        .chain(shell_keys::KEYS)
        .copied()
        .collect();
    let (_, base) = pack
        .written_languages()
        .find(|(code, _)| *code == "en")
        .unwrap();
    let mut languages = 0;
    for (code, texts) in pack.written_languages() {
        languages += 1;
        assert_eq!(keys(&texts.sections), sections, "{code}: sections");
        assert_eq!(keys(&texts.articles), articles, "{code}: articles");
        assert_eq!(keys(&texts.checklist), checklist, "{code}: checklist items");
        assert_eq!(keys(&texts.contacts), contacts, "{code}: contacts");
        assert_eq!(
            keys(&texts.ui.strings),
            ui_keys,
            "{code}: interface strings"
        );
        assert_eq!(
            keys(&texts.ui.countries),
            keys(&base.ui.countries),
            "{code}: country names"
        );
        assert_eq!(
            keys(&texts.ui.zones),
            keys(&base.ui.zones),
            "{code}: zone names"
        );
        for (id, contact) in &texts.contacts {
            let en = &base.contacts[id];
            assert_eq!(
                contact.address.is_some(),
                en.address.is_some(),
                "{code}: contact {id} address"
            );
            assert_eq!(
                contact.services.is_empty(),
                en.services.is_empty(),
                "{code}: contact {id} services"
            );
        }
    }
    assert!(languages >= 3, "English, Russian and Uzbek ship texts");
}

#[test]
fn every_country_and_zone_in_the_data_has_a_name() {
    let pack = pack();
    for (code, texts) in pack.written_languages() {
        for contact in &pack.contacts {
            assert!(
                texts.ui.countries.contains_key(&contact.country),
                "{code}: {}",
                contact.country
            );
            for phone in &contact.phones {
                if let Some(country) = &phone.free_only_within {
                    assert!(
                        texts.ui.countries.contains_key(country),
                        "{code}: {country}"
                    );
                }
            }
            if let Some(hours) = &contact.hours {
                assert!(
                    texts.ui.zones.contains_key(&hours.zone),
                    "{code}: {}",
                    hours.zone
                );
            }
        }
    }
}

#[test]
fn russian_texts_are_in_russian_and_english_and_uzbek_ones_in_latin_letters() {
    let pack = pack();
    let cyrillic = |s: &str| {
        s.chars()
            .filter(|c| ('\u{400}'..='\u{4FF}').contains(c))
            .count()
    };
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
    for (code, texts) in pack.written_languages() {
        for (id, article) in &texts.articles {
            let all = format!(
                "{} {} {}",
                article.title,
                article.summary,
                body_text(&article.blocks)
            );
            let share = cyrillic(&all) as f64 / letters(&all).max(1) as f64;
            match code {
                "ru" => assert!(
                    share > 0.6,
                    "ru article {id} is mostly not Cyrillic ({share:.2})"
                ),
                "en" | "uz" => {
                    assert_eq!(cyrillic(&all), 0, "{code} article {id} has Cyrillic text")
                }
                _ => {}
            }
        }
    }
}

#[test]
fn texts_fit_a_phone_screen() {
    let pack = pack();
    let chars = |s: &str| s.chars().count();
    for (code, texts) in pack.written_languages() {
        for (id, s) in &texts.sections {
            assert!(
                (1..=60).contains(&chars(&s.title)),
                "{code}: section {id} title"
            );
            assert!(
                (1..=140).contains(&chars(&s.summary)),
                "{code}: section {id} summary"
            );
        }
        for (id, a) in &texts.articles {
            assert!(
                (1..=60).contains(&chars(&a.title)),
                "{code}: article {id} title"
            );
            assert!(
                (1..=140).contains(&chars(&a.summary)),
                "{code}: article {id} summary"
            );
            assert!(
                a.blocks.len() >= 2,
                "{code}: article {id} has almost no body"
            );
        }
        for (id, item) in &texts.checklist {
            assert!(
                (1..=80).contains(&chars(&item.title)),
                "{code}: checklist {id} title"
            );
            assert!(
                !item.why.trim().is_empty() && !item.how.trim().is_empty(),
                "{code}: checklist {id}"
            );
        }
    }
}

#[test]
fn the_checklist_follows_the_eleven_rules_in_order() {
    let rules: Vec<u32> = pack().checklist.iter().map(|c| c.rule).collect();
    assert_eq!(rules, (1..=11).collect::<Vec<_>>());
}

#[test]
fn every_article_is_linked_from_somewhere_or_listed() {
    // Every checklist item's article exists (checked on load); here: every article is reachable
    // from the guide's table of contents, and the safety-rules article links every rule.
    let pack = pack();
    for (code, texts) in pack.written_languages() {
        let links: Vec<Action> = texts.articles["safety-rules"]
            .blocks
            .iter()
            .flat_map(Block::links)
            .cloned()
            .collect();
        for item in &pack.checklist {
            assert!(
                links.contains(&Action::OpenChecklistItem {
                    id: item.id.clone()
                }),
                "{code}: safety-rules does not link checklist item {}",
                item.id
            );
        }
    }
}

/// Parses a number as written in `region`, returning its E.164 form if it is a valid number.
fn e164(number: &str, region: &str) -> Option<String> {
    use rlibphonenumber::{PHONE_NUMBER_UTIL, PhoneNumberFormat};
    let parsed = PHONE_NUMBER_UTIL.parse(number, region.parse().ok()).ok()?;
    PHONE_NUMBER_UTIL.is_valid_number(&parsed).then(|| {
        PHONE_NUMBER_UTIL
            .format(&parsed, PhoneNumberFormat::E164)
            .to_string()
    })
}

#[test]
fn every_directory_number_parses_in_both_forms() {
    for contact in &pack().contacts {
        // Short numbers are checked on load (content/local_help.rs): the library cannot.
        for phone in contact.phones.iter().filter(|p| !p.short) {
            let national = e164(&phone.number, &contact.country);
            assert_eq!(
                national.as_deref(),
                Some(phone.e164.as_str()),
                "{}: {}",
                contact.id,
                phone.number
            );
            assert_eq!(
                e164(&phone.e164, "ZZ").as_deref(),
                Some(phone.e164.as_str()),
                "{}",
                contact.id
            );
        }
    }
}

/// Runs of digits with the usual separators that are long enough to be a phone number.
fn phone_like(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let mut flush = |current: &mut String| {
        let candidate = current
            .trim_matches(|c: char| !c.is_ascii_digit() && c != '+')
            .to_owned();
        if candidate.chars().filter(char::is_ascii_digit).count() >= 7 {
            found.push(candidate);
        }
        current.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() || matches!(c, '+' | '-' | ' ' | '(' | ')') {
            current.push(c);
        } else {
            flush(&mut current);
        }
    }
    flush(&mut current);
    found
}

#[test]
fn every_phone_number_written_in_the_texts_parses_and_is_in_the_directory() {
    let pack = pack();
    let directory: Vec<&str> = pack
        .contacts
        .iter()
        .flat_map(|c| &c.phones)
        .map(|p| p.e164.as_str())
        .collect();
    let mut checked = 0;
    for (code, texts) in pack.written_languages() {
        let mut sources: Vec<(String, String)> = texts
            .articles
            .iter()
            .map(|(id, a)| (format!("article {id}"), body_text(&a.blocks)))
            .collect();
        for (id, c) in &texts.contacts {
            let all = [
                c.description.clone(),
                c.note.clone().unwrap_or_default(),
                c.services.join("\n"),
            ]
            .join("\n");
            sources.push((format!("contact {id}"), all));
        }
        for (place, text) in sources {
            for number in phone_like(&text) {
                let normalised = e164(&number, "RU").unwrap_or_else(|| {
                    panic!("{code}: {place}: {number:?} does not parse as a phone number")
                });
                assert!(
                    directory.contains(&normalised.as_str()),
                    "{code}: {place}: {number:?} is not a directory number; add it to structure.toml"
                );
                checked += 1;
            }
        }
    }
    assert!(
        checked > 0,
        "the texts quote the hotline number, so some numbers must have been checked"
    );
}

#[test]
fn the_phone_scanner_finds_numbers_and_rejects_non_numbers() {
    assert_eq!(
        phone_like("Call 8-800-333-00-16 now, or +7 800 333-00-16."),
        ["8-800-333-00-16", "+7 800 333-00-16"]
    );
    assert!(phone_like("Opened on 30 April 2013, 8 places, 08:30-18:30").is_empty());
    assert_eq!(e164("8-800-333-00-17-99", "RU"), None);
}

/// Whether a number as written is in a range kept for examples, which rings no one: the UK's
/// 07700 900000 to 900999 (Ofcom's numbers for drama), in national or international form.
/// libphonenumber does not count them as valid numbers, so they are matched by their digits.
fn is_example_number(written: &str) -> bool {
    let digits: String = written
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    ["+447700900", "07700900"].iter().any(|prefix| {
        digits
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.len() == 3 && rest.bytes().all(|b| b.is_ascii_digit()))
    })
}

#[test]
fn every_number_in_any_text_is_a_directory_number_or_an_example_that_rings_no_one() {
    let pack = pack();
    let directory: Vec<&str> = pack
        .contacts
        .iter()
        .flat_map(|c| &c.phones)
        .map(|p| p.e164.as_str())
        .collect();
    let mut examples = 0;
    for (code, _) in pack.written_languages() {
        for (place, text) in super::glossary_tests::language_texts(code) {
            for number in phone_like(&text) {
                if is_example_number(&number) {
                    examples += 1;
                    continue;
                }
                // Dates and other digit runs that are no phone number cannot ring anyone.
                let Some(normalised) = e164(&number, "RU") else {
                    continue;
                };
                assert!(
                    directory.contains(&normalised.as_str()),
                    "{place}: {number:?} may be someone's real number: use a directory number, \
                     or an example from +44 7700 900000 to 900999"
                );
            }
        }
    }
    assert!(
        examples > 0,
        "the contact form's hint shows an example number"
    );
    assert!(is_example_number("+44 7700 900123") && is_example_number("07700 900999"));
    assert!(!is_example_number("+49 30 1234567"));
    assert!(!is_example_number("+44 7700 9001234"));
    assert!(
        e164("+49 30 1234567", "RU").is_some(),
        "a real-looking number is checked"
    );
}

/// The pack loaded from the TOML sources, as an author's tools load it, with one file edited.
fn with_file(path: &str, edit: impl Fn(&str) -> String) -> Result<Pack, String> {
    let edited: Vec<(String, String)> = source_files()
        .into_iter()
        .map(|(p, text)| (p.clone(), if p == path { edit(&text) } else { text }))
        .collect();
    let files: Vec<(&str, &str)> = edited
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    Pack::from_files::<Toml>(&files)
}

#[test]
fn a_broken_cross_link_is_rejected() {
    let err = with_file("ru/guide.toml", |t| {
        t.replacen("(article:", "(article:no-such-", 1)
    })
    .unwrap_err();
    assert!(
        err.contains("ru/guide.toml") && err.contains("does not exist"),
        "{err}"
    );
    let err = with_file("en/guide.toml", |t| {
        t.replacen("(checklist:", "(checklist:nope-", 1)
    })
    .unwrap_err();
    assert!(err.contains("does not exist"), "{err}");
}

#[test]
fn text_for_an_unknown_item_is_rejected() {
    let err = with_file("ru/checklist.toml", |t| {
        format!("{t}\n[item.typo-id]\ntitle = \"x\"\nwhy = \"x\"\nhow = \"x\"\n")
    })
    .unwrap_err();
    assert!(err.contains("unknown checklist item typo-id"), "{err}");
}

#[test]
fn a_missing_language_file_is_rejected() {
    type Load = fn(&[(&str, &str)]) -> Result<Pack, String>;
    type Files = Vec<(String, String)>;
    let forms: [(Files, &str, Load); 2] = [
        (source_files(), "ru/ui.toml", Pack::from_files::<Toml>),
        (embedded_files(), "ru/ui.json", Pack::from_files::<Json>),
    ];
    for (all, missing, load) in forms {
        let files: Vec<(&str, &str)> = all
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .filter(|(p, _)| *p != missing)
            .collect();
        let err = load(&files).unwrap_err();
        assert!(err.contains(missing), "{err}");
    }
}

#[test]
fn bad_hours_are_rejected() {
    let err = with_file("structure.toml", |t| {
        t.replace("closes = \"18:30\"", "closes = \"07:00\"")
    })
    .unwrap_err();
    assert!(err.contains("hotline"), "{err}");
}

/// Every number shown where the person is must name its page and be dialable: a local-help
/// entry without them is refused on load, naming the entry and what is wrong.
#[test]
fn bad_local_help_entries_are_refused_on_load() {
    let first = "id = \"ru-embassy-at\"\nkind = \"embassy\"\ncountry = \"AT\"\nof = \"RU\"\n";
    let cases: [(&str, &str, &str); 6] = [
        (
            "source = \"https://austria",
            "source_was = \"https://austria",
            "unknown field",
        ),
        ("of = \"RU\"\n", "", "needs `of`"),
        ("kind = \"embassy\"", "kind = \"bar\"", "is not embassy"),
        (
            "country = \"AT\"\nof = \"RU\"",
            "country = \"AT\"\nof = \"AT\"",
            "abroad",
        ),
        (
            "checked = \"2026-12-07\"\n[[contact.phones]]\nnumber = \"+43 1 712",
            "checked = \"7 Dec\"\n[[contact.phones]]\nnumber = \"+43 1 712",
            "YYYY-MM-DD",
        ),
        ("e164 = \"+4317121229\"", "e164 = \"4317121229\"", "E.164"),
    ];
    for (from, to, expected) in cases {
        let err = with_file("local-help.toml", |t| {
            assert!(t.contains(first) && t.contains(from), "{from}");
            t.replacen(from, to, 1)
        })
        .unwrap_err();
        assert!(err.contains("local-help.toml"), "{err}");
        assert!(err.contains(expected), "{expected}: {err}");
    }
    // A source is required: the entry's whole source line gone.
    let err = with_file("local-help.toml", |t| {
        let start = t.find("source = \"https://austria").unwrap();
        let end = start + t[start..].find('\n').unwrap() + 1;
        format!("{}{}", &t[..start], &t[end..])
    })
    .unwrap_err();
    assert!(
        err.contains("ru-embassy-at") && err.contains("`source`"),
        "{err}"
    );
    // A short number that claims to work from abroad.
    let err = with_file("local-help.toml", |t| {
        t.replacen("short = true\ndial_from = [\"TR\"]", "short = true", 1)
    })
    .unwrap_err();
    assert!(err.contains("works only inside its country"), "{err}");
}

#[test]
fn a_language_without_texts_falls_back_along_its_chain() {
    let pack = pack();
    let chain = pack.chain("ky").unwrap();
    let found = pack.find(&chain, |t| t.articles.get("red-flags")).unwrap();
    assert_eq!(found.language, "ru");
    let chain = pack.chain("de-AT").unwrap();
    assert_eq!(
        pack.find(&chain, |t| t.articles.get("red-flags"))
            .unwrap()
            .language,
        "en"
    );
}

#[test]
fn a_missing_text_falls_back_per_item_and_says_so() {
    let pack = with_file("ru/checklist.toml", |t| {
        let start = t.find("[item.return-ticket]").unwrap();
        let end = t[start + 1..]
            .find("[item.")
            .map_or(t.len(), |e| start + 1 + e);
        format!("{}{}", &t[..start], &t[end..])
    })
    .unwrap();
    let chain = pack.chain("ru").unwrap();
    assert_eq!(
        pack.find(&chain, |t| t.checklist.get("return-ticket"))
            .unwrap()
            .language,
        "en"
    );
    assert_eq!(
        pack.find(&chain, |t| t.checklist.get("work-visa"))
            .unwrap()
            .language,
        "ru"
    );
}

/// Cuts the table `[header]` (up to the next table) out of a TOML file.
fn without_table(text: &str, header: &str) -> String {
    let start = text
        .find(&format!("\n{header}\n"))
        .unwrap_or_else(|| panic!("{header} not found"))
        + 1;
    let end = text[start + 1..]
        .find("\n[")
        .map_or(text.len(), |e| start + 1 + e + 1);
    format!("{}{}", &text[..start], &text[end..])
}

/// Uzbek falls back to Russian, then English: a checklist item missing in Uzbek shows in
/// Russian, one missing in both in English, each marked with the language it is really in.
#[test]
fn a_text_missing_in_uzbek_shows_in_russian_then_in_english() {
    let edited: Vec<(String, String)> = source_files()
        .into_iter()
        .map(|(path, text)| {
            let text = match path.as_str() {
                "uz/checklist.toml" => {
                    let text = without_table(&text, "[item.return-ticket]");
                    without_table(&text, "[item.work-visa]")
                }
                "ru/checklist.toml" => without_table(&text, "[item.work-visa]"),
                "uz/ui.toml" => text.replacen("\nshell_save = ", "\n# shell_save = ", 1),
                _ => text,
            };
            (path, text)
        })
        .collect();
    let files: Vec<(&str, &str)> = edited
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let pack = Pack::from_files::<Toml>(&files).unwrap();
    let chain = pack.chain("uz-UZ").unwrap();
    assert_eq!(chain.codes().collect::<Vec<_>>(), ["uz", "ru", "en"]);
    let language = |id: &str| pack.find(&chain, |t| t.checklist.get(id)).unwrap().language;
    assert_eq!(language("agency-licence"), "uz");
    assert_eq!(language("return-ticket"), "ru");
    assert_eq!(language("work-visa"), "en");
    let ui = ui::Ui::new(&pack, &chain);
    assert_eq!(ui.text("shell_save"), "Сохранить");
    assert_ne!(ui.text("shell_cancel"), "Отмена", "Uzbek has its own word");
}

/// Uzbek's texts are written in the Latin alphabet with the letters oʻ and gʻ spelt with the
/// turned comma (U+02BB) and the tutuq belgisi with the apostrophe letter (U+02BC), never with
/// a quote mark or a backtick, so that search and the screen reader read one word.
#[test]
fn uzbek_texts_are_latin_with_the_proper_okina_and_apostrophe() {
    let pack = pack();
    let (_, uz) = pack
        .written_languages()
        .find(|(code, _)| *code == "uz")
        .expect("Uzbek ships texts");
    let mut texts: Vec<(String, String)> = Vec::new();
    for (key, s) in &uz.ui.strings {
        texts.push((format!("ui {key}"), s.clone()));
    }
    for (key, s) in uz.ui.countries.iter().chain(&uz.ui.zones) {
        texts.push((format!("ui {key}"), s.clone()));
    }
    for (id, c) in &uz.contacts {
        let all = [&c.name, &c.description]
            .into_iter()
            .chain(&c.services)
            .chain(&c.address)
            .chain(&c.note);
        for s in all {
            texts.push((format!("contact {id}"), s.clone()));
        }
    }
    for (id, note) in &uz.emergency_notes {
        texts.push((format!("emergency note {id}"), note.clone()));
    }
    for (id, item) in &uz.checklist {
        for s in [&item.title, &item.why, &item.how] {
            texts.push((format!("checklist {id}"), s.clone()));
        }
    }
    for (id, a) in &uz.articles {
        let all = format!("{}\n{}\n{}", a.title, a.summary, body_text(&a.blocks));
        texts.push((format!("article {id}"), all));
    }
    let s = &uz.screening;
    for (key, t) in &s.strings {
        texts.push((format!("screening {key}"), t.clone()));
    }
    for (id, q) in &s.question {
        for t in [&q.text, &q.why, &q.reason, &q.unknown] {
            texts.push((format!("question {id}"), t.clone()));
        }
    }
    for (id, q) in &s.quiz {
        for t in [&q.statement, &q.explanation] {
            texts.push((format!("quiz {id}"), t.clone()));
        }
    }
    for (place, text) in texts {
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            assert!(
                !('\u{400}'..='\u{4FF}').contains(c),
                "uz {place}: Cyrillic in {text:?}"
            );
            let letters_around = i > 0
                && chars[i - 1].is_alphabetic()
                && chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
            if matches!(c, '\'' | '‘' | '’' | '`' | 'ʻ' | 'ʼ') && letters_around {
                let after_o_or_g = matches!(chars[i - 1], 'o' | 'O' | 'g' | 'G');
                let want = if after_o_or_g { 'ʻ' } else { 'ʼ' };
                assert_eq!(
                    *c,
                    want,
                    "uz {place}: {c:?} after {:?} in {text:?}",
                    chars[i - 1]
                );
            }
        }
    }
}

/// The language list says, in the language itself, when nobody has reviewed a language's texts
/// yet, and stops saying it once `languages.toml` marks it reviewed.
#[test]
fn a_language_nobody_has_reviewed_says_so_in_the_language_list() {
    let infos = crate::supported_languages().unwrap();
    let uz = infos.iter().find(|l| l.code == "uz").unwrap();
    assert!(uz.has_own_texts && !uz.reviewed, "{uz:?}");
    let pack = pack();
    let own = pack
        .written_languages()
        .find(|(code, _)| *code == "uz")
        .map(|(_, t)| t.ui.strings["language_not_reviewed"].clone());
    assert_eq!(uz.note, own, "the note is in Uzbek");
    for language in &infos {
        match language.code.as_str() {
            "en" | "ru" => assert!(language.reviewed && language.note.is_none()),
            "uz" => {}
            _ => assert!(
                !language.has_own_texts && language.note.is_none(),
                "a language without texts shows its fallback's, which are reviewed: {language:?}"
            ),
        }
    }
    let reviewed = with_file("languages.toml", |t| {
        t.replace("reviewed = false", "reviewed = true")
    })
    .unwrap();
    let infos = crate::settings::language_infos(&reviewed);
    assert!(infos.iter().all(|l| l.note.is_none()), "{infos:?}");
    assert!(infos.iter().find(|l| l.code == "uz").unwrap().reviewed);
}

#[test]
fn the_compiled_content_the_library_carries_is_the_sources_content() {
    let sources = source_files();
    let sources: Vec<(&str, &str)> = sources
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let from_sources = Pack::from_files::<Toml>(&sources).unwrap();
    // Every id, text, number and parsed article block, field by field.
    assert_eq!(format!("{from_sources:?}"), format!("{:?}", pack()));
}

#[test]
fn a_mistake_in_a_source_is_reported_at_its_line() {
    let err = with_file("ru/checklist.toml", |t| t.replacen("why = ", "whi = ", 1)).unwrap_err();
    assert!(err.starts_with("ru/checklist.toml: "), "{err}");
    assert!(err.contains("line ") && err.contains("whi"), "{err}");
}

#[test]
fn every_reason_is_an_interface_key() {
    for reason in crate::error::reason::ALL {
        assert!(
            ui_keys::KEYS.contains(&reason.key()),
            "{} is not in KEYS",
            reason.key()
        );
    }
}
