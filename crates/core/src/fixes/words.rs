//! The small word-level reading fixes need: words with their byte spans, capitalisation, and whether a
//! word names a place in a hospital or a person as staff refer to patients. The vocabularies are the
//! detectors' own context lists (`data/context/`), so a fix removes exactly what a rule looks for.

use crate::catalogue::CONTEXT_LISTS;
use std::sync::OnceLock;

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
    static PLACES: OnceLock<Vec<String>> = OnceLock::new();
    contains(PLACES.get_or_init(|| single_words(&["bed_space", "clinical_place"])), word)
}

/// Whether `word` is a noun staff use for a patient ("patient", "lady", "gent").
pub(super) fn is_person_noun(word: &str) -> bool {
    static PEOPLE: OnceLock<Vec<String>> = OnceLock::new();
    contains(PEOPLE.get_or_init(|| single_words(&["person_noun"])), word)
}

fn contains(list: &[String], word: &str) -> bool {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&').to_lowercase();
    list.binary_search(&bare).is_ok()
}

/// The one-word entries of the named context lists, sorted.
fn single_words(names: &[&str]) -> Vec<String> {
    let mut words: Vec<String> = CONTEXT_LISTS
        .iter()
        .filter(|(name, _)| names.contains(name))
        .flat_map(|(_, body)| crate::vocabulary_compile::entries(body))
        .filter(|w| !w.contains(' ') && !w.ends_with('*'))
        .map(str::to_lowercase)
        .collect();
    words.sort();
    words.dedup();
    words
}
