//! The quick build of a rule regex: regex-lite, for the first [`super::QUICK_BYTES`] a regex
//! searches.
//!
//! A cold run over one article compiles every regex whose literals the article contains, and
//! compiling was most of its time: regex-automata turns each Unicode class into a UTF-8 automaton
//! (`[^，。；：\d]{2,16}?` is sixteen copies of one), which is what makes its searches fast and
//! what a single article never pays back. regex-lite keeps a class as its ranges of code points
//! and searches code point by code point, so it compiles several times faster and searches
//! slower: the right trade until a regex has searched [`super::QUICK_BYTES`], when the
//! full build takes over.
//!
//! regex-lite reads a pattern, not a parsed one, so the HIR that regex-syntax made (Unicode
//! classes, case folding and `.` already resolved into ranges of code points) is printed back in
//! a syntax that leaves regex-lite nothing to interpret: every class as explicit ranges, every
//! character but ASCII letters and digits and common Han ones as `\x{…}`, every look-around
//! spelt out. What it cannot express alike — Unicode word boundaries, byte classes beyond ASCII,
//! literals that are not UTF-8, empty classes — is not printed, and that regex keeps
//! regex-automata's quick build.

use regex_automata::util::captures::{Captures, GroupInfo};
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::PatternID;
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};
use std::fmt::Write;
use std::ops::Range;

/// A rule regex compiled with regex-lite.
#[derive(Debug)]
pub(crate) struct LiteRegex {
    regex: regex_lite::Regex,
    /// The groups as regex-automata numbers them, so matches fill the same [`Captures`].
    group_info: GroupInfo,
    /// The pattern looks at text after a position (`$`, `\z`, word boundaries): a search that
    /// must end before the haystack does cannot simply cut the haystack there.
    end_sensitive: bool,
    /// The characters a match can start with, when every match starts with a character (none
    /// is empty) and they are few: regex-lite searches code point by code point with no literal
    /// skip, so a search first moves to the next such character.
    first: Option<FirstChars>,
}

/// What the quick build is made from, worked out from the HIR once. The shipped pack stores it,
/// so a regex read from the pack reaches its first search without parsing its pattern (parsing
/// and printing were a fifth of a cold run over one article).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct LitePlan {
    /// The pattern in regex-lite's syntax ([`lite_pattern`]).
    pattern: String,
    /// See [`LiteRegex::end_sensitive`].
    end_sensitive: bool,
    /// See [`LiteRegex::first`].
    first: Option<FirstChars>,
}

impl LitePlan {
    /// The plan for a HIR; `None` where regex-lite cannot match what the HIR matches.
    pub(crate) fn of(hir: &Hir) -> Option<Self> {
        let (pattern, end_sensitive) = lite_pattern(hir)?;
        Some(Self {
            pattern,
            end_sensitive,
            // A pattern anchored at the text's start fails at once where it cannot open;
            // skipping would scan the rest of the text to find that out.
            first: (!hir.properties().look_set_prefix().contains(Look::Start))
                .then(|| FirstChars::of(hir))
                .flatten(),
        })
    }
}

/// A small set of characters, as sorted ranges.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct FirstChars {
    ranges: Vec<(char, char)>,
}

/// Past this many ranges, or characters (`[^，。]` is three ranges and a million characters,
/// `\p{Han}` a hundred thousand), too many characters of the copy would open a match for
/// skipping to pay; Unicode's digits (`\d`, 68 ranges, 680 characters) are still few.
const MAX_FIRST_RANGES: usize = 128;
const MAX_FIRST_CHARS: u32 = 4096;

impl FirstChars {
    /// The characters that can open a match of `hir`; `None` if it can match the empty string
    /// or opens with too many.
    fn of(hir: &Hir) -> Option<Self> {
        if can_be_empty(hir) {
            return None;
        }
        let set = first(hir)?;
        let ranges: Vec<(char, char)> = set.ranges().iter().map(|r| (r.start(), r.end())).collect();
        let covered: u32 = ranges
            .iter()
            .map(|&(low, high)| u32::from(high) - u32::from(low) + 1)
            .sum();
        (!ranges.is_empty() && ranges.len() <= MAX_FIRST_RANGES && covered <= MAX_FIRST_CHARS)
            .then_some(Self { ranges })
    }

