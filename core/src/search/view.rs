//! What a search returns, as the shells see it.

use serde::Serialize;

use crate::action::Action;

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
