//! Help where the person is, from the built-in list (`local-help.toml`): the embassies and
//! consulates in a country, and its lines for victims of trafficking or for migrant workers, each
//! with the page its number comes from. "Help now" lists them for the country the person is in;
//! the family's steps list them for the traveller's destination.

use crate::content::local_help::{LOCAL_LINE, helps_in};
use crate::content::ui::Ui;
use crate::content::{ContactDef, PhoneDef};
use crate::error::{Error, Result};

/// The two kinds of built-in help, listed by the country they are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Embassies, consulates and other offices, and the lines countries keep for their
    /// citizens abroad: each helps its own citizens.
    Mission,
    /// Lines for victims of trafficking or for migrant workers.
    LocalLine,
}

/// One built-in contact in the person's language.
pub(crate) struct LocalHelp<'a> {
    pub def: &'a ContactDef,
    /// The number to show first.
    pub phone: &'a PhoneDef,
    /// Its name as a list shows it: with "(not confirmed)" when its number is not.
    pub title: String,
    /// What it is for, in a sentence or two.
    pub description: String,
    /// Where the number comes from, or that it is not confirmed.
    pub source_text: Option<String>,
}

impl LocalHelp<'_> {
    /// Whether the number can be dialled from outside the country it is in.
    pub(crate) fn dialable_from_abroad(&self) -> bool {
        self.phone.dial_from.is_empty()
    }
}

/// The built-in contacts of `kind` for a person in `country` (ISO 3166-1 alpha-2), in the
/// file's order.
pub(crate) fn local_help<'a>(ui: &Ui<'a>, country: &str, kind: Kind) -> Result<Vec<LocalHelp<'a>>> {
    ui.pack()
        .contacts
        .iter()
        .filter(|def| match kind {
            Kind::Mission => helps_in(def, country),
            Kind::LocalLine => def.kind == LOCAL_LINE && def.country.eq_ignore_ascii_case(country),
        })
        .map(|def| {
            let text = ui
                .contact(&def.id)
                .ok_or_else(|| Error::Content(format!("contact {} has no text", def.id)))?;
            let phone = def
                .phones
                .first()
                .ok_or_else(|| Error::Content(format!("contact {} has no phone number", def.id)))?;
            Ok(LocalHelp {
                def,
                phone,
                title: title(ui, !def.unconfirmed, &text.name),
                description: text.description.clone(),
                source_text: super::directory::source_text(def, ui),
            })
        })
        .collect()
}

/// A built-in contact's name as a list or a voice gives it: marked when its number is not
/// confirmed, so the mark is seen before the number is dialled.
pub(crate) fn title(ui: &Ui<'_>, confirmed: bool, name: &str) -> String {
    if confirmed {
        name.to_owned()
    } else {
        ui.format("contact_not_confirmed_title", &[("name", name)])
    }
}