    fn contains(&self, c: char) -> bool {
        // Sorted and merged: only the last range starting at or before `c` can hold it.
        let after = self.ranges.partition_point(|&(low, _)| low <= c);
        after > 0 && c <= self.ranges[after - 1].1
    }

    /// Where in `text` the first character that can open a match stands.
    fn find_in(&self, text: &str) -> Option<usize> {
        match self.ranges[..] {
            [(low, high)] if low == high => text.find(low),
            _ => text.find(|c| self.contains(c)),
        }
    }
}

fn can_be_empty(hir: &Hir) -> bool {
    hir.properties().minimum_len() == Some(0)
}

/// The characters that can open a match of `hir` (regex-syntax's class keeps them sorted and
/// merged); `None` once there are too many to be worth skipping to.
fn first(hir: &Hir) -> Option<ClassUnicode> {
    let union = |hirs: &[Hir]| {
        let mut set = ClassUnicode::empty();
        for hir in hirs {
            set.union(&first(hir)?);
        }
        Some(set)
    };
    let set = match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => ClassUnicode::empty(),
        HirKind::Literal(literal) => {
            let c = std::str::from_utf8(&literal.0).ok()?.chars().next()?;
            ClassUnicode::new([ClassUnicodeRange::new(c, c)])
        }
        HirKind::Class(Class::Unicode(class)) => class.clone(),
        HirKind::Class(Class::Bytes(class)) => class.to_unicode_class()?,
        HirKind::Repetition(rep) if rep.max == Some(0) => ClassUnicode::empty(),
        HirKind::Repetition(rep) => first(&rep.sub)?,
        HirKind::Capture(capture) => first(&capture.sub)?,
        // Up to the first piece that cannot match the empty string: it opens every match that
        // got past the ones before.
        HirKind::Concat(children) => {
            let opening = children
                .iter()
                .position(|child| !can_be_empty(child))
                .map_or(children.len(), |i| i + 1);
            union(&children[..opening])?
        }
        HirKind::Alternation(children) => union(children)?,
    };
    (set.ranges().len() <= MAX_FIRST_RANGES).then_some(set)
}

/// The printed pattern of a HIR in regex-lite's syntax, and whether it looks ahead of a
/// position; `None` where regex-lite cannot match what the HIR matches.
pub fn lite_pattern(hir: &Hir) -> Option<(String, bool)> {
    let mut printer = Printer {
        out: String::new(),
        end_sensitive: false,
        next_group: 1,
    };
    printer.print(hir)?;
    Some((printer.out, printer.end_sensitive))
}

struct Printer {
    out: String,
    end_sensitive: bool,
    /// The number the next group must have for regex-lite to number the groups alike: a group
    /// inside `{0}` leaves the HIR but keeps its number, and regex-lite would number the ones
    /// after it one lower.
    next_group: u32,
}

