//! Invariants every analysis must satisfy, shared by the fuzz targets. A violation panics, which
//! libFuzzer reports as a crash with the input that caused it.

use postguard_core::analyzer::{Report, MAX_FINDINGS};
use postguard_core::normalize::Normalized;
use postguard_core::offsets::bytes_to_utf16;
use postguard_core::Analyzer;

/// Analyses `text` and checks the report and the normalisation map against `text`.
pub fn check(analyzer: &Analyzer, text: &str) {
    let report = analyzer.analyze_report(text);
    check_report(text, &report);
    check_normalisation(text);
}

/// Findings: capped, non-empty, inside the text, on character boundaries, in text order, exact in
/// UTF-16, and their explanations never quote the draft.
pub fn check_report(text: &str, report: &Report) {
    assert!(report.findings.len() <= MAX_FINDINGS, "{} findings", report.findings.len());
    let offsets: Vec<usize> = report.findings.iter().flat_map(|f| [f.start, f.end]).collect();
    let units = bytes_to_utf16(text, &offsets);
    let mut last = 0;
    for (f, u) in report.findings.iter().zip(units.chunks_exact(2)) {
        assert!(f.start < f.end && f.end <= text.len(), "span {}..{} in {} bytes", f.start, f.end, text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end), "span splits a character");
        assert!(f.start >= last, "findings out of order");
        last = f.start;
        assert_eq!(u[0], text[..f.start].encode_utf16().count());
        assert_eq!(u[1] - u[0], text[f.start..f.end].encode_utf16().count());
        let typed = text[f.start..f.end].trim();
        if quotable(typed) {
            assert!(!f.why.contains(typed), "`why` quotes the draft");
        }
    }
}

/// Whether a span is distinctive enough that finding it inside `why` means `why` quoted the draft:
/// identifiers (four or more digits, or an `@`). A span of ordinary words can coincide with the fixed
/// wording of an explanation — the fuzzer typed "a password, PIN or code cue followed by a value", the
/// credentials detector's own `why`, and the value it flagged ("value") is in that phrase — so words
/// are not evidence of quoting.
pub fn quotable(span: &str) -> bool {
    span.contains('@') || span.bytes().filter(u8::is_ascii_digit).count() >= 4
}

/// The map from normalised bytes to original characters is monotonic and lands on boundaries.
pub fn check_normalisation(text: &str) {
    let n = Normalized::new(text);
    let mut previous = (0, 0);
    for i in 0..n.as_str().len() {
        let (s, e) = n.to_original(i, i + 1);
        assert!(s < e && e <= text.len(), "normalised byte {i} maps to {s}..{e}");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "map splits a character");
        assert!(s >= previous.0 && e >= previous.1, "map goes backwards at normalised byte {i}");
        previous = (s, e);
    }
}
