//! Mockery: laughing at a patient, relative or colleague, in ordinary words.
//!
//! Why this shape: CDDFT 4.4.3 ("under no circumstance should derogatory, abusive or personal comments
//! be made about patient/service users, Trust colleagues") and Hillingdon 5.4 forbid it, and posts
//! written blind by staff voices (`tests/corpus/unseen/`) showed that most of it carries no put-down
//! phrase at all: "told the old boy I'd won Wimbledon and he cried 😂 free entertainment on the dementia
//! run". No phrase list holds those. What they share is three things close together: a **person**
//! (patient, relative, colleague), something about them **made fun of** (their mind, body, grief,
//! intelligence or state) and the writer **laughing or sneering** (😂, 💀, 🙄, "lol", "you couldn't
//! make it up"), in a post about work. Each alone is everyday — nurses laugh *with* patients and describe
//! dementia kindly — so all three must fall within [`WINDOW`] bytes of the laughter, and laughing *with*
//! someone ("we were both crying laughing") cancels it, as does the writer laughing at themselves ("I
//! fainted 😂"). Reported as `derogatory-remark`, at its default severity.

use super::text::{ends_just_before, Hits, Lists};
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::catalogue::words::mockery::*;
use crate::error::Error;

/// Bytes either side of the laughter in which the person and what is mocked must lie: about one
/// sentence of a post.
const WINDOW: usize = 120;
/// Bytes either side of the laughter in which a "laughing with" phrase cancels it.
const WITH_REACH: usize = 40;
/// Bytes before the thing mocked in which "I", "me" or "my" make it the writer's own ("*I* fainted").
const SELF_REACH: usize = 12;

/// Laughing, eye-rolling, facepalm and sneering emoji (the whale is said of patients' weight, the halo
/// of a petty revenge). Here rather than in the word lists because they come in
/// runs ("🐳😂😂", "💀💀") inside which the vocabulary, which matches whole words, finds nothing.
const RIDICULE_EMOJI: &[char] = &['😂', '🤣', '💀', '🙄', '🤡', '🤦', '🙃', '😑', '🤭', '🐳', '😇'];

/// Where the laughter is: the [`RIDICULE_EMOJI`] and the `ridicule` list's words, in text order.
fn laughter(text: &str, hits: &Hits<'_>) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = hits.all(RIDICULE).to_vec();
    // Every listed emoji is four bytes of UTF-8 starting 0xF0: look at those bytes only.
    for (i, _) in text.bytes().enumerate().filter(|&(_, b)| b == 0xF0) {
        if text.get(i..).and_then(|t| t.chars().next()).is_some_and(|c| RIDICULE_EMOJI.contains(&c)) {
            spans.push((i, i + 4));
        }
    }
    crate::order::sort_spans(&mut spans);
    spans
}

/// Finds mockery of patients, relatives and colleagues.
#[derive(Debug)]
pub struct Mockery {
    lists: Lists,
}

impl Mockery {
    /// The detector over its word lists (`data/words/`; compiled at build time).
    pub fn new() -> Result<Self, Error> {
        Ok(Mockery { lists: Lists::at(LISTS) })
    }
}

/// The first hit of `list` lying within `lo..hi`.
fn within(hits: &Hits<'_>, list: usize, lo: usize, hi: usize) -> Option<(usize, usize)> {
    let all = hits.all(list);
    all[all.partition_point(|h| h.0 < lo)..].iter().copied().take_while(|h| h.0 < hi).find(|h| h.1 <= hi)
}

/// Whether a person word is the writer ("I'm a porter") or the writer's own family ("my mum", "my
/// husband"): neither is a patient, relative or colleague being laughed at ("Nobody tell my mum I work
/// in the hospital where she was born, she thinks I'm a doctor 😂 (I'm a porter)").
fn writer_or_family(text: &str, (start, end): (usize, usize)) -> bool {
    let before = super::people::before(text, start, 8);
    let family =
        matches!(&text[start..end], "mum" | "dad" | "nan" | "grandad" | "husband" | "wife" | "family" | "sister");
    (family && (before == "my " || before.ends_with(" my "))) || before.ends_with("i'm a ") || before.ends_with("im a ")
}

impl Detector for Mockery {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        if !input.context.any(class::WORK_SETTING) {
            return;
        }
        let hits = self.lists.find(input);
        for (s, e) in laughter(input.text, &hits) {
            let (lo, hi) = (s.saturating_sub(WINDOW), e + WINDOW);
            if within(&hits, LAUGHING_WITH, s.saturating_sub(WITH_REACH), e + WITH_REACH).is_some() {
                continue;
            }
            let not_mocked = hits.all(NOT_RIDICULED);
            let ridiculed = hits.all(RIDICULED);
            let mocked = ridiculed[ridiculed.partition_point(|h| h.0 < lo)..]
                .iter()
                .copied()
                .take_while(|h| h.0 < hi)
                .filter(|h| h.1 <= hi)
                .find(|&(ms, me)| !not_mocked.iter().any(|&(ns, ne)| ns <= ms && me <= ne));
            let Some(mocked) = mocked else { continue };
            if ends_just_before(input.context.all(class::SELF_REFERENCE), mocked.0, SELF_REACH) {
                continue;
            }
            let people = hits.all(PERSON);
            let Some(person) = people[people.partition_point(|h| h.0 < lo)..]
                .iter()
                .copied()
                .take_while(|h| h.0 < hi)
                .filter(|h| h.1 <= hi)
                .find(|&p| p != mocked && !writer_or_family(input.text, p))
            else {
                continue;
            };
            let (start, end) = (person.0.min(mocked.0), person.1.max(mocked.1));
            out.push(Candidate::new(
                "derogatory-remark",
                start,
                end,
                "a patient, relative or colleague laughed at for their mind, body or state",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> bool {
        !run(&Mockery::new().expect("compiles"), text).is_empty()
    }

    #[test]
    fn positives() {
        for text in [
            "told the old boy on the ward I'd won Wimbledon and he cried 😂 free entertainment",
            "pt argued she's allergic to water then asked for a diet coke 😂 brain cells: 0",
            "the bloke in bay 4 was so drunk he tried to fight the vending machine lmaooo",
            "relative rang the ward again asking if her mum had a good day, she's 94 and dying. some families need a hobby 🙄",
            "the fat lad in majors needed two porters and a crane 🐳😂",
            // Someone else's mum, on the ward, is still a relative laughed at.
            "the patient's mum on the ward thinks she's a doctor now 😂",
        ] {
            assert!(found(text), "{text}");
        }
    }

    #[test]
    fn negatives() {
        for text in [
            // A kidney stone is not a weight.
            "Check out this absolute unit of a kidney stone 😂 patient let me take a picture of it in the pot",
            // Laughing with a patient.
            "a patient roasted my handwriting today and we were both crying laughing 😂 these are the moments",
            // Kind words about dementia, no laughter.
            "caring for people with dementia is a privilege, proud of our ward today",
            // Laughter, no one mocked.
            "the night team won the quiz again 😂 on the ward by 7 though",
            // Nothing about work.
            "my dad fell asleep in his dinner again 😂 so confused when he woke up",
            // The writer laughing at themselves.
            "I fainted at my own blood test 😂 some nurse I am on this ward",
            // The writer's own family, and the writer: no patient, relative or colleague is mocked.
            "Nobody tell my mum I work in the hospital where she was born, she thinks I'm a doctor 😂 (I'm a porter)",
        ] {
            assert!(!found(text), "{text}");
        }
    }
}
