//! Binding facts to figures and evaluating checks.
//!
//! One mechanism for every rule and every family: each fact's pattern yields candidate items
//! (figures, or years for `{year}`); for every candidate of the anchor fact, each other fact
//! binds the nearest candidate in the same scope unit (sentence, paragraph or document,
//! optionally `within` N paragraphs) that is not already bound and agrees on the rule's `agree`
//! captures — or, for a `many: true` fact, every such candidate in text order. The check is then
//! evaluated on intervals under the strict reading (an error when it fails) and the natural one
//! (a warning).

pub mod eval;
pub mod examples;
mod explain;
pub mod shadow;
pub mod suppress;
mod verdict;

use crate::article::Article;
use crate::document::chars::{ceil_char_boundary, floor_char_boundary, is_clause_break};
use crate::lazy_regex::{Groups, LazyRegex};
use crate::rules::prefilter::{LiteralWindows, Present, Windows};
use crate::rules::{Fact, Rule, RuleSet, Scope, Severity};
pub use crate::value::ty_of;
pub use eval::Value;
pub use shadow::Item;
use shadow::Shadow;
use std::collections::HashSet;
use std::ops::Range;

/// The outcome of one check on one binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    /// Failed under the strict reading (the rule's severity) or only under the natural reading
    /// (a warning).
    Fail(Severity),
    /// The check could not be evaluated, and why.
    NotApplicable(String),
    /// The rule was not checked on this article because binding it would exceed
    /// [`WORK_LIMIT`]; reported as a [`NOT_CHECKED`] warning, never as an all-clear.
    Unchecked(String),
}

/// The built-in diagnostic for a rule skipped by the work limit.
pub const NOT_CHECKED: (&str, &str) = (
    "rule-not-checked",
    "a rule was not checked: too many candidate figures in one article",
);

/// The built-in diagnostic for a number too large or too precise to read.
pub const OUT_OF_RANGE: (&str, &str) = (
    "figure-out-of-range",
    "a number is beyond the range factlint computes with, so no check can use it",
);

/// Binding compares every anchor with every candidate of the other facts; an article that would
/// need more comparisons than this for one rule (100,000 figures in one paragraph) gets a
/// warning instead of minutes of work.
pub const WORK_LIMIT: usize = 20_000_000;

impl Verdict {
    pub fn name(&self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail(Severity::Error) => "fail",
            Verdict::Fail(Severity::Warning) => "warning",
            Verdict::NotApplicable(_) => "not-applicable",
            Verdict::Unchecked(_) => "not-checked",
        }
    }
}

/// One evaluated binding of a rule.
#[derive(Debug, Clone)]
pub struct Evaluation<'r> {
    pub rule: &'r Rule,
    /// (fact index, item) for every item bound, in the rule's fact order then text order.
    pub bound: Vec<(usize, Item)>,
    pub verdict: Verdict,
    /// The arithmetic in the article's own units: why it failed, or that it held.
    pub explanation: Option<String>,
    /// The values of the check's operands (scalars only).
    pub sides: Vec<Value>,
}

/// Which evaluations carry an explanation. Writing one out costs more than most checks do, and
/// `check` shows only the checks that failed unless asked for the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Explain {
    /// Every evaluation that reached its check (`facts`, `--show-passed`).
    All,
    /// Only the checks that failed: a passed one's explanation is `None`.
    Failures,
}

/// A discrepancy to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    pub labels: Vec<Label>,
}

impl Finding {
    /// Where the finding sorts: its first label.
    pub fn offset(&self) -> usize {
        self.labels.iter().map(|l| l.span.start).min().unwrap_or(0)
    }
}

/// A label on a figure: a byte range of the ORIGINAL file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Range<usize>,
    pub message: String,
}

/// A figure or year a fact's pattern matched.
#[derive(Debug, Clone)]
struct Candidate {
    item: Item,
    /// Start of the whole match in the shadow text.
    start: usize,
    paragraph: usize,
    sentence: usize,
    captures: Vec<(String, String)>,
    /// The text at the pattern's `{@fact.capture}`, if it has one.
    reference: Option<String>,
}

/// Evaluates every rule on an article.
pub fn evaluate<'r>(article: &Article, rules: &'r RuleSet) -> Vec<Evaluation<'r>> {
    evaluate_batch(&[article], rules, 1, Explain::All)
        .pop()
        .unwrap_or_default()
}

/// An article made ready for searching: its matching text and the literals it contains.
struct Prepared<'a> {
    article: &'a Article,
    shadow: Shadow,
    /// The prefilter's scan; `None` searches every fact over the whole text.
    present: Option<Present<'a>>,
    /// [`period_before`] of each normalized offset asked about: many facts of many rules bind
    /// the same figure, and finding its period means searching up to four paragraphs.
    /// (A mutex rather than a cell: the rules of one batch may be shared out among threads.)
    periods: std::sync::Mutex<std::collections::HashMap<usize, Option<String>>>,
    /// [`periods`] of each paragraph, found when first asked for: each figure's period is
    /// read off its paragraph's instead of searching the paragraph up to the figure again.
    paragraph_periods: Vec<std::sync::OnceLock<Vec<Range<usize>>>>,
}

