//! People in a clinical setting: a named person near words of care, or a person located by bed or bay.
//!
//! "Names alone, with no clinical or work context, are not flagged": the same name is harmless in a
//! birthday post and a breach of confidence next to "admitted" or "bay 4". So every cue here is a
//! *pair* — a person and a clinical context — and the strength of each decides the severity:
//!
//! * **Honorific and surname** ("Mrs Patel", "Mr J. Smith") is how staff refer to patients. Near a care
//!   event or a bed space it is high severity. Near only a place of care ("ward", "A&E", a Trust ward
//!   name) it warns, unless staff-role words are also near — "Mr" is also how UK surgeons are addressed
//!   ("thanks to Mr Jones and the theatre team"), and praise of a colleague is not a breach — then it is
//!   an informational mark. The word after the honorific must not be a function word or a clinical or
//!   office word ("MR scan", "MS nurse", "MS Teams", "miss you"), and "miss" after "I", "we'll", "will",
//!   "really" … is the verb.
//! * **"My patient Doris", "patient called Smith"**: the writer says outright that this is a patient;
//!   high severity. After "my patient" the next word must be a known first name ("my patient today…").
//! * **A first name near a care event** ("Doris was discharged today") warns; near a numbered bed space
//!   it warns too. Staff-role words nearby ("RIP Sarah, our wonderful sister, who passed away") make it an
//!   informational mark, and a name that is part of a place ("Queen Elizabeth Hospital", "Florence
//!   Ward", "St George's") is not a person at all. First names near "ward" alone are colleague praise
//!   and not reported.
//! * **A person located by bed, bay or side room** ("the lady in bed 4", "gent in side room 2") warns
//!   as `patient-location`; high with a care event too. So does "the guy in 6 who …": a definite person
//!   and a bed by its number alone, the number ending the phrase or followed by "who", "keeps", "has" …
//!   (not a unit: "the lady in 6 weeks"; not a ratio: "every patient in 10").
//!
//! The Trust's `wardNames` count as places of care. A post that states the patient's consent ("shared
//! with her permission", "she signed the consent form"; not negated, and not "consented him for theatre")
//! gets its `patient-name` findings as informational marks (CWFT 4.5 asks for that consent).
//!
//! | text                                                   | result                         |
//! |--------------------------------------------------------|--------------------------------|
//! | `Mrs Patel in bay 4 finally went home`                 | `patient-name`, high           |
//! | `Mr J. Smith was admitted overnight`                   | `patient-name`, high           |
//! | `saw Mrs Green on Ward 7 today`                        | `patient-name`, warn           |
//! | `my patient Doris turned 100`                          | `patient-name`, high           |
//! | `a gentleman called Higginbottom`                      | `patient-name`, high           |
//! | `Doris was discharged today`                           | `patient-name`, warn           |
//! | `the lady in bed 4 keeps singing`                      | `patient-location`, warn       |
//! | `Mrs Patel in room 4 keeps ringing her bell`           | `patient-name`, high           |
//! | `thanks to Mr Jones and the theatre team`              | `patient-name`, info           |
//! | `with her permission: my patient Doris turned 100`     | `patient-name`, info           |
//! | `Mrs Patel is retiring after 30 years`                 | none: no clinical context      |
//! | `Huge thanks to Sarah on Ward 7 for covering`          | none: colleague praise         |
//! | `booked an MR scan; MS Teams call at 2`                | none                           |
//! | `I will miss everyone on ward 9`                       | none                           |
//! | `admitted to Queen Elizabeth Hospital`                 | none: place name               |
//! | `Bay 3 is chaos tonight`                               | none: no person                |

use super::people::{before, care_event_near, is_first_name, last_word, may_be_surname, next_word};
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::context::is_boundary;
use crate::context::ContextIndex;
use crate::error::Error;
use crate::finding::Severity;
use crate::pattern::Matcher;
use crate::policy::Policy;
use std::cell::OnceCell;

/// Bytes either side of a name in which context words count.
const CONTEXT_WINDOW: usize = 60;
/// Bytes either side of a bed space in which a person word counts.
const LOCATION_WINDOW: usize = 30;
/// Most ward names accepted from policy, and the longest.
pub const MAX_WARD_NAMES: usize = 1000;
/// Longest ward name accepted from policy, in characters.
pub const MAX_WARD_NAME_LEN: usize = 100;

