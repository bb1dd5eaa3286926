//! Concept rules: what no grammar knows. A concept is a quantity the copy names in several ways
//! (`进出口总值`, `外贸总值`, `货物贸易进出口`); an identity says how concepts make one another up
//! (`进出口总值 = 出口 + 进口`, `贸易顺差 = 出口 − 进口`). A concept rule names concepts, never a
//! regex: the statement layer reads what each figure measures, and the `concept-identity`
//! relation checks every identity wherever an article states all of its concepts for one period.

use super::schema::{ConceptSpec, IdentitySpec};
use super::{Ctx, Example, LoadError, Origin, Severity};
use serde::{Deserialize, Serialize};

/// A concept and every name it goes by (its own first).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Concept {
    pub names: Vec<String>,
}

impl Concept {
    pub fn name(&self) -> &str {
        &self.names[0]
    }
}

/// One term of an identity: a concept's name, added or subtracted.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Term {
    pub name: String,
    /// −1 when subtracted.
    pub sign: i8,
}

/// `whole = ±part ± part …`, for one period, in one unit.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Identity {
    pub id: String,
    pub title: String,
    pub family: String,
    pub severity: Severity,
    pub message: String,
    pub whole: String,
    pub parts: Vec<Term>,
    pub examples: Vec<Example>,
    pub origin: Origin,
}

impl Identity {
    /// The identity as an equation: `进出口总值 = 出口 + 进口`.
    pub fn equation(&self) -> String {
        let mut out = format!("{} =", self.whole);
        for (k, t) in self.parts.iter().enumerate() {
            match (k, t.sign) {
                (0, s) if s > 0 => out.push_str(&format!(" {}", t.name)),
                (0, _) => out.push_str(&format!(" −{}", t.name)),
                (_, s) if s > 0 => out.push_str(&format!(" + {}", t.name)),
                _ => out.push_str(&format!(" − {}", t.name)),
            }
        }
        out
    }
}

/// One name of a term as a statement's concept key must read: the whole key, or with `{X}` a
/// stem any concept key may put before the rest (`{X}进出口` reads `对东盟进出口` with stem 对东盟).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKey {
    pub stemmed: bool,
    pub key: String,
}

/// Every concept and identity of a rule set.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Knowledge {
    pub concepts: Vec<Concept>,
    pub identities: Vec<Identity>,
    /// Per identity, per term (whole first), the keys of the term's names: made once per rule
    /// set rather than once per article checked.
    #[serde(skip)]
    keys: std::sync::OnceLock<Vec<Vec<Vec<NameKey>>>>,
    /// The keys of every `{X}` name of every concept, made once like `keys`.
    #[serde(skip)]
    stemmed: std::sync::OnceLock<Vec<NameKey>>,
}

impl Knowledge {
    /// The keys of every identity's terms (whole first), in identity order.
    pub fn term_keys(&self) -> &[Vec<Vec<NameKey>>] {
        self.keys.get_or_init(|| {
            self.identities
                .iter()
                .map(|identity| {
                    std::iter::once(identity.whole.as_str())
                        .chain(identity.parts.iter().map(|t| t.name.as_str()))
                        .map(|term| self.name_keys(term))
                        .collect()
                })
                .collect()
        })
    }

    /// The keys of every stemmed (`{X}`) name of every concept.
    pub fn stemmed_keys(&self) -> &[NameKey] {
        self.stemmed.get_or_init(|| {
            self.concepts
                .iter()
                .flat_map(|c| &c.names)
                .filter_map(|n| n.strip_prefix("{X}"))
                .map(|rest| NameKey {
                    stemmed: true,
                    key: crate::statement::subject::key(rest),
                })
                .filter(|n| !n.key.is_empty())
                .collect()
        })
    }

    fn name_keys(&self, term: &str) -> Vec<NameKey> {
        self.names_of(term)
            .into_iter()
            .filter_map(|n| {
                let (stemmed, rest) = match n.strip_prefix("{X}") {
                    Some(rest) => (true, rest),
                    None => (false, n),
                };
                let key = crate::statement::subject::key(rest);
                (!key.is_empty()).then_some(NameKey { stemmed, key })
            })
            .collect()
    }

    /// The concept a name belongs to, or the name as a concept of its own.
    pub fn names_of<'a>(&'a self, name: &'a str) -> Vec<&'a str> {
        self.concepts
            .iter()
            .find(|c| c.names.iter().any(|n| n == name))
            .map_or_else(
                || vec![name],
                |c| c.names.iter().map(String::as_str).collect(),
            )
    }

    pub fn identity(&self, id: &str) -> Option<&Identity> {
        self.identities.iter().find(|i| i.id == id)
    }

