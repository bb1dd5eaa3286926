//! Builds the normalized view of an article that rules match against.
//!
//! Text extracted from PDF newspaper pages is hard-wrapped every 8–14 characters, in the middle of
//! words and figures (`330.29` / blank line / `万亿元`), and spaced out for justification
//! (`1838 万 笔`). The normalizer joins wrapped lines, drops justification spaces, folds full-width
//! digits, and marks paragraph breaks with a single `\n`, recording where every normalized byte
//! came from in an [`OffsetMap`].

use super::chars::{ems, fold, is_cjk, is_closer, is_hspace, is_invisible, is_sentence_end};
use super::offset_map::{OffsetMap, OffsetMapBuilder};
use std::ops::Range;

/// The normalized text and its map back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    pub map: OffsetMap,
}

/// One physical line of the original, without its terminator and surrounding blanks.
#[derive(Debug, Clone)]
struct Line {
    /// Content range in the original, trimmed of horizontal white space.
    range: Range<usize>,
    first: char,
    last: char,
    width: f32,
    /// The width of the column here: the median width of the lines within ten of this one.
    capacity: f32,
    has_cjk: bool,
    /// The last character before trailing closing quotes and brackets.
    last_core: char,
    /// Whether the line, spaces aside, opens with a news agency's dateline.
    dateline: bool,
    /// Blank lines between this line and the previous non-blank one.
    blanks_before: usize,
}

/// How two consecutive non-blank lines are put together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joint {
    /// A wrap inside a word or figure: nothing between them.
    Join,
    /// A wrap between two words of Latin script: one space.
    Space,
    /// A paragraph break: `\n`.
    Break,
}

pub fn normalize(source: &str) -> Normalized {
    let mut lines = split_lines(source);
    drop_page_furniture(source, &mut lines);
    let widths: Vec<f32> = lines.iter().map(|l| l.width).collect();
    for (line, capacity) in lines.iter_mut().zip(column_widths(&widths)) {
        line.capacity = capacity;
    }
    let wrapped = looks_hard_wrapped(widths);
    // Blank lines separate paragraphs (some blank line follows a finished sentence): single line
    // breaks are then wraps, however uneven the lines.
    let blank_separated = lines
        .windows(2)
        .any(|w| w[1].blanks_before > 0 && ends_sentence(&w[0]));
    let mut out = String::with_capacity(source.len());
    let mut map = OffsetMapBuilder::new(source.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let prev = &lines[i - 1];
            match joint(&lines, i, wrapped, blank_separated) {
                Joint::Join => {}
                Joint::Space => {
                    map.replaced(prev.range.end, line.range.start - prev.range.end, 1);
                    out.push(' ');
                }
                Joint::Break => {
                    map.replaced(prev.range.end, line.range.start - prev.range.end, 1);
                    out.push('\n');
                }
            }
        }
        push_line(source, line.range.clone(), &mut out, &mut map);
    }
    Normalized {
        text: out,
        map: map.finish(),
    }
}

