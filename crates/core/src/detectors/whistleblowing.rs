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

use super::text::{compile, in_sentence, sentence};
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::error::Error;
use crate::finding::Severity;
use regex::Regex;

/// Finds concerns raised in public.
#[derive(Debug)]
pub struct Whistleblowing {
    concern: Regex,
}

impl Whistleblowing {
    /// Compiles the pattern.
    pub fn new() -> Result<Self, Error> {
        let concern = r"(?-u)\b(?:(?P<weak>unsafe\s+(?:staffing|staff\s+levels|levels|numbers|care|practice|ward|conditions)|dangerously\s+(?:under-?staffed|short(?:-staffed)?|low\s+staffing)|(?:massively|severely|chronically)\s+under-?staffed\s+and\s+(?:unsafe|dangerous)|patients?\s+(?:are|is|were)\s+(?:dying|being\s+harmed|at\s+risk|not\s+safe)\s+(?:because|due\s+to|and|on)|(?:nobody|no\s+one|no-one)\s+(?:is\s+|will\s+)?listen\w*|(?:going|went)\s+to\s+the\s+(?:press|papers|media)|speak(?:ing)?\s+out\s+about\s+(?:what|the|our|my|this))|(?:a|the|massive|huge|another|this|total)\s+cover[\s\-]?up|cover[\s\-]?ups|covering\s+(?:it\s+|this\s+|things\s+|everything\s+)?up|covered\s+(?:it\s+|this\s+|everything\s+)?up|swept\s+under\s+the\s+(?:carpet|rug)|sweeping\s+(?:it\s+|this\s+|things\s+)?under\s+the\s+(?:carpet|rug)|the\s+public\s+(?:needs?|deserves?|has\s+a\s+right|have\s+a\s+right|ought|should\s+know|must)\s+(?:to\s+)?know|people\s+(?:need|deserve)\s+to\s+know\s+what'?s\s+(?:really\s+)?(?:going\s+on|happening)|what'?s\s+(?:really\s+)?(?:going\s+on|happening)\s+(?:on|in|at|inside)\s+(?:our|my|this)\s+(?:ward|hospital|trust|unit|department|a&e|ed)|blow(?:ing)?\s+the\s+whistle\s+on|falsif\w+\s+(?:the\s+)?(?:records|notes|figures|data|obs|observations|documentation)|fiddl\w+\s+(?:the\s+)?(?:figures|numbers|waiting\s+lists?|stats|data|books)|massag\w+\s+(?:the\s+)?(?:figures|numbers|stats|data)|cook\w*\s+the\s+books|raised\s+(?:concerns|this|it)\s+(?:\w+\s+){0,4}?(?:ignored|nothing|no\s+one|nobody)|never\s+events?\s+(?:\w+\s+){0,3}?(?:hidden|covered|buried|not\s+reported)|management\s+(?:are\s+|is\s+)?(?:hiding|covering|ignoring)|(?:hiding|covering\s+up)\s+(?:deaths|incidents|errors|mistakes|the\s+truth)|exposing\s+(?:what|the\s+truth|this))\b";
        Ok(Whistleblowing {
            concern: compile("whistleblowing pattern", concern)?,
        })
    }
}

/// Whether the sentence holding `start..end` is about the author's own workplace.
fn own_workplace(input: &Input<'_>, start: usize, end: usize) -> bool {
    if in_sentence(input.context, class::SELF_REFERENCE, input.text, start, end) {
        return true;
    }
    let (s, e) = sentence(input.text, start, end);
    let bytes = input.text[s..e].as_bytes();
    bytes.windows(5).enumerate().any(|(i, w)| {
        (w == b" our " || (i == 0 && w.starts_with(b"our ")))
            || w == b"this " && bytes[i + 5..].starts_with(b"ward")
            || w == b"tonig"
            || w == b"today"
    })
}

impl Detector for Whistleblowing {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let routed = input.context.any(class::SPEAK_UP_ROUTE);
        for caps in self.concern.captures_iter(input.text) {
            let Some(m) = caps.get(0) else { continue };
            let c = if routed {
                Candidate::new(
                    "whistleblowing",
                    m.start(),
                    m.end(),
                    "concern phrase; the post also points to Freedom to Speak Up",
                )
                .with_severity(Severity::Info)
            } else if caps.name("weak").is_none() {
                Candidate::new(
                    "whistleblowing",
                    m.start(),
                    m.end(),
                    "concern raised in public (cover-up, records, public must know)",
                )
            } else if own_workplace(input, m.start(), m.end()) {
                Candidate::new(
                    "whistleblowing",
                    m.start(),
                    m.end(),
                    "concern about the author's own workplace raised in public",
                )
            } else {
                Candidate::new(
                    "whistleblowing",
                    m.start(),
                    m.end(),
                    "concern phrase, not clearly about the author's workplace",
                )
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
        run(&Whistleblowing::new().expect("compiles"), text)
            .into_iter()
            .map(|(_, c)| c.severity)
            .collect()
    }

    #[test]
    fn positives() {
        for text in [
            "Unsafe staffing on our ward again tonight, 2 nurses for 28 patients",
            "Management are covering it up and the public needs to know",
            "The public needs to know what's happening on our ward",
            "They are fiddling the waiting list figures at my hospital",
            "I raised concerns three times and nothing happened",
        ] {
            assert!(found(text).contains(&None), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn pointing_to_the_route_is_informational() {
        assert_eq!(
            found("Unsafe staffing on our ward? Talk to our Freedom to Speak Up Guardian"),
            [Some(Severity::Info)]
        );
    }

    #[test]
    fn negatives() {
        for text in [
            "Great talk on whistleblowing at the conference today",
            "Safe staffing saves lives - RCN campaign launch",
            "October is Speak Up month: our guardians are here for you",
            "cover up the cannula site with a clean dressing",
        ] {
            assert!(
                found(text).iter().all(|s| s.is_some()),
                "{text}: {:?}",
                found(text)
            );
        }
    }
}
