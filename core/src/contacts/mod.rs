//! Contacts: the built-in directory (directory.rs) with opening hours in both zones (hours.rs)
//! and where its numbers can be dialled from (reachability.rs); country emergency numbers
//! (emergency.rs); the person's own contacts (own.rs, stored by store.rs, numbers checked by
//! phone.rs); the embassies and local help lines by country (local_help.rs); and "help now",
//! which puts them in order for the moment (help_now.rs).

pub(crate) mod directory;
pub(crate) mod emergency;
pub(crate) mod help_now;
mod hours;
pub(crate) mod local_help;
#[cfg(test)]
mod local_help_tests;
pub(crate) mod own;
pub(crate) mod own_form;
pub(crate) mod phone;
mod reachability;
mod store;
#[cfg(test)]
mod tests;

pub use directory::{ContactLabels, ContactRef, ContactView, PhoneView};
pub use emergency::{CountryOption, EmergencyLine, EmergencyNumbersView, EmergencyService};
pub use help_now::{HelpNowView, HelpStep, HelpStepKind};
pub use hours::OpeningView;
pub use own::{
    OWN_CONTACT_NAME_MAX_CHARS, OWN_CONTACT_NOTES_MAX_CHARS, OWN_CONTACTS_MAX, OwnContactInput,
    OwnContactKind, OwnContactKindOption, OwnContactView, OwnContactsView,
};
pub use own_form::{OwnContactField, OwnContactFieldError, OwnContactSaved};
pub use phone::ContactAction;
pub use reachability::Reachability;

pub(crate) use store::list as own_contact_rows;
