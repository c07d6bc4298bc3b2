//! The app lock and the disguise: which PIN opens what, the growing wait after wrong PINs, and
//! the screens that show them. Which profile the calls then see (the real one, or the harmless
//! view's) is the entry object's (waymark.rs).

#[cfg(test)]
mod tests;
pub(crate) mod unlock;
pub(crate) mod view;
pub(crate) mod waits;

pub use view::{DisguiseView, LockView, ShellPlatform};
pub(crate) use view::{LockState, disguise_view, lock_view};
