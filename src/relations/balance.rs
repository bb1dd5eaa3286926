//! # balance-of-flows
//!
//! ## What it checks
//! A balance stated right after two opposite flows is their difference: `银行结汇15286亿元，售汇
//! 13742亿元，结售汇顺差1544亿元` needs 15286 − 13742 = 1544. The balance is a level whose name
//! ends in a word of balance (`顺差`, `逆差`, `结余`, `差额`, `净增`, `净流入`…); the flows are the
//! two levels in its unit and period stated just before it, up to the sentence's full stop, or
//! the one before when the balance opens its sentence (rates between them aside), named by the two sides of one pair of opposites (`收入`/`支出`, `结汇`/`售汇`,
//! `出口`/`进口`, `新设`/`注销`, `缴存`/`提取`…). Which flow is the larger is the copy's to say:
//! the balance is checked as the size of their difference. A stock (`累计结余`, `滚存结余`) after
//! flows that are not themselves cumulative is no difference of them, and is left alone. A
//! difference that names its two levels (`能源消费与生产之间的缺口为10.3亿吨标准煤`) is the first
//! less the second, each the one level of the story its name (completed with the first's
//! opening words: `生产` of `能源消费` is `能源生产`) states or ends, in its unit and period.
//!
//! ## Why an error matters
//! A balance is the figure a reader takes away (the surplus, the fund's balance, the net
//! addition); one computed from last month's flows, or with a digit slipped, contradicts the two
//! figures printed beside it.
//!
//! ## Example
//! 1—10月，银行累计结汇147320亿元人民币，累计售汇139865亿元人民币，累计顺差共计7455亿元人民币 —
//! 147320 − 139865 = 7455.

use super::breakdown::mid;
use super::{odd_ones_out, severity, suggestion, Context, Found};
use crate::figure::Interval;
use crate::statement::{lexicon, Kind};

/// Which side of a pair of opposites a name stands on: (pair, side).
fn side(key: &str) -> Vec<(usize, usize)> {
    lexicon::OPPOSITES
        .iter()
        .enumerate()
        .filter_map(|(k, (a, b))| match (key.contains(a), key.contains(b)) {
            (true, false) => Some((k, 0)),
            (false, true) => Some((k, 1)),
            _ => None,
        })
        .collect()
}

fn opposed(a: &str, b: &str) -> bool {
    let sb = side(b);
    side(a)
        .iter()
        .any(|&(pair, s)| sb.iter().any(|&(p, t)| p == pair && t != s))
}

