//! NHS numbers (England, Wales, Isle of Man) and Northern Irish Health and Care (H&C) numbers,
//! validated by their modulus-11 check digit and their range.
//!
//! Both are ten digits with the same check and differ only by range (NHS Data Dictionary): 320–399
//! million is H&C, 400–499 and 600–799 million NHS, 800–899 million issued in Ireland. One pattern and
//! one pass therefore serve both, reporting `hc-number` or `nhs-number` by range. Scottish CHI numbers
//! (010–311 million) start with a date of birth and are validated by `chi_number`; 312–319 million and
//! 500–599 million were never issued and 900–999 million are test numbers, all ignored here.
//!
//! A checksum alone passes about one in eleven random 10-digit numbers, so a valid number is reported
//! at full severity only when a health-identifier word stands nearby ("NHS", "patient", "DOB" …).
//! Without one, a valid number in an issued range still pauses the post (`warn`, which offers "Post
//! anyway"), grouped 3-3-4 or not: a patient's number copied from a record without a word beside it
//! is the miss that matters (issue 20, hazard H1 in docs/clinical-safety.md), while a ten-digit
//! number that is not an NHS number must also pass the check digit *and* fall in an issued range
//! (about 2 % of random ones) and is rare in a social post. One more click is the cheaper error.
//! Test-range numbers (900–999 million) without context are ignored: they are what software and
//! training material print. The all-nines placeholder and other one-digit runs are ignored.
//!
//! | text                                   | result                                 |
//! |----------------------------------------|----------------------------------------|
//! | `Patient NHS number 943 476 5919`      | `nhs-number`, high (test number, context) |
//! | `tracking 9434765919 arrived`          | none: test number without context      |
//! | `nhs no: 401-023-2137`                 | `nhs-number`, high (context)           |
//! | `call 401 023 2137`                    | `nhs-number`, warn (3-3-4 grouping)    |
//! | `ref 4010232137`                       | `nhs-number`, warn (issued range)      |
//! | `H&C number 3200000015`                | `hc-number`, high                      |
//! | `nhs 401 023 2138`                     | none: check digit fails                |
//! | `order 5000000005 shipped`             | none: never-issued range               |
//! | `nhs 999 999 9999`                     | none: placeholder                      |
//! | `2101651234` (CHI range)               | none here; see `chi_number`            |

use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::error::Error;
use crate::finding::Severity;
use crate::pattern::Matcher;

/// Bytes either side of a number in which a context word makes it a confident match.
const CONTEXT_WINDOW: usize = 40;

// The same separator (space, hyphen, dot or none) between both groups; no digit either side. Dots are
// how some systems print it and people copy it (`401.023.2137`, issue 20).
crate::pattern!(NHS_NUMBER, r"(?-u)\b(?:\d{3} \d{3} \d{4}|\d{3}-\d{3}-\d{4}|\d{3}\.\d{3}\.\d{4}|\d{10})\b");

/// Finds NHS numbers written `943 476 5919`, `943-476-5919`, `943.476.5919` or `9434765919`.
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
            let range = issued_range(&digits);
            let rule = match range {
                Range::Chi | Range::Unissued | Range::NeverIssued => continue,
                Range::HealthAndCare => "hc-number",
                Range::Issued | Range::Test => "nhs-number",
            };
            let context = input.context.near(class::IDENTIFIER, m.start(), m.end(), CONTEXT_WINDOW);
            let grouped = m.as_str().len() > 10;
            let range = if range == Range::HealthAndCare { Range::Issued } else { range };
            let (severity, why) = match (context.is_some(), grouped, range) {
                (true, _, _) => (Severity::High, "valid check digit; health-identifier word nearby"),
                (false, true, Range::Issued) => (Severity::Warn, "valid check digit; written in NHS 3-3-4 grouping"),
                (false, false, Range::Issued) => (Severity::Warn, "valid check digit in an issued range; no context"),
                (false, _, _) => continue,
            };
            out.push(Candidate::new(rule, m.start(), m.end(), why).with_severity(severity));
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
    /// 010–311 million: Scottish CHI numbers, left to `chi_number`.
    Chi,
    /// 312–319 million: not issued.
    Unissued,
    /// 320–399 million: Northern Irish Health and Care numbers.
    HealthAndCare,
    /// Issued as NHS numbers in England, Wales, the Isle of Man, or in Ireland.
    Issued,
    /// 900–999 million: test and synthetic numbers, still typed in training material.
    Test,
    /// 500–599 million: never issued.
    NeverIssued,
}

fn issued_range(digits: &[u32]) -> Range {
    let prefix = digits[0] * 100 + digits[1] * 10 + digits[2];
    match prefix {
        0..=311 => Range::Chi,
        312..=319 => Range::Unissued,
        320..=399 => Range::HealthAndCare,
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
            "his NHS number is 401.023.2137",
        ] {
            let f = found(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].1, Some(Severity::High), "{text}");
        }
    }

    #[test]
    fn without_context_an_issued_number_still_pauses() {
        assert_eq!(found("ref 4010232137"), [("4010232137".to_string(), Some(Severity::Warn))]);
        assert_eq!(found("4010232137"), [("4010232137".to_string(), Some(Severity::Warn))]);
        assert_eq!(found("call 401 023 2137"), [("401 023 2137".to_string(), Some(Severity::Warn))]);
    }

    #[test]
    fn health_and_care_numbers_are_reported_by_range() {
        let d = NhsNumber::new().expect("compiles");
        let f = run(&d, "H&C number 3200000015 for the referral");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1.rule, "hc-number");
        assert_eq!(f[0].1.severity, Some(Severity::High));
        assert!(crate::catalogue::rule("hc-number").is_some());
    }

    #[test]
    fn chi_and_unissued_ranges_are_left_alone() {
        // 2101650002-style CHI numbers are `chi_number`'s; 312–319 million was never issued.
        assert!(found("patient 3120000000").is_empty());
        assert!(found("patient 2101650002").is_empty());
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
