//! Compiles word lists into the vocabulary's search form: one finite-state transducer (FST) holding every
//! distinct entry, whose value points into a table saying which lists the entry belongs to and whether it
//! matches as a prefix.
//!
//! Why an FST built ahead of time: the shipped lists hold ~5,000 entries. Compiling them into an
//! Aho-Corasick automaton took ~5 ms natively (several times that in WASM) at every service-worker start;
//! `build.rs` runs this file instead, and the analyser only unpacks the result. The same code compiles
//! IT's own lists (ward names, internal terms, allowlist) at run time, so both agree on the format.
//!
//! Format: the FST maps each entry's bytes to `offset << COUNT_BITS | count`, and `matches[offset ..
//! offset + count]` are `list << 1 | prefix`.

/// The entries of a word list: one a line, blank lines and `#` comments skipped, trimmed.
pub fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// An entry's word and whether it matches as a prefix (written with a trailing `*`: `diagnos*`).
pub fn split_prefix(entry: &str) -> (&str, bool) {
    match entry.strip_suffix('*') {
        Some(word) => (word, true),
        None => (entry, false),
    }
}

/// Bits of an FST value that hold how many (list, prefix) pairs an entry has.
pub const COUNT_BITS: u32 = 8;

/// A compiled vocabulary.
pub struct Compiled {
    /// The FST bytes (`fst::raw::Fst`).
    pub fst: Vec<u8>,
    /// `list << 1 | prefix` for every entry, grouped by entry (16 bits: at most 32,767 lists).
    pub matches: Vec<u16>,
}

/// Compiles `lists`: each a list of entries already in normal form, with whether each is a prefix
/// (written with a trailing `*`). List `i` is the `i`-th given.
pub fn compile(lists: &[Vec<(String, bool)>]) -> Result<Compiled, String> {
    let mut by_entry: std::collections::BTreeMap<&[u8], Vec<u16>> = std::collections::BTreeMap::new();
    for (list, entries) in lists.iter().enumerate() {
        let list =
            u16::try_from(list).ok().filter(|&l| l < 1 << 15).ok_or_else(|| "too many word lists".to_string())?;
        for (entry, prefix) in entries {
            if entry.is_empty() {
                continue;
            }
            let code = list << 1 | u16::from(*prefix);
            let codes = by_entry.entry(entry.as_bytes()).or_default();
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
    }
    let mut builder = fst::raw::Builder::memory();
    let mut matches = Vec::new();
    for (entry, codes) in by_entry {
        if codes.len() >= 1 << COUNT_BITS {
            return Err(format!("entry {:?} is in too many lists", String::from_utf8_lossy(entry)));
        }
        let value = (matches.len() as u64) << COUNT_BITS | codes.len() as u64;
        builder.insert(entry, value).map_err(|e| e.to_string())?;
        matches.extend(codes);
    }
    Ok(Compiled { fst: builder.into_inner().map_err(|e| e.to_string())?, matches })
}
