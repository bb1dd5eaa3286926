//! Rules are data: YAML files that name the facts an article states (regexes with figure
//! macros) and the arithmetic that must hold between them. This module loads and compiles them;
//! every mistake in a rule file becomes a diagnostic labelled at its exact bytes.

pub mod concepts;
mod error;
pub mod expr;
pub mod pack;
pub mod pattern;
pub mod prefilter;
pub mod schema;

use crate::document::{LineIndex, ReadError};
use crate::families;
use crate::figure::{Dimension, UnitEntry, UnitTable};
use crate::lazy_regex::LazyRegex;
pub use error::{LoadError, RuleError};
use expr::{Check, Env, Ty, Type};
use miette::NamedSource;
use pattern::{CompiledPattern, MacroKind, PatternError};
use schema::{DimensionSpec, RuleFile, RuleSpec};
pub use schema::{Scope, Severity};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

/// The rule files shipped in the binary, so `factlint check FILE` needs no configuration.
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "rules/zh/concepts.yaml",
        include_str!("../../rules/zh/concepts.yaml"),
    ),
    (
        "rules/zh/trade.yaml",
        include_str!("../../rules/zh/trade.yaml"),
    ),
    (
        "rules/zh/finance.yaml",
        include_str!("../../rules/zh/finance.yaml"),
    ),
    (
        "rules/zh/vehicles.yaml",
        include_str!("../../rules/zh/vehicles.yaml"),
    ),
    (
        "rules/zh/auto.yaml",
        include_str!("../../rules/zh/auto.yaml"),
    ),
    (
        "rules/zh/economy.yaml",
        include_str!("../../rules/zh/economy.yaml"),
    ),
    (
        "rules/zh/consumption.yaml",
        include_str!("../../rules/zh/consumption.yaml"),
    ),
    (
        "rules/zh/services.yaml",
        include_str!("../../rules/zh/services.yaml"),
    ),
    (
        "rules/zh/generic.yaml",
        include_str!("../../rules/zh/generic.yaml"),
    ),
    (
        "rules/zh/reserves.yaml",
        include_str!("../../rules/zh/reserves.yaml"),
    ),
    (
        "rules/zh/fiscal.yaml",
        include_str!("../../rules/zh/fiscal.yaml"),
    ),
    (
        "rules/zh/investment.yaml",
        include_str!("../../rules/zh/investment.yaml"),
    ),
    (
        "rules/zh/industry.yaml",
        include_str!("../../rules/zh/industry.yaml"),
    ),
    (
        "rules/zh/transport.yaml",
        include_str!("../../rules/zh/transport.yaml"),
    ),
    (
        "rules/zh/tourism.yaml",
        include_str!("../../rules/zh/tourism.yaml"),
    ),
    (
        "rules/zh/prices.yaml",
        include_str!("../../rules/zh/prices.yaml"),
    ),
    (
        "rules/zh/energy.yaml",
        include_str!("../../rules/zh/energy.yaml"),
    ),
];

/// A compiled rule.
#[derive(Debug, Serialize, Deserialize)]
pub struct Rule {
    pub id: String,
    pub title: String,
    pub family: Option<String>,
    pub severity: Severity,
    pub scope: Scope,
    pub within: Option<u32>,
    pub message: String,
    pub help: Option<String>,
    pub facts: Vec<Fact>,
    /// Index into `facts` of the fact bindings start from.
    pub anchor: usize,
    pub agree: Vec<String>,
    pub check: Check,
    /// The check as written in the rule file.
    pub check_source: String,
    /// Groups of names that `{@fact.capture}` references treat as one.
    pub aliases: Vec<Vec<String>>,
    pub examples: Vec<Example>,
    pub origin: Origin,
}

/// A named fact: which figure of the article it is, and where it may not be.
#[derive(Debug, Serialize, Deserialize)]
pub struct Fact {
    pub name: String,
    pub label: String,
    pub pattern: CompiledPattern,
    pub kind: MacroKind,
    pub unit: Option<String>,
    pub not_after: Option<LazyRegex>,
    pub not_in_clause: Option<LazyRegex>,
    pub not_in_match: Option<LazyRegex>,
    pub in_clause: Option<LazyRegex>,
    /// A subject guard: a regex, how many paragraphs away it may match, and whether only the
    /// following paragraphs count.
    pub near: Option<(LazyRegex, u32, bool)>,
    /// Skips figures qualified with at least / at most.
    pub unqualified: bool,
    /// Binds only figures before the anchor.
    pub before_anchor: bool,
    /// Must stand in the anchor's sentence or paragraph.
    pub scope: Option<Scope>,
    /// Binds every candidate in the scope unit, as a list.
    pub many: bool,
}

