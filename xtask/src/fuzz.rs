//! `cargo xtask fuzz --seconds N [--target NAME]...`: every fuzz target of fuzz/ in turn, each
//! for N seconds, with cargo-fuzz on the nightly toolchain (libFuzzer needs its sanitizer flags).
//!
//! The committed seeds (fuzz/corpus/<target>/) are read, never written: what the fuzzer finds
//! goes to fuzz/target/corpus/<target>/, which later runs start from too. A crash stops the run
//! with the path of the input that caused it; once fixed, that input is committed under
//! fuzz/regressions/<target>/, where the core's stable test replays it for ever.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::workspace_root;

const USAGE: &str = "usage: cargo xtask fuzz --seconds N [--target NAME]... [--list]";

/// The targets, as fuzz/Cargo.toml declares them (and core/src/fuzzing.rs's TARGETS lists).
fn targets(fuzz_dir: &Path) -> Result<Vec<String>, String> {
    let manifest = std::fs::read_to_string(fuzz_dir.join("Cargo.toml"))
        .map_err(|e| format!("cannot read fuzz/Cargo.toml: {e}"))?;
    let names: Vec<String> = manifest
        .lines()
        .filter_map(|line| line.trim().strip_prefix("name = \""))
        .filter_map(|rest| rest.strip_suffix('"'))
        .filter(|name| *name != "waymark-fuzz")
        .map(str::to_owned)
        .collect();
    if names.is_empty() {
        return Err("fuzz/Cargo.toml declares no target".into());
    }
    Ok(names)
}

/// What one target's run did.
struct Run {
    target: String,
    executions: u64,
    seconds: u64,
}

pub(crate) fn fuzz(args: &[String]) -> Result<(), String> {
    let fuzz_dir = workspace_root().join("fuzz");
    let all = targets(&fuzz_dir)?;
    let mut seconds: Option<u64> = None;
    let mut chosen = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => {
                let value = args.next().ok_or(USAGE)?;
                seconds = Some(value.parse().map_err(|_| {
                    format!("--seconds wants a whole number of seconds, not {value:?}")
                })?);
            }
            "--target" => {
                let name = args.next().ok_or(USAGE)?;
                if !all.contains(name) {
                    return Err(format!(
                        "no fuzz target {name:?}; the targets are {}",
                        all.join(", ")
                    ));
                }
                chosen.push(name.clone());
            }
            "--list" => {
                println!("{}", all.join("\n"));
                return Ok(());
            }
            other => return Err(format!("unknown option {other:?}\n{USAGE}")),
        }
    }
    let seconds = seconds.filter(|s| *s > 0).ok_or(USAGE)?;
    if chosen.is_empty() {
        chosen = all;
    }
    require_cargo_fuzz()?;

    let mut runs = Vec::new();
    for target in &chosen {
        runs.push(run_target(&fuzz_dir, target, seconds)?);
    }
    println!("xtask: fuzzing done, no crash:");
    for run in &runs {
        println!(
            "xtask:   {:<14} {:>12} executions in {} s",
            run.target, run.executions, run.seconds
        );
    }
    Ok(())
}

/// Nightly Rust and cargo-fuzz; cargo-fuzz is installed from crates.io when missing.
fn require_cargo_fuzz() -> Result<(), String> {
    let works = |args: &[&str]| {
        Command::new("rustup")
            .args(args)
            .output()
            .is_ok_and(|output| output.status.success())
    };
    if !works(&["run", "nightly", "rustc", "--version"]) {
        return Err(
            "fuzzing needs the nightly toolchain (libFuzzer's sanitizer flags): rustup toolchain install nightly"
                .into(),
        );
    }
    if works(&["run", "nightly", "cargo", "fuzz", "--version"]) {
        return Ok(());
    }
    println!("xtask: cargo install cargo-fuzz --locked");
    let status = Command::new("cargo")
        .args(["install", "cargo-fuzz", "--locked"])
        .status()
        .map_err(|e| format!("cannot run cargo install: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("could not install cargo-fuzz: cargo install cargo-fuzz --locked".into())
    }
}

/// Fuzzes one target for `seconds`, echoing libFuzzer's output, and reads its final count.
fn run_target(fuzz_dir: &Path, target: &str, seconds: u64) -> Result<Run, String> {
    let found = fuzz_dir.join("target").join("corpus").join(target);
    std::fs::create_dir_all(&found).map_err(|e| format!("cannot make {}: {e}", found.display()))?;
    let seeds = fuzz_dir.join("corpus").join(target);
    println!("xtask: fuzzing {target} for {seconds} s");
    let mut child = Command::new("rustup")
        .current_dir(fuzz_dir)
        .args(["run", "nightly", "cargo", "fuzz", "run", target])
        .arg(&found)
        .arg(&seeds)
        .args([
            "--",
            &format!("-max_total_time={seconds}"),
            "-print_final_stats=1",
            // Inputs as large as the biggest seed (a whole signed pack).
            "-max_len=300000",
            "-rss_limit_mb=3072",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run cargo fuzz: {e}"))?;
    let mut executions = 0;
    let mut crash = None;
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines() {
            let line = line.map_err(|e| format!("reading the fuzzer's output: {e}"))?;
            // libFuzzer reports progress on every power of two; show the summary lines only.
            if !line.starts_with('#') || line.contains("DONE") {
                eprintln!("{line}");
            }
            if let Some(count) = line.strip_prefix("stat::number_of_executed_units: ") {
                executions = count.trim().parse().unwrap_or(0);
            }
            if let Some(path) = line.split("Test unit written to ").nth(1) {
                crash = Some(path.trim().to_owned());
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for cargo fuzz: {e}"))?;
    if let Some(path) = crash {
        return Err(format!(
            "the fuzz target {target} failed on the input in {path}: fix it, then commit the input \
             under fuzz/regressions/{target}/ so the stable test replays it"
        ));
    }
    if !status.success() {
        return Err(format!("cargo fuzz run {target} failed ({status})"));
    }
    Ok(Run {
        target: target.to_owned(),
        executions,
        seconds,
    })
}
