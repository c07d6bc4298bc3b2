//! The command line: what a person can type. Parsing only; defaults are resolved in `settings`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Waymark: an offline safety companion for working or studying abroad.
///
/// With no command, shows the home screen. With the app lock on (`waymark lock on`), every
/// command first asks for a PIN: without echo at a terminal, else the first line of standard
/// input.
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
        /// Print the article as plain text to be read aloud (numbers digit by digit)
        #[arg(long, requires = "id")]
        speak: bool,
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
        /// Print the card as plain text to be read aloud (numbers digit by digit)
        #[arg(long)]
        speak: bool,
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
        /// Instead, list the warning signs in the text of a job ad, read from FILE ("-" or no
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
    /// The traveller's check-ins: the agreed schedule, checking in with a PIN, the history
    Checkin {
        /// What to do; the check-in status when absent
        #[command(subcommand)]
        action: Option<CheckinCommand>,
    },
    /// Hand the trip plan to your family, or take one from a traveller you watch over
    Plan {
        #[command(subcommand)]
        action: PlanCommand,
    },
    /// The travellers you watch over: their check-ins, and what to do when one is missing
    Family {
        /// What to do; the list when absent
        #[command(subcommand)]
        action: Option<FamilyCommand>,
    },
    /// The reminders a phone would schedule from now (for testing a schedule); report one as
    /// fired, or try the test alarm
    Alerts {
        /// Report an alert as fired, or start the test alarm; the plan when absent
        #[command(subcommand)]
        action: Option<AlertsCommand>,
        /// The most alerts to plan (iOS keeps 64)
        #[arg(long, default_value_t = 64)]
        max: u32,
        /// Plan as on a phone that does not allow exact alarms
        #[arg(long)]
        inexact: bool,
    },
    /// "Am I being exploited?": questions about what is happening to you; nothing is saved
    SelfCheck,
    /// Myths and facts: judge each statement true or false and see why
    Quiz,
    /// The content in use, and content updates: install a signed pack file, or go back to the
    /// content built into the app
    Pack {
        /// What to do; the content in use when absent
        #[command(subcommand)]
        action: Option<PackCommand>,
    },
    /// Find articles, checklist items, warning signs and contacts by words, in any form
    Search {
        /// The words to find (e.g. "passport" or "паспорт")
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
    },
    /// The app lock: ask for a PIN before every command. `lock on` and `lock off` ask for
    /// either check-in PIN; the setting is shown when absent
    Lock {
        #[command(subcommand)]
        action: Option<LockCommand>,
    },
    /// The disguise as a calculator, and what a terminal still shows of Waymark
    Disguise,
    /// Erase all Waymark data on this computer: the profile, the files beside it and its key.
    /// Asks once; no PIN is needed. Cannot be undone
    Erase {
        /// Erase without asking (for scripts)
        #[arg(long)]
        yes: bool,
    },
}

/// Turning the app lock on or off.
#[derive(Debug, Clone, Copy, Subcommand)]
pub enum LockCommand {
    /// Ask for a PIN before every command (either check-in PIN opens it)
    On,
    /// Stop asking for a PIN
    Off,
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
    /// The phone number, in any usual form ("07700 900123", "+44 7700 900123")
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

/// What to do with the traveller's check-ins. PINs, the signal phrase and passphrases are read
/// without echo at a terminal, or one per line from standard input in scripts.
#[derive(Debug, Subcommand)]
pub enum CheckinCommand {
    /// Enter or replace the trip plan and the agreed schedule; once the check-in PINs are set,
    /// a change needs one of them (asked for)
    Setup(Box<PlanArgs>),
    /// Set the normal PIN, the help PIN and the signal phrase (once, before you travel);
    /// `pins change` changes both PINs
    Pins {
        #[command(subcommand)]
        action: Option<PinsCommand>,
    },
    /// The check-in screen: what is due, the next check-in on both sides' clocks, the streak
    Status,
    /// Check in now with either PIN, and get the message to send to your family
    Now,
    /// A practice check-in to rehearse with your family before the trip: the same message with
    /// a practice code; nothing is recorded on either side
    Practice,
    /// Pause the check-ins until a time (a flight, a place with no signal), with either PIN,
    /// and get the message to send to your family; check-ins due in the pause are not expected
    Pause {
        /// Until when: "2026-03-04 15:00" on this profile's clock (--zone), or an RFC 3339
        /// time; at most 8 days from now, rounded up to the quarter hour
        #[arg(long, value_name = "TIME")]
        until: String,
    },
    /// Extend the trip with either PIN, and get the message to send to your family
    Extend {
        /// The trip's new last day ("2026-06-10", in the zone the plan's dates are in); at most
        /// a year from today
        #[arg(long, value_name = "DATE")]
        to: String,
    },
    /// End the trip ("I am home") with either PIN, and get the message to send to your family;
    /// no more check-ins or reminders
    End,
    /// Every check-in made
    History,
    /// How the message you send reads: an ordinary note with the code in it. With no option,
    /// shows the notes to choose from
    Message {
        /// Use this ready-made note (its id, as listed)
        #[arg(long, value_name = "ID", conflicts_with = "own")]
        template: Option<String>,
        /// Use your own note; put {code} where the code goes
        #[arg(long, value_name = "TEXT")]
        own: Option<String>,
    },
}

/// What to do with the check-in PINs once they are set.
#[derive(Debug, Subcommand)]
pub enum PinsCommand {
    /// Change both PINs, with either current PIN; the signal phrase and the family's copy of
    /// the plan stay as they are
    Change,
}

/// The trip plan's fields.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Your name, as your family knows you
    #[arg(long)]
    pub name: String,
    /// The destination country, as a two-letter code such as "TR"
    #[arg(long, value_name = "XX")]
    pub country: String,
    /// The destination city
    #[arg(long)]
    pub city: String,
    /// The trip's first day ("2026-03-02": it starts at the beginning of that day in the
    /// schedule's zone)
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// The trip's last day ("2026-06-01": the trip ends when that day does, in the schedule's
    /// zone)
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// Your family's time zone at home (IANA, e.g. "Europe/Moscow")
    #[arg(long, value_name = "IANA")]
    pub home_zone: String,
    /// The destination's time zone (IANA, e.g. "Europe/Istanbul")
    #[arg(long, value_name = "IANA")]
    pub destination_zone: String,
    /// The zone the agreed times are in [default: the destination's]
    #[arg(long, value_name = "IANA")]
    pub schedule_zone: Option<String>,
    /// Check in every day at these local times, e.g. "09:00,21:00"
    #[arg(long, value_name = "HH:MM,...", conflicts_with = "every_hours")]
    pub times: Option<String>,
    /// Only on these days, e.g. "mon,thu" (with --times) [default: every day]
    #[arg(long, value_name = "DAYS", requires = "times")]
    pub days: Option<String>,
    /// Check in every this many hours instead of at set times
    #[arg(long, value_name = "N")]
    pub every_hours: Option<u32>,
    /// Minutes around each time in which a check-in counts
    #[arg(long, default_value_t = waymark_core::DRAFT_WINDOW_MINUTES)]
    pub window: u32,
    /// Minutes after the window before a check-in is overdue
    #[arg(long, default_value_t = waymark_core::DRAFT_GRACE_MINUTES)]
    pub grace: u32,
    /// The employer's name and details
    #[arg(long)]
    pub employer: Option<String>,
    /// The recruitment agency's name and details
    #[arg(long)]
    pub agency: Option<String>,
    /// Where you left copies of your passport and contract
    #[arg(long)]
    pub documents: Option<String>,
}

