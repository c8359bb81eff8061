//! Speaking for the Trust: staff who identify with the Trust and give views without a disclaimer.
//!
//! Why this shape: West Suffolk (3, Employees) asks staff who identify as working for the Trust to make
//! clear that "all comments and opinions are made in your personal capacity"; Cumbria 3.4 and CDDFT
//! 4.4.8 ask for a disclaimer such as "these are my personal views and not those of my employer"; CWFT
//! 1.10 warns that staff comments may be read as the Trust's. So the finding needs two things in one
//! post — the author *identifies* with the Trust or a clinical role ("as a nurse at …", "our Trust") and
//! *gives a view* ("I think", "should", "a disgrace") — and no disclaimer (`data/context/
//! views_disclaimer.txt`) anywhere in the post. A view on a contested public topic (pay, strikes,
//! government, closures) is Warn, the topic without a view Info; other views ("as a midwife I think skin-to-skin helps") are the
//! author's professional voice and are not marked: a nudge on every such post would teach people to
//! ignore it. Claiming to state the Trust's own position
//! ("on behalf of the Trust", "the Trust's position is") is Warn on its own. Senior titles count as
//! identifying ("speaking as Deputy Director of Nursing", "as the Trust's Chief Pharmacist"), and
//! disclaimers worded beyond the shared list ("tweeting as myself, not my employer") suppress it.

use super::text::{Hits, Lists};
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::catalogue::words::trust_voice::*;
use crate::error::Error;
use crate::finding::Severity;
use crate::normalize::Normalized;
use crate::policy::Policy;

/// Words allowed between "as a" and the role ("as a *senior staff* nurse").
const ROLE_GAP: usize = 2;

/// Finds views given in the Trust's name or by identified staff without a disclaimer.
#[derive(Debug)]
pub struct TrustVoice {
    lists: Lists,
    /// The Trust's own disclaimer (`disclaimerText`), normalised: the one-click fix adds it, so a post
    /// carrying it has a disclaimer whatever its wording.
    own_disclaimer: String,
}

impl TrustVoice {
    /// The detector over its word lists (`data/words/`; compiled at build time) and the policy's
    /// disclaimer.
    pub fn new(policy: &Policy) -> Result<Self, Error> {
        let lists = Lists::at(LISTS);
        let own_disclaimer = Normalized::new(&policy.disclaimer_text).as_str().trim().to_string();
        Ok(TrustVoice { lists, own_disclaimer })
    }
}

impl Detector for TrustVoice {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let hits = self.lists.find(input);
        // Disclaimers worded beyond the shared list ("tweeting as myself, not my employer") count too.
        // With one, what would have been reported is cleared instead (see `Candidate::cleared`).
        let disclaimed = input.context.any(class::VIEWS_DISCLAIMER)
            || (!self.own_disclaimer.is_empty() && input.text.contains(self.own_disclaimer.as_str()))
            || hits.any(DISCLAIMER);
        let from = out.len();
        views(input.text, &hits, out);
        if disclaimed {
            out[from..].iter_mut().for_each(|c| c.cleared = true);
        }
    }
}

/// The views given in the Trust's name or by identified staff, as if no disclaimer were present.
fn views(text: &str, hits: &Hits<'_>, out: &mut Vec<Candidate>) {
    {
        for &(start, end) in hits.all(POSITION) {
            out.push(Candidate::new(
                "trust-voice",
                start,
                end,
                "states the Trust's position; no personal-views disclaimer",
            ));
        }
        for &(start, end) in hits.all(WE) {
            let stance = hits.within(STANCE, text, end, 4);
            if let Some(e) =
                stance.filter(|&e| !text[e..].starts_with(" each other") && !text[e..].starts_with(" one another"))
            {
                out.push(Candidate::new(
                    "trust-voice",
                    start,
                    e,
                    "states a collective view for a workplace; no disclaimer",
                ));
            }
        }
        let role = hits.all(AS).iter().find_map(|&(s, e)| hits.within(ROLE, text, e, ROLE_GAP).map(|end| (s, end)));
        let Some((start, end)) = role.or_else(|| hits.all(IDENTITY).first().copied()) else {
            return;
        };
        if !hits.any(TOPIC) {
            return;
        }
        let candidate = if hits.any(OPINION) {
            Candidate::new(
                "trust-voice",
                start,
                end,
                "identifies with the Trust and gives a view on a contested topic; no disclaimer",
            )
        } else {
            Candidate::new(
                "trust-voice",
                start,
                end,
                "identifies with the Trust and mentions a contested topic; no disclaimer",
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
        run(&TrustVoice::new(&Policy::default()).expect("compiles"), text)
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
            "As a senior sister at Royal Derby I can confirm the government is lying about waiting times",
            "We at St Luke's fully support the junior doctors' strike",
            "Speaking as Deputy Director of Nursing at Northgate: we fully support the government's pay offer",
            "As the Trust's Chief Pharmacist I can say this government has failed us",
            "As Medical Director here, the strike is unjustified and staff should go to work",
            "@HealthSecUK as a senior A&E consultant at Ravensmoor I can tell you you're lying",
        ] {
            assert!(found(text).contains(&None), "{text}: {:?}", found(text));
        }
        // A view on practice, not a contested public topic, is the author's professional voice.
        assert!(found("As a midwife I think every mum should try skin to skin").is_empty());
    }

    #[test]
    fn a_disclaimer_suppresses_it() {
        assert!(found("As a nurse at Leeds General I think the pay offer is an insult. Views my own").is_empty());
        assert!(found("Our Trust's position is X (personal views, not those of my employer)").is_empty());
        assert!(found("Dear government, fund social care. Signed, a nurse (tweeting as myself, not my employer)")
            .is_empty());
        assert!(found("As a nurse at Leeds General I think the pay offer is an insult. I don't speak for the Trust")
            .is_empty());
        assert!(found(
            "Reminder: the Trust's official position on the strike is on the intranet. I'm not the spokesperson"
        )
        .is_empty());
    }

    #[test]
    fn the_trusts_own_disclaimer_counts_whatever_its_wording() {
        let text = "Speaking on behalf of the Trust, we are proud of our nurses. Tweets are mine alone.";
        assert!(!found(text).is_empty());
        let policy = Policy { disclaimer_text: "Tweets are MINE alone.".into(), ..Policy::default() };
        assert!(run(&TrustVoice::new(&policy).expect("compiles"), text).is_empty());
        // Still read: the span is cleared, so the learned model does not report it either.
        let cleared = crate::detectors::run_all(&TrustVoice::new(&policy).expect("compiles"), text);
        assert!(!cleared.is_empty() && cleared.iter().all(|(_, c)| c.cleared));
    }

    #[test]
    fn negatives() {
        for text in [
            "Proud to work at St Mary's, amazing team tonight",
            "I think the new coffee machine is great",
            "The government announced the budget today",
            "As a nurse, nights are hard but worth it",
            "We at ward 5 support each other through the tough shifts",
            "Speaking as a mum, bedtime is chaos",
            "As the junior doctor strike goes on, the canteen is quiet",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
