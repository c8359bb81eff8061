//! Derogatory comments about patients, colleagues, managers or the Trust — with or without swearing.
//!
//! Why this shape: "the patients on this ward are animals", "our useless matron" and "this Trust is a
//! joke" contain no listed swear word, yet they are exactly what CDDFT 4.4.3 ("under no circumstance
//! should derogatory, abusive or personal comments be made about patient/service users, Trust
//! colleagues, Trust business") and Hillingdon 5.4 forbid. What makes them derogatory is the
//! *construction*: a target (from `data/lexicon/derogatory_targets.txt`) joined to a put-down, either
//! predicatively ("… are useless", "… is a joke") or attributively ("useless matron"). Words alone would
//! fire on "useless printer" or "the therapy animals visited the patients"; the constructions do not.
//! Dehumanising words ("animals", "vermin") about people are High. Also derogatory: what a target is
//! said to do ("management don't care"), hating a target ("sick of this place"), put-downs that only
//! fit people ("our matron is a nightmare" — but "the ward is a nightmare tonight" is workload), and
//! put-downs of the Trust's business ("the interview was a stitch-up"). Contemptuous labels for
//! patients ("bed blockers", "frequent flyers") count when the sentence is about work.

use super::text::{in_sentence, next_word, word_end, Hits, Lists};
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::catalogue::words::derogatory::*;
use crate::error::Error;
use crate::finding::Severity;

/// Nouns that turn a target into a modifier ("useless patient *portal*" is about software).
const COMPOUND_NOUNS: &[&str] = &[
    "experience",
    "experiences",
    "safety",
    "care",
    "feedback",
    "record",
    "records",
    "notes",
    "list",
    "lists",
    "information",
    "info",
    "leaflet",
    "leaflets",
    "survey",
    "flow",
    "transport",
    "portal",
    "portals",
    "app",
    "satisfaction",
    "outcomes",
    "rota",
    "rotas",
    "system",
    "systems",
    "parking",
    "food",
    "website",
    "wifi",
    "computer",
    "computers",
    "printer",
    "printers",
    "policy",
    "policies",
    "process",
    "email",
    "emails",
];

// List indices, in the order given to `Lists::new`.

/// Most words in a place phrase ("on *this bloody ward*").
const PLACE_WORDS: usize = 4;
/// Most fillers between the verb and the put-down.
const MAX_FILLERS: usize = 4;

/// Finds derogatory constructions aimed at patients, colleagues, managers or the Trust.
#[derive(Debug)]
pub struct Derogatory {
    lists: Lists,
}

impl Derogatory {
    /// The detector over its word lists (`data/words/`; compiled at build time).
    pub fn new() -> Result<Self, Error> {
        let lists = Lists::at(LISTS);
        Ok(Derogatory { lists })
    }
}

/// End of the verb after a target ending at `pos`, allowing a place phrase between them.
fn copula_after(hits: &Hits<'_>, text: &str, pos: usize) -> Option<usize> {
    if let Some(e) = hits.next(COPULA, text, pos) {
        return Some(e);
    }
    if let Some(e) = hits.next(HERE_WORD, text, pos) {
        return hits.next(COPULA, text, e);
    }
    if let Some(mut p) = hits.next(PLACE, text, pos) {
        for _ in 0..PLACE_WORDS {
            let s = next_word(text, p)?;
            p = word_end(text, s);
            if let Some(e) = hits.next(COPULA, text, p) {
                return Some(e);
            }
        }
        return None;
    }
    // "the patients *and their families* are …", "management *on nights* is …".
    hits.within(COPULA, text, pos, PLACE_WORDS)
}

/// The word after byte `at`, if any.
fn following_word(text: &str, at: usize) -> &str {
    match next_word(text, at) {
        Some(s) => &text[s..word_end(text, s)],
        None => "",
    }
}

