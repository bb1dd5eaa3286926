//! # points-between-rates
//!
//! ## What it checks
//! A gap in percentage points equals the difference of the two rates it compares, when both are
//! stated: `农村居民人均可支配收入……名义增长6.6%，增速比城镇居民快2.0个百分点` with `城镇居民人均
//! 可支配收入……名义增长4.6%` needs 6.6 − 4.6 = 2.0. The compared rate is the one whose subject the
//! gap names (`城镇居民`, read with the tail both subjects share), in the same period and measure;
//! a gap against a period the copy gives no rate for (`比一季度加快`) checks nothing. A gap named
//! as a difference (`城乡普及率差距为16.7个百分点`) after two rates of its sentence is the larger
//! less the smaller; shares compare as rates do (`比工业用水占比低0.6个百分点`). A rate named by the
//! time a gap compares with (`不良贷款率为1.48%，上季末为1.50%，较上季末下降0.02个百分点`) is the
//! compared one.
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
        if let Some((own, other)) = compared_before(ctx, p).or_else(|| named_earlier(ctx, p)) {
            push(ctx, out, p, own, other);
            continue;
        }
        if let Some((own, other)) = gap_between(ctx, p) {
            push(ctx, out, p, own, other);
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
        // `禽肉产量增速比猪牛羊禽肉总产量增速高5.5个百分点`: the compared rate named with its
        // rate noun is named by the concept.
        let name = [
            "的增速",
            "增速",
            "的增幅",
            "增幅",
            "增长率",
            "的占比",
            "占比",
            "的比重",
            "比重",
        ]
        .iter()
        .find_map(|w| name.strip_suffix(w))
        .filter(|n| n.chars().count() >= 2)
        .unwrap_or(name);
        // A gap that names its subject may open the paragraph after its rate's.
        let named = !s.inherited && s.key.chars().count() >= 2;
        // `成交额增速比成交量增速高9.7个百分点` after `累计成交量……累计成交额……同比分别增长12.9%和
        // 22.6%`: in the gap's own sentence a name may be the rate's subject's tail.
        // As written, since keys drop measure words and 成交额 and 成交量 are two concepts.
        // A clause break by `；` opens a sentence: `其中，服务出口…增长11.2%；服务进口…增长2.6%，出口
        // 增速比进口高8.6个百分点` names rates of the sentence before as well.
        let tail_of = |short: &str, t: &crate::statement::Statement| {
            t.paragraph == s.paragraph
                && t.sentence + 1 >= s.sentence
                && short.chars().count() >= 2
                && t.subject.len() > short.len()
                && t.subject.ends_with(short)
        };
        // The own rate may stand a few figures back when the compared one is stated between
        // (`餐饮收入…增长5.6%。…商品零售额422220亿元，增长3.9%，餐饮收入增速比商品零售高1.7个百分点`).
        let Some(own) = (0..p).rev().take(6).find(|&k| {
            let t = ctx.st(k);
            matches!(t.kind, Kind::Growth | Kind::Rate | Kind::Share)
                && ctx.same_period(k, p)
                && (t.paragraph == s.paragraph || (named && t.story == s.story))
                && (subject::same(&t.subject, &s.subject)
                    || (s.key.chars().count() >= 2 && t.key.starts_with(s.key.as_str()))
                    || tail_of(&s.subject, t))
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
            .or_else(|| whole_rate(ctx, own, name))
            .or_else(|| {
                // `增加值…增长6.8%，增速比总产出低1.3个百分点` after `体育产业总产出…增长8.1%`:
                // the one rate nearby whose subject the name ends.
                let tails: Vec<usize> = ctx
                    .near(own)
                    .filter(|&(k, t)| {
                        k != own
                            && t.kind == o.kind
                            && t.story == s.story
                            && !t.headline
                            && ctx.same_period(k, own)
                            && name.chars().count() >= 2
                            && (subject::refers(name, &t.subject) == subject::Reference::Tail
                                || subject::refers(
                                    &super::completed(name, &o.subject, &t.subject),
                                    &t.subject,
                                ) == subject::Reference::Tail)
                            && !subject::same(&t.subject, &o.subject)
                    })
                    .map(|(k, _)| k)
                    .collect();
                super::only(&tails)
            })
            .or_else(|| {
                (0..p).rev().take(4).find(|&k| {
                    let t = ctx.st(k);
                    k != own
                        && t.kind == o.kind
                        && ctx.same_period(k, own)
                        && tail_of(name, t)
                        && !tail_of(&s.subject, t)
                })
            });
        let Some(other) = other else { continue };
        push(ctx, out, p, own, other);
    }
}

/// `平均发行利率为1.98%，比上年同期的2.35%低0.37个百分点`: a gap right after the rate it compares
/// with, itself right after the subject's rate, all in one clause: (own rate, compared rate).
fn compared_before(ctx: &Context, p: usize) -> Option<(usize, usize)> {
    let (own, other) = (p.checked_sub(2)?, p - 1);
    let (s, o, t) = (ctx.st(p), ctx.st(own), ctx.st(other));
    let compared = matches!(&t.basis, Some(Against::Named(_)));
    let between = &ctx.text[t.span.end..s.span.start];
    let adjacent = between.chars().count() <= 4 && !between.contains(['，', '；', '。', ',']);
    (matches!(o.kind, Kind::Growth | Kind::Rate)
        && t.kind == o.kind
        && o.sentence == s.sentence
        && t.sentence == s.sentence
        && compared
        && o.basis.is_none()
        && adjacent
        && subject::same(&o.subject, &t.subject))
    .then_some((own, other))
}

/// `不良贷款率为1.48%，上季末为1.50%，较上季末下降0.02个百分点`: the rate just before the gap
/// is named by the time the gap compares with, and the rate before it is the subject's now:
/// (own rate, compared rate).
fn named_earlier(ctx: &Context, p: usize) -> Option<(usize, usize)> {
    let s = ctx.st(p);
    let Some(Against::Named(name)) = &s.basis else {
        return None;
    };
    let (own, other) = (p.checked_sub(2)?, p - 1);
    let (o, t) = (ctx.st(own), ctx.st(other));
    let named = t.subject == *name || matches!(&t.basis, Some(Against::Named(n)) if n == name);
    (named
        && matches!(o.kind, Kind::Growth | Kind::Rate)
        && t.kind == o.kind
        && o.unit == "%"
        && t.unit == "%"
        && o.sentence == s.sentence
        && t.sentence == s.sentence
        && o.basis.is_none())
    .then_some((own, other))
}

/// `城镇地区互联网普及率为85.6%，农村地区为68.9%，城乡普及率差距为16.7个百分点`: a gap named as a
/// difference (`差距`, `相差`), comparing nothing by name, after two rates of one kind stated
/// just before it in its sentence: (the larger, the smaller), as a gap is written.
fn gap_between(ctx: &Context, p: usize) -> Option<(usize, usize)> {
    let s = ctx.st(p);
    let clause = &ctx.text[s.clause_start..s.span.start];
    let named = ["差距", "相差", "之差", "差值", "差为"]
        .iter()
        .any(|w| s.subject.contains(w) || clause.contains(w));
    if s.basis.is_some() || !named {
        return None;
    }
    let (a, b) = (p.checked_sub(2)?, p - 1);
    let (x, y) = (ctx.st(a), ctx.st(b));
    let rates = matches!(x.kind, Kind::Rate | Kind::Growth | Kind::Share)
        && y.kind == x.kind
        && x.unit == "%"
        && y.unit == "%"
        && x.sentence == s.sentence
        && y.sentence == s.sentence
        && ctx.same_period(a, b);
    if !rates {
        return None;
    }
    // The difference is the larger less the smaller, whichever the copy names first.
    let larger_first = match (x.strict.high.finite(), y.strict.high.finite()) {
        (Some(h), Some(k)) => h >= k,
        _ => true,
    };
    Some(if larger_first { (a, b) } else { (b, a) })
}

/// Reports gap `p` against own rate `own` less compared rate `other`.
fn push(ctx: &Context, out: &mut Vec<Found>, p: usize, own: usize, other: usize) {
    let (s, o, t) = (ctx.st(p), ctx.st(own), ctx.st(other));
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
