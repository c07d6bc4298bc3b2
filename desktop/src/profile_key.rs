//! The profile key on the desktop: 32 random bytes in a file beside the profile
//! (`PROFILE.key`), readable and writable by its owner only (mode 0600), made before the profile
//! itself. It keeps the profile from other users of the computer, not from someone who can read
//! the owner's files (README.md says so).

use std::path::{Path, PathBuf};

use waymark_core::{ProfileAtRest, profile_at_rest};

use crate::error::{Failure, from_core};
use crate::settings;

/// The key file of the profile at `profile`.
pub(crate) fn key_path(profile: &Path) -> PathBuf {
    let mut name = profile.file_name().unwrap_or_default().to_os_string();
    name.push(".key");
    profile.with_file_name(name)
}

/// The profile's key, made (before the profile) when there is no key file yet and the profile
/// is new or was written unencrypted by an earlier version (the core tells which). An encrypted
/// profile whose key file is missing or damaged is refused: a new key would not open it, and
/// nothing is changed. In a folder that does not exist no key is kept: the core's open then
/// says what is wrong with the folder, and creates nothing either.
pub(crate) fn load_or_create(profile: &Path) -> Result<Vec<u8>, Failure> {
    let path = key_path(profile);
    let folder = match profile.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return random_key().map_err(|_| Failure::other("the system has no random source"));
    }
    let failed = |err: std::io::Error| {
        Failure::other(format!("cannot use the key file {}: {err}", path.display()))
    };
    match std::fs::read(&path) {
        Ok(key) if key.len() == 32 => Ok(key),
        Ok(_) => Err(Failure::other(format!(
            "the key file {} is damaged: the profile cannot be opened without its key",
            path.display()
        ))),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            if at_rest(profile)? == ProfileAtRest::Encrypted {
                return Err(Failure::other(format!(
                    "the key file {} is missing: the profile {} is encrypted and cannot be \
                     opened without it",
                    path.display(),
                    profile.display()
                )));
            }
            create(&path).map_err(failed)
        }
        Err(err) => Err(failed(err)),
    }
}

/// Removes the key file, after the profile was erased.
pub(crate) fn remove(profile: &Path) -> Result<(), Failure> {
    let path = key_path(profile);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(Failure::other(format!(
            "cannot remove the key file {}: {err}",
            path.display()
        ))),
    }
}

fn at_rest(profile: &Path) -> Result<ProfileAtRest, Failure> {
    profile_at_rest(settings::profile_path(profile)?.to_owned())
        .map_err(|err| from_core(err, profile))
}

fn random_key() -> std::io::Result<Vec<u8>> {
    let mut key = vec![0u8; 32];
    getrandom::fill(&mut key).map_err(|_| std::io::Error::other("no random source"))?;
    Ok(key)
}

fn create(path: &Path) -> std::io::Result<Vec<u8>> {
    let key = random_key()?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    use std::io::Write as _;
    let mut file = options.open(path)?;
    file.write_all(&key)?;
    file.sync_all()?;
    Ok(key)
}
