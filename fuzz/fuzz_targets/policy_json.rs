//! The analyser built from arbitrary policy JSON: what IT (or anyone able to write a policy file or
//! the browser's managed storage) could supply, and what a user could add on the options page.
//!
//! Input: `MANAGED_JSON [\0 USER_JSON [\0 TEXT]]`. Without a text, a fixed draft that fires several
//! detectors is analysed. Three paths, as the product takes them:
//! - `managed::load_layers` → `into_analyzer` (the extension's worker and options page): must always
//!   give an analyser — bad settings become issues, never an error or a panic;
//! - `managed::load_json_str` (the CLI's `--policy FILE`, deployment-file formats unwrapped): the same;
//! - `serde_json` → `Policy` → `Analyzer::new` (typed policy): may fail with an error, never panic.
//!
//! Every analyser that builds must keep every invariant on the text (`postguard_fuzz::check`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use postguard_core::{managed, Analyzer, Policy};
use serde_json::Value;

/// Analysed when the input carries no text of its own: fires several detectors.
const DRAFT: &str = "Patient NHS 943 476 5919 in bay 4, ward 7 — DOB 01/02/1980, call 07700 900123. 😀 Mrs Patel";

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == 0);
    let managed_json = parts.next().unwrap_or_default();
    let user_json = parts.next().unwrap_or_default();
    let text = parts.next().map_or_else(|| DRAFT.into(), String::from_utf8_lossy);

    let managed_value: Option<Value> = serde_json::from_slice(managed_json).ok();
    if let Some(managed_value) = &managed_value {
        let user_value: Value = serde_json::from_slice(user_json).unwrap_or(Value::Null);
        match managed::load_layers(managed_value, &user_value).into_analyzer() {
            Ok((analyzer, _)) => postguard_fuzz::check(&analyzer, &text),
            Err(e) => panic!("untrusted policy layers stopped the analyser being built: {e}"),
        }
    }
    if let Ok(json) = std::str::from_utf8(managed_json) {
        if let Ok(loaded) = managed::load_json_str(json) {
            match loaded.into_analyzer() {
                Ok((analyzer, _)) => postguard_fuzz::check(&analyzer, &text),
                Err(e) => panic!("an untrusted policy file stopped the analyser being built: {e}"),
            }
        }
    }
    if let Ok(policy) = serde_json::from_slice::<Policy>(managed_json) {
        if let Ok(analyzer) = Analyzer::new(policy) {
            postguard_fuzz::check(&analyzer, &text);
        }
    }
});
