//! The screening texts in the person's language, and the links the screens offer.

use serde::Serialize;

use super::answer::{Answer, AnswerOption};
use crate::action::Action;
use crate::content::screening::ScreeningTexts;
use crate::error::{Error, Result};
use crate::guide::article_summary;
use crate::profile::Prefs;

/// A link to another screen (a guide article, a contact, help now, a quick exit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct LinkView {
    /// What the link says: an article's title, a contact's name, a button label.
    pub label: String,
    /// What a tap does.
    pub action: Action,
}

/// The screening texts in one person's language, found along their language chain.
pub(crate) struct Words<'a> {
    prefs: &'a Prefs,
}

impl<'a> Words<'a> {
    pub(crate) fn new(prefs: &'a Prefs) -> Self {
        Self { prefs }
    }

    fn find<T>(&self, pick: impl Fn(&'a ScreeningTexts) -> Option<&'a T>) -> Option<&'a T> {
        self.prefs
            .pack
            .find(&self.prefs.chain, |t| pick(&t.screening))
            .map(|found| found.value)
    }

    /// An interface string; a missing one (caught by the content tests) shows its key.
    pub(crate) fn s(&self, key: &str) -> String {
        self.find(|t| t.strings.get(key))
            .cloned()
            .unwrap_or_else(|| key.to_owned())
    }

    pub(crate) fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        args.iter().fold(self.s(key), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
    }

    /// A text that must exist for a content id; its absence is a content bug.
    pub(crate) fn get<T>(
        &self,
        kind: &str,
        id: &str,
        pick: impl Fn(&'a ScreeningTexts) -> Option<&'a T>,
    ) -> Result<&'a T> {
        self.find(pick)
            .ok_or_else(|| Error::Content(format!("{kind} {id} has no text in any language")))
    }

    pub(crate) fn answer_options(&self, dont_know_key: &str) -> Vec<AnswerOption> {
        [
            (Answer::Yes, "answer_yes", "key_yes"),
            (Answer::No, "answer_no", "key_no"),
            (Answer::DontKnow, dont_know_key, "key_dont_know"),
        ]
        .into_iter()
        .map(|(answer, label, key)| AnswerOption {
            answer,
            label: self.s(label),
            key: self.s(key),
        })
        .collect()
    }

    pub(crate) fn article(&self, id: &str) -> Result<LinkView> {
        let article = article_summary(self.prefs, id)?;
        Ok(LinkView {
            label: article.title,
            action: Action::OpenArticle { id: id.to_owned() },
        })
    }

    pub(crate) fn contact(&self, id: &str) -> Result<LinkView> {
        let found = self
            .prefs
            .pack
            .find(&self.prefs.chain, |t| t.contacts.get(id))
            .ok_or_else(|| Error::Content(format!("contact {id} has no text")))?;
        Ok(LinkView {
            label: found.value.name.clone(),
            action: Action::OpenContact { id: id.to_owned() },
        })
    }

    /// Links to these articles, then these contacts, each once.
    pub(crate) fn links<'i>(
        &self,
        articles: impl IntoIterator<Item = &'i String>,
        contacts: impl IntoIterator<Item = &'i String>,
    ) -> Result<Vec<LinkView>> {
        let mut links: Vec<LinkView> = Vec::new();
        for id in articles {
            let link = self.article(id)?;
            if !links.contains(&link) {
                links.push(link);
            }
        }
        for id in contacts {
            let link = self.contact(id)?;
            if !links.contains(&link) {
                links.push(link);
            }
        }
        Ok(links)
    }

    /// The quick exit, labelled with the shell texts' own words (`shell_quick_exit`), so the
    /// button reads the same here as on every other screen of every shell.
    pub(crate) fn quick_exit(&self) -> LinkView {
        LinkView {
            label: self.prefs.ui().text("shell_quick_exit"),
            action: Action::QuickExit,
        }
    }
}
