//! Staff processes: grievances, disciplinary hearings, suspensions, investigations, tribunals.
//!
//! Cumbria 3.3 forbids "information about grievances/disciplinary processes, or any other formal and
//! sensitive procedures"; CDDFT 4.4.1 and WSFT 5 forbid confidential information about colleagues. The
//! risk is a *person*: a process word next to someone identifiable. So:
//!
//! * a process word near a **named person** ("Dr Khan", "Sister Jones", "Sarah") is high severity;
//! * near a **staff role** ("my manager", "the ward sister", "a band 6") it warns;
//! * with the writer's **own** process ("my grievance", "I've been suspended") it warns: the policy
//!   covers the writer's own case too, and the Freedom to Speak Up route is the better place;
//! * on its own ("visiting suspended due to norovirus") it is an informational mark; so is the writer's
//!   own process when they say they are keeping its details to themselves ("My grievance was upheld
//!   today. I'm not going to say what it was about, or who", `withheld_details.txt`): nothing about
//!   anyone else is told.
//!
//! Words with everyday clinical senses count only in their staff-process phrases: "suspension" is also
//! a liquid medicine and "investigation" a test, so the list (`staff_process.txt`) has "on suspension",
//! "pending an investigation", "HR investigation" and the like instead. Names come from the shared
//! first-name list and from titles (`title.txt`: "Dr", "Sister", "Mrs" …) followed by a surname.
//!
//! The Trust's `staffProcessTerms` (local names for panels or procedures) count as process words. They
//! are untrusted: at most [`MAX_TERMS`] terms of at most [`MAX_TERM_LEN`] characters.
//!
//! | text                                                          | result |
//! |---------------------------------------------------------------|--------|
//! | `Dr Khan has been suspended pending an investigation`         | high   |
//! | `Sarah from ward 6 has a disciplinary hearing on Monday`      | high   |
//! | `my manager raised a grievance against the matron`            | warn   |
//! | `Finally submitted my grievance today`                        | warn   |
//! | `My grievance was upheld. Not going to go into it here`       | info   |
//! | `Visiting suspended on ward 5 due to norovirus`               | info   |
//! | `Shake the amoxicillin suspension, nurses`                    | none   |
//! | `The doctor ordered an investigation`                         | none   |
//! | `Proud of our team today`                                     | none   |

use super::people::{before, may_be_surname, next_word};
use super::trust_business::compile_terms;
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::context::ContextIndex;
use crate::error::Error;
use crate::finding::Severity;
use crate::policy::Policy;

/// Bytes either side of a process word in which a person counts.
const CONTEXT_WINDOW: usize = 80;
/// Most staff-process terms accepted from policy.
pub const MAX_TERMS: usize = 200;
/// Longest staff-process term accepted from policy, in characters.
pub const MAX_TERM_LEN: usize = 100;

/// Finds posts about colleagues' (or the writer's own) formal staff processes.
#[derive(Debug)]
pub struct StaffProcess {
    local: Option<ContextIndex>,
}

impl StaffProcess {
    /// Loads the prebuilt patterns and compiles the policy's `staffProcessTerms`.
    pub fn new(policy: &Policy) -> Result<Self, Error> {
        let local = compile_terms("staffProcessTerms", &policy.staff_process_terms, MAX_TERMS, MAX_TERM_LEN)?;
        Ok(StaffProcess { local })
    }

    /// Spans of titled names ("Dr Khan", "Sister Jones") whose name word may be a surname, from the
    /// `title` context hits, found once per draft.
    fn titled_names(&self, input: &Input<'_>) -> Vec<(usize, usize)> {
        let text = input.text;
        input
            .context
            .all(class::TITLE)
            .iter()
            .filter_map(|&(start, end)| {
                let after_dot = if text.as_bytes().get(end) == Some(&b'.') { end + 1 } else { end };
                if text.as_bytes().get(after_dot) != Some(&b' ') {
                    return None;
                }
                let name = next_word(text, after_dot)?;
                may_be_surname(text, input.context, name).then_some((start, name.1))
            })
            .collect()
    }

