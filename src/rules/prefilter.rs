//! Skipping what cannot match: every fact pattern knows sets of literals such that each of its
//! matches contains one literal of every set (`出口` and the amount's placeholder for
//! `出口(?:额)?{amount}`; `进出口|外贸`; at least the figure itself). One Aho-Corasick pass over an
//! article finds where the rule set's literals occur. A fact one of whose sets does not occur is
//! never searched; otherwise it is searched only where windows around every set's occurrences
//! overlap, its matches being bounded in length or unable to cross a line or clause break (a
//! pattern of Han characters and `、` never matches across a `，`). Results are identical to
//! searching the whole text — only faster.

use super::pattern::BARRIERS;
use super::{Fact, RuleSet};
use crate::document::chars::{ceil_char_boundary, floor_char_boundary};
use crate::document::ranges::merge;
use aho_corasick::AhoCorasick;
use std::collections::HashMap;
use std::ops::Range;

/// The literals of a rule set, searched in one pass.
#[derive(Debug)]
pub struct Prefilter {
    automaton: Option<AhoCorasick>,
    /// How many distinct literals the automaton knows.
    literals: usize,
    /// Each fact pattern's literal sets, each as automaton pattern numbers, by the pattern's
    /// regex key (ascending), so asking about a fact costs no string hashing.
    facts: Vec<(usize, Box<[LiteralSet]>)>,
}

/// Literals one of which a match contains, as automaton pattern numbers.
type LiteralSet = Box<[usize]>;

/// Where one article contains each literal.
#[derive(Debug)]
pub struct Present<'p> {
    prefilter: &'p Prefilter,
    /// Where each literal occurs, literal by literal, each literal's ascending by start (one
    /// list for all, so a scan's allocations do not grow with the literals found).
    hits: Vec<Range<usize>>,
    /// Literal `i`'s occurrences are `hits[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
    /// Where each of [`BARRIERS`] occurs, ascending.
    barriers: [Vec<usize>; BARRIERS.len()],
}

/// Where a fact's pattern must be searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Windows {
    /// The whole text.
    All,
    /// Only these disjoint byte ranges, ascending (empty: the pattern cannot match).
    Only(Vec<Range<usize>>),
}

impl Prefilter {
    pub fn new(rules: &RuleSet) -> Self {
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut literals: Vec<&str> = Vec::new();
        let mut facts = Vec::new();
        for fact in rules.rules.iter().flat_map(|r| &r.facts) {
            if fact.pattern.required.is_empty() {
                continue;
            }
            let sets = fact
                .pattern
                .required
                .iter()
                .map(|set| {
                    set.iter()
                        .map(|lit| {
                            *index.entry(lit.as_str()).or_insert_with(|| {
                                literals.push(lit.as_str());
                                literals.len() - 1
                            })
                        })
                        .collect()
                })
                .collect();
            facts.push((fact.pattern.regex.key(), sets));
        }
        facts.sort_unstable_by_key(|&(key, _)| key);
        Self {
            automaton: AhoCorasick::new(&literals).ok(),
            literals: literals.len(),
            facts,
        }
    }

    /// Scans a text once (overlapping matches, so no literal hides another).
    pub fn scan(&self, text: &str) -> Present<'_> {
        let mut found: Vec<(usize, Range<usize>)> = Vec::new();
        if let Some(ac) = &self.automaton {
            found.extend(
                ac.find_overlapping_iter(text)
                    .map(|m| (m.pattern().as_usize(), m.range())),
            );
        }
        // Grouped by literal with a counting sort. Matches come in the order they end, which for
        // one literal (one length) is the order they start: each literal's stay in text order.
        let mut starts = vec![0; self.literals + 1];
        for &(literal, _) in &found {
            starts[literal + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut hits = vec![0..0; found.len()];
        for (literal, range) in found {
            hits[next[literal]] = range;
            next[literal] += 1;
        }
        Present {
            prefilter: self,
            hits,
            starts,
            barriers: barriers(text),
        }
    }

    /// The fact's literal sets as automaton pattern numbers; `None` for a fact the prefilter
    /// was not built with (a rule added after it) or one without literals.
    fn literals_of(&self, fact: &Fact) -> Option<&[LiteralSet]> {
        let key = fact.pattern.regex.key();
        let at = self.facts.binary_search_by_key(&key, |&(k, _)| k).ok()?;
        Some(&self.facts[at].1)
    }
}

impl Present<'_> {
    /// Where literal `i` occurs, ascending by start.
    fn hits(&self, i: usize) -> &[Range<usize>] {
        &self.hits[self.starts[i]..self.starts[i + 1]]
    }

