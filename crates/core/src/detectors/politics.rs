//! Inflammatory attacks on political or religious groups — informational only.
//!
//! Why this shape: staff are free to hold and share political views; Hillingdon 5.4 only asks them to
//! show "proper consideration … for topics that may be considered objectionable or inflammatory — such
//! as politics and religion", and CWFT 12.2.5 notes the Trust may need a neutral public stance. So this
//! detector never pauses a post: it marks *attacks* ("Tories are scum", "religion is a cancer"), not
//! opinions ("I disagree with the health secretary"), at Info severity. Attacks on a *protected* group
//! (a religion's followers, a nationality) are discrimination and belong to `discrimination`.

use super::text::{alternation, compile};
use super::{Candidate, Detector, Input};
use crate::error::Error;
use regex::Regex;

const TARGETS: &str = include_str!("../../data/lexicon/political_targets.txt");
const ATTACKS: &str = include_str!("../../data/lexicon/political_attacks.txt");

/// Finds attacks on parties, politicians and religions.
#[derive(Debug)]
pub struct Politics {
    pattern: Regex,
}

impl Politics {
    /// Compiles the pattern from the word lists.
    pub fn new() -> Result<Self, Error> {
        let targets = alternation(TARGETS);
        let pattern = format!(
            r"(?-u)\b(?:(?:{targets})\s+(?:(?:are|is|were|'re)\s+(?:(?:all|just|a|an|the|such|so|total|complete|absolute|bunch\s+of|fucking|bloody|nothing\s+but|literally)\s+){{0,3}}(?:{attacks})|(?:scum|vermin|filth|scumbags|traitors)|(?:should|need\s+to|must)\s+(?:all\s+)?(?:be\s+)?(?:hanged|hung|shot|strung\s+up|jailed|locked\s+up|burn\w*))|(?:religion|religions|organised\s+religion|islam|christianity|judaism|hinduism|the\s+church|the\s+bible|the\s+quran|the\s+koran|god|allah|jesus)\s+(?:is|are)\s+(?:(?:just|a|an|all|total|complete|absolute|utter|nothing\s+but)\s+){{0,3}}(?:poison|cancer|evil|a\s+disease|a\s+virus|a\s+fairy\s*tale|for\s+idiots|bullshit|a\s+joke|a\s+lie|child\s+abuse|a\s+delusion|a\s+mental\s+illness|nonsense|the\s+root\s+of\s+all\s+evil)|burn\s+(?:the|a|every)\s+(?:quran|koran|bible|torah)s?|death\s+to\s+(?:the\s+)?(?:{targets}|muslims|jews|christians|infidels|unbelievers))\b|#(?:toryscum|tory_scum|toriesout|torieskill|labourscum|nevervotetory)\b",
            attacks = alternation(ATTACKS),
        );
        Ok(Politics {
            pattern: compile("politics and religion pattern", &pattern)?,
        })
    }
}

impl Detector for Politics {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        for m in self.pattern.find_iter(input.text) {
            out.push(Candidate::new(
                "politics-religion",
                m.start(),
                m.end(),
                "attack on a political or religious group",
            ));
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
        ] {
            assert_eq!(hits(text), 0, "{text}");
        }
    }
}
