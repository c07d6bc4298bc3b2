//! Fuzz target `search_query`: see waymark_core::fuzzing.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| waymark_fuzz::run("search_query", data));
