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

use super::text::Lists;
use super::{Candidate, Detector, Input};
use crate::catalogue::words::discrimination::*;
use crate::error::Error;
use crate::finding::Severity;

/// Most fillers between the verb and the predicate.
const MAX_FILLERS: usize = 3;

/// Finds negative generalisations about protected groups.
#[derive(Debug)]
pub struct Discrimination {
    lists: Lists,
}

impl Discrimination {
    /// The detector over its word lists (`data/words/`; compiled at build time).
    pub fn new() -> Result<Self, Error> {
        let lists = Lists::at(LISTS);
        Ok(Discrimination { lists })
    }
}

impl Detector for Discrimination {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let hits = self.lists.find(input);
        let by_origin =
            hits.all(ORIGIN).iter().filter_map(|&(s, e)| hits.next(PEOPLE_NOUN, text, e).map(|end| (s, end)));
        let mut groups: Vec<(usize, usize)> = hits.all(GROUP).to_vec();
        groups.extend(by_origin);
        for (start, end) in groups {
            let found = if let Some(e) = hits.next(EXPEL_CALL, text, end) {
                Some((e, Severity::High, "call to expel or punish a protected group"))
            } else if let Some(e) = hits.within(INSINUATION, text, end, 4) {
                Some((e, Severity::Warn, "insinuation of crime or inferiority about a protected group"))
            } else if let Some(e) = hits.next(NO_ENGLISH, text, end) {
                Some((e, Severity::Warn, "negative stereotype about a protected group"))
            } else {
                hits.within(COPULA, text, end, 2).and_then(|verb| {
                    match hits.through(text, verb, FILLER, MAX_FILLERS, &[HATE_WORD, STEREOTYPE]) {
                        Some((0, e)) => {
                            Some((e, Severity::High, "protected group described in dehumanising or violent terms"))
                        }
                        Some((_, e)) => Some((e, Severity::Warn, "negative stereotype about a protected group")),
                        None => None,
                    }
                })
            };
            if let Some((e, severity, why)) = found {
                out.push(Candidate::new("discriminatory-remark", start, e, why).with_severity(severity));
            }
        }
        for &(start, end) in hits.all(HOME) {
            out.push(
                Candidate::new("discriminatory-remark", start, end, "telling people to leave the country")
                    .with_severity(Severity::High),
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
        run(&d, text).into_iter().filter_map(|(_, c)| c.severity).max()
    }

    #[test]
    fn positives() {
        for (text, want) in [
            ("Immigrants are a plague on this country", Severity::High),
            ("foreign nurses can't even speak English", Severity::Warn),
            ("asylum seekers should all be deported", Severity::High),
            ("Muslims are all terrorists", Severity::High),
            ("trans people are perverts", Severity::High),
            ("tell him to go back to his own country. actually go back to your own country", Severity::High),
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
