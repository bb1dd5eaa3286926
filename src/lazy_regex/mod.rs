//! Regexes — the rules' and factlint's own date and period patterns — compiled on first use, in
//! two steps, and searched with per-thread caches under a memory budget.
//!
//! A regex's search state (above all its lazy DFA, which grows a transition table as it meets new
//! text) lives in a cache. The `regex` crate keeps one per regex per thread in a pool nobody can
//! empty, so with hundreds of rule regexes the caches grew with the variety of the text: most of
//! the process's memory on a large corpus. Here each thread keeps its caches itself and counts
//! the bytes they use (each at its high-water mark); past its share of [`CACHE_BUDGET`] it drops
//! the caches it used most recently, as the lazy DFA clears its own cache when it fills. The
//! count leaves out the allocations' growth slack (up to as much again), but it no longer grows
//! with the corpus.

pub mod lite;

use regex_automata::meta;
use regex_automata::util::captures::Captures;
use regex_automata::Input;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use lite::{LitePlan, LiteRegex};

/// A mistake in a pattern, located within it.
#[derive(Debug, Clone)]
pub struct PatternError {
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

/// Regexes compiled from rules may not grow beyond this (bytes of compiled program); each lazy
/// DFA may use as much for its transition table before it clears it.
pub(crate) const SIZE_LIMIT: usize = 1 << 20;

/// The bytes the regex caches of the searching threads may use together, as long as each
/// thread's share is at least [`MIN_THREAD_BUDGET`] (more threads than two get that much each,
/// see [`share_cache_budget`]); past its share a thread drops caches, the most recently used
/// first. The shipped pack's working set over the generated 200 MB corpus is more than a
/// thread's share, so this costs speed for memory that no corpus can grow: at `-j2` that corpus
/// takes about 28 s and peaks at about 87 MiB (91 decimal MB), against 20–21 s and 120 MiB with
/// no budget. See docs/performance.md.
pub const CACHE_BUDGET: usize = 20 << 20;

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);
static SEARCHING_THREADS: AtomicUsize = AtomicUsize::new(1);

/// No thread's share of [`CACHE_BUDGET`] falls below this: with many threads (a 64-core machine)
/// a thin share would evict on every batch and rebuild the same automata over and over.
pub const MIN_THREAD_BUDGET: usize = 10 << 20;

/// Splits [`CACHE_BUDGET`] between this many searching threads (1 unless told otherwise), so the
/// caches' memory does not grow with `-j` up to two threads, and grows by at most
/// [`MIN_THREAD_BUDGET`] per thread beyond.
pub fn share_cache_budget(threads: usize) {
    SEARCHING_THREADS.store(threads.max(1), Ordering::Relaxed);
}

fn thread_budget() -> usize {
    (CACHE_BUDGET / SEARCHING_THREADS.load(Ordering::Relaxed).max(1)).max(MIN_THREAD_BUDGET)
}

/// A regex compiled on first use, in two steps. Compiling the shipped pack's regexes is most of
/// factlint's start-up time, and a rule whose literals an article lacks never needs its regex; so
/// patterns are parsed and size-checked when rules load (errors still point at the YAML) and
/// compiled when first searched. A pattern whose size bound comes near the limit is compiled at
/// load, so an oversized pattern is a rule-file error, not a surprise at check time.
///
/// The first build is the quick one: regex-lite, which keeps classes as ranges of code points
/// and compiles about eight times faster than regex-automata (`super::lite`). Where regex-lite
/// cannot match alike (Unicode word boundaries, bytes beyond ASCII), or for a look-ahead pattern
/// searched in a span that ends before its haystack, it is regex-automata's forward automaton
/// and the engines that run it directly (backtracker, PikeVM), without the lazy DFAs that need a
/// reversed automaton too. Either is slower per byte, so once a regex has read [`QUICK_BYTES`]
/// of text (one article or a few; a whole corpus soon gets there), or is handed a span that
/// would take it past them, it gets the full build. All find the same matches (property-tested
/// against regex-automata on random patterns and spans). Should the full build fail (its
/// reversed automaton can outgrow the limit where the forward one fits), the quick build goes
/// on serving.
#[derive(Debug)]
pub struct LazyRegex {
    /// The pattern as handed to the parser (macros expanded): what the shipped pack stores.
    pattern: String,
    /// The pattern parsed: when the rules loaded from YAML (so compiling does not parse it
    /// again), or, for a regex read from the shipped pack (parsed when the pack was made), when
    /// regex-automata first builds it. `None` if it does not parse (a corrupt pack): it matches
    /// nothing.
    hir: OnceLock<Option<regex_syntax::hir::Hir>>,
    /// This regex's slots in each thread's caches: `id` for the quick build, `id + 1` for the
    /// full one.
    id: usize,
    quick: Mutex<Quick>,
    /// `None` once the full build has failed.
    full: OnceLock<Option<meta::Regex>>,
    /// Bytes the quick build has read so far, by every thread: each search counts from where it
    /// starts to the end of its match, or of its span if it finds none. (Counting the spans
    /// instead gave a pattern searched at each item of a list, such as `(?:“[^”]{1,30}”){2,}`,
    /// its costly full build after three searches of one article.)
    searched: AtomicUsize,
    /// The most bytes one search can read, whatever it is handed: bounded for a pattern anchored
    /// at the start of its haystack with a bounded length (a date pattern tried at a figure is
    /// handed the rest of the article and reads a few bytes of it).
    reads_at_most: OnceLock<usize>,
    /// What the quick build is made from (`None`: regex-lite cannot match alike): from the HIR,
    /// or as the shipped pack stored it.
    plan: OnceLock<Option<LitePlan>>,
}

