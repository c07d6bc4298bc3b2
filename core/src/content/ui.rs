//! Interface strings (labels, status words, formats) looked up along the language chain, and the
//! few formatting rules that turn data into words: local date-times, country, zone and language
//! names.

use std::time::SystemTime;

use crate::zone::Zone;
use chrono::{DateTime, Utc};

use super::language::Chain;
use super::pack::Pack;

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

    /// A built-in contact's texts, if the content has them.
    pub(crate) fn contact(&self, id: &str) -> Option<&'a super::ContactText> {
        self.pack
            .find(self.chain, |t| t.contacts.get(id))
            .map(|found| found.value)
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

    /// A calendar day, as the content writes dates.
    pub(crate) fn date(&self, day: chrono::NaiveDate) -> String {
        day.format(&self.text("date_format")).to_string()
    }

    /// An instant as a local date and time in `zone`.
    pub(crate) fn date_time(&self, at: SystemTime, zone: &Zone) -> String {
        let at: DateTime<Utc> = at.into();
        at.with_timezone(zone)
            .format(&self.text("datetime_format"))
            .to_string()
    }
}
