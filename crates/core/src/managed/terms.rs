//! The Trust's own words and formats: term lists (ward names, internal and staff-process terms, the
//! allowlist, and the user's additions) and hospital-number patterns. They are untrusted, so each item
//! is checked on its own against the detectors' limits, and each pattern is compiled exactly as the
//! detector will compile it; bad items are reported and skipped, the rest kept.

use super::limits::{
    max_terms, MAX_PATTERNS, MAX_PATTERN_CHARS, MAX_TERM_CHARS, MIN_TERM_CHARS, PATTERN_NEST_LIMIT, PATTERN_SIZE_LIMIT,
};
use super::reader::{extend_unique, kind, one_line, Reader};
use regex_lite::RegexBuilder;
use serde_json::Value;

/// Checks one hospital-number pattern exactly as the detector will compile it.
pub fn check_pattern(pattern: &str) -> Result<(), String> {
    let p = pattern.trim();
    if p.is_empty() {
        return Err("the pattern is empty".into());
    }
    if p.chars().count() > MAX_PATTERN_CHARS {
        return Err(format!("is longer than {MAX_PATTERN_CHARS} characters"));
    }
    let re = RegexBuilder::new(p)
        .case_insensitive(true)
        .size_limit(PATTERN_SIZE_LIMIT)
        .nest_limit(PATTERN_NEST_LIMIT)
        .build()
        .map_err(|e| {
            // The regex crate's message spans several lines and repeats the pattern; its last line
            // says what is wrong.
            let text = e.to_string();
            let why = text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("invalid").trim();
            format!("is not a valid pattern ({})", why.trim_start_matches("error: "))
        })?;
    if re.is_match("") {
        return Err("matches empty text, so it would match everywhere".into());
    }
    Ok(())
}

impl Reader {
    /// A list of terms, item by item: bad items are reported and skipped, the rest kept.
    pub(super) fn term_list(&mut self, setting: &str, v: &Value) -> Option<Vec<String>> {
        Some(self.terms(setting, v)).filter(|_| v.is_array())
    }

    pub(super) fn terms(&mut self, setting: &str, v: &Value) -> Vec<String> {
        let Some(items) = self.array(setting, v) else { return Vec::new() };
        let max = max_terms(setting);
        if items.len() > max {
            self.report(setting, format!("has {} entries; only the first {max} are used", items.len()));
        }
        let mut out: Vec<String> = Vec::new();
        for (i, item) in items.iter().take(max).enumerate() {
            let at = format!("{setting}[{i}]");
            let Some(s) = item.as_str() else {
                self.report(at, format!("must be text, not {}; skipped", kind(item)));
                continue;
            };
            let s = one_line(s);
            let n = s.chars().filter(|c| !c.is_whitespace()).count();
            if n < MIN_TERM_CHARS {
                self.report(
                    at,
                    format!("is shorter than {MIN_TERM_CHARS} characters and would match almost any post; skipped"),
                );
            } else if s.chars().count() > MAX_TERM_CHARS {
                self.report(at, format!("is longer than {MAX_TERM_CHARS} characters; skipped"));
            } else {
                extend_unique(&mut out, [s]);
            }
        }
        out
    }

    pub(super) fn patterns(&mut self, v: &Value) -> Option<Vec<String>> {
        let items = self.array("hospitalNumberPatterns", v)?;
        if items.len() > MAX_PATTERNS {
            self.report(
                "hospitalNumberPatterns",
                format!("has {} patterns; only the first {MAX_PATTERNS} are used", items.len()),
            );
        }
        let mut out = Vec::new();
        for (i, item) in items.iter().take(MAX_PATTERNS).enumerate() {
            let at = format!("hospitalNumberPatterns[{i}]");
            match item.as_str() {
                None => self.report(at, format!("must be text, not {}; skipped", kind(item))),
                Some(p) => match check_pattern(p) {
                    Ok(()) => out.push(p.trim().to_string()),
                    Err(why) => self.report(at, format!("{why}; skipped")),
                },
            }
        }
        Some(out)
    }
}