/// Writes one line, dropping justification spaces next to CJK text and folding characters.
/// Characters that stay as they are (nearly all) are copied and mapped a run at a time.
fn push_line(source: &str, range: Range<usize>, out: &mut String, map: &mut OffsetMapBuilder) {
    let text = &source[range.clone()];
    let base = range.start;
    let line_start = out.len();
    // `text[plain..]` up to the character at hand is still to be copied as it is.
    let mut plain = 0;
    let flush = |plain: usize, upto: usize, out: &mut String, map: &mut OffsetMapBuilder| {
        if upto > plain {
            out.push_str(&text[plain..upto]);
            map.verbatim(base + plain, upto - plain);
        }
    };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let special = if c.is_ascii() {
            c.is_ascii_control() || c == ' '
        } else {
            is_invisible(c) || is_hspace(c) || fold(c) != c
        };
        if !special {
            continue;
        }
        flush(plain, i, out, map);
        plain = i + c.len_utf8();
        if is_invisible(c) || c == '\u{000C}' {
            continue;
        }
        if is_hspace(c) {
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if is_hspace(d) || is_invisible(d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            plain = end;
            // The character written last on this line.
            let prev = out[line_start..].chars().next_back();
            let next = chars.peek().map(|&(_, d)| d);
            let keep = match (prev, next) {
                (Some(p), Some(n)) => !is_cjk(p) && !is_cjk(n),
                _ => false,
            };
            if keep {
                if end - start == 1 && c == ' ' {
                    map.verbatim(base + start, 1);
                } else {
                    map.replaced(base + start, end - start, 1);
                }
                out.push(' ');
            }
            continue;
        }
        let folded = fold(c);
        if folded == c {
            map.verbatim(base + i, c.len_utf8());
        } else {
            map.replaced(base + i, c.len_utf8(), folded.len_utf8());
        }
        out.push(folded);
    }
    flush(plain, text.len(), out, map);
}

fn split_lines(source: &str) -> Vec<Line> {
    let bytes = source.as_bytes();
    let mut lines = Vec::new();
    let mut start = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    let mut blanks = 0usize;
    let mut i = start;
    loop {
        let at_end = i >= bytes.len();
        let is_break = !at_end && matches!(bytes[i], b'\n' | b'\r' | 0x0C);
        if at_end || is_break {
            let raw = &source[start..i];
            let trimmed_start = raw
                .char_indices()
                .find(|&(_, c)| !is_hspace(c) && !is_invisible(c))
                .map(|(j, _)| start + j);
            match trimmed_start {
                None => blanks += 1,
                Some(s) => {
                    let e = raw
                        .char_indices()
                        .rev()
                        .find(|&(_, c)| !is_hspace(c) && !is_invisible(c))
                        .map(|(j, c)| start + j + c.len_utf8())
                        .unwrap_or(i);
                    let content = &source[s..e];
                    let visible = || content.chars().filter(|&c| !is_invisible(c));
                    lines.push(Line {
                        range: s..e,
                        first: visible().map(fold).next().unwrap_or(' '),
                        last: visible().map(fold).next_back().unwrap_or(' '),
                        width: visible().map(ems).sum(),
                        // Known once every line is: see `column_widths`.
                        capacity: 0.0,
                        has_cjk: content.chars().any(is_cjk),
                        last_core: visible()
                            .map(fold)
                            .rfind(|&c| !is_hspace(c) && !is_closer(c))
                            .unwrap_or(' '),
                        dateline: opens_with_dateline(visible().filter(|&c| !is_hspace(c))),
                        blanks_before: if lines.is_empty() { 0 } else { blanks },
                    });
                    blanks = 0;
                }
            }
            if at_end {
                break;
            }
            // CRLF is one break, not a break and a blank line.
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            i += 1;
            start = i;
        } else {
            i += 1;
        }
    }
    lines
}

/// Whether a line is a page number as PDF text prints it between pages: `— 3 —`, `- 12 -`,
/// `第3页`, `第3页 共8页`, `3/8`.
fn is_page_number(line: &str) -> bool {
    // A head of at most 20 characters beside a short number: a longer line is prose, and
    // rejecting it first keeps the splits below (quadratic in the words) to short lines.
    if line
        .chars()
        .filter(|c| !c.is_whitespace())
        .nth(64)
        .is_some()
    {
        return false;
    }
    // `知识产权新闻摘编　　第2页`: a running head printed beside the number, apart by spaces.
    let words: Vec<&str> = line
        .split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect();
    let plain = |head: &[&str]| {
        !head.is_empty()
            && head.iter().map(|w| w.chars().count()).sum::<usize>() <= 20
            && head.iter().all(|w| {
                w.chars().all(|c| {
                    !c.is_ascii_digit() && !c.is_ascii_punctuation() && !is_sentence_end(c)
                }) && !w.contains(['，', '、', '；', '：'])
            })
    };
    // The number itself may be spaced (`— 3 —`): try every split into head and number.
    for cut in 1..words.len() {
        let (a, b) = words.split_at(cut);
        if (plain(a) && page_number(&b.concat())) || (plain(b) && page_number(&a.concat())) {
            return true;
        }
    }
    page_number(line)
}

