//! Accusations of wrongdoing against identifiable people.
//!
//! Why this shape: libel and defamation law applies to posts (CDDFT 4.2, Hillingdon 5.4), CDDFT 4.4.1
//! forbids "defamatory … comments about colleagues", and West Suffolk asks staff to avoid "potentially
//! libellous statements about others". Defamation needs two things: an *identifiable person* and an
//! *accusation of wrongdoing*. A person is identifiable by a title and name ("Dr Okafor"), an
//! `@handle`, or a unique role ("our ward manager", "the CEO"); an accusation is a crime or serious
//! misconduct ("is a liar", "fiddles his expenses", "stole drugs"). Named people are High, roles Warn.
//! "Dr Patel is a legend" and "Mr Jones stole the show" are not accusations.

use super::text::{next_word, word_end, Lists};
use super::{Candidate, Detector, Input};
use crate::error::Error;
use crate::finding::Severity;

/// Titles before a surname.
const TITLES: &str = "dr\ndoctor\nmr\nmrs\nms\nmiss\nprof\nprofessor\nsister\nmatron\ncouncillor\ncllr\nsir\ndame";
/// Roles that identify one person in a Trust.
const ROLES: &str = "our ward manager\nmy ward manager\nthe ward manager\nour manager\nmy manager\nmy line manager\nour line manager\nour matron\nthe matron\nour ceo\nthe ceo\nour chief exec\nthe chief exec\nour chief executive\nthe chief executive\nour consultant\nmy consultant\nour director\nthe medical director\nour medical director\nour head of nursing\nthe head of nursing\nour lead nurse\nthe lead nurse\nmy boss\nour boss\nthe boss\nour team leader\nmy team leader\nmy supervisor\nour supervisor\nthe charge nurse\nour charge nurse\nour deputy\nour clinical lead\nthe clinical lead\nour practice manager\nthe practice manager\nour registrar\nmy registrar";
/// Verbs joining a person to an accusation noun.
const COPULAS: &str = "is\nwas\n's\nhas been\nis basically\nis literally\nis actually\nis clearly\nis obviously";
const FILLERS: &str = "a\nan\njust\nsuch a\ntotal\ncomplete\nabsolute\nknown\nutter\nserial\nproper\nbloody\nfucking";
/// Accusation nouns and adjectives.
const NOUNS: &str = "fraud\nfraudster\nliar\nthief\ncrook\ncriminal\ncorrupt\nbent\npaedo\npaedophile\npedo\npedophile\nnonce\nrapist\nabuser\nracist\nsex pest\npredator\ndrunk\nalcoholic\njunkie\naddict\nembezzler\nbully\nthug\nwife beater\npervert\nperv\nmurderer\nkiller\ncheat\nlying\nstealing\non the take\ntaking bribes\nsleeping with\nhaving an affair\ndrunk on duty\nhigh on duty\nfiddling";
/// Accusation verbs, straight after the person.
const VERBS: &str = "nicking\nis nicking\npinching\nis pinching\nskimming\nis skimming\nis stealing\nstole\nsteals\nstealing\nnicked\nnicks\nembezzled\nembezzles\nlied about\nlied to\nlies about\nlies to\nfiddled\nfiddles\nfiddling\nfalsified\nfalsifies\nforged\nforges\nabused\nabuses\nassaulted\nassaults\nharassed\nharasses\ngroped\ngropes\nbullied\nbullies\nkilled a patient\npoisoned\ntakes bribes\ntook bribes\nsleeps with\nslept with\nis shagging\nis having an affair\ndrinks on duty\nnicks drugs\nsteals drugs\ncovered up\ncovers up\ncheated\ncheats\ndefrauded\nmolested\nraped\nhit a patient\nhits patients";
/// What follows an innocent use of an accusation verb ("stole the show").
const INNOCENT: &str = "the show\nmy heart\nour hearts\nthe limelight\neveryone's heart\nthe spotlight\nthe headlines\nall the biscuits\nmy biscuits\nmy pen\nmy chair\nmy lunch";

/// Determiners that single out one person by role ("*our* pharmacist", "*the* physio manager").
const ROLE_DETERMINERS: &str = "our\nmy\nthe\nthis\nthat\na certain\none of our\none of the";
/// Roles held by one identifiable person in a team.
const ROLE_NOUNS: &str = "manager\nmatron\nconsultant\nceo\ndirector\nboss\nsister\ncharge nurse\nregistrar\nreg\npharmacist\nphysio\nsurgeon\ngp\nanaesthetist\nlead\nsupervisor\nteam leader\ndeputy\nhead of nursing\nhead of department\nclinical lead\nchief exec\nchief executive\nchair\nsenior partner\npractice manager";

