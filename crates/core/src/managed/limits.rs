//! How much IT may supply: the sizes the reader accepts are the sizes the detectors accept, so a value
//! that passes validation always builds an analyser (a test builds one at exactly these limits).

/// Longest Trust name or contact, in characters.
pub const MAX_TEXT_CHARS: usize = 300;
/// Longest policy URL, in characters.
pub const MAX_URL_CHARS: usize = 2048;
/// Shortest term, in characters: one letter would match nearly every post.
pub const MIN_TERM_CHARS: usize = 2;
/// Longest term, in characters (the detectors' limit for every Trust term list).
pub const MAX_TERM_CHARS: usize = 100;
/// Compiled size limit per hospital-number pattern, in bytes: ample for real formats, fatal for
/// `(a{100}){100}` (the hospital-number detector's limit).
pub const PATTERN_SIZE_LIMIT: usize = 1 << 18;
/// Deepest nesting of groups and repetitions in a hospital-number pattern (the detector's limit).
pub const PATTERN_NEST_LIMIT: u32 = 16;

/// Most entries in a term list, after the user's additions: the limits the detectors enforce (a test
/// builds an analyser at exactly these sizes, so a change on either side is caught).
pub fn max_terms(setting: &str) -> usize {
    match setting {
        "staffProcessTerms" => 200,
        _ => 1000,
    }
}
/// Most hospital-number patterns.
pub const MAX_PATTERNS: usize = 50;
/// Longest hospital-number pattern, in characters.
pub const MAX_PATTERN_CHARS: usize = 200;
/// Most selectors in one selector list.
pub const MAX_SELECTORS: usize = 20;
/// Longest selector, in characters.
pub const MAX_SELECTOR_CHARS: usize = 500;
/// Most hosts IT may add (`extraSites`): each is a permission a person grants and a registered script.
pub const MAX_EXTRA_SITES: usize = 20;
/// Longest `extraSites[].address`, in characters.
pub const MAX_ADDRESS_CHARS: usize = 300;
