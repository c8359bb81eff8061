//! Derogatory comments about patients, colleagues, managers or the Trust — with or without swearing.
//!
//! Why this shape: "the patients on this ward are animals", "our useless matron" and "this Trust is a
//! joke" contain no listed swear word, yet they are exactly what CDDFT 4.4.3 ("under no circumstance
//! should derogatory, abusive or personal comments be made about patient/service users, Trust
//! colleagues, Trust business") and Hillingdon 5.4 forbid. What makes them derogatory is the
//! *construction*: a target (from `data/lexicon/derogatory_targets.txt`) joined to a put-down, either
//! predicatively ("… are useless", "… is a joke") or attributively ("useless matron"). Words alone would
//! fire on "useless printer" or "the therapy animals visited the patients"; the constructions do not.
//! Dehumanising words ("animals", "vermin") about people are High. Contemptuous labels for patients
//! ("bed blockers", "frequent flyers") count when the sentence is about work.

use super::text::{alternation, compile, in_sentence};
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::error::Error;
use crate::finding::Severity;
use regex::Regex;

const TARGETS: &str = include_str!("../../data/lexicon/derogatory_targets.txt");
const PREDICATES: &str = include_str!("../../data/lexicon/derogatory_predicates.txt");
const ADJECTIVES: &str = include_str!("../../data/lexicon/derogatory_adjectives.txt");
const DEHUMANISING: &str = include_str!("../../data/lexicon/dehumanising.txt");
const PATIENT_LABELS: &str = include_str!("../../data/lexicon/patient_labels.txt");

/// Words that may stand between a verb and its put-down ("are just a bunch of absolute …").
const FILLERS: &str = r"a|an|the|such|so|total|totally|complete|completely|absolute|absolutely|utter|utterly|just|like|proper|fucking|fking|effing|bloody|freaking|right|really|bunch|load|pack|lot|of|full|nothing|but|all|literally|actually|basically|genuinely|seriously|truly|beyond|incredibly|unbelievably|ridiculously|massively|being|treated|behaving|acting";

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

/// Finds derogatory constructions aimed at patients, colleagues, managers or the Trust.
#[derive(Debug)]
pub struct Derogatory {
    /// `<target> … is/are <put-down>`; group `dh` is set when the put-down is dehumanising.
    predicative: Regex,
    /// `<put-down> <target>`; group `t` is the target.
    attributive: Regex,
    /// Contemptuous labels for patients.
    labels: Regex,
}

impl Derogatory {
    /// Compiles the patterns from the word lists.
    pub fn new() -> Result<Self, Error> {
        let targets = alternation(TARGETS);
        let predicative = format!(
            r"(?-u)\b(?:{targets})\b(?:\s+(?:on|at|in|from|round|of)(?:\s+\w+){{1,3}}?|\s+(?:here|there))?(?:\s*'(?:s|re)|\s+(?:are|is|were|was|r|act like|acting like|behave like|behaving like|behaved like|seem|seems|sound like|sounds like|look like|looks like|being))\s+(?:(?:{FILLERS})\s+){{0,4}}(?:(?P<dh>{})|{})\b",
            alternation(DEHUMANISING),
            alternation(PREDICATES),
        );
        let attributive = format!(
            r"(?-u)\b(?:{})\s+(?:(?:bloody|fucking|effing|old|new|lot of|bunch of|excuse for a|excuse of a|so-called)\s+)?(?P<t>{targets})\b",
            alternation(ADJECTIVES)
        );
        let labels = format!(r"(?-u)\b(?:{})\b", alternation(PATIENT_LABELS));
        Ok(Derogatory {
            predicative: compile("derogatory predicative pattern", &predicative)?,
            attributive: compile("derogatory attributive pattern", &attributive)?,
            labels: compile("patient label pattern", &labels)?,
        })
    }
}

/// The word after byte `at`, if any.
fn next_word(text: &str, at: usize) -> &str {
    let rest = text[at..].trim_start_matches([' ', '-']);
    let end = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..end]
}

impl Detector for Derogatory {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        for caps in self.predicative.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            if caps.name("dh").is_some() {
                out.push(
                    Candidate::new(
                        "derogatory-remark",
                        m.start(),
                        m.end(),
                        "dehumanising word used of people",
                    )
                    .with_severity(Severity::High),
                );
            } else {
                out.push(Candidate::new(
                    "derogatory-remark",
                    m.start(),
                    m.end(),
                    "put-down said of patients, colleagues or the Trust",
                ));
            }
        }
        for caps in self.attributive.captures_iter(text) {
            let (Some(m), Some(t)) = (caps.get(0), caps.name("t")) else {
                continue;
            };
            if COMPOUND_NOUNS.contains(&next_word(text, t.end())) {
                continue;
            }
            out.push(Candidate::new(
                "derogatory-remark",
                m.start(),
                m.end(),
                "put-down attached to patients, colleagues or the Trust",
            ));
        }
        for m in self.labels.find_iter(text) {
            if in_sentence(input.context, class::WORK_SETTING, text, m.start(), m.end()) {
                out.push(Candidate::new(
                    "derogatory-remark",
                    m.start(),
                    m.end(),
                    "contemptuous label for patients, in a work context",
                ));
            } else {
                out.push(
                    Candidate::new(
                        "derogatory-remark",
                        m.start(),
                        m.end(),
                        "contemptuous label, no work context",
                    )
                    .with_severity(Severity::Info),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn worst(text: &str) -> Option<Severity> {
        let d = Derogatory::new().expect("compiles");
        run(&d, text)
            .into_iter()
            .map(|(_, c)| c.severity.unwrap_or(Severity::Warn))
            .max()
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
            (
                "3 bed blockers on the ward and no beds in ED",
                Severity::Warn,
            ),
            ("the relatives in bay 2 are vile", Severity::Warn),
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
            "our patients are amazing and so is the team",
            "the trust is a great place to work",
            "managers are joking about the christmas jumper day",
        ] {
            assert_eq!(worst(text), None, "{text}");
        }
    }
}
