//! How a pack's files are written: TOML where authors and publishers check them, JSON where the
//! library reads them.

/// Reads the file `name` (its path without the extension) among `files`, written in `F`.
pub(crate) fn read<F: SourceFormat, T: serde::de::DeserializeOwned>(
    files: &[(&str, &str)],
    name: &str,
) -> std::result::Result<T, String> {
    let path = format!("{name}.{}", F::EXTENSION);
    let (_, text) = files
        .iter()
        .find(|(p, _)| *p == path)
        .ok_or_else(|| format!("{path}: missing"))?;
    F::parse(text).map_err(|e| format!("{path}: {e}"))
}

/// Reads the file `name` like [`read`], or the default when the pack has no such file: for parts
/// added after packs were first signed, so an older pack still loads.
pub(crate) fn read_optional<F: SourceFormat, T: serde::de::DeserializeOwned + Default>(
    files: &[(&str, &str)],
    name: &str,
) -> std::result::Result<T, String> {
    let path = format!("{name}.{}", F::EXTENSION);
    if files.iter().any(|(p, _)| *p == path) {
        read::<F, T>(files, name)
    } else {
        Ok(T::default())
    }
}

/// How a pack's files are written. Each loader is its own copy of `Pack::from_files`, so the
/// library, which only ever loads [`Json`], carries no TOML parser.
pub(crate) trait SourceFormat {
    /// The extension of every content file in this form, without the dot.
    const EXTENSION: &'static str;
    /// Reads one file's text.
    fn parse<T: serde::de::DeserializeOwned>(text: &str) -> std::result::Result<T, String>;
}

/// The sources as authors write them, in `core/content/`: errors point at a line.
pub(crate) struct Toml;

impl SourceFormat for Toml {
    const EXTENSION: &'static str = "toml";
    fn parse<T: serde::de::DeserializeOwned>(text: &str) -> std::result::Result<T, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }
}

/// The compiled form (compile.rs) the library carries and signed packs ship.
pub(crate) struct Json;

impl SourceFormat for Json {
    const EXTENSION: &'static str = "json";
    fn parse<T: serde::de::DeserializeOwned>(text: &str) -> std::result::Result<T, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}
