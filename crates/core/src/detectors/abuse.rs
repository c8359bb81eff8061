//! Abuse, obscenity and slurs, seen through the ways people disguise them.
//!
//! Why this shape: the policies forbid slurs, personal insults and obscenity (Hillingdon 5.4, CWFT
//! 12.2.3, CDDFT 4.4.3, Cumbria 3.3), but NHS staff also swear about their own shifts, and a nudge that
//! fires on "bloody knackered after a 13-hour shift" teaches people to ignore it (DESIGN §5.4). So the
//! detector asks two questions of every listed word: *how serious is it* (the lexicon file it comes
//! from, `data/lexicon/`) and *whom is it aimed at* — the nearest person word in the same sentence
//! ("you", "he", "our manager", "patients") or the author ("I'm", "me", "my"). Slurs are High whoever
//! they are about; insults matter when aimed at someone; swearing at nobody in particular is only
//! informational.
//!
//! Words are read from the [`skeleton`](super::skeleton) view, which undoes leetspeak, spelled-out
//! letters, split words and masking; `normalize` has already undone homoglyphs, full-width letters and
//! zero-width characters. Matching is by whole word (see [`lexicon`](super::lexicon)), so innocent words
//! that contain a bad substring never match, and phrases in `innocent.txt` (`needle prick`) excuse the
//! word inside them.

use super::lexicon::{Grade, Lexicon};
use super::skeleton::{self, Word, LEET, MASKED, SPACED, SPLIT};
use super::text::{nearest_in_sentence, sentence_break_between, Lists};
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::catalogue::words::abuse::*;
use crate::context::is_boundary;
use crate::error::Error;
use crate::finding::Severity;

/// Bytes either side of an insult in which a person word aims it ("our manager is a complete and utter …").
const AIM_WINDOW: usize = 36;
/// Swearing is aimed only by a person word right beside it ("fuck you", "fucking patients"): "fucking
/// knackered after nights, see you all" is not aimed at the reader.
const SWEAR_AIM_WINDOW: usize = 12;

/// Bytes in the longest innocent phrase, normalised (a test keeps it true).
const LONGEST_INNOCENT: usize = 64;

/// Finds listed abusive words and grades them by whom they are aimed at.
#[derive(Debug)]
pub struct Abuse {
    lexicon: Lexicon,
    lists: Lists,
}

/// Whom a word is aimed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aim {
    /// Another person or group.
    Other,
    /// The author.
    Author,
    /// Nobody in particular.
    Nobody,
}

impl Abuse {
    /// Compiles the lexicon.
    pub fn new() -> Result<Self, Error> {
        Ok(Abuse { lexicon: Lexicon::new(), lists: Lists::at(LISTS) })
    }

    fn aim(&self, input: &Input<'_>, start: usize, end: usize, window: usize) -> Aim {
        let text = input.text;
        let other = nearest_in_sentence(input.context, class::ABUSE_TARGET, text, start, end, window)
            .map(|(_, d)| d)
            .into_iter()
            .chain(mention_near(text, start, end, window))
            .chain(followed_by_off(text, end))
            .min();
        let own = nearest_in_sentence(input.context, class::SELF_REFERENCE, text, start, end, window).map(|(_, d)| d);
        match (other, own) {
            (Some(o), Some(a)) if a < o => Aim::Author,
            (Some(_), _) => Aim::Other,
            (None, Some(_)) => Aim::Author,
            (None, None) => Aim::Nobody,
        }
    }
}