impl<'a> Prepared<'a> {
    fn new(article: &'a Article, present: impl FnOnce(&str) -> Option<Present<'a>>) -> Self {
        let shadow = Shadow::new(article);
        let present = present(&shadow.text);
        Self {
            article,
            shadow,
            present,
            periods: Default::default(),
            paragraph_periods: article
                .document
                .segments
                .paragraphs
                .iter()
                .map(|_| Default::default())
                .collect(),
        }
    }

    fn period_before(&self, at: usize) -> Option<String> {
        // A panic elsewhere cannot leave the memo half-written: it only ever gains entries.
        let memo = || self.periods.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = memo().get(&at) {
            return known.clone();
        }
        let found = self.find_period_before(at);
        memo().entry(at).or_insert(found).clone()
    }

    /// The built-in `period` of a figure: the last period named before it in its paragraph (a
    /// period stated at the start of a paragraph governs its later sentences). A day of a month
    /// (`7月14日`) is a date, not a period.
    fn find_period_before(&self, at: usize) -> Option<String> {
        let (text, segments) = (&self.article.document.text, &self.article.document.segments);
        let index = segments.paragraph_at(at)?;
        // The figure's paragraph up to the figure; failing that, the nearest of the three
        // paragraphs before it (a story states its period once, then goes on).
        for (k, p) in (index.saturating_sub(3)..=index).rev().enumerate() {
            let range = segments.paragraphs.get(p)?;
            let end = if k == 0 { at } else { range.end };
            let start = floor_char_boundary(text, range.start.max(end.saturating_sub(MAX_CLAUSE)));
            let before = text.get(start..end)?;
            if let Some(period) = last_period(before, self.periods_in(p, start..end)) {
                return Some(period);
            }
        }
        None
    }

    /// [`periods`] of the text `within`, part of paragraph `p`.
    fn periods_in(&self, p: usize, within: Range<usize>) -> Vec<Range<usize>> {
        let text = &self.article.document.text;
        let paragraph = &self.article.document.segments.paragraphs[p];
        if within.start != paragraph.start {
            return periods(&text[within]);
        }
        let all = self.paragraph_periods[p].get_or_init(|| periods(&text[paragraph.clone()]));
        // The period pattern looks at nothing outside a match, and cutting a text only takes
        // matches away; so the paragraph's periods up to the cut are the cut text's (each
        // search from the same place finds the same leftmost match), and past them the cut
        // text's next match starts no sooner than the paragraph's next one.
        let cut = within.len();
        let ending = all.partition_point(|m| m.end <= cut);
        let mut found = all[..ending].to_vec();
        if let Some(next) = all.get(ending).filter(|m| m.start < cut) {
            let from = next.start;
            let rest = periods(&text[within.start + from..within.end]);
            found.extend(rest.into_iter().map(|m| m.start + from..m.end + from));
        }
        found
    }
}

/// Evaluates every rule on several articles: the evaluations of each, in article order, each
/// exactly what [`evaluate`] gives it alone, whatever `threads`.
///
/// The work runs rule by rule, and within a rule fact by fact, across the whole batch rather
/// than article by article: a search's cost is mostly fetching its regex's automaton into the
/// CPU caches, and running one regex over many articles in a row pays that once per batch
/// instead of once per article (2.3× less time on the generated corpus; see
/// docs/performance.md). With `threads` above one the rules are shared out among that many
/// threads: for a batch that would otherwise leave cores idle, such as a single article checked
/// in an editor, where compiling each rule's regexes is most of the time.
pub fn evaluate_batch<'r>(
    articles: &[&Article],
    rules: &'r RuleSet,
    threads: usize,
    explained: Explain,
) -> Vec<Vec<Evaluation<'r>>> {
    let prepared: Vec<Prepared> = articles
        .iter()
        .map(|&article| Prepared::new(article, |text| Some(rules.prefilter().scan(text))))
        .collect();
    let each: Vec<&'r Rule> = rules.rules.iter().collect();
    let by_rule = crate::parallel::map_on(threads, &each, |&rule| {
        let anchors = prepared
            .iter()
            .map(|p| search(p, &rule.facts[rule.anchor], None))
            .collect();
        let candidates = search_facts(rule, &prepared, anchors);
        prepared
            .iter()
            .zip(candidates)
            .map(|(p, facts)| {
                let mut evaluations = Vec::new();
                bind(p.article, rule, facts, explained, &mut evaluations);
                evaluations
            })
            .collect::<Vec<_>>()
    });
    let mut out: Vec<Vec<Evaluation>> = articles.iter().map(|_| Vec::new()).collect();
    for per_article in by_rule {
        for (evaluations, found) in out.iter_mut().zip(per_article) {
            evaluations.extend(found);
        }
    }
    out
}

