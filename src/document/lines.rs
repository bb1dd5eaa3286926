//! Line and column numbers: the one index from byte offsets of a text to lines and columns (and
//! back), used for the original file of an article, for reports and for rule files.

/// A 1-based position in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    /// Unicode scalar values from the line start, plus one (a BOM is not counted).
    pub column: usize,
    /// UTF-8 bytes from the line start, plus one.
    pub byte_column: usize,
}

/// Start offsets of a text's lines; a line ends at `\n`, `\r\n` or a lone `\r`.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let lone_cr = b == b'\r' && bytes.get(i + 1) != Some(&b'\n');
            if b == b'\n' || lone_cr {
                starts.push(i + 1);
            }
        }
        Self { starts }
    }

    /// The position of a byte offset of `source`, the text the index was made from: an offset
    /// inside a character is that character's, one past the end is the end's.
    pub fn position(&self, source: &str, offset: usize) -> Position {
        let offset = super::chars::floor_char_boundary(source, offset);
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let prefix = &source[start..offset];
        Position {
            line,
            column: prefix.chars().filter(|&c| c != '\u{FEFF}').count() + 1,
            byte_column: offset - start + 1,
        }
    }

    /// 1-based line and column (in Unicode scalar values) of a byte offset of `source`.
    pub fn line_col(&self, source: &str, offset: usize) -> (usize, usize) {
        let p = self.position(source, offset);
        (p.line, p.column)
    }

    /// The byte offset of a 1-based line and column (in Unicode scalar values) of `source`: a
    /// line past the last is the end of the text, and a column past its line's end runs on into
    /// the lines after it.
    pub fn offset(&self, source: &str, line: usize, column: usize) -> usize {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(source.len());
        let rest = &source[start..];
        start
            + rest
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(rest.len(), |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_and_bytes() {
        let source = "出口13万亿元\r\n进口8.79万亿元";
        let p = LineIndex::new(source);
        assert_eq!(
            p.position(source, 2 * 3),
            Position {
                line: 1,
                column: 3,
                byte_column: 7
            }
        );
        let second = "出口13万亿元\r\n".len();
        assert_eq!(p.position(source, second + 6).line, 2);
        assert_eq!(p.position(source, second + 6).column, 3);
        // Inside a character: the character's start.
        assert_eq!(p.position(source, 1).column, 1);
        // A BOM takes no column.
        let bom = "\u{FEFF}出口";
        assert_eq!(LineIndex::new(bom).line_col(bom, bom.len()), (1, 3));
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let source = "a\rb\nc\r\nd";
        let index = LineIndex::new(source);
        let lines: Vec<usize> = (0..=source.len())
            .map(|at| index.position(source, at).line)
            .collect();
        assert_eq!(lines, [1, 1, 2, 2, 3, 3, 3, 4, 4]);
    }

    #[test]
    fn offsets_of_lines_and_columns_invert_positions() {
        let source = "出口13万亿元\n进口8.79万亿元\r\n\n合计";
        let index = LineIndex::new(source);
        for (at, _) in source.char_indices() {
            let (line, column) = index.line_col(source, at);
            if !matches!(source.as_bytes()[at], b'\n' | b'\r') {
                assert_eq!(index.offset(source, line, column), at, "{at}");
            }
        }
        assert_eq!(index.offset(source, 9, 1), source.len());
        assert_eq!(index.offset(source, 0, 0), 0);
        // Past a line's end: on into the next line.
        assert_eq!(index.offset(source, 1, 10), "出口13万亿元\n进".len());
    }
}
