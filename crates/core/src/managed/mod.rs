//! Reading a Trust's policy from untrusted JSON: managed browser storage, a policy file, or the user's
//! own additions on the options page.
//!
//! The design idea: **one bad value costs one setting, never the policy.** Chrome silently drops
//! managed values that do not match `managed_schema.json`, and the schema can only check types, so
//! everything that reaches the extension still has to be checked here. The raw object is read setting by
//! setting (and list item by list item): a value that is wrong is reported as a [`PolicyIssue`] naming
//! the setting and saying what is wrong, that setting (or item) keeps its default, and every other setting
//! still applies. IT-supplied regular expressions are compiled here with a size limit, so a pattern that
//! would not compile, or would compile into something huge, is reported instead of failing the analyser.
//!
//! Layers, in one place: **IT (managed) values override defaults; the user may only add terms, and only
//! when IT allows it** (`userTermsAllowed`). Users can never remove the Trust's terms, loosen an action or
//! allow-list a phrase, so a personal setting can only make postguard stricter.
//!
//! The parts, one job each: this file reads the layers and says where each value came from;
//! `settings` names every setting and sends each to its reader; `reader` holds the primitives every
//! setting is read with (text, true/false, objects, lists, actions); `actions`, `terms`, `sites` and
//! `extra_sites` read the structured settings; `limits` holds the sizes the detectors accept; `deployment` unwraps
//! the files IT rolls out.

mod actions;
mod deployment;
mod extra_sites;
mod fixes;
mod limits;
mod reader;
mod settings;
mod sites;
mod terms;

pub use deployment::{load_json_str, unwrap_deployment};
pub use limits::{
    max_terms, MAX_ADDRESS_CHARS, MAX_EXTRA_SITES, MAX_PATTERNS, MAX_PATTERN_CHARS, MAX_SELECTORS, MAX_SELECTOR_CHARS,
    MAX_TERM_CHARS, MAX_TEXT_CHARS, MAX_URL_CHARS, MIN_TERM_CHARS, PATTERN_NEST_LIMIT, PATTERN_SIZE_LIMIT,
};
pub use settings::{SETTINGS, USER_SETTINGS};
pub use terms::check_pattern;

use crate::analyzer::{Analyzer, Engines};
use crate::error::Error;
use crate::policy::Policy;
use reader::{extend_unique, kind, Reader};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

// `tests.rs` names these through `use super::*`, as it did before the module was split.
#[cfg(test)]
use crate::finding::{Action, Category};

/// Where a setting's effective value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    /// postguard's built-in default.
    Default,
    /// The Trust's IT, through managed policy (or a policy file).
    Managed,
    /// The user, on the options page.
    User,
    /// IT's value with the user's additions.
    ManagedAndUser,
}

/// One problem with a received setting. The setting (or list item) it names fell back to its default;
/// the rest of the policy still applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyIssue {
    /// The setting, with the list index or object key where it matters: `wardNames[3]`,
    /// `ruleActions.nhs-number`.
    pub setting: String,
    /// What is wrong and what postguard did about it, in one sentence.
    pub problem: String,
    /// Who supplied the bad value: [`Source::Managed`] (IT) or [`Source::User`].
    pub source: Source,
}

/// The effective policy, what was wrong with the input, and where each setting came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Loaded {
    /// The policy to enforce.
    pub policy: Policy,
    /// Every problem found, in the order the settings were read.
    pub issues: Vec<PolicyIssue>,
    /// For every setting in [`SETTINGS`], where its value came from.
    pub sources: BTreeMap<&'static str, Source>,
}

impl Loaded {
    /// Builds the analyser for this policy. Validation mirrors every check the detectors make, so this
    /// should not fail; if a detector still refuses a setting, that is added to the issues and the
    /// analyser is built without the Trust's custom patterns, then with the defaults, rather than
    /// leaving the user unprotected. Fails only if the built-in defaults cannot compile (a bug).
    pub fn into_analyzer(self) -> Result<(Analyzer, Loaded), Error> {
        self.into_analyzer_with(Engines::Both)
    }

