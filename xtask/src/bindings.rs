//! `cargo xtask bindings`: Kotlin, Swift and Python bindings generated from the built core with
//! the workspace's pinned uniffi-bindgen, and the foreign-language checks that drive them.
//!
//! Generated files go to `bindings/generated/` (git-ignored) and are rebuilt on every run, so they
//! always match the library they were generated from.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::{Counts, cargo, target_dir, workspace_root};

/// The languages generated for the host, each into its own folder under `bindings/generated/`.
const LANGUAGES: [&str; 3] = ["kotlin", "swift", "python"];

/// What `generate` produced.
pub(crate) struct Generated {
    /// The host-built core library the bindings were generated from and the tests load.
    pub library: PathBuf,
    /// `bindings/generated/`.
    pub dir: PathBuf,
}

/// `cargo xtask bindings`.
pub(crate) fn bindings() -> Result<(), String> {
    let generated = generate()?;
    println!(
        "xtask: bindings for {} are in {}",
        generated.library.display(),
        generated.dir.display()
    );
    Ok(())
}

/// Builds the core library for the host and the pinned bindgen, then generates every language.
pub(crate) fn generate() -> Result<Generated, String> {
    let library = build_host_library()?;
    let bindgen = build_bindgen()?;
    let dir = generated_dir();
    for language in LANGUAGES {
        let out = dir.join(language);
        run_bindgen(&bindgen, &library, language, &out, None)?;
    }
    // The generated Python module loads the library from its own folder.
    link_or_copy(&library, &dir.join("python").join(library_file_name()))?;
    // A pack the host library accepts (it is a debug build, which trusts the test key).
    crate::pack::write_test_pack(&dir)?;
    Ok(Generated { library, dir })
}

/// Puts `library` at `to`: a symbolic link where there are such (the debug library is large),
/// else a copy.
fn link_or_copy(library: &Path, to: &Path) -> Result<(), String> {
    #[cfg(unix)]
    let placed = std::os::unix::fs::symlink(library, to);
    #[cfg(not(unix))]
    let placed = std::fs::copy(library, to).map(|_| ());
    placed.map_err(|e| format!("cannot place the library at {}: {e}", to.display()))
}

/// Builds the core's cdylib for the host in the dev profile.
///
/// The same package selection as the test run (`--workspace --exclude uniffi-bindgen`) gives the
/// same feature set, so this reuses what `cargo test` built instead of compiling the core again.
pub(crate) fn build_host_library() -> Result<PathBuf, String> {
    cargo(&[
        "build",
        "--workspace",
        "--exclude",
        "uniffi-bindgen",
        "--locked",
    ])?;
    let library = target_dir().join("debug").join(library_file_name());
    if library.is_file() {
        Ok(library)
    } else {
        Err(format!(
            "the build did not produce {}; is `crate-type` still [\"lib\", \"cdylib\"] in core/Cargo.toml?",
            library.display()
        ))
    }
}

/// Builds the pinned bindgen binary (kept out of the default members: it is slow to build).
pub(crate) fn build_bindgen() -> Result<PathBuf, String> {
    cargo(&["build", "--package", "uniffi-bindgen", "--locked"])?;
    Ok(target_dir()
        .join("debug")
        .join(format!("uniffi-bindgen{}", std::env::consts::EXE_SUFFIX)))
}

/// Generates one language's bindings from `library` into `out`, replacing what was there.
/// `global_config` is merged over the crate's `core/uniffi.toml` (see bindings/uniffi-android.toml).
pub(crate) fn run_bindgen(
    bindgen: &Path,
    library: &Path,
    language: &str,
    out: &Path,
    global_config: Option<&Path>,
) -> Result<(), String> {
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    let mut command = Command::new(bindgen);
    command
        .current_dir(workspace_root())
        .args([
            "generate",
            "--library",
            "--language",
            language,
            "--no-format",
        ])
        // Only the core's own uniffi.toml is needed; skipping dependencies keeps it offline.
        .arg("--metadata-no-deps")
        .arg("--out-dir")
        .arg(out);
    if let Some(config) = global_config {
        command.arg("--config").arg(config);
    }
    command.arg(library);
    println!("xtask: uniffi-bindgen generate --language {language}");
    let status = command
        .status()
        .map_err(|e| format!("cannot run {}: {e}", bindgen.display()))?;
    if !status.success() {
        return Err(format!(
            "generating the {language} bindings failed ({status})"
        ));
    }
    Ok(())
}

/// The Kotlin, Python and Swift checks of `cargo xtask test`, adding their test counts.
pub(crate) fn test(counts: &mut Counts) -> Result<(), String> {
    let python = crate::python_env::python_for_checks()?;
    crate::require_tool(
        "mvn",
        "the Kotlin tests build with Maven; on Debian: apt-get install maven (it needs a JDK 17 or newer)",
    )?;
    let generated = generate()?;
    // The Android variant of the Kotlin, as `cargo xtask android` makes it, without the NDK.
    crate::packaging::android_kotlin(
        &generated.library,
        &generated.dir.join("android").join("kotlin"),
    )?;
    let library_dir = generated
        .library
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();

    let root = workspace_root();
    let mut maven = Command::new("mvn");
    maven
        .current_dir(root.join("bindings").join("kotlin"))
        .args(["--batch-mode", "--no-transfer-progress", "test"])
        .arg(format!("-Dwaymark.library.dir={}", library_dir.display()));
    counts.add(run_counted(
        "Kotlin tests (Maven)",
        maven,
        add_surefire_line,
    )?);

    counts.add(android_shell(&root, &library_dir)?);

    let mut pytest = Command::new(&python);
    pytest.current_dir(&root).args([
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "bindings/python",
    ]);
    counts.add(run_counted("Python tests", pytest, add_pytest_line)?);

    let mut swift = Command::new(&python);
    swift.current_dir(&root).args([
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "bindings/swift/check",
    ]);
    counts.add(run_counted("Swift syntax check", swift, add_pytest_line)?);
    Ok(())
}

