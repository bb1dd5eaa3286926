//! Errors the library reports: each a miette diagnostic with a code and, where it helps, a label
//! on the offending bytes and a hint.

use miette::{Diagnostic, NamedSource, SourceSpan};

#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    #[diagnostic(code(factlint::io))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("{path} is not valid UTF-8 (first invalid byte at offset {offset})")]
    #[diagnostic(
        code(factlint::encoding),
        help(
            "factlint reads UTF-8 text; convert the file first, e.g. `iconv -f GB18030 -t UTF-8`"
        )
    )]
    InvalidUtf8 { path: String, offset: usize },

    #[error("{path} is larger than {limit} MiB; factlint reads articles, not archives")]
    #[diagnostic(
        code(factlint::too_large),
        help("split the file, or raise the limit with `--max-file-size MIB`")
    )]
    TooLarge { path: String, limit: u64 },

    #[error(transparent)]
    #[diagnostic(transparent)]
    Rule(Box<RuleError>),

    #[error(transparent)]
    #[diagnostic(transparent)]
    Config(Box<crate::config::ConfigError>),

    #[error("{0}")]
    #[diagnostic(code(factlint::usage))]
    Usage(String),

    #[error("{count} rule file errors")]
    #[diagnostic(code(factlint::rules))]
    Many {
        count: usize,
        #[related]
        errors: Vec<Error>,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A mistake in a rule file, labelled at the exact bytes of the YAML.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(factlint::rule))]
pub struct RuleError {
    pub message: String,
    #[source_code]
    pub source_code: NamedSource<String>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}
