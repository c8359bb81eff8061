//! Detector patterns, compiled to DFAs when postguard is built rather than when it starts.
//!
//! The analyser runs in a browser service worker that is stopped and restarted all the time, and every
//! start would otherwise pay for parsing and compiling each regular expression — in WebAssembly,
//! 65–140 ms for a modest pattern set, with a regex compiler that is ~430 KB of the download (DESIGN
//! §5.7). Instead a detector declares its pattern with [`pattern!`](crate::pattern!); `build.rs` finds
//! every such declaration, compiles it with `regex-automata` into a forward and a reverse dense DFA and
//! serialises them; at run time they are deserialised (a validated, zero-copy view of static bytes) and
//! searched. The shipped code contains only the DFA search loop.
//!
//! Semantics are the `regex` crate's: leftmost-first matches, UTF-8 mode (no match splits a
//! character), and — because DFAs cannot do Unicode word boundaries and Unicode tables are slow — ASCII
//! `\b`, `\w`, `\d` (write `(?-u)` or `(?-u:\b)`). Capture groups are not available: detectors
//! re-examine the matched text, which is short.

use crate::error::Error;
use regex_automata::dfa::{dense, regex::Regex};
pub use regex_automata::util::wire::AlignAs;
use regex_automata::Input;

/// Declares a pattern compiled at build time: `pattern!(NAME, r"(?-u)\bexample\b");` creates a
/// `static NAME: Prebuilt`. `build.rs` reads the same literal from the source file, so the source here
/// is the only copy of the pattern. Names must be unique across the crate.
#[macro_export]
macro_rules! pattern {
    ($name:ident, $source:literal) => {
        #[doc = concat!("Prebuilt DFA for `", $source, "`.")]
        pub static $name: $crate::pattern::Prebuilt = $crate::pattern::Prebuilt {
            name: stringify!($name),
            source: $source,
            forward: &$crate::pattern::AlignAs {
                _align: [],
                bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/patterns/", stringify!($name), ".fwd")),
            },
            reverse: &$crate::pattern::AlignAs {
                _align: [],
                bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/patterns/", stringify!($name), ".rev")),
            },
            digit_window: include!(concat!(env!("OUT_DIR"), "/patterns/", stringify!($name), ".window")),
        };
    };
}

/// A pattern's serialised DFAs.
#[derive(Debug)]
pub struct Prebuilt {
    /// The static's name, for error messages.
    pub name: &'static str,
    /// The pattern as written.
    pub source: &'static str,
    /// Serialised forward DFA (finds where matches end).
    pub forward: &'static AlignAs<[u8], u32>,
    /// Serialised reverse DFA (finds where they start).
    pub reverse: &'static AlignAs<[u8], u32>,
    /// `Some(n)` when every match contains an ASCII digit and is at most `n` bytes long (worked out by
    /// `build.rs` from the pattern's syntax).
    pub digit_window: Option<usize>,
}

/// A ready-to-search pattern.
#[derive(Debug, Clone)]
pub struct Matcher {
    regex: Regex<dense::DFA<&'static [u32]>>,
    digit_window: Option<usize>,
}

/// One match: byte offsets into the searched text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Match<'t> {
    /// Byte offset of the first byte matched.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset just past the match.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The matched text.
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

impl Prebuilt {
    /// Deserialises the DFAs (validating them; no compilation).
    pub fn matcher(&self) -> Result<Matcher, Error> {
        let (forward, _) = dense::DFA::from_bytes(&self.forward.bytes).map_err(|e| Error::internal(self.name, e))?;
        let (reverse, _) = dense::DFA::from_bytes(&self.reverse.bytes).map_err(|e| Error::internal(self.name, e))?;
        Ok(Matcher { regex: Regex::builder().build_from_dfas(forward, reverse), digit_window: self.digit_window })
    }
}

