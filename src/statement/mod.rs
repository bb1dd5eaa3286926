//! Statements: every figure read as an editor reads it — *what* it measures (its subject),
//! *what kind* of quantity it is (a level, a change, a growth rate, a share…), *when* (its
//! period), *against what* (its basis), and *how it hangs together* with the figures around it
//! (the whole a share is of, the head of a `其中` group, the breakdown a part belongs to).
//!
//! Read once per article, in one pass over its figures in text order; relations then run on
//! statements, never on the text. The reading is deliberately literal: a subject is the phrase
//! the copy writes before its figure, less verbs, fillers and period words; where a clause
//! names no subject (`出口13万亿元，同比增长7.2%`) it carries the one before it. When a reading is
//! unsure, the statement says so (no subject, no period, no whole), and relations that need it
//! do not run.

pub mod lexicon;
pub mod subject;

use crate::document::Document;
use crate::figure::period::{self, Period};
use crate::figure::{Dimension, FigureSet, Interval, Qualifier};
pub use lexicon::Against;
use serde::Serialize;
use std::ops::Range;

/// What kind of quantity a figure states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An amount, count or measure: a stock (保有量, 余额) or a flow (产量, 进出口).
    Level,
    /// A level given as a rate of its own: 城镇化率, 利润率, 失业率.
    Rate,
    /// The change of a level against a basis: 增加1109万吨, 减少, 多增, 净增.
    Change,
    /// A growth rate: 增长3.5%, 下降2.7% (signed).
    Growth,
    /// A part's share of a whole: 占…的比重为26.8%, 近六成.
    Share,
    /// A change of a rate, in percentage points: 加快3.2个百分点.
    Points,
    /// A multiple: 是…的2倍, 增长1.5倍.
    Multiple,
    /// A milestone passed: 首次突破60万家.
    Threshold,
    /// A duration or a number that quantifies nothing the relations check (7个季度, 21年).
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Level => "level",
            Kind::Rate => "rate",
            Kind::Change => "change",
            Kind::Growth => "growth",
            Kind::Share => "share",
            Kind::Points => "points",
            Kind::Multiple => "multiple",
            Kind::Threshold => "threshold",
            Kind::Other => "other",
        }
    }
}

/// Whether a growth rate is nominal or real (after prices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Nominal,
    Real,
}

/// How a group of statements hangs together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// `其中` / `包括`: parts of the statement before, not necessarily all of it.
    OfWhich,
    /// `按…分`, `分…看`, `从…看`: a breakdown of a whole, possibly overlapping (分经济类型看).
    Breakdown,
}

/// Statements that are parts of one whole.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub kind: GroupKind,
    /// The words that opened it (`其中`, `按经营单位所在地分`).
    pub opener: String,
    /// Normalized range of the opener.
    #[serde(skip)]
    pub span: Range<usize>,
    /// The whole the members are parts of: the last level before the opener in the same unit
    /// (for a breakdown, one that is itself no part of a group).
    pub head: Option<usize>,
    /// The member statements, in text order.
    pub members: Vec<usize>,
    /// The whole an opener names (`人身险中` names 人身险), to be found by that name.
    #[serde(skip)]
    pub named: Option<String>,
}

/// One figure, read.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    /// Index of the figure in the article's [`FigureSet`].
    pub figure: usize,
    /// The figure's normalized range.
    #[serde(skip)]
    pub span: Range<usize>,
    /// Where the clause holding the figure starts (normalized): the words before the figure
    /// in its clause run from here.
    #[serde(skip)]
    pub clause_start: usize,
    /// What it measures, as written: `汽车驾驶人数量`, `第三产业用电量`.
    pub subject: String,
    /// The subject's concept key ([`subject::key`]), read once.
    #[serde(skip)]
    pub key: String,
    /// Whether the subject was carried from an earlier statement (ellipsis).
    pub inherited: bool,
    /// The statement the subject was carried from.
    #[serde(skip)]
    pub antecedent: Option<usize>,
    pub kind: Kind,
    /// −1 for a fall (下降, 减少, 回落), else 1.
    pub sign: i8,
    pub period: Option<Period>,
    /// Whether the period is named in the statement's own paragraph, rather than taken from
    /// its story's lead (a weaker reading: `假期…日均185万人次` under a story about last year).
    #[serde(skip)]
    pub period_named: bool,
    pub basis: Option<Against>,
    pub measure: Option<Measure>,
    pub qualifier: Option<Qualifier>,
    /// For a share, the whole it names (`社会消费品零售总额`); for a comparison with a named
    /// subject, that subject.
    pub of: Option<String>,
    /// The group it is a member of.
    pub group: Option<usize>,
    pub sentence: usize,
    pub paragraph: usize,
    /// Whether it stands in a headline (a short paragraph without a sentence's end, before the
    /// body it sums up).
    pub headline: bool,
    /// The story it belongs to: a page holds several, each opened by a dateline.
    pub story: usize,
    /// Whether the figure is a ranking's value (`位居前三，依次为…`), handed a name of the top of
    /// a list.
    #[serde(skip)]
    pub ranked: bool,
    /// Whether the figure is a level reached (`增至`, `提高到`) rather than stated flat.
    pub reached: bool,
    /// The direction word written just before the figure (`下降` in `下降2.7%`): part of what a
    /// label on the figure marks, since a slip there turns the figure's sign.
    #[serde(skip)]
    pub verb: Option<Range<usize>>,
    /// The value as stated, signed, under the strict reading.
    #[serde(skip)]
    pub strict: Interval,
    /// The value under the natural reading.
    #[serde(skip)]
    pub natural: Interval,
    /// The canonical unit (元, 辆, %, pp) and its dimension.
    pub unit: String,
    #[serde(skip)]
    pub dimension: Dimension,
}

/// Every statement of an article, and the groups they form.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Statements {
    pub statements: Vec<Statement>,
    pub groups: Vec<Group>,
}

impl Statements {
    /// The statement reading a figure.
    pub fn of_figure(&self, figure: usize) -> Option<usize> {
        self.statements
            .binary_search_by_key(&figure, |s| s.figure)
            .ok()
    }
}

/// Characters that end a clause: the unit a subject is read within.
pub fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '。' | '！' | '？' | '!' | '?' | '：' | ':' | '\n'
    )
}

/// Characters that end a full sentence (a `；` does not: `其中出口…；进口…` is one sentence).
fn is_full_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '\n')
}

/// Reads the statements of an article.
pub fn read(document: &Document, figures: &FigureSet) -> Statements {
    Reader::new(document, figures).read()
}

struct Reader<'a> {
    text: &'a str,
    document: &'a Document,
    figures: &'a FigureSet,
    /// Every period the text names, in order, with its range.
    periods: Vec<(Range<usize>, Period)>,
    /// Paragraphs that are headlines.
    headlines: Vec<bool>,
    /// The story of each paragraph, and each story's lead period.
    story_of: Vec<usize>,
    story_period: Vec<Option<Period>>,
    /// The offsets of the characters that end a full sentence, in order.
    full_stops: Vec<usize>,
    /// The offsets and lengths of the characters that end a clause, in order.
    clause_breaks: Vec<(usize, usize)>,
}

/// A clause: the text between two clause breaks.
#[derive(Debug, Clone)]
struct Clause {
    range: Range<usize>,
}

impl<'a> Reader<'a> {
    fn new(document: &'a Document, figures: &'a FigureSet) -> Self {
        let text = document.text.as_str();
        let periods = period::scan(text)
            .into_iter()
            .filter(|(r, _)| !is_reference(text, r.clone()))
            // `春节档（1月28日至2月4日）`: dates in brackets say when the period named before
            // them ran; it stays the figures' period.
            .filter(|(r, p)| {
                !matches!(p.stretch, period::Stretch::Days { .. })
                    || !text[..r.start].ends_with(['（', '('])
            })
            .collect();
        let paragraphs = &document.segments.paragraphs;
        // A headline: a short paragraph without a sentence's end, before the first paragraph of
        // body copy or just above a dateline (a page's next story). A table row in the middle
        // of a story is short and unterminated too, but is neither.
        let short: Vec<bool> = paragraphs
            .iter()
            .map(|p| {
                let t = &text[p.clone()];
                // `国家统计局：前11个月粗钢产量89670万吨`: a source before a colon is the
                // headline's own.
                let t = t
                    .split_once(['：', ':'])
                    .filter(|(source, _)| source.chars().count() <= 10)
                    .map_or(t, |(_, rest)| rest);
                t.chars().count() <= 60
                    && !t
                        .chars()
                        .any(|c| matches!(c, '。' | '；' | '！' | '？' | '：'))
                    && !is_dateline(t)
            })
            .collect();
        let first_body = short.iter().position(|s| !s).unwrap_or(short.len());
        let headlines: Vec<bool> = (0..paragraphs.len())
            .map(|i| {
                short[i]
                    && (i < first_body
                        || (i + 1..paragraphs.len().min(i + 4))
                            .take_while(|&k| k == i + 1 || short[k - 1])
                            .any(|k| is_dateline(&text[paragraphs[k].clone()])))
            })
            .collect();
        let mut reader = Self {
            text,
            document,
            figures,
            periods,
            headlines,
            story_of: Vec::new(),
            story_period: Vec::new(),
            full_stops: text
                .char_indices()
                .filter(|&(_, c)| is_full_stop(c))
                .map(|(i, _)| i)
                .collect(),
            clause_breaks: text
                .char_indices()
                .filter(|&(_, c)| is_clause_break(c))
                .map(|(i, c)| (i, c.len_utf8()))
                .collect(),
        };
        reader.stories();
        reader
    }

