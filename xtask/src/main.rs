//! `cargo xtask <task>`: one entry point for every check, so CI and people run the same thing.

use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  test    formatting, clippy with warnings denied, and every test in the workspace
  help    this text";

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("test") => test(),
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
    require_tool(
        "protoc",
        "the phone-number library builds its metadata with it; on Debian: apt-get install protobuf-compiler",
    )?;
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
    cargo(&[
        "test",
        "--workspace",
        "--exclude",
        "uniffi-bindgen",
        "--locked",
    ])?;
    Ok(())
}

/// Runs cargo with `args` from the workspace root, failing with the command line if it fails.
fn cargo(args: &[&str]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    println!("xtask: cargo {}", args.join(" "));
    let status = Command::new(&cargo)
        .args(args)
        .current_dir(workspace_root())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo {}` failed ({status})", args.join(" ")))
    }
}

fn require_tool(name: &str, why: &str) -> Result<(), String> {
    match Command::new(name).arg("--version").output() {
        Ok(output) if output.status.success() => Ok(()),
        _ => Err(format!("`{name}` is missing: {why}")),
    }
}

fn workspace_root() -> std::path::PathBuf {
    // xtask/ sits directly under the workspace root.
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask has a parent")
        .to_path_buf()
}
