//! Errors the library reports: each a miette diagnostic with a code and, where it helps, a label
//! on the offending bytes and a hint.
//!
//! Each layer owns its errors (reading a file: [`ReadError`]; rules: [`LoadError`] and
//! [`RuleError`]; configuration: [`ConfigError`]; baselines: [`BaselineError`]; writing:
//! [`WriteError`]); this one wraps them, adding what only the top knows (an article too large, a
//! usage mistake). Wrapped errors render exactly as they do alone.

pub use crate::atomic::WriteError;
pub use crate::baseline::BaselineError;
pub use crate::config::ConfigError;
pub use crate::document::ReadError;
pub use crate::rules::{LoadError, RuleError};
use miette::Diagnostic;

#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum Error {
    /// A file that cannot be read, or is not UTF-8.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Read(#[from] ReadError),

    #[error(transparent)]
    #[diagnostic(transparent)]
    Write(#[from] WriteError),

    #[error("{path} is larger than {limit} MiB; factlint reads articles, not archives")]
    #[diagnostic(
        code("factlint::too_large"),
        help("split the file, or raise the limit with `--max-file-size MIB`")
    )]
    TooLarge { path: String, limit: u64 },

    /// Rules that cannot be loaded: every mistake of their files.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Rules(#[from] LoadError),

    #[error(transparent)]
    #[diagnostic(transparent)]
    Config(Box<ConfigError>),

    #[error(transparent)]
    #[diagnostic(transparent)]
    Baseline(#[from] BaselineError),

    #[error("{0}")]
    #[diagnostic(code("factlint::usage"))]
    Usage(String),
}

impl From<ConfigError> for Error {
    fn from(e: ConfigError) -> Self {
        Error::Config(Box::new(e))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
