//! What can go wrong loading rules: a file that cannot be read, and mistakes in rule files,
//! each labelled at the exact bytes of the YAML.

use crate::document::ReadError;
use miette::{Diagnostic, NamedSource, SourceSpan};

/// A mistake in a rule file, labelled at the exact bytes of the YAML.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code("factlint::rule"))]
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

/// Why rules could not be loaded.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum LoadError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Read(#[from] ReadError),

    #[error(transparent)]
    #[diagnostic(transparent)]
    Rule(Box<RuleError>),

    #[error("{count} rule file errors")]
    #[diagnostic(code("factlint::rules"))]
    Many {
        count: usize,
        #[related]
        errors: Vec<LoadError>,
    },
}