/// Words before a first name that make it part of a place ("Queen Elizabeth", "St George's").
const PLACE_BEFORE: &[&str] = &["st", "saint", "queen", "king", "prince", "princess", "royal", "sir", "lady", "dame"];
/// Words after a first name that make it part of a place ("Florence Ward", "Edith Cavell Unit").
const PLACE_AFTER: &[&str] = &[
    "hospital",
    "ward",
    "unit",
    "house",
    "centre",
    "center",
    "building",
    "wing",
    "suite",
    "hospice",
    "road",
    "street",
    "court",
    "lodge",
    "block",
    "clinic",
    "school",
    "college",
    "university",
    "park",
];

// An honorific, an optional initial, and a word that may be a surname.
crate::pattern!(HONORIFIC_NAME, r"(?-u)\b(?:mr|mrs|ms|miss|mx)\b\.? ?(?:[a-z]\.? )?[a-z][a-z'-]*[a-z]\b");

/// Finds people in a clinical setting.
#[derive(Debug)]
pub struct PersonInContext {
    honorific: Matcher,
    wards: Option<ContextIndex>,
}

impl PersonInContext {
    /// Loads the prebuilt patterns and compiles the policy's `wardNames`.
    pub fn new(policy: &Policy) -> Result<Self, Error> {
        Ok(PersonInContext { honorific: HONORIFIC_NAME.matcher()?, wards: ward_names(policy)? })
    }

    /// Whether a place of care (a clinical place word or one of the Trust's ward names) is near.
    /// The ward names are found in the draft once, on the first question.
    fn place_near(&self, input: &Input<'_>, wards: &OnceCell<Vec<(usize, usize)>>, start: usize, end: usize) -> bool {
        if input.context.near(class::CLINICAL_PLACE, start, end, CONTEXT_WINDOW).is_some() {
            return true;
        }
        let Some(index) = &self.wards else {
            return false;
        };
        let wards = wards.get_or_init(|| index.find_one(input.text));
        let (lo, hi) = (start.saturating_sub(CONTEXT_WINDOW), end.saturating_add(CONTEXT_WINDOW));
        // A name cannot be longer than its limit in bytes (four per character at most, plus what
        // normalising may add), so only hits starting that far before the window can reach into it.
        let first = wards.partition_point(|&(s, _)| s.saturating_add(4 * MAX_WARD_NAME_LEN + 16) < lo);
        wards[first..].iter().take_while(|&&(s, _)| s <= hi).any(|&(_, e)| e >= lo)
    }

    fn honorifics(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let wards = OnceCell::new();
        let beds = OnceCell::new();
        for m in self.honorific.find_iter(input.text) {
            let Some((s, e)) = last_word(m.as_str()) else { continue };
            let name = (m.start() + s, m.start() + e);
            if !may_be_surname(input.text, input.context, name) {
                continue;
            }
            if m.as_str().starts_with("miss") && is_miss_verb(before(input.text, m.start(), 14)) {
                continue;
            }
            let near = |c| input.context.near(c, m.start(), m.end(), CONTEXT_WINDOW).is_some();
            // An honorific is already a strong cue: arriving for care ("brought in") counts as an event,
            // and so does a numbered room ("Mrs Patel in room 4").
            let event = care_event_near(input, m.start(), m.end(), CONTEXT_WINDOW)
                || near(class::BED_SPACE)
                || near(class::ARRIVAL)
                || bed_near(beds.get_or_init(|| numbered_bed_spaces(input, true)), m.start(), m.end(), LOCATION_WINDOW);
            let place = near(class::IDENTIFIER) || self.place_near(input, &wards, m.start(), m.end());
            let (severity, why) = match (event, place, near(class::COLLEAGUE)) {
                (true, _, _) => (Severity::High, "honorific and surname; care event or bed space nearby"),
                (false, true, false) => (Severity::Warn, "honorific and surname at a place of care"),
                (false, true, true) => (Severity::Info, "honorific and surname at a place of care; staff words nearby"),
                (false, false, _) => continue,
            };
            out.push(Candidate::new("patient-name", m.start(), m.end(), why).with_severity(severity));
        }
    }

