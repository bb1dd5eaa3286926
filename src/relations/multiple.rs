//! # multiple-of-level
//!
//! ## What it checks
//! A stated multiple equals the ratio of the two levels it compares, when both are stated:
//! `信息技术服务收入72680亿元……是软件产品收入的3.2倍` with `软件产品收入22458亿元` needs
//! 72680 ÷ 22458 to round to 3.2. The first level is the multiple's subject (carried from the
//! clause before when it names none); the second is the level the multiple names after
//! `是…的` / `为…的` / `相当于…的` — the same concept, in the same period and unit, stated
//! anywhere in the story. A base written inside the multiple's clause (`相当于2016年同月13.58亿人次的
//! 2.1倍`) is that figure, and the level is the one the words before `相当于` name in the
//! multiple's period; a growth of N倍 against a level compared with (`与2019年同期的8730亿元相比，
//! 跨境电商进出口规模增长1.5倍`) makes the level N + 1 times it; a ratio written as a percentage
//! against a base inside its clause (`能繁母猪存栏4052万头，相当于正常保有量3900万头的103.9%`)
//! is checked alike, and so is a ratio written `a∶b` whose name joins one character of each level's
//! name before `比` (`生师比为14.66∶1` with `在校生15864万人` and `专任教师1082万人`: the latest
//! levels of the story whose names hold 生 and 师). `后者是前者的2.5倍` compares the last two levels
//! before it in its sentence. A multiple whose base the article does not
//! state checks nothing.
//!
//! ## Why an error matters
//! A multiple is a division the writer did by hand; a digit slipped in either level, or a ratio
//! taken against last year's base, leaves it contradicting the two figures printed beside it.
//!
//! ## Example
//! 太阳能发电装机容量11.4亿千瓦……是风电装机规模的1.9倍；风电装机容量5.9亿千瓦 — 11.4 ÷ 5.9 =
//! 1.93, within the rounding of 1.9.

use super::{odd_ones_out, severity, Context, Found};
use crate::figure::Interval;
use crate::statement::subject::{self, Reference};
use crate::statement::Kind;

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    ratios(ctx, out);
    for (i, s) in ctx.statements.statements.iter().enumerate() {
        // `能繁母猪存栏4052万头，相当于正常保有量3900万头的103.9%`: a ratio written as a percentage.
        let percent = s.unit == "%";
        if percent {
            if s.kind != Kind::Rate || s.of.is_some() || s.basis.is_some() || s.qualifier.is_some()
            {
                continue;
            }
        } else if s.kind != Kind::Multiple || s.sign < 0 {
            continue;
        }
        let (own, base, growth) = match s.of.as_deref() {
            _ if percent => match inline(ctx, i).filter(|&(_, b, growth)| {
                !growth && ctx.clause_before(b).trim_start().starts_with("相当于")
            }) {
                Some(found) => found,
                None => continue,
            },
            // `其中，汽车报废更新318万份，置换更新802万份，后者是前者的2.5倍`: the two levels just
            // stated, in the order the copy names them.
            Some("前者") if s.subject == "后者" => match latter_and_former(ctx, i) {
                Some((own, base)) => (own, base, false),
                None => continue,
            },
            Some(name) => {
                let Some(own) = ctx.level_of(i).or_else(|| level_named(ctx, i)) else {
                    continue;
                };
                let Some(base) = base_of(ctx, i, own, name) else {
                    continue;
                };
                (own, base, false)
            }
            None => match inline(ctx, i) {
                Some(found) => found,
                None => continue,
            },
        };
        // A growth of N倍 is N + 1 times the base.
        let shift = Interval::exact(if growth {
            rust_decimal::Decimal::ONE
        } else {
            rust_decimal::Decimal::ZERO
        });
        let scale = if percent {
            rust_decimal::Decimal::ONE_HUNDRED
        } else {
            rust_decimal::Decimal::ONE
        };
        let holds = |v: &[Interval]| {
            v[0].div(&v[1])
                .is_none_or(|q| q.sub(&shift).scale(scale).intersects(&v[2]))
        };
        let (a, b) = (ctx.st(own), ctx.st(base));
        let strict = [a.strict, b.strict, s.strict];
        let natural = [a.natural, b.natural, s.natural];
        let sev = severity(holds(&strict), holds(&natural));
        let Some(q) = a.strict.div(&b.strict).map(|q| q.sub(&shift).scale(scale)) else {
            continue;
        };
        // Two places past the multiple's own: 4.345, not 4.35, against a stated 4.3.
        let places = ctx.figure(i).decimals + 2;
        let mut help = format!(
            "{} {} / {} {}{} = {}（按四舍五入区间 {}） ≠ {}",
            a.subject,
            ctx.written(own),
            b.subject,
            ctx.written(base),
            if growth { " − 1" } else { "" },
            super::breakdown::mid(&q).map_or(q.to_string(), |v| format!(
                "{}{}",
                super::round_for_display(v, places),
                if percent { "%" } else { "倍" }
            )),
            range(&q, places),
            ctx.written(i)
        );
        if sev.is_some() && odd_ones_out(ctx, &[own, base, i], false, holds) == [i] {
            if let Some(v) = super::breakdown::mid(&q) {
                help.push_str(&format!(
                    "; {} → {}{} would make the multiple hold",
                    ctx.written(i),
                    super::round_for_display(v, ctx.figure(i).decimals),
                    if percent { "%" } else { "倍" }
                ));
            }
        }
        out.push(Found {
            relation: "multiple-of-level".into(),
            severity: sev,
            message: "倍数与两个数量之比不符".into(),
            help,
            labels: vec![
                (own, "数量".into()),
                (base, "比较基数".into()),
                (i, "倍数".into()),
            ],
        });
    }
}

