//! The top layer: the entry object's exported calls, one file per feature. Each call is thin:
//! it hands the profile to the feature's function and gives an error back in the person's
//! language (`Waymark::call`), so the UniFFI surface is read here in one place and no feature
//! needs the entry object.
//!
//! UniFFI lists an object's methods by module path, then by name; the files are named so the
//! generated bindings keep the order they had before this layer existed (waymark.rs,
//! checkins/message.rs and checkins/plan_form.rs follow the modules the methods came from).

mod checkins;
mod checklist;
mod contacts;
mod guide;
mod home;
mod lock;
mod packs;
mod screening;
mod search;
mod shell_texts;
mod speech;
pub(crate) mod waymark;
