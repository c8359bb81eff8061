//! One-click fixes: the edit that removes a finding's risk, decided here so every surface (the
//! extension's card, panel and pre-submit dialog, the CLI) offers the same one.
//!
//! Why in the core: what to change is analysis ("which words are the name?", "where does the bed
//! number end?"), and the content script must stay free of it. The browser only applies the edits,
//! through each editor's own input path.
//!
//! Each rule names its kind of fix in `data/rules/*.toml` (`fix`, `fix_label`); [`for_finding`] turns
//! a finding into edits on the analysed text. A fix is one edit today (so the site's undo reverts it in
//! one step), kept as a list so a fix that must touch two places can. Replacement text is never the
//! user's own words: masks, the policy's wording, or nothing. The promise every fix keeps, tested over
//! the corpus (`tests/fixes_corpus.rs`): re-analysing the fixed draft does not report the same rule
//! where the edit was.

mod words;

use crate::catalogue::FixInfo;
use crate::detectors::text::sentence;
use crate::policy::Policy;
use serde::Serialize;
use words::{capitalised, is_person_noun, is_place_word, words_in, Word};

/// The kinds of edit a rule's findings can be fixed with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixKind {
    /// Hide an identifier: every letter and digit of its number-like words becomes `•`, so the post
    /// keeps its shape ("DOB ••/••/••••") and nothing identifying is left.
    Mask,
    /// Hide the value after a cue ("password is •••••••"): the last word of the finding.
    MaskValue,
    /// Remove the words (abuse, an internal project name), with one space beside them.
    Remove,
    /// Remove where a patient lies ("in bay 4 bed 2, Ward 7"), keeping the person ("the lady").
    DropPlace,
    /// Replace a patient's name (with any title and the noun before it) by the policy's wording.
    PatientRole,
    /// Replace a named colleague in a claim about them by the policy's wording.
    ColleagueRole,
    /// Add the policy's personal-views disclaimer at the end of the post.
    Disclaimer,
    /// Replace the sentence raising a concern by the policy's pointer to Freedom to Speak Up.
    SpeakUp,
}

/// One change to the draft: replace bytes `start..end` of the analysed text by `text`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// First byte replaced.
    pub start: usize,
    /// Byte just past the replaced text (`start` for an insertion).
    pub end: usize,
    /// What goes in its place (empty to delete).
    pub text: String,
}

/// A fix the person can apply with one click.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What it does, lower case, shown after "Fix: " ("hide the NHS number").
    pub label: String,
    /// The edits, in text order and not overlapping.
    pub edits: Vec<Edit>,
}

/// The fix for a finding of a rule with `info` at `start..end` of `text`, or `None` when this finding's
/// words give no safe edit (a claim with no name at its start, a location with no place word).
pub fn for_finding(text: &str, start: usize, end: usize, info: &FixInfo, policy: &Policy) -> Option<Fix> {
    let wording = &policy.fix_wording;
    let (edit, replacement) = match info.kind {
        FixKind::Mask => (mask(text, start, end)?, ""),
        FixKind::MaskValue => (mask_value(text, start, end)?, ""),
        FixKind::Remove => (remove(text, start, end), ""),
        FixKind::DropPlace => (drop_place(text, start, end)?, ""),
        FixKind::PatientRole => (name_to_role(text, start, end, &wording.patient, true)?, wording.patient.as_str()),
        FixKind::ColleagueRole => {
            (name_to_role(text, start, end, &wording.colleague, false)?, wording.colleague.as_str())
        }
        FixKind::Disclaimer => (disclaimer(text, &policy.disclaimer_text), policy.disclaimer_text.as_str()),
        FixKind::SpeakUp => (speak_up(text, start, end, &wording.speak_up), ""),
    };
    let label = match info.label.split_once("{text}") {
        Some((before, after)) => [before, replacement, after].concat(),
        None => info.label.to_string(),
    };
    Some(Fix { label, edits: vec![edit] })
}

