//! factlint: lints the arithmetic of news articles.
//!
//! Data flows one way: [`document`] (read, normalize, offset map, segments) → [`figure`]
//! (grammar, intervals, units) → [`rules`] (YAML schema, loading, compiling) → [`engine`]
//! (binding facts, evaluating checks) → [`report`] (one file per output format). The library
//! never prints; the binary renders.
//!
//! ```
//! use factlint::{rules::RuleSet, Article, ReadOptions};
//!
//! let rules = RuleSet::shipped().unwrap();
//! let text = "上半年，我国货物贸易进出口总值21.79万亿元。出口13万亿元，进口9.79万亿元。";
//! let article = Article::new("news.txt", text.to_string(), &ReadOptions::default());
//! let findings = factlint::check(&article, &rules);
//! assert_eq!(findings[0].rule, "trade-balance");
//! assert_eq!(findings[0].labels.len(), 3);
//! ```
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod atomic;
pub mod baseline;
pub mod config;
pub mod corpus;
pub mod coverage;
pub mod document;
pub mod engine;
pub mod error;
pub mod families;
pub mod figure;
pub mod input;
pub mod lazy_regex;
pub mod lint;
pub mod parallel;
pub mod relations;
pub mod report;
pub mod rules;
pub mod statement;

pub use document::Document;
pub use error::{Error, Result};
pub use figure::{Figure, FigureSet, ReadOptions};

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

/// Compiles the regexes every check needs whatever its rules: the figure grammar's dates and
/// the engine's periods. A cold run calls this on a spare core while it loads its rules (about
/// a tenth of checking one article otherwise waits for them); without it each is compiled when
/// first needed.
pub fn prepare_built_ins() {
    figure::prepare_dates();
    engine::prepare_periods();
}

/// Checks an article against a rule set: the findings, sorted by position.
pub fn check(article: &Article, rules: &rules::RuleSet) -> Vec<engine::Finding> {
    let evaluations = engine::evaluate(article, rules);
    findings(article, &evaluations)
}

/// The findings of an article: its rules' failed evaluations and its statements' failed
/// relations, sorted by position. A relation reporting exactly the figures a rule already
/// reports adds nothing.
pub fn findings(article: &Article, evaluations: &[engine::Evaluation]) -> Vec<engine::Finding> {
    let mut out = engine::findings(article, evaluations);
    let seen: Vec<Vec<std::ops::Range<usize>>> = out
        .iter()
        .map(|f| f.labels.iter().map(|l| l.span.clone()).collect())
        .collect();
    for f in relation_findings(article) {
        let spans: Vec<std::ops::Range<usize>> = f.labels.iter().map(|l| l.span.clone()).collect();
        if !seen.contains(&spans) {
            out.push(f);
        }
    }
    out.sort_by(|a, b| {
        a.offset()
            .cmp(&b.offset())
            .then_with(|| a.rule.cmp(&b.rule))
    });
    out.dedup();
    out
}

/// The failed relations of an article's statements, as findings on the original text.
pub fn relation_findings(article: &Article) -> Vec<engine::Finding> {
    let statements = statement::read(&article.document, &article.figures);
    let ctx = relations::Context {
        text: &article.document.text,
        figures: &article.figures,
        statements: &statements,
        year: article.year,
        year_guessed: !article.year_given,
    };
    relations::check(&ctx)
        .into_iter()
        .map(|f| engine::Finding {
            rule: f.relation.to_string(),
            severity: f.severity,
            message: f.message,
            help: f.help,
            labels: f
                .labels
                .into_iter()
                .map(|(s, message)| {
                    // The label covers the direction word before a rate (`下降2.7%`): a slip
                    // there is a slip of the figure.
                    let st = &statements.statements[s];
                    let start = st.verb.as_ref().map_or(st.span.start, |v| v.start);
                    engine::Label {
                        span: article.document.original(start..st.span.end),
                        message,
                    }
                })
                .collect(),
        })
        .collect()
}
