//! Concept classes: what lets the linear model see that two *kinds* of thing meet in one passage.
//!
//! A bag of words weighs each word alone: "chest pain" weighs the same in a teaching post as in "the
//! bloke from the chippy came in with chest pain", and "bloke" the same in a story about the author's
//! brother. What makes the second risky is a conjunction — a particular person *and* a clinical
//! detail *and* a place in one passage — which no sum of single-word weights can express. So every
//! word the teacher knows is given one of a few dozen classes (the words' teacher vectors clustered by
//! k-means: people, clinical words, places, insults, …), and shape tokens a class of their own kind
//! (a name's `#cap`, a number, a mention); a segment reads, besides its words and word pairs, every
//! ordered pair of classes within two *tokens* of each other ("the chippy", "from the", "came in",
//! "in with"; a capitalised word's `#cap` takes a slot of its own, so "told Mrs Patel" reads told →
//! mrs and told → `#cap`). The weights of a class pair are learned like any other; there are only
//! `classes²` of them, so a pattern seen in a few hundred posts carries over to words never seen
//! together, where the word pairs (kept only when seen in 24 posts) cannot. What ships is one byte per
//! word (its class) and the small class-pair table.
//!
//! Measured on validation (docs/model.md): classes of a whole passage in any order did not help
//! (16–128 classes, 0.816–0.828 against 0.822); 32 classes within two tokens did (0.826 / 0.827 over
//! two seeds), for confidentiality (0.787 → 0.807) but not disrepute (0.777 → 0.767), so they are
//! learned for confidentiality only: 0.829 shipped, consent and disrepute exactly as before.

/// Shape tokens that take a class of their own kind, in the order of their classes after the
/// clustered ones. Digit shapes share one class: how long a number is matters less than that it is one.
const SHAPES: [&[&str]; 6] =
    [&["#cap"], &["#caps"], &["#d1", "#d2", "#d3", "#d4", "#d5", "#code"], &["#at"], &["#tag"], &["#url"]];

/// Classes beyond the clustered ones: the shape kinds and emoji.
pub const RESERVED: usize = SHAPES.len() + 1;

/// A word that has no class (not known to the teacher, not a shape).
pub const NONE: u8 = u8::MAX;

/// The reserved class of a shape token or emoji, `k` being the number of clustered classes.
pub fn reserved_class(form: &str, k: usize) -> Option<u8> {
    if let Some(i) = SHAPES.iter().position(|kind| kind.contains(&form)) {
        return Some((k + i) as u8);
    }
    let first = form.chars().next()?;
    (!first.is_alphanumeric() && first != '#').then_some((k + SHAPES.len()) as u8)
}

/// The class-pair buckets of a segment read in order (`classes` per token, [`NONE`]s allowed): each
/// class followed within `window` tokens by another (ordered, `a · total + b`), each bucket once, into
/// `out` (cleared first, left sorted).
pub fn window_pairs(classes: &[u8], window: usize, total: usize, out: &mut Vec<usize>) {
    out.clear();
    each_window_pair(classes, window, total, |_, _, bucket| out.push(bucket));
    out.sort_unstable();
    out.dedup();
}

/// Calls `each(i, j, bucket)` for every occurrence of a class pair within `window` tokens (token `i`
/// before token `j`, both with a class below `total`), repeats included: what [`window_pairs`] counts
/// once, and what naming a finding's words shares out token by token.
pub fn each_window_pair(classes: &[u8], window: usize, total: usize, mut each: impl FnMut(usize, usize, usize)) {
    let known = |c: u8| c != NONE && usize::from(c) < total;
    for (i, &a) in classes.iter().enumerate().filter(|&(_, &a)| known(a)) {
        for (j, &b) in classes.iter().enumerate().skip(i + 1).take(window).filter(|&(_, &b)| known(b)) {
            each(i, j, usize::from(a) * total + usize::from(b));
        }
    }
}

