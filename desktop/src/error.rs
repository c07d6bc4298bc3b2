//! How the shell fails: one line for the person, and an exit code for scripts.

use std::path::Path;

use waymark_core::WaymarkError;

/// How the process exits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The screen was shown or the change was made.
    Success,
    /// Something outside the person's input failed: the profile, the disk, a bug.
    Failure,
    /// The command line or a value in it was wrong; fixing the input fixes it.
    Usage,
}

impl Exit {
    /// The process exit code: 0, 1 or 2, as clap uses 2 for bad usage.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Failure => 1,
            Exit::Usage => 2,
        }
    }
}

/// A failure to report: the message is printed after "waymark: ".
#[derive(Debug)]
pub(crate) struct Failure {
    pub exit: Exit,
    pub message: String,
}

impl Failure {
    /// The person typed something wrong.
    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Self {
            exit: Exit::Usage,
            message: message.into(),
        }
    }

    /// Something else went wrong.
    pub(crate) fn other(message: impl Into<String>) -> Self {
        Self {
            exit: Exit::Failure,
            message: message.into(),
        }
    }
}

/// Turns a core error into a message that says what to do. The profile path and the values
/// named here are the person's own arguments, shown back on their own terminal; the core's
/// texts never carry personal data.
pub(crate) fn from_core(error: WaymarkError, path: &Path) -> Failure {
    let profile = path.display();
    match error {
        WaymarkError::InvalidInput { field, reason } => {
            let subject = match field.as_str() {
                "time_zone" => "--zone".to_owned(),
                "language" => "--lang".to_owned(),
                "text" => "item text".to_owned(),
                "own_text" => "--own".to_owned(),
                "name" | "country" | "phone" | "notes" => format!("--{field}"),
                "current_country" => "--country".to_owned(),
                _ => field,
            };
            Failure::usage(format!("{subject}: {reason}"))
        }
        WaymarkError::NotFound { what, id } => {
            let hint = match what.as_str() {
                "article" => "; run `waymark guide` to see the articles",
                "checklist item" => "; run `waymark checklist` to see the items",
                _ => "",
            };
            Failure::usage(format!("there is no {what} {id:?}{hint}"))
        }
        WaymarkError::ProfileUnreadable { reason } => {
            Failure::other(format!("cannot open the profile {profile}: {reason}"))
        }
        // SQLite says only that it cannot open a folder; naming the cause saves a search.
        WaymarkError::Storage { .. } if path.is_dir() => Failure::other(format!(
            "cannot use the profile {profile}: it is a folder; give the path of a profile file"
        )),
        WaymarkError::Storage { reason } => {
            Failure::other(format!("cannot use the profile {profile}: {reason}"))
        }
        // The pack file is the person's input: fixing it (or getting the right one) fixes it.
        WaymarkError::ContentRejected { reason, .. } => {
            Failure::usage(format!("the content pack was rejected: {reason}"))
        }
        WaymarkError::Internal { reason } => {
            Failure::other(format!("internal error, please report it: {reason}"))
        }
    }
}