impl Detector for Derogatory {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let hits = self.lists.find(input);
        for &(start, end) in hits.all(TARGET) {
            if let Some(e) = hits.next(ACTION, text, end) {
                out.push(Candidate::new(
                    "derogatory-remark",
                    start,
                    e,
                    "put-down said of patients, colleagues or the Trust",
                ));
                continue;
            }
            let Some(verb) = copula_after(&hits, text, end) else { continue };
            let person = hits.at(PLACE_OR_BODY, start) != Some(end);
            let predicates: &[usize] = if person {
                &[DEHUMANISING_WORD, PREDICATE, PERSON_PREDICATE]
            } else {
                &[DEHUMANISING_WORD, PREDICATE]
            };
            match hits.through(text, verb, FILLER, MAX_FILLERS, predicates) {
                Some((0, e)) => out.push(
                    Candidate::new("derogatory-remark", start, e, "dehumanising word used of people")
                        .with_severity(Severity::High),
                ),
                Some((_, e)) => out.push(Candidate::new(
                    "derogatory-remark",
                    start,
                    e,
                    "put-down said of patients, colleagues or the Trust",
                )),
                None => {}
            }
        }
        for &(start, end) in hits.all(BUSINESS_PUTDOWN) {
            out.push(Candidate::new("derogatory-remark", start, end, "put-down of the Trust's business"));
        }
        for &(start, end) in hits.all(HATE) {
            let p = hits.skip(FILLER, text, end, 1);
            if let Some(e) = hits.within(TARGET, text, p, 1) {
                out.push(Candidate::new(
                    "derogatory-remark",
                    start,
                    e,
                    "hatred said of patients, colleagues or the Trust",
                ));
            }
        }
        for &(start, end) in hits.all(ADJECTIVE) {
            let p = hits.skip(INTENSIFIER, text, end, 1);
            let Some(e) = hits.next(TARGET, text, p) else {
                continue;
            };
            if COMPOUND_NOUNS.contains(&following_word(text, e)) {
                continue;
            }
            out.push(Candidate::new(
                "derogatory-remark",
                start,
                e,
                "put-down attached to patients, colleagues or the Trust",
            ));
        }
        for &(start, end) in hits.all(LABEL) {
            let c = if in_sentence(input.context, class::WORK_SETTING, text, start, end) {
                Candidate::new("derogatory-remark", start, end, "contemptuous label for patients, in a work context")
            } else {
                Candidate::new("derogatory-remark", start, end, "contemptuous label, no work context")
                    .with_severity(Severity::Info)
            };
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn worst(text: &str) -> Option<Severity> {
        let d = Derogatory::new().expect("compiles");
        run(&d, text).into_iter().map(|(_, c)| c.severity.unwrap_or(Severity::Warn)).max()
    }

    #[test]
    fn positives() {
        for (text, want) in [
            ("the patients on this ward are animals", Severity::High),
            ("Our useless matron strikes again", Severity::Warn),
            ("this Trust is a joke", Severity::Warn),
            ("management are absolutely clueless", Severity::Warn),
            ("lazy nurses on nights again", Severity::Warn),
            ("the consultants here are a bunch of clowns", Severity::Warn),
            ("3 bed blockers on the ward and no beds in ED", Severity::Warn),
            ("the relatives in bay 2 are vile", Severity::Warn),
            ("My charge nurse is a nasty piece of work", Severity::Warn),
            ("the Trust board don't care about patients", Severity::Warn),
            ("the elderly patients on ward 7 are just a drain on resources", Severity::Warn),
            ("fkn hate this place and every manager in it", Severity::Warn),
            ("management's a shambles", Severity::Warn),
        ] {
            assert_eq!(worst(text), Some(want), "{text}");
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "the therapy animals visited the patients today",
            "this printer is useless",
            "the useless patient portal crashed again",
            "I'm useless at quizzes but our team won",
            "the ward is a nightmare tonight, send coffee",
            "I hate Mondays, I hate rain, I hate the M6",
            "the patients and their families were lovely",
            "our patients are amazing and so is the team",
            "the trust is a great place to work",
            "managers are joking about the christmas jumper day",
        ] {
            assert_eq!(worst(text), None, "{text}");
        }
    }
}
