//! Shared helpers for the end-to-end scenarios in `tests/tests/`: a person's profile in a
//! temporary folder, driven through the desktop shell exactly as from a terminal.

use std::path::PathBuf;
use std::time::SystemTime;

use waymark_desktop::{Env, Exit, run};

/// A profile in its own temporary folder, removed when dropped.
pub struct Person {
    _dir: tempfile::TempDir,
    /// The profile file.
    pub profile: PathBuf,
}

/// What one run of the shell printed.
pub struct Output {
    /// How the process would have exited.
    pub exit: Exit,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Person {
    /// A person with no profile yet.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let profile = dir.path().join("profile.sqlite");
        Self { _dir: dir, profile }
    }

    /// Runs `waymark ARGS --profile P --now NOW --zone ZONE` in-process.
    pub fn waymark(&self, args: &[&str], now: &str, zone: &str) -> Output {
        self.waymark_with_input(args, "", now, zone)
    }

    /// Like [`Person::waymark`], with `input` on standard input (PINs, a plan's text).
    pub fn waymark_with_input(&self, args: &[&str], input: &str, now: &str, zone: &str) -> Output {
        let env = Env {
            no_color: true,
            stdout_is_terminal: false,
            stdin_is_terminal: false,
            default_profile: None,
            locale: None,
            system_zone: None,
            now: SystemTime::UNIX_EPOCH,
        };
        let mut argv: Vec<String> = vec!["waymark".into()];
        argv.extend(args.iter().map(|a| a.to_string()));
        argv.extend([
            "--profile".into(),
            self.profile.display().to_string(),
            "--now".into(),
            now.into(),
        ]);
        argv.extend(["--zone".into(), zone.into()]);
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let exit = run(argv, &mut input.as_bytes(), &mut stdout, &mut stderr, &env);
        Output {
            exit,
            stdout: String::from_utf8(stdout).expect("UTF-8 output"),
            stderr: String::from_utf8(stderr).expect("UTF-8 errors"),
        }
    }

    /// Like [`Person::waymark`] with `--json`, parsed; panics with the error text on failure.
    pub fn json(&self, args: &[&str], now: &str, zone: &str) -> serde_json::Value {
        self.json_with_input(args, "", now, zone)
    }

    /// Like [`Person::json`], with `input` on standard input.
    pub fn json_with_input(
        &self,
        args: &[&str],
        input: &str,
        now: &str,
        zone: &str,
    ) -> serde_json::Value {
        let mut with_json = args.to_vec();
        with_json.push("--json");
        let out = self.waymark_with_input(&with_json, input, now, zone);
        assert_eq!(
            out.exit,
            Exit::Success,
            "waymark {args:?} failed: {}",
            out.stderr
        );
        serde_json::from_str(&out.stdout).expect("--json prints JSON")
    }
}

impl Default for Person {
    fn default() -> Self {
        Self::new()
    }
}
