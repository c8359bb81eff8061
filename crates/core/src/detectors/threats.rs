//! Threats, calls to violence, encouragement of self-harm, and harassment campaigns.
//!
//! Why this shape: Cumbria 3.3 lists "encouraging self-harm or violence" and bullying among the
//! safeguarding issues staff must never post, and harassment is a criminal matter (Protection from
//! Harassment Act 1997, cited in Cumbria's summary). NHS humour is full of hyperbole — "I could kill for
//! a coffee", "this shift is killing me", "going to smash this exam" — so a threat needs a *violent verb
//! aimed at a person* ("I'll batter him", "someone should punch that consultant"), and is High only when
//! the person is specific; "the next person who says the Q word" is Warn. Self-harm encouragement
//! ("kys", "go and kill yourself", "hope she dies") is always High. Harassment is an *invitation to
//! target* someone ("let's all report her", "name and shame", "here's his address").

use super::text::{next_word, Lists};
use super::{Candidate, Detector, Input};
use crate::catalogue::words::threats::*;
use crate::error::Error;
use crate::finding::Severity;

/// Words between the wish and the harm ("hope *the ward manager's car* gets keyed").
const HOPE_GAP: usize = 4;

/// Finds threats, self-harm encouragement and harassment.
#[derive(Debug)]
pub struct Threats {
    lists: Lists,
}

impl Threats {
    /// The detector over its word lists (`data/words/`; compiled at build time).
    pub fn new() -> Result<Self, Error> {
        let lists = Lists::at(LISTS);
        Ok(Threats { lists })
    }
}

/// An `@mention` or `dr smith` starting at the next word: its end.
fn named(text: &str, pos: usize) -> Option<usize> {
    let s = next_word(text, pos)?;
    let word_end =
        |from: usize| from + text[from..].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
    if text.as_bytes()[s] == b'@' {
        let e = word_end(s + 1);
        return (e > s + 1).then_some(e);
    }
    let title = ["dr ", "mr ", "mrs ", "ms "].iter().find(|t| text[s..].starts_with(**t))?;
    let e = word_end(s + title.len());
    (e > s + title.len()).then_some(e)
}

impl Detector for Threats {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let hits = self.lists.find(input);
        for &(start, end) in hits.all(LEAD) {
            // "I'll *properly* batter him": one word may stand between the lead and the verb.
            let verb = hits.next(VIOLENT, text, end).or_else(|| {
                let s = next_word(text, end)?;
                hits.next(VIOLENT, text, super::text::word_end(text, s))
            });
            let Some(verb) = verb else { continue };
            let target = if let Some(e) = hits.next(WHOEVER, text, verb) {
                Some((e, Severity::Warn, "violent verb aimed at whoever comes next"))
            } else if let Some(e) = hits.within(PERSON, text, verb, 3).or_else(|| named(text, verb)) {
                Some((e, Severity::High, "violent verb aimed at a specific person"))
            } else {
                hits.next(DETERMINER, text, verb)
                    .and_then(|d| hits.next(ROLE, text, d).or_else(|| hits.within(ROLE, text, d, 1)))
                    .map(|e| (e, Severity::High, "violent verb aimed at a specific person"))
            };
            if let Some((e, severity, why)) = target {
                out.push(Candidate::new("threat-violence", start, e, why).with_severity(severity));
            }
        }
        for &(start, end) in hits.all(HOPE) {
            if let Some(e) = hits.within(HARM, text, end, HOPE_GAP) {
                out.push(Candidate::new("threat-violence", start, e, "wishing harm on someone"));
            }
        }
        if hits.any(GRIEVANCE) {
            for &(start, end) in hits.all(EXPOSE) {
                out.push(Candidate::new(
                    "harassment",
                    start,
                    end,
                    "naming or locating someone the post has a grievance against",
                ));
            }
        }
        for &(start, end) in hits.all(REPRISAL) {
            out.push(
                Candidate::new("threat-violence", start, end, "violent reprisal promised")
                    .with_severity(Severity::Warn),
            );
        }
        for &(start, end) in hits.all(WATCHING) {
            if next_word(text, end).is_none() {
                out.push(
                    Candidate::new("threat-violence", start, end, "menacing phrase").with_severity(Severity::High),
                );
            }
        }
        for &(start, end) in hits.all(MENACING) {
            out.push(Candidate::new("threat-violence", start, end, "menacing phrase").with_severity(Severity::High));
        }
        for &(start, end) in hits.all(SELF_HARMING) {
            out.push(Candidate::new("self-harm-encouragement", start, end, "phrase encouraging self-harm"));
        }
        for &(start, end) in hits.all(HARASSING) {
            out.push(Candidate::new("harassment", start, end, "invitation to target or expose a person"));
        }
        for &(start, end) in hits.all(PILE_LEAD) {
            let Some(verb) = hits.next(PILE_VERB, text, end).or_else(|| hits.within(PILE_VERB, text, end, 1)) else {
                continue;
            };
            if let Some(e) = hits.within(PILE_TARGET, text, verb, 3).or_else(|| named(text, verb)) {
                out.push(Candidate::new("harassment", start, e, "invitation to pile on a person"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<(&'static str, Option<Severity>)> {
        run(&Threats::new().expect("compiles"), text).into_iter().map(|(_, c)| (c.rule, c.severity)).collect()
    }

    #[test]
    fn positives() {
        for (text, rule) in [
            ("if he does that again I'll batter him", "threat-violence"),
            ("someone should punch that consultant", "threat-violence"),
            ("I'm going to kill the next person who says the Q word", "threat-violence"),
            ("I know where you live", "threat-violence"),
            ("see you in the car park @jon_b. watch your back", "threat-violence"),
            ("she deserves a good slap", "threat-violence"),
            ("honestly just kys", "self-harm-encouragement"),
            ("go and kill yourself", "self-harm-encouragement"),
            ("hope he dies in his sleep", "self-harm-encouragement"),
            ("let's all report her account", "harassment"),
            ("time to name and shame", "harassment"),
            ("here's his address if anyone wants a word", "harassment"),
        ] {
            assert!(found(text).iter().any(|f| f.0 == rule), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn severity_depends_on_the_target() {
        assert!(found("I'll smash your face in").contains(&("threat-violence", Some(Severity::High))));
        assert!(found("I'll kill the next person who says quiet").contains(&("threat-violence", Some(Severity::Warn))));
    }

    #[test]
    fn negatives() {
        for text in [
            "I could kill for a coffee right now",
            "Watch your back when lifting, use the hoist, your spine will thank you",
            "this night shift is killing me",
            "going to smash this exam tomorrow",
            "we should kill the lights in bay 2 so they can sleep",
            "I'll kill it at the interview",
            "hope he gets well soon",
            "patient was told to report any chest pain",
            "please report her fall on Datix",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
