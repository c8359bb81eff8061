//! Dates of birth, and exact ages in a clinical setting.
//!
//! **Dates of birth.** A date on its own is not personal (rota dates, deadlines, "Patient Safety Week
//! 17/09/2026"), so a date counts only after a birth cue: "DOB", "D.O.B.", "date of birth", "born".
//! After "DOB"/"date of birth" a full date is high severity (it is what a form or a handover sheet
//! looks like) and a bare year a warning. After "born" a full date warns only with clinical context
//! nearby: "our son was born on 3rd March 2024" is a birth announcement, so "my"/"our" just before the
//! cue, or no clinical word around it, makes it an informational mark.
//!
//! **Ages.** "92-year-old man on Ward 7": an exact age plus a place or event of care narrows a patient
//! down to one person. An age warns when a care event or a bed space stands near it, or a place of care
//! together with a person noun ("man", "lady"), and is high severity when an event and a place both do.
//! "My 4-year-old", "our 100-year-old hospital", "Signed, a 63 y/o bank HCA" are the writer's own and
//! not reported, and an age with no clinical context (a birthday, "the NHS turns 78 years old") is not
//! reported either.
//!
//! | text                                                   | result                       |
//! |--------------------------------------------------------|------------------------------|
//! | `DOB 12/03/1947`                                       | `date-of-birth`, high        |
//! | `date of birth: 3rd March 1947`                        | `date-of-birth`, high        |
//! | `d.o.b 1947`                                           | `date-of-birth`, warn        |
//! | `born 3rd March 1947, admitted last night`             | `date-of-birth`, warn        |
//! | `our son was born on 3rd March 2024`                   | `date-of-birth`, info        |
//! | `92-year-old man on Ward 7`                            | `age-in-context`, warn       |
//! | `85 yo lady admitted to ward 3 bay 2`                  | `age-in-context`, high       |
//! | `Patient Safety Week starts 17/09/2026`                | none: no birth cue           |
//! | `my 4-year-old was admitted`                           | none: writer's own family    |
//! | `the NHS turns 78 years old today`                     | none: no clinical context    |

use super::people::{after, before, care_event_near, gap_is_filler};
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::error::Error;
use crate::finding::Severity;
use crate::pattern::Matcher;

/// Bytes either side of a date or age in which context words count.
const CONTEXT_WINDOW: usize = 60;
/// Bytes before a cue or an age in which "my"/"our" marks the writer's own family.
const OWN_WINDOW: usize = 14;
/// Bytes after a birth cue in which its date is looked for.
const DATE_WINDOW: usize = 40;

// Birth cues ("DOB", "date of birth", "born") are a context class, `birth_cue.txt`.
// A full date (12/03/1947, 3rd March 1947, March 3rd, 1947) or, last, a bare year. The month word is
// checked in code (`names_a_month`), which keeps twelve month names out of the DFA.
crate::pattern!(
    BIRTH_DATE,
    r"(?-u)\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{1,2}(?:st|nd|rd|th)?(?: of)? [a-z]{3,9},? (?:\d{4}|\d{2})|[a-z]{3,9} \d{1,2}(?:st|nd|rd|th)?,? \d{4}|(?:19|20)\d{2})\b"
);
crate::pattern!(AGE, r"(?-u)\b\d{1,3} ?-? ?(?:(?:year|yr)s?[ -]?old|yo|y/o|y\.o)\b|\baged \d{1,3}\b");
// "my"/"our": the writer's own family or hospital; "I'm a", "signed, a": the writer's own age ("Signed,
// a 63 y/o bank HCA"; W48, measure).
crate::pattern!(OWN_FAMILY, r"(?-u)\b(?:my|our|i'?m a|i am a|signed,? a)\b");

/// Finds dates of birth and ages in clinical context.
#[derive(Debug)]
pub struct DateOfBirth {
    date: Matcher,
    age: Matcher,
    own: Matcher,
}

impl DateOfBirth {
    /// Loads the prebuilt patterns.
    pub fn new() -> Result<Self, Error> {
        Ok(DateOfBirth { date: BIRTH_DATE.matcher()?, age: AGE.matcher()?, own: OWN_FAMILY.matcher()? })
    }

    fn births(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        for &(cue_start, cue_end) in input.context.all(class::BIRTH_CUE) {
            let window = after(input.text, cue_end, DATE_WINDOW);
            let Some(date) = self.date.find(window) else { continue };
            let gap = &window[..date.start()];
            if !names_a_month(date.as_str()) {
                continue;
            }
            if !gap_is_filler(gap, &[':', '=', ',', '-', '.'], &["is", "was", "on", "in", "the"], 2) {
                continue;
            }
            let full = date.as_str().len() != 4 || !date.as_str().bytes().all(|b| b.is_ascii_digit());
            let end = cue_end + date.end();
            let (severity, why) = if !input.text[cue_start..cue_end].starts_with("born") {
                if full {
                    (Severity::High, "date after a date-of-birth cue")
                } else {
                    (Severity::Warn, "year after a date-of-birth cue")
                }
            } else {
                let own = self.own.is_match(before(input.text, cue_start, OWN_WINDOW * 2));
                let clinical = self.clinical(input, cue_start, end);
                match (full, clinical, own) {
                    (true, true, false) => (Severity::Warn, "date after \"born\"; clinical context nearby"),
                    (false, true, false) => (Severity::Info, "year of birth; clinical context nearby"),
                    _ => (Severity::Info, "date after \"born\"; no clinical context or the writer's own family"),
                }
            };
            out.push(Candidate::new("date-of-birth", cue_start, end, why).with_severity(severity));
        }
    }