/// Each article's candidates for each of the rule's facts, given its anchor's: one fact at a
/// time over every article whose anchor found something. An article without anchors needs no
/// other search and binds nothing: it gets no lists at all.
fn search_facts(
    rule: &Rule,
    prepared: &[Prepared],
    anchors: Vec<Vec<Candidate>>,
) -> Vec<Vec<Vec<Candidate>>> {
    let mut candidates: Vec<Vec<Vec<Candidate>>> = anchors
        .into_iter()
        .map(|found| {
            if found.is_empty() {
                return Vec::new();
            }
            let mut facts: Vec<Vec<Candidate>> = rule.facts.iter().map(|_| Vec::new()).collect();
            facts[rule.anchor] = found;
            facts
        })
        .collect();
    for (i, fact) in rule.facts.iter().enumerate() {
        if i == rule.anchor {
            continue;
        }
        for (p, facts) in prepared.iter().zip(&mut candidates) {
            if !facts.is_empty() {
                let names = referable_names(rule, fact, &facts[rule.anchor]);
                facts[i] = search(p, fact, names.as_deref());
            }
        }
    }
    candidates
}

/// Evaluates one rule on an article, searching the whole text (no prefilter: the reference
/// [`evaluate`] is checked against).
pub fn evaluate_rule<'r>(article: &Article, rule: &'r Rule) -> Vec<Evaluation<'r>> {
    let p = Prepared::new(article, |_| None);
    let anchors = vec![search(&p, &rule.facts[rule.anchor], None)];
    let mut out = Vec::new();
    for facts in search_facts(rule, std::slice::from_ref(&p), anchors) {
        bind(article, rule, facts, Explain::All, &mut out);
    }
    out
}

/// The normalized span of an item.
pub fn item_span(article: &Article, item: Item) -> Range<usize> {
    match item {
        Item::Figure(i) => article.figures.figures[i].span.clone(),
        Item::Year(i) => article.figures.dates[i].span.clone(),
    }
}

/// The labels of an evaluation: one per bound item, in text order.
pub fn labels(article: &Article, e: &Evaluation) -> Vec<Label> {
    let mut labels: Vec<Label> = e
        .bound
        .iter()
        .map(|&(fact, item)| Label {
            span: article.document.original(item_span(article, item)),
            message: e.rule.facts[fact].label.clone(),
        })
        .collect();
    labels.sort_by_key(|l| l.span.start);
    labels.dedup();
    labels
}

/// The findings of an article: failed evaluations, sorted by position.
pub fn findings(article: &Article, evaluations: &[Evaluation]) -> Vec<Finding> {
    let mut out: Vec<Finding> = evaluations
        .iter()
        .filter_map(|e| match e.verdict {
            Verdict::Fail(severity) => Some(Finding {
                rule: e.rule.id.clone(),
                severity,
                message: e.rule.message.clone(),
                help: e.explanation.clone().unwrap_or_default(),
                labels: labels(article, e),
            }),
            Verdict::Unchecked(ref why) => Some(Finding {
                rule: NOT_CHECKED.0.to_string(),
                severity: Severity::Warning,
                message: format!("rule `{}` was not checked: {why}", e.rule.id),
                help: "split the text into paragraphs, or disable the rule for this file".into(),
                labels: labels(article, e),
            }),
            _ => None,
        })
        .collect();
    out.extend(article.figures.out_of_range.iter().map(|range| {
        let text = &article.document.text[range.clone()];
        Finding {
            rule: OUT_OF_RANGE.0.to_string(),
            severity: Severity::Warning,
            message: format!(
                "{text} is beyond the numbers factlint computes with exactly; no check uses it"
            ),
            help: "factlint's decimals hold 28 significant digits, up to about 7.9×10^28".into(),
            labels: vec![Label {
                span: article.document.original(range.clone()),
                message: "out of range".into(),
            }],
        }
    }));
    out.sort_by(|a, b| {
        a.offset()
            .cmp(&b.offset())
            .then_with(|| a.rule.cmp(&b.rule))
    });
    out.dedup();
    out
}