    /// Splits the page into stories at datelines (the headlines just above a dateline open its
    /// story); a story's lead period is the first period its body names.
    fn stories(&mut self) {
        let paragraphs = &self.document.segments.paragraphs;
        let mut story_of = vec![0; paragraphs.len()];
        let mut story = 0;
        let mut seen_dateline = false;
        for (i, p) in paragraphs.iter().enumerate() {
            if is_dateline(&self.text[p.clone()]) {
                if seen_dateline {
                    story += 1;
                    let mut j = i;
                    while j > 0 && self.headlines[j - 1] && story_of[j - 1] == story - 1 {
                        j -= 1;
                        story_of[j] = story;
                    }
                }
                seen_dateline = true;
            }
            story_of[i] = story;
        }
        // A story's lead period is the first its body names — unless that is a month within the
        // run its headline names (`前11个月粗钢产量…` over a body that opens with 11月份), or a
        // run around the month it names (`11月份…客运量` over a body that opens with 1—11月份):
        // the story is about what its headline says.
        let mut story_period = vec![None; story + 1];
        let mut headline_period: Vec<Option<Period>> = vec![None; story + 1];
        let mut body_seen = vec![false; story + 1];
        for (i, p) in paragraphs.iter().enumerate() {
            let s = story_of[i];
            if body_seen[s] {
                continue;
            }
            let named = self
                .periods
                .iter()
                .find(|(r, _)| p.start <= r.start && r.end <= p.end)
                .map(|(_, period)| period.clone());
            if self.headlines[i] {
                if headline_period[s].is_none() {
                    headline_period[s] = named;
                }
                continue;
            }
            if named.is_none() {
                continue;
            }
            body_seen[s] = true;
            story_period[s] = match (&headline_period[s], named) {
                (Some(h), Some(b))
                    if matches!(b.stretch, period::Stretch::Months { .. })
                        && matches!(h.stretch, period::Stretch::Months { .. })
                        && h.stretch != b.stretch
                        && (h.contains(&b, None) || b.contains(h, None)) =>
                {
                    Some(Period {
                        year: b.year,
                        stretch: h.stretch.clone(),
                    })
                }
                (_, b) => b,
            };
        }
        self.story_of = story_of;
        self.story_period = story_period;
    }

