//! The default pack: the content the library carries (embedded.rs), parsed and checked once, on
//! first use, and shared by every profile.

use std::sync::{Arc, OnceLock};

use super::embedded;
use super::format::Json;
use super::pack::Pack;
use crate::error::{Error, Result};

/// The embedded default pack's files, compiled to JSON, by path relative to `core/content/`
/// (`ru/guide.json`): inflated from the library on each call (see embedded.rs), so nothing stays
/// in memory once the pack is parsed.
pub(crate) fn embedded_files() -> Vec<(String, String)> {
    embedded::files()
}

/// For core/benches/calls.rs only: the embedded default pack loaded from scratch (inflated,
/// parsed and checked), as the first screen of every process pays for it.
#[doc(hidden)]
pub fn bench_load_default_pack() -> std::result::Result<(), String> {
    let files = embedded_files();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    Pack::from_files::<Json>(&files).map(drop)
}

/// The embedded default pack, parsed on first use and shared by every profile.
pub(crate) fn default_pack() -> Result<Arc<Pack>> {
    static PACK: OnceLock<std::result::Result<Arc<Pack>, String>> = OnceLock::new();
    PACK.get_or_init(|| {
        let files = embedded_files();
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(path, text)| (path.as_str(), text.as_str()))
            .collect();
        Pack::from_files::<Json>(&files).map(Arc::new)
    })
    .clone()
    .map_err(Error::Content)
}