/// The bytes of text a regex reads with its quick build before it gets the full one. Past
/// this the full build (about 100 µs more per regex, and lazy DFA caches that compete for the
/// thread's share of [`CACHE_BUDGET`]) costs less than the slower searches. 128 KB rather than
/// 32: on the generated 10 MB corpus 67 regexes get a full build instead of 176, and on two
/// threads their caches then fit each thread's half of the budget instead of being dropped 45
/// times (−14% at `-j2`, one thread within noise; see docs/performance.md).
pub const QUICK_BYTES: usize = 128 << 10;

/// A match's groups, reused from search to search; made by the first search, from the build it
/// uses (both number the groups alike).
#[derive(Debug, Default)]
pub struct Groups {
    caps: Option<Captures>,
    /// regex-lite's groups, which the quick build copies into `caps`.
    lite: Option<regex_lite::CaptureLocations>,
}

impl Groups {
    /// The whole match.
    pub fn whole(&self) -> Option<Range<usize>> {
        self.caps.as_ref()?.get_match().map(|m| m.range())
    }

    /// A group by number (0 is the whole match), if it took part in the match.
    pub fn get(&self, group: usize) -> Option<Range<usize>> {
        self.caps.as_ref()?.get_group(group).map(|s| s.range())
    }

    /// A named group, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Range<usize>> {
        self.caps
            .as_ref()?
            .get_group_by_name(name)
            .map(|s| s.range())
    }
}

/// The quick build's life: built on first search, retired when the full build arrives (its
/// automaton is as large as the full build's forward one, and every regex lives as long as the
/// process: keeping both cost 6 MiB of peak memory on the 200 MB corpus).
#[derive(Debug)]
enum Quick {
    Unbuilt,
    Built(Arc<QuickBuild>),
    Retired,
}

/// The quick build: regex-lite where it matches alike (`super::lite`), else regex-automata
/// without its DFAs.
#[derive(Debug)]
enum QuickBuild {
    Lite {
        lite: LiteRegex,
        /// For the searches regex-lite cannot answer alike (a pattern that looks ahead, searched
        /// in a span that ends before its haystack): regex-automata's quick build, made when
        /// first needed.
        automata: OnceLock<meta::Regex>,
    },
    Automata(meta::Regex),
}

/// Which build searches.
#[derive(Clone, Copy)]
enum Build {
    Quick,
    Full,
}

/// A build picked to search with: the quick one is shared, so that retiring it cannot pull it
/// from under a search.
enum Picked<'a> {
    Quick(Arc<QuickBuild>),
    Full(&'a meta::Regex),
}

/// A regex as the shipped pack stores it (`src/rules/pack.rs`): its pattern, with what its
/// quick build needs worked out already; it is compiled when first searched, and parsed only
/// for regex-automata's builds.
#[derive(serde::Serialize, serde::Deserialize)]
struct Stored {
    pattern: String,
    plan: Option<LitePlan>,
    reads_at_most: usize,
}

impl serde::Serialize for LazyRegex {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Only when the pack is made: the copies cost nothing that matters.
        Stored {
            pattern: self.pattern.clone(),
            plan: self.plan().cloned(),
            reads_at_most: self.reads_at_most(),
        }
        .serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for LazyRegex {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let stored = Stored::deserialize(deserializer)?;
        let regex = Self::unparsed(stored.pattern);
        let _ = regex.plan.set(stored.plan);
        let _ = regex.reads_at_most.set(stored.reads_at_most);
        Ok(regex)
    }
}

impl LazyRegex {
    /// `hir`: `pattern` parsed with regex-syntax's defaults (what `regex::Regex::new` uses);
    /// `compile_now`: compile at once (and fail now if the pattern is too large); `user_len`: the
    /// length of the pattern as written, which a compile error spans.
    pub(crate) fn new(
        pattern: String,
        hir: regex_syntax::hir::Hir,
        compile_now: bool,
        user_len: usize,
    ) -> Result<Self, PatternError> {
        let full = OnceLock::new();
        if compile_now {
            let _ = full.set(Some(compile(&hir, Build::Full, user_len)?));
        }
        Ok(Self::with(pattern, OnceLock::from(Some(hir)), full))
    }

    /// A regex read from the shipped pack: parsed and compiled when first searched. The pack
    /// holds only patterns that compiled when it was made (`src/rules/pack.rs`).
    pub(crate) fn unparsed(pattern: String) -> Self {
        Self::with(pattern, OnceLock::new(), OnceLock::new())
    }

