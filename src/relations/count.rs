//! # count-of-items
//!
//! ## What it checks
//! A count stated right after the list it counts matches the list: `乐透数字型、竞猜型、即开型、
//! 视频型、基诺型5类彩票` names five; `北京、广东、江苏、山东和上海5个省市` five. The list is the
//! run of names joined by `、` (and a last `和`/`及`) that ends where the count begins, on any
//! topic and with any classifier (个, 类, 项, 家…). A ranking counts the names listed before its
//! verb (`浙江、江苏、广东农村网络零售额位居前三`, `山东、河北、四川…位列全国前三`), the last name running
//! on into what is ranked. Where the reading is unsure, nothing is
//! checked: a list ending in `等` (which may be partial), a name holding `和`, `及` or `与`
//! that could be one name or two (`计算机、通信和其他电子设备制造业`), quoted headings, or a name
//! longer than a name usually is.
//!
//! ## Why an error matters
//! Lists are edited — a city added, a heading cut — after the count was written, and the count
//! is rarely updated with them. A reader who counts finds the error at once.
//!
//! ## Example
//! 北京、广东、江苏、山东、上海5个省市共完成软件业务收入75362亿元 — five names, 5个.

use super::{Context, Found};
use crate::figure::Dimension;
use crate::rules::Severity;
use crate::statement::{is_clause_break, Kind};
use rust_decimal::Decimal;

/// The longest a listed name is read as one name.
const LONGEST_NAME: usize = 10;

/// How far (in bytes) from its count a list is looked for.
const WINDOW: usize = 600;

/// The last `n` bytes of `t` or fewer, cut at a character boundary.
fn tail(t: &str, n: usize) -> &str {
    let mut at = t.len().saturating_sub(n);
    while !t.is_char_boundary(at) {
        at += 1;
    }
    &t[at..]
}

/// The first `n` bytes of `t` or fewer, cut at a character boundary.
fn head(t: &str, n: usize) -> &str {
    let mut at = n.min(t.len());
    while !t.is_char_boundary(at) {
        at -= 1;
    }
    &t[..at]
}

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    for (i, s) in ctx.statements.statements.iter().enumerate() {
        let f = ctx.figure(i);
        if s.kind != Kind::Level
            || f.dimension != Dimension::Count
            || !f.magnitude.is_empty()
            || f.decimals != 0
            || f.qualifier.is_some()
            || f.value < Decimal::TWO
            || f.value > Decimal::from(200)
        {
            continue;
        }
        // A list is read within a few hundred bytes of its count: a listed name is short, and
        // a bound keeps a clause of endless figures linear.
        let before = tail(&ctx.text[..s.span.start], WINDOW);
        let after = head(&ctx.text[s.span.end..], WINDOW);
        let Some(n) = titles_before(before)
            .or_else(|| ranked_before(before))
            .or_else(|| items_before(before))
            .or_else(|| items_after(after))
        else {
            continue;
        };
        let n_dec = Decimal::from(n);
        let holds = n_dec == f.value;
        out.push(Found {
            relation: "count-of-items".into(),
            severity: (!holds).then_some(Severity::Error),
            message: "列举的项目数与所述个数不符".into(),
            help: if holds {
                format!("列举 {n} 项 = 所述个数 {}", ctx.written(i))
            } else {
                format!(
                    "列举 {n} 项 ≠ 所述个数 {}; {} → {n}{} would make the count hold",
                    ctx.written(i),
                    ctx.written(i),
                    f.unit
                )
            },
            labels: vec![(i, "所述个数".into())],
        });
    }
}

/// How many titles (`《哪吒之魔童闹海》《唐探1900》`) run up to the end of `text`, when two or
/// more do: a title may hold any punctuation, so titles are counted by their marks.
fn titles_before(text: &str) -> Option<usize> {
    let mut rest = text.trim_end();
    let mut n = 0;
    while let Some(inner) = rest.strip_suffix('》') {
        let open = inner.rfind('《')?;
        if inner[open..].contains('》') {
            return None;
        }
        n += 1;
        rest = inner[..open].trim_end().trim_end_matches(['、', '，']);
    }
    (n >= 2).then_some(n)
}

