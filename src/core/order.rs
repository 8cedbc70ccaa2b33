//! Sorting by index through one shared, non-generic comparator type.
//!
//! Every `sort_by` with its own closure and element type makes the compiler emit a whole
//! sorting algorithm; in wasm each copy costs kilobytes of download and compile time. The
//! core's sorts that run in the browser therefore sort `u32` indices with a `&dyn Fn`
//! comparator, so they all share one instance, and reorder their items afterwards.

use crate::core::model::{Dataset, FactIx};
use std::cmp::Ordering;

/// Sorts indices by `cmp`. Not stable: comparators break ties themselves (usually by index).
pub fn sort_indices(v: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    v.sort_unstable_by(|a, b| cmp(*a, *b));
}

/// The order of `len` items by `cmp`, ties broken by position (so the result is stable).
pub fn order_of(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut ix: Vec<u32> = (0..len as u32).collect();
    sort_indices(&mut ix, &|a, b| cmp(a as usize, b as usize).then(a.cmp(&b)));
    ix
}

/// Sorts `v` and drops repeated values, through the shared instance: the sort-and-dedup every
/// list of record indices needs.
pub fn sort_unique(v: &mut Vec<u32>) {
    sort_indices(v, &|a, b| a.cmp(&b));
    v.dedup();
}

/// Reorders `items` into `order` (a permutation of their positions).
pub fn permute<T>(items: Vec<T>, order: &[u32]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i as usize).and_then(Option::take))
        .collect()
}

/// Sorts `items` by `cmp`, stably, through the shared instance.
pub fn sort_by<T>(items: Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) -> Vec<T> {
    let order = order_of(items.len(), &|a, b| cmp(&items[a], &items[b]));
    permute(items, &order)
}

/// Formats a pixel coordinate with at most one decimal, by integer arithmetic: formatting a
/// float would link the float formatting machinery (about 10 KB of wasm) for SVG attributes.
pub fn px(v: f64) -> String {
    let t = (v * 10.0).round() as i64;
    let (int, frac) = (t / 10, (t % 10).abs());
    match (frac, t < 0 && int == 0) {
        (0, _) => int.to_string(),
        (_, true) => format!("-0.{frac}"),
        _ => format!("{int}.{frac}"),
    }
}

/// Facts by date, undated last (ties in dataset order): the one order of lists of facts, on
/// screen and in exports.
pub fn by_date(data: &Dataset, facts: impl Iterator<Item = FactIx>) -> Vec<FactIx> {
    let dated: Vec<(Option<(i32, i32)>, FactIx)> = facts
        .map(|f| (data.facts[f as usize].date.when.span(), f))
        .collect();
    let sorted = sort_by(dated, &|a: &(Option<(i32, i32)>, FactIx), b| {
        (a.0.is_none(), a.0, a.1).cmp(&(b.0.is_none(), b.0, b.1))
    });
    sorted.into_iter().map(|(_, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_through_indices_is_stable_and_complete() {
        let v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        let sorted = sort_by(v, &|a, b| a.0.cmp(&b.0));
        assert_eq!(sorted, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        assert_eq!(
            sort_by(Vec::<u8>::new(), &|a, b| a.cmp(b)),
            Vec::<u8>::new()
        );
        let mut v = vec![5, 1, 5, 3, 1];
        sort_unique(&mut v);
        assert_eq!(v, [1, 3, 5]);
    }

    #[test]
    fn pixels_format_like_floats_to_one_decimal() {
        for (v, s) in [
            (0.0, "0"),
            (12.0, "12"),
            (12.34, "12.3"),
            (12.36, "12.4"),
            (-0.5, "-0.5"),
            (-3.25, "-3.3"),
            (999.96, "1000"),
        ] {
            assert_eq!(px(v), s, "{v}");
        }
    }
}