/// `缴存额与提取额相抵，全年缴存净增6854.75亿元`, `新设与注销相抵`, `收支相抵`: the two flows the
/// words before `相抵` name, each the latest plain level before the balance in its story whose
/// name holds that word, in the balance's unit and period.
fn named_flows(ctx: &Context, b: usize) -> Option<(usize, usize)> {
    let bs = ctx.st(b);
    let from = b.checked_sub(1).map_or(0, |k| ctx.st(k).span.end);
    let text = ctx.text.get(from..bs.span.start)?;
    let at = text.find("相抵")?;
    let names = &text[text[..at].rfind(['，', '。', '；', ',']).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    })..at];
    let (x, y) = match names.split_once(['与', '和']) {
        Some((x, y)) => (
            crate::statement::subject::key(x),
            crate::statement::subject::key(y),
        ),
        // 收支相抵: one character for each flow.
        None => {
            let chars: Vec<char> = names.chars().collect();
            let [x, y] = chars[..] else { return None };
            (x.to_string(), y.to_string())
        }
    };
    if x.is_empty() || y.is_empty() {
        return None;
    }
    // `新设与注销相抵，企业净增338.4万户`: the balance of 企业 nets flows of 企业, not the 新设经营主体
    // of a sentence before — unless its name is a flow's own (`缴存净增`).
    let concept = bs.key.as_str();
    let of_concept = |key: &str| {
        concept.chars().count() < 2
            || concept.contains(x.as_str())
            || concept.contains(y.as_str())
            || key.contains(concept)
    };
    let flow = |name: &str| {
        ctx.before(b).find(|&k| {
            let t = ctx.st(k);
            of_concept(&t.key)
                && t.kind == Kind::Level
                && t.story == bs.story
                && t.unit == bs.unit
                && t.basis.is_none()
                && t.qualifier.is_none()
                && !crate::statement::is_average(&t.subject)
                && t.key.contains(name)
                && ctx.same_period(k, b)
        })
    };
    let (fx, fy) = (flow(&x)?, flow(&y)?);
    (fx != fy).then_some((fx, fy))
}

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    for b in 0..ctx.statements.statements.len() {
        let bs = ctx.st(b);
        if bs.qualifier.is_some() || bs.basis.is_some() {
            continue;
        }
        // `能源消费与生产之间的缺口为10.3亿吨标准煤`: a difference that names its two levels.
        if let Some((first, second)) = (bs.kind == Kind::Level).then(|| between(ctx, b)).flatten() {
            report(ctx, out, first, second, b);
            continue;
        }
        // A balance the copy names (`结售汇顺差`), or a net change after `相抵` (`企业净增`).
        if let Some((first, second)) = (matches!(bs.kind, Kind::Level | Kind::Change)
            && bs.sign > 0)
            .then(|| named_flows(ctx, b))
            .flatten()
        {
            report(ctx, out, first, second, b);
            continue;
        }
        if bs.kind != Kind::Level || !lexicon::BALANCES.iter().any(|w| bs.key.ends_with(w)) {
            continue;
        }
        // The two levels before it in its sentence and unit; a level in another unit, or a
        // balance, ends the search.
        let mut flows = Vec::new();
        for k in ctx.before(b) {
            let s = ctx.st(k);
            // `…服务进口36458.2亿元。服务贸易逆差7697.8亿元`: a balance opening the sentence
            // after its flows' is theirs too.
            let stops = ctx.text[s.span.end..bs.span.start]
                .matches(['。', '！', '？'])
                .count();
            let opens_sentence = b
                .checked_sub(1)
                .is_none_or(|p| ctx.st(p).sentence != bs.sentence);
            let full_stop = stops > usize::from(opens_sentence);
            if s.paragraph != bs.paragraph || full_stop || flows.len() == 2 {
                break;
            }
            if s.kind != Kind::Level {
                continue;
            }
            if s.unit != bs.unit || lexicon::BALANCES.iter().any(|w| s.key.ends_with(w)) {
                break;
            }
            flows.push(k);
        }
        let [second, first] = flows[..] else { continue };
        let (f1, f2) = (ctx.st(first), ctx.st(second));
        if !opposed(&f1.key, &f2.key)
            || f1.qualifier.is_some()
            || f2.qualifier.is_some()
            || f1.basis.is_some()
            || f2.basis.is_some()
            || !ctx.same_period(first, b)
            || !ctx.same_period(second, b)
        {
            continue;
        }
        // 累计结余 after the year's 收入 and 支出 is the fund's stock, not their difference; after
        // 累计结汇 and 累计售汇 it is the run's difference.
        if lexicon::STOCK_WORDS
            .iter()
            .any(|w| bs.subject.contains(w) && !(f1.subject.contains(w) && f2.subject.contains(w)))
        {
            continue;
        }
        report(ctx, out, first, second, b);
    }
}

/// The words of a difference between two named levels (`缺口`, `差额`, `差距`).
const DIFFERENCES: &[&str] = &["缺口", "差额", "差距", "差值"];

