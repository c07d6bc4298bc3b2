//! The content pack: the guide, the checklist texts, the contact directory and the interface
//! strings, in every language, with fallback along each language's declared chain.
//!
//! The default pack is built from `core/content/` and embedded in the binary; it is parsed and
//! validated once, on first use.
//!
//! This file only names the parts: the pack and its loader (pack.rs, format.rs, source.rs and
//! the checks in emergency.rs, local_help.rs, hours.rs, ui_keys.rs and shell_keys.rs), the default pack
//! (default_pack.rs over embedded.rs), signed pack files (pack_file.rs, keys.rs, compile.rs),
//! article bodies (markdown.rs, blocks.rs), language chains (language.rs), the interface strings
//! (ui.rs) and an error's reason in words (reasons.rs).

pub(crate) mod blocks;
pub(crate) mod compile;
mod default_pack;
mod derived;
mod embedded;
pub(crate) mod emergency;
#[cfg(test)]
mod fact_table_tests;
mod format;
#[cfg(test)]
mod glossary_tests;
pub(crate) mod hours;
pub(crate) mod keys;
mod language;
pub(crate) mod local_help;
pub(crate) mod markdown;
mod pack;
pub(crate) mod pack_file;
pub(crate) mod reasons;
pub(crate) mod screening;
pub(crate) mod shell_keys;
mod source;
#[cfg(test)]
mod tests;
pub(crate) mod ui;
pub(crate) mod ui_keys;

pub use blocks::{Block, CalloutTone, RichText, Span};
pub use default_pack::bench_load_default_pack;
pub(crate) use default_pack::default_pack;
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) use default_pack::embedded_files;
#[cfg(test)]
pub(crate) use format::Toml;
pub(crate) use language::Chain;
pub(crate) use pack::{LanguageTexts, Pack};
pub(crate) use source::{ContactDef, ContactText, EmergencyDef, PhoneDef};
#[cfg(test)]
pub(crate) use source::{HoursDef, LocalHelpFile, source_files};
