//! # same-figure-twice
//!
//! ## What it checks
//! A figure stated twice — in the headline and the body, or twice in the body — has one value.
//! Two statements are the same figure when they state the same concept (the same subject, less
//! the words that do not change a concept: `出口额` is `出口`, `汽车驾驶人` is not `驾驶人`), the
//! same kind of quantity, the same period and basis, in the same unit. A headline may shorten
//! its subject (`社零总额` for `社会消费品零售总额`) and round its figure (`48.8万亿元` for
//! `487895亿元`).
//!
//! ## Why an error matters
//! Headlines are rewritten late and by other hands; a headline that disagrees with its own story
//! is the most visible error a paper can print.
//!
//! ## Example
//! 标题 `去年社零总额48.8万亿元`, 正文 `社会消费品零售总额487895亿元`: the same figure, rounded.
//! `45.8万亿元` in the headline fails.

use super::{odd_ones_out, severity, Context, Found};
use crate::figure::Interval;
use crate::statement::subject::{self, Reference};
use crate::statement::{is_average, Kind};

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    let all = &ctx.statements.statements;
    for (b, sb) in all.iter().enumerate() {
        // Only a headline is compared with its body: two body statements of one subject and
        // period with different values are, more often than not, a subject or period the copy
        // left implicit (与欧盟贸易总值 written 贸易总值 after 欧盟为第二大贸易伙伴).
        if !sb.headline
            || !matches!(
                sb.kind,
                Kind::Level | Kind::Rate | Kind::Growth | Kind::Share
            )
            || sb.subject.is_empty()
        {
            continue;
        }
        // The body statements it may repeat: of its kind, unit, basis and period, whose subject
        // is its own, abbreviated, or shares a tail with it (`人均消费支出` for
        // `全国居民人均消费支出`, `蛇年春节档票房` for `全国电影票房`).
        let candidates: Vec<(usize, Reference)> = all
            .iter()
            .enumerate()
            .filter(|&(a, sa)| {
                !sa.headline
                    && sa.story == sb.story
                    && sa.kind == sb.kind
                    && (sa.unit == sb.unit || bare_count(sb, sa))
                    && same_basis(sa, sb)
                    && sa.measure == sb.measure
                    && !sa.subject.is_empty()
                    && periods_match(ctx, a, b)
                    // A bound in the body (超过53亿元) is no figure a headline's could equal; a
                    // headline's bound (超1.1万亿元) holds the body's figure.
                    && !one_sided(sa)
                    // A total and an average of it share the total's name (`日均成交额`).
                    && averages(&sa.subject) == averages(&sb.subject)
            })
            .map(|(a, sa)| (a, binding(&sa.subject, &sb.subject)))
            .filter(|(_, r)| *r > Reference::No)
            .collect();
        // A headline names a whole rather than one of its parts: `全国期货市场成交额超600万亿元`
        // is the market's turnover, not one exchange's in the body's breakdown of it.
        let heads: Vec<usize> = candidates
            .iter()
            .filter_map(|&(a, _)| {
                let g = ctx.statements.groups.get(all[a].group?)?;
                g.head.filter(|h| candidates.iter().any(|&(c, _)| c == *h))
            })
            .collect();
        let candidates: Vec<(usize, Reference)> = if heads.is_empty() {
            candidates
        } else {
            candidates
                .into_iter()
                .filter(|&(a, _)| {
                    all[a]
                        .group
                        .and_then(|g| ctx.statements.groups.get(g))
                        .and_then(|g| g.head)
                        .is_none_or(|h| !heads.contains(&h))
                })
                .collect()
        };
        if candidates.is_empty() {
            continue;
        }
        let holds = |v: &[Interval]| v[0].intersects(&v[1]);
        if let Some(&(a, _)) = candidates
            .iter()
            .filter(|&&(a, _)| ctx.st(a).strict.intersects(&sb.strict))
            .max_by_key(|(_, r)| *r)
        {
            out.push(Found {
                relation: "same-figure-twice".into(),
                severity: None,
                message: format!("标题与正文的{}一致", ctx.st(a).subject),
                help: format!(
                    "标题 {} {} = 正文 {} {}",
                    sb.subject,
                    ctx.written(b),
                    ctx.st(a).subject,
                    ctx.written(a)
                ),
                labels: vec![(a, "正文".into()), (b, "标题".into())],
            });
            continue;
        }
        // Nothing it could repeat agrees with it: report the one the headline surely names, or
        // else the only one a slip of either figure explains.
        let sure: Vec<usize> = candidates
            .iter()
            .filter(|(_, r)| *r == Reference::Same)
            .map(|(a, _)| *a)
            .collect();
        let a = match sure.as_slice() {
            [a] => *a,
            _ => {
                let slipped: Vec<usize> = candidates
                    .iter()
                    .map(|(a, _)| *a)
                    .filter(|&a| !odd_ones_out(ctx, &[a, b], false, holds).is_empty())
                    .collect();
                match slipped.as_slice() {
                    [a] => *a,
                    _ => continue,
                }
            }
        };
        let sa = ctx.st(a);
        let sev = severity(
            holds(&[sa.strict, sb.strict]),
            holds(&[sa.natural, sb.natural]),
        );
        out.push(Found {
            relation: "same-figure-twice".into(),
            severity: sev,
            message: format!("标题与正文的{}不一致", sa.subject),
            help: format!(
                "标题 {} {} ≠ 正文 {} {}",
                sb.subject,
                ctx.written(b),
                sa.subject,
                ctx.written(a)
            ),
            labels: vec![(a, "正文".into()), (b, "标题".into())],
        });
    }
}

/// How surely a headline's subject names a body subject: the same concept, an abbreviation, or
/// a shared tail of two characters or more (a weak binding, decided only by a slip).
fn binding(body: &str, headline: &str) -> Reference {
    if subject::same(body, headline) {
        return Reference::Same;
    }
    match subject::refers(headline, body) {
        Reference::No | Reference::Tail => {
            let tail = subject::common_tail(body, headline);
            if tail.chars().count() >= 2 {
                Reference::Tail
            } else {
                Reference::No
            }
        }
        r => r,
    }
}

/// Whether a name is an average's (`日均成交额`, `平均价格`, `均价`).
fn averages(name: &str) -> bool {
    is_average(name) || name.contains("均价")
}

/// A headline's count written without its classifier (`网民规模达11.32亿`) counts what the body's
/// does (`11.32亿人`).
fn bare_count(headline: &crate::statement::Statement, body: &crate::statement::Statement) -> bool {
    use crate::figure::Dimension;
    headline.dimension == Dimension::Count
        && headline.unit.is_empty()
        && body.dimension == Dimension::Count
}

fn one_sided(s: &crate::statement::Statement) -> bool {
    use crate::figure::Qualifier;
    matches!(s.qualifier, Some(Qualifier::AtLeast | Qualifier::AtMost))
}

fn periods_match(ctx: &Context, a: usize, b: usize) -> bool {
    match (&ctx.st(a).period, &ctx.st(b).period) {
        (Some(p), Some(q)) => p.agrees(q, ctx.year),
        _ => false,
    }
}

/// Bases that agree: the same, or a rate without one read as year on year (a headline's
/// `增长3.2%` is the body's `同比增长3.2%`).
fn same_basis(a: &crate::statement::Statement, b: &crate::statement::Statement) -> bool {
    use crate::statement::Against;
    let norm = |s: &crate::statement::Statement| match (&s.basis, s.kind) {
        (None, Kind::Growth) => Some(Against::YearEarlier),
        (basis, _) => basis.clone(),
    };
    norm(a) == norm(b)
}
