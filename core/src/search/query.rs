//! One search: the query checked and split into words, every corpus in the person's chain and
//! their own entries searched, and the best results shown in their language.

use std::collections::HashSet;

use super::entries::{own_entries, search_index};
use super::index::{self, Corpus, Hit, QueryWord, Shown};
use super::view::{QUERY_MAX_CHARS, SEARCH_RESULTS_MAX, SearchKind, SearchResult, SearchView};
use crate::error::{Error, Result, reason};
use crate::profile::Profile;

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
pub(crate) fn find<'a>(
    corpora: &[(&'a Corpus, usize)],
    words: &[QueryWord],
) -> Vec<(&'a Corpus, Shown)> {
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

/// The results for the query as the person `typed` it.
pub(crate) fn search_view(profile: &Profile, typed: &str) -> Result<SearchView> {
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
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let pack_index = search_index(&prefs.pack);
    let chain: Vec<&str> = prefs.chain.codes().collect();
    // The person's own entries are in their own words: stemmed as their first written
    // language, and ranked with it.
    let own_language = chain
        .iter()
        .copied()
        .find(|c| pack_index.corpus(c).is_some())
        .unwrap_or("en");
    let own = Corpus::build(own_language, own_entries(profile)?);
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

fn kind_key(kind: SearchKind) -> &'static str {
    match kind {
        SearchKind::Article => "search_kind_article",
        SearchKind::ChecklistItem => "search_kind_checklist_item",
        SearchKind::RedFlag => "search_kind_red_flag",
        SearchKind::Contact => "search_kind_contact",
    }
}
