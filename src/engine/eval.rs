//! Evaluating a check on intervals: exact decimals, dimensions and units checked.

use super::Item;
use crate::article::Article;
use crate::figure::Interval;
use crate::rules::expr::{combine, Cmp, Expr, Op, Ty};
use crate::rules::Rule;
pub use crate::value::{units_meet, Arg, Context, Reading, Truth, Value};

/// The bindings of one evaluation, for looking up facts and captures.
pub(super) struct Binding<'a> {
    pub article: &'a Article,
    pub rule: &'a Rule,
    pub bound: &'a [(usize, Item)],
    pub captures: &'a [(usize, String, String)],
    pub context: Context,
}

impl Binding<'_> {
    fn fact_index(&self, name: &str) -> Option<usize> {
        self.rule.facts.iter().position(|f| f.name == name)
    }

    pub fn items(&self, name: &str) -> Vec<Item> {
        let Some(fact) = self.fact_index(name) else {
            return Vec::new();
        };
        self.bound
            .iter()
            .filter(|(f, _)| *f == fact)
            .map(|&(_, i)| i)
            .collect()
    }

    pub fn value(&self, item: Item) -> Value {
        match item {
            Item::Figure(i) => Value::of_figure(&self.article.figures.figures[i]),
            Item::Year(i) => Value::of_year(self.article.figures.dates[i].year.unwrap_or_default()),
        }
    }

    /// Every capture of that name, one per bound figure of a list fact.
    pub fn captures_all(&self, fact: &str, name: &str) -> Vec<String> {
        let Some(fact) = self.fact_index(fact) else {
            return Vec::new();
        };
        self.captures
            .iter()
            .filter(|(f, n, _)| *f == fact && n == name)
            .map(|(_, _, v)| v.clone())
            .collect()
    }

    pub fn capture(&self, fact: &str, name: &str) -> Option<&str> {
        let fact = self.fact_index(fact)?;
        self.captures
            .iter()
            .find(|(f, n, _)| *f == fact && n == name)
            .map(|(_, _, v)| v.as_str())
    }
}

pub(super) fn scalar(arg: Arg) -> Result<Value, String> {
    match arg {
        Arg::Scalar(v) => Ok(v),
        Arg::List(_) => Err("a list where a figure is needed".into()),
        Arg::Text(_) | Arg::Texts(_) => Err("text where a figure is needed".into()),
        Arg::Bool(_) => Err("a predicate where a figure is needed".into()),
    }
}

pub(super) fn eval(expr: &Expr, b: &Binding) -> Result<Arg, String> {
    match expr {
        Expr::Num { value, .. } => Ok(Arg::Scalar(Value::constant(*value))),
        Expr::Fact { name, .. } => {
            let many = b.fact_index(name).is_some_and(|i| b.rule.facts[i].many);
            let values: Vec<Value> = b.items(name).into_iter().map(|i| b.value(i)).collect();
            if many {
                Ok(Arg::List(values))
            } else {
                values
                    .into_iter()
                    .next()
                    .map(Arg::Scalar)
                    .ok_or_else(|| format!("`{name}` is not bound"))
            }
        }
        Expr::Capture { fact, name, .. } => {
            let many = b.fact_index(fact).is_some_and(|i| b.rule.facts[i].many);
            if many {
                return Ok(Arg::Texts(b.captures_all(fact, name)));
            }
            b.capture(fact, name)
                .map(|t| Arg::Text(t.to_string()))
                .ok_or_else(|| format!("`{fact}.{name}` captured nothing"))
        }
        Expr::Call { callee, args, .. } => {
            let function = callee
                .resolved()
                .ok_or_else(|| format!("unknown function `{}`", callee.name()))?;
            let values = args
                .iter()
                .map(|a| eval(a, b))
                .collect::<Result<Vec<_>, _>>()?;
            (function.eval)(&values, &b.context)
        }
        Expr::Neg { inner, .. } => {
            let v = scalar(eval(inner, b)?)?;
            Ok(Arg::Scalar(Value {
                strict: v.strict.neg(),
                natural: v.natural.neg(),
                point: v.point.neg(),
                ..v
            }))
        }
        Expr::Bin { op, lhs, rhs, .. } => {
            let a = scalar(eval(lhs, b)?)?;
            let c = scalar(eval(rhs, b)?)?;
            binary(*op, a, c).map(Arg::Scalar)
        }
    }
}

fn binary(op: Op, a: Value, b: Value) -> Result<Value, String> {
    let ty = combine(op, a.ty, b.ty)
        .ok_or_else(|| "the bound figures' dimensions do not combine".to_string())?;
    let differ = |a: &Value, b: &Value| {
        format!(
            "units differ: {} and {}",
            a.unit.clone().unwrap_or_default(),
            b.unit.clone().unwrap_or_default()
        )
    };
    let unit = match op {
        Op::Add | Op::Sub => {
            if !units_meet(&a.unit, &b.unit) {
                return Err(differ(&a, &b));
            }
            if a.ty == Ty::Year && b.ty == Ty::Year {
                Some("年".to_string())
            } else {
                match (&a.unit, &b.unit) {
                    (Some(x), _) if !x.is_empty() => Some(x.clone()),
                    (_, Some(y)) => Some(y.clone()),
                    (x, None) => x.clone(),
                }
            }
        }
        Op::Mul => a.unit.clone().or(b.unit.clone()),
        Op::Div if a.ty == b.ty && ty == Ty::Ratio => {
            if !units_meet(&a.unit, &b.unit) {
                return Err(differ(&a, &b));
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
