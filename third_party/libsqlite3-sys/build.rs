//! Builds SQLite3 Multiple Ciphers with only its ChaCha20-Poly1305 cipher, with the flags upstream
//! libsqlite3-sys uses for `bundled` plus the project's `LIBSQLITE3_FLAGS`, and hands rusqlite
//! upstream's pregenerated bindings.

use std::env;
use std::path::Path;

/// Features this copy cannot honour: each would need OpenSSL, bindgen or a system SQLite, and
/// building without them would not be what was asked for.
const UNSUPPORTED: &[&str] = &[
    "SQLCIPHER",
    "BUNDLED_SQLCIPHER",
    "BUNDLED_SQLCIPHER_VENDORED_OPENSSL",
    "BUILDTIME_BINDGEN",
    "LOADABLE_EXTENSION",
    "PREUPDATE_HOOK",
    "SESSION",
    "IN_GECKO",
    "WASM32_WASI_VFS",
];

fn main() {
    for feature in UNSUPPORTED {
        if env::var_os(format!("CARGO_FEATURE_{feature}")).is_some() {
            panic!(
                "Waymark's libsqlite3-sys (third_party/libsqlite3-sys) builds SQLite3 Multiple \
                 Ciphers only; the feature {} is not supported",
                feature.to_lowercase().replace('_', "-")
            );
        }
    }
    if env::var_os("CARGO_FEATURE_BUNDLED").is_none() {
        panic!(
            "Waymark's libsqlite3-sys (third_party/libsqlite3-sys) always builds its own SQLite: \
             enable rusqlite's `bundled` feature"
        );
    }

    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::copy(
        "sqlite3/bindgen_bundled_version.rs",
        Path::new(&out_dir).join("bindgen.rs"),
    )
    .expect("the bindings are in sqlite3/");

    let source_dir = sqlite3mc_src::source_dir();
    let source = source_dir.join(sqlite3mc_src::SOURCE_FILE);
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={}", source.display());
    // rusqlite reads DEP_SQLITE3_INCLUDE; the amalgamation's header is sqlite3mc_amalgamation.h.
    println!("cargo:include={}", source_dir.display());

    let mut build = cc::Build::new();
    build
        .file(&source)
        // Upstream's `bundled` flags, less the modules LIBSQLITE3_FLAGS leaves out anyway.
        .define("SQLITE_CORE", None)
        .define("SQLITE_DEFAULT_FOREIGN_KEYS", "1")
        .define("SQLITE_ENABLE_API_ARMOR", None)
        .define("SQLITE_THREADSAFE", "1")
        .define("SQLITE_USE_URI", None)
        .define("HAVE_USLEEP", "1")
        .define("HAVE_ISNAN", None)
        .define("_POSIX_THREAD_SAFE_FUNCTIONS", None)
        // Temporary tables, sorts and VACUUM stay in memory: a temporary file would hold the
        // person's data unencrypted (measured: one O_TMPFILE in /var/tmp with the default).
        .define("SQLITE_TEMP_STORE", "3")
        // One cipher: ChaCha20-Poly1305, the AEAD family the core already uses. The others would
        // only add code (and AES-NI detection) to every phone.
        .define("HAVE_CIPHER_CHACHA20", "1")
        .define("HAVE_CIPHER_AES_128_CBC", "0")
        .define("HAVE_CIPHER_AES_256_CBC", "0")
        .define("HAVE_CIPHER_SQLCIPHER", "0")
        .define("HAVE_CIPHER_RC4", "0")
        .define("HAVE_CIPHER_ASCON128", "0")
        .define("HAVE_CIPHER_AEGIS", "0")
        .define("SQLITE3MC_OMIT_AES_HARDWARE_SUPPORT", None)
        .warnings(false);
    if env::var("CARGO_CFG_WINDOWS").is_err() {
        build.define("HAVE_LOCALTIME_R", None);
    }
    if env::var_os("CARGO_FEATURE_UNLOCK_NOTIFY").is_some() {
        build.define("SQLITE_ENABLE_UNLOCK_NOTIFY", None);
    }
    if env::var_os("CARGO_FEATURE_COLUMN_METADATA").is_some() {
        build.define("SQLITE_ENABLE_COLUMN_METADATA", None);
    }
    if env::var("CARGO_CFG_TARGET_FEATURE")
        .is_ok_and(|features| features.split(',').any(|f| f == "crt-static"))
        && env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|e| e == "msvc")
    {
        build.static_crt(true);
    }
    println!("cargo:rerun-if-env-changed=LIBSQLITE3_FLAGS");
    if let Ok(extras) = env::var("LIBSQLITE3_FLAGS") {
        for extra in extras.split_whitespace() {
            if extra.starts_with("-D") || extra.starts_with("-U") {
                build.flag(extra);
            } else if extra.starts_with("SQLITE_") {
                build.flag(format!("-D{extra}"));
            } else {
                panic!("LIBSQLITE3_FLAGS: {extra} is neither -D…, -U… nor SQLITE_…");
            }
        }
    }
    build.compile("sqlite3");
    println!("cargo:lib_dir={out_dir}");
}
