//! Byte ranges of a text.

use std::ops::Range;

/// Sorts ranges and merges those that overlap or touch (a comment split over several HTML
/// events is whole again; a prefilter's windows never overlap).
pub fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_unstable_by_key(|r| r.start);
    ranges.dedup_by(|next, kept| {
        let touches = next.start <= kept.end;
        if touches {
            kept.end = kept.end.max(next.end);
        }
        touches
    });
    ranges
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    #[test]
    fn merge_joins_overlapping_and_touching_ranges() {
        assert_eq!(
            super::merge(vec![8..12, 0..4, 4..6, 10..20]),
            vec![0..6, 8..20]
        );
    }

    /// The merge markup.rs used before this one: a stable sort, then a fold.
    fn merge_by_folding(mut ranges: Vec<std::ops::Range<usize>>) -> Vec<std::ops::Range<usize>> {
        ranges.sort_by_key(|r| r.start);
        let mut out: Vec<std::ops::Range<usize>> = Vec::new();
        for r in ranges {
            match out.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => out.push(r),
            }
        }
        out
    }

    proptest! {
        /// Ranges of one start always touch, so the order a sort leaves them in is immaterial.
        #[test]
        fn merges_as_folding_a_stable_sort_does(
            ranges in prop::collection::vec((0usize..40, 0usize..10), 0..12),
        ) {
            let ranges: Vec<_> = ranges.into_iter().map(|(s, len)| s..s + len).collect();
            prop_assert_eq!(super::merge(ranges.clone()), merge_by_folding(ranges));
        }
    }
}
