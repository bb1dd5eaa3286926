//! The matching text: the normalized article with every figure, and every year the copy
//! mentions, replaced by one placeholder character, so that rule patterns bind whole figures.

use crate::article::Article;
use crate::rules::pattern::{placeholder, YEAR_PLACEHOLDER};
use std::ops::Range;

/// What a fact can bind: a figure, or a year the copy mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    /// Index into the article's figures.
    Figure(usize),
    /// Index into the article's dates (a bare year).
    Year(usize),
}

#[derive(Debug, Clone)]
pub struct Shadow {
    pub text: String,
    /// (shadow offset of a placeholder, the item it stands for), in text order.
    items: Vec<(usize, Item)>,
    /// (normalized end of an item, shadow offset just after its placeholder): the breakpoints
    /// of the monotone map from normalized to shadow offsets.
    breaks: Vec<(usize, usize)>,
}

impl Shadow {
    pub fn new(article: &Article) -> Self {
        let text = &article.document.text;
        let mut spans: Vec<(Range<usize>, Item, char)> = article
            .figures
            .figures
            .iter()
            .enumerate()
            .map(|(i, f)| (f.span.clone(), Item::Figure(i), placeholder(f.dimension)))
            .collect();
        spans.extend(
            article
                .figures
                .dates
                .iter()
                .enumerate()
                .filter(|(_, d)| d.year.is_some() && d.month.is_none())
                .map(|(i, d)| (d.span.clone(), Item::Year(i), YEAR_PLACEHOLDER)),
        );
        spans.sort_by_key(|(span, _, _)| span.start);
        let mut out = String::with_capacity(text.len());
        let mut items = Vec::with_capacity(spans.len());
        let mut breaks = Vec::with_capacity(spans.len());
        let mut last = 0;
        for (span, item, mark) in spans {
            if span.start < last {
                continue;
            }
            out.push_str(&text[last..span.start]);
            items.push((out.len(), item));
            out.push(mark);
            last = span.end;
            breaks.push((last, out.len()));
        }
        out.push_str(&text[last..]);
        Self {
            text: out,
            items,
            breaks,
        }
    }

    /// The shadow offset of a normalized offset that does not fall inside an item.
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

    /// The shadow range covering a normalized range. A placeholder stands for its whole item, so
    /// an end inside an item moves out to the item's edge.
    pub fn covering(&self, article: &Article, norm: Range<usize>) -> Range<usize> {
        let span = |k: usize| super::item_span(article, self.items[k].1);
        // The first item ending after each end: the one that may contain it.
        let first_after = |at: usize| {
            self.items
                .partition_point(|&(_, it)| super::item_span(article, it).end <= at)
        };
        let k = first_after(norm.start);
        let start = match self.items.get(k) {
            Some(&(at, _)) if span(k).start < norm.start => at,
            _ => self.from_normalized(norm.start),
        };
        let k = first_after(norm.end);
        let end = match self.items.get(k) {
            Some(&(at, _)) if span(k).start < norm.end => {
                at + self.text[at..].chars().next().map_or(0, char::len_utf8)
            }
            _ => self.from_normalized(norm.end),
        };
        start..end.max(start)
    }

    /// The item whose placeholder stands at a shadow offset.
    pub fn item(&self, shadow: usize) -> Option<Item> {
        self.items
            .binary_search_by_key(&shadow, |&(at, _)| at)
            .ok()
            .map(|i| self.items[i].1)
    }
}
