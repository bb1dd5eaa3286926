//! The matching text: the normalized article with every figure replaced by one placeholder
//! character for its dimension, so that rule patterns bind whole figures.

use crate::figure::Figure;
use crate::rules::pattern::placeholder;

#[derive(Debug, Clone)]
pub struct Shadow {
    pub text: String,
    /// Shadow offset of each figure's placeholder, in figure order.
    pub figure_at: Vec<usize>,
    /// (normalized end of a figure, shadow offset just after its placeholder), in order: the
    /// breakpoints of the monotone map from normalized to shadow offsets.
    breaks: Vec<(usize, usize)>,
}

impl Shadow {
    pub fn new(text: &str, figures: &[Figure]) -> Self {
        let mut out = String::with_capacity(text.len());
        let mut figure_at = Vec::with_capacity(figures.len());
        let mut breaks = Vec::with_capacity(figures.len());
        let mut last = 0;
        for f in figures {
            let start = f.span.start.max(last);
            out.push_str(&text[last..start]);
            figure_at.push(out.len());
            out.push(placeholder(f.dimension));
            last = f.span.end.max(start);
            breaks.push((last, out.len()));
        }
        out.push_str(&text[last..]);
        Self {
            text: out,
            figure_at,
            breaks,
        }
    }

    /// The shadow offset of a normalized offset that does not fall inside a figure.
    pub fn from_normalized(&self, norm: usize) -> usize {
        let i = self.breaks.partition_point(|&(end, _)| end <= norm);
        match i.checked_sub(1) {
            None => norm,
            Some(j) => {
                let (end, shadow) = self.breaks[j];
                shadow + (norm - end)
            }
        }
    }

    /// The figure whose placeholder stands at a shadow offset.
    pub fn figure(&self, shadow: usize) -> Option<usize> {
        self.figure_at.binary_search(&shadow).ok()
    }
}
