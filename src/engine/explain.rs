//! The help line of a finding: the failed arithmetic, in the article's own units and language.
//!
//! `出口 13万亿元 + 进口 9.79万亿元 = 22.79万亿元（按四舍五入区间 22.28–23.30）≠ 进出口总值 21.79万亿元`

use super::eval::{Reading, Value};
use super::ty_of;
use crate::document::chars::is_cjk;
use crate::figure::{Bound, Dimension, Figure, Interval};
use crate::rules::expr::{Expr, Op, Ty};
use crate::rules::Rule;
use crate::Article;
use rust_decimal::{Decimal, RoundingStrategy};

struct Ctx<'a> {
    article: &'a Article,
    rule: &'a Rule,
    bound: &'a [(usize, usize)],
    zh: bool,
}

impl Ctx<'_> {
    fn figure(&self, name: &str) -> Option<&Figure> {
        let fact = self.rule.facts.iter().position(|f| f.name == name)?;
        let (_, fig) = self.bound.iter().find(|(f, _)| *f == fact)?;
        self.article.figures.figures.get(*fig)
    }

    fn label(&self, name: &str) -> String {
        self.rule
            .facts
            .iter()
            .find(|f| f.name == name)
            .map_or_else(|| name.to_string(), |f| f.label.clone())
    }

    /// The figure as the article writes it (normalized: no wraps).
    fn written(&self, f: &Figure) -> String {
        self.article.document.text[f.span.clone()].to_string()
    }
}

pub(super) fn help(
    article: &Article,
    rule: &Rule,
    bound: &[(usize, usize)],
    sides: &[Value],
    i: usize,
    reading: Reading,
) -> String {
    let ctx = Ctx {
        article,
        rule,
        bound,
        zh: rule.message.chars().any(is_cjk),
    };
    let left = describe(&ctx, &rule.check.operands[i], &sides[i], reading);
    let right = describe(&ctx, &rule.check.operands[i + 1], &sides[i + 1], reading);
    let mut out = format!(
        "{left} {} {right}",
        rule.check.comparators[i].negated_symbol()
    );
    if reading == Reading::Natural {
        out.push_str(if ctx.zh {
            "；仅按相邻数字的精度理解时不符，按各数字末位四舍五入则可能相符"
        } else {
            "; inconsistent only when the figures are read as precisely as their neighbours"
        });
    }
    if let Some(extra) = &rule.help {
        out.push('\n');
        out.push_str(extra.trim());
    }
    out
}

fn describe(ctx: &Ctx, expr: &Expr, value: &Value, reading: Reading) -> String {
    if let Expr::Fact { name, .. } = expr {
        if let Some(f) = ctx.figure(name) {
            return format!("{} {}", ctx.label(name), ctx.written(f));
        }
    }
    let rendered = render(ctx, expr, 0);
    let mut names = Vec::new();
    expr.facts(&mut names);
    let figures: Vec<&Figure> = names.iter().filter_map(|n| ctx.figure(n)).collect();
    let all: Vec<&Figure> = ctx
        .bound
        .iter()
        .map(|&(_, f)| &ctx.article.figures.figures[f])
        .collect();
    let shown = Shown::for_value(value, &figures, &all, ctx.zh);
    let interval = value.reading(reading);
    let range = format!(
        "{}–{}",
        shown.bound(interval.low, true),
        shown.bound(interval.high, false)
    );
    let point = shown.point(&value.point);
    if ctx.zh {
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

fn render(ctx: &Ctx, expr: &Expr, parent: u8) -> String {
    let s = match expr {
        Expr::Num { value, .. } => value.normalize().to_string(),
        Expr::Fact { name, .. } => match ctx.figure(name) {
            Some(f) => format!("{} {}", ctx.label(name), ctx.written(f)),
            None => ctx.label(name),
        },
        Expr::Neg { inner, .. } => format!("-{}", render(ctx, inner, 3)),
        Expr::Bin { op, lhs, rhs, .. } => {
            let p = precedence(expr);
            // The right operand of - and / needs brackets at equal precedence.
            format!(
                "{} {} {}",
                render(ctx, lhs, p),
                op.symbol(),
                render(ctx, rhs, p + 1)
            )
        }
    };
    if precedence(expr) < parent {
        if ctx.zh {
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
    fn for_value(value: &Value, figures: &[&Figure], all: &[&Figure], zh: bool) -> Self {
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
            ty => {
                let display = figures.iter().find(|f| ty_of(f) == ty).or(figures.first());
                match display {
                    Some(d) => {
                        let decimals = figures
                            .iter()
                            .filter_map(|f| f.place.checked_div(d.multiplier))
                            .map(|p| {
                                if p >= Decimal::ONE {
                                    0
                                } else {
                                    p.normalize().scale()
                                }
                            })
                            .max()
                            .unwrap_or(0);
                        Self {
                            divisor: d.multiplier,
                            suffix: format!("{}{}", d.magnitude, d.unit_suffix()),
                            decimals,
                        }
                    }
                    None => Self {
                        divisor: Decimal::ONE,
                        suffix: String::new(),
                        decimals: 2,
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
