//! Fact patterns: regular expressions with macros for the figure grammar.
//!
//! Rules never parse numbers. Before matching, every figure in the article is replaced by one
//! private-use character standing for its dimension, and a macro such as `{amount}` expands to
//! that character. So a pattern cannot cut a figure in half, qualifiers (`超`, `近`) travel with
//! their figure, and `出口{amount}` binds exactly the figure the reader found.

use crate::document::chars::CLAUSE_BREAKS;
use crate::figure::Dimension;
use crate::lazy_regex::LazyRegex;
pub use crate::lazy_regex::PatternError;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::OnceLock;

/// The placeholder standing for a figure of each dimension in the matching text.
pub fn placeholder(dimension: Dimension) -> char {
    match dimension {
        Dimension::Currency => '\u{E000}',
        Dimension::Count => '\u{E001}',
        Dimension::Percent => '\u{E002}',
        Dimension::PercentagePoint => '\u{E003}',
        Dimension::Ratio => '\u{E004}',
        Dimension::Physical => '\u{E005}',
        Dimension::Duration => '\u{E006}',
    }
}

/// The placeholder standing for a year the copy mentions (`1984年`).
pub const YEAR_PLACEHOLDER: char = '\u{E007}';

pub fn is_placeholder(c: char) -> bool {
    ('\u{E000}'..='\u{E007}').contains(&c)
}

/// What a macro matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MacroKind {
    /// `{amount}`: money.
    Amount,
    /// `{count}`: things counted, or a bare number.
    Count,
    /// `{percent}`: %, ‰, 成, fractions.
    Percent,
    /// `{pp}`: percentage points.
    Pp,
    /// `{ratio}`: 倍, 翻番.
    Ratio,
    /// `{quantity}`: physical measures.
    Quantity,
    /// `{duration}`: 年, 个月, 天.
    Duration,
    /// `{figure}`: any figure.
    Figure,
    /// `{year}`: a year the copy mentions (`1984年`), not a figure.
    Year,
    /// `{level}`: an amount, a count or a physical quantity — a level, not a rate.
    Level,
}

pub const MACRO_NAMES: &[(&str, MacroKind)] = &[
    ("amount", MacroKind::Amount),
    ("count", MacroKind::Count),
    ("percent", MacroKind::Percent),
    ("pp", MacroKind::Pp),
    ("ratio", MacroKind::Ratio),
    ("quantity", MacroKind::Quantity),
    ("duration", MacroKind::Duration),
    ("figure", MacroKind::Figure),
    ("year", MacroKind::Year),
    ("level", MacroKind::Level),
];

impl MacroKind {
    fn class(self) -> String {
        let one = |d| format!("\\x{{{:X}}}", placeholder(d) as u32);
        match self {
            MacroKind::Amount => one(Dimension::Currency),
            MacroKind::Count => one(Dimension::Count),
            MacroKind::Percent => one(Dimension::Percent),
            MacroKind::Pp => one(Dimension::PercentagePoint),
            MacroKind::Ratio => one(Dimension::Ratio),
            MacroKind::Quantity => one(Dimension::Physical),
            MacroKind::Duration => one(Dimension::Duration),
            MacroKind::Figure => "[\\x{E000}-\\x{E006}]".to_string(),
            MacroKind::Year => "\\x{E007}".to_string(),
            MacroKind::Level => "[\\x{E000}\\x{E001}\\x{E005}]".to_string(),
        }
    }

    pub fn name(self) -> &'static str {
        MACRO_NAMES
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("figure", |(n, _)| n)
    }
}

