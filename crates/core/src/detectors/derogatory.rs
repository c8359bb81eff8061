//! Derogatory comments about patients, colleagues, managers or the Trust — with or without swearing.
//!
//! Why this shape: "the patients on this ward are animals", "our useless matron" and "this Trust is a
//! joke" contain no listed swear word, yet they are exactly what CDDFT 4.4.3 ("under no circumstance
//! should derogatory, abusive or personal comments be made about patient/service users, Trust
//! colleagues, Trust business") and Hillingdon 5.4 forbid. What makes them derogatory is the
//! *construction*: a target (from `data/lexicon/derogatory_targets.txt`) joined to a put-down, either
//! predicatively ("… are useless", "… is a joke") or attributively ("useless matron"). Words alone would
//! fire on "useless printer" or "the therapy animals visited the patients"; the constructions do not.
//! Dehumanising words ("animals", "vermin") about people are High. Also derogatory: what a target is
//! said to do ("management don't care"), hating a target ("sick of this place"), put-downs that only
//! fit people ("our matron is a nightmare" — but "the ward is a nightmare tonight" is workload), and
//! put-downs of the Trust's business ("the interview was a stitch-up"). Contemptuous labels for
//! patients ("bed blockers", "frequent flyers") count when the sentence is about work. Groups stand in
//! for targets ("ungrateful lot", "the radiology lot are the laziest"; never "a lot"), a put-down can
//! be aimed back at a group ("thick as mince, the lot of them"), three put-downs in a row need no
//! target ("fat, lazy and entitled"), "he/she is" takes a narrow list of insults ("she was so thick"),
//! and body-shaming ("lay off the pies") counts unless the author is talking about themselves.

use super::text::{in_sentence, next_word, sentence_break_between, word_end, Hits, Lists};
use super::{Candidate, Detector, Input};
use crate::catalogue::class;
use crate::catalogue::words::derogatory::*;
use crate::error::Error;
use crate::finding::Severity;

/// Words just before a put-down that make it the author's description of themselves ("I'm a 'fat
/// nurse'", "as a fat nurse I get told …"): the policies restrict remarks about others.
const SELF_DESCRIBED: &[&str] =
    &["i'm a", "im a", "i am a", "as a", "i'm just a", "i am just a", "i'm the", "i am the"];

/// Whether the words before `start` (past an opening quotation mark) are one of [`SELF_DESCRIBED`].
fn self_described(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end().trim_end_matches(['\'', '"']).trim_end();
    SELF_DESCRIBED.iter().any(|p| {
        before.ends_with(p) && {
            let at = before.len() - p.len();
            let lead = before[..at].trim_end();
            // "As a fat nurse" opens a sentence; "treated him as a useless patient" is about him.
            let opens = lead.is_empty() || lead.ends_with(['.', '!', '?', '\n']);
            (at == 0 || !crate::context::is_word_byte(before.as_bytes()[at - 1])) && (*p != "as a" || opens)
        }
    })
}

/// Nouns that turn a target into a modifier ("useless patient *portal*" is about software).
const COMPOUND_NOUNS: &[&str] = &[
    "experience",
    "experiences",
    "safety",
    "care",
    "feedback",
    "record",
    "records",
    "notes",
    "list",
    "lists",
    "information",
    "info",
    "leaflet",
    "leaflets",
    "survey",
    "flow",
    "transport",
    "portal",
    "portals",
    "app",
    "satisfaction",
    "outcomes",
    "rota",
    "rotas",
    "system",
    "systems",
    "parking",
    "food",
    "website",
    "wifi",
    "computer",
    "computers",
    "printer",
    "printers",
    "policy",
    "policies",
    "process",
    "email",
    "emails",
    "confidentiality",
];

/// Words for harm done to people: a target just after one of them ("the abuse towards *nurses*", "the
/// amount of abuse *paramedics* get") is its victim, and a put-down that follows is said of the harm.
const HARMS: &[&str] =
    &["abuse", "abusing", "violence", "attacks", "assaults", "harassment", "racism", "hate", "treatment"];

