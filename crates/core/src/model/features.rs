//! What the learned model reads: a draft cut into segments (about a sentence each), and each segment
//! into tokens and word pairs.
//!
//! Training and scoring call the same functions here, so a token the trainer weighed is exactly the
//! token the analyser looks up. Tokens come from the *normalised* text (case, width, homoglyphs and
//! invisibles already folded; see `normalize`), with a few more folds that matter to a bag of words:
//! apostrophes dropped (`don't` → `dont`), long letter runs shortened (`stupiddd` → `stupidd`), digits
//! inside words read as letters (`b1tch`). What the words cannot say is kept as shape tokens: a number's
//! length (`#d4`), a capitalised word inside a sentence (`#cap`, usually a name), a word in capitals
//! (`#caps`), a mention (`#at`), a hashtag (`#tag`), a link (`#url`). Emoji are tokens of their own.

use crate::normalize::Normalized;
use std::borrow::Cow;
use std::ops::Range;

/// Word-pair features are hashed into this many buckets (a power of two).
pub const PAIR_BUCKETS: usize = 1 << 16;

/// How a draft is cut into segments. The model learns and marks on **passages** (sentences joined
/// until about 20 words: evidence spread over a few sentences, "Mrs Jones is back. Third time this
/// month. Poor love.", counts together), and decides whether to pause on **sentences** (joined only
/// until 6 words), so a pause rests on one thought the person can see and fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Sentences joined until about 20 words: what the model learns from and marks.
    Passage,
    /// Sentences joined only until 6 words: what a pause rests on.
    Sentence,
}

impl Reading {
    /// A segment with fewer word tokens than this is read together with the next one.
    fn min_tokens(self) -> usize {
        match self {
            Reading::Passage => 20,
            Reading::Sentence => 6,
        }
    }
}

/// A segment is cut after this many tokens, so one finding never covers a whole pasted essay.
const MAX_SEGMENT_TOKENS: usize = 60;

/// A draft's tokens with where its sentences end, read once and grouped into segments for each
/// [`Reading`] ([`Tokenized::groups`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Tokenized<'a> {
    /// Every token, in order.
    pub tokens: Vec<Token<'a>>,
    /// The index of the first token after each sentence end.
    breaks: Vec<usize>,
}

/// A token and where it stands in the normalised text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    /// The form the model looks up.
    pub form: Cow<'a, str>,
    /// First byte in the normalised text.
    pub start: usize,
    /// Byte just past it.
    pub end: usize,
    /// A shape token standing beside the word rather than for it (`#cap`, `#caps`): it takes part in
    /// the bag of tokens but not in word pairs.
    pub beside: bool,
}

/// For each token, the index of the previous token with the same [`word_hash`] (`usize::MAX` if
/// none). A token is its segment's first of its kind exactly when that index lies before the segment,
/// so counting each distinct word once per segment needs no sorting.
pub fn previous_same(hashes: &[u64]) -> Vec<usize> {
    let mut last: rustc_hash::FxHashMap<u64, usize> = Default::default();
    hashes.iter().enumerate().map(|(i, &h)| last.insert(h, i).unwrap_or(usize::MAX)).collect()
}

/// The indices of the tokens in `range` the model reads: each distinct token once, at its first
/// occurrence in the segment. Counting a word once however often it is repeated keeps "😀" × 60, or a
/// pasted list, from adding up to a finding. The score is divided by the square root of their number.
pub fn distinct(previous: &[usize], range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
    let start = range.start;
    range.filter(move |&i| previous[i] == usize::MAX || previous[i] < start)
}