/// A multiple whose base is written inside its own clause: `11月份客运量相当于2016年同月13.58亿
/// 人次的2.1倍` (a ratio), `与2019年同期的8730亿元相比，跨境电商进出口规模增长1.5倍` (a growth: the
/// level is 2.5 times the base). The level compared is the one the words before the comparison
/// name, in the multiple's period and the base's unit. (own, base, whether a growth).
fn inline(ctx: &Context, i: usize) -> Option<(usize, usize, bool)> {
    let s = ctx.st(i);
    let b = i.checked_sub(1)?;
    let bs = ctx.st(b);
    if bs.kind != Kind::Level || bs.sentence != s.sentence || bs.qualifier.is_some() {
        return None;
    }
    let growth = s.verb.is_some();
    let name = if growth {
        // 与…的8730亿元相比，NAME增长1.5倍
        if !matches!(bs.basis, Some(crate::statement::Against::Named(_))) {
            return None;
        }
        let verb = s.verb.clone()?;
        let between = &ctx.text[bs.span.end..verb.start];
        // `在学研究生409万人，比2012年的172万人增长1.4倍`: the level compared is the one the
        // compared level's subject was carried from.
        if between.trim().is_empty() {
            let own = bs.antecedent.filter(|&k| {
                let t = ctx.st(k);
                t.kind == Kind::Level
                    && t.unit == bs.unit
                    && t.sentence == s.sentence
                    && t.basis.is_none()
                    && t.qualifier.is_none()
            })?;
            return Some((own, b, true));
        }
        let rest = between
            .trim_start_matches("相比")
            .trim_start_matches(['，', ',']);
        if rest.len() == between.len() {
            return None;
        }
        rest.to_string()
    } else {
        // NAME相当于…13.58亿人次的2.1倍
        // `是西部地区（1.25万亿元）的3.9倍`: the base may stand in brackets.
        if !matches!(
            ctx.text[bs.span.end..s.span.start].trim(),
            "的" | "）的" | ")的"
        ) {
            return None;
        }
        let clause = ctx.clause_before(b);
        let at = ["相当于", "是", "为"]
            .iter()
            .filter_map(|w| clause.find(w))
            .min()?;
        clause[..at].to_string()
    };
    // The name less the periods it names (`11月份客运量` → 客运量).
    let mut plain = String::new();
    let mut last = 0;
    for (r, _) in crate::figure::period::scan(&name) {
        plain.push_str(&name[last..r.start]);
        last = r.end;
    }
    plain.push_str(&name[last..]);
    let key = subject::key(plain.trim());
    if key.chars().count() < 2 {
        // `东部地区……4.86万亿元，是西部地区（1.25万亿元）的3.9倍`: the clause names nothing
        // before 是; the level is the one its sentence states last before the base.
        if growth {
            return None;
        }
        let own = ctx
            .before(b)
            .take_while(|&k| ctx.st(k).sentence == s.sentence)
            .find(|&k| {
                let t = ctx.st(k);
                t.kind == Kind::Level
                    && t.unit == bs.unit
                    && t.basis.is_none()
                    && t.qualifier.is_none()
            })?;
        return Some((own, b, false));
    }
    let found: Vec<usize> = ctx
        .near(i)
        .filter(|&(k, t)| {
            k != b
                && t.kind == Kind::Level
                && t.unit == bs.unit
                && t.story == s.story
                && !t.headline
                && t.basis.is_none()
                && t.qualifier.is_none()
                && match (&t.period, &s.period) {
                    (Some(p), Some(q)) => p.agrees(q, ctx.year),
                    _ => false,
                }
                && subject::refers_by_key(&key, &t.key) >= Reference::Abbreviation
        })
        .map(|(k, _)| k)
        .collect();
    let own = super::one_value(ctx, &found)?;
    Some((own, b, growth))
}