/// Distance to an `@mention` in the same sentence and window.
fn mention_near(text: &str, start: usize, end: usize, window: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let lo = start.saturating_sub(window);
    let hi = (end + window).min(bytes.len());
    (lo..hi)
        .filter(|&i| bytes[i] == b'@' && bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_'))
        .filter(|&i| {
            !(start..end).contains(&i) && !sentence_break_between(text, i, if i < start { start } else { end })
        })
        .map(|i| if i < start { start - i } else { i - end })
        .min()
}

/// Whether the word follows a copula ("the patients are *f-ing* nightmares"): the subject before it is
/// what the swearing describes, however far back it starts.
fn after_copula(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    [" are", " is", " was", " were", "'re", "'s", " r"].iter().any(|c| before.ends_with(c))
}

/// "… off" straight after the word aims it at the reader ("f*** off").
fn followed_by_off(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?.trim_start_matches(' ');
    (rest.starts_with("off") && is_boundary(rest.as_bytes(), 3)).then_some(1)
}

fn severity(grade: Grade, aim: Aim) -> Option<(&'static str, Severity)> {
    Some(match (grade, aim) {
        (Grade::Slur, _) => ("abuse-slur", Severity::High),
        (Grade::Strong, Aim::Other) => ("abuse-insult", Severity::High),
        (Grade::Strong, Aim::Nobody) => ("abuse-insult", Severity::Warn),
        (Grade::Strong, Aim::Author) => ("abuse-insult", Severity::Info),
        (Grade::Insult, Aim::Other) => ("abuse-insult", Severity::Warn),
        (Grade::Insult, Aim::Nobody) => ("abuse-insult", Severity::Info),
        (Grade::Insult, Aim::Author) => return None,
        (Grade::Obscenity, Aim::Other) => ("abuse-obscenity", Severity::Warn),
        (Grade::Obscenity, _) => ("abuse-obscenity", Severity::Info),
    })
}

fn tricks(t: u8) -> String {
    let names: Vec<&str> =
        [(LEET, "leetspeak"), (SPACED, "spaced letters"), (SPLIT, "split word"), (MASKED, "masking")]
            .iter()
            .filter(|(bit, _)| t & bit != 0)
            .map(|&(_, name)| name)
            .collect();
    if names.is_empty() {
        String::new()
    } else {
        format!("; seen through {}", names.join(", "))
    }
}

impl Detector for Abuse {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let words = skeleton::words(text);
        let innocent = self.lists.find(input);
        for (i, w) in words.iter().enumerate() {
            let single = self.lexicon.word(w).map(|g| (g, w.start, w.end, w.tricks));
            let pair = next_word(&words, i, text)
                .and_then(|n: &Word<'_>| self.lexicon.pair(w, n).map(|g| (g, w.start, n.end, w.tricks | n.tricks)));
            for (grade, start, end, t) in [single, pair].into_iter().flatten() {
                if excused(innocent.all(INNOCENT_PHRASE), start, end) {
                    continue;
                }
                let window =
                    if grade == Grade::Obscenity && !after_copula(text, start) { SWEAR_AIM_WINDOW } else { AIM_WINDOW };
                let aim = self.aim(input, start, end, window);
                let Some((rule, sev)) = severity(grade, aim) else {
                    continue;
                };
                let whom = match aim {
                    Aim::Other => "aimed at someone",
                    Aim::Author => "about the author",
                    Aim::Nobody => "no clear target",
                };
                let why = format!("abuse lexicon: {}; {whom}{}", grade.as_str(), tricks(t));
                out.push(Candidate::new(rule, start, end, why).with_severity(sev));
            }
        }
    }
}

/// Whether one of the innocent `phrases` (sorted by start) contains `start..end`. Only phrases starting
/// within [`LONGEST_INNOCENT`] bytes before the word can, so a draft full of both costs O(log n) a word.
fn excused(phrases: &[(usize, usize)], start: usize, end: usize) -> bool {
    let first = phrases.partition_point(|p| p.0 < start.saturating_sub(LONGEST_INNOCENT));
    phrases[first..].iter().take_while(|p| p.0 <= start).any(|p| end <= p.1)
}

/// The next word after `words[i]` separated from it by a short plain gap (for two-word entries).
fn next_word<'w, 't>(words: &'w [Word<'t>], i: usize, text: &str) -> Option<&'w Word<'t>> {
    let w = &words[i];
    let n = words[i + 1..].iter().find(|n| n.start >= w.end)?;
    let gap = &text[w.end..n.start];
    (gap.len() <= 3 && gap.bytes().all(|b| b == b' ' || b == b'-')).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<(String, &'static str, Option<Severity>)> {
        let d = Abuse::new().expect("compiles");
        run(&d, text).into_iter().map(|(s, c)| (s, c.rule, c.severity)).collect()
    }

    /// The highest severity found, if any.
    fn worst(text: &str) -> Option<Severity> {
        found(text).into_iter().filter_map(|f| f.2).max()
    }

    /// A disguised word never makes what follows it weigh less than the plain spelling would: dots
    /// between letters are not sentence ends, so "you" still aims the insult after "f.u.c.k.i.n.g".
    #[test]
    fn disguise_does_not_weaken_the_insult_after_it() {
        let insult = |text: &str| found(text).into_iter().find(|f| f.1 == "abuse-insult").and_then(|f| f.2);
        for disguised in ["you f.u.c.k.i.n.g idiot", "you f-u-c-k-i-n-g idiot", "you f*cking idiot", "you fckng idiot"]
        {
            assert_eq!(insult(disguised), insult("you fucking idiot"), "{disguised}: {:?}", found(disguised));
        }
    }

    #[test]
    fn positives() {
        for (text, want) in [
            ("You're an absolute 1d10t", Severity::Warn),
            ("our manager is a complete twat", Severity::High),
            ("f*** you", Severity::Warn),
            ("fuck off @jdoe", Severity::Warn),
            ("the patients in bay 3 are f-u-c-k-i-n-g nightmares", Severity::Warn),
            ("you i.d.i.o.t", Severity::Warn),
            ("what a c**t he is", Severity::High),
            ("she is a b1tch", Severity::High),
            ("that consultant is a p r i c k", Severity::Warn),
            ("no room for a retard like him", Severity::High),
            ("ｙｏｕ ｍｏｒｏｎ", Severity::Warn),
        ] {
            assert_eq!(worst(text), Some(want), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "Scunthorpe General team day out",
            "cocktail night for the therapist team",
            "data analysis of Dickens novels in Essex",
            "bloody knackered after a 13-hour shift",
            "I'm such an idiot, forgot my lanyard again",
            "needle prick injury training today",
            "spotted dick and custard in the canteen",
            "A55 closed again at 10am",
            "child with spastic diplegia reviewed in clinic",
            "what a cock-up with the rota",
            // Describing someone swearing (W48, measure); the word alone aimed at someone still counts.
            "Someone's dad was effing and blinding at reception today",
        ] {
            let f = found(text);
            assert!(f.iter().all(|x| x.2 == Some(Severity::Info)), "{text}: {f:?}");
        }
    }

    #[test]
    fn every_innocent_phrase_fits_the_lookup_window() {
        for phrase in crate::vocabulary_compile::entries(include_str!("../../data/lexicon/innocent.txt")) {
            assert!(crate::normalize::Normalized::new(phrase).as_str().len() <= LONGEST_INNOCENT, "{phrase}");
        }
    }

    #[test]
    fn git_and_sod_only_as_insults() {
        assert!(worst("waiting for her son to let me in for her insulin, he's always late, miserable git").is_some());
        assert!(worst("Lazy useless git sits in the portacabin eating pasties all day").is_some());
        assert!(worst("no wonder the HCAs there are always off, lazy sods").is_some());
        for text in
            ["git push origin main then deploy", "sod's law the printer jammed again", "the old sod lost his glasses"]
        {
            assert_eq!(worst(text), None, "{text}");
        }
    }

    #[test]
    fn swearing_at_nobody_is_only_informational() {
        assert_eq!(worst("fucking knackered after a 13 hour shift"), Some(Severity::Info));
        assert_eq!(worst("what a shit day"), Some(Severity::Info));
    }

    #[test]
    fn explanation_never_quotes_the_text() {
        for (s, _, _) in found("you 1d10t") {
            let d = Abuse::new().expect("compiles");
            for (_, c) in run(&d, "you 1d10t") {
                assert!(!c.why.contains(&s) && !c.why.contains("1d10t"), "{}", c.why);
            }
        }
    }
}
