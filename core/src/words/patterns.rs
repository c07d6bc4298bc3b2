//! The analyzer's word patterns (content in `patterns/<lang>.toml`), compiled once when the pack
//! loads, and matched against an ad's tokens.
//!
//! Russian inflects heavily, so a pattern word is matched by its Snowball stem ("визу" and
//! "визой" share the stem of "виза"), and `prefix*` covers a word family. One typo is forgiven
//! in words and prefixes of six letters or more; shorter words must be exact, or "не" and "на"
//! would match each other.
//!
//! A language Snowball has no stemmer for (Uzbek, `stemmer = "none"`) matches words as written,
//! and its patterns reach a word's forms with `prefix*` ("viza*": vizasi, vizada). It forgives
//! no typo: its suffixes differ by one letter and mean the opposite ("shartnomasi", its
//! contract; "shartnomasiz", without a contract; "to'laymiz", we pay; "to'laysiz", you pay).

use std::collections::BTreeMap;
use std::fmt;

use rust_stemmers::{Algorithm, Stemmer};

use serde::Deserialize;

use super::text::{Kind, Token, Tokens};

/// The most words a `...` skips.
const MAX_GAP: usize = 4;
/// Words and prefixes at least this long forgive one typo.
const FUZZY_FROM: usize = 6;

/// One language's patterns.
pub(crate) struct PatternSet {
    pub language: String,
    /// None for a language without a stemmer: words are compared as written.
    algorithm: Option<Algorithm>,
    flags: BTreeMap<String, FlagRule>,
    unskilled: Vec<Pattern>,
    thousand: Vec<Pattern>,
    currencies: Vec<(String, Vec<Pattern>)>,
    periods: Vec<(Period, Vec<Pattern>)>,
}

impl fmt::Debug for PatternSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PatternSet")
            .field("language", &self.language)
            .field("flags", &self.flags.len())
            .finish_non_exhaustive()
    }
}

/// A flag's patterns: any of `any`, and, when `with` is not empty, one of `with` too.
struct FlagRule {
    any: Vec<Pattern>,
    with: Vec<Pattern>,
}

/// A pay period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Period {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// A compiled pattern: terms, each matching one token, with gaps between some.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    steps: Vec<Step>,
}

#[derive(Debug, Clone)]
enum Step {
    Term(Vec<Alt>),
    Gap,
}

#[derive(Debug, Clone)]
enum Alt {
    Word {
        norm: Vec<char>,
        stem: String,
        fuzzy: bool,
    },
    Prefix {
        norm: Vec<char>,
        fuzzy: bool,
    },
}

/// An ad's tokens with their stems in one language.
pub(crate) struct Stemmed<'a> {
    pub tokens: &'a Tokens,
    stems: Vec<String>,
}

/// The stemmer for one of the two stemmed languages the patterns are written in. Each is created
/// from a constant so the linker can leave the other languages' stemmers out of the library.
fn stemmer(algorithm: Option<Algorithm>) -> Option<Stemmer> {
    match algorithm? {
        Algorithm::Russian => Some(Stemmer::create(Algorithm::Russian)),
        _ => Some(Stemmer::create(Algorithm::English)),
    }
}

/// A word's stem, or the word itself without a stemmer.
fn stem(stemmer: Option<&Stemmer>, norm: &str) -> String {
    stemmer.map_or_else(|| norm.to_owned(), |s| s.stem(norm).into_owned())
}

/// A span of the text, in characters, end exclusive.
pub(crate) type CharSpan = (usize, usize);

impl PatternSet {
    pub(crate) fn compile(file: PatternFile) -> Result<Self, String> {
        let algorithm = match file.stemmer.as_str() {
            "russian" => Some(Algorithm::Russian),
            "english" => Some(Algorithm::English),
            "none" => None,
            other => return Err(format!("unknown stemmer {other:?}")),
        };
        let stemmer = stemmer(algorithm);
        let all = |list: &[String], place: &str| -> Result<Vec<Pattern>, String> {
            list.iter()
                .map(|p| {
                    Pattern::compile(p, stemmer.as_ref())
                        .map_err(|e| format!("{place}: {p:?}: {e}"))
                })
                .collect()
        };
        let mut flags = BTreeMap::new();
        for (id, rule) in &file.flag {
            let place = format!("flag.{id}");
            let any = all(&rule.any, &place)?;
            if any.is_empty() {
                return Err(format!("{place}: no patterns"));
            }
            let with = all(&rule.with, &place)?;
            flags.insert(id.clone(), FlagRule { any, with });
        }
        let mut currencies = Vec::new();
        for (code, words) in &file.salary.currency {
            currencies.push((code.clone(), all(words, "salary.currency")?));
        }
        let PeriodPatterns {
            hour,
            day,
            week,
            month,
            year,
        } = &file.salary.period;
        let periods = vec![
            (Period::Hour, all(hour, "salary.period")?),
            (Period::Day, all(day, "salary.period")?),
            (Period::Week, all(week, "salary.period")?),
            (Period::Month, all(month, "salary.period")?),
            (Period::Year, all(year, "salary.period")?),
        ];
        Ok(Self {
            language: file.language,
            algorithm,
            flags,
            unskilled: all(&file.salary.unskilled, "salary.unskilled")?,
            thousand: all(&file.salary.thousand, "salary.thousand")?,
            currencies,
            periods,
        })
    }

