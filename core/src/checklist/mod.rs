//! The pre-departure checklist: one item per safety rule, plus the person's own items, with the
//! time each was done.

mod store;
#[cfg(test)]
mod tests;

use std::time::SystemTime;

use serde::Serialize;

use crate::error::{Error, Result, reason};
use crate::guide::{ArticleSummary, article_summary};
use crate::profile::{Prefs, Profile};
pub(crate) use store::own_items;

/// The longest own item, in characters.
pub const OWN_ITEM_MAX_CHARS: u32 = 200;
/// The most own items a checklist holds.
pub const OWN_ITEMS_MAX: u32 = 50;

/// The checklist screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ChecklistView {
    /// The screen title.
    pub title: String,
    /// How much is done.
    pub progress: ChecklistProgress,
    /// Built-in items in the order of the safety rules, then the person's own items.
    pub items: Vec<ChecklistItemView>,
    /// False when the person already has the most own items allowed.
    pub can_add_own_item: bool,
    /// Label for an item's `why`, e.g. "Why it matters".
    pub why_label: String,
    /// Label for an item's `how`, e.g. "How to do it".
    pub how_label: String,
    /// Label for an item's article link, e.g. "Read more".
    pub read_more_label: String,
}

/// Progress through the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ChecklistProgress {
    /// Items done.
    pub done: u32,
    /// All items.
    pub total: u32,
    /// Localised, e.g. "7 of 11 done".
    pub label: String,
}

/// One checklist item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, uniffi::Record)]
pub struct ChecklistItemView {
    /// Stable id, used to mark it done or undo it.
    pub id: String,
    /// Position in the list, from 1, as shown to the person.
    pub number: u32,
    /// The safety rule this item comes from (1 to 11); None for the person's own items.
    pub rule: Option<u32>,
    /// What to do.
    pub title: String,
    /// Why it matters (built-in items only).
    pub why: Option<String>,
    /// How to do it (built-in items only).
    pub how: Option<String>,
    /// The guide article that explains it (built-in items only).
    pub article: Option<ArticleSummary>,
    /// Whether it is done.
    pub done: bool,
    /// When it was done.
    #[serde(with = "crate::time_json::option")]
    pub done_at: Option<SystemTime>,
    /// When it was done, localised in the person's zone, e.g. "Done 3 Mar 2026, 14:05".
    pub done_label: Option<String>,
    /// True for an item the person added.
    pub is_own: bool,
    /// The language the texts are in; None for the person's own items.
    pub language: Option<String>,
}

/// The checklist with progress.
pub(crate) fn checklist_view(profile: &Profile) -> Result<ChecklistView> {
    checklist_view_in(profile, &profile.prefs())
}

/// The checklist in the snapshot `prefs`, so a screen made of several views reads one.
pub(crate) fn checklist_view_in(profile: &Profile, prefs: &Prefs) -> Result<ChecklistView> {
    let ui = prefs.ui();
    let (progress, own) = profile
        .db
        .read(|conn| Ok((store::progress(conn)?, store::own_items(conn)?)))?;
    let done_label = |at: Option<SystemTime>| {
        at.map(|at| ui.format("done_at", &[("when", &ui.date_time(at, &prefs.zone))]))
    };
    let mut items = Vec::with_capacity(prefs.pack.checklist.len() + own.len());
    for def in &prefs.pack.checklist {
        let text = prefs
            .pack
            .find(&prefs.chain, |t| t.checklist.get(&def.id))
            .ok_or_else(|| Error::Content(format!("checklist item {} has no text", def.id)))?;
        let done_at = progress.get(&def.id).copied();
        items.push(ChecklistItemView {
            id: def.id.clone(),
            number: items.len() as u32 + 1,
            rule: Some(def.rule),
            title: text.value.title.clone(),
            why: Some(text.value.why.clone()),
            how: Some(text.value.how.clone()),
            article: Some(article_summary(prefs, &def.article)?),
            done: done_at.is_some(),
            done_at,
            done_label: done_label(done_at),
            is_own: false,
            language: Some(text.language.to_owned()),
        });
    }
    let can_add_own_item = (own.len() as u32) < OWN_ITEMS_MAX;
    for item in own {
        let done_at = progress.get(&item.id).copied();
        items.push(ChecklistItemView {
            number: items.len() as u32 + 1,
            id: item.id,
            rule: None,
            title: item.text,
            why: None,
            how: None,
            article: None,
            done: done_at.is_some(),
            done_at,
            done_label: done_label(done_at),
            is_own: true,
            language: None,
        });
    }
    Ok(ChecklistView {
        title: ui.text("checklist_title"),
        progress: progress_of(&items, prefs),
        items,
        can_add_own_item,
        why_label: ui.text("label_why"),
        how_label: ui.text("label_how"),
        read_more_label: ui.text("label_read_more"),
    })
}

