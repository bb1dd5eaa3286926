//! Evaluating a check on intervals: exact decimals, dimensions and units checked.

use super::{explain, ty_of, Evaluation, Verdict};
use crate::figure::{Dimension, Figure, Interval};
use crate::rules::expr::{combine, Cmp, Expr, Op, Ty};
use crate::rules::{Rule, Severity};
use crate::Article;
use rust_decimal::Decimal;

/// A value in a check: a figure or a result, under both readings, with its exact stated value.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub strict: Interval,
    pub natural: Interval,
    /// The arithmetic on the figures as stated, for showing the result.
    pub point: Interval,
    pub ty: Ty,
    /// The unit for quantities (元, 辆, or empty for a bare count); `None` for ratios.
    pub unit: Option<String>,
}

/// Which reading of the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Strict,
    Natural,
}

impl Value {
    pub fn reading(&self, r: Reading) -> &Interval {
        match r {
            Reading::Strict => &self.strict,
            Reading::Natural => &self.natural,
        }
    }

    pub fn of_figure(f: &Figure) -> Self {
        // Rates enter checks as fractions: 10.27% is 0.1027, 3.2个百分点 is 0.032.
        let scale = match (f.dimension, f.unit.as_str()) {
            (Dimension::Percent, "‰") => Decimal::new(1, 3),
            (Dimension::Percent | Dimension::PercentagePoint, _) => Decimal::new(1, 2),
            _ => Decimal::ONE,
        };
        let ty = ty_of(f);
        Self {
            strict: f.strict.scale(scale),
            natural: f.natural.scale(scale),
            point: Interval::exact(f.value).scale(scale),
            ty,
            unit: matches!(ty, Ty::Money | Ty::Count | Ty::Physical | Ty::Duration)
                .then(|| f.unit.clone()),
        }
    }

    fn constant(v: Decimal) -> Self {
        let i = Interval::exact(v);
        Self {
            strict: i,
            natural: i,
            point: i,
            ty: Ty::Ratio,
            unit: None,
        }
    }
}

/// Whether two units may meet in a sum or comparison: equal, or one a bare count.
fn units_meet(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y || x.is_empty() || y.is_empty(),
        _ => true,
    }
}

fn eval(expr: &Expr, value_of: &dyn Fn(&str) -> Option<Value>) -> Result<Value, String> {
    match expr {
        Expr::Num { value, .. } => Ok(Value::constant(*value)),
        Expr::Fact { name, .. } => value_of(name).ok_or_else(|| format!("`{name}` is not bound")),
        Expr::Neg { inner, .. } => {
            let v = eval(inner, value_of)?;
            Ok(Value {
                strict: v.strict.neg(),
                natural: v.natural.neg(),
                point: v.point.neg(),
                ..v
            })
        }
        Expr::Bin { op, lhs, rhs, .. } => {
            let a = eval(lhs, value_of)?;
            let b = eval(rhs, value_of)?;
            let ty = combine(*op, a.ty, b.ty)
                .ok_or_else(|| "the bound figures' dimensions do not combine".to_string())?;
            let unit = match op {
                Op::Add | Op::Sub => {
                    if !units_meet(&a.unit, &b.unit) {
                        return Err(format!(
                            "units differ: {} and {}",
                            a.unit.unwrap_or_default(),
                            b.unit.unwrap_or_default()
                        ));
                    }
                    match (&a.unit, &b.unit) {
                        (Some(x), _) if !x.is_empty() => Some(x.clone()),
                        (_, Some(y)) => Some(y.clone()),
                        (x, None) => x.clone(),
                    }
                }
                Op::Mul => a.unit.clone().or(b.unit.clone()),
                Op::Div if a.ty == b.ty && ty == Ty::Ratio => {
                    if !units_meet(&a.unit, &b.unit) {
                        return Err(format!(
                            "units differ: {} and {}",
                            a.unit.unwrap_or_default(),
                            b.unit.unwrap_or_default()
                        ));
                    }
                    None
                }
                Op::Div => a.unit.clone(),
            };
            let apply = |x: &Interval, y: &Interval| -> Result<Interval, String> {
                match op {
                    Op::Add => Ok(x.add(y)),
                    Op::Sub => Ok(x.sub(y)),
                    Op::Mul => Ok(x.mul(y)),
                    Op::Div => x
                        .div(y)
                        .ok_or_else(|| "division by a figure that can be zero".to_string()),
                }
            };
            Ok(Value {
                strict: apply(&a.strict, &b.strict)?,
                natural: apply(&a.natural, &b.natural)?,
                point: apply(&a.point, &b.point)?,
                ty,
                unit,
            })
        }
    }
}

/// Whether `a cmp b` can hold for some values of the intervals.
pub fn holds(cmp: Cmp, a: &Interval, b: &Interval) -> bool {
    match cmp {
        Cmp::Eq => a.intersects(b),
        Cmp::Ne => a.can_differ(b),
        Cmp::Le => a.can_be_le(b),
        Cmp::Lt => a.can_be_lt(b),
        Cmp::Ge => b.can_be_le(a),
        Cmp::Gt => b.can_be_lt(a),
    }
}

pub(super) fn evaluate_binding<'r>(
    article: &Article,
    rule: &'r Rule,
    bound: Vec<(usize, usize)>,
) -> Evaluation<'r> {
    let figures = &article.figures.figures;
    let value_of = |name: &str| -> Option<Value> {
        let fact = rule.facts.iter().position(|f| f.name == name)?;
        let (_, figure) = bound.iter().find(|(f, _)| *f == fact)?;
        Some(Value::of_figure(&figures[*figure]))
    };
    let not_applicable = |reason: String, sides: Vec<Value>| Evaluation {
        rule,
        bound: bound.clone(),
        verdict: Verdict::NotApplicable(reason),
        help: None,
        sides,
    };
    let mut sides = Vec::with_capacity(rule.check.operands.len());
    for operand in &rule.check.operands {
        match eval(operand, &value_of) {
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
    let (verdict, failure) = match failing(Reading::Strict) {
        Some(i) => (Verdict::Fail(rule.severity), Some((i, Reading::Strict))),
        None => match failing(Reading::Natural) {
            Some(i) => (
                Verdict::Fail(Severity::Warning),
                Some((i, Reading::Natural)),
            ),
            None => (Verdict::Pass, None),
        },
    };
    let help = failure.map(|(i, reading)| explain::help(article, rule, &bound, &sides, i, reading));
    Evaluation {
        rule,
        bound,
        verdict,
        help,
        sides,
    }
}
