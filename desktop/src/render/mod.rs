//! Turns the core's view models into text for a terminal, one screen per module. Renderers only
//! lay out what the view model holds; they add punctuation, marks and command hints, no words:
//! every label comes from the core.

mod article;
mod checkin;
mod checklist;
mod contact;
mod guide;
mod help_now;
mod home;
mod lock;
mod own_contacts;
mod pack;
mod qr;
mod rich;
mod screening;
mod search;

pub(crate) use article::article;
pub(crate) use checkin::{
    alert_warning, alerts, checkin_history, checkin_message, checkin_receipt, checkin_status,
    family_history, family_list, family_traveller, passphrase, shared_text, test_alarm,
    verification,
};
pub(crate) use checklist::checklist;
pub(crate) use contact::contact;
pub(crate) use guide::guide;
pub(crate) use help_now::help_now;
pub(crate) use home::home;
pub(crate) use lock::{disguise, lock};
pub(crate) use own_contacts::own_contacts;
pub(crate) use pack::content_pack;
pub(crate) use qr::qr_code;
pub(crate) use screening::{
    ad_analysis, offer_list, offer_result, question, quiz_feedback, quiz_header, quiz_result,
    self_check_header, self_check_result, wrap_text,
};
pub(crate) use search::search;

use std::collections::HashMap;

use waymark_core::{Action, ChecklistView};

use crate::style::Styler;
use crate::wrap::{glue, wrap};

/// What every renderer needs besides its view model.
pub(crate) struct Ctx {
    pub style: Styler,
    /// The language the person asked for, to mark texts shown in a fallback language.
    language: String,
    /// Checklist item numbers by id: links name items by id, the command line by number.
    numbers: HashMap<String, u32>,
}

impl Ctx {
    /// `checklist` is needed only by screens whose links may point at checklist items.
    pub(crate) fn new(style: Styler, language: String, checklist: Option<&ChecklistView>) -> Self {
        let numbers = checklist
            .map(|list| {
                list.items
                    .iter()
                    .map(|item| (item.id.clone(), item.number))
                    .collect()
            })
            .unwrap_or_default();
        Self {
            style,
            language,
            numbers,
        }
    }

    /// The command that performs `action`, as a dimmed, unbreakable hint such as
    /// "[→ guide red-flags]", so a person can type what they would tap on a phone.
    pub(crate) fn hint(&self, action: &Action) -> String {
        let target = match action {
            Action::OpenGuide => "guide".to_owned(),
            Action::OpenArticle { id } => format!("guide {id}"),
            Action::OpenChecklist => "checklist".to_owned(),
            Action::OpenChecklistItem { id } => match self.numbers.get(id) {
                Some(number) => format!("checklist {number}"),
                None => "checklist".to_owned(),
            },
            Action::OpenContact { id } => format!("contact {id}"),
            Action::Dial { uri } => return self.style.dim(&glue(&format!("[☎ {uri}]"))),
            Action::ComposeSms { uri, .. } => return self.style.dim(&glue(&format!("[✉ {uri}]"))),
            Action::CopyText { text } => return self.style.dim(&glue(&format!("[⧉ {text}]"))),
            Action::OpenCheckin => "checkin".to_owned(),
            Action::OpenFamily => "family".to_owned(),
            Action::OpenOfferCheck => "check-offer".to_owned(),
            Action::OpenSelfCheck => "self-check".to_owned(),
            Action::OpenQuiz => "quiz".to_owned(),
            Action::OpenOwnContacts => "contacts".to_owned(),
            Action::CheckIn => "checkin now".to_owned(),
            Action::EditTripPlan => "checkin setup".to_owned(),
            Action::SetCheckinPins => "checkin pins".to_owned(),
            Action::OpenWatchedTraveller { id } => format!("family status {id}"),
            // The text itself is printed by the screen that offers it.
            Action::ShowQrCode { .. } | Action::ShareText { .. } => "plan export".to_owned(),
            Action::OpenHelpNow => "help-now".to_owned(),
            // In a terminal, clearing the screen is the quick exit.
            Action::QuickExit => return self.style.dim(&glue("[clear]")),
            // The command takes the words to find; "…" stands for them, as "XX" does for a
            // country in the help-now hint.
            Action::OpenSearch => "search …".to_owned(),
        };
        self.command(&target)
    }

    /// The command `target` as a hint, "[→ family accept ID]", for a choice the core offers as
    /// a button with no action of its own.
    pub(crate) fn command(&self, target: &str) -> String {
        self.style.dim(&glue(&format!("[→ {target}]")))
    }

    /// " [ru]" after a text that is shown in another language than the one asked for (it has
    /// no translation yet), else nothing.
    pub(crate) fn language_mark(&self, language: &str) -> String {
        if language == self.language {
            String::new()
        } else {
            format!(" {}", self.style.dim(&format!("[{language}]")))
        }
    }

    /// The core's words for whether a place is open now, green when open and red when closed.
    pub(crate) fn status(&self, status: &str, open: bool) -> String {
        if open {
            self.style.good(status)
        } else {
            self.style.bad(status)
        }
    }
}

/// `text` followed by its hint.
fn with_hint(text: &str, hint: &str) -> String {
    format!("{text} {hint}")
}

/// "Label: value" as wrapped lines starting at `indent`, continued two columns further in so
/// the label stands out from the value's later lines.
fn labelled(label: &str, value: &str, indent: &str) -> String {
    wrap(&format!("{label}: {value}"), indent, &format!("{indent}  "))
}
