//! Property tests: whatever the draft contains — emoji, accents, right-to-left text, zero-width and
//! full-width characters, combining marks — every finding indexes the original text on character
//! boundaries, and a risky snippet is marked exactly where it was typed.

// Test code: a policy that fails to build should stop the test with its message.
#![allow(clippy::expect_used)]

use postguard_core::{Analyzer, Category, Policy};
use proptest::prelude::*;
use std::sync::OnceLock;

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| {
        let policy = Policy {
            ward_names: vec!["Rowan Unit".into()],
            internal_terms: vec!["Project Falcon".into()],
            staff_process_terms: vec!["Panel B".into()],
            hospital_number_patterns: vec![r"RJ1\d{7}".into(), r"\d{6}.".into()],
            ..Policy::default()
        };
        Analyzer::new(policy).expect("test policy builds")
    })
}

/// Fragments that exercise every confidentiality detector, in the forms people type them.
const RISKY: &[&str] = &[
    "NHS 401 023 2137",
    "nhs no 4010232137",
    "CHI 2101650002",
    "H&C 3200000015",
    "MRN: 00482913",
    "rj12345678",
    "ni no AB 12 34 56 C",
    "lives at LS6 3QT",
    "lives at 14 Acacia Avenue",
    "her number is 07700 900123",
    "+44 (0)7700 900123",
    "jo.bloggs82@gmail.com",
    "sarah.jones@nhs.net",
    "DOB 12/03/1947",
    "born 3rd March 1947 admitted",
    "92-year-old man on Ward 7",
    "Mrs Patel in bay 4",
    "my patient Doris",
    "the lady in bed 4",
    "footballer came into A&E",
    "not announced yet but they're closing ward 9",
    "Project Falcon",
    "Dr Khan has been suspended",
    "door code is 4729#",
    "password: Summer2024!",
];

/// Characters that stress offset mapping: multi-byte, folded by normalisation, removed by it, or
/// changing direction.
const AWKWARD: &[&str] = &[
    "😀",
    "👩🏽‍⚕️",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "Ａ",
    "９",
    "\u{200B}",
    "\u{200F}",
    "\u{202E}",
    "\u{FEFF}",
    "\u{0301}",
    "שלום",
    "مرحبا",
    "𝐌𝐫𝐬",
    "\u{00A0}",
    "—",
    "’",
    "\n",
    " ",
];

/// The awkward characters that cannot join a snippet's words or numbers: no letters that spell a cue
/// ("𝐌𝐫𝐬" folds to "mrs") and no digits.
fn neutral() -> Vec<&'static str> {
    AWKWARD.iter().copied().filter(|s| !matches!(*s, "𝐌𝐫𝐬" | "Ａ" | "９")).collect()
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "\\PC{0,12}",
        2 => prop::sample::select(RISKY).prop_map(str::to_string),
        2 => prop::sample::select(AWKWARD).prop_map(str::to_string),
        1 => "[0-9 ]{1,14}",
        // The ASCII that detectors parse by hand: cues, separators, digits, '@', '#', brackets.
        2 => "[a-z0-9 :@.#/'+()&=-]{1,30}",
    ]
}

fn draft() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..12).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn findings_index_the_original_on_char_boundaries(text in draft()) {
        for f in analyzer().analyze(&text) {
            prop_assert!(f.start < f.end, "empty span {f:?}");
            prop_assert!(f.end <= text.len(), "span past the end {f:?}");
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end), "split character {f:?}");
            prop_assert!(!f.policy_ref.is_empty());
        }
    }

    #[test]
    fn a_risky_snippet_is_marked_where_it_was_typed(
        prefix in prop::collection::vec(prop::sample::select(neutral()), 0..6),
        suffix in prop::collection::vec(prop::sample::select(neutral()), 0..6),
        which in 0..RISKY.len(),
    ) {
        let snippet = RISKY[which];
        let prefix = prefix.concat() + " ";
        let text = format!("{prefix}{snippet} {}", suffix.concat());
        let findings = analyzer().analyze(&text);
        let within = |start: usize, end: usize| start >= prefix.len() && end <= prefix.len() + snippet.len();
        let mut inside: Vec<(&str, usize, usize)> = findings
            .iter()
            .filter(|f| f.category == Category::Confidentiality && within(f.start, f.end))
            .map(|f| (f.rule, f.start, f.end))
            .collect();
        prop_assert!(!inside.is_empty(), "{snippet:?} not found inside {text:?}: {findings:?}");
        // The same findings, shifted by exactly the prefix, as for the snippet typed alone.
        let mut alone: Vec<(&str, usize, usize)> = analyzer()
            .analyze(snippet)
            .iter()
            .filter(|f| f.category == Category::Confidentiality)
            .map(|f| (f.rule, f.start + prefix.len(), f.end + prefix.len()))
            .collect();
        inside.sort_unstable();
        alone.sort_unstable();
        prop_assert_eq!(inside, alone, "{:?}", text);
    }
}

#[test]
fn full_width_and_zero_width_forms_map_back_to_what_was_typed() {
    let text = "پ 😀 ｍｙ ｐａｔｉｅｎｔ Ｄｏｒｉｓ and NHS ４０１\u{200B} ０２３ ２１３７ 👍";
    let findings = analyzer().analyze(text);
    let marked: Vec<&str> = findings.iter().map(|f| &text[f.start..f.end]).collect();
    assert!(marked.contains(&"ｍｙ ｐａｔｉｅｎｔ Ｄｏｒｉｓ"), "{marked:?}");
    assert!(marked.contains(&"４０１\u{200B} ０２３ ２１３７"), "{marked:?}");
}