/// Clusters `vectors` (one per word, all of one length) into `k` classes by spherical k-means:
/// deterministic for a given input order (the first centre is the first vector, each next one the
/// vector farthest from the centres so far), a fixed number of rounds. The trainer passes words in the
/// order training first met them, so the classes follow the order of `splits.json` and its files.
/// Returns each vector's class.
pub fn cluster(vectors: &[&[f32]], k: usize, rounds: usize) -> Vec<u8> {
    assert!(k + RESERVED <= usize::from(NONE), "too many classes for one byte");
    if vectors.is_empty() || k == 0 {
        return vec![NONE; vectors.len()];
    }
    let dims = vectors[0].len();
    let unit: Vec<Vec<f32>> = vectors.iter().map(|v| normalised(v)).collect();
    let mut centres: Vec<Vec<f32>> = vec![unit[0].clone()];
    let mut nearest: Vec<f32> = unit.iter().map(|u| dot(u, &centres[0])).collect();
    while centres.len() < k.min(unit.len()) {
        let far = nearest.iter().enumerate().min_by(|a, b| a.1.total_cmp(b.1)).map_or(0, |(i, _)| i);
        centres.push(unit[far].clone());
        let c = centres.last().map(Vec::as_slice).unwrap_or(&[]);
        nearest.iter_mut().zip(&unit).for_each(|(n, u)| *n = n.max(dot(u, c)));
    }
    let mut class = vec![0u8; unit.len()];
    for _ in 0..rounds {
        for (c, u) in class.iter_mut().zip(&unit) {
            *c = best(u, &centres);
        }
        let mut sums = vec![vec![0f32; dims]; centres.len()];
        for (&c, u) in class.iter().zip(&unit) {
            sums[usize::from(c)].iter_mut().zip(u).for_each(|(s, x)| *s += x);
        }
        for (centre, sum) in centres.iter_mut().zip(sums) {
            if sum.iter().any(|&x| x != 0.0) {
                *centre = normalised(&sum);
            }
        }
    }
    class
}

fn best(u: &[f32], centres: &[Vec<f32>]) -> u8 {
    let mut best = (0usize, f32::MIN);
    for (i, c) in centres.iter().enumerate() {
        let d = dot(u, c);
        if d > best.1 {
            best = (i, d);
        }
    }
    best.0 as u8
}

fn normalised(v: &[f32]) -> Vec<f32> {
    let n = dot(v, v).sqrt();
    if n == 0.0 {
        return v.to_vec();
    }
    v.iter().map(|x| x / n).collect()
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(a, b)| a * b).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_ordered_within_the_window_once_each() {
        let mut out = Vec::new();
        window_pairs(&[1, NONE, 2, 3, 1, 2], 2, 10, &mut out);
        // 1→2 (two apart, across the classless word), 2→3, 2→1, 3→1, 3→2, 1→2 again (once).
        assert_eq!(out, [12, 21, 23, 31, 32]);
        window_pairs(&[NONE, 4], 2, 10, &mut out);
        assert!(out.is_empty());
        window_pairs(&[4, 11], 2, 10, &mut out);
        assert!(out.is_empty(), "a class past the table is ignored");
    }

    #[test]
    fn clustering_is_deterministic_and_groups_neighbours() {
        let v: Vec<Vec<f32>> = vec![vec![1.0, 0.1], vec![0.9, 0.0], vec![0.0, 1.0], vec![0.1, 0.8], vec![-1.0, 0.0]];
        let refs: Vec<&[f32]> = v.iter().map(Vec::as_slice).collect();
        let a = cluster(&refs, 3, 5);
        assert_eq!(a, cluster(&refs, 3, 5));
        assert_eq!(a[0], a[1]);
        assert_eq!(a[2], a[3]);
        assert_ne!(a[0], a[2]);
        assert_ne!(a[4], a[0]);
        assert_ne!(a[4], a[2]);
    }

    #[test]
    fn shapes_and_emoji_have_reserved_classes() {
        assert_eq!(reserved_class("#cap", 40), Some(40));
        assert_eq!(reserved_class("#d4", 40), reserved_class("#code", 40));
        assert_eq!(reserved_class("😂", 40), Some(46));
        assert_eq!(reserved_class("nurse", 40), None);
    }
}