impl Printer {
    fn print(&mut self, hir: &Hir) -> Option<()> {
        let out = &mut self.out;
        match hir.kind() {
            HirKind::Empty => out.push_str("(?:)"),
            HirKind::Literal(literal) => {
                for c in std::str::from_utf8(&literal.0).ok()?.chars() {
                    push_char(c, out);
                }
            }
            HirKind::Class(Class::Unicode(class)) => {
                push_class(class.ranges().iter().map(|r| (r.start(), r.end())), out)?;
            }
            HirKind::Class(Class::Bytes(class)) => {
                // A byte class matches code points only where it stays within ASCII.
                if class.ranges().iter().any(|r| r.end() > 0x7F) {
                    return None;
                }
                push_class(
                    class
                        .ranges()
                        .iter()
                        .map(|r| (char::from(r.start()), char::from(r.end()))),
                    out,
                )?;
            }
            HirKind::Look(look) => {
                let (syntax, looks_ahead) = match look {
                    Look::Start => (r"\A", false),
                    Look::End => (r"\z", true),
                    Look::StartLF => ("(?m:^)", false),
                    Look::EndLF => ("(?m:$)", true),
                    // Not after a `\r` that a `\n` follows: it reads the next character too.
                    Look::StartCRLF => ("(?mR:^)", true),
                    Look::EndCRLF => ("(?mR:$)", true),
                    Look::WordAscii => (r"\b", true),
                    Look::WordAsciiNegate => (r"\B", true),
                    Look::WordStartAscii => (r"\b{start}", true),
                    Look::WordEndAscii => (r"\b{end}", true),
                    Look::WordStartHalfAscii => (r"\b{start-half}", false),
                    Look::WordEndHalfAscii => (r"\b{end-half}", true),
                    // regex-lite's word boundaries are ASCII only.
                    _ => return None,
                };
                self.end_sensitive |= looks_ahead;
                out.push_str(syntax);
            }
            HirKind::Repetition(rep) => {
                out.push_str("(?:");
                self.print(&rep.sub)?;
                let out = &mut self.out;
                out.push(')');
                let _ = match rep.max {
                    Some(max) if max == rep.min => write!(out, "{{{max}}}"),
                    Some(max) => write!(out, "{{{},{max}}}", rep.min),
                    None => write!(out, "{{{},}}", rep.min),
                };
                if !rep.greedy {
                    out.push('?');
                }
            }
            HirKind::Capture(capture) => {
                if capture.index != self.next_group {
                    return None;
                }
                self.next_group += 1;
                match &capture.name {
                    Some(name) => {
                        let _ = write!(out, "(?P<{name}>");
                    }
                    None => out.push('('),
                }
                self.print(&capture.sub)?;
                self.out.push(')');
            }
            HirKind::Concat(children) => {
                for child in children {
                    self.print(child)?;
                }
            }
            HirKind::Alternation(children) => {
                out.push_str("(?:");
                for (i, child) in children.iter().enumerate() {
                    if i > 0 {
                        self.out.push('|');
                    }
                    self.print(child)?;
                }
                self.out.push(')');
            }
        }
        Some(())
    }
}

/// ASCII letters and digits and common Han characters stand for themselves; anything else is
/// written as its code point, which regex-lite reads as that character whatever it would
/// otherwise mean.
fn push_char(c: char, out: &mut String) {
    // Not `char::is_alphanumeric`: asking Unicode's tables cost a thousand instructions a
    // character, a few percent of a cold run that prints the built-in patterns.
    if c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        out.push(c);
    } else {
        let _ = write!(out, "\\x{{{:X}}}", c as u32);
    }
}

fn push_class(ranges: impl Iterator<Item = (char, char)>, out: &mut String) -> Option<()> {
    let start = out.len();
    out.push('[');
    for (low, high) in ranges {
        push_char(low, out);
        if high != low {
            out.push('-');
            push_char(high, out);
        }
    }
    // An empty class (`[^\s\S]`) has no spelling in regex-lite.
    if out.len() == start + 1 {
        return None;
    }
    out.push(']');
    Some(())
}

impl LiteRegex {
    /// The plan compiled with regex-lite, if it compiles within `size_limit` bytes.
    pub(crate) fn new(plan: &LitePlan, size_limit: usize) -> Option<Self> {
        let regex = regex_lite::RegexBuilder::new(&plan.pattern)
            // Printing wraps every repetition and alternation in a group: allow for that.
            .nest_limit(1000)
            .size_limit(size_limit)
            .build()
            .ok()?;
        let group_info = GroupInfo::new([regex.capture_names()]).ok()?;
        Some(Self {
            regex,
            group_info,
            end_sensitive: plan.end_sensitive,
            first: plan.first.clone(),
        })
    }