/// Every distinct pair bucket of the segment `range`, in bucket order, into `out` (cleared first).
pub fn distinct_pairs(tokens: &[Token<'_>], hashes: &[u64], range: Range<usize>, out: &mut Vec<usize>) {
    out.clear();
    pairs_of(&tokens[range.clone()], &hashes[range], |b| out.push(b));
    out.sort_unstable();
    out.dedup();
}

/// The bucket of every pair of tokens next to each other (shape tokens that stand beside a word
/// excluded, a capitalised word also paired as `#cap`, so "Mrs Patel" and "Mrs Okafor" share a pair)
/// and of every pair with one word between ("told … family"), which is how people vary a phrase.
/// `hashes` are the tokens' [`word_hash`]es: each word is hashed once, for its own lookup and its
/// pairs, and a pair's bucket mixes its two words' hashes.
fn pairs_of(tokens: &[Token<'_>], hashes: &[u64], mut each: impl FnMut(usize)) {
    let cap = word_hash("#cap");
    let mut prev: Option<(u64, bool)> = None;
    let mut before_prev: Option<u64> = None;
    for (i, t) in tokens.iter().enumerate() {
        if t.beside {
            continue;
        }
        let h = hashes[i];
        let capital = tokens.get(i + 1).is_some_and(|n| n.beside && n.form == "#cap");
        if let Some((p, p_capital)) = prev {
            each(pair_bucket(p, h, NEXT));
            if capital {
                each(pair_bucket(p, cap, NEXT));
            }
            if p_capital {
                each(pair_bucket(cap, h, NEXT));
            }
        }
        if let Some(b) = before_prev {
            each(pair_bucket(b, h, SKIP));
        }
        before_prev = prev.map(|(p, _)| p);
        prev = Some((h, capital));
    }
}

/// Pair kinds: next to each other, or one word apart.
const NEXT: u64 = 0x9e37_79b9_7f4a_7c15;
const SKIP: u64 = 0xc2b2_ae3d_27d4_eb4f;

/// The shortest and longest character n-grams read inside a word.
pub const GRAM_MIN: usize = 3;
/// See [`GRAM_MIN`].
pub const GRAM_MAX: usize = 4;

/// Calls `each` with the hash of every character n-gram ([`GRAM_MIN`] to [`GRAM_MAX`] bytes) of a
/// word marked at both ends (`<word>`), the way fastText reads subwords: "stoopid", "idiotic" and
/// "c0ck-up" share pieces with the words training saw, so a typo, a stretched or slang spelling still
/// carries what its pieces carried. Shape tokens (`#cap`, `#d4`) and emoji have no pieces; words of
/// more than 24 bytes (pasted strings) neither. Returns how many pieces it read.
pub fn char_grams(form: &str, mut each: impl FnMut(u64)) -> usize {
    let b = form.as_bytes();
    if b.is_empty() || b.len() > 24 || b[0] == b'#' || !form.chars().any(char::is_alphabetic) {
        return 0;
    }
    let mut marked = [0u8; 26];
    marked[0] = b'<';
    marked[1..=b.len()].copy_from_slice(b);
    marked[b.len() + 1] = b'>';
    let marked = &marked[..b.len() + 2];
    let mut n = 0;
    for len in GRAM_MIN..=GRAM_MAX {
        for w in marked.windows(len) {
            each(word_hash_bytes(w) ^ GRAM);
            n += 1;
        }
    }
    n
}

/// Mixed into a character n-gram's hash so its bucket differs from a whole word's of the same bytes.
const GRAM: u64 = 0x6a09_e667_f3bc_c909;

/// The bucket of a character n-gram's hash in a table of `buckets` (a power of two).
pub fn gram_bucket(hash: u64, buckets: usize) -> usize {
    let mut h = hash;
    h ^= h >> 31;
    h = h.wrapping_mul(0xd6e8_feb8_6659_fd93);
    h ^= h >> 32;
    (h as usize) & (buckets - 1)
}

/// FNV-1a of a word: stable across platforms and builds, which the shipped weights depend on.
pub fn word_hash(word: &str) -> u64 {
    word_hash_bytes(word.as_bytes())
}

/// [`word_hash`] of a word's bytes.
pub fn word_hash_bytes(word: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in word {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The bucket of a pair of words (by their [`word_hash`]es) of one kind, mixed so that (a, b) and
/// (b, a) differ.
pub fn pair_bucket(a: u64, b: u64, kind: u64) -> usize {
    let mut h = a.rotate_left(17) ^ b.wrapping_mul(0xff51_afd7_ed55_8ccd) ^ kind;
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 29;
    (h as usize) & (PAIR_BUCKETS - 1)
}

/// Reads `norm` (the normalised form of `original`) into tokens, noting where sentences end.
pub fn tokenize<'a>(original: &str, norm: &'a Normalized) -> Tokenized<'a> {
    let text = norm.as_str();
    let mut tokens: Vec<Token<'a>> = Vec::new();
    let mut breaks = Vec::new();
    let mut sentence_start = true;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else { break };
        let ends_sentence =
            matches!(b, b'.' | b'!' | b'?') && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()) || b == b'\n';
        if ends_sentence {
            sentence_start = true;
            if breaks.last().is_none_or(|&l| l < tokens.len()) && !tokens.is_empty() {
                breaks.push(tokens.len());
            }
            i += 1;
            continue;
        }
        let before = tokens.len();
        let next = if starts_link(&bytes[i..]) {
            let end = text[i..].find(char::is_whitespace).map_or(text.len(), |n| i + n);
            tokens.push(Token { form: Cow::Borrowed("#url"), start: i, end, beside: false });
            end
        } else if is_word_char(c) {
            read_word(original, norm, i, sentence_start, &mut tokens)
        } else if (b == b'@' || b == b'#') && text[i + 1..].chars().next().is_some_and(is_word_char) {
            let end = word_end(text, i + 1);
            if b == b'@' {
                tokens.push(Token { form: Cow::Borrowed("#at"), start: i, end, beside: false });
                end
            } else {
                let end = read_word(original, norm, i + 1, false, &mut tokens);
                tokens.push(Token { form: Cow::Borrowed("#tag"), start: i, end, beside: true });
                end
            }
        } else if is_symbol(c) {
            let end = i + c.len_utf8();
            tokens.push(Token { form: Cow::Borrowed(&text[i..end]), start: i, end, beside: false });
            end
        } else {
            i + c.len_utf8()
        };
        if tokens.len() > before {
            sentence_start = false;
        }
        i = next.max(i + 1);
    }
    Tokenized { tokens, breaks }
}

