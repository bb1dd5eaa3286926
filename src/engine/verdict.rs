//! A rule's verdict on one binding of its facts: its check evaluated on intervals
//! ([`super::eval`]), under the strict reading and then the natural one, and explained in the
//! article's units ([`super::explain`]) when asked. Above both, so that neither imports the
//! other's caller.

use super::eval::{eval, holds, scalar, Arg, Binding};
use super::{explain, Evaluation, Explain, Item, Verdict};
use crate::article::Article;
use crate::rules::expr::Ty;
use crate::rules::{Rule, Severity};
use crate::value::{units_meet, Context, Reading, Value};

/// Whether an evaluation with this verdict is to be explained.
fn explains(explained: Explain, verdict: &Verdict) -> bool {
    explained == Explain::All || *verdict != Verdict::Pass
}

pub(super) fn evaluate_binding<'r>(
    article: &Article,
    rule: &'r Rule,
    bound: Vec<(usize, Item)>,
    captures: &[(usize, String, String)],
    explained: Explain,
) -> Evaluation<'r> {
    let binding = Binding {
        article,
        rule,
        bound: &bound,
        captures,
        context: Context {
            year: article.year,
            year_guessed: !article.year_given,
        },
    };
    let not_applicable = |reason: String, sides: Vec<Value>| Evaluation {
        rule,
        bound: bound.clone(),
        verdict: Verdict::NotApplicable(reason),
        explanation: None,
        sides,
    };
    let mut args = Vec::with_capacity(rule.check.operands.len());
    for operand in &rule.check.operands {
        match eval(operand, &binding) {
            Ok(v) => args.push(v),
            Err(reason) => return not_applicable(reason, Vec::new()),
        }
    }
    // A predicate check: `between(…)`, `all_equal(…)`.
    if rule.check.comparators.is_empty() {
        let Some(Arg::Bool(truth)) = args.first().cloned() else {
            return not_applicable("the check is not a predicate".into(), Vec::new());
        };
        let (verdict, reading) = if !truth.strict {
            (Verdict::Fail(rule.severity), Reading::Strict)
        } else if !truth.natural {
            (Verdict::Fail(Severity::Warning), Reading::Natural)
        } else {
            (Verdict::Pass, Reading::Strict)
        };
        let explanation = explains(explained, &verdict)
            .then(|| explain::predicate(&binding, &rule.check.operands[0], &verdict, reading));
        return Evaluation {
            rule,
            bound: bound.clone(),
            verdict,
            explanation,
            sides: Vec::new(),
        };
    }
    let mut sides = Vec::with_capacity(args.len());
    for a in args {
        match scalar(a) {
            Ok(v) => sides.push(v),
            Err(reason) => return not_applicable(reason, sides),
        }
    }
    for pair in sides.windows(2) {
        if pair[0].ty != pair[1].ty && pair[0].ty != Ty::Any && pair[1].ty != Ty::Any {
            return not_applicable("the bound figures' dimensions differ".into(), sides);
        }
        if !units_meet(&pair[0].unit, &pair[1].unit) {
            return not_applicable(
                format!(
                    "units differ: {} and {}",
                    pair[0].unit.clone().unwrap_or_default(),
                    pair[1].unit.clone().unwrap_or_default()
                ),
                sides,
            );
        }
    }
    let failing = |reading: Reading| {
        rule.check
            .comparators
            .iter()
            .enumerate()
            .find(|&(i, &cmp)| {
                !holds(
                    cmp,
                    sides[i].reading(reading),
                    sides[i + 1].reading(reading),
                )
            })
            .map(|(i, _)| i)
    };
    let (verdict, at, reading) = match failing(Reading::Strict) {
        Some(i) => (Verdict::Fail(rule.severity), i, Reading::Strict),
        None => match failing(Reading::Natural) {
            Some(i) => (Verdict::Fail(Severity::Warning), i, Reading::Natural),
            None => (Verdict::Pass, 0, Reading::Strict),
        },
    };
    let explanation = explains(explained, &verdict)
        .then(|| explain::comparison(&binding, &sides, at, reading, verdict == Verdict::Pass));
    Evaluation {
        rule,
        bound: bound.clone(),
        verdict,
        explanation,
        sides,
    }
}