/// Binds each anchor candidate to the other facts' candidates and evaluates the check.
/// `candidates`: each fact's candidates in text order; without anchors nothing binds.
fn bind<'r>(
    article: &Article,
    rule: &'r Rule,
    candidates: Vec<Vec<Candidate>>,
    explained: Explain,
    out: &mut Vec<Evaluation<'r>>,
) {
    if candidates.get(rule.anchor).is_none_or(Vec::is_empty) {
        return;
    }
    let anchor_fact = &rule.facts[rule.anchor];
    // Each fact's candidates by scope unit, so an anchor compares only those in its reach.
    let by_unit: Vec<UnitIndex> = candidates
        .iter()
        .map(|cs| UnitIndex::new(cs, rule.scope))
        .collect();
    let reach = |anchor: &Candidate| -> Option<(usize, usize)> {
        match rule.scope {
            Scope::Sentence => Some((anchor.sentence, anchor.sentence)),
            Scope::Paragraph => Some((anchor.paragraph, anchor.paragraph)),
            Scope::Document => rule.within.map(|w| {
                (
                    anchor.paragraph.saturating_sub(w as usize),
                    anchor.paragraph.saturating_add(w as usize),
                )
            }),
        }
    };
    let work: usize = candidates[rule.anchor]
        .iter()
        .map(|a| {
            by_unit
                .iter()
                .map(|index| index.count(reach(a)))
                .fold(0usize, usize::saturating_add)
        })
        .fold(0usize, usize::saturating_add);
    if work > WORK_LIMIT {
        let first = &candidates[rule.anchor][0];
        out.push(Evaluation {
            rule,
            bound: vec![(rule.anchor, first.item)],
            verdict: Verdict::Unchecked(format!(
                "{} anchor figures would need {work} comparisons with the figures in their reach (limit {WORK_LIMIT})",
                candidates[rule.anchor].len(),
            )),
            explanation: None,
            sides: Vec::new(),
        });
        return;
    }
    // A list anchor binds once per scope unit, from its first candidate there.
    let anchors: Vec<&Candidate> = if anchor_fact.many {
        let mut seen_units = HashSet::new();
        candidates[rule.anchor]
            .iter()
            .filter(|c| seen_units.insert((unit_key(rule, c), agree_key(rule, c))))
            .collect()
    } else {
        candidates[rule.anchor].iter().collect()
    };
    let mut seen: HashSet<Vec<(usize, Item)>> = HashSet::new();
    for anchor in anchors {
        let mut bound: Vec<Vec<&Candidate>> = vec![Vec::new(); rule.facts.len()];
        bound[rule.anchor] = if anchor_fact.many {
            candidates[rule.anchor]
                .iter()
                .filter(|c| {
                    same_unit(rule, anchor, c) && agree_key(rule, c) == agree_key(rule, anchor)
                })
                .collect()
        } else {
            vec![anchor]
        };
        let mut missing = None;
        for (i, fact_candidates) in candidates.iter().enumerate() {
            if i == rule.anchor {
                continue;
            }
            let pool: Vec<&Candidate> = by_unit[i]
                .within(reach(anchor))
                .map(|k| &fact_candidates[k])
                .filter(|c| same_unit(rule, anchor, c))
                .filter(|c| !rule.facts[i].before_anchor || c.start < anchor.start)
                .filter(|c| refers_to(rule, &rule.facts[i], anchor, c))
                .filter(|c| match rule.facts[i].scope {
                    Some(Scope::Sentence) => c.sentence == anchor.sentence,
                    Some(Scope::Paragraph) => c.paragraph == anchor.paragraph,
                    _ => true,
                })
                .filter(|c| !bound.iter().flatten().any(|b| b.item == c.item))
                .filter(|c| agrees(rule, &bound, c))
                .collect();
            if rule.facts[i].many {
                bound[i] = pool;
            } else if let Some(best) = pool.into_iter().min_by_key(|c| {
                // The same sentence, then the same paragraph, before mere distance: a table
                // row above must not outbid the figure beside the anchor.
                (
                    c.sentence != anchor.sentence,
                    c.paragraph != anchor.paragraph,
                    c.start.abs_diff(anchor.start),
                    c.start,
                )
            }) {
                bound[i] = vec![best];
            }
            if bound[i].is_empty() {
                missing = Some(i);
                break;
            }
        }
        let pairs: Vec<(usize, Item)> = bound
            .iter()
            .enumerate()
            .flat_map(|(i, cs)| cs.iter().map(move |c| (i, c.item)))
            .collect();
        if !seen.insert(pairs.clone()) {
            continue;
        }
        if let Some(i) = missing {
            out.push(Evaluation {
                rule,
                bound: pairs,
                verdict: Verdict::NotApplicable(format!(
                    "no `{}` found near the anchor",
                    rule.facts[i].name
                )),
                explanation: None,
                sides: Vec::new(),
            });
            continue;
        }
        let captures: Vec<(usize, String, String)> = bound
            .iter()
            .enumerate()
            .flat_map(|(i, cs)| {
                cs.iter().flat_map(move |c| {
                    c.captures
                        .iter()
                        .map(move |(n, v)| (i, n.clone(), v.clone()))
                })
            })
            .collect();
        out.push(verdict::evaluate_binding(
            article, rule, pairs, &captures, explained,
        ));
    }
}

/// A fact's candidates ordered by scope unit (the sentence for sentence-scoped rules, else the
/// paragraph), for the candidates within a range of units.
struct UnitIndex {
    /// (unit, index into the candidates), sorted.
    entries: Vec<(usize, usize)>,
}

