//! `cargo xtask <task>`: one entry point for every check, so CI and people run the same thing.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};

mod bindings;
mod budgets;
mod crash;
mod fuzz;
mod pack;
mod packaging;
mod python_env;
mod shell_rules;
mod third_party;

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  test      formatting, clippy with warnings denied, and every test in the workspace, including
            the Kotlin, Python and Swift checks of the bindings and the Android shell's check,
            then the size and memory budgets (the phone sizes where their toolchains are here)
  bindings  generate the Kotlin, Swift and Python bindings into bindings/generated/
  android   the core for Android (arm64-v8a, armeabi-v7a, x86_64) and its Kotlin bindings
  ios       the core as an XCFramework for iOS devices and simulators, and its Swift package
  pack      a signed content pack from core/content/ (`cargo xtask pack --help`)
  size      the stripped release core library (x86_64) against its budget (5.10 MB); with
            --breakdown, its largest sections and the code each crate takes (needs
            cargo-bloat); with --arm64 or --armv7, the build for that phone architecture
            against its own budget (4.85 and 3.60 MB; needs the Rust target and a cross gcc)
  rss       peak memory of the release `waymark --json home` against its budget (12 MB)
  fuzz      every fuzz target of fuzz/ for N seconds each (`--seconds N [--target NAME]...`;
            needs nightly Rust, installs cargo-fuzz when missing)
  crash     the desktop shell killed with SIGKILL at random moments of its writes, then checked
            (`--iterations N`; a short run is part of `test`)
  help      this text";

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("test") => test(),
        Some("bindings") => bindings::bindings(),
        Some("android") => packaging::android(),
        Some("ios") => packaging::ios(),
        Some("pack") => pack::pack(&std::env::args().skip(2).collect::<Vec<_>>()),
        Some("size") => budgets::size(&std::env::args().skip(2).collect::<Vec<_>>()),
        Some("rss") => budgets::rss(),
        Some("fuzz") => fuzz::fuzz(&std::env::args().skip(2).collect::<Vec<_>>()),
        Some("crash") => crash::crash(&std::env::args().skip(2).collect::<Vec<_>>()),
        Some(budgets::MEASURE_TASK) => {
            budgets::measure_task(&std::env::args().skip(2).collect::<Vec<_>>())
        }
        Some("help") | Some("--help") | Some("-h") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown task {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn test() -> Result<(), String> {
    // rustup's minimal profile leaves these two out; adding them is all a fresh machine needs.
    require_rust_component("fmt", "rustfmt")?;
    require_rust_component("clippy", "clippy")?;
    cargo(&["fmt", "--all", "--", "--check"])?;
    cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--locked",
        "--",
        "-D",
        "warnings",
    ])?;
    // The bindgen binary has no tests of its own; clippy above proves it builds.
    let mut counts = cargo_test(&[
        "test",
        "--workspace",
        "--exclude",
        "uniffi-bindgen",
        "--locked",
    ])?;
    counts.add(crash::check_short()?);
    bindings::test(&mut counts)?;
    // The size and memory budgets count as one check each, on one release build; each phone
    // architecture's size is one more where its toolchain is installed.
    budgets::build_release()?;
    let mut budgets = vec![budgets::check_size()?, budgets::check_rss()?];
    budgets.extend(budgets::check_phone_sizes()?);
    for checked in &budgets {
        counts.add(Counts {
            passed: u64::from(checked.within),
            failed: u64::from(!checked.within),
        });
    }
    // One closing line for the whole run: cargo's own last line is often an empty doc-test suite.
    println!("xtask: {} passed, {} failed", counts.passed, counts.failed);
    if counts.passed == 0 {
        return Err("no test ran".into());
    }
    if budgets.iter().any(|checked| !checked.within) {
        return Err("over a size or memory budget (see the xtask: size / rss lines)".into());
    }
    Ok(())
}

/// Runs cargo with `args` from the workspace root, failing with the command line if it fails.
fn cargo(args: &[&str]) -> Result<(), String> {
    println!("xtask: cargo {}", args.join(" "));
    let status = cargo_command(args)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo {}` failed ({status})", args.join(" ")))
    }
}

/// Test counts summed over every suite cargo ran.
#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    passed: u64,
    failed: u64,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// Runs `cargo test`, echoing its output, and sums the counts of its "test result:" lines.
fn cargo_test(args: &[&str]) -> Result<Counts, String> {
    println!("xtask: cargo {}", args.join(" "));
    let mut child = cargo_command(args)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let mut counts = Counts::default();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line.map_err(|e| format!("reading cargo's output: {e}"))?;
            println!("{line}");
            add_result_line(&mut counts, &line);
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for cargo: {e}"))?;
    if status.success() {
        Ok(counts)
    } else {
        Err(format!(
            "`cargo {}` failed ({status}): {} passed, {} failed",
            args.join(" "),
            counts.passed,
            counts.failed
        ))
    }
}

/// Adds the counts of a libtest summary line such as
/// "test result: ok. 43 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.05s".
fn add_result_line(counts: &mut Counts, line: &str) {
    let Some(rest) = line.trim().strip_prefix("test result: ") else {
        return;
    };
    for part in rest.split(';') {
        let mut words = part.split_whitespace().rev();
        let (Some(kind), Some(number)) = (words.next(), words.next()) else {
            continue;
        };
        let Ok(number) = number.parse::<u64>() else {
            continue;
        };
        match kind {
            "passed" => counts.passed += number,
            "failed" => counts.failed += number,
            _ => {}
        }
    }
}

fn cargo_command(args: &[&str]) -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command.args(args).current_dir(workspace_root());
    command
}

/// Makes sure `cargo <subcommand>` works, adding the rustup `component` when it is missing.
fn require_rust_component(subcommand: &str, component: &str) -> Result<(), String> {
    let works = |mut command: Command| command.output().is_ok_and(|output| output.status.success());
    if works(cargo_command(&[subcommand, "--version"])) {
        return Ok(());
    }
    println!("xtask: rustup component add {component}");
    let mut add = Command::new("rustup");
    add.args(["component", "add", component]);
    let added = works(add);
    if added && works(cargo_command(&[subcommand, "--version"])) {
        Ok(())
    } else {
        Err(format!(
            "`cargo {subcommand}` is missing and rustup could not add it: run `rustup component add {component}`"
        ))
    }
}

fn require_tool(name: &str, why: &str) -> Result<(), String> {
    match Command::new(name).arg("--version").output() {
        Ok(output) if output.status.success() => Ok(()),
        _ => Err(format!("`{name}` is missing: {why}")),
    }
}

/// Cargo's target folder: `$CARGO_TARGET_DIR` or `target/` in the workspace.
pub(crate) fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => workspace_root().join(dir),
        None => workspace_root().join("target"),
    }
}

fn workspace_root() -> PathBuf {
    // `cargo run` sets CARGO_MANIFEST_DIR for the running binary; read it at run time, because
    // a binary built in one checkout may be reused from a copied target folder in another.
    // xtask/ sits directly under the workspace root.
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lines_are_summed() {
        let mut counts = Counts::default();
        add_result_line(
            &mut counts,
            "test result: ok. 43 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.05s",
        );
        add_result_line(
            &mut counts,
            "test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s",
        );
        add_result_line(&mut counts, "running 3 tests");
        assert_eq!(
            counts,
            Counts {
                passed: 45,
                failed: 1
            }
        );
    }
}
