//! UK postcodes, by the official format with the stricter BS 7666 letter sets.
//!
//! The outward code is one of A9, A99, AA9, AA99, A9A, AA9A (plus the special GIR 0AA) and the inward
//! code a digit and two letters. BS 7666 narrows the letters: Q, V, X never start a postcode; I, J, Z
//! are never second; the inward letters never include C, I, K, M, O or V. Those sets matter here
//! because the draft is matched lower-cased: they are what keep "2pm" and "7am" from looking like
//! inward codes. Inward codes that read as ordinals ("b2 3rd floor") are skipped for the same reason.
//!
//! A postcode is public information for a hospital, a clinic or an event venue, and comms posts often
//! include one; it narrows a *person* down to about fifteen homes. So a postcode warns only when a
//! residence word, a care event or a person noun stands near it ("lives at", "discharged", "lady"),
//! and is otherwise an informational mark.
//!
//! | text                                              | result           |
//! |---------------------------------------------------|------------------|
//! | `lovely lady, lives in SW1A 2AA on her own`       | warn             |
//! | `discharged home to LS6 3QT`                      | warn             |
//! | `Open day at IP33 2QZ, all welcome`               | info             |
//! | `EC1A1BB`                                         | info             |
//! | `meet at 2pm on b1 7am`                           | none: M never inward |
//! | `room b2 3rd floor`                               | none: ordinal    |
//! | `QA1 2BB`                                         | none: Q never first |
//! | `AI1 2BB`                                         | none: I never second |

use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::error::Error;
use crate::finding::Severity;
use crate::pattern::Matcher;

/// Bytes either side in which a personal-context word makes a postcode someone's home.
const CONTEXT_WINDOW: usize = 60;

// GIR 0AA, or one of the six outward formats with BS 7666 letter sets, an optional space, and the
// inward code (a digit and two letters from the allowed set).
crate::pattern!(
    POSTCODE,
    r"(?-u)\b(?:gir ?0aa|(?:[a-pr-uwyz]\d{1,2}|[a-pr-uwyz][a-hk-y]\d{1,2}|[a-pr-uwyz]\d[a-hjkpstuw]|[a-pr-uwyz][a-hk-y]\d[abehmnprv-y]) ?\d[abd-hjlnp-uw-z]{2})\b"
);

/// Finds UK postcodes.
#[derive(Debug)]
pub struct Postcode {
    pattern: Matcher,
}

impl Postcode {
    /// Loads the prebuilt pattern.
    pub fn new() -> Result<Self, Error> {
        Ok(Postcode { pattern: POSTCODE.matcher()? })
    }
}

impl Detector for Postcode {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        for m in self.pattern.find_iter(input.text) {
            // The inward code is always the last three characters.
            let code = m.as_str();
            if is_ordinal(&code[code.len() - 3..]) {
                continue;
            }
            let personal = [class::RESIDENCE, class::CARE_EVENT, class::PERSON_NOUN]
                .into_iter()
                .any(|c| input.context.near(c, m.start(), m.end(), CONTEXT_WINDOW).is_some());
            let (severity, why) = if personal {
                (Severity::Warn, "full UK postcode; home, care or person word nearby")
            } else {
                (Severity::Info, "full UK postcode; no personal context")
            };
            out.push(Candidate::new("postcode", m.start(), m.end(), why).with_severity(severity));
        }
    }
}

/// "1st", "2nd", "3rd", "4th" … read as an inward code.
fn is_ordinal(inward: &str) -> bool {
    matches!(&inward.as_bytes()[1..], b"st" | b"nd" | b"rd" | b"th")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<(String, Option<Severity>)> {
        let d = Postcode::new().expect("compiles");
        run(&d, text).into_iter().map(|(s, c)| (s, c.severity)).collect()
    }

    #[test]
    fn positives() {
        assert_eq!(
            found("lovely lady, lives in SW1A 2AA on her own"),
            [("sw1a 2aa".to_string(), Some(Severity::Warn))]
        );
        assert_eq!(found("discharged home to LS6 3QT"), [("ls6 3qt".to_string(), Some(Severity::Warn))]);
        assert_eq!(found("Open day at IP33 2QZ, all welcome"), [("ip33 2qz".to_string(), Some(Severity::Info))]);
        assert_eq!(found("EC1A1BB"), [("ec1a1bb".to_string(), Some(Severity::Info))]);
        assert_eq!(found("GIR 0AA"), [("gir 0aa".to_string(), Some(Severity::Info))]);
        assert_eq!(found("M1 1AE"), [("m1 1ae".to_string(), Some(Severity::Info))]);
        assert!(crate::catalogue::rule("postcode").is_some());
    }

    #[test]
    fn negatives() {
        for text in [
            "meet at 2pm on b1 7am",
            "room b2 3rd floor",
            "QA1 2BB",
            "AI1 2BB",
            "covid19 2023",
            "SW1A 2AAA",
            "ZZ99 3CZ",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
