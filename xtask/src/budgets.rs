//! `cargo xtask size` and `cargo xtask rss`: the budgets that keep the core small enough for a
//! cheap phone. Both measure the release build, the one that ships; `cargo xtask test` runs both
//! after a single release build.
//!
//! The shell's home screen is its default command, so `waymark --json` is `home`.
//!
//! Budgets are checked here, from real artefacts, never by timing or size assertions in tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::bindings::{library_file_name, target_dir};
use crate::{cargo, workspace_root};

/// The stripped release cdylib (x86_64 host) may not be larger than this: 2.0 MB, in bytes.
pub(crate) const SIZE_BUDGET_BYTES: u64 = 2_000_000;

/// Peak resident memory of `waymark --json home` on a fresh profile: 12 MB, in bytes.
pub(crate) const RSS_BUDGET_BYTES: u64 = 12_000_000;

/// One measured figure against its budget.
pub(crate) struct Checked {
    pub within: bool,
}

/// `cargo xtask size [--breakdown]`.
pub(crate) fn size(args: &[String]) -> Result<(), String> {
    let breakdown = match args {
        [] => false,
        [flag] if flag == "--breakdown" => true,
        _ => return Err(format!("usage: cargo xtask size [--breakdown], not {args:?}")),
    };
    build_release()?;
    let checked = check_size()?;
    if breakdown {
        size_breakdown()?;
    }
    if checked.within {
        Ok(())
    } else {
        Err("the core library is over its size budget".into())
    }
}

/// `cargo xtask rss`.
pub(crate) fn rss() -> Result<(), String> {
    build_release()?;
    if check_rss()?.within {
        Ok(())
    } else {
        Err("`waymark --json home` is over its memory budget".into())
    }
}

/// The release build of the core library and the desktop shell: one command, so the size and
/// memory checks share it and a second run only relinks what changed.
pub(crate) fn build_release() -> Result<(), String> {
    cargo(&[
        "build",
        "--release",
        "--locked",
        "--package",
        "waymark-core",
        "--package",
        "waymark-desktop",
    ])
}

/// Measures the release library against [`SIZE_BUDGET_BYTES`], printing the figure.
pub(crate) fn check_size() -> Result<Checked, String> {
    let library = target_dir().join("release").join(library_file_name());
    let bytes = std::fs::metadata(&library)
        .map_err(|e| format!("cannot read {}: {e}", library.display()))?
        .len();
    let within = bytes <= SIZE_BUDGET_BYTES;
    println!(
        "xtask: size: {} is {} ({bytes} bytes), budget {}: {}, {} left",
        library_file_name(),
        mb(bytes),
        mb(SIZE_BUDGET_BYTES),
        verdict(within),
        signed_mb(SIZE_BUDGET_BYTES as i64 - bytes as i64),
    );
    if !within {
        println!(
            "xtask: size: `cargo xtask size --breakdown` shows which crates take the space; \
             reduce them rather than raising the budget"
        );
    }
    Ok(Checked { within })
}

