//! Rule regexes: compiled on first use, searched with per-thread caches under a memory budget.
//!
//! A regex's search state (above all its lazy DFA, which grows a transition table as it meets new
//! text) lives in a cache. The `regex` crate keeps one per regex per thread in a pool nobody can
//! empty, so with hundreds of rule regexes the caches grew with the variety of the text: most of
//! the process's memory on a large corpus. Here each thread keeps its caches itself and counts
//! the bytes they use (each at its high-water mark); past its share of [`CACHE_BUDGET`] it drops
//! its largest caches, as the lazy DFA clears its own cache when it fills. The count leaves out
//! the allocations' growth slack (up to as much again), but it no longer grows with the corpus.

use regex_automata::meta;
use regex_automata::util::captures::Captures;
use regex_automata::{Input, PatternID};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use super::pattern::PatternError;

/// Regexes compiled from rules may not grow beyond this (bytes of compiled program); each lazy
/// DFA may use as much for its transition table before it clears it.
pub(crate) const SIZE_LIMIT: usize = 1 << 20;

/// The bytes the regex caches of the searching threads may use together, as long as each
/// thread's share is at least [`MIN_THREAD_BUDGET`] (more threads than two get that much each,
/// see [`share_cache_budget`]); past its share a thread drops its largest caches. The shipped
/// pack's working set on one thread over the generated corpus is about 29 MB, so this costs some
/// speed (about 8% on one thread, 18% on two) for memory that no corpus can grow; see
/// docs/performance.md.
pub const CACHE_BUDGET: usize = 24 << 20;

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);
static SEARCHING_THREADS: AtomicUsize = AtomicUsize::new(1);

/// No thread's share of [`CACHE_BUDGET`] falls below this: with many threads (a 64-core machine)
/// a thin share would evict on every batch and rebuild the same automata over and over.
pub const MIN_THREAD_BUDGET: usize = 12 << 20;

/// Splits [`CACHE_BUDGET`] between this many searching threads (1 unless told otherwise), so the
/// caches' memory does not grow with `-j` up to two threads, and grows by at most
/// [`MIN_THREAD_BUDGET`] per thread beyond.
pub fn share_cache_budget(threads: usize) {
    SEARCHING_THREADS.store(threads.max(1), Ordering::Relaxed);
}

fn thread_budget() -> usize {
    (CACHE_BUDGET / SEARCHING_THREADS.load(Ordering::Relaxed).max(1)).max(MIN_THREAD_BUDGET)
}

/// A regex compiled on first use. Compiling the shipped pack's regexes is most of factlint's
/// start-up time, and a rule whose literals an article lacks never needs its regex; so patterns
/// are parsed and size-checked when rules load (errors still point at the YAML) and compiled when
/// first searched. A pattern whose size bound comes near the limit is compiled at load, so an
/// oversized pattern is always a rule-file error, never a surprise at check time.
#[derive(Debug)]
pub struct LazyRegex {
    /// The pattern as parsed when the rules loaded, so compiling does not parse it again.
    hir: regex_syntax::hir::Hir,
    /// This regex's slot in each thread's caches.
    id: usize,
    cell: OnceLock<meta::Regex>,
}

/// A match's groups, reused from search to search.
#[derive(Debug)]
pub struct Groups {
    caps: Captures,
}

impl Groups {
    /// The whole match.
    pub fn whole(&self) -> Option<Range<usize>> {
        self.caps.get_match().map(|m| m.range())
    }

    /// A named group, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Range<usize>> {
        self.caps.get_group_by_name(name).map(|s| s.range())
    }
}

impl LazyRegex {
    /// `hir`: the pattern parsed with regex-syntax's defaults (what `regex::Regex::new` uses);
    /// `compile_now`: compile at once (and fail now if the pattern is too large); `user_len`: the
    /// length of the pattern as written, which a compile error spans.
    pub(crate) fn new(
        hir: regex_syntax::hir::Hir,
        compile_now: bool,
        user_len: usize,
    ) -> Result<Self, PatternError> {
        let cell = OnceLock::new();
        if compile_now {
            let _ = cell.set(compile(&hir, user_len)?);
        }
        Ok(Self {
            hir,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            cell,
        })
    }

    /// Whether the regex has been compiled (at load, for a large pattern, or by a search).
    pub fn is_compiled(&self) -> bool {
        self.cell.get().is_some()
    }

    /// The compiled regex. A pattern that passed the load-time bound compiles within the limit;
    /// should it still fail, it matches nothing rather than panicking.
    pub fn get(&self) -> &meta::Regex {
        self.cell
            .get_or_init(|| compile(&self.hir, 0).unwrap_or_else(|_| never()))
    }