    pub(crate) fn flag_ids(&self) -> impl Iterator<Item = &str> {
        self.flags.keys().map(String::as_str)
    }

    pub(crate) fn has_flag(&self, id: &str) -> bool {
        self.flags.contains_key(id)
    }

    pub(crate) fn currencies(&self) -> impl Iterator<Item = &str> {
        self.currencies.iter().map(|(code, _)| code.as_str())
    }

    /// The tokens with their stems in this set's language.
    pub(crate) fn stem<'a>(&self, tokens: &'a Tokens) -> Stemmed<'a> {
        let stemmer = stemmer(self.algorithm);
        let stems = tokens
            .tokens
            .iter()
            .map(|t| match t.kind {
                Kind::Word => stem(stemmer.as_ref(), &t.norm),
                _ => t.norm.clone(),
            })
            .collect();
        Stemmed { tokens, stems }
    }

    /// Every place the flag's rule matches, or nothing when its `with` part finds nothing.
    pub(crate) fn flag_spans(&self, id: &str, text: &Stemmed<'_>) -> Vec<CharSpan> {
        let Some(rule) = self.flags.get(id) else {
            return Vec::new();
        };
        let mut spans: Vec<CharSpan> = rule.any.iter().flat_map(|p| p.find_all(text)).collect();
        if !rule.with.is_empty() && !spans.is_empty() {
            let with: Vec<CharSpan> = rule.with.iter().flat_map(|p| p.find_all(text)).collect();
            if with.is_empty() {
                return Vec::new();
            }
            spans.extend(with);
        }
        spans
    }

    /// Whether the text names work that needs no skill.
    pub(crate) fn names_unskilled_work(&self, text: &Stemmed<'_>) -> bool {
        self.unskilled.iter().any(|p| !p.find_all(text).is_empty())
    }

    /// The token after which a "thousand" word ends, when one starts at `i`.
    pub(crate) fn thousand_at(&self, text: &Stemmed<'_>, i: usize) -> Option<usize> {
        self.thousand.iter().find_map(|p| p.match_at(text, i))
    }

    /// The currency named by the pattern that starts at token `i`, and where it ends.
    pub(crate) fn currency_at(&self, text: &Stemmed<'_>, i: usize) -> Option<(&str, usize)> {
        self.currencies.iter().find_map(|(code, patterns)| {
            patterns
                .iter()
                .find_map(|p| p.match_at(text, i))
                .map(|end| (code.as_str(), end))
        })
    }

    /// The pay period named by the pattern that starts at token `i`, and where it ends.
    pub(crate) fn period_at(&self, text: &Stemmed<'_>, i: usize) -> Option<(Period, usize)> {
        self.periods.iter().find_map(|(period, patterns)| {
            patterns
                .iter()
                .find_map(|p| p.match_at(text, i))
                .map(|end| (*period, end))
        })
    }
}

impl Pattern {
    /// Compiles one pattern as written in content (see `patterns/ru.toml` for the syntax).
    pub(crate) fn compile(source: &str, stemmer: Option<&Stemmer>) -> Result<Self, String> {
        let mut steps = Vec::new();
        for part in source.split_whitespace() {
            if part == "..." {
                if !matches!(steps.last(), Some(Step::Term(_))) {
                    return Err("\"...\" must come between two words".into());
                }
                steps.push(Step::Gap);
                continue;
            }
            let alts = part
                .split('|')
                .map(|alt| Alt::compile(alt, stemmer))
                .collect::<Result<Vec<_>, _>>()?;
            steps.push(Step::Term(alts));
        }
        match steps.last() {
            None => Err("empty pattern".into()),
            Some(Step::Gap) => Err("\"...\" must come between two words".into()),
            Some(Step::Term(_)) => Ok(Self { steps }),
        }
    }

