//! The words a shell puts around the view models, as a list of keys (`shell_<field>`,
//! `shell_channel_<id>` and `shell_channel_<id>_about` in each language's ui.toml). Every pack
//! must carry each one, checked when it loads, so the list lives with the content; the record
//! that brings the words to a shell (shell_texts.rs) is made from the same list.

/// Hands the list of shell texts to the macro `$then`: one documented field per string, then
/// each alert kind (a variant of `AlertKind`) with the id of its notification channel.
macro_rules! shell_text_list {
    ($then:ident) => {
        $then! {
            /// "Back".
            back,
            /// "Save".
            save,
            /// "Cancel".
            cancel,
            /// "Add".
            add,
            /// "Edit".
            edit,
            /// "Remove".
            remove,
            /// "Call": dials a number (the person still presses call in the dialer).
            call,
            /// "Text": opens an SMS with the message filled in (the person presses send).
            send_sms,
            /// "Copy".
            copy,
            /// Shown briefly after copying.
            copied,
            /// "Share".
            share,
            /// "Listen": reads the screen's text aloud with the phone's voice.
            listen,
            /// "Show QR code".
            show_qr,
            /// Shown when no app on the phone can dial, text or share.
            no_app,
            /// "Leave quickly": closes the app at once and shows the phone's home screen.
            quick_exit,
            /// The hint in the search field.
            search_hint,
            /// The settings screen's title.
            settings_title,
            /// "Language".
            language_label,
            /// "Time zone".
            time_zone_label,
            /// The label of the check-in PIN field.
            pin_label,
            /// Under the PIN field: how many digits a PIN has.
            pin_hint,
            /// "Check in": the button that checks in with the PIN typed.
            check_in_button,
            /// The title of the screen that sets the two PINs and the signal phrase.
            pins_title,
            /// The label of the normal PIN field.
            normal_pin_label,
            /// What the normal PIN is for.
            normal_pin_hint,
            /// The label of the duress PIN field.
            duress_pin_label,
            /// What the duress PIN does: checks in looking normal and tells the family to act.
            duress_pin_hint,
            /// The label of the signal phrase field.
            signal_phrase_label,
            /// What the signal phrase is for, and that it is never shown again.
            signal_phrase_hint,
            /// Shown after the PINs are saved.
            pins_saved,
            /// "Change PINs": the entry to, and the title of, the screen that changes both PINs.
            change_pins_title,
            /// On the change screen: the signal phrase stays, and the family's copy keeps working. The
            /// same words whichever PIN is typed as the current one.
            change_pins_hint,
            /// The label of the current PIN field (either PIN works).
            current_pin_label,
            /// The label of the new normal PIN field.
            new_normal_pin_label,
            /// The label of the new duress PIN field.
            new_duress_pin_label,
            /// Shown after the PINs are changed.
            pins_changed,
            /// The title of the trip plan form.
            plan_title,
            /// Trip plan form: the traveller's name.
            plan_traveller_name,
            /// Trip plan form: the destination country.
            plan_destination_country,
            /// Trip plan form: the destination city.
            plan_destination_city,
            /// Trip plan form: the first day of the trip.
            plan_starts,
            /// Trip plan form: the last day of the trip.
            plan_ends,
            /// Trip plan form: the family's time zone at home.
            plan_home_zone,
            /// Trip plan form: the time zone at the destination.
            plan_destination_zone,
            /// Trip plan form: the employer.
            plan_employer,
            /// Trip plan form: the recruitment agency.
            plan_agency,
            /// Trip plan form: where copies of the documents are.
            plan_document_copies,
            /// Trip plan form: the heading of the schedule part.
            plan_schedule,
            /// Trip plan form: the local check-in times ("HH:MM").
            plan_times,
            /// Trip plan form: the days of the week (empty means every day).
            plan_days,
            /// Trip plan form: check in every this many hours instead of at set times.
            plan_every_hours,
            /// Trip plan form: the time zone the schedule is agreed in.
            plan_schedule_zone,
            /// Trip plan form: minutes around each due time in which a check-in counts.
            plan_window_minutes,
            /// Trip plan form: minutes after the window before a check-in is overdue.
            plan_grace_minutes,
            /// The title of the screen that hands the plan to the family.
            export_title,
            /// Explains that the family scans the code or receives the text, and nothing is sent by
            /// the app itself.
            export_hint,
            /// "Or choose your own passphrase" (the core makes one up otherwise).
            export_sealed,
            /// The label of the passphrase field.
            passphrase_label,
            /// What the passphrase is for, and how long it must be.
            passphrase_hint,
            /// The title of the screen where the family adds a traveller's plan.
            import_title,
            /// The hint of the field where the family pastes the plan text.
            import_paste_hint,
            /// "Add this plan".
            import_button,
            /// "Scan QR code".
            scan_button,
            /// Shown while scanning: hold the camera over the code on the traveller's phone.
            scan_hint,
            /// Why the app asks for the camera (only to read the plan's QR code; nothing is recorded).
            camera_reason,
            /// The title of the screen where the family checks a message from the traveller.
            verify_title,
            /// The hint of the field for the traveller's message or 6-digit code.
            verify_hint,
            /// "Check".
            verify_button,
            /// "I have dealt with it": clears the help signal.
            mark_handled,
            /// The title of the notifications permission request.
            notifications_title,
            /// Why the app needs notifications: reminders to check in, and alerts about a missed one.
            notifications_reason,
            /// Why exact alarms matter, and what happens without them (reminders may come late).
            exact_alarms_reason,
            /// "Open settings".
            open_settings,
            /// Own contact form: the contact's name.
            contact_name,
            /// Own contact form: who the contact is (family, employer, ...).
            contact_kind,
            /// Own contact form: the phone number.
            contact_phone,
            /// Job-offer check: the optional field for the text of the job ad, whose answers and red
            /// flags the core reads.
            offer_ad_text,
            /// Own contact form: how to write the number (with the country code, or as dialled inside
            /// the contact's country).
            contact_phone_hint,
            /// The label of the field where a job ad's text is pasted.
            ad_text_label,
            /// What to paste there, and that the text stays on the phone.
            ad_text_hint,
            /// "Check the ad".
            ad_check_button,
            /// Starts a job-offer check with the answers the ad gave.
            ad_use_in_offer,
            /// The search screen's title, shown before anything is typed.
            search_title,
            /// iPhone only, beside the test alarm: what iOS cannot do for Waymark's alerts (at
            /// most 64 waiting; none planned anew until the app is opened).
            ios_alert_limits,
            /// The settings entry and the confirmation's title: "Erase all Waymark data".
            erase_title,
            /// Under the settings entry: what erasing removes, that it cannot be undone, and
            /// that no PIN is asked.
            erase_about,
            /// The one confirmation, in plain words, before anything is removed.
            erase_question,
            /// The confirmation's button that erases.
            erase_confirm,
            /// Shown once everything is gone, before the app starts as new.
            erase_done,
            channels {
                CheckinReminder => checkin_reminder,
                CheckinDue => checkin_due,
                CheckinOverdue => checkin_overdue,
                FamilyCheckinDue => family_checkin_due,
                FamilyOverdue => family_overdue,
                FamilyEscalation => family_escalation,
                TestAlarm => test_alarm,
            }
        }
    };
}
pub(crate) use shell_text_list;

/// Declares [`KEYS`] from the list.
macro_rules! keys {
    (
        $($(#[doc = $doc:literal])+ $field:ident,)+
        channels { $($kind:ident => $id:ident,)+ }
    ) => {
        /// Every `ui.toml` key the shell texts read; a content pack must define each in English.
        pub(crate) const KEYS: &[&str] = &[
            $(concat!("shell_", stringify!($field)),)+
            $(
                concat!("shell_channel_", stringify!($id)),
                concat!("shell_channel_", stringify!($id), "_about"),
            )+
        ];
    };
}

shell_text_list!(keys);
