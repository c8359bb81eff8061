//! # postguard-web
//!
//! The thin wasm-bindgen layer between the browser extension and `postguard-core`. It runs where the
//! sites' Content-Security-Policies cannot stop WebAssembly: the extension's service worker (and the
//! options page). The content script in the page never sees Rust; it sends text over extension
//! messaging and gets back plain objects.
//!
//! Two jobs only: turn JS values into core types (a policy) and core findings into JS values with
//! **UTF-16** offsets, which is what DOM `Range`s and JS strings count. The conversion from core's byte
//! offsets happens here and nowhere else (`postguard_core::offsets`).
//!
//! Everything but the per-keystroke path crosses the boundary as JSON text, read and written by
//! `serde_json` (which the core needs anyway for managed policy) on this side and by the engine's own
//! `JSON.parse`/`JSON.stringify` on the other. A second converter straight to JS objects
//! (`serde-wasm-bindgen`) cost 14 KB of the gzipped `.wasm` for calls made once per policy change
//! (docs/performance.md); analyses send numbers ([`Checker::check_packed`]), expanded into objects
//! by `extension/worker/unpack.js`, for the worker and the options page alike (one path, one shape,
//! and no second serialiser of findings in the download).

use postguard_core::catalogue::{self, RULES};
use postguard_core::{managed, offsets, Action, Analyzer, Finding, Loaded, Severity};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// An analyser compiled for one policy. Build once per policy, call [`Checker::check`] per keystroke.
#[wasm_bindgen]
pub struct Checker {
    analyzer: Analyzer,
    loaded: Loaded,
    /// The distinct `why` texts of the last [`Checker::check_packed`] call, joined by U+0000.
    last_whys: String,
    /// The distinct fix labels and replacement texts of the last [`Checker::check_packed`] call,
    /// joined by U+0000.
    last_fix_texts: String,
}

/// Numbers per finding in [`Checker::check_packed`]'s output.
pub const PACKED_STRIDE: usize = 6;

/// A rule's catalogue entry as the extension sees it, with references formatted for this policy.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsRule<'a> {
    id: &'a str,
    category: &'a str,
    title: &'a str,
    message: &'a str,
    suggestion: Option<&'a str>,
    policy_ref: String,
}

#[wasm_bindgen]
impl Checker {
    /// Compiles an analyser for `policy` (the raw managed-storage object as JSON text; `undefined`,
    /// `"null"` or `"{}"` mean the defaults) plus the user's own additions `user` (JSON text, or
    /// `undefined` for none). Never fails on a bad setting: each one falls back to its default and is
    /// listed by [`Checker::issues`]; only text that is not JSON at all is an error.
    #[wasm_bindgen(constructor)]
    pub fn new(policy: Option<String>, user: Option<String>) -> Result<Checker, JsError> {
        let loaded = managed::load_layers(&from_json(policy)?, &from_json(user)?);
        let (analyzer, loaded) = loaded.into_analyzer().map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Checker { analyzer, loaded, last_whys: String::new(), last_fix_texts: String::new() })
    }

    /// What was wrong with the policy, as JSON: `[{setting, problem, source}]`, empty when all was well.
    pub fn issues(&self) -> Result<String, JsError> {
        to_json(&self.loaded.issues)
    }

    /// The effective policy and where each setting came from, as JSON: `{policy, issues, sources}`.
    pub fn effective(&self) -> Result<String, JsError> {
        to_json(&self.loaded)
    }

    /// The rule catalogue as JSON, indexed as in [`Checker::check_packed`]: `[{id, category, title,
    /// message, suggestion, policyRef}]`. Fetch once per checker; it does not change between analyses.
    pub fn rules(&self) -> Result<String, JsError> {
        let profile = Some(self.analyzer.policy().trust_profile.as_str());
        let rules: Vec<JsRule<'_>> = RULES
            .iter()
            .map(|r| JsRule {
                id: r.id,
                category: r.category.as_str(),
                title: r.title,
                message: r.message,
                suggestion: r.suggestion,
                policy_ref: catalogue::format_refs(r, profile),
            })
            .collect();
        to_json(&rules)
    }

    /// Analyses `text` into numbers, the fast path for every keystroke: building one JS object per
    /// finding field by field costs more than the analysis itself. Layout: `[truncated (0|1), count,
    /// then per finding: rule index, start, end (UTF-16), severity (0 info, 1 warn, 2 high),
    /// action (1 inform, 2 warn, 3 acknowledge, 4 block), why index, then per finding: number of cues,
    /// and each cue's start and end (UTF-16), then per finding: number of fixes, and per fix its label
    /// index, number of edits and per edit start, end (UTF-16) and text index]`; why texts via
    /// [`Checker::last_whys`], fix labels and texts via [`Checker::last_fix_texts`]. Cues are the
    /// words that weighed most in a learned-model finding (none for rules).
    #[wasm_bindgen(js_name = checkPacked)]
    pub fn check_packed(&mut self, text: &str) -> Vec<u32> {
        let report = self.analyzer.analyze_report(text);
        let packed = pack(text, &report.findings, report.truncated);
        self.last_whys = packed.whys;
        self.last_fix_texts = packed.fix_texts;
        packed.numbers
    }

    /// The finding for a photo in which the extension's photo check found `faces` faces, packed like
    /// [`Checker::check_packed`] (offsets 0: it covers no text), with its why text via
    /// [`Checker::last_whys`]; no finding when `faces` is 0, `photoFaces` is false or the rule's
    /// action is `off` (see `postguard_core::photo`).
    #[wasm_bindgen(js_name = photoPeoplePacked)]
    pub fn photo_people_packed(&mut self, faces: u32) -> Vec<u32> {
        let findings: Vec<Finding> =
            postguard_core::photo::people_in_photo(self.analyzer.policy(), faces).into_iter().collect();
        let packed = pack("", &findings, false);
        self.last_whys = packed.whys;
        self.last_fix_texts = packed.fix_texts;
        packed.numbers
    }

    /// The distinct fix labels and edit texts of the last [`Checker::check_packed`] call, joined by
    /// U+0000.
    #[wasm_bindgen(js_name = lastFixTexts)]
    pub fn last_fix_texts(&self) -> String {
        self.last_fix_texts.clone()
    }

    /// The distinct `why` texts of the last [`Checker::check_packed`] call, joined by U+0000.
    #[wasm_bindgen(js_name = lastWhys)]
    pub fn last_whys(&self) -> String {
        self.last_whys.clone()
    }
}

