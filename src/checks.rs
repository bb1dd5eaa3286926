//! The findings of an article: its rules' failed evaluations and its statements' failed
//! relations, merged and sorted. The one place both kinds of check meet, above the engine and
//! the relations.

use crate::article::Article;
use crate::engine::{self, Evaluation, Finding, Label};
use crate::relations;
use crate::rules::{RelationChoice, RuleSet};
use crate::statement;
use std::ops::Range;

/// The findings of an article, sorted by position, before suppressions. A relation reporting
/// exactly the figures a rule already reports adds nothing.
pub fn findings(article: &Article, rules: &RuleSet, evaluations: &[Evaluation]) -> Vec<Finding> {
    let mut out = engine::findings(article, evaluations);
    // A relation reporting the figures a rule already reports (the same figures, its labels
    // perhaps wider by a direction word) adds nothing.
    let seen: Vec<Vec<Range<usize>>> = out
        .iter()
        .map(|f| f.labels.iter().map(|l| l.span.clone()).collect())
        .collect();
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    for f in relation_findings(article, &rules.relations) {
        let repeated = seen.iter().any(|spans| {
            spans.len() == f.labels.len()
                && f.labels
                    .iter()
                    .all(|l| spans.iter().any(|s| overlaps(s, &l.span)))
        });
        if !repeated {
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

/// An article's statements and every relation evaluated on them.
pub struct RelationRun {
    pub statements: statement::Statements,
    /// Each relation evaluated, as a finding would report it, and whether it held.
    pub results: Vec<(bool, Finding)>,
}

/// The failed relations of an article's statements, as findings on the original text.
pub fn relation_findings(article: &Article, choice: &RelationChoice) -> Vec<Finding> {
    run_relations(article, choice)
        .results
        .into_iter()
        .filter_map(|(held, f)| (!held).then_some(f))
        .collect()
}

/// The relations that held, each as a finding would report it (its help is the arithmetic
/// that held): what `--show-passed` lists beside the rules' passes.
pub fn relation_passes(article: &Article, choice: &RelationChoice) -> Vec<Finding> {
    run_relations(article, choice)
        .results
        .into_iter()
        .filter_map(|(held, f)| held.then_some(f))
        .collect()
}

/// Reads an article's statements once and evaluates the chosen relations on them.
pub fn run_relations(article: &Article, choice: &RelationChoice) -> RelationRun {
    let statements = statements(article);
    if !choice.on {
        return RelationRun {
            statements,
            results: Vec::new(),
        };
    }
    let ctx = relations::Context {
        text: &article.document.text,
        figures: &article.figures,
        statements: &statements,
        year: article.year,
        year_guessed: !article.year_given,
    };
    let results = relations::check(&ctx, choice)
        .into_iter()
        .map(|f| {
            let finding = Finding {
                rule: f.relation.to_string(),
                severity: f.severity.unwrap_or(crate::rules::Severity::Error),
                message: f.message,
                help: f.help,
                labels: f
                    .labels
                    .into_iter()
                    .map(|(s, message)| {
                        // The label covers the direction word before a rate (`下降2.7%`): a
                        // slip there is a slip of the figure.
                        let st = &statements.statements[s];
                        let start = st.verb.as_ref().map_or(st.span.start, |v| v.start);
                        Label {
                            span: article.document.original(start..st.span.end),
                            message,
                        }
                    })
                    .collect(),
            };
            (f.severity.is_none(), finding)
        })
        .collect();
    RelationRun {
        statements,
        results,
    }
}
