//! # ranking-order
//!
//! ## What it checks
//! Figures listed for a ranking from the top come in falling order: `集装箱吞吐量位居前三的港口依次
//! 为上海港、宁波舟山港和深圳港，分别完成4436万、3318万和2769万标准箱` needs 4436 ≥ 3318 ≥ 2769. The
//! sentence must rank from the top (`前三`, `居前`, `排名前`, `居首`, `最高`, `由高到低`) and list
//! in order (`依次`); the figures are a run in one unit, one after another with nothing but a
//! list's separator or a name between them, opened by `分别` or `依次为`. Each figure stands for
//! its rounding interval: two are out of order only when the later is larger whatever their
//! true values. Falling figures (`下降`) rank by size in either direction and are left alone.
//!
//! ## Why an error matters
//! The order is the story (`上海港居首`); a figure with a slipped digit that breaks it tells the
//! reader a ranking the numbers deny.
//!
//! ## Example
//! 位居前三的依次为广东、江苏、浙江，分别为13.6万亿元、12.8万亿元和8.3万亿元 — 13.6 ≥ 12.8 ≥ 8.3.

use super::{Context, Found};
use crate::rules::Severity;
use crate::statement::Kind;

/// Words that rank from the top.
const TOP: &[&str] = &[
    "居前",
    "排名前",
    "位列前",
    "居首",
    "最高",
    "最多",
    "最大",
    "由高到低",
    "从高到低",
];

/// How far back a ranking's words are looked for, in bytes: a sentence's worth.
const REACH_BACK: usize = 300;

/// The text of statement `i`'s sentence before its figure.
fn sentence_before<'a>(ctx: &Context<'a>, i: usize) -> &'a str {
    let end = ctx.st(i).span.start;
    let mut start = end.saturating_sub(REACH_BACK);
    while !ctx.text.is_char_boundary(start) {
        start += 1;
    }
    let before = &ctx.text[start..end];
    let from = before
        .rfind(['。', '！', '？', '；', '\n'])
        .map_or(0, |at| {
            at + before[at..].chars().next().map_or(1, char::len_utf8)
        });
    &before[from..]
}

/// Whether a sentence ranks from the top: `依次` with a top-ranking word, or `前N`.
fn ranks_from_top(sentence: &str) -> bool {
    let top = TOP.iter().any(|w| sentence.contains(w))
        || sentence.match_indices('前').any(|(at, _)| {
            sentence[at + '前'.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|c| "二三四五六七八九十23456789".contains(c))
        });
    sentence.contains("依次") && top
}

/// Whether statements `a` and `b` follow one another in one list.
fn joined(ctx: &Context, a: usize, b: usize) -> bool {
    let (sa, sb) = (ctx.st(a), ctx.st(b));
    if sa.sentence != sb.sentence || sa.unit != sb.unit || sa.kind != sb.kind {
        return false;
    }
    let between = ctx.text[sa.span.end..sb.span.start].trim();
    between == "，"
        || (between.chars().count() <= 15 && !between.contains(['，', '；', '。', '：', ',']))
}

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    let n = ctx.statements.statements.len();
    let mut i = 0;
    while i < n {
        let s = ctx.st(i);
        let opened =
            ctx.clause_before(i).contains("分别") || ctx.clause_before(i).contains("依次为");
        if !opened || !matches!(s.kind, Kind::Level | Kind::Rate | Kind::Growth) {
            i += 1;
            continue;
        }
        let mut run = vec![i];
        while let Some(&last) = run.last() {
            if last + 1 < n && joined(ctx, last, last + 1) {
                run.push(last + 1);
            } else {
                break;
            }
        }
        let next = i + run.len();
        let positive = run.iter().all(|&k| {
            ctx.st(k)
                .strict
                .low
                .finite()
                .is_some_and(|v| !v.is_sign_negative())
        });
        if run.len() >= 2 && positive && ranks_from_top(sentence_before(ctx, i)) {
            for pair in run.windows(2) {
                let (a, b) = (ctx.st(pair[0]), ctx.st(pair[1]));
                let broken = !b.strict.can_be_le(&a.strict);
                let natural = b.natural.can_be_le(&a.natural);
                let severity = if broken {
                    Some(Severity::Error)
                } else if !natural {
                    Some(Severity::Warning)
                } else {
                    None
                };
                out.push(Found {
                    relation: "ranking-order".into(),
                    severity,
                    message: "排名所列数值未按由高到低排列".into(),
                    help: format!(
                        "依次排列: {} {} {} {} {}{}",
                        a.subject,
                        ctx.written(pair[0]),
                        if severity.is_some() { "<" } else { "≥" },
                        b.subject,
                        ctx.written(pair[1]),
                        if severity.is_some() {
                            "; the later figure is the larger: one of the two, or the order, is wrong"
                        } else {
                            ""
                        }
                    ),
                    labels: vec![(pair[0], "前一位".into()), (pair[1], "后一位".into())],
                });
            }
        }
        i = next;
    }
}
