//! The bounded YAML loader on any bytes, hostile shapes first (alias bombs, deep nesting, huge
//! keys, endless lists, over-size files): the issue/page choice, `parse`, and the scan's own
//! count of its work. The invariants are in `../common.rs`.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

static ROOT: OnceLock<common::Root> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let root = ROOT.get_or_init(|| common::Root::leaked("yaml_loader"));
    common::yaml_loader(root, bytes);
});