/// One macro in a pattern.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MacroUse {
    pub kind: MacroKind,
    /// A unit the figure must have: `{count:辆}`.
    pub unit: Option<String>,
    /// Byte range of the macro in the pattern, for error labels.
    pub span: Range<usize>,
    /// The capture group it expands to.
    pub group: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct CompiledPattern {
    /// Compiled on first use (see [`LazyRegex`]).
    pub regex: LazyRegex,
    /// The names of the pattern's capture groups, known without compiling it.
    pub capture_names: Vec<String>,
    /// Sets of literals, every match containing one literal of each set (`出口` and a figure's
    /// placeholder for `出口{amount}`), the most selective first; empty when no set is useful.
    /// An article that lacks every literal of a set cannot match, so the regex is never run on
    /// it; elsewhere a match lies around an occurrence of each set.
    pub required: Vec<Vec<String>>,
    /// The longest match in bytes, when it is bounded: a match containing a literal then lies
    /// within this many bytes of it, so only windows around the literals need searching.
    pub reach: Option<usize>,
    /// The [`BARRIERS`] no match can contain, one bit each: a match containing a literal then
    /// lies between the barriers either side of it, however long it may be.
    pub barriers: u8,
    pub macros: Vec<MacroUse>,
    /// `{@fact.capture}`: text another fact captured, which must stand here.
    pub reference: Option<Reference>,
}

/// A reference to another fact's capture, and where it stands in the pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    pub fact: String,
    pub capture: String,
    pub span: Range<usize>,
}

fn reference_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\{@([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\}")
            .expect("reference syntax")
    })
}

fn reserved_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\(\?P?<(__f[0-9]*)").expect("reserved capture syntax"))
}

fn macro_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\{([A-Za-z_][A-Za-z0-9_]*)(?::([^{}]*))?\}").expect("macro syntax")
    })
}

/// Expands macros and compiles a fact pattern.
pub fn compile(pattern: &str) -> Result<CompiledPattern, PatternError> {
    let mut macros = Vec::new();
    let mut validated = String::with_capacity(pattern.len());
    let mut expanded = String::with_capacity(pattern.len() + 16);
    let mut last = 0;
    for caps in macro_regex().captures_iter(pattern) {
        let whole = caps.get(0).expect("group 0");
        if escaped(pattern, whole.start()) {
            continue;
        }
        let written = &caps[1];
        // `{_amount}`: a figure the pattern needs as context, not the one the fact binds.
        let (context_only, name) = match written.strip_prefix('_') {
            Some(rest) => (true, rest),
            None => (false, written),
        };
        let kind = MACRO_NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, k)| *k)
            .ok_or_else(|| PatternError {
                span: whole.range(),
                message: format!("unknown macro `{{{written}}}`"),
                help: Some(format!(
                    "macros are {} (prefix `_` to match a figure without binding it: `{{_amount}}`)",
                    MACRO_NAMES.iter().map(|(n, _)| format!("{{{n}}}")).collect::<Vec<_>>().join(", ")
                )),
            })?;
        let unit = caps.get(2).map(|u| u.as_str().trim().to_string());
        if unit.as_deref() == Some("") {
            return Err(PatternError {
                span: whole.range(),
                message: "empty unit in macro".into(),
                help: Some(format!("write `{{{name}}}` or `{{{name}:辆}}`")),
            });
        }
        // Same length as the macro, so parser offsets stay offsets into the user's pattern.
        validated.push_str(&pattern[last..whole.start()]);
        validated.push_str(&stand_in(whole.len()));
        expanded.push_str(&pattern[last..whole.start()]);
        last = whole.end();
        if context_only {
            expanded.push_str(&format!("(?:{})", kind.class()));
            continue;
        }
        let group = format!("__f{}", macros.len());
        expanded.push_str(&format!("(?P<{group}>{})", kind.class()));
        macros.push(MacroUse {
            kind,
            unit,
            span: whole.range(),
            group,
        });
    }
    validated.push_str(&pattern[last..]);
    expanded.push_str(&pattern[last..]);
    let mut reference = None;
    let refs: Vec<_> = reference_regex().captures_iter(pattern).collect();
    if refs.len() > 1 {
        let second = refs[1].get(0).expect("group 0");
        return Err(PatternError {
            span: second.range(),
            message: "a fact pattern may refer to one other fact's capture".into(),
            help: None,
        });
    }
    if let Some(caps) = refs.first() {
        let whole = caps.get(0).expect("group 0");
        let token = whole.as_str();
        validated = validated.replacen(token, &stand_in(token.len()), 1);
        // The referenced text is checked when binding; here, any run of a name's characters.
        // At the pattern's start the name is the clause's opening words: anchoring it at the
        // clause break gives one match per clause instead of one per character before the figure.
        let group = if whole.start() == 0 {
            r"(?:\A|[，。；：！？,;:\n])(?P<__ref>[^，。；：！？,;:\n]{1,24}?)"
        } else {
            "(?P<__ref>[^，。；：！？,;:]{1,24}?)"
        };
        expanded = expanded.replacen(token, group, 1);
        reference = Some(Reference {
            fact: caps[1].to_string(),
            capture: caps[2].to_string(),
            span: whole.range(),
        });
    }
    check_syntax(&validated)?;
    if let Some(m) = reserved_regex().find(pattern) {
        return Err(PatternError {
            span: m.range(),
            message: "capture names starting with `__f` are reserved for macros".into(),
            help: None,
        });
    }
    if macros.is_empty() {
        return Err(PatternError {
            span: 0..pattern.len(),
            message: "a fact pattern needs exactly one figure macro".into(),
            help: Some("add the figure the fact stands for, e.g. `出口{amount}`".into()),
        });
    }
    // Several binding macros are alternatives (`{year}起步|成立于{year}`): they must agree on
    // what they bind.
    if let Some(other) = macros
        .iter()
        .skip(1)
        .find(|m| m.kind != macros[0].kind || m.unit != macros[0].unit)
    {
        return Err(PatternError {
            span: other.span.clone(),
            message: format!(
                "a fact binds one kind of figure; this macro binds {{{}}} where the first binds {{{}}}",
                other.kind.name(),
                macros[0].kind.name()
            ),
            help: Some("make the other figure a fact of its own, or prefix it with `_` to match it as context".into()),
        });
    }
    let hir = parse_hir(&expanded, pattern.len())?;
    let mut capture_names = Vec::new();
    collect_capture_names(&hir, &mut capture_names);
    let required = conjuncts(&hir);
    let reach = hir.properties().maximum_len();
    let barriers = barriers(&hir);
    Ok(CompiledPattern {
        regex: lazy_regex_parsed(expanded, hir, pattern.len())?,
        capture_names,
        required,
        reach,
        barriers,
        macros,
        reference,
    })
}