    fn clinical(&self, input: &Input<'_>, start: usize, end: usize) -> bool {
        [class::CARE_EVENT, class::BED_SPACE, class::CLINICAL_PLACE, class::IDENTIFIER]
            .into_iter()
            .any(|c| input.context.near(c, start, end, CONTEXT_WINDOW).is_some())
    }

    fn ages(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        for m in self.age.find_iter(input.text) {
            let digits: String =
                m.as_str().chars().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect();
            let years = digits.parse::<u32>().ok();
            if years.is_none_or(|y| y > 120)
                || self.own.is_match(before(input.text, m.start(), OWN_WINDOW))
                || own_care_before(before(input.text, m.start(), OWN_CARE_WINDOW))
            {
                continue;
            }
            let near = |c| input.context.near(c, m.start(), m.end(), CONTEXT_WINDOW).is_some();
            let event = care_event_near(input, m.start(), m.end(), CONTEXT_WINDOW) || near(class::BED_SPACE);
            let place = near(class::CLINICAL_PLACE);
            let person = near(class::PERSON_NOUN);
            let (severity, why) = match (event, place, person) {
                (true, true, _) => (Severity::High, "exact age; care event and place of care nearby"),
                (true, false, _) => (Severity::Warn, "exact age; care event nearby"),
                (false, true, true) => (Severity::Warn, "exact age of a person at a place of care"),
                _ => continue,
            };
            out.push(Candidate::new("age-in-context", m.start(), m.end(), why).with_severity(severity));
        }
    }
}

/// Bytes before an age in which the writer's own care ("I was diagnosed with …, aged 31") makes it
/// theirs.
const OWN_CARE_WINDOW: usize = 48;

/// Whether the words before an age say the care was the writer's own, in the same sentence: "Ten
/// years ago today I was diagnosed with type 1 diabetes, aged 31".
fn own_care_before(before: &str) -> bool {
    let sentence = before.rsplit(['.', '!', '?', '\n']).next().unwrap_or(before);
    ["i was diagnosed", "i was admitted", "i got diagnosed", "i had my"].iter().any(|p| sentence.contains(p))
}

/// Whether every word of letters in a matched date is a month ("3rd march 1947": yes; "3 days 12": no).
/// Ordinal suffixes and "of" are not words here; a numeric date has none.
fn names_a_month(date: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    date.split(|c: char| !c.is_ascii_lowercase())
        .filter(|w| !w.is_empty() && !matches!(*w, "st" | "nd" | "rd" | "th" | "of"))
        .all(|w| w.len() >= 3 && (w == "sept" || MONTHS.iter().any(|m| m.starts_with(w))))
}

impl Detector for DateOfBirth {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        self.births(input, out);
        self.ages(input, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found(text: &str) -> Vec<(String, &'static str, Option<Severity>)> {
        let d = DateOfBirth::new().expect("compiles");
        run(&d, text).into_iter().map(|(s, c)| (s, c.rule, c.severity)).collect()
    }

    #[test]
    fn positives() {
        let cases = [
            ("DOB 12/03/1947", "dob 12/03/1947", "date-of-birth", Severity::High),
            ("date of birth: 3rd March 1947", "date of birth: 3rd march 1947", "date-of-birth", Severity::High),
            ("d.o.b 1947", "d.o.b 1947", "date-of-birth", Severity::Warn),
            ("born 3rd March 1947, admitted last night", "born 3rd march 1947", "date-of-birth", Severity::Warn),
            ("our son was born on 3rd March 2024", "born on 3rd march 2024", "date-of-birth", Severity::Info),
            ("92-year-old man on Ward 7", "92-year-old", "age-in-context", Severity::Warn),
            ("85 yo lady admitted to ward 3 bay 2", "85 yo", "age-in-context", Severity::High),
            ("gentleman aged 101 discharged today", "aged 101", "age-in-context", Severity::Warn),
            // The writer's own care in an earlier sentence does not make a patient's age theirs.
            (
                "I was admitted once. The lady in bay 2 aged 90 was discharged",
                "aged 90",
                "age-in-context",
                Severity::Warn,
            ),
        ];
        for (text, span, rule, severity) in cases {
            assert_eq!(found(text), [(span.to_string(), rule, Some(severity))], "{text}");
        }
        for id in ["date-of-birth", "age-in-context"] {
            assert!(crate::catalogue::rule(id).is_some());
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "Patient Safety Week starts 17/09/2026",
            "my 4-year-old was admitted",
            "the NHS turns 78 years old today",
            "born to be a nurse",
            "rota for 12/03/2026 is out",
            "30 yrs on the ward and still love it",
            "born 3 days early in 2024",
            "our 150 year old hospital chapel",
            "Shout out to whoever invented the hospital bed that goes up and down. Signed, a 63 y/o bank HCA.",
            "I'm a 63 y/o bank HCA on the ward and my back hurts",
            "Ten years ago today I was diagnosed with type 1 diabetes, aged 31, halfway through my degree",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