    fn read(self) -> Statements {
        let mut out = Statements::default();
        let figures = &self.figures.figures;
        let segments = &self.document.segments;
        // The open groups: a 其中 lasts to its full sentence's end, a breakdown to its
        // paragraph's.
        let mut of_which: Option<(usize, usize)> = None; // (group, full-sentence end)
        let mut breakdown: Option<(usize, usize)> = None; // (group, paragraph)
                                                          // The 其中 a breakdown opened inside (`其中，发行新增债券2347亿元，包括一般债券…、专项债券…；
                                                          // 发行再融资债券2939亿元`): after a `；` its next sibling returns to it.
        let mut nested: Option<(usize, (usize, usize))> = None; // (inner group, outer 其中)
                                                                // The body's levels stated outside any group, by key: what a breakdown's later name may
                                                                // restate (looked up, not scanned, so a long breakdown stays linear).
        let mut standalone: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        let mut respectively: Option<Respectively> = None;
        for (index, figure) in figures.iter().enumerate() {
            let start = figure.span.start;
            let Some(sentence) = segments.sentence_at(start) else {
                continue;
            };
            let paragraph = segments.sentences[sentence].paragraph;
            let clause = self.clause_at(start);
            // The left context: the clause up to the figure, after any figure or date before it.
            let mut from = clause.range.start;
            if let Some(prev) = index.checked_sub(1).map(|i| &figures[i]) {
                if prev.span.end > from && prev.span.end <= start {
                    from = prev.span.end;
                }
            }
            // The last date ending before the figure (dates are in text order).
            let dates = &self.figures.dates;
            let k = dates.partition_point(|d| d.span.end <= start);
            if let Some(d) = k.checked_sub(1).map(|k| &dates[k]) {
                from = from.max(d.span.end);
            }
            let left = &self.text[from..start];
            let full_end = self.full_sentence_end(start);
            // Groups opened before this figure.
            for opener in self.openers(clause.range.start, from, &mut out, paragraph, start) {
                let around = of_which.filter(|(g, _)| !out.groups[*g].members.is_empty());
                nested = around.map(|o| (opener.0, o));
                match opener.1 {
                    GroupKind::OfWhich => of_which = Some((opener.0, full_end)),
                    GroupKind::Breakdown => {
                        breakdown = Some((opener.0, paragraph));
                        of_which = None;
                    }
                }
            }
            if of_which.is_some_and(|(_, end)| start >= end) {
                of_which = None;
            }
            if breakdown.is_some_and(|(_, p)| p != paragraph) {
                breakdown = None;
            }
            // `累计飞行3528.6万小时`: time counted in ten-thousands is an amount of it, not a
            // span the copy measures something over.
            let dimension =
                if figure.dimension == Dimension::Duration && !figure.magnitude.is_empty() {
                    Dimension::Physical
                } else {
                    figure.dimension
                };
            let mut reading = read_left(left, dimension, figure.qualifier);
            // A name after a `；` that is a sibling of the nested group's whole is the next part
            // of the 其中 around it, not a part of the nested group.
            if let Some((inner, o)) = nested.filter(|(_, (_, end))| start < *end) {
                let opened = out.groups[inner].span.end.min(start);
                if out.groups[inner].head.is_some_and(|h| {
                    out.statements[h].group == Some(o.0)
                        && self.text[opened..start].contains(['；', ';'])
                        && is_sibling(&reading.subject, &out.statements[h].subject)
                }) {
                    if breakdown.is_some_and(|(g, _)| g == inner) {
                        breakdown = None;
                    }
                    of_which = Some(o);
                    nested = None;
                }
            }
            // `（以2015年为100）`: an index's base defines the scale; it states no level.
            let lead = &self.text[clause.range.start.min(start)..start];
            let bracket = lead.rfind(['（', '(']).map_or("", |i| &lead[i..]);
            if bracket.trim_end().ends_with('为')
                && bracket.contains('以')
                && figure.unit.is_empty()
                && figure.value == rust_decimal::Decimal::ONE_HUNDRED
            {
                reading.kind = Kind::Other;
            }
            // `年内开行量突破1.8万列`: the figure reader took 突破 as the figure's bound; it is a
            // milestone passed.
            if reading.kind == Kind::Level && self.text[figure.span.clone()].starts_with("突破") {
                reading.kind = Kind::Threshold;
            }
            // `拨备覆盖率保持在210%以上`, `继续保持在80%以上`: a level or rate held beyond a bound
            // is said to pass it.
            if matches!(reading.kind, Kind::Level | Kind::Rate)
                && matches!(figure.qualifier, Some(Qualifier::AtLeast))
                && ["保持在", "稳定在", "维持在"]
                    .iter()
                    .any(|w| lead.trim_end().ends_with(w))
            {
                reading.kind = Kind::Threshold;
            }
            // `控制在国家确定的6400亿立方米用水总量控制目标以内`: a ceiling on the concept named after
            // the figure, which the level must not pass.
            let mut qualifier = figure.qualifier;
            if reading.kind == Kind::Level && lead.contains("控制在") {
                let after = &self.text[figure.span.end..clause.range.end.max(figure.span.end)];
                if let Some(name) = ceiling_of(after) {
                    reading.kind = Kind::Threshold;
                    reading.subject = name.to_string();
                    qualifier = Some(Qualifier::AtMost);
                }
            }
            // `增长3.7%和4.5%`, `x、y`: a figure after a bare separator is stated in the frame of
            // the one before it (its kind, direction and basis).
            let bare = matches!(left.trim(), "、" | "和" | "及" | "与" | "," | "，" | "或");
            if let Some(prev) = out
                .statements
                .last()
                .filter(|p| bare && p.sentence == sentence && p.unit == figure.unit)
            {
                reading.kind = prev.kind;
                reading.sign = prev.sign;
                reading.basis = prev.basis.clone();
                reading.measure = prev.measure;
            }
            // 分别: `A、B分别为x、y` — the subjects are handed out in order.
            if let Some(mut list) = reading.respectively.take() {
                // `乐透数字型、竞猜型…5类彩票销售额分别为…`: the names are the counted list's,
                // each with the words between the count and 分别.
                // `中欧班列累计开行18160列、发送货物185.4万标箱，同比分别增长3.2%和4.1%`: no
                // names before 分别 — the levels listed in the clause before hand theirs out.
                // `河北、江苏、山东粗钢产量位居前三，分别为…`: the names listed in the clause
                // before, without its predicate.
                // `…邮轮母港位居前三，分别接待旅客58.3万、…`: values handed out after a ranking
                // are the top of a list, as 依次为's are.
                let after_ranking = list.is_empty()
                    && out.statements.last().is_some_and(|p| {
                        p.sentence == sentence && self.is_ranking(&p.unit, p.span.start)
                    });
                if list.is_empty() {
                    if let Some(names) = self.listed_before(clause.range.start, &out) {
                        list = names;
                    }
                }
                // `依次为` hands out only a ranking's names listed in the clause before it.
                if list.is_empty() && reading.in_order {
                    reading.subject = "依次".to_string();
                } else {
                    if list.is_empty() {
                        let clause_start = clause.range.start;
                        let listed: Vec<String> = out
                            .statements
                            .iter()
                            .rev()
                            .take_while(|p| p.sentence == sentence && p.span.end <= clause_start)
                            .filter(|p| p.kind == Kind::Level && !p.subject.is_empty())
                            .map(|p| p.subject.clone())
                            .collect::<Vec<_>>()
                            .into_iter()
                            .rev()
                            .collect();
                        if listed.len() >= 2 {
                            list = listed;
                        }
                    }
                    if let Some(prev) = out.statements.last().filter(|p| {
                        list.len() <= 1
                            && p.sentence == sentence
                            && p.dimension == Dimension::Count
                            && p.subject.contains('、')
                            && figures[p.figure].magnitude.is_empty()
                    }) {
                        // The words run from the count to 分别, dates and all (`彩票1—10月销售额`).
                        let between = &self.text[p_end(prev)..start];
                        // `三类，码洋分别为`: the noun is the words after the clause break.
                        let noun = between
                            .find("分别")
                            .map(|at| strip_periods(&between[..at]))
                            .map(|n| {
                                n.rsplit(is_clause_break)
                                    .next()
                                    .unwrap_or_default()
                                    .trim()
                                    .to_string()
                            })
                            .filter(|n| !n.is_empty())
                            .unwrap_or_else(|| list.first().cloned().unwrap_or_default());
                        // `网店渠道包括平台电商、短视频电商…`: the list starts after 包括.
                        let items = ["包括", "包含", "涵盖"]
                            .iter()
                            .find_map(|w| prev.subject.split_once(w).map(|(_, r)| r))
                            .unwrap_or(&prev.subject);
                        list = items
                            .split('、')
                            .map(|item| format!("{}{noun}", item.trim()))
                            .collect();
                    }
                    // `一季度、二季度、三季度跨境电商进出口分别为…`: periods listed before 分别 are handed
                    // out as the names are, each figure its own.
                    let periods = self.listed_periods(clause.range.start..start);
                    if periods.len() >= 2 && list.len() <= 1 {
                        let name = list.first().cloned().unwrap_or_default();
                        list = vec![name; periods.len()];
                    }
                    respectively = Some(Respectively {
                        subjects: list,
                        periods,
                        next: 0,
                        sentence: full_end,
                        ranked: reading.in_order || after_ranking,
                    });
                }
            }
            let mut handed_period = None;
            let mut ranked = false;
            let mut inherited = false;
            let mut antecedent = None;
            if let Some(r) = respectively.as_mut().filter(|r| r.sentence == full_end) {
                let separated = left.trim().is_empty()
                    || left.trim() == "、"
                    || left.trim() == "和"
                    || reading.subject.is_empty();
                if r.next < r.subjects.len() && (r.next == 0 || separated) {
                    if reading.subject.is_empty() {
                        reading.subject = r.subjects[r.next].clone();
                        inherited = true;
                    }
                    ranked = r.ranked;
                    handed_period = r.periods.get(r.next).cloned();
                    r.next += 1;
                } else if !separated {
                    respectively = None;
                }
            }
            // `1—10月共发行87415亿元` after `全国发行地方政府债券82129亿元`: a verb alone takes its
            // object from the level before it in the paragraph whose name holds the verb.
            // `加装电梯2.16万部，其中…10月当月加装2300部`: a verb whose object the level before
            // it in the sentence names (`加装` of `加装电梯`) is that level's verb, too.
            let verb_of_before = {
                let v = reading.subject.trim();
                v.chars().count() == 2
                    && out.statements.last().is_some_and(|p| {
                        p.sentence == sentence
                            && p.unit == figure.unit
                            && p.kind == Kind::Level
                            && p.subject
                                .strip_prefix(v)
                                .is_some_and(|object| (1..=4).contains(&object.chars().count()))
                    })
            };
            if lexicon::BARE_VERBS.contains(&reading.subject.trim()) || verb_of_before {
                let verb = reading.subject.trim().to_string();
                if let Some(prev) = (0..out.statements.len())
                    .rev()
                    .take_while(|&k| out.statements[k].paragraph == paragraph)
                    .find(|&k| out.statements[k].unit == figure.unit)
                    .filter(|&k| {
                        let s = &out.statements[k];
                        s.kind == Kind::Level
                            && (s.sentence == sentence
                                || s.sentence + 3 >= sentence
                                    && s.subject.len() > verb.len()
                                    && s.subject.contains(verb.as_str()))
                    })
                {
                    reading.subject = out.statements[prev].subject.clone();
                    inherited = true;
                    antecedent = Some(prev);
                }
            }
            if reading.subject.is_empty() || reading.rate_of {
                // Ellipsis: the subject of the statement before, in this sentence or the
                // paragraph's earlier ones.
                // A bare average (`日均197.8万人次`) is an aside: what follows it speaks of the
                // figure before it; so is any average before a level that is none
                // (`平均每月完成投资3084.6亿元。在前三季度累计完成27581亿元`).
                let level = reading.kind == Kind::Level && !is_average(left);
                if let Some(prev) = out
                    .statements
                    .iter()
                    .rposition(|s| {
                        s.paragraph == paragraph
                            && !s.subject.is_empty()
                            && !lexicon::AVERAGES.contains(&s.subject.as_str())
                            && (!level || s.kind != Kind::Level || !is_average(&s.subject))
                    })
                    .filter(|&k| out.statements[k].sentence + 3 >= sentence)
                {
                    let base = out.statements[prev].subject.clone();
                    // `平台电商仍是第一大渠道，其码洋相当于…`: 其 is the sentence's topic when
                    // its first clause names one.
                    let topic = (!reading.its.is_empty())
                        .then(|| {
                            let from = segments.sentences[sentence].range.start;
                            sentence_topic(self.text.get(from..clause.range.start)?)
                        })
                        .flatten();
                    let named = topic.is_some();
                    reading.subject = if let Some(topic) = topic {
                        format!("{topic}{}", reading.its)
                    } else if reading.its.is_empty() {
                        base
                    } else {
                        // 其产量 after 秋粮产量: the measure named, of the subject before.
                        let k = subject::key(&base);
                        if base.ends_with(&reading.its) {
                            base
                        } else {
                            format!("{k}{}", reading.its)
                        }
                    };
                    // A topic the sentence names is its own subject, carried from nothing.
                    if !named {
                        inherited = true;
                        antecedent = Some(prev);
                    }
                }
            }
            let (mut period, mut period_named) = match handed_period {
                Some(p) => (Some(p), true),
                None => self.period_at(start, paragraph),
            };
            let verb = direction_word(left).map(|n| start - n..start);
            // `65岁及以上人口`, `16至59岁`: a figure inside a name bounds a group; it measures
            // nothing.
            let after = &self.text[figure.span.end..];
            let to_another = ["至", "到", "—", "-", "~", "～"].iter().any(|w| {
                after
                    .strip_prefix(w)
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
            });
            if figure.unit == "岁"
                || to_another
                || ["及以上", "及以下", "以上的", "以下的"]
                    .iter()
                    .any(|w| after.starts_with(w))
            {
                reading.kind = Kind::Other;
            }
            // `较11月末的32659亿美元`: the level compared with, not the subject's level now.
            let trimmed = self.text[clause.range.start..start].trim();
            if !matches!(reading.kind, Kind::Other)
                && trimmed.ends_with('的')
                && (trimmed.starts_with('较')
                    || trimmed.starts_with('比')
                    || trimmed.starts_with('与'))
            {
                let named = trimmed
                    .trim_start_matches(['较', '比', '与'])
                    .trim_end_matches('的')
                    .to_string();
                // 较11月末的32659亿美元: the figure is of the period it is compared with.
                if let Ok((p, "")) = period::parse(&named) {
                    period = Some(p);
                    period_named = true;
                }
                reading.basis = Some(Against::Named(named));
                // `总数达到2648.2万个，比上年同期的1864.5万个`: the level compared with is of the
                // subject before it, not of the comparison words.
                if ['比', '较', '与']
                    .iter()
                    .any(|c| reading.subject.starts_with(*c))
                {
                    // `平均发行利率为1.98%，比上年同期的2.35%`: a rate likewise.
                    if let Some(prev) = (0..out.statements.len())
                        .rev()
                        .take_while(|&k| out.statements[k].sentence == sentence)
                        .find(|&k| {
                            let t = &out.statements[k];
                            matches!(t.kind, Kind::Level | Kind::Rate)
                                && t.kind == reading.kind
                                && t.unit == figure.unit
                        })
                    {
                        reading.subject = out.statements[prev].subject.clone();
                        inherited = true;
                        antecedent = Some(prev);
                    }
                }
            } else if !matches!(reading.kind, Kind::Other) && trimmed.ends_with('的') {
                // `10月份银行结汇较去年同期的13575亿元`: the subject named before the comparison,
                // its level at the period compared with.
                if let Some((subject_words, named)) = compared_period(trimmed) {
                    let own = subject::key(&strip_periods(subject_words));
                    // `增速比1—11月份的3.3%`: a rate noun names no subject of its own.
                    let rate_noun = own.ends_with(['速', '幅', '率']);
                    if own.chars().count() >= 2 && !rate_noun {
                        if let Ok((p, "")) = period::parse(named) {
                            period = Some(p);
                            period_named = true;
                        }
                        reading.subject = own;
                        reading.basis = Some(Against::Named(named.to_string()));
                    }
                }
            }
            // `比上年同期的2.35%低0.37个百分点`: a one-character direction right after the rate
            // compared with (read_left sees only `低`, the comparison being before that rate).
            if figure.dimension == Dimension::PercentagePoint
                && reading.sign > 0
                && lexicon::DOWN.contains(&left.trim())
                && self.text[clause.range.start..from].contains(['比', '较'])
            {
                reading.sign = -1;
            }
            let sign = reading.sign;
            let (strict, natural) = if sign < 0 {
                (figure.strict.neg(), figure.natural.neg())
            } else {
                (figure.strict, figure.natural)
            };
            let statement_index = out.statements.len();
            let mut group = None;
            // Parts are levels, or flows stated as changes without a basis (人民币存款增加
            // 17.94万亿元。其中，住户存款增加10.77万亿元).
            let part_kind = reading.kind == Kind::Level
                || (reading.kind == Kind::Change && reading.basis.is_none() && reading.sign > 0);
            // A bare number (no unit) counts nothing a whole could hold.
            // `北京、上海等5个城市`: a count of the names listed before it is no part of a total.
            // `排名前三的依次为…`: a ranking's places are no part of anything either.
            let counts_a_list = figure.dimension == Dimension::Count
                && (reading.subject.contains('、') || self.is_ranking(&figure.unit, start));

            // `相当于正常保有量3900万头`: a level named as what another is compared with.
            let compared_with = left.trim_start().starts_with("相当于");
            if part_kind
                && !counts_a_list
                && !compared_with
                && !is_difference(&reading.subject)
                && !figure.unit.is_empty()
                && !is_one_sided(figure.qualifier)
            {
                let story = self.story_of.get(paragraph).copied().unwrap_or(0);
                for (open, kind) in [
                    (of_which.map(|(g, _)| g), GroupKind::OfWhich),
                    (breakdown.map(|(g, _)| g), GroupKind::Breakdown),
                ] {
                    let Some(g) = open else { continue };
                    let head = match out.groups[g].head {
                        Some(h) => Some(h),
                        // A breakdown's whole is read from its first part; a later one (`三省`)
                        // names it no better.
                        None if kind == GroupKind::Breakdown
                            && !out.groups[g].members.is_empty() =>
                        {
                            None
                        }
                        None => find_head(
                            self.text,
                            &out,
                            g,
                            kind,
                            paragraph,
                            story,
                            &Part {
                                unit: &figure.unit,
                                subject: &reading.subject,
                                kind: reading.kind,
                                period: period.as_ref(),
                                period_named,
                                ranked,
                                value: strict,
                            },
                        ),
                    };
                    // `分险种看，财产险保费收入…，其中车险…；人身险保费收入…`: where the head of a
                    // `其中` is itself an item of a breakdown, a name after a `；` that shares the
                    // head's tail without extending it is the breakdown's next item, the head's
                    // sibling, not its part.
                    let head_in_breakdown = |h: usize| {
                        out.statements[h].group.is_some_and(|hg| {
                            out.groups[hg].kind == GroupKind::Breakdown
                                && out.groups[hg].head.is_some()
                        })
                    };
                    if let Some(h) = head.filter(|&h| {
                        kind == GroupKind::OfWhich
                            && out.groups[g].named.is_none()
                            && head_in_breakdown(h)
                    }) {
                        let opened = out.groups[g].span.end.min(start);
                        if self.text[opened..start].contains(['；', ';'])
                            && is_sibling(&reading.subject, &out.statements[h].subject)
                        {
                            of_which = None;
                            continue;
                        }
                    }
                    // `分学段看，小学…，初中…；专任教师1082万人` after `专任教师1879万人`: a name the
                    // story has stated as a level of its own, outside any group, is that
                    // concept again, not the next part; the breakdown has ended.
                    if kind == GroupKind::Breakdown {
                        let k = subject::key(&reading.subject);
                        let opened = out.groups[g].span.start;
                        let restated = k.chars().count() >= 2
                            && !inherited
                            && !is_average(&reading.subject)
                            && standalone.get(&k).is_some_and(|found| {
                                found.iter().any(|&j| {
                                    let t = &out.statements[j];
                                    Some(j) != head
                                        && t.story == story
                                        && t.span.end <= opened
                                        && periods_fit(t.period.as_ref(), period.as_ref())
                                })
                            });
                        if restated {
                            breakdown = None;
                            continue;
                        }
                    }
                    match head {
                        Some(h)
                            if out.statements[h].unit == figure.unit
                                && (periods_fit(out.statements[h].period.as_ref(), period.as_ref())
                                    || (!period_named || !out.statements[h].period_named)
                                        && out.statements[h]
                                            .period
                                            .as_ref()
                                            .zip(period.as_ref())
                                            .is_some_and(|(p, q)| p.dates_run(q, None)))
                                // 落实投资 is no part of 完成投资: a stage of a flow (secured,
                                // planned, signed) the whole does not name is another concept.
                                && lexicon::stage(&reading.subject)
                                    == lexicon::stage(&out.statements[h].subject)
                                && !is_one_sided(figure.qualifier)
                                // A per-head figure is no part of a total (人均国内生产总值
                                // after 国内生产总值); under a per-head whole, parts may leave
                                // 人均 unsaid (衣着支出 after 人均消费支出).
                                && (is_average(&out.statements[h].subject)
                                    || !is_average(&reading.subject)) =>
                        {
                            out.groups[g].head = Some(h);
                            group = Some(g);
                        }
                        // A level in another unit after 其中's parts is a new statement.
                        Some(_) if kind == GroupKind::OfWhich => of_which = None,
                        Some(_) => {}
                        None => group = Some(g),
                    }
                    if group.is_some() {
                        out.groups[g].members.push(statement_index);
                        break;
                    }
                }
            }
            // `分运输方式看，铁路完成货运量43.2亿吨，公路完成348.5亿吨`: a breakdown's part named
            // bare measures what its whole and first part measure (公路货运量).
            if let Some(g) = group.filter(|&g| out.groups[g].kind == GroupKind::Breakdown) {
                if let (Some(h), Some(&first)) = (out.groups[g].head, out.groups[g].members.first())
                {
                    let whole = subject::key(&out.statements[h].subject);
                    let own = subject::key(&reading.subject);
                    if first != statement_index
                        && !own.is_empty()
                        && own.chars().count() <= 4
                        && subject::common_tail(&whole, &own).chars().count() < 2
                    {
                        let tail = subject::common_tail(
                            &out.statements[h].subject,
                            &out.statements[first].subject,
                        );
                        if tail.chars().count() >= 2 && !reading.subject.ends_with(tail) {
                            reading.subject = format!("{}{tail}", reading.subject);
                        }
                    }
                }
            }
            // `三省合计35720万吨` after 河北、江苏、山东's output: a collective of the places just
            // listed measures what they do.
            let totals = ["合计", "共计", "总计"];
            let opens_total = totals.iter().any(|w| {
                self.text[clause.range.start..start]
                    .trim_start()
                    .starts_with(w)
            });
            if opens_total {
                // `分别为82.6万个……45.2万个，合计283.2万个`: the total of the listed, not the last
                // name's figure.
                reading.subject = "合计".to_string();
                inherited = false;
                antecedent = None;
            }
            if is_collective(&reading.subject) || opens_total {
                let listed: Vec<&Statement> = out
                    .statements
                    .iter()
                    .rev()
                    .take_while(|t| t.sentence == sentence)
                    .filter(|t| t.unit == figure.unit && !t.subject.is_empty())
                    .take(2)
                    .collect();
                if let [a, b] = listed.as_slice() {
                    let tail = subject::common_tail(&a.subject, &b.subject);
                    if tail.chars().count() >= 2 {
                        reading.subject = format!("{}{tail}", reading.subject);
                    }
                }
            }
            let headline = self.headlines.get(paragraph).copied().unwrap_or(false);
            if reading.kind == Kind::Level && group.is_none() && !headline {
                standalone
                    .entry(subject::key(&reading.subject))
                    .or_default()
                    .push(out.statements.len());
            }
            out.statements.push(Statement {
                figure: index,
                span: figure.span.clone(),
                clause_start: clause.range.start,
                key: subject::key(&reading.subject),
                subject: reading.subject,
                inherited,
                antecedent,
                kind: reading.kind,
                sign,
                period,
                period_named,
                basis: reading.basis,
                measure: reading.measure,
                qualifier,
                of: reading.of,
                group,
                sentence,
                paragraph,
                headline,
                story: self.story_of.get(paragraph).copied().unwrap_or(0),
                ranked,
                reached: reading.reached,
                verb,
                strict,
                natural,
                unit: figure.unit.clone(),
                dimension: figure.dimension,
            });
        }
        out
    }