    /// "my patient Doris", "patient Elsie": a first name straight after "patient"/"pt"; "a gentleman
    /// called Higginbottom": any surname-like word after a person noun and "called"/"named".
    fn named_patients(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        for &(start, end) in input.context.all(class::PERSON_NOUN) {
            let rest = &text[end..];
            let called = [" called ", " named ", " by the name of "].into_iter().find(|c| rest.starts_with(c));
            let (span, ok) = match called {
                Some(c) => match next_word(text, end + c.len()) {
                    Some(span) => (span, may_be_surname(text, input.context, span)),
                    None => continue,
                },
                None if matches!(&text[start..end], "patient" | "pt") => match next_word(text, end) {
                    Some(span) if text.as_bytes().get(end) == Some(&b' ') => (span, is_first_name(input.context, span)),
                    _ => continue,
                },
                None => continue,
            };
            if ok {
                // "my patient Doris": the possessive belongs to the mark.
                let from =
                    ["my ", "our "].into_iter().find(|p| text[..start].ends_with(p)).map_or(start, |p| start - p.len());
                out.push(
                    Candidate::new("patient-name", from, span.1, "named as a patient").with_severity(Severity::High),
                );
            }
        }
    }

    fn first_names(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        // Rooms are left out: "Kelly" near "room 5" is as likely a colleague as a patient.
        let beds = numbered_bed_spaces(input, false);
        for &(start, end) in input.context.all(class::FIRST_NAME) {
            // "O'Neil" is a surname, not the first name Neil.
            let inside = start > 0 && input.text.as_bytes()[start - 1] == b'\'';
            if inside || self.is_place_name(input.text, start, end) {
                continue;
            }
            let near = |c| input.context.near(c, start, end, CONTEXT_WINDOW).is_some();
            let event = care_event_near(input, start, end, CONTEXT_WINDOW);
            let bed = bed_near(&beds, start, end, LOCATION_WINDOW);
            let (severity, why) = match (event, bed, near(class::COLLEAGUE)) {
                (true, true, _) => (Severity::High, "first name with a care event and a bed space"),
                (false, false, _) => continue,
                (_, _, false) => (Severity::Warn, "first name with a care event or a bed space nearby"),
                (_, _, true) => (Severity::Info, "first name near care words; staff words nearby"),
            };
            out.push(Candidate::new("patient-name", start, end, why).with_severity(severity));
        }
    }

    /// Whether the first name at `start..end` is part of a place name.
    fn is_place_name(&self, text: &str, start: usize, end: usize) -> bool {
        let prev = before(text, start, 10).trim_end().rsplit(' ').next().unwrap_or("");
        if PLACE_BEFORE.contains(&prev) {
            return true;
        }
        let rest = text[end..].strip_prefix("'s").unwrap_or(&text[end..]);
        let after_at = text.len() - rest.len();
        next_word(text, after_at).is_some_and(|(s, e)| PLACE_AFTER.contains(&&text[s..e]))
    }

    fn locations(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        for (bed_start, bed_end) in numbered_bed_spaces(input, true) {
            let person = input.context.near(class::PERSON_NOUN, bed_start, bed_end, LOCATION_WINDOW);
            let Some(person) = person else { continue };
            let (severity, why) = if care_event_near(input, bed_start, bed_end, CONTEXT_WINDOW) {
                (Severity::High, "person located by bed or bay; care event nearby")
            } else {
                (Severity::Warn, "person located by bed or bay")
            };
            let (start, end) = (bed_start.min(person.0), bed_end.max(person.1));
            out.push(Candidate::new("patient-location", start, end, why).with_severity(severity));
        }
        // "the guy in 6 who drives the number 38 bus", "the patient in 12 who keeps calling me
        // sweetheart": a bed named by its number alone, straight after the person.
        for &(start, end) in input.context.all(class::PERSON_NOUN) {
            let Some(at) = bare_bed_number(input.text, end) else { continue };
            // "the guy", "that old lady": one person; "every patient in 10", "1 patient in 10" are ratios.
            let words: Vec<&str> = before(input.text, start, 16).split_whitespace().rev().take(2).collect();
            if !words.iter().any(|w| matches!(*w, "the" | "that" | "this")) {
                continue;
            }
            let (severity, why) = if care_event_near(input, start, at, CONTEXT_WINDOW) {
                (Severity::High, "person located by a bed number; care event nearby")
            } else {
                (Severity::Warn, "person located by a bed number")
            };
            out.push(Candidate::new("patient-location", start, at, why).with_severity(severity));
        }
    }
}

/// Words that may follow "the guy in 6" when 6 is a bed: a relative clause or the sentence going on
/// about the person ("who", "keeps"), never a unit ("in 6 weeks", "in 2 mins"). Not "is": "the man in
/// 11 is reading the entire Harry Potter series backwards" (a benign training post) would pause.
const AFTER_BED_NUMBER: &[&str] = &[
    "who", "whos", "who's", "with", "has", "keeps", "kept", "was", "just", "had", "asked", "wants", "said", "says",
    "still",
];