    fn with(
        pattern: String,
        hir: OnceLock<Option<regex_syntax::hir::Hir>>,
        full: OnceLock<Option<meta::Regex>>,
    ) -> Self {
        Self {
            pattern,
            hir,
            id: NEXT_ID.fetch_add(2, Ordering::Relaxed),
            quick: Mutex::new(Quick::Unbuilt),
            full,
            searched: AtomicUsize::new(0),
            reads_at_most: OnceLock::new(),
            plan: OnceLock::new(),
        }
    }

    /// The pattern as handed to the parser, macros expanded.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// Whether the pattern has been parsed (the quick build of a regex from the pack needs not).
    #[cfg(test)]
    pub(crate) fn is_parsed(&self) -> bool {
        self.hir.get().is_some()
    }

    pub(crate) fn hir(&self) -> Option<&regex_syntax::hir::Hir> {
        self.hir
            .get_or_init(|| regex_syntax::parse(&self.pattern).ok())
            .as_ref()
    }

    /// One build of this regex; one that cannot be made (the pattern no longer parses, or its
    /// full build outgrows the limit) is an error.
    fn build(&self, build: Build) -> Option<meta::Regex> {
        compile(self.hir()?, build, 0).ok()
    }

    /// A number no other regex of this process has: tables keyed by regex need no pattern text.
    pub fn key(&self) -> usize {
        self.id
    }

    /// Compiles now the build its first search would use, so a core that would otherwise idle
    /// can do it ahead of that search.
    pub fn prepare(&self) {
        drop(self.pick(0));
    }

    /// Whether the regex has been compiled (at load, for a large pattern, or by a search).
    pub fn is_compiled(&self) -> bool {
        self.full.get().is_some() || !matches!(*self.quick_state(), Quick::Unbuilt)
    }

    fn quick_state(&self) -> std::sync::MutexGuard<'_, Quick> {
        // The state is whole whatever a panicking thread was doing: poison means nothing here.
        self.quick.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The quick build, compiled now if need be (under the lock, so once); the full build if
    /// the quick one has been retired for it. A pattern that passed the load-time bound
    /// compiles within the limit; should it still fail, it matches nothing rather than
    /// panicking.
    fn quick(&self) -> Picked<'_> {
        let mut state = self.quick_state();
        match &*state {
            Quick::Built(re) => return Picked::Quick(Arc::clone(re)),
            Quick::Unbuilt => {
                let lite = self
                    .plan()
                    .and_then(|plan| LiteRegex::new(plan, SIZE_LIMIT));
                let re = Arc::new(match lite {
                    Some(lite) => QuickBuild::Lite {
                        lite,
                        automata: OnceLock::new(),
                    },
                    None => QuickBuild::Automata(self.build(Build::Quick).unwrap_or_else(never)),
                });
                *state = Quick::Built(Arc::clone(&re));
                return Picked::Quick(re);
            }
            Quick::Retired => {}
        }
        drop(state);
        self.full().map_or_else(|| self.quick(), Picked::Full)
    }

    /// The full build, compiled now if need be, which retires the quick one; `None` if it
    /// failed (the quick build then stays).
    fn full(&self) -> Option<&meta::Regex> {
        let full = self.full.get_or_init(|| self.build(Build::Full)).as_ref()?;
        *self.quick_state() = Quick::Retired;
        Some(full)
    }

    /// A regex for a built-in pattern (a constant of factlint's own, which its tests compile).
    pub fn built_in(pattern: &str) -> Self {
        let hir = regex_syntax::parse(pattern).expect("built-in pattern parses");
        Self::new(pattern.to_string(), hir, false, pattern.len()).expect("built-in pattern fits")
    }

    pub(crate) fn plan(&self) -> Option<&LitePlan> {
        self.plan
            .get_or_init(|| self.hir().and_then(LitePlan::of))
            .as_ref()
    }

    pub(crate) fn reads_at_most(&self) -> usize {
        *self.reads_at_most.get_or_init(|| {
            let Some(hir) = self.hir() else {
                return usize::MAX;
            };
            let props = hir.properties();
            match props.maximum_len() {
                // A look at the end may read one character past the match.
                Some(max)
                    if props
                        .look_set_prefix()
                        .contains(regex_syntax::hir::Look::Start) =>
                {
                    max.saturating_add(4)
                }
                _ => usize::MAX,
            }
        })
    }

    /// The build to search up to `len` more bytes with: the quick one while what it has read
    /// so far and `len` stay within [`QUICK_BYTES`].
    fn pick(&self, len: usize) -> Picked<'_> {
        match self.full.get() {
            Some(Some(full)) => Picked::Full(full),
            Some(None) => self.quick(),
            None => {
                let before = self.searched.load(Ordering::Relaxed);
                if before.saturating_add(len.min(self.reads_at_most())) <= QUICK_BYTES {
                    self.quick()
                } else {
                    self.full().map_or_else(|| self.quick(), Picked::Full)
                }
            }
        }
    }

    /// Counts bytes a quick search read towards [`QUICK_BYTES`].
    fn charge(&self, read: usize) {
        let read = read.min(self.reads_at_most());
        self.searched.fetch_add(read, Ordering::Relaxed);
    }

    /// regex-automata's quick build where regex-lite's cannot answer a search.
    fn automata_quick<'q>(&self, automata: &'q OnceLock<meta::Regex>) -> &'q meta::Regex {
        automata.get_or_init(|| self.build(Build::Quick).unwrap_or_else(never))
    }

    /// Whether the regex matches anywhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        // Not an earliest-match search: the lazy DFA's can miss an empty match next to a
        // multi-byte character (`元|(?-u:\B)` on "2元a"), where the other engines find it.
        let search = |re: &meta::Regex, cache: &mut meta::Cache| {
            re.search_half_with(cache, &Input::new(haystack)).is_some()
        };
        match self.pick(haystack.len()) {
            Picked::Full(re) => with_cache(self.id, Build::Full, re, search),
            Picked::Quick(quick) => {
                self.charge(haystack.len());
                match &*quick {
                    QuickBuild::Lite { lite, .. } => lite.is_match(haystack),
                    QuickBuild::Automata(re) => with_cache(self.id, Build::Quick, re, search),
                }
            }
        }
    }

    /// Groups to pass to [`LazyRegex::captures_at`].
    pub fn groups(&self) -> Groups {
        Groups::default()
    }

    /// The leftmost-first match starting at or after `start` (look-arounds still see the text
    /// before it), its groups written to `groups`; false if there is none.
    pub fn captures_at(&self, haystack: &str, start: usize, groups: &mut Groups) -> bool {
        self.captures_in(haystack, start..haystack.len(), groups)
    }

    /// The leftmost-first match lying within `span` of `haystack`, its groups written to
    /// `groups`; false if there is none. Look-arounds see the whole haystack, so `\b`, `^` and
    /// `$` at the span's edges answer as they would in a search of the whole text.
    pub fn captures_in(&self, haystack: &str, span: Range<usize>, groups: &mut Groups) -> bool {
        let (build, quick) = match self.pick(span.len()) {
            Picked::Full(re) => {
                return with_cache(self.id, Build::Full, re, |re, cache| {
                    search_automata(re, cache, haystack, span, &mut groups.caps)
                })
            }
            Picked::Quick(quick) => (Build::Quick, quick),
        };
        let re = match &*quick {
            QuickBuild::Lite { lite, automata } => {
                let answer =
                    lite.captures_in(haystack, span.clone(), &mut groups.caps, &mut groups.lite);
                match answer {
                    Some(found) => return self.charged(found, span, groups),
                    None => self.automata_quick(automata),
                }
            }
            QuickBuild::Automata(re) => re,
        };
        let found = with_cache(self.id, build, re, |re, cache| {
            search_automata(re, cache, haystack, span.clone(), &mut groups.caps)
        });
        self.charged(found, span, groups)
    }

    /// Charges a quick search with what it read: up to its match's end, or its whole span.
    fn charged(&self, found: bool, span: Range<usize>, groups: &Groups) -> bool {
        let end = groups.whole().filter(|_| found).map_or(span.end, |m| m.end);
        self.charge(end.saturating_sub(span.start));
        found
    }
}

