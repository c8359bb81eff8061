//! Which spans lie inside others: asked once per candidate, so it must not cost a pass over all spans.

/// A set of byte ranges that answers "does one range contain `start..end`?" in O(log n), so a draft
/// full of allow-listed phrases and candidates is not filtered in O(phrases × candidates).
pub(crate) struct Cover {
    /// Ranges sorted by start.
    starts: Vec<usize>,
    /// For each index `i`, the largest end among ranges `0..=i`.
    max_end: Vec<usize>,
}

impl Cover {
    pub(crate) fn new(ranges: impl Iterator<Item = (usize, usize)>) -> Self {
        let mut ranges: Vec<(usize, usize)> = ranges.collect();
        crate::order::sort_spans(&mut ranges);
        let starts = ranges.iter().map(|r| r.0).collect();
        let max_end = ranges
            .iter()
            .scan(0, |max, r| {
                *max = r.1.max(*max);
                Some(*max)
            })
            .collect();
        Cover { starts, max_end }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Whether some range overlaps `start..end` (shares at least one byte with it).
    pub(crate) fn touches(&self, start: usize, end: usize) -> bool {
        // Ranges starting before `end` are a prefix; the furthest reach among them decides.
        let n = self.starts.partition_point(|&s| s < end);
        n > 0 && self.max_end[n - 1] > start
    }

    /// Whether some range `s..e` has `s <= start` and `end <= e`.
    pub(crate) fn covers(&self, start: usize, end: usize) -> bool {
        // Ranges starting at or before `start` are a prefix; the widest reach among them decides.
        let n = self.starts.partition_point(|&s| s <= start);
        n > 0 && self.max_end[n - 1] >= end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn cover_matches_a_linear_scan(
            ranges in proptest::collection::vec((0usize..100, 0usize..40), 0..40),
            probes in proptest::collection::vec((0usize..100, 0usize..40), 1..40),
        ) {
            let ranges: Vec<(usize, usize)> = ranges.into_iter().map(|(s, l)| (s, s + l)).collect();
            let cover = Cover::new(ranges.iter().copied());
            for (s, l) in probes {
                let naive = ranges.iter().any(|&(rs, re)| rs <= s && s + l <= re);
                proptest::prop_assert_eq!(cover.covers(s, s + l), naive);
                let overlapping = ranges.iter().any(|&(rs, re)| rs < s + l && s < re);
                proptest::prop_assert_eq!(cover.touches(s, s + l), overlapping);
            }
        }
    }
}