/// The HIR of an expanded pattern; an error spans the whole pattern as the user wrote it.
fn parse_hir(source: &str, user_len: usize) -> Result<regex_syntax::hir::Hir, PatternError> {
    regex_syntax::ParserBuilder::new()
        .build()
        .parse(source)
        .map_err(|e| PatternError {
            span: 0..user_len,
            message: e.to_string(),
            help: None,
        })
}

/// Patterns whose size bound (see [`size_bound`]) is below this compile lazily.
const LAZY_BOUND: usize = 20_000;

/// Parses `source` (a pattern with its macros expanded) into a regex compiled on first use, or
/// now if it may be large; an error spans the whole pattern as the user wrote it.
fn lazy_regex(source: String, user_len: usize) -> Result<LazyRegex, PatternError> {
    let hir = parse_hir(&source, user_len)?;
    lazy_regex_parsed(source, hir, user_len)
}

fn lazy_regex_parsed(
    source: String,
    hir: regex_syntax::hir::Hir,
    user_len: usize,
) -> Result<LazyRegex, PatternError> {
    let compile_now = size_bound(&hir) >= LAZY_BOUND;
    LazyRegex::new(source, hir, compile_now, user_len)
}

/// A generous bound on how large a pattern's automaton can grow: literals count their bytes,
/// classes four states per range, repetitions multiply.
fn size_bound(hir: &regex_syntax::hir::Hir) -> usize {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 1,
        HirKind::Literal(l) => l.0.len(),
        HirKind::Class(Class::Unicode(c)) => 4 * c.ranges().len() + 4,
        HirKind::Class(Class::Bytes(c)) => c.ranges().len() + 1,
        HirKind::Repetition(r) => {
            let copies = r.max.map_or(r.min.saturating_add(1), |m| m.max(1)) as usize;
            size_bound(&r.sub).saturating_mul(copies)
        }
        HirKind::Capture(c) => size_bound(&c.sub),
        HirKind::Concat(children) | HirKind::Alternation(children) => children
            .iter()
            .map(size_bound)
            .fold(1usize, usize::saturating_add),
    }
}

