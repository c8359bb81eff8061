//! Shared person-name and text-window heuristics for the confidentiality detectors (not a detector
//! itself).
//!
//! Detectors see the normalised, lower-cased draft, so capital letters cannot say "this is a name".
//! Instead a word counts as a name when it follows an honorific and is not a function word or a
//! clinical/office word (`data/context/not_name.txt`), or when it is a common first name
//! (`data/context/first_name.txt`). Both lists are context classes, so they are found in the same
//! single vocabulary pass as every other context word and cost nothing extra per analysis; this
//! module only asks whether a given word is exactly one of those hits.

use super::Input;
use crate::catalogue::{class, ContextClass};
use crate::context::ContextHits;

/// A word of ASCII letters (with inner apostrophes or hyphens) starting exactly at `at`, as a byte
/// range. Digits and non-ASCII letters end it.
pub fn word_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut end = at;
    while end < bytes.len() {
        let b = bytes[end];
        let inner = (b == b'\'' || b == b'-') && end > at && bytes.get(end + 1).is_some_and(u8::is_ascii_lowercase);
        if b.is_ascii_lowercase() || inner {
            end += 1;
        } else {
            break;
        }
    }
    // A word must end at a boundary: "smith2" or "josé" (non-ASCII tail) is not a clean word.
    let clean_end = bytes.get(end).is_none_or(|&b| !b.is_ascii_digit() && b < 0x80);
    (end > at && clean_end).then_some((at, end))
}

/// The word after `at`, skipping spaces (at most a few).
pub fn next_word(text: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = at;
    while i < bytes.len() && bytes[i] == b' ' && i - at < 3 {
        i += 1;
    }
    word_at(text, i)
}

