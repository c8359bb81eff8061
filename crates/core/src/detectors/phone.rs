//! UK phone numbers: mobiles, landlines and `+44` forms, classified by Ofcom number range.
//!
//! Drafts write numbers many ways (`07700 900123`, `07700-900-123`, `+44 (0)7700 900123`,
//! `(020) 7946 0958`), so one loose pattern finds digit runs that start like a UK number and the code
//! then reads the digit groups until it has a full national number (10 or 11 digits), which also stops
//! a number from swallowing a count that follows it ("07700 900123 2 people").
//!
//! The range decides what the number is:
//! * **07 mobiles** (not 070 personal numbers or 076 pagers) belong to a person: warn, high when a
//!   home or person word is near ("her number", "lady", "discharged"); but only an informational mark
//!   when the context is professional and not personal (a job advert's "informal enquiries" contact).
//! * **01/02 landlines** are mostly workplaces and services: informational, warn with a home or person
//!   word ("his home number is …"); a care word alone does not count ("the ward's number for
//!   relatives is …" is public).
//! * **03, 08 and 09 numbers** are organisations (NHS 111 and 0300 helplines, 0800 freephone, charity
//!   lines): public by design, never reported. Short codes (999, 111, 116 123) never match.
//!
//! | text                                        | result                     |
//! |---------------------------------------------|----------------------------|
//! | `text me on 07700 900123`                   | warn                       |
//! | `her number is +44 7700 900123`             | high                       |
//! | `his home number is (020) 7946 0958`        | warn                       |
//! | `ring the ward on 01632 960123`             | info                       |
//! | `informal enquiries to 07700 900456`        | info (professional)        |
//! | `call 0300 123 1234 or 0800 1111`           | none: organisation ranges  |
//! | `NHS 111 or 999`                            | none                       |
//! | `07700 90012`                               | none: too short            |

use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::error::Error;
use crate::finding::Severity;
use crate::pattern::Matcher;

/// Bytes either side in which a context word changes a number's severity.
const CONTEXT_WINDOW: usize = 50;
/// Bytes either side of a number in which a scam warning counts: the warning often ends the sentence
/// ("a text from 07700 900999 saying it's the Trust and asking for your pay details, it's a scam").
const SCAM_WINDOW: usize = 120;

// `+44`, `0044`, `(0` or a word-initial 0, then digits, spaces, hyphens and brackets, ending on a digit.
crate::pattern!(PHONE, r"(?-u)(?:\+ ?44|\b0044|\(0|\b0)[0-9 ()-]*[0-9]");

/// Finds UK phone numbers.
#[derive(Debug)]
pub struct Phone {
    pattern: Matcher,
}

impl Phone {
    /// Loads the prebuilt pattern.
    pub fn new() -> Result<Self, Error> {
        Ok(Phone { pattern: PHONE.matcher()? })
    }
}

/// What a national number's range says it is.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Mobile,
    Landline,
}

impl Detector for Phone {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let bytes = input.text.as_bytes();
        for m in self.pattern.find_iter(input.text) {
            if m.start() > 0 && bytes[m.start() - 1].is_ascii_digit() {
                continue;
            }
            let Some((end, kind)) = national_number(m.as_str()) else {
                continue;
            };
            let (start, end) = (m.start(), m.start() + end);
            let near = |c| input.context.near(c, start, end, CONTEXT_WINDOW).is_some();
            // A ward's number "for relatives" is public; a care event makes only a *mobile* personal.
            let personal = near(class::RESIDENCE) || near(class::PERSON_NOUN);
            let cared_for = near(class::CARE_EVENT);
            // "If you get a text from 07700 900999 … it's a scam": a warning publishes the number.
            let scam = input.context.near(class::SCAM_WARNING, start, end, SCAM_WINDOW).is_some();
            let professional = near(class::PROFESSIONAL) || scam;
            let (severity, why) = match (kind, personal || cared_for, personal, professional) {
                (Kind::Mobile, true, _, _) => (Severity::High, "UK mobile number; personal or care context nearby"),
                (Kind::Mobile, false, _, false) => (Severity::Warn, "UK mobile number"),
                (Kind::Mobile, false, _, true) => {
                    (Severity::Info, "UK mobile number in a professional context or a scam warning")
                }
                // "Someone rang my nan from 020 …: it's a scam": the person is the one the scammer rang.
                (Kind::Landline, _, true, _) if !scam => {
                    (Severity::Warn, "UK landline number; home or person word nearby")
                }
                (Kind::Landline, _, _, _) => (Severity::Info, "UK landline number"),
            };
            out.push(Candidate::new("phone-number", start, end, why).with_severity(severity));
        }
    }
}

