//! # count
//!
//! ## What it checks
//! An enumeration's stated count matches the items it lists: 北京、天津、上海、广州、青岛、临沂、
//! 苏州、杭州8个城市 names eight; 从“……”“……”“……”“……”等4方面 quotes four headings.
//! Capture the list in a named group and compare `items(fact.list)` with the count figure.
//! Items are separated by 、，, and 和/及/与; when the capture holds quoted headings, each “…”
//! counts once.
//!
//! ## Why an error matters
//! Lists are edited — a city added, a heading cut — after the count was written, and the count
//! is rarely updated with them. A reader who counts finds the error at once.
//!
//! ## Example
//! 在北京、天津、上海、广州、青岛、临沂、苏州、杭州8个城市的国家级经开区有相应布点。
//! `items(cities.list) == cities`: 8 names, 8个城市.

use super::Function;
use crate::figure::Interval;
use crate::value::{Arg, Ty, Type, Value};
use rust_decimal::Decimal;

/// The number of items in an enumeration.
pub fn count_items(text: &str) -> usize {
    let quoted = text.matches('“').count();
    if quoted > 0 {
        return quoted;
    }
    text.split(['、', '，', ',', '和', '及', '与'])
        .filter(|part| !part.trim().is_empty())
        .count()
}

fn count_value(n: usize) -> Arg {
    let n = Decimal::from(n);
    let mut v = Value::constant(n);
    v.strict = Interval::exact(n);
    v.ty = Ty::Count;
    v.unit = Some(String::new());
    Arg::Scalar(v)
}

pub const FUNCTIONS: &[Function] = &[
    Function {
        name: "items",
        family: "count",
        usage: "items(fact.list)",
        summary: "how many items a captured enumeration lists (all of them, for a list fact)",
        type_of: |args| match args {
            [t] if t.ty == Ty::Text => Ok(Type::scalar(Ty::Count)),
            _ => Err("items takes a capture, e.g. `cities.list`".into()),
        },
        eval: |args, _| match args {
            [Arg::Text(t)] => Ok(count_value(count_items(t))),
            [Arg::Texts(ts)] => Ok(count_value(ts.iter().map(|t| count_items(t)).sum())),
            _ => Err("items takes a capture".into()),
        },
    },
    Function {
        name: "number",
        family: "count",
        usage: "number(x)",
        summary: "a count without its unit, to compare counts of different things (证 and 人)",
        type_of: |args| match args {
            [t] if !t.list && matches!(t.ty, Ty::Count | Ty::Any) => Ok(Type::scalar(Ty::Count)),
            _ => Err("number takes one count".into()),
        },
        eval: |args, _| match args {
            [Arg::Scalar(v)] => Ok(Arg::Scalar(Value {
                unit: Some(String::new()),
                ..v.clone()
            })),
            _ => Err("number takes one count".into()),
        },
    },
];

#[cfg(test)]
mod tests {
    use super::count_items;

    #[test]
    fn counts_enumerations() {
        assert_eq!(
            count_items("北京、天津、上海、广州、青岛、临沂、苏州、杭州"),
            8
        );
        assert_eq!(
            count_items(
                "“因地制宜发展新质生产力”“提升开放型经济水平”“深化管理制度改革”“强化要素保障”"
            ),
            4
        );
        assert_eq!(count_items("成都、北京和重庆"), 3);
    }
}
