//! # average-over-period
//!
//! ## What it checks
//! A daily average (`日均`) times the days of its period is the period's total: `快递业务量超950
//! 亿件……日均超5.2亿件` in 上半年 needs 950 ÷ 181 ≥ 5.2. The total is the level whose subject the
//! average's names without `日均`; the days are the period's (the year from the copy's dates) or
//! a duration the sentence states (`8天档期内`).
//!
//! A monthly average (`平均每月`, `月均`) is read the same way over the period's months.
//!
//! ## Why an error matters
//! Averages are derived by the writer and travel into headlines; one computed over the wrong
//! number of days contradicts the total beside it.
//!
//! ## Example
//! 8天档期内，日均票房约11.89亿元 — with 票房95.10亿元: 95.10 ÷ 8 = 11.89.

use super::{severity, Context, Found};
use crate::figure::{Dimension, Interval};
use crate::statement::subject::{self, Reference};
use crate::statement::Kind;
use rust_decimal::Decimal;

/// The words of a daily average: `日均`, `平均每天`.
const DAILY: &[&str] = &["日均", "平均每天", "平均每日", "每天平均", "每日平均"];

/// The words of a monthly average: `平均每月`, `月均`.
const MONTHLY: &[&str] = &["平均每月", "每月平均", "月均"];

/// Words of one day's level (`出程高峰当天流量`, `单日票房`): no total of a period.
const ONE_DAY: &[&str] = &["当天", "当日", "单日"];

/// Days an average may be of other than the period's (`平日日均`).
const OTHER_DAYS: &[&str] = &["平日", "平时", "工作日", "周末"];

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    for (a, s) in ctx.statements.statements.iter().enumerate() {
        // A flow stated as what is added (`日均新增约83万千瓦`) averages the period's additions.
        let flow = s.kind == Kind::Change && s.basis.is_none() && s.sign > 0;
        if s.kind != Kind::Level && !flow {
            continue;
        }
        let daily = DAILY
            .iter()
            .find_map(|m| s.subject.find(m).map(|at| (at, *m)));
        let monthly = MONTHLY
            .iter()
            .find_map(|m| s.subject.find(m).map(|at| (at, *m)));
        let per_month = daily.is_none() && monthly.is_some();
        let Some((at, marker)) = daily.or(monthly) else {
            continue;
        };
        // `平日日均流量`: the average of ordinary days, not of the period the copy is about.
        if OTHER_DAYS.iter().any(|w| s.subject[..at].ends_with(w)) {
            continue;
        }
        let base = format!("{}{}", &s.subject[..at], &s.subject[at + marker.len()..]);
        let base = ["折合", "平均", "约"]
            .iter()
            .fold(base.as_str(), |b, w| b.strip_prefix(w).unwrap_or(b));
        let base_key = subject::key(base);
        let fits = |k: usize| {
            let t = ctx.st(k);
            // `前三季度已新增1.28万个，…平均每月新增约1422个`: what a period adds is its flow; a
            // plan (`计划新增1.5万个`) is no total of what was done.
            (t.kind == Kind::Level || ctx.adds(k))
                && crate::statement::lexicon::stage(&t.subject)
                    == crate::statement::lexicon::stage(&s.subject)
                && t.unit == s.unit
                && t.story == s.story
                && !t.headline
                && t.basis.is_none()
                && !matches!(
                    t.qualifier,
                    Some(crate::figure::Qualifier::AtLeast | crate::figure::Qualifier::AtMost)
                )
                && t.kind != Kind::Threshold
                && !DAILY
                    .iter()
                    .chain(MONTHLY)
                    .chain(ONE_DAY)
                    .any(|m| t.subject.contains(m))
                && ctx.same_period(k, a)
        };
        // The total: the latest level before it of that concept, in the same unit and period;
        // where the average names no concept (`折合日均`, `日均销售` after 累计销售彩票), the level
        // its sentence states, when the name is empty or opens that level's.
        // The concept itself before a level it is only the tail of (服务进出口总额, not
        // 知识密集型服务进出口), the latest of the best named.
        let named = (base_key.chars().count() >= 2)
            .then(|| {
                let candidates: Vec<(usize, Reference)> = ctx
                    .before(a)
                    .filter(|&k| fits(k))
                    .map(|k| (k, subject::refers_by_key(&base_key, &ctx.st(k).key)))
                    .filter(|(_, r)| *r > Reference::No)
                    .collect();
                super::best_named(&candidates).and_then(|(_, top)| top.first().copied())
            })
            .flatten();
        // `日均产量` after `全国粗钢产量6987万吨`: a bare measure word averages the level just
        // before it in its paragraph.
        let bare = crate::statement::lexicon::MEASURES.contains(&base);
        let named = named.or_else(|| {
            bare.then(|| {
                ctx.before(a)
                    .take_while(|&k| ctx.st(k).paragraph == s.paragraph)
                    .find(|&k| fits(k))
            })
            .flatten()
        });
        let total = named.or_else(|| {
            ctx.before(a)
                .take_while(|&k| ctx.st(k).sentence == s.sentence)
                .find(|&k| {
                    fits(k)
                        && (base_key.chars().count() < 2
                            || ctx.st(k).key.starts_with(base_key.as_str()))
                })
        });
        // `完成客运量28.52亿人次……平均每天运送乘客9507万人次`: an average naming the flow in other
        // words averages its sentence's level in its unit, when no level bears its name.
        let total = total.or_else(|| {
            let named_anywhere = base_key.chars().count() >= 2
                && ctx.near(a).any(|(k, t)| {
                    k != a
                        && t.kind == Kind::Level
                        && subject::refers_by_key(&base_key, &t.key) > Reference::No
                });
            (!named_anywhere)
                .then(|| {
                    ctx.before(a)
                        .take_while(|&k| ctx.st(k).sentence == s.sentence)
                        .find(|&k| fits(k))
                })
                .flatten()
        });
        let Some(total) = total else { continue };
        let counted = if per_month {
            months_of(ctx, a, total).map(|m| (m, None))
        } else {
            days_of(ctx, a, total)
        };
        let Some((days, days_label)) = counted else {
            continue;
        };
        let (per, what) = if per_month {
            ("个月", "月均")
        } else {
            ("天", "日均")
        };
        let t = ctx.st(total);
        let check =
            |total: Interval, avg: Interval| total.div(&days).is_none_or(|q| q.intersects(&avg));
        let sev = severity(check(t.strict, s.strict), check(t.natural, s.natural));
        let mut labels = vec![(total, "总量".to_string()), (a, what.to_string())];
        if let Some(d) = days_label {
            labels.push((d, "天数".to_string()));
        }
        out.push(Found {
            relation: "average-over-period".into(),
            severity: sev,
            message: format!(
                "{what}数与总量、{}数不符",
                if per_month { "月" } else { "天" }
            ),
            help: format!(
                "{} {} / {} {per} = {} ≠ {what} {}",
                t.subject,
                ctx.written(total),
                days,
                t.strict.div(&days).map_or("∞".into(), |q| ctx.range(a, &q)),
                ctx.written(a)
            ),
            labels,
        });
    }
}

