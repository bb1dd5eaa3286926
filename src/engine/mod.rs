//! Binding facts to figures and evaluating checks.
//!
//! One mechanism for every rule: each fact's pattern yields candidate figures; for every
//! candidate of the anchor fact, each other fact binds the nearest candidate in the same scope
//! unit (sentence, paragraph or document, optionally `within` N paragraphs) that is not already
//! bound and agrees on the rule's `agree` captures. The check is then evaluated on intervals,
//! twice: under the strict reading (an error when it fails) and the natural one (a warning).

mod eval;
mod explain;
pub mod shadow;

use crate::figure::Figure;
use crate::rules::expr::Ty;
use crate::rules::{Fact, Rule, RuleSet, Scope, Severity};
use crate::Article;
pub use eval::Value;
use shadow::Shadow;
use std::collections::HashSet;
use std::ops::Range;

/// The outcome of one check on one binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    /// Failed under the strict reading (the rule's severity) or only under the natural reading
    /// (a warning).
    Fail(Severity),
    /// The check could not be evaluated, and why.
    NotApplicable(String),
}

/// One evaluated binding of a rule.
#[derive(Debug, Clone)]
pub struct Evaluation<'r> {
    pub rule: &'r Rule,
    /// (fact index, figure index) for every fact bound, in the rule's fact order.
    pub bound: Vec<(usize, usize)>,
    pub verdict: Verdict,
    /// For failures: the arithmetic in the article's own units.
    pub help: Option<String>,
    /// The values of the check's operands under the reading that decided the verdict.
    pub sides: Vec<Value>,
}

/// A discrepancy to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    pub labels: Vec<Label>,
}

impl Finding {
    /// Where the finding sorts: its first label.
    pub fn offset(&self) -> usize {
        self.labels.iter().map(|l| l.span.start).min().unwrap_or(0)
    }
}

/// A label on a figure: a byte range of the ORIGINAL file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Range<usize>,
    pub message: String,
}

/// A figure a fact's pattern matched.
#[derive(Debug, Clone)]
struct Candidate {
    figure: usize,
    /// Start of the whole match in the shadow text.
    start: usize,
    paragraph: usize,
    sentence: usize,
    captures: Vec<(String, String)>,
}

/// Evaluates every rule on an article.
pub fn evaluate<'r>(article: &Article, rules: &'r RuleSet) -> Vec<Evaluation<'r>> {
    let figures = &article.figures.figures;
    let shadow = Shadow::new(&article.document.text, figures);
    let mut out = Vec::new();
    for rule in &rules.rules {
        evaluate_rule_on(article, &shadow, rule, &mut out);
    }
    out
}

/// The findings of an article: failed evaluations, sorted by position.
pub fn findings(article: &Article, evaluations: &[Evaluation]) -> Vec<Finding> {
    let mut out: Vec<Finding> = evaluations
        .iter()
        .filter_map(|e| match e.verdict {
            Verdict::Fail(severity) => Some(Finding {
                rule: e.rule.id.clone(),
                severity,
                message: e.rule.message.clone(),
                help: e.help.clone().unwrap_or_default(),
                labels: {
                    let mut labels: Vec<Label> = e
                        .bound
                        .iter()
                        .map(|&(fact, figure)| Label {
                            span: article
                                .document
                                .original(article.figures.figures[figure].span.clone()),
                            message: e.rule.facts[fact].label.clone(),
                        })
                        .collect();
                    labels.sort_by_key(|l| l.span.start);
                    labels
                },
            }),
            _ => None,
        })
        .collect();
    out.sort_by(|a, b| {
        a.offset()
            .cmp(&b.offset())
            .then_with(|| a.rule.cmp(&b.rule))
    });
    out.dedup();
    out
}

/// Evaluates one rule on an article.
pub fn evaluate_rule<'r>(article: &Article, rule: &'r Rule) -> Vec<Evaluation<'r>> {
    let shadow = Shadow::new(&article.document.text, &article.figures.figures);
    let mut out = Vec::new();
    evaluate_rule_on(article, &shadow, rule, &mut out);
    out
}

