//! # compound-name-sum
//!
//! ## What it checks
//! A figure whose name joins the names of others is their sum: `牛羊肉产量合计913万吨` after
//! `牛肉产量541万吨` and `羊肉产量372万吨` needs 541 + 372 = 913; `中西部地区` is `中部地区` plus
//! `西部地区`, `猪牛羊禽肉` the four meats. The joined name is read as heads sharing one tail
//! (`牛` + `羊` + `肉`); each head with the tail must name a level of the story in the same unit
//! and period, stated with one value, and the heads must spell the joined name exactly, in order,
//! with at least two of them.
//!
//! ## Why an error matters
//! The joined figure is a sum the writer made from the parts printed beside it; a slip in any of
//! them, or a total taken from another table, contradicts them.
//!
//! ## Example
//! 牛肉产量541万吨……羊肉产量372万吨……牛羊肉产量合计913万吨 — 541 + 372 = 913.

use super::breakdown::SumCheck;
use super::{one_value, Context, Found};
use crate::statement::{is_average, subject, Kind};
use std::collections::HashMap;

/// Whether statement `k` is a plain level a compound can name.
fn plain(ctx: &Context, k: usize) -> bool {
    let s = ctx.st(k);
    s.kind == Kind::Level
        && s.basis.is_none()
        && s.qualifier.is_none()
        && s.of.is_none()
        && s.unit != "%"
        && !s.unit.is_empty()
        && !is_average(&s.subject)
}

/// Splits `head` into names each of which, with `tail`, is a key of `levels`, in order: the
/// first split found, shortest names first. Positions found not to split are remembered, so the
/// search is quadratic in the head's length at worst.
fn tile(head: &[char], tail: &str, levels: &HashMap<&str, Vec<usize>>) -> Option<Vec<String>> {
    fn from(
        at: usize,
        head: &[char],
        tail: &str,
        levels: &HashMap<&str, Vec<usize>>,
        dead: &mut [bool],
    ) -> Option<Vec<String>> {
        if at == head.len() {
            return Some(Vec::new());
        }
        if dead[at] {
            return None;
        }
        for end in at + 1..=head.len() {
            let name: String = head[at..end].iter().collect::<String>() + tail;
            if levels.contains_key(name.as_str()) {
                if let Some(mut rest) = from(end, head, tail, levels, dead) {
                    rest.insert(0, name);
                    return Some(rest);
                }
            }
        }
        dead[at] = true;
        None
    }
    from(0, head, tail, levels, &mut vec![false; head.len()])
}

/// `国内增值税、企业所得税、个人所得税三大税种合计`: a name that lists the names of stated levels
/// before what they are together — each item a key of `levels`, the last one up to the words that
/// gather them.
fn listed(subject: &str, levels: &HashMap<&str, Vec<usize>>) -> Option<Vec<String>> {
    let items: Vec<&str> = subject.split('、').collect();
    if items.len() < 2 {
        return None;
    }
    let (last, first) = items.split_last()?;
    let mut names: Vec<String> = first
        .iter()
        .map(|item| {
            let key = subject::key(item);
            levels.contains_key(key.as_str()).then_some(key)
        })
        .collect::<Option<_>>()?;
    // The longest start of the last item that is a level's key (`个人所得税` of
    // `个人所得税三大税种`).
    let last_key = last
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .rev()
        .map(|end| subject::key(&last[..end]))
        .find(|k| k.chars().count() >= 2 && levels.contains_key(k.as_str()))?;
    names.push(last_key);
    Some(names)
}

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    for w in 0..ctx.statements.statements.len() {
        let ws = ctx.st(w);
        let chars: Vec<char> = ws.key.chars().collect();
        if chars.len() < 3 || !plain(ctx, w) || ws.headline {
            continue;
        }
        // The levels of the story near it, by key, in its unit and period.
        let mut levels: HashMap<&str, Vec<usize>> = HashMap::new();
        for (k, s) in ctx.near(w) {
            if k != w
                && s.story == ws.story
                && !s.headline
                && s.unit == ws.unit
                && s.key != ws.key
                && plain(ctx, k)
                && ctx.same_period(k, w)
            {
                levels.entry(s.key.as_str()).or_default().push(k);
            }
        }
        if levels.len() < 2 {
            continue;
        }
        // The longest tail first: 部地区 before 地区 for 中西部地区.
        let found = listed(&ws.subject, &levels).or_else(|| {
            (1..=chars.len() - 2).rev().find_map(|t| {
                let tail: String = chars[chars.len() - t..].iter().collect();
                let names = tile(&chars[..chars.len() - t], &tail, &levels)?;
                (names.len() >= 2).then_some(names)
            })
        });
        let Some(names) = found else { continue };
        let parts: Option<Vec<usize>> = names
            .iter()
            .map(|n| one_value(ctx, &levels[n.as_str()]))
            .collect();
        let Some(parts) = parts else { continue };
        // The copy's own breakdown of the figure lists more than the name joins
        // (`专利商标质押融资金额` over 专利, 商标 and 专利商标混合质押): the breakdown's sum speaks.
        let more = ctx.statements.groups.iter().any(|g| {
            g.head == Some(w)
                && g.members
                    .iter()
                    .any(|&m| ctx.st(m).unit == ws.unit && !parts.contains(&m) && plain(ctx, m))
        });
        if more {
            continue;
        }
        let sum = SumCheck::new(ctx, w, &parts, false);
        let listed: Vec<String> = parts
            .iter()
            .map(|&p| format!("{} {}", ctx.st(p).subject, ctx.written(p)))
            .collect();
        let help = sum.help(ctx, &listed, &ws.subject, "the parts add up to the whole");
        let mut labels = vec![(w, ws.subject.clone())];
        labels.extend(parts.iter().map(|&p| (p, ctx.st(p).subject.clone())));
        out.push(Found {
            relation: "compound-name-sum".into(),
            severity: sum.severity,
            message: "合称数与所合各项之和不符".into(),
            help,
            labels,
        });
    }
}
