//! # period-sum
//!
//! ## What it checks
//! A flow stated for a run of months and for the runs that make it up adds up: `1—10月份` plus
//! `11月份` is `1—11月份`; the four quarters are the year; `一季度、二季度、三季度…分别为` add
//! up to `前三季度`; a cumulative to a month's end (`截至10月底，累计成交量71.36亿手`) is the run
//! from January; what a month adds to a cumulative count (`11月当月新增108万份`) is that month's
//! run. The figures must measure one concept (the same subject once prefixes and
//! measure words are set aside), be levels in one unit, and lie in one year; the runs must tile
//! the whole's months exactly, with no gap and no overlap.
//!
//! Stocks (`余额`, `保有量`, counted at `6月末`), averages (`日均`, `人均`) and rates never add
//! over time, and are left out: they are not stated for a run of months, or their subject says
//! what they are. The runs are bound by concept and period alone — a short name (`出口`) may be
//! another entity's in another section — so a failure is reported only when one slip of one
//! figure (a digit, 万 for 亿) would make the runs add up.
//!
//! ## Why an error matters
//! A cumulative figure is copied from one release and the month from another: when the month's
//! figure is mistyped, or last month's cumulative is carried over, the three no longer add up,
//! and a reader who subtracts finds the month the copy did not state.
//!
//! ## Example
//! 1—10月份，全国餐饮收入45180亿元……11月份，餐饮收入5520亿元……1—11月份，全国餐饮收入累计
//! 为50700亿元: 45180 + 5520 = 50700.

use super::breakdown::SumCheck;
use super::{Context, Found};
use crate::figure::period::{Period, Stretch};
use crate::statement::subject::{self, Reference};
use crate::statement::{is_average, Kind};
use std::collections::{BTreeMap, HashSet};

/// Whether statement `i` is a flow's level stated for a run of months: (first, last). A
/// cumulative counted to a month's end (`截至10月底，累计成交量71.36亿手`) is the run from January.
fn run_of(ctx: &Context, i: usize) -> Option<(u8, u8)> {
    let s = ctx.st(i);
    // `1—10月申请量为1012万份，11月当月新增108万份`: what a month adds to a cumulative count is
    // the month's flow.
    let month_added = s.kind == Kind::Change
        && s.sign > 0
        && matches!(
            s.period.as_ref().map(|p| &p.stretch),
            Some(Stretch::Months { first, last }) if first == last
        );
    if s.kind != Kind::Level && !month_added
        || s.headline
        || s.basis.is_some()
        || s.qualifier.is_some()
        || s.of.is_some()
        || s.key.is_empty()
        || s.unit == "%"
        || is_average(&s.subject)
    {
        return None;
    }
    match s.period.as_ref()?.stretch {
        Stretch::Months { first, last } => Some((first, last)),
        Stretch::End { month } if month >= 1 && s.subject.contains(CUMULATIVE) => Some((1, month)),
        _ => None,
    }
}

/// The word of a cumulative from the start of the year.
const CUMULATIVE: &str = "累计";

/// The concept a run measures: its key less the word of a cumulative, which says when (`累计成交额`
/// to 1—11月 is `成交额` over those months).
fn run_key(ctx: &Context, i: usize) -> String {
    ctx.st(i).key.replace(CUMULATIVE, "")
}

/// Whether run `k` measures the whole's concept: the same, or named short by its tail
/// (`成交量` for `期货市场成交量` in the same story).
fn same_concept(whole: &str, part: &str) -> bool {
    !whole.is_empty() && (whole == part || subject::refers_by_key(part, whole) == Reference::Tail)
}

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    let mut seen: HashSet<Vec<usize>> = HashSet::new();
    for w in 0..ctx.statements.statements.len() {
        let Some((a, c)) = run_of(ctx, w) else {
            continue;
        };
        if c <= a {
            continue;
        }
        let ws = ctx.st(w);
        let Some(whole_period) = ws.period.as_ref() else {
            continue;
        };
        let whole_key = run_key(ctx, w);
        // The runs inside the whole's months, each stated once (or with one value).
        let mut runs: BTreeMap<(u8, u8), Option<usize>> = BTreeMap::new();
        for (k, t) in ctx.near(w) {
            if k == w
                || t.unit != ws.unit
                || t.story != ws.story
                || !same_concept(&whole_key, &run_key(ctx, k))
            {
                continue;
            }
            let Some((f, l)) = run_of(ctx, k) else {
                continue;
            };
            let inside = t
                .period
                .as_ref()
                .is_some_and(|p| whole_period.contains(&Period::months(p.year, f, l), ctx.year));
            if !inside || (f, l) == (a, c) {
                continue;
            }
            runs.entry((f, l))
                .and_modify(|e| {
                    if e.is_some_and(|o| !ctx.st(o).strict.intersects(&t.strict)) {
                        *e = None;
                    }
                })
                .or_insert(Some(k));
        }
        let Some(pieces) = tiling(a, c, &runs) else {
            continue;
        };
        let mut all = vec![w];
        all.extend(&pieces);
        let mut key = all.clone();
        key.sort_unstable();
        if !seen.insert(key) {
            continue;
        }
        report(ctx, &all, out);
    }
}

