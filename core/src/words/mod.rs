//! Words in the texts people bring: the tokenizer shared by the ad analyzer and search
//! (text.rs: words, numbers, folding for comparison) and the stemmed word patterns that content
//! packs carry for the analyzer (patterns.rs, with their source form, compiled when a pack is
//! loaded). The shared bottom: it imports no feature and no content.

pub(crate) mod patterns;
pub(crate) mod text;
