//! The settings by name: every key a policy may hold, which of them a user may add to, and which reader
//! fills which [`Policy`] field. A new setting is added here (and in the schema and `Policy`; a test
//! keeps the three in step).

use super::reader::Reader;
use crate::policy::{Policy, PHOTO_WAIT_SECONDS};
use serde_json::Value;

/// Every setting a policy may contain: the managed-storage keys, in the schema's order.
pub const SETTINGS: [&str; 26] = [
    "trustName",
    "trustProfile",
    "commsContact",
    "speakUpContact",
    "policyUrl",
    "familyActions",
    "ruleActions",
    "modelActions",
    "allowOverride",
    "allowPause",
    "wardNames",
    "internalTerms",
    "staffProcessTerms",
    "hospitalNumberPatterns",
    "allowlist",
    "enabledSites",
    "selectorOverrides",
    "extraSites",
    "failClosed",
    "photoText",
    "photoFaces",
    "photoWaitSeconds",
    "userTermsAllowed",
    "fixesAllowed",
    "disclaimerText",
    "fixWording",
];

/// The settings a user may add to on the options page when IT allows it (`userTermsAllowed`).
pub const USER_SETTINGS: [&str; 3] = ["wardNames", "internalTerms", "staffProcessTerms"];

impl Reader {
    /// Reports a key that is not a setting, suggesting the setting it differs from only in case.
    pub(super) fn unknown(&mut self, key: &str) {
        let lower = key.to_ascii_lowercase();
        match SETTINGS.iter().find(|s| s.to_ascii_lowercase() == lower) {
            Some(s) => self.report(key, format!("is not a postguard setting (did you mean `{s}`?); ignored")),
            None => self.report(key, "is not a postguard setting; ignored"),
        }
    }

    /// Applies one known setting; returns whether any of it was used.
    pub(super) fn setting(&mut self, p: &mut Policy, setting: &'static str, v: &Value) -> bool {
        let v = &json_in_string(setting, v);
        match setting {
            "trustName" => self.text(setting, v).map(|s| p.trust_name = s).is_some(),
            "commsContact" => self.text(setting, v).map(|s| p.comms_contact = s).is_some(),
            "speakUpContact" => self.text(setting, v).map(|s| p.speak_up_contact = s).is_some(),
            "trustProfile" => self.profile(v).map(|s| p.trust_profile = s).is_some(),
            "policyUrl" => self.url(v).map(|s| p.policy_url = s).is_some(),
            "familyActions" => self.family_actions(v).map(|m| p.family_actions = m).is_some(),
            "ruleActions" => self.rule_actions(v).map(|m| p.rule_actions = m).is_some(),
            "modelActions" => self.model_actions(v).map(|m| p.model_actions = m).is_some(),
            "allowOverride" => self.boolean(setting, v).map(|b| p.allow_override = b).is_some(),
            "allowPause" => self.boolean(setting, v).map(|b| p.allow_pause = b).is_some(),
            "failClosed" => self.boolean(setting, v).map(|b| p.fail_closed = b).is_some(),
            "photoText" => self.boolean(setting, v).map(|b| p.photo_text = b).is_some(),
            "photoFaces" => self.boolean(setting, v).map(|b| p.photo_faces = b).is_some(),
            "photoWaitSeconds" => {
                self.seconds(setting, v, PHOTO_WAIT_SECONDS).map(|n| p.photo_wait_seconds = n).is_some()
            }
            "userTermsAllowed" => self.boolean(setting, v).map(|b| p.user_terms_allowed = b).is_some(),
            "wardNames" => self.term_list(setting, v).map(|t| p.ward_names = t).is_some(),
            "internalTerms" => self.term_list(setting, v).map(|t| p.internal_terms = t).is_some(),
            "staffProcessTerms" => self.term_list(setting, v).map(|t| p.staff_process_terms = t).is_some(),
            "allowlist" => self.term_list(setting, v).map(|t| p.allowlist = t).is_some(),
            "hospitalNumberPatterns" => self.patterns(v).map(|t| p.hospital_number_patterns = t).is_some(),
            "enabledSites" => self.sites(v).map(|s| p.enabled_sites = s).is_some(),
            "selectorOverrides" => self.selector_overrides(v).map(|s| p.selector_overrides = s).is_some(),
            "extraSites" => self.extra_sites(v).map(|s| p.extra_sites = s).is_some(),
            "fixesAllowed" => self.boolean(setting, v).map(|b| p.fixes_allowed = b).is_some(),
            "disclaimerText" => self.text(setting, v).map(|s| p.disclaimer_text = s).is_some(),
            "fixWording" => self.fix_wording(v).map(|w| p.fix_wording = w).is_some(),
            _ => {
                self.unknown(setting);
                false
            }
        }
    }
}

/// Windows registry policies may carry a list or object as a JSON string; read it as what it holds.
fn json_in_string(setting: &str, v: &Value) -> Value {
    let structured = matches!(
        setting,
        "familyActions"
            | "ruleActions"
            | "modelActions"
            | "wardNames"
            | "internalTerms"
            | "staffProcessTerms"
            | "hospitalNumberPatterns"
            | "allowlist"
            | "enabledSites"
            | "selectorOverrides"
            | "extraSites"
            | "fixWording"
    );
    if let (true, Some(s)) = (structured, v.as_str()) {
        let s = s.trim();
        if s.starts_with('[') || s.starts_with('{') {
            if let Ok(parsed) = serde_json::from_str::<Value>(s) {
                return parsed;
            }
        }
    }
    v.clone()
}
