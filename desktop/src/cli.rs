//! The command line: what a person can type. Parsing only; defaults are resolved in `settings`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Waymark: an offline safety companion for working or studying abroad.
///
/// With no command, shows the home screen.
#[derive(Debug, Parser)]
#[command(name = "waymark", version, about, long_about)]
pub struct Cli {
    /// Options every command accepts.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to show or do; the home screen when absent.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command accepts.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Profile file to use [default: profile.sqlite in your user data folder]
    #[arg(long, global = true, value_name = "PATH")]
    pub profile: Option<PathBuf>,
    /// Language code, e.g. "en" or "ru" [default: from LC_ALL / LANG]
    #[arg(long, global = true, value_name = "CODE")]
    pub lang: Option<String>,
    /// Time zone for local times, as an IANA name such as "Europe/Istanbul"
    /// [default: the system's zone]
    #[arg(long, global = true, value_name = "IANA")]
    pub zone: Option<String>,
    /// Print the screen's data as JSON instead of text
    #[arg(long, global = true)]
    pub json: bool,
    /// Pretend the current time is this RFC 3339 instant, e.g. "2026-03-01T09:30:00Z"
    /// [default: the system clock]
    #[arg(long, global = true, value_name = "RFC3339")]
    pub now: Option<String>,
}

/// The screens and changes.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the guide's contents, or one article
    Guide {
        /// The article to open, as shown in the contents (e.g. "red-flags")
        id: Option<String>,
    },
    /// Show the pre-departure checklist, or change it
    Checklist {
        /// Under each built-in item, also show why it matters, how to do it and the guide
        /// article about it
        #[arg(long)]
        details: bool,
        /// A change to make; the list is shown afterwards
        #[command(subcommand)]
        change: Option<ChecklistChange>,
    },
    /// Show one contact from the built-in directory
    Contact {
        /// The contact's id (e.g. "hotline")
        id: String,
    },
    /// Show your own contacts, or change them
    Contacts {
        /// A change to make; the list is shown afterwards
        #[command(subcommand)]
        change: Option<ContactsChange>,
    },
    /// Who to contact first right now, for where you are
    HelpNow {
        /// The country you are in now, as a two-letter code such as "TR"
        #[arg(long, value_name = "XX")]
        country: Option<String>,
    },
    /// Check a job offer: answer its questions one per line on standard input (y, n or ?; an
    /// empty line skips one), then see the risk and why. The offer is saved
    CheckOffer {
        /// Instead, list the red flags in the text of a job ad, read from FILE ("-" or no
        /// FILE: standard input)
        #[arg(long, value_name = "FILE", num_args = 0..=1, default_missing_value = "-")]
        text: Option<PathBuf>,
        /// Let the text of the ad in FILE answer the questions it can, and ask only the rest
        #[arg(long, value_name = "FILE", conflicts_with_all = ["text", "list"])]
        ad: Option<PathBuf>,
        /// Instead, list the offers you have checked
        #[arg(long, conflicts_with = "text")]
        list: bool,
    },
    /// "Am I being exploited?": questions about what is happening to you; nothing is saved
    SelfCheck,
    /// Myths and facts: judge each statement true or false and see why
    Quiz,
}

/// A change to your own contacts. Contacts are named by the number shown in the list.
#[derive(Debug, Subcommand)]
pub enum ContactsChange {
    /// Add a contact
    Add {
        #[command(flatten)]
        fields: ContactFields,
    },
    /// Change some fields of a contact; the others stay as they are
    Edit {
        /// The contact's number in the list
        number: String,
        #[command(flatten)]
        fields: ContactFields,
    },
    /// Remove a contact
    Rm {
        /// The contact's number in the list
        number: String,
    },
}

/// A contact's fields. Adding needs --name, --kind, --country and --phone.
#[derive(Debug, Args)]
pub struct ContactFields {
    /// Who it is
    #[arg(long)]
    pub name: Option<String>,
    /// What kind of contact
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// The country of the number, as a two-letter code such as "DE"; a number without "+" is
    /// read as that country's
    #[arg(long, value_name = "XX")]
    pub country: Option<String>,
    /// The phone number, in any usual form ("030 1234567", "+49 30 1234567")
    #[arg(long)]
    pub phone: Option<String>,
    /// Anything to remember about the contact
    #[arg(long)]
    pub notes: Option<String>,
}

/// The kinds of contact, as typed.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// Family or a friend
    Family,
    /// Your country's embassy or consulate
    Embassy,
    /// Your employer
    Employer,
    /// The recruitment agency
    Agency,
    /// An organisation that helps people in difficulty
    Support,
    /// Anyone else
    Other,
}

/// A change to the checklist. Items are named by the number shown in the list.
#[derive(Debug, Subcommand)]
pub enum ChecklistChange {
    /// Mark an item done
    Done {
        /// The item's number in the list
        number: String,
    },
    /// Mark an item not done
    Undo {
        /// The item's number in the list
        number: String,
    },
    /// Add your own item to the end of the list
    Add {
        /// The item's text; several words are joined with spaces (put `--` before text that
        /// starts with "-")
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
    },
    /// Remove one of your own items
    Remove {
        /// The item's number in the list
        number: String,
    },
}
