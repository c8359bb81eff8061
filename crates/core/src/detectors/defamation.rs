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
use crate::catalogue::words::defamation::*;
use crate::error::Error;
use crate::finding::Severity;

/// Words allowed between the person and the accusation ("Dr Smith *on ward 5* is a liar").
const GAP: usize = 5;
/// Most fillers between the verb and the accusation noun.
const MAX_FILLERS: usize = 2;

/// Finds accusations against identifiable people.
#[derive(Debug)]
pub struct Defamation {
    lists: Lists,
}

impl Defamation {
    /// The detector over its word lists (`data/words/`; compiled at build time).
    pub fn new() -> Result<Self, Error> {
        let lists = Lists::at(LISTS);
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
        assert!(!found("Dev the porter was pissed at work again today").is_empty());
        assert!(!found("The new HCA on nights has been pinching from patients' bags").is_empty());
        assert!(!found("the locum was drunk on shift").is_empty());
        assert_eq!(found("dr Okafor on ward 12 was reeking of booze on Sunday morning"), [Some(Severity::High)]);
    }

    #[test]
    fn negatives() {
        for text in [
            "Dr Patel is a legend, thank you for everything",
            "Mr Jones stole the show at the awards",
            "congratulations to our ward manager on her retirement",
            "email me at jo@example.nhs.uk",
            "the patient is a known alcoholic",
            "the porter was at work early today",
            "our HCA was high on life after the awards",
            "the locum is a legend",
            "the sluice was reeking of bleach again",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
