//! The small word-level reading fixes need: words with their byte spans, capitalisation, and whether a
//! word names a place in a hospital or a person as staff refer to patients. Those vocabularies are the
//! detectors' own context classes (`data/context/`), looked up in the shipped context index, so a fix
//! removes exactly what a rule looks for and the download carries the lists once.

use crate::catalogue::{class, ContextClass};
use crate::context::ContextIndex;
use crate::normalize::Normalized;

/// A whitespace-separated word of the text, punctuation included ("Khan,").
#[derive(Debug, Clone, Copy)]
pub(super) struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// The words wholly or partly inside `start..end`, clipped to it.
pub(super) fn words_in(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut at = start;
    for piece in text[start..end].split(char::is_whitespace) {
        if !piece.is_empty() {
            out.push(Word { start: at, end: at + piece.len(), text: piece });
        }
        at += piece.len();
        // The separator: one whitespace character of whatever width.
        at += text[at..].chars().next().map_or(0, char::len_utf8);
    }
    out
}

/// Whether the word's first letter is upper case ("Khan", "O'Neill", "(Mr").
pub(super) fn capitalised(word: &str) -> bool {
    word.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)
}

/// Whether `word` is a bed space or clinical place ("bay", "bed", "ward", "resus").
pub(super) fn is_place_word(word: &str) -> bool {
    is_whole(word, &[class::BED_SPACE, class::CLINICAL_PLACE])
}

/// Whether `word` is a noun staff use for a patient ("patient", "lady", "gent").
pub(super) fn is_person_noun(word: &str) -> bool {
    is_whole(word, &[class::PERSON_NOUN])
}

/// Whether the word, without its punctuation, is wholly an entry of one of `classes`.
fn is_whole(word: &str, classes: &[ContextClass]) -> bool {
    let Ok(index) = ContextIndex::shipped() else { return false };
    let bare = Normalized::new(word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&'));
    let bare = bare.as_str();
    let hits = index.find(bare);
    classes.iter().any(|&c| hits.all(c).iter().any(|&(s, e)| s == 0 && e == bare.len()))
}