/// How many names the list after a count holds, when the copy says the list is the counted
/// one: `有8个，分别为广东、江苏……湖北和四川`, `居前5位的口岸依次为拱北、罗湖……和福田口岸`,
/// `有5个国家对华实际投资实现增长，瑞士、荷兰……阿联酋分别增长…`. The list runs to its clause's end
/// (or to `分别`).
fn items_after(text: &str) -> Option<usize> {
    // The rest of the sentence.
    let end = text.find(['。', '；', ';', '\n']).unwrap_or(text.len());
    let sentence = &text[..end];
    const MARKERS: &[&str] = &["依次为", "依次是", "分别为", "分别是", "包括"];
    let (at, marker) = MARKERS
        .iter()
        .filter_map(|m| sentence.find(m).map(|at| (at, *m)))
        .min_by_key(|&(at, _)| at)
        .map_or((None, ""), |(at, m)| (Some(at), m));
    let list = match at {
        // The marker within the count's phrase (`的口岸依次为`), not a later clause's.
        Some(at) if sentence[..at].chars().count() <= 12 => {
            let rest = &sentence[at + marker.len()..];
            let stop = rest.find(is_clause_break).unwrap_or(rest.len());
            &rest[..stop]
        }
        _ => {
            // The next clause is the list, closed by 分别 (`瑞士、荷兰……分别增长`).
            let first = sentence.find(is_clause_break)?;
            let next = &sentence[first..];
            let next = next.trim_start_matches(is_clause_break);
            let stop = next.find("分别")?;
            let list = &next[..stop];
            if list.contains(is_clause_break) {
                return None;
            }
            list
        }
    };
    let list = list.trim();
    if !list.contains('、') || list.ends_with('等') || list.contains(['“', '"', '《']) {
        return None;
    }
    let list = squeezed(list);
    let mut items: Vec<&str> = list.split('、').collect();
    let last = items.pop()?;
    count_names(&items, last)
}

/// The verbs of a ranking (`位居前三`, `排名前五`, `位列全国前三`), longest first.
const RANK_VERBS: &[&str] = &["位居", "位列", "排名", "名列", "居于", "进入", "跻身", "居"];

