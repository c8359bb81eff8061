//! Invariants that must hold for *any* draft, checked on generated text (issue 8). (The `conf` branch
//! has its own `properties.rs` for confidentiality snippets; this file is the analyser-wide contract.)
//!
//! The generator mixes arbitrary Unicode (controls, combining marks, astral characters, invisibles)
//! with tokens that make detectors fire — identifiers, context words, names, abuse, homoglyphs and
//! full-width forms — so the offsets being checked belong to real findings, not just to empty reports.

// Test code: a default policy that fails to build should stop the test with its message.
#![allow(clippy::expect_used)]

use postguard_core::analyzer::{Report, MAX_FINDINGS};
use postguard_core::normalize::Normalized;
use postguard_core::offsets::{bytes_to_utf16, utf16_to_byte};
use postguard_core::{Analyzer, Policy};
use proptest::prelude::*;
use std::sync::OnceLock;

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| Analyzer::new(Policy::default()).expect("default policy builds"))
}

/// Pieces that make detectors and the normaliser do real work.
const TOKENS: &[&str] = &[
    "patient",
    "NHS",
    "nhs no",
    "943 476 5919",
    "9434765919",
    "401-023-2137",
    "DOB 01/02/1980",
    "Mrs Patel",
    "bay 4",
    "ward 7",
    "admitted",
    "diagnosed",
    "07700 900123",
    "+44 7700 900123",
    "jo.bloggs@nhs.net",
    "SW1A 1AA",
    "AB123456C",
    "CHI 0101011234",
    "RJ1 1234567",
    "idiot",
    "f4ck",
    "f u c k",
    "sh1t",
    "consent",
    "photo",
    "😀",
    "👍🏽",
    "👨‍👩‍👧",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{00AD}",
    "ＮＨＳ",
    "９４３",
    "𝐢𝐝𝐢𝐨𝐭",
    "іdіоt",
    "İ",
    "ß",
    "é",
    "e\u{0301}",
    "\u{0301}",
    "\u{FE0F}",
    "’",
    "—",
    "\u{00A0}",
    "\u{3000}",
    "\n",
    "\r\n",
    "\t",
    " ",
    ".",
    ",",
    "#",
    "@",
    "0",
    "9",
    "-",
];

/// A draft: a few dozen pieces, each a token or arbitrary Unicode (any `char`, including controls).
fn draft() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(TOKENS).prop_map(str::to_string),
        1 => any::<String>().prop_map(|s| s.chars().take(6).collect::<String>()),
        1 => "\\PC{0,6}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Every invariant a report must satisfy for the text it was made from.
