//! The UniFFI binding generator, pinned to the exact UniFFI version the core is built with.
//!
//! Run it through `cargo xtask bindings`, which builds the core first and passes the library.

fn main() {
    uniffi::uniffi_bindgen_main()
}
