//! The vocabulary's word lists, merged: every distinct entry with the lists it belongs to and whether it
//! matches as a prefix. The analyser walks them as a trie (`word_trie.rs`).
//!
//! The shipped lists (~5,000 entries) are normalised, merged and sorted by `build.rs`, which writes them
//! as [`to_text`]; the analyser reads that text back with [`from_text`] once per process. Why text:
//! the extension downloads the `.wasm` gzipped, and gzip shrinks sorted words to a third, while a
//! prebuilt automaton (an FST and its table, shipped until November 2026) hardly shrinks at all: 33 KB
//! gzipped against 22 KB. IT's own lists (ward names, internal terms, allowlist) are merged at run time
//! by the same [`merge`], so both agree on the format.
//!
//! An entry's codes are `list << 1 | prefix`.

use std::collections::BTreeMap;

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

/// Every distinct non-empty entry of `lists` (each entry already in normal form, with whether it is a
/// prefix, written with a trailing `*`) with its codes, in byte order. List `i` is the `i`-th given.
pub fn merge(lists: &[Vec<(String, bool)>]) -> Result<BTreeMap<&[u8], Vec<u16>>, String> {
    let mut by_entry: BTreeMap<&[u8], Vec<u16>> = BTreeMap::new();
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
    Ok(by_entry)
}

/// The shipped form of `lists` (see [`from_text`]): one line per distinct entry, in byte order, the
/// entry then a tab and its codes in decimal, separated by commas.
#[cfg_attr(not(test), allow(dead_code))] // build.rs writes the shipped vocabulary with it
pub fn to_text(lists: &[Vec<(String, bool)>]) -> Result<String, String> {
    let mut text = String::new();
    for (entry, codes) in merge(lists)? {
        let entry = std::str::from_utf8(entry).map_err(|e| e.to_string())?;
        if entry.contains(['\t', '\n']) {
            return Err(format!("entry {entry:?} holds a tab or a line break"));
        }
        let codes: Vec<String> = codes.iter().map(u16::to_string).collect();
        text.push_str(entry);
        text.push('\t');
        text.push_str(&codes.join(","));
        text.push('\n');
    }
    Ok(text)
}

/// A merged entry: its bytes in normal form and its codes.
pub type Entry<'a> = (&'a [u8], Vec<u16>);

/// The entries and codes of text written by [`to_text`], in its order.
pub fn from_text(text: &str) -> Result<Vec<Entry<'_>>, String> {
    text.lines()
        .map(|line| {
            let (entry, codes) = line.split_once('\t').ok_or_else(|| format!("line {line:?} has no codes"))?;
            let codes: Result<Vec<u16>, _> = codes.split(',').map(str::parse).collect();
            Ok((entry.as_bytes(), codes.map_err(|e| format!("line {line:?}: {e}"))?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_the_merged_lists() {
        let lists = vec![
            vec![("ward".to_string(), false), ("diagnos".to_string(), true)],
            vec![("ward".to_string(), false), ("bay".to_string(), false), (String::new(), false)],
        ];
        let text = to_text(&lists).expect("writes");
        assert_eq!(text, "bay\t2\ndiagnos\t1\nward\t0,2\n");
        let merged: Vec<Entry<'_>> = merge(&lists).expect("merges").into_iter().collect();
        assert_eq!(from_text(&text).expect("reads"), merged);
    }

    #[test]
    fn malformed_text_is_an_error() {
        assert!(from_text("ward").is_err());
        assert!(from_text("ward\tx").is_err());
    }
}
