//! The public keys whose signatures make a content pack trusted. They are compiled in: nothing
//! read at run time (a file, a setting, the pack itself) can add a key, so only the holders of
//! these keys' secrets can change what Waymark shows.
//!
//! A list, so the publisher can rotate keys: ship a build that trusts both the old and the new
//! key, then sign with the new one.

/// The Waymark publisher's key. Its secret half is held by the publisher, outside the
/// repository; `cargo xtask pack --key FILE` signs with it.
const PUBLISHER: [u8; 32] =
    from_hex("46f0a5b5fad376a502147e92189b6b24964053437568097ac018a29c54df3fa8");

/// The test key, trusted by debug builds only: its secret half is committed on purpose
/// (core/tests/data/test-pack-key.secret) so the desktop and binding tests can install a pack
/// through the real library. Release builds (`debug_assertions` off) never contain it.
#[cfg(debug_assertions)]
const TEST: [u8; 32] = from_hex("8d88f4f02dcd07bec6b6d5234d0fc51118d3ce98550d389201bfc3fdd6f15bcf");

/// The keys a pack may be signed with in this build.
#[cfg(not(debug_assertions))]
pub(crate) const TRUSTED: &[[u8; 32]] = &[PUBLISHER];
#[cfg(debug_assertions)]
pub(crate) const TRUSTED: &[[u8; 32]] = &[PUBLISHER, TEST];

/// Hex to bytes at compile time: a typo in a key fails the build.
const fn from_hex(text: &str) -> [u8; 32] {
    const fn digit(c: u8) -> u8 {
        match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            _ => panic!("a key must be 64 lower-case hex digits"),
        }
    }
    let bytes = text.as_bytes();
    assert!(bytes.len() == 64, "a key must be 64 lower-case hex digits");
    let mut out = [0u8; 32];
    let mut i = 0;
    while i < 32 {
        out[i] = digit(bytes[2 * i]) << 4 | digit(bytes[2 * i + 1]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_test_key_is_the_one_debug_builds_trust() {
        let text = include_str!("../../tests/data/test-pack-key.secret");
        let key = super::super::pack_file::PackSigningKey::from_key_file(text).unwrap();
        assert_eq!(key.public_key(), TEST);
        assert!(TRUSTED.contains(&TEST));
        assert_ne!(PUBLISHER, TEST);
    }
}