/// `后者是前者的2.5倍`: the last two levels before the multiple in its sentence, in one unit and
/// period: (the latter, the former).
fn latter_and_former(ctx: &Context, i: usize) -> Option<(usize, usize)> {
    let s = ctx.st(i);
    let mut levels = ctx
        .before(i)
        .take_while(|&k| ctx.st(k).sentence == s.sentence)
        .filter(|&k| ctx.st(k).kind == Kind::Level);
    let latter = levels.next()?;
    let former = levels.next()?;
    (ctx.st(latter).unit == ctx.st(former).unit && ctx.same_period(latter, former))
        .then_some((latter, former))
}

/// The level a multiple is of: the one, in the part's unit and period, whose subject the
/// multiple names — by its concept or an abbreviation of it; a tie between different values
/// binds nothing.
fn base_of(ctx: &Context, multiple: usize, own: usize, name: &str) -> Option<usize> {
    let s = ctx.st(multiple);
    let o = ctx.st(own);
    let key = subject::key(name);
    let candidates: Vec<(usize, Reference)> = ctx
        .near(multiple)
        .filter(|&(k, t)| {
            k != own
                && t.kind == Kind::Level
                && t.unit == o.unit
                && t.story == s.story
                && !t.headline
                && t.basis.is_none()
                && ctx.same_period(k, own)
        })
        .map(|(k, t)| {
            // 是第二产业的 for 第二产业实际使用外资: the name completed with the tail it shares
            // with the subject compared.
            let r = subject::refers_by_key(&key, &t.key);
            if r < Reference::Abbreviation && super::names_peer(name, &o.subject, &t.subject) {
                (k, Reference::Abbreviation)
            } else {
                (k, r)
            }
        })
        .filter(|(_, r)| *r >= Reference::Abbreviation)
        .collect();
    let (_, top) = super::best_named(&candidates)?;
    super::one_value(ctx, &top)
}

/// The level a multiple's own name stands for when it is longer than the level's
/// (`内地居民出入境人次` for `内地居民`, `东部地区新增就业人数` for `东部地区城镇新增就业`): the
/// latest level before it in its paragraph that the name opens with, abbreviates or ends
/// (`企业R&D经费` for `各类企业R&D经费`).
fn level_named(ctx: &Context, i: usize) -> Option<usize> {
    let s = ctx.st(i);
    if s.key.chars().count() < 2 {
        return None;
    }
    ctx.before(i)
        .find(|&k| {
            let t = ctx.st(k);
            t.kind == Kind::Level
                && t.paragraph == s.paragraph
                && t.basis.is_none()
                && t.key.chars().count() >= 2
                && ctx.same_period(k, i)
                && (s.key.starts_with(t.key.as_str())
                    || subject::refers_by_key(&s.key, &t.key) >= Reference::Tail)
        })
        .or_else(|| {
            // `国内增值税收入相当于企业所得税的1.5倍` a paragraph after `国内增值税62453亿元`: a name
            // the statement gives itself binds the story's level it opens with or abbreviates,
            // stated with one value.
            if s.inherited {
                return None;
            }
            let found: Vec<usize> = ctx
                .before(i)
                .filter(|&k| {
                    let t = ctx.st(k);
                    t.kind == Kind::Level
                        && t.story == s.story
                        && !t.headline
                        && t.basis.is_none()
                        && t.key.chars().count() >= 3
                        && ctx.same_period(k, i)
                        && (s.key.starts_with(t.key.as_str())
                            || subject::refers_by_key(&s.key, &t.key) >= Reference::Abbreviation)
                })
                .collect();
            super::one_value(ctx, &found)
        })
}

