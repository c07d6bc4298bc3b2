//! Interface strings (labels, status words, formats) looked up along the language chain, and the
//! few formatting rules that turn data into words: opening hours and local date-times.

use std::time::SystemTime;

use crate::zone::{Zone, ZoneError};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};

use super::{Chain, HoursDef, Pack};

/// Every interface string key the code uses; each written language must define all of them
/// (the content tests), and a pack without them in English is refused (an older pack must not
/// leave a newer app showing keys instead of words).
pub(crate) const KEYS: &[&str] = &[
    "app_name",
    "home_tagline",
    "progress_label",
    "next_step_title",
    "next_step_all_done",
    "next_step_all_done_detail",
    "menu_guide",
    "menu_checklist",
    "menu_checkin",
    "menu_family",
    "menu_offer_check",
    "menu_self_check",
    "menu_quiz",
    "menu_contacts",
    "menu_search",
    "guide_title",
    "checklist_title",
    "done_at",
    "callout_note",
    "callout_tip",
    "callout_important",
    "callout_warning",
    "hours_format",
    "days_weekdays",
    "day_mon",
    "day_tue",
    "day_wed",
    "day_thu",
    "day_fri",
    "day_sat",
    "day_sun",
    "toll_free_within",
    "datetime_format",
    "open_now",
    "speech_no_voice",
    "alert_lock_screen",
    "checkin_template_greeting",
    "checkin_template_weekend",
    "checkin_template_busy",
    "checkin_message_title",
    "checkin_message_explanation",
    "checkin_message_own_hint",
    "hours_confirmed",
    "hours_not_confirmed",
    "hours_no_answer",
    "closed_now",
    "capacity",
    "label_address",
    "label_hours",
    "label_phones",
    "label_services",
    "label_referral",
    "label_why",
    "label_how",
    "label_read_more",
    "label_previous",
    "label_next",
    "today",
    "tomorrow",
    "when_format",
    "opens_at",
    "closes_at",
    "in_your_zone",
    "period_your_zone",
    "holidays_unknown",
    "reach_not_from_here",
    "reach_unknown",
    "emergency_title",
    "emergency_general",
    "emergency_police",
    "emergency_ambulance",
    "emergency_fire",
    "emergency_source",
    "emergency_source_undated",
    "emergency_not_confirmed",
    "emergency_line_not_confirmed",
    "own_contacts_title",
    "own_contacts_empty",
    "kind_family",
    "kind_embassy",
    "kind_employer",
    "kind_agency",
    "kind_support",
    "kind_other",
    "action_call",
    "action_text",
    "action_copy",
    "label_notes",
    "label_country",
    "help_title",
    "help_pick_country",
    "help_why_emergency",
    "help_why_embassy",
    "help_why_hotline_open",
    "help_why_hotline_closed",
    "help_why_hotline_abroad",
    "help_why_support",
    "help_why_family",
    "help_add_embassy",
    "help_say_title",
    "help_say_where",
    "help_say_what",
    "help_say_free",
    "help_say_language",
    "checkin_title",
    "checkin_no_plan",
    "checkin_no_pins",
    "checkin_due_now",
    "checkin_overdue",
    "checkin_next",
    "checkin_trip_over",
    "checkin_other_side",
    "checkin_streak",
    "checkin_last",
    "checkin_never",
    "checkin_recorded",
    "checkin_history_title",
    "checkin_unscheduled",
    "slot_label",
    "slot_upcoming",
    "slot_open",
    "slot_done",
    "slot_overdue",
    "slot_missed",
    "family_title",
    "family_empty",
    "family_headline_ok",
    "family_headline_waiting",
    "family_headline_due",
    "family_headline_overdue",
    "family_headline_help",
    "family_phrase_reminder",
    "step_call",
    "step_call_detail",
    "step_call_help_detail",
    "step_hotline",
    "step_embassy",
    "step_embassy_detail",
    "step_police",
    "step_police_detail",
    "fact_name",
    "fact_destination",
    "fact_employer",
    "fact_agency",
    "fact_documents",
    "fact_last_checkin",
    "verify_genuine",
    "verify_genuine_detail",
    "verify_duress",
    "verify_phrase",
    "verify_help_detail",
    "verify_wrong",
    "verify_wrong_detail",
    "verify_replayed",
    "verify_replayed_detail",
    "verify_outside",
    "verify_outside_detail",
    "verify_no_code",
    "verify_no_code_detail",
    "alert_reminder_title",
    "alert_reminder_body",
    "alert_due_title",
    "alert_overdue_title",
    "alert_overdue_body",
    "family_alert_due_title",
    "family_alert_due_body",
    "family_alert_overdue_title",
    "family_alert_overdue_body",
    "family_alert_escalation_title",
    "family_alert_escalation_body",
    "family_history_title",
    "family_handled",
    "step_embassy_saved",
    "family_other_side",
    "step_police_number_detail",
    "pack_title",
    "pack_source",
    "pack_source_embedded",
    "pack_source_installed",
    "pack_version",
    "pack_languages",
    "language_not_reviewed",
    "pack_installed_at",
    "pack_reset",
    "pack_problem",
    "pack_why_bad_format",
    "pack_why_too_large",
    "pack_why_truncated",
    "pack_why_unsigned",
    "pack_why_untrusted_key",
    "pack_why_bad_signature",
    "pack_why_not_newer",
    "pack_why_needs_newer_core",
    "pack_why_invalid_content",
    "search_title",
    "search_empty",
    "search_kind_article",
    "search_kind_checklist_item",
    "search_kind_contact",
    "search_kind_red_flag",
    "reason_blank",
    "reason_too_long",
    "reason_single_line",
    "reason_no_control_characters",
    "reason_empty",
    "reason_checklist_full",
    "reason_built_in_item",
    "reason_offers_full",
    "reason_unknown_question",
    "reason_question_twice",
    "reason_statement_unanswered",
    "reason_statement_twice",
    "reason_unknown_statement",
    "reason_pin_digits",
    "reason_pins_same",
    "reason_pins_already_set",
    "reason_pins_not_set",
    "reason_wrong_pin",
    "reason_pins_changed_elsewhere",
    "reason_no_plan",
    "reason_date_format",
    "reason_day_missing_in_zone",
    "reason_key_wrong",
    "reason_key_length",
    "reason_key_missing",
    "reason_country_code",
    "reason_time_zone_unknown",
    "reason_time_zone_no_database",
    "reason_times_format",
    "reason_ends_before_start",
    "reason_window_range",
    "reason_grace_range",
    "reason_no_days",
    "reason_no_times",
    "reason_every_hours_range",
    "reason_windows_overlap",
    "reason_too_many_checkins",
    "reason_plan_sealed",
    "reason_wrong_passphrase",
    "reason_passphrase_short",
    "reason_not_a_plan",
    "reason_plan_from_newer_app",
    "reason_plan_damaged",
    "reason_plan_contents",
    "reason_plan_field",
    "reason_query_no_words",
    "reason_language_code",
    "reason_phone_country",
    "reason_phone_empty",
    "reason_phone_too_long",
    "reason_phone_dialling_code",
    "reason_phone_too_short",
    "reason_phone_too_many_digits",
    "reason_phone_not_a_number",
    "reason_phone_invalid",
    "reason_phone_duplicate",
    "reason_contacts_full",
    "reason_name_blank",
    "reason_contact_too_long",
    "reason_qr_too_long",
    "reason_qr_undrawable",
    "reason_qr_frame_size",
    "reason_qr_frame_bytes",
    "reason_message_code_once",
    "reason_message_too_long",
];

