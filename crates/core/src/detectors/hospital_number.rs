//! Local hospital numbers (MRN, unit number, K-number …): the Trust's own patient identifiers.
//!
//! Every Trust numbers its patients differently, so there is no checksum to test. Two sources of
//! evidence are used instead:
//!
//! * **a cue and an identifier-shaped token**: "hospital number", "hosp no", "MRN", "patient ID",
//!   "unit number", "K number" (a context class, `hospital_cue.txt`) followed within a few characters
//!   by a token of five to ten digits,
//!   optionally with a short letter prefix (`K1234567`, `RJ1-2345678`). The cue says what the token is,
//!   so the match is reported at high severity.
//! * **a lettered identifier near health words**: one to three letters then six to nine digits
//!   (`KM4471209`, `RNF0558310`), a shape no everyday number has, in the same sentence as a
//!   hospital-number cue ("hospital numbers in my notes, like KM4471209": high) or within a few words of
//!   a health-identifier word ("patient", "notes", "ward", "labels"; warn).
//! * **the Trust's own formats**, which IT lists in `hospitalNumberPatterns` (e.g. `RJ1\d{7}`). These
//!   are untrusted input: at most [`MAX_PATTERNS`] patterns of at most [`MAX_PATTERN_LEN`] characters,
//!   compiled once at construction with `regex-lite` (linear time) under a size and nesting limit,
//!   case-insensitive (the draft is matched lower-cased). A pattern that does not compile fails the
//!   analyser's construction with an error naming the setting (`hospitalNumberPatterns[3]`), never a
//!   panic. A match must stand alone as a word; it is high severity near a health-identifier word and
//!   a warning otherwise (IT said this shape is a hospital number here).
//!
//! | text                                        | result                        |
//! |---------------------------------------------|-------------------------------|
//! | `hospital number K1234567`                  | high                          |
//! | `MRN: 00123456`                             | high                          |
//! | `pt id RJ1-2345678`                         | high                          |
//! | `rj12345678 in bay 4` (IT pattern `RJ1\d{7}`) | warn; high beside "patient" |
//! | `hospital numbers in my notes: KM4471209`   | high                          |
//! | `reprint labels for K. Armstrong RNF0558310` | warn                         |
//! | `order AB1234567 arrived` (no health word)  | none                          |
//! | `hospital number is on the letter`          | none: no identifier token     |
//! | `MRN 1234`                                  | none: too short               |
//! | `xrj12345678` (IT pattern)                  | none: inside a longer word    |

use super::people::{after, gap_is_filler};
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::context::is_boundary;
use crate::error::Error;
use crate::finding::Severity;
use crate::pattern::Matcher;
use crate::policy::Policy;
use regex_lite::{Regex, RegexBuilder};

/// Most IT-supplied hospital-number patterns accepted.
pub const MAX_PATTERNS: usize = 50;
/// Longest IT-supplied pattern, in characters.
pub const MAX_PATTERN_LEN: usize = 200;
/// Compiled size limit per IT pattern, in bytes: generous for real formats, fatal for `(a{100}){100}`.
const PATTERN_SIZE_LIMIT: usize = 1 << 18;
/// Deepest nesting of groups and repetitions accepted in an IT pattern.
const PATTERN_NEST_LIMIT: u32 = 16;
/// Bytes either side of an IT-pattern match in which a context word makes it a confident match.
const CONTEXT_WINDOW: usize = 40;
/// Bytes after a cue in which its identifier must start.
const CUE_GAP: usize = 12;

// The cues ("hospital number", "MRN", "patient ID", "K number" …) are a context class, `hospital_cue.txt`.
// An identifier: five to ten digits, optionally after a short letter prefix (`K1234567`, `RJ1-2345678`).
crate::pattern!(HOSPITAL_NUMBER_ID, r"(?-u)\b(?:[a-z]{1,3}\d?-?)?\d{5,10}[a-z]?\b");
// A lettered identifier: one to three letters straight before six to nine digits (`KM4471209`).
crate::pattern!(LETTERED_ID, r"(?-u)\b[a-z]{1,3}\d{6,9}\b");

