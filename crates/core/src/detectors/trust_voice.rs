//! Speaking for the Trust: staff who identify with the Trust and give views without a disclaimer.
//!
//! Why this shape: West Suffolk (3, Employees) asks staff who identify as working for the Trust to make
//! clear that "all comments and opinions are made in your personal capacity"; Cumbria 3.4 and CDDFT
//! 4.4.8 ask for a disclaimer such as "these are my personal views and not those of my employer"; CWFT
//! 1.10 warns that staff comments may be read as the Trust's. So the finding needs two things in one
//! post — the author *identifies* with the Trust or a clinical role ("as a nurse at …", "our Trust") and
//! *gives a view* ("I think", "should", "a disgrace") — and no disclaimer (`data/context/
//! views_disclaimer.txt`) anywhere in the post. A view on a contested public topic (pay, strikes,
//! government, closures) is Warn; other views are Info. Claiming to state the Trust's own position
//! ("on behalf of the Trust", "the Trust's position is") is Warn on its own.

use super::text::compile;
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::error::Error;
use crate::finding::Severity;
use regex::Regex;

const ROLES: &str = r"nurse|doctor|consultant|midwife|paramedic|physio|physiotherapist|pharmacist|hca|healthcare\s+assistant|registrar|surgeon|gp|manager|matron|porter|radiographer|therapist|employee|member\s+of\s+staff|staff\s+member|clinician|anaesthetist|health\s+visitor|student\s+nurse|junior\s+doctor|medic|governor|director|sister|charge\s+nurse|ward\s+manager|nhs\s+worker|nhs\s+employee";

/// Finds views given in the Trust's name or by identified staff without a disclaimer.
#[derive(Debug)]
pub struct TrustVoice {
    /// Stating the Trust's position.
    speaking_as: Regex,
    /// Identifying with the Trust or a clinical role.
    identity: Regex,
    /// Giving a view.
    opinion: Regex,
    /// A contested public topic.
    topic: Regex,
}

impl TrustVoice {
    /// Compiles the patterns.
    pub fn new() -> Result<Self, Error> {
        let speaking_as = r"(?-u)\b(?:(?:on\s+behalf\s+of|speaking\s+for|speaking\s+on\s+behalf\s+of|representing)\s+(?:the|our|my)\s+(?:whole\s+)?(?:trust|hospital|foundation\s+trust|organisation|employer|nhs\s+trust)|(?:the|our|my)\s+(?:trust|hospital|organisation|employer)(?:'s)?\s+(?:official\s+)?(?:position|view|stance|line)\s+(?:is|on)|(?:the|our)\s+(?:trust|hospital)\s+(?:officially\s+)?(?:condemns|opposes|believes|thinks|stands\s+with|is\s+against|does\s+not\s+support|doesn't\s+support|rejects)|we\s+at\s+(?:\w+\s+){0,4}?(?:hospital|trust|nhs|ft)\s+(?:believe|think|oppose|condemn|stand\s+with|are\s+against|reject))\b";
        let identity = format!(
            r"(?-u)\b(?:i\s+work\s+(?:at|for|in)\s+(?:the\s+)?\w+|i'm\s+(?:a|an)\s+(?:\w+\s+){{0,2}}(?:{ROLES})\s+(?:at|for|in)\s+\w+|as\s+(?:a|an)\s+(?:nhs\s+)?(?:\w+\s+)?(?:{ROLES})|as\s+an\s+nhs\s+\w+|(?:our|my)\s+(?:trust|employer)|working\s+(?:at|for|in)\s+(?:the\s+)?\w+\s+(?:hospital|trust|nhs))\b"
        );
        let opinion = r"(?-u)\b(?:i\s+think|i\s+believe|i\s+feel|in\s+my\s+(?:view|opinion)|imo|imho|personally|i\s+(?:fully\s+)?support|i\s+oppose|i\s+disagree|i\s+agree|i'm\s+against|i\s+am\s+against|should|shouldn't|must|needs\s+to|is\s+wrong|disgrace|disgraceful|shameful|scandal|insult|insulting|outrage|outrageous|unacceptable|betrayal|we\s+deserve|vote)\b";
        let topic = r"(?-u)\b(?:government|ministers?|health\s+secretary|secretary\s+of\s+state|strike|strikes|striking|industrial\s+action|union|rcn|bma|unison|election|tories|tory|labour\s+party|cuts|funding|privatisation|privatization|pay\s+(?:offer|deal|rise|award|restoration)|pay|brexit|immigration|parliament|mps|budget|nhs\s+england|restructure|merger|closure|closing|downgrade|downgrading)\b";
        Ok(TrustVoice {
            speaking_as: compile("speaking-for-the-Trust pattern", speaking_as)?,
            identity: compile("staff identity pattern", &identity)?,
            opinion: compile("opinion pattern", opinion)?,
            topic: compile("contested topic pattern", topic)?,
        })
    }
}

impl Detector for TrustVoice {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        if input.context.any(class::VIEWS_DISCLAIMER) {
            return;
        }
        let text = input.text;
        for m in self.speaking_as.find_iter(text) {
            out.push(Candidate::new(
                "trust-voice",
                m.start(),
                m.end(),
                "states the Trust's position; no personal-views disclaimer",
            ));
        }
        let Some(id) = self.identity.find(text) else {
            return;
        };
        if !self.opinion.is_match(text) {
            return;
        }
        let candidate = if self.topic.is_match(text) {
            Candidate::new(
                "trust-voice",
                id.start(),
                id.end(),
                "identifies with the Trust and gives a view on a contested topic; no disclaimer",
            )
        } else {
            Candidate::new(
                "trust-voice",
                id.start(),
                id.end(),
                "identifies with the Trust and gives a view; no disclaimer",
            )
            .with_severity(Severity::Info)
        };
        out.push(candidate);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<Option<Severity>> {
        run(&TrustVoice::new().expect("compiles"), text)
            .into_iter()
            .map(|(_, c)| c.severity)
            .collect()
    }

    #[test]
    fn positives() {
        for text in [
            "As a nurse at Leeds General I think the pay offer is an insult",
            "Speaking on behalf of the Trust: we will not be closing the unit",
            "Our Trust's position is that the strike is unjustified",
            "I work at St Mary's and the government should be ashamed of these cuts",
        ] {
            assert!(found(text).contains(&None), "{text}: {:?}", found(text));
        }
        assert_eq!(
            found("As a midwife I think every mum should try skin to skin"),
            [Some(Severity::Info)]
        );
    }

    #[test]
    fn a_disclaimer_suppresses_it() {
        assert!(found(
            "As a nurse at Leeds General I think the pay offer is an insult. Views my own"
        )
        .is_empty());
        assert!(
            found("Our Trust's position is X (personal views, not those of my employer)")
                .is_empty()
        );
    }

    #[test]
    fn negatives() {
        for text in [
            "Proud to work at St Mary's, amazing team tonight",
            "I think the new coffee machine is great",
            "The government announced the budget today",
            "As a nurse, nights are hard but worth it",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