    /// [`Loaded::into_analyzer`] with only some parts of the analysis (to measure each alone).
    pub fn into_analyzer_with(mut self, engines: Engines) -> Result<(Analyzer, Loaded), Error> {
        match Analyzer::with_engines(self.policy.clone(), engines) {
            Ok(a) => return Ok((a, self)),
            Err(e) => self.issues.push(PolicyIssue {
                setting: "hospitalNumberPatterns".into(),
                problem: format!("{e}; postguard runs without the Trust's patterns"),
                source: Source::Managed,
            }),
        }
        self.policy.hospital_number_patterns.clear();
        self.sources.insert("hospitalNumberPatterns", Source::Default);
        if let Ok(a) = Analyzer::with_engines(self.policy.clone(), engines) {
            return Ok((a, self));
        }
        self.issues.push(PolicyIssue {
            setting: "(policy)".into(),
            problem: "the policy could not be applied; postguard runs with its defaults".into(),
            source: Source::Managed,
        });
        self.policy = Policy::default();
        self.sources.values_mut().for_each(|s| *s = Source::Default);
        let analyzer = Analyzer::with_engines(self.policy.clone(), engines)?;
        Ok((analyzer, self))
    }
}

/// Reads a managed policy object (or `null` for none).
pub fn load(managed: &Value) -> Loaded {
    load_layers(managed, &Value::Null)
}

/// Reads a managed policy object and the user's own additions (`null` for none), and merges them over
/// the defaults.
pub fn load_layers(managed: &Value, user: &Value) -> Loaded {
    let mut policy = Policy::default();
    let mut sources: BTreeMap<&'static str, Source> = SETTINGS.iter().map(|&s| (s, Source::Default)).collect();
    let mut r = Reader { issues: Vec::new(), source: Source::Managed };

    match managed {
        Value::Null => {}
        Value::Object(map) => {
            for (key, value) in map {
                if value.is_null() {
                    continue;
                }
                match SETTINGS.iter().find(|&&s| s == key) {
                    Some(&setting) => {
                        if r.setting(&mut policy, setting, value) {
                            sources.insert(setting, Source::Managed);
                        }
                    }
                    None => r.unknown(key),
                }
            }
        }
        other => r.report("(policy)", format!("must be an object of settings, not {}; defaults apply", kind(other))),
    }

    r.source = Source::User;
    match user {
        Value::Null => {}
        Value::Object(map) => {
            for (key, value) in map {
                let Some(&setting) = USER_SETTINGS.iter().find(|&&s| s == key) else {
                    r.report(key, "is not something a user can set; ignored");
                    continue;
                };
                if !policy.user_terms_allowed {
                    r.report(setting, "your Trust does not allow personal terms, so yours are kept but not used");
                    continue;
                }
                let added = r.terms(setting, value);
                if added.is_empty() {
                    continue;
                }
                let list = match setting {
                    "wardNames" => &mut policy.ward_names,
                    "internalTerms" => &mut policy.internal_terms,
                    _ => &mut policy.staff_process_terms,
                };
                extend_unique(list, added);
                if list.len() > max_terms(setting) {
                    list.truncate(max_terms(setting));
                    r.report(
                        setting,
                        format!(
                            "with your terms added there are more than {}; the rest of yours are not used",
                            max_terms(setting)
                        ),
                    );
                }
                let was = sources.get(setting).copied().unwrap_or(Source::Default);
                let now = if was == Source::Default { Source::User } else { Source::ManagedAndUser };
                sources.insert(setting, now);
            }
        }
        other => r.report("(your settings)", format!("must be an object, not {}; ignored", kind(other))),
    }

    Loaded { policy, issues: r.issues, sources }
}

#[cfg(test)]
mod tests;
