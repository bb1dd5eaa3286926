//! The arithmetic of a check in the article's own units and language: the help line of a
//! finding, or the confirmation of a pass.
//!
//! `出口 13万亿元 + 进口 9.79万亿元 = 22.79万亿元（按四舍五入区间 22.28–23.30） ≠ 进出口总值 21.79万亿元`

use super::eval::{eval, Arg, Binding, Reading, Value};
use super::{item_span, ty_of, Item, Verdict};
use crate::document::chars::is_cjk;
use crate::figure::{Bound, Dimension, Figure, Interval};
use crate::rules::expr::{Expr, Op, Ty};
use rust_decimal::{Decimal, RoundingStrategy};

fn chinese(b: &Binding) -> bool {
    b.rule.message.chars().any(is_cjk)
}

fn label(b: &Binding, name: &str) -> String {
    b.rule
        .facts
        .iter()
        .find(|f| f.name == name)
        .map_or_else(|| name.to_string(), |f| f.label.clone())
}

/// An item as the article writes it (normalized: no wraps).
fn written(b: &Binding, item: Item) -> String {
    b.article.document.text[item_span(b.article, item)].to_string()
}

/// The figures bound to the facts an expression names.
fn bound_figures<'a>(b: &'a Binding, expr: &Expr) -> Vec<&'a Figure> {
    let mut names = Vec::new();
    expr.facts(&mut names);
    names
        .iter()
        .flat_map(|n| b.items(n))
        .filter_map(|i| match i {
            Item::Figure(f) => b.article.figures.figures.get(f),
            Item::Year(_) => None,
        })
        .collect()
}

fn with_extra(b: &Binding, mut out: String) -> String {
    if let Some(extra) = &b.rule.help {
        out.push('\n');
        out.push_str(extra.trim());
    }
    out
}

/// A comparison chain: the failing pair with the negated comparator, or the whole chain when it
/// holds.
pub(super) fn comparison(
    b: &Binding,
    sides: &[Value],
    i: usize,
    reading: Reading,
    passed: bool,
) -> String {
    let ops = &b.rule.check.operands;
    let cmps = &b.rule.check.comparators;
    if passed {
        let mut out = describe(b, &ops[0], &sides[0], reading);
        for (k, cmp) in cmps.iter().enumerate() {
            out.push_str(&format!(
                " {} {}",
                cmp.symbol(),
                describe(b, &ops[k + 1], &sides[k + 1], reading)
            ));
        }
        return out;
    }
    let mut out = format!(
        "{} {} {}",
        describe(b, &ops[i], &sides[i], reading),
        cmps[i].negated_symbol(),
        describe(b, &ops[i + 1], &sides[i + 1], reading)
    );
    if reading == Reading::Natural {
        out.push_str(natural_note(b));
    }
    with_extra(b, out)
}

fn natural_note(b: &Binding) -> &'static str {
    if chinese(b) {
        "；仅按相邻数字的精度理解时不符，按各数字末位四舍五入则可能相符"
    } else {
        "; inconsistent only when the figures are read as precisely as their neighbours"
    }
}

/// A predicate check (`between`, `all_equal`, `non_increasing`, …) in words.
pub(super) fn predicate(b: &Binding, expr: &Expr, verdict: &Verdict, reading: Reading) -> String {
    let zh = chinese(b);
    let holds = *verdict == Verdict::Pass;
    let Expr::Call { callee, args, .. } = expr else {
        return render(b, expr, 0);
    };
    let arg = |k: usize| args.get(k).map(|a| render(b, a, 0)).unwrap_or_default();
    let mut out = match (callee.name(), zh) {
        ("between", true) => format!(
            "{} {}在 {} 与 {} 之间",
            arg(0),
            if holds { "" } else { "不" },
            arg(1),
            arg(2)
        ),
        ("between", false) => format!(
            "{} is {}between {} and {}",
            arg(0),
            if holds { "" } else { "not " },
            arg(1),
            arg(2)
        ),
        ("all_equal", true) => format!("{} {}", arg(0), if holds { "一致" } else { "前后不一致" }),
        ("all_equal", false) => format!("{} {}", arg(0), if holds { "agree" } else { "disagree" }),
        ("non_increasing", true) => format!(
            "{} {}",
            arg(0),
            if holds {
                "逐项不增"
            } else {
                "未按顺序逐项递减"
            }
        ),
        ("non_decreasing", true) => format!(
            "{} {}",
            arg(0),
            if holds {
                "逐项不减"
            } else {
                "未按顺序逐项递增"
            }
        ),
        ("non_increasing", false) => format!(
            "{} {}",
            arg(0),
            if holds {
                "never increase"
            } else {
                "increase somewhere"
            }
        ),
        ("non_decreasing", false) => format!(
            "{} {}",
            arg(0),
            if holds {
                "never decrease"
            } else {
                "decrease somewhere"
            }
        ),
        (_, true) => format!(
            "{} {}",
            render(b, expr, 0),
            if holds { "成立" } else { "不成立" }
        ),
        (_, false) => format!(
            "{} {}",
            render(b, expr, 0),
            if holds { "holds" } else { "does not hold" }
        ),
    };
    if !holds && reading == Reading::Natural {
        out.push_str(natural_note(b));
    }
    if holds {
        out
    } else {
        with_extra(b, out)
    }
}

