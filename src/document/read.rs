//! Reading article bytes: UTF-8 or a precise error, never a lossy guess.

use crate::error::{Error, Result};
use std::path::Path;

/// Reads a file as UTF-8 text.
pub fn read_source(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    decode(&path.display().to_string(), bytes)
}

/// Decodes bytes as UTF-8, naming the first invalid byte.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path: name.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}