/// Whether one of [`HARMS`] stands within the three words before `start`, in the same sentence.
fn suffers(text: &str, start: usize) -> bool {
    let head = super::people::before(text, start, 60);
    let from = head.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    head[from..]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .any(|w| HARMS.contains(&w))
}

// List indices, in the order given to `Lists::new`.

/// Most words in a place phrase ("on *this bloody ward*").
const PLACE_WORDS: usize = 4;
/// Most fillers between the verb and the put-down.
const MAX_FILLERS: usize = 4;

/// Finds derogatory constructions aimed at patients, colleagues, managers or the Trust.
#[derive(Debug)]
pub struct Derogatory {
    lists: Lists,
}

impl Derogatory {
    /// The detector over its word lists (`data/words/`; compiled at build time).
    pub fn new() -> Result<Self, Error> {
        let lists = Lists::at(LISTS);
        Ok(Derogatory { lists })
    }
}

/// End of the verb after a target ending at `pos`, allowing a place phrase between them.
fn copula_after(hits: &Hits<'_>, text: &str, pos: usize) -> Option<usize> {
    // "the patients *and their families* are …", "management *on nights* is …".
    // A comma starts another clause: "binned the lot on the ward, it was rubbish".
    placed_copula_after(hits, text, pos)
        .or_else(|| hits.within(COPULA, text, pos, PLACE_WORDS))
        .filter(|&e| !text[pos..e].contains(','))
}

/// End of the verb straight after `pos` or after a place phrase ("that lot *on nights* are").
fn placed_copula_after(hits: &Hits<'_>, text: &str, pos: usize) -> Option<usize> {
    if let Some(e) = hits.next(COPULA, text, pos) {
        return Some(e);
    }
    if let Some(e) = hits.next(HERE_WORD, text, pos) {
        return hits.next(COPULA, text, e);
    }
    if let Some(mut p) = hits.next(PLACE, text, pos) {
        for _ in 0..PLACE_WORDS {
            let s = next_word(text, p)?;
            p = word_end(text, s);
            if let Some(e) = hits.next(COPULA, text, p) {
                return Some(e);
            }
        }
        return None;
    }
    None
}

/// Words before a group word that make it a quantity, not people ("a lot", "a whole lot", "car lot").
const NOT_PEOPLE_BEFORE_GROUP: &[&str] = &["a", "whole", "parking", "car", "job", "mixed"];

/// Words after a patient label that make it something else ("frequent flyer *points*").
const NOT_PEOPLE_AFTER_LABEL: &[&str] = &[
    "points",
    "miles",
    "card",
    "cards",
    "scheme",
    "schemes",
    "status",
    "club",
    "programme",
    "program",
    "lounge",
    "account",
];

/// Bytes before a group tail ("…, the lot of them") in which the put-down it aims must end.
const TAIL_REACH: usize = 60;

/// Put-downs listed in a row ("fat, lazy and entitled") that need no target word.
const PUTDOWN_RUN: usize = 3;

