//! The profile file: one SQLite database per profile, encrypted whole with the profile key,
//! opened in WAL mode, migrated on open, and written only inside transactions.

mod db;
mod diagnosis;
mod millis;
mod schema;
pub(crate) mod seal;
pub(crate) mod settings;

pub(crate) use db::Db;
pub(crate) use millis::{from_millis, to_millis};
pub use seal::{ProfileAtRest, integrity_check};
pub(crate) use seal::{ProfileKey, at_rest, erase_files};
