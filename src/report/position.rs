//! Line and column numbers in the units each output format's specification asks for: Unicode
//! characters (concise, JSON, SARIF with `columnKind: unicodeCodePoints`, GitHub), UTF-8 bytes
//! (reviewdog). The numbers come from [`LineIndex`], the document's one line index.

use crate::document::LineIndex;
pub use crate::document::Position;

/// A file's line index, for turning its byte offsets into positions.
#[derive(Debug, Clone)]
pub struct Positions<'a> {
    source: &'a str,
    lines: LineIndex,
}

impl<'a> Positions<'a> {
    pub fn new(source: &'a str) -> Self {
        Self {
            source,
            lines: LineIndex::new(source),
        }
    }

    pub fn at(&self, offset: usize) -> Position {
        self.lines.position(self.source, offset)
    }
}