/// Reads digit groups from the start of `s` until they make a full national number. Returns the byte
/// length that number covers in `s` and its kind, or `None` for organisation ranges and non-numbers.
fn national_number(s: &str) -> Option<(usize, Kind)> {
    let bytes = s.as_bytes();
    let mut digits = String::with_capacity(16);
    let mut covered = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let group_start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let group = &s[group_start..i];
            let mut candidate = digits.clone();
            candidate.push_str(group);
            if national(&candidate).len() > 11 {
                break;
            }
            digits = candidate;
            covered = i;
        } else {
            i += 1;
        }
    }
    let national = national(&digits);
    if national.len() < 10 || covered == 0 {
        return None;
    }
    let kind = match national.as_bytes().get(1..3)? {
        b"70" | b"76" => return None,
        [b'7', _] => Kind::Mobile,
        [b'1' | b'2', _] => Kind::Landline,
        _ => return None,
    };
    // Mobiles and 02 numbers are always 11 digits; some 01 areas use 10.
    if kind == Kind::Mobile && national.len() != 11 {
        return None;
    }
    Some((covered, kind))
}

/// `44…` (from `+44` or `0044`, with or without the `(0)` trunk digit) as a national `0…` number.
fn national(digits: &str) -> String {
    let rest = digits.strip_prefix("0044").or_else(|| digits.strip_prefix("44"));
    match rest {
        Some(r) => format!("0{}", r.strip_prefix('0').unwrap_or(r)),
        None => digits.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<(String, Option<Severity>)> {
        let d = Phone::new().expect("compiles");
        run(&d, text).into_iter().map(|(s, c)| (s, c.severity)).collect()
    }

    #[test]
    fn positives() {
        let cases = [
            ("text me on 07700 900123", "07700 900123", Severity::Warn),
            ("her number is +44 7700 900123", "+44 7700 900123", Severity::High),
            ("her number is +44 (0)7700 900123", "+44 (0)7700 900123", Severity::High),
            ("his home number is (020) 7946 0958", "(020) 7946 0958", Severity::Warn),
            ("ring the ward on 01632 960123", "01632 960123", Severity::Info),
            ("ward number for relatives: 01632 960123", "01632 960123", Severity::Info),
            ("informal enquiries to 07700 900456", "07700 900456", Severity::Info),
            (
                "if you get a text from '07700 900999' saying it's the Trust, it's a scam",
                "07700 900999",
                Severity::Info,
            ),
            ("a patient's son texts from 07700 900999, it's a scam he says", "07700 900999", Severity::High),
            ("scam calls: 020 7946 0318 is NOT the Trust, they rang my nan", "020 7946 0318", Severity::Info),
            ("07700-900-123 2 people", "07700-900-123", Severity::Warn),
            ("mob:07700900123.", "07700900123", Severity::Warn),
        ];
        for (text, span, severity) in cases {
            assert_eq!(found(text), [(span.to_string(), Some(severity))], "{text}");
        }
        assert!(crate::catalogue::rule("phone-number").is_some());
    }

    #[test]
    fn negatives() {
        for text in [
            "call 0300 123 1234 or 0800 1111",
            "NHS 111 or 999",
            "07700 90012",
            "Samaritans 116 123",
            "0845 46 47",
            "room 10 0900 start",
            "207700900123",
            "pager 07623 123456",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
