//! Maps byte offsets of the normalized text back to byte offsets of the original file.
//!
//! Normalization drops characters (wrapped line breaks, justification spaces, a BOM) and folds
//! others (full-width digits become ASCII). Every span factlint reports is a range of the
//! ORIGINAL bytes, so a label on `330.29万亿元` in the normalized text lands on
//! `330.29\n\n万亿元` in the file.

use std::ops::Range;

/// One stretch of normalized text and the original bytes it came from.
///
/// A verbatim run is a byte-for-byte copy, so offsets inside it map linearly. A replaced run
/// (a folded character, or a run of spaces collapsed to one) maps as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    norm: u32,
    orig: u32,
    norm_len: u32,
    orig_len: u32,
    verbatim: bool,
}

/// Sorted runs covering the normalized text; built by [`OffsetMapBuilder`].
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    runs: Vec<Run>,
    norm_len: usize,
    orig_len: usize,
}

impl OffsetMap {
    /// The original byte range of a normalized byte range.
    ///
    /// The start maps to the first original byte of the character at `range.start`, the end to
    /// the last original byte of the character before `range.end`; what normalization dropped in
    /// between (line breaks, spaces) is inside the result.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.original_start(range.start);
        if range.end <= range.start {
            return start..start;
        }
        let end = self.original_end(range.end).max(start);
        start..end
    }

    /// Original offset of the character that starts at normalized offset `norm`.
    pub fn original_start(&self, norm: usize) -> usize {
        if norm >= self.norm_len {
            return self.orig_len;
        }
        let run = &self.runs[self.run_index(norm)];
        if run.verbatim {
            (run.orig as usize) + (norm - run.norm as usize)
        } else {
            run.orig as usize
        }
    }

    /// Original offset just past the character that ends at normalized offset `norm`.
    pub fn original_end(&self, norm: usize) -> usize {
        if norm == 0 {
            return self.runs.first().map_or(0, |r| r.orig as usize);
        }
        let norm = norm.min(self.norm_len);
        let run = &self.runs[self.run_index(norm - 1)];
        if run.verbatim {
            (run.orig as usize) + (norm - run.norm as usize)
        } else {
            (run.orig + run.orig_len) as usize
        }
    }

    fn run_index(&self, norm: usize) -> usize {
        // The last run starting at or before `norm`.
        self.runs
            .partition_point(|r| (r.norm as usize) <= norm)
            .saturating_sub(1)
    }

    /// Length of the normalized text this map covers.
    pub fn normalized_len(&self) -> usize {
        self.norm_len
    }
}

/// Accumulates runs while the normalizer writes the normalized text.
#[derive(Debug, Default)]
pub struct OffsetMapBuilder {
    map: OffsetMap,
}

impl OffsetMapBuilder {
    pub fn new(orig_len: usize) -> Self {
        Self {
            map: OffsetMap {
                runs: Vec::new(),
                norm_len: 0,
                orig_len,
            },
        }
    }

    /// Records `len` bytes copied unchanged from original offset `orig`.
    pub fn verbatim(&mut self, orig: usize, len: usize) {
        let norm = self.map.norm_len;
        if let Some(last) = self.map.runs.last_mut() {
            if last.verbatim
                && (last.norm + last.norm_len) as usize == norm
                && (last.orig + last.orig_len) as usize == orig
            {
                last.norm_len += len as u32;
                last.orig_len += len as u32;
                self.map.norm_len += len;
                return;
            }
        }
        self.push(orig, len, len, true);
    }

    /// Records `norm_len` normalized bytes that stand for original bytes `orig..orig + orig_len`.
    pub fn replaced(&mut self, orig: usize, orig_len: usize, norm_len: usize) {
        self.push(orig, orig_len, norm_len, false);
    }

    fn push(&mut self, orig: usize, orig_len: usize, norm_len: usize, verbatim: bool) {
        if norm_len == 0 {
            return;
        }
        self.map.runs.push(Run {
            norm: self.map.norm_len as u32,
            orig: orig as u32,
            norm_len: norm_len as u32,
            orig_len: orig_len as u32,
            verbatim,
        });
        self.map.norm_len += norm_len;
    }

    pub fn finish(self) -> OffsetMap {
        self.map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_runs_merge_and_map_linearly() {
        let mut b = OffsetMapBuilder::new(10);
        b.verbatim(0, 3);
        b.verbatim(3, 2);
        b.verbatim(7, 3); // bytes 5..7 dropped
        let m = b.finish();
        assert_eq!(m.runs.len(), 2);
        assert_eq!(m.to_original(0..5), 0..5);
        assert_eq!(m.to_original(4..6), 4..8);
        assert_eq!(m.to_original(5..8), 7..10);
    }

    #[test]
    fn replaced_runs_map_as_a_whole() {
        let mut b = OffsetMapBuilder::new(7);
        b.replaced(0, 3, 1); // "１" -> "1"
        b.verbatim(3, 1);
        b.replaced(4, 3, 1); // "％" -> "%"
        let m = b.finish();
        assert_eq!(m.to_original(0..3), 0..7);
        assert_eq!(m.to_original(1..2), 3..4);
        assert_eq!(m.to_original(2..3), 4..7);
        assert_eq!(m.to_original(3..3), 7..7);
    }
}