fn describe(b: &Binding, expr: &Expr, value: &Value, reading: Reading) -> String {
    if let Expr::Fact { name, .. } = expr {
        if let Some(&item) = b.items(name).first() {
            return format!("{} {}", label(b, name), written(b, item));
        }
    }
    let rendered = render(b, expr, 0);
    let figures = bound_figures(b, expr);
    let all: Vec<&Figure> = b
        .bound
        .iter()
        .filter_map(|&(_, i)| match i {
            Item::Figure(f) => b.article.figures.figures.get(f),
            Item::Year(_) => None,
        })
        .collect();
    let divides = contains_division(expr);
    let shown = Shown::for_value(value, &figures, &all, chinese(b), divides);
    let interval = value.reading(reading);
    if interval.is_exact() && matches!(expr, Expr::Call { .. }) {
        return rendered;
    }
    let point = shown.point(&value.point);
    if interval.is_exact() {
        return format!("{rendered} = {point}");
    }
    let range = format!(
        "{}–{}",
        shown.bound(interval.low, true),
        shown.bound(interval.high, false)
    );
    if chinese(b) {
        let what = match reading {
            Reading::Strict => "按四舍五入区间",
            Reading::Natural => "按相邻数字精度的区间",
        };
        format!("{rendered} = {point}（{what} {range}）")
    } else {
        let what = match reading {
            Reading::Strict => "rounding interval",
            Reading::Natural => "at neighbours' precision",
        };
        format!("{rendered} = {point} ({what} {range})")
    }
}

fn contains_division(e: &Expr) -> bool {
    match e {
        Expr::Bin { op: Op::Div, .. } => true,
        Expr::Bin { lhs, rhs, .. } => contains_division(lhs) || contains_division(rhs),
        Expr::Neg { inner, .. } => contains_division(inner),
        Expr::Call { args, .. } => args.iter().any(contains_division),
        _ => false,
    }
}

fn precedence(e: &Expr) -> u8 {
    match e {
        Expr::Bin {
            op: Op::Add | Op::Sub,
            ..
        } => 1,
        Expr::Bin { .. } => 2,
        _ => 3,
    }
}

fn render(b: &Binding, expr: &Expr, parent: u8) -> String {
    let zh = chinese(b);
    let s = match expr {
        Expr::Num { value, .. } => value.normalize().to_string(),
        Expr::Fact { name, .. } => {
            let items: Vec<String> = b.items(name).into_iter().map(|i| written(b, i)).collect();
            if items.is_empty() {
                label(b, name)
            } else {
                format!(
                    "{} {}",
                    label(b, name),
                    items.join(if zh { "、" } else { ", " })
                )
            }
        }
        Expr::Capture { fact, name, .. } => {
            let mut all = b.captures_all(fact, name);
            if name == "period" {
                // The built-in period reads `2025|上半年`: show it as the copy would.
                for p in &mut all {
                    if let Some((year, part)) = p.split_once('|') {
                        *p = if year.is_empty() {
                            part.to_string()
                        } else {
                            format!("{year}年{part}")
                        };
                    }
                }
            }
            if all.is_empty() {
                format!("{fact}.{name}")
            } else if zh {
                format!("「{}」", all.join("」「"))
            } else {
                format!("“{}”", all.join("” “"))
            }
        }
        // signed(rate, fact.dir) reads as the article says it: 下降2.7%.
        Expr::Call { callee, args, .. } if callee.name() == "signed" && args.len() == 2 => {
            match (&args[0], &args[1]) {
                (
                    Expr::Fact { name: fact, .. },
                    Expr::Capture {
                        fact: of,
                        name: cap,
                        ..
                    },
                ) => {
                    let direction = b.capture(of, cap).unwrap_or_default();
                    let figure = b
                        .items(fact)
                        .first()
                        .map(|&i| written(b, i))
                        .unwrap_or_default();
                    format!("{} {direction}{figure}", label(b, fact))
                }
                _ => format!(
                    "signed({}, {})",
                    render(b, &args[0], 0),
                    render(b, &args[1], 0)
                ),
            }
        }
        Expr::Call { callee, args, .. } => {
            let name = callee.name();
            let value = eval(expr, b).ok();
            let inner: Vec<String> = args.iter().map(|a| render(b, a, 0)).collect();
            match value {
                Some(Arg::Scalar(v))
                    if matches!(
                        name,
                        "days" | "months" | "items" | "count" | "publication_year"
                    ) && (v.strict.is_exact() || matches!(v.ty, Ty::Year | Ty::Duration)) =>
                {
                    let show = |b: crate::figure::Bound| {
                        b.finite()
                            .map(|d| d.normalize().to_string())
                            .unwrap_or_default()
                    };
                    // A guessed publication year is a range: say so.
                    let n = if v.strict.is_exact() {
                        show(v.point.low)
                    } else {
                        format!("{}–{}", show(v.strict.low), show(v.strict.high))
                    };
                    let unit = match v.ty {
                        Ty::Year => "年".to_string(),
                        _ => v.unit.clone().unwrap_or_default(),
                    };
                    if zh {
                        format!("{name}({})（{n}{unit}）", inner.join(", "))
                    } else {
                        format!("{name}({}) ({n}{unit})", inner.join(", "))
                    }
                }
                _ => format!("{name}({})", inner.join(", ")),
            }
        }
        Expr::Neg { inner, .. } => format!("-{}", render(b, inner, 3)),
        Expr::Bin { op, lhs, rhs, .. } => {
            let p = precedence(expr);
            // The right operand of - and / needs brackets at equal precedence.
            format!(
                "{} {} {}",
                render(b, lhs, p),
                op.symbol(),
                render(b, rhs, p + 1)
            )
        }
    };
    if precedence(expr) < parent {
        if zh {
            format!("（{s}）")
        } else {
            format!("({s})")
        }
    } else {
        s
    }
}

