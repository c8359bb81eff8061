//! Sorting, through one instantiation of the standard library's sort.
//!
//! Why: each distinct `sort`, `sort_by` or `sort_by_key` call compiles its own copy of std's sort
//! (quicksort, small-sort networks, heapsort or merge runs, all generic over element and comparison),
//! 3–9 KB of WebAssembly each. Seven of them were 53 KB of the `.wasm`, more than any other part of the
//! code (docs/performance.md). Every sort in the core instead packs what it orders into a `u128` key,
//! with the item's index in the low bits so ties keep their order, and sorts those keys here.
//!
//! Keys use 64 bits; offsets into a text fit in 32 because the analyser reads at most
//! [`crate::analyzer::MAX_TEXT_BYTES`].

/// Sorts packed keys: the one place a sort is instantiated for the analysis path.
fn sort(keys: &mut [u128]) {
    keys.sort_unstable();
}

/// The indices of `keys` in ascending key order, equal keys in index order (a stable sort's order).
pub(crate) fn stable_order(keys: impl Iterator<Item = u64>) -> Vec<usize> {
    let mut packed: Vec<u128> = keys.enumerate().map(|(i, k)| u128::from(k) << 64 | i as u128).collect();
    sort(&mut packed);
    packed.into_iter().map(|k| k as u64 as usize).collect()
}

/// `items` reordered by `order` (from [`stable_order`]), without cloning them.
pub(crate) fn permute<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)).collect()
}

/// Sorts spans by start, then end. Spans found left to right are usually in order already (the
/// vocabulary's hits are): checking first costs one pass and saves packing and sorting.
pub(crate) fn sort_spans(spans: &mut [(usize, usize)]) {
    if spans.windows(2).all(|w| w[0] <= w[1]) {
        return;
    }
    let mut packed: Vec<u128> = spans.iter().map(|&(s, e)| u128::from(span_key(s, e)) << 64).collect();
    sort(&mut packed);
    for (span, key) in spans.iter_mut().zip(packed) {
        let key = (key >> 64) as u64;
        *span = ((key >> 32) as usize, key as u32 as usize);
    }
}

/// A span as a key that orders by start, then end.
pub(crate) fn span_key(start: usize, end: usize) -> u64 {
    debug_assert!(start <= u32::MAX as usize && end <= u32::MAX as usize, "offsets fit in 32 bits");
    (start as u64) << 32 | end as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn stable_order_matches_a_stable_sort(keys in proptest::collection::vec(0u64..8, 0..200)) {
            let mut expected: Vec<usize> = (0..keys.len()).collect();
            expected.sort_by_key(|&i| keys[i]);
            proptest::prop_assert_eq!(stable_order(keys.iter().copied()), expected);
        }

        #[test]
        fn spans_sort_by_start_then_end(mut spans in proptest::collection::vec((0usize..1 << 21, 0usize..1 << 21), 0..200)) {
            let mut expected = spans.clone();
            expected.sort_unstable();
            sort_spans(&mut spans);
            proptest::prop_assert_eq!(spans, expected);
        }
    }

    #[test]
    fn permute_moves_items_into_order() {
        let items = vec!["c".to_string(), "a".to_string(), "b".to_string()];
        let order = stable_order(items.iter().map(|s| u64::from(s.as_bytes()[0])));
        assert_eq!(permute(items, &order), ["a", "b", "c"]);
    }
}