    /// The parts of `text` the fact's pattern must be searched in. Every match contains one
    /// literal of each of the fact's sets, so it lies around an occurrence of each set (see
    /// [`Present::around`]): in the windows all the sets share. A window is searched as a span
    /// of the whole text (look-arounds see past its edges), so it need not end where the text
    /// or a line does. A fact one of whose sets does not occur gets no window at all.
    pub fn windows(&self, fact: &Fact, text: &str) -> Windows {
        // A fact the prefilter does not know (from a rule added after it was built) may match
        // anywhere.
        let Some(sets) = self.prefilter.literals_of(fact) else {
            return Windows::All;
        };
        let mut sets: Vec<(usize, &[usize])> = sets
            .iter()
            .map(|set| (set.iter().map(|&i| self.hits(i).len()).sum(), &**set))
            .collect();
        if sets.iter().any(|&(hits, _)| hits == 0) {
            return Windows::Only(Vec::new());
        }
        // The rarest set makes the first windows; each other set narrows them, looking only at
        // its occurrences inside them (a match lies inside one window, so the occurrence it
        // contains does too), which costs little however common the set is.
        sets.sort_by_key(|&(hits, _)| hits);
        let first = sets[0].1.iter().flat_map(|&i| self.hits(i));
        let mut windows = self.around(text, first, fact);
        for &(_, set) in &sets[1..] {
            let Windows::Only(previous) = &windows else {
                // The fact's matches are unbounded: no set narrows them.
                break;
            };
            let mut narrowed = Vec::new();
            for w in previous {
                for &i in set {
                    let hits = self.hits(i);
                    let inside = &hits[hits.partition_point(|h| h.start < w.start)..];
                    for h in inside.iter().take_while(|h| h.start < w.end) {
                        if h.end <= w.end {
                            let r = self.around_one(text, h, fact);
                            let r = r.start.max(w.start)..r.end.min(w.end);
                            if r.start < r.end {
                                narrowed.push(r);
                            }
                        }
                    }
                }
            }
            windows = Windows::Only(merge(narrowed));
            if windows == Windows::Only(Vec::new()) {
                break;
            }
        }
        windows
    }

    /// Windows around these ranges of `text`, for a fact each of whose matches contains one of
    /// them: up to the fact's reach (its longest match) either side, and never past a barrier
    /// the fact cannot match. `All` when neither bounds the matches.
    pub fn around<'h>(
        &self,
        text: &str,
        hits: impl IntoIterator<Item = &'h Range<usize>>,
        fact: &Fact,
    ) -> Windows {
        if fact.pattern.reach.is_none() && fact.pattern.barriers == 0 {
            return Windows::All;
        }
        let ranges = hits.into_iter().map(|h| self.around_one(text, h, fact));
        Windows::Only(merge(ranges.collect()))
    }

    /// Where a match of the fact containing `hit` can lie (see [`Present::around`]).
    fn around_one(&self, text: &str, hit: &Range<usize>, fact: &Fact) -> Range<usize> {
        let (reach, barriers) = (fact.pattern.reach, fact.pattern.barriers);
        let (mut start, mut end) = match reach {
            Some(reach) => (
                floor_char_boundary(text, hit.start.saturating_sub(reach)),
                ceil_char_boundary(text, hit.end.saturating_add(reach)),
            ),
            None => (0, text.len()),
        };
        for (i, at) in self.barriers.iter().enumerate() {
            if barriers & 1 << i == 0 {
                continue;
            }
            // The hit is part of a match, so it holds no barrier of the fact's.
            let k = at.partition_point(|&p| p < hit.start);
            if let Some(&before) = k.checked_sub(1).and_then(|k| at.get(k)) {
                start = start.max(before + BARRIERS[i].len_utf8());
            }
            if let Some(&after) = at.get(k) {
                end = end.min(after);
            }
        }
        start..end.max(start)
    }
}

