//! The abuse lexicon's own view of a draft: its words as people disguise them, undisguised.
//!
//! `normalize` already undoes disguises that change *characters* (homoglyphs, full-width and styled
//! letters, zero-width joiners), for every detector. Disguises that change *spelling* — leetspeak
//! (`1d10t`), spelled-out letters (`i d i o t`, `f.u.c.k`), a word split by a dot (`sh.it`), masking
//! (`f*cking`) — only mean something for a list of insults and slurs, and undoing them globally would
//! corrupt what other detectors need (`10am`, `A55`, `e.g.`). So this module builds a *second view*: a
//! list of [`Word`]s, each the undisguised letters of one word plus the byte range of the normalised
//! text it came from, which is the offset map back (and from there `normalize` maps to the original).
//!
//! Repeated letters (`fuuuuck`) are left in place: the lexicon compares run-length-collapsed forms, so
//! `ass` still needs two `s` and never matches the word `as`.
//!
//! Everything is linear: one pass splits the text into words, one joins spelled-out letters, and each
//! word costs time proportional to its length.

use std::borrow::Cow;

/// A leetspeak digit or symbol was read as a letter (`1d10t`, `$h!t`).
pub const LEET: u8 = 1;
/// Letters spelled out with separators were joined (`i d i o t`, `f.u.c.k`).
pub const SPACED: u8 = 2;
/// The word contains masking characters (`f*ck`, `c**t`), kept as `*`.
pub const MASKED: u8 = 4;
/// Two parts joined across one in-word separator (`sh.it`, `dick-head`).
pub const SPLIT: u8 = 8;

/// One word of the draft, undisguised. Plain words borrow their letters from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// Start byte in the normalised text.
    pub start: usize,
    /// End byte in the normalised text.
    pub end: usize,
    /// Lower-case letters with leetspeak read as letters (`1` and `|` as `i`), masks as `*`.
    pub letters: Cow<'a, str>,
    /// The same reading `1` and `|` as `l` (`bo11ocks`), when the word has either.
    pub alt: Option<String>,
    /// Which disguises were undone ([`LEET`], [`SPACED`], [`MASKED`], [`SPLIT`]).
    pub tricks: u8,
}

/// Longest gap (in bytes) between spelled-out letters that still joins them (`f . u . c . k`).
const MAX_SPACED_GAP: usize = 4;
/// Fewest spelled-out letters joined into a word: two would join `a b` in ordinary lists.
const MIN_SPACED_LETTERS: usize = 3;
/// One-letter words (`a`, `i`, `u`) that may stand before spelled-out letters and are tried without.
const MAX_LEADING_WORDS: usize = 2;

/// Splits the normalised `text` into undisguised words, in text order. Extra words for joined parts
/// (`sh.it` → `shit`) follow the parts they join and overlap them.
pub fn words(text: &str) -> Vec<Word<'_>> {
    // Spelled-out runs are joined in place: a run of n letters becomes at most three words (n ≥ 3), so
    // the write position never passes the read position and no second list of every word is built.
    let mut words = tokens(text);
    let (mut read, mut write) = (0, 0);
    while read < words.len() {
        // A run of single letters separated by short separator gaps: `i d i o t`, `f.u.c.k`.
        let mut j = read;
        // The `s` of "she's" is not a spelled-out letter.
        let after_apostrophe = |w: &Word<'_>| text[..w.start].ends_with('\'');
        while j < words.len() && is_single_letter(&words[j]) && !after_apostrophe(&words[j]) {
            if j > read && !is_spacing_gap(&text[words[j - 1].end..words[j].start]) {
                break;
            }
            j += 1;
        }
        if j - read >= MIN_SPACED_LETTERS {
            let mut joined = vec![spaced(&words[read..j])];
            // "a p r i c k", "u a b i t c h": one-letter words before the spelling are not part of it.
            for k in 1..=MAX_LEADING_WORDS {
                if j - read - k < MIN_SPACED_LETTERS || !matches!(words[read + k - 1].letters.as_ref(), "a" | "i" | "u")
                {
                    break;
                }
                joined.push(spaced(&words[read + k..j]));
            }
            for w in joined {
                words[write] = w;
                write += 1;
            }
            read = j;
            continue;
        }
        // Until the first join, every word is already in place.
        if write != read {
            words.swap(write, read);
        }
        write += 1;
        read += 1;
    }
    words.truncate(write);
    // Words split by one in-word separator: `sh.it`, `tw-at`, `arse_hole`.
    let mut joined = Vec::new();
    for pair in words.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let Some(gap) = text.get(a.end..b.start) else {
            continue;
        };
        let letters = |w: &Word<'_>| w.letters.bytes().all(|b| b.is_ascii_lowercase() || b == b'*');
        if gap.len() == 1 && matches!(gap.as_bytes()[0], b'.' | b'-' | b'_' | b'+' | b'~') && letters(a) && letters(b) {
            joined.push(Word {
                start: a.start,
                end: b.end,
                letters: Cow::Owned(format!("{}{}", a.letters, b.letters)),
                alt: None,
                tricks: SPLIT | a.tricks | b.tricks,
            });
        }
    }
    if joined.is_empty() {
        return words;
    }
    // Both lists are in order: merge them rather than sort every word again.
    let mut merged = Vec::with_capacity(words.len() + joined.len());
    let mut extra = joined.into_iter().peekable();
    for w in words {
        while let Some(j) = extra.next_if(|j| (j.start, j.end) < (w.start, w.end)) {
            merged.push(j);
        }
        merged.push(w);
    }
    merged.extend(extra);
    merged
}

