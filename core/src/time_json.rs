//! Instants in JSON as RFC 3339 UTC strings, so `--json` output reads well and parses anywhere.

use std::time::SystemTime;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serializer;

/// RFC 3339 in UTC with millisecond precision, e.g. "2026-03-01T09:30:00.000Z".
pub fn rfc3339(at: SystemTime) -> String {
    DateTime::<Utc>::from(at).to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// For `SystemTime` fields.
pub(crate) fn serialize<S: Serializer>(at: &SystemTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&rfc3339(*at))
}

/// For `Option<SystemTime>` fields.
pub(crate) mod option {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        at: &Option<SystemTime>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match at {
            Some(at) => s.serialize_some(&rfc3339(*at)),
            None => s.serialize_none(),
        }
    }
}