    /// The periods listed at the start of `range`'s text, joined by `、` or `和`, up to 分别:
    /// `一季度、二季度、三季度跨境电商进出口分别为` lists three.
    fn listed_periods(&self, range: Range<usize>) -> Vec<Period> {
        let text = &self.text[range.clone()];
        let Some(end) = text.find("分别") else {
            return Vec::new();
        };
        let i = self.periods.partition_point(|(r, _)| r.start < range.start);
        let mut out = Vec::new();
        let mut at = range.start;
        for (r, p) in &self.periods[i..] {
            if r.start >= range.start + end {
                break;
            }
            let gap = self.text[at..r.start].trim();
            if !out.is_empty() && !matches!(gap, "、" | "和" | "及") {
                break;
            }
            // `一、二、三季度…分别为`: numerals before a period name its siblings.
            if out.is_empty() {
                out.extend(siblings_before(gap, &self.text[r.clone()]));
            }
            if out.is_empty() && gap.chars().count() > 4 {
                break;
            }
            out.push(p.clone());
            at = r.end;
        }
        if out.len() < 2 {
            out.clear();
        }
        out
    }

    /// Whether a figure in `unit` starting at `start` counts a ranking's places (`位居前三`).
    fn is_ranking(&self, unit: &str, start: usize) -> bool {
        unit == "位" && self.text[..start].ends_with('前')
    }

