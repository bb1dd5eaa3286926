//! # points-between-rates
//!
//! ## What it checks
//! A gap in percentage points equals the difference of the two rates it compares, when both are
//! stated: `农村居民人均可支配收入……名义增长6.6%，增速比城镇居民快2.0个百分点` with `城镇居民人均
//! 可支配收入……名义增长4.6%` needs 6.6 − 4.6 = 2.0. The compared rate is the one whose subject the
//! gap names (`城镇居民`, read with the tail both subjects share), in the same period and measure;
//! a gap against a period the copy gives no rate for (`比一季度加快`) checks nothing.
//!
//! ## Why an error matters
//! Gaps are computed by the writer, not the statistics office; one taken against last month's
//! rate, or with a sign turned, contradicts the two rates printed beside it.
//!
//! ## Example
//! 私营企业利润增长0.5%，增速比全部规上工业企业高3.8个百分点 — with the total's `下降3.3%`:
//! 0.5 − (−3.3) = 3.8.

use super::{severity, Context, Found};
use crate::figure::Interval;
use crate::statement::subject;
use crate::statement::{lexicon, Against, Kind};

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    for (p, s) in ctx.statements.statements.iter().enumerate() {
        if s.kind != Kind::Points {
            continue;
        }
        let Some(Against::Named(name)) = &s.basis else {
            continue;
        };
        if crate::figure::period::parse(name).is_ok() {
            continue;
        }
        // The rate the gap is of: the growth rate stated just before it, of its subject — or
        // of a subject its name opens (体育彩票 for 体育彩票机构销售).
        let Some(own) = (0..p).rev().take(3).find(|&k| {
            let t = ctx.st(k);
            matches!(t.kind, Kind::Growth | Kind::Rate)
                && t.paragraph == s.paragraph
                && (subject::same(&t.subject, &s.subject)
                    || (s.key.chars().count() >= 2 && t.key.starts_with(s.key.as_str())))
        }) else {
            continue;
        };
        let o = ctx.st(own);
        // Rates compare with rates of their kind: a growth with a growth, a level rate (失业率)
        // with a level rate.
        let other = ctx
            .near(own)
            .find(|&(k, t)| {
                k != own
                    && t.kind == o.kind
                    && t.story == s.story
                    && !t.headline
                    && (t.measure == o.measure || t.measure.is_none() || o.measure.is_none())
                    && ctx.same_period(k, own)
                    && super::names_peer(name, &o.subject, &t.subject)
            })
            .map(|(k, _)| k)
            .or_else(|| whole_rate(ctx, own, name));
        let Some(other) = other else { continue };
        let t = ctx.st(other);
        let diff = |a: Interval, b: Interval| a.sub(&b);
        let strict = diff(o.strict, t.strict).intersects(&s.strict);
        let natural = diff(o.natural, t.natural).intersects(&s.natural);
        let sev = severity(strict, natural);
        out.push(Found {
            relation: "points-between-rates".into(),
            severity: sev,
            message: "百分点差与两个增速之差不符".into(),
            help: format!(
                "{} {} − {} {} = {} ≠ {}{}",
                o.subject,
                ctx.written(own),
                t.subject,
                ctx.written(other),
                Context::percent_range(&diff(o.strict, t.strict)),
                if s.sign < 0 { "−" } else { "" },
                ctx.written(p)
            ),
            labels: vec![
                (own, "增速".into()),
                (other, "比较对象".into()),
                (p, "百分点差".into()),
            ],
        });
    }
}

/// `增速比全国总体高21.2个百分点` where the whole's name is not the part's less a modifier: the
/// growth of the whole the part's level is an item of (外国人 of 全国边检机关查验出入境人员).
fn whole_rate(ctx: &Context, own: usize, name: &str) -> Option<usize> {
    let o = ctx.st(own);
    if o.kind != Kind::Growth || !lexicon::WHOLE_NAMES.contains(&name) {
        return None;
    }
    let level = ctx.level_of(own).or_else(|| {
        ctx.before(own).find(|&k| {
            let t = ctx.st(k);
            t.kind == Kind::Level
                && t.group.is_some()
                && t.paragraph == o.paragraph
                && t.key.chars().count() >= 2
                && o.key.starts_with(t.key.as_str())
                && ctx.same_period(k, own)
        })
    })?;
    let head = ctx.statements.groups[ctx.st(level).group?].head?;
    ctx.growth_of(head, o.measure)
}