/// One thread's caches, by regex id, and the bytes they hold. Ids are never reused, so a cache
/// always belongs to the regex that made it; boxed, an empty slot costs 16 bytes.
struct Caches {
    slots: Vec<Option<Slot>>,
    bytes: usize,
    /// Counts searches: when each cache was last used.
    clock: u64,
    /// Overrides the thread's share of [`CACHE_BUDGET`] (tests).
    budget: Option<usize>,
    /// How many times caches were dropped.
    evictions: usize,
}

/// A regex's cache, the bytes it is charged for and the search that last used it.
struct Slot {
    cache: Box<meta::Cache>,
    charged: usize,
    used: u64,
}

thread_local! {
    static CACHES: RefCell<Caches> = const {
        RefCell::new(Caches {
            slots: Vec::new(),
            bytes: 0,
            clock: 0,
            budget: None,
            evictions: 0,
        })
    };
}

/// A search with one of regex-automata's builds. Every build numbers the groups alike (they come
/// from one pattern), so groups made for one serve the others; made afresh only for a regex that
/// matches nothing (`never`).
fn search_automata(
    re: &meta::Regex,
    cache: &mut meta::Cache,
    haystack: &str,
    span: Range<usize>,
    caps: &mut Option<Captures>,
) -> bool {
    let caps = match caps {
        Some(caps) if caps.group_info().slot_len() == re.group_info().slot_len() => caps,
        other => other.insert(re.create_captures()),
    };
    re.search_captures_with(cache, &Input::new(haystack).span(span), caps);
    caps.is_match()
}