    /// The names a figureless clause just before `clause_start` lists (`河北、江苏、山东粗钢产量
    /// 位居前三`), each with the noun they share, its predicate (位居, 排名…) cut off.
    fn listed_before(&self, clause_start: usize, out: &Statements) -> Option<Vec<String>> {
        let before = self.text[..clause_start].trim_end_matches(is_clause_break);
        let start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| is_clause_break(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        // A ranking's count (`位居前三`) is the clause's only figure, and no level.
        let ranking = |s: &Statement| self.is_ranking(&s.unit, s.span.start);
        if out
            .statements
            .last()
            .is_some_and(|s| s.span.end > start && !ranking(s))
        {
            return None;
        }
        let clause = &before[start..];
        // `公共充电设施数量居前五的省份依次为广东、浙江……湖北`: the names follow 依次为, and share
        // what the words before the ranking name.
        let clause = match ["依次为", "依次是"]
            .iter()
            .find_map(|w| clause.find(w).map(|at| (at, w.len())))
        {
            Some((at, len)) => {
                let measured = ["位居", "居前", "排名", "位列", "名列"]
                    .iter()
                    .filter_map(|w| clause[..at].find(w))
                    .min()
                    .map_or("", |cut| &clause[..cut]);
                format!("{}{measured}", &clause[at + len..])
            }
            None => clause.to_string(),
        };
        let mut t = strip_connectors(&strip_periods(&clause));
        for cut in ["位居", "位列", "排名", "排在", "居前", "名列", "依次"] {
            if let Some(at) = t.find(cut) {
                t.truncate(at);
            }
        }
        if !t.contains('、') || t.chars().count() > 40 {
            return None;
        }
        let names = split_list(&t);
        (names.len() >= 2).then_some(names)
    }

    /// The clause containing a normalized offset.
    /// Found among the article's clause breaks, listed once: a clause of many figures is not
    /// rescanned for each.
    fn clause_at(&self, at: usize) -> Clause {
        let k = self.clause_breaks.partition_point(|&(p, _)| p < at);
        let start = k
            .checked_sub(1)
            .map_or(0, |j| self.clause_breaks[j].0 + self.clause_breaks[j].1);
        let end = self
            .clause_breaks
            .get(k)
            .map_or(self.text.len(), |&(p, _)| p);
        Clause { range: start..end }
    }

    /// Where the full sentence holding `at` ends (at its `。`, not a `；`): found among the
    /// article's full stops, listed once, so a sentence of many figures is not rescanned for
    /// each.
    fn full_sentence_end(&self, at: usize) -> usize {
        let k = self.full_stops.partition_point(|&p| p < at);
        self.full_stops.get(k).copied().unwrap_or(self.text.len())
    }

    /// Groups opened between the previous figure and this one: a clause `其中` (or a left
    /// context starting with it), or a breakdown clause. Returns (group, kind) in text order.
    fn openers(
        &self,
        clause_start: usize,
        left_start: usize,
        out: &mut Statements,
        paragraph: usize,
        figure_start: usize,
    ) -> Vec<(usize, GroupKind)> {
        // The clauses since the previous figure.
        let previous_end = out
            .statements
            .last()
            .map_or(0, |s| s.span.end)
            .max(self.document.segments.paragraphs[paragraph].start);
        let mut found = Vec::new();
        if previous_end > figure_start {
            return found;
        }
        let region = &self.text[previous_end..figure_start];
        let mut offset = previous_end;
        for piece in region.split(is_clause_break) {
            let range = offset..offset + piece.len();
            offset += piece.len();
            // Step over the break character that ended this piece.
            if let Some(c) = self.text[offset..].chars().next() {
                offset += c.len_utf8();
            }
            let t = piece.trim();
            if t.is_empty() {
                continue;
            }
            let in_own_clause = range.start >= clause_start;
            let named = lexicon::names_whole(t);
            let kind = if lexicon::opens_breakdown(t) {
                Some(GroupKind::Breakdown)
            } else if t.starts_with("其中")
                || t.starts_with("包括")
                || t.starts_with('含')
                || named.is_some()
            {
                Some(GroupKind::OfWhich)
            } else {
                None
            };
            let Some(kind) = kind else { continue };
            // A breakdown opener is its own clause; 其中 may start the figure's clause.
            if kind == GroupKind::Breakdown && in_own_clause && range.end > left_start {
                continue;
            }
            let opener = if kind == GroupKind::OfWhich && named.is_none() {
                t.chars().take(2).collect()
            } else {
                t.to_string()
            };
            out.groups.push(Group {
                kind,
                opener,
                span: range,
                head: None,
                members: Vec::new(),
                named: named.map(str::to_string),
            });
            found.push((out.groups.len() - 1, kind));
        }
        found
    }

    /// A figure's period: the last period named before it in its sentence, else in its
    /// paragraph, else its story's lead period.
    fn period_at(&self, at: usize, paragraph: usize) -> (Option<Period>, bool) {
        let p = &self.document.segments.paragraphs[paragraph];
        let clause = self.clause_at(at).range;
        let segments = &self.document.segments;
        let sentence_start = segments
            .sentence_at(at)
            .map_or(clause.start, |k| segments.sentences[k].range.start);
        let i = self.periods.partition_point(|(r, _)| r.end <= at);
        for (r, period) in self.periods[..i].iter().rev() {
            if r.start < p.start {
                break;
            }
            // `全年净增3636万户`: a period that opens a change or a rate is that figure's alone.
            // `10月当月加装2300部；增设停车位58.7万个`: a month named as one month alone is its
            // sentence's (`11月份当月成交量8.12亿手，成交额63.85万亿元` are both November's).
            let one_month = lexicon::ONE_PERIOD
                .iter()
                .any(|w| self.text[r.clone()].ends_with(w))
                && r.start < sentence_start;
            if r.start < clause.start && (is_local(&self.text[r.end..]) || one_month) {
                continue;
            }
            // `一季度受春节假期等因素带动，办理结婚登记181.6万对`: a period named as a cause
            // says why, not when.
            if ["受", "由于", "得益于"]
                .iter()
                .any(|w| self.text[..r.start].ends_with(w))
            {
                continue;
            }
            // `完成年初确定的全年1200万份目标的93.3%。其中，…`: a period naming a plan in an
            // earlier clause is the plan's, not the copy's time from there on.
            if r.start < clause.start {
                let own = self.clause_at(r.start).range;
                let rest = self.text.get(r.end..own.end.max(r.end)).unwrap_or("");
                if ["目标", "计划", "任务"].iter().any(|w| rest.contains(w)) {
                    continue;
                }
            }
            // `是9月份顺差1597亿元的1.6倍`: a period named as what an earlier clause compares
            // with is that comparison's, not the copy's time from there on.
            if r.start < clause.start {
                let before = self.text[..r.start].trim_end();
                if ["是", "比", "较", "相当于", "与", "同"]
                    .iter()
                    .any(|w| before.ends_with(w))
                {
                    continue;
                }
            }
            // `截至11月底，今年以来…累计交易1811.37万辆`: the year to a month's end named just
            // before is the run of months from January.
            if period.stretch == period::Stretch::ToDate {
                let k = self.periods.partition_point(|(q, _)| q.end <= r.start);
                if let Some((q, end)) = k.checked_sub(1).map(|k| &self.periods[k]) {
                    if let period::Stretch::End { month } = end.stretch {
                        if month >= 1
                            && q.start >= clause.start.min(p.start)
                            && !self.text[q.end..r.start].contains('。')
                        {
                            return (Some(Period::months(end.year, 1, month)), true);
                        }
                    }
                }
            }
            return (Some(period.clone()), true);
        }
        let story = self.story_of.get(paragraph).copied();
        let lead = story.and_then(|s| self.story_period.get(s).cloned().flatten());
        (lead, false)
    }
}

/// The length in bytes of the direction word (`增长`, `下降`, `减少`) that ends `left`, if any.
fn direction_word(left: &str) -> Option<usize> {
    let t = left.trim_end();
    let pad = left.len() - t.len();
    lexicon::UP
        .iter()
        .chain(lexicon::DOWN)
        .filter(|w| t.ends_with(*w))
        .map(|w| w.len())
        .max()
        .map(|n| n + pad)
}

/// Whether the text after a period goes straight on to a change or a rate (`全年净增`,
/// `当月同比增长`): the period then belongs to that figure only.
fn is_local(after: &str) -> bool {
    let after = after.trim_start();
    // `1—10月份为下降8.2%`: a period that a figure of its own follows (not `为期40天`).
    let own_figure = after
        .strip_prefix(['为', '是'])
        .map(str::trim_start)
        .is_some_and(|r| {
            r.starts_with(|c: char| c.is_ascii_digit())
                || ["下降", "增长", "负", "减少", "增加"]
                    .iter()
                    .any(|w| r.starts_with(w))
        });
    // `其中1—9月1.93万部，10月当月加装2300部`: a period its figure follows at once, or named
    // as a month alone (`当月`, `单季`), is that clause's.
    after.starts_with(['比', '较', '净', '同', '环'])
        || after.starts_with(|c: char| c.is_ascii_digit())
        || lexicon::ONE_PERIOD.iter().any(|w| after.starts_with(w))
        || own_figure
        || lexicon::UP
            .iter()
            .chain(lexicon::DOWN)
            .filter(|w| w.chars().count() > 1)
            .any(|w| after.starts_with(w))
}

/// The part a group's whole is looked for from.
struct Part<'a> {
    unit: &'a str,
    subject: &'a str,
    kind: Kind,
    period: Option<&'a Period>,
    /// Whether the part's period is named in its paragraph rather than its story's lead.
    period_named: bool,
    /// Whether the part is a ranking's value (the top of a list of some whole, not any).
    ranked: bool,
    /// The part's value (strict): a breakdown's whole is never smaller.
    value: Interval,
}

/// The whole of a group: the last level before its opener in `unit` — in the same paragraph for
/// a `其中` (or the paragraph before), anywhere earlier in the story for a breakdown, where it
/// must be no part of another group.
fn find_head(
    text: &str,
    out: &Statements,
    g: usize,
    kind: GroupKind,
    paragraph: usize,
    story: usize,
    part: &Part,
) -> Option<usize> {
    let opener = out.groups[g].span.start;
    let part_key = subject::key(part.subject);
    let extends = |part: &str, whole: &str| {
        whole.chars().count() >= 2 && part.len() > whole.len() && part.ends_with(whole)
    };
    let candidates = out
        .statements
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, s)| s.span.end <= opener && s.kind == part.kind && s.unit == part.unit)
        .filter(|(_, s)| s.basis.is_none() && !is_difference(&s.subject))
        // A whole of another period (全年 parts under 12月's total) or bounded on one side
        // (超过300万辆) holds no parts.
        .filter(|(_, s)| {
            periods_fit(s.period.as_ref(), part.period)
                || (!part.period_named || !s.period_named)
                    && s.period
                        .as_ref()
                        .zip(part.period)
                        .is_some_and(|(p, q)| p.dates_run(q, None))
        })
        .filter(|(_, s)| !is_one_sided(s.qualifier))
        // A plan (`完成年初确定的全年1200万份目标的93.3%。其中，…`) is what was to be done; its
        // parts, if any, are not the ones that follow what was done.
        .filter(|(_, s)| {
            let after = text.get(s.span.end..).unwrap_or("");
            !["目标", "计划", "任务"]
                .iter()
                .any(|w| after.starts_with(w) || s.subject.contains(w))
        })
        // A daily or per-head figure is the whole of no total's parts (日均185万人次 before
        // 其中内地居民出入境620.2万人次), unless the parts are averages too.
        .filter(|(_, s)| is_average(&s.subject) == is_average(part.subject))
        .filter(|(_, s)| !s.headline && s.story == story)
        .filter(|(_, s)| match kind {
            GroupKind::OfWhich => s.paragraph == paragraph || out.groups[g].named.is_some(),
            // A whole the copy does not name is never smaller than its first part (a total;
            // an average's parts may exceed it, and another stage is no part at all).
            // A part of a `其中` may be broken down in turn when the parts' names extend its own
            // (`其中，养殖产量…` then `分养殖水域看，海水养殖产量…`).
            GroupKind::Breakdown => {
                (s.group.is_none() || extends(&part_key, &s.key))
                    && (s.strict.high >= part.value.low
                        || is_average(part.subject)
                        || lexicon::stage(part.subject) != lexicon::stage(&s.subject))
            }
        });
    // `人身险中，寿险…`: the whole is the one the opener names, or none.
    if let Some(name) = &out.groups[g].named {
        // The same concept, else the last whose name it opens (人身险 for 人身险保费收入), else
        // the one it names with a noun of people (`全年因灾死亡失踪人员中` of 因灾死亡失踪712人).
        let key = subject::key(&strip_periods(name));
        let all: Vec<(usize, &Statement)> = candidates.collect();
        return all
            .iter()
            .find(|(_, s)| s.key == key)
            .or_else(|| all.iter().find(|(_, s)| s.key.starts_with(key.as_str())))
            .or_else(|| {
                all.iter().find(|(_, s)| {
                    s.key.chars().count() >= 2
                        && key
                            .strip_prefix(s.key.as_str())
                            .is_some_and(|rest| ["人员", "人数", "人口"].contains(&rest))
                })
            })
            .map(|(i, _)| *i);
    }
    match kind {
        GroupKind::OfWhich => {
            // The whole the part's name extends (出口机电产品 is of 出口, not of the 贸易顺差
            // stated last), else the last level before 其中.
            let all: Vec<(usize, String)> = candidates.map(|(i, s)| (i, s.key.clone())).collect();
            all.iter()
                .find(|(_, k)| k.chars().count() >= 2 && part.subject.contains(k.as_str()))
                .or(all.first())
                .map(|(i, _)| *i)
        }
        GroupKind::Breakdown => {
            // A whole its first part shares a tail with (国产影片票房 and 全国电影票房 share 票房;
            // 档期平均票价 shares nothing), that is not an average when the part is not; then the
            // broadest: a candidate whose name extends another's (城镇居民人均消费支出 after
            // 全国居民人均消费支出) is that one's part, not the whole broken down.
            let tail_of = |t: &str| t.replace('总', "");
            let all: Vec<(usize, String, String)> = candidates
                .filter(|(_, s)| !s.subject.is_empty())
                .map(|(i, s)| (i, s.key.clone(), tail_of(&s.subject)))
                .collect();
            let m = part.subject;
            // First, a whole the part's name extends (男性人口 of 全国人口, whose key is 人口;
            // 海水养殖产量 of 养殖产量, key by key).
            // Of several such wholes of one name, the broadest: `自巴西进口` breaks down all
            // imports (1979.7亿美元), not a commodity's import amount stated since
            // (`大豆…进口金额468.5亿美元`).
            let extended: Vec<&(usize, String, String)> = all
                .iter()
                .filter(|(_, k, _)| {
                    k.chars().count() >= 2
                        && (m.len() > k.len() && m.ends_with(k.as_str()) || extends(&part_key, k))
                })
                .collect();
            if let Some((first, key, _)) = extended.first() {
                let broadest = extended
                    .iter()
                    .filter(|(_, k, _)| k == key)
                    .max_by(|(a, _, _), (b, _, _)| {
                        out.statements[*a]
                            .strict
                            .high
                            .partial_cmp(&out.statements[*b].strict.high)
                            .unwrap_or(std::cmp::Ordering::Equal)
                    })
                    .map_or(*first, |(i, _, _)| *i);
                return Some(broadest);
            }
            let sharing: Vec<(usize, String)> = match m {
                m if !m.is_empty() => all
                    .iter()
                    .filter(|(_, _, t)| subject::common_tail(t, &tail_of(m)).chars().count() >= 2)
                    .filter(|(_, _, t)| is_average(t) == is_average(m))
                    .map(|(i, k, _)| (*i, k.clone()))
                    .collect(),
                _ => Vec::new(),
            };
            if sharing.is_empty() {
                // No name ties the part to an earlier level: the level the opener follows
                // straight on in the paragraph (`义务教育阶段在校生15864万人，分学段看，小学…`),
                // else the story's lead figure in the
                // part's unit, if that is one of them (国内生产总值 before 分产业看), else none.
                let last = out.statements.iter().rposition(|s| s.span.end <= opener);
                if let Some((i, _, _)) = all.first().filter(|(i, _, _)| {
                    Some(*i) == last && out.statements[*i].paragraph == paragraph
                }) {
                    return Some(*i);
                }
                // A ranking's values (`三大邮轮港位居前三，分别接待…`) are the top of a list
                // the copy may not have stated the whole of: no lead figure is assumed theirs.
                if part.ranked {
                    return None;
                }
                let lead = out.statements.iter().position(|s| {
                    s.story == story
                        && !s.headline
                        && s.kind == part.kind
                        && s.unit == part.unit
                        && periods_fit(s.period.as_ref(), part.period)
                })?;
                return all.iter().any(|(i, _, _)| *i == lead).then_some(lead);
            }
            // The candidates sharing the most with the part (全国粗钢产量 over 钢材产量 for
            // 河北粗钢产量), then the broadest of them.
            let shared = |i: usize| {
                subject::common_tail(&tail_of(&out.statements[i].subject), &tail_of(m))
                    .chars()
                    .count()
            };
            let most = sharing.iter().map(|(i, _)| shared(*i)).max().unwrap_or(0);
            let all: Vec<(usize, String)> = sharing
                .into_iter()
                .filter(|(i, _)| shared(*i) == most)
                .collect();
            all.iter()
                .find(|(_, k)| {
                    !all.iter()
                        .any(|(_, other)| other.len() < k.len() && k.ends_with(other.as_str()))
                })
                .map(|(i, _)| *i)
        }
    }
}