/// Bytes before a lettered identifier, within its sentence, in which a hospital-number cue counts.
const SENTENCE_CUE_WINDOW: usize = 100;

/// Finds hospital numbers by cue word and by the Trust's own patterns.
#[derive(Debug)]
pub struct HospitalNumber {
    id: Matcher,
    lettered: Matcher,
    local: Vec<Regex>,
}

impl HospitalNumber {
    /// Loads the built-in patterns and compiles the policy's `hospitalNumberPatterns`.
    pub fn new(policy: &Policy) -> Result<Self, Error> {
        let patterns = &policy.hospital_number_patterns;
        if patterns.len() > MAX_PATTERNS {
            return Err(Error::policy(
                "hospitalNumberPatterns",
                format!("{} patterns given; at most {MAX_PATTERNS} are allowed", patterns.len()),
            ));
        }
        let mut local = Vec::with_capacity(patterns.len());
        for (i, p) in patterns.iter().enumerate() {
            let setting = format!("hospitalNumberPatterns[{i}]");
            let p = p.trim();
            if p.is_empty() {
                return Err(Error::policy(&setting, "the pattern is empty"));
            }
            if p.chars().count() > MAX_PATTERN_LEN {
                return Err(Error::policy(&setting, format!("longer than {MAX_PATTERN_LEN} characters")));
            }
            let re = RegexBuilder::new(p)
                .case_insensitive(true)
                .size_limit(PATTERN_SIZE_LIMIT)
                .nest_limit(PATTERN_NEST_LIMIT)
                .build()
                .map_err(|e| Error::policy(&setting, e))?;
            if re.is_match("") {
                return Err(Error::policy(&setting, "the pattern matches empty text"));
            }
            local.push(re);
        }
        Ok(HospitalNumber { id: HOSPITAL_NUMBER_ID.matcher()?, lettered: LETTERED_ID.matcher()?, local })
    }

    fn cued(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        for &(_, cue_end) in input.context.all(class::HOSPITAL_CUE) {
            let window = after(input.text, cue_end, CUE_GAP + 16);
            let Some(id) = self.id.find(window) else { continue };
            let gap = &window[..id.start()];
            if id.start() > CUE_GAP || !gap_is_filler(gap, &[':', '#', '.', '=', '-'], &["is", "of", "was"], 1) {
                continue;
            }
            let (start, end) = (cue_end + id.start(), cue_end + id.end());
            out.push(
                Candidate::new("hospital-number", start, end, "hospital-number cue followed by an identifier")
                    .with_severity(Severity::High),
            );
        }
    }

    /// Lettered identifiers (`KM4471209`) a cue earlier in the sentence or a health word nearby
    /// makes a hospital number. Those the cue pass or the Trust's formats already reported are left to them.
    fn lettered(&self, input: &Input<'_>, out: &mut Vec<Candidate>, from: usize) {
        let text = input.text;
        // What the other passes reported, sorted, so each identifier costs a binary search.
        let mut taken: Vec<(usize, usize)> = out[from..].iter().map(|c| (c.start, c.end)).collect();
        taken.sort_unstable();
        let mut reach = Vec::with_capacity(taken.len()); // furthest end of any span up to each index
        let mut furthest = 0;
        for &(_, e) in &taken {
            furthest = furthest.max(e);
            reach.push(furthest);
        }
        for m in self.lettered.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            // Spans starting before `end`: overlap if the furthest of them ends after `start`.
            let before = taken.partition_point(|&(s, _)| s < end);
            if (before > 0 && reach[before - 1] > start) || placeholder(m.as_str()) {
                continue;
            }
            let lo = start.saturating_sub(SENTENCE_CUE_WINDOW);
            let sentence = sentence_start(text, lo, start);
            let cued = any_within(input.context.all(class::HOSPITAL_CUE), sentence, start);
            let (severity, why) = if cued {
                (Severity::High, "lettered identifier in a sentence about hospital numbers")
            } else if health_word_in_sentence(input, sentence, start, end) {
                (Severity::Warn, "lettered identifier near a health-identifier word")
            } else {
                continue;
            };
            out.push(Candidate::new("hospital-number", start, end, why).with_severity(severity));
        }
    }
}

