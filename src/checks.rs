//! The findings of an article: its rules' failed evaluations and its statements' failed
//! relations, merged and sorted. The one place both kinds of check meet, above the engine and
//! the relations.

use crate::article::Article;
use crate::engine::{self, Evaluation, Finding, Label};
use crate::relations;
use crate::statement;
use std::ops::Range;

/// The findings of an article, sorted by position, before suppressions. A relation reporting
/// exactly the figures a rule already reports adds nothing.
pub fn findings(article: &Article, evaluations: &[Evaluation]) -> Vec<Finding> {
    let mut out = engine::findings(article, evaluations);
    let seen: Vec<Vec<Range<usize>>> = out
        .iter()
        .map(|f| f.labels.iter().map(|l| l.span.clone()).collect())
        .collect();
    for f in relation_findings(article) {
        let spans: Vec<Range<usize>> = f.labels.iter().map(|l| l.span.clone()).collect();
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

/// The statements of an article, read once.
pub fn statements(article: &Article) -> statement::Statements {
    statement::read(&article.document, &article.figures)
}

/// The failed relations of an article's statements, as findings on the original text.
pub fn relation_findings(article: &Article) -> Vec<Finding> {
    let statements = statements(article);
    let ctx = relations::Context {
        text: &article.document.text,
        figures: &article.figures,
        statements: &statements,
        year: article.year,
        year_guessed: !article.year_given,
    };
    relations::check(&ctx)
        .into_iter()
        .map(|f| Finding {
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
                    Label {
                        span: article.document.original(start..st.span.end),
                        message,
                    }
                })
                .collect(),
        })
        .collect()
}
