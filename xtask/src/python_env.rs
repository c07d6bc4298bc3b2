//! The Python interpreter for the Python binding tests and the Swift syntax check.
//!
//! A fresh machine has Python 3 but rarely pytest or tree-sitter, and installing packages into
//! the system's Python is refused on Debian (PEP 668). So `cargo xtask test` keeps its own virtual
//! environment under the target folder, made from `bindings/requirements.txt`, whose versions are
//! pinned exactly, and remakes it when that file changes.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{target_dir, workspace_root};

/// The modules the checks import, as `import` names.
const MODULES: &str = "pytest, tree_sitter, tree_sitter_swift";

/// A Python interpreter that has every pinned package at its pinned version.
///
/// `$WAYMARK_PYTHON` is used as given (and must have the packages); else the system's `python3`
/// when it already has exactly the pinned versions; else the virtual environment, made or
/// refreshed first.
pub(crate) fn python_for_checks() -> Result<PathBuf, String> {
    let requirements_file = workspace_root().join("bindings").join("requirements.txt");
    let requirements = std::fs::read_to_string(&requirements_file)
        .map_err(|e| format!("cannot read {}: {e}", requirements_file.display()))?;
    let pins = parse_pins(&requirements)?;

    if let Some(chosen) = std::env::var_os("WAYMARK_PYTHON") {
        let chosen = PathBuf::from(chosen);
        return match missing_pins(&chosen, &pins)? {
            None => Ok(chosen),
            Some(missing) => Err(format!(
                "WAYMARK_PYTHON={} lacks {missing}; install them with: {} -m pip install -r bindings/requirements.txt",
                chosen.display(),
                chosen.display()
            )),
        };
    }

    let system = PathBuf::from("python3");
    if missing_pins(&system, &pins)?.is_none() {
        return Ok(system);
    }

    let venv = target_dir().join("xtask").join("python");
    let python = venv_python(&venv);
    let stamp = venv.join("waymark-requirements.txt");
    let current = std::fs::read_to_string(&stamp).is_ok_and(|made_from| made_from == requirements);
    if current && python.exists() && missing_pins(&python, &pins)?.is_none() {
        return Ok(python);
    }
    make_venv(&system, &venv, &requirements_file)?;
    if let Some(missing) = missing_pins(&python, &pins)? {
        return Err(format!(
            "the virtual environment in {} still lacks {missing} after pip install",
            venv.display()
        ));
    }
    std::fs::write(&stamp, &requirements)
        .map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    Ok(python)
}

/// A requirement pinned to one version, as `name==version`.
#[derive(Debug, PartialEq, Eq)]
struct Pin {
    name: String,
    version: String,
}

/// The `name==version` lines of a requirements file; any other requirement is an error, because
/// an unpinned package would make two machines run different checks.
fn parse_pins(requirements: &str) -> Result<Vec<Pin>, String> {
    let mut pins = Vec::new();
    for line in requirements.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let Some((name, version)) = line.split_once("==") else {
            return Err(format!(
                "bindings/requirements.txt: {line:?} is not pinned as name==version"
            ));
        };
        pins.push(Pin {
            name: name.trim().to_owned(),
            version: version.trim().to_owned(),
        });
    }
    if pins.is_empty() {
        return Err("bindings/requirements.txt names no package".into());
    }
    Ok(pins)
}

/// `None` when `python` imports the modules and has every pin at its version; else what is
/// missing or at another version, for the message.
fn missing_pins(python: &Path, pins: &[Pin]) -> Result<Option<String>, String> {
    let checks: Vec<String> = pins
        .iter()
        .map(|pin| format!("({:?}, {:?})", pin.name, pin.version))
        .collect();
    let script = format!(
        "import importlib.metadata as m\n\
         bad = []\n\
         for name, want in [{}]:\n\
         \x20   try:\n\
         \x20       have = m.version(name)\n\
         \x20   except m.PackageNotFoundError:\n\
         \x20       have = None\n\
         \x20   if have != want:\n\
         \x20       bad.append(f'{{name}}=={{want}} (found {{have or \"none\"}})')\n\
         if not bad:\n\
         \x20   import {MODULES}\n\
         print('; '.join(bad))\n",
        checks.join(", ")
    );
    let output = Command::new(python)
        .args(["-c", &script])
        .output()
        .map_err(|e| {
            format!(
                "`{}` cannot be run ({e}): the Python tests and the Swift check need Python 3.9 or newer \
                 (set WAYMARK_PYTHON to use another interpreter)",
                python.display()
            )
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr.lines().last().unwrap_or("import failed");
        return Ok(Some(format!("importable {MODULES} ({last})")));
    }
    let bad = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    Ok((!bad.is_empty()).then_some(bad))
}

/// Makes (or remakes) the virtual environment at `venv` and installs the requirements into it.
fn make_venv(system: &Path, venv: &Path, requirements: &Path) -> Result<(), String> {
    println!(
        "xtask: making the Python environment for the checks in {} (from bindings/requirements.txt)",
        venv.display()
    );
    if venv.exists() {
        std::fs::remove_dir_all(venv)
            .map_err(|e| format!("cannot remove the old {}: {e}", venv.display()))?;
    }
    let made = Command::new(system)
        .args(["-m", "venv"])
        .arg(venv)
        .output()
        .map_err(|e| format!("cannot run {} -m venv: {e}", system.display()))?;
    if !made.status.success() {
        return Err(format!(
            "{} -m venv failed: {}; on Debian and Ubuntu the venv module is a package of its own: \
             apt-get install python3-venv",
            system.display(),
            String::from_utf8_lossy(&made.stderr).trim()
        ));
    }
    let status = Command::new(venv_python(venv))
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
        ])
        .arg(requirements)
        .status()
        .map_err(|e| format!("cannot run pip in {}: {e}", venv.display()))?;
    if !status.success() {
        return Err(format!(
            "pip could not install bindings/requirements.txt into {} ({status}); it needs PyPI or a mirror \
             (PIP_INDEX_URL)",
            venv.display()
        ));
    }
    Ok(())
}

/// The interpreter inside a virtual environment.
fn venv_python(venv: &Path) -> PathBuf {
    if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_read_and_comments_skipped() {
        let pins =
            parse_pins("# header\npytest==9.2.0\n\ntree-sitter==0.26.1  # parser\n").unwrap();
        assert_eq!(
            pins,
            vec![
                Pin {
                    name: "pytest".into(),
                    version: "9.2.0".into()
                },
                Pin {
                    name: "tree-sitter".into(),
                    version: "0.26.1".into()
                },
            ]
        );
    }

    #[test]
    fn an_unpinned_requirement_is_refused_by_name() {
        let error = parse_pins("pytest>=9\n").unwrap_err();
        assert!(error.contains("\"pytest>=9\""), "{error}");
        assert!(parse_pins("# nothing\n").is_err());
    }
}