/// Reads a managed policy (and optional user additions), both JSON text as for [`Checker::new`],
/// without building an analyser: `{policy, issues, sources}` as JSON, as [`Checker::effective`] gives.
#[wasm_bindgen(js_name = validatePolicy)]
pub fn validate_policy(policy: Option<String>, user: Option<String>) -> Result<String, JsError> {
    to_json(&managed::load_layers(&from_json(policy)?, &from_json(user)?))
}

/// Policy JSON text as a value (`undefined` as `null`, which means "no settings").
fn from_json(text: Option<String>) -> Result<serde_json::Value, JsError> {
    let Some(text) = text else { return Ok(serde_json::Value::Null) };
    serde_json::from_str(&text).map_err(|e| JsError::new(&format!("policy is not JSON: {e}")))
}

/// A Rust value as JSON text for `JSON.parse`.
fn to_json(value: &impl Serialize) -> Result<String, JsError> {
    serde_json::to_string(value).map_err(|e| JsError::new(&format!("cannot write JSON: {e}")))
}

/// Whether a photo whose first bytes are `head` carries GPS coordinates in its EXIF metadata. The
/// content script sends only the leading bytes that hold the metadata, never the whole photo.
#[wasm_bindgen(js_name = photoHasLocation)]
pub fn photo_has_location(head: &[u8]) -> bool {
    postguard_core::media::has_gps_location(head)
}

/// [`Checker::check_packed`]'s output before it crosses the boundary.
struct Packed {
    numbers: Vec<u32>,
    whys: String,
    fix_texts: String,
}

/// Distinct strings, each numbered once, sent as one U+0000-joined text.
#[derive(Default)]
struct Strings<'a>(Vec<&'a str>);

impl<'a> Strings<'a> {
    fn index(&mut self, s: &'a str) -> u32 {
        let i = self.0.iter().position(|w| *w == s).unwrap_or_else(|| {
            self.0.push(s);
            self.0.len() - 1
        });
        i as u32
    }
}

