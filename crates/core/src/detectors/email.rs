//! Email addresses: personal ones, NHS work ones, and team mailboxes that are meant to be public.
//!
//! The policies treat these differently. A personal address is contact information (Cumbria 3.4). An
//! NHS work address (`@nhs.net`, `*.nhs.uk`, `*.nhs.scot`, `*.hscni.net`) may be shown only "in a
//! professionally related capacity" (CDDFT 4.4.1), so it warns under its own rule, `work-email`, and is
//! only an informational mark when professional words stand near it (a job advert, a conference, a
//! study). A team or role mailbox (`chelwest.comms@nhs.net`, `pals@…`, `recruitment@…`) identifies no
//! one and is what the policies tell staff to use, so it is never reported (and, read as compliant, it
//! keeps the learned model from reading its sentence as identifying someone).
//!
//! | text                                            | result                       |
//! |-------------------------------------------------|------------------------------|
//! | `email me at jo.bloggs82@gmail.com`             | `personal-email`, warn       |
//! | `sarah.jones@nhs.net`                           | `work-email`, warn           |
//! | `informal enquiries: sarah.jones@wsh.nhs.uk`    | `work-email`, info           |
//! | `questions to chelwest.comms@nhs.net`           | none: team mailbox           |
//! | `contact pals@example.nhs.uk`                   | none: team mailbox           |
//! | `user@localhost`                                | none: no domain suffix       |

use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::error::Error;
use crate::finding::Severity;
use crate::pattern::Matcher;

/// Bytes either side in which a professional word marks a work address as expected.
const CONTEXT_WINDOW: usize = 80;

/// Words in a local part that make an address a team or role mailbox rather than a person's.
const ROLE_WORDS: &[&str] = &[
    "admin",
    "admissions",
    "appointments",
    "bookings",
    "careers",
    "comms",
    "communications",
    "contact",
    "enquiries",
    "enquiry",
    "events",
    "feedback",
    "foi",
    "fundraising",
    "hello",
    "help",
    "helpdesk",
    "hr",
    "info",
    "jobs",
    "media",
    "news",
    "noreply",
    "office",
    "pals",
    "press",
    "queries",
    "recruitment",
    "referrals",
    "research",
    "reception",
    "servicedesk",
    "support",
    "team",
    "training",
    "volunteers",
    "complaints",
    "charity",
    "education",
    "library",
    "governance",
    "speakup",
    "ftsu",
    "secretary",
];

crate::pattern!(EMAIL, r"(?-u)\b[a-z0-9][a-z0-9._%+-]*@(?:[a-z0-9-]+\.)+[a-z]{2,}\b");

/// Finds email addresses.
#[derive(Debug)]
pub struct Email {
    pattern: Matcher,
}

impl Email {
    /// Loads the prebuilt pattern.
    pub fn new() -> Result<Self, Error> {
        Ok(Email { pattern: EMAIL.matcher()? })
    }
}

impl Detector for Email {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        // Every address has an `@`; most drafts have none, and looking for one is far cheaper than the DFA.
        if !input.text.contains('@') {
            return;
        }
        for m in self.pattern.find_iter(input.text) {
            let Some((local, domain)) = m.as_str().split_once('@') else { continue };
            if is_role_mailbox(local) {
                // Read and found compliant: never reported, and the learned model does not read the
                // sentence as identifying someone for its address ("Questions? Contact comms@…").
                out.push(Candidate::new("work-email", m.start(), m.end(), "team or role mailbox").cleared());
                continue;
            }
            let candidate = if is_nhs_domain(domain) {
                let professional = input.context.near(class::PROFESSIONAL, m.start(), m.end(), CONTEXT_WINDOW);
                let (severity, why) = match professional {
                    Some(_) => (Severity::Info, "NHS work address of a person; professional context nearby"),
                    None => (Severity::Warn, "NHS work address of a person"),
                };
                Candidate::new("work-email", m.start(), m.end(), why).with_severity(severity)
            } else {
                Candidate::new("personal-email", m.start(), m.end(), "email address of a person")
                    .with_severity(Severity::Warn)
            };
            out.push(candidate);
        }
    }
}

fn is_nhs_domain(domain: &str) -> bool {
    domain == "nhs.net"
        || domain == "nhs.uk"
        || [".nhs.net", ".nhs.uk", ".nhs.scot", ".hscni.net", ".nhs.wales"].iter().any(|s| domain.ends_with(s))
}

fn is_role_mailbox(local: &str) -> bool {
    local.split(['.', '-', '_', '+']).any(|part| ROLE_WORDS.contains(&part))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<(String, &'static str, Option<Severity>)> {
        let d = Email::new().expect("compiles");
        run(&d, text).into_iter().map(|(s, c)| (s, c.rule, c.severity)).collect()
    }

    #[test]
    fn positives() {
        assert_eq!(
            found("email me at jo.bloggs82@gmail.com"),
            [("jo.bloggs82@gmail.com".to_string(), "personal-email", Some(Severity::Warn))]
        );
        assert_eq!(
            found("sarah.jones@nhs.net"),
            [("sarah.jones@nhs.net".to_string(), "work-email", Some(Severity::Warn))]
        );
        assert_eq!(
            found("informal enquiries: sarah.jones@wsh.nhs.uk"),
            [("sarah.jones@wsh.nhs.uk".to_string(), "work-email", Some(Severity::Info))]
        );
        for id in ["personal-email", "work-email"] {
            assert!(crate::catalogue::rule(id).is_some());
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "questions to chelwest.comms@nhs.net",
            "contact pals@example.nhs.uk",
            "user@localhost",
            "recruitment@wsh.nhs.uk",
            "@handle on X",
            "communications@wsh.nhs.uk",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    /// A team mailbox is read and cleared, so the learned model leaves its sentence alone (the model
    /// paused "Questions about the event? Contact communications@wsh.nhs.uk" in the development corpus).
    #[test]
    fn a_team_mailbox_is_cleared_and_keeps_the_model_off_it() {
        let all = crate::detectors::run_all(&Email::new().expect("compiles"), "Contact communications@wsh.nhs.uk");
        assert!(
            all.len() == 1 && all[0].1.cleared,
            "{:?}",
            all.iter().map(|(s, c)| (s, c.cleared)).collect::<Vec<_>>()
        );
        let analyzer = crate::Analyzer::new(crate::Policy::default()).expect("builds");
        let text = "Questions about the event? Contact communications@wsh.nhs.uk";
        assert!(analyzer.analyze(text).iter().all(|f| !f.action.gates()), "{:?}", analyzer.analyze(text));
    }
}