    /// The names of the capture groups, in order (`None` for unnamed groups).
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> {
        self.get().group_info().pattern_names(PatternID::ZERO)
    }

    /// Whether the regex matches anywhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        let re = self.get();
        with_cache(self.id, re, |cache| {
            re.search_half_with(cache, &Input::new(haystack).earliest(true))
                .is_some()
        })
    }

    /// Groups to pass to [`LazyRegex::captures_at`].
    pub fn groups(&self) -> Groups {
        Groups {
            caps: self.get().create_captures(),
        }
    }

    /// The leftmost-first match starting at or after `start` (look-arounds still see the text
    /// before it), its groups written to `groups`; false if there is none.
    pub fn captures_at(&self, haystack: &str, start: usize, groups: &mut Groups) -> bool {
        let re = self.get();
        with_cache(self.id, re, |cache| {
            re.search_captures_with(
                cache,
                &Input::new(haystack).span(start..haystack.len()),
                &mut groups.caps,
            );
        });
        groups.caps.is_match()
    }
}

/// One thread's caches, by regex id, and the bytes they hold. Ids are never reused, so a cache
/// always belongs to the regex that made it; boxed, an empty slot costs 16 bytes.
struct Caches {
    slots: Vec<Option<Slot>>,
    bytes: usize,
    /// Overrides the thread's share of [`CACHE_BUDGET`] (tests).
    budget: Option<usize>,
    /// How many times caches were dropped.
    evictions: usize,
}

/// A regex's cache and the bytes it is charged for.
struct Slot {
    cache: Box<meta::Cache>,
    charged: usize,
}

thread_local! {
    static CACHES: RefCell<Caches> = const {
        RefCell::new(Caches {
            slots: Vec::new(),
            bytes: 0,
            budget: None,
            evictions: 0,
        })
    };
}

fn with_cache<T>(id: usize, re: &meta::Regex, search: impl FnOnce(&mut meta::Cache) -> T) -> T {
    CACHES.with(|caches| {
        let mut caches = caches.borrow_mut();
        let Caches {
            slots,
            bytes,
            budget,
            evictions,
        } = &mut *caches;
        if slots.len() <= id {
            slots.resize_with(id + 1, || None);
        }
        let slot = slots[id].get_or_insert_with(|| {
            let cache = Box::new(re.create_cache());
            let charged = cache.memory_usage();
            *bytes += charged;
            Slot { cache, charged }
        });
        let out = search(&mut slot.cache);
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
            // The largest caches first, down to half the budget: the small ones are the many
            // regexes each article tries once or twice, cheap to keep and slow to rebuild.
            let mut sizes: Vec<(usize, usize)> = slots
                .iter()
                .enumerate()
                .filter_map(|(k, slot)| slot.as_ref().map(|slot| (slot.charged, k)))
                .collect();
            sizes.sort_unstable_by(|a, b| b.cmp(a));
            for (size, k) in sizes {
                if *bytes <= budget / 2 {
                    break;
                }
                slots[k] = None;
                *bytes = bytes.saturating_sub(size);
            }
            *evictions += 1;
        }
        out
    })
}

/// Builds a regex as `regex::Regex::new` would (leftmost-first, UTF-8, empty matches only at
/// character boundaries), within the size limits.
fn compile(hir: &regex_syntax::hir::Hir, user_len: usize) -> Result<meta::Regex, PatternError> {
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(SIZE_LIMIT))
                .dfa_size_limit(Some(SIZE_LIMIT))
                .hybrid_cache_capacity(SIZE_LIMIT)
                .match_kind(regex_automata::MatchKind::LeftmostFirst)
                .utf8_empty(true),
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

    fn lazy(source: &str) -> LazyRegex {
        let hir = regex_syntax::parse(source).unwrap();
        LazyRegex::new(hir, false, source.len()).unwrap()
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
        let names: Vec<_> = lazy.capture_names().collect();
        assert_eq!(names, vec![None, Some("kind"), Some("n")]);
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
        // Varied text, so each lazy DFA builds many states.
        let text: String = (0..3000u32)
            .map(|i| match i % 50 {
                0 => '，',
                7 => char::from_digit(i % 10, 10).unwrap_or('0'),
                _ => char::from_u32(0x4E00 + (i * 7919) % 20000).unwrap_or('一'),
            })
            .collect();
        for _ in 0..3 {
            for (lazy, plain) in &regexes {
                assert_eq!(lazy.is_match(&text), plain.is_match(&text));
                let bytes = CACHES.with(|c| c.borrow().bytes);
                assert!(bytes <= 256 << 10, "{bytes} bytes held");
            }
        }
        let evictions = CACHES.with(|c| c.borrow().evictions);
        assert!(evictions > 0, "the budget was never reached");
    }
}
