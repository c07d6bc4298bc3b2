//! The passphrase Waymark makes up to seal a plan for the family: four short, common words in
//! the person's language, easy to say on the phone (core/content/passphrase/ holds the lists and
//! their rules). Four words from 256 give 32 bits; the plan's key is stretched from them with
//! Argon2id (sharing.rs), which makes each guess cost a fifth of a second.

use super::pins;
use crate::content::Chain;
use crate::error::Result;

/// How many words a made-up passphrase has.
pub(crate) const WORDS: usize = 4;

const EN: &str = include_str!("../../content/passphrase/en.txt");
const RU: &str = include_str!("../../content/passphrase/ru.txt");
const UZ: &str = include_str!("../../content/passphrase/uz.txt");

/// The word list for the first language in `chain` that has one (English has one).
fn list(chain: &Chain) -> Vec<&'static str> {
    let text = chain
        .codes()
        .find_map(|code| match code {
            "ru" => Some(RU),
            "uz" => Some(UZ),
            "en" => Some(EN),
            _ => None,
        })
        .unwrap_or(EN);
    text.lines()
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect()
}

/// A new passphrase in the language of `chain`: four words picked uniformly at random.
pub(crate) fn make_up(chain: &Chain) -> Result<String> {
    let words = list(chain);
    let random = pins::random_bytes::<WORDS>()?;
    // The lists hold exactly 256 words (a test checks), so one byte picks one uniformly.
    Ok(random
        .iter()
        .map(|b| words[usize::from(*b) % words.len()])
        .collect::<Vec<_>>()
        .join(" "))
}

/// A passphrase as it is sealed and opened: lower case, single spaces, no spaces at the ends,
/// so "Apple  river" said on the phone and typed back works.
pub(crate) fn normalised(passphrase: &str) -> String {
    passphrase
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn each_list_holds_256_distinct_short_words() {
        for (language, text) in [("en", EN), ("ru", RU), ("uz", UZ)] {
            let words: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words.len(), 256, "{language}");
            let distinct: HashSet<&str> = words.iter().copied().collect();
            assert_eq!(distinct.len(), 256, "{language}: a word twice");
            for word in words {
                assert!(
                    word.chars().all(char::is_alphabetic) && word == word.to_lowercase(),
                    "{language}: {word:?} is not one lower-case word"
                );
                assert!(
                    (3..=8).contains(&word.chars().count()),
                    "{language}: {word}"
                );
            }
        }
    }

    #[test]
    fn a_made_up_passphrase_is_four_words_of_the_language() {
        let pack = crate::content::default_pack().unwrap();
        for language in ["en", "ru", "uz", "de"] {
            let chain = pack.chain(language).unwrap();
            let phrase = make_up(&chain).unwrap();
            let own = list(&chain);
            let words: Vec<&str> = phrase.split(' ').collect();
            assert_eq!(words.len(), WORDS, "{phrase}");
            assert!(
                words.iter().all(|w| own.contains(w)),
                "{language}: {phrase}"
            );
            assert_eq!(normalised(&phrase), phrase);
        }
        assert_ne!(
            make_up(&pack.chain("en").unwrap()).unwrap(),
            make_up(&pack.chain("en").unwrap()).unwrap()
        );
        assert_eq!(normalised("  Apple \t RIVER  "), "apple river");
    }
}
