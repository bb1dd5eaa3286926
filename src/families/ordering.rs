//! # ordering
//!
//! ## What it checks
//! A chain of figures is monotone: M0 ≤ M1 ≤ M2 (each money aggregate contains the one before),
//! or the number of cities above ever higher thresholds shrinks (101 ≥ 45 ≥ 27). Write a chain
//! of comparisons (`m0 <= m1 <= m2`), or take a `many: true` fact in text order with
//! `non_increasing(list)` / `non_decreasing(list)`; `min(list)` and `max(list)` pick extremes.
//!
//! ## Why an error matters
//! An inverted order is a contradiction any reader can see without a calculator: more cities
//! above 3 million cars than above 2 million, or M1 larger than M2. It usually means two figures
//! were swapped or a magnitude was lost.
//!
//! ## Example
//! 6月末，广义货币（M2）余额330.29万亿元……狭义货币（M1）余额113.95万亿元……流通中货币（M0）余额
//! 13.18万亿元。 `m0 <= m1 <= m2`. And 全国有101个城市的汽车保有量超过100万辆，45个城市超过200万辆，
//! 27个城市超过300万辆: `non_increasing_by(cities, thresholds)` pairs each count with its
//! threshold, whatever order the sentence lists them in.

use super::{list_of, numeric_list, Function};
use crate::value::{Arg, Truth, Ty, Type, Value};

fn list_predicate(args: &[Type]) -> Result<Type, String> {
    match args {
        [t] if t.list && t.ty.is_numeric() => Ok(Type::scalar(Ty::Bool)),
        _ => Err("takes one list fact".into()),
    }
}

fn extreme(args: &[Type]) -> Result<Type, String> {
    match args {
        [t] if t.list && t.ty.is_numeric() => Ok(Type::scalar(t.ty)),
        _ => Err("takes one list fact".into()),
    }
}

/// Whether every consecutive pair can satisfy `later <= earlier` (or `>=`).
fn monotone(args: &[Arg], decreasing: bool) -> Result<Arg, String> {
    let items = numeric_list(args)?;
    if items.len() < 2 {
        return Err("fewer than two figures to order".into());
    }
    let holds = |strict: bool| {
        items.windows(2).all(|w| {
            let (a, b) = if strict {
                (&w[0].strict, &w[1].strict)
            } else {
                (&w[0].natural, &w[1].natural)
            };
            if decreasing {
                b.can_be_le(a)
            } else {
                a.can_be_le(b)
            }
        })
    };
    Ok(Arg::Bool(Truth {
        strict: holds(true),
        natural: holds(false),
    }))
}

/// Pairs values with keys, in the keys' order: the count of cities over ever higher thresholds.
fn monotone_by(args: &[Arg], decreasing: bool) -> Result<Arg, String> {
    let (values, keys) = match args {
        [Arg::List(v), Arg::List(k)] => (v, k),
        _ => return Err("takes two lists".into()),
    };
    if values.len() != keys.len() {
        return Err(format!("{} figures but {} keys", values.len(), keys.len()));
    }
    let mut pairs: Vec<(&Value, &Value)> = keys.iter().zip(values).collect();
    // Order by the keys as stated; keys that cannot be told apart make the check inapplicable.
    pairs.sort_by_key(|p| p.0.point.low);
    if pairs.windows(2).any(|w| w[0].0.point == w[1].0.point) {
        return Err("two keys are equal".into());
    }
    let ordered: Vec<Value> = pairs.into_iter().map(|(_, v)| v.clone()).collect();
    monotone(&[Arg::List(ordered)], decreasing)
}

fn pair_predicate(args: &[Type]) -> Result<Type, String> {
    match args {
        [v, k] if v.list && k.list && v.ty.is_numeric() && k.ty.is_numeric() => {
            Ok(Type::scalar(Ty::Bool))
        }
        _ => Err("takes two list facts".into()),
    }
}

/// The count at the highest stated threshold not above `t`: of cities above 100/200/300万辆,
/// those named as above 500万 are among the 300万 ones.
fn at_threshold(args: &[Arg]) -> Result<Arg, String> {
    let [Arg::List(counts), Arg::List(keys), Arg::Scalar(t)] = args else {
        return Err("takes a list of counts, their thresholds and a threshold".into());
    };
    if counts.len() != keys.len() {
        return Err(format!(
            "{} counts but {} thresholds",
            counts.len(),
            keys.len()
        ));
    }
    // Thresholds are compared as stated: `超过300万辆` is the 300万 threshold.
    counts
        .iter()
        .zip(keys)
        .filter(|(_, k)| k.point.high <= t.point.low)
        .max_by(|a, b| a.1.point.low.cmp(&b.1.point.low))
        .map(|(c, _)| Arg::Scalar(c.clone()))
        .ok_or_else(|| "no stated threshold at or below it".to_string())
}

pub const FUNCTIONS: &[Function] = &[
    Function {
        name: "at_threshold",
        family: "ordering",
        usage: "at_threshold(counts, thresholds, t)",
        summary: "the count stated for the highest threshold at or below t",
        type_of: |args| match args {
            [c, k, t]
                if c.list
                    && k.list
                    && !t.list
                    && c.ty.is_numeric()
                    && k.ty.is_numeric()
                    && t.ty.is_numeric() =>
            {
                Ok(Type::scalar(c.ty))
            }
            _ => Err("takes two list facts and a figure".into()),
        },
        eval: |args, _| at_threshold(args),
    },
    Function {
        name: "non_increasing_by",
        family: "ordering",
        usage: "non_increasing_by(values, keys)",
        summary: "ordered by their keys, the values never increase (cities over 100/200/300万辆)",
        type_of: pair_predicate,
        eval: |args, _| monotone_by(args, true),
    },
    Function {
        name: "non_decreasing_by",
        family: "ordering",
        usage: "non_decreasing_by(values, keys)",
        summary: "ordered by their keys, the values never decrease",
        type_of: pair_predicate,
        eval: |args, _| monotone_by(args, false),
    },
    Function {
        name: "non_increasing",
        family: "ordering",
        usage: "non_increasing(list)",
        summary: "each figure of the list, in text order, is at most the one before",
        type_of: list_predicate,
        eval: |args, _| monotone(args, true),
    },
    Function {
        name: "non_decreasing",
        family: "ordering",
        usage: "non_decreasing(list)",
        summary: "each figure of the list, in text order, is at least the one before",
        type_of: list_predicate,
        eval: |args, _| monotone(args, false),
    },
    Function {
        name: "max",
        family: "ordering",
        usage: "max(list)",
        summary: "the largest figure of the list (the hull of the candidates' intervals)",
        type_of: extreme,
        eval: |args, _| {
            let items = list_of(args)?;
            super::fold_extreme(items, true)
        },
    },
    Function {
        name: "min",
        family: "ordering",
        usage: "min(list)",
        summary: "the smallest figure of the list",
        type_of: extreme,
        eval: |args, _| {
            let items = list_of(args)?;
            super::fold_extreme(items, false)
        },
    },
];
