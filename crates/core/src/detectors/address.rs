//! Street addresses: a house number, one to three name words and a street type ("14 Acacia Avenue",
//! "flat 2, 7 Mill Lane").
//!
//! Lower-cased text cannot use capitals to spot a street name, so the shape carries the evidence: a
//! number, then words, then one of the street types people write. The street types are a context class
//! (`street_type.txt`, found in the shared single pass), and the detector walks back from each one to
//! a house number, which keeps a large regular expression out of the download. Some types are also everyday words
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

use super::people::before;
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::error::Error;
use crate::finding::Severity;

/// Bytes either side in which a personal-context word makes an address someone's home.
const CONTEXT_WINDOW: usize = 60;
/// Bytes before a street type in which its house number is looked for.
const LOOK_BACK: usize = 60;

/// Name words that show a number-words-"walk" phrase is a measure, not an address.
const NOT_STREET_WORDS: &[&str] = &[
    "a", "an", "the", "in", "of", "on", "to", "and", "or", "each", "every", "more", "other", "long", "short", "minute",
    "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "mile", "miles", "km", "metre", "metres", "day", "days",
    "week", "weeks", "month", "months", "year", "years", "time", "times", "night", "nights", "shift", "shifts", "step",
    "steps", "lap", "laps", "people", "patients", "staff", "beds", "new", "my", "our", "their", "his", "her", "we",
    "i", "you", "it", "is", "was", "are", "were", "be", "way", "ways", "second", "seconds", "percent", "per", "x", "k",
    "for", "at", "with", "that", "this",
];

/// Finds street addresses.
#[derive(Debug)]
pub struct Address;

impl Address {
    /// The detector has no patterns of its own: street types are a context class.
    pub fn new() -> Result<Self, Error> {
        Ok(Address)
    }
}

impl Detector for Address {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        for &(street_start, street_end) in input.context.all(class::STREET_TYPE) {
            let Some(start) = house_number_before(input.text, street_start) else { continue };
            let personal = [class::RESIDENCE, class::CARE_EVENT, class::PERSON_NOUN]
                .into_iter()
                .any(|c| input.context.near(c, start, street_end, CONTEXT_WINDOW).is_some());
            let (severity, why) = if personal {
                (Severity::Warn, "house number and street; home, care or person word nearby")
            } else {
                (Severity::Info, "house number and street; no personal context")
            };
            out.push(Candidate::new("street-address", start, street_end, why).with_severity(severity));
        }
    }
}

/// Where the address before the street type at `street_start` begins: one to three name words
/// (letters, apostrophes, hyphens; none a measure or function word) preceded by a house number
/// (`14`, `7a`, `12,`), itself optionally preceded by `flat N,`. Tokens are separated by single spaces.
fn house_number_before(text: &str, street_start: usize) -> Option<usize> {
    let window = before(text, street_start, LOOK_BACK);
    let base = street_start - window.len();
    let mut rest = window.strip_suffix(' ')?;
    let mut words = 0;
    loop {
        let (earlier, token) = match rest.rfind(' ') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => ("", rest),
        };
        if is_house_number(token) {
            if words == 0 {
                return None;
            }
            let mut start = base + rest.len() - token.len();
            // "flat 3, 12 Marlborough Road": the flat belongs to the address.
            if let Some(i) = earlier.rfind("flat ") {
                if is_house_number(&earlier[i + 5..]) {
                    start = base + i;
                }
            }
            let at_boundary = start == 0 || !text.as_bytes()[start - 1].is_ascii_alphanumeric();
            return at_boundary.then_some(start);
        }
        let name_like = !token.is_empty()
            && token.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'' || b == b'-')
            && !NOT_STREET_WORDS.contains(&token);
        if !name_like || words == 3 || earlier.is_empty() {
            return None;
        }
        words += 1;
        rest = earlier;
    }
}

/// `14`, `7a`, `12,`: one to four digits, an optional letter, an optional comma.
fn is_house_number(token: &str) -> bool {
    let t = token.strip_suffix(',').unwrap_or(token);
    let t = t.strip_suffix(|c: char| c.is_ascii_lowercase()).unwrap_or(t);
    (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
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
