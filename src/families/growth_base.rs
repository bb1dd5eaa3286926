//! # growth-base
//!
//! ## What it checks
//! The current level, the growth rate and the change agree where all three are stated: the base
//! is `current / (1 + rate)`, the change `current - base`. `base(current, rate)` and
//! `increment(current, rate)` compute them, so a rule reads
//! `increment(retail, growth) == change`.
//!
//! ## Why an error matters
//! A change and a rate that do not fit the level mean one of the three was taken from another
//! period or another series (nominal vs comparable prices); the contradiction is invisible unless
//! someone divides.
//!
//! ## Example
//! 全年社会消费品零售总额48.79万亿元，比上年增长3.5%，比上年增加1.65万亿元。
//! `increment(retail, growth) == change`: 48.79 × 3.5% / 103.5% = 1.65 万亿元.

use super::Function;
use crate::figure::Interval;
use crate::value::{Arg, Ty, Type, Value};
use rust_decimal::Decimal;

fn level_and_rate(args: &[Type]) -> Result<Type, String> {
    match args {
        [level, rate]
            if !level.list
                && !rate.list
                && matches!(level.ty, Ty::Money | Ty::Count | Ty::Physical | Ty::Any)
                && matches!(rate.ty, Ty::Ratio | Ty::Any) =>
        {
            Ok(Type::scalar(level.ty))
        }
        _ => Err("takes a level and a growth rate".into()),
    }
}

/// `level / (1 + rate)` on one reading; `None` when 1 + rate can be zero.
fn base_of(level: &Interval, rate: &Interval) -> Option<Interval> {
    level.div(&Interval::exact(Decimal::ONE).add(rate))
}

fn apply(args: &[Arg], increment: bool) -> Result<Arg, String> {
    let [Arg::Scalar(level), Arg::Scalar(rate)] = args else {
        return Err("takes a level and a growth rate".into());
    };
    let one = |l: &Interval, r: &Interval| -> Result<Interval, String> {
        if increment {
            // level × rate / (1 + rate): level enters once, so the interval stays tight.
            let factor = r
                .div(&Interval::exact(Decimal::ONE).add(r))
                .ok_or("growth of -100%")?;
            Ok(l.mul(&factor))
        } else {
            base_of(l, r).ok_or_else(|| "growth of -100%".to_string())
        }
    };
    Ok(Arg::Scalar(Value {
        strict: one(&level.strict, &rate.strict)?,
        natural: one(&level.natural, &rate.natural)?,
        point: one(&level.point, &rate.point)?,
        ty: level.ty,
        unit: level.unit.clone(),
    }))
}

pub const FUNCTIONS: &[Function] = &[
    Function {
        name: "base",
        family: "growth-base",
        usage: "base(current, rate)",
        summary: "the level a year earlier: current / (1 + rate)",
        type_of: level_and_rate,
        eval: |args, _| apply(args, false),
    },
    Function {
        name: "increment",
        family: "growth-base",
        usage: "increment(current, rate)",
        summary: "the change over the year: current × rate / (1 + rate)",
        type_of: level_and_rate,
        eval: |args, _| apply(args, true),
    },
];
