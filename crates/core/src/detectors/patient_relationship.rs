//! Pursuing personal relationships or social-media contact with patients.
//!
//! Why this shape: Cumbria 3.3 names "building or pursuing relationships with patients or service users"
//! as a safeguarding issue, Hillingdon 5.1 recommends not accepting friend requests from current or former
//! patients, and CWFT 10.5 and 1.11 warn about professional boundaries. The risk is in the *relationship
//! verbs* joined to a patient: dating, asking out, adding on Facebook, a patient's number, "hot patient".
//! Everyday clinical phrases that share the words ("seeing a patient", "the date a patient was admitted",
//! "medically fit patients", "our cutest little patient") are deliberately not in the patterns. A
//! patient approaching the author ("a patient asked for my number") is Info: worth a reminder, not a
//! pause.

use super::text::compile;
use super::{Candidate, Detector, Input};
use crate::error::Error;
use crate::finding::Severity;
use regex::Regex;

const PATIENT: &str =
    r"(?:former\s+|ex-?\s*|old\s+|current\s+)?(?:patient|pt|service\s+user|client|resident)s?";
const PLATFORM: &str = r"facebook|fb|insta|instagram|snapchat|snap|tiktok|whatsapp|twitter|x|linkedin|hinge|tinder|bumble";

/// Finds relationships or social-media contact with patients.
#[derive(Debug)]
pub struct PatientRelationship {
    /// Author pursuing a patient (Warn).
    pursuing: Regex,
    /// Patient approaching the author (Info).
    approached: Regex,
}

impl PatientRelationship {
    /// Compiles the patterns.
    pub fn new() -> Result<Self, Error> {
        let pursuing = format!(
            r"(?-u)\b(?:(?:dating|dated|went\s+on\s+a\s+date\s+with|going\s+on\s+a\s+date\s+with|asked\s+out|ask\s+out|asking\s+out|going\s+out\s+with|shagging|shagged|slept\s+with|sleeping\s+with|hooked\s+up\s+with|hooking\s+up\s+with|snogged|kissed|fancy|fancied|fancies|crush\s+on|flirting\s+with|flirted\s+with)\s+(?:a|my|one\s+of\s+my|the|this|that|an|our)\s+{PATIENT}|(?:added|add|adding|follow|followed|following|friended|befriended|accepted|accepting|messaged|messaging|dm'?d|dmed|slid\s+into|sliding\s+into)\s+(?:a|my|the|one\s+of\s+my|this|that|an)\s+{PATIENT}(?:'s?)?(?:\s+\w+){{0,3}}?\s+(?:(?:on|via)\s+(?:{PLATFORM})|dms)|friend\s+request\s+(?:from|to)\s+(?:a|my|the|one\s+of\s+my|an|this)\s+{PATIENT}|(?:hot|sexy|gorgeous|fittest|hottest|peng|sexiest)\s+(?:\w+\s+)?(?:patient|pt)s?|my\s+(?:patient|pt)'?s?\s+(?:number|snapchat|snap|insta|instagram|facebook|whatsapp)|(?:got|get|getting|took|take)\s+(?:a|my|the|this|that)\s+{PATIENT}'?s?\s+(?:number|snapchat|snap|insta|instagram|digits))\b"
        );
        let approached = format!(
            r"(?-u)\b(?:patient|pt|service\s+user)s?\s+(?:\w+\s+){{0,3}}?(?:added|followed|friended|messaged|dm'?d|requested|asked|wants|wanted|gave|slipped|sent)\s+(?:me|for\s+my)\s*(?:(?:on|out|number|a\s+friend\s+request|(?:his|her|their)\s+(?:number|snapchat|snap|insta|digits))\b|(?:{PLATFORM})\b)"
        );
        Ok(PatientRelationship {
            pursuing: compile("patient relationship pattern", &pursuing)?,
            approached: compile("patient approach pattern", &approached)?,
        })
    }
}

impl Detector for PatientRelationship {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        for m in self.pursuing.find_iter(input.text) {
            out.push(Candidate::new(
                "patient-relationship",
                m.start(),
                m.end(),
                "relationship or social-media contact with a patient",
            ));
        }
        for m in self.approached.find_iter(input.text) {
            out.push(
                Candidate::new(
                    "patient-relationship",
                    m.start(),
                    m.end(),
                    "a patient approached the author",
                )
                .with_severity(Severity::Info),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<Option<Severity>> {
        run(&PatientRelationship::new().expect("compiles"), text)
            .into_iter()
            .map(|(_, c)| c.severity)
            .collect()
    }

    #[test]
    fn positives() {
        for text in [
            "finally asked out the hot patient from bay 4",
            "been dating a former patient for 3 months now",
            "added my patient on Instagram lol",
            "accepted a friend request from a patient",
            "the hottest patient on the ward today",
            "got the patient's number before discharge",
        ] {
            assert!(found(text).contains(&None), "{text}: {:?}", found(text));
        }
        assert_eq!(
            found("a patient asked for my number today"),
            [Some(Severity::Info)]
        );
    }

    #[test]
    fn negatives() {
        for text in [
            "seeing a patient in clinic at 2",
            "record the date a patient was admitted",
            "medically fit patients waiting for packages of care",
            "our cutest little patient went home today",
            "accepted a new patient referral from the GP",
            "added a patient to the list for theatre",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
