//! Fuzz target `form_fields`: see waymark_core::fuzzing.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| waymark_fuzz::run("form_fields", data));