/// How a computed value is shown: its unit, scale and decimals.
struct Shown {
    divisor: Decimal,
    suffix: String,
    decimals: u32,
}

impl Shown {
    fn for_value(
        value: &Value,
        figures: &[&Figure],
        all: &[&Figure],
        zh: bool,
        divides: bool,
    ) -> Self {
        let extra = u32::from(divides);
        match value.ty {
            Ty::Ratio | Ty::Pp => {
                let is_rate = |f: &&&Figure| {
                    matches!(f.dimension, Dimension::Percent | Dimension::PercentagePoint)
                };
                let decimals = all
                    .iter()
                    .filter(is_rate)
                    .map(|f| f.decimals)
                    .max()
                    .map_or(2, |d| d + 1);
                let suffix = match (value.ty, zh) {
                    (Ty::Pp, true) => "个百分点",
                    (Ty::Pp, false) => " percentage points",
                    _ => "%",
                };
                Self {
                    divisor: Decimal::new(1, 2),
                    suffix: suffix.to_string(),
                    decimals,
                }
            }
            Ty::Year => Self {
                divisor: Decimal::ONE,
                suffix: "年".to_string(),
                decimals: 0,
            },
            ty => {
                let display = figures.iter().find(|f| ty_of(f) == ty).or(figures.first());
                match display {
                    Some(d) => {
                        // As precise as the most precise figure of this kind in the binding,
                        // one digit more for a quotient.
                        let decimals = all
                            .iter()
                            .filter(|f| ty_of(f) == ty)
                            .filter_map(|f| f.place.checked_div(d.multiplier))
                            .map(|p| {
                                if p >= Decimal::ONE {
                                    0
                                } else {
                                    p.normalize().scale()
                                }
                            })
                            .max()
                            .unwrap_or(0)
                            + extra;
                        Self {
                            divisor: d.multiplier,
                            suffix: format!("{}{}", d.magnitude, d.unit_suffix()),
                            decimals,
                        }
                    }
                    None => Self {
                        divisor: Decimal::ONE,
                        suffix: value.unit.clone().unwrap_or_default(),
                        decimals: if value
                            .point
                            .low
                            .finite()
                            .is_some_and(|d| d.fract().is_zero())
                        {
                            0
                        } else {
                            2
                        },
                    },
                }
            }
        }
    }

    fn scaled(&self, v: Decimal) -> Option<Decimal> {
        v.checked_div(self.divisor)
    }

    fn bound(&self, b: Bound, low: bool) -> String {
        match b {
            Bound::NegInf => "-∞".into(),
            Bound::PosInf => "+∞".into(),
            Bound::Finite(v) => match self.scaled(v) {
                Some(s) => {
                    let strategy = if low {
                        RoundingStrategy::ToNegativeInfinity
                    } else {
                        RoundingStrategy::ToPositiveInfinity
                    };
                    format!(
                        "{:.*}",
                        self.decimals as usize,
                        s.round_dp_with_strategy(self.decimals, strategy)
                    )
                }
                None => "?".into(),
            },
        }
    }

    fn point(&self, p: &Interval) -> String {
        match p.low.finite().and_then(|v| self.scaled(v)) {
            Some(s) => format!(
                "{:.*}{}",
                self.decimals as usize,
                s.round_dp_with_strategy(self.decimals, RoundingStrategy::MidpointAwayFromZero),
                self.suffix
            ),
            None => "?".into(),
        }
    }
}