/// Runs `search` with `re`, the given build of the regex whose slots start at `base`, and this
/// thread's cache for that build.
fn with_cache<T>(
    base: usize,
    build: Build,
    re: &meta::Regex,
    search: impl FnOnce(&meta::Regex, &mut meta::Cache) -> T,
) -> T {
    let id = match build {
        Build::Quick => base,
        Build::Full => base + 1,
    };
    CACHES.with(|caches| {
        let mut caches = caches.borrow_mut();
        let Caches {
            slots,
            bytes,
            clock,
            budget,
            evictions,
        } = &mut *caches;
        if slots.len() <= id {
            slots.resize_with(id + 1, || None);
        }
        // Once the full build searches, the quick one never will again.
        if let Build::Full = build {
            if let Some(quick) = slots[base].take() {
                *bytes = bytes.saturating_sub(quick.charged);
            }
        }
        let slot = slots[id].get_or_insert_with(|| {
            let cache = Box::new(re.create_cache());
            let charged = cache.memory_usage();
            *bytes += charged;
            Slot {
                cache,
                charged,
                used: 0,
            }
        });
        *clock += 1;
        slot.used = *clock;
        let out = search(re, &mut slot.cache);
        // Each cache is charged its high-water mark: a lazy DFA that filled up and cleared
        // itself, or a backtracker that searched a shorter text, reports less but keeps its
        // allocations.
        let now = slot.cache.memory_usage();
        if now > slot.charged {
            *bytes += now - slot.charged;
            slot.charged = now;
        }
        let budget = budget.unwrap_or_else(thread_budget);
        if *bytes > budget {
            // The rules run regex by regex over each batch, so a thread uses its caches in the
            // same cycle batch after batch, and the cache used longest ago is the next one
            // needed. So the most recently used go first (this search's own last), down to
            // nine tenths of the budget: about as many caches as fit stay from one batch to the
            // next, and only the overflow is rebuilt. (Dropping the largest first, down to
            // half, rebuilt about twice as much; see docs/performance.md.)
            let mut order: Vec<(bool, u64, usize)> = slots
                .iter()
                .enumerate()
                .filter_map(|(k, slot)| slot.as_ref().map(|slot| (k != id, slot.used, k)))
                .collect();
            order.sort_unstable_by(|a, b| b.cmp(a));
            for (_, _, k) in order {
                if *bytes <= budget / 10 * 9 {
                    break;
                }
                if let Some(dropped) = slots[k].take() {
                    *bytes = bytes.saturating_sub(dropped.charged);
                }
            }
            *evictions += 1;
        }
        out
    })
}

/// Builds a regex as `regex::Regex::new` would (leftmost-first, UTF-8, empty matches only at
/// character boundaries), within the size limits. The quick build leaves out the lazy DFAs
/// (and the reversed automaton they need) and the one-pass DFA; what remains matches alike.
fn compile(
    hir: &regex_syntax::hir::Hir,
    build: Build,
    user_len: usize,
) -> Result<meta::Regex, PatternError> {
    let full = matches!(build, Build::Full);
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(SIZE_LIMIT))
                .dfa_size_limit(Some(SIZE_LIMIT))
                .hybrid_cache_capacity(SIZE_LIMIT)
                .match_kind(regex_automata::MatchKind::LeftmostFirst)
                .utf8_empty(true)
                .hybrid(full)
                .onepass(full),
        )
        .build_from_hir(hir)
        .map_err(|e| PatternError {
            span: 0..user_len,
            message: match (e.size_limit(), e.syntax_error()) {
                (Some(limit), _) => format!("pattern compiles to more than {limit} bytes"),
                (None, Some(syntax)) => syntax.to_string(),
                (None, None) => e.to_string(),
            },
            help: Some("simplify the pattern: fewer alternatives or smaller repetitions".into()),
        })
}

