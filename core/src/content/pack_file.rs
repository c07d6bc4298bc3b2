//! The signed content pack file: a manifest, the content files (compiled to JSON, compile.rs)
//! and an Ed25519 signature over both. The layout is described in `core/content/README.md`
//! ("Pack files").
//!
//! Reading checks, in order: the size limit, the magic line, the layout (every length within
//! the file), the signature (by a trusted key, over every byte before it), the manifest. What
//! the content says is judged afterwards by the same loader as the embedded pack.
//!
//! Writing (for publishers: `cargo xtask pack`) lives here too, so the format has one
//! definition. It is plain Rust API, not exported through UniFFI, so the mobile library's
//! link-time optimisation drops it.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::Deserialize;

use super::compile;
use super::format::{Json, Toml};
use super::pack::Pack;
use crate::error::PackRejection;

/// The first bytes of every pack file: the format's name and its version. Format 1 carried the
/// TOML sources and a TOML manifest; format 2 carries them compiled to JSON.
const MAGIC: &[u8] = b"waymark-pack 2\n";
/// What every version of the format starts with, to tell another format from "not a pack".
const MAGIC_NAME: &[u8] = b"waymark-pack ";
/// The format version in [`MAGIC`].
const FORMAT_VERSION: u32 = 2;

/// The largest pack file accepted, checked before anything else is read. The content is about
/// 0.2 MB today; the limit leaves room for many more languages.
pub const CONTENT_PACK_MAX_BYTES: u64 = 4 * 1024 * 1024;
const MAX_MANIFEST_BYTES: usize = 4 * 1024;
const MAX_FILES: usize = 256;
const MAX_PATH_BYTES: usize = 128;
const MAX_FILE_BYTES: usize = 1024 * 1024;

const PUBLIC_KEY_BYTES: usize = 32;
const SIGNATURE_BYTES: usize = 64;
/// The signer's public key and the signature, at the end of a signed pack.
const TRAILER_BYTES: usize = PUBLIC_KEY_BYTES + SIGNATURE_BYTES;

/// A refusal: which check failed, and the details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rejected {
    pub kind: PackRejection,
    pub reason: String,
}

impl Rejected {
    pub(crate) fn new(kind: PackRejection, reason: impl Into<String>) -> Self {
        Self {
            kind,
            reason: reason.into(),
        }
    }
}

impl From<Rejected> for crate::error::Error {
    fn from(rejected: Rejected) -> Self {
        crate::error::Error::Rejected {
            kind: rejected.kind,
            reason: rejected.reason,
        }
    }
}

/// What a pack says about itself, signed with its content (JSON in the pack).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackManifest {
    /// The pack's id; the same as `[pack] id` in its structure.toml (`pack.id` in structure.json).
    pub id: String,
    /// The pack's version; the same as `[pack] version` in its structure.toml.
    pub version: u32,
    /// The languages with texts of their own, as in its languages.toml.
    pub languages: Vec<String>,
    /// The oldest Waymark core that can show this content ("0.1.0").
    pub min_core_version: String,
}

/// A pack whose layout and signature were checked; the content is not judged yet.
#[derive(Debug)]
pub(crate) struct SignedPack {
    pub manifest: PackManifest,
    pub files: Vec<(String, String)>,
}

impl SignedPack {
    /// Loads the content with the embedded pack's loader and checks that it is what the
    /// manifest says it is.
    pub(crate) fn load(&self) -> Result<Pack, Rejected> {
        let files: Vec<(&str, &str)> = self
            .files
            .iter()
            .map(|(path, text)| (path.as_str(), text.as_str()))
            .collect();
        let invalid = |reason: String| Rejected::new(PackRejection::InvalidContent, reason);
        let pack = Pack::from_files::<Json>(&files).map_err(invalid)?;
        let manifest = &self.manifest;
        if pack.id != manifest.id || pack.version != manifest.version {
            return Err(invalid(format!(
                "the manifest says {} version {}, structure.json says {} version {}",
                manifest.id, manifest.version, pack.id, pack.version
            )));
        }
        let written = written_languages(&pack);
        if written != manifest.languages {
            return Err(invalid(format!(
                "the manifest lists the languages {:?}, the content has texts in {written:?}",
                manifest.languages
            )));
        }
        Ok(pack)
    }
}

