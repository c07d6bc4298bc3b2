//! How the check-in message reads. Whoever controls the traveller may read their messages, so
//! the text must look like an ordinary note: it names neither Waymark nor a check-in nor safety.
//! The traveller picks one of a few such notes or writes their own; the family's side finds the
//! code in any of them (phrase.rs).

use serde::Serialize;

use crate::content::ui::Ui;
use crate::error::{Error, Result, reason};
use crate::profile::Profile;
use crate::storage::settings;

/// The ready-made notes, by id: each a `ui.toml` key whose text holds `{code}` once.
const TEMPLATES: [(&str, &str); 3] = [
    ("greeting", "checkin_template_greeting"),
    ("weekend", "checkin_template_weekend"),
    ("busy", "checkin_template_busy"),
];

/// The note used until the traveller picks another.
const DEFAULT_TEMPLATE: &str = "greeting";

/// Where the code goes in a note.
pub const CHECKIN_CODE_PLACEHOLDER: &str = "{code}";

/// A note of one's own may be at most this long, so it fits one text message with its code.
pub const CHECKIN_MESSAGE_MAX_CHARS: u32 = 140;

/// The code shown in the examples.
const EXAMPLE_CODE: &str = "482913";

/// How the traveller wants the check-in message to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Enum)]
#[serde(rename_all = "snake_case", tag = "choice")]
pub enum CheckinMessageChoice {
    /// One of the ready-made notes, by its id.
    Template {
        /// The note's id from `CheckinMessageView.options`.
        id: String,
    },
    /// The traveller's own words, with `{code}` where the code goes.
    Own {
        /// The text, with `{code}` once.
        text: String,
    },
}

/// One way the message can read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct CheckinMessageOption {
    /// Pass it back in `CheckinMessageChoice::Template`.
    pub id: String,
    /// The note as it would be sent, with an example code.
    pub example: String,
    /// Whether this is the one in use.
    pub chosen: bool,
}

/// The screen for choosing how the check-in message reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct CheckinMessageView {
    /// The screen title.
    pub title: String,
    /// Why the note looks ordinary and how the family still finds the code.
    pub explanation: String,
    /// The ready-made notes.
    pub options: Vec<CheckinMessageOption>,
    /// The traveller's own note, with `{code}`, when that is the one in use.
    pub own: Option<String>,
    /// The own note's example, as it would be sent.
    pub own_example: Option<String>,
    /// How to write one's own note.
    pub own_hint: String,
}

/// How the check-in message reads now, and the other notes to choose from.
pub(crate) fn message_view(profile: &Profile) -> Result<CheckinMessageView> {
    let prefs = profile.prefs();
    let ui = prefs.ui();
    let chosen = profile.db.read(settings::checkin_message)?;
    Ok(view(&ui, chosen.as_deref()))
}

/// Chooses how the check-in message reads; an own note that does not hold the code once or is
/// too long changes nothing.
pub(crate) fn set_message(
    profile: &Profile,
    choice: CheckinMessageChoice,
) -> Result<CheckinMessageView> {
    let stored = match choice {
        CheckinMessageChoice::Template { id } => {
            if !TEMPLATES.iter().any(|(t, _)| *t == id) {
                return Err(Error::not_found("check-in message", id));
            }
            format!("template:{id}")
        }
        CheckinMessageChoice::Own { text } => format!("own:{}", checked_own(&text)?),
    };
    profile
        .db
        .write(|tx| settings::set_checkin_message(tx, &stored))?;
    let prefs = profile.prefs();
    let ui = prefs.ui();
    Ok(view(&ui, Some(&stored)))
}

/// A note of one's own, trimmed, if it holds the code once and fits.
fn checked_own(text: &str) -> Result<String> {
    let text = text.trim();
    if text.matches(CHECKIN_CODE_PLACEHOLDER).count() != 1 {
        return Err(Error::invalid("own_text", reason::MESSAGE_CODE_ONCE));
    }
    if text.chars().count() > CHECKIN_MESSAGE_MAX_CHARS as usize {
        return Err(Error::invalid_with(
            "own_text",
            reason::MESSAGE_TOO_LONG,
            &[("max", CHECKIN_MESSAGE_MAX_CHARS.to_string())],
        ));
    }
    Ok(text.to_owned())
}

/// The message to send, with `code`, in the note the traveller chose (`stored`, as kept in the
/// profile; None for the default).
pub(crate) fn message(ui: &Ui<'_>, stored: Option<&str>, code: &str) -> String {
    note(ui, stored).replace(CHECKIN_CODE_PLACEHOLDER, code)
}

/// The chosen note with its placeholder: an own note, or a template in the person's language.
fn note(ui: &Ui<'_>, stored: Option<&str>) -> String {
    match stored {
        Some(own) if own.starts_with("own:") => own["own:".len()..].to_owned(),
        _ => ui.text(template_key(chosen_template(stored))),
    }
}

fn chosen_template(stored: Option<&str>) -> &str {
    stored
        .and_then(|s| s.strip_prefix("template:"))
        .filter(|id| TEMPLATES.iter().any(|(t, _)| t == id))
        .unwrap_or(DEFAULT_TEMPLATE)
}

fn template_key(id: &str) -> &'static str {
    TEMPLATES
        .iter()
        .find(|(t, _)| *t == id)
        .map_or(TEMPLATES[0].1, |(_, key)| key)
}

fn view(ui: &Ui<'_>, stored: Option<&str>) -> CheckinMessageView {
    let own = stored
        .and_then(|s| s.strip_prefix("own:"))
        .map(str::to_owned);
    let template = chosen_template(stored);
    CheckinMessageView {
        title: ui.text("checkin_message_title"),
        explanation: ui.text("checkin_message_explanation"),
        options: TEMPLATES
            .iter()
            .map(|(id, key)| CheckinMessageOption {
                id: (*id).to_owned(),
                example: ui.text(key).replace(CHECKIN_CODE_PLACEHOLDER, EXAMPLE_CODE),
                chosen: own.is_none() && *id == template,
            })
            .collect(),
        own_example: own
            .as_ref()
            .map(|text| text.replace(CHECKIN_CODE_PLACEHOLDER, EXAMPLE_CODE)),
        own,
        own_hint: ui.text("checkin_message_own_hint"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::default_pack;

    /// Every language's ready-made notes hold the code once and fit one text message.
    #[test]
    fn every_template_holds_the_code_once_in_every_language() {
        let pack = default_pack().unwrap();
        for language in pack.languages.iter().filter(|l| l.texts) {
            let chain = pack.chain(&language.code).unwrap();
            let ui = Ui::new(&pack, &chain);
            for (id, key) in TEMPLATES {
                let text = ui.text(key);
                assert!(
                    checked_own(&text).is_ok(),
                    "{}: {id}: {text:?}",
                    language.code
                );
                let sent = message(&ui, Some(&format!("template:{id}")), EXAMPLE_CODE);
                assert_eq!(
                    super::super::phrase::codes_in(&sent),
                    vec![EXAMPLE_CODE.to_owned()]
                );
            }
        }
    }
}
