//! Waymark's terminal shell. It parses the command line, asks the core for a screen and prints
//! it; every word a person reads comes from the core's view models, so the shell holds no rule.
//!
//! [`run`] takes the process's streams and environment as arguments, so tests drive the whole
//! shell in-process exactly as `main` does.

mod app;
mod checkin;
mod cli;
mod erase;
mod error;
mod interactive;
mod lock;
mod profile_key;
mod render;
mod settings;
mod style;
mod wrap;

use std::ffi::OsString;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::SystemTime;

use clap::Parser;

pub use error::Exit;

/// What the shell reads from the process it runs in. `main` fills it from the real process;
/// tests build one by hand, so nothing in [`run`] depends on the machine it runs on.
#[derive(Debug, Clone)]
pub struct Env {
    /// True when NO_COLOR is set (to any value): print no colour or bold.
    pub no_color: bool,
    /// True when standard output is a terminal; styles are only printed to a terminal.
    pub stdout_is_terminal: bool,
    /// True when standard input is a terminal: PINs and passphrases are then read without
    /// echo; otherwise one per line from standard input, for scripts.
    pub stdin_is_terminal: bool,
    /// The profile used without `--profile`; None when the system has no user data folder.
    pub default_profile: Option<PathBuf>,
    /// The locale from LC_ALL, LC_MESSAGES or LANG, whichever is set first, e.g. "ru_RU.UTF-8".
    pub locale: Option<String>,
    /// The system's IANA time zone, when it can be found.
    pub system_zone: Option<String>,
    /// The system clock's reading, used without `--now`. Read here so the clock is read once,
    /// by the shell, and never by the core.
    pub now: SystemTime,
}

impl Env {
    /// Reads the environment of the running process.
    pub fn from_process() -> Self {
        let set = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Self {
            no_color: std::env::var_os("NO_COLOR").is_some(),
            stdout_is_terminal: io::stdout().is_terminal(),
            stdin_is_terminal: io::stdin().is_terminal(),
            default_profile: directories::ProjectDirs::from("org", "Waymark", "Waymark")
                .map(|dirs| dirs.data_dir().join("profile.sqlite")),
            locale: set("LC_ALL")
                .or_else(|| set("LC_MESSAGES"))
                .or_else(|| set("LANG")),
            system_zone: iana_time_zone::get_timezone().ok(),
            now: SystemTime::now(),
        }
    }

    /// Whether styles (bold, colour) may be printed.
    fn color(&self) -> bool {
        self.stdout_is_terminal && !self.no_color
    }
}

/// Runs the shell on `args` (the program name first, as in `std::env::args_os`), reading the
/// answers of interactive commands (and an ad's text) from `stdin`, printing the screen to
/// `stdout` and any error to `stderr`, and says how the process should exit.
pub fn run<I, T>(
    args: I,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    env: &Env,
) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => return print_clap_error(&err, stdout, stderr, env),
    };
    let json = cli.global.json;
    let mut io = interactive::Io {
        input: stdin,
        output: stdout,
        aside: stderr,
        prompts: !json,
        terminal: env.stdin_is_terminal,
        output_terminal: env.stdout_is_terminal,
    };
    let (text, exit) = match app::execute(cli, env, &mut io) {
        Ok(screen) => return print(stdout, &screen, Exit::Success),
        Err(failure) => (format!("waymark: {}\n", failure.message), failure.exit),
    };
    print(stderr, &text, exit)
}

/// Help and version are clap "errors" that belong on stdout with success; real usage errors go
/// to stderr with clap's own message and exit code 2.
fn print_clap_error(
    err: &clap::Error,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    env: &Env,
) -> Exit {
    if err.use_stderr() {
        print(stderr, &err.render().to_string(), Exit::Usage)
    } else if env.color() {
        print(stdout, &err.render().ansi().to_string(), Exit::Success)
    } else {
        print(stdout, &err.render().to_string(), Exit::Success)
    }
}

/// Writes `text`, keeping `exit` unless writing fails. A failed write is not reported: the
/// usual cause is a reader that has gone (`waymark guide | head`), and there is nowhere better
/// to say it.
fn print(out: &mut dyn Write, text: &str, exit: Exit) -> Exit {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => exit,
        Err(_) => Exit::Failure,
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit.code())
    }
}