impl UnitIndex {
    fn new(candidates: &[Candidate], scope: Scope) -> Self {
        let mut entries: Vec<(usize, usize)> = candidates
            .iter()
            .enumerate()
            .map(|(k, c)| match scope {
                Scope::Sentence => (c.sentence, k),
                _ => (c.paragraph, k),
            })
            .collect();
        entries.sort_unstable();
        Self { entries }
    }

    fn range(&self, paragraphs: Option<(usize, usize)>) -> &[(usize, usize)] {
        match paragraphs {
            None => &self.entries,
            Some((lo, hi)) => {
                let from = self.entries.partition_point(|&(p, _)| p < lo);
                let to = self.entries.partition_point(|&(p, _)| p <= hi);
                &self.entries[from..to.max(from)]
            }
        }
    }

    fn count(&self, paragraphs: Option<(usize, usize)>) -> usize {
        self.range(paragraphs).len()
    }

    /// Indices of the candidates in those units, in text order.
    fn within(&self, paragraphs: Option<(usize, usize)>) -> impl Iterator<Item = usize> {
        let mut ks: Vec<usize> = self.range(paragraphs).iter().map(|&(_, k)| k).collect();
        ks.sort_unstable();
        ks.into_iter()
    }
}

fn unit_key(rule: &Rule, c: &Candidate) -> usize {
    match rule.scope {
        Scope::Sentence => c.sentence,
        Scope::Paragraph => c.paragraph,
        Scope::Document => 0,
    }
}

/// Whether a candidate's `{@anchor.capture}` text names what the anchor captured: it ends with
/// it, or with it less a leading 全部/全国/我国 (占全部快递业务量 refers to 快递业务量).
fn refers_to(rule: &Rule, fact: &Fact, anchor: &Candidate, c: &Candidate) -> bool {
    let Some(r) = &fact.pattern.reference else {
        return true;
    };
    let Some(wanted) = anchor
        .captures
        .iter()
        .find(|(n, _)| *n == r.capture)
        .map(|(_, v)| v.as_str())
    else {
        return false;
    };
    let Some(text) = c.reference.as_deref() else {
        return false;
    };
    let wanted = canonical(rule, strip_name(wanted));
    wanted.chars().count() >= 2 && canonical(rule, strip_name(text)) == wanted
}

/// A name less a leading 我国/全国/全年/上半年…: 占全部快递业务量 refers to 快递业务量, never to
/// 同城快递业务量.
fn strip_name(t: &str) -> &str {
    const PREFIXES: [&str; 9] = [
        "全部",
        "我国",
        "全国",
        "全年",
        "今年",
        "去年",
        "上半年",
        "下半年",
        "前三季度",
    ];
    let mut t = t.trim();
    while let Some(rest) = PREFIXES.iter().find_map(|p| t.strip_prefix(p)) {
        t = rest;
    }
    t
}

/// Aliases name one thing: each name maps to the first of its group.
fn canonical(rule: &Rule, t: &str) -> String {
    rule.aliases
        .iter()
        .find(|group| group.iter().any(|g| g == t))
        .and_then(|group| group.first().cloned())
        .unwrap_or_else(|| t.to_string())
}

/// Every name a candidate's `{@anchor.capture}` text must contain to refer to one of these
/// anchors ([`refers_to`] compares the text less its prefixes, which is part of it, with an
/// anchor's name or an alias of it). `None`: the fact has no reference.
fn referable_names(rule: &Rule, fact: &Fact, anchors: &[Candidate]) -> Option<Vec<String>> {
    let r = fact.pattern.reference.as_ref()?;
    let mut names = std::collections::BTreeSet::new();
    for anchor in anchors {
        let Some((_, value)) = anchor.captures.iter().find(|(n, _)| *n == r.capture) else {
            continue;
        };
        let wanted = canonical(rule, strip_name(value));
        if wanted.chars().count() < 2 {
            continue;
        }
        for group in rule.aliases.iter().filter(|g| g.first() == Some(&wanted)) {
            names.extend(group.iter().cloned());
        }
        names.insert(wanted);
    }
    Some(names.into_iter().collect())
}

/// The values of the rule's `agree` captures a candidate has.
fn agree_key(rule: &Rule, c: &Candidate) -> Vec<Option<String>> {
    rule.agree
        .iter()
        .map(|name| {
            c.captures.iter().find(|(n, _)| n == name).map(|(_, v)| {
                // Group periods by their part of the year; the year is checked when binding.
                if name == "period" {
                    v.split_once('|')
                        .map_or(v.clone(), |(_, part)| part.to_string())
                } else {
                    v.clone()
                }
            })
        })
        .collect()
}

fn same_unit(rule: &Rule, anchor: &Candidate, c: &Candidate) -> bool {
    match rule.scope {
        Scope::Sentence => c.sentence == anchor.sentence,
        Scope::Paragraph => c.paragraph == anchor.paragraph,
        Scope::Document => rule
            .within
            .is_none_or(|w| c.paragraph.abs_diff(anchor.paragraph) <= w as usize),
    }
}

