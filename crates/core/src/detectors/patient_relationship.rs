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

use super::text::{spans_in_sentence, Lists};
use super::{Candidate, Detector, Input};
use crate::error::Error;
use crate::finding::Severity;

/// Romantic or sexual verbs.
const ROMANCE: &str = "dating\ndated\nwent on a date with\ngoing on a date with\nasked out\nask out\nasking out\ngoing out with\nshagging\nshagged\nslept with\nsleeping with\nhooked up with\nhooking up with\nsnogged\nkissed\nfancy\nfancied\nfancies\ncrush on\nflirting with\nflirted with\nin love with";
/// Social-media contact verbs.
const CONTACT: &str = "added\nadd\nadding\nfollow\nfollowed\nfollowing\nfriended\nbefriended\nmessaged\nmessaging\ndm'd\ndmed\nslid into\nsliding into";
/// A patient, as the object of those verbs.
const PATIENTS: &str = "a patient\nmy patient\nmy patients\none of my patients\nthe patient\nthis patient\nthat patient\nan ex patient\nan ex-patient\na former patient\nmy former patient\nan old patient\na service user\na resident\na pt\nmy pt\npatients";
/// Where the contact happens.
const PLATFORMS: &str = "on facebook\non fb\non insta\non instagram\non snapchat\non snap\non tiktok\non whatsapp\non twitter\non x\non linkedin\non hinge\non tinder\non bumble\nvia facebook\nvia instagram\ndms\nin the dms\ninto the dms";
/// Friend requests between staff and patients (Hillingdon 5.1 recommends declining them).
const FRIEND_REQUESTS: &str = "friend request from\nfriend requests from\nfriend request to\naccepted a friend request from\naccepted friend request from";
/// Finding a patient attractive.
const ATTRACTION: &str = "hot\nsexy\ngorgeous\nfittest\nhottest\npeng\nsexiest";
const PATIENT_WORDS: &str = "patient\npatients\npt\npts";
/// Getting a patient's contact details, wherever it stands.
const DETAILS: &str = "my patient's number\nmy patients number\nmy patient's snapchat\nmy patient's insta\ngot the patient's number\ngot the patients number\ngot my patient's number\ngot a patient's number\ngot a patient's snapchat\ngot the patient's snapchat\ntook the patient's number\ntook a patient's number";
/// What a patient does to approach the author, a few words after the patient (Info).
const APPROACH_ACTS: &str = "gave me his insta\ngave me her insta\ngave me his insta handle\ngave me her insta handle\ngave me his snapchat\ngave me her snapchat\ngave me his handle\ngave me her handle\nfancies me\nhas a crush on me\nflirting with me\nflirts with me\nsent me flowers\nsent me his number\nsent me her number\ngave me flowers\nslid into my dms\nslid into my dm\nmessaged me\nadded me\nfollowed me\nasked me out\nasked for my number\ngave me his number\ngave me her number\nsent me a friend request\nfound me on\ndm'd me\ndmed me\nrequested me\nwants my number\nkeeps messaging me";
/// A patient approaching the author (Info), wherever it stands.
const APPROACHED: &str = "patient asked for my number\npatient asked me out\npatient added me\npatient added me on facebook\npatient followed me\npatient sent me a friend request\npatient messaged me\npatient gave me her number\npatient gave me his number\npatient slipped me her number\npatient slipped me his number\npatient wants my number\npatient asked for my insta\npatient asked for my snapchat";

const ROMANTIC: usize = 0;
const CONTACTING: usize = 1;
const PATIENT: usize = 2;
const PLATFORM: usize = 3;
const FRIEND_REQUEST: usize = 4;
const ATTRACTIVE: usize = 5;
const PATIENT_WORD: usize = 6;
const DETAIL: usize = 7;
const APPROACH: usize = 8;
const APPROACH_ACT: usize = 9;
const MEETING: usize = 10;

/// Plans or contact that make it personal, in a sentence about a patient ("we're going for a drink
/// Friday", "friends on Snapchat now").
const MEETINGS: &str = "we're chatting now\nwe are chatting now\nbeen chatting on insta\nchatting on snapchat\nchatting on insta\nwe've been chatting\ndm-ing each other\ndming each other\ntexting each other\nslip him my number\nslip her my number\ngive him my number\ngive her my number\ngave him my number\ngave her my number\nslipped him my number\nslipped her my number\ngoing for a drink\ngoing for drinks\ngoing for dinner\ngoing on a date\nour first date\na date on\nmeeting up\nmeet up for\nwe're going out\ngrabbing a drink\ngrabbing a coffee with him\ngrabbing a coffee with her\nfriends on snapchat\nfriends on facebook\nfriends on insta\nfriends on instagram\nfriends on tiktok\nfollow each other\nfollowing each other\nfollows me on\nmutuals on\nsnapchatting\nswapped numbers\nexchanged numbers\nswapped snaps";

/// Words allowed between the verb and a bare patient word ("messaging *one of my old* patients").
const PATIENT_GAP: usize = 4;
/// Words allowed between the patient and the platform ("added my patient *from bay 4* on Instagram").
const PLATFORM_GAP: usize = 3;

/// The word lists, in the order of their indices: compiled with every other list into the shared
/// vocabulary (`super::vocabulary`).
pub(super) const WORDS: &[&str] = &[
    ROMANCE,
    CONTACT,
    PATIENTS,
    PLATFORMS,
    FRIEND_REQUESTS,
    ATTRACTION,
    PATIENT_WORDS,
    DETAILS,
    APPROACHED,
    APPROACH_ACTS,
    MEETINGS,
];

/// Finds relationships or social-media contact with patients.
#[derive(Debug)]
pub struct PatientRelationship {
    lists: Lists,
}

impl PatientRelationship {
    /// Compiles the word lists.
    pub fn new() -> Result<Self, Error> {
        let lists = super::vocabulary::PATIENT_RELATIONSHIP;
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
            "accepted a new patient referral from the GP",
            "added a patient to the list for theatre",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