/// Masks the identifier in `start..end`: the words holding a digit or `@`, from the first such word to
/// the last, keeping spaces and punctuation between them; letters and digits become `•`.
fn mask(text: &str, start: usize, end: usize) -> Option<Edit> {
    let span = words_in(text, start, end);
    let numeric: Vec<&Word> =
        span.iter().filter(|w| w.text.contains(|c: char| c.is_ascii_digit() || c == '@')).collect();
    let chosen = if numeric.is_empty() { span.iter().collect() } else { numeric };
    let (from, to) = (chosen.first()?.start, chosen.last()?.end);
    let masked = text[from..to].chars().map(|c| if c.is_alphanumeric() || c == '@' { '•' } else { c }).collect();
    Some(Edit { start: from, end: to, text: masked })
}

/// Masks the value a password or code cue introduces: the finding's last word ("Summer2024!"), or its
/// run of single digits ("1 9 8 4"). Every character but closing punctuation goes, symbols included:
/// they are part of the secret.
fn mask_value(text: &str, start: usize, end: usize) -> Option<Edit> {
    let span = words_in(text, start, end);
    let last = span.last()?;
    let digit = |w: &Word| w.text.len() == 1 && w.text.bytes().all(|b| b.is_ascii_digit());
    let first = if digit(last) { span.iter().rev().take_while(|w| digit(w)).last()? } else { last };
    let value = &text[first.start..last.end];
    let kept = value.len() - value.trim_end_matches([',', '.', ';', ':', ')', '"', '\'', '’', '”']).len();
    let to = last.end - kept;
    let masked = text[first.start..to].chars().map(|c| if c.is_whitespace() { c } else { '•' }).collect();
    Some(Edit { start: first.start, end: to, text: masked })
}

/// Deletes `start..end` with the space before it (or after it, at the start of a line), so no double
/// space or space before punctuation is left.
fn remove(text: &str, start: usize, end: usize) -> Edit {
    let before = text[..start].len() - text[..start].trim_end_matches([' ', '\t']).len();
    let after = text[end..].len() - text[end..].trim_start_matches([' ', '\t']).len();
    let next = text[end..].chars().next();
    let (from, to) = if before > 0 && (after > 0 || next.is_none_or(|c| !c.is_alphanumeric())) {
        (start - before, end)
    } else {
        (start, end + after)
    };
    Edit { start: from, end: to, text: String::new() }
}

/// Removes where a patient lies: from the first preposition ("in", "on", "at") or place word in the
/// finding, through any further places chained after it ("in bay 4 bed 2 on Ward 7").
fn drop_place(text: &str, start: usize, end: usize) -> Option<Edit> {
    let span = words_in(text, start, end);
    let first = span.iter().position(|w| is_preposition(w.text) || is_place_word(w.text))?;
    let mut to = span.last()?.end;
    // Chained places after the finding: "…bed 2 on Ward 7", "…bed 2, side room 3".
    let after = words_in(text, to, text.len());
    let mut i = 0;
    while i < after.len() {
        let gap = &text[to..after[i].start];
        if !gap.chars().all(|c| c == ' ' || c == ',') {
            break;
        }
        let mut k = i;
        if is_preposition(after[k].text) {
            k += 1;
        }
        let Some(place) = after.get(k).filter(|w| is_place_word(w.text)) else { break };
        let label = after.get(k + 1).filter(|w| w.text.chars().any(|c| c.is_ascii_digit()) || capitalised(w.text));
        to = label.map_or(place.end, |w| w.end);
        i = k + usize::from(label.is_some()) + 1;
    }
    Some(remove(text, span[first].start, to))
}

fn is_preposition(word: &str) -> bool {
    matches!(word.to_ascii_lowercase().as_str(), "in" | "on" | "at" | "from")
}

