//! # postguard-web
//!
//! The thin wasm-bindgen layer between the browser extension and `postguard-core`. It runs where the
//! sites' Content-Security-Policies cannot stop WebAssembly: the extension's service worker (and the
//! options page). The content script in the page never sees Rust; it sends text over extension
//! messaging and gets back plain objects.
//!
//! Two jobs only: turn JS values into core types (a policy) and core findings into JS objects with
//! **UTF-16** offsets, which is what DOM `Range`s and JS strings count. The conversion from core's byte
//! offsets happens here and nowhere else (`postguard_core::offsets`).

use postguard_core::{catalogue, managed, offsets, Analyzer, Finding, Loaded};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// An analyser compiled for one policy. Build once per policy, call [`Checker::check`] per keystroke.
#[wasm_bindgen]
pub struct Checker {
    analyzer: Analyzer,
    loaded: Loaded,
}

/// A finding as the extension sees it (camelCase, UTF-16 offsets); see `extension/shared/messages.js`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsFinding<'a> {
    rule: &'a str,
    category: &'a str,
    severity: &'a str,
    action: &'a str,
    start: usize,
    end: usize,
    title: &'a str,
    message: &'a str,
    suggestion: Option<&'a str>,
    policy_ref: &'a str,
    why: &'a str,
}

/// The answer to one analysis.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsReport<'a> {
    findings: Vec<JsFinding<'a>>,
    truncated: bool,
}

#[wasm_bindgen]
impl Checker {
    /// Compiles an analyser for `policy` (the raw managed-storage object; `undefined` or `{}` means
    /// the defaults) plus the user's own additions `user` (`undefined` for none). Never fails on a bad
    /// setting: each one falls back to its default and is listed by [`Checker::issues`].
    #[wasm_bindgen(constructor)]
    pub fn new(policy: JsValue, user: JsValue) -> Result<Checker, JsError> {
        let loaded = managed::load_layers(&to_json(policy)?, &to_json(user)?);
        let (analyzer, loaded) = loaded.into_analyzer().map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Checker { analyzer, loaded })
    }

    /// What was wrong with the policy: `[{setting, problem, source}]`, empty when all was well.
    pub fn issues(&self) -> Result<JsValue, JsError> {
        to_js_value(&self.loaded.issues)
    }

    /// The effective policy and where each setting came from: `{policy, issues, sources}`.
    pub fn effective(&self) -> Result<JsValue, JsError> {
        to_js_value(&self.loaded)
    }

    /// Analyses `text` and returns `{findings, truncated}` with UTF-16 offsets into `text`.
    pub fn check(&self, text: &str) -> Result<JsValue, JsError> {
        let report = self.analyzer.analyze_report(text);
        to_js_value(&JsReport { findings: to_js(text, &report.findings), truncated: report.truncated })
    }
}

/// Reads a managed policy (and optional user additions) without building an analyser:
/// `{policy, issues, sources}` as [`Checker::effective`] returns them.
#[wasm_bindgen(js_name = validatePolicy)]
pub fn validate_policy(policy: JsValue, user: JsValue) -> Result<JsValue, JsError> {
    to_js_value(&managed::load_layers(&to_json(policy)?, &to_json(user)?))
}

/// One rule as the options page lists it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsRule {
    id: &'static str,
    category: &'static str,
    severity: &'static str,
    title: &'static str,
}

/// Every rule id IT can set an action for, with its family, default severity and title.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsError> {
    let rules: Vec<JsRule> = catalogue::RULES
        .iter()
        .map(|r| JsRule { id: r.id, category: r.category.as_str(), severity: r.severity.as_str(), title: r.title })
        .collect();
    to_js_value(&rules)
}

/// A JS value as JSON (`undefined` and `null` as `null`).
fn to_json(value: JsValue) -> Result<serde_json::Value, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(serde_json::Value::Null);
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("policy is not plain data: {e}")))
}

/// A Rust value as a plain JS object (maps as objects, not `Map`s).
fn to_js_value(value: &impl Serialize) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert to JS: {e}")))
}

/// Converts findings to their JS shape, mapping byte offsets to UTF-16 in one pass over the text.
fn to_js<'a>(text: &str, findings: &'a [Finding]) -> Vec<JsFinding<'a>> {
    let bytes: Vec<usize> = findings.iter().flat_map(|f| [f.start, f.end]).collect();
    let units = offsets::bytes_to_utf16(text, &bytes);
    findings
        .iter()
        .zip(units.chunks_exact(2))
        .map(|(f, u)| JsFinding {
            rule: f.rule,
            category: f.category.as_str(),
            severity: f.severity.as_str(),
            action: f.action.as_str(),
            start: u[0],
            end: u[1],
            title: f.title,
            message: f.message,
            suggestion: f.suggestion,
            policy_ref: &f.policy_ref,
            why: &f.why,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_utf16() {
        let analyzer = Analyzer::new(postguard_core::Policy::default()).expect("builds");
        let text = "😀 patient NHS 943 476 5919";
        let findings = analyzer.analyze(text);
        let js = to_js(text, &findings);
        assert_eq!(js.len(), 1);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&utf16[js[0].start..js[0].end]), "943 476 5919");
    }
}
