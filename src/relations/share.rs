//! # share-of-whole
//!
//! ## What it checks
//! A stated share equals its part divided by its whole: `实物商品网上零售额130816亿元……占社会
//! 消费品零售总额的比重为26.8%` needs 130816 ÷ 487895 to round to 26.8%. The part is the level
//! the share's subject names (carried from the clause before when the share names none); the
//! whole is the level whose subject the share names after `占…的` — the same concept, its
//! abbreviation, or the whole of the breakdown the part belongs to — in the same period. A share
//! that names no whole (`占比`) is of its part's breakdown or `其中` whole. A share whose whole
//! the article does not state (`占全国的18.3%`) checks nothing.
//!
//! ## Why an error matters
//! Shares are recomputed by readers more than any other figure, and a share computed from last
//! month's base or a sub-total's is a correction waiting to happen.
//!
//! ## Example
//! 全国新能源汽车保有量达3689万辆，占汽车总量的10.27%。 With 汽车3.59亿辆 stated: 3689万 ÷ 3.59亿
//! = 10.276%, within the rounding of 10.27%.

use super::{odd_ones_out, percent, severity, Context, Found};
use crate::figure::{Interval, Qualifier};
use crate::statement::subject::{self, Reference};
use crate::statement::{is_average, lexicon, GroupKind, Kind};
use rust_decimal::Decimal;

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    for (i, s) in ctx.statements.statements.iter().enumerate() {
        if s.kind != Kind::Share || s.unit != "%" {
            continue;
        }
        let Some(part) = ctx.level_of(i) else {
            continue;
        };
        let Some(whole) = whole_of(ctx, i, part) else {
            continue;
        };
        let hundred = Interval::exact(Decimal::ONE_HUNDRED);
        let holds = |v: &[Interval]| {
            v[0].div(&v[1])
                .map(|q| q.mul(&hundred))
                .is_none_or(|q| q.intersects(&v[2]))
        };
        let (p, w) = (ctx.st(part), ctx.st(whole));
        let strict = [p.strict, w.strict, s.strict];
        let natural = [p.natural, w.natural, s.natural];
        let sev = severity(holds(&strict), holds(&natural));
        let Some(q) = p.strict.div(&w.strict).map(|q| q.mul(&hundred)) else {
            continue;
        };
        let mut help = format!(
            "{} {} / {} {} = {}（按四舍五入区间 {}） ≠ 占比 {}",
            p.subject,
            ctx.written(part),
            w.subject,
            ctx.written(whole),
            super::breakdown::mid(&q).map_or(q.to_string(), percent),
            Context::percent_range(&q),
            ctx.written(i)
        );
        if sev.is_some() && odd_ones_out(ctx, &[part, whole, i], false, holds) == [i] {
            if let Some(v) = super::breakdown::mid(&q) {
                help.push_str(&format!(
                    "; 占比 {} → {} would make the share hold",
                    ctx.written(i),
                    percent(v)
                ));
            }
        }
        out.push(Found {
            relation: "share-of-whole".into(),
            severity: sev,
            message: "占比与部分、整体之比不符".into(),
            help,
            labels: vec![
                (part, "部分".into()),
                (whole, "整体".into()),
                (i, "占比".into()),
            ],
        });
    }
}