impl Fact {
    pub fn ty(&self) -> Type {
        let ty = match self.kind {
            MacroKind::Amount => Ty::Money,
            MacroKind::Count => Ty::Count,
            MacroKind::Percent | MacroKind::Ratio => Ty::Ratio,
            MacroKind::Pp => Ty::Pp,
            MacroKind::Quantity => Ty::Physical,
            MacroKind::Duration => Ty::Duration,
            MacroKind::Figure | MacroKind::Level => Ty::Any,
            MacroKind::Year => Ty::Year,
        };
        Type {
            ty,
            list: self.many,
        }
    }

    pub fn has_capture(&self, name: &str) -> bool {
        self.pattern.capture_names.iter().any(|n| n == name)
    }
}

/// The type checker's view of a rule's facts while it compiles.
struct FactEnv<'a> {
    facts: &'a [Fact],
    /// Facts whose pattern failed to compile: known, of unknown type.
    broken: Vec<&'a str>,
}

impl Env for FactEnv<'_> {
    fn fact(&self, name: &str) -> Option<Type> {
        self.facts
            .iter()
            .find(|f| f.name == name)
            .map(Fact::ty)
            .or_else(|| self.broken.contains(&name).then_some(Type::scalar(Ty::Any)))
    }

    fn has_capture(&self, fact: &str, capture: &str) -> bool {
        // `period` is built in for every fact.
        capture == "period"
            || self.broken.contains(&fact)
            || self
                .facts
                .iter()
                .any(|f| f.name == fact && f.has_capture(capture))
    }
}

/// An example sentence carried by a rule, run by `factlint rules test` and `cargo test`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Example {
    pub text: String,
    /// Where the example stands in the rule file.
    pub span: Range<usize>,
    pub expect: Expectation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Expectation {
    /// The rule must bind and hold.
    Pass,
    /// The rule must stay silent.
    Silent,
    /// The rule must fire, at this severity, labelling these figures.
    Fail {
        severity: Severity,
        labels: Vec<String>,
    },
}

/// Where a rule was defined.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Origin {
    pub path: String,
    /// The whole rule file; the shipped pack leaves it out (`pack::load` shares the file's).
    #[serde(skip)]
    pub source: Arc<String>,
    /// The rule's `id` value in the file.
    pub span: Range<usize>,
}

impl Origin {
    /// The whole rule's YAML text, for `rules explain`: found in the file when asked for (every
    /// rule's, found at load, was a quarter of loading the shipped pack).
    pub fn text(&self) -> String {
        rule_text(&self.source, self.span.start)
    }

    pub fn named_source(&self) -> NamedSource<String> {
        NamedSource::new(&self.path, self.source.as_ref().clone())
    }
}

/// All loaded rules and the unit table they extend.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub units: UnitTable,
    /// Which of the built-in relations on statements run: all of them with the shipped pack,
    /// none without it (`--no-default-rules`).
    pub relations: RelationChoice,
    /// Concepts and the identities between them, checked on statements.
    pub knowledge: concepts::Knowledge,
    /// Built on first use; rules added later are never skipped (see `Present::windows`).
    prefilter: std::sync::OnceLock<prefilter::Prefilter>,
}

/// Which built-in relations run and at which severity. The relations are registered above this
/// layer; a configuration names them by id or family, as it names rules.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RelationChoice {
    /// Whether the built-in relations run at all.
    pub on: bool,
    /// Relation ids switched off.
    pub off: std::collections::BTreeSet<String>,
    /// The severity of a relation's failure under the strict reading, by id, where the
    /// configuration changed it.
    pub severity: std::collections::BTreeMap<String, Severity>,
}

impl RelationChoice {
    /// Whether a relation runs.
    pub fn runs(&self, id: &str) -> bool {
        self.on && !self.off.contains(id)
    }
}

impl RuleSet {
    /// The shipped rule pack: read from its ahead-of-time compiled form (`rules/shipped.pack`)
    /// when that was made from the YAML built into this binary, else compiled from the YAML.
    pub fn shipped() -> Result<Self, LoadError> {
        let mut set = match pack::shipped() {
            Some(set) => set,
            None => Self::shipped_from_yaml()?,
        };
        set.relations.on = true;
        Ok(set)
    }

