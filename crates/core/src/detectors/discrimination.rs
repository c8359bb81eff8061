//! Negative generalisations about a group with a protected characteristic.
//!
//! Why this shape: "immigrants are ruining the NHS" or "foreign nurses can't even speak English"
//! contain no slur, so the abuse lexicon cannot see them, yet CWFT 12.2.3, West Suffolk 5 and Cumbria
//! 3.3 ("inciting hatred or discrimination") forbid exactly this. A generalisation is a *group noun*
//! (`data/lexicon/protected_groups.txt`) said to *be* something contemptuous: violent or dehumanising
//! predicates (`hate_predicates.txt`) are High, stereotypes (`stereotype_predicates.txt`) Warn. Calls
//! to expel a group ("should all be sent back", "go back to your own country") are High. Saying a group
//! is *welcome*, *amazing* or *not the problem* matches nothing: the predicate lists are negative only
//! and a "not" breaks the construction.

use super::text::{alternation, compile};
use super::{Candidate, Detector, Input};
use crate::error::Error;
use crate::finding::Severity;
use regex::Regex;

const GROUPS: &str = include_str!("../../data/lexicon/protected_groups.txt");
const HATE: &str = include_str!("../../data/lexicon/hate_predicates.txt");
const STEREOTYPES: &str = include_str!("../../data/lexicon/stereotype_predicates.txt");

/// Finds negative generalisations about protected groups.
#[derive(Debug)]
pub struct Discrimination {
    /// `<group> are <predicate>`, group `hate` set for the violent list; or a call to expel.
    pattern: Regex,
}

impl Discrimination {
    /// Compiles the pattern from the word lists.
    pub fn new() -> Result<Self, Error> {
        let groups = alternation(GROUPS);
        let pattern = format!(
            r"(?-u)\b(?:all\s+(?:the\s+)?|most\s+|these\s+|those\s+)?(?:{groups})\s+(?:(?:are|is|were|'re)\s+(?:(?:all|just|a|an|the|such|so|total|complete|absolute|bunch\s+of|like|fucking|bloody|nothing\s+but|basically|literally|always|simply)\s+){{0,3}}(?:(?P<hate>{})|{})|(?:should|need\s+to|must|ought\s+to)\s+(?:all\s+)?(?P<expel>(?:be\s+)?(?:deported|sent\s+back|sent\s+home|go\s+back|go\s+home|banned|kicked\s+out|thrown\s+out|locked\s+up|shot))|(?:can't|cant|cannot|can\s+not|don't|dont|do\s+not)\s+(?:even\s+)?speak\s+(?:proper\s+|basic\s+)?english)\b|(?P<home>\bgo\s+back\s+to\s+(?:your|their)\s+(?:own\s+)?country\b|\bsend\s+(?:them|em|'em)\s+(?:all\s+)?back\s+(?:home|where\s+they\s+came\s+from|to\s+where\s+they\s+came\s+from)\b)",
            alternation(HATE),
            alternation(STEREOTYPES),
        );
        Ok(Discrimination {
            pattern: compile("discrimination pattern", &pattern)?,
        })
    }
}

impl Detector for Discrimination {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        for caps in self.pattern.captures_iter(input.text) {
            let Some(m) = caps.get(0) else { continue };
            let (severity, why) = if caps.name("hate").is_some() {
                (
                    Severity::High,
                    "protected group described in dehumanising or violent terms",
                )
            } else if caps.name("expel").is_some() || caps.name("home").is_some() {
                (Severity::High, "call to expel or punish a protected group")
            } else {
                (
                    Severity::Warn,
                    "negative stereotype about a protected group",
                )
            };
            out.push(
                Candidate::new("discriminatory-remark", m.start(), m.end(), why)
                    .with_severity(severity),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn worst(text: &str) -> Option<Severity> {
        let d = Discrimination::new().expect("compiles");
        run(&d, text)
            .into_iter()
            .filter_map(|(_, c)| c.severity)
            .max()
    }

    #[test]
    fn positives() {
        for (text, want) in [
            ("Immigrants are a plague on this country", Severity::High),
            ("foreign nurses can't even speak English", Severity::Warn),
            ("asylum seekers should all be deported", Severity::High),
            ("Muslims are all terrorists", Severity::High),
            ("trans people are perverts", Severity::High),
            (
                "tell him to go back to his own country. actually go back to your own country",
                Severity::High,
            ),
            ("Eastern Europeans are lazy", Severity::Warn),
        ] {
            assert_eq!(worst(text), Some(want), "{text}");
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "Refugees are welcome here",
            "immigrants are the backbone of the NHS",
            "international nurses are amazing, so glad to have them",
            "women are not the problem, the system is",
            "send them back to the ward once obs are done",
            "The disabled parking bays are full again",
        ] {
            assert_eq!(worst(text), None, "{text}");
        }
    }
}