/// `能源消费与生产之间的缺口`: the levels a difference names — `A与B之间的缺口`, `A和B的差额` —
/// the second completed with the first's opening words (`生产` of `能源消费` is `能源生产`), each
/// the one level of the story in the difference's unit and period that its name states or ends.
fn between(ctx: &Context, b: usize) -> Option<(usize, usize)> {
    let bs = ctx.st(b);
    let name = DIFFERENCES
        .iter()
        .find_map(|w| bs.subject.strip_suffix(w))?;
    let name = name
        .strip_suffix("之间的")
        .or_else(|| name.strip_suffix('的'))
        .or_else(|| name.strip_suffix("之间"))
        .unwrap_or(name);
    let (a, second) = ["与", "和", "同"].iter().find_map(|j| name.split_once(j))?;
    let (na, nb) = (a.chars().count(), second.chars().count());
    if na < 2 || nb < 2 {
        return None;
    }
    let second = if na > nb {
        let cut = a.char_indices().nth(na - nb).map_or(0, |(i, _)| i);
        format!("{}{second}", &a[..cut])
    } else {
        second.to_string()
    };
    let level = |name: &str| {
        let key = crate::statement::subject::key(name);
        let found: Vec<usize> = ctx
            .before(b)
            .filter(|&k| {
                let t = ctx.st(k);
                t.kind == Kind::Level
                    && t.unit == bs.unit
                    && t.story == bs.story
                    && !t.headline
                    && t.basis.is_none()
                    && t.qualifier.is_none()
                    && ctx.same_period(k, b)
                    && crate::statement::subject::refers_by_key(&key, &t.key)
                        > crate::statement::subject::Reference::No
            })
            .collect();
        super::one_value(ctx, &found)
    };
    Some((level(a)?, level(&second)?))
}

/// Reports balance `b` against flows `first` and `second`.
fn report(ctx: &Context, out: &mut Vec<Found>, first: usize, second: usize, b: usize) {
    let (f1, f2, bs) = (ctx.st(first), ctx.st(second), ctx.st(b));
    {
        let all = [first, second, b];
        let holds = |v: &[Interval]| {
            let d = v[0].sub(&v[1]);
            d.intersects(&v[2]) || d.neg().intersects(&v[2])
        };
        let strict: Vec<Interval> = all.iter().map(|&i| ctx.st(i).strict).collect();
        let natural: Vec<Interval> = all.iter().map(|&i| ctx.st(i).natural).collect();
        let sev = severity(holds(&strict), holds(&natural));
        // The difference as the balance states it: its size, when the copy gives it unsigned.
        let diff = strict[0].sub(&strict[1]);
        let negative = |iv: &Interval| mid(iv).is_some_and(|v| v.is_sign_negative());
        let diff = if negative(&diff) == negative(&strict[2]) {
            diff
        } else {
            diff.neg()
        };
        let mut help = format!(
            "{} {} − {} {} = {}（按四舍五入区间 {}） ≠ {} {}",
            f1.subject,
            ctx.written(first),
            f2.subject,
            ctx.written(second),
            super::breakdown::mid_in_units(ctx, b, &diff),
            ctx.range(b, &diff),
            bs.subject,
            ctx.written(b)
        );
        if sev.is_some() {
            if let [one] = odd_ones_out(ctx, &all, false, holds).as_slice() {
                let k = all.iter().position(|i| i == one).unwrap_or(2);
                // The value the odd figure needs, on the side of its written value.
                let candidates: Vec<Interval> = match k {
                    0 => vec![strict[1].add(&strict[2]), strict[1].sub(&strict[2])],
                    1 => vec![strict[0].sub(&strict[2]), strict[0].add(&strict[2])],
                    _ => vec![diff],
                };
                let written = mid(&strict[k]);
                let value = candidates
                    .iter()
                    .filter_map(mid)
                    .min_by_key(|v| written.map(|w| (w - *v).abs()));
                if let Some(v) = value {
                    help.push_str("; ");
                    help.push_str(&suggestion(ctx, *one, v.abs(), "the balance hold"));
                }
            }
        }
        out.push(Found {
            relation: "balance-of-flows".into(),
            severity: sev,
            message: "差额与两项流量之差不符".into(),
            help,
            labels: vec![
                (first, f1.subject.clone()),
                (second, f2.subject.clone()),
                (b, "差额".into()),
            ],
        });
    }
}
