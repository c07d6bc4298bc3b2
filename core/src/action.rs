//! What a tap leads to. The core names the action; the shell performs it.

use serde::Serialize;

/// Something the shell does when the person taps an item: open a screen, or perform a platform
/// action that the person started (the core never sends anything itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// Show the list of guide sections and articles.
    OpenGuide,
    /// Show one guide article.
    OpenArticle {
        /// The article's id.
        id: String,
    },
    /// Show the pre-departure checklist.
    OpenChecklist,
    /// Show the checklist scrolled to one item.
    OpenChecklistItem {
        /// The checklist item's id.
        id: String,
    },
    /// Show one contact from the directory.
    OpenContact {
        /// The contact's id.
        id: String,
    },
    /// Show the check-in screen.
    OpenCheckin,
    /// Show the list of travellers this profile watches over.
    OpenFamily,
    /// Start the job-offer check.
    OpenOfferCheck,
    /// Start the "am I being exploited?" check.
    OpenSelfCheck,
    /// Start the myths and facts quiz.
    OpenQuiz,
    /// Show the person's own contacts.
    OpenOwnContacts,
    /// Ask for a check-in PIN, then check in.
    CheckIn,
    /// Show the trip plan form.
    EditTripPlan,
    /// Ask for the two check-in PINs.
    SetCheckinPins,
    /// Show the family's screen for one watched traveller.
    OpenWatchedTraveller {
        /// The traveller's id.
        id: String,
    },
    /// Show this text as a QR code for another phone to scan.
    ShowQrCode {
        /// The text to encode.
        text: String,
    },
    /// Open the share sheet with this text; the person chooses where to send it.
    ShareText {
        /// The text to share.
        text: String,
    },
    /// Open the phone dialler with this number filled in; the person presses call.
    Dial {
        /// A `tel:` URI with the number in E.164 form.
        uri: String,
    },
    /// Open the messaging app with a new text to this number; the person writes and sends it.
    ComposeSms {
        /// An `sms:` URI with the number in E.164 form.
        uri: String,
    },
    /// Put this text on the clipboard (a phone number, to paste into another app).
    CopyText {
        /// The exact text to copy.
        text: String,
    },
    /// Show the help-now screen: who to call right now, and how.
    OpenHelpNow,
    /// Leave the current screen at once for a neutral one (someone may be looking over the
    /// person's shoulder); the shell also hides it from the recent-apps preview where it can.
    QuickExit,
    /// Show the search screen: a field, and results as the person types.
    OpenSearch,
}

impl Action {
    /// Parses an in-app link target as written in content (`article:ID`, `checklist:ID`,
    /// `contact:ID`).
    pub(crate) fn from_link(target: &str) -> Option<Self> {
        let (scheme, id) = target.split_once(':')?;
        if id.is_empty() || id.contains(char::is_whitespace) {
            return None;
        }
        let id = id.to_owned();
        match scheme {
            "article" => Some(Self::OpenArticle { id }),
            "checklist" => Some(Self::OpenChecklistItem { id }),
            "contact" => Some(Self::OpenContact { id }),
            _ => None,
        }
    }

    /// The dial action for a number in E.164 form.
    pub(crate) fn dial(e164: &str) -> Self {
        Self::Dial {
            uri: format!("tel:{e164}"),
        }
    }

    /// The compose-a-text action for a number in E.164 form.
    pub(crate) fn sms(e164: &str) -> Self {
        Self::ComposeSms {
            uri: format!("sms:{e164}"),
        }
    }

    /// The copy action for `text`.
    pub(crate) fn copy(text: &str) -> Self {
        Self::CopyText {
            text: text.to_owned(),
        }
    }
}
