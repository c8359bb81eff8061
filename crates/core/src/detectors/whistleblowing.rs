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
use crate::error::Error;
use crate::finding::Severity;

/// Phrases that only make sense as a disclosure (Warn).
const DISCLOSURES: &str = "covered up a death\ncovered up deaths\ncovered up the death\ncovering up a death\nnobody was held accountable\nno one was held accountable\nno-one was held accountable\npatients are paying the price\na death trap\nis a death trap\nan accident waiting to happen\ncover-up\na cover up\nthe cover up\ncoverup\ncover-ups\ncover ups\ncovering it up\ncovering this up\ncovering things up\ncovering everything up\ncovered it up\ncovered this up\ncovered everything up\nswept under the carpet\nswept under the rug\nsweeping it under the carpet\nsweeping it under the rug\nsweeping this under the carpet\nthe public needs to know\nthe public need to know\nthe public deserves to know\nthe public deserve to know\nthe public has a right to know\nthe public have a right to know\nthe public should know\npeople need to know what's going on\npeople need to know what's happening\npeople need to know what's really going on\npeople deserve to know what's going on\nwhat's really going on on our ward\nwhat's happening on our ward\nwhat's going on on our ward\nwhat's really happening on our ward\nwhat's happening in our hospital\nwhat's really going on in our hospital\nwhat's going on in our hospital\nwhat's happening at our hospital\nwhat's happening in our trust\nblow the whistle on\nblowing the whistle on\nblew the whistle on\nfalsifying records\nfalsifying the records\nfalsifying notes\nfalsifying the notes\nfalsifying obs\nfalsifying observations\nfalsifying data\nfalsified records\nfalsified the records\nfalsified notes\nfalsified the notes\nfalsified obs\nfalsified data\nfiddling the figures\nfiddling the numbers\nfiddling the waiting list\nfiddling the waiting lists\nfiddling the stats\nfiddled the figures\nfiddled the numbers\nfiddled the waiting list\nfiddling the books\nmassaging the figures\nmassaging the numbers\nmassaging the stats\nmassaged the figures\ncooking the books\ncooked the books\nnever events hidden\nnever event hidden\nnever events covered up\nnever event covered up\nmanagement are hiding\nmanagement is hiding\nmanagement are covering\nmanagement is covering\nmanagement are ignoring\nmanagement is ignoring\nhiding deaths\nhiding incidents\nhiding errors\nhiding mistakes\nhiding the truth\ncovering up deaths\ncovering up incidents\ncovering up mistakes\ncovering up errors\ngoing to the press\ngoing to the papers\ngoing to the media\nwent to the press\nwent to the papers\nexposing the truth\nexposing what";
/// Phrases that are also general comment (Warn only about the author's own workplace).
const CONCERNS: &str = "this is neglect\nthat is neglect\nit's neglect\nleft for hours in soiled\nleft in soiled\nnobody cares\nno one cares\nnobody gives a damn\nunsafe staffing\nunsafe staff levels\nunsafe levels\nunsafe numbers\nunsafe care\nunsafe practice\nunsafe ward\nunsafe conditions\ndangerously understaffed\ndangerously under-staffed\ndangerously short\ndangerously short-staffed\ndangerously low staffing\npatients are dying because\npatients are dying due to\npatients are being harmed\npatients are at risk because\npatients are not safe\npatients aren't safe\npatients are unsafe\nnobody is listening\nnobody listens\nno one is listening\nno one listens\nnobody will listen\nno one will listen\nspeak out about what\nspeaking out about what\nspeak out about the\nspeaking out about the";
/// Raising a concern internally …
const RAISED: &str = "raised concerns\nraised it\nraised this\nraised my concerns\nreported it\nreported this\nescalated it\nescalated this\nflagged it\nflagged this";
/// … and being ignored.
const IGNORED: &str = "ignored\nnothing\nno one\nnobody\nnothing happened\nnothing changed\nnothing was done";

/// Too few staff …
const STAFFING: &str = "staffing\nstaffing levels\nstaffing tonight\nnot enough staff\nweren't enough staff\nwasn't enough staff\nwere not enough staff\nshort staffed\nshort-staffed\nunderstaffed\nunder-staffed\nno staff\nskeleton staff\nno nurses\nonly two nurses\nonly 2 nurses\nonly one nurse\nonly 1 nurse";
/// … and patients harmed (together a disclosure).
const HARMED: &str = "dies\nif someone dies\nsomeone will die\nsomeone is going to die\ngoing to die\ndied\ndying\ndeath\ndeaths\nharmed\ncame to harm\nat risk\nunsafe\ndangerous\nneglected\nleft in pain\nleft lying\nleft in their own\nnobody will admit\nno one will admit\nwon't admit\nwill not admit";
/// Taking it to the press.
const GOING_PUBLIC: &str = "going to\nwent to\ngoing straight to\ncontacting\ncontacted\ntipped off\ntalking to\nspoke to\nspeaking to\nsending this to\nsent this to\ntelling";
const OUTLETS: &str = "the daily mail\ndaily mail\nthe mail\nthe sun\nthe guardian\nthe bbc\nbbc\nthe papers\nthe press\nthe media\nitv\nsky news\nthe mirror\nthe times\nthe telegraph\na journalist\njournalists\nthe local paper\nthe news\nthe echo";

const DISCLOSURE: usize = 0;
const CONCERN: usize = 1;
const RAISED_IT: usize = 2;
const IGNORED_IT: usize = 3;
const SHORT: usize = 4;
const HARM: usize = 5;
const PUBLIC: usize = 6;
const OUTLET: usize = 7;

/// Words allowed between raising a concern and being ignored ("raised concerns *three times and* nothing happened").
const IGNORED_GAP: usize = 4;

/// The word lists, in the order of their indices: compiled with every other list into the shared
/// vocabulary (`super::vocabulary`).
pub(super) const WORDS: &[&str] = &[DISCLOSURES, CONCERNS, RAISED, IGNORED, STAFFING, HARMED, GOING_PUBLIC, OUTLETS];

/// Finds concerns raised in public.
#[derive(Debug)]
pub struct Whistleblowing {
    lists: Lists,
}

impl Whistleblowing {
    /// Compiles the word lists.
    pub fn new() -> Result<Self, Error> {
        let lists = super::vocabulary::WHISTLEBLOWING;
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

impl Detector for Whistleblowing {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let hits = self.lists.find(input);
        let routed = input.context.any(class::SPEAK_UP_ROUTE);
        let mut found: Vec<(usize, usize, bool)> = hits.all(DISCLOSURE).iter().map(|&(s, e)| (s, e, true)).collect();
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