    /// The shipped rule pack compiled from its YAML, its files parsed and compiled on every
    /// core; what `rules/shipped.pack` must be equal to.
    pub fn shipped_from_yaml() -> Result<Self, LoadError> {
        let mut set = Self::default();
        for parsed in crate::parallel::map(SHIPPED, |(path, text)| parse_source(path, text)) {
            set.merge(parsed?)?;
        }
        Ok(set)
    }

    /// Adds the rules of a YAML file or of every `.yaml`/`.yml` file below a folder.
    pub fn add_path(&mut self, path: &Path) -> Result<(), LoadError> {
        let mut files = Vec::new();
        collect_rule_files(path, &mut files)?;
        let mut errors = Vec::new();
        for file in files {
            let text = crate::document::read_source(&file)?;
            if let Err(e) = self.add_source(&file.display().to_string(), &text) {
                errors.push(e);
            }
        }
        combine(errors)
    }

    /// Compiles the rules of one YAML text; every error of the file is reported.
    pub fn add_source(&mut self, path: &str, text: &str) -> Result<(), LoadError> {
        self.merge(parse_source(path, text)?)
    }

    /// Adds a parsed file's units and rules; a rule id met before is an error at its id.
    fn merge(&mut self, parsed: Parsed) -> Result<(), LoadError> {
        let Parsed {
            path,
            source,
            units,
            rules,
            concepts,
            identities,
            mut errors,
        } = parsed;
        let ctx = Ctx {
            path: &path,
            text: &source,
            source: &source,
        };
        for unit in units {
            self.units.extend(unit);
        }
        for (rule, id_span) in rules {
            if let Some(first) = self.rules.iter().find(|r| r.id == rule.id) {
                errors.push(ctx.error(
                    id_span,
                    format!("duplicate rule id `{}`", rule.id),
                    "defined again here",
                    Some(format!("first defined in {}", first.origin.path)),
                ));
            } else if let Some(first) = self.knowledge.identity(&rule.id) {
                errors.push(ctx.error(
                    id_span,
                    format!("duplicate rule id `{}`", rule.id),
                    "defined again here",
                    Some(format!("first defined in {}", first.origin.path)),
                ));
            } else {
                self.rules.push(rule);
            }
        }
        let rules = &self.rules;
        let rule_ids = |id: &str| {
            rules
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.origin.path.clone())
        };
        let mut more = self.knowledge.merge(&ctx, concepts, identities, &rule_ids);
        errors.append(&mut more);
        combine(errors)
    }

    /// Whether [`RuleSet::prefilter`] has been built.
    pub fn has_prefilter(&self) -> bool {
        self.prefilter.get().is_some()
    }

    /// The literal prefilter over every fact pattern of the set.
    pub fn prefilter(&self) -> &prefilter::Prefilter {
        self.prefilter
            .get_or_init(|| prefilter::Prefilter::new(self))
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

fn combine(mut errors: Vec<LoadError>) -> Result<(), LoadError> {
    match errors.len() {
        0 => Ok(()),
        1 => Err(errors.remove(0)),
        count => Err(LoadError::Many { count, errors }),
    }
}

fn collect_rule_files(path: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), LoadError> {
    let meta = std::fs::metadata(path).map_err(|source| ReadError::Io {
        path: path.display().to_string(),
        source,
    })?;
    if meta.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(path)
        .map_err(|source| ReadError::Io {
            path: path.display().to_string(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect_rule_files(&entry, out)?;
        } else if entry.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(entry);
        }
    }
    Ok(())
}

/// One rule file, parsed and compiled but not yet added to a set.
struct Parsed {
    path: String,
    source: Arc<String>,
    units: Vec<UnitEntry>,
    /// Each rule with the span of its id, where a duplicate id is reported.
    rules: Vec<(Rule, Range<usize>)>,
    /// Each concept with the span of its name.
    concepts: Vec<(concepts::Concept, Range<usize>)>,
    identities: Vec<concepts::Identity>,
    errors: Vec<LoadError>,
}

/// Parses and compiles one YAML rule file; a YAML error stops it, every rule error is kept.
fn parse_source(path: &str, text: &str) -> Result<Parsed, LoadError> {
    let source = Arc::new(text.to_string());
    let ctx = Ctx {
        path,
        text,
        source: &source,
    };
    // The default node budget (250,000) refuses a 10,000-rule file; alias and depth limits
    // stay at their defaults, which is what stops alias bombs and runaway nesting.
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_nodes: 5_000_000,
        },
    };
    let file: RuleFile = serde_saphyr::from_str_with_options(text, options)
        .map_err(|e| ctx.yaml_error(&e, "rule files are YAML: see docs/rules.md"))?;
    let units = file
        .units
        .iter()
        .map(|u| UnitEntry {
            surface: u.surface.value.clone(),
            unit: u.unit.value.clone(),
            dimension: match u.dimension.value {
                DimensionSpec::Currency => Dimension::Currency,
                DimensionSpec::Count => Dimension::Count,
                DimensionSpec::Physical => Dimension::Physical,
                DimensionSpec::Duration => Dimension::Duration,
            },
            not_before: u.not_before.iter().map(|w| w.value.clone()).collect(),
        })
        .collect();
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for spec in &file.rules {
        match compile_rule(&ctx, spec) {
            Ok(rule) => rules.push((rule, ctx.whole(&spec.id))),
            Err(mut es) => errors.append(&mut es),
        }
    }
    let concepts = concepts::compile_concepts(&ctx, &file.concepts, &mut errors);
    let mut identities = Vec::new();
    for spec in &file.identities {
        match concepts::compile_identity(&ctx, spec) {
            Ok(identity) => identities.push(identity),
            Err(mut es) => errors.append(&mut es),
        }
    }
    Ok(Parsed {
        path: path.to_string(),
        source,
        units,
        rules,
        concepts,
        identities,
        errors,
    })
}

