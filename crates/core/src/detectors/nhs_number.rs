//! NHS numbers (England, Wales, Isle of Man), validated by their modulus-11 check digit.
//!
//! A checksum alone passes about one in eleven random 10-digit numbers, so a valid number is reported
//! at full severity only when a health-identifier word stands nearby ("NHS", "patient", "DOB" …) or the
//! number is written in the NHS's own 3-3-4 grouping; otherwise it is an informational mark. Numbers
//! in never-issued ranges and the all-nines placeholder are ignored. (Scottish CHI and Northern Irish
//! H&C numbers share the format and check; they have their own detector.)

use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::error::Error;
use crate::finding::Severity;
use crate::pattern::Matcher;

/// Bytes either side of a number in which a context word makes it a confident match.
const CONTEXT_WINDOW: usize = 40;

// The same separator (space, hyphen or none) between both groups; no digit either side.
crate::pattern!(NHS_NUMBER, r"(?-u)\b(?:\d{3} \d{3} \d{4}|\d{3}-\d{3}-\d{4}|\d{10})\b");

/// Finds NHS numbers written `943 476 5919`, `943-476-5919` or `9434765919`.
#[derive(Debug)]
pub struct NhsNumber {
    pattern: Matcher,
}

impl NhsNumber {
    /// Loads the prebuilt pattern.
    pub fn new() -> Result<Self, Error> {
        Ok(NhsNumber { pattern: NHS_NUMBER.matcher()? })
    }
}

impl Detector for NhsNumber {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        for m in self.pattern.find_iter(input.text) {
            let digits: Vec<u32> = m.as_str().bytes().filter(u8::is_ascii_digit).map(|b| u32::from(b - b'0')).collect();
            if !checksum_valid(&digits) || is_placeholder(&digits) {
                continue;
            }
            let context = input.context.near(class::IDENTIFIER, m.start(), m.end(), CONTEXT_WINDOW);
            let grouped = m.as_str().len() > 10;
            let range = issued_range(&digits);
            let (severity, why) = match (context.is_some(), grouped, range) {
                (true, _, _) => (Severity::High, "valid check digit; health-identifier word nearby"),
                (false, true, Range::Issued) => (Severity::Warn, "valid check digit; written in NHS 3-3-4 grouping"),
                (false, false, Range::Issued) => (Severity::Info, "valid check digit in an issued range; no context"),
                (false, _, Range::Test | Range::NeverIssued) => continue,
            };
            out.push(Candidate::new("nhs-number", m.start(), m.end(), why).with_severity(severity));
        }
    }
}

/// The NHS modulus-11 check: weights 10..2 on the first nine digits; check = 11 − (sum mod 11),
/// where 11 means 0 and 10 means the number is invalid.
pub fn checksum_valid(digits: &[u32]) -> bool {
    if digits.len() != 10 {
        return false;
    }
    let sum: u32 = digits[..9].iter().zip((2..=10).rev()).map(|(d, w)| d * w).sum();
    match 11 - sum % 11 {
        11 => digits[9] == 0,
        10 => false,
        check => digits[9] == check,
    }
}

/// Where a number sits in the NHS number space (NHS Data Dictionary).
#[derive(Debug, PartialEq, Eq)]
enum Range {
    /// Issued to patients somewhere in the UK or Ireland.
    Issued,
    /// 900–999 million: test and synthetic numbers, still typed in training material.
    Test,
    /// 500–599 million: never issued.
    NeverIssued,
}

fn issued_range(digits: &[u32]) -> Range {
    let prefix = digits[0] * 100 + digits[1] * 10 + digits[2];
    match prefix {
        500..=599 => Range::NeverIssued,
        900..=999 => Range::Test,
        _ => Range::Issued,
    }
}

/// `999 999 9999` passes the check and is what people type as a placeholder; a run of one digit is
/// never a real number.
fn is_placeholder(digits: &[u32]) -> bool {
    digits.iter().all(|&d| d == digits[0])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<(String, Option<Severity>)> {
        let d = NhsNumber::new().expect("compiles");
        run(&d, text).into_iter().map(|(s, c)| (s, c.severity)).collect()
    }

    #[test]
    fn checksum() {
        assert!(checksum_valid(&[9, 4, 3, 4, 7, 6, 5, 9, 1, 9]));
        assert!(!checksum_valid(&[9, 4, 3, 4, 7, 6, 5, 9, 1, 8]));
        assert!(!checksum_valid(&[1, 2, 3]));
    }

    #[test]
    fn positives() {
        for text in [
            "Patient NHS number 943 476 5919 seen today",
            "nhs no: 943-476-5919",
            "DOB and NHS 9434765919",
            "patient 4010232137 in bay 2",
        ] {
            let f = found(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].1, Some(Severity::High), "{text}");
        }
    }

    #[test]
    fn without_context_an_issued_number_is_only_informational() {
        assert_eq!(found("ref 4010232137"), [("4010232137".to_string(), Some(Severity::Info))]);
        assert_eq!(found("call 401 023 2137"), [("401 023 2137".to_string(), Some(Severity::Warn))]);
    }

    #[test]
    fn negatives() {
        for text in [
            "Patient NHS number 943 476 5918 seen today", // bad check digit
            "nhs 999 999 9999",                           // placeholder
            "order 5000000005 shipped",                   // never-issued range
            "943 476 59190",                              // eleven digits
            "tracking 9434765919 arrived",                // test range, no context
            "943 476-5919 patient",                       // mixed separators
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
