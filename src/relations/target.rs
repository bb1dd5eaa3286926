//! # target-completion
//!
//! ## What it checks
//! A plan's completion rate is what was done divided by what was planned: `1—11月，全国城镇新增
//! 就业1213万人……完成全年1200万人目标任务的101.1%` needs 1213 ÷ 1200 to round to 101.1%. The rate
//! is a percentage whose clause says it completes (`完成`, `实现`, `达到`) a plan, target or task
//! (`计划`, `目标`, `任务`, `预算`, `额度`, `限额`); the target is the figure that clause names, or
//! else the latest level before it in its paragraph whose subject is a plan (`计划新增…800公里`);
//! what was done is the latest level (or addition) before the rate in its sentence, in the
//! target's unit — or, where the sentence states none (`前10个月新增债券发行已完成全年额度的
//! 90.0%`), the latest level before it the clause names, of the period the clause names.
//!
//! ## Why an error matters
//! Completion rates are what a report on a plan is read for; one computed from last month's
//! figure, or against another year's target, misstates how far the plan has come.
//!
//! ## Example
//! 今年全国计划新增城市轨道交通运营里程800公里，1—11月份已新增742.6公里，完成全年计划的92.8% —
//! 742.6 ÷ 800 = 92.8%.

use super::{odd_ones_out, percent, severity, Context, Found};
use crate::figure::Interval;
use crate::statement::Kind;
use rust_decimal::Decimal;

/// Words that name what a rate completes.
const PLANS: &[&str] = &["计划", "目标", "任务", "预算", "额度", "限额"];

/// Whether the clause before statement `i` says the rate completes a plan; with the byte where
/// the clause starts.
fn completes(ctx: &Context, i: usize) -> Option<usize> {
    let clause = ctx.clause_before(i).trim_end();
    // 完成全年计划的, 完成年度计划6200万亩的, 完成全年1200万人目标任务的.
    let body = clause.strip_suffix('的')?;
    let done = ["完成", "实现", "达到"]
        .iter()
        .filter_map(|w| body.find(w).map(|at| at + w.len()))
        .min()?;
    PLANS
        .iter()
        .any(|p| body[done..].contains(p))
        .then_some(ctx.st(i).clause_start)
}

fn is_plan(ctx: &Context, k: usize) -> bool {
    PLANS.iter().any(|p| ctx.st(k).subject.contains(p))
}

/// `前10个月新增债券发行已完成全年额度的90.0%` with no figure before it in its sentence: what was
/// done is the latest level before that the words before `完成` name (`新增债券` of
/// `新增债券发行`), in the target's unit, of the period those words name if they name one.
fn named_done(ctx: &Context, i: usize, target: usize) -> Option<usize> {
    let clause = ctx.clause_before(i);
    let before = ["完成", "实现", "达到"]
        .iter()
        .filter_map(|w| clause.find(w))
        .min()
        .map(|at| &clause[..at])?;
    let period = crate::figure::period::scan(before)
        .into_iter()
        .next()
        .map(|(_, p)| p);
    let tg = ctx.st(target);
    let s = ctx.st(i);
    ctx.before(i)
        .take_while(|&k| ctx.st(k).story == s.story)
        .find(|&k| {
            let t = ctx.st(k);
            k != target
                && t.kind == Kind::Level
                && t.unit == tg.unit
                && t.basis.is_none()
                && t.qualifier.is_none()
                && t.key.chars().count() >= 2
                && before.contains(t.key.as_str())
                && !is_plan(ctx, k)
                && match (&period, &t.period) {
                    (Some(p), Some(q)) => p.agrees(q, ctx.year),
                    _ => true,
                }
        })
}

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    for i in 0..ctx.statements.statements.len() {
        let s = ctx.st(i);
        if s.unit != "%" || s.qualifier.is_some() || s.basis.is_some() {
            continue;
        }
        let Some(clause_start) = completes(ctx, i) else {
            continue;
        };
        // The target: a figure the clause names (`完成全年1200万人目标任务的`), else the latest
        // plan stated before in the paragraph.
        let in_clause = i
            .checked_sub(1)
            .filter(|&k| ctx.st(k).span.start >= clause_start && ctx.st(k).unit != "%");
        let target = in_clause.or_else(|| {
            ctx.before(i)
                .take_while(|&k| ctx.st(k).paragraph == s.paragraph)
                .find(|&k| {
                    let t = ctx.st(k);
                    t.kind == Kind::Level && t.unit != "%" && t.basis.is_none() && is_plan(ctx, k)
                })
        });
        let Some(target) = target else { continue };
        let tg = ctx.st(target);
        if tg.qualifier.is_some() {
            continue;
        }
        let done = ctx
            .before(i)
            .take_while(|&k| ctx.st(k).sentence == s.sentence)
            .filter(|&k| k != target && k < i)
            .find(|&k| {
                let t = ctx.st(k);
                t.unit == tg.unit
                    && t.basis.is_none()
                    && t.qualifier.is_none()
                    && (t.kind == Kind::Level || (t.kind == Kind::Change && t.sign > 0))
                    && (k > target || in_clause.is_none())
            })
            .or_else(|| {
                // `完成全年1200万人目标任务的101.1%`: what was done stands before the target.
                ctx.before(target)
                    .take_while(|&k| ctx.st(k).sentence == s.sentence)
                    .find(|&k| {
                        let t = ctx.st(k);
                        t.unit == tg.unit
                            && t.basis.is_none()
                            && t.qualifier.is_none()
                            && t.kind == Kind::Level
                    })
            });
        // `全年造林面积比上年增加380万亩……完成年度计划6200万亩的108.4%`: what was done is the
        // level the sentence's change is of.
        let done = done.or_else(|| {
            ctx.before(i)
                .take_while(|&k| ctx.st(k).sentence == s.sentence)
                .filter(|&k| ctx.st(k).kind == Kind::Change && ctx.st(k).unit == tg.unit)
                .find_map(|k| ctx.level_of(k))
                .filter(|&l| l != target && !is_plan(ctx, l))
        });
        let done = done.or_else(|| named_done(ctx, i, target));
        let Some(done) = done else { continue };
        let hundred = Interval::exact(Decimal::ONE_HUNDRED);
        let rate = |v: &[Interval]| v[0].div(&v[1]).map(|q| q.mul(&hundred));
        let holds = |v: &[Interval]| rate(v).is_none_or(|q| q.intersects(&v[2]));
        let strict = [ctx.st(done).strict, tg.strict, s.strict];
        let natural = [ctx.st(done).natural, tg.natural, s.natural];
        let sev = severity(holds(&strict), holds(&natural));
        let Some(q) = rate(&strict) else { continue };
        let mut help = format!(
            "{} / {} = {}（按四舍五入区间 {}） ≠ 完成 {}",
            ctx.written(done),
            ctx.written(target),
            super::breakdown::mid(&q).map_or(q.to_string(), percent),
            Context::percent_range(&q),
            ctx.written(i)
        );
        if sev.is_some() {
            if let [one] = odd_ones_out(ctx, &[done, target, i], false, holds).as_slice() {
                help.push_str(&format!(
                    "; {} is the figure a single slip would explain",
                    ctx.written(*one)
                ));
            }
        }
        out.push(Found {
            relation: "target-completion".into(),
            severity: sev,
            message: "完成率与完成数、目标数之比不符".into(),
            help,
            labels: vec![
                (done, "完成".into()),
                (target, "目标".into()),
                (i, "完成率".into()),
            ],
        });
    }
}
