//! A page's YAML bytes: `banmian_content::parse`, then, when it parses, `check::check`
//! against a project root made once per process. The invariants are in `../common.rs`.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

static ROOT: OnceLock<common::Root> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let root = ROOT.get_or_init(|| common::Root::leaked("page_yaml"));
    common::page_yaml(root, bytes);
});