/// The whole a share is of: the level its `占…的` names, or its part's group whole.
fn whole_of(ctx: &Context, share: usize, part: usize) -> Option<usize> {
    let s = ctx.st(share);
    let p = ctx.st(part);
    let head = p.group.and_then(|g| ctx.statements.groups[g].head);
    let Some(name) = s.of.as_deref() else {
        // `高技术产业实际使用外资2436.8亿元，占比为32.6%`: a part of no group is a share of the
        // level of its own concept without its modifier.
        return head.or_else(|| concept_whole(ctx, share, part));
    };
    // 中位数是平均数的84.0%: the mean of the same subject.
    if matches!(name, "平均数" | "平均值" | "均值" | "平均水平") {
        let mean = p.subject.strip_suffix("中位数")?;
        let key = subject::key(mean);
        return ctx.near(share).find_map(|(k, t)| {
            (t.kind == Kind::Level
                && t.unit == p.unit
                && t.story == s.story
                && !t.headline
                && t.key == key
                && ctx.same_period(k, part))
            .then_some(k)
        });
    }
    // `占全国市场份额的38.1%`, `占网民整体的27.1%`: the share's noun and the word of a whole
    // after a concept say what the name is, not another concept.
    let name = strip_whole_words(name);
    // 占全国的: the level of the part's own concept without its modifier (5个省市共完成软件业务
    // 收入 of 全国软件业务收入), stated once in the part's period — or else the whole of the
    // breakdown the part is an item of (中国金融期货交易所 of the exchanges' 累计成交额).
    if lexicon::WHOLE_NAMES.contains(&name) && !matches!(name, "平均水平" | "全国平均水平")
    {
        return concept_whole(ctx, share, part).or_else(|| {
            let g = &ctx.statements.groups[p.group?];
            let h = g.head?;
            (g.kind == GroupKind::Breakdown
                && ctx.st(h).group.is_none()
                && ctx.same_period(h, part))
            .then_some(h)
        });
    }
    // `一季度…占全年总量的28.9%`: a whole named only by a period and a measure word is the
    // part's own concept over that longer period.
    let bare = crate::statement::strip_periods(name);
    if bare.is_empty() || lexicon::MEASURES.contains(&bare.as_str()) {
        if let Some(w) = whole_over_longer_period(ctx, share, part) {
            return Some(w);
        }
    }
    let name_key = subject::key(name);
    if let Some(h) = head {
        if subject::refers_by_key(&name_key, &ctx.st(h).key) > Reference::No {
            return Some(h);
        }
    }
    let part_key = p.key.clone();
    let candidates: Vec<(usize, Reference)> = ctx
        .near(share)
        .filter(|&(k, t)| {
            k != part
                && t.kind == Kind::Level
                && t.unit == p.unit
                && t.story == s.story
                && !t.headline
                && ctx.same_period(k, part)
                // `缴存额超过2000亿元的有…`: a bound is no whole.
                && !matches!(t.qualifier, Some(Qualifier::AtLeast | Qualifier::AtMost))
                && !t.key.clone().ends_with(&part_key)
                // A per-head figure is the whole of no total's share (人均R&D经费 is not the
                // R&D经费 that 基础研究经费 is a share of).
                && is_average(&t.subject) == is_average(&p.subject)
        })
        .map(|(k, t)| (k, subject::refers_by_key(&name_key, &t.key)))
        .filter(|(_, r)| *r > Reference::No)
        .collect();
    if candidates.is_empty() {
        return shortened_whole(ctx, share, part, &name_key);
    }
    let (best, top) = super::best_named(&candidates)?;
    // A name that is only the tail of several levels decides among them by none being a part of
    // a group; a tie beyond that is no binding at all.
    if best == Reference::Tail {
        let top: Vec<usize> = top
            .into_iter()
            .filter(|&k| ctx.st(k).group.is_none())
            .collect();
        // A whole is stated before its parts' shares: `跨省转籍交易` after `占全国交易总量的
        // 33.8%` is another share's part.
        let before: Vec<usize> = top.iter().copied().filter(|&k| k < share).collect();
        return super::one_value(ctx, if before.is_empty() { &top } else { &before });
    }
    top.first().copied()
}

/// Whether statement `k` may be the whole that share `share` of `part` is of: another plain level
/// of the story's body, in the part's unit, compared with nothing.
fn may_hold(ctx: &Context, share: usize, part: usize, k: usize) -> bool {
    let (s, p, t) = (ctx.st(share), ctx.st(part), ctx.st(k));
    k != part
        && t.kind == Kind::Level
        && t.unit == p.unit
        && t.story == s.story
        && !t.headline
        && t.basis.is_none()
}

