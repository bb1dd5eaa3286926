//! factlint: lints the arithmetic of news articles.
//!
//! Data flows one way: [`document`] (read, normalize, offset map, segments) → [`figure`]
//! (grammar, intervals, units) → [`report`] (one file per output format). The library never
//! prints; the binary renders.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod document;
pub mod error;
pub mod figure;
pub mod report;

pub use document::Document;
pub use error::{Error, Result};
pub use figure::{Figure, FigureSet, ReadOptions};

/// An article read and its figures found.
#[derive(Debug, Clone)]
pub struct Article {
    pub document: Document,
    pub figures: FigureSet,
}

impl Article {
    pub fn new(path: impl Into<String>, source: String, options: &ReadOptions) -> Self {
        let document = Document::new(path, source);
        let figures = figure::read_figures(&document.text, &document.segments, options);
        Self { document, figures }
    }
}
