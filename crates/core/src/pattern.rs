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
}

/// A ready-to-search pattern.
#[derive(Debug, Clone)]
pub struct Matcher {
    regex: Regex<dense::DFA<&'static [u32]>>,
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
        Ok(Matcher { regex: Regex::builder().build_from_dfas(forward, reverse) })
    }
}

impl Matcher {
    /// Every non-overlapping match, leftmost-first, in text order.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Match<'t>> + 't {
        self.regex.find_iter(text).map(move |m| Match { text, start: m.start(), end: m.end() })
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

#[cfg(test)]
mod tests {
    crate::pattern!(TEST_WORDS, r"(?-u)\b(?:ward|bay) ?\d+\b");

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