fn collect_capture_names(hir: &regex_syntax::hir::Hir, out: &mut Vec<String>) {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Capture(c) => {
            if let Some(name) = &c.name {
                out.push(name.to_string());
            }
            collect_capture_names(&c.sub, out);
        }
        HirKind::Repetition(r) => collect_capture_names(&r.sub, out),
        HirKind::Concat(children) | HirKind::Alternation(children) => {
            for child in children {
                collect_capture_names(child, out);
            }
        }
        _ => {}
    }
}

/// Characters that end a line or a clause ([`CLAUSE_BREAKS`], full-width only). A pattern that
/// cannot match one of them (a class of Han characters, `[^，。]{0,8}`) never matches across it.
pub const BARRIERS: [char; 7] = CLAUSE_BREAKS;

/// The [`BARRIERS`] no match of the pattern can contain, as bits (bit `i` for `BARRIERS[i]`).
fn barriers(hir: &regex_syntax::hir::Hir) -> u8 {
    BARRIERS
        .iter()
        .enumerate()
        .filter(|&(_, &c)| !can_contain(hir, c))
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

/// Whether some match of the pattern can contain `c` (look-arounds consume nothing).
fn can_contain(hir: &regex_syntax::hir::Hir, c: char) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        // A literal of bytes that are not UTF-8 could be part of anything.
        HirKind::Literal(lit) => std::str::from_utf8(&lit.0).map_or(true, |s| s.contains(c)),
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .any(|r| (r.start()..=r.end()).contains(&c)),
        HirKind::Class(Class::Bytes(_)) => true,
        HirKind::Repetition(rep) => rep.max != Some(0) && can_contain(&rep.sub, c),
        HirKind::Capture(cap) => can_contain(&cap.sub, c),
        HirKind::Concat(children) | HirKind::Alternation(children) => {
            children.iter().any(|child| can_contain(child, c))
        }
    }
}

/// At most this many literals in one set: more would not be selective.
const MAX_LITERALS: usize = 48;

/// At most this many sets of required literals per pattern: each costs a look at its
/// occurrences in every article the pattern is searched in.
const MAX_CONJUNCTS: usize = 4;

/// Literal sets every match contains one of each (see [`CompiledPattern::required`]): one per
/// part of a concatenation that every match passes through, most selective first.
pub(crate) fn conjuncts(hir: &regex_syntax::hir::Hir) -> Vec<Vec<String>> {
    fn collect(hir: &regex_syntax::hir::Hir, out: &mut Vec<Vec<String>>) {
        use regex_syntax::hir::HirKind;
        match hir.kind() {
            HirKind::Concat(children) => children.iter().for_each(|child| collect(child, out)),
            HirKind::Capture(cap) => collect(&cap.sub, out),
            HirKind::Repetition(rep) if rep.min >= 1 => collect(&rep.sub, out),
            _ => out.extend(required(hir)),
        }
    }
    let mut sets = Vec::new();
    collect(hir, &mut sets);
    // Stable: of equally selective sets, the first in the pattern leads.
    sets.sort_by_key(|set| std::cmp::Reverse(score(set)));
    let mut kept: Vec<Vec<String>> = Vec::new();
    for set in sets {
        if !kept.contains(&set) && kept.len() < MAX_CONJUNCTS {
            kept.push(set);
        }
    }
    kept
}