fn require_item(profile: &Profile, conn: &rusqlite::Connection, item_id: &str) -> Result<()> {
    if profile.pack().checklist.iter().any(|i| i.id == item_id)
        || store::own_item_exists(conn, item_id)?
    {
        Ok(())
    } else {
        Err(Error::not_found("checklist item", item_id))
    }
}

/// Marks an item done at `now`; marking a done item again keeps the first time.
pub(crate) fn mark_done(
    profile: &Profile,
    item_id: &str,
    now: SystemTime,
) -> Result<ChecklistView> {
    profile.db.write(|tx| {
        require_item(profile, tx, item_id)?;
        store::mark_done(tx, item_id, now)
    })?;
    checklist_view(profile)
}

/// Marks an item as not done.
pub(crate) fn undo(profile: &Profile, item_id: &str) -> Result<ChecklistView> {
    profile.db.write(|tx| {
        require_item(profile, tx, item_id)?;
        store::undo(tx, item_id)
    })?;
    checklist_view(profile)
}

/// Adds the person's own item to the end of the list, if the list has room.
pub(crate) fn add_own_item(
    profile: &Profile,
    text: &str,
    now: SystemTime,
) -> Result<ChecklistView> {
    let text = validate_own_text(text)?;
    profile.db.write(|tx| {
        if store::own_item_count(tx)? >= OWN_ITEMS_MAX {
            return Err(Error::invalid_with(
                "text",
                reason::CHECKLIST_FULL,
                &[("max", OWN_ITEMS_MAX.to_string())],
            ));
        }
        store::add_own_item(tx, &text, now)
    })?;
    checklist_view(profile)
}

/// Removes one of the person's own items and its progress; built-in items stay.
pub(crate) fn remove_own_item(profile: &Profile, item_id: &str) -> Result<ChecklistView> {
    profile.db.write(|tx| {
        if profile.pack().checklist.iter().any(|i| i.id == item_id) {
            return Err(Error::invalid("item_id", reason::BUILT_IN_ITEM));
        }
        if !store::own_item_exists(tx, item_id)? {
            return Err(Error::not_found("checklist item", item_id));
        }
        store::remove_own_item(tx, item_id)
    })?;
    checklist_view(profile)
}

fn progress_of(items: &[ChecklistItemView], prefs: &Prefs) -> ChecklistProgress {
    let done = items.iter().filter(|i| i.done).count() as u32;
    let total = items.len() as u32;
    let label = prefs.ui().format(
        "progress_label",
        &[("done", &done.to_string()), ("total", &total.to_string())],
    );
    ChecklistProgress { done, total, label }
}

/// Trims the text and checks it is not blank, not too long and has no control characters.
fn validate_own_text(text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid("text", reason::BLANK));
    }
    if text.chars().count() > OWN_ITEM_MAX_CHARS as usize {
        return Err(Error::invalid_with(
            "text",
            reason::TOO_LONG,
            &[("max", OWN_ITEM_MAX_CHARS.to_string())],
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(Error::invalid("text", reason::SINGLE_LINE));
    }
    Ok(text.to_owned())
}