/// Packs findings as documented on [`Checker::check_packed`].
fn pack(text: &str, findings: &[Finding], truncated: bool) -> Packed {
    let cue_bytes = findings.iter().flat_map(|f| f.cues.iter().flat_map(|&(s, e)| [s, e]));
    let edit_bytes =
        findings.iter().flat_map(|f| f.fixes.iter().flat_map(|x| x.edits.iter().flat_map(|e| [e.start, e.end])));
    let bytes: Vec<usize> = findings.iter().flat_map(|f| [f.start, f.end]).chain(cue_bytes).chain(edit_bytes).collect();
    let all_units = offsets::bytes_to_utf16(text, &bytes);
    let (units, rest) = all_units.split_at(findings.len() * 2);
    let cue_count: usize = findings.iter().map(|f| f.cues.len() * 2).sum();
    let (mut cue_units, mut edit_units) = rest.split_at(cue_count);
    let mut packed = Vec::with_capacity(2 + findings.len() * PACKED_STRIDE);
    packed.extend([u32::from(truncated), findings.len() as u32]);
    let mut whys = Strings::default();
    for (f, u) in findings.iter().zip(units.chunks_exact(2)) {
        let severity = match f.severity {
            Severity::Info => 0,
            Severity::Warn => 1,
            Severity::High => 2,
        };
        let action = match f.action {
            Action::Off => 0,
            Action::Inform => 1,
            Action::Warn => 2,
            Action::Acknowledge => 3,
            Action::Block => 4,
        };
        let rule = catalogue::rule_index(f.rule).unwrap_or(usize::MAX) as u32;
        packed.extend([rule, u[0] as u32, u[1] as u32, severity, action, whys.index(&f.why)]);
    }
    for f in findings {
        let (mine, rest) = cue_units.split_at(f.cues.len() * 2);
        packed.push(f.cues.len() as u32);
        packed.extend(mine.iter().map(|&u| u as u32));
        cue_units = rest;
    }
    let mut fix_texts = Strings::default();
    for f in findings {
        packed.push(f.fixes.len() as u32);
        for fix in &f.fixes {
            packed.extend([fix_texts.index(&fix.label), fix.edits.len() as u32]);
            for e in &fix.edits {
                packed.extend([edit_units[0] as u32, edit_units[1] as u32, fix_texts.index(&e.text)]);
                edit_units = &edit_units[2..];
            }
        }
    }
    Packed { numbers: packed, whys: whys.0.join("\u{0}"), fix_texts: fix_texts.0.join("\u{0}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_layout() {
        let analyzer = Analyzer::new(postguard_core::Policy::default()).expect("builds");
        let text = "😀 patient NHS 943 476 5919 and nhs 401 023 2137";
        let findings = analyzer.analyze(text);
        let Packed { numbers: packed, whys, fix_texts } = pack(text, &findings, false);
        assert_eq!(packed[..2], [0, findings.len() as u32]);
        // Rules carry no cues (one zero count per finding after the fixed-size records); each NHS
        // number has one fix of one edit: count, label, edit count, start, end, text.
        assert_eq!(packed.len(), 2 + findings.len() * (PACKED_STRIDE + 1) + findings.len() * 6);
        let fixes = &packed[2 + findings.len() * (PACKED_STRIDE + 1)..];
        let texts: Vec<&str> = fix_texts.split('\u{0}').collect();
        assert_eq!(fixes[0], 1);
        assert_eq!(texts[fixes[1] as usize], "hide the NHS number");
        assert_eq!((fixes[3], fixes[4]), (first_units(text, "943 476 5919")));
        assert_eq!(texts[fixes[5] as usize], "••• ••• ••••");
        let first = &packed[2..2 + PACKED_STRIDE];
        assert_eq!(RULES[first[0] as usize].id, "nhs-number");
        let utf16: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&utf16[first[1] as usize..first[2] as usize]), "943 476 5919");
        assert_eq!(first[3], 2); // high
        assert_eq!(whys.split('\u{0}').nth(first[5] as usize), Some(findings[0].why.as_str()));
    }

    #[test]
    fn cues_follow_the_findings_in_utf16() {
        let text = "😀 the lads on nights are useless";
        let useless = text.find("useless").expect("word");
        let mut f =
            Analyzer::new(postguard_core::Policy::default()).expect("builds").analyze("patient NHS 943 476 5919");
        f[0].cues = vec![(useless, useless + 7), (5, 9)];
        f[0].start = 0;
        f[0].end = text.len();
        f[0].fixes.clear();
        let packed = pack(text, &f, false).numbers;
        let cues = &packed[2 + PACKED_STRIDE..];
        let utf16: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(cues[0], 2);
        assert_eq!(String::from_utf16_lossy(&utf16[cues[1] as usize..cues[2] as usize]), "useless");
        assert_eq!(String::from_utf16_lossy(&utf16[cues[3] as usize..cues[4] as usize]), "the ");
    }

    /// UTF-16 start and end of the first `needle` in `text`.
    fn first_units(text: &str, needle: &str) -> (u32, u32) {
        let at = text.find(needle).expect("needle");
        let u = offsets::bytes_to_utf16(text, &[at, at + needle.len()]);
        (u[0] as u32, u[1] as u32)
    }
}
