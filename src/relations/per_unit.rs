//! # average-per-unit
//!
//! ## What it checks
//! A per-head or per-item average times the count it is over is its total: `按R&D人员全时当量
//! 724.1万人年计算，人均R&D经费50.2万元` with `R&D经费36326.8亿元` needs 36326.8亿 ÷ 724.1万 to round to
//! 50.2万; `在建水利项目46012个，平均每个项目完成投资约2485万元` with `完成水利建设投资11432.6亿元`
//! needs 11432.6亿 ÷ 46012 ≈ 2485万. The total is the level the average's name names without its
//! `人均` / `平均每个…` (the same concept, an abbreviation or its tail, in no group, of the same
//! stage and period); the count is the figure of people (`人均`, `户均`: 人, 户) stated in the
//! average's sentence, or of the items named after `每个` (any classifier: `每项合同`, `每艘`)
//! stated before it in its paragraph. A density per so many people (`按年末全国人口14.08亿人计算，
//! 每万人口高价值发明专利拥有量达到15.3件`, `每千名老年人拥有养老服务床位25.6张`) divides the count
//! by that many first. A per-head average of visits (`人均每次出游花费`, `游客人均消费`) is over a
//! count in 人次; a count stated apart from the average is the story's one in its period, or of
//! several the one whose name opens as the total's (`冰雪休闲旅游人数` for `冰雪休闲旅游收入`). Where
//! either is not stated, nothing is checked.
//!
//! Four more divisions read the same way: an average per one of a count's unit (`平均每手合约成交金额`
//! over `79.48亿手`); a price per unit (`成交均价75.60元/吨`) over the amount of money and the
//! quantity its sentence states; an intensity per 10,000 yuan of an amount
//! (`以当年价国内生产总值140.2万亿元计算，万元国内生产总值用水量为42.1立方米`); and a rate per
//! thousand people named for an event (`以全国年平均人口14.08亿人计算，全年结婚率为4.5‰`) over the
//! count the story first states under the event's name.
//!
//! ## Why an error matters
//! An average is a division the writer did; a slipped digit in the count or the total, or an
//! average taken over last year's count, contradicts the figures printed beside it.
//!
//! ## Example
//! 全国在建水利项目46012个，平均每个项目完成投资约2485万元 — with 完成投资11432.6亿元:
//! 11432.6亿 ÷ 46012 = 2484.7万.

use super::{severity, Context, Found};
use crate::figure::{Dimension, Interval};
use crate::statement::subject::{self, Reference};
use crate::statement::{lexicon, Kind};