/// Joins spelled-out letters into one word.
fn spaced<'a>(run: &[Word<'a>]) -> Word<'a> {
    Word {
        start: run[0].start,
        end: run[run.len() - 1].end,
        letters: Cow::Owned(run.iter().map(|w| w.letters.as_ref()).collect()),
        alt: None,
        tricks: SPACED | run.iter().fold(0, |t, w| t | w.tricks),
    }
}

fn is_single_letter(w: &Word<'_>) -> bool {
    w.letters.len() == 1 && w.letters.as_bytes()[0].is_ascii_lowercase()
}

/// A gap that spelled-out letters use: a few spaces, dots, dashes and the like, no line break.
fn is_spacing_gap(gap: &str) -> bool {
    !gap.is_empty()
        && gap.len() <= MAX_SPACED_GAP
        && gap
            .chars()
            .all(|c| matches!(c, ' ' | '.' | '-' | '_' | ',' | '+' | '~' | '/' | '\\' | '·' | '•' | '‧' | '∙'))
}

/// Characters that can be part of a word: letters, digits, leetspeak symbols and masks.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        is_ascii_word_byte(c as u8)
    } else {
        c.is_alphabetic()
    }
}

/// The ASCII part of [`is_word_char`].
const fn is_ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'@' | b'$' | b'!' | b'|' | b'*' | b'#')
}

/// Reads one leetspeak character as a letter; `None` for characters that stay as they are.
fn leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' | '!' | '|' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        _ => return None,
    })
}

/// Splits into words and reads each one: trims mention, hashtag and emphasis marks, and reads
/// leetspeak in words with at least two real letters (so road names like `A55` stay as typed), in
/// words disguised only with symbols (`a$$`, `f***`), and in single characters (parts of spelled-out
/// words).
fn tokens(text: &str) -> Vec<Word<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 6);
    let mut i = 0;
    while i < bytes.len() {
        let (word, len) = char_at(text, i);
        if !word {
            i += len;
            continue;
        }
        let start = i;
        i += len;
        while i < bytes.len() {
            let (word, len) = char_at(text, i);
            if !word {
                break;
            }
            i += len;
        }
        if let Some(w) = read(text, start, i) {
            out.push(w);
        }
    }
    out
}

/// Whether the character at byte `i` (a character boundary) is part of a word, and its length. ASCII,
/// nearly all of a draft, is one table lookup.
fn char_at(text: &str, i: usize) -> (bool, usize) {
    const ASCII_WORD: [bool; 128] = {
        let mut table = [false; 128];
        let mut b = 0;
        while b < 128 {
            table[b] = is_ascii_word_byte(b as u8);
            b += 1;
        }
        table
    };
    match text.as_bytes()[i] {
        b if b < 0x80 => (ASCII_WORD[usize::from(b)], 1),
        _ => text[i..].chars().next().map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
    }
}

