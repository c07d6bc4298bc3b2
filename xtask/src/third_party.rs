//! third_party/libsqlite3-sys is upstream libsqlite3-sys with Waymark's own build.rs and
//! Cargo.toml (they compile SQLite3 Multiple Ciphers). Every other file must stay upstream's
//! byte for byte: UPSTREAM.sha256 lists them with upstream's hashes. Run by `cargo test`.

#[cfg(test)]
mod tests {
    use sha2::{Digest, Sha256};

    use crate::workspace_root;

    #[test]
    fn the_patched_libsqlite3_sys_differs_from_upstream_only_in_its_build_files() {
        let dir = workspace_root().join("third_party/libsqlite3-sys");
        let listed = std::fs::read_to_string(dir.join("UPSTREAM.sha256")).unwrap();
        let mut names: Vec<&str> = Vec::new();
        for line in listed.lines().filter(|l| !l.trim().is_empty()) {
            let (hash, name) = line.split_once("  ").expect("sha256sum format");
            let bytes = std::fs::read(dir.join(name)).unwrap();
            let actual: String = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(
                actual, hash,
                "{name} differs from upstream libsqlite3-sys 0.40.0"
            );
            names.push(name);
        }
        // Every file of the copy is either listed or one of the files that are ours.
        let ours = ["Cargo.toml", "build.rs", "README.md", "UPSTREAM.sha256"];
        let mut stack = vec![dir.clone()];
        while let Some(folder) = stack.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let relative = path
                    .strip_prefix(&dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                assert!(
                    names.contains(&relative.as_str()) || ours.contains(&relative.as_str()),
                    "{relative} is neither upstream's (UPSTREAM.sha256) nor one of ours"
                );
            }
        }
    }
}
