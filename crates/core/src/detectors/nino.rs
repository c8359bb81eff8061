//! UK National Insurance numbers: two prefix letters, six digits, a suffix A–D.
//!
//! HMRC's allocation rules (NIM39110) make the shape specific: D, F, I, Q, U and V are never used in
//! either prefix letter, O never second, and the prefixes BG, GB, KN, NK, NT, TN and ZZ are not
//! allocated; the pattern encodes the letter sets and the code rejects the unused pairs. People write
//! the number solid (`QQ123456C`) or in pairs (`QQ 12 34 56 C`). A number that passes all that is
//! likely real, so it warns on its own and is high severity next to "national insurance" or "NI".
//!
//! | text                               | result                         |
//! |------------------------------------|--------------------------------|
//! | `my NI number is AB 12 34 56 C`    | high                           |
//! | `JG103759A`                        | warn                           |
//! | `national insurance: ab123456d`    | high                           |
//! | `GB123456A`                        | none: unallocated prefix       |
//! | `DA123456A`                        | none: D never first            |
//! | `AO123456A`                        | none: O never second           |
//! | `AB123456E`                        | none: suffix beyond D          |
//! | `AB1234567C`                       | none: seven digits             |

use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::error::Error;
use crate::finding::Severity;
use crate::pattern::Matcher;

/// Bytes either side of a number in which a cue word (`nino_cue.txt`) makes it a confident match.
const CUE_WINDOW: usize = 30;
/// Prefix pairs HMRC never allocates.
const UNUSED_PREFIXES: [&str; 7] = ["bg", "gb", "kn", "nk", "nt", "tn", "zz"];

// Allowed prefix letters, then six digits in optional pairs, then the suffix A-D.
crate::pattern!(NINO, r"(?-u)\b[abceghj-prstw-z][abceghj-nprstw-z] ?\d{2} ?\d{2} ?\d{2} ?[a-d]\b");

/// Finds National Insurance numbers.
#[derive(Debug)]
pub struct Nino {
    pattern: Matcher,
}

impl Nino {
    /// Loads the prebuilt patterns.
    pub fn new() -> Result<Self, Error> {
        Ok(Nino { pattern: NINO.matcher()? })
    }
}

impl Detector for Nino {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        for m in self.pattern.find_iter(input.text) {
            if UNUSED_PREFIXES.contains(&&m.as_str()[..2]) {
                continue;
            }
            let (severity, why) = if input.context.near(class::NINO_CUE, m.start(), m.end(), CUE_WINDOW).is_some() {
                (Severity::High, "valid National Insurance format; cue word nearby")
            } else {
                (Severity::Warn, "valid National Insurance format and prefix")
            };
            out.push(Candidate::new("nino", m.start(), m.end(), why).with_severity(severity));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<(String, Option<Severity>)> {
        let d = Nino::new().expect("compiles");
        run(&d, text).into_iter().map(|(s, c)| (s, c.severity)).collect()
    }

    #[test]
    fn positives() {
        assert_eq!(found("my NI number is AB 12 34 56 C"), [("ab 12 34 56 c".to_string(), Some(Severity::High))]);
        assert_eq!(found("JG103759A"), [("jg103759a".to_string(), Some(Severity::Warn))]);
        assert_eq!(found("national insurance: ab123456d"), [("ab123456d".to_string(), Some(Severity::High))]);
        assert!(crate::catalogue::rule("nino").is_some());
    }

    #[test]
    fn negatives() {
        for text in ["GB123456A", "DA123456A", "AO123456A", "AB123456E", "AB1234567C", "xab123456c", "ab12345c"] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn cue_window_never_splits_a_character() {
        // 30 bytes back from the number falls inside an "é": the window starts after it instead.
        for pad in 0..4 {
            let text = format!("{}national insurance {}AB123456C", "é".repeat(8), " ".repeat(pad));
            assert_eq!(found(&text).len(), 1, "{text}");
        }
    }
}