/// Whether a lettered identifier's digits are a placeholder no system issues ("KG000000",
/// "AB1111111", "XY1234567"): the shape of a training slide's dummy, not a patient.
fn placeholder(id: &str) -> bool {
    let digits: Vec<u8> = id.bytes().filter(u8::is_ascii_digit).collect();
    let same = digits.windows(2).all(|w| w[0] == w[1]);
    let counting = digits.windows(2).all(|w| w[1] == w[0] + 1);
    same || counting
}

/// Whether the byte at `i` ends a sentence: `!`, `?`, a line break, or a full stop that is not an
/// initial's ("K. Armstrong").
fn ends_sentence(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'!' | b'?' | b'\n' => true,
        b'.' => !(i >= 1 && bytes[i - 1].is_ascii_alphabetic() && (i == 1 || !bytes[i - 2].is_ascii_alphanumeric())),
        _ => false,
    }
}

/// Where the sentence holding byte `at` starts, looking back no further than `lo` (so the scan stays
/// short in a long draft).
fn sentence_start(text: &str, lo: usize, at: usize) -> usize {
    let bytes = text.as_bytes();
    (lo..at).rev().find(|&i| ends_sentence(bytes, i)).map_or(lo, |i| i + 1)
}

/// Where the sentence holding byte `at` ends, looking no further than `hi`.
fn sentence_end(text: &str, at: usize, hi: usize) -> usize {
    let bytes = text.as_bytes();
    (at..hi.min(bytes.len())).find(|&i| ends_sentence(bytes, i)).unwrap_or(hi.min(bytes.len()))
}

/// Whether a health-identifier word stands within [`CONTEXT_WINDOW`] of `start..end` without a
/// sentence break between ("…notes. Anyway my parcel is DX1234567" is about a parcel).
fn health_word_in_sentence(input: &Input<'_>, sentence: usize, start: usize, end: usize) -> bool {
    let text = input.text;
    let hi = sentence_end(text, end, end + CONTEXT_WINDOW);
    let lo = start.saturating_sub(CONTEXT_WINDOW).max(sentence);
    any_within(input.context.all(class::IDENTIFIER), lo, hi)
}

/// Whether any of `hits` (sorted by start) lies wholly within `lo..hi`.
fn any_within(hits: &[(usize, usize)], lo: usize, hi: usize) -> bool {
    let first = hits.partition_point(|&(s, _)| s < lo);
    hits[first..].iter().take_while(|&&(s, _)| s < hi).any(|&(_, e)| e <= hi)
}