/// Where a statement's figure ends in the text.
fn p_end(s: &Statement) -> usize {
    s.span.end
}

/// Whether two names are siblings: they end alike (`保费收入`) and neither is the other's
/// concept or a part of it (`人身险保费收入`, `财产险保费收入`).
fn is_sibling(a: &str, b: &str) -> bool {
    let (ka, kb) = (subject::key(a), subject::key(b));
    if ka.is_empty() || kb.is_empty() || ka.contains(kb.as_str()) || kb.contains(ka.as_str()) {
        return false;
    }
    let tail = subject::common_tail(&ka, &kb).chars().count();
    tail >= 2 && ka.chars().count() > tail && kb.chars().count() > tail
}

/// `银行结汇较去年同期的` → (`银行结汇`, `去年同期`): the words before a comparison with a named
/// period and the period, when the clause ends comparing with it (or, `累计产量由前10个月的`,
/// naming the period a change starts from).
fn compared_period(clause: &str) -> Option<(&str, &str)> {
    let body = clause.strip_suffix('的')?;
    let (at, w) = ['较', '比', '由']
        .iter()
        .filter_map(|w| body.rfind(*w).map(|at| (at, *w)))
        .max_by_key(|&(at, _)| at)?;
    let before = &body[..at];
    let named = &body[at + w.len_utf8()..];
    let period_like = period::parse(named).is_ok_and(|(_, rest)| rest.is_empty())
        || ["同期", "上年", "去年", "上月", "上季"]
            .iter()
            .any(|p| named.contains(p));
    (period_like && !before.ends_with(['同', '环', '占', '对']) && !named.is_empty())
        .then_some((before, named))
}

/// `一、二、` before `三季度`: the periods the numerals name with the period's own word
/// (`一季度`, `二季度`), or none unless every numeral names one.
fn siblings_before(gap: &str, written: &str) -> Vec<Period> {
    let items: Vec<&str> = gap.split(['、', '和']).map(str::trim).collect();
    let Some((last, numerals)) = items.split_last() else {
        return Vec::new();
    };
    let numeral = |t: &str| t.chars().count() == 1 && "一二三四五六七八九十".contains(t);
    let Some(first) = written
        .chars()
        .next()
        .filter(|c| "一二三四五六七八九十".contains(*c))
    else {
        return Vec::new();
    };
    if !last.is_empty() || numerals.is_empty() || !numerals.iter().all(|n| numeral(n)) {
        return Vec::new();
    }
    let word = &written[first.len_utf8()..];
    let periods: Vec<Period> = numerals
        .iter()
        .filter_map(|n| match period::parse(&format!("{n}{word}")) {
            Ok((p, "")) => Some(p),
            _ => None,
        })
        .collect();
    if periods.len() == numerals.len() {
        periods
    } else {
        Vec::new()
    }
}

/// Whether two periods can be one: equal, or either unknown.
fn periods_fit(a: Option<&Period>, b: Option<&Period>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.agrees(b, None),
        _ => true,
    }
}

/// Whether a qualifier bounds a figure on one side only (超, 近).
fn is_one_sided(q: Option<Qualifier>) -> bool {
    matches!(q, Some(Qualifier::AtLeast | Qualifier::AtMost))
}

/// Whether a subject is a difference of two others (贸易顺差, 逆差, 差额): neither a part nor a
/// whole of what it is the difference of.
fn is_difference(t: &str) -> bool {
    ["顺差", "逆差", "差额", "差值"]
        .iter()
        .any(|w| t.ends_with(w))
}

/// Whether a subject is a per-day, per-head or average figure.
pub fn is_average(t: &str) -> bool {
    lexicon::AVERAGES.iter().any(|a| t.contains(a)) || t.contains("单日")
}

/// Whether the period at `r` is a reference to another period (`比上年`, `比一季度`, `占全年…的`,
/// `与去年春节档相比`, `由上年下降转为`), not the period of what follows.
fn is_reference(text: &str, r: Range<usize>) -> bool {
    let before = text[..r.start].chars().next_back();
    let after = &text[r.end..];
    matches!(
        before,
        Some('比' | '较' | '占' | '与' | '由' | '于' | '同' | '自' | '从' | '照' | '按' | '大')
    ) || after.starts_with("同期")
        || after.starts_with("相比")
        || after.starts_with("以来")
        || after.starts_with('的')
        // `四季度例行新闻发布会`, `一季度工作会议`: the period names an event, not the figures' time.
        || ["例行", "新闻发布会", "发布会", "工作会议", "座谈会", "会议"]
            .iter()
            .any(|w| after.starts_with(w))
}

/// Whether a paragraph opens with a news agency's dateline.
fn is_dateline(t: &str) -> bool {
    let head: String = t.chars().take(40).collect();
    (head.starts_with("新华社")
        || head.starts_with("本报")
        || head.starts_with("中新社")
        || head.starts_with("人民网"))
        && head.contains("电")
}

struct Respectively {
    subjects: Vec<String>,
    /// The periods listed before 分别, one per figure, when the list names periods.
    periods: Vec<Period>,
    next: usize,
    /// The end of the full sentence it lasts to.
    sentence: usize,
    /// Whether the values are a ranking's (`位居前三，依次为…`): the top of a list, never all
    /// of a whole's parts.
    ranked: bool,
}

/// What the words before a figure say.
#[derive(Debug, Clone, PartialEq)]
struct Reading {
    subject: String,
    kind: Kind,
    sign: i8,
    basis: Option<Against>,
    measure: Option<Measure>,
    of: Option<String>,
    reached: bool,
    /// The subject is a rate noun (`增速`) or `其…`: the rate or measure of the subject before.
    rate_of: bool,
    /// After `其`: the measure word it names (`其产量`), to be put after the subject before.
    its: String,
    /// `A、B分别为`: the subjects to hand out.
    respectively: Option<Vec<String>>,
    /// Whether they are handed out by `依次` (a ranking's values, in its order) rather than 分别.
    in_order: bool,
}

/// The topic a sentence's first clause states before its verb (`平台电商` in `平台电商仍是第一大
/// 渠道，`): the name a later 其 in the sentence stands for.
fn sentence_topic(before: &str) -> Option<&str> {
    // `before` runs to the clause of 其: the first clause before it, if any.
    let first = before.split(is_clause_break).next()?.trim();
    let at = ["仍是", "依然是", "继续是", "成为", "是", "居"]
        .iter()
        .find_map(|v| first.find(v))?;
    let topic = first[..at].trim_end_matches(['仍', '已', '也', '则']);
    (2..=12)
        .contains(&topic.chars().count())
        .then_some(topic)
        .filter(|t| !t.contains(|c: char| c.is_ascii_digit()))
}