/// Handing a plan over.
#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Print the plan for your family (asks for a check-in PIN), sealed with a passphrase of
    /// four made-up words; show it as a QR code or send the text as a file, and tell your
    /// family the passphrase on the phone, never in the same message (printed to a file or a
    /// pipe, the plan goes alone and the passphrase to the terminal)
    Export {
        /// Choose the passphrase yourself (asked for) instead of the made-up words
        #[arg(long, alias = "sealed")]
        passphrase: bool,
        /// Also draw the plan as a QR code for your family's phone to scan
        #[arg(long)]
        qr: bool,
    },
    /// Import a traveller's plan to watch over them, from FILE ("-" or none: standard input);
    /// asks for the passphrase the traveller told you (in scripts: the next line of standard
    /// input; an empty or missing one for a plan from an earlier version without a passphrase)
    Import {
        /// The file with the plan's text
        file: Option<PathBuf>,
        /// Accepted for earlier scripts: the passphrase is always asked for
        #[arg(long, hide = true)]
        sealed: bool,
    },
}

/// Content updates.
#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// Install a signed content pack file; it must be newer than the content in use
    Install {
        /// The pack file (.waymark-pack)
        file: PathBuf,
    },
    /// Show the content in use: built in or installed, its version and languages
    Status,
    /// Go back to the content built into the app; your own data is kept
    Reset,
}

/// What to do as family. A traveller's id is URL-safe Base64 and one in 64 starts with "-", so
/// the id arguments take a leading hyphen as part of the value, not as an option.
#[derive(Debug, Subcommand)]
pub enum AlertsCommand {
    /// Report that the alert with this id fired now (what a phone reports as it shows one)
    Fired {
        /// The alert's id, as `waymark alerts` lists it
        #[arg(allow_hyphen_values = true)]
        id: String,
    },
    /// Start the test alarm (due in a minute), or with --status see whether it sounded
    Test {
        /// Show the test alarm's state without starting it again
        #[arg(long)]
        status: bool,
    },
    /// Hide the home screen's warning about alerts that did not sound
    Dismiss,
}

/// What to do with the travellers you watch over.
#[derive(Debug, Subcommand)]
pub enum FamilyCommand {
    /// Everyone you watch over
    List,
    /// One traveller: their check-ins and, when one is missing, what to do
    Status {
        /// The traveller's id, from `waymark family list`
        #[arg(allow_hyphen_values = true)]
        id: String,
    },
    /// Check a message you received from a traveller (the words, or "-" for standard input)
    Verify {
        /// The traveller's id
        #[arg(allow_hyphen_values = true)]
        id: String,
        /// The message as received
        #[arg(required = true, num_args = 1..)]
        message: Vec<String>,
    },
    /// Check a text with one message or several (a chat copied whole), from FILE ("-" or none:
    /// standard input): each code for the traveller it belongs to, help signals first
    CheckText {
        /// The file with the text
        file: Option<PathBuf>,
    },
    /// Every message checked for a traveller
    History {
        /// The traveller's id
        #[arg(allow_hyphen_values = true)]
        id: String,
    },
    /// Accept the changed plan a traveller sent, after calling them and hearing that all is
    /// well; it replaces the plan in force
    Accept {
        /// The traveller's id
        #[arg(allow_hyphen_values = true)]
        id: String,
    },
    /// Keep the plan in force and drop the changed plan a traveller sent
    Keep {
        /// The traveller's id
        #[arg(allow_hyphen_values = true)]
        id: String,
    },
    /// Mark a traveller's help signal as dealt with
    Handled {
        /// The traveller's id
        #[arg(allow_hyphen_values = true)]
        id: String,
    },
    /// Stop watching over a traveller: their plan and checks are deleted from this device
    Remove {
        /// The traveller's id
        #[arg(allow_hyphen_values = true)]
        id: String,
    },
}
