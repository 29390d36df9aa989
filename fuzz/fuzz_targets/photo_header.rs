//! A photo file's bytes: `images::inspect_bytes` and `images::sniff`. The invariants are in
//! `../common.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

fuzz_target!(|bytes: &[u8]| {
    common::photo_header(bytes);
});