fn agrees(rule: &Rule, bound: &[Vec<&Candidate>], c: &Candidate) -> bool {
    rule.agree.iter().all(|name| {
        let Some(mine) = c.captures.iter().find(|(n, _)| n == name).map(|(_, v)| v) else {
            return true;
        };
        bound.iter().flatten().all(|b| {
            b.captures
                .iter()
                .find(|(n, _)| n == name)
                .is_none_or(|(_, v)| values_agree(name, v, mine))
        })
    })
}

/// The longest clause, and the farthest back a period is looked for, in bytes. A `not_after` or
/// `not_in_clause` context never crosses a clause break (full-width or ASCII: see
/// [`is_clause_break`]).
const MAX_CLAUSE: usize = 4096;

/// A fact's candidates in text order, searched where the prefilter (if any) says a match can
/// be. `names`: texts one of which the fact's `{@anchor.capture}` must contain (see
/// [`referable_names`]); only matches whose reference contains one count, so only windows
/// around those texts need searching.
fn search(p: &Prepared, fact: &Fact, names: Option<&[String]>) -> Vec<Candidate> {
    let (article, shadow) = (p.article, &p.shadow);
    let windows = p.present.as_ref().map_or(Windows::All, |present| {
        let windows = present.windows(fact, &shadow.text);
        match names {
            Some(names) if windows != Windows::Only(Vec::new()) => {
                let text = &article.document.text;
                let hits: Vec<Range<usize>> = names
                    .iter()
                    .filter(|n| !n.is_empty())
                    .flat_map(|n| text.match_indices(n.as_str()))
                    .map(|(i, n)| shadow.covering(article, i..i + n.len()))
                    .collect();
                windows.intersect(present.around(&shadow.text, &hits, fact))
            }
            _ => windows,
        }
    });
    candidates(p, fact, &windows, names)
}

fn candidates(
    p: &Prepared,
    fact: &Fact,
    windows: &Windows,
    names: Option<&[String]>,
) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    if windows == &Windows::Only(Vec::new()) {
        return out;
    }
    let mut seen = Seen::new(p.article);
    let mut groups = fact.pattern.regex.groups();
    let mut found = Found {
        groups: &mut groups,
        out: &mut out,
        seen: &mut seen,
    };
    match windows {
        Windows::All => candidates_in(p, fact, 0..p.shadow.text.len(), names, &mut found),
        Windows::Only(ws) => {
            for w in ws {
                candidates_in(p, fact, w.clone(), names, &mut found);
            }
        }
    }
    out
}

/// What a fact's search carries from window to window: the regex's groups (reused), the
/// candidates so far and the items they bind.
struct Found<'a> {
    groups: &'a mut Groups,
    out: &'a mut Vec<Candidate>,
    seen: &'a mut Seen,
}

/// The items a fact's search has bound, by index (a hash set cost more than the search).
struct Seen {
    figures: Vec<bool>,
    years: Vec<bool>,
}

impl Seen {
    fn new(article: &Article) -> Self {
        Self {
            figures: vec![false; article.figures.figures.len()],
            years: vec![false; article.figures.dates.len()],
        }
    }

    fn contains(&self, item: Item) -> bool {
        match item {
            Item::Figure(i) => self.figures.get(i),
            Item::Year(i) => self.years.get(i),
        }
        .is_some_and(|&b| b)
    }

    fn insert(&mut self, item: Item) {
        if let Some(b) = match item {
            Item::Figure(i) => self.figures.get_mut(i),
            Item::Year(i) => self.years.get_mut(i),
        } {
            *b = true;
        }
    }
}