const TITLE: usize = 0;
const ROLE: usize = 1;
const COPULA: usize = 2;
const FILLER: usize = 3;
const NOUN: usize = 4;
const VERB: usize = 5;
const INNOCENT_OBJECT: usize = 6;
const ROLE_DETERMINER: usize = 7;
const ROLE_NOUN: usize = 8;

/// Words allowed between the person and the accusation ("Dr Smith *on ward 5* is a liar").
const GAP: usize = 5;
/// Most fillers between the verb and the accusation noun.
const MAX_FILLERS: usize = 2;

/// The word lists, in the order of their indices: compiled with every other list into the shared
/// vocabulary (`super::vocabulary`).
pub(super) const WORDS: &[&str] =
    &[TITLES, ROLES, COPULAS, FILLERS, NOUNS, VERBS, INNOCENT, ROLE_DETERMINERS, ROLE_NOUNS];

/// Finds accusations against identifiable people.
#[derive(Debug)]
pub struct Defamation {
    lists: Lists,
}

impl Defamation {
    /// Compiles the word lists.
    pub fn new() -> Result<Self, Error> {
        let lists = super::vocabulary::DEFAMATION;
        Ok(Defamation { lists })
    }

    /// End of an accusation within a few words after `pos`.
    fn accusation(&self, hits: &super::text::Hits<'_>, text: &str, pos: usize) -> Option<usize> {
        if let Some(e) = hits.within(VERB, text, pos, GAP) {
            return (hits.next(INNOCENT_OBJECT, text, e).is_none()).then_some(e);
        }
        let verb = hits.within(COPULA, text, pos, GAP)?;
        hits.through(text, verb, FILLER, MAX_FILLERS, &[NOUN]).map(|(_, e)| e)
    }
}

/// End of the name after a title ending at `pos`: one word of letters (`dr okafor`, `mrs o'neill`).
fn surname(text: &str, pos: usize) -> Option<usize> {
    let s = next_word(text, pos)?;
    let e = word_end(text, s);
    let word = &text[s..e];
    let function = ["is", "was", "has", "and", "the", "a", "on", "in", "at", "said", "says", "who"];
    (word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'' || b == b'-') && !function.contains(&word)).then_some(e)
}

/// End of an `@handle` starting at `start`.
fn handle(text: &str, start: usize) -> usize {
    start + 1 + text[start + 1..].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count()
}

impl Detector for Defamation {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let hits = self.lists.find(input);
        let mut named: Vec<(usize, usize)> =
            hits.all(TITLE).iter().filter_map(|&(s, e)| surname(text, e).map(|n| (s, n))).collect();
        named.extend(
            text.match_indices('@')
                .map(|(i, _)| (i, handle(text, i)))
                .filter(|&(s, e)| e > s + 1 && (s == 0 || !text.as_bytes()[s - 1].is_ascii_alphanumeric())),
        );
        for (start, end) in named {
            if let Some(e) = self.accusation(&hits, text, end) {
                out.push(
                    Candidate::new("defamation", start, e, "accusation against a named person")
                        .with_severity(Severity::High),
                );
            }
        }
        let by_determiner = hits
            .all(ROLE_DETERMINER)
            .iter()
            .filter_map(|&(s, e)| hits.within(ROLE_NOUN, text, e, 1).map(|end| (s, end)));
        let mut roles: Vec<(usize, usize)> = hits.all(ROLE).to_vec();
        roles.extend(by_determiner);
        for (start, end) in roles {
            if let Some(e) = self.accusation(&hits, text, end) {
                out.push(Candidate::new("defamation", start, e, "accusation against a person identifiable by role"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<Option<Severity>> {
        run(&Defamation::new().expect("compiles"), text).into_iter().map(|(_, c)| c.severity).collect()
    }

    #[test]
    fn positives() {
        assert_eq!(found("Dr Hartley is a complete fraud and everyone knows it"), [Some(Severity::High)]);
        assert_eq!(found("@mark_w_nhs fiddles his expenses every month"), [Some(Severity::High)]);
        assert!(found("our ward manager is a liar and a bully").contains(&None));
        assert!(found("The CEO takes bribes from the contractors").contains(&None));
        assert!(found("The physio manager is shagging one of the consultants").contains(&None));
        assert!(found("Pretty sure our pharmacist is nicking the diazepam").contains(&None));
        assert_eq!(found("Mrs O'Neill on nights stole drugs from the cupboard"), [Some(Severity::High)]);
    }

    #[test]
    fn negatives() {
        for text in [
            "Dr Patel is a legend, thank you for everything",
            "Mr Jones stole the show at the awards",
            "congratulations to our ward manager on her retirement",
            "email me at jo@example.nhs.uk",
            "the patient is a known alcoholic",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
