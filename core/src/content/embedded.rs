//! The default pack as the library carries it: every file of `core/content/` compiled to JSON
//! (content/compile.rs) and deflated into one archive by core/build.rs. Deflated, the English and
//! Russian content takes about a quarter of the space; inflating it takes well under a
//! millisecond, once per process.
//!
//! Archive format (little-endian), repeated per file in path order: path length (u32), the
//! compiled path relative to `core/content/` with `/` separators (`ru/guide.json`), text length
//! (u32), the UTF-8 JSON text.

static DEFLATED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.deflate"));

/// The embedded files as (path, text), or none if the archive cannot be read, which the pack
/// loader then reports as missing files (a build that produced it can always read it back).
pub(crate) fn files() -> Vec<(String, String)> {
    miniz_oxide::inflate::decompress_to_vec(DEFLATED)
        .ok()
        .and_then(|archive| unpack(&archive))
        .unwrap_or_default()
}

fn unpack(mut archive: &[u8]) -> Option<Vec<(String, String)>> {
    let mut files = Vec::new();
    while !archive.is_empty() {
        let path = take_text(&mut archive)?;
        let text = take_text(&mut archive)?;
        files.push((path, text));
    }
    Some(files)
}

fn take_text(archive: &mut &[u8]) -> Option<String> {
    let (len, rest) = archive.split_first_chunk::<4>()?;
    let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
    let (text, rest) = rest.split_at_checked(len)?;
    *archive = rest;
    String::from_utf8(text.to_vec()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::compile::compile_files;

    #[test]
    fn the_library_carries_exactly_the_content_files_compiled() {
        let expected = compile_files(&crate::content::source_files()).unwrap();
        let embedded = files();
        assert_eq!(
            embedded.len(),
            23,
            "{:?}",
            embedded.iter().map(|f| &f.0).collect::<Vec<_>>()
        );
        assert_eq!(embedded, expected);
        assert!(embedded.iter().any(|(path, _)| path == "ru/guide.json"));
        assert!(embedded.iter().any(|(path, _)| path == "local-help.json"));
        // The glossaries and the record of what was not found are for authors and tests
        // (compile::AUTHORS_ONLY).
        assert!(!embedded.iter().any(|(path, _)| {
            path.starts_with("glossary/") || path.starts_with("local-help-not-found")
        }));
    }

    #[test]
    fn a_damaged_archive_reads_as_no_files_rather_than_failing() {
        assert_eq!(unpack(&[5, 0, 0, 0, b'a']), None);
        assert_eq!(unpack(&[1, 0, 0, 0, 0xff, 0, 0, 0, 0]), None);
        assert_eq!(unpack(&[]), Some(vec![]));
    }
}
