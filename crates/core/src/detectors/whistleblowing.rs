//! Raising concerns about care or conduct on social media instead of through Freedom to Speak Up.
//!
//! Why this shape: CDDFT 4.4.1 says "using social media to whistleblow is not considered appropriate":
//! the Public Interest Disclosure Act protects concerns raised internally first, through the Freedom to
//! Speak Up Guardians (also Cumbria 3.5). The author is usually right to be worried, so the nudge points
//! to the protected route rather than scolding. A finding needs a *concern phrase*. Phrases that only make
//! sense as a disclosure ("cover-up", "the public needs to know", "fiddling the figures") are Warn; phrases
//! that are also general comment ("unsafe staffing", "nobody listens") are Warn only when the sentence is
//! about the author's own workplace (I/we/my/our, tonight) and Info otherwise; everything is Info when the
//! post itself points to Freedom to Speak Up. "Whistleblowing" as a topic ("great talk on
//! whistleblowing") is not a concern phrase.

use super::text::{in_sentence, sentence, spans_in_sentence, Lists};
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::catalogue::words::whistleblowing::*;
use crate::error::Error;
use crate::finding::Severity;

/// Words allowed between raising a concern and being ignored ("raised concerns *three times and* nothing happened").
const IGNORED_GAP: usize = 4;

/// Finds concerns raised in public.
#[derive(Debug)]
pub struct Whistleblowing {
    lists: Lists,
}

impl Whistleblowing {
    /// The detector over its word lists (`data/words/`; compiled at build time).
    pub fn new() -> Result<Self, Error> {
        let lists = Lists::at(LISTS);
        Ok(Whistleblowing { lists })
    }
}

/// Whether the sentence holding `start..end` is about the author's own workplace.
fn own_workplace(input: &Input<'_>, start: usize, end: usize) -> bool {
    if in_sentence(input.context, class::SELF_REFERENCE, input.text, start, end) {
        return true;
    }
    let (s, e) = sentence(input.text, start, end);
    let sentence = &input.text[s..e];
    [" our ", "this ward", "tonight", "today"].iter().any(|w| sentence.contains(w))
        || sentence.trim_start().starts_with("our ")
}

/// Words before "cover-up" that make it about skin or hair ("tattoo cover-up"), not a scandal.
const COSMETIC: &[&str] = &["tattoo", "tattoos", "tattoo's", "concealer", "make-up", "makeup", "grey", "scar", "spot"];

impl Detector for Whistleblowing {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let hits = self.lists.find(input);
        let routed = input.context.any(class::SPEAK_UP_ROUTE);
        // "my tattoo cover-up", "concealer cover-up": covering skin, not a scandal.
        let cosmetic = |s: usize| {
            let before = text[..s].trim_end();
            COSMETIC.iter().any(|w| before.ends_with(w))
        };
        let mut found: Vec<(usize, usize, bool)> =
            hits.all(DISCLOSURE).iter().filter(|&&(s, _)| !cosmetic(s)).map(|&(s, e)| (s, e, true)).collect();
        found.extend(hits.all(CONCERN).iter().map(|&(s, e)| (s, e, false)));
        for &(s, e) in hits.all(RAISED_IT) {
            if let Some(end) = hits.within(IGNORED_IT, text, e, IGNORED_GAP) {
                found.push((s, end, true));
            }
        }
        for &(s, e) in hits.all(SHORT) {
            // Short staffing is everyday venting; with harm in the same sentence it is a disclosure.
            if spans_in_sentence(hits.all(HARM), text, s, e) {
                found.push((s, e, true));
            } else if !text[s..e].starts_with("staffing") {
                out.push(
                    Candidate::new(
                        "whistleblowing",
                        s,
                        e,
                        "short staffing mentioned; a reminder of the speak-up route",
                    )
                    .with_severity(Severity::Info),
                );
            }
        }
        for &(s, e) in hits.all(PUBLIC) {
            if let Some(end) = hits.within(OUTLET, text, e, 1) {
                found.push((s, end, true));
            }
        }
        for (start, end, disclosure) in found {
            let c = if routed {
                Candidate::new(
                    "whistleblowing",
                    start,
                    end,
                    "concern phrase; the post also points to Freedom to Speak Up",
                )
                .with_severity(Severity::Info)
            } else if disclosure {
                Candidate::new(
                    "whistleblowing",
                    start,
                    end,
                    "concern raised in public (cover-up, records, the public must know)",
                )
            } else if own_workplace(input, start, end) {
                Candidate::new(
                    "whistleblowing",
                    start,
                    end,
                    "concern about the author's own workplace raised in public",
                )
            } else {
                Candidate::new("whistleblowing", start, end, "concern phrase, not clearly about the author's workplace")
                    .with_severity(Severity::Info)
            };
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<Option<Severity>> {
        run(&Whistleblowing::new().expect("compiles"), text).into_iter().map(|(_, c)| c.severity).collect()
    }

    #[test]
    fn positives() {
        for text in [
            "Unsafe staffing on our ward again tonight, 2 nurses for 28 patients",
            "Management are covering it up and the public needs to know",
            "The public needs to know what's happening on our ward",
            "They are fiddling the waiting list figures at my hospital",
            "I raised concerns three times and nothing happened",
            "Three patients died on our ward this month because there weren't enough staff",
            "Going to the Daily Mail with what I've seen on this unit",
        ] {
            assert!(found(text).contains(&None), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn pointing_to_the_route_is_informational() {
        let routed = found("Unsafe staffing on our ward? Talk to our Freedom to Speak Up Guardian");
        assert!(!routed.is_empty() && routed.iter().all(|s| *s == Some(Severity::Info)), "{routed:?}");
    }

    #[test]
    fn negatives() {
        for text in [
            "Instagram carousel of my own tattoo cover-up journey for work, go me",
            "Great talk on whistleblowing at the conference today",
            "Safe staffing saves lives - RCN campaign launch",
            "October is Speak Up month: our guardians are here for you",
            "cover up the cannula site with a clean dressing",
            "short staffed again but the team pulled together brilliantly",
            "short staffed on our ward tonight, send biscuits",
        ] {
            assert!(found(text).iter().all(|s| s.is_some()), "{text}: {:?}", found(text));
        }
    }
}
