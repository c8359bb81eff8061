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
//! ("on behalf of the Trust", "the Trust's position is") is Warn on its own.

use super::text::Lists;
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::error::Error;
use crate::finding::Severity;

/// Stating the Trust's own position, wherever it stands.
const POSITIONS: &str = "on behalf of the trust\non behalf of our trust\non behalf of my trust\non behalf of the hospital\non behalf of our hospital\non behalf of my employer\nspeaking for the trust\nspeaking for our trust\nspeaking for my trust\nspeaking for the hospital\nspeaking on behalf of the trust\nspeaking on behalf of our trust\nspeaking on behalf of my trust\nrepresenting the trust\nrepresenting our trust\nthe trust's position is\nthe trust's position on\nour trust's position is\nthe trust's official position\nour trust's official position\nthe trust's view is\nour trust's view is\nthe trust's stance\nour trust's stance\nthe hospital's position is\nour hospital's position is\nthe trust officially\nour trust officially\nthe trust condemns\nour trust condemns\nthe trust opposes\nour trust opposes\nthe trust believes\nour trust believes\nthe trust stands with\nour trust stands with\nthe trust is against\nour trust is against\nthe trust does not support\nthe trust doesn't support\nour trust does not support\nour trust doesn't support";
/// "As a …" before a role.
const AS_A: &str = "as a\nas an\ni'm a\ni'm an\nim a\nim an\ni am a\ni am an";
/// Roles that identify the author as NHS staff.
const ROLES: &str = "nurse\ndoctor\nconsultant\nmidwife\nparamedic\nphysio\nphysiotherapist\npharmacist\nhca\nhealthcare assistant\nregistrar\nsurgeon\ngp\nward manager\nmatron\nporter\nradiographer\ntherapist\nnhs employee\nnhs worker\nmember of staff\nstaff member\nclinician\nanaesthetist\nhealth visitor\nstudent nurse\njunior doctor\nmedic\ngovernor\nsister\ncharge nurse\nnhs nurse\nnhs doctor\nnhs manager\nnhs midwife";
/// Other ways of identifying with the Trust.
const IDENTITIES: &str =
    "working for the nhs\nworking in the nhs\nwork for the nhs\nwork in the nhs\nbeen in the nhs\nyears in the nhs\nas nhs staff\ni work at\ni work for\ni work in\ni'm working at\nworking at the\nour trust\nmy trust\nmy employer\nas an nhs";
/// Giving a view.
const OPINIONS: &str = "i can confirm\nis lying\nare lying\nlied\nliars\ncorrupt\ncover-up\nfailing\nfailed\ncriminal\nshocking\ndon't care\ni can tell you\nlet me tell you\nthe truth is\nsick of\nfed up\nenough is enough\nashamed\na joke\ni think\ni believe\ni feel\nin my view\nin my opinion\nimo\nimho\npersonally\ni support\ni fully support\ni oppose\ni disagree\ni agree\ni'm against\ni am against\nshould\nshouldn't\nmust\nneeds to\nis wrong\ndisgrace\ndisgraceful\nshameful\nscandal\ninsult\ninsulting\noutrage\noutrageous\nunacceptable\nbetrayal\nwe deserve\nvote";
/// Contested public topics (a view on these is Warn).
const TOPICS: &str = "waiting times\nwaiting lists\njunior doctors\nnurses' pay\nnurse pay\nstaffing levels\nambulance waits\na&e waits\ncorridor care\nnhs funding\ngovernment\nminister\nministers\nhealth secretary\nsecretary of state\nstrike\nstrikes\nstriking\nindustrial action\nunion\nrcn\nbma\nunison\nelection\ntories\ntory\nlabour party\ncuts\nfunding\nprivatisation\nprivatization\npay offer\npay deal\npay rise\npay award\npay restoration\npay\nbrexit\nimmigration\nparliament\nmps\nbudget\nnhs england\nrestructure\nmerger\nclosure\nclosing\ndowngrade\ndowngrading";

/// "We at …" stating a collective view.
const WE_AT: &str = "we at\nhere at\nall of us at\neveryone at";
const STANCES: &str = "support\nfully support\nsupports\noppose\ncondemn\nstand with\nstand behind\nback\nreject\nbelieve\nare against\nare behind";

const POSITION: usize = 0;
const AS: usize = 1;
const ROLE: usize = 2;
const IDENTITY: usize = 3;
const OPINION: usize = 4;
const TOPIC: usize = 5;
const WE: usize = 6;
const STANCE: usize = 7;

/// Words allowed between "as a" and the role ("as a *senior staff* nurse").
const ROLE_GAP: usize = 2;

/// The word lists, in the order of their indices: compiled with every other list into the shared
/// vocabulary (`super::vocabulary`).
pub(super) const WORDS: &[&str] = &[POSITIONS, AS_A, ROLES, IDENTITIES, OPINIONS, TOPICS, WE_AT, STANCES];

/// Finds views given in the Trust's name or by identified staff without a disclaimer.
#[derive(Debug)]
pub struct TrustVoice {
    lists: Lists,
}

impl TrustVoice {
    /// Compiles the word lists.
    pub fn new() -> Result<Self, Error> {
        let lists = super::vocabulary::TRUST_VOICE;
        Ok(TrustVoice { lists })
    }
}

impl Detector for TrustVoice {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        if input.context.any(class::VIEWS_DISCLAIMER) {
            return;
        }
        let text = input.text;
        let hits = self.lists.find(input);
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
        run(&TrustVoice::new().expect("compiles"), text).into_iter().map(|(_, c)| c.severity).collect()
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
    }

    #[test]
    fn negatives() {
        for text in [
            "Proud to work at St Mary's, amazing team tonight",
            "I think the new coffee machine is great",
            "The government announced the budget today",
            "As a nurse, nights are hard but worth it",
            "We at ward 5 support each other through the tough shifts",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