fn written_languages(pack: &Pack) -> Vec<String> {
    pack.languages
        .iter()
        .filter(|l| l.texts)
        .map(|l| l.code.clone())
        .collect()
}

/// Reads a pack file: checks its size, layout and signature against `trusted` public keys, and
/// that this core (`core_version`) is new enough for it.
pub(crate) fn open(
    bytes: &[u8],
    trusted: &[[u8; PUBLIC_KEY_BYTES]],
    core_version: &str,
) -> Result<SignedPack, Rejected> {
    use PackRejection::*;
    if bytes.len() as u64 > CONTENT_PACK_MAX_BYTES {
        return Err(Rejected::new(
            TooLarge,
            format!(
                "the file has {} bytes; a pack may have at most {CONTENT_PACK_MAX_BYTES}",
                bytes.len()
            ),
        ));
    }
    if !bytes.starts_with(MAGIC) {
        return Err(if MAGIC.starts_with(bytes) && !bytes.is_empty() {
            Rejected::new(Truncated, "the file ends inside its first line")
        } else if let Some(rest) = bytes.strip_prefix(MAGIC_NAME) {
            match format_version(rest) {
                Some(version) if version > FORMAT_VERSION => Rejected::new(
                    BadFormat,
                    "the pack is in a newer file format than this version of Waymark reads; update the app",
                ),
                Some(_) => Rejected::new(
                    BadFormat,
                    "the pack is in an older file format that this version of Waymark no longer reads; \
                     ask the publisher for a new copy",
                ),
                None => Rejected::new(BadFormat, "this is not a Waymark content pack"),
            }
        } else {
            Rejected::new(BadFormat, "this is not a Waymark content pack")
        });
    }
    let mut reader = Reader {
        bytes,
        at: MAGIC.len(),
    };
    let manifest_len = reader.u32("the manifest's length")? as usize;
    if manifest_len > MAX_MANIFEST_BYTES {
        return Err(Rejected::new(
            BadFormat,
            format!("the manifest is longer than {MAX_MANIFEST_BYTES} bytes"),
        ));
    }
    let manifest_text = reader.text(manifest_len, "the manifest")?;
    let count = reader.u32("the number of files")? as usize;
    if count > MAX_FILES {
        return Err(Rejected::new(
            BadFormat,
            format!("the pack has {count} files; at most {MAX_FILES} are allowed"),
        ));
    }
    let mut files: Vec<(String, String)> = Vec::with_capacity(count);
    for _ in 0..count {
        let path_len = reader.u16("a file's path length")? as usize;
        if path_len > MAX_PATH_BYTES {
            return Err(Rejected::new(
                BadFormat,
                format!("a file's path is longer than {MAX_PATH_BYTES} bytes"),
            ));
        }
        let path = reader.text(path_len, "a file's path")?;
        check_path(path)?;
        if files.iter().any(|(p, _)| p == path) {
            return Err(Rejected::new(
                BadFormat,
                format!("the file {path} appears twice"),
            ));
        }
        let len = reader.u32("a file's length")? as usize;
        if len > MAX_FILE_BYTES {
            return Err(Rejected::new(
                BadFormat,
                format!("the file {path} is longer than {MAX_FILE_BYTES} bytes"),
            ));
        }
        let text = reader.text(len, path)?;
        files.push((path.to_owned(), text.to_owned()));
    }
    let signed_len = reader.at;
    match bytes.len() - signed_len {
        0 => return Err(Rejected::new(Unsigned, "the pack has no signature")),
        n if n < TRAILER_BYTES => {
            return Err(Rejected::new(
                Truncated,
                "the file ends inside its signature",
            ));
        }
        n if n > TRAILER_BYTES => {
            return Err(Rejected::new(
                BadFormat,
                "there are unexpected bytes after the signature",
            ));
        }
        _ => {}
    }
    let signer: [u8; PUBLIC_KEY_BYTES] = bytes[signed_len..signed_len + PUBLIC_KEY_BYTES]
        .try_into()
        .map_err(|_| Rejected::new(Truncated, "the file ends inside its signature"))?;
    let signature: [u8; SIGNATURE_BYTES] = bytes[signed_len + PUBLIC_KEY_BYTES..]
        .try_into()
        .map_err(|_| Rejected::new(Truncated, "the file ends inside its signature"))?;
    verify(
        &bytes[..signed_len + PUBLIC_KEY_BYTES],
        &signer,
        &signature,
        trusted,
    )?;

    let manifest: PackManifest = serde_json::from_str(manifest_text)
        .map_err(|e| Rejected::new(BadFormat, format!("the manifest cannot be read: {e}")))?;
    let needed = parse_version(&manifest.min_core_version).ok_or_else(|| {
        Rejected::new(
            BadFormat,
            "the manifest's min_core_version is not MAJOR.MINOR.PATCH",
        )
    })?;
    let have = parse_version(core_version)
        .ok_or_else(|| Rejected::new(BadFormat, "this core's own version cannot be read"))?;
    if needed > have {
        return Err(Rejected::new(
            NeedsNewerCore,
            format!(
                "the pack needs Waymark {} or newer; this is {core_version}; update the app first",
                manifest.min_core_version
            ),
        ));
    }
    Ok(SignedPack { manifest, files })
}

