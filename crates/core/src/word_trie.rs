//! The vocabulary as a trie in flat arrays, for walking from word starts.
//!
//! Why a plain trie, built when the analyser starts: the shipped word lists travel as sorted text
//! (`vocabulary_compile.rs` says why), and a trie is built from sorted entries in one linear pass,
//! about a millisecond for the ~4,000 shipped entries (an FST, which also shares suffixes, took four).
//! Flat arrays with eight-byte nodes keep a step of the walk to a short search in a few bytes; the
//! vocabulary walk is a large share of all analysis time (`./build.sh bench` prints where it goes).

/// A node: its edges are `first..first + len` of the edge arrays, sorted by byte; the top bit of `len`
/// says an entry ends here (its value is in `values`).
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    first: u32,
    len: u32,
}

/// The bit of [`Node::len`] that marks a node where an entry ends.
const FINAL: u32 = 1 << 31;

/// The trie. Node 0 is the root; no edge leads back to it, so 0 also means "no node" in `root`.
#[derive(Debug)]
pub(crate) struct WordTrie {
    nodes: Vec<Node>,
    /// The value of the entry ending at each node (0 where none does).
    values: Vec<u32>,
    /// Per edge: the byte it reads and the node it leads to.
    bytes: Vec<u8>,
    targets: Vec<u32>,
    /// The root's edge on each byte (0: no entry starts with it), so a walk's first step, where most
    /// positions of a text stop, is one lookup.
    root: [u32; 256],
}

impl WordTrie {
    /// Builds the trie of `entries`: non-empty, distinct and in byte order, each with its value.
    pub(crate) fn new<'a>(entries: impl IntoIterator<Item = (&'a [u8], u32)>) -> Result<Self, String> {
        // Sorted entries create each node's children in byte order. Edges are collected as
        // (parent, byte, child) and then grouped by parent with a stable counting sort, which keeps
        // that order: linear time, no per-node allocation.
        let mut values = vec![0u32];
        let mut finals = vec![false];
        let mut edges: Vec<(u32, u8, u32)> = Vec::new();
        // `path[i]`: the node reached by the first `i` bytes of the previous entry.
        let mut path: Vec<u32> = vec![0];
        let mut previous: Option<&[u8]> = None;
        for (entry, value) in entries {
            if entry.is_empty() || previous.is_some_and(|p| p >= entry) {
                return Err(format!("entry {:?} is empty or out of byte order", String::from_utf8_lossy(entry)));
            }
            let common = previous.map_or(0, |p| p.iter().zip(entry).take_while(|(a, b)| a == b).count());
            path.truncate(common + 1);
            for &byte in &entry[common..] {
                let child = u32::try_from(values.len()).map_err(|_| "vocabulary too large".to_string())?;
                let parent = path.last().copied().unwrap_or(0);
                values.push(0);
                finals.push(false);
                edges.push((parent, byte, child));
                path.push(child);
            }
            let node = path.last().copied().unwrap_or(0) as usize;
            values[node] = value;
            finals[node] = true;
            previous = Some(entry);
        }

        let mut nodes = vec![Node::default(); values.len()];
        for &(parent, _, _) in &edges {
            nodes[parent as usize].len += 1;
        }
        let mut next = 0u32;
        for node in &mut nodes {
            node.first = next;
            next += node.len;
        }
        let mut bytes = vec![0u8; edges.len()];
        let mut targets = vec![0u32; edges.len()];
        let mut filled = vec![0u32; nodes.len()];
        for &(parent, byte, child) in &edges {
            let slot = (nodes[parent as usize].first + filled[parent as usize]) as usize;
            filled[parent as usize] += 1;
            bytes[slot] = byte;
            targets[slot] = child;
        }
        for (node, &last) in nodes.iter_mut().zip(&finals) {
            if last {
                node.len |= FINAL;
            }
        }
        let mut trie = WordTrie { nodes, values, bytes, targets, root: [0; 256] };
        for e in trie.edges(0) {
            trie.root[usize::from(trie.bytes[e])] = trie.targets[e];
        }
        Ok(trie)
    }

    /// The node the root's edge on `byte` leads to.
    #[inline]
    pub(crate) fn start(&self, byte: u8) -> Option<u32> {
        Some(self.root[usize::from(byte)]).filter(|&n| n != 0)
    }

    /// The node the edge from `node` on `byte` leads to.
    #[inline]
    pub(crate) fn step(&self, node: u32, byte: u8) -> Option<u32> {
        let edges = self.edges(node);
        let bytes = &self.bytes[edges.clone()];
        let i =
            if bytes.len() <= 8 { bytes.iter().position(|&b| b == byte)? } else { bytes.binary_search(&byte).ok()? };
        Some(self.targets[edges.start + i])
    }

    /// The value of the entry ending at `node`, if one does.
    #[inline]
    pub(crate) fn value(&self, node: u32) -> Option<u32> {
        let n = self.nodes.get(node as usize)?;
        (n.len & FINAL != 0).then(|| self.values.get(node as usize).copied().unwrap_or(0))
    }

    fn edges(&self, node: u32) -> std::ops::Range<usize> {
        self.nodes.get(node as usize).map_or(0..0, |n| n.first as usize..(n.first + (n.len & !FINAL)) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value of `word` when walked from the root, as the analyser walks.
    fn lookup(trie: &WordTrie, word: &[u8]) -> Option<u32> {
        let (&first, rest) = word.split_first()?;
        let mut node = trie.start(first)?;
        for &b in rest {
            node = trie.step(node, b)?;
        }
        trie.value(node)
    }

    proptest::proptest! {
        #[test]
        fn finds_exactly_its_entries(
            words in proptest::collection::btree_set(proptest::collection::vec(b'a'..b'e', 1..6), 0..60),
            probes in proptest::collection::vec(proptest::collection::vec(b'a'..b'e', 1..7), 0..60),
        ) {
            let entries: Vec<(&[u8], u32)> = words.iter().enumerate().map(|(i, w)| (w.as_slice(), i as u32 + 1)).collect();
            let trie = WordTrie::new(entries.iter().copied()).expect("sorted entries build");
            for (word, value) in &entries {
                proptest::prop_assert_eq!(lookup(&trie, word), Some(*value));
            }
            for probe in &probes {
                let expected = entries.iter().find(|(w, _)| *w == probe.as_slice()).map(|e| e.1);
                proptest::prop_assert_eq!(lookup(&trie, probe), expected);
            }
        }
    }

    #[test]
    fn refuses_unsorted_duplicate_or_empty_entries() {
        assert!(WordTrie::new([(&b"b"[..], 1), (&b"a"[..], 2)]).is_err());
        assert!(WordTrie::new([(&b"a"[..], 1), (&b"a"[..], 2)]).is_err());
        assert!(WordTrie::new([(&b""[..], 1)]).is_err());
    }
}
