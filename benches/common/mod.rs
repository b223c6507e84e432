//! What every benchmark prints its timings with: medians and the 95th
//! percentile, never means (a shared machine's pauses would drag a mean).

use std::time::Duration;

/// The median, the 95th percentile (nearest rank) and the maximum of
/// `samples`; zeros when there are none.
pub fn stats(samples: &[Duration]) -> (Duration, Duration, Duration) {
    let mut v = samples.to_vec();
    v.sort();
    let Some(&max) = v.last() else {
        return Default::default();
    };
    let rank = |q: f64| v[((v.len() as f64 * q).ceil() as usize).clamp(1, v.len()) - 1];
    (rank(0.5), rank(0.95), max)
}
