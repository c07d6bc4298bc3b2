//! What a tap leads to. The core names the action; the shell performs it.

use serde::{Deserialize, Serialize};

/// Something the shell does when the person taps an item: open a screen, or perform a platform
/// action that the person started (the core never sends anything itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Enum)]
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

/// The first characters of every action token, so a token from another format is refused rather
/// than misread.
const TOKEN_PREFIX: &str = "wm1:";

/// The action as one string a shell can carry where only text goes (a notification's intent
/// extras, its user info), made by the core so that every shell encodes actions alike. Turn it
/// back with `action_from_token`.
#[uniffi::export]
pub fn action_token(action: Action) -> String {
    // Serialising a plain enum of strings cannot fail; the fallback keeps the FFI panic-free.
    let body = serde_json::to_string(&action).unwrap_or_default();
    format!("{TOKEN_PREFIX}{body}")
}

/// The action a token from `action_token` stands for; None for anything else (an unknown kind,
/// a token from an older format, a damaged string), which the shell ignores.
#[uniffi::export]
pub fn action_from_token(token: String) -> Option<Action> {
    serde_json::from_str(token.strip_prefix(TOKEN_PREFIX)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every kind, with arguments that need escaping.
    fn every_action() -> Vec<Action> {
        let text = "Hi! \"All good\" 482913\nline: a=b&c".to_owned();
        vec![
            Action::OpenGuide,
            Action::OpenArticle {
                id: "red-flags".into(),
            },
            Action::OpenChecklist,
            Action::OpenChecklistItem {
                id: "copies".into(),
            },
            Action::OpenContact {
                id: "hotline".into(),
            },
            Action::OpenCheckin,
            Action::OpenFamily,
            Action::OpenOfferCheck,
            Action::OpenSelfCheck,
            Action::OpenQuiz,
            Action::OpenOwnContacts,
            Action::CheckIn,
            Action::EditTripPlan,
            Action::SetCheckinPins,
            Action::OpenWatchedTraveller { id: "t-1".into() },
            Action::ShowQrCode { text: text.clone() },
            Action::ShareText { text: text.clone() },
            Action::dial("+447700900123"),
            Action::ComposeSms {
                uri: "sms:+447700900123?body=Hi%20there".into(),
            },
            Action::CopyText { text },
            Action::OpenHelpNow,
            Action::QuickExit,
            Action::OpenSearch,
        ]
    }

    #[test]
    fn every_action_survives_its_token() {
        for action in every_action() {
            let token = action_token(action.clone());
            assert_eq!(action_from_token(token.clone()), Some(action), "{token}");
        }
    }

    #[test]
    fn the_test_covers_every_kind_of_action() {
        // A new kind added to Action must be added to every_action above: this match has no
        // catch-all arm, so it stops compiling until it is.
        let kinds = every_action()
            .iter()
            .map(|action| match action {
                Action::OpenGuide
                | Action::OpenArticle { .. }
                | Action::OpenChecklist
                | Action::OpenChecklistItem { .. }
                | Action::OpenContact { .. }
                | Action::OpenCheckin
                | Action::OpenFamily
                | Action::OpenOfferCheck
                | Action::OpenSelfCheck
                | Action::OpenQuiz
                | Action::OpenOwnContacts
                | Action::CheckIn
                | Action::EditTripPlan
                | Action::SetCheckinPins
                | Action::OpenWatchedTraveller { .. }
                | Action::ShowQrCode { .. }
                | Action::ShareText { .. }
                | Action::Dial { .. }
                | Action::ComposeSms { .. }
                | Action::CopyText { .. }
                | Action::OpenHelpNow
                | Action::QuickExit
                | Action::OpenSearch => std::mem::discriminant(action),
            })
            .collect::<std::collections::HashSet<_>>();
        assert_eq!(kinds.len(), every_action().len());
    }

    #[test]
    fn anything_but_a_token_is_refused() {
        for token in [
            "",
            "wm1:",
            "wm1:{}",
            "wm1:{\"action\":\"launch_rockets\"}",
            "wm1:{\"action\":\"open_article\"}",
            "{\"action\":\"open_guide\"}",
            "wm0:{\"action\":\"open_guide\"}",
            "open_guide",
        ] {
            assert_eq!(action_from_token(token.to_owned()), None, "{token}");
        }
    }
}