/// The months a monthly average is over: the named period's, of its total or itself.
fn months_of(ctx: &Context, avg: usize, total: usize) -> Option<Interval> {
    let (t, s) = (ctx.st(total), ctx.st(avg));
    let period = [t, s]
        .into_iter()
        .find(|x| x.period.is_some() && x.period_named)?
        .period
        .as_ref()?;
    let months = period.month_count().filter(|&m| m >= 2)?;
    Some(Interval::exact(Decimal::from(months)))
}

/// The days an average is over: a duration in days stated in its sentence before it, else its
/// total's period's days.
fn days_of(ctx: &Context, avg: usize, total: usize) -> Option<(Interval, Option<usize>)> {
    let s = ctx.st(avg);
    if let Some(d) = (0..avg).rev().take(4).find(|&k| {
        let t = ctx.st(k);
        t.sentence == s.sentence && t.dimension == Dimension::Duration && t.unit == "天"
    }) {
        return Some((ctx.st(d).strict, Some(d)));
    }
    // A period only the story's lead names may not be this paragraph's (`假期` under a story
    // opened with last year's figures): its days prove nothing.
    let t = ctx.st(total);
    let period = [t, s]
        .into_iter()
        .find(|x| x.period.is_some() && x.period_named)?
        .period
        .as_ref()?;
    let (lo, hi) = period.days(ctx.year, ctx.year_guessed)?;
    Some((
        Interval::between(Decimal::from(lo), Decimal::from(hi)),
        None,
    ))
}
