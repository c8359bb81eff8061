//! The rule catalogue: what each rule is called, what it tells the user and which policy clauses it
//! rests on. Generated at build time from `data/` (see `build.rs`), so wording changes need no code.

use crate::finding::{Category, Severity};
use crate::fixes::FixKind;

/// One Trust policy that rules cite.
#[derive(Debug)]
pub struct TrustInfo {
    /// Short key used in rule references and the `trustProfile` setting, e.g. `thh`.
    pub key: &'static str,
    /// How warnings name the Trust, e.g. `Hillingdon`.
    pub short: &'static str,
    /// The Trust's full name.
    pub name: &'static str,
    /// The policy document's title.
    pub policy: &'static str,
}

/// A clause of one Trust's policy.
#[derive(Debug)]
pub struct PolicyRef {
    /// Key of the Trust in [`TRUSTS`].
    pub trust: &'static str,
    /// Clause number as the policy writes it, e.g. `5.1` or `4.4.8`.
    pub clause: &'static str,
}

/// A rule's catalogue entry.
#[derive(Debug)]
pub struct RuleInfo {
    /// Stable id, e.g. `nhs-number`; IT sets per-rule actions with it.
    pub id: &'static str,
    /// Risk family.
    pub category: Category,
    /// Default severity; detectors may lower it when context is weak.
    pub severity: Severity,
    /// A few words naming the risk, e.g. "NHS number".
    pub title: &'static str,
    /// One calm, plain-English sentence saying why this could breach policy.
    pub message: &'static str,
    /// What to do instead, when there is something useful to say.
    pub suggestion: Option<&'static str>,
    /// The clauses this rule rests on.
    pub refs: &'static [PolicyRef],
    /// The one-click fix the rule offers, if its findings can be fixed by an edit (see [`crate::fixes`]).
    pub fix: Option<FixInfo>,
}

/// How a rule's findings are fixed, and the label the person sees after "Fix: ".
#[derive(Debug)]
pub struct FixInfo {
    /// The kind of edit.
    pub kind: FixKind,
    /// Lower case, e.g. "hide the NHS number"; `{text}` stands for the policy's replacement wording.
    pub label: &'static str,
}

/// Index of a context word class (one file in `data/context/`); see [`class`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ContextClass(pub usize);

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// The catalogue entry for `id`. Detectors only emit ids that exist (a test checks every detector).
pub fn rule(id: &str) -> Option<&'static RuleInfo> {
    RULES.binary_search_by(|r| r.id.cmp(id)).ok().map(|i| &RULES[i])
}

/// Position of rule `id` in [`RULES`]: a compact handle for passing findings across the WASM boundary.
pub fn rule_index(id: &str) -> Option<usize> {
    RULES.binary_search_by(|r| r.id.cmp(id)).ok()
}

/// The Trust with this key.
pub fn trust(key: &str) -> Option<&'static TrustInfo> {
    TRUSTS.iter().find(|t| t.key == key)
}

/// Formats a rule's references for display: only the given Trust's clauses when it has any, otherwise
/// every Trust's, e.g. `Hillingdon Social Media Policy 5.1; Cumbria … 3.3`.
pub fn format_refs(rule: &RuleInfo, profile: Option<&str>) -> String {
    let own: Vec<&PolicyRef> = rule.refs.iter().filter(|r| Some(r.trust) == profile).collect();
    let chosen: Vec<&PolicyRef> = if own.is_empty() { rule.refs.iter().collect() } else { own };
    let mut out = String::new();
    for r in chosen {
        if !out.is_empty() {
            out.push_str("; ");
        }
        match trust(r.trust) {
            Some(t) => {
                out.push_str(t.short);
                out.push(' ');
                out.push_str(t.policy);
                out.push_str(" §");
            }
            None => out.push('§'),
        }
        out.push_str(r.clause);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_sorted_and_unique() {
        assert!(RULES.windows(2).all(|w| w[0].id < w[1].id));
    }

    #[test]
    fn every_reference_names_a_known_trust() {
        for r in RULES {
            for p in r.refs {
                assert!(trust(p.trust).is_some(), "{} cites unknown trust {}", r.id, p.trust);
            }
        }
    }

    #[test]
    fn messages_are_one_calm_sentence() {
        for r in RULES {
            assert!(r.message.ends_with('.'), "{}: message should be a full sentence", r.id);
            assert!(!r.message.contains('!'), "{}: no exclamation marks; the user is a colleague", r.id);
            assert!(r.message.len() <= 200, "{}: message too long for a tooltip", r.id);
        }
    }

    #[test]
    fn refs_prefer_the_deployed_trust() {
        let r = rule("nhs-number").expect("nhs-number rule");
        let thh = format_refs(r, Some("thh"));
        assert!(thh.starts_with("Hillingdon") && !thh.contains(';'), "{thh}");
        assert!(format_refs(r, None).contains(';'));
    }
}
