//! # breakdown-sum
//!
//! ## What it checks
//! The parts of a breakdown add up to its whole: the levels after `按经营单位所在地分`,
//! `分季节看`, `从收入来源看`, `出口额、进口额分开来看` or `其中`, in the whole's unit and period,
//! summed, equal the level they break down — within the rounding of every figure.
//!
//! A breakdown may be partial (`其中` names the largest parts) or overlapping (`分经济类型看`
//! lists 国有控股 and 股份制 firms, which overlap), and the copy rarely says which. So the
//! relation reports a breakdown that does not add up only when one figure is the odd one out:
//! a single slip of it (one digit, 万 for 亿) would make the parts add up exactly. A partial or
//! overlapping list is almost never one slip away from its whole, and stays silent.
//!
//! ## Why an error matters
//! A mistyped part passes every eye that does not add the column: the total is printed, the parts
//! look plausible, and the reader who adds them finds the paper wrong.
//!
//! ## Example
//! 全年全国居民人均消费支出28227元……分类别看，人均食品烟酒消费支出8411元……其他用品及服务支出619元。
//! The eight categories add up to 28227元; `居住支出6863元` for 6263 makes them 28827元, and the
//! finding names 居住支出 as the figure one digit from the sum.

use super::{odd_ones_out, suggestion, Context, Found};
use crate::figure::Interval;
use crate::rules::Severity;
use crate::statement::Group;

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    for group in &ctx.statements.groups {
        let Some(head) = group.head else { continue };
        let mut members: Vec<usize> = group
            .members
            .iter()
            .copied()
            .filter(|&m| ctx.st(m).unit == ctx.st(head).unit && ctx.same_period(m, head))
            .filter(|&m| ctx.st(m).key.is_empty() || ctx.st(m).key != ctx.st(head).key)
            .collect();
        // `浙江、江苏、广东…位居前三，依次为…`: a ranking's values alone are the top of a list, not
        // all the parts of its whole.
        if members.iter().all(|&m| ctx.st(m).ranked) {
            continue;
        }
        // The same part twice (a figure repeated in another unit, an aside) is one part.
        members.dedup_by(|a, b| !ctx.st(*a).key.is_empty() && ctx.st(*a).key == ctx.st(*b).key);
        if members.len() < 2 {
            continue;
        }
        // A figure bounded on one side (超490万家) cannot anchor a sum, and an approximate one
        // (约3.8亿人) is wide enough for a slip to fit anything.
        if std::iter::once(head)
            .chain(members.iter().copied())
            .any(|i| ctx.st(i).qualifier.is_some())
        {
            continue;
        }
        let sum = SumCheck::new(ctx, head, &members, true);
        if sum.severity.is_some() && sum.odd.is_empty() {
            // Not one slip from adding up: a partial or overlapping list.
            continue;
        }
        // `其中企业6094.3万户、个体工商户1.27亿户` under 1.91亿户, in a story that has broken
        // 经营主体 down into 企业, 个体工商户 and 农民专业合作社: a list naming some of the parts
        // the story has listed before leaves the rest out, and falling short proves nothing.
        if sum.severity.is_some()
            && sum.total.can_be_lt(&sum.strict[0])
            && leaves_out(ctx, group, &members)
        {
            continue;
        }
        let parts: Vec<String> = members
            .iter()
            .map(|&m| format!("{} {}", ctx.st(m).subject, ctx.written(m)))
            .collect();
        let help = sum.help(
            ctx,
            &parts,
            &ctx.st(head).subject,
            "the parts add up to the whole",
        );
        let mut labels = vec![(head, "整体".to_string())];
        labels.extend(members.iter().map(|&m| (m, "部分".to_string())));
        out.push(Found {
            relation: "breakdown-sum".into(),
            severity: sum.severity,
            message: format!("{}的各部分之和与整体不符", group.opener),
            help,
            labels,
        });
    }
}

/// Whether an earlier group of the story has parts named as all of `members` are (by the end
/// of their names) and more: `members` then list some of a breakdown the story knows, not all.
fn leaves_out(ctx: &Context, group: &Group, members: &[usize]) -> bool {
    let first = members[0];
    ctx.statements.groups.iter().any(|other| {
        !std::ptr::eq(other, group)
            && other.members.len() > members.len()
            && other
                .members
                .iter()
                .all(|&m| m < first && ctx.st(m).story == ctx.st(first).story)
            && members.iter().all(|&m| {
                let key = &ctx.st(m).key;
                key.chars().count() >= 2
                    && other
                        .members
                        .iter()
                        .any(|&o| ctx.st(o).key.ends_with(key.as_str()))
            })
    })
}

