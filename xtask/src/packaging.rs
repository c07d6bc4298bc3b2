//! `cargo xtask android` and `cargo xtask ios`: the core built for the phones, with the bindings a
//! shell needs next to it, in `bindings/generated/android/` and `bindings/generated/ios/`.
//!
//! Both first check every tool and target they need and, when some are missing, stop before
//! building anything with one message that names each and how to get it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::bindings::{self, generated_dir};
use crate::target_dir;
use crate::{cargo, workspace_root};

/// Android ABIs and the Rust targets cargo-ndk builds them with.
const ANDROID_ABIS: [(&str, &str); 3] = [
    ("arm64-v8a", "aarch64-linux-android"),
    ("armeabi-v7a", "armv7-linux-androideabi"),
    ("x86_64", "x86_64-linux-android"),
];

/// The iOS device target, and the simulator targets (Apple silicon and Intel Macs) that are
/// merged into one library.
const IOS_DEVICE: &str = "aarch64-apple-ios";
const IOS_SIMULATOR: [&str; 2] = ["aarch64-apple-ios-sim", "x86_64-apple-ios"];

/// The C module the generated Swift imports (`ffi_module_name` in core/uniffi.toml).
const FFI_MODULE: &str = "WaymarkCoreFFI";

/// Something a packaging task needs that this machine lacks, and how to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Missing {
    what: String,
    how: String,
}

/// What a requirement check asks of the machine; tests pass a fake one.
trait Machine {
    /// Whether `program args...` runs and exits successfully.
    fn runs(&self, program: &str, args: &[&str]) -> bool;
    /// An environment variable, if set and not empty.
    fn env(&self, name: &str) -> Option<String>;
    /// The Rust targets rustup has installed, or None without rustup.
    fn installed_targets(&self) -> Option<Vec<String>>;
    /// Whether `path` is a folder.
    fn is_dir(&self, path: &str) -> bool;
}

/// The machine this runs on.
struct Host;

impl Machine for Host {
    fn runs(&self, program: &str, args: &[&str]) -> bool {
        Command::new(program)
            .args(args)
            .output()
            .is_ok_and(|output| output.status.success())
    }

    fn env(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|value| !value.is_empty())
    }

    fn installed_targets(&self) -> Option<Vec<String>> {
        let output = Command::new("rustup")
            .args(["target", "list", "--installed"])
            .output()
            .ok()
            .filter(|output| output.status.success())?;
        Some(
            String::from_utf8_lossy(&output.stdout)
                .lines()
                .map(|line| line.trim().to_owned())
                .collect(),
        )
    }

    fn is_dir(&self, path: &str) -> bool {
        Path::new(path).is_dir()
    }
}

/// The rustup targets among `wanted` that are not installed.
fn missing_targets(machine: &dyn Machine, wanted: &[&str]) -> Vec<Missing> {
    let Some(installed) = machine.installed_targets() else {
        return vec![Missing {
            what: "rustup".into(),
            how: format!(
                "install Rust through rustup, then: rustup target add {}",
                wanted.join(" ")
            ),
        }];
    };
    let absent: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|target| !installed.iter().any(|t| t == target))
        .collect();
    if absent.is_empty() {
        return vec![];
    }
    vec![Missing {
        what: format!("Rust targets {}", absent.join(", ")),
        how: format!("rustup target add {}", absent.join(" ")),
    }]
}

fn android_requirements(machine: &dyn Machine) -> Vec<Missing> {
    let mut missing = vec![];
    if !machine.runs("cargo", &["ndk", "--version"]) {
        missing.push(Missing {
            what: "cargo-ndk".into(),
            how: "cargo install cargo-ndk".into(),
        });
    }
    let ndk = machine
        .env("ANDROID_NDK_HOME")
        .or_else(|| machine.env("ANDROID_NDK_ROOT"));
    match ndk {
        Some(path) if machine.is_dir(&path) => {}
        Some(path) => missing.push(Missing {
            what: format!("the Android NDK at ANDROID_NDK_HOME ({path} is not a folder)"),
            how: "point ANDROID_NDK_HOME at an installed NDK, e.g. $ANDROID_HOME/ndk/<version>"
                .into(),
        }),
        None => missing.push(Missing {
            what: "the Android NDK (ANDROID_NDK_HOME is not set)".into(),
            how: "install the NDK with Android Studio's SDK Manager (SDK Tools > NDK) or \
                  `sdkmanager \"ndk;<version>\"`, then export ANDROID_NDK_HOME=$ANDROID_HOME/ndk/<version>"
                .into(),
        }),
    }
    let targets: Vec<&str> = ANDROID_ABIS.iter().map(|(_, target)| *target).collect();
    missing.extend(missing_targets(machine, &targets));
    missing
}

