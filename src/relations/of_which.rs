//! # part-within-whole
//!
//! ## What it checks
//! A part never exceeds its whole: a level under `其中` or `包括`, or a member of a breakdown
//! (`按…分`, `分…看`), in the whole's unit and period, is at most the level it is part of.
//! Qualified figures bound one side (`超490万家`), so only a part that must exceed its whole
//! fails.
//!
//! ## Why an error matters
//! A part larger than its whole is the plainest sign of a slipped digit or magnitude — and the
//! easiest for a reader to spot once printed.
//!
//! ## Example
//! 全国机动车保有量达4.6亿辆，其中汽车3.59亿辆。 `其中汽车5.59亿辆` fails: the part exceeds the
//! whole.

use super::{severity, Context, Found};

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    for group in &ctx.statements.groups {
        let Some(head) = group.head else { continue };
        let h = ctx.st(head);
        if h.strict.high < crate::figure::Bound::Finite(0.into()) {
            continue;
        }
        // An average's parts (城镇居民人均…, 农村居民人均…) may exceed it.
        if is_average(&h.subject) {
            continue;
        }
        for &m in &group.members {
            let s = ctx.st(m);
            if s.unit != h.unit || !ctx.same_period(m, head) || s.sign < 0 {
                continue;
            }
            let sev = severity(
                s.strict.can_be_le(&h.strict),
                s.natural.can_be_le(&h.natural),
            );
            out.push(Found {
                relation: "part-within-whole".into(),
                severity: sev,
                message: format!("{}的部分大于整体", group.opener),
                help: format!(
                    "{} {} > {} {}",
                    s.subject,
                    ctx.written(m),
                    h.subject,
                    ctx.written(head)
                ),
                labels: vec![(head, "整体".into()), (m, "部分".into())],
            });
        }
    }
}

/// Whether a subject is an average or a rate, whose parts are not bounded by it.
pub(super) fn is_average(subject: &str) -> bool {
    crate::statement::lexicon::AVERAGES
        .iter()
        .any(|a| subject.contains(a))
        || ["均价", "中位数", "价格", "指数", "率"]
            .iter()
            .any(|w| subject.contains(w))
}
