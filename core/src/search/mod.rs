//! Search across the guide, the checklist, the contacts and the red flags, in the person's
//! language and its fallbacks, with the person's own checklist items and contacts too.
//!
//! The pack's index (index.rs) is built on the first search and kept with the pack; the person's
//! own items and contacts are few and change often, so they are indexed at each search.

#[doc(hidden)]
pub mod bench;
mod entries;
mod index;
mod query;
#[cfg(test)]
mod tests;
mod view;

pub(crate) use query::search_view;
pub use view::{
    QUERY_MAX_CHARS, SEARCH_RESULTS_MAX, SearchKind, SearchResult, SearchView, TextPart,
};