/// `票房收入486.35亿元…占全国演出票房收入的比重为44.9%`: a whole named in full whose level the
/// copy stated by the name's tail (three characters or more), in no group, before the share,
/// with one value.
fn shortened_whole(ctx: &Context, share: usize, part: usize, name_key: &str) -> Option<usize> {
    let (s, p) = (ctx.st(share), ctx.st(part));
    let found: Vec<usize> = ctx
        .before(share)
        .filter(|&k| {
            let t = ctx.st(k);
            may_hold(ctx, share, part, k)
                && t.qualifier.is_none()
                && t.group.is_none()
                // A name of two characters is the whole's only in the share's paragraph
                // (`销售额3620亿元…；一级能效产品销售额…占家电销售额的90.8%`).
                && (t.key.chars().count() >= 3
                    || t.key.chars().count() == 2 && t.paragraph == s.paragraph)
                && name_key.len() > t.key.len()
                && name_key.ends_with(t.key.as_str())
                && is_average(&t.subject) == is_average(&p.subject)
                && ctx.same_period(k, part)
        })
        .collect();
    super::one_value(ctx, &found)
}

/// The level of the part's concept (the same, or one name the tail of the other) stated for a
/// period that holds the part's and is longer, with one value.
fn whole_over_longer_period(ctx: &Context, share: usize, part: usize) -> Option<usize> {
    let p = ctx.st(part);
    let pp = p.period.as_ref()?;
    let found: Vec<usize> = ctx
        .near(share)
        .filter(|&(k, t)| {
            may_hold(ctx, share, part, k)
                && t.key.chars().count() >= 2
                && (t.key == p.key
                    || t.key.ends_with(p.key.as_str())
                    || p.key.ends_with(t.key.as_str()))
                && t.period
                    .as_ref()
                    .is_some_and(|tp| tp != pp && tp.contains(pp, ctx.year))
        })
        .map(|(k, _)| k)
        .collect();
    // The longest such period: 全年 before 前三季度 for a quarter's share of the year.
    let months = |k: &usize| ctx.st(*k).period.as_ref().and_then(|p| p.month_count());
    let longest = found.iter().filter_map(months).max();
    let found: Vec<usize> = found.into_iter().filter(|k| months(k) == longest).collect();
    // The concept itself before a concept named longer (跨省通办办理结婚登记 is a part of it).
    let same: Vec<usize> = found
        .iter()
        .copied()
        .filter(|&k| ctx.st(k).key == p.key)
        .collect();
    super::one_value(ctx, if same.is_empty() { &found } else { &same })
}

/// A share's whole as named, less the share's noun (`全国市场份额`) and a whole's word after a
/// concept (`网民整体` is 网民).
fn strip_whole_words(name: &str) -> &str {
    let name = name
        .strip_suffix("份额")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(name);
    ["整体", "总体"]
        .iter()
        .find_map(|w| name.strip_suffix(w).filter(|r| r.chars().count() >= 2))
        .unwrap_or(name)
}

/// The level of a part's own concept without its modifier (`5个省市共完成软件业务收入` of
/// `全国软件业务收入`), stated once in the part's period: the whole `占全国的` names.
fn concept_whole(ctx: &Context, share: usize, part: usize) -> Option<usize> {
    let p = ctx.st(part);
    let found: Vec<usize> = ctx
        .near(share)
        .filter(|&(k, t)| {
            may_hold(ctx, share, part, k)
                && t.key.chars().count() >= 2
                && p.key.len() > t.key.len()
                && (p.key.ends_with(t.key.as_str()) || modified(&p.key, &t.key))
                && ctx.same_period(k, part)
        })
        .map(|(k, _)| k)
        .collect();
    super::one_value(ctx, &found)
}

/// Whether `part` is `whole`'s concept named short after a modifier of one to three characters
/// (`三省新开工改造小区` of `新开工改造城镇老旧小区`): the rest, four characters or more, abbreviates
/// the whole's name.
fn modified(part: &str, whole: &str) -> bool {
    part.char_indices().skip(1).take(3).any(|(at, _)| {
        let rest = &part[at..];
        rest.chars().count() >= 4
            && matches!(
                subject::refers_by_key(rest, whole),
                Reference::Abbreviation | Reference::Same
            )
    })
}
