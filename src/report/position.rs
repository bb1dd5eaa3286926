//! Line and column numbers in the units each output format's specification asks for: Unicode
//! characters (concise, JSON, SARIF with `columnKind: unicodeCodePoints`, GitHub), UTF-8 bytes
//! (reviewdog).

/// A 1-based position in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    /// Unicode scalar values from the line start, plus one (a BOM is not counted).
    pub column: usize,
    /// UTF-8 bytes from the line start, plus one.
    pub byte_column: usize,
}

/// Line starts of a file, for turning byte offsets into positions.
#[derive(Debug, Clone)]
pub struct Positions<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

impl<'a> Positions<'a> {
    pub fn new(source: &'a str) -> Self {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let lone_cr = b == b'\r' && bytes.get(i + 1) != Some(&b'\n');
            if b == b'\n' || lone_cr {
                starts.push(i + 1);
            }
        }
        Self { source, starts }
    }

    pub fn at(&self, offset: usize) -> Position {
        let offset = crate::document::chars::floor_char_boundary(self.source, offset);
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let prefix = &self.source[start..offset];
        Position {
            line,
            column: prefix.chars().filter(|&c| c != '\u{FEFF}').count() + 1,
            byte_column: offset - start + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_and_bytes() {
        let p = Positions::new("出口13万亿元\r\n进口8.79万亿元");
        assert_eq!(
            p.at(2 * 3),
            Position {
                line: 1,
                column: 3,
                byte_column: 7
            }
        );
        let second = "出口13万亿元\r\n".len();
        assert_eq!(p.at(second + 6).line, 2);
        assert_eq!(p.at(second + 6).column, 3);
        // Inside a character: the character's start.
        assert_eq!(p.at(1).column, 1);
    }
}
