//! The check-in message's calls.

use crate::checkins::{CheckinMessageChoice, CheckinMessageView, message};
use crate::error::WaymarkError;
use crate::waymark::Waymark;

#[uniffi::export]
impl Waymark {
    /// How the check-in message reads now, and the other notes to choose from.
    pub fn checkin_message_view(&self) -> std::result::Result<CheckinMessageView, WaymarkError> {
        self.call(|| message::message_view(self.profile()))
    }

    /// Chooses how the check-in message reads. A note of one's own must hold `{code}` once and
    /// be at most `CHECKIN_MESSAGE_MAX_CHARS` long; otherwise it is refused, naming `own_text`, and
    /// nothing changes.
    pub fn set_checkin_message(
        &self,
        choice: CheckinMessageChoice,
    ) -> std::result::Result<CheckinMessageView, WaymarkError> {
        self.call(|| message::set_message(self.profile(), choice))
    }
}
