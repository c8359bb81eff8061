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
//!
//! Menace is often veiled: "watch your back mate" (a form of address may follow the closing phrase),
//! "sleep with one eye open" (an imperative: only at the start of a sentence), "gonna find out where
//! that patient's husband lives", "you'll get what's coming". Wishing illness is wishing harm ("hope your
//! kid catches measles"), unless a negation turns it round ("hope your kids don't get sick"). Staff also
//! threaten *care*: "your nan's call bell might take a little longer" and "rude patients get the big
//! cannula" are reprisals against patients (Warn).

use super::text::{next_word, Lists};
use super::{Candidate, Detector, Input};
use crate::catalogue::words::threats::*;
use crate::error::Error;
use crate::finding::Severity;

/// Words between the wish and the harm ("hope *the ward manager's car* gets keyed").
const HOPE_GAP: usize = 4;

/// Most words between "find out where" and "lives" ("where *that patient's husband* lives").
const LOCATE_GAP: usize = 4;

/// Whether nothing but spaces, punctuation or emoji stands between a sentence start and `pos`.
fn starts_sentence(text: &str, pos: usize) -> bool {
    // Commas, colons and semicolons count as sentence starts: "she's a snake, sleep with one eye open".
    text[..pos]
        .bytes()
        .rev()
        .find(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'!' | b'?' | b'\n' | b',' | b':' | b';'))
        .is_none_or(|b| !b.is_ascii_alphanumeric())
}

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
            if let Some(e) = hits.within_unless(HARM, NEGATION, text, end, HOPE_GAP) {
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
        // "watch your back mate": a form of address may close the menace, and a second menace after a
        // comma keeps it one ("watch your back mate, i know people"); advice goes on ("…, use the hoist").
        let menaces = hits.all(WATCHING).len() + hits.all(MENACING).len() + hits.all(LOCATE).len();
        let closes = |end: usize| match hits.next(VOCATIVE, text, end) {
            Some(close) => next_word(text, close).is_none() || menaces > 1,
            None => next_word(text, end).is_none(),
        };
        for &(start, end) in hits.all(WATCHING) {
            if closes(end) {
                out.push(
                    Candidate::new("threat-violence", start, end, "menacing phrase").with_severity(Severity::High),
                );
            }
        }
        for &(start, end) in hits.all(IMPERATIVE) {
            if starts_sentence(text, start) && closes(end) {
                out.push(
                    Candidate::new("threat-violence", start, end, "menacing phrase").with_severity(Severity::High),
                );
            }
        }
        for &(start, end) in hits.all(LOCATE) {
            if let Some(e) = hits.within(LIVES, text, end, LOCATE_GAP) {
                out.push(
                    Candidate::new("threat-violence", start, e, "finding out where someone lives")
                        .with_severity(Severity::High),
                );
            }
        }
        for &(start, end) in hits.all(OWNER).iter().filter(|_| hits.any(PROVOCATION)) {
            if let Some(e) = hits.within(CARE, text, end, 1).and_then(|c| hits.next(NEGLECT, text, c)) {
                out.push(
                    Candidate::new("threat-violence", start, e, "threat to hold back a patient's care")
                        .with_severity(Severity::Warn),
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
            ("the chaplain's proper creepy, someone should key his car", "threat-violence"),
            ("to whoever parked across three spaces: I hope your tyres are ok tomorrow morning 😉", "threat-violence"),
            ("Anyone who takes my parking space tomorrow will find their tyres flat", "threat-violence"),
            ("I know it was you Kelly, and I'll be having words in a dark corridor 😈", "threat-violence"),
            ("see you in the car park @jon_b. watch your back", "threat-violence"),
            ("she deserves a good slap", "threat-violence"),
            ("honestly just kys", "self-harm-encouragement"),
            ("go and kill yourself", "self-harm-encouragement"),
            ("hope he dies in his sleep", "self-harm-encouragement"),
            ("unalive urself tbh", "self-harm-encouragement"),
            ("just neck urself lol", "self-harm-encouragement"),
            ("do everyone a favour and take a long walk off a short pier", "self-harm-encouragement"),
            ("do us all a favour and end it x", "self-harm-encouragement"),
            ("let's all report her account", "harassment"),
            ("time to name and shame", "harassment"),
            ("here's his address if anyone wants a word", "harassment"),
            ("you'll get what's coming to you", "threat-violence"),
            ("that registrar is a liar. sleep with one eye open", "threat-violence"),
            ("watch your back pal, i know people", "threat-violence"),
            ("i'm gonna find out where the ward manager lives", "threat-violence"),
            ("hope your husband catches covid", "threat-violence"),
            ("hope she ends up in resus herself", "threat-violence"),
            ("shout at me again and your mum's buzzer might take a bit longer", "threat-violence"),
            ("your nan's call bell might take a little longer 😇", "threat-violence"),
            ("rude relatives' dads get the big cannula", "threat-violence"),
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
            "someone keyed my car in the staff car park again, gutted",
            "check your tyres are ok before the long drive home",
            "came out of nights to find my tyres flat, great",
            "Watch your back when lifting, use the hoist, your spine will thank you",
            "this night shift is killing me",
            "going to smash this exam tomorrow",
            "we should kill the lights in bay 2 so they can sleep",
            "I'll kill it at the interview",
            "hope he gets well soon",
            "patient was told to report any chest pain",
            "please report her fall on Datix",
            "on nights you learn to sleep with one eye open",
            "watch your back mate when you're hoisting",
            "i know people who have had this op and loved it",
            "hope your kids don't get sick this winter",
            "hope you catch the early train",
            "hope you never end up in resus",
            "we need to find out where she lives for the discharge letter",
            "your tea might be late tonight love, stuck at work",
            "Happy Diwali and Eid Mubarak to everyone celebrating",
            "lifting patients all day? watch your back mate, use the hoist",
            "better sleep with one eye open on nights lol the ward is haunted",
            "please be patient, your meds might be a little late tonight as pharmacy is down",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
