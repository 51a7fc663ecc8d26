//! One stable sort for the whole crate's cold paths.
//!
//! Every `slice::sort_by` call with its own element type or comparator
//! closure compiles the standard library's whole stable sort again (about
//! 4 KB of wasm each; the app had 25 of them). [`sort_by`] sorts positions
//! through one shared, non-generic instantiation and then moves the elements
//! into place, so each further call site costs a few hundred bytes. Same
//! result as `slice::sort_by` (stable: equal elements keep their order); a
//! little slower, so it is for rebalances and set-up, not per-record paths.

use std::cmp::Ordering;

/// Sorts `v` stably with `cmp`, like `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_positions(&mut order, &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` stably by `key`, like `v.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The one instantiation of the standard stable sort.
#[inline(never)]
fn sort_positions(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Rearranges `v` so that position `i` holds what was at `order[i]`,
/// following each cycle of the permutation once.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    #[test]
    #[allow(clippy::unnecessary_sort_by)] // the comparator form is what is tested
    fn sorts_like_the_standard_stable_sort() {
        let mut rng = ChaCha8Rng::seed_from_u64(15);
        for len in 0..200 {
            // Pairs (key, original position): equal keys must keep their order.
            let v: Vec<(u8, usize)> = (0..len).map(|i| (rng.random_range(0..8), i)).collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!(ours, std);
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| std::cmp::Reverse(x.0));
            let mut std = v;
            std.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn moves_owned_values_without_copying_or_losing_them() {
        let mut v: Vec<String> = ["d", "a", "c", "a", "b"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        sort_by(&mut v, |a, b| a.cmp(b));
        assert_eq!(v, ["a", "a", "b", "c", "d"]);
    }
}
