//! Link settings for the core's shared library (the cdylib the phone shells load), and the
//! default content pack compiled to JSON and deflated into one archive (read back by
//! src/content/embedded.rs).

use std::path::{Path, PathBuf};

// The same conversion `build_pack` applies to a published pack.
#[path = "src/content/compile.rs"]
mod compile;

fn main() {
    embed_content();
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    // Every pointer in a static table (strings, vtables) needs a relocation; as plain RELA entries
    // they took over 1 MB of the library (BENCHMARKS.md). Packed (DT_RELR) they take a few
    // kilobytes. GNU ld 2.38 and glibc 2.36 support it.
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-z,pack-relative-relocs");
    }
    // Android's own packed format, which its loader reads from API 23 (the shell needs 26).
    if os == "android" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,--pack-dyn-relocs=android");
    }
    println!("cargo:rerun-if-changed=build.rs");
}

/// Compiles every `.toml` under `content/` to JSON and writes them, in path order, into
/// `$OUT_DIR/content.deflate`: per file its compiled path (`ru/guide.json`) and its JSON text,
/// each after its length as a little-endian u32, the whole deflated. A file that is not TOML
/// stops the build with its path; what the content says is checked by the content tests.
fn embed_content() {
    let root =
        Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join("content");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut paths = Vec::new();
    collect(&root, &mut paths);
    paths.sort();
    let sources: Vec<(String, String)> = paths
        .iter()
        .map(|path| {
            let relative: Vec<&str> = path
                .strip_prefix(&root)
                .expect("under content/")
                .iter()
                .map(|part| part.to_str().expect("content paths are UTF-8"))
                .collect();
            let text =
                std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (relative.join("/"), text)
        })
        .collect();
    let compiled = compile::compile_files(&sources).unwrap_or_else(|e| panic!("{e}"));
    let mut archive = Vec::new();
    for (path, json) in &compiled {
        for bytes in [path.as_bytes(), json.as_bytes()] {
            let len = u32::try_from(bytes.len()).expect("a content file under 4 GB");
            archive.extend_from_slice(&len.to_le_bytes());
            archive.extend_from_slice(bytes);
        }
    }
    let deflated = miniz_oxide::deflate::compress_to_vec(&archive, 10);
    let out = Path::new(&std::env::var("OUT_DIR").expect("set by cargo")).join("content.deflate");
    std::fs::write(&out, deflated).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable content folder").path();
        if path.is_dir() {
            collect(&path, files);
        } else if path
            .extension()
            .is_some_and(|extension| extension == "toml")
        {
            files.push(path);
        }
    }
}
