//! Subjects: what a figure measures, as the copy names it, and when two names are one concept.
//!
//! Two names are the same concept when they are equal once the words that do not change a
//! concept are set aside — a whole's prefix (`全国`, `我国`), a measure word (`额`, `总值`,
//! `数量`), spaces — so `出口额`, `出口总值` and `出口` are one concept. A name that only *ends*
//! with another is a part of it, never the same: `汽车驾驶人数量` is not `驾驶人数量`.

use super::lexicon::{BARE_VERBS, MEASURES, PERIOD_WORDS, WHOLE_PREFIXES};

/// The concept key of a subject: the name without its whole's prefix, its measure word or
/// the 总 of a total. Keys are compared for identity.
pub fn key(subject: &str) -> String {
    let mut s: String = subject
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '‘' | '’'))
        .collect();
    loop {
        let before = s.len();
        // 四季度单季成交, 当月销售: words of a period say when, not what.
        if let Some(p) = PERIOD_WORDS.iter().find(|p| {
            s.strip_prefix(**p)
                .is_some_and(|rest| rest.chars().count() >= 2)
        }) {
            s = s[p.len()..].to_string();
        }
        if let Some(p) = WHOLE_PREFIXES.iter().find(|p| {
            s.strip_prefix(*p)
                .is_some_and(|rest| rest.chars().count() >= 2)
        }) {
            s = s[p.len()..].to_string();
        }
        // 全国共办理结婚登记 and 结婚登记: 共 before a verb gathers, and 办理 (handled) is the
        // verb of every registration; neither names what is counted.
        if let Some(rest) = s
            .strip_prefix('共')
            .filter(|r| BARE_VERBS.iter().any(|v| r.starts_with(v)) || r.starts_with("办理"))
        {
            s = rest.to_string();
        }
        if let Some(rest) = s.strip_prefix("办理").filter(|r| r.chars().count() >= 2) {
            s = rest.to_string();
        }
        if s.len() == before {
            break;
        }
    }
    // 牛羊肉产量合计 and 牛羊肉合计: a total's word says the name is a sum, not what it measures.
    if let Some(t) = ["合计", "共计", "总计"].iter().find(|t| {
        s.strip_suffix(*t)
            .is_some_and(|rest| rest.chars().count() >= 2)
    }) {
        s.truncate(s.len() - t.len());
    }
    // `流量`, `销量`: a measure character that ends a word of its own is no measure word
    // (`高速公路累计流量` keeps its 流量, as `总流量` does).
    let word = |m: &str| {
        m == "量"
            && s.strip_suffix(m)
                .and_then(|rest| rest.chars().next_back())
                .is_some_and(|c| "流销运存增重质含能储".contains(c))
    };
    if let Some(m) = MEASURES.iter().find(|m| {
        !word(m)
            && s.strip_suffix(*m)
                .is_some_and(|rest| rest.chars().count() >= 2)
    }) {
        s.truncate(s.len() - m.len());
    }
    // 粮食总产量 and 粮食产量, 档期总票房 and 档期票房: a 总 inside a name marks the total it
    // already is.
    if s.chars().count() > 2 {
        let mut chars: Vec<char> = s.chars().collect();
        let first = chars[0];
        chars.retain(|&c| c != '总');
        if chars.first() != Some(&first) && first == '总' {
            chars.insert(0, first);
        }
        s = chars.into_iter().collect();
    }
    s
}

/// Whether two subjects are one concept.
pub fn same(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    !a.is_empty() && a == b
}

/// How a short name refers to a subject stated in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reference {
    /// Not this subject.
    No,
    /// The subject less a part-naming prefix: `占可支配收入的` for `全国居民人均可支配收入`. Weak:
    /// it also fits the subject's parts, so it decides only among a few.
    Tail,
    /// An abbreviation: every character of the name, in order, is in the subject, starting with
    /// the same character (`社零总额` for `社会消费品零售总额`, `规上工业` for `规模以上工业`).
    Abbreviation,
    /// The same concept.
    Same,
}

/// How `name` refers to `subject`.
pub fn refers(name: &str, subject: &str) -> Reference {
    refers_by_key(&key(name), &key(subject))
}