fn evaluate_rule_on<'r>(
    article: &Article,
    shadow: &Shadow,
    rule: &'r Rule,
    out: &mut Vec<Evaluation<'r>>,
) {
    let candidates: Vec<Vec<Candidate>> = rule
        .facts
        .iter()
        .map(|f| candidates(article, shadow, f))
        .collect();
    let mut seen: HashSet<Vec<usize>> = HashSet::new();
    for anchor in &candidates[rule.anchor] {
        let mut bound: Vec<Option<&Candidate>> = vec![None; rule.facts.len()];
        bound[rule.anchor] = Some(anchor);
        let mut missing = None;
        for (i, fact_candidates) in candidates.iter().enumerate() {
            if i == rule.anchor {
                continue;
            }
            let best = fact_candidates
                .iter()
                .filter(|c| same_unit(rule, anchor, c))
                .filter(|c| !bound.iter().flatten().any(|b| b.figure == c.figure))
                .filter(|c| agrees(rule, &bound, c))
                .min_by_key(|c| (c.start.abs_diff(anchor.start), c.start));
            match best {
                Some(c) => bound[i] = Some(c),
                None => {
                    missing = Some(i);
                    break;
                }
            }
        }
        let figures_bound: Vec<usize> = bound
            .iter()
            .map(|b| b.map_or(usize::MAX, |c| c.figure))
            .collect();
        if !seen.insert(figures_bound) {
            continue;
        }
        let pairs: Vec<(usize, usize)> = bound
            .iter()
            .enumerate()
            .filter_map(|(i, b)| b.map(|c| (i, c.figure)))
            .collect();
        if let Some(i) = missing {
            out.push(Evaluation {
                rule,
                bound: pairs,
                verdict: Verdict::NotApplicable(format!(
                    "no `{}` found near the anchor",
                    rule.facts[i].name
                )),
                help: None,
                sides: Vec::new(),
            });
            continue;
        }
        out.push(eval::evaluate_binding(article, rule, pairs));
    }
}

fn same_unit(rule: &Rule, anchor: &Candidate, c: &Candidate) -> bool {
    match rule.scope {
        Scope::Sentence => c.sentence == anchor.sentence,
        Scope::Paragraph => c.paragraph == anchor.paragraph,
        Scope::Document => rule
            .within
            .is_none_or(|w| c.paragraph.abs_diff(anchor.paragraph) <= w as usize),
    }
}

fn agrees(rule: &Rule, bound: &[Option<&Candidate>], c: &Candidate) -> bool {
    rule.agree.iter().all(|name| {
        let Some(mine) = c.captures.iter().find(|(n, _)| n == name).map(|(_, v)| v) else {
            return true;
        };
        bound.iter().flatten().all(|b| {
            b.captures
                .iter()
                .find(|(n, _)| n == name)
                .is_none_or(|(_, v)| v == mine)
        })
    })
}

/// Clause breaks: a `not_after` or `not_in_clause` context never crosses one.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | ':' | '!' | '?' | '\n'
    )
}

fn candidates(article: &Article, shadow: &Shadow, fact: &Fact) -> Vec<Candidate> {
    let text = shadow.text.as_str();
    let group = fact.pattern.macros[0].group.as_str();
    let mut out: Vec<Candidate> = Vec::new();
    let mut pos = 0;
    while pos <= text.len() {
        let Some(caps) = fact.pattern.regex.captures_at(text, pos) else {
            break;
        };
        let whole = caps.get(0).expect("group 0");
        pos = whole.start()
            + text[whole.start()..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
        let Some(g) = caps.name(group) else { continue };
        let Some(figure_index) = shadow.figure(g.start()) else {
            continue;
        };
        if out.iter().any(|c| c.figure == figure_index) {
            continue;
        }
        let figure: &Figure = &article.figures.figures[figure_index];
        if fact.unit.as_ref().is_some_and(|u| *u != figure.unit) {
            continue;
        }
        let clause_start = text[..whole.start()].rfind(is_clause_break).map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
        let clause_end = text[whole.end()..]
            .find(is_clause_break)
            .map_or(text.len(), |i| whole.end() + i);
        if fact
            .not_after
            .as_ref()
            .is_some_and(|r| r.is_match(&text[clause_start..whole.start()]))
        {
            continue;
        }
        if fact
            .not_in_clause
            .as_ref()
            .is_some_and(|r| r.is_match(&text[clause_start..clause_end]))
        {
            continue;
        }
        let segments = &article.document.segments;
        let captures = fact
            .pattern
            .regex
            .capture_names()
            .flatten()
            .filter(|n| !n.starts_with("__f"))
            .filter_map(|n| {
                caps.name(n)
                    .map(|m| (n.to_string(), m.as_str().to_string()))
            })
            .collect();
        out.push(Candidate {
            figure: figure_index,
            start: whole.start(),
            paragraph: segments.paragraph_at(figure.span.start).unwrap_or(0),
            sentence: segments.sentence_at(figure.span.start).unwrap_or(0),
            captures,
        });
    }
    out
}

/// The type of a figure in a check.
pub fn ty_of(figure: &Figure) -> Ty {
    use crate::figure::Dimension::*;
    match figure.dimension {
        Currency => Ty::Money,
        Count => Ty::Count,
        Physical => Ty::Physical,
        Duration => Ty::Duration,
        Percent | Ratio => Ty::Ratio,
        PercentagePoint => Ty::Pp,
    }
}