impl Tokenized<'_> {
    /// Drops the tokens for which `drop` holds, keeping sentence ends where they were.
    pub fn remove(&mut self, drop: impl Fn(&Token<'_>) -> bool) {
        let mut kept = 0;
        let mut breaks = self.breaks.iter().copied().peekable();
        let mut new_breaks = Vec::with_capacity(self.breaks.len());
        let mut old = 0;
        self.tokens.retain(|t| {
            while breaks.peek() == Some(&old) {
                breaks.next();
                if new_breaks.last().is_none_or(|&l| l < kept) && kept > 0 {
                    new_breaks.push(kept);
                }
            }
            old += 1;
            let keep = !drop(t);
            kept += usize::from(keep);
            keep
        });
        self.breaks = new_breaks;
    }

    /// The token ranges of the segments `reading` cuts: sentences joined until they hold enough word
    /// tokens, cut at [`MAX_SEGMENT_TOKENS`]; a short tail joins the segment before it when it fits.
    pub fn groups(&self, reading: Reading) -> Vec<Range<usize>> {
        let min = reading.min_tokens();
        let mut out: Vec<Range<usize>> = Vec::new();
        let (mut start, mut words) = (0, 0);
        let ends = self.breaks.iter().copied().chain(std::iter::once(self.tokens.len()));
        let mut at = 0;
        for end in ends {
            while at < end {
                words += usize::from(!self.tokens[at].beside);
                at += 1;
                // A shape token stays with the word it stands beside.
                if at - start >= MAX_SEGMENT_TOKENS && !self.tokens.get(at).is_some_and(|t| t.beside) {
                    out.push(start..at);
                    (start, words) = (at, 0);
                }
            }
            if words >= min {
                out.push(start..at);
                (start, words) = (at, 0);
            }
        }
        if start < self.tokens.len() {
            match out.last_mut() {
                Some(last) if words < min && self.tokens.len() - last.start <= MAX_SEGMENT_TOKENS => {
                    last.end = self.tokens.len()
                }
                _ => out.push(start..self.tokens.len()),
            }
        }
        out
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\''
}

/// Pictographs and other symbols people use as words (emoji, ✔, ♥): not letters, digits, spaces or
/// ASCII punctuation. Skin-tone modifiers and joiners only decorate the emoji before them.
fn is_symbol(c: char) -> bool {
    let cp = c as u32;
    !c.is_ascii()
        && !c.is_alphanumeric()
        && !c.is_whitespace()
        && !(0x1F3FB..=0x1F3FF).contains(&cp)
        && cp != 0x200D
        && cp >= 0x2000
        && !(0x2010..=0x206F).contains(&cp)
}

fn starts_link(b: &[u8]) -> bool {
    b.starts_with(b"http://") || b.starts_with(b"https://") || b.starts_with(b"www.")
}

fn word_end(text: &str, from: usize) -> usize {
    text[from..].char_indices().find(|&(_, c)| !is_word_char(c)).map_or(text.len(), |(n, _)| from + n)
}

/// Reads the word starting at `i`, pushes its token(s), returns where it ends.
fn read_word<'a>(
    original: &str,
    norm: &'a Normalized,
    i: usize,
    sentence_start: bool,
    tokens: &mut Vec<Token<'a>>,
) -> usize {
    let text = norm.as_str();
    let end = word_end(text, i);
    let raw = &text[i..end];
    let trimmed = raw.trim_matches('\'');
    if trimmed.is_empty() {
        return end;
    }
    let start = i + (raw.len() - raw.trim_start_matches('\'').len());
    let stop = start + trimmed.len();
    let digits = trimmed.bytes().filter(u8::is_ascii_digit).count();
    let letters = trimmed.chars().filter(|c| c.is_alphabetic()).count();
    let form: Cow<'a, str> = if letters == 0 {
        Cow::Borrowed(match digits {
            1 => "#d1",
            2 => "#d2",
            3 => "#d3",
            4 => "#d4",
            _ => "#d5",
        })
    } else if digits > 0 && digits >= letters {
        Cow::Borrowed("#code")
    } else {
        fold_word(trimmed)
    };
    tokens.push(Token { form, start, end: stop, beside: false });
    if letters >= 1 && !sentence_start {
        if let Some(shape) = case_shape(original, norm, start, stop) {
            tokens.push(Token { form: Cow::Borrowed(shape), start, end: stop, beside: true });
        }
    }
    end
}

