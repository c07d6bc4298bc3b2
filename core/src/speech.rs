//! Texts to be read aloud: an article, a checklist item or a contact card as one plain text in
//! its language, for the phone's text-to-speech (Android `TextToSpeech`, iOS
//! `AVSpeechSynthesizer`) or the desktop. No markup reaches the voice: headings and list items
//! become sentences, a link is read as its words, and phone numbers are read digit by digit in
//! their groups ("8, 8 0 0, 3 3 3, 0 0, 1 6"), as a person writes them down.

use std::collections::HashSet;
use std::time::SystemTime;

use serde::Serialize;

use crate::checklist::checklist_view;
use crate::contacts::directory::contact_view;
use crate::contacts::local_help::title;
use crate::content::{Block, Pack, RichText};
use crate::error::{Error, Result};
use crate::guide::article_view;
use crate::profile::Profile;

/// Phone numbers have at least this many digits; shorter runs are read as numbers ("2026").
const PHONE_MIN_DIGITS: usize = 5;

/// A text ready for the phone's voice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct SpeakableText {
    /// The language of the text as a BCP 47 tag ("ru"): pick the voice by it.
    pub language: String,
    /// Plain sentences, one paragraph per line.
    pub text: String,
    /// What to tell the person when the phone has no voice for `language`.
    pub no_voice_hint: String,
}

/// An article as a text to read aloud, in the language it is written in.
pub(crate) fn speakable_article(profile: &Profile, id: &str) -> Result<SpeakableText> {
    let article = article_view(profile, id)?;
    let mut lines = vec![sentence(&article.title)];
    lines.extend(article.blocks.iter().flat_map(block_lines));
    Ok(speakable(profile, &article.language, &lines))
}

/// A checklist item (what to do, why, how) as a text to read aloud.
pub(crate) fn speakable_checklist_item(profile: &Profile, id: &str) -> Result<SpeakableText> {
    let checklist = checklist_view(profile)?;
    let item = checklist
        .items
        .into_iter()
        .find(|item| item.id == id)
        .ok_or_else(|| Error::not_found("checklist item", id))?;
    let lines: Vec<String> = [Some(item.title), item.why, item.how]
        .into_iter()
        .flatten()
        .map(|text| sentence(&text))
        .collect();
    let language = item
        .language
        .unwrap_or_else(|| profile.prefs().chain.preferred().to_owned());
    Ok(speakable(profile, &language, &lines))
}

/// A contact card of the built-in directory as a text to read aloud, as the card shows it at
/// `now`.
pub(crate) fn speakable_contact(
    profile: &Profile,
    id: &str,
    now: SystemTime,
) -> Result<SpeakableText> {
    let card = contact_view(profile, id, now)?;
    // A number that is not confirmed is said so before it is read out.
    let name = title(&profile.prefs().ui(), card.confirmed, &card.name);
    let mut lines = vec![sentence(&name), sentence(&card.description)];
    lines.extend(card.services.iter().map(|s| sentence(s)));
    if let (Some(hours), Some(status)) = (&card.hours, &card.status) {
        lines.push(sentence(&format!("{hours}. {status}")));
    }
    if let Some(opening) = &card.opening {
        // On the line's own clock: the person's zone name would be read out letter by letter.
        lines.push(sentence(&opening.next_change_text));
        lines.push(sentence(&opening.confirmation));
        lines.push(sentence(&opening.no_answer));
    }
    for phone in &card.phones {
        lines.push(sentence(&phone.number));
    }
    lines.extend(card.note.iter().map(|n| sentence(n)));
    Ok(speakable(profile, &card.language, &lines))
}

fn speakable(profile: &Profile, language: &str, lines: &[String]) -> SpeakableText {
    let prefs = profile.prefs();
    let known = short_numbers(&prefs.pack);
    let text = lines
        .iter()
        .map(|line| spell_numbers(line, &known))
        .collect::<Vec<_>>()
        .join("\n");
    let ui = prefs.ui();
    SpeakableText {
        language: language.to_owned(),
        text,
        no_voice_hint: ui.format(
            "speech_no_voice",
            &[("language", &ui.language_name(language))],
        ),
    }
}