/// Where each of [`BARRIERS`] occurs in a text, ascending. Each is a line break or a full-width
/// sign, so only bytes that can begin one (found a machine word at a time) are looked at.
fn barriers(text: &str) -> [Vec<usize>; BARRIERS.len()] {
    let mut found: [Vec<usize>; BARRIERS.len()] = Default::default();
    let bytes = text.as_bytes();
    for at in memchr::memchr3_iter(b'\n', 0xE3, 0xEF, bytes) {
        // The first byte decides the character's length; `at` starts one, being one of these.
        let len = if bytes[at] == b'\n' { 1 } else { 3 };
        let Some(c) = text.get(at..at + len).and_then(|s| s.chars().next()) else {
            continue;
        };
        if let Some(i) = BARRIERS.iter().position(|&b| b == c) {
            found[i].push(at);
        }
    }
    found
}

/// Where one regex can match in a text: around the occurrences of literals one of which each of
/// its matches contains, up to its longest match either side. For a built-in regex searched
/// over every paragraph (the engine's periods), which no rule's prefilter covers.
#[derive(Debug)]
pub struct LiteralWindows {
    automaton: AhoCorasick,
    /// The regex's longest match, in bytes.
    reach: usize,
}

impl LiteralWindows {
    /// `None` for a regex whose matches are unbounded or contain no literal of a small set.
    pub fn new(hir: &regex_syntax::hir::Hir) -> Option<Self> {
        let reach = hir.properties().maximum_len()?;
        let literals = super::pattern::conjuncts(hir).into_iter().next()?;
        Some(Self {
            automaton: AhoCorasick::new(literals).ok()?,
            reach,
        })
    }

    /// Disjoint windows of `text`, ascending and on character boundaries, each match of the
    /// regex lying inside one (overlapping occurrences, so no literal hides another).
    pub fn windows(&self, text: &str) -> Vec<Range<usize>> {
        let around = |m: aho_corasick::Match| {
            floor_char_boundary(text, m.start().saturating_sub(self.reach))
                ..ceil_char_boundary(text, m.end().saturating_add(self.reach))
        };
        merge(
            self.automaton
                .find_overlapping_iter(text)
                .map(around)
                .collect(),
        )
    }
}

impl Windows {
    /// The parts of the text both window sets search. Both contain every match, each match
    /// inside one window of each; so each match lies inside one intersection.
    pub fn intersect(self, other: Windows) -> Windows {
        let (a, b) = match (self, other) {
            (Windows::All, w) | (w, Windows::All) => return w,
            (Windows::Only(a), Windows::Only(b)) => (a, b),
        };
        let (mut i, mut j, mut out) = (0, 0, Vec::new());
        while i < a.len() && j < b.len() {
            let start = a[i].start.max(b[j].start);
            let end = a[i].end.min(b[j].end);
            if start < end {
                out.push(start..end);
            }
            if a[i].end < b[j].end {
                i += 1;
            } else {
                j += 1;
            }
        }
        Windows::Only(out)
    }
}

#[cfg(test)]
mod tests {
    use super::Windows::{self, All, Only};

    #[test]
    fn intersections_keep_what_both_search() {
        let a = Only(vec![0..10, 20..30, 40..50]);
        let b = Only(vec![5..25, 28..45]);
        assert_eq!(
            a.clone().intersect(b),
            Only(vec![5..10, 20..25, 28..30, 40..45])
        );
        assert_eq!(a.clone().intersect(All), a);
        assert_eq!(All.intersect(a.clone()), a);
        assert_eq!(a.intersect(Only(vec![10..20, 30..40])), Only(Vec::new()));
        assert_eq!(All.intersect(All), Windows::All);
    }

    /// The barrier scan looks only at bytes that begin a line break or a character of U+3000–
    /// U+3FFF or U+F000–U+FFFF: every barrier must be one, and none be missed or misplaced.
    #[test]
    fn barriers_are_found_where_a_character_scan_finds_them() {
        let text = "一、出口：12。\n进口；3，4！5？ぁ（）！";
        let mut expected: [Vec<usize>; super::BARRIERS.len()] = Default::default();
        for (at, c) in text.char_indices() {
            if let Some(i) = super::BARRIERS.iter().position(|&b| b == c) {
                expected[i].push(at);
            }
        }
        assert!(expected.iter().all(|at| !at.is_empty()));
        assert_eq!(super::barriers(text), expected);
    }
}