fn ios_requirements(machine: &dyn Machine) -> Vec<Missing> {
    let mut missing = vec![];
    if !machine.runs("xcodebuild", &["-version"]) {
        missing.push(Missing {
            what: "xcodebuild".into(),
            how: "build on a Mac with Xcode installed (from the App Store), then run \
                  `sudo xcode-select --switch /Applications/Xcode.app`"
                .into(),
        });
    }
    // lipo comes with Xcode's command line tools; name it separately when only it is missing.
    if missing.is_empty() && !machine.runs("xcrun", &["--find", "lipo"]) {
        missing.push(Missing {
            what: "lipo".into(),
            how: "xcode-select --install".into(),
        });
    }
    let mut targets = vec![IOS_DEVICE];
    targets.extend(IOS_SIMULATOR);
    missing.extend(missing_targets(machine, &targets));
    missing
}

/// One message naming everything missing, or Ok when nothing is.
fn verdict(task: &str, missing: &[Missing]) -> Result<(), String> {
    if missing.is_empty() {
        return Ok(());
    }
    let mut message = format!("`cargo xtask {task}` cannot run: this machine lacks");
    for item in missing {
        message.push_str(&format!("\n  - {}: {}", item.what, item.how));
    }
    Err(message)
}

/// `cargo xtask android`: `jniLibs/<abi>/libwaymark_core.so` for each ABI, and the Kotlin
/// bindings with Android's settings, in `bindings/generated/android/`.
pub(crate) fn android() -> Result<(), String> {
    verdict("android", &android_requirements(&Host))?;
    let out = generated_dir().join("android");
    let jni_libs = out.join("jniLibs");
    if jni_libs.exists() {
        std::fs::remove_dir_all(&jni_libs)
            .map_err(|e| format!("cannot clear {}: {e}", jni_libs.display()))?;
    }
    let jni_libs_arg = jni_libs.display().to_string();
    let mut args = vec!["ndk"];
    for (abi, _) in ANDROID_ABIS {
        args.extend(["--target", abi]);
    }
    args.extend([
        "--output-dir",
        &jni_libs_arg,
        "build",
        "--package",
        "waymark-core",
        "--release",
        "--locked",
    ]);
    cargo(&args)?;
    for (abi, _) in ANDROID_ABIS {
        let library = jni_libs.join(abi).join("libwaymark_core.so");
        if !library.is_file() {
            return Err(format!("cargo-ndk did not produce {}", library.display()));
        }
    }
    // The release libraries are stripped of the symbols that carry UniFFI's metadata, so the
    // Kotlin is generated from the host build of the same source; the checksums match.
    let host_library = bindings::build_host_library()?;
    android_kotlin(&host_library, &out.join("kotlin"))?;
    println!(
        "xtask: Android build in {}: jniLibs/ (copy into app/src/main/jniLibs) and kotlin/ \
         (add to the app's sources); see bindings/README.md",
        out.display()
    );
    Ok(())
}

/// Generates the Kotlin bindings with the Android settings (bindings/uniffi-android.toml) into
/// `out`, and checks that the settings took effect: the file names the crate, and a rename would
/// silently drop them.
pub(crate) fn android_kotlin(library: &Path, out: &Path) -> Result<(), String> {
    let bindgen = bindings::build_bindgen()?;
    let config = workspace_root()
        .join("bindings")
        .join("uniffi-android.toml");
    bindings::run_bindgen(&bindgen, library, "kotlin", out, Some(&config))?;
    let source = out
        .join("org")
        .join("waymark")
        .join("core")
        .join("waymark_core.kt");
    let text = std::fs::read_to_string(&source)
        .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    if !text.contains("import android.os.Build") {
        return Err(format!(
            "{} lacks the Android settings of {}: does its [crates.<name>] still name the core's crate?",
            source.display(),
            config.display()
        ));
    }
    Ok(())
}