fn candidates_in(
    p: &Prepared,
    fact: &Fact,
    window: Range<usize>,
    names: Option<&[String]>,
    found: &mut Found,
) {
    let (article, shadow) = (p.article, &p.shadow);
    let Found { groups, out, seen } = found;
    // Matches lie within the window; look-arounds see the whole text either side of it.
    let text = shadow.text.as_str();
    let mut pos = window.start;
    while pos <= window.end {
        if !fact
            .pattern
            .regex
            .captures_in(text, pos..window.end, groups)
        {
            break;
        }
        let Some(whole) = groups.whole() else {
            break;
        };
        pos = whole.start + text[whole.start..].chars().next().map_or(1, char::len_utf8);
        let Some(g) = fact
            .pattern
            .macros
            .iter()
            .find_map(|m| groups.name(&m.group))
        else {
            continue;
        };
        let Some(item) = shadow.item(g.start) else {
            continue;
        };
        let reference = groups
            .name("__ref")
            .map(|m| strip_placeholders(article, shadow, m));
        if let (Some(names), Some(text)) = (names, &reference) {
            if !names.iter().any(|n| text.contains(n.as_str())) {
                continue;
            }
        }
        // The first match that binds a figure (and may name an anchor) is its candidate.
        if seen.contains(item) {
            continue;
        }
        if let (Some(unit), Item::Figure(i)) = (&fact.unit, item) {
            if article.figures.figures[i].unit != *unit {
                continue;
            }
        }
        // Clauses are searched for at most MAX_CLAUSE bytes either side, so a megabyte without
        // punctuation costs linear time, not quadratic.
        let clause_before = |at: usize| {
            let lo = floor_char_boundary(text, at.saturating_sub(MAX_CLAUSE));
            text[lo..at]
                .rfind(|c| is_clause_break(c, true))
                .map_or(lo, |i| {
                    lo + i + text[lo + i..].chars().next().map_or(1, char::len_utf8)
                })
        };
        let clause_after = |at: usize| {
            let hi = ceil_char_boundary(text, at.saturating_add(MAX_CLAUSE));
            text[at..hi]
                .find(|c| is_clause_break(c, true))
                .map_or(hi, |i| at + i)
        };
        let match_clause_start = clause_before(whole.start);
        if fact
            .not_after
            .as_ref()
            .is_some_and(|r| r.is_match(&text[match_clause_start..whole.start]))
        {
            continue;
        }
        if fact
            .not_in_match
            .as_ref()
            .is_some_and(|r| r.is_match(&text[whole.clone()]))
        {
            continue;
        }
        // The clause of the bound figure itself.
        let figure_clause = &text[clause_before(g.start)..clause_after(g.end)];
        if fact
            .not_in_clause
            .as_ref()
            .is_some_and(|r| r.is_match(figure_clause))
        {
            continue;
        }
        if fact
            .in_clause
            .as_ref()
            .is_some_and(|r| !r.is_match(figure_clause))
        {
            continue;
        }
        if let Item::Figure(i) = item {
            let qualified = matches!(
                article.figures.figures[i].qualifier,
                Some(crate::figure::Qualifier::AtLeast | crate::figure::Qualifier::AtMost)
            );
            if fact.unqualified && qualified {
                continue;
            }
        }
        let segments = &article.document.segments;
        let at = item_span(article, item).start;
        if let Some((guard, within, after)) = &fact.near {
            let here = segments.paragraph_at(at).unwrap_or(0);
            let lo = if *after {
                here
            } else {
                here.saturating_sub(*within as usize)
            };
            let hi = (here + *within as usize).min(segments.paragraphs.len().saturating_sub(1));
            let found = (lo..=hi).any(|q| {
                segments
                    .paragraphs
                    .get(q)
                    .is_some_and(|r| guard.is_match(&article.document.text[r.clone()]))
            });
            if !found {
                continue;
            }
        }
        let mut captures: Vec<(String, String)> = fact
            .pattern
            .capture_names
            .iter()
            .filter(|n| !n.starts_with("__"))
            .filter_map(|n| {
                groups
                    .name(n)
                    .map(|m| (n.to_string(), strip_placeholders(article, shadow, m)))
            })
            .collect();
        // The built-in `period`: the last period the sentence names before the figure.
        if !captures.iter().any(|(n, _)| n == "period") {
            if let Some(period) = p.period_before(at) {
                captures.push(("period".to_string(), period));
            }
        }
        seen.insert(item);
        out.push(Candidate {
            reference,
            item,
            start: whole.start,
            paragraph: segments.paragraph_at(at).unwrap_or(0),
            sentence: segments.sentence_at(at).unwrap_or(0),
            captures,
        });
    }
}

/// Periods copy names: years, flows (上半年, 6月份, 1至5月) and points in time (6月末). Digits
/// are ASCII, as normalizing leaves every digit a figure can have (Unicode's `\d` is over 60
/// ranges, which made this the costliest regex of a cold run).
const PERIOD: &str = r"[0-9]{4}年|上半年|下半年|全年|前三季度|[一二三四1-4]季度|[0-9]{1,2}(?:至|到|-|—|－|~|～)[0-9]{1,2}月|前[0-9]{1,2}个?月|[0-9]{1,2}月(?:份|末|底)?|年末|年底|年初|春节|国庆|五一|端午|中秋|元旦|春运|暑运|暑期";

/// The period regex, and where in a text it can match (each period contains 年, 月, 季度 or a
/// holiday's name, so it is searched around those only).
fn period_search() -> &'static (LazyRegex, Option<LiteralWindows>) {
    static SEARCH: std::sync::OnceLock<(LazyRegex, Option<LiteralWindows>)> =
        std::sync::OnceLock::new();
    SEARCH.get_or_init(|| {
        let regex = LazyRegex::built_in(PERIOD);
        let windows = regex.hir().and_then(LiteralWindows::new);
        (regex, windows)
    })
}

/// Compiles the period regex and its literal windows now, ahead of the first article.
pub fn prepare_periods() {
    period_search().0.prepare();
}

