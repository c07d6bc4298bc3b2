//! The global options with their defaults filled in from the environment.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::DateTime;

use crate::Env;
use crate::cli::GlobalArgs;
use crate::error::Failure;

/// The zone used when the system's own cannot be found or is not a zone the core knows.
pub(crate) const FALLBACK_ZONE: &str = "UTC";

/// Everything a command needs besides its own arguments.
#[derive(Debug)]
pub(crate) struct Settings {
    pub profile: PathBuf,
    pub language: String,
    pub zone: String,
    /// True when the person chose the zone; the system's zone may be replaced by the fallback.
    pub zone_given: bool,
    pub now: SystemTime,
    pub json: bool,
}

/// The profile's path as the core takes it: the core's paths are UTF-8.
pub(crate) fn profile_path(profile: &Path) -> Result<&str, Failure> {
    profile
        .to_str()
        .ok_or_else(|| Failure::usage("--profile: the path must be valid UTF-8"))
}

/// Fills in the defaults. Creates the default profile's folder, which a fresh user lacks; a
/// folder the person named is never created, so a typo in it is reported, not papered over.
pub(crate) fn resolve(args: &GlobalArgs, env: &Env) -> Result<Settings, Failure> {
    let now = match &args.now {
        Some(text) => parse_now(text)?,
        None => env.now,
    };
    let profile = match &args.profile {
        Some(path) => path.clone(),
        None => default_profile(env)?,
    };
    Ok(Settings {
        profile,
        language: args
            .lang
            .clone()
            .unwrap_or_else(|| language_from_locale(env.locale.as_deref())),
        zone: args
            .zone
            .clone()
            .or_else(|| env.system_zone.clone())
            .unwrap_or_else(|| FALLBACK_ZONE.to_owned()),
        zone_given: args.zone.is_some(),
        now,
        json: args.json,
    })
}

/// "ru_RU.UTF-8" → "ru"; anything else → "en", the language every text exists in.
fn language_from_locale(locale: Option<&str>) -> String {
    match locale {
        Some(locale) if locale.starts_with("ru") => "ru".to_owned(),
        _ => "en".to_owned(),
    }
}

fn parse_now(text: &str) -> Result<SystemTime, Failure> {
    DateTime::parse_from_rfc3339(text)
        .map(SystemTime::from)
        .map_err(|_| {
            Failure::usage(format!(
                "--now: {text:?} is not an RFC 3339 time such as \"2026-03-01T09:30:00Z\""
            ))
        })
}

fn default_profile(env: &Env) -> Result<PathBuf, Failure> {
    let path = env
        .default_profile
        .clone()
        .ok_or_else(|| Failure::other("cannot find your user data folder; pass --profile PATH"))?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|err| {
            Failure::other(format!("cannot create the folder {}: {err}", dir.display()))
        })?;
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_follows_the_locale() {
        assert_eq!(language_from_locale(Some("ru_RU.UTF-8")), "ru");
        assert_eq!(language_from_locale(Some("en_GB.UTF-8")), "en");
        assert_eq!(language_from_locale(Some("C")), "en");
        assert_eq!(language_from_locale(None), "en");
    }

    #[test]
    fn now_accepts_offsets_and_rejects_other_formats() {
        let utc = parse_now("2026-03-01T09:30:00Z").unwrap();
        assert_eq!(parse_now("2026-03-01T12:30:00+03:00").unwrap(), utc);
        for bad in ["yesterday", "2026-03-01", "2026-03-01 09:30", ""] {
            let failure = parse_now(bad).unwrap_err();
            assert_eq!(failure.exit, crate::Exit::Usage, "{bad}");
        }
    }
}
