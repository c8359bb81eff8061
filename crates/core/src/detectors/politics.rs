//! Inflammatory attacks on political or religious groups — informational only.
//!
//! Why this shape: staff are free to hold and share political views; Hillingdon 5.4 only asks them to
//! show "proper consideration … for topics that may be considered objectionable or inflammatory — such
//! as politics and religion", and CWFT 12.2.5 notes the Trust may need a neutral public stance. So this
//! detector never pauses a post: it marks *attacks* ("Tories are scum", "religion is a cancer"), not
//! opinions ("I disagree with the health secretary"), at Info severity. Attacks on a *protected* group
//! (a religion's followers, a nationality) are discrimination and belong to `discrimination`.

use super::text::Lists;
use super::{Candidate, Detector, Input};
use crate::error::Error;

const TARGETS: &str = include_str!("../../data/lexicon/political_targets.txt");
const ATTACKS: &str = include_str!("../../data/lexicon/political_attacks.txt");

const COPULAS: &str = "are\nis\nwere\n're\n's";
const FILLERS: &str = "all\njust\na\nan\nthe\nsuch\nso\ntotal\ncomplete\nabsolute\nbunch of\nfucking\nbloody\nnothing but\nliterally\nutter";
/// Insults written straight after a party ("Tory scum").
const TRAILING: &str = "scum\nvermin\nfilth\nscumbags\ntraitors\nshould be hanged\nshould be shot\nshould be strung up\nshould all be shot\nshould all be hanged\nshould be jailed\nshould be locked up\nshould burn\nshould all burn";
const RELIGIONS: &str = "religion\nreligions\norganised religion\nislam\nchristianity\njudaism\nhinduism\nthe church\nthe bible\nthe quran\nthe koran\ngod\nallah\njesus";
const RELIGION_ATTACKS: &str = "poison\ncancer\na cancer\nevil\na disease\na virus\na fairy tale\na fairytale\nfor idiots\nbullshit\na joke\na lie\nchild abuse\na delusion\na mental illness\nnonsense\nthe root of all evil";
/// Inflammatory phrases wherever they stand (hashtags without their `#`, which starts a comment).
const PHRASES: &str = "burn the quran\nburn the koran\nburn the bible\nburn a quran\nburn every quran\ndeath to the tories\ndeath to tories\ndeath to labour\ntoryscum\ntory_scum\nlabourscum\ntorieskill";

const TARGET: usize = 0;
const ATTACK: usize = 1;
const COPULA: usize = 2;
const FILLER: usize = 3;
const TRAILING_ATTACK: usize = 4;
const RELIGION: usize = 5;
const RELIGION_ATTACK: usize = 6;
const PHRASE: usize = 7;

/// Most fillers between the verb and the attack.
const MAX_FILLERS: usize = 3;

/// The word lists, in the order of their indices: compiled with every other list into the shared
/// vocabulary (`super::vocabulary`).
pub(super) const WORDS: &[&str] = &[TARGETS, ATTACKS, COPULAS, FILLERS, TRAILING, RELIGIONS, RELIGION_ATTACKS, PHRASES];

/// Finds attacks on parties, politicians and religions.
#[derive(Debug)]
pub struct Politics {
    lists: Lists,
}

impl Politics {
    /// Compiles the word lists.
    pub fn new() -> Result<Self, Error> {
        let lists = super::vocabulary::POLITICS;
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
