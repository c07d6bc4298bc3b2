//! A door for the benchmark (core/benches/search.rs), not part of the shells' API: it builds
//! indexes from any documents, so a synthetic pack of thousands of articles can be measured
//! through the same index, ranking and snippet code as `Waymark::search`.

use super::entries::{pack_entries, pack_index};
use super::index::{Corpus, Entry, query_words};
use super::query::find;
use super::view::SearchKind;
use crate::action::Action;

/// A document to index: an article in one language.
#[derive(Debug, Clone)]
pub struct BenchDocument {
    /// Its language code, "en" or "ru".
    pub language: String,
    /// The title.
    pub title: String,
    /// The body, plain text.
    pub body: String,
}

/// Indexed documents, one corpus per language.
pub struct BenchIndex {
    corpora: Vec<Corpus>,
}

impl BenchIndex {
    /// Indexes the documents, language by language.
    pub fn build(documents: &[BenchDocument]) -> Self {
        let mut languages: Vec<&str> = documents.iter().map(|d| d.language.as_str()).collect();
        languages.sort_unstable();
        languages.dedup();
        let corpora = languages
            .into_iter()
            .map(|language| {
                let entries = documents
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| d.language == language)
                    .map(|(n, d)| Entry {
                        kind: SearchKind::Article,
                        id: n.to_string(),
                        title: d.title.clone(),
                        body: d.body.clone(),
                        action: Action::OpenArticle { id: n.to_string() },
                    })
                    .collect();
                Corpus::build(language, entries)
            })
            .collect();
        Self { corpora }
    }

    /// Searches as `Waymark::search` does for a person whose chain is `chain` (e.g. ["ru",
    /// "en"]), snippets included; returns how many results there are.
    pub fn search(&self, query: &str, chain: &[&str]) -> usize {
        let words = query_words(query);
        let corpora: Vec<(&Corpus, usize)> = chain
            .iter()
            .enumerate()
            .filter_map(|(rank, code)| {
                self.corpora
                    .iter()
                    .find(|c| c.language == *code)
                    .map(|c| (c, rank))
            })
            .collect();
        find(&corpora, &words).len()
    }
}

/// The default pack's searchable texts, as documents (articles, checklist items, red flags and
/// contacts alike), so another engine can be measured on the same corpus.
pub fn default_pack_documents() -> Vec<BenchDocument> {
    let pack = crate::content::default_pack().expect("the default pack loads");
    pack.written_languages()
        .flat_map(|(code, texts)| {
            pack_entries(&pack, texts)
                .into_iter()
                .map(move |e| BenchDocument {
                    language: code.to_owned(),
                    title: e.title,
                    body: e.body,
                })
        })
        .collect()
}

/// Builds the default pack's index afresh (the pack keeps the one it builds on first search),
/// to time it.
pub fn build_default_pack_index() -> usize {
    let pack = crate::content::default_pack().expect("the default pack loads");
    let index = pack_index(&pack);
    ["en", "ru"]
        .iter()
        .filter(|code| index.corpus(code).is_some())
        .count()
}