/// Checks that `signature` by `signer` covers `signed`, and that `signer` is trusted.
fn verify(
    signed: &[u8],
    signer: &[u8; PUBLIC_KEY_BYTES],
    signature: &[u8; SIGNATURE_BYTES],
    trusted: &[[u8; PUBLIC_KEY_BYTES]],
) -> Result<(), Rejected> {
    if !trusted.contains(signer) {
        return Err(Rejected::new(
            PackRejection::UntrustedKey,
            format!(
                "the pack is signed by key {}, which this app does not trust",
                hex(signer)
            ),
        ));
    }
    let bad = || {
        Rejected::new(
            PackRejection::BadSignature,
            "the signature does not match the pack: it was changed after signing",
        )
    };
    let key = VerifyingKey::from_bytes(signer).map_err(|_| bad())?;
    key.verify_strict(signed, &Signature::from_bytes(signature))
        .map_err(|_| bad())
}

/// Paths are relative, lower-case and plain, like `ru/guide.toml`: nothing a file system could
/// read as a parent folder, an absolute path or a drive.
fn check_path(path: &str) -> Result<(), Rejected> {
    let plain = !path.is_empty()
        && path.split('/').all(|part| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
        });
    if plain {
        Ok(())
    } else {
        Err(Rejected::new(
            PackRejection::BadFormat,
            "a file's path is not a plain relative path such as \"ru/guide.toml\"",
        ))
    }
}

/// The format version at the start of `rest` (what follows [`MAGIC_NAME`]), up to the end of
/// the first line: "7\n..." → 7.
fn format_version(rest: &[u8]) -> Option<u32> {
    let line = rest.split(|b| *b == b'\n').next()?;
    let digits = std::str::from_utf8(line).ok()?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // A number too large for u32 is still a version number, and newer than this one.
    Some(digits.parse().unwrap_or(u32::MAX))
}

/// "1.2.3" → (1, 2, 3); anything else, including pre-release tags, → None.
fn parse_version(text: &str) -> Option<(u64, u64, u64)> {
    let mut parts = text.split('.').map(|p| {
        (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u64>().ok())
            .flatten()
    });
    let version = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(version)
}

