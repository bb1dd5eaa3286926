//! Relation families: the kinds of arithmetic an editor checks. Each family is one file whose
//! opening doc comment — what it checks, why an error matters, an example from Chinese news — is
//! what `factlint rules explain` prints, read from the source itself so the two cannot drift. A
//! family may contribute functions to the check language; binding is the same for all.
//!
//! [`FAMILIES`] is the one registry: the names a rule's `family:` may give and the functions its
//! `check:` may call are looked up here (the rule compiler resolves each call once, when the rule
//! is compiled). Families compute on [`crate::value`]'s types and sit below [`crate::rules`].

mod average;
mod count;
mod growth_base;
mod growth_between;
mod ordering;
mod percentage_points;
mod repeat;
mod share;
mod span_of_years;
mod subset;
mod sum;

pub use average::period_months;
pub use count::count_items;

use crate::value::{Arg, Context, Type, Value};

/// A function of the check language.
pub struct Function {
    pub name: &'static str,
    pub family: &'static str,
    pub usage: &'static str,
    pub summary: &'static str,
    /// The result type for argument types, or why they do not fit.
    pub type_of: fn(&[Type]) -> Result<Type, String>,
    /// The result for arguments, or why the check is not applicable.
    pub eval: fn(&[Arg], &Context) -> Result<Arg, String>,
}

/// A relation family and its documentation.
pub struct Family {
    pub name: &'static str,
    source: &'static str,
    pub functions: &'static [Function],
}

impl Family {
    /// The family's doc comment: the `//!` lines at the top of its file.
    pub fn doc(&self) -> String {
        self.source
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| {
                l.trim_start_matches("//!")
                    .strip_prefix(' ')
                    .unwrap_or(l.trim_start_matches("//!"))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

pub static FAMILIES: &[Family] = &[
    Family {
        name: "sum",
        source: include_str!("sum.rs"),
        functions: sum::FUNCTIONS,
    },
    Family {
        name: "subset",
        source: include_str!("subset.rs"),
        functions: subset::FUNCTIONS,
    },
    Family {
        name: "share",
        source: include_str!("share.rs"),
        functions: share::FUNCTIONS,
    },
    Family {
        name: "ordering",
        source: include_str!("ordering.rs"),
        functions: ordering::FUNCTIONS,
    },
    Family {
        name: "growth-between",
        source: include_str!("growth_between.rs"),
        functions: growth_between::FUNCTIONS,
    },
    Family {
        name: "percentage-points",
        source: include_str!("percentage_points.rs"),
        functions: percentage_points::FUNCTIONS,
    },
    Family {
        name: "growth-base",
        source: include_str!("growth_base.rs"),
        functions: growth_base::FUNCTIONS,
    },
    Family {
        name: "average",
        source: include_str!("average.rs"),
        functions: average::FUNCTIONS,
    },
    Family {
        name: "repeat",
        source: include_str!("repeat.rs"),
        functions: repeat::FUNCTIONS,
    },
    Family {
        name: "count",
        source: include_str!("count.rs"),
        functions: count::FUNCTIONS,
    },
    Family {
        name: "threshold",
        source: include_str!("threshold.rs"),
        functions: threshold::FUNCTIONS,
    },
    Family {
        name: "span-of-years",
        source: include_str!("span_of_years.rs"),
        functions: span_of_years::FUNCTIONS,
    },
];

mod threshold;

pub fn family(name: &str) -> Option<&'static Family> {
    FAMILIES.iter().find(|f| f.name == name)
}

pub fn function(name: &str) -> Option<&'static Function> {
    FAMILIES
        .iter()
        .flat_map(|f| f.functions.iter())
        .find(|f| f.name == name)
}

pub fn functions() -> impl Iterator<Item = &'static Function> {
    FAMILIES.iter().flat_map(|f| f.functions.iter())
}

/// The values of a list argument.
pub(crate) fn list_of(args: &[Arg]) -> Result<&[Value], String> {
    match args {
        [Arg::List(items)] => Ok(items),
        _ => Err("expected one list".into()),
    }
}

/// The values of a list argument, which must be non-empty.
pub(crate) fn numeric_list(args: &[Arg]) -> Result<&[Value], String> {
    let items = list_of(args)?;
    if items.is_empty() {
        return Err("the list is empty".into());
    }
    Ok(items)
}

/// The largest (or smallest) of a list: on intervals, the hull of the pointwise extreme.
pub(crate) fn fold_extreme(items: &[Value], largest: bool) -> Result<Arg, String> {
    let mut it = items.iter();
    let mut acc = it.next().ok_or("the list is empty")?.clone();
    for v in it {
        let pick = |a: &crate::figure::Interval, b: &crate::figure::Interval| {
            if largest {
                crate::figure::Interval::new(a.low.max(b.low), a.high.max(b.high))
            } else {
                crate::figure::Interval::new(a.low.min(b.low), a.high.min(b.high))
            }
        };
        acc.strict = pick(&acc.strict, &v.strict);
        acc.natural = pick(&acc.natural, &v.natural);
        acc.point = pick(&acc.point, &v.point);
    }
    Ok(Arg::Scalar(acc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_has_a_three_part_doc() {
        for f in FAMILIES {
            let doc = f.doc();
            assert!(doc.starts_with(&format!("# {}", f.name)), "{}", f.name);
            for part in ["## What it checks", "## Why an error matters", "## Example"] {
                assert!(doc.contains(part), "{} lacks {part}", f.name);
            }
        }
    }

    #[test]
    fn family_names_are_unique() {
        let mut names: Vec<&str> = FAMILIES.iter().map(|f| f.name).collect();
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n);
    }

    #[test]
    fn function_names_are_unique() {
        let mut names: Vec<&str> = functions().map(|f| f.name).collect();
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n);
    }
}