/// `生师比为14.66∶1`: statement `i` and the next read as a ratio a∶b of the two levels its name
/// abbreviates, one character each.
fn ratios(ctx: &Context, out: &mut Vec<Found>) {
    let n = ctx.statements.statements.len();
    for i in 0..n.saturating_sub(1) {
        let (s, t) = (ctx.st(i), ctx.st(i + 1));
        let between = &ctx.text[s.span.end..t.span.start];
        if !matches!(between.trim(), "∶" | ":" | "：")
            || s.unit != t.unit
            || !s.unit.is_empty()
            || s.sentence != t.sentence
        {
            continue;
        }
        let Some(name) = s.key.strip_suffix('比') else {
            continue;
        };
        let chars: Vec<char> = name.chars().collect();
        let [c1, c2] = chars[..] else { continue };
        let level = |c: char| {
            ctx.before(i).find(|&k| {
                let l = ctx.st(k);
                l.kind == Kind::Level
                    && l.story == s.story
                    && !l.headline
                    && !l.unit.is_empty()
                    && l.unit != "%"
                    && l.basis.is_none()
                    && l.qualifier.is_none()
                    && l.key.contains(c)
                    && ctx.same_period(k, i)
            })
        };
        let (Some(a), Some(b)) = (level(c1), level(c2)) else {
            continue;
        };
        let (la, lb) = (ctx.st(a), ctx.st(b));
        if a == b || la.key.contains(c2) || lb.key.contains(c1) {
            continue;
        }
        let holds = |v: &[Interval]| match (v[0].div(&v[1]), v[2].div(&v[3])) {
            (Some(p), Some(q)) => p.intersects(&q),
            _ => true,
        };
        let all = [a, b, i, i + 1];
        let strict: Vec<Interval> = all.iter().map(|&k| ctx.st(k).strict).collect();
        let natural: Vec<Interval> = all.iter().map(|&k| ctx.st(k).natural).collect();
        let sev = severity(holds(&strict), holds(&natural));
        let Some(q) = strict[0].div(&strict[1]) else {
            continue;
        };
        let places = ctx.figure(i).decimals + 2;
        let mut help = format!(
            "{} {} / {} {} = {}（按四舍五入区间 {}） ≠ {}∶{}",
            la.subject,
            ctx.written(a),
            lb.subject,
            ctx.written(b),
            super::breakdown::mid(&q)
                .map_or(q.to_string(), |v| super::round_for_display(v, places)
                    .to_string()),
            range(&q, places),
            ctx.written(i),
            ctx.written(i + 1)
        );
        if sev.is_some() {
            if let [one] = odd_ones_out(ctx, &all, false, holds).as_slice() {
                help.push_str(&format!(
                    "; {} is the figure a single slip would explain",
                    ctx.written(*one)
                ));
            }
        }
        out.push(Found {
            relation: "multiple-of-level".into(),
            severity: sev,
            message: "比值与两个数量之比不符".into(),
            help,
            labels: vec![
                (a, la.subject.clone()),
                (b, lb.subject.clone()),
                (i, "比值".into()),
            ],
        });
    }
}

/// An interval's ends rounded to `places` decimals: `4.34–4.35`.
fn range(iv: &Interval, places: u32) -> String {
    let side = |b: crate::figure::Bound| match b {
        crate::figure::Bound::Finite(d) => super::round_for_display(d, places).to_string(),
        crate::figure::Bound::NegInf => "-∞".into(),
        crate::figure::Bound::PosInf => "+∞".into(),
    };
    format!("{}–{}", side(iv.low), side(iv.high))
}
