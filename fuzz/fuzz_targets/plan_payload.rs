//! Fuzz target `plan_payload`: see waymark_core::fuzzing.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| waymark_fuzz::run("plan_payload", data));