/// The word before byte `at` (lower case in the normalised text), if any.
fn previous_word(text: &str, at: usize) -> &str {
    let before = text[..at].trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

/// Whether "feel like" comes just before `at` ("feel like a beached whale at 38 weeks" is about the author,
/// even with the "I" dropped).
fn feeling_before(text: &str, at: usize) -> bool {
    let mut p = at;
    for _ in 0..3 {
        let w = previous_word(text, p);
        let start = text[..p].trim_end().len() - w.len();
        if w.is_empty() || sentence_break_between(text, start, p) {
            return false;
        }
        if matches!(w, "feel" | "feels" | "feeling" | "felt") {
            return true;
        }
        p = start;
    }
    false
}

/// Whether only a list separator stands between two put-downs (", ", " and ", ", and ", " & ").
fn joins_list(gap: &str) -> bool {
    matches!(gap.trim(), "," | "and" | ", and" | "&" | "/" | "n" | "+")
}

/// The word after byte `at`, if any.
fn following_word(text: &str, at: usize) -> &str {
    match next_word(text, at) {
        Some(s) => &text[s..word_end(text, s)],
        None => "",
    }
}

impl Detector for Derogatory {
    fn detect(&self, input: &Input<'_>, out: &mut Vec<Candidate>) {
        let text = input.text;
        let hits = self.lists.find(input);
        for &(start, end) in hits.all(TARGET) {
            // "the abuse towards nurses is disgusting": what is put down is the abuse, not the nurses;
            // "patient confidentiality is a joke" is about a practice.
            if suffers(text, start) || COMPOUND_NOUNS.contains(&following_word(text, end)) {
                continue;
            }
            if let Some(e) = hits.next(ACTION, text, end) {
                out.push(Candidate::new(
                    "derogatory-remark",
                    start,
                    e,
                    "put-down said of patients, colleagues or the Trust",
                ));
                continue;
            }
            let Some(verb) = copula_after(&hits, text, end) else { continue };
            let person = hits.at(PLACE_OR_BODY, start) != Some(end);
            let predicates: &[usize] = if person {
                &[DEHUMANISING_WORD, PREDICATE, PERSON_PREDICATE]
            } else {
                &[DEHUMANISING_WORD, PREDICATE]
            };
            match hits.through(text, verb, FILLER, MAX_FILLERS, predicates) {
                Some((0, e)) => out.push(
                    Candidate::new("derogatory-remark", start, e, "dehumanising word used of people")
                        .with_severity(Severity::High),
                ),
                Some((_, e)) => out.push(Candidate::new(
                    "derogatory-remark",
                    start,
                    e,
                    "put-down said of patients, colleagues or the Trust",
                )),
                None => {}
            }
        }
        // "she was so thick she thought …": he or she, a copula, then a narrow list of put-downs.
        let pronouns = hits.all(PRONOUN).iter().filter_map(|&(s, e)| Some((s, hits.next(COPULA, text, e)?)));
        for (start, verb) in pronouns.chain(hits.all(PRONOUN_IS).iter().copied()) {
            let Some((_, e)) = hits.through(text, verb, FILLER, MAX_FILLERS, &[PRONOUN_PREDICATE]) else { continue };
            // "she is thick-skinned" is a compliment.
            if !text[e..].starts_with('-') {
                out.push(Candidate::new("derogatory-remark", start, e, "put-down said of someone"));
            }
        }
        // "the radiology lot are the laziest": a group word, not a quantity, straight before the verb.
        for &(start, end) in hits.all(GROUP) {
            if NOT_PEOPLE_BEFORE_GROUP.contains(&previous_word(text, start)) {
                continue;
            }
            let Some(verb) = placed_copula_after(&hits, text, end) else { continue };
            if text[end..verb].contains(',') {
                continue;
            }
            // "the lot is rubbish" may be a batch of anything; "this lot are …" is people. Put-downs
            // that fit things too need the plural verb.
            let plural = matches!(previous_word(text, verb), "are" | "were" | "r" | "'re");
            let predicates: &[usize] = if plural {
                &[DEHUMANISING_WORD, PERSON_PREDICATE, PREDICATE]
            } else {
                &[DEHUMANISING_WORD, PERSON_PREDICATE]
            };
            if let Some((i, e)) = hits.through(text, verb, FILLER, MAX_FILLERS, predicates) {
                let c = Candidate::new("derogatory-remark", start, e, "put-down said of a group of people");
                out.push(if i == 0 { c.with_severity(Severity::High) } else { c });
            }
        }
        // "thick as mince, the lot of them": a put-down earlier in the sentence aimed at a group.
        for &(start, end) in hits.all(GROUP_TAIL) {
            let lo = start.saturating_sub(TAIL_REACH);
            let put_down = [ADJECTIVE, PREDICATE, PERSON_PREDICATE, DEHUMANISING_WORD]
                .iter()
                .flat_map(|&l| hits.all(l).iter())
                .filter(|&&(s, e)| s >= lo && e <= start && !sentence_break_between(text, e, start))
                .map(|&(s, _)| s)
                .min();
            if let Some(s) = put_down {
                out.push(Candidate::new("derogatory-remark", s, end, "put-down aimed at a whole group"));
            }
        }
        // "Fat, lazy and entitled describes half of who comes through our doors": a run of put-downs.
        let mut runs: Vec<(usize, usize)> =
            [ADJECTIVE, PREDICATE, PERSON_PREDICATE].iter().flat_map(|&l| hits.all(l).iter().copied()).collect();
        runs.sort_unstable();
        let mut i = 0;
        while i < runs.len() {
            let (first, mut last) = runs[i];
            let mut count = 1;
            let mut j = i + 1;
            while j < runs.len() {
                let (s, e) = runs[j];
                if s < last {
                    last = last.max(e);
                } else if joins_list(&text[last..s]) {
                    count += 1;
                    last = e;
                } else {
                    break;
                }
                j += 1;
            }
            if count >= PUTDOWN_RUN && !in_sentence(input.context, class::SELF_REFERENCE, text, first, last) {
                out.push(Candidate::new("derogatory-remark", first, last, "string of put-downs about people"));
            }
            i = j;
        }
        // Body-shaming ("lay off the pies"), unless the author is talking about themselves.
        for &(start, end) in hits.all(BODY_SHAMING) {
            if !in_sentence(input.context, class::SELF_REFERENCE, text, start, end) && !feeling_before(text, start) {
                out.push(Candidate::new("derogatory-remark", start, end, "body-shaming remark about someone"));
            }
        }
        for &(start, end) in hits.all(BUSINESS_PUTDOWN) {
            out.push(Candidate::new("derogatory-remark", start, end, "put-down of the Trust's business"));
        }
        for &(start, end) in hits.all(HATE) {
            let p = hits.skip(FILLER, text, end, 1);
            // "Can't stand when relatives ask 'is she going to be ok'": a situation the author finds
            // hard, not hatred of the people in it (W48, measure).
            if following_word(text, p) == "when" {
                continue;
            }
            if let Some(e) = hits.within(TARGET, text, p, 1) {
                out.push(Candidate::new(
                    "derogatory-remark",
                    start,
                    e,
                    "hatred said of patients, colleagues or the Trust",
                ));
            }
        }
        for &(start, end) in hits.all(ADJECTIVE) {
            // "I'm a 'fat nurse'", "As a fat nurse I get …": the author describing themselves.
            if self_described(text, start) {
                continue;
            }
            let p = hits.skip(INTENSIFIER, text, end, 1);
            let group = hits.next(GROUP, text, p).or_else(|| hits.next(PERSON_NOUN, text, p)).filter(|_| {
                !in_sentence(input.context, class::SELF_REFERENCE, text, start, end)
                    || hits.next(TARGET, text, p).is_some()
            });
            let Some(e) = hits.next(TARGET, text, p).or(group) else {
                continue;
            };
            if COMPOUND_NOUNS.contains(&following_word(text, e)) {
                continue;
            }
            out.push(Candidate::new(
                "derogatory-remark",
                start,
                e,
                "put-down attached to patients, colleagues or the Trust",
            ));
        }
        for &(start, end) in hits.all(LABEL) {
            if NOT_PEOPLE_AFTER_LABEL.contains(&following_word(text, end)) {
                continue;
            }
            let c = if in_sentence(input.context, class::WORK_SETTING, text, start, end) {
                Candidate::new("derogatory-remark", start, end, "contemptuous label for patients, in a work context")
            } else {
                Candidate::new("derogatory-remark", start, end, "contemptuous label, no work context")
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

    fn worst(text: &str) -> Option<Severity> {
        let d = Derogatory::new().expect("compiles");
        run(&d, text).into_iter().map(|(_, c)| c.severity.unwrap_or(Severity::Warn)).max()
    }

    #[test]
    fn positives() {
        for (text, want) in [
            ("the patients on this ward are animals", Severity::High),
            ("Our useless matron strikes again", Severity::Warn),
            ("she treated him as a useless patient all shift", Severity::Warn),
            ("this Trust is a joke", Severity::Warn),
            ("management are absolutely clueless", Severity::Warn),
            ("lazy nurses on nights again", Severity::Warn),
            ("the consultants here are a bunch of clowns", Severity::Warn),
            ("3 bed blockers on the ward and no beds in ED", Severity::Warn),
            ("the relatives in bay 2 are vile", Severity::Warn),
            ("My charge nurse is a nasty piece of work", Severity::Warn),
            ("the Trust board don't care about patients", Severity::Warn),
            ("the elderly patients on ward 7 are just a drain on resources", Severity::Warn),
            ("fkn hate this place and every manager in it", Severity::Warn),
            ("management's a shambles", Severity::Warn),
            ("the radiology lot are the laziest department in the hospital", Severity::Warn),
            ("that lot on nights are bone idle", Severity::Warn),
            ("patients who complain about the food. ungrateful lot", Severity::Warn),
            ("thick as mince the lot of them this rotation", Severity::Warn),
            ("Fat, lazy and entitled describes half of who comes in", Severity::Warn),
            ("maybe lay off the greggs love", Severity::Warn),
            ("she was so thick she thought antibiotics would cure a cold", Severity::Warn),
            ("Mrs X is the rudest woman alive", Severity::Warn),
            ("dementia patients are basically toddlers", Severity::Warn),
            ("student nurses are proper snowflakes", Severity::Warn),
        ] {
            assert_eq!(worst(text), Some(want), "{text}");
        }
    }

    /// Hatred said of people pauses; a situation the author finds hard ("can't stand when ...") does not.
    #[test]
    fn hating_people_is_not_disliking_a_situation() {
        assert_eq!(worst("Can't stand relatives on this ward"), Some(Severity::Warn));
        assert_eq!(worst("Can't stand when relatives ask how long"), None);
    }

    #[test]
    fn negatives() {
        for text in [
            "Just reading replies to the piece. the abuse towards nurses is disgusting. come do a night on AMU",
            "The amount of abuse paramedics get at weekends is disgusting. Report it. Every time.",
            "Patient confidentiality is such a joke on our ward, people shouting diagnoses across the bay",
            "Can't stand when relatives ask 'is she going to be ok' and you just have to say 'the doctor will be round'",
            "the therapy animals visited the patients today",
            "this printer is useless",
            "the useless patient portal crashed again",
            "I'm useless at quizzes but our team won",
            "Yeah I'm a 'fat nurse'. I've heard it all.",
            "As a fat nurse I get 'you should practise what you preach'. I do.",
            "the ward is a nightmare tonight, send coffee",
            "I hate Mondays, I hate rain, I hate the M6",
            "the patients and their families were lovely",
            "our patients are amazing and so is the team",
            "the trust is a great place to work",
            "managers are joking about the christmas jumper day",
            "a lot of the kit is rubbish but the team is great",
            "binned the lot, it was rubbish",
            "binned the lot on the ward, it was rubbish",
            "the lot in the fridge is rubbish",
            "I need to lay off the biscuits after this shift",
            "feel like a beached whale at 38 weeks",
            "she is thick-skinned, the best charge nurse I know",
            "I'm so thick today, forgot my badge",
            "lazy Sunday after nights",
            "frequent flyer points paid off, Tenerife booked",
            "fat, tired and happy, I ate all the pies",
            "the toddlers on paeds were so cute today",
            "the students this rotation are brilliant, the lot of them",
        ] {
            assert_eq!(worst(text), None, "{text}");
        }
    }
}