/// `cargo xtask ios`: a Swift package in `bindings/generated/ios/WaymarkCore/` holding
/// `WaymarkCoreFFI.xcframework` (device, simulator and this Mac, with headers and modulemap),
/// the generated Swift and the XCTest suite.
pub(crate) fn ios() -> Result<(), String> {
    verdict("ios", &ios_requirements(&Host))?;
    let out = generated_dir().join("ios");
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    let package = out.join("WaymarkCore");

    let device = static_library(Some(IOS_DEVICE))?;
    let simulators = IOS_SIMULATOR
        .iter()
        .map(|target| static_library(Some(target)))
        .collect::<Result<Vec<_>, _>>()?;
    let simulator = out.join("ios-simulator").join("libwaymark_core.a");
    create_dir(simulator.parent())?;
    let mut lipo = Command::new("xcrun");
    lipo.args(["lipo", "-create"])
        .args(&simulators)
        .arg("-output")
        .arg(&simulator);
    run(lipo, "lipo (merging the simulator libraries)")?;
    // The Mac slice lets `swift test` run the XCTest suite on the Mac itself.
    let mac = static_library(None)?;

    // Swift sources, the C header and the modulemap, generated from the host build.
    let generated = bindings::generate()?;
    let swift = generated.dir.join("swift");
    let headers = out.join("Headers");
    create_dir(Some(&headers))?;
    copy(
        &swift.join(format!("{FFI_MODULE}.h")),
        &headers.join(format!("{FFI_MODULE}.h")),
    )?;
    // An XCFramework's headers folder must hold a file named exactly `module.modulemap`.
    copy(
        &swift.join(format!("{FFI_MODULE}.modulemap")),
        &headers.join("module.modulemap"),
    )?;

    let xcframework = package.join(format!("{FFI_MODULE}.xcframework"));
    let mut create = Command::new("xcodebuild");
    create.arg("-create-xcframework");
    for library in [&device, &simulator, &mac] {
        create
            .arg("-library")
            .arg(library)
            .arg("-headers")
            .arg(&headers);
    }
    create.arg("-output").arg(&xcframework);
    run(create, "xcodebuild -create-xcframework")?;

    let swift_sources = package.join("Sources").join("WaymarkCore");
    create_dir(Some(&swift_sources))?;
    copy(
        &swift.join("WaymarkCore.swift"),
        &swift_sources.join("WaymarkCore.swift"),
    )?;
    let hand_written = workspace_root().join("bindings").join("swift");
    copy(
        &hand_written.join("Package.swift"),
        &package.join("Package.swift"),
    )?;
    copy_dir(&hand_written.join("Tests"), &package.join("Tests"))?;
    println!(
        "xtask: Swift package in {}: add it to Xcode (File > Add Package Dependencies > Add \
         Local) or run `swift test` in it; see bindings/README.md",
        package.display()
    );
    Ok(())
}

/// Builds the core as a static library in the release profile, for `target` or, with None,
/// for this machine.
fn static_library(target: Option<&str>) -> Result<PathBuf, String> {
    let mut args = vec![
        "rustc",
        "--package",
        "waymark-core",
        "--lib",
        "--crate-type",
        "staticlib",
        "--release",
        "--locked",
    ];
    let mut dir = target_dir();
    if let Some(target) = target {
        args.extend(["--target", target]);
        dir = dir.join(target);
    }
    cargo(&args)?;
    existing(dir.join("release").join("libwaymark_core.a"))
}

fn existing(path: PathBuf) -> Result<PathBuf, String> {
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!("the build did not produce {}", path.display()))
    }
}