/// The Android shell's check: every Kotlin file of `android/app` compiled with the generated
/// bindings against the Android 16 framework classes, then the shell's own tests on the JVM
/// (android/verify/pom.xml).
fn android_shell(root: &Path, library_dir: &Path) -> Result<Counts, String> {
    let mut maven = Command::new("mvn");
    maven
        .current_dir(root.join("android").join("verify"))
        .args(["--batch-mode", "--no-transfer-progress", "test"])
        .arg(format!("-Dwaymark.library.dir={}", library_dir.display()));
    run_counted(
        "Android shell: compile against android-all (API 36) and tests (Maven)",
        maven,
        add_surefire_line,
    )
}

/// Runs `command`, echoing its output, and adds up the counts its summary lines report with
/// `parse`. A run that reports no test at all is a failure: it usually means a wrong path.
fn run_counted(
    what: &str,
    mut command: Command,
    parse: fn(&str) -> Option<Counts>,
) -> Result<Counts, String> {
    println!("xtask: {what}");
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{what}: cannot start {:?}: {e}", command.get_program()))?;
    let mut counts = None;
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line.map_err(|e| format!("{what}: reading the output: {e}"))?;
            println!("{line}");
            // The last summary wins: Maven prints one per class before the total.
            if let Some(found) = parse(&line) {
                counts = Some(found);
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("{what}: waiting for it: {e}"))?;
    let counts = counts.unwrap_or_default();
    if !status.success() {
        return Err(format!(
            "{what} failed ({status}): {} passed, {} failed",
            counts.passed, counts.failed
        ));
    }
    if counts.passed == 0 {
        return Err(format!("{what}: no test ran"));
    }
    Ok(counts)
}

/// Reads Surefire's total, e.g. "[INFO] Tests run: 42, Failures: 1, Errors: 0, Skipped: 0".
/// The per-class lines carry "Time elapsed" and are ignored.
fn add_surefire_line(line: &str) -> Option<Counts> {
    let rest = &line[line.find("Tests run: ")?..];
    if rest.contains("Time elapsed") {
        return None;
    }
    let mut numbers = [0u64; 4];
    for (slot, part) in numbers.iter_mut().zip(rest.split(',')) {
        *slot = part.rsplit(':').next()?.trim().parse().ok()?;
    }
    let [run, failures, errors, skipped] = numbers;
    Some(Counts {
        passed: run.saturating_sub(failures + errors + skipped),
        failed: failures + errors,
    })
}

/// Reads pytest's closing line, e.g. "3 failed, 40 passed, 1 error in 1.20s".
fn add_pytest_line(line: &str) -> Option<Counts> {
    let line = line.trim().trim_matches('=').trim();
    let (summary, time) = line.rsplit_once(" in ")?;
    if !time.ends_with('s') {
        return None;
    }
    let mut counts = Counts::default();
    let mut recognised = false;
    for part in summary.split(',') {
        let mut words = part.split_whitespace();
        let (Some(number), Some(kind)) = (words.next(), words.next()) else {
            return None;
        };
        let number: u64 = number.parse().ok()?;
        match kind {
            "passed" => counts.passed += number,
            "failed" | "error" | "errors" => counts.failed += number,
            _ => {}
        }
        recognised = true;
    }
    recognised.then_some(counts)
}

/// `bindings/generated/`.
pub(crate) fn generated_dir() -> PathBuf {
    workspace_root().join("bindings").join("generated")
}

/// The core library's file name on the host, e.g. `libwaymark_core.so` on Linux.
pub(crate) fn library_file_name() -> String {
    format!(
        "{}waymark_core{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surefire_total_is_read_and_class_lines_are_not() {
        assert_eq!(
            add_surefire_line("[ERROR] Tests run: 42, Failures: 1, Errors: 2, Skipped: 3"),
            Some(Counts {
                passed: 36,
                failed: 3
            })
        );
        assert_eq!(
            add_surefire_line(
                "[INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.1 s -- in org.waymark.core.HomeTest"
            ),
            None
        );
        assert_eq!(add_surefire_line("[INFO] BUILD SUCCESS"), None);
    }

    #[test]
    fn pytest_closing_line_is_read() {
        assert_eq!(
            add_pytest_line("3 failed, 40 passed, 1 error in 1.20s"),
            Some(Counts {
                passed: 40,
                failed: 4
            })
        );
        assert_eq!(
            add_pytest_line("============ 12 passed in 0.31s ============"),
            Some(Counts {
                passed: 12,
                failed: 0
            })
        );
        assert_eq!(add_pytest_line("tests/test_home.py ....  [ 40%]"), None);
        assert_eq!(add_pytest_line("see the guide in 2 parts"), None);
    }
}
