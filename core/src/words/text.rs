//! An ad's text as words: case and "ё" folded, split at punctuation, each word with its place in
//! the text (in characters) and the sentence it belongs to. An apostrophe between two letters
//! belongs to the word, and every way of typing it reads the same: Uzbek writes "oʻ", "gʻ" and
//! the tutuq belgisi ("maʼlumot") with one, and people type it as ʻ ʼ ' ‘ ’ or `.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Number,
    /// A currency sign, which ads write without spaces ("$4000").
    Symbol,
}

/// One word, number or sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Lower case, "ё" read as "е".
    pub norm: String,
    /// `norm` as characters, for edit distances without allocating.
    pub chars: Vec<char>,
    pub kind: Kind,
    /// Offsets in characters (Unicode scalar values), end exclusive.
    pub start: usize,
    pub end: usize,
    /// Which sentence it is in, counted from 0; patterns never reach across sentences.
    pub sentence: u32,
}

/// A text split into tokens, with its characters kept for reading what lies between them.
#[derive(Debug)]
pub(crate) struct Tokens {
    pub chars: Vec<char>,
    pub tokens: Vec<Token>,
}

const SYMBOLS: &[char] = &['$', '€', '£', '₽'];

/// The marks typed for an apostrophe inside a word; all of them fold to `'`.
const APOSTROPHES: &[char] = &['\'', '‘', '’', '`', 'ʻ', 'ʼ'];

impl Tokens {
    pub(crate) fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut tokens = Vec::new();
        let mut sentence = 0;
        let mut i = 0;
        while i < chars.len() {
            let Some(kind) = starts(chars[i]) else {
                if ends_sentence(&chars, i) {
                    sentence += 1;
                }
                i += 1;
                continue;
            };
            let start = i;
            i += 1;
            if kind != Kind::Symbol {
                // A change between letters and digits splits a token: "4000руб" is two.
                while i < chars.len() && continues(kind, chars[i], chars.get(i + 1).copied()) {
                    i += 1;
                }
            }
            let norm = normalise(chars[start..i].iter().copied());
            tokens.push(Token {
                chars: norm.chars().collect(),
                norm,
                kind,
                start,
                end: i,
                sentence,
            });
        }
        Self { chars, tokens }
    }

    /// The characters between token `i - 1` and token `i`.
    pub(crate) fn between(&self, i: usize) -> &[char] {
        let from = if i == 0 { 0 } else { self.tokens[i - 1].end };
        &self.chars[from..self.tokens[i].start]
    }

    /// The text from character `start` to `end`.
    pub(crate) fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }
}

/// Whether `c` continues a token of this kind.
pub(crate) fn same_kind(kind: Kind, c: char) -> bool {
    match kind {
        // Letters, and marks that belong to them (a combining accent).
        Kind::Word => c.is_alphabetic() || is_mark(c),
        Kind::Number => c.is_ascii_digit(),
        Kind::Symbol => false,
    }
}

/// Whether `c`, followed by `next`, continues a token of this kind: as `same_kind`, and an
/// apostrophe in a word when a letter follows it ("o‘zbek", "don't").
pub(crate) fn continues(kind: Kind, c: char, next: Option<char>) -> bool {
    same_kind(kind, c)
        || (kind == Kind::Word && APOSTROPHES.contains(&c) && next.is_some_and(char::is_alphabetic))
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// Lower case, "ё" as "е", every apostrophe as `'`, combining accents dropped (Russian texts
/// sometimes mark stress).
pub(crate) fn normalise(chars: impl Iterator<Item = char>) -> String {
    fold(chars).collect()
}

/// `normalise` without collecting, for callers that reuse a buffer.
pub(crate) fn fold(chars: impl Iterator<Item = char>) -> impl Iterator<Item = char> {
    chars
        .filter(|c| !is_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ё' => 'е',
            c if APOSTROPHES.contains(&c) => '\'',
            c => c,
        })
}

/// What kind of token `c` starts, if any.
pub(crate) fn starts(c: char) -> Option<Kind> {
    if c.is_alphabetic() {
        Some(Kind::Word)
    } else if c.is_ascii_digit() {
        Some(Kind::Number)
    } else if SYMBOLS.contains(&c) {
        Some(Kind::Symbol)
    } else {
        None
    }
}

/// A full stop, "!", "?" or "…" ends a sentence when what follows starts a new one (a capital
/// letter, a line break, the end); "руб. в день" goes on. A blank line always ends one.
fn ends_sentence(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if c == '\n' {
        let mut j = i + 1;
        while j < chars.len() && chars[j] != '\n' && chars[j].is_whitespace() {
            j += 1;
        }
        return j < chars.len() && chars[j] == '\n';
    }
    if !matches!(c, '.' | '!' | '?' | '…' | ';') {
        return false;
    }
    let mut j = i + 1;
    let mut spaced = false;
    while j < chars.len() && chars[j].is_whitespace() {
        if chars[j] == '\n' {
            return true;
        }
        spaced = true;
        j += 1;
    }
    match chars.get(j) {
        None => true,
        Some(next) => spaced && (next.is_uppercase() || SYMBOLS.contains(next)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        Tokens::new(text)
            .tokens
            .into_iter()
            .map(|t| t.norm)
            .collect()
    }

    #[test]
    fn splits_words_numbers_and_currency_signs_and_folds_case_and_yo() {
        assert_eq!(
            norms("Перелёт ОПЛАЧИВАЕМ: $4000+, 3000руб!"),
            ["перелет", "оплачиваем", "$", "4000", "3000", "руб"]
        );
    }

    #[test]
    fn an_apostrophe_inside_a_word_is_one_letter_however_it_is_typed() {
        for typed in [
            "Oʻzbekiston",
            "O'zbekiston",
            "O‘zbekiston",
            "O’zbekiston",
            "O`zbekiston",
        ] {
            assert_eq!(norms(typed), ["o'zbekiston"], "{typed}");
        }
        assert_eq!(norms("maʼlumot, ma'lumot"), ["ma'lumot", "ma'lumot"]);
        // Quotes around a word and an apostrophe at its end stay outside it.
        assert_eq!(
            norms("‘ish’ 'bor' workers' pay"),
            ["ish", "bor", "workers", "pay"]
        );
        let tokens = Tokens::new("gʻalla o‘rim");
        assert_eq!((tokens.tokens[1].start, tokens.tokens[1].end), (7, 12));
    }

    #[test]
    fn offsets_are_in_characters() {
        let tokens = Tokens::new("Жильё £5");
        assert_eq!((tokens.tokens[0].start, tokens.tokens[0].end), (0, 5));
        assert_eq!((tokens.tokens[1].start, tokens.tokens[2].end), (6, 8));
        assert_eq!(tokens.slice(0, 5), "Жильё");
    }

    #[test]
    fn sentences_end_at_a_full_stop_before_a_capital_but_not_after_an_abbreviation() {
        let tokens = Tokens::new("Оплата 2500 руб. в день. Жильё есть");
        let sentence = |word: &str| {
            tokens
                .tokens
                .iter()
                .find(|t| t.norm == word)
                .unwrap()
                .sentence
        };
        assert_eq!(sentence("день"), sentence("оплата"));
        assert_ne!(sentence("жилье"), sentence("день"));
    }
}