fn check_report(text: &str, report: &Report) -> Result<(), TestCaseError> {
    prop_assert!(report.findings.len() <= MAX_FINDINGS);
    let mut last_start = 0;
    for f in &report.findings {
        prop_assert!(f.start < f.end, "empty or reversed span {}..{}", f.start, f.end);
        prop_assert!(f.end <= text.len(), "span {}..{} past the end ({})", f.start, f.end, text.len());
        prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end), "span splits a character");
        prop_assert!(f.start >= last_start, "findings out of text order");
        last_start = f.start;
        // The browser's view: the same span in UTF-16 selects exactly the same characters.
        let units = bytes_to_utf16(text, &[f.start, f.end]);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let selected = String::from_utf16(&utf16[units[0]..units[1]]).ok();
        prop_assert_eq!(selected.as_deref(), Some(&text[f.start..f.end]));
        // No identifier the user typed leaks into the explanation. (Only identifiers: a span of plain
        // words can coincide with an explanation's fixed wording; see fuzz/src/lib.rs `quotable`.)
        let typed = text[f.start..f.end].trim();
        if typed.contains('@') || typed.bytes().filter(u8::is_ascii_digit).count() >= 4 {
            prop_assert!(!f.why.contains(typed), "`why` quotes the draft");
        }
        // Fixes edit inside the text, on character boundaries, and never paste an identifier typed.
        for fix in &f.fixes {
            let mut last_end = 0;
            for e in &fix.edits {
                prop_assert!(
                    last_end <= e.start && e.start <= e.end && e.end <= text.len(),
                    "edit {}..{} out of order or range",
                    e.start,
                    e.end
                );
                prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end), "edit splits a character");
                prop_assert!(!e.text.bytes().any(|b| b.is_ascii_digit()), "a fix writes no digits: {:?}", e.text);
                last_end = e.end;
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn findings_lie_on_char_boundaries_within_the_text(text in draft()) {
        let report = analyzer().analyze_report(&text);
        check_report(&text, &report)?;
    }

    #[test]
    fn analysing_a_then_b_never_panics(a in draft(), b in draft()) {
        // Every pair, including a split inside what would be one token ("943 47" + "6 5919").
        let joined = format!("{a}{b}");
        check_report(&joined, &analyzer().analyze_report(&joined))?;
        let spaced = format!("{a} {b}\n{a}");
        check_report(&spaced, &analyzer().analyze_report(&spaced))?;
    }

    #[test]
    fn analysis_is_deterministic(text in draft()) {
        prop_assert_eq!(analyzer().analyze_report(&text), analyzer().analyze_report(&text));
    }

    #[test]
    fn normalisation_map_is_monotonic_and_on_boundaries(text in draft()) {
        let n = Normalized::new(&text);
        let norm = n.as_str();
        let mut previous = (0, 0);
        for i in 0..norm.len() {
            let (s, e) = n.to_original(i, i + 1);
            prop_assert!(s < e && e <= text.len(), "byte {i} maps to {s}..{e} of {}", text.len());
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            prop_assert!(s >= previous.0 && e >= previous.1, "map goes backwards at byte {}", i);
            previous = (s, e);
        }
        // Any range of normalised characters maps to a range covering each of its bytes' origins.
        let bounds: Vec<usize> = norm.char_indices().map(|(i, _)| i).chain([norm.len()]).collect();
        for w in bounds.windows(2).step_by(3) {
            let (s, e) = n.to_original(w[0], norm.len());
            prop_assert!(s <= n.to_original(w[0], w[1]).0 && e == n.to_original(norm.len() - 1, norm.len()).1);
        }
    }

    #[test]
    fn byte_and_utf16_offsets_convert_exactly(text in draft(), picks in proptest::collection::vec(any::<usize>(), 0..16)) {
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        // Unsorted, repeated offsets: the batch conversion must not assume order.
        let offsets: Vec<usize> = picks.iter().map(|p| bounds[p % bounds.len()]).collect();
        let units = bytes_to_utf16(&text, &offsets);
        for (b, u) in offsets.iter().zip(&units) {
            prop_assert_eq!(*u, text[..*b].encode_utf16().count());
            prop_assert_eq!(utf16_to_byte(&text, *u), *b);
        }
    }

    #[test]
    fn utf16_offsets_inside_a_surrogate_pair_round_down(text in draft(), at in any::<usize>()) {
        let len16 = text.encode_utf16().count();
        let u = at % (len16 + 2); // sometimes past the end
        let b = utf16_to_byte(&text, u);
        prop_assert!(text.is_char_boundary(b));
        let back = bytes_to_utf16(&text, &[b])[0];
        prop_assert!(back <= u && u - back <= 1 || u > len16 && b == text.len(),
            "utf16 {} → byte {} → utf16 {}", u, b, back);
    }
}

#[test]
fn offsets_past_the_end_clamp_to_the_length() {
    let text = "a😀b";
    assert_eq!(bytes_to_utf16(text, &[100, 0, text.len()]), [4, 0, 4]);
    assert_eq!(utf16_to_byte(text, 100), text.len());
}

#[test]
fn the_generator_produces_drafts_with_findings() {
    // Guards the properties above against passing vacuously on reports that are always empty.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = draft();
    let with_findings = (0..300)
        .filter(|_| {
            let text = strategy.new_tree(&mut runner).expect("generates").current();
            !analyzer().analyze(&text).is_empty()
        })
        .count();
    assert!(with_findings >= 20, "only {with_findings} of 300 generated drafts had findings");
}