/// A step of the tiling: how many runs so far, the last run's months, its statement.
type Step = (usize, (u8, u8), usize);

/// The fewest stated runs that tile months `a..=c` exactly, in order; `None` if none do.
fn tiling(a: u8, c: u8, runs: &BTreeMap<(u8, u8), Option<usize>>) -> Option<Vec<usize>> {
    // best[m]: the fewest runs covering a..m-1, and the last run taken.
    let span = usize::from(c - a) + 2;
    let mut best: Vec<Option<Step>> = vec![None; span];
    best[0] = Some((0, (0, 0), 0));
    for m in 0..span - 1 {
        let Some((count, _, _)) = best[m] else {
            continue;
        };
        let month = a + m as u8;
        for (&(f, l), &k) in runs.range((month, month)..=(month, c)) {
            let Some(k) = k else { continue };
            if f != month {
                continue;
            }
            let to = usize::from(l - a) + 1;
            if best[to].is_none_or(|(n, _, _)| count + 1 < n) {
                best[to] = Some((count + 1, (f, l), k));
            }
        }
    }
    let mut pieces = Vec::new();
    let mut at = span - 1;
    while at > 0 {
        let (_, (f, _), k) = best[at]?;
        pieces.push(k);
        at = usize::from(f - a);
    }
    pieces.reverse();
    (pieces.len() >= 2).then_some(pieces)
}

fn report(ctx: &Context, all: &[usize], out: &mut Vec<Found>) {
    let whole = all[0];
    let sum = SumCheck::new(ctx, whole, &all[1..], false);
    let period = |i: usize| {
        ctx.st(i)
            .period
            .as_ref()
            .map_or_else(String::new, |p| p.to_string())
    };
    // The runs are bound by concept and period alone, and a concept the copy names short
    // (`出口`) may be another entity's in another section (a province's quarters under the
    // nation's half-year): a failure is reported only when one slip of one figure explains it.
    if sum.severity.is_some() && sum.odd.is_empty() {
        return;
    }
    let parts: Vec<String> = all[1..]
        .iter()
        .map(|&m| format!("{} {}", period(m), ctx.written(m)))
        .collect();
    let help = sum.help(
        ctx,
        &parts,
        &period(whole),
        "the months add up to the whole period",
    );
    let mut labels = vec![(whole, format!("{}合计", period(whole)))];
    labels.extend(all[1..].iter().map(|&m| (m, period(m))));
    out.push(Found {
        relation: "period-sum".into(),
        severity: sum.severity,
        message: format!(
            "{}各时段之和与{}合计不符",
            ctx.st(whole).subject,
            period(whole)
        ),
        help,
        labels,
    });
}

#[cfg(test)]
mod tests {
    use super::tiling;
    use std::collections::BTreeMap;

    #[test]
    fn the_fewest_runs_tile_the_whole_exactly() {
        let runs: BTreeMap<(u8, u8), Option<usize>> = [
            ((1, 10), Some(1)),
            ((11, 11), Some(2)),
            ((1, 3), Some(3)),
            ((4, 11), Some(4)),
            ((10, 11), Some(5)),
        ]
        .into_iter()
        .collect();
        // 1—10 + 11 and 1—3 + 4—11 both tile 1—11: two runs either way, the first found kept.
        assert_eq!(tiling(1, 11, &runs).map(|p| p.len()), Some(2));
        // No run starts at 5: nothing tiles 5—11.
        assert_eq!(tiling(5, 11, &runs), None);
        // A run stated twice with different values is no run.
        let ambiguous: BTreeMap<(u8, u8), Option<usize>> =
            [((1, 10), None), ((11, 11), Some(2))].into_iter().collect();
        assert_eq!(tiling(1, 11, &ambiguous), None);
        // One run is no tiling.
        let one: BTreeMap<(u8, u8), Option<usize>> = [((1, 11), Some(1))].into_iter().collect();
        assert_eq!(tiling(1, 11, &one), None);
    }
}
