//! Search across the guide, the checklist, the contacts and the red flags, in the person's
//! language and its fallbacks, with the person's own checklist items and contacts too.
//!
//! The pack's index (index.rs) is built on the first search and kept with the pack; the person's
//! own items and contacts are few and change often, so they are indexed at each search.

#[doc(hidden)]
pub mod bench;
mod index;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use serde::Serialize;

use crate::action::Action;
use crate::content::{Block, LanguageTexts, Pack};
use crate::error::{Error, Result, WaymarkError, reason};
use crate::waymark::Waymark;
pub(crate) use index::Index;
use index::{Corpus, Entry, Hit, QueryWord, Shown};

/// The longest query, in characters; a longer one is refused rather than cut, so the person
/// never sees results for words they cannot see.
pub const QUERY_MAX_CHARS: u32 = 200;
/// The most results a search returns, best first.
pub const SEARCH_RESULTS_MAX: u32 = 30;

/// What a result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    /// A guide article.
    Article,
    /// A checklist item, built in or the person's own.
    ChecklistItem,
    /// A warning sign in a job offer.
    RedFlag,
    /// A contact from the directory, or one of the person's own.
    Contact,
}

/// A piece of a title or snippet. The pieces joined make the whole text; highlighted pieces are
/// the words the query found. Pieces rather than offsets, so no shell has to convert between
/// Rust's bytes, Kotlin's UTF-16 units and Swift's characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct TextPart {
    /// The text of the piece.
    pub text: String,
    /// True for a word the query found: show it bold or marked.
    pub highlighted: bool,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct SearchResult {
    /// What it is.
    pub kind: SearchKind,
    /// What it is, in words, e.g. "Guide" or "Warning sign".
    pub kind_label: String,
    /// The id of the article, item, flag or contact.
    pub id: String,
    /// The title (a contact's name, an item's text), plain.
    pub title: String,
    /// The title in pieces, with the found words highlighted.
    pub title_parts: Vec<TextPart>,
    /// A few lines of the text around the found words, in pieces, with "…" where it is cut;
    /// empty when the entry has nothing but a title.
    pub snippet: Vec<TextPart>,
    /// The language the title and snippet are in; None for the person's own entries.
    pub language: Option<String>,
    /// What a tap opens.
    pub action: Action,
}

/// The results of one search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct SearchView {
    /// The screen title, e.g. "Search".
    pub title: String,
    /// The query as the person typed it, trimmed.
    pub query: String,
    /// The results, best first: title matches above body matches, the exact word above other
    /// forms of it, the person's language above its fallbacks. Empty when nothing matches.
    pub results: Vec<SearchResult>,
    /// What to show when there are no results.
    pub empty_text: String,
}

#[uniffi::export]
impl Waymark {
    /// Finds articles, checklist items, red flags and contacts by words, in any form ("паспорта"
    /// finds "паспорт"), forgiving one typo in words of five letters or more. Every word of the
    /// query must be found. The query must not be blank and is at most 200 characters.
    pub fn search(&self, query: String) -> Result<SearchView, WaymarkError> {
        self.call(|| self.search_view(&query))
    }
}

/// One result before it is shown: which corpus, which entry, how good.
struct Candidate<'a, 'b> {
    corpus: &'a Corpus,
    /// The position of the corpus's language in the person's chain.
    rank: usize,
    hit: Hit,
    found: &'b index::Found,
}

/// The best `SEARCH_RESULTS_MAX` entries of the corpora that have every query word, each with
/// its corpus, best first. Each corpus comes with the position of its language in the chain.
fn find<'a>(corpora: &[(&'a Corpus, usize)], words: &[QueryWord]) -> Vec<(&'a Corpus, Shown)> {
    let searched: Vec<_> = corpora
        .iter()
        .map(|(corpus, rank)| (*corpus, *rank, corpus.search(words)))
        .collect();
    let mut candidates: Vec<Candidate<'a, '_>> = Vec::new();
    for (corpus, rank, (hits, found)) in &searched {
        candidates.extend(hits.iter().map(|hit| Candidate {
            corpus,
            rank: *rank,
            hit: *hit,
            found,
        }));
    }
    if searched
        .iter()
        .filter(|(_, _, (hits, _))| !hits.is_empty())
        .count()
        > 1
    {
        // The same entry in two languages is shown once, in the earlier language of the chain.
        candidates.sort_by_key(|c| c.rank);
        let mut seen = HashSet::new();
        candidates.retain(|c| seen.insert(c.corpus.identity(c.hit.doc)));
    }
    let order = |a: &Candidate<'_, '_>, b: &Candidate<'_, '_>| {
        b.hit
            .score
            .cmp(&a.hit.score)
            .then(a.rank.cmp(&b.rank))
            .then(b.hit.count.cmp(&a.hit.count))
            .then(
                a.corpus
                    .identity(a.hit.doc)
                    .0
                    .cmp(&b.corpus.identity(b.hit.doc).0),
            )
            .then(a.hit.doc.cmp(&b.hit.doc))
    };
    let max = SEARCH_RESULTS_MAX as usize;
    // Only the best few are sorted: a common word can match thousands of entries.
    if candidates.len() > max {
        candidates.select_nth_unstable_by(max, order);
        candidates.truncate(max);
    }
    candidates.sort_by(order);
    candidates
        .into_iter()
        .map(|c| (c.corpus, c.corpus.show(c.hit.doc, c.found)))
        .collect()
}