/// The end of " in N" (one or two digits) straight after `at`, when N ends the phrase or is followed by
/// [`AFTER_BED_NUMBER`]: a bed named by its number alone. Reads a bounded window (a dozen bytes and one
/// word) after `at`.
fn bare_bed_number(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].strip_prefix(" in ")?;
    let digits = rest.bytes().take(3).take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let end = at + " in ".len() + digits;
    let after = super::people::after(text, end, 16);
    let next =
        after.strip_prefix(' ').map(|a| a.split(|c: char| !(c.is_alphanumeric() || c == '\'')).next().unwrap_or(""));
    let ends_phrase = after.is_empty() || after.starts_with([',', '.', ';', ':', '!', '?', ')']);
    (ends_phrase || next.is_some_and(|w| AFTER_BED_NUMBER.contains(&w))).then_some(end)
}

/// Words before "room" that make it a room no patient lies in ("meeting room 4").
const NOT_PATIENT_ROOMS: &[&str] = &[
    "meeting",
    "seminar",
    "training",
    "teaching",
    "board",
    "conference",
    "staff",
    "break",
    "rest",
    "consulting",
    "interview",
    "committee",
    "clinic",
    "treatment",
    "store",
    "stock",
    "escape",
    "changing",
    "sluice",
    "control",
];

/// Whether one of `beds` (sorted and disjoint) lies within `window` bytes of `start..end`: only the
/// first that ends after the window opens needs a look.
fn bed_near(beds: &[(usize, usize)], start: usize, end: usize, window: usize) -> bool {
    let i = beds.partition_point(|&(_, e)| e + window <= start);
    beds.get(i).is_some_and(|&(s, _)| s < end + window)
}

/// Bed spaces with a number ("bed 4", "bay 12a", "side room no. 3", "room 2"), from the `bed_space`
/// and `numbered_room` context hits: the word, an optional "no."/"no", and one or two digits with an
/// optional letter, ending a word. Sorted and disjoint. Numbered rooms only when `rooms` is set.
fn numbered_bed_spaces(input: &Input<'_>, rooms: bool) -> Vec<(usize, usize)> {
    let bytes = input.text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut words: Vec<(usize, usize)> = input.context.all(class::BED_SPACE).to_vec();
    if rooms {
        words.extend_from_slice(input.context.all(class::NUMBERED_ROOM));
    }
    // "side room 3" is one bed space: the longer word starting first wins.
    words.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let rooms = input.context.all(class::NUMBERED_ROOM);
    for &(start, end) in &words {
        let room = rooms.binary_search(&(start, end)).is_ok();
        if room && NOT_PATIENT_ROOMS.contains(&last_word_before(input.text, start)) {
            continue;
        }
        let mut at = end;
        if bytes.get(at) == Some(&b' ') {
            at += 1;
        }
        for no in ["no. ", "no ", "no."] {
            if input.text[at..].starts_with(no) {
                at += no.len();
                break;
            }
        }
        let digits = bytes[at..].iter().take_while(|b| b.is_ascii_digit()).count();
        if !(1..=2).contains(&digits) {
            continue;
        }
        at += digits;
        if bytes.get(at).is_some_and(u8::is_ascii_lowercase)
            && !bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            at += 1;
        }
        if is_boundary(bytes, at) && out.last().is_none_or(|&(_, e)| e <= start) {
            out.push((start, at));
        }
    }
    out
}

impl Detector for PersonInContext {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let from = out.len();
        self.honorifics(input, out);
        self.named_patients(input, out);
        self.first_names(input, out);
        self.locations(input, out);
        // "Sharing with her permission: my patient Joan walked 10 steps": the post says the patient
        // agreed to be identified (CWFT 4.5 asks for exactly that), so naming them is a reminder to be
        // sure the consent covers this post, not a pause. A negated consent ("without her permission")
        // settles nothing. Locations ("the lady in bed 4") keep their severity: a bed space is
        // identifying whoever agreed to the story.
        if super::consent_media::consent_stated_in(input) {
            for c in out[from..].iter_mut().filter(|c| c.rule == "patient-name") {
                c.severity = Some(Severity::Info);
                c.why = "patient named; the post says they consented".into();
            }
        }
    }
}

/// The word just before `at` (lower-case ASCII letters), or "".
fn last_word_before(text: &str, at: usize) -> &str {
    let head = text[..at].trim_end();
    let start = head
        .rfind(|c: char| !c.is_ascii_lowercase())
        .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    &head[start..]
}

