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

/// Turns a core error into a message that says what to do: the core's words for the person
/// (`shown`, in the profile's language) as given, with what only the command line knows (the
/// flag, the profile path, the id typed, a command to run). The profile path and the values
/// named here are the person's own arguments, shown back on their own terminal; the core's
/// texts never carry personal data.
pub(crate) fn from_core(error: WaymarkError, path: &Path) -> Failure {
    let profile = path.display();
    match error {
        WaymarkError::InvalidInput { field, shown, .. } => {
            let subject = match field.as_str() {
                "time_zone" => "--zone".to_owned(),
                "language" => "--lang".to_owned(),
                "text" => "item text".to_owned(),
                "own_text" => "--own".to_owned(),
                "name" | "country" | "phone" | "notes" => format!("--{field}"),
                "current_country" => "--country".to_owned(),
                // `checkin pause --until` and `checkin extend --to`.
                "until" | "date_time" => "--until".to_owned(),
                "last_day" => "--to".to_owned(),
                _ => field,
            };
            Failure::usage(format!("{subject}: {shown}"))
        }
        WaymarkError::NotFound { what, id, shown } => {
            let hint = match what.as_str() {
                "article" => " Run `waymark guide` to see the articles.",
                "checklist item" => " Run `waymark checklist` to see the items.",
                _ => "",
            };
            Failure::usage(format!("{id:?}: {shown}{hint}"))
        }
        WaymarkError::ProfileUnreadable { shown, .. } => {
            Failure::other(format!("{profile}: {shown}"))
        }
        // SQLite says only that it cannot open a folder; naming the cause saves a search.
        WaymarkError::Storage { shown, .. } if path.is_dir() => Failure::other(format!(
            "{profile}: {shown} (it is a folder; give the path of a profile file)"
        )),
        WaymarkError::Storage { shown, .. } => Failure::other(format!("{profile}: {shown}")),
        // The pack file is the person's input: fixing it (or getting the right one) fixes it.
        WaymarkError::ContentRejected { shown, .. } => Failure::usage(shown),
        // The English details go with the words, for the report the words ask for.
        WaymarkError::Internal { shown, reason } => Failure::other(format!("{shown} ({reason})")),
    }
}
