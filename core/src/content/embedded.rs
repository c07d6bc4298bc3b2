//! The default pack as the library carries it: every file of `core/content/` in one archive,
//! deflated by core/build.rs. Deflated, the English and Russian TOML takes about a quarter of
//! the space; inflating it takes about a millisecond, once per process.
//!
//! Archive format (little-endian), repeated per file in path order: path length (u32), the path
//! relative to `core/content/` with `/` separators, text length (u32), the UTF-8 text.

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
    use std::path::Path;

    use super::*;

    /// Every `.toml` under `dir`, as (path relative to `root`, text), in path order.
    fn on_disk(root: &Path, dir: &Path, found: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                on_disk(root, &path, found);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let relative = path.strip_prefix(root).unwrap();
                let relative: Vec<_> = relative.iter().map(|p| p.to_str().unwrap()).collect();
                found.push((relative.join("/"), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }

    #[test]
    fn the_library_carries_exactly_the_content_files() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut expected = Vec::new();
        on_disk(&root, &root, &mut expected);
        expected.sort();
        let embedded = files();
        assert_eq!(
            embedded.len(),
            16,
            "{:?}",
            embedded.iter().map(|f| &f.0).collect::<Vec<_>>()
        );
        assert_eq!(embedded, expected);
        assert!(embedded.iter().any(|(path, _)| path == "ru/guide.toml"));
    }

    #[test]
    fn a_damaged_archive_reads_as_no_files_rather_than_failing() {
        assert_eq!(unpack(&[5, 0, 0, 0, b'a']), None);
        assert_eq!(unpack(&[1, 0, 0, 0, 0xff, 0, 0, 0, 0]), None);
        assert_eq!(unpack(&[]), Some(vec![]));
    }
}
