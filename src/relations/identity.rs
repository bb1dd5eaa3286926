//! # concept-identity
//!
//! ## What it checks
//! The identities of the rule set's concepts: `进出口总值 = 出口 + 进口`, `贸易顺差 = 出口 − 进口`,
//! `国内生产总值 = 第一产业增加值 + 第二产业增加值 + 第三产业增加值`. Wherever an article states
//! every concept of an identity for one period, in one unit — in any phrasing, order or
//! paragraph — the stated figures must satisfy it within the rounding of each. Where every part
//! adds (a sum of flows) and the article also gives each one's growth rate on one basis, the
//! whole's growth must lie between its parts' growths.
//!
//! A statement takes a concept's role only when what it measures *is* that concept under one
//! of its names (a subject that merely ends with the name, `机电产品出口`, is a part of 出口, not
//! 出口), when it is a level (not a growth, a share or a comparison with a basis), and when its
//! period agrees with the whole's. A bound (`超`, `近`, `约`) anchors nothing.
//!
//! Identities are data: a rule file's `concepts:` give the names, its `identities:` the
//! arithmetic, with self-tests (`factlint rules test`).
//!
//! ## Why an error matters
//! An identity is complete by definition: unlike a `其中` list, nothing is left out, so any
//! mismatch beyond rounding is a slip — and often one a reader checks first (the trade surplus,
//! the three industries of GDP).
//!
//! ## Example
//! 上半年，我国货物贸易进出口总值21.79万亿元……出口13万亿元，进口9.79万亿元。
//! 13 + 9.79 = 22.79万亿元 ≠ 21.79万亿元: `进口 9.79万亿元 → 8.79万亿元 would make the identity
//! hold`.

use super::breakdown::{mid, mid_in_units};
use super::{odd_ones_out, severity, suggestion, Context, Found};
use crate::figure::Interval;
use crate::rules::concepts::{Identity, NameKey as Name, Term};
use crate::rules::Severity;
use crate::statement::{lexicon, Kind};
use std::collections::HashSet;

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    if ctx.knowledge.identities.is_empty() {
        return;
    }
    let context = context_stems(ctx);
    for (identity, terms) in ctx
        .knowledge
        .identities
        .iter()
        .zip(ctx.knowledge.term_keys())
    {
        check(ctx, identity, terms, &context, out);
    }
}

/// The stem with which statement `i` reads as one of `names`: a plain level or rate of that
/// concept, under the name that leaves the shortest stem.
fn stem<'a>(ctx: &'a Context, i: usize, names: &[Name]) -> Option<(&'a str, bool)> {
    let s = ctx.st(i);
    if !matches!(s.kind, Kind::Level | Kind::Rate)
        || s.basis.is_some()
        || s.of.is_some()
        || s.qualifier.is_some()
    {
        return None;
    }
    names
        .iter()
        .filter_map(|n| {
            if n.stemmed {
                s.key.strip_suffix(n.key.as_str()).map(|st| (st, true))
            } else {
                (s.key == n.key).then_some(("", false))
            }
        })
        .min_by_key(|(stem, _)| stem.len())
}

/// Each statement's reading as each term of an identity (whole first): its stem, if it reads
/// as that term at all, and the term it reads as best.
struct Readings<'a> {
    /// (term, stem, whether read by a stemmed name) per statement: term 0 is the whole.
    of: Vec<Option<(usize, &'a str, bool)>>,
    /// The stem each statement gives under any stemmed name of the rule set: what a part that
    /// leaves its stem out may share.
    context: &'a [Option<&'a str>],
}

/// The stem each statement reads with under any stemmed concept name of the rule set
/// (`跨境电商` for `跨境电商进出口`), non-empty only.
fn context_stems<'a>(ctx: &'a Context) -> Vec<Option<&'a str>> {
    let stemmed = ctx.knowledge.stemmed_keys();
    (0..ctx.statements.statements.len())
        .map(|i| {
            stem(ctx, i, stemmed)
                .map(|(s, _)| s)
                .filter(|s| !s.is_empty())
        })
        .collect()
}

impl<'a> Readings<'a> {
    fn new(ctx: &'a Context, terms: &[Vec<Name>], context: &'a [Option<&'a str>]) -> Self {
        let of = (0..ctx.statements.statements.len())
            .map(|i| {
                terms
                    .iter()
                    .enumerate()
                    .filter_map(|(t, names)| stem(ctx, i, names).map(|(s, by)| (t, s, by)))
                    .min_by_key(|(_, s, _)| s.len())
            })
            .collect();
        Self { of, context }
    }

    /// The stem statement `i` has as term `t`, or — when it names none (`出口` after
    /// `跨境电商进出口…其中，`) — the stem of the nearest statement before it in its paragraph
    /// that reads as a term of the identity with a stem: what the copy leaves out it shares.
    fn stems(&self, ctx: &Context, i: usize, t: usize) -> Vec<&'a str> {
        let Some((term, own, stemmed)) = self.of[i] else {
            return Vec::new();
        };
        if term != t {
            return Vec::new();
        }
        if own.is_empty() && stemmed {
            let p = ctx.st(i).paragraph;
            if let Some(shared) = ctx
                .before(i)
                .take_while(|&k| ctx.st(k).paragraph == p)
                .find_map(|k| self.context[k])
            {
                return vec![shared];
            }
        }
        vec![own]
    }
}

