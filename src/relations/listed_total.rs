//! # listed-total
//!
//! ## What it checks
//! A total stated right after the figures it totals is their sum: `分别为18640万吨、10250万吨、
//! 6830万吨，三省合计35720万吨`; `出口13万亿元，进口8.79万亿元，合计21.79万亿元`. The total is a level
//! whose clause says `合计`, `共计`, `总计` or `合共`; the figures it adds are the levels in its unit
//! stated just before it in its sentence (growth rates and shares between them aside), back to
//! the first figure of another unit or kind of level, to the first figure of a list opened by
//! `分别`, or to the sentence's start.
//!
//! ## Why an error matters
//! The copy says outright that these figures add up: a slip in any of them, or a total carried
//! over from an earlier list, is an error a reader finds with a pencil.
//!
//! ## Example
//! 客运量位居前三的依次为上海、北京、广州，分别完成3.36亿人次、3.12亿人次、2.85亿人次，三城合计
//! 9.33亿人次 — 3.36 + 3.12 + 2.85 = 9.33.

use super::breakdown::SumCheck;
use super::{Context, Found};
use crate::statement::{lexicon, Kind};

/// The words that make a level the total of the figures before it.
const TOTALS: &[&str] = &["合计", "共计", "总计", "合共"];

/// Where the clause of statement `i` starts, when the clause up to its figure says it totals
/// what came before.
fn total_clause(ctx: &Context, i: usize) -> Option<usize> {
    let clause = ctx.clause_before(i);
    // `累计顺差共计7455亿元` after 结汇 and 售汇: a balance of the figures before, not their sum.
    let balance = TOTALS
        .iter()
        .filter_map(|w| clause.find(w))
        .min()
        .is_some_and(|at| lexicon::BALANCES.iter().any(|b| clause[..at].contains(b)));
    (clause.chars().count() <= 12
        && TOTALS.iter().any(|w| clause.contains(w))
        && !balance
        && !clause.contains("其中"))
    .then_some(ctx.st(i).clause_start)
}

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    for t in 0..ctx.statements.statements.len() {
        let ts = ctx.st(t);
        if ts.kind != Kind::Level || ts.qualifier.is_some() || ts.headline {
            continue;
        }
        let Some(clause) = total_clause(ctx, t) else {
            continue;
        };
        let mut parts = Vec::new();
        for k in ctx.before(t) {
            let s = ctx.st(k);
            if s.sentence != ts.sentence {
                break;
            }
            // `三项合计`: the count of the total's own clause is none of its parts.
            if s.span.start >= clause {
                continue;
            }
            if matches!(s.kind, Kind::Growth | Kind::Share | Kind::Points) {
                continue;
            }
            if s.kind != Kind::Level || s.unit != ts.unit || s.qualifier.is_some() {
                break;
            }
            parts.push(k);
            // `全国…89670万吨，其中河北、江苏、山东分别为18640万吨…`: a list opened by 分别 starts
            // at its first figure.
            let gap_start = k.checked_sub(1).map_or(0, |p| ctx.st(p).span.end);
            if ctx.text[gap_start.min(s.span.start)..s.span.start].contains("分别") {
                break;
            }
        }
        if parts.len() < 2 {
            continue;
        }
        parts.reverse();
        let sum = SumCheck::new(ctx, t, &parts, false);
        let listed: Vec<String> = parts.iter().map(|&p| ctx.written(p)).collect();
        let help = sum.help(ctx, &listed, "合计", "the figures add up to the total");
        let mut labels = vec![(t, "合计".to_string())];
        labels.extend(parts.iter().map(|&p| (p, "分项".to_string())));
        out.push(Found {
            relation: "listed-total".into(),
            severity: sum.severity,
            message: "所列各数之和与合计不符".into(),
            help,
            labels,
        });
    }
}