    /// Every match in the text, as character spans, left to right; overlapping matches of the
    /// same pattern are reported once.
    pub(crate) fn find_all(&self, text: &Stemmed<'_>) -> Vec<CharSpan> {
        let mut spans = Vec::new();
        let mut next_free = 0;
        for i in 0..text.tokens.tokens.len() {
            if i < next_free {
                continue;
            }
            if let Some(end) = self.match_at(text, i) {
                let tokens = &text.tokens.tokens;
                spans.push((tokens[i].start, tokens[end].end));
                next_free = end + 1;
            }
        }
        spans
    }

    /// The index of the last token of a match that starts at token `i`.
    pub(crate) fn match_at(&self, text: &Stemmed<'_>, i: usize) -> Option<usize> {
        let sentence = text.tokens.tokens.get(i)?.sentence;
        match_steps(&self.steps, text, i, sentence)
    }
}

fn match_steps(steps: &[Step], text: &Stemmed<'_>, i: usize, sentence: u32) -> Option<usize> {
    let Some(Step::Term(alts)) = steps.first() else {
        return None;
    };
    let token = text.tokens.tokens.get(i)?;
    if token.sentence != sentence || !alts.iter().any(|a| a.matches(token, &text.stems[i])) {
        return None;
    }
    match steps.get(1) {
        None => Some(i),
        Some(Step::Gap) => {
            (i + 1..=i + 1 + MAX_GAP).find_map(|j| match_steps(&steps[2..], text, j, sentence))
        }
        Some(Step::Term(_)) => match_steps(&steps[1..], text, i + 1, sentence),
    }
}

impl Alt {
    fn compile(source: &str, stemmer: Option<&Stemmer>) -> Result<Self, String> {
        let (body, prefix) = match source.strip_suffix('*') {
            Some(body) => (body, true),
            None => (source, false),
        };
        let tokens = Tokens::new(body).tokens;
        let [token] = tokens.as_slice() else {
            return Err(format!(
                "{source:?} is not one word (separate words with spaces; no punctuation)"
            ));
        };
        let norm: Vec<char> = token.norm.chars().collect();
        // Typos are forgiven only where a stemmer reads the endings (see the module's notes).
        let fuzzy = stemmer.is_some() && norm.len() >= FUZZY_FROM;
        Ok(if prefix {
            Alt::Prefix { norm, fuzzy }
        } else {
            let stem = match token.kind {
                Kind::Word => stem(stemmer, &token.norm),
                _ => token.norm.clone(),
            };
            Alt::Word { norm, stem, fuzzy }
        })
    }

    /// Whether the token is this word or starts with this prefix. Lengths are compared
    /// before any edit distance is computed: most tokens are ruled out by length alone.
    fn matches(&self, token: &Token, stem: &str) -> bool {
        let typo = within_one_edit;
        match self {
            Alt::Word {
                norm,
                stem: own,
                fuzzy,
            } => {
                // Stems are compared with a typo only when the stem itself is long: "hour"
                // (from "hourly") must not find "our".
                own == stem
                    || (*fuzzy
                        && (typo(norm, &token.chars)
                            || (own.chars().count() >= FUZZY_FROM - 1
                                && own.len().abs_diff(stem.len()) <= 2
                                && strsim::levenshtein(own, stem) <= 1)))
            }
            Alt::Prefix { norm, fuzzy } => {
                if token.chars.starts_with(norm) {
                    return true;
                }
                let len = norm.len();
                // The prefix with one letter wrong, missing or extra.
                *fuzzy
                    && (len - 1..=len + 1)
                        .filter(|k| *k <= token.chars.len())
                        .any(|k| within_one_edit(norm, &token.chars[..k]))
            }
        }
    }
}

/// Whether `a` becomes `b` by at most one letter changed, added or left out.
pub(crate) fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => short.iter().zip(long).filter(|(x, y)| x != y).count() <= 1,
        1 => {
            let head = short.iter().zip(long).take_while(|(x, y)| x == y).count();
            short[head..] == long[head + 1..]
        }
        _ => false,
    }
}