    /// Adds another file's concepts and identities. A name given to two concepts, or an id used
    /// twice, is an error at its second definition.
    pub(super) fn merge(
        &mut self,
        ctx: &Ctx,
        concepts: Vec<(Concept, std::ops::Range<usize>)>,
        identities: Vec<Identity>,
        rule_ids: &dyn Fn(&str) -> Option<String>,
    ) -> Vec<LoadError> {
        self.keys = std::sync::OnceLock::new();
        self.stemmed = std::sync::OnceLock::new();
        let mut errors = Vec::new();
        for (concept, span) in concepts {
            match self
                .concepts
                .iter_mut()
                .find(|c| c.names.iter().any(|n| concept.names.contains(n)))
            {
                // The same concept named again with more names (a topic file adding a synonym).
                Some(c) if c.name() == concept.name() => {
                    for n in concept.names {
                        if !c.names.contains(&n) {
                            c.names.push(n);
                        }
                    }
                }
                Some(c) => {
                    let clash = concept
                        .names
                        .iter()
                        .find(|n| c.names.contains(n))
                        .cloned()
                        .unwrap_or_default();
                    errors.push(ctx.error(
                        span,
                        format!(
                            "`{clash}` names two concepts: `{}` and `{}`",
                            c.name(),
                            concept.name()
                        ),
                        "named again here",
                        Some("a name stands for one concept: merge the two or rename one".into()),
                    ));
                }
                None => self.concepts.push(concept),
            }
        }
        for identity in identities {
            let span = identity.origin.span.clone();
            let first = self
                .identities
                .iter()
                .find(|i| i.id == identity.id)
                .map(|i| i.origin.path.clone())
                .or_else(|| rule_ids(&identity.id));
            if let Some(first) = first {
                errors.push(ctx.error(
                    span,
                    format!("duplicate rule id `{}`", identity.id),
                    "defined again here",
                    Some(format!("first defined in {first}")),
                ));
            } else {
                self.identities.push(identity);
            }
        }
        errors
    }
}

/// Compiles a file's concepts: each name at most once.
pub(super) fn compile_concepts(
    ctx: &Ctx,
    specs: &[ConceptSpec],
    errors: &mut Vec<LoadError>,
) -> Vec<(Concept, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for spec in specs {
        let mut names = Vec::new();
        for n in std::iter::once(&spec.name).chain(&spec.same) {
            let name = n.value.trim();
            if name.is_empty() {
                errors.push(ctx.error(ctx.whole(n), "an empty concept name".into(), "empty", None));
            } else if seen.contains(&name) {
                errors.push(ctx.error(
                    ctx.whole(n),
                    format!("`{name}` is named by another concept of this file"),
                    "named twice",
                    Some("a name stands for one concept".into()),
                ));
            } else {
                seen.push(name);
                names.push(name.to_string());
            }
        }
        if !names.is_empty() {
            out.push((Concept { names }, ctx.whole(&spec.name)));
        }
    }
    out
}

/// Compiles one identity; every mistake is reported at its YAML value.
pub(super) fn compile_identity(ctx: &Ctx, spec: &IdentitySpec) -> Result<Identity, Vec<LoadError>> {
    let mut errors = Vec::new();
    if !super::is_kebab(&spec.id.value) {
        errors.push(ctx.error(
            ctx.whole(&spec.id),
            format!("rule id `{}` is not kebab-case", spec.id.value),
            "id",
            Some("ids are lowercase words joined by `-`: `exports-plus-imports`".into()),
        ));
    }
    let term = |s: &serde_saphyr::Spanned<String>, errors: &mut Vec<LoadError>| {
        let t = s.value.trim();
        let (sign, name) = match t.strip_prefix(['-', '−']) {
            Some(rest) => (-1, rest.trim()),
            None => (1, t.strip_prefix('+').unwrap_or(t).trim()),
        };
        if name.is_empty() {
            errors.push(ctx.error(
                ctx.whole(s),
                "a term names no concept".into(),
                "empty",
                Some("write the concept's name, with `-` before it to subtract".into()),
            ));
        }
        Term {
            name: name.to_string(),
            sign,
        }
    };
    let whole = term(&spec.whole, &mut errors);
    if whole.sign < 0 {
        errors.push(ctx.error(
            ctx.whole(&spec.whole),
            "the whole of an identity is not subtracted".into(),
            "whole",
            Some("move the subtraction to its parts: `parts: [出口, -进口]`".into()),
        ));
    }
    let parts: Vec<Term> = spec.parts.iter().map(|p| term(p, &mut errors)).collect();
    if parts.len() < 2 {
        errors.push(ctx.error(
            ctx.whole(&spec.id),
            "an identity needs at least two parts".into(),
            "identity",
            Some("`parts: [出口, 进口]`".into()),
        ));
    }
    for (k, p) in parts.iter().enumerate() {
        if p.name == whole.name || parts[..k].iter().any(|q| q.name == p.name) {
            errors.push(ctx.error(
                ctx.whole(&spec.parts[k]),
                format!("`{}` stands twice in the identity", p.name),
                "again",
                None,
            ));
        }
    }
    let examples = super::compile_examples(ctx, spec.examples.as_ref());
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Identity {
        id: spec.id.value.clone(),
        title: spec.title.value.clone(),
        family: spec
            .family
            .as_ref()
            .map_or_else(|| "sum".to_string(), |f| f.value.clone()),
        severity: spec.severity.as_ref().map_or(Severity::Error, |s| s.value),
        message: spec.message.value.clone(),
        whole: whole.name,
        parts,
        examples,
        origin: Origin {
            path: ctx.path.to_string(),
            source: ctx.source.clone(),
            span: ctx.whole(&spec.id),
        },
    })
}
