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

use postguard_core::{offsets, Analyzer, Finding, Policy};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// An analyser compiled for one policy. Build once per policy, call [`Checker::check`] per keystroke.
#[wasm_bindgen]
pub struct Checker {
    analyzer: Analyzer,
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
    /// Compiles an analyser for `policy` (a plain object with the managed-storage keys; `undefined` or
    /// `{}` means the defaults). Fails with a message naming the bad setting.
    #[wasm_bindgen(constructor)]
    pub fn new(policy: JsValue) -> Result<Checker, JsError> {
        let policy: Policy = if policy.is_undefined() || policy.is_null() {
            Policy::default()
        } else {
            serde_wasm_bindgen::from_value(policy).map_err(|e| JsError::new(&format!("invalid policy: {e}")))?
        };
        let analyzer = Analyzer::new(policy).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Checker { analyzer })
    }

    /// Analyses `text` and returns `{findings, truncated}` with UTF-16 offsets into `text`.
    pub fn check(&self, text: &str) -> Result<JsValue, JsError> {
        let report = self.analyzer.analyze_report(text);
        let js = JsReport { findings: to_js(text, &report.findings), truncated: report.truncated };
        js.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&format!("cannot convert findings: {e}")))
    }
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
        let analyzer = Analyzer::new(Policy::default()).expect("builds");
        let text = "😀 patient NHS 943 476 5919";
        let findings = analyzer.analyze(text);
        let js = to_js(text, &findings);
        assert_eq!(js.len(), 1);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&utf16[js[0].start..js[0].end]), "943 476 5919");
    }
}
