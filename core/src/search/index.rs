//! The search index of one content pack, per written language: every entry's title and body as
//! words (case and "ё" folded by the screening tokenizer), each word with its Snowball stem, and
//! for each word the entries it occurs in.
//!
//! A query word finds an indexed word in one of four ways, from strongest to weakest: the same
//! word, the same stem ("паспортом" finds "паспорта"), as the start of a word (only the last
//! query word, which the person may still be typing), or within one typo (only words of
//! `FUZZY_FROM` letters or more: "visa" must not find "vise"). Every query word must be found in
//! an entry for the entry to match.

use std::collections::{HashMap, HashSet};
use std::fmt;

use rust_stemmers::{Algorithm, Stemmer};

use super::view::{SearchKind, TextPart};
use crate::action::Action;
use crate::words::patterns::within_one_edit;
use crate::words::text::{self, Kind as TokenKind, Tokens};

/// Query words at least this long forgive one typo.
pub(crate) const FUZZY_FROM: usize = 5;
/// The last query word finds longer words it starts from this length.
const PREFIX_FROM: usize = 3;
/// How much a match counts, by field: a title match outranks any body match of the same kind.
const TITLE_WEIGHT: u32 = 4;
const BODY_WEIGHT: u32 = 1;
/// How much a match counts, by how the word was found. With the field weights, a title match
/// found in any way outranks an exact body match only when it is not a typo: a typo in the
/// title ties with an exact body word, and the number of hits decides.
const EXACT: u32 = 4;
const STEM: u32 = 3;
const PREFIX: u32 = 2;
const TYPO: u32 = 1;
/// Words shown around the best place in a body.
const SNIPPET_WORDS: usize = 24;
/// Words shown before the first match in a snippet.
const SNIPPET_LEAD: usize = 4;

/// Something a person can find, as given to the index.
pub(crate) struct Entry {
    pub kind: SearchKind,
    pub id: String,
    pub title: String,
    pub body: String,
    pub action: Action,
}

/// The index of every written language of a pack.
pub(crate) struct Index {
    corpora: Vec<Corpus>,
}

impl fmt::Debug for Index {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Index")
            .field("languages", &self.corpora.len())
            .finish_non_exhaustive()
    }
}

/// One language's entries.
pub(crate) struct Corpus {
    pub language: String,
    stemmer: Option<Stemmer>,
    docs: Vec<Doc>,
    terms: Vec<Term>,
    by_norm: HashMap<String, u32>,
    by_stem: HashMap<String, Vec<u32>>,
    /// Term ids sorted by their text, to find the words a prefix starts.
    sorted: Vec<u32>,
}

struct Doc {
    kind: SearchKind,
    id: String,
    action: Action,
    title: Field,
    body: Field,
}

/// A text with its words, as byte ranges and term ids.
struct Field {
    text: String,
    words: Vec<Word>,
}

#[derive(Clone, Copy)]
struct Word {
    start: u32,
    end: u32,
    term: u32,
}

struct Term {
    norm: String,
    chars: Vec<char>,
    stem_chars: Vec<char>,
    is_word: bool,
    postings: Vec<Posting>,
}

/// How often a term occurs in one entry.
#[derive(Clone, Copy)]
struct Posting {
    doc: u32,
    title: u16,
    body: u16,
}

/// A query word, normalised like the indexed text.
pub(crate) struct QueryWord {
    norm: String,
    chars: Vec<char>,
    is_word: bool,
    /// The last word of the query, which may be a word still being typed.
    last: bool,
}

/// An entry that matched, before its snippet is made.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub doc: u32,
    pub score: u32,
    pub count: u32,
}

/// The terms a query found in one corpus, to highlight them, each with the query words that
/// found it as bits (words past the 64th share the last bit).
pub(crate) type Found = HashMap<u32, u64>;

/// A result ready to show.
pub(crate) struct Shown {
    pub kind: SearchKind,
    pub id: String,
    pub title: String,
    pub title_parts: Vec<TextPart>,
    pub snippet: Vec<TextPart>,
    pub action: Action,
}