fn required(hir: &regex_syntax::hir::Hir) -> Option<Vec<String>> {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Literal(lit) => Some(vec![String::from_utf8(lit.0.to_vec()).ok()?]),
        HirKind::Class(Class::Unicode(class)) => {
            let mut out = Vec::new();
            for r in class.ranges() {
                for c in r.start()..=r.end() {
                    out.push(c.to_string());
                    if out.len() > 8 {
                        return None;
                    }
                }
            }
            Some(out)
        }
        HirKind::Class(_) | HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub),
        HirKind::Repetition(_) => None,
        HirKind::Capture(cap) => required(&cap.sub),
        HirKind::Concat(children) => children
            .iter()
            .filter_map(required)
            .max_by_key(|set| score(set)),
        HirKind::Alternation(children) => {
            let mut out: Vec<String> = Vec::new();
            for child in children {
                out.extend(required(child)?);
                if out.len() > MAX_LITERALS {
                    return None;
                }
            }
            out.sort();
            out.dedup();
            Some(out)
        }
    }
}

/// How selective a literal set is: the length of its shortest literal, counting only ordinary
/// characters (figure placeholders occur in every article).
fn score(set: &[String]) -> usize {
    set.iter()
        .map(|l| {
            l.chars()
                .filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c))
                .count()
        })
        .min()
        .unwrap_or(0)
}

/// Compiles a context regex (`not_after`, `not_in_clause`): no macros allowed. Like fact
/// patterns, it is checked now and compiled on first use.
pub fn compile_context(pattern: &str, suffix_anchor: bool) -> Result<LazyRegex, PatternError> {
    check_syntax(pattern)?;
    let full = if suffix_anchor {
        format!("(?:{pattern})$")
    } else {
        pattern.to_string()
    };
    lazy_regex(full, pattern.len())
}

fn check_syntax(pattern: &str) -> Result<(), PatternError> {
    let mut parser = regex_syntax::ast::parse::ParserBuilder::new()
        .nest_limit(100)
        .build();
    parser.parse(pattern).map(|_| ()).map_err(|e| {
        let span = e.span();
        let start = span.start.offset;
        let end = span.end.offset.max(start + next_char_len(pattern, start));
        PatternError {
            span: start..end.min(pattern.len()),
            message: format!("invalid regex: {}", e.kind()),
            help: None,
        }
    })
}

fn next_char_len(s: &str, at: usize) -> usize {
    s.get(at..)
        .and_then(|t| t.chars().next())
        .map_or(0, char::len_utf8)
}

/// A valid regex atom of exactly `len` bytes (len ≥ 4), standing in for a macro while the user's
/// regex syntax is checked.
fn stand_in(len: usize) -> String {
    format!("(?:{})", "a".repeat(len.saturating_sub(4)))
}

