//! # growth-between-parts
//!
//! ## What it checks
//! A total's growth rate lies between the growth rates of its parts, when the parts make up the
//! whole: `城镇消费品零售额增长3.4%` and `乡村消费品零售额增长4.3%` put the total's 3.5% between
//! 3.4% and 4.3%. The parts are a breakdown's (or `其中`'s) levels, all of them with a stated
//! rate of the same basis and measure (nominal with nominal), and the breakdown is known to be
//! complete because its parts add up to the whole within rounding. A month's rate is never put
//! between the year's parts' rates: every rate has its level's period.
//!
//! ## Why an error matters
//! A weighted average cannot leave the range of what it averages; a total growing faster than
//! every part means one rate (or one direction word) is wrong.
//!
//! ## Example
//! 夏粮产量14989万吨，增长2.6%；早稻2817万吨，下降0.6%；秋粮52844万吨，增长1.4%。 The total's 1.6%
//! lies between −0.6% and 2.6%; `夏粮下降2.6%` breaks it.

use super::{severity, Context, Found};
use crate::figure::{Bound, Interval};

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    for group in &ctx.statements.groups {
        let Some(head) = group.head else { continue };
        let members: Vec<usize> = group
            .members
            .iter()
            .copied()
            .filter(|&m| ctx.st(m).unit == ctx.st(head).unit && ctx.same_period(m, head))
            .collect();
        if members.len() < 2 {
            continue;
        }
        // Complete: the parts add up to the whole.
        let total = members.iter().fold(Interval::exact(0.into()), |acc, &m| {
            acc.add(&ctx.st(m).strict)
        });
        if !total.intersects(&ctx.st(head).strict) {
            continue;
        }
        let Some(head_rate) = ctx.growth_of(head, None) else {
            continue;
        };
        let measure = ctx.st(head_rate).measure;
        let rates: Option<Vec<usize>> =
            members.iter().map(|&m| ctx.growth_of(m, measure)).collect();
        let Some(rates) = rates else { continue };
        let check = |pick: fn(&crate::statement::Statement) -> Interval| {
            let r = pick(ctx.st(head_rate));
            let lowest = rates.iter().map(|&k| pick(ctx.st(k)).low).min();
            let highest = rates.iter().map(|&k| pick(ctx.st(k)).high).max();
            match (lowest, highest) {
                (Some(lo), Some(hi)) => r.high >= lo && r.low <= hi,
                _ => true,
            }
        };
        let sev = severity(check(|s| s.strict), check(|s| s.natural));
        let low = rates
            .iter()
            .map(|&k| ctx.st(k).strict.low)
            .min()
            .unwrap_or(Bound::NegInf);
        let high = rates
            .iter()
            .map(|&k| ctx.st(k).strict.high)
            .max()
            .unwrap_or(Bound::PosInf);
        let parts: Vec<String> = rates
            .iter()
            .map(|&k| format!("{} {}", ctx.st(k).subject, signed(ctx, k)))
            .collect();
        let mut labels = vec![(head_rate, "整体增速".to_string())];
        labels.extend(rates.iter().map(|&k| (k, "部分增速".to_string())));
        out.push(Found {
            relation: "growth-between-parts".into(),
            severity: sev,
            message: "整体增速不在各部分增速之间".into(),
            help: format!(
                "{} {} {}在 {} 之间（{} 至 {}）",
                ctx.st(head_rate).subject,
                signed(ctx, head_rate),
                if sev.is_some() { "不" } else { "" },
                parts.join("、"),
                low,
                high
            ),
            labels,
        });
    }
}

fn signed(ctx: &Context, k: usize) -> String {
    let s = ctx.st(k);
    format!("{}{}", if s.sign < 0 { "−" } else { "" }, ctx.written(k))
}