/// The concept a ceiling after its figure names: `用水总量` in `用水总量控制目标以内`.
fn ceiling_of(after: &str) -> Option<&str> {
    let inside = ["以内", "之内"]
        .iter()
        .find_map(|w| after.find(w).map(|at| &after[..at]))?;
    let name = ["控制目标", "控制线", "目标", "上限", "红线"]
        .iter()
        .find_map(|w| inside.strip_suffix(w))
        .unwrap_or(inside)
        .trim();
    (name.chars().count() >= 2 && !name.contains(|c: char| c.is_ascii_digit())).then_some(name)
}

/// Where the last comparison word (比, 较) of `t` stands, leaving out the 比 of 占比, 比重, 比例
/// and 比率.
fn comparison_at(t: &str) -> Option<usize> {
    t.char_indices().rev().find_map(|(at, c)| {
        let noun = c == '比'
            && (t[..at].ends_with('占')
                || ["重", "例", "率"]
                    .iter()
                    .any(|w| t[at + c.len_utf8()..].starts_with(w)));
        (matches!(c, '比' | '较') && !noun).then_some(at)
    })
}

fn strip_suffix_any<'t>(t: &'t str, words: &[&'static str]) -> Option<(&'t str, &'static str)> {
    // Most words end differently from the text: comparing last bytes first spares the rest.
    let last = *t.as_bytes().last()?;
    words
        .iter()
        .filter(|w| w.as_bytes().last() == Some(&last))
        .find_map(|w| t.strip_suffix(*w).map(|rest| (rest, *w)))
}

/// The direction words of more than one character, which end a subject without a comparison.
static LONG_UP: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    lexicon::UP
        .iter()
        .filter(|w| w.chars().count() > 1)
        .copied()
        .collect()
});
static LONG_DOWN: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    lexicon::DOWN
        .iter()
        .filter(|w| w.chars().count() > 1)
        .copied()
        .collect()
});

/// Reads the words before a figure, right to left: fillers, a milestone, a direction, a
/// measure (real or nominal), a basis, a share's whole; what remains is the subject.
fn read_left(left: &str, dimension: Dimension, qualifier: Option<Qualifier>) -> Reading {
    let mut t = squeeze_spaces(left);
    t = drop_asides(&t);
    // Quotes and title marks are not part of a name's meaning.
    t = t.replace(['“', '”', '"', '《', '》'], "");
    let mut reading = Reading {
        subject: String::new(),
        kind: Kind::Level,
        sign: 1,
        basis: None,
        measure: None,
        of: None,
        reached: false,
        rate_of: false,
        its: String::new(),
        respectively: None,
        in_order: false,
    };
    let rate = matches!(dimension, Dimension::Percent);
    let points = matches!(dimension, Dimension::PercentagePoint);
    let multiple = matches!(dimension, Dimension::Ratio);
    let amount = !rate && !points && !multiple && !matches!(dimension, Dimension::Duration);
    let mut direction: Option<i8> = None;
    let mut milestone = false;
    // Peel from the right until nothing more comes off.
    for _ in 0..12 {
        let before = t.len();
        for w in ["台阶", "历史同期", "历史上", "同期"] {
            if let Some(rest) = t.strip_suffix(w) {
                t = rest.to_string();
            }
        }
        if let Some((rest, _)) = strip_suffix_any(&t, lexicon::MILESTONES) {
            milestone = true;
            t = rest.to_string();
        }
        if let Some((rest, w)) = strip_suffix_any(&t, lexicon::FILLERS)
            .filter(|(rest, w)| *w != "均" || !rest.ends_with(['日', '人', '月', '户', '年', '场']))
        {
            if w == "分别" || w == "依次" {
                reading.respectively = Some(Vec::new());
                reading.in_order = w == "依次";
            }
            if lexicon::TO_LEVEL.contains(&w) {
                reading.reached = true;
            }
            t = rest.to_string();
        }
        if direction.is_none() && (rate || points || multiple || amount) {
            let (long_up, long_down) = (&*LONG_UP, &*LONG_DOWN);
            if let Some((rest, _)) = strip_suffix_any(&t, long_up) {
                direction = Some(1);
                t = rest.to_string();
            } else if let Some((rest, _)) = strip_suffix_any(&t, long_down) {
                direction = Some(-1);
                t = rest.to_string();
            } else if let Some((rest, w)) =
                strip_suffix_any(&t, lexicon::UP).or_else(|| strip_suffix_any(&t, lexicon::DOWN))
            {
                // A one-character direction (快, 高, 少) only after a comparison: 比城镇居民快.
                if rest.contains('比') || rest.contains('较') || rest.ends_with("同比") {
                    direction = Some(if lexicon::UP.contains(&w) { 1 } else { -1 });
                    t = rest.to_string();
                }
            }
        }
        while let Some((rest, w)) = strip_suffix_any(&t, lexicon::FILLERS)
            .filter(|(rest, w)| *w != "均" || !rest.ends_with(['日', '人', '月', '户', '年', '场']))
        {
            if w == "分别" || w == "依次" {
                reading.respectively = Some(Vec::new());
                reading.in_order = w == "依次";
            }
            t = rest.to_string();
        }
        for w in lexicon::REAL {
            if let Some(rest) = t.strip_suffix(w) {
                reading.measure = Some(Measure::Real);
                t = rest.to_string();
            }
        }
        for w in lexicon::NOMINAL {
            if let Some(rest) = t.strip_suffix(w) {
                reading.measure = Some(Measure::Nominal);
                t = rest.to_string();
            }
        }
        if reading.basis.is_none() {
            if let Some((rest, against)) = lexicon::BASES
                .iter()
                .find_map(|(w, a)| t.strip_suffix(w).map(|r| (r, a.clone())))
            {
                reading.basis = Some(against);
                t = rest.to_string();
            } else if direction.is_some() {
                // 比一季度, 比城镇居民, 较2019年同期: a named basis — not the 比 of a share's
                // noun (`比工业用水占比低`: 占比, 比重, 比例).
                if let Some(at) = comparison_at(&t) {
                    let named = t[at + 3..].trim_end_matches("相比").to_string();
                    if !named.is_empty() && named.chars().count() <= 14 {
                        reading.basis =
                            Some(Against::Named(named.trim_end_matches("同期").to_string()));
                        t.truncate(at);
                    }
                } else if let Some(at) = t.rfind("与") {
                    if t.ends_with("相比") {
                        let named = t[at + 3..t.len() - "相比".len()].to_string();
                        reading.basis = Some(Against::Named(named));
                        t.truncate(at);
                    }
                }
            }
        }
        if t.len() == before {
            break;
        }
    }
    // `比去年同期多发送旅客约5500万人次`: a basis, then 多 or 少 and the flow compared — a change,
    // of the subject before the basis, or else of the flow it names.
    // (Every basis opens with 比, 较, 与, 同 or 环: most subjects hold none and skip the search.)
    if amount
        && direction.is_none()
        && reading.basis.is_none()
        && t.contains(['比', '较', '与', '同', '环'])
    {
        let found = lexicon::BASES
            .iter()
            .filter_map(|(w, a)| t.find(w).map(|at| (at, *w, a)))
            .min_by_key(|&(at, w, _)| (at, std::cmp::Reverse(w.len())));
        if let Some((at, w, against)) = found {
            let rest = &t[at + w.len()..];
            let turned = [('多', 1), ('少', -1)]
                .into_iter()
                .find_map(|(c, sign)| rest.strip_prefix(c).map(|r| (r, sign)));
            if let Some((flow, sign)) = turned.filter(|(r, _)| r.chars().count() <= 8) {
                let own = t[..at].trim().to_string();
                reading.basis = Some(against.clone());
                direction = Some(sign);
                t = if own.is_empty() {
                    flow.to_string()
                } else {
                    own
                };
            }
        }
    }
    // `体育彩票增速高出福利彩票7.1个百分点`, `增速高于全国平均水平1.5个百分点`: a gap whose
    // comparison word stands before the peer it names.
    if points && direction.is_none() && reading.basis.is_none() {
        let found = lexicon::COMPARATIVES
            .iter()
            .filter_map(|&(w, sign)| t.rfind(w).map(|at| (at, w, sign)))
            .max_by_key(|&(at, _, _)| at);
        if let Some((at, w, sign)) = found {
            let named = t[at + w.len()..].trim_end_matches("相比").to_string();
            if (2..=14).contains(&named.chars().count()) {
                reading.basis = Some(Against::Named(named));
                direction = Some(sign);
                t.truncate(at);
            }
        }
    }
    // What kind of figure.
    reading.kind = if milestone && qualifier == Some(Qualifier::AtLeast)
        || milestone && direction.is_none() && amount
    {
        Kind::Threshold
    } else if points {
        Kind::Points
    } else if multiple {
        Kind::Multiple
    } else if rate && direction.is_some() {
        Kind::Growth
    } else if amount && direction.is_some() {
        Kind::Change
    } else if rate || amount {
        Kind::Level
    } else {
        Kind::Other
    };
    reading.sign = direction.unwrap_or(1);
    if rate && !matches!(reading.kind, Kind::Growth) {
        // A share: 占…的, 占比, 比重; or a ratio: 是…的.
        if let Some(at) = t.rfind('占') {
            let whole = &t[at + '占'.len_utf8()..];
            let whole = lexicon::SHARE_WORDS
                .iter()
                .find_map(|w| whole.strip_suffix(*w))
                .unwrap_or(whole);
            let whole = strip_periods(whole);
            if !whole.is_empty() && whole != "比" {
                reading.of = Some(whole);
            }
            reading.kind = Kind::Share;
            // `大宗协议交易所占份额`: 所占 is the share's verb, so the 所 before 占 goes too.
            t.truncate(at);
            if t.ends_with('所') {
                t.truncate(t.len() - '所'.len_utf8());
            }
            t = t
                .trim_end_matches(['约', '均', '则', '已', '仍'])
                .to_string();
            // `专项债券在新增债券中的占比`: the whole named between 在 and 中.
            if reading.of.is_none() {
                if let Some(inner) = t.trim_end_matches(['的', '所']).strip_suffix('中') {
                    if let Some(at) = inner.rfind('在').filter(|&at| at > 0) {
                        let whole = strip_periods(&inner[at + '在'.len_utf8()..]);
                        if whole.chars().count() >= 2 {
                            reading.of = Some(whole);
                            t.truncate(at);
                        }
                    }
                }
            }
        } else if let Some((rest, _)) = strip_suffix_any(
            &t,
            &[
                "所占比重",
                "所占份额",
                "所占比例",
                "比重",
                "占比",
                "份额",
                "比例",
            ],
        ) {
            reading.kind = Kind::Share;
            t = rest.trim_end_matches(['的', '所']).to_string();
        } else if let Some(at) = t.rfind(['是']).filter(|_| t.ends_with('的')) {
            let whole = &t[at + '是'.len_utf8()..t.len() - '的'.len_utf8()];
            if !whole.is_empty() {
                reading.of = Some(whole.to_string());
                reading.kind = Kind::Share;
                t.truncate(at);
            }
        } else if ends_with_rate_noun(&t) {
            reading.kind = Kind::Rate;
        }
    }
    if multiple && direction.is_none() {
        // A ratio: `是软件产品收入的3.2倍`, `约为健康险保费收入的4.3倍`, `相当于…的`.
        // (The peeling above has taken the `的` off already.)
        if let Some(body) = Some(t.strip_suffix('的').unwrap_or(&t)) {
            let at = ["相当于", "是", "为"]
                .iter()
                .filter_map(|w| body.rfind(w).map(|at| (at, w.len())))
                .max_by_key(|&(at, _)| at);
            if let Some((at, len)) = at {
                let whole = strip_periods(&body[at + len..]);
                if whole.chars().count() >= 2 {
                    reading.of = Some(whole);
                    t.truncate(at);
                    t = t
                        .trim_end_matches(['约', '均', '则', '已', '仍', '达'])
                        .to_string();
                }
            }
        }
    }
    if matches!(reading.kind, Kind::Level) && rate {
        reading.kind = Kind::Rate;
    }
    // The subject: what remains, less periods, connectors and asides.
    let mut subject = strip_periods(&t);
    subject = strip_connectors(&subject);
    // 国有控股企业实现利润总额: a verb inside the name.
    for verb in ["共实现", "共完成", "共投入", "实现", "完成", "发生", "录得"] {
        if let Some(at) = subject.find(verb) {
            if subject[at + verb.len()..].chars().count() >= 2 {
                subject.replace_range(at..at + verb.len(), "");
            }
        }
    }
    // 由上年下降转为: a turn, not a name.
    if let Some(at) = subject.find('由') {
        if subject[at..].contains("转为") || subject[at..].contains("转") {
            subject.truncate(at);
        }
    }
    let mut subject = subject.trim_end_matches('的').to_string();
    // What is left of `比上年同期的` once its period and basis are read names nothing.
    if reading.basis.is_some() && matches!(subject.as_str(), "比同期" | "较同期" | "同期") {
        subject.clear();
    }
    // A lone connector or preposition left over (`和`, `同`, `在`) names nothing.
    if subject.chars().count() <= 1 {
        subject.clear();
    }
    // 民营企业进出口增速比…: the rate of the subject it follows.
    if let Some(noun) = lexicon::RATE_NOUNS
        .iter()
        .find(|n| subject.ends_with(*n) && subject.len() > n.len() + 3)
        .filter(|_| !lexicon::NAMED_RATES.iter().any(|r| subject.ends_with(r)))
    {
        subject.truncate(subject.len() - noun.len());
        reading.subject = subject;
        return reading;
    }
    // `台风、干旱、风雹灾害分别造成直接经济损失548.9亿元、412.6亿元和326.7亿元`: 分别 inside the
    // name, the list before it and what each states after it.
    if let Some(at) = subject
        .find("分别")
        .filter(|_| reading.respectively.is_none())
    {
        let (list, what) = (&subject[..at], &subject[at + "分别".len()..]);
        // `依次为历史文化类、综合地志类和革命纪念类博物馆，分别接待观众6.84亿人次、…`: 分别 opens
        // the clause; the names are the clause before's.
        if list.trim().is_empty() && !what.is_empty() && what.chars().count() <= 12 {
            reading.respectively = Some(Vec::new());
            reading.subject = String::new();
            return reading;
        }
        if list.contains('、') && !what.is_empty() && what.chars().count() <= 12 {
            reading.respectively = Some(
                split_list(list)
                    .into_iter()
                    .map(|item| format!("{item}{what}"))
                    .collect(),
            );
            reading.subject = String::new();
            return reading;
        }
    }
    if let Some(list) = reading.respectively.as_mut() {
        *list = split_list(&subject);
        reading.subject = String::new();
    } else if lexicon::RATE_NOUNS.contains(&subject.as_str())
        || lexicon::MEASURES.contains(&subject.as_str())
    {
        // `增速`, or a bare measure word (`规模是第二产业的2.5倍`): of the subject before.
        reading.rate_of = true;
    } else if ["其中", "其次"].contains(&subject.as_str())
        || lexicon::PERIOD_WORDS.contains(&subject.as_str())
    {
        // `其中上半年1.27万亿元`, `11月当月新增108万份`: the opener or the period names nothing;
        // the subject is carried.
        reading.subject = String::new();
    } else if let Some(rest) = subject
        .strip_prefix('其')
        // 其他, 其余 are other things; 其中, 其次 open a part or a next point.
        .filter(|r| !r.starts_with(['他', '余', '中', '次', '实']))
    {
        reading.rate_of = true;
        reading.its = rest.to_string();
    } else {
        reading.subject = subject;
    }
    reading
}