/// The file being compiled, for building located errors.
pub(crate) struct Ctx<'a> {
    pub(crate) path: &'a str,
    pub(crate) text: &'a str,
    pub(crate) source: &'a Arc<String>,
}

impl Ctx<'_> {
    /// A mistake at `span` of the file.
    pub(crate) fn located(
        &self,
        span: Range<usize>,
        message: String,
        label: &str,
        help: Option<String>,
    ) -> RuleError {
        RuleError {
            message,
            source_code: NamedSource::new(self.path, self.text.to_string()),
            span: (span.start, span.end - span.start).into(),
            label: label.to_string(),
            help,
        }
    }

    /// A mistake at `span` of a rule file.
    pub(crate) fn error(
        &self,
        span: Range<usize>,
        message: String,
        label: &str,
        help: Option<String>,
    ) -> LoadError {
        LoadError::Rule(Box::new(self.located(span, message, label, help)))
    }

    /// A rule file that is not YAML of the expected shape.
    pub(crate) fn yaml_error(&self, e: &serde_saphyr::Error, help: &str) -> LoadError {
        LoadError::Rule(Box::new(self.yaml_located(e, help)))
    }

    /// A YAML error, labelled where the parser stopped.
    pub(crate) fn yaml_located(&self, e: &serde_saphyr::Error, help: &str) -> RuleError {
        let first = e.to_string();
        let first = first.lines().next().unwrap_or("invalid YAML");
        let message = first
            .strip_prefix("error: ")
            .map(|m| {
                m.split_once(": ")
                    .filter(|(loc, _)| loc.starts_with("line "))
                    .map_or(m, |(_, rest)| rest)
            })
            .unwrap_or(first)
            .to_string();
        let span = e.location().map_or(0..0, |l| {
            let start = l
                .span()
                .byte_offset()
                .map_or_else(|| self.offset_of(l.line(), l.column()), |b| b as usize);
            let len = l.span().byte_len().map_or(1, |n| n as usize).max(1);
            let start = start.min(self.text.len());
            start..(start + len).min(self.text.len()).max(start)
        });
        self.located(span, message, "here", Some(help.into()))
    }

    fn offset_of(&self, line: u64, column: u64) -> usize {
        let at = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
        LineIndex::new(self.text).offset(self.text, at(line), at(column))
    }

    /// The byte range of a whole value (quotes included).
    pub(crate) fn whole<T>(&self, s: &Spanned<T>) -> Range<usize> {
        let loc = s.defined;
        let start = loc
            .span()
            .byte_offset()
            .map_or_else(|| self.offset_of(loc.line(), loc.column()), |b| b as usize)
            .min(self.text.len());
        let len = loc.span().byte_len().map_or(1, |n| n as usize);
        start..(start + len).min(self.text.len())
    }

    /// The byte range of `inner` (a range of the value's text) in the file. Exact for plain and
    /// quoted scalars without escapes; otherwise the whole value.
    fn inner(&self, s: &Spanned<String>, inner: Range<usize>) -> Range<usize> {
        let whole = self.whole(s);
        let raw = &self.text[whole.clone()];
        let content_start = if raw.starts_with('\'') || raw.starts_with('"') {
            whole.start + 1
        } else {
            whole.start
        };
        let verbatim = self
            .text
            .get(content_start..content_start + s.value.len())
            .is_some_and(|t| t == s.value);
        if verbatim {
            content_start + inner.start
                ..content_start + inner.end.max(inner.start + 1).min(s.value.len().max(1))
        } else {
            whole
        }
    }
}

