//! The contacts' calls: the built-in directory, emergency numbers, "help now" and the person's
//! own contacts.

use std::time::SystemTime;

use crate::contacts::{
    ContactView, CountryOption, EmergencyNumbersView, HelpNowView, OwnContactInput,
    OwnContactSaved, OwnContactsView, directory, emergency, help_now, own, own_form,
};
use crate::error::WaymarkError;
use crate::waymark::Waymark;

#[uniffi::export]
impl Waymark {
    /// One contact from the built-in directory, with its opening state at `now`.
    pub fn contact(&self, id: String, now: SystemTime) -> Result<ContactView, WaymarkError> {
        self.call(|| directory::contact_view(self.profile(), &id, now))
    }
}

#[uniffi::export]
impl Waymark {
    /// The emergency numbers of `country` (an ISO 3166-1 alpha-2 code such as "TR").
    pub fn emergency_numbers(&self, country: String) -> Result<EmergencyNumbersView, WaymarkError> {
        self.call(|| emergency::emergency_numbers(self.profile(), &country))
    }

    /// Every country with emergency numbers, sorted by name in the person's language.
    pub fn emergency_countries(&self) -> Vec<CountryOption> {
        emergency::emergency_countries(self.profile())
    }
}

#[uniffi::export]
impl Waymark {
    /// Who to contact first at `now`, for a person in `current_country` (ISO 3166-1 alpha-2,
    /// e.g. "TR"; None when not known), in their language and time zone.
    pub fn help_now(
        &self,
        now: SystemTime,
        current_country: Option<String>,
    ) -> Result<HelpNowView, WaymarkError> {
        self.call(|| help_now::help_now(self.profile(), now, current_country))
    }
}

#[uniffi::export]
impl Waymark {
    /// The person's own contacts.
    pub fn own_contacts(&self) -> Result<OwnContactsView, WaymarkError> {
        self.call(|| own::own_contacts_view(self.profile()))
    }

    /// Saves the own-contact form: adds the contact, or replaces contact `editing` (an id from
    /// `own_contacts`), when every field is right; otherwise nothing changes and every field's
    /// problem comes back in the person's words, in the form's order. A full list, or an id
    /// that is gone, is the call's error.
    pub fn save_own_contact(
        &self,
        editing: Option<String>,
        contact: OwnContactInput,
        now: SystemTime,
    ) -> Result<OwnContactSaved, WaymarkError> {
        self.call(|| own_form::save(self.profile(), editing.as_deref(), &contact, now))
    }

    /// Adds a contact. Bad input (blank name, over-long text, unknown country, a number that is
    /// not valid, a number already saved) is refused with the field named, and nothing is stored.
    pub fn own_contact_add(
        &self,
        contact: OwnContactInput,
        now: SystemTime,
    ) -> Result<OwnContactsView, WaymarkError> {
        self.call(|| own::add(self.profile(), &contact, now))
    }

    /// Replaces every field of contact `id`, with the same checks as adding.
    pub fn own_contact_edit(
        &self,
        id: String,
        contact: OwnContactInput,
        now: SystemTime,
    ) -> Result<OwnContactsView, WaymarkError> {
        self.call(|| own::edit(self.profile(), &id, &contact, now))
    }

    /// Removes contact `id`.
    pub fn own_contact_remove(&self, id: String) -> Result<OwnContactsView, WaymarkError> {
        self.call(|| own::remove(self.profile(), &id))
    }
}