/// Whether the word before "miss" makes it the verb: "I'll miss", "we will miss", "really miss".
fn is_miss_verb(before: &str) -> bool {
    const SUBJECTS: &[&str] = &[
        "i",
        "we",
        "you",
        "they",
        "will",
        "really",
        "so",
        "to",
        "already",
        "do",
        "dont",
        "don't",
        "gonna",
        "would",
        "all",
        "never",
        "always",
        "definitely",
        "truly",
        "sorely",
        "cant",
        "can't",
        "wont",
        "won't",
        "shall",
        "must",
    ];
    let Some(last) = before.trim_end().rsplit(' ').next() else { return false };
    SUBJECTS.contains(&last) || last.ends_with("'ll") || last.ends_with("'d")
}

/// Compiles the policy's ward names (normalised like the draft) into one automaton.
fn ward_names(policy: &Policy) -> Result<Option<ContextIndex>, Error> {
    if policy.ward_names.len() > MAX_WARD_NAMES {
        return Err(Error::policy("wardNames", format!("at most {MAX_WARD_NAMES} names are allowed")));
    }
    if let Some(i) = policy.ward_names.iter().position(|n| n.chars().count() > MAX_WARD_NAME_LEN) {
        return Err(Error::policy(&format!("wardNames[{i}]"), format!("longer than {MAX_WARD_NAME_LEN} characters")));
    }
    ContextIndex::terms("wardNames", &policy.ward_names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::run;

    fn found_with(policy: &Policy, text: &str) -> Vec<(String, &'static str, Option<Severity>)> {
        let d = PersonInContext::new(policy).expect("compiles");
        run(&d, text).into_iter().map(|(s, c)| (s, c.rule, c.severity)).collect()
    }

    fn found(text: &str) -> Vec<(String, &'static str, Option<Severity>)> {
        found_with(&Policy::default(), text)
    }

    /// A patient's story the post says was shared with their consent names them as a reminder only;
    /// a negated consent, or none, keeps the pause; a bed space keeps its own severity.
    #[test]
    fn stated_consent_makes_a_named_patient_a_reminder() {
        let severities = |text: &str| -> Vec<Option<Severity>> {
            found(text).into_iter().filter(|f| f.1 == "patient-name").map(|f| f.2).collect()
        };
        let story = "my patient Joan, 94, walked 10 steps today after her hip op";
        assert!(severities(story).contains(&Some(Severity::High)), "{:?}", found(story));
        for consented in [
            format!("Sharing with her permission: {story}"),
            format!("{story}. She signed the consent form herself"),
            "Mrs D finally went home today after 14 weeks on our ward. She signed the consent form herself".into(),
        ] {
            let s = severities(&consented);
            assert!(
                !s.is_empty() && s.iter().all(|x| *x == Some(Severity::Info)),
                "{consented}: {:?}",
                found(&consented)
            );
        }
        // "Consented" for an operation is consent to treatment, not to being named.
        let treated = "Mrs Patel in bay 4 went to theatre today, I consented her for the op";
        assert!(severities(treated).contains(&Some(Severity::High)), "{:?}", found(treated));
        let refused = format!("{story}, posted without her permission");
        assert!(severities(&refused).contains(&Some(Severity::High)), "{:?}", found(&refused));
        let located = "the lady in bed 4 was admitted overnight, shared with her permission";
        assert!(found(located).iter().any(|f| f.1 == "patient-location" && f.2 != Some(Severity::Info)));
    }

    #[test]
    fn positives() {
        let cases = [
            ("Mrs Patel in bay 4 finally went home", "mrs patel", "patient-name", Severity::High),
            ("Mr J. Smith was admitted overnight", "mr j. smith", "patient-name", Severity::High),
            ("saw Mrs Green on Ward 7 today", "mrs green", "patient-name", Severity::Warn),
            ("my patient Doris turned 100", "my patient doris", "patient-name", Severity::High),
            ("a gentleman called Higginbottom", "gentleman called higginbottom", "patient-name", Severity::High),
            ("Doris was discharged today", "doris", "patient-name", Severity::Warn),
            ("the lady in bed 4 keeps singing", "lady in bed 4", "patient-location", Severity::Warn),
            ("thanks to Mr Jones and the theatre team", "mr jones", "patient-name", Severity::Info),
            ("Miss O'Neil died peacefully", "miss o'neil", "patient-name", Severity::High),
            ("Mrs Patel in room 4 keeps ringing her bell", "mrs patel", "patient-name", Severity::High),
            ("the mum in room 2 said she'd sort me out", "mum in room 2", "patient-location", Severity::Warn),
        ];
        for (text, span, rule, severity) in cases {
            assert_eq!(found(text), [(span.to_string(), rule, Some(severity))], "{text}");
        }
        for id in ["patient-name", "patient-location"] {
            assert!(crate::catalogue::rule(id).is_some());
        }
    }

    #[test]
    fn both_a_name_and_a_location() {
        let f = found("Arthur in bed 12 was admitted with a broken hip");
        let rules: Vec<&str> = f.iter().map(|x| x.1).collect();
        assert_eq!(rules, ["patient-name"], "{f:?}");
        assert_eq!(f[0].2, Some(Severity::High));
        let f = found("the old man in side room 2 passed away");
        assert_eq!(f, [("man in side room 2".to_string(), "patient-location", Some(Severity::High))]);
    }

    #[test]
    fn a_bed_named_by_its_number_alone() {
        let located = |text: &str| found(text).iter().any(|f| f.1 == "patient-location");
        for text in [
            "the guy in 6 who drives the number 38 bus, in with a stroke",
            "Can I just vent: the patient in 12 who keeps calling me sweetheart",
            "the lady in 4, bless her, sang all night",
            "that old boy in 9 with the budgie",
        ] {
            assert!(located(text), "{text}: {:?}", found(text));
        }
        for text in [
            "the lady in 6 weeks will be walking again",
            "a patient in 12 hours waited on a trolley",
            "the man in 2019 who started the appeal",
            "the patient in 3 days time",
            "every patient in 10 is seen within the hour",
            "1 patient in 10 was readmitted",
            "bedside reading today: the man in 11 is reading Harry Potter backwards",
        ] {
            assert!(!located(text), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn private_health_said_of_a_named_person() {
        // Round 5: care_event.txt's private-health phrases make a first name near them a person's health.
        for text in [
            "Everyone in the team knows Tracey's on antidepressants, that's why she's so slow now",
            "Welcome back to Lisa on ward 8 after 3 months in rehab for the booze",
        ] {
            assert!(found(text).iter().any(|f| f.1 == "patient-name"), "{text}: {:?}", found(text));
        }
        // The writer's own health names no one.
        for text in
            ["I had a miscarriage in 2019 and still think about it", "Three years on antidepressants and I'm proud"]
        {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_room_after_a_non_ascii_word_is_read_safely() {
        // The word before "room" is cut at a character boundary, never inside "é".
        assert_eq!(found("the lady in the café room 4 smiled").len(), 1);
        assert!(found("the lady in the meeting room 4 smiled").is_empty());
    }

    #[test]
    fn negatives() {
        for text in [
            "Mrs Patel is retiring after 30 years",
            "Huge thanks to Sarah on Ward 7 for covering my shift",
            "booked an MR scan; MS Teams call at 2",
            "I will miss everyone on ward 9",
            "we'll miss Doris on the ward",
            "admitted to Queen Elizabeth Hospital",
            "Bay 3 is chaos tonight",
            "Mrs Patel is retiring; her leaving do is in meeting room 4",
            "Mr Jones left the room",
            "my patient today was lovely",
            "MS nurse clinic moved to ward 4",
            "Florence ward has been refurbished and admitted its first patients",
            "Happy birthday Doris, 100 today",
            "I nearly died laughing at Karen's leaving speech",
            "Shout out to Ian who admitted he's never seen Star Wars",
            "Jen on our ward has been diagnosed with MS. She's told us it's fine to share",
            "Jen on our ward has been diagnosed with MS. A patient's told us it's fine to share",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn trust_ward_names_are_places() {
        let policy = Policy { ward_names: vec!["Rowan Unit".into()], ..Policy::default() };
        assert_eq!(
            found_with(&policy, "Mr Hughes on Rowan Unit"),
            [("mr hughes".to_string(), "patient-name", Some(Severity::Warn))]
        );
        assert!(found("Mr Hughes on Rowan Unit").is_empty());
        let too_many = Policy { ward_names: vec!["x".into(); MAX_WARD_NAMES + 1], ..Policy::default() };
        assert!(PersonInContext::new(&too_many).is_err());
        let too_long = Policy { ward_names: vec!["x".repeat(MAX_WARD_NAME_LEN + 1)], ..Policy::default() };
        let e = PersonInContext::new(&too_long).expect_err("too long");
        assert!(e.to_string().contains("wardNames[0]"), "{e}");
    }
}
