//! The analyser with the default policy on arbitrary text. Bytes that are not UTF-8 are decoded
//! lossily (as the browser would hand over U+FFFD), so every input exercises the analyser.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postguard_core::{Analyzer, Policy};
use std::sync::OnceLock;

static ANALYZER: OnceLock<Option<Analyzer>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some(analyzer) = ANALYZER.get_or_init(|| Analyzer::new(Policy::default()).ok()) else {
        panic!("the default policy does not build");
    };
    let text = String::from_utf8_lossy(data);
    postguard_fuzz::check(analyzer, &text);
});
