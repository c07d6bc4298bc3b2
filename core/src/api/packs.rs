//! The content packs' calls: install an update, show what is in use, go back to the built-in
//! content.

use std::time::SystemTime;

use crate::content::keys;
use crate::error::{self, WaymarkError};
use crate::packs::{self, ContentInfo, ContentPackView};
use crate::waymark::Waymark;

#[uniffi::export]
impl Waymark {
    /// Installs a content pack file (as read from disk or received). It must be signed by a key
    /// this app trusts, newer than the content in use, made for this version of Waymark or an
    /// older one, and valid. If any check fails, nothing changes and the error's `kind` says
    /// which one. Installing the pack already in use again changes nothing. Checklist progress,
    /// own contacts, plans and check-ins are kept.
    pub fn install_content_pack(
        &self,
        file: Vec<u8>,
        now: SystemTime,
    ) -> Result<ContentInfo, WaymarkError> {
        self.call(|| self.install_with(&file, now, keys::TRUSTED))
    }

    /// The content screen: what is in use and where it came from.
    pub fn content_pack_view(&self) -> Result<ContentPackView, WaymarkError> {
        Ok(packs::content_pack_view(self.profile()))
    }

    /// Goes back to the content built into the app, removing the installed pack. The person's
    /// own data is kept.
    pub fn reset_content_pack(&self) -> Result<ContentInfo, WaymarkError> {
        self.call(|| packs::reset(self.profile()))
    }
}

impl Waymark {
    /// Installs a pack signed by one of `trusted`: the app's keys, or a test's own.
    pub(crate) fn install_with(
        &self,
        file: &[u8],
        now: SystemTime,
        trusted: &[[u8; 32]],
    ) -> error::Result<ContentInfo> {
        packs::install_with(self.profile(), file, now, trusted)
    }
}
