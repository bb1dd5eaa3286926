//! Reading article bytes: UTF-8 or a precise error, never a lossy guess.

use miette::Diagnostic;
use std::path::Path;

/// A file that could not be read as text.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum ReadError {
    #[error("cannot read {path}: {source}")]
    #[diagnostic(code("factlint::io"))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("{path} is not valid UTF-8 (first invalid byte at offset {offset})")]
    #[diagnostic(
        code("factlint::encoding"),
        help(
            "factlint reads UTF-8 text; convert the file first, e.g. `iconv -f GB18030 -t UTF-8`"
        )
    )]
    InvalidUtf8 { path: String, offset: usize },
}

/// Reads a file as UTF-8 text.
pub fn read_source(path: &Path) -> Result<String, ReadError> {
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        path: path.display().to_string(),
        source,
    })?;
    decode(&path.display().to_string(), bytes)
}

/// Decodes bytes as UTF-8, naming the first invalid byte.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, ReadError> {
    String::from_utf8(bytes).map_err(|e| ReadError::InvalidUtf8 {
        path: name.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}
