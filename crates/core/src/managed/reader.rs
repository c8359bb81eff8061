//! The [`Reader`] and the primitives every setting is read with: text, a link, true/false, an object,
//! a list, an action. Each returns `None` (or skips the item) and records a [`PolicyIssue`] when the
//! value is wrong, so the caller keeps the default and reads on.

use super::limits::{MAX_TEXT_CHARS, MAX_URL_CHARS};
use super::{PolicyIssue, Source};
use crate::catalogue;
use crate::finding::Action;
use rustc_hash::FxHashSet;
use serde_json::{Map, Value};

/// Collects issues while reading one layer.
pub(super) struct Reader {
    pub(super) issues: Vec<PolicyIssue>,
    pub(super) source: Source,
}

impl Reader {
    pub(super) fn report(&mut self, setting: impl Into<String>, problem: impl Into<String>) {
        self.issues.push(PolicyIssue { setting: setting.into(), problem: problem.into(), source: self.source });
    }

    pub(super) fn text(&mut self, setting: &str, v: &Value) -> Option<String> {
        let Some(s) = v.as_str() else {
            self.report(setting, format!("must be text, not {}; the default is used", kind(v)));
            return None;
        };
        let s = one_line(s);
        if s.is_empty() {
            return None;
        }
        if s.chars().count() > MAX_TEXT_CHARS {
            self.report(setting, format!("is longer than {MAX_TEXT_CHARS} characters; the default is used"));
            return None;
        }
        Some(s)
    }

    pub(super) fn profile(&mut self, v: &Value) -> Option<String> {
        let s = self.text("trustProfile", v)?.to_ascii_lowercase();
        if catalogue::trust(&s).is_some() {
            return Some(s);
        }
        let keys: Vec<&str> = catalogue::TRUSTS.iter().map(|t| t.key).collect();
        self.report(
            "trustProfile",
            format!("{s:?} is not a known policy; use one of {}; all are cited", keys.join(", ")),
        );
        None
    }

    pub(super) fn url(&mut self, v: &Value) -> Option<String> {
        let s = self.text("policyUrl", v)?;
        if s.chars().count() > MAX_URL_CHARS {
            self.report("policyUrl", format!("is longer than {MAX_URL_CHARS} characters; no link is shown"));
            return None;
        }
        let host = s.strip_prefix("https://").map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
        match host {
            Some(h) if !h.is_empty() && !s.contains(char::is_whitespace) => Some(s),
            _ => {
                self.report("policyUrl", "must be a full https:// address; no link is shown");
                None
            }
        }
    }

    pub(super) fn boolean(&mut self, setting: &str, v: &Value) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            // Windows registry policies arrive as DWORD 0/1.
            // (JS numbers arrive as floats, so compare as one.)
            Value::Number(n) if n.as_f64() == Some(0.0) => Some(false),
            Value::Number(n) if n.as_f64() == Some(1.0) => Some(true),
            _ => {
                self.report(setting, format!("must be true or false, not {}; the default is used", kind(v)));
                None
            }
        }
    }

    /// A whole number of seconds within `(least, _, most)`; out of range or not a whole number is
    /// reported and the default used. Registry DWORDs and JS numbers both arrive as numbers.
    pub(super) fn seconds(&mut self, setting: &str, v: &Value, (least, default, most): (u32, u32, u32)) -> Option<u32> {
        let n = v.as_f64().filter(|n| n.fract() == 0.0 && (f64::from(least)..=f64::from(most)).contains(n));
        if n.is_none() {
            self.report(
                setting,
                format!(
                    "must be a whole number of seconds from {least} to {most}, not {}; {default} is used",
                    shown(v)
                ),
            );
        }
        n.map(|n| n as u32)
    }

    pub(super) fn object<'a>(&mut self, setting: &str, v: &'a Value) -> Option<&'a Map<String, Value>> {
        let o = v.as_object();
        if o.is_none() {
            self.report(setting, format!("must be an object, not {}; the default is used", kind(v)));
        }
        o
    }

    pub(super) fn array<'a>(&mut self, setting: &str, v: &'a Value) -> Option<&'a [Value]> {
        let a = v.as_array().map(Vec::as_slice);
        if a.is_none() {
            self.report(setting, format!("must be a list, not {}; the default is used", kind(v)));
        }
        a
    }

    pub(super) fn action(&mut self, setting: &str, v: &Value) -> Option<Action> {
        let parsed = v.as_str().and_then(|s| {
            let s = s.trim().to_ascii_lowercase();
            [Action::Off, Action::Inform, Action::Warn, Action::Acknowledge, Action::Block]
                .into_iter()
                .find(|a| a.as_str() == s)
        });
        if parsed.is_none() {
            let got = match v.as_str() {
                Some(s) => format!("{:?}", one_line(s)),
                None => kind(v).to_string(),
            };
            self.report(
                setting,
                format!("{got} is not an action; use off, inform, warn, acknowledge or block; ignored"),
            );
        }
        parsed
    }
}

/// Trims and folds line breaks and control characters to spaces: settings are shown on one line.
pub(super) fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Appends items not already present (case-insensitively).
pub(super) fn extend_unique(list: &mut Vec<String>, items: impl IntoIterator<Item = String>) {
    let mut seen: FxHashSet<String> = list.iter().map(|s| s.to_lowercase()).collect();
    for item in items {
        if seen.insert(item.to_lowercase()) {
            list.push(item);
        }
    }
}

/// A whole number as written, anything else by its kind (never a long text: reports are short).
/// Fractions are not printed: formatting a float would pull the float printer into the `.wasm`
/// (16 KB gzip, measured), which is on a size budget.
fn shown(v: &Value) -> String {
    match v.as_i64() {
        Some(n) => n.to_string(),
        None => kind(v).to_string(),
    }
}

/// How a JSON value's type reads in an issue.
pub(super) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
