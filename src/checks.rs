//! The findings of an article: its rules' failed evaluations and its statements' failed
//! relations, merged and sorted. The one place both kinds of check meet, above the engine and
//! the relations.

use crate::article::Article;
use crate::engine::{self, Evaluation, Finding, Label};
use crate::relations;
use crate::rules::RuleSet;
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
    for f in relation_findings(article, rules) {
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

/// Applies an article's suppression comments to its findings, knowing every rule, identity and
/// built-in relation that runs by id and family (an unknown name is warned about).
pub fn suppress(article: &Article, rules: &RuleSet, findings: Vec<Finding>) -> Vec<Finding> {
    let built_in: Vec<(&str, &str)> = relations::RELATIONS
        .iter()
        .filter(|r| rules.relations.runs(r.id))
        .map(|r| (r.id, r.family))
        .collect();
    engine::suppress::apply(&article.document, rules, &built_in, findings)
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
pub fn relation_findings(article: &Article, rules: &RuleSet) -> Vec<Finding> {
    run_relations(article, rules)
        .results
        .into_iter()
        .filter_map(|(held, f)| (!held).then_some(f))
        .collect()
}

/// The relations that held, each as a finding would report it (its help is the arithmetic
/// that held): what `--show-passed` lists beside the rules' passes.
pub fn relation_passes(article: &Article, rules: &RuleSet) -> Vec<Finding> {
    run_relations(article, rules)
        .results
        .into_iter()
        .filter_map(|(held, f)| held.then_some(f))
        .collect()
}

/// Reads an article's statements once and evaluates the chosen relations on them.
pub fn run_relations(article: &Article, rules: &RuleSet) -> RelationRun {
    let choice = &rules.relations;
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
        knowledge: &rules.knowledge,
    };
    let results = relations::check(&ctx, choice)
        .into_iter()
        .map(|f| {
            let finding = Finding {
                rule: f.relation,
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

/// Runs the examples of every concept identity in the set, each with that identity alone (and
/// every concept), through the statements as an article would be read.
pub fn identity_examples(rules: &RuleSet) -> Vec<engine::examples::ExampleFailure> {
    use crate::rules::Expectation;
    let options = crate::figure::ReadOptions {
        units: rules.units.clone(),
        ..crate::figure::ReadOptions::default()
    };
    let mut failures = Vec::new();
    for identity in &rules.knowledge.identities {
        let mut alone = RuleSet::default();
        alone.units = rules.units.clone();
        alone.knowledge.concepts = rules.knowledge.concepts.clone();
        alone.knowledge.identities = vec![identity.clone()];
        alone.relations.on = true;
        alone.relations.off = relations::RELATIONS
            .iter()
            .filter(|r| r.id != "concept-identity")
            .map(|r| r.id.to_string())
            .collect();
        for example in &identity.examples {
            let article = Article::new("example", example.text.clone(), &options);
            let results = run_relations(&article, &alone).results;
            let text = |f: &Finding| -> Vec<String> {
                f.labels
                    .iter()
                    .map(|l| {
                        article.document.source[l.span.clone()]
                            .chars()
                            .filter(|c| !c.is_whitespace())
                            .collect()
                    })
                    .collect()
            };
            let fired: Vec<&Finding> = results
                .iter()
                .filter(|(held, _)| !held)
                .map(|(_, f)| f)
                .collect();
            let message = match &example.expect {
                Expectation::Pass if results.is_empty() => {
                    Some("expected the identity to bind and hold, but it bound no figures".into())
                }
                Expectation::Pass | Expectation::Silent => fired.first().map(|f| {
                    format!(
                        "expected no finding, but the identity fired ({}) on {}: {}",
                        f.severity.as_str(),
                        text(f).join(", "),
                        f.help
                    )
                }),
                Expectation::Fail { severity, labels } => {
                    let hit = fired.iter().any(|f| {
                        f.severity == *severity
                            && labels
                                .iter()
                                .all(|l| text(f).iter().any(|t| t == l || t.ends_with(l.as_str())))
                    });
                    (!hit).then(|| {
                        let got: Vec<String> = fired
                            .iter()
                            .map(|f| format!("{} on {}", f.severity.as_str(), text(f).join(", ")))
                            .collect();
                        format!(
                            "expected {} labelling [{}]; got {}",
                            severity.as_str(),
                            labels.join(", "),
                            if got.is_empty() {
                                "no finding".to_string()
                            } else {
                                got.join("; ")
                            }
                        )
                    })
                }
            };
            if let Some(message) = message {
                failures.push(engine::examples::ExampleFailure {
                    rule: identity.id.clone(),
                    path: identity.origin.path.clone(),
                    span: example.span.clone(),
                    message,
                });
            }
        }
    }
    failures
}