/// A page number alone on its line: `— 2 —`, `第3页`, `第3页共8页`, `3/8`.
fn page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let dashes: &[char] = &['—', '-', '–', '－', '─'];
    if let Some(inner) = t
        .strip_prefix(dashes)
        .map(|r| r.trim_start_matches(dashes))
        .and_then(|r| {
            let end = r.trim_end_matches(dashes);
            (end.len() < r.len()).then_some(end)
        })
    {
        return digits(inner);
    }
    if let Some(rest) = t.strip_prefix('第') {
        let (page, rest) = rest.split_once('页').unwrap_or((rest, "#"));
        let total_ok = rest.is_empty()
            || rest
                .strip_prefix('共')
                .and_then(|r| r.strip_suffix('页'))
                .is_some_and(digits);
        return digits(page) && total_ok;
    }
    t.split_once('/')
        .is_some_and(|(a, b)| digits(a) && digits(b))
}

/// Drops the furniture a page break leaves in PDF text: page-number lines, and the running head
/// printed beside one where a sentence runs on across the break (a short line without
/// punctuation or digits, between a line left unfinished and its continuation). The figures
/// and phrases cut by the break then join as the copy wrote them (`11.8` + `%`).
fn drop_page_furniture(source: &str, lines: &mut Vec<Line>) {
    let text = |l: &Line| &source[l.range.clone()];
    let numbers: Vec<bool> = lines.iter().map(|l| is_page_number(text(l))).collect();
    if !numbers.contains(&true) {
        return;
    }
    let running_head = |l: &Line| {
        let t = text(l);
        t.chars().count() <= 20
            && l.has_cjk
            && !t.chars().any(|c| {
                c.is_ascii_digit()
                    || is_sentence_end(c)
                    || matches!(c, '，' | '、' | '；' | '：' | ',' | ';' | ':')
            })
    };
    let mut drop = numbers.clone();
    // Lines whose blank lines before them were the page break's, not a paragraph's.
    let mut rejoin = vec![false; lines.len()];
    for i in (0..lines.len()).filter(|&i| numbers[i]) {
        // The running head may stand just above the page number or just below it.
        let above = i
            .checked_sub(1)
            .filter(|&k| !numbers[k] && running_head(&lines[k]) && k > 0);
        let body_before = above.unwrap_or(i).checked_sub(1).filter(|&k| !numbers[k]);
        // Only a sentence left open runs on across the break; otherwise the lines are copy.
        let Some(before) = body_before.filter(|&k| !ends_sentence(&lines[k])) else {
            continue;
        };
        let below = Some(i + 1).filter(|&k| {
            k + 1 < lines.len() && !numbers[k] && !numbers[k + 1] && running_head(&lines[k])
        });
        for k in above.into_iter().chain(below) {
            drop[k] = true;
        }
        let after = below.map_or(i + 1, |k| k + 1);
        if after < lines.len() && before < after {
            rejoin[after] = true;
        }
    }
    let mut kept: Vec<Line> = Vec::with_capacity(lines.len());
    for (k, mut line) in lines.drain(..).enumerate() {
        if !drop[k] {
            if rejoin[k] || kept.is_empty() {
                line.blanks_before = 0;
            }
            kept.push(line);
        }
    }
    *lines = kept;
}

/// The widest column a page sets, in ems: a printed line of more characters than this is a
/// paragraph written on one line, however alike its neighbours' lengths.
const WIDEST_COLUMN: f32 = 64.0;

