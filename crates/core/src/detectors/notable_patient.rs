//! Famous and rare patients: "you'll never guess which footballer came into A&E", "one of only three
//! people in the country with this condition".
//!
//! Cumbria 3.3 lists "rare condition, celebrity status" among the details that identify a patient with
//! no name at all. Either cue alone is everyday talk — a footballer visiting the children's ward with
//! presents is a comms-approved event; Rare Disease Day is an awareness campaign — so a cue counts only
//! with a sign that someone *received care*: a care event ("admitted", "discharged"), a bed space, or
//! an arrival phrase (`arrival.txt`: "came into A&E", "brought in", "treated", "a patient"); a rarity
//! cue also counts next to a person noun ("the rare disease patient", "a lady with a very rare
//! syndrome"). Visits, fundraising and campaigns carry none of those. Every cue is a context class
//! (`celebrity.txt`, `rare_condition.txt`), so this detector compiles nothing. A post that states the
//! patient's or family's consent ("the family gave written consent for us to share his progress") gets
//! an informational mark, as a named patient does (`person_in_context.rs`, CWFT 4.5).
//!
//! | text                                                              | result |
//! |-------------------------------------------------------------------|--------|
//! | `you'll never guess which footballer came into A&E last night`    | warn   |
//! | `a famous actress was admitted to our ward`                       | warn   |
//! | `had a patient with an extremely rare syndrome, only case in the UK` | warn |
//! | `Premier League stars visited the children's ward with presents`  | none   |
//! | `Rare Disease Day: proud of our genetics team`                    | none   |
//! | `our MP opened the new wing today`                                | none   |
//! | `the man from the council tip is on my bay`                       | warn   |
//! | `had a patient who's a vicar, discharged tomorrow`                | none   |
//! | `cheers to the garden centre for the plants on our ward`          | none   |
//! | `his family gave written consent to share: the boy with the rare condition we treated` | info |

use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::error::Error;
use crate::finding::Severity;

/// Bytes either side of a cue in which a sign of care counts.
const CONTEXT_WINDOW: usize = 80;

/// Finds famous or rare patients.
#[derive(Debug)]
pub struct NotablePatient;

impl NotablePatient {
    /// The detector has no patterns of its own: its cues and signs of care are context classes.
    pub fn new() -> Result<Self, Error> {
        Ok(NotablePatient)
    }

    fn cared_for(&self, input: &Input<'_>, start: usize, end: usize) -> bool {
        [class::CARE_EVENT, class::BED_SPACE, class::ARRIVAL, class::IN_OUR_CARE]
            .into_iter()
            .any(|c| input.context.near(c, start, end, CONTEXT_WINDOW).is_some())
    }
}

impl Detector for NotablePatient {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let cues = [
            (class::CELEBRITY, "fame cue with a sign of care nearby"),
            (class::RARE_CONDITION, "rarity cue with a sign of care nearby"),
            (class::COMMUNITY_FIGURE, "a person known locally, with a sign of care nearby"),
        ];
        let consented = super::consent_media::consent_stated_in(input);
        for (class, why) in cues {
            for &(start, end) in input.context.all(class) {
                // "a vicar", "an ex-postman": what someone does, not who they are.
                if class == class::COMMUNITY_FIGURE && indefinite(input.text, start) {
                    continue;
                }
                // A rare condition belongs to someone as soon as a person is near ("the rare disease
                // patient", "a lady with a very rare syndrome"); fame needs a sign of care.
                let person = class == class::RARE_CONDITION
                    && input.context.near(class::PERSON_NOUN, start, end, CONTEXT_WINDOW).is_some();
                if person || self.cared_for(input, start, end) {
                    let (why, severity) = if consented {
                        ("notable patient; the post says they consented", Severity::Info)
                    } else {
                        (why, Severity::Warn)
                    };
                    out.push(Candidate::new("notable-patient", start, end, why).with_severity(severity));
                }
            }
        }
    }
}

/// Whether the word before `at` is "a" or "an" ("a patient who's a vicar").
fn indefinite(text: &str, at: usize) -> bool {
    let b = super::people::before(text, at, 4);
    b == "a " || b == "an " || b.ends_with(" a ") || b.ends_with(" an ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<String> {
        let d = NotablePatient::new().expect("compiles");
        run(&d, text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn stated_consent_makes_it_a_mark() {
        let d = NotablePatient::new().expect("compiles");
        let text = "His family gave written consent for us to share: the little boy with the rare genetic condition we treated is walking!";
        let f = run(&d, text);
        assert!(!f.is_empty() && f.iter().all(|(_, c)| c.severity == Some(Severity::Info)), "{f:?}");
    }

    #[test]
    fn positives() {
        assert!(!found("you'll never guess which footballer came into A&E last night").is_empty());
        assert_eq!(found("a famous actress was admitted to our ward"), ["a famous", "actress"]);
        assert_eq!(found("had a patient with an extremely rare syndrome"), ["extremely rare", "rare syndrome"]);
        assert_eq!(found("the rare disease patient on our unit is one of only 5"), ["rare disease", "one of only"]);
        assert!(crate::catalogue::rule("notable-patient").is_some());
    }

    #[test]
    fn people_known_locally() {
        assert_eq!(found("the man from the council tip who always waves at my car is on my bay"), ["council tip"]);
        assert_eq!(found("aye the auld fella fae the bowling club, he's in wi us again. chest"), ["bowling club"]);
        assert_eq!(found("the dinner lady from my kids school is on my ward"), ["dinner lady", "my kids school"]);
        assert!(!found("the retired vicar from St Hilda's is in bay 4, everybody knows him round here").is_empty());
        assert!(!found("Soooo that footballer everyone's been speculating about. Yeah. He's with us. Knee.").is_empty());
        assert!(!found("The actor from that drama is having his knee done here tomorrow").is_empty());
        assert!(!found("The footballer's baby in NICU isn't going to make it").is_empty());
        assert!(!found("recognised my old PE teacher on the theatre list for a haemorrhoidectomy").is_empty());
        assert!(!found("The guy we resussed last night is a local councillor").is_empty());
        assert!(!found("Bus driver on the number 12, you know the one — well he's in our cardiac unit now").is_empty());
    }

    #[test]
    fn people_known_locally_need_care_and_a_definite_person() {
        for text in [
            "Had a patient who's a vicar and another who's a bookie in the same bay, both discharged",
            "Had a chat with a patient today who used to be a dinner lady at my old primary school",
            "cheers to the garden centre for the plants we put up on the ward",
            "our old dinner lady retired after 30 years, everyone knows her",
            "the vicar blessed the new chapel today",
            "on our ward today: cake, cake and more cake",
            "the PE teacher ran the charity 10k for the NICU appeal",
            "the footballer signed shirts for the kids on the assessment unit's open day",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "Premier League stars visited the children's ward with presents",
            "Rare Disease Day: proud of our genetics team",
            "our MP opened the new wing today",
            "Famous for our cakes on ward 7",
            "We are one of only two hospitals in the country offering this surgery",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
