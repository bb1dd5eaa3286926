//! factlint: lints the arithmetic of news articles.
//!
//! Data flows one way: [`document`] (read, normalize, offset map, segments) → [`figure`]
//! (grammar, intervals, units) → [`article`] → [`rules`] (YAML schema, loading, compiling) →
//! [`engine`] (binding facts, evaluating checks) → [`report`] (one file per output format). The
//! library never prints; the binary renders.
//!
//! Modules import only downwards, layer by layer (`tests/architecture.rs` holds the table and
//! fails on any import up or sideways): the utilities ([`atomic`], [`parallel`], [`lazy_regex`]);
//! [`document`]; [`figure`]; [`article`]; [`value`], [`families`] and [`rules`]; [`engine`];
//! [`config`], [`report`] and [`baseline`]; [`error`], [`input`], [`lint`], [`coverage`] and
//! [`corpus`]; then this crate root and the binary. Each layer owns its errors; [`Error`] wraps
//! them.
//!
//! ```
//! use factlint::{rules::RuleSet, Article, ReadOptions};
//!
//! let rules = RuleSet::shipped().unwrap();
//! let text = "上半年，我国货物贸易进出口总值21.79万亿元。出口13万亿元，进口9.79万亿元。";
//! let article = Article::new("news.txt", text.to_string(), &ReadOptions::default());
//! let findings = factlint::check(&article, &rules);
//! assert_eq!(findings[0].rule, "exports-plus-imports");
//! assert_eq!(findings[0].labels.len(), 3);
//! ```
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod article;
pub mod atomic;
pub mod baseline;
pub mod checks;
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
pub mod value;

pub use article::Article;
pub use document::Document;
pub use error::{Error, Result};
pub use figure::{Figure, FigureSet, ReadOptions};

/// Compiles the regexes every check needs whatever its rules: the figure grammar's dates and
/// the engine's periods. A cold run calls this on a spare core while it loads its rules (about
/// a tenth of checking one article otherwise waits for them); without it each is compiled when
/// first needed.
pub fn prepare_built_ins() {
    figure::prepare_dates();
    engine::prepare_periods();
}

/// Checks an article against a rule set: the findings after the article's suppression comments
/// (as `factlint check` reports them), sorted by position.
///
/// ```
/// use factlint::{rules::RuleSet, Article, ReadOptions};
///
/// let rules = RuleSet::shipped().unwrap();
/// let wrong = "上半年，我国货物贸易进出口总值21.79万亿元。出口13万亿元，进口9.79万亿元。";
/// let article = Article::new("news.txt", wrong.to_string(), &ReadOptions::default());
/// assert_eq!(factlint::check(&article, &rules)[0].rule, "exports-plus-imports");
///
/// let text = format!("<!-- factlint-disable-next-line exports-plus-imports -- 原稿如此 -->\n{wrong}\n");
/// let article = Article::new("news.txt", text, &ReadOptions::default());
/// assert!(factlint::check(&article, &rules).is_empty());
/// ```
pub fn check(article: &Article, rules: &rules::RuleSet) -> Vec<engine::Finding> {
    let evaluations = engine::evaluate(article, rules);
    let findings = checks::findings(article, rules, &evaluations);
    checks::suppress(article, rules, findings)
}