/// A PDF column: most lines have nearly the same width (given the lines' widths), no wider
/// than a page sets one.
fn looks_hard_wrapped(mut widths: Vec<f32>) -> bool {
    if widths.len() < 2 {
        return true;
    }
    let median = median(&mut widths);
    if median > WIDEST_COLUMN {
        return false;
    }
    let near = widths
        .iter()
        .filter(|&&w| (w - median).abs() <= (median * 0.2).max(2.0))
        .count();
    near * 10 >= widths.len() * 6
}

/// The middle value (the upper one of an even count) of `values`, which it reorders; 0 if none.
fn median(values: &mut [f32]) -> f32 {
    if values.is_empty() {
        return 0.0;
    }
    let middle = values.len() / 2;
    *values.select_nth_unstable_by(middle, f32::total_cmp).1
}

/// Decides how line `i` attaches to line `i - 1`.
fn joint(lines: &[Line], i: usize, wrapped: bool, blank_separated: bool) -> Joint {
    let prev = &lines[i - 1];
    let line = &lines[i];
    let blank_gap = line.blanks_before > 0;
    let terminated = ends_sentence(prev);
    let full = is_full(lines, i - 1);
    let glue = if !(is_cjk(prev.last) || is_cjk(line.first) || prev.has_cjk || line.has_cjk) {
        Joint::Space
    } else {
        Joint::Join
    };
    if line.dateline && (blank_gap || terminated || !full) {
        return Joint::Break;
    }
    if continues(prev, line) {
        return if glue == Joint::Space && !(prev.last.is_ascii_digit() && line.first == '.') {
            glue
        } else {
            Joint::Join
        };
    }
    if terminated {
        // Where blank lines separate paragraphs, a single line break is a wrap, even after 。.
        return if !blank_gap && ((wrapped && full) || (!wrapped && blank_separated)) {
            glue
        } else {
            Joint::Break
        };
    }
    if !blank_gap {
        // A clause left open (，、：) or a column line: the sentence goes on.
        if wrapped || blank_separated || ends_clause(prev) || !prev.has_cjk {
            return glue;
        }
        return Joint::Break;
    }
    // A blank line after an unfinished line: a break inside a sentence only if the line ran to the
    // full width of its column; a short unfinished line is a headline.
    if wrapped && full && prev.has_cjk {
        glue
    } else {
        Joint::Break
    }
}

fn ends_sentence(line: &Line) -> bool {
    // `。”` and `电 )` end a sentence too: look through the closers.
    is_sentence_end(line.last_core) || line.last_core == '…'
}

fn ends_clause(line: &Line) -> bool {
    matches!(
        line.last,
        '，' | '、' | '：' | ',' | ':' | '—' | '（' | '(' | '“'
    )
}

/// Strong signs that the next line continues the previous one: it starts with a unit, magnitude
/// or closing punctuation, or a figure is cut between its digits.
fn continues(prev: &Line, line: &Line) -> bool {
    let p = prev.last;
    let n = line.first;
    if matches!(
        n,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '」'
            | '』'
            | '”'
            | '’'
            | '%'
            | '‰'
    ) {
        return true;
    }
    let numeric_end = p.is_ascii_digit() || p == '.';
    if numeric_end && (n.is_ascii_digit() || n == '.') {
        return prev.has_cjk || line.has_cjk;
    }
    numeric_end && matches!(n, '万' | '亿' | '千' | '百' | '元' | '个')
}

/// Whether these characters (a line's, spaces left out) open with a dateline.
fn opens_with_dateline(chars: impl Iterator<Item = char> + Clone) -> bool {
    const DATELINES: [&str; 7] = [
        "新华社",
        "中新社",
        "中新网",
        "本报讯",
        "本报北京",
        "人民网",
        "央视网",
    ];
    DATELINES.iter().any(|d| {
        let mut line = chars.clone();
        d.chars().all(|c| line.next() == Some(c))
    })
}

