use crate::policy::Policy;
use crate::Analyzer;

/// The draft after applying the first fix of the first finding of `rule`.
fn fixed(text: &str, rule: &str) -> String {
    fixed_with(&Policy::default(), text, rule)
}

fn fixed_with(policy: &Policy, text: &str, rule: &str) -> String {
    let analyzer = Analyzer::with_engines(policy.clone(), crate::Engines::Rules).expect("builds");
    let findings = analyzer.analyze(text);
    let f = findings.iter().find(|f| f.rule == rule).unwrap_or_else(|| panic!("no {rule} in {text:?}: {findings:?}"));
    let fix = f.fixes.first().unwrap_or_else(|| panic!("{rule} has no fix in {text:?}"));
    let mut out = text.to_string();
    for e in fix.edits.iter().rev() {
        out.replace_range(e.start..e.end, &e.text);
    }
    out
}

#[test]
fn identifiers_are_masked_in_place() {
    assert_eq!(fixed("Patient NHS 943 476 5919 seen today", "nhs-number"), "Patient NHS ••• ••• •••• seen today");
    assert_eq!(fixed("John Smith, DOB 12/03/1961, admitted", "date-of-birth"), "John Smith, DOB ••/••/••••, admitted");
    assert_eq!(fixed("Call me on 07700 900123 tonight", "phone-number"), "Call me on ••••• •••••• tonight");
    assert_eq!(fixed("email jane.smith@nhs.net about it", "work-email"), "email ••••.•••••••••.••• about it");
    assert_eq!(fixed("My password is Hunter2 for the rota", "credential"), "My password is ••••••• for the rota");
    assert_eq!(fixed("Ward wifi password: Summer2024! enjoy", "credential"), "Ward wifi password: ••••••••••• enjoy");
    assert_eq!(fixed("the drugs room code is 1 9 8 4, shh", "credential"), "the drugs room code is • • • •, shh");
}

#[test]
fn a_patients_name_becomes_a_role() {
    assert_eq!(
        fixed("Looked after Mr Ahmed Khan on ward 5 today, lovely man", "patient-name"),
        "Looked after a patient on ward 5 today, lovely man"
    );
    assert_eq!(fixed("My patient Doris turned 100 today", "patient-name"), "A patient turned 100 today");
    assert_eq!(
        fixed("Mr J. Smith on Ward 10 was admitted with chest pain", "patient-name"),
        "A patient on Ward 10 was admitted with chest pain"
    );
    assert_eq!(
        fixed("Patient called Gallagher kicking off in majors", "patient-name"),
        "A patient kicking off in majors"
    );
    assert_eq!(
        fixed("Mrs Jane Patel was admitted with sepsis today", "patient-name"),
        "A patient was admitted with sepsis today"
    );
    let policy = Policy {
        fix_wording: crate::policy::FixWording { patient: "someone I cared for".into(), ..Default::default() },
        ..Policy::default()
    };
    let analyzer = Analyzer::with_engines(policy.clone(), crate::Engines::Rules).expect("builds");
    let f = analyzer.analyze("Mrs Jane Patel was admitted with sepsis today");
    assert_eq!(f[0].fixes[0].label, "replace the name with “someone I cared for”");
    assert_eq!(
        fixed_with(&policy, "Mrs Jane Patel was admitted with sepsis today", "patient-name"),
        "Someone I cared for was admitted with sepsis today"
    );
}

#[test]
fn a_bed_space_is_dropped_with_the_places_chained_after_it() {
    assert_eq!(
        fixed("The lady in bay 4 bed 2 on Ward 7 kept us busy all night", "patient-location"),
        "The lady kept us busy all night"
    );
    assert_eq!(
        fixed("what a shift, the patient in bed 2 is lovely", "patient-location"),
        "what a shift, the patient is lovely"
    );
}

#[test]
fn abuse_is_removed_with_one_space() {
    assert_eq!(fixed("the consultant is a useless twat", "abuse-insult"), "the consultant is a useless");
    assert_eq!(fixed("twat of a day honestly", "abuse-insult"), "of a day honestly");
}

#[test]
fn speaking_for_the_trust_gains_the_disclaimer() {
    assert_eq!(
        fixed("Speaking on behalf of the Trust, we are proud of our nurses", "trust-voice"),
        "Speaking on behalf of the Trust, we are proud of our nurses. Views my own, not my employer's."
    );
    assert_eq!(
        fixed("Speaking on behalf of the Trust, we are proud of our nurses!\n", "trust-voice"),
        "Speaking on behalf of the Trust, we are proud of our nurses! Views my own, not my employer's.\n"
    );
}

#[test]
fn a_public_concern_becomes_a_pointer_to_speak_up() {
    let text = "Great shift. Management ignore unsafe staffing on our ward and nobody listens. Home now.";
    let out = fixed(text, "whistleblowing");
    assert!(
        out.starts_with("Great shift. If you are worried about care or safety at work, Freedom to Speak Up"),
        "{out}"
    );
    assert!(out.ends_with("raise it safely. Home now."), "{out}");
}

#[test]
fn a_claim_about_a_named_colleague_names_a_role_instead() {
    assert_eq!(
        fixed("Dr Smith is a fraud who falsifies patient notes", "defamation"),
        "A colleague is a fraud who falsifies patient notes"
    );
}

#[test]
fn no_fixes_when_the_policy_turns_them_off() {
    let policy = Policy { fixes_allowed: false, ..Policy::default() };
    let analyzer = Analyzer::with_engines(policy, crate::Engines::Rules).expect("builds");
    let f = analyzer.analyze("Patient NHS 943 476 5919 seen today");
    assert!(!f.is_empty() && f.iter().all(|f| f.fixes.is_empty()));
}
