//! The checklist's calls.

use std::time::SystemTime;

use crate::checklist::{self, ChecklistView};
use crate::error::WaymarkError;
use crate::waymark::Waymark;

#[uniffi::export]
impl Waymark {
    /// The checklist with progress.
    pub fn checklist(&self) -> Result<ChecklistView, WaymarkError> {
        self.call(|| checklist::checklist_view(self.profile()))
    }

    /// Marks an item done at `now`. Marking a done item again keeps the first time.
    pub fn checklist_mark_done(
        &self,
        item_id: String,
        now: SystemTime,
    ) -> Result<ChecklistView, WaymarkError> {
        self.call(|| checklist::mark_done(self.profile(), &item_id, now))
    }

    /// Marks an item as not done.
    pub fn checklist_undo(&self, item_id: String) -> Result<ChecklistView, WaymarkError> {
        self.call(|| checklist::undo(self.profile(), &item_id))
    }

    /// Adds the person's own item to the end of the list. The text must be one line, not blank
    /// and at most 200 characters long; a checklist holds at most 50 own items (see
    /// `can_add_own_item`).
    pub fn checklist_add_own_item(
        &self,
        text: String,
        now: SystemTime,
    ) -> Result<ChecklistView, WaymarkError> {
        self.call(|| checklist::add_own_item(self.profile(), &text, now))
    }

    /// Removes one of the person's own items and its progress. Built-in items cannot be removed.
    pub fn checklist_remove_own_item(
        &self,
        item_id: String,
    ) -> Result<ChecklistView, WaymarkError> {
        self.call(|| checklist::remove_own_item(self.profile(), &item_id))
    }
}
