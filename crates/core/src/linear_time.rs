//! Test support: a check that work grows in proportion to its input, not faster.

use std::time::Duration;

/// Fails unless `time(8 × small)` takes less than 24 times `time(small)` (linear work takes about 8
/// times as long, quadratic 64) in one of three attempts: other tests run in parallel and can stall
/// one timing, while quadratic work fails every attempt. `floor` keeps a tiny small-case time from
/// inflating the ratio.
pub(crate) fn assert_linear(time: impl Fn(usize) -> Duration, small: usize, floor: Duration) {
    let mut ratios = Vec::new();
    for _ in 0..3 {
        let short = time(small).max(floor);
        let long = time(small * 8);
        ratios.push(long.as_secs_f64() / short.as_secs_f64());
        if ratios.last().is_some_and(|&r| r < 24.0) {
            return;
        }
    }
    panic!("×8 the text took ×{ratios:.1?} in three attempts");
}