/// The short numbers a person may have to dial (every emergency number of `pack` and every
/// short line of its directory): read digit by digit, "1 1 2", never "one hundred and twelve".
fn short_numbers(pack: &Pack) -> HashSet<String> {
    let lines = pack
        .contacts
        .iter()
        .flat_map(|def| &def.phones)
        .filter(|phone| phone.short)
        .map(|phone| phone.number.clone());
    pack.emergency
        .iter()
        .flat_map(|def| {
            [&def.police, &def.ambulance, &def.fire]
                .into_iter()
                .chain(def.general.as_ref())
                .cloned()
        })
        .chain(lines)
        .collect()
}

/// The lines of one block, each a sentence: a heading, a paragraph, each list item, a callout
/// with its label first.
fn block_lines(block: &Block) -> Vec<String> {
    match block {
        Block::Heading { text } => vec![sentence(text)],
        Block::Paragraph { text } => vec![sentence(&text.plain())],
        Block::BulletList { items } => items.iter().map(|i| sentence(&i.plain())).collect(),
        Block::NumberedList { items } => items
            .iter()
            .zip(1..)
            .map(|(item, n)| sentence(&format!("{n}. {}", item.plain())))
            .collect(),
        Block::Callout {
            label, paragraphs, ..
        } => std::iter::once(sentence(label))
            .chain(paragraphs.iter().map(RichText::plain).map(|p| sentence(&p)))
            .collect(),
    }
}

/// `text` trimmed, ending like a sentence so the voice pauses after it.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() || text.ends_with(['.', '!', '?', ':', '…']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// Phone numbers (5 digits or more, in groups split by spaces, dashes, dots or brackets, maybe
/// after "+") and the known short numbers of 3 digits or more, read digit by digit; dates, times
/// and everything else as they are. A web address is read as its site's name.
fn spell_numbers(text: &str, short: &HashSet<String>) -> String {
    let text = web_addresses_as_sites(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let starts_number = chars[i].is_ascii_digit()
            || (chars[i] == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        let before = i.checked_sub(1).map(|b| chars[b]);
        let inside_word = before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '+' | ':'));
        if !starts_number || inside_word {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // The run: digits with single separators between them; `end` is past its last digit.
        let mut at = i + usize::from(chars[i] == '+');
        let mut end = at;
        let mut groups: Vec<String> = vec![String::new()];
        while at < chars.len() {
            let c = chars[at];
            if c.is_ascii_digit() {
                if let Some(group) = groups.last_mut() {
                    group.push(c);
                }
                at += 1;
                end = at;
            } else if matches!(c, ' ' | '-' | '.' | '(' | ')')
                && !groups.last().is_some_and(String::is_empty)
                && chars
                    .get(at + 1)
                    .is_some_and(|n| n.is_ascii_digit() || (*n == '(' && c == ' '))
            {
                groups.push(String::new());
                at += 1;
            } else {
                break;
            }
        }
        groups.retain(|g| !g.is_empty());
        let digits: usize = groups.iter().map(String::len).sum();
        let whole: String = groups.concat();
        let after = chars.get(end).copied();
        let followed_by_word =
            after.is_some_and(|c| c.is_alphanumeric() || matches!(c, ':' | '%' | '$' | '€'));
        let is_date = groups.len() == 3
            && groups[0].len() == 4
            && groups[1].len() == 2
            && groups[2].len() == 2;
        let is_short = whole.len() >= 3 && groups.len() == 1 && short.contains(&whole);
        if !followed_by_word && !is_date && (digits >= PHONE_MIN_DIGITS || is_short) {
            if chars[i] == '+' {
                out.push_str("+ ");
            }
            let spoken: Vec<String> = groups
                .iter()
                .map(|g| g.chars().map(String::from).collect::<Vec<_>>().join(" "))
                .collect();
            out.push_str(&spoken.join(", "));
            i = end;
        } else {
            // Not a number to spell: copy it as written.
            out.extend(&chars[i..end.max(i + 1)]);
            i = end.max(i + 1);
        }
    }
    out
}