/// A rule's or identity's examples, each with where it stands in its file.
pub(crate) fn compile_examples(ctx: &Ctx, spec: Option<&schema::ExamplesSpec>) -> Vec<Example> {
    let Some(ex) = spec else {
        return Vec::new();
    };
    let plain = |texts: &[Spanned<String>], expect: Expectation| {
        texts
            .iter()
            .map(|p| Example {
                text: p.value.clone(),
                span: ctx.whole(p),
                expect: expect.clone(),
            })
            .collect::<Vec<_>>()
    };
    let mut out = plain(&ex.pass, Expectation::Pass);
    out.extend(plain(&ex.silent, Expectation::Silent));
    out.extend(ex.fail.iter().map(|f| Example {
        text: f.text.value.clone(),
        span: ctx.whole(&f.text),
        expect: Expectation::Fail {
            severity: f.severity.unwrap_or(Severity::Error),
            labels: f.labels.clone(),
        },
    }));
    out
}

pub(crate) fn is_kebab(id: &str) -> bool {
    let mut prev_dash = true;
    for c in id.chars() {
        match c {
            'a'..='z' | '0'..='9' => prev_dash = false,
            '-' if !prev_dash => prev_dash = true,
            _ => return false,
        }
    }
    !id.is_empty() && !prev_dash && id.starts_with(|c: char| c.is_ascii_lowercase())
}

