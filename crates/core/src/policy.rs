//! The deployed policy: what a Trust's IT configures, merged over embedded defaults.
//!
//! The same structure arrives from three places — managed browser storage (via the extension), a JSON
//! file (`postguard --policy`), or nothing at all (defaults) — so it lives here, in the core, and
//! every consumer gets identical behaviour. Field names are the managed-storage keys (camelCase).

use crate::finding::{Action, Category, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A Trust's configuration. Every field has a sensible default so an empty policy works.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Policy {
    /// The Trust's name, shown in the pre-submit dialog.
    pub trust_name: String,
    /// Which seed policy's clause numbers warnings cite (`cwft`, `wsft`, `thh`, `cddft`, `cumbria`);
    /// empty cites all five.
    pub trust_profile: String,
    /// Who to ask about posting (usually the communications team), shown in the dialog.
    pub comms_contact: String,
    /// The Freedom to Speak Up route, offered instead of raising concerns on social media.
    pub speak_up_contact: String,
    /// Link to the Trust's social media policy document.
    pub policy_url: String,
    /// Action for every rule of a family, overriding the severity-based default.
    pub family_actions: BTreeMap<Category, Action>,
    /// Action for one rule by id, overriding the family action.
    pub rule_actions: BTreeMap<String, Action>,
    /// Local ward, unit and site names: a person near one of these is identifiable.
    pub ward_names: Vec<String>,
    /// Unannounced or internal project names that must not be posted.
    pub internal_terms: Vec<String>,
    /// Terms for local staff processes (e.g. a local name for disciplinary panels).
    pub staff_process_terms: Vec<String>,
    /// Local hospital-number formats as regular expressions (e.g. `RJ1\d{7}`).
    pub hospital_number_patterns: Vec<String>,
    /// Phrases never reported (e.g. the Trust's own campaign hashtag).
    pub allowlist: Vec<String>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            trust_name: "your NHS Trust".into(),
            trust_profile: String::new(),
            comms_contact: "your Trust's communications team".into(),
            speak_up_contact: "your Freedom to Speak Up Guardian".into(),
            policy_url: String::new(),
            family_actions: BTreeMap::new(),
            rule_actions: BTreeMap::new(),
            ward_names: Vec::new(),
            internal_terms: Vec::new(),
            staff_process_terms: Vec::new(),
            hospital_number_patterns: Vec::new(),
            allowlist: Vec::new(),
        }
    }
}

impl Policy {
    /// The action for a finding of `rule` in `category` at `severity`: the rule's own setting, else the
    /// family's, else the severity default. A family or rule action never raises an `Info` finding
    /// above `Inform` unless set per rule: weak evidence should not pause a post because a whole family
    /// was set to `block`.
    pub fn action_for(&self, rule: &str, category: Category, severity: Severity) -> Action {
        if let Some(&a) = self.rule_actions.get(rule) {
            return a;
        }
        match self.family_actions.get(&category) {
            Some(&Action::Off) => Action::Off,
            Some(&a) if severity > Severity::Info => a,
            _ => Action::default_for(severity),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_beats_family_beats_severity() {
        let mut p = Policy::default();
        assert_eq!(p.action_for("nhs-number", Category::Confidentiality, Severity::High), Action::Warn);
        assert_eq!(p.action_for("nhs-number", Category::Confidentiality, Severity::Info), Action::Inform);
        p.family_actions.insert(Category::Confidentiality, Action::Block);
        assert_eq!(p.action_for("nhs-number", Category::Confidentiality, Severity::High), Action::Block);
        assert_eq!(p.action_for("nhs-number", Category::Confidentiality, Severity::Info), Action::Inform);
        p.rule_actions.insert("nhs-number".into(), Action::Off);
        assert_eq!(p.action_for("nhs-number", Category::Confidentiality, Severity::High), Action::Off);
    }

    #[test]
    fn empty_json_object_is_the_default_policy() {
        let p: Policy = serde_json::from_str("{}").expect("empty policy");
        assert_eq!(p, Policy::default());
        let p: Policy = serde_json::from_str(r#"{"familyActions":{"consent":"block"}}"#).expect("policy");
        assert_eq!(p.family_actions.get(&Category::Consent), Some(&Action::Block));
    }
}