/// What an average is per: people (`人均`), households (`户均`), or the items a `每个` names.
enum Per<'a> {
    /// Per head of a count in this unit, per this many of them (`每万人口`: 10,000).
    Head(&'static str, u32),
    Item(char, &'a str),
    /// Per one of the unit a count is stated in, the rest of the name following it.
    Unit(&'a str),
    /// Per 10,000 yuan of an amount the rest of the name opens with (`万元国内生产总值用水量`).
    TenThousandYuan(&'a str),
    /// A price in money per unit of a measure (`75.60元/吨`).
    Price,
}

/// Classifiers of the items an average may be per.
const CLASSIFIERS: &str = "个家户项件台辆座所条艘部";

/// The average's marker, what it is per, and its name without the marker.
fn per(subject: &str) -> Option<(Per<'_>, String)> {
    for (marker, unit, per) in [
        ("人均", "人", 1),
        ("户均", "户", 1),
        // 笔均贷款 over 265.35万笔, 场均观众 over 场次: per item of the unit named.
        ("笔均", "笔", 1),
        ("场均", "场", 1),
        ("件均", "件", 1),
        ("单均", "单", 1),
        ("每十万人口", "人", 100_000),
        ("每十万人", "人", 100_000),
        ("每万人口", "人", 10_000),
        ("每万人", "人", 10_000),
        ("每千人口", "人", 1_000),
        ("每千人", "人", 1_000),
        ("每百人", "人", 100),
    ] {
        if let Some(at) = subject.find(marker) {
            let base = format!("{}{}", &subject[..at], &subject[at + marker.len()..]);
            return Some((Per::Head(unit, per), base));
        }
    }
    // `每千名老年人拥有养老服务床位`: per so many of a group of people, named; what they have
    // (`拥有`) is the measure averaged.
    for (scale, per) in [
        ("十万名", 100_000),
        ("万名", 10_000),
        ("千名", 1_000),
        ("百名", 100),
    ] {
        let marker = format!("每{scale}");
        if let Some(at) = subject.find(&marker) {
            let rest = &subject[at + marker.len()..];
            let Some(cut) = ["拥有", "有"]
                .iter()
                .find_map(|v| rest.find(v).map(|i| (i, v.len())))
            else {
                continue;
            };
            let base = format!("{}{}", &subject[..at], &rest[cut.0 + cut.1..]);
            return Some((Per::Head("人", per), base));
        }
    }
    // 平均每个项目, 平均每项合同, 每艘: 每 and the classifier of the items counted.
    for prefix in ["平均每", "每"] {
        if let Some(at) = subject.find(prefix) {
            let rest = &subject[at + prefix.len()..];
            if let Some(c) = rest.chars().next().filter(|c| CLASSIFIERS.contains(*c)) {
                return Some((Per::Item(c, &rest[c.len_utf8()..]), String::new()));
            }
        }
    }
    // 万元国内生产总值用水量, 每万元工业增加值能耗: an intensity per 10,000 yuan of an amount.
    for marker in ["每万元", "万元"] {
        if let Some(rest) = subject.strip_prefix(marker) {
            return Some((Per::TenThousandYuan(rest), String::new()));
        }
    }
    // 平均每手合约成交金额: 每 and the unit a count is stated in (`79.48亿手`).
    subject
        .find("平均每")
        .map(|at| (Per::Unit(&subject[at + "平均每".len()..]), String::new()))
}

/// `以当年价国内生产总值140.2万亿元计算，万元国内生产总值用水量为42.1立方米`: the amount in 元 whose
/// name the rest of the intensity's opens with (three characters or more, the longest), stated in
/// its story and period, and the total the rest after it names.
fn per_amount(ctx: &Context, a: usize, rest: &str) -> Option<(usize, usize)> {
    let s = ctx.st(a);
    let (amount, opened) = ctx
        .before(a)
        .filter_map(|k| {
            let t = ctx.st(k);
            if t.kind != Kind::Level
                || t.story != s.story
                || t.unit != "元"
                || t.basis.is_some()
                || !ctx.same_period(k, a)
            {
                return None;
            }
            // The longest start of `rest` the amount's name ends with.
            let opened = rest
                .char_indices()
                .map(|(i, c)| i + c.len_utf8())
                .filter(|&n| rest[..n].chars().count() >= 3 && t.subject.ends_with(&rest[..n]))
                .max()?;
            Some((k, opened))
        })
        .max_by_key(|&(k, n)| (n, k))?;
    let total = total_of(ctx, a, &rest[opened..])?;
    Some((amount, total))
}

/// `配额成交量2.36亿吨，成交额178.42亿元，成交均价75.60元/吨`: the amount of money and the quantity
/// of the price's units stated in its sentence before it, one of each, in its period.
fn priced_by(ctx: &Context, a: usize) -> Option<(usize, usize)> {
    let s = ctx.st(a);
    let (money, measure) = s.unit.split_once('/')?;
    let one = |unit: &str| {
        let found: Vec<usize> = ctx
            .before(a)
            .take_while(|&k| ctx.st(k).sentence == s.sentence)
            .filter(|&k| {
                let t = ctx.st(k);
                t.kind == Kind::Level
                    && t.unit == unit
                    && t.basis.is_none()
                    && t.group.is_none()
                    && !crate::statement::is_average(&t.subject)
                    && ctx.same_period(k, a)
            })
            .collect();
        super::only(&found)
    };
    Some((one(measure)?, one(money)?))
}

/// `平均每手合约成交金额` after `累计成交量为79.48亿手，累计成交额为634.27万亿元`: the count stated in
/// the unit the name opens with, in its story and period, and the total stated beside it in the
/// average's unit — or named by the rest of the average's name.
fn per_counted_unit(ctx: &Context, a: usize, rest: &str) -> Option<(usize, usize)> {
    let s = ctx.st(a);
    // `其中大豆9560万吨，…进口金额468.5亿美元，平均每吨490美元`: the quantity stated last before the
    // average in its sentence, a part of a breakdown or not, in a unit of count or measure.
    let in_sentence = ctx
        .before(a)
        .take_while(|&k| ctx.st(k).sentence == s.sentence)
        .find(|&k| {
            let t = ctx.st(k);
            t.kind == Kind::Level
                && t.dimension == Dimension::Physical
                && rest.starts_with(t.unit.as_str())
                && !t.unit.is_empty()
                && ctx.same_period(k, a)
        });
    let count = in_sentence.or_else(|| {
        ctx.before(a).find(|&k| {
            let t = ctx.st(k);
            t.kind == Kind::Level
            && t.story == s.story
            && t.dimension == Dimension::Count
            && !t.unit.is_empty()
            // People and the classifiers are read by `人均` and `每个…`, in their sentence.
            && t.unit != "人"
            && !(t.unit.chars().count() == 1 && CLASSIFIERS.contains(t.unit.as_str()))
            && t.group.is_none()
            && rest.starts_with(t.unit.as_str())
            && ctx.same_period(k, a)
        })
    })?;
    let base = &rest[ctx.st(count).unit.len()..];
    let total = total_of(ctx, a, base).or_else(|| {
        let c = ctx.st(count);
        let beside: Vec<usize> = ctx
            .near(count)
            .filter(|&(k, t)| {
                k != a
                    && t.sentence == c.sentence
                    && t.kind == Kind::Level
                    && t.unit == s.unit
                    && t.basis.is_none()
                    && !crate::statement::is_average(&t.subject)
                    && ctx.same_period(k, a)
            })
            .map(|(k, _)| k)
            .collect();
        super::only(&beside)
    });
    // `观众人数1.52亿人次…；票房收入486.35亿元…。据此测算，观众平均每人次票房支出约320元`: else
    // the one level of the paragraph before the average in its unit.
    let total = total.or_else(|| {
        one_level_before(
            ctx,
            a,
            |t| t.paragraph == s.paragraph,
            |k| ctx.st(k).qualifier.is_none() && ctx.same_period(k, a),
        )
    })?;
    Some((count, total))
}

/// `按实缴职工计算，人均缴存1.91万元`: the count the clause names after `按…计算`, stated before
/// in the story in the average's unit of heads and period.
fn counted_by(ctx: &Context, a: usize, unit: &str) -> Option<usize> {
    // The words since the figure before (`；按实缴职工计算，人均缴存`).
    let from = a.checked_sub(1).map_or(0, |k| ctx.st(k).span.end);
    let clause = ctx.text.get(from..ctx.st(a).span.start)?;
    let body = clause
        .rsplit('按')
        .next()
        .filter(|_| clause.contains('按'))?;
    let name = body
        .split("计算")
        .next()
        .filter(|_| body.contains("计算"))?;
    let key = subject::key(name.trim());
    if key.chars().count() < 2 {
        return None;
    }
    let s = ctx.st(a);
    ctx.before(a).find(|&k| {
        let t = ctx.st(k);
        t.kind == Kind::Level
            && t.story == s.story
            && t.dimension == Dimension::Count
            && t.unit == unit
            && t.key.ends_with(key.as_str())
            && ctx.same_period(k, a)
    })
}

/// `以全国年平均人口14.08亿人计算，全年结婚率为4.5‰` after `全国共办理结婚登记628.4万对`: a rate per
/// thousand people named for an event (`结婚率`, `出生率`) is the event's count over the
/// population stated in its sentence — the count the story states first under the event's name,
/// in the rate's period.
fn per_thousand(ctx: &Context, out: &mut Vec<Found>) {
    for (r, s) in ctx.statements.statements.iter().enumerate() {
        if s.kind != Kind::Rate || s.unit != "‰" {
            continue;
        }
        let Some(event) = s
            .subject
            .strip_suffix('率')
            .filter(|e| e.chars().count() >= 2)
        else {
            continue;
        };
        let Some(people) = ctx
            .before(r)
            .take_while(|&k| ctx.st(k).sentence == s.sentence)
            .find(|&k| {
                let t = ctx.st(k);
                t.kind == Kind::Level && t.unit == "人" && t.key.contains("人口")
            })
        else {
            continue;
        };
        let found: Vec<usize> = ctx
            .before(r)
            .filter(|&k| {
                let t = ctx.st(k);
                k != people
                    && t.kind == Kind::Level
                    && t.story == s.story
                    && !t.headline
                    && t.basis.is_none()
                    && t.group.is_none()
                    && t.dimension == Dimension::Count
                    && t.key.starts_with(event)
                    && !crate::statement::is_average(&t.subject)
                    && ctx.same_period(k, r)
            })
            .collect();
        let Some(count) = super::one_value(ctx, &found) else {
            continue;
        };
        let (c, p) = (ctx.st(count), ctx.st(people));
        let thousand = Interval::exact(rust_decimal::Decimal::ONE_THOUSAND);
        let rate = |c: Interval, p: Interval| c.div(&p).map(|q| q.mul(&thousand));
        let check =
            |c: Interval, p: Interval, v: Interval| rate(c, p).is_none_or(|q| q.intersects(&v));
        let sev = severity(
            check(c.strict, p.strict, s.strict),
            check(c.natural, p.natural, s.strict),
        );
        let Some(q) = rate(c.strict, p.strict) else {
            continue;
        };
        out.push(Found {
            relation: "average-per-unit".into(),
            severity: sev,
            message: "千分率与事件数、人口不符".into(),
            help: format!(
                "{} {} / {} {} × 1000 = {}‰ ≠ {} {}",
                c.subject,
                ctx.written(count),
                p.subject,
                ctx.written(people),
                Context::percent_range(&q),
                s.subject,
                ctx.written(r)
            ),
            labels: vec![
                (count, "事件数".into()),
                (people, "人口".into()),
                (r, "千分率".into()),
            ],
        });
    }
}

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    per_thousand(ctx, out);
    for (a, s) in ctx.statements.statements.iter().enumerate() {
        if s.kind != Kind::Level || s.dimension == Dimension::Count && s.unit.is_empty() {
            continue;
        }
        let priced = s.unit.contains('/');
        let Some((per, base)) =
            per(&s.subject).or_else(|| priced.then(|| (Per::Price, String::new())))
        else {
            continue;
        };
        let mut scale = 1;
        let (count, base) = match per {
            Per::Head(unit, per) => {
                scale = per;
                // `人均每次花费`, `人均消费` over `5.36亿人次`: a head counted once per visit.
                let units = heads(&s.subject, unit);
                // The count of people the sentence states before the average.
                let count = ctx
                    .before(a)
                    .take_while(|&k| ctx.st(k).sentence == s.sentence)
                    .find(|&k| {
                        let t = ctx.st(k);
                        t.kind == Kind::Level
                            && t.dimension == Dimension::Count
                            && heads_in(t, &units)
                            // `日均国内出游约1.09亿人次` is a rate of heads, no count of them.
                            && !crate::statement::is_average(&t.subject)
                    })
                    .or_else(|| counted_by(ctx, a, unit))
                    .or_else(|| counted_in_story(ctx, a, &units, &base));
                // `人均每次出游花费` averages `出游花费` over visits.
                let base = base.replace("每次", "");
                (count, base)
            }
            Per::Item(classifier, rest) => {
                // The items counted before it in its paragraph, whose name `每个` repeats: the
                // rest of the average's name after them is the measure averaged.
                let found = ctx
                    .before(a)
                    .take_while(|&k| ctx.st(k).paragraph == s.paragraph)
                    .find_map(|k| {
                        let t = ctx.st(k);
                        if t.kind != Kind::Level || t.dimension != Dimension::Count {
                            return None;
                        }
                        let noun: String = {
                            let chars: Vec<char> = t.subject.chars().collect();
                            chars[chars.len().saturating_sub(2)..].iter().collect()
                        };
                        (noun.chars().count() == 2 && rest.starts_with(noun.as_str()))
                            .then(|| (k, rest[noun.len()..].to_string()))
                    });
                // `质押项目41238项……以项目计，平均每项融资2872万元`: else the one count the story
                // states in the classifier's unit, in the average's period, the whole rest of
                // the name being the measure averaged.
                let found = found.or_else(|| {
                    let unit = classifier.to_string();
                    let counts: Vec<usize> = ctx
                        .before(a)
                        .filter(|&k| {
                            let t = ctx.st(k);
                            t.kind == Kind::Level
                                && t.story == s.story
                                && !t.headline
                                && t.unit == unit
                                && t.basis.is_none()
                                && t.group.is_none()
                                // A target (`年度目标35000项`) counts what is planned.
                                && !["目标", "计划", "任务"].iter().any(|w| t.subject.contains(w))
                                && ctx.same_period(k, a)
                        })
                        .collect();
                    super::only(&counts).map(|k| (k, rest.to_string()))
                });
                match found {
                    Some((k, base)) => (Some(k), base),
                    None => (None, String::new()),
                }
            }
            Per::Unit(_) | Per::TenThousandYuan(_) | Per::Price => (None, String::new()),
        };
        let found = match per {
            Per::Unit(rest) => per_counted_unit(ctx, a, rest),
            Per::TenThousandYuan(rest) => {
                scale = 10_000;
                per_amount(ctx, a, rest)
            }
            Per::Price => priced_by(ctx, a),
            _ => count.zip(total_of(ctx, a, &base).or_else(|| {
                // `二手车累计交易金额达11628.43亿元，平均每辆成交价约6.42万元`: a measure named in
                // other words averages the one level of its sentence in its unit; so does a
                // per-head one (`实现冰雪休闲旅游收入6517亿元，人均消费1216元`).
                matches!(per, Per::Item(..) | Per::Head(_, 1))
                    .then(|| sentence_total(ctx, a))
                    .flatten()
            })),
        };
        let Some((count, total)) = found else {
            continue;
        };
        let (t, c) = (ctx.st(total), ctx.st(count));
        // `每万人口`: the average is per 10,000 of the count.
        let per = Interval::exact(rust_decimal::Decimal::from(scale));
        let check = |total: Interval, count: Interval, avg: Interval| {
            count
                .div(&per)
                .and_then(|groups| total.div(&groups))
                .is_none_or(|q| q.intersects(&avg))
        };
        let sev = severity(
            check(t.strict, c.strict, s.strict),
            // An average is a quotient rounded for print: `420立方米` is 419.78 rounded, however
            // whole it looks, so it is read strictly under either reading.
            check(t.natural, c.natural, s.strict),
        );
        let Some(q) = c.strict.div(&per).and_then(|groups| t.strict.div(&groups)) else {
            continue;
        };
        out.push(Found {
            relation: "average-per-unit".into(),
            severity: sev,
            message: "平均数与总量、个数不符".into(),
            help: format!(
                "{} {} / {} = {}（按四舍五入区间 {}） ≠ 平均 {}",
                t.subject,
                ctx.written(total),
                if scale == 1 {
                    format!("{} {}", c.subject, ctx.written(count))
                } else {
                    format!("({} {} ÷ {scale})", c.subject, ctx.written(count))
                },
                super::breakdown::mid_in_units(ctx, a, &q),
                ctx.range(a, &q),
                ctx.written(a)
            ),
            labels: vec![
                (total, "总量".into()),
                (count, "个数".into()),
                (a, "平均".into()),
            ],
        });
    }
}

/// The units of heads an average per `unit` may be over: a per-head average of visits
/// (`人均每次花费`, or any `人均` in a story that counts 人次) divides by 人次.
fn heads(name: &str, unit: &'static str) -> Vec<&'static str> {
    match unit {
        "人" if name.contains("每次") || name.contains("次均") => vec!["人次"],
        "人" => vec!["人", "人次"],
        _ => vec![unit],
    }
}

/// Whether a count is of heads in one of `units`: stated in it (`5.36亿人次`), or with the unit in
/// its name and none after the number (`国内居民出游人次54.36亿`).
fn heads_in(t: &crate::statement::Statement, units: &[&str]) -> bool {
    units.contains(&t.unit.as_str())
        || t.unit.is_empty() && units.iter().any(|u| t.subject.ends_with(u))
}

/// `游客人均消费1216元` in a story that states `冰雪休闲旅游人数5.36亿人次` apart: the one count of
/// heads in the story and period — or, of several, the one whose name opens most as the total's
/// or the average's does (`冰雪休闲旅游` of `冰雪休闲旅游收入`), two characters or more.
fn counted_in_story(ctx: &Context, a: usize, units: &[&str], base: &str) -> Option<usize> {
    let s = ctx.st(a);
    let counts: Vec<usize> = ctx
        .before(a)
        .filter(|&k| {
            let t = ctx.st(k);
            t.kind == Kind::Level
                && t.story == s.story
                && !t.headline
                && t.dimension == Dimension::Count
                && heads_in(t, units)
                && t.basis.is_none()
                && t.qualifier.is_none()
                && !crate::statement::is_average(&t.subject)
                && !["目标", "计划", "任务"]
                    .iter()
                    .any(|w| t.subject.contains(w))
                && ctx.same_period(k, a)
        })
        .collect();
    if let Some(k) = super::only(&counts) {
        return Some(k);
    }
    let base = base.replace("每次", "");
    let names: Vec<String> = std::iter::once(subject::key(&base))
        .chain(
            total_of(ctx, a, &base)
                .or_else(|| sentence_total(ctx, a))
                .map(|t| ctx.st(t).key.clone()),
        )
        .collect();
    let opens = |k: usize| {
        let c = &ctx.st(k).key;
        names
            .iter()
            .map(|n| n.chars().zip(c.chars()).take_while(|(x, y)| x == y).count())
            .max()
            .unwrap_or(0)
    };
    let best = counts.iter().map(|&k| opens(k)).max().filter(|&n| n >= 2)?;
    let named: Vec<usize> = counts.into_iter().filter(|&k| opens(k) == best).collect();
    super::one_value(ctx, &named)
}

/// The one level of an average's sentence before it, in its unit: the total a measure named in
/// other words averages (`实现冰雪休闲旅游收入6517亿元，人均消费1216元`).
fn sentence_total(ctx: &Context, a: usize) -> Option<usize> {
    let s = ctx.st(a);
    one_level_before(
        ctx,
        a,
        |t| t.sentence == s.sentence,
        |k| ctx.st(k).group.is_none(),
    )
}

/// The one plain level (no average, compared with nothing) in average `a`'s unit among the
/// statements just before it that `within` keeps, of those `fits` accepts.
fn one_level_before(
    ctx: &Context,
    a: usize,
    within: impl Fn(&crate::statement::Statement) -> bool,
    fits: impl Fn(usize) -> bool,
) -> Option<usize> {
    let s = ctx.st(a);
    let found: Vec<usize> = ctx
        .before(a)
        .take_while(|&k| within(ctx.st(k)))
        .filter(|&k| {
            let t = ctx.st(k);
            t.kind == Kind::Level
                && t.unit == s.unit
                && t.basis.is_none()
                && !crate::statement::is_average(&t.subject)
                && fits(k)
        })
        .collect();
    super::only(&found)
}

/// The total an average's base name names: the latest level before it, in its unit and period,
/// of the same stage, no average and in no group, that the name states, abbreviates or ends.
fn total_of(ctx: &Context, a: usize, base: &str) -> Option<usize> {
    let s = ctx.st(a);
    let key = subject::key(base);
    if key.chars().count() < 2 {
        return None;
    }
    let candidates: Vec<(usize, Reference)> = ctx
        .before(a)
        .filter(|&k| {
            let t = ctx.st(k);
            t.kind == Kind::Level
                && t.unit == s.unit
                && t.story == s.story
                && !t.headline
                && t.basis.is_none()
                // A part of a breakdown is a total when the name is its own
                // (`居民医保基金支出` under 基本医疗保险基金支出).
                && (t.group.is_none() || t.key == key)
                && !crate::statement::is_average(&t.subject)
                && lexicon::stage(&t.subject) == lexicon::stage(&s.subject)
                && ctx.same_period(k, a)
        })
        .map(|k| (k, subject::refers_by_key(&key, &ctx.st(k).key)))
        .filter(|(_, r)| *r > Reference::No)
        .collect();
    let (_, top) = super::best_named(&candidates)?;
    super::one_value(ctx, &top)
}
