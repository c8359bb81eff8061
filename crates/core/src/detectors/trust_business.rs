//! Confidential Trust business: unannounced plans and internal matters, and the Trust's own internal
//! project names.
//!
//! WSFT 5 forbids discussing "internal working or future plans which have not been communicated to the
//! wider public"; CDDFT 4.4.8 "any aspects of the Trust's plans, or details of internal discussions".
//! The words for such plans (restructure, closure, redundancies, budget) are also how staff discuss news
//! the Trust has *already* announced, and how comms teams announce good news. What marks a leak is the
//! writer saying it is not public: "not announced yet", "internal only", "don't tell anyone", "rumour
//! is", "we were told today". So:
//!
//! * a **secrecy cue** with a Trust-business topic within [`CONTEXT_WINDOW`] bytes is high severity,
//!   marked on the topic word; everyday planning words ("plans", "closing", "budget", "merger",
//!   `trust_business_weak.txt`) count only in this pairing and only with a part of the organisation
//!   near (`org_noun.txt`: ward, service, posts, board …), so "don't tell anyone but I cut my own
//!   fringe" is nobody's business;
//! * a **strong topic alone** (restructure, redundancies, ward closure, board papers, exec meeting, CQC
//!   report) is an informational mark: worth a second look, not a pause;
//! * a **secrecy cue alone** ("don't tell anyone but I'm pregnant") is not reported;
//! * the Trust's **`internalTerms`** (project code names, unannounced service names) warn wherever they
//!   appear, high with a secrecy cue. They are untrusted input: at most [`MAX_TERMS`] terms of at most
//!   [`MAX_TERM_LEN`] characters, normalised like the draft and matched as whole words.
//!
//! | text                                                                | result          |
//! |---------------------------------------------------------------------|-----------------|
//! | `Not announced yet but they're closing ward 9 in March`             | high            |
//! | `Internal only: the restructure will cut 40 band 5 posts`           | high            |
//! | `rumour is the maternity unit is being downgraded`                  | high            |
//! | `Project Falcon go-live is next week` (IT term "Project Falcon")    | `internal-term`, warn |
//! | `Join our staff briefing on the restructure consultation`           | info            |
//! | `Our new ward opens next month, plans approved`                     | none            |
//! | `Don't tell anyone but I'm pregnant`                                | none            |
//! | `not official, just a reminder: book leave before the March cut off` | none           |

use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::context::ContextIndex;
use crate::error::Error;
use crate::finding::Severity;
use crate::policy::Policy;

/// Bytes either side of a topic in which a secrecy cue makes it a leak.
pub const CONTEXT_WINDOW: usize = 120;
/// Most internal terms accepted from policy.
pub const MAX_TERMS: usize = 1000;
/// Longest internal term accepted from policy, in characters.
pub const MAX_TERM_LEN: usize = 100;

/// Finds unannounced Trust business and internal terms.
#[derive(Debug)]
pub struct TrustBusiness {
    internal: Option<ContextIndex>,
}

impl TrustBusiness {
    /// Compiles the policy's `internalTerms`.
    pub fn new(policy: &Policy) -> Result<Self, Error> {
        Ok(TrustBusiness { internal: compile_terms("internalTerms", &policy.internal_terms, MAX_TERMS, MAX_TERM_LEN)? })
    }
}

impl Detector for TrustBusiness {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        // "I genuinely don't know anything, and I'd rather wait for the official word": a rumour named
        // in order not to spread it (`no_inside_knowledge.txt`) is no leak.
        let secret = |s: usize, e: usize| {
            input.context.near(class::SECRECY, s, e, CONTEXT_WINDOW).is_some()
                && input.context.near(class::NO_INSIDE_KNOWLEDGE, s, e, CONTEXT_WINDOW).is_none()
        };
        for &(s, e) in input.context.all(class::TRUST_BUSINESS) {
            let (severity, why) = if secret(s, e) {
                (Severity::High, "Trust-business topic with a not-yet-public cue nearby")
            } else {
                (Severity::Info, "Trust-business topic")
            };
            out.push(Candidate::new("trust-business", s, e, why).with_severity(severity));
        }
        for &(s, e) in input.context.all(class::TRUST_BUSINESS_WEAK) {
            // "the March cut-off for annual leave", "not renewing my contract": a deadline, and the
            // writer's own job, are not the Trust's plans.
            let word = &input.text[s..e];
            let deadline =
                word == "cut" && (input.text[e..].starts_with(" off") || input.text[e..].starts_with("-off"));
            if deadline || input.text[..s].ends_with("my ") {
                continue;
            }
            let organisational = input.context.near(class::ORG_NOUN, s, e, CONTEXT_WINDOW).is_some();
            if organisational && secret(s, e) {
                out.push(
                    Candidate::new("trust-business", s, e, "Trust plan word with a not-yet-public cue nearby")
                        .with_severity(Severity::High),
                );
            }
        }
        if let Some(internal) = &self.internal {
            for (start, end) in internal.find_one(input.text) {
                let (severity, why) = if secret(start, end) {
                    (Severity::High, "a term the Trust lists as internal; not-yet-public cue nearby")
                } else {
                    (Severity::Warn, "a term the Trust lists as internal")
                };
                out.push(Candidate::new("internal-term", start, end, why).with_severity(severity));
            }
        }
    }
}

/// Bytes before an "already public" phrase in which a negation cancels it ("not been made public").
const NEGATION_REACH: usize = 12;