/// The query's words and numbers, normalised as the indexed text is, without repeats.
pub(crate) fn query_words(query: &str) -> Vec<QueryWord> {
    let tokens = Tokens::new(query).tokens;
    let mut seen = HashSet::new();
    let mut words: Vec<QueryWord> = tokens
        .into_iter()
        .filter(|t| t.kind != TokenKind::Symbol && seen.insert(t.norm.clone()))
        .map(|t| QueryWord {
            chars: t.chars,
            norm: t.norm,
            is_word: t.kind == TokenKind::Word,
            last: false,
        })
        .collect();
    // A query that ends in a space or a full stop has its last word complete.
    let typing = query.chars().last().is_some_and(char::is_alphanumeric);
    if let Some(last) = words.last_mut() {
        last.last = typing;
    }
    words
}

/// The Snowball stemmer for a language, where there is one.
fn stemmer_for(language: &str) -> Option<Stemmer> {
    match language {
        "en" => Some(Stemmer::create(Algorithm::English)),
        "ru" => Some(Stemmer::create(Algorithm::Russian)),
        _ => None,
    }
}

impl Index {
    /// The index of these corpora, one per language.
    pub(crate) fn new(corpora: Vec<Corpus>) -> Self {
        Self { corpora }
    }

    pub(crate) fn corpus(&self, language: &str) -> Option<&Corpus> {
        self.corpora.iter().find(|c| c.language == language)
    }
}

impl Corpus {
    pub(crate) fn build(language: &str, entries: Vec<Entry>) -> Self {
        let mut corpus = Self {
            language: language.to_owned(),
            stemmer: stemmer_for(language),
            docs: Vec::with_capacity(entries.len()),
            terms: Vec::new(),
            by_norm: HashMap::new(),
            by_stem: HashMap::new(),
            sorted: Vec::new(),
        };
        for entry in entries {
            let doc = corpus.docs.len() as u32;
            let title = corpus.field(entry.title);
            let body = corpus.field(entry.body);
            // Occurrences per term, counted by sorting: cheaper than a map per entry.
            let mut occurrences: Vec<(u32, bool)> = title
                .words
                .iter()
                .map(|w| (w.term, true))
                .chain(body.words.iter().map(|w| (w.term, false)))
                .collect();
            occurrences.sort_unstable();
            for run in occurrences.chunk_by(|a, b| a.0 == b.0) {
                let in_title = run.iter().filter(|(_, title)| *title).count();
                let clamp = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
                corpus.terms[run[0].0 as usize].postings.push(Posting {
                    doc,
                    title: clamp(in_title),
                    body: clamp(run.len() - in_title),
                });
            }
            corpus.docs.push(Doc {
                kind: entry.kind,
                id: entry.id,
                action: entry.action,
                title,
                body,
            });
        }
        let mut sorted: Vec<u32> = (0..corpus.terms.len() as u32).collect();
        sorted.sort_unstable_by(|a, b| {
            corpus.terms[*a as usize]
                .norm
                .cmp(&corpus.terms[*b as usize].norm)
        });
        corpus.sorted = sorted;
        corpus
    }

