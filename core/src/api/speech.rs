//! The calls that give texts to read aloud.

use std::time::SystemTime;

use crate::error::WaymarkError;
use crate::speech::{self, SpeakableText};
use crate::waymark::Waymark;

#[uniffi::export]
impl Waymark {
    /// An article as a text to read aloud, in the language it is written in.
    pub fn speakable_article(&self, id: String) -> Result<SpeakableText, WaymarkError> {
        self.call(|| speech::speakable_article(self.profile(), &id))
    }

    /// A checklist item (what to do, why, how) as a text to read aloud.
    pub fn speakable_checklist_item(&self, id: String) -> Result<SpeakableText, WaymarkError> {
        self.call(|| speech::speakable_checklist_item(self.profile(), &id))
    }

    /// A contact card of the built-in directory as a text to read aloud, its numbers digit by
    /// digit and its hours as the card shows them at `now`.
    pub fn speakable_contact(
        &self,
        id: String,
        now: SystemTime,
    ) -> Result<SpeakableText, WaymarkError> {
        self.call(|| speech::speakable_contact(self.profile(), &id, now))
    }
}
