//! Scottish Community Health Index (CHI) numbers: a date of birth (DDMMYY), three more digits and a
//! modulus-11 check digit (the same check as NHS numbers).
//!
//! Two independent tests make a CHI number: the first six digits must be a real calendar date and the
//! check digit must hold. Together they pass roughly one random 10-digit number in a hundred, which is
//! still too many for phone-like numbers and order references, so without a health-identifier word
//! nearby ("CHI", "patient", "DOB" …) a match is only an informational mark. Scots write the number
//! as ten digits or as the date and four digits (`210165 0002`), which is matched too.
//!
//! | text                              | result                                |
//! |-----------------------------------|---------------------------------------|
//! | `CHI 2101650002`                  | `chi-number`, high                    |
//! | `patient chi: 210165 0002`        | `chi-number`, high                    |
//! | `ref 2101650002`                  | `chi-number`, info (no context)       |
//! | `CHI 2101650003`                  | none: check digit fails               |
//! | `CHI 3202650009`                  | none: 32nd is not a date              |
//! | `chi 0113000000`                  | none: month 13                        |
//! | `patient 21016500021`             | none: eleven digits                   |

use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::detectors::nhs_number::checksum_valid;
use crate::error::Error;
use crate::finding::Severity;
use crate::pattern::Matcher;

/// Bytes either side of a number in which a context word makes it a confident match.
const CONTEXT_WINDOW: usize = 40;

// Day's first digit 0-3; the date and the last four digits solid or split by one space or hyphen.
crate::pattern!(CHI_NUMBER, r"(?-u)\b[0-3]\d{5}[ -]?\d{4}\b");

/// Finds CHI numbers written `2101650002` or `210165 0002` / `210165-0002`.
#[derive(Debug)]
pub struct ChiNumber {
    pattern: Matcher,
}

impl ChiNumber {
    /// Loads the prebuilt pattern.
    pub fn new() -> Result<Self, Error> {
        Ok(ChiNumber { pattern: CHI_NUMBER.matcher()? })
    }
}

impl Detector for ChiNumber {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        for m in self.pattern.find_iter(input.text) {
            let digits: Vec<u32> = m.as_str().bytes().filter(u8::is_ascii_digit).map(|b| u32::from(b - b'0')).collect();
            if !is_date(&digits) || !checksum_valid(&digits) || digits.iter().all(|&d| d == digits[0]) {
                continue;
            }
            let context = input.context.near(class::IDENTIFIER, m.start(), m.end(), CONTEXT_WINDOW);
            let (severity, why) = match context {
                Some(_) => (Severity::High, "date of birth and check digit valid; health-identifier word nearby"),
                None => (Severity::Info, "date of birth and check digit valid; no context"),
            };
            out.push(Candidate::new("chi-number", m.start(), m.end(), why).with_severity(severity));
        }
    }
}

/// Whether the first six digits are a real DDMMYY date (any century; 29 February only in leap years,
/// taking 00 as 2000, which is a leap year).
fn is_date(digits: &[u32]) -> bool {
    if digits.len() < 6 {
        return false;
    }
    let day = digits[0] * 10 + digits[1];
    let month = digits[2] * 10 + digits[3];
    let year = digits[4] * 10 + digits[5];
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<(String, Option<Severity>)> {
        let d = ChiNumber::new().expect("compiles");
        run(&d, text).into_iter().map(|(s, c)| (s, c.severity)).collect()
    }

    #[test]
    fn positives() {
        assert_eq!(found("CHI 2101650002"), [("2101650002".to_string(), Some(Severity::High))]);
        assert_eq!(found("patient chi: 210165 0002"), [("210165 0002".to_string(), Some(Severity::High))]);
        assert_eq!(found("ref 2101650002"), [("2101650002".to_string(), Some(Severity::Info))]);
        assert!(crate::catalogue::rule("chi-number").is_some());
    }

    #[test]
    fn negatives() {
        for text in ["CHI 2101650003", "CHI 3202650009", "chi 0113000000", "patient 21016500021", "chi 1111111111"] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn dates() {
        assert!(is_date(&[2, 9, 0, 2, 0, 0]));
        assert!(!is_date(&[2, 9, 0, 2, 0, 1]));
        assert!(!is_date(&[0, 0, 0, 1, 5, 0]));
        assert!(!is_date(&[3, 1, 0, 4, 5, 0]));
    }
}
