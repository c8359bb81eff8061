//! The vocabulary's FST unpacked into flat arrays, for walking.
//!
//! Why: the FST is the compact form the extension ships and maps for free (`vocabulary_compile.rs`),
//! but each step of a walk through it decodes a packed node, and the vocabulary walk was 40 % of all
//! analysis time (`./build.sh bench` prints where the time goes). Unpacking its ~10,000 nodes once,
//! when the analyser is first built, makes a step a short search in a few bytes instead.

use fst::raw::Fst;
use rustc_hash::FxHashMap;

/// A node: its transitions are `first..first + len` of the edge arrays, sorted by byte; the top bit
/// of `len` says an entry ends here (its output is in `finals`). Eight bytes, so a walk touches
/// little memory.
#[derive(Debug, Clone, Copy)]
struct Node {
    first: u32,
    len: u32,
}

/// The bit of [`Node::len`] that marks a final node.
const FINAL: u32 = 1 << 31;

/// The unpacked automaton. Node 0 is the root.
#[derive(Debug)]
pub(crate) struct WordTrie {
    nodes: Vec<Node>,
    /// The output added when a walk ends at a final node, by node (0 for the others).
    finals: Vec<u64>,
    /// Per edge: the byte it reads, the node it leads to and the output it adds.
    bytes: Vec<u8>,
    targets: Vec<u32>,
    outs: Vec<u64>,
    /// The root's edge on each byte (`None`: no entry starts with it), so a walk's first step, where
    /// most positions of a text stop, is one lookup.
    root: [Option<(u32, u64)>; 256],
}

impl WordTrie {
    /// Unpacks every node reachable from the FST's root.
    pub(crate) fn new<D: AsRef<[u8]>>(fst: &Fst<D>) -> Self {
        let mut trie = WordTrie {
            nodes: Vec::new(),
            finals: Vec::new(),
            bytes: Vec::new(),
            targets: Vec::new(),
            outs: Vec::new(),
            root: [None; 256],
        };
        // FST node address → node index; the FST shares suffixes, so nodes are reached more than once.
        let mut index: FxHashMap<usize, u32> = FxHashMap::default();
        let placeholder = Node { first: 0, len: 0 };
        let root = fst.root().addr();
        index.insert(root, 0);
        trie.nodes.push(placeholder);
        trie.finals.push(0);
        let mut stack = vec![root];
        while let Some(addr) = stack.pop() {
            let node = fst.node(addr);
            // `transitions` yields them in byte order, as a node's edges here must be.
            let edges: Vec<(u8, usize, u64)> = node.transitions().map(|t| (t.inp, t.addr, t.out.value())).collect();
            debug_assert!(edges.windows(2).all(|w| w[0].0 < w[1].0), "FST transitions come in byte order");
            let first = trie.bytes.len() as u32;
            for (byte, target, out) in edges {
                let next = index.len() as u32;
                let id = *index.entry(target).or_insert_with(|| {
                    stack.push(target);
                    next
                });
                if id as usize == trie.nodes.len() {
                    trie.nodes.push(placeholder);
                    trie.finals.push(0);
                }
                trie.bytes.push(byte);
                trie.targets.push(id);
                trie.outs.push(out);
            }
            let this = index[&addr] as usize;
            let len = trie.bytes.len() as u32 - first;
            trie.nodes[this] = Node { first, len: if node.is_final() { len | FINAL } else { len } };
            trie.finals[this] = node.final_output().value();
        }
        for e in trie.edges(0) {
            trie.root[usize::from(trie.bytes[e])] = Some((trie.targets[e], trie.outs[e]));
        }
        trie
    }

    /// The root's edge on `byte`: the node it leads to and the output it adds.
    #[inline]
    pub(crate) fn start(&self, byte: u8) -> Option<(u32, u64)> {
        self.root[usize::from(byte)]
    }

    /// The edge from `node` on `byte`.
    #[inline]
    pub(crate) fn step(&self, node: u32, byte: u8) -> Option<(u32, u64)> {
        let edges = self.edges(node);
        let bytes = &self.bytes[edges.clone()];
        let i =
            if bytes.len() <= 8 { bytes.iter().position(|&b| b == byte)? } else { bytes.binary_search(&byte).ok()? };
        Some((self.targets[edges.start + i], self.outs[edges.start + i]))
    }

    /// The output added when a walk ends at `node`, if an entry ends there.
    #[inline]
    pub(crate) fn final_output(&self, node: u32) -> Option<u64> {
        let n = self.nodes.get(node as usize)?;
        (n.len & FINAL != 0).then(|| self.finals.get(node as usize).copied().unwrap_or(0))
    }

    fn edges(&self, node: u32) -> std::ops::Range<usize> {
        self.nodes.get(node as usize).map_or(0..0, |n| n.first as usize..(n.first + (n.len & !FINAL)) as usize)
    }
}
