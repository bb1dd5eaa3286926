//! # repeat
//!
//! ## What it checks
//! The same fact stated more than once — headline and body, lead and later paragraph — carries
//! the same figure. Bind every statement with a `many: true` fact and check `all_equal(list)`;
//! each pair must be able to be equal, given its rounding (a headline's 12.9万亿 may repeat a
//! body's 12.92万亿).
//!
//! ## Why an error matters
//! Headlines are written and edited separately from the body, often last and in a hurry; a
//! headline that disagrees with its own story is the most visible error a paper can print.
//!
//! ## Example
//! Headline 上半年我国人民币贷款增加12.92万亿元; body 上半年我国人民币贷款增加12.92万亿元，其中……
//! `all_equal(loans)` over both statements.

use super::{numeric_list, Function};
use crate::value::{Arg, Truth, Ty, Type};

pub const FUNCTIONS: &[Function] = &[Function {
    name: "all_equal",
    family: "repeat",
    usage: "all_equal(list)",
    summary: "every figure of the list can equal every other",
    type_of: |args| match args {
        [t] if t.list && t.ty.is_numeric() => Ok(Type::scalar(Ty::Bool)),
        _ => Err("all_equal takes one list fact".into()),
    },
    eval: |args, _| {
        let items = numeric_list(args)?;
        if items.len() < 2 {
            return Err("stated only once".into());
        }
        let pairwise = |strict: bool| {
            items.iter().enumerate().all(|(i, a)| {
                items[i + 1..].iter().all(|b| {
                    if strict {
                        a.strict.intersects(&b.strict)
                    } else {
                        a.natural.intersects(&b.natural)
                    }
                })
            })
        };
        Ok(Arg::Bool(Truth {
            strict: pairwise(true),
            natural: pairwise(false),
        }))
    },
}];
