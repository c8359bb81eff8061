//! `modelActions` end to end: from the managed JSON, through the reader, to the actions the analyser
//! gives the learned model's findings. The shipped weights may still be a placeholder, so a stand-in
//! model is built here whose readings are fixed by its per-family biases: every sentence is a confident
//! disrepute risk and a weak consent one, whatever it says. The rules run as shipped.

// Test code: a policy or model that should build stops the test with its message if it does not.
#![allow(clippy::expect_used)]

use postguard_core::model::weights::{write, FamilyParams};
use postguard_core::model::LearnedModel;
use postguard_core::policy::LEARNED_RULE_PREFIX;
use postguard_core::{managed, Action, Analyzer, Category, Engines, Finding, Severity};
use serde_json::{json, Value};
use std::sync::OnceLock;

/// Two sentences: a disrepute rule fires in the first; the second is plain, and shares a picture (the
/// analyser reads consent only in drafts that mention media).
const DRAFT: &str = "My manager is a complete idiot. The canteen had soup on today, pic below.";

fn stand_in_model() -> &'static LearnedModel {
    static MODEL: OnceLock<LearnedModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        // With scale 0 a segment's score is its family's bias, compared with the family's thresholds.
        let family = |bias: f32| FamilyParams { bias, scale: 0.0, info: 0.0, warn: 1.0 };
        // Category::ALL order: confidentiality never, consent weakly (marked only), disrepute strongly.
        let bytes = write(&[family(-5.0), family(0.5), family(5.0)], &[], &[]);
        LearnedModel::from_bytes(Box::leak(bytes.into_boxed_slice())).expect("the stand-in model parses")
    })
}

/// The findings for [`DRAFT`] under the managed policy `managed`, which must load without issues.
fn findings(managed: Value) -> Vec<Finding> {
    let loaded = managed::load(&managed);
    assert!(loaded.issues.is_empty(), "{managed}: {:?}", loaded.issues);
    let analyzer = Analyzer::with_model(loaded.policy, Some(stand_in_model()), Engines::Both).expect("builds");
    analyzer.analyze(DRAFT)
}

fn learned<'a>(found: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    found.iter().filter(|f| f.rule == rule).collect()
}

fn rules_in(found: &[Finding], category: Category) -> Vec<&Finding> {
    found.iter().filter(|f| f.category == category && !f.rule.starts_with(LEARNED_RULE_PREFIX)).collect()
}

#[test]
fn by_default_the_models_confident_findings_warn_and_its_weak_ones_only_mark() {
    let found = findings(json!({}));
    assert!(!rules_in(&found, Category::Disrepute).is_empty(), "a disrepute rule fires: {found:?}");
    let disrepute = learned(&found, "learned-disrepute");
    assert_eq!(disrepute.len(), 1, "only the sentence no disrepute rule marked: {found:?}");
    assert_eq!(
        &DRAFT[disrepute[0].start..disrepute[0].end].trim_end_matches('.'),
        &"The canteen had soup on today, pic below"
    );
    assert_eq!((disrepute[0].severity, disrepute[0].action), (Severity::Warn, Action::Warn));
    let consent = learned(&found, "learned-consent");
    assert!(!consent.is_empty() && consent.iter().all(|f| f.action == Action::Inform), "{found:?}");
    assert!(learned(&found, "learned-confidentiality").is_empty());
}

#[test]
fn model_actions_off_silences_the_model_for_that_family_and_the_rules_still_fire() {
    let default = findings(json!({}));
    let found = findings(json!({"modelActions": {"disrepute": "off"}}));
    assert!(learned(&found, "learned-disrepute").is_empty(), "{found:?}");
    assert_eq!(rules_in(&found, Category::Disrepute), rules_in(&default, Category::Disrepute), "rules unchanged");
    assert!(!rules_in(&found, Category::Disrepute).is_empty());
    assert_eq!(learned(&found, "learned-consent"), learned(&default, "learned-consent"), "other families unchanged");

    // The JSON-in-a-string form Windows registry policies use does the same.
    let registry = findings(json!({"modelActions": "{\"disrepute\": \"off\"}"}));
    assert_eq!(registry, found);
}

#[test]
fn family_actions_do_not_reach_the_models_findings() {
    let found = findings(json!({"familyActions": {"disrepute": "block", "consent": "block"}}));
    let rules = rules_in(&found, Category::Disrepute);
    assert!(!rules.is_empty() && rules.iter().all(|f| f.action == Action::Block), "the rules block: {found:?}");
    let disrepute = learned(&found, "learned-disrepute");
    assert_eq!(disrepute.len(), 1, "{found:?}");
    assert_eq!(disrepute[0].action, Action::Warn, "the model's finding keeps its own action, not the family's");
    assert!(learned(&found, "learned-consent").iter().all(|f| f.action == Action::Inform));

    // familyActions "off" does not turn the model off either.
    let found = findings(json!({"familyActions": {"disrepute": "off"}}));
    assert!(rules_in(&found, Category::Disrepute).is_empty(), "{found:?}");
    assert!(!learned(&found, "learned-disrepute").is_empty(), "{found:?}");
}

#[test]
fn model_actions_set_the_confident_findings_action_and_weak_ones_stay_marks() {
    let found = findings(json!({"modelActions": {"disrepute": "block", "consent": "block"}}));
    let disrepute = learned(&found, "learned-disrepute");
    assert!(!disrepute.is_empty() && disrepute.iter().all(|f| f.action == Action::Block), "{found:?}");
    let consent = learned(&found, "learned-consent");
    assert!(!consent.is_empty() && consent.iter().all(|f| f.action == Action::Inform), "weak: {found:?}");
    let rules = rules_in(&found, Category::Disrepute);
    assert!(rules.iter().all(|f| f.action != Action::Block), "the rules keep their own actions: {found:?}");

    // A pilot starts at inform: the model marks and never pauses a post.
    let found =
        findings(json!({"modelActions": {"confidentiality": "inform", "consent": "inform", "disrepute": "inform"}}));
    let model: Vec<&Finding> = found.iter().filter(|f| f.rule.starts_with(LEARNED_RULE_PREFIX)).collect();
    assert!(!model.is_empty() && model.iter().all(|f| f.action == Action::Inform), "{found:?}");
}

#[test]
fn a_rule_action_for_a_learned_id_sets_all_that_familys_model_findings() {
    // As for any rule, a ruleActions entry beats the family setting and applies at every severity.
    let found = findings(json!({"ruleActions": {"learned-consent": "block"}, "modelActions": {"consent": "off"}}));
    let consent = learned(&found, "learned-consent");
    assert!(!consent.is_empty(), "{found:?}");
    assert!(consent.iter().all(|f| f.severity == Severity::Info && f.action == Action::Block), "{found:?}");
    assert!(learned(&found, "learned-disrepute").iter().all(|f| f.action == Action::Warn));
}

#[test]
fn without_post_anyway_a_pausing_model_action_blocks() {
    // allowOverride false applies to the model like to every rule: a pausing action becomes block.
    let found = findings(json!({"allowOverride": false}));
    let disrepute = learned(&found, "learned-disrepute");
    assert!(!disrepute.is_empty() && disrepute.iter().all(|f| f.action == Action::Block), "{found:?}");
    assert!(learned(&found, "learned-consent").iter().all(|f| f.action == Action::Inform), "marks stay marks");
    let found = findings(json!({"allowOverride": false, "modelActions": {"disrepute": "inform"}}));
    assert!(learned(&found, "learned-disrepute").iter().all(|f| f.action == Action::Inform), "{found:?}");
}