fn read(text: &str, mut start: usize, mut end: usize) -> Option<Word<'_>> {
    let bytes = text.as_bytes();
    // A leading `!` or `|` may be a letter (`!d!ot`); mention, hashtag and emphasis marks are not.
    while start < end && matches!(bytes[start], b'@' | b'#' | b'*') {
        start += 1;
    }
    while end > start && matches!(bytes[end - 1], b'!' | b'|' | b'@' | b'#') {
        end -= 1;
    }
    if start == end {
        return None;
    }
    let token = &text[start..end];
    // Most words are plain lower-case letters (the text is normalised): no disguise to undo.
    if token.bytes().all(|b| b.is_ascii_lowercase()) {
        return Some(Word { start, end, letters: Cow::Borrowed(token), alt: None, tricks: 0 });
    }
    let letters = token.bytes().filter(u8::is_ascii_lowercase).count();
    let ascii = token.is_ascii();
    let single = token.chars().count() == 1;
    let digits = token.bytes().any(|b| b.is_ascii_digit());
    // `A55` and `M6` are roads, `4am` a time: digits count as letters only beside two real ones.
    if !ascii || (letters < 2 && !single && (letters == 0 || digits)) {
        return Some(Word { start, end, letters: Cow::Borrowed(token), alt: None, tricks: 0 });
    }
    let mut tricks = 0;
    let mut read = String::with_capacity(token.len());
    for c in token.chars() {
        if matches!(c, '*' | '#') {
            tricks |= MASKED;
            read.push('*');
        } else if let Some(l) = leet(c) {
            tricks |= LEET;
            read.push(l);
        } else {
            read.push(c);
        }
    }
    let alt = token
        .contains(['1', '|'])
        .then(|| token.chars().zip(read.chars()).map(|(o, r)| if matches!(o, '1' | '|') { 'l' } else { r }).collect());
    Some(Word { start, end, letters: Cow::Owned(read), alt, tricks })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalized;

    fn read_all(text: &str) -> Vec<String> {
        let n = Normalized::new(text);
        words(n.as_str()).into_iter().map(|w| w.letters.into_owned()).collect()
    }

    fn has(text: &str, word: &str) -> bool {
        read_all(text).iter().any(|w| w == word)
    }

    #[test]
    fn undoes_spelling_disguises() {
        for (text, word) in [
            ("you 1d10t", "idiot"),
            ("what a $h!t day", "shit"),
            ("i d i o t", "idiot"),
            ("f.u.c.k this", "fuck"),
            ("f . u . c . k", "fuck"),
            ("f-u-c-k-i-n-g", "fucking"),
            ("total sh.it", "shit"),
            ("dick-head", "dickhead"),
            ("f*cking", "f*cking"),
            ("#f**k", "f**k"),
            ("ＩＤＩＯＴ", "idiot"),
            ("і\u{200B}d\u{200B}і\u{200B}о\u{200B}t", "idiot"),
            ("you tw@t!!", "twat"),
            ("our reg is an !d!ot", "idiot"),
            ("she's a b i t c h", "bitch"),
            ("u a p r i c k", "prick"),
        ] {
            assert!(has(text, word), "{text}: {:?}", read_all(text));
        }
    }

    #[test]
    fn leaves_ordinary_words_alone() {
        assert_eq!(
            read_all("A55 closed at 10am, 13-hour shift"),
            ["a55", "closed", "at", "ioam", "13", "hour", "shift"]
        );
        assert_eq!(read_all("plan a or b"), ["plan", "a", "or", "b"]);
        assert!(!has("it's hit", "shit"), "an apostrophe is not an in-word separator");
    }

    #[test]
    fn keeps_offsets_into_the_normalised_text() {
        let text = "well f . u . c . k that";
        let w = words(text).into_iter().find(|w| w.letters == "fuck").expect("joined");
        assert_eq!(&text[w.start..w.end], "f . u . c . k");
        assert_ne!(w.tricks & SPACED, 0);
    }

    #[test]
    fn one_may_be_an_l() {
        let w = words("bo11ocks").pop().expect("word");
        assert_eq!(w.letters, "boiiocks");
        assert_eq!(w.alt.as_deref(), Some("bollocks"));
    }
}
