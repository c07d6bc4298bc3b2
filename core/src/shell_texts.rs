//! The words a shell puts around the core's view models (buttons, form labels, prompts,
//! permission requests, notification channels), so no shell writes visible text of its own and
//! every language's strings are checked in one place.

use serde::Serialize;

use crate::checkins::AlertKind;
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
            let prefs = profile.prefs();
            let ui = prefs.ui();
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
}
