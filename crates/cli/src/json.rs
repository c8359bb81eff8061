//! The CLI's JSON shape for a finding (DESIGN §2 test contract): byte offsets, plus the matched text.

use postguard_core::Finding;
use serde_json::{json, Value};

/// One finding as JSON, with `text` the span of `draft` it covers.
pub fn finding(draft: &str, f: &Finding) -> Value {
    json!({
        "rule": f.rule,
        "category": f.category.as_str(),
        "severity": f.severity.as_str(),
        "action": f.action.as_str(),
        "start": f.start,
        "end": f.end,
        "text": draft.get(f.start..f.end).unwrap_or_default(),
        "message": f.message,
        "suggestion": f.suggestion,
        "policy_ref": f.policy_ref,
        "why": f.why,
        "cues": f.cues.iter().map(|&(s, e)| draft.get(s..e).unwrap_or_default()).collect::<Vec<_>>(),
    })
}

/// Every finding as a JSON array.
pub fn findings(draft: &str, fs: &[Finding]) -> Value {
    Value::Array(fs.iter().map(|f| finding(draft, f)).collect())
}
