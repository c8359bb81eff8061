//! The analyser built from arbitrary policy JSON (what IT, or an attacker with write access to a
//! policy file, could supply), then run on a text. The input is `POLICY_JSON \0 TEXT`; without a NUL
//! the whole input is the policy and a fixed draft with findings is analysed. Building may fail with
//! an error; it must never panic, and an analyser that builds must keep every invariant.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postguard_core::{Analyzer, Policy};

/// Analysed when the input carries no text of its own: fires several detectors.
const DRAFT: &str = "Patient NHS 943 476 5919 in bay 4, ward 7 — DOB 01/02/1980, call 07700 900123. 😀 Mrs Patel";

fuzz_target!(|data: &[u8]| {
    let (json, text) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], String::from_utf8_lossy(&data[at + 1..])),
        None => (data, DRAFT.into()),
    };
    let Ok(policy) = serde_json::from_slice::<Policy>(json) else { return };
    let Ok(analyzer) = Analyzer::new(policy) else { return };
    postguard_fuzz::check(&analyzer, &text);
});
