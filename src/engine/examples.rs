//! Rules test themselves: every example a rule carries is checked with the rule alone, by the
//! engine (so this lives here, above the rules it runs).

use crate::article::Article;
use crate::engine::{self, Verdict};
use crate::figure::ReadOptions;
use crate::rules::{Example, Expectation, Rule, RuleSet};
use std::ops::Range;

/// An example whose outcome differs from what the rule file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    pub rule: String,
    /// Where the example stands in its rule file.
    pub path: String,
    pub span: Range<usize>,
    pub message: String,
}

/// Runs the examples of every rule in the set.
pub fn run(rules: &RuleSet) -> Vec<ExampleFailure> {
    let options = ReadOptions {
        units: rules.units.clone(),
        ..ReadOptions::default()
    };
    rules
        .rules
        .iter()
        .flat_map(|r| run_rule(r, &options))
        .collect()
}

fn run_rule(rule: &Rule, options: &ReadOptions) -> Vec<ExampleFailure> {
    let mut failures = Vec::new();
    let fail = |example: &Example, message: String| ExampleFailure {
        rule: rule.id.clone(),
        path: rule.origin.path.clone(),
        span: example.span.clone(),
        message,
    };
    for example in &rule.examples {
        let article = Article::new("example", example.text.clone(), options);
        let evaluations = engine::evaluate_rule(&article, rule);
        let fired: Vec<_> = evaluations
            .iter()
            .filter_map(|e| match e.verdict {
                Verdict::Fail(s) => Some((s, e)),
                _ => None,
            })
            .collect();
        match &example.expect {
            Expectation::Pass
                if fired.is_empty() && !evaluations.iter().any(|e| e.verdict == Verdict::Pass) =>
            {
                let why: Vec<String> = evaluations
                    .iter()
                    .filter_map(|e| match &e.verdict {
                        Verdict::NotApplicable(r) => Some(r.clone()),
                        _ => None,
                    })
                    .collect();
                failures.push(fail(
                    example,
                    format!(
                        "expected the check to bind and hold, but it never applied{}",
                        if why.is_empty() {
                            " (no candidate for the anchor)".to_string()
                        } else {
                            format!(": {}", why.join("; "))
                        }
                    ),
                ));
            }
            Expectation::Pass | Expectation::Silent => {
                if let Some((severity, e)) = fired.first() {
                    failures.push(fail(
                        example,
                        format!(
                            "expected no finding, but the rule fired ({}): {}",
                            severity.as_str(),
                            e.explanation.clone().unwrap_or_default()
                        ),
                    ));
                }
            }
            Expectation::Fail { severity, labels } => {
                let figure_text = |i: engine::Item| {
                    article.document.text[engine::item_span(&article, i)].to_string()
                };
                let matching = fired.iter().find(|(s, e)| {
                    s == severity
                        && labels
                            .iter()
                            .all(|l| e.bound.iter().any(|&(_, fig)| figure_text(fig) == *l))
                });
                if matching.is_none() {
                    let got: Vec<String> = fired
                        .iter()
                        .map(|(s, e)| {
                            let figs: Vec<String> =
                                e.bound.iter().map(|&(_, f)| figure_text(f)).collect();
                            format!("{} on {}", s.as_str(), figs.join(", "))
                        })
                        .collect();
                    let bound: Vec<String> = evaluations
                        .iter()
                        .map(|e| {
                            let figs: Vec<String> =
                                e.bound.iter().map(|&(_, f)| figure_text(f)).collect();
                            format!("{:?} on [{}]", e.verdict, figs.join(", "))
                        })
                        .collect();
                    failures.push(fail(
                        example,
                        format!(
                            "expected {} labelling [{}]; got {}",
                            severity.as_str(),
                            labels.join(", "),
                            if got.is_empty() {
                                format!(
                                    "no finding (evaluations: {})",
                                    if bound.is_empty() {
                                        "none".to_string()
                                    } else {
                                        bound.join("; ")
                                    }
                                )
                            } else {
                                got.join("; ")
                            }
                        ),
                    ));
                }
            }
        }
    }
    failures
}