impl Matcher {
    /// Every non-overlapping match, leftmost-first, in text order.
    ///
    /// A pattern whose matches all hold a digit and are at most `n` bytes long is searched only within
    /// `n` bytes of the text's digits: the DFA costs a table lookup per byte, the digit scan a fraction
    /// of that, and ordinary prose has few digits. The matches are the same: each lies inside one merged
    /// window, look-around sees past the window's edges, and no match crosses from one window into the
    /// next (a test compares both searches).
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Match<'t>> + 't {
        let windows: Box<dyn Iterator<Item = (usize, usize)>> = match self.digit_window {
            Some(reach) => Box::new(digit_windows(text.as_bytes(), reach)),
            None => Box::new(std::iter::once((0, text.len()))),
        };
        windows.flat_map(move |(start, end)| {
            self.regex.find_iter(Input::new(text).range(start..end)).map(move |m| Match {
                text,
                start: m.start(),
                end: m.end(),
            })
        })
    }

    /// The first match.
    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.regex.find(text).map(|m| Match { text, start: m.start(), end: m.end() })
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }
}

/// The byte ranges within `reach` bytes of a digit in `bytes`, in order; windows that would overlap are
/// merged, so no two share a byte.
fn digit_windows(bytes: &[u8], reach: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let first = at + bytes.get(at..)?.iter().position(u8::is_ascii_digit)?;
        // A later digit joins this window when its own window would overlap it.
        let mut last = first;
        let mut i = first + 1;
        while i < bytes.len() && i <= last + 2 * reach {
            if bytes[i].is_ascii_digit() {
                last = i;
            }
            i += 1;
        }
        at = i;
        Some((first.saturating_sub(reach), (last + 1 + reach).min(bytes.len())))
    })
}

#[cfg(test)]
mod tests {
    crate::pattern!(TEST_WORDS, r"(?-u)\b(?:ward|bay) ?\d+\b");

    #[test]
    fn digit_windows_cover_every_digit_and_never_overlap() {
        let text = b"ab 1 cdefghijklmnopqrstuvwxyz 22 x 3 yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy 4";
        let windows: Vec<(usize, usize)> = super::digit_windows(text, 5).collect();
        // Digits at 3; 30, 31 and 35 (one window: their reaches overlap); 71.
        assert_eq!(windows, [(0, 9), (25, 41), (66, text.len())]);
        assert!(super::digit_windows(b"no digits here", 5).next().is_none());
    }

    /// Searching near digits finds exactly what a search of the whole text finds, for every pattern
    /// that is searched that way, on the corpus and on digit-dense text made to straddle windows.
    #[test]
    fn windowed_search_finds_what_a_full_search_finds() {
        use crate::detectors::patterns_for_tests;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
        let mut texts: Vec<String> = Vec::new();
        // The development corpus and the unseen batches beside it.
        let files = [dir.clone(), dir.join("unseen")]
            .into_iter()
            .flat_map(|d| std::fs::read_dir(d).expect("corpus folder").flatten().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"));
        for path in files {
            let corpus = std::fs::read_to_string(path).expect("corpus file");
            let joined: String = corpus.lines().collect::<Vec<_>>().join("\n").to_lowercase();
            texts.push(joined);
        }
        let mut seed = 7u64;
        for _ in 0..300 {
            let mut t = String::new();
            for _ in 0..60 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let pieces = ["1", "07", " ", "-", "/", "ab", "sw1a 1aa", "aged ", " years old", "3rd march 19", "x"];
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            texts.push(t);
        }
        let mut windowed = 0;
        for prebuilt in patterns_for_tests() {
            let m = prebuilt.matcher().expect("deserialises");
            if m.digit_window.is_none() {
                continue;
            }
            windowed += 1;
            for text in &texts {
                let fast: Vec<(usize, usize)> = m.find_iter(text).map(|m| (m.start(), m.end())).collect();
                let full: Vec<(usize, usize)> =
                    m.regex.find_iter(text.as_str()).map(|m| (m.start(), m.end())).collect();
                assert_eq!(fast, full, "{}", prebuilt.name);
            }
        }
        assert!(windowed >= 6, "only {windowed} patterns are searched near digits");
    }

    #[test]
    fn prebuilt_patterns_search_like_regex() {
        let m = TEST_WORDS.matcher().expect("deserialises");
        let text = "mr x, ward 7 — bay12 and award 9 😀 bay 3";
        let found: Vec<&str> = m.find_iter(text).map(|m| m.as_str()).collect();
        assert_eq!(found, ["ward 7", "bay12", "bay 3"]);
        assert!(m.is_match("bay 1"));
        assert_eq!(m.find("in bay 4").map(|m| (m.start(), m.end())), Some((3, 8)));
    }
}
