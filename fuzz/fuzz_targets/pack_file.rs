//! Fuzz target `pack_file`: see waymark_core::fuzzing.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| waymark_fuzz::run("pack_file", data));