/// Whether a line reaches the width of its column, so its end is a wrap rather than a paragraph
/// end. A paragraph's first line is allowed its two-em indent.
fn is_full(lines: &[Line], i: usize) -> bool {
    let indent = if i == 0 || lines[i].blanks_before > 0 {
        2.0
    } else {
        0.0
    };
    lines[i].width + indent >= lines[i].capacity - 1.5
}

/// Each line's column width, given the lines' widths: the median width (the upper middle of an
/// even count) of the lines up to ten either side of it. The window slides down the page kept
/// sorted, each step adding and dropping a line, rather than sorting 21 widths for every line.
fn column_widths(widths: &[f32]) -> Vec<f32> {
    let mut window: Vec<f32> = Vec::with_capacity(21);
    let (mut lo, mut hi) = (0, 0);
    (0..widths.len())
        .map(|i| {
            while hi < (i + 11).min(widths.len()) {
                let w = widths[hi];
                window.insert(window.partition_point(|x| x.total_cmp(&w).is_lt()), w);
                hi += 1;
            }
            while lo < i.saturating_sub(10) {
                let w = widths[lo];
                // Widths equal under `total_cmp` are the same bits: any one of them will do.
                window.remove(window.partition_point(|x| x.total_cmp(&w).is_lt()));
                lo += 1;
            }
            window[window.len() / 2]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize(s).text
    }

    #[test]
    fn joins_a_figure_wrapped_across_a_blank_line() {
        let src = "在货币供应方面，6月末，我\n国广义货币（M2）余额 330.29\n\n万亿元，同比增长8.3%；狭义货\n币（M1）余额113.95万亿元。";
        let n = normalize(src);
        assert_eq!(n.text, "在货币供应方面，6月末，我国广义货币（M2）余额330.29万亿元，同比增长8.3%；狭义货币（M1）余额113.95万亿元。");
        let at = n.text.find("330.29").unwrap();
        let span = n.map.to_original(at..at + "330.29万亿元".len());
        assert_eq!(&src[span], "330.29\n\n万亿元");
    }

    #[test]
    fn page_numbers_and_running_heads_between_pages_are_dropped() {
        let src = "信息技术服务收入72680亿元，同比增长13.5%，其中云计算服务共实现收入10326亿元，同比增长11.8\n— 2 —\n%，占信息技术服务收入的14.2%。";
        let n = normalize(src);
        assert_eq!(
            n.text,
            "信息技术服务收入72680亿元，同比增长13.5%，其中云计算服务共实现收入10326亿元，同比增长11.8%，占信息技术服务收入的14.2%。"
        );
        let at = n.text.find("11.8%").unwrap();
        assert_eq!(
            &src[n.map.to_original(at..at + "11.8%".len())],
            "11.8\n— 2 —\n%"
        );
        let src = "截至10月底，太阳能发电装机容量11.4亿千瓦，同比增长43.8%，首次\n— 3 —\n新能源发展动态\n突破11亿千瓦，占总装机容量的30.4%，是风电装机规模的1.9倍。";
        assert!(norm(src).contains("首次突破11亿千瓦"), "{}", norm(src));
        for page in [
            "第3页",
            "第 3 页 共 8 页",
            "3/8",
            "- 12 -",
            "—3—",
            "知识产权新闻摘编　　第2页",
            "经济参考资料·统计专刊　　— 3 —",
            "— 3 —　国家统计局",
        ] {
            assert!(is_page_number(page), "{page}");
        }
        for text in ["2024", "— 全文完 —", "3.5/8", "第三章", "3.5 / 8页"] {
            assert!(!is_page_number(text), "{text}");
        }
        // After a finished sentence, a short line below a page number is copy (a headline).
        let src = "全年增长5%。\n— 3 —\n上半年增长2.9%\n新华社北京7月14日电 海关总署14日发布。";
        assert!(norm(src).contains("上半年增长2.9%"), "{}", norm(src));
    }

    #[test]
    fn drops_justification_spaces_in_cjk_but_keeps_english_spaces() {
        assert_eq!(norm("务 1838 万 笔 ，同 比 增 长"), "务1838万笔，同比增长");
        assert_eq!(norm("苏 州 工 业 园 区"), "苏州工业园区");
        assert_eq!(
            norm("Exports rose 7.1  percent"),
            "Exports rose 7.1 percent"
        );
    }

    #[test]
    fn english_lines_join_with_a_space() {
        assert_eq!(
            norm("Exports rose 7.1 percent to 25.45 trillion yuan, while imports grew 2.3% to\n18.39 trillion yuan."),
            "Exports rose 7.1 percent to 25.45 trillion yuan, while imports grew 2.3% to 18.39 trillion yuan."
        );
        assert_eq!(
            norm("# Title\n\nFirst paragraph.\n\nSecond."),
            "# Title\nFirst paragraph.\nSecond."
        );
    }

    /// On the seed page: headlines stay paragraphs of their own, while sentences broken across
    /// a blank line at a column end are joined.
    #[test]
    fn seed_headlines_stay_apart_and_column_breaks_join() {
        let seed = include_str!("../../fixtures/seed-000_5754297777aae10c.txt");
        let n = norm(seed);
        let paragraphs: Vec<&str> = n.split('\n').collect();
        for headline in [
            "上半年增长2.9%",
            "我国外贸连续7个季度保持同比增长",
            "上半年我国人民币贷款增加12.92万亿元",
            "释放活力加快发展新质生产力",
        ] {
            assert!(
                paragraphs.contains(&headline),
                "{headline} is not a paragraph of its own"
            );
        }
        assert!(n.contains("“深化管理制度改革”“强化要素保障”等4方面部署16项政策措施。"));
        assert!(n.contains("\n“力争在国家级经开区布局更多产业创新平台，"));
        assert!(n.contains("\n新华社北京7月14日电公安部14日发布最新统计，截至2025年6月底，"));
    }

    #[test]
    fn crlf_lone_cr_and_bom() {
        assert_eq!(
            norm("\u{FEFF}第一段。\r\n\r\n第二段。\r\r第三"),
            "第一段。\n第二段。\n第三"
        );
        let n = normalize("\u{FEFF}１２％");
        assert_eq!(n.text, "12%");
        assert_eq!(n.map.to_original(0..3), 3..12);
    }

    /// Characters copied a run at a time still map one by one: invisible marks inside a run are
    /// dropped from the text but stay inside the spans around them.
    #[test]
    fn runs_copied_whole_map_around_dropped_marks() {
        let src = "a\u{200B}b  c\u{FEFF}d ２e";
        let n = normalize(src);
        // The space before `２` goes too: a full-width form is set in an em box.
        assert_eq!(n.text, "ab cd2e");
        assert_eq!(n.map.to_original(0..2), 0..5);
        assert_eq!(n.map.to_original(1..2), 4..5);
        assert_eq!(n.map.to_original(2..3), 5..7);
        assert_eq!(n.map.to_original(3..5), 7..12);
        assert_eq!(n.map.to_original(5..6), 13..16);
        assert_eq!(n.map.to_original(6..7), 16..17);
    }

    proptest::proptest! {
        /// The sliding window's medians are those of the 21 widths around each line, sorted.
        #[test]
        fn column_widths_are_the_medians_of_the_lines_around(
            halves in proptest::collection::vec(0u8..40, 0..80)
        ) {
            let widths: Vec<f32> = halves.iter().map(|&h| f32::from(h) / 2.0).collect();
            let expected: Vec<f32> = (0..widths.len())
                .map(|i| {
                    let lo = i.saturating_sub(10);
                    median(&mut widths[lo..(i + 11).min(widths.len())].to_vec())
                })
                .collect();
            proptest::prop_assert_eq!(column_widths(&widths), expected);
        }
    }

    #[test]
    fn full_width_forms_fold_but_chinese_punctuation_stays() {
        assert_eq!(norm("增长１２．３％，（M2）；"), "增长12.3%，（M2）；");
    }
}