fn never() -> meta::Regex {
    // An empty class: compiles to a tiny automaton that rejects every input.
    meta::Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!("a constant pattern compiles"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lazy(source: &str) -> LazyRegex {
        let hir = regex_syntax::parse(source).unwrap();
        LazyRegex::new(source.into(), hir, false, source.len()).unwrap()
    }

    #[test]
    fn searches_like_the_regex_crate() {
        let source = r"(?P<kind>出口|进口)(?:额)?(?P<n>\d+)";
        let lazy = lazy(source);
        let plain = regex::Regex::new(source).unwrap();
        let text = "今年出口额12，进口3，出口";
        let mut groups = lazy.groups();
        for start in 0..=text.len() {
            if !text.is_char_boundary(start) {
                continue;
            }
            let ours = lazy.captures_at(text, start, &mut groups);
            let theirs = plain.captures_at(text, start);
            assert_eq!(ours, theirs.is_some());
            if let Some(c) = theirs {
                assert_eq!(groups.whole(), c.get(0).map(|m| m.range()));
                assert_eq!(groups.name("kind"), c.name("kind").map(|m| m.range()));
                assert_eq!(groups.name("n"), c.name("n").map(|m| m.range()));
            }
        }
        assert!(lazy.is_match(text) && !lazy.is_match("进出"));
    }

    /// Every position of `text`: both builds and the regex crate find the same match and groups.
    fn assert_builds_agree(source: &str, text: &str) {
        let hir = regex_syntax::parse(source).unwrap();
        let quick = LazyRegex::new(source.into(), hir.clone(), false, source.len()).unwrap();
        let full = LazyRegex::new(source.into(), hir, true, source.len()).unwrap();
        let plain = regex::Regex::new(source).unwrap();
        let names: Vec<&str> = plain.capture_names().flatten().collect();
        let (mut q, mut f) = (quick.groups(), full.groups());
        for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let theirs = plain.captures_at(text, start);
            assert_eq!(quick.captures_at(text, start, &mut q), theirs.is_some());
            assert_eq!(full.captures_at(text, start, &mut f), theirs.is_some());
            if let Some(c) = theirs {
                let whole = c.get(0).map(|m| m.range());
                assert_eq!(
                    (q.whole(), f.whole()),
                    (whole.clone(), whole),
                    "{source} at {start}"
                );
                for name in &names {
                    let group = c.name(name).map(|m| m.range());
                    assert_eq!((q.name(name), f.name(name)), (group.clone(), group));
                }
            }
            let rest = &text[start..];
            assert_eq!(quick.is_match(rest), plain.is_match(rest));
            assert_eq!(full.is_match(rest), plain.is_match(rest));
        }
        assert!(
            quick.full.get().is_none(),
            "the quick build searched throughout"
        );
    }

    #[test]
    fn quick_and_full_builds_match_alike() {
        let text = "2024年1—10月，进出口总值36.02万亿元，同比增长5.2%；其中出口20.8万亿元，\n\
                    增长6.7%。\u{E000}，占比10.27%，a1 b22\n民营企业进出口19.86万亿元";
        for source in [
            r"(?P<kind>出口|进口)(?:额|总值)?(?P<n>[0-9.]+)(?P<unit>万亿|亿)?元",
            r"[^，。；]{0,12}?增长(?P<p>\d+(?:\.\d+)?)%",
            r"(?m)^(?P<line>[^\n]{1,8})$",
            r"\b[a-z]\d+\b",
            r"(?:\A|[，。；])(?P<clause>[^，。；\n]{1,24}?)(?P<fig>\x{E000})",
            r"\p{Han}{2,4}(?P<n>\d*)",
            r"(?P<empty>)",
            r"x*",
        ] {
            assert_builds_agree(source, text);
        }
    }

    #[test]
    fn a_span_search_looks_past_the_span_edges() {
        let text = "出口12a，出口34";
        let regex = lazy(r"\b出口(?P<n>\d+)\b");
        let mut groups = regex.groups();
        // "出口12" ends at byte 8, but the `a` after it is still seen: no word boundary there.
        assert!(!regex.captures_in(text, 0..8, &mut groups));
        assert!(regex.captures_in(text, 0..text.len(), &mut groups));
        assert_eq!(groups.name("n"), Some(text.len() - 2..text.len()));
        let line_end = lazy(r"(?m)出口(?P<n>\d+)$");
        assert!(!line_end.captures_in("出口12a\n", 0..8, &mut groups));
        assert!(line_end.captures_in("出口12\na", 0..8, &mut groups));
    }

    #[test]
    fn a_regex_gets_its_full_build_after_quick_bytes() {
        let source = r"出口(?P<n>\d+)";
        let regex = lazy(source);
        let mut groups = regex.groups();
        assert!(regex.captures_at("出口12", 0, &mut groups));
        assert!(
            matches!(&*regex.quick_state(), Quick::Built(q) if matches!(**q, QuickBuild::Lite { .. }))
                && regex.full.get().is_none()
        );
        // regex-lite keeps its own search state: the quick build takes no cache slot.
        let quick_slot = |regex: &LazyRegex| {
            CACHES.with(|c| c.borrow().slots.get(regex.id).is_some_and(Option::is_some))
        };
        assert!(!quick_slot(&regex));
        let long = "出口，".repeat(QUICK_BYTES / 9 + 1) + "出口7";
        assert!(long.len() > QUICK_BYTES);
        assert!(regex.captures_at(&long, 0, &mut groups));
        assert_eq!(groups.name("n"), Some(long.len() - 1..long.len()));
        assert!(
            matches!(regex.full.get(), Some(Some(_))),
            "past QUICK_BYTES"
        );
        assert!(
            matches!(*regex.quick_state(), Quick::Retired),
            "the quick build is dropped"
        );
        assert!(!quick_slot(&regex), "the quick build's cache is dropped");
        assert!(regex.captures_at("出口12", 0, &mut groups));
        assert_eq!(groups.name("n"), Some(6..8));
    }

    #[test]
    fn the_quick_build_serves_on_when_the_full_one_fails() {
        // Its reversed automaton outgrows the limit; the forward one fits.
        let source = r"[^，。]{0,700}出口(?P<n>\d+)";
        let regex = lazy(source);
        let plain = regex::Regex::new(source).unwrap();
        let text = "进口，".repeat(QUICK_BYTES / 9 + 1) + "今年出口12，出口7";
        let mut groups = regex.groups();
        for _ in 0..2 {
            assert!(regex.captures_at(&text, 0, &mut groups));
            let c = plain.captures(&text).unwrap();
            assert_eq!(groups.whole(), c.get(0).map(|m| m.range()));
            assert_eq!(groups.name("n"), c.name("n").map(|m| m.range()));
            assert!(regex.is_match(&text));
        }
        assert!(
            matches!(regex.full.get(), Some(None)),
            "the full build failed"
        );
        assert!(matches!(*regex.quick_state(), Quick::Built(_)));
    }

    /// Every group of a search over `span`, as regex-automata's meta regex (the reference the
    /// full build is) finds them.
    fn reference_groups(
        source: &str,
        text: &str,
        span: Range<usize>,
    ) -> Option<Vec<Option<Range<usize>>>> {
        let re = meta::Regex::new(source).unwrap();
        let mut caps = re.create_captures();
        re.search_captures(&Input::new(text).span(span), &mut caps);
        caps.is_match().then(|| {
            (0..caps.group_len())
                .map(|g| caps.get_group(g).map(|s| s.range()))
                .collect()
        })
    }

    fn our_groups(groups: &Groups) -> Vec<Option<Range<usize>>> {
        groups.caps.as_ref().map_or_else(Vec::new, |caps| {
            (0..caps.group_len())
                .map(|g| caps.get_group(g).map(|s| s.range()))
                .collect()
        })
    }

    #[test]
    fn the_quick_build_is_regex_lite_where_it_matches_alike() {
        let is_lite = |source: &str| {
            let regex = lazy(source);
            regex.is_match("出口");
            let state = regex.quick_state();
            matches!(&*state, Quick::Built(q) if matches!(**q, QuickBuild::Lite { .. }))
        };
        assert!(is_lite(r"出口(?P<n>\d+)[^，。]{0,8}?$"));
        assert!(
            !is_lite(r"\b出口"),
            "Unicode word boundaries stay with regex-automata"
        );
        // A look-ahead pattern in a span that ends early is searched by regex-automata's build.
        let regex = lazy(r"出口(?P<n>\d+)$");
        let mut groups = regex.groups();
        assert!(!regex.captures_in("出口12a", 0..8, &mut groups));
        assert!(regex.captures_in("出口12", 0..8, &mut groups));
        assert_eq!(groups.name("n"), Some(6..8));
    }

    fn piece() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "出口",
            "a",
            "k",
            "1",
            r"\d",
            r"[^，。\d]",
            r"\p{Han}",
            ".",
            r"\x{E000}",
            "[a-c]",
            "(?i:k)",
            "，",
            r"\s",
            r"\w",
            r"\b",
            r"\B",
            r"(?-u:\b)",
            r"(?-u:\B)",
            "$",
            "^",
            "(?m:$)",
            "(?m:^)",
            r"\A",
            r"\z",
            r"\b{start}",
            r"(?-u:\b{end})",
            "(?:)",
            "(?mR:^)",
            "(?mR:$)",
            r"(?-u:\b{start-half})",
            r"(?-u:\b{end-half})",
            r"\r",
            "(?s:.)",
        ])
        .prop_map(str::to_string)
    }

    fn pattern() -> impl Strategy<Value = String> {
        piece().prop_recursive(4, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 1..4).prop_map(|v| v.concat()),
                prop::collection::vec(inner.clone(), 2..4)
                    .prop_map(|v| format!("(?:{})", v.join("|"))),
                (inner.clone(), 0u32..3, 0u32..4, any::<bool>()).prop_map(
                    |(p, min, extra, lazy)| {
                        let lazy = if lazy { "?" } else { "" };
                        format!("(?:{p}){{{min},{}}}{lazy}", min + extra)
                    }
                ),
                (inner.clone(), 0..4usize).prop_map(|(p, k)| {
                    let rep = ["*", "+", "*?", "??"][k];
                    format!("(?:{p}){rep}")
                }),
                inner.prop_map(|p| format!("({p})")),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// The quick build (regex-lite where it can, regex-automata elsewhere) finds the match
        /// and every group that regex-automata finds, in every span of the text, and agrees
        /// with the regex crate on whether anything matches.
        #[test]
        fn quick_builds_search_like_regex_automata(
            source in pattern(),
            text in "[ac1k出口，。年\u{E000} \r\n]{0,12}",
        ) {
            let source = format!("(?P<outer>{source})");
            let regex = lazy(&source);
            let plain = regex::Regex::new(&source).unwrap();
            // `find`, not `is_match`: the regex crate's is_match misses a few matches that its
            // find reports (`(?:(?-u:\b{end-half})|\w)+?` and the like), where ours agree.
            prop_assert_eq!(regex.is_match(&text), plain.find(&text).is_some());
            let bounds: Vec<usize> =
                (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let mut groups = regex.groups();
            for (i, &start) in bounds.iter().enumerate() {
                for &end in &bounds[i..] {
                    let found = regex
                        .captures_in(&text, start..end, &mut groups)
                        .then(|| our_groups(&groups));
                    let expected = reference_groups(&source, &text, start..end);
                    prop_assert_eq!(found, expected, "span {}..{}", start, end);
                }
                let rest = &text[start..];
                prop_assert_eq!(regex.is_match(rest), plain.find(rest).is_some());
            }
            prop_assert!(regex.full.get().is_none(), "the quick build searched throughout");
        }
    }

    #[test]
    fn the_full_build_comes_once_the_quick_one_has_read_enough() {
        let regex = lazy("ab");
        let text = format!("ab{}", "x".repeat(QUICK_BYTES / 2));
        let mut groups = regex.groups();
        // Each search finds its match at once, reading two bytes of the span it is handed.
        for _ in 0..10 {
            assert!(regex.captures_in(&text, 0..text.len(), &mut groups));
        }
        assert!(regex.full.get().is_none());
        // A search that finds nothing reads its whole span.
        assert!(!regex.captures_in(&text, 2..text.len(), &mut groups));
        assert!(regex.full.get().is_none());
        assert!(!regex.captures_in(&text, 2..text.len(), &mut groups));
        assert!(regex.full.get().is_some_and(|full| full.is_some()));
    }

    #[test]
    fn prepare_compiles_the_build_the_first_search_uses_and_nothing_more() {
        let regex = lazy(r"(?P<n>[0-9]+)亿");
        assert!(!regex.is_compiled());
        regex.prepare();
        assert!(regex.is_compiled());
        assert!(matches!(*regex.quick_state(), Quick::Built(_)));
        assert!(regex.full.get().is_none(), "preparing reads no text");
        let mut groups = regex.groups();
        let text = "出口3亿";
        assert!(regex.captures_in(text, 0..text.len(), &mut groups));
        assert_eq!(groups.whole(), Some(6..10));
    }

    #[test]
    fn is_match_finds_empty_matches_beside_multibyte_characters() {
        // An earliest-match search on the lazy DFA says no here; the match exists.
        let source = r"元|(?-u:\B)";
        let text = "2元a";
        assert!(regex::Regex::new(source).unwrap().find(text).is_some());
        let hir = regex_syntax::parse(source).unwrap();
        let full = LazyRegex::new(source.into(), hir, true, source.len()).unwrap();
        assert!(lazy(source).is_match(text) && full.is_match(text));
    }

    #[test]
    fn shares_never_fall_below_the_floor() {
        share_cache_budget(1);
        assert_eq!(thread_budget(), CACHE_BUDGET);
        share_cache_budget(2);
        assert_eq!(thread_budget(), CACHE_BUDGET / 2);
        share_cache_budget(64);
        assert_eq!(thread_budget(), MIN_THREAD_BUDGET);
        share_cache_budget(1);
    }

    /// `chars` characters of varied Han text with a digit and a comma every 50, so each lazy
    /// DFA that reads it builds many states.
    fn varied_text(chars: u32) -> String {
        (0..chars)
            .map(|i| match i % 50 {
                0 => '，',
                7 => char::from_digit(i % 10, 10).unwrap_or('0'),
                _ => char::from_u32(0x4E00 + (i * 7919) % 20000).unwrap_or('一'),
            })
            .collect()
    }

    #[test]
    fn caches_past_the_budget_are_dropped_and_searches_stay_right() {
        // Each test runs on its own thread, so this budget is this test's alone.
        CACHES.with(|c| c.borrow_mut().budget = Some(256 << 10));
        let regexes: Vec<(LazyRegex, regex::Regex)> = (0..30)
            .map(|i| {
                let source = format!(r"[^，。]{{0,20}}{i}[^，。]{{0,20}}\p{{Han}}{{2,8}}");
                let lazy = lazy(&source);
                (lazy, regex::Regex::new(&source).unwrap())
            })
            .collect();
        let text = varied_text(QUICK_BYTES as u32 / 2);
        // Longer than QUICK_BYTES, so the full builds search and their lazy DFAs fill their
        // caches.
        assert!(text.len() > QUICK_BYTES);
        for _ in 0..2 {
            for (lazy, plain) in &regexes {
                assert_eq!(lazy.is_match(&text), plain.is_match(&text));
                let bytes = CACHES.with(|c| c.borrow().bytes);
                assert!(bytes <= 256 << 10, "{bytes} bytes held");
            }
        }
        let evictions = CACHES.with(|c| c.borrow().evictions);
        assert!(evictions > 0, "the budget was never reached");
    }

    #[test]
    fn a_cycle_of_searches_past_the_budget_keeps_about_as_many_caches_as_fit() {
        // Compiled in full at once, so each search uses the full build's slot (`id + 1`).
        let regexes: Vec<LazyRegex> = (0..8)
            .map(|i| {
                let source = format!(r"[^，。]{{0,20}}{i}[^，。]{{0,20}}\p{{Han}}{{2,8}}");
                let hir = regex_syntax::parse(&source).unwrap();
                LazyRegex::new(source.clone(), hir, true, source.len()).unwrap()
            })
            .collect();
        let text = varied_text(3000);
        let cached = |r: &LazyRegex| {
            CACHES.with(|c| c.borrow().slots.get(r.id + 1).is_some_and(Option::is_some))
        };
        // Each test runs on its own thread, so this budget is this test's alone: room for
        // about four and a half of the eight caches.
        regexes[0].is_match(&text);
        let one = CACHES.with(|c| c.borrow().bytes);
        CACHES.with(|c| c.borrow_mut().budget = Some(one * 9 / 2));
        // The rules search their regexes in the same order batch after batch. Dropping the
        // caches used longest ago would rebuild every one each cycle; dropping the ones used
        // most recently keeps about as many as fit, and rebuilds only the overflow.
        for cycle in 0..4 {
            let mut kept = 0;
            for r in &regexes {
                kept += usize::from(cached(r));
                r.is_match(&text);
                let bytes = CACHES.with(|c| c.borrow().bytes);
                assert!(bytes <= one * 9 / 2, "{bytes} bytes held");
            }
            if cycle > 0 {
                assert!(kept >= 3, "cycle {cycle} found {kept} caches kept");
            }
        }
        assert!(CACHES.with(|c| c.borrow().evictions) > 0);
    }
}