/// Reads the layout front to back; every length is checked against what is left before it is
/// used, so a lying length cannot make the reader allocate or read past the end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], Rejected> {
        let end = self
            .at
            .checked_add(n)
            .filter(|end| *end <= self.bytes.len())
            .ok_or_else(|| {
                Rejected::new(
                    PackRejection::Truncated,
                    format!("the file ends inside {what}"),
                )
            })?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn u16(&mut self, what: &str) -> Result<u16, Rejected> {
        let bytes = self.take(2, what)?;
        Ok(u16::from_le_bytes([bytes[0], bytes[1]]))
    }

    fn u32(&mut self, what: &str) -> Result<u32, Rejected> {
        let bytes = self.take(4, what)?;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    fn text(&mut self, n: usize, what: &str) -> Result<&'a str, Rejected> {
        let bytes = self.take(n, what)?;
        std::str::from_utf8(bytes).map_err(|_| {
            Rejected::new(
                PackRejection::BadFormat,
                format!("{what} is not UTF-8 text"),
            )
        })
    }
}

// ---- Writing (publishers) ----

/// An Ed25519 key that signs content packs. Its file holds the secret in hex; keep it outside
/// the repository.
pub struct PackSigningKey(SigningKey);

/// What the key file looks like.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    secret: String,
    public: String,
}

impl PackSigningKey {
    /// A new random key, from the system's random source.
    pub fn generate() -> Result<Self, String> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| format!("the random source failed: {e}"))?;
        Ok(Self(SigningKey::from_bytes(&seed)))
    }

    /// A key from the text of its key file (as [`PackSigningKey::to_key_file`] writes it).
    pub fn from_key_file(text: &str) -> Result<Self, String> {
        let file: KeyFile =
            toml::from_str(text).map_err(|e| format!("not a pack key file: {}", e.message()))?;
        let seed: [u8; 32] = unhex(&file.secret)
            .and_then(|bytes| bytes.try_into().ok())
            .ok_or("the secret is not 64 hex digits")?;
        let key = Self(SigningKey::from_bytes(&seed));
        if key.public_key_hex() != file.public.to_ascii_lowercase() {
            return Err("the public key does not belong to the secret".into());
        }
        Ok(key)
    }

    /// The key file's text: the secret and, for reference, the public key.
    pub fn to_key_file(&self) -> String {
        format!(
            "# A Waymark content pack signing key (Ed25519). Keep it secret and out of the repository.\n\
             secret = \"{}\"\npublic = \"{}\"\n",
            hex(self.0.as_bytes()),
            self.public_key_hex()
        )
    }

    /// The public key in hex, as it is listed among the trusted keys.
    pub fn public_key_hex(&self) -> String {
        hex(self.0.verifying_key().as_bytes())
    }

    /// The public key's bytes.
    pub fn public_key(&self) -> [u8; 32] {
        self.0.verifying_key().to_bytes()
    }
}

/// What [`build_pack`] should change from what the content sources say.
#[derive(Debug, Clone, Default)]
pub struct PackOptions {
    /// The pack id; by default `[pack] id` in structure.toml.
    pub id: Option<String>,
    /// The pack version; by default `[pack] version` in structure.toml.
    pub version: Option<u32>,
    /// The oldest core that can show it; by default this core's version.
    pub min_core_version: Option<String>,
}

