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
use crate::figure::Interval;
use crate::value::{Arg, Context, Ty, Type, Value};
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::OnceLock;

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn month_days(month: u32, leap: bool) -> u32 {
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The months (first, last) a period names.
pub fn period_months(text: &str) -> Option<(u32, u32)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?:(\d{1,2})\s*(?:至|到|-|—|~|～)\s*(\d{1,2})\s*月|前\s*(\d{1,2})\s*个?月|(\d{1,2})\s*月份?)").expect("period pattern")
    });
    let quarter = |q: u32| Some((3 * q - 2, 3 * q));
    // The built-in `period` reads `2024|` (the year 2024) or `2025|上半年`.
    let t = match text.split_once('|') {
        Some((_, "")) => "全年",
        Some((_, part)) => part,
        None => text,
    }
    .trim();
    match t {
        _ if t.contains("上半年") => return Some((1, 6)),
        _ if t.contains("下半年") => return Some((7, 12)),
        _ if t.contains("前三季度") || t.contains("前3季度") => return Some((1, 9)),
        _ if t.contains("一季度") || t.contains("1季度") => return quarter(1),
        _ if t.contains("二季度") || t.contains("2季度") => return quarter(2),
        _ if t.contains("三季度") || t.contains("3季度") => return quarter(3),
        _ if t.contains("四季度") || t.contains("4季度") => return quarter(4),
        _ if t.contains("全年") || t == "年" || t.ends_with("年度") => return Some((1, 12)),
        _ => {}
    }
    let caps = re.captures(t)?;
    let num = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (first, last) = match (num(1), num(2), num(3), num(4)) {
        (Some(a), Some(b), _, _) => (a, b),
        (_, _, Some(n), _) => (1, n),
        (_, _, _, Some(m)) => (m, m),
        _ => return None,
    };
    (1 <= first && first <= last && last <= 12).then_some((first, last))
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
    let (first, last) = period_months(text).ok_or_else(|| format!("no period in `{text}`"))?;
    let count = |leap: bool| (first..=last).map(|m| month_days(m, leap)).sum::<u32>();
    // A period that names its year (`2024|`) counts in that year. Otherwise it is the year of
    // publication, or the one before when the period runs to December (全年 published in
    // January is last year's); a guessed year may be the guess or the year after. February then
    // has 28 or 29 days.
    let named = text
        .split_once('|')
        .and_then(|(y, _)| y.parse::<i32>().ok());
    let candidates: Vec<i32> = match (named, ctx.year) {
        (Some(y), _) => vec![y],
        (None, Some(y)) if ctx.year_guessed && last == 12 => vec![y - 1, y, y + 1],
        (None, Some(y)) if ctx.year_guessed => vec![y, y + 1],
        (None, Some(y)) if last == 12 => vec![y - 1, y],
        (None, Some(y)) => vec![y],
        (None, None) => Vec::new(),
    };
    let (low, high) = if candidates.is_empty() {
        (count(false), count(true))
    } else {
        let counts: Vec<u32> = candidates.iter().map(|&y| count(is_leap(y))).collect();
        (
            counts.iter().copied().min().unwrap_or(0),
            counts.iter().copied().max().unwrap_or(0),
        )
    };
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
