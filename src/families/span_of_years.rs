//! # span-of-years
//!
//! ## What it checks
//! A stated span of years matches the year it counts from and the year of publication: 1984年
//! … 40多年来 in 2025 is 41 years. `{year}` binds a year the copy mentions, and
//! `publication_year()` is the year of `--date`; without one it is guessed from the copy as the
//! year the article mentions most *or the next* (an interval: a full-year report appears in
//! January), so a guess never raises a false alarm. The check is
//! `span == publication_year() - founded`.
//!
//! ## Why an error matters
//! Anniversaries and "over N years" phrases are copied from older stories and not updated, or
//! computed from the wrong founding year; the error is easy to make and embarrassing to print.
//!
//! ## Example
//! 1984年，在借鉴经济特区成功经验的基础上，第一批国家级经开区从沿海开放城市起步。40多年来……
//! `span == publication_year() - founded`: 2025 − 1984 = 41, and 40多年 is 40 to 50.

use super::Function;
use crate::figure::Interval;
use crate::value::{Arg, Ty, Type, Value};
use rust_decimal::Decimal;

pub const FUNCTIONS: &[Function] = &[Function {
    name: "publication_year",
    family: "span-of-years",
    usage: "publication_year()",
    summary: "the year of publication: `--date`, or guessed: the year the article mentions most or the next",
    type_of: |args| match args {
        [] => Ok(Type::scalar(Ty::Year)),
        _ => Err("publication_year takes no argument".into()),
    },
    eval: |_, ctx| {
        let year = ctx.year.ok_or("no publication year: pass --date")?;
        let mut v = Value::constant(Decimal::from(year));
        let year = Decimal::from(year);
        let range = if ctx.year_guessed {
            Interval::between(year, year + Decimal::ONE)
        } else {
            Interval::exact(year)
        };
        v.strict = range;
        v.natural = range;
        v.ty = Ty::Year;
        Ok(Arg::Scalar(v))
    },
}];