/// Interface strings in one person's language.
pub(crate) struct Ui<'a> {
    pack: &'a Pack,
    chain: &'a Chain,
}

impl<'a> Ui<'a> {
    pub(crate) fn new(pack: &'a Pack, chain: &'a Chain) -> Self {
        Self { pack, chain }
    }

    /// The content these strings come from.
    pub(crate) fn pack(&self) -> &'a Pack {
        self.pack
    }

    /// The string for `key`. A key missing everywhere is a content bug caught by the content
    /// tests; at run time the key itself is shown rather than failing the whole screen.
    pub(crate) fn text(&self, key: &str) -> String {
        self.pack
            .find(self.chain, |t| t.ui.strings.get(key))
            .map_or_else(|| key.to_owned(), |found| found.value.clone())
    }

    /// The string for `key` with each `{name}` replaced by its value.
    pub(crate) fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        args.iter().fold(self.text(key), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
    }

    /// A language's own name ("Русский"), from its code; the code itself when unknown.
    pub(crate) fn language_name(&self, code: &str) -> String {
        self.pack
            .languages
            .iter()
            .find(|l| l.code == code)
            .map_or_else(|| code.to_owned(), |l| l.name.clone())
    }

    /// The caveat about a country's emergency numbers, if the content has one.
    pub(crate) fn emergency_note(&self, code: &str) -> Option<String> {
        self.pack
            .find(self.chain, |t| t.emergency_notes.get(code))
            .map(|found| found.value.clone())
    }

    /// A country's name, from its ISO 3166-1 alpha-2 code.
    pub(crate) fn country(&self, code: &str) -> String {
        self.pack
            .find(self.chain, |t| t.ui.countries.get(code))
            .map_or_else(|| code.to_owned(), |found| found.value.clone())
    }

    /// A time zone's name as people say it ("Moscow time"), else its IANA name.
    pub(crate) fn zone(&self, zone: &str) -> String {
        self.pack
            .find(self.chain, |t| t.ui.zones.get(zone))
            .map_or_else(|| zone.to_owned(), |found| found.value.clone())
    }

    /// An instant as a local date and time in `zone`.
    pub(crate) fn date_time(&self, at: SystemTime, zone: &Zone) -> String {
        let at: DateTime<Utc> = at.into();
        at.with_timezone(zone)
            .format(&self.text("datetime_format"))
            .to_string()
    }
}