fn check<'a>(
    ctx: &'a Context,
    identity: &Identity,
    terms: &[Vec<Name>],
    context: &'a [Option<&'a str>],
    out: &mut Vec<Found>,
) {
    let readings = Readings::new(ctx, terms, context);
    let n = ctx.statements.statements.len();
    let wholes: Vec<usize> = (0..n)
        .filter(|&i| matches!(readings.of[i], Some((0, _, _))))
        .collect();
    let mut seen: HashSet<Vec<usize>> = HashSet::new();
    for &w in &wholes {
        let ws = ctx.st(w);
        // A headline's whole restates the body's: the body's binding is the one to report.
        if ws.headline
            && wholes.iter().any(|&o| {
                !ctx.st(o).headline && ctx.st(o).story == ws.story && ctx.same_period(o, w)
            })
        {
            continue;
        }
        for stem in readings.stems(ctx, w, 0) {
            let Some(parts) = bind(ctx, &readings, w, stem, terms.len() - 1) else {
                continue;
            };
            let mut all = vec![w];
            all.extend(&parts);
            // `收入…支出…累计结余`: a difference whose terms are not all stocks alike is no
            // difference of them (the fund's stock is not the year's income less spending).
            let difference = identity.parts.iter().any(|t| t.sign < 0);
            let stock = |k: usize| {
                lexicon::STOCK_WORDS
                    .iter()
                    .any(|w| ctx.st(k).subject.contains(w))
            };
            if difference && all.iter().any(|&k| stock(k)) && !all.iter().all(|&k| stock(k)) {
                continue;
            }
            let mut key = all.clone();
            key.sort_unstable();
            if seen.insert(key) {
                // Findings name the concepts as this article's stem makes them: 跨境电商出口.
                let mut shown = identity.clone();
                shown.whole = shown.whole.replace("{X}", stem);
                for t in &mut shown.parts {
                    t.name = t.name.replace("{X}", stem);
                }
                level(ctx, &shown, &all, out);
                if shown.parts.iter().all(|t| t.sign > 0) {
                    growth(ctx, &shown, &all, out);
                }
            }
            break;
        }
    }
}

/// For each part, the statement of its concept (under the whole's stem) stating the whole's
/// period in the whole's unit, nearest the whole (in its paragraph first); `None` when one is
/// missing or several of one period disagree.
fn bind(
    ctx: &Context,
    readings: &Readings,
    w: usize,
    stem: &str,
    count: usize,
) -> Option<Vec<usize>> {
    let ws = ctx.st(w);
    let mut parts = Vec::new();
    for t in 1..=count {
        let mut candidates: Vec<usize> = ctx
            .near(w)
            .map(|(k, _)| k)
            .filter(|&k| k != w && readings.stems(ctx, k, t).contains(&stem))
            .filter(|&k| {
                let s = ctx.st(k);
                s.kind == ws.kind
                    && s.unit == ws.unit
                    && s.story == ws.story
                    && ctx.same_period(k, w)
            })
            // A period stated on one side only is a guess: both or neither.
            .filter(|&k| ctx.st(k).period.is_some() == ws.period.is_some())
            .collect();
        candidates.sort_by_key(|&k| (ctx.st(k).paragraph != ws.paragraph, k.abs_diff(w)));
        let first = *candidates.first()?;
        // Two statements of one concept and period with different values: which one the
        // identity means is not for us to guess.
        if candidates[1..]
            .iter()
            .any(|&k| !ctx.st(k).strict.intersects(&ctx.st(first).strict))
        {
            return None;
        }
        if parts.contains(&first) {
            return None;
        }
        parts.push(first);
    }
    Some(parts)
}

/// The signed sum of the parts' intervals.
fn total(terms: &[Term], vals: &[Interval]) -> Interval {
    terms
        .iter()
        .zip(vals)
        .fold(Interval::exact(0.into()), |acc, (t, v)| {
            if t.sign < 0 {
                acc.sub(v)
            } else {
                acc.add(v)
            }
        })
}

