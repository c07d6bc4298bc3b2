//! The shared profile every fuzz target runs against, made once per fuzzing process.

use std::sync::OnceLock;

use waymark_core::fuzzing::Fuzzer;

/// Runs `target` on `data` against a profile in a temporary folder that lives as long as the
/// process.
pub fn run(target: &str, data: &[u8]) {
    static PROFILE: OnceLock<(tempfile::TempDir, Fuzzer)> = OnceLock::new();
    let (_dir, fuzzer) = PROFILE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let fuzzer = Fuzzer::new(dir.path());
        (dir, fuzzer)
    });
    fuzzer.run(target, data);
}