/// How many names a ranking's list holds: `浙江、江苏、广东农村网络零售额位居前三` — the list opens
/// the clause and its last name runs on into what is ranked, so the list is read up to the
/// verb and its last name is counted, not read.
fn ranked_before(text: &str) -> Option<usize> {
    let text = text.strip_suffix('前')?;
    let text = ["全国", "全省", "全市", "全球", "世界"]
        .iter()
        .find_map(|w| text.strip_suffix(w))
        .unwrap_or(text);
    let head = RANK_VERBS.iter().find_map(|v| text.strip_suffix(v))?;
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| is_clause_break(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = head[start..].trim();
    if !clause.contains('、') || clause.contains(['等', '“', '"', '《']) {
        return None;
    }
    let mut items: Vec<String> = clause.split('、').map(squeezed).collect();
    let last = items.pop()?;
    // `水产品、蔬菜和水果出口额`: the last two names joined by 和.
    let last_two = last
        .split_once('和')
        .filter(|(a, _)| (1..=5).contains(&a.chars().count()));
    if let Some((a, _)) = last_two {
        items.push(a.to_string());
    }
    let first = items.first()?;
    // The first name may carry the clause's opening words (`分省份看，` is cut at its comma).
    if first.chars().count() > LONGEST_NAME {
        return None;
    }
    let name_like = |t: &String| {
        (1..=LONGEST_NAME).contains(&t.chars().count())
            && !t.contains(['和', '及', '与', '（', '('])
            && !t.chars().any(|c| c.is_ascii_digit())
    };
    items.iter().all(name_like).then_some(items.len() + 1)
}

/// A listed name without the line breaks and spaces of a wrapped page.
fn squeezed(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

/// How many names the list ending at the end of `text` holds, when the reading is sure.
fn items_before(text: &str) -> Option<usize> {
    let start = text
        .char_indices()
        .rev()
        .find(|&(_, c)| is_clause_break(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = text[start..].trim();
    if !clause.contains('、') || clause.ends_with('等') || clause.contains(['“', '"', '《']) {
        return None;
    }
    let mut items: Vec<&str> = clause.split('、').map(str::trim).collect();
    // The first name may carry the clause's opening words (`在北京`, `其中上海`); only its
    // last characters are the name.
    let first = items.first().copied()?;
    if first.chars().count() > LONGEST_NAME + 4 || first.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let last = items.pop()?;
    // The first name may carry the clause's opening words: it is counted, not read.
    count_names(&items[1..], last).map(|n| n + 1)
}

/// How many names `items` and a last item hold — the last may be two joined by 和 — when every
/// one reads as a name.
fn count_names(items: &[&str], last: &str) -> Option<usize> {
    // The last name may be two joined by 和: `山东和上海` in a list of short names, but not
    // `通信和其他电子设备制造业` nor `其他用品及服务` (及 and 与 join words inside names).
    let mut tail = vec![last];
    if last.contains(['及', '与']) {
        return None;
    }
    if let Some((a, b)) = last.split_once('和') {
        let short = |t: &str| (1..=5).contains(&t.chars().count());
        let all_short = items.iter().all(|t| short(t));
        // `历史文化类、综合地志类和革命纪念类博物馆`: names of one length, the last carrying the
        // noun they share; `计算机、通信和其他电子设备制造业` has no such regularity.
        let width = a.chars().count();
        let uniform = width >= 3
            && items.iter().all(|t| t.chars().count() == width)
            && b.chars().count() <= LONGEST_NAME;
        if !all_short
            || !short(a)
            || !(short(b) || uniform)
            || b.starts_with("其他")
            || b.starts_with("其它")
        {
            return None;
        }
        tail = vec![a, b];
    }
    // A number inside a name is a line's or a building's (`成都地铁13号线一期`), never a
    // figure between two names.
    let numbered = |t: &str| {
        let mut chars = t.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii_digit() {
                while chars.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                }
                if chars.peek() != Some(&'号') {
                    return false;
                }
            }
        }
        true
    };
    let name_like = |t: &&str| {
        (1..=LONGEST_NAME).contains(&t.chars().count())
            && !t.contains(['和', '及', '与', '（', '('])
            && numbered(t)
    };
    let names: Vec<&str> = items.iter().copied().chain(tail).collect();
    names.iter().all(name_like).then_some(names.len())
}

#[cfg(test)]
mod tests {
    use super::{items_after, items_before, titles_before};

    #[test]
    fn counts_a_rankings_names() {
        use super::ranked_before;
        assert_eq!(
            ranked_before("分省份看，浙江、江苏、广东农村网络零售额位居前"),
            Some(3)
        );
        assert_eq!(
            ranked_before("出口方面，水产品、蔬菜和水果出口额位居前"),
            Some(3)
        );
        assert_eq!(
            ranked_before("分地区看，山东、河北、四川新开工改造小区数量位列全国前"),
            Some(3)
        );
        assert_eq!(ranked_before("浙江农村网络零售额位居前"), None);
        assert_eq!(ranked_before("浙江、江苏等省份位居前"), None);
        assert_eq!(
            items_after("的依次为历史文化类、综合地志类和革命纪念类博物\n馆，合计"),
            Some(3)
        );
    }

    #[test]
    fn counts_the_names_that_end_at_the_count() {
        assert_eq!(
            items_before("分类型看，乐透数字型、竞猜型、即开型、视频型、基诺型"),
            Some(5)
        );
        assert_eq!(
            items_before("分地区看，北京、广东、江苏、山东和上海"),
            Some(5)
        );
        assert_eq!(items_before("在北京、天津、上海"), Some(3));
        assert_eq!(
            titles_before("档期内，《哪吒之魔童闹海》《唐探1900》《封神第二部：战火西岐》"),
            Some(3)
        );
        assert_eq!(titles_before("上映的《唐探1900》、《蛟龙行动》"), Some(2));
        assert_eq!(titles_before("《蛟龙行动》"), None);
        assert_eq!(
            items_after("，分别为广东、江苏、北京、浙江、山东、上海、湖北和四川。"),
            Some(8)
        );
        assert_eq!(
            items_after("的口岸依次为拱北、罗湖、深圳湾、港珠澳大桥和福田口岸。"),
            Some(5)
        );
        assert_eq!(
            items_after("国家对华实际投资实现增长，瑞士、荷兰、日本、英国、阿联酋分别增长58.3%。"),
            Some(5)
        );
        // A later clause's 包括 is another list's.
        assert_eq!(
            items_after("城市，其销售额占全国的比重较上年提高，包括北京、上海"),
            None
        );
    }

    #[test]
    fn an_unsure_reading_counts_nothing() {
        // 和 inside a name, a partial list, quoted headings, no list at all.
        assert_eq!(items_before("计算机、通信和其他电子设备制造业"), None);
        assert_eq!(items_before("教育文化娱乐、医疗保健、其他用品及服务"), None);
        assert_eq!(items_before("北京、上海等"), None);
        assert_eq!(items_before("从“稳增长”、“促改革”"), None);
        assert_eq!(items_before("全国共有"), None);
    }
}