/// A whole (`all[0]`) against the sum of its parts (`all[1..]`), each figure an interval: the
/// verdict, the parts' sum at the strict intervals, and — when the sum fails — the figures a
/// single slip of which would make it hold.
pub(super) struct SumCheck {
    pub all: Vec<usize>,
    pub strict: Vec<Interval>,
    pub severity: Option<Severity>,
    pub total: Interval,
    pub odd: Vec<usize>,
}

impl SumCheck {
    /// `coarse` lets a slip be judged at the coarsest figure's rounding (see [`odd_ones_out`]).
    pub(super) fn new(ctx: &Context, whole: usize, parts: &[usize], coarse: bool) -> Self {
        let mut all = vec![whole];
        all.extend(parts);
        let holds = |vals: &[Interval]| parts_sum(vals).intersects(&vals[0]);
        let strict: Vec<Interval> = all.iter().map(|&i| ctx.st(i).strict).collect();
        let natural: Vec<Interval> = all.iter().map(|&i| ctx.st(i).natural).collect();
        let severity = super::severity(holds(&strict), holds(&natural));
        let total = parts_sum(&strict);
        // A remainder the list leaves out makes its parts fall short of the whole, never exceed
        // it: parts that exceed their whole may have slipped in any digit, the last included.
        let exceeds = !total.can_be_le(&strict[0]);
        let odd = if severity.is_some() {
            odd_ones_out(ctx, &all, coarse && !exceeds, holds)
        } else {
            Vec::new()
        };
        Self {
            all,
            strict,
            severity,
            total,
            odd,
        }
    }

    /// `parts = sum（按四舍五入区间 range） ≠ whole_name written`, and where one figure is the odd
    /// one out, the value that makes `what` hold.
    pub(super) fn help(
        &self,
        ctx: &Context,
        listed: &[String],
        whole_name: &str,
        what: &str,
    ) -> String {
        let whole = self.all[0];
        let mut help = format!(
            "{} = {}（按四舍五入区间 {}） ≠ {} {}",
            listed.join(" + "),
            mid_in_units(ctx, whole, &self.total),
            ctx.range(whole, &self.total),
            whole_name,
            ctx.written(whole)
        );
        if let [one] = self.odd.as_slice() {
            if let Some(v) = sum_fix(&self.all, &self.strict, *one) {
                help.push_str("; ");
                help.push_str(&suggestion(ctx, *one, v, what));
            }
        }
        help
    }
}

/// The value of `one` that makes the whole (`all[0]`) the sum of the parts (`all[1..]`), each
/// figure at its strict interval `strict` (in `all`'s order): the sum itself for the whole, the
/// whole less the other parts for a part.
pub(super) fn sum_fix(
    all: &[usize],
    strict: &[Interval],
    one: usize,
) -> Option<rust_decimal::Decimal> {
    if one == all[0] {
        return mid(&parts_sum(strict));
    }
    let others = all
        .iter()
        .zip(strict)
        .skip(1)
        .filter(|(&i, _)| i != one)
        .fold(Interval::exact(0.into()), |acc, (_, v)| acc.add(v));
    mid(&strict[0].sub(&others))
}

/// The sum of the parts' intervals (`vals[1..]`; `vals[0]` is the whole).
pub(super) fn parts_sum(vals: &[Interval]) -> Interval {
    vals[1..]
        .iter()
        .fold(Interval::exact(0.into()), |acc, v| acc.add(v))
}

/// The midpoint of a bounded interval.
pub(super) fn mid(iv: &Interval) -> Option<rust_decimal::Decimal> {
    let (lo, hi) = (iv.low.finite()?, iv.high.finite()?);
    Some((lo + hi) / rust_decimal::Decimal::TWO)
}

pub(super) fn mid_in_units(ctx: &Context, i: usize, iv: &Interval) -> String {
    mid(iv).map_or_else(|| iv.to_string(), |v| ctx.in_units(i, v))
}