    fn assess(&self, input: &Input<'_>, titled: &[(usize, usize)], start: usize, end: usize, out: &mut Vec<Candidate>) {
        let named =
            input.context.near(class::FIRST_NAME, start, end, CONTEXT_WINDOW).is_some() || any_near(titled, start, end);
        let (severity, why) = if named {
            (Severity::High, "staff-process word with a named person nearby")
        } else if input.context.near(class::COLLEAGUE, start, end, CONTEXT_WINDOW).is_some() {
            (Severity::Warn, "staff-process word with a staff role nearby")
        } else if is_own(before(input.text, start, 30)) {
            // Withheld, and no one named anywhere in the post ("won't go into it here, but I'll be
            // posting every email Dr Thorne has sent me" still names someone).
            let withheld = input.context.near(class::WITHHELD_DETAILS, start, end, CONTEXT_WINDOW).is_some();
            if withheld && titled.is_empty() && !input.context.any(class::FIRST_NAME) {
                (Severity::Info, "the writer's own staff process; details withheld")
            } else {
                (Severity::Warn, "the writer's own staff process")
            }
        } else {
            (Severity::Info, "staff-process word")
        };
        out.push(Candidate::new("staff-process", start, end, why).with_severity(severity));
    }
}

/// Whether the words just before a process word make it the writer's own ("my grievance", "I've been
/// suspended", "I am under investigation").
fn is_own(before: &str) -> bool {
    let tokens: Vec<&str> =
        before.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'')).filter(|t| !t.is_empty()).collect();
    tokens.iter().rev().take(4).any(|t| matches!(*t, "my" | "i" | "i'm" | "im" | "i've" | "ive" | "me" | "myself"))
}

/// Whether any of the sorted, non-overlapping `spans` lies within [`CONTEXT_WINDOW`] of `start..end`.
fn any_near(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let lo = start.saturating_sub(CONTEXT_WINDOW);
    let i = spans.partition_point(|&(_, e)| e <= lo);
    spans.get(i).is_some_and(|&(s, _)| s < end.saturating_add(CONTEXT_WINDOW))
}

impl Detector for StaffProcess {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let processes = input.context.all(class::STAFF_PROCESS);
        let local: Vec<(usize, usize)> = match &self.local {
            Some(local) => local.find_one(input.text),
            None => Vec::new(),
        };
        if processes.is_empty() && local.is_empty() {
            return;
        }
        let titled = self.titled_names(input);
        for &(s, e) in processes.iter().chain(&local) {
            self.assess(input, &titled, s, e, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn max_with(policy: &Policy, text: &str) -> Option<Severity> {
        let d = StaffProcess::new(policy).expect("compiles");
        run(&d, text).into_iter().filter_map(|(_, c)| c.severity).max()
    }

    fn max(text: &str) -> Option<Severity> {
        max_with(&Policy::default(), text)
    }

    #[test]
    fn cases() {
        assert_eq!(max("Dr Khan has been suspended pending an investigation"), Some(Severity::High));
        assert_eq!(max("Sarah from ward 6 has a disciplinary hearing on Monday"), Some(Severity::High));
        assert_eq!(max("my manager raised a grievance against the matron"), Some(Severity::Warn));
        assert_eq!(max("Finally submitted my grievance today"), Some(Severity::Warn));
        assert_eq!(max("Visiting suspended on ward 5 due to norovirus"), Some(Severity::Info));
        assert_eq!(
            max("My grievance was upheld today. I'm not going to say what it was about, or who"),
            Some(Severity::Info)
        );
        assert_eq!(
            max("Had the HR meeting about my grievance today. Not going to go into it here"),
            Some(Severity::Info)
        );
        // Withheld details lower only the writer's own process: a colleague's, or a named one, stays.
        assert!(max("Not going to go into it but my manager is on a disciplinary") >= Some(Severity::Warn));
        assert_eq!(max("Sarah has a disciplinary, not going to go into it"), Some(Severity::High));
        let named_later =
            "My grievance went in today. Won't go into it here, but I'll be posting every email Dr Thorne has sent me";
        assert!(max(named_later) >= Some(Severity::Warn));
        assert_eq!(max("Proud of our team today"), None);
        assert_eq!(max("Shake the amoxicillin suspension, nurses"), None);
        assert_eq!(max("The doctor ordered an investigation"), None);
        assert!(crate::catalogue::rule("staff-process").is_some());
    }

    #[test]
    fn trust_terms_count_as_process_words() {
        let policy = Policy { staff_process_terms: vec!["Panel B".into()], ..Policy::default() };
        assert_eq!(max_with(&policy, "my manager is up before Panel B tomorrow"), Some(Severity::Warn));
        assert_eq!(max("my manager is up before Panel B tomorrow"), None);
        let too_many = Policy { staff_process_terms: vec!["x".into(); MAX_TERMS + 1], ..Policy::default() };
        let e = StaffProcess::new(&too_many).expect_err("too many");
        assert!(e.to_string().contains("staffProcessTerms"), "{e}");
    }
}
