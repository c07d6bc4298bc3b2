//! The words a shell puts around the core's view models (buttons, form labels, prompts,
//! permission requests, notification channels), so no shell writes visible text of its own and
//! every language's strings are checked in one place.

use std::sync::Arc;

use serde::Serialize;

use crate::action::Action;
use crate::checkins::{AlertKind, AlertUrgency};
use crate::content::reasons::english;
use crate::content::ui::Ui;
use crate::content::{Chain, Pack, default_pack};
use crate::error::WaymarkError;
use crate::profile::Profile;

/// Declares `ShellTexts` with one documented field per string and the alert channels with their
/// ids, from the list the content checks every pack against (content/shell_keys.rs).
macro_rules! shell_texts {
    (
        $($(#[doc = $doc:literal])+ $field:ident,)+
        channels { $($kind:ident => $id:ident,)+ }
    ) => {
        /// The interface words a shell needs besides the view models, in the person's language.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
        pub struct ShellTexts {
            $($(#[doc = $doc])+ pub $field: String,)+
            /// A name and a description for each notification channel (Android) or category
            /// (iOS), one per alert kind.
            pub alert_channels: Vec<AlertChannel>,
        }

        /// Every alert kind, in the order shells list channels, with its channel id and the
        /// keys of the channel's name and description.
        const ALERT_KINDS: &[(AlertKind, &str, &str, &str)] = &[$((
            AlertKind::$kind,
            stringify!($id),
            concat!("shell_channel_", stringify!($id)),
            concat!("shell_channel_", stringify!($id), "_about"),
        ),)+];

        /// The words a shell needs around the view models, in the person's language.
        pub(crate) fn build_shell_texts(profile: &Profile) -> ShellTexts {
            texts_from(&profile.prefs().ui())
        }

        fn texts_from(ui: &Ui<'_>) -> ShellTexts {
            ShellTexts {
                $($field: ui.text(concat!("shell_", stringify!($field))),)+
                alert_channels: ALERT_KINDS
                    .iter()
                    .map(|&(kind, id, name, description)| AlertChannel {
                        kind,
                        id: id.to_owned(),
                        name: ui.text(name),
                        description: ui.text(description),
                    })
                    .collect(),
            }
        }
    };
}

crate::content::shell_keys::shell_text_list!(shell_texts);

/// A notification channel (Android) or category (iOS) for one kind of alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct AlertChannel {
    /// The alert kind this channel carries.
    pub kind: AlertKind,
    /// A stable id for the channel ("checkin_reminder").
    pub id: String,
    /// The channel's name as the person sees it in the phone's settings.
    pub name: String,
    /// What the channel's alerts are about.
    pub description: String,
}

/// The words a shell needs where no profile can be opened (its key is lost: the screen that
/// offers to erase it), in `language` (the phone's), from the content built into the app; a
/// language tag the core cannot read gets English. An error's reason is in English.
#[uniffi::export]
pub fn shell_texts_without_profile(language: String) -> Result<ShellTexts, WaymarkError> {
    let (pack, chain) = built_in(&language)?;
    Ok(texts_from(&Ui::new(&pack, &chain)))
}

/// The content built into the app and its language chain for `language`, English when the tag
/// cannot be read: the words for screens shown without a profile.
fn built_in(language: &str) -> Result<(Arc<Pack>, Chain), WaymarkError> {
    let pack = default_pack().map_err(english)?;
    let chain = match pack.chain(language) {
        Ok(chain) => chain,
        Err(_) => pack.chain("en").map_err(english)?,
    };
    Ok((pack, chain))
}

/// What a phone shows for an alert that fires after a restart, before the person first unlocked
/// it: the profile (with the alert's words and the chosen language) cannot be opened yet, so the
/// shell kept only each alert's id, time and urgency where the phone can read them while locked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct LockedAlertText {
    /// A neutral title: "Reminder" for a reminder, exactly as the traveller's lock screen shows
    /// it; for the family's alarm, that a check-in may be missed, without saying whose.
    pub title: String,
    /// Asks the person to unlock the phone to see more.
    pub body: String,
    /// The notification channel (category) to show it in: one the shell made from
    /// `alert_channels` while the profile was open.
    pub channel_id: String,
    /// What a tap opens once the phone is unlocked: the check-in, or the family's list.
    pub action: Action,
}

/// The words for an alert shown before the phone's first unlock, in `language` (the phone's
/// language: the one chosen in the app is in the locked profile), from the content built into
/// the app; a language tag the core cannot read gets English. Needs no profile, so an error's
/// reason is in English.
#[uniffi::export]
pub fn locked_alert_text(
    language: String,
    urgency: AlertUrgency,
) -> Result<LockedAlertText, WaymarkError> {
    let (pack, chain) = built_in(&language)?;
    Ok(locked_text(&Ui::new(&pack, &chain), urgency))
}

fn locked_text(ui: &Ui<'_>, urgency: AlertUrgency) -> LockedAlertText {
    let (kind, title, body, action) = match urgency {
        AlertUrgency::Reminder => (
            AlertKind::CheckinReminder,
            "alert_lock_screen",
            "alert_locked_reminder_body",
            Action::OpenCheckin,
        ),
        AlertUrgency::Alarm => (
            AlertKind::FamilyOverdue,
            "alert_locked_alarm_title",
            "alert_locked_alarm_body",
            Action::OpenFamily,
        ),
    };
    let channel_id = ALERT_KINDS
        .iter()
        .find(|(k, ..)| *k == kind)
        .map(|(_, id, ..)| (*id).to_owned())
        .unwrap_or_default();
    LockedAlertText {
        title: ui.text(title),
        body: ui.text(body),
        channel_id,
        action,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::waymark::{Waymark, WaymarkOptions};

    fn open(language: &str) -> (tempfile::TempDir, std::sync::Arc<Waymark>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.sqlite").to_string_lossy().into_owned();
        let waymark = Waymark::open(
            path,
            WaymarkOptions {
                language: language.into(),
                time_zone: "Europe/Moscow".into(),
                profile_key: vec![7; 32],
            },
        )
        .unwrap();
        (dir, waymark)
    }

    #[test]
    fn every_alert_kind_has_a_channel_with_words_in_each_language() {
        let pack = crate::content::default_pack().unwrap();
        for (language, _) in pack.written_languages() {
            let (_dir, waymark) = open(language);
            let texts = waymark.shell_texts();
            assert_eq!(texts.alert_channels.len(), ALERT_KINDS.len());
            for (channel, (kind, id, _, _)) in texts.alert_channels.iter().zip(ALERT_KINDS) {
                assert_eq!((channel.kind, channel.id.as_str()), (*kind, *id));
                assert!(
                    !channel.name.starts_with("shell_"),
                    "{language}: {channel:?}"
                );
                assert!(!channel.description.starts_with("shell_"));
            }
        }
    }

    #[test]
    fn shell_texts_follow_the_language_and_its_fallback() {
        let (_dir, waymark) = open("ru");
        let ru = waymark.shell_texts();
        assert_eq!(ru.check_in_button, "Отметиться");
        waymark.set_language("en".into()).unwrap();
        let en = waymark.shell_texts();
        assert_eq!(en.check_in_button, "Check in");
        assert_eq!(
            (en.contact_name.as_str(), ru.contact_name.as_str()),
            ("Name", "Имя")
        );
        let (_dir, kyrgyz) = open("ky");
        assert_eq!(kyrgyz.shell_texts(), ru, "ky falls back to Russian");
    }

    #[test]
    fn a_locked_phone_s_alert_is_neutral_in_the_phone_s_language() {
        let reminder = locked_alert_text("en".into(), AlertUrgency::Reminder).unwrap();
        assert_eq!(
            reminder.title, "Reminder",
            "the traveller's lock screen line"
        );
        assert_eq!(reminder.channel_id, "checkin_reminder");
        let alarm = locked_alert_text("ru".into(), AlertUrgency::Alarm).unwrap();
        assert_eq!(alarm.title, "Возможно, пропущена отметка");
        assert_eq!(alarm.channel_id, "family_overdue");
        assert_eq!(alarm.action, Action::OpenFamily);
        assert_eq!(
            locked_alert_text("ky".into(), AlertUrgency::Alarm).unwrap(),
            alarm,
            "ky falls back to Russian"
        );
        // A tag the core cannot read (a phone's odd locale) gets the base language.
        let odd = locked_alert_text("??".into(), AlertUrgency::Reminder).unwrap();
        assert_eq!(odd, reminder);
        for language in ["en", "ru", "uz"] {
            for urgency in [AlertUrgency::Reminder, AlertUrgency::Alarm] {
                let text = locked_alert_text(language.into(), urgency).unwrap();
                assert!(
                    !text.body.is_empty() && !text.title.contains('{'),
                    "{text:?}"
                );
                let (_dir, waymark) = open(language);
                let channels = waymark.shell_texts().alert_channels;
                assert!(channels.iter().any(|c| c.id == text.channel_id));
            }
        }
    }
}