/// `patterns/<lang>.toml`, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PatternFile {
    pub language: String,
    pub stemmer: String,
    pub flag: BTreeMap<String, FlagPatterns>,
    pub salary: SalaryPatterns,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FlagPatterns {
    pub any: Vec<String>,
    #[serde(default)]
    pub with: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SalaryPatterns {
    pub unskilled: Vec<String>,
    pub thousand: Vec<String>,
    pub currency: BTreeMap<String, Vec<String>>,
    pub period: PeriodPatterns,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PeriodPatterns {
    pub hour: Vec<String>,
    pub day: Vec<String>,
    pub week: Vec<String>,
    pub month: Vec<String>,
    pub year: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(pattern: &str, language: Algorithm, text: &str) -> Vec<String> {
        let stemmer = Stemmer::create(language);
        let pattern = Pattern::compile(pattern, Some(&stemmer)).unwrap();
        let tokens = Tokens::new(text);
        let set_stems = tokens
            .tokens
            .iter()
            .map(|t| stemmer.stem(&t.norm).into_owned())
            .collect();
        let stemmed = Stemmed {
            tokens: &tokens,
            stems: set_stems,
        };
        pattern
            .find_all(&stemmed)
            .into_iter()
            .map(|(s, e)| tokens.slice(s, e))
            .collect()
    }

    #[test]
    fn a_word_matches_its_inflected_forms_through_the_stem() {
        let ru = Algorithm::Russian;
        assert_eq!(
            found("туристическая виза", ru, "по ТУРИСТИЧЕСКОЙ визе"),
            ["ТУРИСТИЧЕСКОЙ визе"]
        );
        assert_eq!(
            found("туристическая виза", ru, "туристическую визу"),
            ["туристическую визу"]
        );
        assert!(found("туристическая виза", ru, "рабочая виза").is_empty());
    }

    #[test]
    fn one_typo_is_forgiven_only_in_longer_words() {
        let ru = Algorithm::Russian;
        assert_eq!(found("агентств*", ru, "Оплата агенства"), ["агенства"]);
        assert_eq!(
            found("no experi*", Algorithm::English, "no experiance"),
            ["no experiance"]
        );
        assert!(found("не нужен", ru, "на нужен").is_empty());
    }

    #[test]
    fn gaps_skip_a_few_words_but_never_cross_a_sentence() {
        let ru = Algorithm::Russian;
        let p = "паспорт* ... хран*";
        assert_eq!(
            found(p, ru, "Паспорта на время работы хранятся у нас"),
            ["Паспорта на время работы хранятся"]
        );
        assert!(found(p, ru, "Нужен паспорт. Храним тайну").is_empty());
        assert!(found(p, ru, "паспорт и еще очень много других слов хранится").is_empty());
    }

    #[test]
    fn one_edit_is_one_letter_changed_added_or_left_out() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(within_one_edit(&c("агентств"), &c("агенств")));
        assert!(within_one_edit(&c("визе"), &c("визу")));
        assert!(within_one_edit(&c("abc"), &c("xabc")));
        assert!(!within_one_edit(&c("abcd"), &c("abdc")));
        assert!(!within_one_edit(&c("abc"), &c("a")));
    }

    #[test]
    fn without_a_stemmer_words_match_as_written_and_prefixes_reach_their_forms() {
        let find = |pattern: &str, text: &str| -> Vec<String> {
            let pattern = Pattern::compile(pattern, None).unwrap();
            let tokens = Tokens::new(text);
            let stems = tokens.tokens.iter().map(|t| t.norm.clone()).collect();
            let stemmed = Stemmed {
                tokens: &tokens,
                stems,
            };
            pattern
                .find_all(&stemmed)
                .into_iter()
                .map(|(s, e)| tokens.slice(s, e))
                .collect()
        };
        assert_eq!(
            find("turistik viza*", "Turistik vizada ketamiz"),
            ["Turistik vizada"]
        );
        assert!(find("turistik viza", "turistik vizada").is_empty());
        // However the apostrophe is typed.
        assert_eq!(find("oʻqit*", "Bepul o'qitamiz"), ["o'qitamiz"]);
        assert_eq!(
            find("tajriba* ... shart emas", "Tajriba umuman shart emas"),
            ["Tajriba umuman shart emas"]
        );
        // No typo is forgiven: one letter makes "its contract" of "without a contract".
        assert!(find("shartnomasiz*", "Mehnat shartnomasi bor").is_empty());
        assert!(find("to'laymiz", "o'zingiz to'laysiz").is_empty());
    }

    #[test]
    fn bad_patterns_are_refused() {
        let stemmer = Stemmer::create(Algorithm::English);
        for bad in ["", "... visa", "visa ...", "go-go", "a ... ... b"] {
            assert!(Pattern::compile(bad, Some(&stemmer)).is_err(), "{bad:?}");
        }
    }
}
