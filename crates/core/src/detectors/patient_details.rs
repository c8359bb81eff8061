//! Pictures likely to show patient details: whiteboards, wristbands, screens, notes, scans.
//!
//! Why this shape: CWFT 10.6 says the ban on posting patient information "includes information visible
//! in any photographs posted", and 10.8 gives "ward-based photos that identify other patients" as the
//! example breach; Cumbria 3.3 forbids "recognisable signs or pictures relating to the trusts". The post
//! text usually says what is in the picture: a media word joined to an object that carries patient
//! details ("selfie in front of the whiteboard", "screenshot of the EPR"), an object said to be in shot
//! ("handover sheet in the background"), or a shared image of a case ("look at this x-ray"). The
//! author's own scan or x-ray ("my 20-week scan") is their business and is not reported; a stated
//! consent lowers the finding to Info.

use super::text::Lists;
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::catalogue::words::patient_details::*;
use crate::error::Error;
use crate::finding::Severity;

/// Words allowed between link and object ("photo of *our new ward* whiteboard").
const OBJECT_GAP: usize = 3;
/// Words between a capture verb and the object ("photographed *the gas and air queue in the maternity* waiting room").
const CAPTURE_GAP: usize = 8;

/// Finds pictures likely to show patient details.
#[derive(Debug)]
pub struct PatientDetails {
    lists: Lists,
}

impl PatientDetails {
    /// The detector over its word lists (`data/words/`; compiled at build time).
    pub fn new() -> Result<Self, Error> {
        let lists = Lists::at(LISTS);
        Ok(PatientDetails { lists })
    }
}

/// Whether the object is the author's own ("my x-ray", "my 20-week scan").
fn own(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    before.ends_with(" my") || before == "my" || text[start..end].contains(" my ")
}

impl Detector for PatientDetails {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let hits = self.lists.find(input);
        let mut found: Vec<(usize, usize)> = Vec::new();
        for &(s, e) in hits.all(MEDIA_WORD) {
            let linked = hits.next(LINK, text, e).and_then(|l| hits.within(OBJECT, text, l, OBJECT_GAP));
            // "photographed the queue in the maternity waiting room": a capture verb reaches further.
            let captured = text[s..e].ends_with("ed").then(|| hits.within(OBJECT, text, e, CAPTURE_GAP)).flatten();
            if let Some(end) = linked.or(captured) {
                found.push((s, end));
            }
        }
        for &(s, e) in hits.all(OBJECT) {
            if let Some(end) = hits.within(SHOT, text, e, 2) {
                found.push((s, end));
            }
        }
        for &(s, e) in hits.all(SHOWING_WORD) {
            if let Some(end) = hits.within(IMAGE, text, e, 2).or_else(|| hits.within(OBJECT, text, e, 2)) {
                found.push((s, end));
            }
        }
        // "X-ray of the day": the image comes first.
        for &(s, e) in hits.all(IMAGE) {
            if text[e..].starts_with(" of the day") {
                found.push((s, e + " of the day".len()));
            }
        }
        // Stated consent, or a post calling others out for sharing such pictures, makes it a reminder.
        let consented = input.context.any(class::CONSENT_GIVEN) || input.context.any(class::CALLING_OUT);
        for (start, end) in found {
            if own(text, start, end) {
                continue;
            }
            let c = if consented {
                Candidate::new(
                    "patient-details-in-photo",
                    start,
                    end,
                    "picture of something that carries patient details; consent stated or the sharing called out",
                )
                .with_severity(Severity::Info)
            } else {
                Candidate::new(
                    "patient-details-in-photo",
                    start,
                    end,
                    "picture of something that carries patient details",
                )
            };
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> usize {
        run(&PatientDetails::new().expect("compiles"), text).len()
    }

    /// Calling others out for sharing such pictures is a reminder only.
    #[test]
    fn calling_the_sharing_out_is_a_reminder_only() {
        let d = PatientDetails::new().expect("compiles");
        let shared = "people sharing photos of patients' x-rays 'for learning'";
        assert!(run(&d, shared).iter().any(|(_, c)| c.severity.is_none()), "{shared}");
        let called =
            "I've seen too many posts in here where people are sharing photos of patients' x-rays 'for learning'";
        let f = run(&d, called);
        assert!(!f.is_empty() && f.iter().all(|(_, c)| c.severity == Some(Severity::Info)), "{called}");
    }

    #[test]
    fn positives() {
        for text in [
            "selfie in front of the ward whiteboard before handover",
            "quick pic of the handover sheet so I don't forget",
            "team photo, ignore the whiteboard in the background",
            "screenshot of the EPR showing the error",
            "look at this x-ray from resus tonight",
            "ECG of the day, what do we think?",
            "photo of her wristband for the memory box",
            "Here's the handover sheet from last night, you'd not believe the acuity",
            "Pic from the gender clinic waiting room, busiest I've seen it",
        ] {
            assert!(found(text) > 0, "{text}");
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "our 20 week scan, so excited",
            "whiteboard session on sepsis at 2pm",
            "here's my x-ray after falling off my bike",
            "ECG teaching for the students on Thursday",
            "photo of the team at the awards",
        ] {
            assert_eq!(found(text), 0, "{text}");
        }
    }
}
