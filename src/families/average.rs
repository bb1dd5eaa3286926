//! # average
//!
//! ## What it checks
//! A daily (or monthly) average times the length of the period matches the period's total:
//! `total / days(total.period) == daily`. `days(text)` reads the period a pattern captured —
//! 上半年, 下半年, 全年, 一季度…四季度, 前三季度, 1至2月, 6月份, 前5个月 — and counts its days in
//! the year the period names, else in the year of publication or the one before (a full-year
//! report appears in January); when no year is known, both the common and the leap year are
//! allowed. `months(text)` counts months.
//!
//! ## Why an error matters
//! Averages are derived figures that travel into headlines (日均超5亿件) and are rarely recomputed
//! by editors; one computed over the wrong period, or from a preliminary total, contradicts the
//! total printed beside it.
//!
//! ## Example
//! 今年上半年，我国快递业务量预计超950亿件……日均业务量预计超5.2亿件。 `total / days(total.period)
//! == daily`: 950亿 / 181 = 5.25亿 per day, consistent with 超5.2亿.

use super::Function;
use crate::figure::period::{self, Period, Stretch, Year};
use crate::figure::Interval;
use crate::value::{Arg, Context, Ty, Type, Value};
use rust_decimal::Decimal;

/// The months (first, last) a period names, read by the one period grammar
/// ([`crate::figure::period`]): `上半年`, `1到5月`, `前5个月`, `6月份`, or the built-in
/// `period` capture's `2025|上半年` (`2024|` is the year 2024).
pub fn period_months(text: &str) -> Option<(u32, u32)> {
    period_of(text)
        .month_range()
        .map(|(a, b)| (u32::from(a), u32::from(b)))
}

/// The period a capture names: `year|part` from the built-in `period`, or a period as written.
fn period_of(text: &str) -> Period {
    let (year, part) = match text.split_once('|') {
        Some((y, part)) => (y.parse::<i32>().ok(), part),
        None => (None, text),
    };
    let part = part.trim();
    let year = year.map_or(Year::Unstated, Year::Stated);
    if part.is_empty() || part == "全年" || part == "年" || part.ends_with("年度") {
        return Period::months(year, 1, 12);
    }
    // The capture is the period as written (`今年上半年`, `1到5月`); `5至2月` is none.
    let found = period::parse(part).ok().map(|(p, _)| p);
    match found {
        Some(p) if matches!(year, Year::Stated(_)) => Period { year, ..p },
        Some(p) => p,
        None => Period {
            year,
            stretch: Stretch::Holiday {
                name: part.to_string(),
            },
        },
    }
}

fn text_arg(args: &[Arg]) -> Result<&str, String> {
    match args {
        [Arg::Text(t)] => Ok(t),
        _ => Err("takes the text of a period capture".into()),
    }
}

fn exact_duration(low: u32, high: u32, unit: &str) -> Arg {
    let mut v = Value::constant(Decimal::from(low));
    v.strict = Interval::between(Decimal::from(low), Decimal::from(high));
    v.natural = v.strict;
    v.ty = Ty::Duration;
    v.unit = Some(unit.to_string());
    Arg::Scalar(v)
}

fn days(args: &[Arg], ctx: &Context) -> Result<Arg, String> {
    let text = text_arg(args)?;
    let period = period_of(text);
    // A period that names its year (`2024|`) counts in that year; otherwise the year of
    // publication, or the one before for a period running to December (see `Period::days`).
    let (low, high) = period
        .days(ctx.year, ctx.year_guessed)
        .ok_or_else(|| format!("no period in `{text}`"))?;
    Ok(exact_duration(low, high, "天"))
}

fn text_to_duration(args: &[Type]) -> Result<Type, String> {
    match args {
        [t] if *t == Type::scalar(Ty::Text) => Ok(Type::scalar(Ty::Duration)),
        _ => Err("takes a period capture, e.g. `total.period`".into()),
    }
}

pub const FUNCTIONS: &[Function] = &[
    Function {
        name: "days",
        family: "average",
        usage: "days(fact.period)",
        summary: "the days of the period a capture names, in the year of publication",
        type_of: text_to_duration,
        eval: days,
    },
    Function {
        name: "months",
        family: "average",
        usage: "months(fact.period)",
        summary: "the months of the period a capture names",
        type_of: text_to_duration,
        eval: |args, _| {
            let text = text_arg(args)?;
            let (first, last) =
                period_months(text).ok_or_else(|| format!("no period in `{text}`"))?;
            Ok(exact_duration(last - first + 1, last - first + 1, "月"))
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_periods() {
        assert_eq!(period_months("上半年"), Some((1, 6)));
        assert_eq!(period_months("1至2月"), Some((1, 2)));
        assert_eq!(period_months("1到5月"), Some((1, 5)));
        assert_eq!(period_months("1～5月"), Some((1, 5)));
        assert_eq!(period_months("2025|1到5月"), Some((1, 5)));
        assert_eq!(period_months("前5个月"), Some((1, 5)));
        assert_eq!(period_months("6月份"), Some((6, 6)));
        assert_eq!(period_months("三季度"), Some((7, 9)));
        assert_eq!(period_months("前三季度"), Some((1, 9)));
        assert_eq!(period_months("春节"), None);
        assert_eq!(period_months("5至2月"), None);
        assert_eq!(period_months("2024|"), Some((1, 12)));
        assert_eq!(period_months("2025|上半年"), Some((1, 6)));
    }

    #[test]
    fn counts_days_by_year() {
        let d = |y| match days(
            &[Arg::Text("上半年".into())],
            &Context {
                year: y,
                year_guessed: false,
            },
        ) {
            Ok(Arg::Scalar(v)) => v.strict,
            _ => panic!(),
        };
        assert_eq!(d(Some(2025)), Interval::exact(Decimal::from(181)));
        assert_eq!(d(Some(2024)), Interval::exact(Decimal::from(182)));
        assert_eq!(
            d(None),
            Interval::between(Decimal::from(181), Decimal::from(182))
        );
        // 全年 published in January 2025 may be 2024's, a leap year.
        let full_year = days(
            &[Arg::Text("全年".into())],
            &Context {
                year: Some(2025),
                year_guessed: false,
            },
        );
        match full_year {
            Ok(Arg::Scalar(v)) => assert_eq!(
                v.strict,
                Interval::between(Decimal::from(365), Decimal::from(366))
            ),
            _ => panic!(),
        }
    }
}