/// The periods a text names, left to right, as `find_iter` gives them (none is empty).
fn periods(text: &str) -> Vec<Range<usize>> {
    let (regex, windows) = period_search();
    let spans = windows.as_ref().map_or_else(
        || std::iter::once(0..text.len()).collect(),
        |w| w.windows(text),
    );
    let mut groups = regex.groups();
    let mut found = Vec::new();
    let mut at = 0;
    // Each match lies inside one window, so searching the windows in turn finds what one
    // search of the whole text would.
    for span in spans {
        at = at.max(span.start);
        while at < span.end && regex.captures_in(text, at..span.end, &mut groups) {
            let Some(whole) = groups.whole().filter(|m| !m.is_empty()) else {
                return found;
            };
            at = whole.end;
            found.push(whole);
        }
    }
    found
}

/// The last period named in a text, as `year|part`, given [`periods`] of the text.
fn last_period(before: &str, periods: Vec<Range<usize>>) -> Option<String> {
    let found: Vec<Range<usize>> = periods
        .into_iter()
        .filter(|m| {
            let rest = &before[m.end..];
            !(before[m.clone()].ends_with('月') && rest.starts_with(|c: char| c.is_ascii_digit()))
        })
        .collect();
    let last = found.last()?;
    let is_year = |m: &Range<usize>| {
        m.len() == "2024年".len() && before[m.clone()].starts_with(|c: char| c.is_ascii_digit())
    };
    // `2024年全年` and `2024年` are the same period; `2025年上半年` keeps its year.
    let (year, part) = if is_year(last) {
        (before[last.clone()].trim_end_matches('年'), "")
    } else {
        let year = found
            .len()
            .checked_sub(2)
            .map(|i| &found[i])
            .filter(|y| is_year(y) && y.end == last.start)
            .map_or("", |y| before[y.clone()].trim_end_matches('年'));
        (year, &before[last.clone()])
    };
    let part = if part == "全年" { "" } else { part };
    Some(format!("{year}|{part}"))
}

/// Whether two values of an `agree` capture agree. Periods agree when they name the same part of
/// the year and, where both give one, the same year (`2025年上半年` and `上半年`).
fn values_agree(name: &str, a: &str, b: &str) -> bool {
    if name != "period" {
        return a == b;
    }
    match (a.split_once('|'), b.split_once('|')) {
        (Some((ya, pa)), Some((yb, pb))) => {
            pa == pb && (ya == yb || ya.is_empty() || yb.is_empty())
        }
        _ => a == b,
    }
}

/// A capture's text with placeholders turned back into the figures they stand for.
fn strip_placeholders(article: &Article, shadow: &Shadow, range: Range<usize>) -> String {
    let mut out = String::new();
    for (i, c) in shadow.text[range.clone()].char_indices() {
        match shadow.item(range.start + i) {
            Some(item) => out.push_str(&article.document.text[item_span(article, item)]),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Texts of period words, their parts and their neighbours, paragraphs among them.
    fn period_pieces() -> impl Strategy<Value = String> {
        let lines = [
            "2024年 2025 年 上半年 全年 前三季度 三季度 季度 1 12 至 — - 月 份 末 前 个",
            "春节 暑期 五一 中 国 ， 。 6月份 1至5月 前12个月 12—12月 2024年末 12月底",
        ];
        let words = lines.iter().flat_map(|line| line.split_whitespace());
        let pieces: Vec<&str> = words.chain(["\n\n"]).collect();
        proptest::collection::vec(prop::sample::select(pieces), 0..40)
            .prop_map(|pieces| pieces.concat())
    }

    proptest! {
        /// Searching the windows around the period literals finds what one search of the
        /// whole text finds.
        #[test]
        fn periods_are_found_as_a_whole_text_search_finds_them(text in period_pieces()) {
            prop_assert!(period_search().1.is_some());
            let whole: Vec<_> = regex::Regex::new(PERIOD)
                .unwrap()
                .find_iter(&text)
                .map(|m| m.range())
                .collect();
            prop_assert_eq!(periods(&text), whole);
        }

        /// A paragraph's periods, cut at any point, are what a search of the cut text finds.
        #[test]
        fn periods_read_off_the_paragraph_are_the_cut_texts(text in period_pieces()) {
            let article = Article::new("t", text, &crate::figure::ReadOptions::default());
            let prepared = Prepared::new(&article, |_| None);
            let text = &article.document.text;
            for (p, paragraph) in article.document.segments.paragraphs.iter().enumerate() {
                let inside = &text[paragraph.clone()];
                let ends = inside.char_indices().map(|(i, _)| i).skip(1).chain([inside.len()]);
                for end in ends {
                    let within = paragraph.start..paragraph.start + end;
                    prop_assert_eq!(
                        prepared.periods_in(p, within.clone()),
                        periods(&text[within])
                    );
                }
            }
        }
    }
}