/// A text without the spaces of justification and wrapping: a space is kept only between two
/// characters of Latin script (`total goods trade`), where it separates words.
fn squeeze_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            pending = true;
            continue;
        }
        if pending
            && c.is_ascii_alphanumeric()
            && out
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_alphanumeric())
        {
            out.push(' ');
        }
        pending = false;
        out.push(c);
    }
    out
}

/// A text less its parenthetical asides (`（记者 陈晨）`, `（1月28日至2月4日）`), keeping the
/// few characters that are part of a name: `企（事）业单位`, `广义货币（M2）`.
fn drop_asides(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    // The end of an aside that opened before the text (`（1月28日至2月4日）全国电影票房`, read from
    // after the date): what precedes it is no part of the name.
    let mut rest = match (t.find(['）', ')']), t.find(['（', '('])) {
        (Some(close), open) if open.is_none_or(|o| o > close) => {
            &t[close + t[close..].chars().next().map_or(1, char::len_utf8)..]
        }
        _ => t,
    };
    while let Some(open) = rest.find(['（', '(']) {
        out.push_str(&rest[..open]);
        let inner_start = open + rest[open..].chars().next().map_or(1, char::len_utf8);
        let Some(close) = rest[inner_start..].find(['）', ')']) else {
            // An aside still open at the figure: what follows it is no name.
            return out;
        };
        let inner = &rest[inner_start..inner_start + close];
        let n = inner.chars().count();
        let part_of_name = (n <= 2 && !inner.chars().any(|c| c.is_ascii_digit()))
            || (n <= 6 && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '&'));
        if part_of_name {
            out.push_str(inner);
        }
        rest = &rest[inner_start + close..];
        rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
    }
    out.push_str(rest);
    out
}

/// Whether a subject names a few of the places just listed, by count: `三省`, `三城`,
/// `5个省市`, `前三位省份`.
fn is_collective(t: &str) -> bool {
    let rest =
        t.trim_start_matches(|c: char| c.is_ascii_digit() || "一二两三四五六七八九十".contains(c));
    rest.len() < t.len()
        && [
            "省",
            "市",
            "城",
            "省市",
            "省份",
            "个省份",
            "个省市",
            "个城市",
            "地",
            "国",
            "个国家",
            "区",
        ]
        .contains(&rest)
}

fn ends_with_rate_noun(t: &str) -> bool {
    t.ends_with('率') || t.ends_with("指数") || t.ends_with("比率")
}

/// A text less the periods it names (`2024年全年社会消费品零售总额` → `社会消费品零售总额`).
/// A text less the periods it names (`全年总量` is 总量).
pub fn strip_periods(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut last = 0;
    for (r, _) in period::scan(t) {
        out.push_str(&t[last..r.start]);
        last = r.end;
    }
    out.push_str(&t[last..]);
    out
}

/// A subject less the connectors and place words that open its clause.
fn strip_connectors(t: &str) -> String {
    let mut s = t.trim().to_string();
    loop {
        let before = s.len();
        for c in lexicon::CONNECTORS {
            if let Some(rest) = s.strip_prefix(c) {
                // 在校生, 在园幼儿, 在建项目: 在 opening a name's state, not a place.
                let state = *c == "在"
                    && rest
                        .starts_with(['学', '园', '校', '读', '职', '岗', '册', '建', '营', '用']);
                if !rest.is_empty() && !state {
                    s = rest.to_string();
                }
            }
        }
        s = s.trim_start_matches(['，', '、', ' ']).to_string();
        if s.len() == before {
            break;
        }
    }
    // 在制造业中: a place, not a subject.
    s
}

/// `城镇、乡村消费品零售额` → `城镇消费品零售额`, `乡村消费品零售额`: a 、-list of names whose
/// shorter items share the last item's tail.
fn split_list(t: &str) -> Vec<String> {
    let items: Vec<&str> = t
        .split(['、', '和', '及'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let Some(last) = items.last() else {
        return Vec::new();
    };
    let last_chars: Vec<char> = last.chars().collect();
    // Where the last item's own modifier ends: after the last character the item before it
    // ends with (`第一产业、第二产业和服务业实际使用外资`: 服务业|实际使用外资), else as long as
    // the shorter items are (`城镇、乡村消费品零售额`: 乡村|消费品零售额).
    let before_last = items.len().checked_sub(2).map(|k| items[k]);
    let split = before_last
        .and_then(|b| b.chars().next_back())
        .and_then(|c| {
            last_chars[..last_chars.len().saturating_sub(2)]
                .iter()
                .position(|&d| d == c)
        })
        .map(|at| at + 1);
    items
        .iter()
        .map(|item| {
            let n = item.chars().count();
            let cut = split.unwrap_or(n);
            let tail: String = last_chars.iter().skip(cut).collect();
            // A tail of one character is no shared noun (`英国、阿联酋`).
            if n < last_chars.len()
                && items.len() > 1
                && tail.chars().count() >= 2
                && *item != *last
            {
                format!("{item}{tail}")
            } else {
                item.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