/// Replaces the name in the finding by `role`, capitalised at the start of a sentence. The name is the
/// finding's last run of capitalised words, continued past its end ("Mr Ahmed" → "Mr Ahmed Khan");
/// a colleague's must open the claim ("Dr Smith is a fraud"). For a patient, the words that introduce
/// the name go too ("my patient Doris", "the lady called Gallagher"), or the role would be said twice.
fn name_to_role(text: &str, start: usize, end: usize, role: &str, patient: bool) -> Option<Edit> {
    let span = words_in(text, start, end);
    let last = span.iter().rposition(|w| capitalised(w.text))?;
    let mut at = last;
    while at > 0
        && capitalised(span[at - 1].text)
        && !ends_clause(span[at - 1].text)
        && adjacent(text, &span[at - 1], &span[at])
    {
        at -= 1;
    }
    if !patient && at != 0 {
        return None; // a claim whose subject is not a name ("our manager covers up") has none to replace
    }
    let mut from = span[at].start;
    let mut to = span[last].end;
    if !ends_clause(span[last].text) {
        for w in words_in(text, to, text.len()) {
            if !text[to..w.start].chars().all(|c| c == ' ') || !capitalised(w.text) {
                break;
            }
            to = w.end;
            if ends_clause(w.text) {
                break;
            }
        }
    }
    // Punctuation and a possessive stay with the sentence: "Smith's notes" → "a colleague's notes".
    let name = &text[from..to];
    to -= name.len() - name.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    for suffix in ["'s", "’s"] {
        if text[from..to].ends_with(suffix) {
            to -= suffix.len();
        }
    }
    if patient {
        let mut reach = start.saturating_sub(60).max(line_start(text, start));
        while !text.is_char_boundary(reach) {
            reach += 1;
        }
        let before = words_in(text, reach, from);
        let mut k = before.len();
        let word = |k: usize| before[k].text.to_ascii_lowercase();
        if k > 0 && matches!(word(k - 1).as_str(), "called" | "named") {
            k -= 1;
        }
        if k > 0 && is_person_noun(before[k - 1].text) {
            k -= 1;
            if k > 0 && matches!(word(k - 1).as_str(), "the" | "a" | "an" | "our" | "my" | "this" | "that") {
                k -= 1;
            }
        }
        if let Some(w) = before.get(k) {
            from = w.start;
        }
    }
    Some(Edit { start: from, end: to, text: at_sentence_start(text, from, role) })
}

/// Whether a word ends a clause ("Khan," "Smith."), so a name cannot run on past it. An initial
/// ("J.") does not: "Mr J. Smith" is one name.
fn ends_clause(word: &str) -> bool {
    let initial = word.len() == 2 && word.starts_with(|c: char| c.is_ascii_uppercase()) && word.ends_with('.');
    !initial && word.ends_with([',', '.', ';', ':', '!', '?', ')'])
}

/// Whether two words are separated by spaces only.
fn adjacent(text: &str, a: &Word, b: &Word) -> bool {
    text[a.end..b.start].chars().all(|c| c == ' ')
}

/// Appends the disclaimer after the last non-space character, with a full stop first if the post ends
/// mid-sentence.
fn disclaimer(text: &str, wording: &str) -> Edit {
    let at = text.trim_end().len();
    let last = text[..at].chars().next_back();
    let joint = match last {
        None => "",
        Some(c) if c.is_alphanumeric() => ". ",
        Some(_) => " ",
    };
    Edit { start: at, end: at, text: [joint, wording].concat() }
}

/// Replaces the sentence holding `start..end` (with its closing punctuation) by `wording`.
fn speak_up(text: &str, start: usize, end: usize, wording: &str) -> Edit {
    let (s, e) = sentence(text, start, end);
    let s = s + (text[s..].len() - text[s..].trim_start().len()).min(e - s);
    let closing = text[e..].len() - text[e..].trim_start_matches(['.', '!', '?']).len();
    Edit { start: s, end: e + closing, text: at_sentence_start(text, s, wording) }
}

/// Byte where the line holding `at` starts.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// `wording` with its first letter capitalised when `at` starts a sentence. ASCII only: the wordings
/// are English, and Unicode's case tables would cost the download more than they could ever add.
fn at_sentence_start(text: &str, at: usize, wording: &str) -> String {
    let before = text[..at].trim_end();
    let starts = before.is_empty() || before.ends_with(['.', '!', '?', ':']) || text[before.len()..at].contains('\n');
    let mut out = wording.to_string();
    if starts {
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_uppercase();
        }
    }
    out
}

#[cfg(test)]
mod tests;