fn run(mut command: Command, what: &str) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("cannot run {what}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

fn create_dir(dir: Option<&Path>) -> Result<(), String> {
    let Some(dir) = dir else { return Ok(()) };
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    create_dir(Some(to))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            copy(&path, &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A machine with exactly the programs, variables, folders and targets listed.
    #[derive(Default)]
    struct Fake {
        programs: Vec<&'static str>,
        env: Vec<(&'static str, &'static str)>,
        dirs: Vec<&'static str>,
        targets: Option<Vec<&'static str>>,
    }

    impl Machine for Fake {
        fn runs(&self, program: &str, args: &[&str]) -> bool {
            let line = std::iter::once(program)
                .chain(args.iter().copied())
                .collect::<Vec<_>>()
                .join(" ");
            self.programs.iter().any(|p| line.starts_with(p))
        }
        fn env(&self, name: &str) -> Option<String> {
            self.env
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
        fn installed_targets(&self) -> Option<Vec<String>> {
            self.targets
                .as_ref()
                .map(|t| t.iter().map(|s| s.to_string()).collect())
        }
        fn is_dir(&self, path: &str) -> bool {
            self.dirs.contains(&path)
        }
    }

    fn android_ready() -> Fake {
        Fake {
            programs: vec!["cargo ndk"],
            env: vec![("ANDROID_NDK_HOME", "/sdk/ndk/27")],
            dirs: vec!["/sdk/ndk/27"],
            targets: Some(vec![
                "x86_64-unknown-linux-gnu",
                "aarch64-linux-android",
                "armv7-linux-androideabi",
                "x86_64-linux-android",
            ]),
        }
    }

    #[test]
    fn android_names_everything_missing_and_how_to_get_it() {
        let bare = Fake {
            targets: Some(vec!["x86_64-unknown-linux-gnu", "x86_64-linux-android"]),
            ..Fake::default()
        };
        let message = verdict("android", &android_requirements(&bare)).unwrap_err();
        assert!(
            message.contains("cargo-ndk: cargo install cargo-ndk"),
            "{message}"
        );
        assert!(message.contains("ANDROID_NDK_HOME is not set"), "{message}");
        assert!(
            message.contains("rustup target add aarch64-linux-android armv7-linux-androideabi"),
            "{message}"
        );
        assert!(
            !message.contains("x86_64-linux-android"),
            "an installed target is not asked for: {message}"
        );
    }

    #[test]
    fn android_with_everything_present_goes_ahead() {
        assert_eq!(android_requirements(&android_ready()), vec![]);
    }

    #[test]
    fn an_ndk_path_that_is_not_a_folder_is_named() {
        let machine = Fake {
            dirs: vec![],
            ..android_ready()
        };
        let missing = android_requirements(&machine);
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert!(missing[0].what.contains("/sdk/ndk/27 is not a folder"));
    }

    #[test]
    fn without_rustup_the_targets_cannot_be_added_and_that_is_said() {
        let machine = Fake {
            targets: None,
            ..android_ready()
        };
        let missing = android_requirements(&machine);
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert_eq!(missing[0].what, "rustup");
        assert!(
            missing[0]
                .how
                .contains("rustup target add aarch64-linux-android")
        );
    }

    #[test]
    fn ios_outside_a_mac_names_xcodebuild_and_the_targets() {
        let linux = Fake {
            targets: Some(vec!["x86_64-unknown-linux-gnu"]),
            ..Fake::default()
        };
        let message = verdict("ios", &ios_requirements(&linux)).unwrap_err();
        assert!(
            message.contains("xcodebuild: build on a Mac with Xcode"),
            "{message}"
        );
        assert!(
            message.contains(
                "rustup target add aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios"
            ),
            "{message}"
        );
    }

    #[test]
    fn ios_on_a_prepared_mac_goes_ahead() {
        let mac = Fake {
            programs: vec!["xcodebuild -version", "xcrun --find lipo"],
            targets: Some(vec![
                "aarch64-apple-darwin",
                "aarch64-apple-ios",
                "aarch64-apple-ios-sim",
                "x86_64-apple-ios",
            ]),
            ..Fake::default()
        };
        assert_eq!(ios_requirements(&mac), vec![]);
    }

    /// The message path on the machine running the tests: where xcodebuild is absent (Linux CI),
    /// `cargo xtask ios` must stop and say so rather than fail half-way through a build.
    #[test]
    fn this_machine_without_xcodebuild_is_told_so() {
        if Host.runs("xcodebuild", &["-version"]) {
            return;
        }
        let message = verdict("ios", &ios_requirements(&Host)).unwrap_err();
        assert!(
            message.starts_with("`cargo xtask ios` cannot run"),
            "{message}"
        );
        assert!(message.contains("xcodebuild"), "{message}");
    }

    #[test]
    fn this_machine_without_cargo_ndk_is_told_so() {
        if Host.runs("cargo", &["ndk", "--version"]) {
            return;
        }
        let message = verdict("android", &android_requirements(&Host)).unwrap_err();
        assert!(
            message.starts_with("`cargo xtask android` cannot run"),
            "{message}"
        );
        assert!(
            message.contains("cargo-ndk: cargo install cargo-ndk"),
            "{message}"
        );
    }
}