impl Detector for HospitalNumber {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let from = out.len();
        self.cued(input, out);
        let bytes = input.text.as_bytes();
        for re in &self.local {
            for m in re.find_iter(input.text) {
                let (start, end) = (m.start(), m.end());
                if !is_boundary(bytes, start) || !is_boundary(bytes, end) {
                    continue;
                }
                let (severity, why) = match input.context.near(class::IDENTIFIER, start, end, CONTEXT_WINDOW) {
                    Some(_) => {
                        (Severity::High, "matches a Trust hospital-number format; health-identifier word nearby")
                    }
                    None => (Severity::Warn, "matches a Trust hospital-number format"),
                };
                out.push(Candidate::new("hospital-number", start, end, why).with_severity(severity));
            }
        }
        self.lettered(input, out, from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;
    use crate::error::ErrorKind;

    fn found_with(patterns: &[&str], text: &str) -> Vec<(String, Option<Severity>)> {
        let policy =
            Policy { hospital_number_patterns: patterns.iter().map(|s| s.to_string()).collect(), ..Policy::default() };
        let d = HospitalNumber::new(&policy).expect("compiles");
        run(&d, text).into_iter().map(|(s, c)| (s, c.severity)).collect()
    }

    fn found(text: &str) -> Vec<(String, Option<Severity>)> {
        found_with(&[], text)
    }

    #[test]
    fn cued_positives() {
        for (text, id) in [
            ("hospital number K1234567 please", "k1234567"),
            ("MRN: 00123456", "00123456"),
            ("pt id RJ1-2345678", "rj1-2345678"),
            ("her hosp no. is 7654321", "7654321"),
            ("Unit number 1234567A", "1234567a"),
            ("K-number K0987654", "k0987654"),
        ] {
            assert_eq!(found(text), [(id.to_string(), Some(Severity::High))], "{text}");
        }
        assert!(crate::catalogue::rule("hospital-number").is_some());
    }

    #[test]
    fn cued_negatives() {
        for text in
            ["hospital number is on the letter", "MRN 1234", "hospitality no 123456 tickets", "the unit numbers rose"]
        {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn lettered_identifiers() {
        let high = Some(Severity::High);
        let warn = Some(Severity::Warn);
        for (text, id, severity) in [
            ("I keep my patients' hospital numbers in my phone notes, like KM4471209 and KM3390418", "km4471209", high),
            ("can someone reprint labels for K. Armstrong RNF0558310 please", "rnf0558310", warn),
            ("the patient in bay 2 is AB482913, chase her bloods", "ab482913", warn),
        ] {
            let f = found(text);
            assert_eq!(f.first(), Some(&(id.to_string(), severity)), "{text}: {f:?}");
        }
        for text in [
            "order AB1234567 arrived at last",
            "my flight is BA2490 tomorrow",
            "ticket INC0012345 for the printer",
            "hospital numbers matter. Anyway my parcel is DX1234567",
            "we used KG000000 as our dummy hospital number",
            "patient AB1234567 is the example on the slide",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn many_identifiers_cost_linear_time() {
        let d = HospitalNumber::new(&Policy::default()).expect("compiles");
        let time = |n: usize| {
            let text = "hospital number K4829137, patient KM4471209 and RNF0558310 on the ward. ".repeat(n);
            let t = std::time::Instant::now();
            run(&d, &text);
            t.elapsed()
        };
        crate::linear_time::assert_linear(time, 300, std::time::Duration::from_micros(500));
    }

    #[test]
    fn trust_patterns() {
        assert_eq!(
            found_with(&[r"RJ1\d{7}"], "rj12345678 in bay 4"),
            [("rj12345678".to_string(), Some(Severity::Warn))]
        );
        assert_eq!(
            found_with(&[r"RJ1\d{7}"], "patient RJ12345678"),
            [("rj12345678".to_string(), Some(Severity::High))]
        );
        assert!(found_with(&[r"RJ1\d{7}"], "xrj12345678").is_empty());
        // `.` matches a whole character, never part of one.
        let f = found_with(&[r"\d{6}."], "patient 123456ж");
        assert_eq!(f, [("123456ж".to_string(), Some(Severity::High))]);
    }

    #[test]
    fn bad_trust_patterns_are_policy_errors_naming_the_setting() {
        let build = |patterns: Vec<String>| {
            HospitalNumber::new(&Policy { hospital_number_patterns: patterns, ..Policy::default() })
        };
        let e = build(vec![r"RJ1\d{7}".into(), "(unclosed".into()]).expect_err("bad pattern");
        assert_eq!(e.kind(), ErrorKind::Policy);
        assert!(e.to_string().contains("hospitalNumberPatterns[1]"), "{e}");
        assert!(build(vec!["x".repeat(MAX_PATTERN_LEN + 1)]).is_err());
        assert!(build(vec![r"\d*".into()]).is_err());
        assert!(build(vec![" ".into()]).is_err());
        assert!(build(vec![r"(\d{100}){100}".into()]).is_err());
        assert!(build(vec![format!("{}x{}", "(".repeat(40), ")".repeat(40))]).is_err());
        assert!(build(vec![r"K\d{7}".into(); MAX_PATTERNS + 1]).is_err());
        assert!(build(vec![r"K\d{7}".into(); MAX_PATTERNS]).is_ok());
    }
}