/// Runs the release `waymark --json home` on a fresh profile in a temporary folder and
/// measures its peak resident memory against [`RSS_BUDGET_BYTES`], printing the figure.
pub(crate) fn check_rss() -> Result<Checked, String> {
    let binary = target_dir()
        .join("release")
        .join(format!("waymark{}", std::env::consts::EXE_SUFFIX));
    let dir = std::env::temp_dir().join(format!("waymark-rss-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let measured = measure(&binary, &dir.join("profile.sqlite"));
    let _ = std::fs::remove_dir_all(&dir);
    let (peak, elapsed) = measured?;
    let within = peak <= RSS_BUDGET_BYTES;
    println!(
        "xtask: rss: `waymark --json home` on a fresh profile peaked at {} ({} KiB) in {} ms, \
         budget {}: {}, {} left",
        mb(peak),
        peak / 1024,
        elapsed.as_millis(),
        mb(RSS_BUDGET_BYTES),
        verdict(within),
        signed_mb(RSS_BUDGET_BYTES as i64 - peak as i64),
    );
    Ok(Checked { within })
}

/// Runs the shell once and returns its peak resident memory in bytes and its wall time.
fn measure(binary: &Path, profile: &Path) -> Result<(u64, std::time::Duration), String> {
    let mut command = Command::new(binary);
    command
        .args(["--json", "--lang", "en", "--zone", "Europe/Istanbul"])
        .args(["--now", "2026-03-02T06:00:00Z", "--profile"])
        .arg(profile)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let child = command
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    let (status, peak) = wait_with_peak_rss(child)?;
    let elapsed = started.elapsed();
    if !status.success() {
        return Err(format!("{} --json home failed ({status})", binary.display()));
    }
    Ok((peak, elapsed))
}

/// Waits for `child` and returns its exit status and its own peak resident set size in bytes,
/// from `wait4`: exact, unlike sampling /proc, and only this child's, unlike
/// `getrusage(RUSAGE_CHILDREN)`, which would report the largest child so far (cargo).
#[cfg(target_os = "linux")]
fn wait_with_peak_rss(
    mut child: std::process::Child,
) -> Result<(std::process::ExitStatus, u64), String> {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;

    // Drain the output first so a large screen cannot block the child on a full pipe.
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    if let Some(mut out) = child.stdout.take() {
        out.read_to_end(&mut stdout)
            .map_err(|e| format!("reading the shell's output: {e}"))?;
    }
    if let Some(mut err) = child.stderr.take() {
        err.read_to_end(&mut stderr)
            .map_err(|e| format!("reading the shell's errors: {e}"))?;
    }
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own unwaited child; `status` and `usage` are valid for writes.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if waited != pid {
        return Err(format!(
            "waiting for the shell: {}",
            std::io::Error::last_os_error()
        ));
    }
    let status = std::process::ExitStatus::from_raw(status);
    if !status.success() {
        eprintln!("{}", String::from_utf8_lossy(&stderr));
    } else if !String::from_utf8_lossy(&stdout).trim_start().starts_with('{') {
        return Err("`waymark --json home` did not print a JSON screen".into());
    }
    // Linux reports ru_maxrss in kibibytes.
    Ok((status, usage.ru_maxrss as u64 * 1024))
}

#[cfg(not(target_os = "linux"))]
fn wait_with_peak_rss(
    _child: std::process::Child,
) -> Result<(std::process::ExitStatus, u64), String> {
    Err("`cargo xtask rss` measures peak memory with Linux's wait4; run it on Linux".into())
}

/// Which crates take the library's space, from `cargo bloat` when it is installed. It needs
/// symbols, so it builds a second, unstripped copy in `target/bloat/`, leaving the release
/// build alone.
fn size_breakdown() -> Result<(), String> {
    let installed = Command::new("cargo")
        .args(["bloat", "--version"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !installed {
        return Err("the breakdown needs cargo-bloat: `cargo install cargo-bloat --locked`".into());
    }
    let target: PathBuf = target_dir().join("bloat");
    println!("xtask: cargo bloat --release --lib --crates (unstripped, in {})", target.display());
    let status = Command::new("cargo")
        .current_dir(workspace_root())
        .args([
            "bloat",
            "--release",
            "--locked",
            "--package",
            "waymark-core",
            "--lib",
            "--crates",
            "-n",
            "25",
        ])
        .env("CARGO_TARGET_DIR", &target)
        .env("CARGO_PROFILE_RELEASE_STRIP", "false")
        .status()
        .map_err(|e| format!("cannot run cargo bloat: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo bloat` failed ({status})"))
    }
}

fn verdict(within: bool) -> &'static str {
    if within { "within" } else { "OVER" }
}

/// Bytes in megabytes (10^6), as the budgets are stated.
fn mb(bytes: u64) -> String {
    format!("{:.2} MB", bytes as f64 / 1e6)
}

fn signed_mb(bytes: i64) -> String {
    format!("{:.2} MB", bytes as f64 / 1e6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_shown_in_decimal_megabytes() {
        assert_eq!(mb(2_000_000), "2.00 MB");
        assert_eq!(mb(1_234_567), "1.23 MB");
        assert_eq!(signed_mb(-150_000), "-0.15 MB");
    }
}
