//! Fuzz target `qr_frame`: see waymark_core::fuzzing.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| waymark_fuzz::run("qr_frame", data));
