//! # sum
//!
//! ## What it checks
//! Parts add up to their whole: exports plus imports equal the trade total, the first quarter
//! plus the second equal the half year, the three industries' value added equals GDP. Write it
//! as an equation of facts (`exports + imports == total`), or over a list fact with `sum(parts)`.
//! Each figure counts with its rounding: `13 + 8.79` may equal `21.79` because 13 stands for
//! anything from 12.5 to 13.5.
//!
//! ## Why an error matters
//! A total that its parts do not reach is the commonest arithmetic slip in economic copy: a
//! mistyped digit in one component, or a component copied from last month's release. Readers
//! who add the figures up notice, and the story's authority goes with it.
//!
//! ## Example
//! 上半年，我国货物贸易进出口总值21.79万亿元……出口13万亿元……进口8.79万亿元。
//! `exports + imports == total`: 13 + 8.79 = 21.79 万亿元. Had the copy said 进口9.79万亿元, the
//! parts would add to 22.28–23.30 万亿元 however they were rounded, and the rule fires.

use super::{list_of, numeric_list, Function};
use crate::figure::Interval;
use crate::value::{units_meet, Arg, Context, Ty, Type, Value};
use rust_decimal::Decimal;

pub const FUNCTIONS: &[Function] = &[
    Function {
        name: "sum",
        family: "sum",
        usage: "sum(list)",
        summary: "the sum of the figures a `many: true` fact bound",
        type_of: |args| match args {
            [t] if t.list && t.ty.is_numeric() => Ok(Type::scalar(t.ty)),
            _ => Err("sum takes one list fact".into()),
        },
        eval: |args, _| {
            let items = numeric_list(args)?;
            let mut total = Value::constant(Decimal::ZERO);
            total.ty = items.first().map_or(Ty::Ratio, |v| v.ty);
            total.unit = items.first().and_then(|v| v.unit.clone());
            for v in items {
                if !units_meet(&total.unit, &v.unit) {
                    return Err("units differ within the list".into());
                }
                total.strict = total.strict.add(&v.strict);
                total.natural = total.natural.add(&v.natural);
                total.point = total.point.add(&v.point);
            }
            Ok(Arg::Scalar(total))
        },
    },
    Function {
        name: "count",
        family: "sum",
        usage: "count(list)",
        summary: "how many figures a `many: true` fact bound",
        type_of: |args| match args {
            [t] if t.list => Ok(Type::scalar(Ty::Count)),
            _ => Err("count takes one list fact".into()),
        },
        eval: |args, _: &Context| {
            let n = list_of(args)?.len();
            let mut v = Value::constant(Decimal::from(n));
            v.ty = Ty::Count;
            v.unit = Some(String::new());
            v.strict = Interval::exact(Decimal::from(n));
            Ok(Arg::Scalar(v))
        },
    },
];