/// Weekly opening hours in the contact's own zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hours {
    pub zone: Zone,
    pub days: Vec<Weekday>,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
    /// Where the hours come from and when they were last confirmed.
    pub source: Option<String>,
    pub confirmed: Option<String>,
    pub checked: Option<String>,
}

impl Hours {
    pub(crate) fn parse(def: &HoursDef) -> Result<Self, String> {
        let zone: Zone = def.zone.parse().map_err(|e: ZoneError| match e {
            ZoneError::Unknown => format!("unknown time zone {:?}", def.zone),
            ZoneError::NoDatabase => e.reason(""),
        })?;
        let time = |s: &str| {
            NaiveTime::parse_from_str(s, "%H:%M")
                .map_err(|_| format!("bad time {s:?}, expected HH:MM"))
        };
        let days = def
            .days
            .iter()
            .map(|d| {
                d.parse::<Weekday>()
                    .map_err(|_| format!("bad weekday {d:?}"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let (opens, closes) = (time(&def.opens)?, time(&def.closes)?);
        if opens >= closes {
            return Err("opening time is not before closing time".into());
        }
        if days.is_empty() {
            return Err("no opening days".into());
        }
        let is_date = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok();
        for (name, date) in [("confirmed", &def.confirmed), ("checked", &def.checked)] {
            if let Some(date) = date.as_deref().filter(|d| !is_date(d)) {
                return Err(format!("{name} {date:?} is not a YYYY-MM-DD date"));
            }
        }
        if def.source.is_none() != def.checked.is_none() {
            return Err("the hours' source and the date it was checked go together".into());
        }
        Ok(Self {
            zone,
            days,
            opens,
            closes,
            source: def.source.clone(),
            confirmed: def.confirmed.clone(),
            checked: def.checked.clone(),
        })
    }

    /// "Mon–Fri, 08:30–18:30, Moscow time".
    pub(crate) fn describe(&self, ui: &Ui<'_>) -> String {
        use Weekday::*;
        let days = if self.days == [Mon, Tue, Wed, Thu, Fri] {
            ui.text("days_weekdays")
        } else {
            let name = |d: &Weekday| ui.text(&format!("day_{}", d.to_string().to_lowercase()));
            self.days.iter().map(name).collect::<Vec<_>>().join(", ")
        };
        ui.format(
            "hours_format",
            &[
                ("days", &days),
                ("opens", &self.opens.format("%H:%M").to_string()),
                ("closes", &self.closes.format("%H:%M").to_string()),
                ("zone", &ui.zone(self.zone.name())),
            ],
        )
    }
}
