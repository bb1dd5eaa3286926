//! # growth-between
//!
//! ## What it checks
//! A total's growth rate lies between the growth rates of its parts: when exports grow 7.2% and
//! imports fall 2.7%, total trade cannot grow 8% or shrink 3%. The total's rate is a weighted
//! mean of the parts' rates, so `between(total, a, b)` holds whatever the weights. A derived rate
//! can take part: `between(h1, q2 - delta, q2)`.
//!
//! ## Why an error matters
//! Growth rates are copied from separate tables and edited separately; a rate outside its parts'
//! range shows that one of them is wrong, or belongs to another period, even when no level is
//! stated to check against.
//!
//! ## Example
//! 上半年……进出口总值21.79万亿元……同比增长2.9%……出口13万亿元，同比增长7.2%……进口8.79万亿元，
//! 同比下降2.7%。 `between(total, signed(exports, exports.dir), signed(imports, imports.dir))`:
//! −2.7% ≤ 2.9% ≤ 7.2%. `signed(rate, fact.dir)` turns a rate negative when the captured word
//! states a fall (下降, 减少, 回落, 放缓, …).

use super::Function;
use crate::figure::Interval;
use crate::value::{comparable, Arg, Truth, Ty, Type, Value};

/// Whether some x, a, b in their intervals have min(a, b) <= x <= max(a, b).
fn between(x: &Interval, a: &Interval, b: &Interval) -> bool {
    let lowest = a.low.min(b.low);
    let highest = a.high.max(b.high);
    x.high >= lowest && x.low <= highest
}

/// Words that state a fall: the rate that follows is negative.
const FALLING: &[&str] = &[
    "下降", "减少", "下跌", "回落", "降低", "下滑", "收窄", "放缓", "减慢", "fell", "down",
    "declined", "dropped",
];

/// Whether a direction word states a fall.
pub fn is_falling(direction: &str) -> bool {
    FALLING.iter().any(|w| direction.contains(w))
}

pub const FUNCTIONS: &[Function] = &[Function {
    name: "signed",
    family: "growth-between",
    usage: "signed(rate, fact.direction)",
    summary: "the rate, negated when the captured direction word states a fall (下降, 减少, 回落, 放缓…)",
    type_of: |args| match args {
        [r, d] if !r.list && r.ty.is_numeric() && *d == Type::scalar(Ty::Text) => Ok(*r),
        _ => Err("signed takes a rate and a direction capture".into()),
    },
    eval: |args, _| match args {
        [Arg::Scalar(v), Arg::Text(d)] if is_falling(d) => Ok(Arg::Scalar(Value {
            strict: v.strict.neg(),
            natural: v.natural.neg(),
            point: v.point.neg(),
            ..v.clone()
        })),
        [Arg::Scalar(v), Arg::Text(_)] => Ok(Arg::Scalar(v.clone())),
        _ => Err("signed takes a rate and a direction".into()),
    },
}, Function {
    name: "between",
    family: "growth-between",
    usage: "between(x, a, b)",
    summary: "x lies between a and b, in either order",
    type_of: |args| match args {
        [x, a, b] if !x.list && !a.list && !b.list && comparable(x.ty, a.ty) && comparable(x.ty, b.ty) => {
            Ok(Type::scalar(Ty::Bool))
        }
        _ => Err("between takes three figures of the same dimension".into()),
    },
    eval: |args, _| match args {
        [Arg::Scalar(x), Arg::Scalar(a), Arg::Scalar(b)] => Ok(Arg::Bool(Truth {
            strict: between(&x.strict, &a.strict, &b.strict),
            natural: between(&x.natural, &a.natural, &b.natural),
        })),
        _ => Err("between takes three figures".into()),
    },
}];
