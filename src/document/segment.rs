//! Paragraphs and sentences of the normalized text.
//!
//! Paragraphs are separated by the normalizer's `\n`. Sentences end at 。！？； and their ASCII
//! forms; closing quotes and brackets after a terminator stay with the sentence (`……。”`). An
//! ASCII `.` ends a sentence only before white space and a capital, never between digits.

use super::chars::{is_closer, is_sentence_end};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Normalized byte range, terminator included.
    pub range: Range<usize>,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Segments {
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Sentence>,
}

impl Segments {
    /// The index of the sentence containing a normalized offset.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.start <= offset);
        (i > 0 && self.sentences[i - 1].range.end > offset).then(|| i - 1)
    }

    /// The index of the paragraph containing a normalized offset.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.start <= offset);
        (i > 0 && self.paragraphs[i - 1].end > offset).then(|| i - 1)
    }
}

pub fn segment(text: &str) -> Segments {
    let mut segments = Segments::default();
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\n')))
    {
        if c == '\n' {
            if i > start {
                let index = segments.paragraphs.len();
                segments.paragraphs.push(start..i);
                split_sentences(text, start..i, index, &mut segments.sentences);
            }
            start = i + 1;
        }
    }
    segments
}

fn split_sentences(text: &str, para: Range<usize>, index: usize, out: &mut Vec<Sentence>) {
    let body = &text[para.clone()];
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut start = 0;
    let mut k = 0;
    while k < chars.len() {
        let (_, c) = chars[k];
        let ends = is_sentence_end(c) || (c == '.' && ascii_period_ends(&chars, k));
        if ends {
            let mut e = k + 1;
            while e < chars.len() && (is_closer(chars[e].1) || is_sentence_end(chars[e].1)) {
                e += 1;
            }
            let end = chars.get(e).map_or(body.len(), |&(j, _)| j);
            push_trimmed(body, para.start, start..end, index, out);
            start = end;
            k = e;
        } else {
            k += 1;
        }
    }
    if start < body.len() {
        push_trimmed(body, para.start, start..body.len(), index, out);
    }
}

fn ascii_period_ends(chars: &[(usize, char)], k: usize) -> bool {
    let prev = k.checked_sub(1).map(|p| chars[p].1);
    if prev.is_some_and(|p| p.is_ascii_digit())
        && chars.get(k + 1).is_some_and(|n| n.1.is_ascii_digit())
    {
        return false;
    }
    match chars.get(k + 1) {
        None => true,
        Some(&(_, ' ')) => chars
            .get(k + 2)
            .is_some_and(|&(_, n)| n.is_uppercase() || n == '"' || n == '“' || !n.is_ascii()),
        _ => false,
    }
}

fn push_trimmed(
    body: &str,
    base: usize,
    r: Range<usize>,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let s = &body[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Sentence {
            range: base + r.start + lead..base + r.end - trail,
            paragraph,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect()
    }

    #[test]
    fn splits_at_chinese_terminators_keeping_closing_quotes() {
        assert_eq!(
            sentences("增长2.9%。“成绩实属不易。”他说；另外\n新段落"),
            vec!["增长2.9%。", "“成绩实属不易。”", "他说；", "另外", "新段落"]
        );
    }

    #[test]
    fn decimal_points_do_not_split_english() {
        assert_eq!(
            sentences("Exports rose 7.2 per cent. Imports fell 2.7%."),
            vec!["Exports rose 7.2 per cent.", "Imports fell 2.7%."]
        );
    }

    #[test]
    fn finds_sentence_and_paragraph_by_offset() {
        let text = "甲。乙。\n丙。";
        let s = segment(text);
        assert_eq!(s.paragraphs.len(), 2);
        assert_eq!(s.sentence_at(0), Some(0));
        assert_eq!(s.sentence_at("甲。".len()), Some(1));
        assert_eq!(s.paragraph_at(text.len() - 1), Some(1));
    }
}
