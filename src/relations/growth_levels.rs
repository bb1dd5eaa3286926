//! # growth-between-levels
//!
//! ## What it checks
//! A growth rate stated beside both levels it compares is their ratio less one: `11月份全国新建
//! 商品房销售面积7420万平方米，比10月份的6602万平方米环比增长12.4%` needs 7420 ÷ 6602 − 1 to round
//! to 12.4%. The earlier level is the one the copy compares with (`比…的`, `较…的`); the later is
//! the level its sentence states before it, of the same concept and unit (or, when the comparison
//! names its subject and the sentence states no level now, that subject's level earlier in the
//! paragraph, of the rate's period); the rate is the growth stated right after the earlier level.
//!
//! ## Why an error matters
//! With both levels printed, any reader can redo the division; a rate carried over from another
//! line, or a level with a slipped digit, is caught by the first one who does.
//!
//! ## Example
//! 日均产量232.9万吨，比10月份日均水平的234.6万吨环比下降0.7% — 232.9 ÷ 234.6 − 1 = −0.72%.

use super::{odd_ones_out, percent, severity, Context, Found};
use crate::figure::Interval;
use crate::statement::{Against, Kind};
use rust_decimal::Decimal;

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    let all = &ctx.statements.statements;
    for (g, r) in all.iter().enumerate() {
        if r.kind != Kind::Growth {
            continue;
        }
        // The level compared with: the statement just before the rate, a level stated as a
        // comparison (`比10月份的6602万平方米`).
        let Some(before) = g.checked_sub(1) else {
            continue;
        };
        let b = ctx.st(before);
        // `比上年同期的1864.5万个增长42.0%`: a level compared with under a standard basis too,
        // when it names no subject of its own.
        let compared = match &b.basis {
            Some(Against::Named(_)) => true,
            Some(_) => b.inherited || b.key.is_empty(),
            None => false,
        };
        if b.kind != Kind::Level || b.sentence != r.sentence || !compared {
            continue;
        }
        // The level now: the level stated before it in the sentence, in its unit, of the
        // concept (the compared level carries it, or names its tail).
        let plain = |k: usize| {
            let a = ctx.st(k);
            a.kind == Kind::Level && a.basis.is_none() && a.unit == b.unit
        };
        let Some(now) = (0..before)
            .rev()
            .take_while(|&k| ctx.st(k).sentence == r.sentence)
            .find(|&k| {
                let a = ctx.st(k);
                plain(k)
                    && (b.antecedent == Some(k)
                        || a.key == b.key
                        || a.key.ends_with(b.key.as_str())
                        // `比10月份日均水平的234.6万吨`: 水平 is the level of whatever came before.
                        || b.key.ends_with("水平"))
            })
            // `10月份，银行结汇15286亿元……10月份银行结汇较去年同期的13575亿元增长12.6%`: a comparison
            // that names its subject, whose level now its sentence leaves to an earlier one of the
            // paragraph, of the rate's period.
            .or_else(|| {
                (b.key.chars().count() >= 2 && !b.inherited)
                    .then(|| {
                        (0..before)
                            .rev()
                            .take_while(|&k| ctx.st(k).paragraph == r.paragraph)
                            .find(|&k| {
                                plain(k)
                                    && ctx.st(k).key == b.key
                                    && ctx.st(k).period.is_some()
                                    && ctx.same_period(k, g)
                            })
                    })
                    .flatten()
            })
        else {
            continue;
        };
        let a = ctx.st(now);
        let hundred = Interval::exact(Decimal::ONE_HUNDRED);
        let one = Interval::exact(Decimal::ONE);
        let rate = |v: &[Interval]| v[0].div(&v[1]).map(|q| q.sub(&one).mul(&hundred));
        let holds = |v: &[Interval]| rate(v).is_none_or(|q| q.intersects(&v[2]));
        let strict = [a.strict, b.strict, r.strict];
        let natural = [a.natural, b.natural, r.natural];
        let sev = severity(holds(&strict), holds(&natural));
        let Some(q) = rate(&strict) else { continue };
        let mut help = format!(
            "{} / {} − 1 = {}（按四舍五入区间 {}） ≠ {} {}",
            ctx.written(now),
            ctx.written(before),
            super::breakdown::mid(&q).map_or(q.to_string(), percent),
            Context::percent_range(&q),
            if r.sign < 0 { "下降" } else { "增长" },
            ctx.written(g)
        );
        if sev.is_some() {
            if let [one] = odd_ones_out(ctx, &[now, before, g], false, holds).as_slice() {
                help.push_str(&format!(
                    "; {} is the figure a single slip would explain",
                    ctx.written(*one)
                ));
            }
        }
        out.push(Found {
            relation: "growth-between-levels".into(),
            severity: sev,
            message: "增速与前后两期数值之比不符".into(),
            help,
            labels: vec![
                (now, "本期".into()),
                (before, "比较期".into()),
                (g, "增速".into()),
            ],
        });
    }
}