/// Whether the `{` at `at` belongs to the regex syntax rather than a macro: escaped (`\{`), or
/// the brace of a Unicode class or code point (`\p{Han}`, `\x{E000}`).
fn escaped(s: &str, at: usize) -> bool {
    let odd_backslashes =
        |end: usize| s[..end].bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1;
    if odd_backslashes(at) {
        return true;
    }
    let before = &s[..at];
    ["p", "P", "x", "u", "U"]
        .iter()
        .any(|l| before.ends_with(l) && odd_backslashes(at - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_macros_to_placeholder_groups() {
        let p = compile("出口(?:额)?{amount}").unwrap();
        assert_eq!(p.macros.len(), 1);
        assert!(p.regex.is_match("出口额\u{E000}"));
        assert!(!p.regex.is_match("出口额\u{E001}"));
        let text = "我国出口\u{E000}，";
        let mut groups = p.regex.groups();
        assert!(p.regex.captures_at(text, 0, &mut groups));
        assert_eq!(&text[groups.name("__f0").unwrap()], "\u{E000}");
    }

    #[test]
    fn context_macros_match_without_binding() {
        let p = compile("出口{_amount}，增长{percent}").unwrap();
        assert_eq!(p.macros.len(), 1);
        assert_eq!(p.macros[0].kind, MacroKind::Percent);
        let mut groups = p.regex.groups();
        assert!(p
            .regex
            .captures_at("出口\u{E000}，增长\u{E002}", 0, &mut groups));
        assert_eq!(
            groups.name("__f0").unwrap().start,
            "出口\u{E000}，增长".len()
        );
    }

    #[test]
    fn unit_constraints_and_repetition_counts_coexist() {
        let p = compile("汽车{count:辆}[^，]{0,3}").unwrap();
        assert_eq!(p.macros[0].unit.as_deref(), Some("辆"));
    }

    #[test]
    fn errors_point_into_the_pattern() {
        let e = compile("出口{amonut}").unwrap_err();
        assert_eq!(e.span, 6..14);
        let e = compile("出口(额{amount}").unwrap_err();
        assert!(e.message.contains("invalid regex"), "{}", e.message);
        let e = compile("出口[额{amount}").unwrap_err();
        assert_eq!(e.span.start, 6);
        assert!(compile("出口").is_err());
        assert!(compile("{amount}{percent}").is_err());
        assert!(compile("(?:{year}起步|成立于{year})").is_ok());
        assert_eq!(
            compile(r"\p{Han}{1,3}{amount}\x{4E00}")
                .unwrap()
                .macros
                .len(),
            1
        );
        assert!(compile(r"\{amount}").is_err());
        assert!(
            compile("{_amount}").is_err(),
            "a context macro does not bind"
        );
    }

    #[test]
    fn required_literals_are_what_every_match_contains() {
        let lits = |p: &str| compile(p).unwrap().required;
        let set = |lits: &[&str]| lits.iter().map(|l| l.to_string()).collect::<Vec<_>>();
        let (amount, percent) = (set(&["\u{E000}"]), set(&["\u{E002}"]));
        assert_eq!(
            lits("(?:进出口|外贸)(?:总值|总额)?(?:为|达){amount}"),
            vec![set(&["外贸", "进出口"]), set(&["为", "达"]), amount.clone()]
        );
        assert_eq!(
            lits("出口(?:额)?{amount}"),
            vec![set(&["出口"]), amount.clone()]
        );
        // Nothing required beyond the figure itself: its placeholder.
        assert_eq!(lits("(?:占比)?{percent}"), vec![percent.clone()]);
        assert_eq!(lits("[^，。]{0,8}{percent}"), vec![percent.clone()]);
        // Parts inside captures and required repetitions count; optional ones do not.
        assert_eq!(
            lits("(?P<x>(?:增长){1,2})(?:下降)?{percent}"),
            vec![set(&["增长"]), percent]
        );
        // Nothing every match contains.
        assert!(lits(r"(?:\p{Han}|{amount})").is_empty());
    }

    #[test]
    fn barriers_are_the_breaks_no_match_can_contain() {
        let bits = |p: &str| compile(p).unwrap().barriers;
        // Han characters, `、` and placeholders: no break at all.
        assert_eq!(bits(r"(?:\p{Han}{1,8}、)+{count}"), 0b111_1111);
        // A negated class holds every break it does not name; a literal holds its own.
        assert_eq!(bits("[^，。]*{percent}"), 0b000_1010);
        assert_eq!(bits("出口，进口{amount}"), 0b111_0111);
        // Looks consume nothing; a repetition of at most zero matches nothing.
        assert_eq!(bits(r"(?m:^)(?:。){0}\b{amount}$"), 0b111_1111);
        assert_eq!(bits(r"(?s:.)*{amount}"), 0);
    }

    #[test]
    fn patterns_compile_on_first_use() {
        let p = compile("出口(?P<kind>额)?{amount}").unwrap();
        assert!(!p.regex.is_compiled());
        assert_eq!(p.capture_names.iter().filter(|n| *n == "kind").count(), 1);
        assert!(!p.regex.is_match("进口额"));
        assert!(p.regex.is_compiled());
    }

    #[test]
    fn huge_patterns_are_refused_not_compiled() {
        let e = compile("{amount}(?:a{1000}){1000}").unwrap_err();
        assert!(
            e.message.contains("more than") || e.message.contains("size"),
            "{}",
            e.message
        );
    }
}