    /// Splits a text into words as the screening tokenizer does, adding new words to the
    /// dictionary. Known words cost no allocation: most words of a text are known.
    fn field(&mut self, text: String) -> Field {
        let mut words = Vec::new();
        let mut norm = String::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            let Some(kind) = text::starts(c) else {
                continue;
            };
            let mut end = start + c.len_utf8();
            if kind == TokenKind::Symbol {
                // Currency signs matter to the ad analyzer, not to search.
                continue;
            }
            while let Some(&(at, next)) = chars.peek() {
                let after = chars.clone().nth(1).map(|(_, c)| c);
                if !text::continues(kind, next, after) {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
            norm.clear();
            norm.extend(text::fold(text[start..end].chars()));
            let term = self.term(&norm, kind == TokenKind::Word);
            words.push(Word {
                start: start as u32,
                end: end as u32,
                term,
            });
        }
        Field { text, words }
    }

    /// The id of a normalised word, added to the dictionary with its stem when new.
    fn term(&mut self, norm: &str, is_word: bool) -> u32 {
        if let Some(id) = self.by_norm.get(norm) {
            return *id;
        }
        let id = self.terms.len() as u32;
        let stem = match (&self.stemmer, is_word) {
            (Some(stemmer), true) => stemmer.stem(norm).into_owned(),
            _ => norm.to_owned(),
        };
        self.terms.push(Term {
            stem_chars: stem.chars().collect(),
            norm: norm.to_owned(),
            chars: norm.chars().collect(),
            is_word,
            postings: Vec::new(),
        });
        self.by_stem.entry(stem).or_default().push(id);
        self.by_norm.insert(norm.to_owned(), id);
        id
    }

    /// The terms a query word finds, each with how strongly.
    fn expand(&self, word: &QueryWord) -> Vec<(u32, u32)> {
        let mut found: HashMap<u32, u32> = HashMap::new();
        let mut add = |term: u32, strength: u32| {
            let s = found.entry(term).or_insert(0);
            *s = (*s).max(strength);
        };
        if let Some(term) = self.by_norm.get(&word.norm) {
            add(*term, EXACT);
        }
        if !word.is_word {
            // Numbers are found only as written.
            return found.into_iter().collect();
        }
        let stem = match &self.stemmer {
            Some(stemmer) => stemmer.stem(&word.norm).into_owned(),
            None => word.norm.clone(),
        };
        for term in self.by_stem.get(&stem).into_iter().flatten() {
            add(*term, STEM);
        }
        if word.last && word.chars.len() >= PREFIX_FROM {
            let from = self
                .sorted
                .partition_point(|t| self.terms[*t as usize].norm < word.norm);
            for term in &self.sorted[from..] {
                if !self.terms[*term as usize].norm.starts_with(&word.norm) {
                    break;
                }
                add(*term, PREFIX);
            }
        }
        if word.chars.len() >= FUZZY_FROM {
            let stem: Vec<char> = stem.chars().collect();
            for (id, term) in self.terms.iter().enumerate() {
                // Lengths first: most words are ruled out without an edit distance.
                let near = |a: &[char], b: &[char]| {
                    a.len().abs_diff(b.len()) <= 1 && within_one_edit(a, b)
                };
                if term.is_word
                    && (near(&word.chars, &term.chars)
                        || (stem.len() >= FUZZY_FROM && near(&stem, &term.stem_chars)))
                {
                    add(id as u32, TYPO);
                }
            }
        }
        found.into_iter().collect()
    }

    /// Every entry that has all the query's words, with its score, and the terms found.
    pub(crate) fn search(&self, words: &[QueryWord]) -> (Vec<Hit>, Found) {
        let n = self.docs.len();
        let mut found = Found::new();
        // Dense per-entry tallies: cheaper than maps when a common word matches most entries.
        let mut total = vec![0u32; n];
        let mut count = vec![0u32; n];
        let mut matched = vec![0u32; n];
        let mut best = vec![0u32; n];
        let mut touched: Vec<u32> = Vec::new();
        for (w, word) in words.iter().enumerate() {
            let bit = 1u64 << w.min(63);
            for (term, strength) in self.expand(word) {
                *found.entry(term).or_default() |= bit;
                for p in &self.terms[term as usize].postings {
                    let d = p.doc as usize;
                    // An entry that lacks an earlier word can no longer match.
                    if matched[d] != w as u32 {
                        continue;
                    }
                    let score = if p.title > 0 {
                        TITLE_WEIGHT * strength
                    } else {
                        BODY_WEIGHT * strength
                    };
                    if best[d] == 0 {
                        touched.push(p.doc);
                    }
                    best[d] = best[d].max(score);
                    count[d] += u32::from(p.title) + u32::from(p.body);
                }
            }
            if touched.is_empty() {
                return (Vec::new(), Found::new());
            }
            for d in touched.drain(..) {
                let d = d as usize;
                total[d] += best[d];
                best[d] = 0;
                matched[d] += 1;
            }
        }
        let all = words.len() as u32;
        if all == 0 {
            return (Vec::new(), found);
        }
        let hits = (0..n)
            .filter(|d| matched[*d] == all)
            .map(|d| Hit {
                doc: d as u32,
                score: total[d],
                count: count[d],
            })
            .collect();
        (hits, found)
    }

    /// The kind and id of a matched entry, to tell the same entry in two languages apart.
    pub(crate) fn identity(&self, doc: u32) -> (SearchKind, &str) {
        let d = &self.docs[doc as usize];
        (d.kind, &d.id)
    }

    /// A matched entry with its title and snippet marked.
    pub(crate) fn show(&self, doc: u32, found: &Found) -> Shown {
        let d = &self.docs[doc as usize];
        let marked = |w: &Word| found.get(&w.term).copied().unwrap_or(0);
        Shown {
            kind: d.kind,
            id: d.id.clone(),
            title: d.title.text.clone(),
            title_parts: parts(&d.title, 0, d.title.words.len(), marked),
            snippet: snippet(&d.body, marked),
            action: d.action.clone(),
        }
    }
}

/// The part of a body, at most `SNIPPET_WORDS` words long, that shows the most of the query's
/// words, then the most matches.
fn snippet(field: &Field, marked: impl Fn(&Word) -> u64) -> Vec<TextPart> {
    let words = &field.words;
    let hits: Vec<(usize, u64)> = (0..words.len())
        .map(|i| (i, marked(&words[i])))
        .filter(|(_, bits)| *bits != 0)
        .collect();
    let mut best = (0, (0, 0));
    for (n, &(i, _)) in hits.iter().enumerate() {
        let window = hits[n..]
            .iter()
            .take_while(|(j, _)| *j < i + SNIPPET_WORDS - SNIPPET_LEAD);
        let (bits, count) = window.fold((0u64, 0), |(b, c), (_, bits)| (b | bits, c + 1));
        let score = (bits.count_ones(), count);
        if score > best.1 {
            best = (i.saturating_sub(SNIPPET_LEAD), score);
        }
    }
    let start = best.0;
    let end = (start + SNIPPET_WORDS).min(words.len());
    parts(field, start, end, marked)
}

/// The text from word `start` to word `end` (exclusive) as parts, marked words highlighted;
/// the whole text when the range covers every word, with "…" where it is cut.
fn parts(field: &Field, start: usize, end: usize, marked: impl Fn(&Word) -> u64) -> Vec<TextPart> {
    let words = &field.words;
    let text = field.text.as_str();
    if words.is_empty() {
        return plain_part(text.trim());
    }
    let from = if start == 0 {
        0
    } else {
        words[start].start as usize
    };
    let to = if end >= words.len() {
        text.len()
    } else {
        words[end - 1].end as usize
    };
    let mut out: Vec<TextPart> = Vec::new();
    let mut push = |piece: &str, highlighted: bool| {
        if piece.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.highlighted == highlighted => last.text.push_str(piece),
            _ => out.push(TextPart {
                text: piece.to_owned(),
                highlighted,
            }),
        }
    };
    if start > 0 {
        push("…", false);
    }
    let mut at = from;
    for word in &words[start..end] {
        if marked(word) != 0 {
            push(&text[at..word.start as usize], false);
            push(&text[word.start as usize..word.end as usize], true);
            at = word.end as usize;
        }
    }
    push(&text[at..to], false);
    if end < words.len() {
        push("…", false);
    }
    out
}

fn plain_part(text: &str) -> Vec<TextPart> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![TextPart {
            text: text.to_owned(),
            highlighted: false,
        }]
    }
}