/// Whether the post says its Trust news is already public ("announced in the Trust newsletter today
/// so it's public"), not negated. The learned model's confidentiality sentences are then marks, not
/// pauses (analyzer.rs): a rule's leak cue ("not announced yet") still finds a leak.
pub(crate) fn stated_public(input: &Input<'_>) -> bool {
    input.context.all(class::ALREADY_PUBLIC).iter().any(|&(s, _)| {
        !super::people::before(input.text, s, NEGATION_REACH).split(|c: char| !(c.is_alphanumeric() || c == '\'')).any(
            |w| {
                matches!(w, "not" | "never" | "isnt" | "hasnt" | "havent" | "wasnt" | "arent" | "didnt")
                    || w.ends_with("n't")
            },
        )
    })
}

/// Compiles an IT-supplied term list (matched as whole words, normalised like the draft); `None` when
/// it is empty. Errors name the setting (and the entry) and never quote it.
pub fn compile_terms(
    setting: &str,
    terms: &[String],
    max: usize,
    max_len: usize,
) -> Result<Option<ContextIndex>, Error> {
    if terms.len() > max {
        return Err(Error::policy(setting, format!("{} entries given; at most {max} are allowed", terms.len())));
    }
    if let Some(i) = terms.iter().position(|t| t.chars().count() > max_len) {
        return Err(Error::policy(&format!("{setting}[{i}]"), format!("longer than {max_len} characters")));
    }
    ContextIndex::terms(setting, terms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found_with(policy: &Policy, text: &str) -> Vec<(String, &'static str, Option<Severity>)> {
        let d = TrustBusiness::new(policy).expect("compiles");
        run(&d, text).into_iter().map(|(s, c)| (s, c.rule, c.severity)).collect()
    }

    fn max_severity(text: &str) -> Option<Severity> {
        found_with(&Policy::default(), text).into_iter().filter_map(|f| f.2).max()
    }

    #[test]
    fn leaks_are_high() {
        for text in [
            "Not announced yet but they're closing ward 9 in March",
            "Internal only: the restructure will cut 40 band 5 posts",
            "rumour is the maternity unit is being downgraded",
            "don't tell anyone, the merger with the county hospital is going ahead",
            "Heads up, I hear the Trust's going to scrap the homebirth service in the spring",
            "the walk-in centre is shutting for good in April, they just haven't told you yet",
            "cutting 50 nursing posts in the spring but they won't announce it. Didn't hear it from me",
            "Audit results before the board sees them: our ward's got the worst falls rate",
            "the new A&E will not open in March, it's delayed to 2028. You heard it here first.",
            "cutting out three agencies. Got it from a procurement mate, nothing official yet.",
            "Sister said don't share but the CQC are coming unannounced next Tuesday",
            "They're closing the minor injuries unit at the cottage hospital, staff haven't even been told",
            "'proposed consolidation of paediatric services' — nobody's been told anything",
            "rumour is the maternity unit is being downgraded, I don't know anything about the rota yet though it's a mess",
        ] {
            assert_eq!(max_severity(text), Some(Severity::High), "{text}");
        }
        for id in ["trust-business", "internal-term"] {
            assert!(crate::catalogue::rule(id).is_some());
        }
    }

    #[test]
    fn topics_alone_are_informational_and_secrets_alone_are_nothing() {
        assert_eq!(max_severity("Join our staff briefing on the restructure consultation"), Some(Severity::Info));
        assert_eq!(max_severity("Our new ward opens next month, plans approved"), None);
        assert_eq!(max_severity("Don't tell anyone but I'm pregnant"), None);
        assert_eq!(max_severity("Don't tell anyone but I'm relocating to Spain next year"), None);
        assert_eq!(max_severity("Keep it quiet but I'm closing my Facebook account"), None);
        assert_eq!(max_severity("Patient confidentiality matters on every ward"), None);
        assert_eq!(max_severity("a reminder (not official) to book leave on the ward before the March cut off"), None);
        assert_eq!(max_severity("Rumour is the Trust won't be renewing my contract on the unit"), None);
        // Round 5's cues and words are as quiet alone, and a plan word still needs the organisation.
        assert_eq!(max_severity("Nothing official yet but I think I'm pregnant!! Don't tell a soul"), None);
        assert_eq!(max_severity("My flight's delayed again, you heard it here first"), None);
        assert_eq!(max_severity("Our staff survey results are out today, have a read on the intranet"), None);
        assert_eq!(max_severity("The theatre list was delayed by an hour this morning"), None);
        assert_eq!(max_severity("I dropped my phone on the ward and nobody's been told off for laughing"), None);
        assert_eq!(max_severity("My exam results aren't out yet, I haven't been told when"), None);
        // A rumour named in order not to spread it.
        assert_eq!(
            max_severity("Rumours are flying about our ward closing. I genuinely don't know anything, and I'd rather wait for the official word"),
            None
        );
    }

    #[test]
    fn internal_terms() {
        let policy = Policy { internal_terms: vec!["Project Falcon".into(), "  ".into()], ..Policy::default() };
        assert_eq!(
            found_with(&policy, "Project Falcon go-live is next week"),
            [("project falcon".to_string(), "internal-term", Some(Severity::Warn))]
        );
        assert!(found_with(&policy, "project falcons").is_empty());
        let f = found_with(&policy, "PROJECT FALCON is not public yet");
        assert_eq!(f[0].2, Some(Severity::High));
        let too_long = Policy { internal_terms: vec!["x".repeat(MAX_TERM_LEN + 1)], ..Policy::default() };
        let e = TrustBusiness::new(&too_long).expect_err("too long");
        assert!(e.to_string().contains("internalTerms[0]"), "{e}");
        let too_many = Policy { internal_terms: vec!["x".into(); MAX_TERMS + 1], ..Policy::default() };
        assert!(TrustBusiness::new(&too_many).is_err());
    }
}
