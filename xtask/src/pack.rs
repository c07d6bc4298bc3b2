//! `cargo xtask pack`: builds a signed content pack from `core/content/` for publishing, and
//! `cargo xtask pack keygen` makes a signing key. The pack format itself is the core's
//! (`waymark_core::build_pack`), so the writer and the reader cannot drift apart.

use std::path::{Path, PathBuf};

use waymark_core::{PackOptions, PackSigningKey, build_pack};

use crate::workspace_root;

pub(crate) const USAGE: &str = "\
usage: cargo xtask pack --key FILE [--id ID] [--version N] [--min-core X.Y.Z] [--content DIR] [--out FILE]
       cargo xtask pack keygen --out FILE

  pack     checks the content in DIR (default core/content) as the app would, then compiles it
           to JSON, the form phones read, and writes it, signed with the key in FILE, to --out
           (default target/packs/ID-VERSION.waymark-pack).
           --id and --version default to [pack] in structure.toml; --min-core, the oldest app
           that may install it, defaults to this core's version.
  keygen   writes a new signing key to FILE (refusing to overwrite one) and prints its public
           key for core/src/content/keys.rs. Keep the key file out of the repository.";

pub(crate) fn pack(args: &[String]) -> Result<(), String> {
    if args.first().map(String::as_str) == Some("keygen") {
        return keygen(&args[1..]);
    }
    let mut key = None;
    let mut out = None;
    let mut content = workspace_root().join("core").join("content");
    let mut options = PackOptions::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs a value\n\n{USAGE}"))
        };
        match arg.as_str() {
            "--key" => key = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--content" => content = PathBuf::from(value()?),
            "--id" => options.id = Some(value()?),
            "--version" => {
                let text = value()?;
                let version = text
                    .parse()
                    .map_err(|_| format!("--version: {text:?} is not a whole number"))?;
                options.version = Some(version);
            }
            "--min-core" => options.min_core_version = Some(value()?),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown option {other:?}\n\n{USAGE}")),
        }
    }
    let key_path = key.ok_or_else(|| format!("--key FILE is required\n\n{USAGE}"))?;
    let key_text = std::fs::read_to_string(&key_path)
        .map_err(|e| format!("cannot read the key {}: {e}", key_path.display()))?;
    let key = PackSigningKey::from_key_file(&key_text)
        .map_err(|e| format!("{}: {e}", key_path.display()))?;
    let files = content_files(&content)?;
    let bytes = build_pack(&files, &options, &key).map_err(|e| format!("the content: {e}"))?;
    let out = match out {
        Some(out) => out,
        None => {
            let structure = files
                .iter()
                .find(|(p, _)| p == "structure.toml")
                .map(|(_, t)| t.as_str())
                .unwrap_or_default();
            let (id, version) = pack_table(structure);
            let id = options.id.clone().unwrap_or(id);
            let version = options.version.map_or(version, |v| v.to_string());
            workspace_root()
                .join("target")
                .join("packs")
                .join(format!("{id}-{version}.waymark-pack"))
        }
    };
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!(
        "xtask: wrote {} ({} bytes, {} files), signed by {}",
        out.display(),
        bytes.len(),
        files.len(),
        key.public_key_hex()
    );
    Ok(())
}

fn keygen(args: &[String]) -> Result<(), String> {
    let out = match args {
        [flag, path] if flag == "--out" => PathBuf::from(path),
        _ => return Err(format!("keygen needs --out FILE\n\n{USAGE}")),
    };
    let key = PackSigningKey::generate()?;
    write_new_secret(&out, &key.to_key_file())?;
    println!(
        "xtask: wrote the signing key to {}\npublic key: {}\nTo trust it, add it to core/src/content/keys.rs. Keep {} secret and out of the repository.",
        out.display(),
        key.public_key_hex(),
        out.display()
    );
    Ok(())
}

/// Creates `path` (never replacing a file: that could destroy the only copy of a key), readable
/// by its owner only where the system has such permissions.
fn write_new_secret(path: &Path, text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Every `.toml` file under `dir`, by its path relative to `dir` with '/' separators, sorted.
fn content_files(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| format!("cannot read {}: {e}", folder.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("cannot read {}: {e}", folder.display()))?
                .path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let relative = path
                    .strip_prefix(dir)
                    .map_err(|_| format!("{} is outside {}", path.display(), dir.display()))?;
                let name: Vec<String> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                files.push((name.join("/"), text));
            }
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(format!("no .toml files in {}", dir.display()));
    }
    Ok(files)
}

/// Writes `test-pack.waymark-pack` into `dir` for the binding tests: the content as it is, one
/// version newer than the embedded pack, signed with the test key that debug builds trust.
pub(crate) fn write_test_pack(dir: &Path) -> Result<PathBuf, String> {
    let core = workspace_root().join("core");
    let key_path = core.join("tests").join("data").join("test-pack-key.secret");
    let key_text = std::fs::read_to_string(&key_path)
        .map_err(|e| format!("cannot read {}: {e}", key_path.display()))?;
    let key = PackSigningKey::from_key_file(&key_text)?;
    let files = content_files(&core.join("content"))?;
    let structure = files
        .iter()
        .find(|(p, _)| p == "structure.toml")
        .map(|(_, t)| t.as_str())
        .unwrap_or_default();
    let embedded: u32 = pack_table(structure)
        .1
        .parse()
        .map_err(|_| "structure.toml: [pack] version is not a number".to_owned())?;
    let options = PackOptions {
        version: Some(embedded + 1),
        ..PackOptions::default()
    };
    let bytes = build_pack(&files, &options, &key).map_err(|e| format!("the content: {e}"))?;
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let out = dir.join("test-pack.waymark-pack");
    std::fs::write(&out, bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(out)
}

/// `[pack]`'s id and version as written, for the default file name.
fn pack_table(structure: &str) -> (String, String) {
    let mut in_pack = false;
    let (mut id, mut version) = ("pack".to_owned(), "0".to_owned());
    for line in structure.lines().map(str::trim) {
        if line.starts_with('[') {
            in_pack = line.starts_with("[pack]");
        } else if in_pack && let Some((key, value)) = line.split_once('=') {
            let value = value.trim().trim_matches('"').to_owned();
            match key.trim() {
                "id" => id = value,
                "version" => version = value,
                _ => {}
            }
        }
    }
    (id, version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_folder_is_read_with_relative_paths() {
        let files = content_files(&workspace_root().join("core").join("content")).unwrap();
        let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert!(paths.contains(&"structure.toml"));
        assert!(paths.contains(&"ru/guide.toml"));
        assert!(paths.contains(&"patterns/en.toml"));
        assert!(!paths.iter().any(|p| p.ends_with(".md")));
    }

    #[test]
    fn the_default_name_comes_from_the_pack_table() {
        let text =
            "# x\n[pack]\nid = \"waymark.default\"\nversion = 3\n\n[[section]]\nid = \"s\"\n";
        assert_eq!(
            pack_table(text),
            ("waymark.default".to_owned(), "3".to_owned())
        );
    }

    #[test]
    fn keygen_never_replaces_an_existing_key() {
        let dir = std::env::temp_dir().join(format!("xtask-keygen-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("key.secret");
        std::fs::write(&path, "precious").unwrap();
        assert!(write_new_secret(&path, "new").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "precious");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
