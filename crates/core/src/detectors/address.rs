//! Street addresses: a house number, one to three name words and a street type ("14 Acacia Avenue",
//! "flat 2, 7 Mill Lane").
//!
//! Lower-cased text cannot use capitals to spot a street name, so the shape carries the evidence: a
//! number, then words, then one of the street types people write. Some types are also everyday words
//! ("a 5 minute walk", "3 days in a row", "2 hours each way"), so a match whose name words include a
//! unit of time or distance, a quantity or a function word is not an address. Like a postcode, an
//! address is public for a hospital or an event venue and identifying for a person, so it warns only
//! with a home, care or person word nearby and is otherwise an informational mark.
//!
//! | text                                              | result                 |
//! |---------------------------------------------------|------------------------|
//! | `she lives at 14 Acacia Avenue with her son`      | warn                   |
//! | `district nurse visit to flat 2, 7 Mill Lane`     | warn                   |
//! | `Our new clinic opens at 12 High Street`          | info                   |
//! | `a 5 minute walk from the station`                | none                   |
//! | `3 days in a row`                                 | none                   |
//! | `2 hours each way`                                | none                   |

use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::error::Error;
use crate::finding::Severity;
use crate::pattern::Matcher;

/// Bytes either side in which a personal-context word makes an address someone's home.
const CONTEXT_WINDOW: usize = 60;

/// Name words that show a number-words-"walk" phrase is a measure, not an address.
const NOT_STREET_WORDS: &[&str] = &[
    "a", "an", "the", "in", "of", "on", "to", "and", "or", "each", "every", "more", "other", "long", "short", "minute",
    "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "mile", "miles", "km", "metre", "metres", "day", "days",
    "week", "weeks", "month", "months", "year", "years", "time", "times", "night", "nights", "shift", "shifts", "step",
    "steps", "lap", "laps", "people", "patients", "staff", "beds", "new", "my", "our", "their", "his", "her", "we",
    "i", "you", "it", "is", "was", "are", "were", "be", "way", "ways", "mins'", "second", "seconds", "percent", "per",
    "x", "k", "for", "at", "with", "that", "this",
];

// Optional "flat N,", a house number (with letter), one to three name words, a street type.
crate::pattern!(
    STREET_ADDRESS,
    r"(?-u)\b(?:flat \d{1,3}[a-z]?,? )?\d{1,4}[a-z]?,? (?:[a-z][a-z'-]* ){1,3}(?:road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|crescent|cres|gardens|gdns|terrace|grove|mews|court|place|way|walk|row|park|square|hill|rise|view|green|parade|vale|wynd|gate)\b"
);

/// Finds street addresses.
#[derive(Debug)]
pub struct Address {
    pattern: Matcher,
}

impl Address {
    /// Loads the prebuilt pattern.
    pub fn new() -> Result<Self, Error> {
        Ok(Address { pattern: STREET_ADDRESS.matcher()? })
    }
}

impl Detector for Address {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        for m in self.pattern.find_iter(input.text) {
            // The name words: every token after the house number except the street type at the end.
            let tokens: Vec<&str> = m.as_str().split(' ').collect();
            let first_name_word =
                tokens.iter().rposition(|t| t.starts_with(|c: char| c.is_ascii_digit())).map_or(0, |i| i + 1);
            let words = &tokens[first_name_word..tokens.len().saturating_sub(1)];
            if words.iter().any(|w| NOT_STREET_WORDS.contains(w)) {
                continue;
            }
            let personal = [class::RESIDENCE, class::CARE_EVENT, class::PERSON_NOUN]
                .into_iter()
                .any(|c| input.context.near(c, m.start(), m.end(), CONTEXT_WINDOW).is_some());
            let (severity, why) = if personal {
                (Severity::Warn, "house number and street; home, care or person word nearby")
            } else {
                (Severity::Info, "house number and street; no personal context")
            };
            out.push(Candidate::new("street-address", m.start(), m.end(), why).with_severity(severity));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<(String, Option<Severity>)> {
        let d = Address::new().expect("compiles");
        run(&d, text).into_iter().map(|(s, c)| (s, c.severity)).collect()
    }

    #[test]
    fn positives() {
        assert_eq!(
            found("she lives at 14 Acacia Avenue with her son"),
            [("14 acacia avenue".to_string(), Some(Severity::Warn))]
        );
        assert_eq!(
            found("district nurse visit to flat 2, 7 Mill Lane"),
            [("flat 2, 7 mill lane".to_string(), Some(Severity::Warn))]
        );
        assert_eq!(
            found("Our new clinic opens at 12 High Street"),
            [("12 high street".to_string(), Some(Severity::Info))]
        );
        assert!(crate::catalogue::rule("street-address").is_some());
    }

    #[test]
    fn negatives() {
        for text in [
            "a 5 minute walk from the station",
            "3 days in a row",
            "2 hours each way",
            "ward 7 close to",
            "10k park run",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
