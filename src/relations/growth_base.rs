//! # level-change-rate
//!
//! ## What it checks
//! A level, its change and its growth rate agree: `电信业务收入17388亿元，比上年增加539亿元，增长
//! 3.2%` needs 539 ÷ (17388 − 539) to round to 3.2%. The change and the rate are the level's (its
//! subject carried or repeated, the same period), against the same basis (a year earlier, or the
//! end of last year for a stock's 净增).
//!
//! ## Why an error matters
//! The three figures are computed from two releases; a change taken from the wrong year, or a
//! rate rounded from another base, leaves them contradicting each other in one sentence.
//!
//! ## Example
//! 全国粮食总产量70650万吨，比上年增加1109万吨，增长1.6%。 1109 ÷ 69541 = 1.59%.

use super::{odd_ones_out, percent, severity, Context, Found};
use crate::figure::Interval;
use crate::statement::{Against, Kind};
use rust_decimal::Decimal;

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    for (level, l) in ctx.statements.statements.iter().enumerate() {
        if l.kind != Kind::Level || l.subject.is_empty() {
            continue;
        }
        let comparable = |k: &usize| {
            matches!(
                ctx.st(*k).basis,
                None | Some(Against::YearEarlier) | Some(Against::PreviousEnd)
            )
        };
        let same_unit = |k: &usize| ctx.st(*k).unit == l.unit;
        // `较上一冰雪季增加1270亿元，增长24.2%`: a change over an earlier time the copy names,
        // and the rate of the same sentence that names no other basis.
        let earlier =
            |k: &usize| matches!(&ctx.st(*k).basis, Some(Against::Named(n)) if over_time(n));
        let Some(change) = ctx
            .about(level, Kind::Change)
            .into_iter()
            .find(|k| (comparable(k) || earlier(k)) && same_unit(k))
        else {
            continue;
        };
        let rate = if earlier(&change) {
            ctx.about(level, Kind::Growth).into_iter().find(|k| {
                let r = ctx.st(*k);
                *k > change
                    && r.sentence == ctx.st(change).sentence
                    && (r.basis.is_none() || r.basis == ctx.st(change).basis)
            })
        } else {
            ctx.about(level, Kind::Growth).into_iter().find(comparable)
        };
        let Some(rate) = rate else {
            continue;
        };
        if ctx.st(rate).measure == Some(crate::statement::Measure::Real) {
            continue;
        }
        let hundred = Interval::exact(Decimal::ONE_HUNDRED);
        let holds = |v: &[Interval]| {
            v[0].sub(&v[1])
                .pipe(|base| v[1].div(&base))
                .map(|q| q.mul(&hundred))
                .is_none_or(|q| q.intersects(&v[2]))
        };
        let (c, r) = (ctx.st(change), ctx.st(rate));
        let strict = [l.strict, c.strict, r.strict];
        let natural = [l.natural, c.natural, r.natural];
        let sev = severity(holds(&strict), holds(&natural));
        let Some(q) = l
            .strict
            .sub(&c.strict)
            .pipe(|b| c.strict.div(&b))
            .map(|q| q.mul(&hundred))
        else {
            continue;
        };
        let mut help = format!(
            "{} / ({} − {}) = {}（按四舍五入区间 {}） ≠ {} {}",
            ctx.written(change),
            ctx.written(level),
            ctx.written(change),
            super::breakdown::mid(&q).map_or(q.to_string(), percent),
            Context::percent_range(&q),
            if r.sign < 0 { "下降" } else { "增长" },
            ctx.written(rate)
        );
        let odd = if sev.is_some() {
            odd_ones_out(ctx, &[level, change, rate], false, holds)
        } else {
            Vec::new()
        };
        if let [one] = odd.as_slice() {
            help.push_str(&format!(
                "; {} is the figure a single slip would explain",
                ctx.written(*one)
            ));
        }
        out.push(Found {
            relation: "level-change-rate".into(),
            severity: sev,
            message: "水平、增量与增速三者不符".into(),
            help,
            labels: vec![
                (level, "水平".into()),
                (change, "增量".into()),
                (rate, "增速".into()),
            ],
        });
    }
}

trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}

impl Pipe for Interval {}

/// Whether a named basis is an earlier time of the same subject (`上一冰雪季`, `上年同期`,
/// `2020年`) rather than another subject (`城镇居民`).
fn over_time(name: &str) -> bool {
    ["上一", "上个", "前一", "去年", "上年", "上月", "上季"]
        .iter()
        .any(|w| name.starts_with(w))
        || crate::figure::period::parse(name).is_ok_and(|(_, rest)| rest.is_empty())
}
