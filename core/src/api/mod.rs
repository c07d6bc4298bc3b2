//! The top layer: the entry object's exported calls, one file per feature. Each call is thin:
//! it hands the profile to the feature's function and gives an error back in the person's
//! language (`Waymark::call`), so the UniFFI surface is read here in one place and no feature
//! needs the entry object.

mod checkins;
mod checklist;
mod contacts;
mod guide;
mod home;
mod packs;
mod screening;
mod search;
mod settings;
mod shell_texts;
mod speech;
