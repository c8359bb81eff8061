//! Inflammatory attacks on political or religious groups — informational only.
//!
//! Why this shape: staff are free to hold and share political views; Hillingdon 5.4 only asks them to
//! show "proper consideration … for topics that may be considered objectionable or inflammatory — such
//! as politics and religion", and CWFT 12.2.5 notes the Trust may need a neutral public stance. So this
//! detector never pauses a post: it marks *attacks* ("Tories are scum", "religion is a cancer"), not
//! opinions ("I disagree with the health secretary"), at Info severity: insults said to a politician
//! ("@HealthSecUK you absolute clown"), blaming deaths on them ("this government has blood on its
//! hands") and calls to throw a party out ("vote them out"); a call to vote *for* a party is not marked. Attacks on a *protected* group
//! (a religion's followers, a nationality) are discrimination and belong to `discrimination`.

use super::text::Lists;
use super::{Candidate, Detector, Input};
use crate::catalogue::words::politics::*;
use crate::error::Error;

/// Most fillers between the verb and the attack.
const MAX_FILLERS: usize = 3;

/// Finds attacks on parties, politicians and religions.
#[derive(Debug)]
pub struct Politics {
    lists: Lists,
}

impl Politics {
    /// The detector over its word lists (`data/words/`; compiled at build time).
    pub fn new() -> Result<Self, Error> {
        let lists = Lists::at(LISTS);
        Ok(Politics { lists })
    }
}

impl Detector for Politics {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let hits = self.lists.find(input);
        let why = "attack on a political or religious group";
        for (subjects, attacks) in [(TARGET, ATTACK), (RELIGION, RELIGION_ATTACK)] {
            for &(start, end) in hits.all(subjects) {
                let attack = hits
                    .within(COPULA, text, end, 3)
                    .and_then(|verb| hits.through(text, verb, FILLER, MAX_FILLERS, &[attacks]))
                    .map(|(_, e)| e)
                    .or_else(|| if subjects == TARGET { hits.next(TRAILING_ATTACK, text, end) } else { None });
                if let Some(e) = attack {
                    out.push(Candidate::new("politics-religion", start, e, why));
                }
            }
        }
        for &(start, end) in hits.all(PHRASE) {
            out.push(Candidate::new("politics-religion", start, end, why));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn hits(text: &str) -> usize {
        run(&Politics::new().expect("compiles"), text).len()
    }

    #[test]
    fn positives() {
        for text in [
            "Tories are scum, every last one of them",
            "this government is killing the NHS",
            "Religion is a cancer on society",
            "#ToryScum",
            "Starmer is a traitor. Actually Starmer is a liar",
            "ministers should be strung up",
            "this government has blood on its hands",
            "@HealthSecUK you absolute clown",
            "the health secretary, you're a liar",
            "Vote them out at the next election",
        ] {
            assert!(hits(text) > 0, "{text}");
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "I disagree with the government's plan for the NHS",
            "Labour ward was busy tonight",
            "voting today, polling station by the hospital",
            "Chaplaincy team held a lovely service for Diwali",
            "reform of the discharge process is overdue",
            "the government has a new plan for social care",
            "Labour ward, you absolute legends",
            "Vote Labour on Thursday",
            "the pm handover is a joke tonight",
        ] {
            assert_eq!(hits(text), 0, "{text}");
        }
    }
}