/// Up to `n` bytes of `text` before `at`, starting on a character boundary.
pub fn before(text: &str, at: usize, n: usize) -> &str {
    let mut start = at.saturating_sub(n);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

/// Up to `n` bytes of `text` after `at`, ending on a character boundary.
pub fn after(text: &str, at: usize, n: usize) -> &str {
    let mut end = at.saturating_add(n).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

/// The last word of ASCII letters (with inner apostrophes or hyphens) in `s`, as a byte range of `s`.
/// Prebuilt patterns have no capture groups, so detectors take a name from the end of a match.
pub fn last_word(s: &str) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let end = bytes.iter().rposition(u8::is_ascii_lowercase)? + 1;
    let mut start = end;
    while start > 0 {
        let b = bytes[start - 1];
        let inner = (b == b'\'' || b == b'-') && start >= 2 && bytes[start - 2].is_ascii_lowercase();
        if b.is_ascii_lowercase() || inner {
            start -= 1;
        } else {
            break;
        }
    }
    Some((start, end))
}

/// Whether `gap` (the text between a cue and its value) holds only separators from `punct` and at
/// most `max_words` of the `words` allowed ("DOB: 12/03/1947", "born *on the* 3rd", "MRN *is* 123…").
pub fn gap_is_filler(gap: &str, punct: &[char], words: &[&str], max_words: usize) -> bool {
    let mut count = 0;
    for token in gap.split(|c: char| c == ' ' || punct.contains(&c)).filter(|t| !t.is_empty()) {
        if !words.contains(&token) {
            return false;
        }
        count += 1;
    }
    count <= max_words
}

/// Whether a care event (`care_event.txt`) lies within `window` bytes of `start..end`, leaving out its
/// everyday idioms: "nearly died laughing", "he admitted that …". Names stand next to both, so the
/// detectors that pair a person with a care event use this rather than a plain context lookup.
pub fn care_event_near(input: &Input<'_>, start: usize, end: usize, window: usize) -> bool {
    let hits = input.context.all(class::CARE_EVENT);
    let (lo, hi) = (start.saturating_sub(window), end.saturating_add(window));
    let first = hits.partition_point(|h| h.1 < lo);
    hits[first..].iter().take_while(|h| h.0 <= hi).any(|&h| !is_idiom(input.text, h))
}

/// A care-event word used in its everyday sense.
fn is_idiom(text: &str, (start, end): (usize, usize)) -> bool {
    let word = &text[start..end];
    // "he's", "she'd": the pronoun is what counts.
    let next = next_word(text, end).map_or("", |(s, e)| &text[s..e]).split('\'').next().unwrap_or("");
    let prev = before(text, start, 12).trim_end().rsplit(' ').next().unwrap_or("");
    match word {
        "died" => {
            matches!(next, "laughing" | "inside" | "of")
                || matches!(prev, "nearly" | "almost" | "literally" | "practically" | "basically" | "i")
        }
        "admitted" => {
            matches!(next, "he" | "she" | "they" | "that" | "it" | "i" | "we" | "you" | "being" | "defeat" | "to being")
        }
        _ => false,
    }
}

/// Whether `span` is exactly a hit of `class`.
pub fn is_hit(context: &ContextHits, class: ContextClass, span: (usize, usize)) -> bool {
    context.all(class).binary_search(&span).is_ok()
}

/// Whether the word at `span` is a common first name.
pub fn is_first_name(context: &ContextHits, span: (usize, usize)) -> bool {
    is_hit(context, class::FIRST_NAME, span)
}

/// Whether the word at `span` may be a surname after an honorific: at least two letters and not a
/// word that follows "Mr"/"Ms"/"Miss" in other senses.
pub fn may_be_surname(text: &str, context: &ContextHits, span: (usize, usize)) -> bool {
    span.1 - span.0 >= 2 && !is_hit(context, class::NOT_NAME, span) && !text[span.0..span.1].ends_with("ing")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_names() {
        let text = "mrs o'neil and doris-may smith2 went seeing";
        let hits = crate::context::ContextIndex::shipped().expect("vocabulary maps").find(text);
        let w = next_word(text, 3).expect("word");
        assert_eq!(&text[w.0..w.1], "o'neil");
        assert!(may_be_surname(text, &hits, w));
        let and = next_word(text, w.1).expect("and");
        assert!(!may_be_surname(text, &hits, and));
        let doris = text.find("doris").expect("doris");
        assert_eq!(word_at(text, doris), Some((doris, doris + 9)));
        assert!(word_at(text, text.find("smith2").expect("smith")).is_none());
        let seeing = text.find("seeing").expect("seeing");
        assert!(!may_be_surname(text, &hits, (seeing, seeing + 6)));
    }

    #[test]
    fn windows_never_split_characters() {
        let text = "aé😀b";
        for at in [0, 1, 3, 7, 8] {
            for n in 0..10 {
                let b = before(text, at, n);
                let a = after(text, at, n);
                assert!(b.len() <= n && a.len() <= n);
                assert!(text[..at].ends_with(b) && text[at..].starts_with(a));
            }
        }
    }

    #[test]
    fn last_words_and_gaps() {
        assert_eq!(last_word("mr j. o'neil"), Some((6, 12)));
        assert_eq!(last_word("my patient doris "), Some((11, 16)));
        assert_eq!(last_word("123"), None);
        assert!(gap_is_filler(": is ", &[':'], &["is"], 1));
        assert!(!gap_is_filler(" was on ", &[], &["was"], 2));
        assert!(!gap_is_filler(" is is ", &[], &["is"], 1));
    }

    #[test]
    fn care_idioms_are_not_care() {
        let index = crate::context::ContextIndex::shipped().expect("vocabulary maps");
        for (text, care) in [
            ("i nearly died laughing at karen", false),
            ("ian admitted he's never seen star wars", false),
            ("ian admitted he was wrong", false),
            ("ian was admitted overnight", true),
            ("karen died peacefully", true),
        ] {
            let hits = index.find(text);
            let input = Input { text, context: &hits };
            assert_eq!(care_event_near(&input, 0, 1, 60), care, "{text}");
        }
    }

    #[test]
    fn first_names_are_exact_words() {
        let text = "doris and dorise";
        let hits = crate::context::ContextIndex::shipped().expect("vocabulary maps").find(text);
        assert!(is_first_name(&hits, (0, 5)));
        assert!(!is_first_name(&hits, (10, 16)));
    }
}