/// "https://russia.iom.int/counter-trafficking" read as "russia.iom.int".
fn web_addresses_as_sites(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("http") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let scheme = ["https://", "http://"]
            .iter()
            .find(|s| from.starts_with(**s));
        let Some(scheme) = scheme else {
            out.push_str("http");
            rest = &from[4..];
            continue;
        };
        let address = &from[scheme.len()..];
        let end = address
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | ',' | ';'))
            .unwrap_or(address.len());
        let host = address[..end].split('/').next().unwrap_or_default();
        out.push_str(host.trim_start_matches("www."));
        rest = &address[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::waymark::{Waymark, WaymarkOptions};

    fn open(dir: &tempfile::TempDir, language: &str) -> Waymark {
        let options = WaymarkOptions {
            language: language.into(),
            time_zone: "Europe/Moscow".into(),
            profile_key: vec![7; 32],
        };
        Waymark::open_at(&dir.path().join("p.sqlite"), &options).unwrap()
    }

    #[test]
    fn numbers_are_read_digit_by_digit_in_their_groups() {
        let short: HashSet<String> = ["112".to_owned()].into();
        assert_eq!(
            spell_numbers("Call 8-800-333-00-16 now.", &short),
            "Call 8, 8 0 0, 3 3 3, 0 0, 1 6 now."
        );
        assert_eq!(
            spell_numbers("or +7 800 333-00-16", &short),
            "or + 7, 8 0 0, 3 3 3, 0 0, 1 6"
        );
        assert_eq!(spell_numbers("Dial 112.", &short), "Dial 1 1 2.");
        // Years, dates, times, amounts and words with digits stay as they are; so does a
        // short number that is part of a time or an amount.
        let short: HashSet<String> = ["112".to_owned(), "18".to_owned(), "100".to_owned()].into();
        for kept in [
            "In 2026 at 18:30",
            "Mon–Fri, 08:30–18:30",
            "read on 2026-12-04.",
            "pay 500 dollars",
            "room 12",
            "COVID19 test",
            "v1.2",
            "100%",
        ] {
            assert_eq!(spell_numbers(kept, &short), kept);
        }
        assert_eq!(
            spell_numbers("8-800-333-00-16 (from abroad", &short),
            "8, 8 0 0, 3 3 3, 0 0, 1 6 (from abroad"
        );
        assert_eq!(
            spell_numbers("Source: https://www.example.org/a/b, read", &short),
            "Source: example.org, read"
        );
    }

    /// Every article, in every language, reads without markup, in its own language.
    #[test]
    fn every_article_is_speakable_without_markup() {
        let pack = crate::content::default_pack().unwrap();
        let languages: Vec<&str> = pack.written_languages().map(|(code, _)| code).collect();
        assert!(languages.len() >= 3, "{languages:?}");
        for language in languages {
            let dir = tempfile::tempdir().unwrap();
            let waymark = open(&dir, language);
            for id in pack.article_ids() {
                let spoken = waymark.speakable_article(id.to_owned()).unwrap();
                assert_eq!(spoken.language, language, "{id}");
                for mark in [
                    "**",
                    "*",
                    "#",
                    "[",
                    "](",
                    "article:",
                    "contact:",
                    "checklist:",
                    "`",
                    "> ",
                    "<",
                ] {
                    assert!(
                        !spoken.text.contains(mark),
                        "{language}/{id} holds {mark:?}:\n{}",
                        spoken.text
                    );
                }
                assert!(!spoken.text.is_empty());
                assert!(!spoken.no_voice_hint.is_empty());
            }
        }
    }

    #[test]
    fn the_hotline_card_reads_its_number_digit_by_digit() {
        let dir = tempfile::tempdir().unwrap();
        let waymark = open(&dir, "ru");
        let now = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_772_614_800);
        let spoken = waymark.speakable_contact("hotline".into(), now).unwrap();
        assert_eq!(spoken.language, "ru");
        assert!(
            spoken.text.contains("8, 8 0 0, 3 3 3, 0 0, 1 6"),
            "{}",
            spoken.text
        );
        // When it closes is said, as on the card, and what to do when no one answers.
        assert!(
            spoken
                .text
                .contains("Закроется сегодня в 18:30 по московскому времени."),
            "{}",
            spoken.text
        );
        assert!(spoken.text.contains("Если не отвечают"), "{}", spoken.text);
        assert!(
            spoken.no_voice_hint.contains("«Русский»"),
            "{}",
            spoken.no_voice_hint
        );
        let item = waymark
            .speakable_checklist_item("agency-licence".into())
            .unwrap();
        assert!(item.text.lines().count() >= 2, "{}", item.text);
        assert!(waymark.speakable_article("nope".into()).is_err());
    }
}
