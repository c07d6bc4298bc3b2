//! Link settings for the core's shared library (the cdylib the phone shells load).

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    // The time-zone tables are some 30,000 pointers; as plain RELA entries their relocations take
    // over 1 MB of the library (BENCHMARKS.md). Packed (DT_RELR) they take a few kilobytes. GNU
    // ld 2.38 and glibc 2.36 support it.
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-z,pack-relative-relocs");
    }
    // Android's own packed format, which its loader reads from API 23 (the shell needs 26).
    if os == "android" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,--pack-dyn-relocs=android");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