fn compile_rule(ctx: &Ctx, spec: &RuleSpec) -> Result<Rule, Vec<LoadError>> {
    let mut errors = Vec::new();
    let id = spec.id.value.clone();
    if !is_kebab(&id) {
        errors.push(ctx.error(
            ctx.whole(&spec.id),
            format!("rule id `{id}` is not kebab-case"),
            "rule id",
            Some("use lowercase words joined by dashes, e.g. `trade-balance`".into()),
        ));
    }
    if let Some(f) = &spec.family {
        if families::family(&f.value).is_none() {
            let names: Vec<&str> = families::FAMILIES.iter().map(|f| f.name).collect();
            errors.push(ctx.error(
                ctx.whole(f),
                format!("unknown family `{}`", f.value),
                "family",
                Some(format!("families are {}", names.join(", "))),
            ));
        }
    }
    let mut facts = Vec::new();
    for (name, f) in &spec.facts {
        let compiled = pattern::compile(&f.pattern.value);
        let context =
            |s: &Option<Spanned<String>>, anchored: bool| -> Result<Option<LazyRegex>, LoadError> {
                match s {
                    None => Ok(None),
                    Some(s) => pattern::compile_context(&s.value, anchored)
                        .map(Some)
                        .map_err(|e| pattern_error(ctx, s, &e)),
                }
            };
        let not_after = context(&f.not_after, true);
        let not_in_clause = context(&f.not_in_clause, false);
        let in_clause = context(&f.in_clause, false);
        let not_in_match = context(&f.not_in_match, false);
        let near = context(&f.near.as_ref().map(|n| n.pattern.clone()), false);
        match (
            compiled,
            not_after,
            not_in_clause,
            in_clause,
            near,
            not_in_match,
        ) {
            (
                Ok(p),
                Ok(not_after),
                Ok(not_in_clause),
                Ok(in_clause),
                Ok(near),
                Ok(not_in_match),
            ) => {
                let m = &p.macros[0];
                facts.push(Fact {
                    name: name.clone(),
                    label: f
                        .label
                        .as_ref()
                        .map_or_else(|| name.clone(), |l| l.value.clone()),
                    kind: m.kind,
                    unit: m.unit.clone(),
                    pattern: p,
                    not_after,
                    not_in_clause,
                    not_in_match,
                    in_clause,
                    near: near.map(|r| {
                        let n = f.near.as_ref();
                        (r, n.map_or(0, |n| n.within), n.is_some_and(|n| n.after))
                    }),
                    unqualified: f.unqualified,
                    before_anchor: f.before_anchor,
                    scope: f.scope.as_ref().map(|s| s.value),
                    many: f.many,
                });
            }
            (p, a, c, i, n, m) => {
                if let Err(e) = p {
                    errors.push(pattern_error(ctx, &f.pattern, &e));
                }
                errors.extend(a.err());
                errors.extend(c.err());
                errors.extend(i.err());
                errors.extend(n.err());
                errors.extend(m.err());
            }
        }
    }
    let check = match expr::parse(&spec.check.value) {
        Ok(c) => Some(c),
        Err(e) => {
            errors.push(ctx.error(ctx.inner(&spec.check, e.span), e.message, "here", None));
            None
        }
    };
    let mut anchor = 0;
    if let Some(check) = &check {
        let fact_names: Vec<&str> = spec.facts.keys().map(String::as_str).collect();
        let env = FactEnv {
            facts: &facts,
            broken: fact_names
                .iter()
                .copied()
                .filter(|n| !facts.iter().any(|f| f.name == *n))
                .collect(),
        };
        if let Err(e) = expr::type_check(check, &env) {
            let help = if e.message.starts_with("unknown fact") {
                Some(format!("facts of this rule: {}", fact_names.join(", ")))
            } else if e.message.starts_with("unknown function") {
                Some(format!(
                    "functions are {}",
                    families::functions()
                        .map(|f| f.usage)
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            } else if e.message.contains("a list of") {
                Some("a `many: true` fact is a list: reduce it with sum(), min(), max() or count(), or test it with all_equal(), non_increasing()".into())
            } else {
                None
            };
            errors.push(ctx.error(ctx.inner(&spec.check, e.span), e.message, "here", help));
        }
        let used = check.facts();
        for name in &fact_names {
            if !used.contains(name) {
                let span = spec
                    .facts
                    .get(*name)
                    .map_or(0..0, |f| ctx.whole(&f.pattern));
                errors.push(ctx.error(
                    span,
                    format!("fact `{name}` is never used in the check"),
                    "this fact",
                    Some("use it in `check:` or remove it".into()),
                ));
            }
        }
        let anchor_name = match &spec.anchor {
            Some(a) => {
                if !fact_names.contains(&a.value.as_str()) {
                    errors.push(ctx.error(
                        ctx.whole(a),
                        format!("anchor `{}` is not a fact of this rule", a.value),
                        "anchor",
                        Some(format!("facts of this rule: {}", fact_names.join(", "))),
                    ));
                }
                a.value.clone()
            }
            None => used.last().map(|s| s.to_string()).unwrap_or_default(),
        };
        anchor = facts
            .iter()
            .position(|f| f.name == anchor_name)
            .unwrap_or(0);
    }
    for (name, f) in &spec.facts {
        let Some(fact) = facts.iter().find(|x| &x.name == name) else {
            continue;
        };
        let Some(r) = &fact.pattern.reference else {
            continue;
        };
        let target = facts.iter().position(|x| x.name == r.fact);
        let message = match target {
            None => Some(format!(
                "`{{@{}.{}}}` refers to an unknown fact",
                r.fact, r.capture
            )),
            Some(t) if t != anchor => Some(format!(
                "`{{@{}.{}}}` must refer to the anchor fact",
                r.fact, r.capture
            )),
            Some(t) if !facts[t].has_capture(&r.capture) => Some(format!(
                "the pattern of `{}` has no capture named `{}`",
                r.fact, r.capture
            )),
            _ => None,
        };
        if let Some(message) = message {
            errors.push(ctx.error(ctx.inner(&f.pattern, r.span.clone()), message, "here", None));
        }
    }
    for a in &spec.agree {
        // `period` is built in: the last period the sentence names before the figure.
        if a.value == "period" {
            continue;
        }
        if !facts
            .iter()
            .any(|f| f.pattern.capture_names.contains(&a.value))
        {
            errors.push(ctx.error(
                ctx.whole(a),
                format!("no fact pattern has a capture named `{}`", a.value),
                "agree",
                Some(format!("name a group in a pattern: `(?P<{}>…)`", a.value)),
            ));
        }
    }
    let examples = compile_examples(ctx, spec.examples.as_ref());
    if !errors.is_empty() {
        return Err(errors);
    }
    let id_span = ctx.whole(&spec.id);
    Ok(Rule {
        id,
        title: spec.title.value.clone(),
        family: spec.family.as_ref().map(|f| f.value.clone()),
        severity: spec.severity.as_ref().map_or(Severity::Error, |s| s.value),
        scope: spec.scope.as_ref().map_or(Scope::Sentence, |s| s.value),
        within: spec.within.as_ref().map(|w| w.value),
        message: spec.message.value.clone(),
        help: spec.help.as_ref().map(|h| h.value.clone()),
        facts,
        anchor,
        agree: spec.agree.iter().map(|a| a.value.clone()).collect(),
        check: check.expect("no errors means the check parsed"),
        check_source: spec.check.value.clone(),
        aliases: spec.aliases.clone(),
        examples,
        origin: Origin {
            path: ctx.path.to_string(),
            source: ctx.source.clone(),
            span: id_span,
        },
    })
}

fn pattern_error(ctx: &Ctx, s: &Spanned<String>, e: &PatternError) -> LoadError {
    ctx.error(
        ctx.inner(s, e.span.clone()),
        e.message.clone(),
        "here",
        e.help.clone(),
    )
}

/// The YAML text of the rule whose `id` stands at `id_at`: from its list item to the next.
fn rule_text(text: &str, id_at: usize) -> String {
    item_text(text, item_start(text, id_at.min(text.len())))
}

/// Where the list item holding `at` starts: the nearest `- ` line at or before `at`'s line (that
/// line itself if there is none). Walking back, not listing every line start before `at`, keeps
/// loading linear in the file's size.
fn item_start(text: &str, at: usize) -> usize {
    let own = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut start = own;
    loop {
        if text[start..].trim_start_matches(' ').starts_with("- ") {
            return start;
        }
        if start == 0 {
            return own;
        }
        start = text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
    }
}

/// The item starting at `item`: its lines up to the next one indented no deeper (blank lines
/// and comments do not end it).
fn item_text(text: &str, item: usize) -> String {
    let indent = |line: &str| line.len() - line.trim_start_matches(' ').len();
    let item_indent = indent(&text[item..]);
    let mut end = text.len();
    let mut offset = item;
    for (n, line) in text[item..].split_inclusive('\n').enumerate() {
        let body = line.trim();
        if n > 0 && !body.is_empty() && !body.starts_with('#') && indent(line) <= item_indent {
            end = offset;
            break;
        }
        offset += line.len();
    }
    text[item..end].trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// `rule_text` as first written: every line start before the id, then the last `- ` line.
    fn rule_text_by_listing(text: &str, id_at: usize) -> String {
        let id_at = id_at.min(text.len());
        let mut starts = vec![0];
        starts.extend(text[..id_at].match_indices('\n').map(|(i, _)| i + 1));
        let item = starts
            .iter()
            .rev()
            .copied()
            .find(|&s| text[s..].trim_start_matches(' ').starts_with("- "))
            .unwrap_or(*starts.last().unwrap_or(&0));
        super::item_text(text, item)
    }

    #[test]
    fn rule_text_is_the_rules_list_item() {
        let yaml =
            "rules:\n  - id: a\n    facts: []\n  # note\n  - id: b\n    check: x\nunits: []\n";
        let b = yaml.find("id: b").unwrap() + 4;
        assert_eq!(super::rule_text(yaml, b), "  - id: b\n    check: x");
        let a = yaml.find("id: a").unwrap() + 4;
        assert_eq!(
            super::rule_text(yaml, a),
            "  - id: a\n    facts: []\n  # note"
        );
    }

    proptest! {
        /// Lines of YAML-ish text (items, keys, comments, blanks) and any id position.
        #[test]
        fn rule_text_walks_back_as_listing_did(
            lines in prop::collection::vec(
                prop::sample::select(vec!["- id: x", "  - id: y", "    k: v", "  # c", "", "-x", "  -  id: z"]),
                0..12,
            ),
            at in 0usize..200,
        ) {
            let text = lines.join("\n");
            let at = at.min(text.len());
            prop_assert_eq!(super::rule_text(&text, at), rule_text_by_listing(&text, at));
        }
    }
}
