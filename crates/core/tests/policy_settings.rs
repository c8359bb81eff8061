//! The confidentiality settings IT supplies (ward names, internal terms, staff-process terms, local
//! hospital-number formats), end to end through `Analyzer::new`: they change what is found, and a bad
//! one stops construction with an error that names the setting instead of panicking.

// Test code: a policy that should build stops the test with its message if it does not.
#![allow(clippy::expect_used)]

use postguard_core::{Analyzer, Engines, ErrorKind, Policy, Severity};

fn rules_and_severities(analyzer: &Analyzer, text: &str) -> Vec<(&'static str, Severity)> {
    analyzer.analyze(text).into_iter().map(|f| (f.rule, f.severity)).collect()
}

/// What the settings add is measured on the rules (the learned model may read some of these sentences as
/// risky whatever IT sets, rightly: "Mr Hughes on Rowan Unit" names someone on a unit); with the model
/// on too, the rule a setting adds is still what is reported, not a model finding in its place.
#[test]
fn trust_settings_change_what_is_found() {
    let default = Analyzer::with_engines(Policy::default(), Engines::Rules).expect("default policy builds");
    let policy = Policy {
        ward_names: vec!["Rowan Unit".into()],
        internal_terms: vec!["Project Falcon".into()],
        staff_process_terms: vec!["Panel B".into()],
        hospital_number_patterns: vec![r"RJ1\d{7}".into()],
        ..Policy::default()
    };
    let trust = Analyzer::with_engines(policy.clone(), Engines::Rules).expect("trust policy builds");
    let trust_with_model = Analyzer::new(policy).expect("trust policy builds with the model");
    for (text, expected) in [
        ("Lovely chat with Mr Hughes on Rowan Unit today", ("patient-name", Severity::Warn)),
        ("Project Falcon goes live next week", ("internal-term", Severity::Warn)),
        ("my manager is up before Panel B tomorrow", ("staff-process", Severity::Warn)),
        ("ref RJ12345678 for the scan", ("hospital-number", Severity::Warn)),
    ] {
        assert!(rules_and_severities(&default, text).is_empty(), "{text}: {:?}", default.analyze(text));
        let found = rules_and_severities(&trust, text);
        assert!(found.contains(&expected), "{text}: {expected:?} missing from {found:?}");
        let with_model = rules_and_severities(&trust_with_model, text);
        assert!(with_model.contains(&expected), "{text}: {expected:?} missing with the model: {with_model:?}");
    }
}

#[test]
fn bad_settings_are_policy_errors_naming_the_setting() {
    let cases: [(Policy, &str); 4] = [
        (
            Policy { hospital_number_patterns: vec!["K\\d{7}".into(), "(".into()], ..Policy::default() },
            "hospitalNumberPatterns[1]",
        ),
        (Policy { hospital_number_patterns: vec!["x".repeat(500)], ..Policy::default() }, "hospitalNumberPatterns[0]"),
        (Policy { internal_terms: vec!["ok".into(), "y".repeat(500)], ..Policy::default() }, "internalTerms[1]"),
        (Policy { ward_names: vec!["w".into(); 5000], ..Policy::default() }, "wardNames"),
    ];
    for (policy, setting) in cases {
        let e = Analyzer::new(policy).expect_err("invalid setting");
        assert_eq!(e.kind(), ErrorKind::Policy, "{e}");
        assert!(e.to_string().contains(setting), "{e} should name {setting}");
    }
}