/// [`refers`] on the two names' keys, read once.
pub fn refers_by_key(n: &str, s: &str) -> Reference {
    if n.is_empty() || s.is_empty() {
        return Reference::No;
    }
    if n == s {
        return Reference::Same;
    }
    let nc: Vec<char> = n.chars().collect();
    let sc: Vec<char> = s.chars().collect();
    // An abbreviation keeps the first character and runs across most of the name; a prefix
    // (`汽车` of `汽车驾驶人`) is a modifier, not an abbreviation.
    if nc.len() >= 2 && nc.len() < sc.len() && nc[0] == sc[0] && !s.starts_with(n) {
        let mut last = 0;
        let mut it = sc.iter().enumerate();
        let all = nc.iter().all(|c| {
            it.by_ref()
                .find(|(_, d)| *d == c)
                .map(|(i, _)| last = i)
                .is_some()
        });
        if all && 5 * (last + 1) >= 3 * sc.len() {
            return Reference::Abbreviation;
        }
    }
    // 彩票销售 for 销售彩票: the same two words in the other order (a verb and its object as a
    // noun phrase), each of two characters or more.
    if nc.len() == sc.len() && nc.len() >= 4 {
        let rotated = (2..=nc.len() - 2).any(|k| nc[k..].iter().chain(&nc[..k]).eq(sc.iter()));
        if rotated {
            return Reference::Abbreviation;
        }
    }
    // A tail that splits a word is no tail: 出口 of 进出口 is another concept.
    let splits =
        |before: &str| ["进", "净"].iter().any(|w| before.ends_with(w)) && n.starts_with("出口");
    if nc.len() >= 2 && s.ends_with(n) && !splits(&s[..s.len() - n.len()]) {
        return Reference::Tail;
    }
    Reference::No
}

/// The characters two subjects end with in common: `人均可支配收入` for
/// `城镇居民人均可支配收入` and `农村居民人均可支配收入`.
pub fn common_tail<'a>(a: &'a str, b: &str) -> &'a str {
    let n = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>();
    &a[a.len() - n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measure_words_and_whole_prefixes_do_not_change_a_concept() {
        assert!(same("出口额", "出口"));
        assert!(same("出口总值", "出口"));
        assert!(same("全国机动车保有量", "机动车"));
        assert!(same("粮食总产量", "粮食产量"));
        assert!(same("驾驶人数量", "驾驶人"));
        assert!(!same("汽车驾驶人数量", "驾驶人数量"));
        assert!(!same("民营企业进出口", "民营企业"));
        assert!(!same("城镇消费品零售额", "社会消费品零售总额"));
    }

    #[test]
    fn short_names_refer_by_abbreviation_or_tail() {
        assert_eq!(
            refers("社零总额", "社会消费品零售总额"),
            Reference::Abbreviation
        );
        assert_eq!(
            refers("全部规上工业企业利润", "规模以上工业企业利润总额"),
            Reference::Abbreviation
        );
        assert_eq!(
            refers("可支配收入", "全国居民人均可支配收入"),
            Reference::Tail
        );
        assert_eq!(refers("出口总值", "出口"), Reference::Same);
        assert_eq!(refers("彩票销售总额", "销售彩票"), Reference::Abbreviation);
        assert_eq!(refers("出口进口", "进口出口"), Reference::Abbreviation);
        assert_eq!(refers("口出", "出口"), Reference::No);
        assert_eq!(refers("进口", "出口"), Reference::No);
        assert_eq!(refers("驾驶人", "汽车驾驶人"), Reference::Tail);
        assert_eq!(refers("汽车", "汽车驾驶人"), Reference::No);
        assert_eq!(refers("全国出口总值", "货物贸易进出口总值"), Reference::No);
    }

    #[test]
    fn common_tails() {
        assert_eq!(
            common_tail("城镇居民人均可支配收入", "农村居民人均可支配收入"),
            "居民人均可支配收入"
        );
        assert_eq!(common_tail("出口", "进口"), "口");
        assert_eq!(common_tail("出口", "利润"), "");
    }
}