/// `#cap` for a capitalised word (a name, usually, when it is not the first of a sentence), `#caps`
/// for a word in capitals, read from how the user typed it.
fn case_shape(original: &str, norm: &Normalized, start: usize, end: usize) -> Option<&'static str> {
    let (s, e) = norm.to_original(start, end);
    let typed = original.get(s..e)?;
    let mut letters = typed.chars().filter(|c| c.is_alphabetic());
    let first = letters.next()?;
    if !first.is_uppercase() {
        return None;
    }
    // Count the letters after the first, and how many are upper and lower case, without collecting.
    let (mut rest, mut upper, mut lower) = (0, 0, 0);
    for c in letters {
        rest += 1;
        upper += usize::from(c.is_uppercase());
        lower += usize::from(c.is_lowercase());
    }
    if rest > 0 && upper == rest {
        Some("#caps")
    } else if lower == rest && !(rest == 0 && first == 'I') {
        Some("#cap")
    } else {
        None
    }
}

/// Drops apostrophes, reads digits inside a word as the letters they stand for, and shortens runs of
/// three or more of one letter to two. Borrows when nothing changes (most words).
fn fold_word(word: &str) -> Cow<'_, str> {
    let needs = word.contains('\'')
        || word.bytes().any(|b| b.is_ascii_digit())
        || word.as_bytes().windows(3).any(|w| w[0] == w[1] && w[1] == w[2]);
    if !needs {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    let mut run = (None, 0);
    for c in word.chars() {
        let c = match c {
            '\'' => continue,
            '0' => 'o',
            '1' => 'i',
            '3' => 'e',
            '4' => 'a',
            '5' => 's',
            '7' => 't',
            '8' => 'b',
            '9' => 'g',
            c => c,
        };
        run = if run.0 == Some(c) { (Some(c), run.1 + 1) } else { (Some(c), 1) };
        if run.1 <= 2 {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<Vec<String>> {
        let norm = Normalized::new(text);
        let t = tokenize(text, &norm);
        t.groups(Reading::Sentence)
            .into_iter()
            .map(|r| t.tokens[r].iter().map(|t| t.form.to_string()).collect())
            .collect()
    }

    #[test]
    fn words_shapes_and_folds() {
        assert_eq!(
            forms("Mrs Patel in bay 4 is SO rude, don't @dave me b1tch #nhs 😂 https://x.co/a stupiddd 943 476 5919"),
            vec![vec![
                "mrs", "patel", "#cap", "in", "bay", "#d1", "is", "so", "#caps", "rude", "dont", "#at", "me", "bitch",
                "nhs", "#tag", "😂", "#url", "stupidd", "#d3", "#d3", "#d4"
            ]]
        );
    }

    #[test]
    fn short_sentences_join_the_next_and_a_short_tail_joins_the_last() {
        let f = forms("Long shift. The lady in bed six keeps shouting at everyone all night. Lol.");
        assert_eq!(f.len(), 1, "{f:?}");
        let f = forms("The lady in bed six keeps shouting at everyone all night. My feet are killing me after that one today. Lol.");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[1].last().map(String::as_str), Some("lol"));
    }

    #[test]
    fn sentence_initial_capitals_are_not_names() {
        assert_eq!(forms("Lovely shift"), vec![vec!["lovely", "shift"]]);
        assert_eq!(forms("so I went"), vec![vec!["so", "i", "went"]]);
    }

    #[test]
    fn offsets_cover_the_token() {
        let text = "Well then “Dave” is back";
        let norm = Normalized::new(text);
        let dave = tokenize(text, &norm).tokens.iter().find(|t| t.form == "dave").map(|t| (t.start, t.end));
        assert_eq!(dave.map(|(a, b)| &norm.as_str()[a..b]), Some("dave"));
    }

    #[test]
    fn pairs_include_the_name_shape() {
        let text = "ask Mrs Patel";
        let norm = Normalized::new(text);
        let t = tokenize(text, &norm);
        let hashes: Vec<u64> = t.tokens.iter().map(|t| word_hash(&t.form)).collect();
        let mut got = Vec::new();
        distinct_pairs(&t.tokens, &hashes, 0..t.tokens.len(), &mut got);
        let b = |x: &str, y: &str, kind| pair_bucket(word_hash(x), word_hash(y), kind);
        assert!(got.contains(&b("mrs", "#cap", NEXT)));
        assert!(got.contains(&b("mrs", "patel", NEXT)));
        assert!(got.contains(&b("ask", "mrs", NEXT)));
        assert!(got.contains(&b("ask", "patel", SKIP)));
        assert_ne!(b("ask", "mrs", NEXT), b("mrs", "ask", NEXT));
    }

    #[test]
    fn a_word_counts_once_per_segment() {
        let hashes = [1, 2, 1, 3, 2, 1];
        let previous = previous_same(&hashes);
        assert_eq!(distinct(&previous, 0..6).collect::<Vec<_>>(), [0, 1, 3]);
        assert_eq!(distinct(&previous, 2..6).collect::<Vec<_>>(), [2, 3, 4]);
    }

    #[test]
    fn char_grams_mark_the_ends_and_skip_shapes() {
        let mut got = Vec::new();
        assert_eq!(char_grams("idiot", |h| got.push(h)), 5 + 4);
        assert!(got.contains(&(word_hash("<id") ^ GRAM)));
        assert!(got.contains(&(word_hash("iot>") ^ GRAM)));
        let mut typo = Vec::new();
        char_grams("idiott", |h| typo.push(h));
        assert!(typo.iter().filter(|h| got.contains(h)).count() >= 5, "a typo keeps most pieces");
        for none in ["#cap", "😂", "", "#d4", &"a".repeat(25)] {
            assert_eq!(char_grams(none, |_| ()), 0, "{none}");
        }
        assert!(gram_bucket(word_hash("<id"), 1024) < 1024);
    }

    #[test]
    fn hostile_text_does_not_panic() {
        for t in ["", "'", "''''", "@", "#", "@@@ ###", "http", "...!!!???", "\u{200d}\u{1F3FB}", "a'b'c'"] {
            let _ = forms(t);
        }
    }
}