/// Builds and signs a pack from the content sources (`path`, TOML text; paths relative to
/// `core/content/`). The content is loaded and checked first, from the TOML, so a publisher sees
/// the same error a phone would, at the line it is on; then every file is compiled to JSON, the
/// form phones read. A different id or version is written into structure.toml's `[pack]` table
/// before that, so the manifest and the content always agree.
pub fn build_pack(
    files: &[(String, String)],
    options: &PackOptions,
    key: &PackSigningKey,
) -> Result<Vec<u8>, String> {
    let mut files = files.to_vec();
    files.sort();
    if options.id.is_some() || options.version.is_some() {
        let structure = files
            .iter_mut()
            .find(|(path, _)| path == "structure.toml")
            .ok_or("structure.toml: missing")?;
        structure.1 = set_pack_table(&structure.1, options)?;
    }
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let pack = Pack::from_files::<Toml>(&borrowed)?;
    if !plain_id(&pack.id) || !pack.languages.iter().all(|l| plain_id(&l.code)) {
        return Err(
            "the pack id and language codes must be lower-case letters, digits, '.', '_' or '-'"
                .into(),
        );
    }
    let manifest = PackManifest {
        id: pack.id.clone(),
        version: pack.version,
        languages: written_languages(&pack),
        min_core_version: options
            .min_core_version
            .clone()
            .unwrap_or_else(|| env!("CARGO_PKG_VERSION").to_owned()),
    };
    if parse_version(&manifest.min_core_version).is_none() {
        return Err("the minimum core version must be MAJOR.MINOR.PATCH, e.g. 0.1.0".into());
    }
    let compiled = compile::compile_files(&files)?;
    // Loading what phones will load catches a source the compiled form cannot carry.
    let borrowed: Vec<(&str, &str)> = compiled
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    Pack::from_files::<Json>(&borrowed)?;
    let body = encode_unsigned(&manifest_text(&manifest), &compiled)?;
    Ok(sign(body, key))
}

/// The manifest as written into a pack: a JSON object.
pub(crate) fn manifest_text(manifest: &PackManifest) -> String {
    serde_json::json!({
        "id": manifest.id,
        "version": manifest.version,
        "languages": manifest.languages,
        "min_core_version": manifest.min_core_version,
    })
    .to_string()
}

/// Ids are lower-case letters, digits, '.', '_' and '-' ("waymark.default").
fn plain_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
}

/// The unsigned part of a pack: magic, manifest and files.
pub(crate) fn encode_unsigned(
    manifest: &str,
    files: &[(String, String)],
) -> Result<Vec<u8>, String> {
    let mut out = MAGIC.to_vec();
    if manifest.len() > MAX_MANIFEST_BYTES || files.len() > MAX_FILES {
        return Err("the manifest or the number of files is over the format's limits".into());
    }
    out.extend((manifest.len() as u32).to_le_bytes());
    out.extend(manifest.as_bytes());
    out.extend((files.len() as u32).to_le_bytes());
    for (path, text) in files {
        check_path(path).map_err(|r| format!("{path}: {}", r.reason))?;
        if path.len() > MAX_PATH_BYTES || text.len() > MAX_FILE_BYTES {
            return Err(format!("{path}: over the format's size limits"));
        }
        out.extend((path.len() as u16).to_le_bytes());
        out.extend(path.as_bytes());
        out.extend((text.len() as u32).to_le_bytes());
        out.extend(text.as_bytes());
    }
    if out.len() + TRAILER_BYTES > CONTENT_PACK_MAX_BYTES as usize {
        return Err(format!(
            "the pack would be larger than {CONTENT_PACK_MAX_BYTES} bytes"
        ));
    }
    Ok(out)
}

/// Appends the signer's public key and the signature over everything before the signature.
pub(crate) fn sign(mut body: Vec<u8>, key: &PackSigningKey) -> Vec<u8> {
    body.extend(key.public_key());
    let signature = key.0.sign(&body);
    body.extend(signature.to_bytes());
    body
}