    /// Where a search from `start` may begin: at the next character that can open a match
    /// (`None`: there is none, so nothing matches). A match starts at a character its pattern
    /// can open with, so no match is skipped, and looks behind still see the text before.
    fn skip(&self, haystack: &str, start: usize) -> Option<usize> {
        match (&self.first, haystack.get(start..)) {
            (Some(first), Some(rest)) => first.find_in(rest).map(|at| start + at),
            _ => Some(start),
        }
    }

    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        self.skip(haystack, 0)
            .is_some_and(|start| self.regex.is_match_at(haystack, start))
    }

    /// The leftmost-first match lying within `span` of `haystack`, written to `caps`; `None` if
    /// this build cannot tell (a pattern that looks ahead, in a span that ends before the
    /// haystack, and a match that runs past the span).
    pub(crate) fn captures_in(
        &self,
        haystack: &str,
        span: Range<usize>,
        caps: &mut Option<Captures>,
        locations: &mut Option<regex_lite::CaptureLocations>,
    ) -> Option<bool> {
        // regex-automata takes a span that splits a character; cutting there cannot.
        let mut end = span.end;
        let next = haystack.get(end..)?.chars().next();
        // Where nothing in the pattern looks past a match's end, a haystack cut at the span's
        // end gives the matches within the span (looks behind still see the text before it).
        // Elsewhere it is cut one character later, so the look-aheads at the span's end read
        // what follows it: every match within the span is a match there, so one found within
        // the span, which none of them starts before or outranks, is the span's; one that runs
        // past it is left to regex-automata.
        if let Some(next) = next.filter(|_| self.end_sensitive) {
            end += next.len_utf8();
        }
        let cut = &haystack[..end];
        let locs = match locations {
            Some(locs) if locs.len() == self.regex.captures_len() => locs,
            other => other.insert(self.regex.capture_locations()),
        };
        let found = self
            .skip(cut, span.start)
            .is_some_and(|start| self.regex.captures_read_at(locs, cut, start).is_some());
        if found && locs.get(0).is_some_and(|(_, e)| e > span.end) {
            return None;
        }
        let caps = match caps {
            Some(c) if c.group_info().slot_len() == self.group_info.slot_len() => c,
            other => other.insert(Captures::all(self.group_info.clone())),
        };
        if !found {
            caps.set_pattern(None);
            return Some(false);
        }
        caps.set_pattern(Some(PatternID::ZERO));
        let slots = caps.slots_mut();
        for (group, pair) in slots.chunks_exact_mut(2).enumerate() {
            let (start, end) = locs.get(group).map_or((None, None), |(s, e)| {
                (NonMaxUsize::new(s), NonMaxUsize::new(e))
            });
            pair[0] = start;
            pair[1] = end;
        }
        Some(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lite(source: &str) -> Option<LiteRegex> {
        LiteRegex::new(
            &LitePlan::of(&regex_syntax::parse(source).unwrap())?,
            1 << 20,
        )
    }

    #[test]
    fn prints_what_regex_lite_can_match_alike() {
        let (printed, ahead) = lite_pattern(&regex_syntax::parse(r"出口(?P<n>\d+)[,，]$").unwrap())
            .expect("expressible");
        assert!(ahead);
        assert!(printed.starts_with("出口(?P<n>(?:["), "{printed}");
        assert!(lite(r"(?i)abc").is_some());
        assert!(lite(r"(?m)^进口").is_some_and(|l| !l.end_sensitive));
    }

    #[test]
    fn leaves_to_regex_automata_what_regex_lite_cannot_match_alike() {
        assert!(lite(r"\b出口").is_none(), "Unicode word boundary");
        assert!(lite(r"[^\s\S]").is_none(), "empty class");
        // Rule patterns are parsed as UTF-8 and cannot hold these; a HIR that does is refused.
        let bytes = |source: &str| {
            let hir = regex_syntax::ParserBuilder::new()
                .utf8(false)
                .build()
                .parse(source)
                .unwrap();
            LitePlan::of(&hir).and_then(|plan| LiteRegex::new(&plan, 1 << 20))
        };
        assert!(bytes(r"(?-u:\xFF)").is_none(), "a byte beyond ASCII");
        assert!(
            bytes(r"(?-u:[\x00-\xFF])").is_none(),
            "a byte class beyond ASCII"
        );
        assert!(bytes(r"(?-u:[a-c])").is_some(), "an ASCII byte class");
        assert!(lite(r"(?-u:\b)元").is_some(), "an ASCII word boundary");
        // `(a){0}` leaves the HIR but keeps group 1: regex-lite would call `n` group 1.
        assert!(
            lite(r"(a){0}(?P<n>b)").is_none(),
            "a group numbered past a vanished one"
        );
    }

    #[test]
    fn a_search_starts_at_a_character_that_can_open_a_match() {
        let first =
            |source: &str| FirstChars::of(&regex_syntax::parse(source).unwrap()).map(|f| f.ranges);
        assert_eq!(
            first("(?:比重|占比)为?(?P<n>\\d)"),
            Some(vec![('占', '占'), ('比', '比')])
        );
        assert_eq!(first("(?:为)?出口"), Some(vec![('为', '为'), ('出', '出')]));
        assert_eq!(first("(?m:^)[a-c]x"), Some(vec![('a', 'c')]));
        assert_eq!(first("出口|"), None, "matches the empty string");
        assert_eq!(first("a*"), None, "matches the empty string");
        assert_eq!(first("[^，。]出口"), None, "opens with most characters");
        let re = lite("(?:比重|占比)为(?P<n>\\d)").unwrap();
        let (mut caps, mut locs) = (None, None);
        let text = "今年占比为7，比重为8";
        assert_eq!(
            re.captures_in(text, 0..text.len(), &mut caps, &mut locs),
            Some(true)
        );
        let whole = caps.as_ref().unwrap().get_match().unwrap().range();
        assert_eq!(&text[whole], "占比为7");
        assert_eq!(
            re.captures_in(text, 19..text.len(), &mut caps, &mut locs),
            Some(true)
        );
        let whole = caps.as_ref().unwrap().get_match().unwrap().range();
        assert_eq!(&text[whole], "比重为8");
        assert_eq!(
            re.captures_in("今年为7", 0..10, &mut caps, &mut locs),
            Some(false)
        );
        assert!(re.is_match(text) && !re.is_match("今年为7"));
    }

    #[test]
    fn a_look_ahead_pattern_searches_a_span_cut_where_its_look_aheads_read_what_follows() {
        let (mut caps, mut locs) = (None, None);
        let mut search = |re: &LiteRegex, text: &str, span: Range<usize>| {
            re.captures_in(text, span, &mut caps, &mut locs)
        };
        let end = lite(r"元$").unwrap();
        assert_eq!(search(&end, "5元", 0..4), Some(true));
        // What follows is read: `$` is no end before the `a`.
        assert_eq!(search(&end, "5元a", 0..4), Some(false));
        let line = lite(r"(?m)元$").unwrap();
        assert_eq!(search(&line, "5元\n6", 0..4), Some(true));
        assert_eq!(search(&line, "5元，", 0..4), Some(false));
        // A match that takes in what follows the span says nothing of the span's own matches.
        let either = lite(r"(?m)元(?:，|$)").unwrap();
        assert_eq!(search(&either, "5元，", 0..4), None);
        let word = lite(r"(?-u:\b)ab(?-u:\b)").unwrap();
        assert_eq!(search(&word, "ab 元", 0..2), Some(true));
        assert_eq!(search(&word, "ab元", 0..2), Some(true));
        assert_eq!(search(&word, "abc", 0..2), Some(false));
        assert_eq!(search(&word, "ab_", 0..2), Some(false));
        // A CRLF line start reads the character after it: `\r` then `\n` is no line start.
        let crlf = lite(r"(?mR)\r^").unwrap();
        assert!(crlf.end_sensitive);
        assert_eq!(search(&crlf, "\r\n", 0..1), Some(false));
        assert_eq!(search(&crlf, "\ra", 0..1), Some(true));
    }
}