impl Waymark {
    fn search_view(&self, typed: &str) -> Result<SearchView> {
        let query = typed.trim();
        if query.is_empty() {
            return Err(Error::invalid("query", reason::BLANK));
        }
        if query.chars().count() > QUERY_MAX_CHARS as usize {
            return Err(Error::invalid_with(
                "query",
                reason::TOO_LONG,
                &[("max", QUERY_MAX_CHARS.to_string())],
            ));
        }
        // Untrimmed: a space after the last word says the word is complete.
        let words = index::query_words(typed);
        if words.is_empty() {
            return Err(Error::invalid("query", reason::QUERY_NO_WORDS));
        }
        let prefs = self.prefs();
        let ui = self.ui(&prefs);
        let pack_index = prefs.pack.search_index();
        let chain: Vec<&str> = prefs.chain.codes().collect();
        // The person's own entries are in their own words: stemmed as their first written
        // language, and ranked with it.
        let own_language = chain
            .iter()
            .copied()
            .find(|c| pack_index.corpus(c).is_some())
            .unwrap_or("en");
        let own = Corpus::build(own_language, self.own_entries()?);
        let mut corpora: Vec<(&Corpus, usize)> = vec![(&own, 0)];
        corpora.extend(
            chain
                .iter()
                .enumerate()
                .filter_map(|(rank, code)| pack_index.corpus(code).map(|c| (c, rank))),
        );
        let results = find(&corpora, &words)
            .into_iter()
            .map(|(corpus, shown)| {
                let is_own = std::ptr::eq(corpus, &own);
                SearchResult {
                    kind: shown.kind,
                    kind_label: ui.text(kind_key(shown.kind)),
                    id: shown.id,
                    title: shown.title,
                    title_parts: shown.title_parts,
                    snippet: shown.snippet,
                    language: (!is_own).then(|| corpus.language.clone()),
                    action: shown.action,
                }
            })
            .collect();
        Ok(SearchView {
            title: ui.text("search_title"),
            query: query.to_owned(),
            results,
            empty_text: ui.text("search_empty"),
        })
    }

    /// The person's own checklist items and contacts. Their texts are personal: they are
    /// searched in memory and never logged.
    fn own_entries(&self) -> Result<Vec<Entry>> {
        let (items, contacts) = self.db.read(|conn| {
            Ok((
                crate::checklist::own_items(conn)?,
                crate::contacts::own_contact_rows(conn)?,
            ))
        })?;
        let items = items.into_iter().map(|item| Entry {
            kind: SearchKind::ChecklistItem,
            action: Action::OpenChecklistItem {
                id: item.id.clone(),
            },
            id: item.id,
            title: item.text,
            body: String::new(),
        });
        let contacts = contacts.into_iter().map(|row| Entry {
            kind: SearchKind::Contact,
            id: row.id.to_string(),
            title: row.fields.name,
            body: row.fields.notes,
            action: Action::OpenOwnContacts,
        });
        Ok(items.chain(contacts).collect())
    }
}

fn kind_key(kind: SearchKind) -> &'static str {
    match kind {
        SearchKind::Article => "search_kind_article",
        SearchKind::ChecklistItem => "search_kind_checklist_item",
        SearchKind::RedFlag => "search_kind_red_flag",
        SearchKind::Contact => "search_kind_contact",
    }
}

/// Everything in one language of the pack a person can search, in the pack's order.
fn pack_entries(pack: &Pack, texts: &LanguageTexts) -> Vec<Entry> {
    let mut entries = Vec::new();
    for id in pack.article_ids() {
        let Some(article) = texts.articles.get(id) else {
            continue;
        };
        let mut body = vec![article.summary.clone()];
        body.extend(article.blocks.iter().flat_map(block_texts));
        entries.push(Entry {
            kind: SearchKind::Article,
            id: id.to_owned(),
            title: article.title.clone(),
            body: body.join(" "),
            action: Action::OpenArticle { id: id.to_owned() },
        });
    }
    for def in &pack.checklist {
        let Some(item) = texts.checklist.get(&def.id) else {
            continue;
        };
        entries.push(Entry {
            kind: SearchKind::ChecklistItem,
            id: def.id.clone(),
            title: item.title.clone(),
            body: format!("{} {}", item.why, item.how),
            action: Action::OpenChecklistItem { id: def.id.clone() },
        });
    }
    let screening = &pack.screening.def;
    for flag in &screening.flag {
        let Some(text) = texts.screening.flag.get(&flag.id) else {
            continue;
        };
        // A red flag opens the article that explains it: its question's, else the one every
        // job-offer result links to.
        let article = screening
            .offer
            .question
            .iter()
            .find(|q| q.id == flag.question)
            .and_then(|q| q.articles.first())
            .or(screening.offer.articles.first());
        entries.push(Entry {
            kind: SearchKind::RedFlag,
            id: flag.id.clone(),
            title: text.title.clone(),
            body: text.explanation.clone(),
            action: article.map_or(Action::OpenOfferCheck, |id| Action::OpenArticle {
                id: id.clone(),
            }),
        });
    }
    for def in &pack.contacts {
        let Some(contact) = texts.contacts.get(&def.id) else {
            continue;
        };
        let mut body = vec![contact.description.clone()];
        body.extend(contact.services.iter().cloned());
        body.extend(contact.address.iter().cloned());
        body.extend(contact.note.iter().cloned());
        entries.push(Entry {
            kind: SearchKind::Contact,
            id: def.id.clone(),
            title: contact.name.clone(),
            body: body.join(" "),
            action: Action::OpenContact { id: def.id.clone() },
        });
    }
    entries
}

/// The plain texts of a block.
fn block_texts(block: &Block) -> Vec<String> {
    match block {
        Block::Heading { text } => vec![text.clone()],
        Block::Paragraph { text } => vec![text.plain()],
        Block::BulletList { items } | Block::NumberedList { items } => {
            items.iter().map(|i| i.plain()).collect()
        }
        Block::Callout { paragraphs, .. } => paragraphs.iter().map(|p| p.plain()).collect(),
    }
}