/// Rewrites `id` and `version` in the `[pack]` table of a structure.toml text, leaving every
/// other line (and comment) as it is.
pub(crate) fn set_pack_table(structure: &str, options: &PackOptions) -> Result<String, String> {
    let mut in_pack = false;
    let mut out = String::with_capacity(structure.len());
    for line in structure.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            in_pack = trimmed.starts_with("[pack]");
        }
        let key = trimmed.split('=').next().unwrap_or_default().trim();
        match (in_pack, key, &options.id, options.version) {
            (true, "id", Some(id), _) if plain_id(id) => out.push_str(&format!("id = \"{id}\"")),
            (true, "id", Some(_), _) => {
                return Err(
                    "the pack id must be lower-case letters, digits, '.', '_' or '-'".into(),
                );
            }
            (true, "version", _, Some(version)) => out.push_str(&format!("version = {version}")),
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    Ok(out)
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Pack files for tests, signed by keys made in the test.
    use super::*;

    /// A new key; its public half is what the test passes as trusted.
    pub(crate) fn key() -> PackSigningKey {
        PackSigningKey::generate().unwrap()
    }

    /// A change to one source file: its path, and what its text becomes.
    pub(crate) type Edit<'a> = (&'a str, &'a dyn Fn(&str) -> String);

    /// The content sources as owned files, with each edit applied to the file at its path.
    pub(crate) fn files_with(edits: &[Edit]) -> Vec<(String, String)> {
        super::super::source::source_files()
            .iter()
            .map(|(path, text)| {
                let text = edits
                    .iter()
                    .find(|(p, _)| p == path)
                    .map_or_else(|| (*text).to_owned(), |(_, edit)| edit(text));
                ((*path).to_owned(), text)
            })
            .collect()
    }

    /// The embedded content as a pack of `version`, signed by `key`.
    pub(crate) fn pack(version: u32, key: &PackSigningKey) -> Vec<u8> {
        let options = PackOptions {
            version: Some(version),
            ..PackOptions::default()
        };
        build_pack(&files_with(&[]), &options, key).unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    const CORE: &str = env!("CARGO_PKG_VERSION");

    fn open_with(bytes: &[u8], key: &PackSigningKey) -> Result<SignedPack, Rejected> {
        open(bytes, &[key.public_key()], CORE)
    }

    fn kind(result: Result<SignedPack, Rejected>) -> PackRejection {
        result.expect_err("the pack should be refused").kind
    }

    #[test]
    fn a_signed_pack_opens_and_loads_with_the_manifest_it_was_built_with() {
        let key = key();
        let bytes = pack(7, &key);
        let signed = open_with(&bytes, &key).unwrap();
        assert_eq!(signed.manifest.version, 7);
        assert_eq!(signed.manifest.id, "waymark.default");
        assert_eq!(signed.manifest.languages, ["en", "ru", "uz"]);
        assert_eq!(signed.manifest.min_core_version, CORE);
        let pack = signed.load().unwrap();
        assert_eq!(pack.version, 7);
    }

    #[test]
    fn changing_any_signed_byte_breaks_the_signature() {
        let key = key();
        let bytes = pack(2, &key);
        let text = String::from_utf8_lossy(&bytes);
        // One byte of an article's text, and one of the manifest's version.
        let in_content = text.find("Human trafficking").expect("an English text");
        let in_manifest = text.find("\"version\":2").unwrap() + "\"version\":".len();
        for at in [in_content, in_manifest] {
            let mut tampered = bytes.clone();
            tampered[at] ^= 0x01;
            assert_eq!(
                kind(open_with(&tampered, &key)),
                PackRejection::BadSignature,
                "byte {at}"
            );
        }
        // The signature itself.
        let mut tampered = bytes.clone();
        let last = tampered.len() - 1;
        tampered[last] ^= 0x80;
        assert_eq!(
            kind(open_with(&tampered, &key)),
            PackRejection::BadSignature
        );
    }

    #[test]
    fn truncated_files_are_named_as_such_wherever_they_are_cut() {
        let key = key();
        let bytes = pack(2, &key);
        for cut in [
            5,
            MAGIC.len() + 2,
            MAGIC.len() + 50,
            bytes.len() / 2,
            bytes.len() - 1,
        ] {
            assert_eq!(
                kind(open_with(&bytes[..cut], &key)),
                PackRejection::Truncated,
                "cut at {cut}"
            );
        }
        assert_eq!(
            kind(open_with(&bytes[..bytes.len() - TRAILER_BYTES], &key)),
            PackRejection::Unsigned
        );
    }

    #[test]
    fn only_trusted_keys_are_accepted() {
        let publisher = key();
        let stranger = key();
        let bytes = pack(2, &stranger);
        let result = open(&bytes, &[publisher.public_key()], CORE);
        assert_eq!(kind(result), PackRejection::UntrustedKey);
        // A stranger cannot claim to be the publisher: the signature is checked with the key
        // named in the pack, which must be a trusted one.
        let mut claimed = bytes.clone();
        let at = claimed.len() - TRAILER_BYTES;
        claimed[at..at + 32].copy_from_slice(&publisher.public_key());
        let result = open(&claimed, &[publisher.public_key()], CORE);
        assert_eq!(kind(result), PackRejection::BadSignature);
        assert_eq!(kind(open(&bytes, &[], CORE)), PackRejection::UntrustedKey);
    }

    #[test]
    fn a_pack_for_a_newer_core_is_refused_and_an_older_minimum_accepted() {
        let key = key();
        let build = |min: &str| {
            let options = PackOptions {
                min_core_version: Some(min.into()),
                ..PackOptions::default()
            };
            build_pack(&files_with(&[]), &options, &key).unwrap()
        };
        assert_eq!(
            kind(open(&build("1.0.0"), &[key.public_key()], "0.9.9")),
            PackRejection::NeedsNewerCore
        );
        assert_eq!(
            kind(open(&build("0.10.0"), &[key.public_key()], "0.9.0")),
            PackRejection::NeedsNewerCore
        );
        assert!(open(&build("0.9.0"), &[key.public_key()], "0.10.0").is_ok());
        assert!(open(&build("0.1.0"), &[key.public_key()], "0.1.0").is_ok());
    }

    #[test]
    fn anything_that_is_not_a_pack_is_refused_before_reading_it() {
        let key = key();
        assert_eq!(kind(open_with(b"", &key)), PackRejection::BadFormat);
        assert_eq!(
            kind(open_with(b"PK\x03\x04 a zip file", &key)),
            PackRejection::BadFormat
        );
        let reason = |bytes: &[u8]| open_with(bytes, &key).unwrap_err();
        // Format 1 carried TOML; a phone with this core is told to get a new copy.
        let older = reason(b"waymark-pack 1\nid = \"waymark.default\"");
        assert_eq!(older.kind, PackRejection::BadFormat);
        assert!(older.reason.contains("older file format"), "{older:?}");
        for newer in [
            &b"waymark-pack 3\nwhatever"[..],
            b"waymark-pack 99999999999\n",
        ] {
            let newer = reason(newer);
            assert_eq!(newer.kind, PackRejection::BadFormat);
            assert!(newer.reason.contains("update the app"), "{newer:?}");
        }
        let garbled = reason(b"waymark-pack two\n");
        assert_eq!(garbled.kind, PackRejection::BadFormat);
        assert!(garbled.reason.contains("not a Waymark content pack"));
        let huge = vec![0u8; CONTENT_PACK_MAX_BYTES as usize + 1];
        assert_eq!(kind(open_with(&huge, &key)), PackRejection::TooLarge);
    }

    #[test]
    fn lengths_that_point_past_the_end_are_truncation_not_a_crash() {
        let key = key();
        let mut body = MAGIC.to_vec();
        body.extend(u32::MAX.to_le_bytes());
        assert_eq!(kind(open_with(&body, &key)), PackRejection::BadFormat);
        let manifest = "id = \"x\"";
        let mut body = MAGIC.to_vec();
        body.extend((manifest.len() as u32).to_le_bytes());
        body.extend(manifest.as_bytes());
        body.extend(1u32.to_le_bytes());
        body.extend(4u16.to_le_bytes());
        body.extend(b"a.to");
        body.extend((MAX_FILE_BYTES as u32).to_le_bytes());
        body.extend(b"short");
        assert_eq!(kind(open_with(&body, &key)), PackRejection::Truncated);
    }

    #[test]
    fn unsafe_or_repeated_paths_are_refused_even_when_signed() {
        let key = key();
        let manifest = manifest_text(&PackManifest {
            id: "waymark.default".into(),
            version: 2,
            languages: vec!["en".into()],
            min_core_version: "0.1.0".into(),
        });
        for path in [
            "../etc/passwd",
            "/abs.toml",
            "en//guide.toml",
            "EN/guide.toml",
            "",
        ] {
            let mut body = MAGIC.to_vec();
            body.extend((manifest.len() as u32).to_le_bytes());
            body.extend(manifest.as_bytes());
            body.extend(1u32.to_le_bytes());
            body.extend((path.len() as u16).to_le_bytes());
            body.extend(path.as_bytes());
            body.extend(0u32.to_le_bytes());
            let bytes = sign(body, &key);
            assert_eq!(
                kind(open_with(&bytes, &key)),
                PackRejection::BadFormat,
                "{path}"
            );
        }
        let twice = vec![
            ("a.toml".to_owned(), String::new()),
            ("a.toml".to_owned(), String::new()),
        ];
        let bytes = sign(encode_unsigned(&manifest, &twice).unwrap(), &key);
        assert_eq!(kind(open_with(&bytes, &key)), PackRejection::BadFormat);
    }

    #[test]
    fn a_manifest_that_disagrees_with_the_content_is_invalid_content() {
        let key = key();
        let files = compile::compile_files(&files_with(&[])).unwrap();
        let manifest = |version: u32, languages: &[&str]| {
            manifest_text(&PackManifest {
                id: "waymark.default".into(),
                version,
                languages: languages.iter().map(|l| l.to_string()).collect(),
                min_core_version: "0.1.0".into(),
            })
        };
        for text in [manifest(9, &["en", "ru"]), manifest(1, &["en"])] {
            let bytes = sign(encode_unsigned(&text, &files).unwrap(), &key);
            let signed = open_with(&bytes, &key).unwrap();
            let err = signed.load().unwrap_err();
            assert_eq!(err.kind, PackRejection::InvalidContent, "{}", err.reason);
        }
    }

    #[test]
    fn key_files_round_trip_and_refuse_a_mismatched_public_key() {
        let key = key();
        let text = key.to_key_file();
        let again = PackSigningKey::from_key_file(&text).unwrap();
        assert_eq!(again.public_key(), key.public_key());
        let other = PackSigningKey::generate().unwrap();
        let forged = text.replace(&key.public_key_hex(), &other.public_key_hex());
        assert!(PackSigningKey::from_key_file(&forged).is_err());
        assert!(PackSigningKey::from_key_file("secret = \"zz\"\npublic = \"\"").is_err());
    }

    #[test]
    fn the_magic_line_names_the_format_version() {
        assert_eq!(MAGIC, format!("waymark-pack {FORMAT_VERSION}\n").as_bytes());
        assert_eq!(
            format_version(&MAGIC[MAGIC_NAME.len()..]),
            Some(FORMAT_VERSION)
        );
    }

    #[test]
    fn versions_compare_as_numbers() {
        assert_eq!(parse_version("0.10.2"), Some((0, 10, 2)));
        for bad in ["1.2", "1.2.3.4", "1.2.x", "1.2.3-beta", "", "v1.2.3"] {
            assert_eq!(parse_version(bad), None, "{bad}");
        }
        assert!(parse_version("0.10.0") > parse_version("0.9.9"));
    }

    #[test]
    fn set_pack_table_changes_only_the_pack_table() {
        let text = "# c\n[pack]\nid = \"a\"\nversion = 1\n\n[[section]]\nid = \"s\"\n";
        let out = set_pack_table(
            text,
            &PackOptions {
                id: Some("b".into()),
                version: Some(5),
                ..PackOptions::default()
            },
        )
        .unwrap();
        assert_eq!(
            out,
            "# c\n[pack]\nid = \"b\"\nversion = 5\n\n[[section]]\nid = \"s\"\n"
        );
    }
}