fn level(ctx: &Context, identity: &Identity, all: &[usize], out: &mut Vec<Found>) {
    let terms = &identity.parts;
    let holds = |vals: &[Interval]| total(terms, &vals[1..]).intersects(&vals[0]);
    let strict: Vec<Interval> = all.iter().map(|&i| ctx.st(i).strict).collect();
    let natural: Vec<Interval> = all.iter().map(|&i| ctx.st(i).natural).collect();
    let sev = severity(holds(&strict), holds(&natural)).map(|s| match s {
        Severity::Error => identity.severity,
        other => other,
    });
    let whole = all[0];
    let sum = total(terms, &strict[1..]);
    let mut expr = String::new();
    for (k, (t, &p)) in terms.iter().zip(&all[1..]).enumerate() {
        let op = match (k, t.sign < 0) {
            (0, false) => "",
            (0, true) => "−",
            (_, false) => " + ",
            (_, true) => " − ",
        };
        expr.push_str(&format!("{op}{} {}", t.name, ctx.written(p)));
    }
    let mut help = format!(
        "{expr} = {}（按四舍五入区间 {}） ≠ {} {}",
        mid_in_units(ctx, whole, &sum),
        ctx.range(whole, &sum),
        identity.whole,
        ctx.written(whole)
    );
    if sev.is_some() {
        let odd = odd_ones_out(ctx, all, false, holds);
        if let [one] = odd.as_slice() {
            let k = all.iter().position(|i| i == one).unwrap_or(0);
            let value = if k == 0 {
                mid(&sum)
            } else {
                // The value of part k that makes the rest hold: whole − (the others, signed),
                // signed back.
                let others: Vec<Term> = terms
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j + 1 != k)
                    .map(|(_, t)| t.clone())
                    .collect();
                let other_vals: Vec<Interval> = strict[1..]
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j + 1 != k)
                    .map(|(_, v)| *v)
                    .collect();
                let rest = strict[0].sub(&total(&others, &other_vals));
                let rest = if terms[k - 1].sign < 0 {
                    rest.neg()
                } else {
                    rest
                };
                mid(&rest)
            };
            if let Some(v) = value {
                help.push_str("; ");
                help.push_str(&suggestion(ctx, *one, v, &identity.equation()));
            }
        }
    }
    let mut labels = vec![(whole, identity.whole.clone())];
    labels.extend(
        terms
            .iter()
            .zip(&all[1..])
            .map(|(t, &p)| (p, t.name.clone())),
    );
    out.push(Found {
        relation: identity.id.clone(),
        severity: sev,
        message: identity.message.clone(),
        help: format!("{}: {help}", identity.equation()),
        labels,
    });
}

/// A whole of added flows grows between its parts: its growth lies between theirs, when each
/// states one on the same basis.
fn growth(ctx: &Context, identity: &Identity, all: &[usize], out: &mut Vec<Found>) {
    let rates: Option<Vec<usize>> = all.iter().map(|&i| ctx.growth_of(i, None)).collect();
    let Some(rates) = rates else { return };
    let basis = &ctx.st(rates[0]).basis;
    if rates.iter().any(|&r| &ctx.st(r).basis != basis)
        || rates.iter().any(|&r| {
            ctx.st(r).qualifier.is_some() || ctx.st(r).measure != ctx.st(rates[0]).measure
        })
    {
        return;
    }
    let between = |vals: &[Interval]| {
        let lo = vals[1..].iter().map(|v| v.low).min();
        let hi = vals[1..].iter().map(|v| v.high).max();
        match (lo, hi) {
            (Some(lo), Some(hi)) => vals[0].high >= lo && vals[0].low <= hi,
            _ => true,
        }
    };
    let strict: Vec<Interval> = rates.iter().map(|&i| ctx.st(i).strict).collect();
    let natural: Vec<Interval> = rates.iter().map(|&i| ctx.st(i).natural).collect();
    let sev = severity(between(&strict), between(&natural)).map(|s| match s {
        Severity::Error => identity.severity,
        other => other,
    });
    let signed = |r: usize| {
        let w = ctx.written(r);
        if ctx.st(r).sign < 0 {
            format!("−{w}")
        } else {
            w
        }
    };
    let parts: Vec<String> = identity
        .parts
        .iter()
        .zip(&rates[1..])
        .map(|(t, &r)| format!("{} {}", t.name, signed(r)))
        .collect();
    let help = format!(
        "{}: {} {} {}在 {} 之间",
        identity.equation(),
        identity.whole,
        signed(rates[0]),
        if sev.is_some() { "不" } else { "" },
        parts.join("、")
    );
    let mut labels = vec![(rates[0], format!("{}增速", identity.whole))];
    labels.extend(
        identity
            .parts
            .iter()
            .zip(&rates[1..])
            .map(|(t, &r)| (r, format!("{}增速", t.name))),
    );
    out.push(Found {
        relation: identity.id.clone(),
        severity: sev,
        message: format!("{}的增速不在各部分增速之间", identity.whole),
        help,
        labels,
    });
}
