//! Reading an article: decoding, normalizing for matching, segmenting, and mapping every
//! normalized offset back to the original bytes.

pub mod chars;
mod lines;
pub mod markup;
mod normalize;
pub mod offset_map;
pub mod ranges;
mod read;
mod segment;

pub use lines::{LineIndex, Position};
pub use markup::{Comment, Markup};
pub use normalize::{normalize, Normalized};
pub use offset_map::OffsetMap;
pub use read::{decode, read_source, ReadError};
pub use segment::{segment, Segments, Sentence};

use std::ops::Range;

/// An article as factlint sees it: the original text, its normalized view and its segments.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given on the command line (or a name for standard input).
    pub path: String,
    /// The original text, exactly as read (a BOM included).
    pub source: String,
    /// The normalized text rules match against.
    pub text: String,
    pub map: OffsetMap,
    pub segments: Segments,
    pub markup: Markup,
    /// HTML comments (and, in plain text, factlint comment lines): where suppressions live.
    pub comments: Vec<Comment>,
    /// Markdown front matter, for reading a publication date.
    pub front_matter: Option<String>,
    lines: LineIndex,
}

impl Document {
    /// A plain-text article.
    pub fn new(path: impl Into<String>, source: String) -> Self {
        Self::with_markup(path, source, Markup::Text)
    }

    /// An article in the given markup: only its prose is read, and every offset still points
    /// into `source`.
    pub fn with_markup(path: impl Into<String>, source: String, markup: Markup) -> Self {
        let prose = markup::prose(&source, markup);
        let Normalized { text, map } = normalize(prose.masked.as_deref().unwrap_or(&source));
        let segments = segment(&text);
        let lines = LineIndex::new(&source);
        Self {
            path: path.into(),
            source,
            text,
            map,
            segments,
            markup,
            comments: prose.comments,
            front_matter: prose.front_matter,
            lines,
        }
    }

    /// The original byte range of a normalized range.
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        self.map.to_original(range)
    }

    /// 1-based line and column (in Unicode scalar values) of an original byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.source, offset)
    }
}
