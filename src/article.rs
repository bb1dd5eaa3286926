//! An article: a document read and its figures found, with the year it was published.

use crate::document::{self, Document};
use crate::figure::{self, FigureSet, ReadOptions};

/// An article read and its figures found.
#[derive(Debug, Clone)]
pub struct Article {
    pub document: Document,
    pub figures: FigureSet,
    /// The year of publication: given, or the year the article mentions most (ties go to the
    /// later year); `None` when it mentions none.
    pub year: Option<i32>,
    /// Whether the year was given (`--date`, configuration, front matter) rather than guessed.
    pub year_given: bool,
}

impl Article {
    /// A plain-text article.
    pub fn new(path: impl Into<String>, source: String, options: &ReadOptions) -> Self {
        Self::from_document(Document::new(path, source), options)
    }

    /// An article in Markdown, HTML or plain text.
    pub fn with_markup(
        path: impl Into<String>,
        source: String,
        markup: document::Markup,
        options: &ReadOptions,
    ) -> Self {
        Self::from_document(Document::with_markup(path, source, markup), options)
    }

    pub fn from_document(document: Document, options: &ReadOptions) -> Self {
        let figures = figure::read_figures(&document.text, &document.segments, options);
        let year = options
            .publication_year
            .or_else(|| most_mentioned_year(&figures));
        Self {
            document,
            figures,
            year,
            year_given: options.publication_year.is_some(),
        }
    }
}

/// The year the figures' dates mention most often (ties go to the later year).
fn most_mentioned_year(figures: &FigureSet) -> Option<i32> {
    let mut counts: std::collections::BTreeMap<u32, usize> = std::collections::BTreeMap::new();
    for d in &figures.dates {
        if let Some(y) = d.year {
            *counts.entry(y).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(year, n)| (n, year))
        .and_then(|(year, _)| i32::try_from(year).ok())
}
