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

use super::text::{spans_in_sentence, word_end, Lists};
use super::{Candidate, Detector, Input};
use crate::catalogue::words::patient_relationship::*;
use crate::error::Error;
use crate::finding::Severity;

/// Words allowed between the verb and a bare patient word ("messaging *one of my old* patients").
const PATIENT_GAP: usize = 4;
/// Words allowed between the patient and the platform ("added my patient *from bay 4* on Instagram").
const PLATFORM_GAP: usize = 3;

/// Words between "gorgeous" and "patient" that make the patient a child ("gorgeous little patient").
const CHILD_SIZE: &[&str] = &["little", "tiny", "wee", "baby"];

/// Finds relationships or social-media contact with patients.
#[derive(Debug)]
pub struct PatientRelationship {
    lists: Lists,
}

impl PatientRelationship {
    /// The detector over its word lists (`data/words/`; compiled at build time).
    pub fn new() -> Result<Self, Error> {
        let lists = Lists::at(LISTS);
        Ok(PatientRelationship { lists })
    }
}

impl Detector for PatientRelationship {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let hits = self.lists.find(input);
        let mut push = |start: usize, end: usize| {
            out.push(Candidate::new(
                "patient-relationship",
                start,
                end,
                "relationship or social-media contact with a patient",
            ));
        };
        for &(start, end) in hits.all(ROMANTIC) {
            if let Some(e) = hits.next(PATIENT, text, end).or_else(|| hits.within(PATIENT_WORD, text, end, PATIENT_GAP))
            {
                push(start, e);
            }
        }
        for &(start, end) in hits.all(CONTACTING) {
            if let Some(e) = hits
                .next(PATIENT, text, end)
                .or_else(|| hits.within(PATIENT_WORD, text, end, PATIENT_GAP))
                .and_then(|p| hits.within(PLATFORM, text, p, PLATFORM_GAP))
            {
                push(start, e);
            }
        }
        for &(start, end) in hits.all(FRIEND_REQUEST) {
            if let Some(e) = hits.next(PATIENT, text, end).or_else(|| hits.within(PATIENT_WORD, text, end, PATIENT_GAP))
            {
                push(start, e);
            }
        }
        for &(start, end) in hits.all(ATTRACTIVE) {
            // "our gorgeous little patient ringing the bell": said of a child, it is affection.
            if CHILD_SIZE.contains(&super::text::next_word(text, end).map_or("", |s| &text[s..word_end(text, s)])) {
                continue;
            }
            if let Some(e) = hits.within(PATIENT_WORD, text, end, 1) {
                push(start, e);
            }
        }
        for &(start, end) in hits.all(MEETING) {
            if spans_in_sentence(hits.all(PATIENT_WORD), text, start, end) {
                push(start, end);
            }
        }
        for &(start, end) in hits.all(DETAIL) {
            push(start, end);
        }
        let approaches = hits
            .all(PATIENT_WORD)
            .iter()
            .filter_map(|&(s, e)| hits.within(APPROACH_ACT, text, e, PATIENT_GAP).map(|end| (s, end)));
        for (start, end) in hits.all(APPROACH).iter().copied().chain(approaches.collect::<Vec<_>>()) {
            out.push(
                Candidate::new("patient-relationship", start, end, "a patient approached the author")
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
        run(&PatientRelationship::new().expect("compiles"), text).into_iter().map(|(_, c)| c.severity).collect()
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
            "been messaging one of my old patients on Facebook",
            "Patient from last month sent me flowers and his number, we're going for a drink Friday",
            "Me and my favourite patient are friends on Snapchat now haha",
        ] {
            assert!(found(text).contains(&None), "{text}: {:?}", found(text));
        }
        let approached = found("a patient asked for my number today");
        assert!(!approached.is_empty() && approached.iter().all(|s| *s == Some(Severity::Info)), "{approached:?}");
        let approached = found("so my patient from last week slid into my DMs, should I reply?");
        assert!(!approached.is_empty() && approached.iter().all(|s| *s == Some(Severity::Info)), "{approached:?}");
    }

    #[test]
    fn negatives() {
        for text in [
            "seeing a patient in clinic at 2",
            "record the date a patient was admitted",
            "medically fit patients waiting for packages of care",
            "our cutest little patient went home today",
            "Our gorgeous little patient Maisie ringing the end-of-treatment bell today",
            "accepted a new patient referral from the GP",
            "added a patient to the list for theatre",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
