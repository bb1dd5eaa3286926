//! The rule file format as written in YAML. Every value keeps its span so that a mistake can be
//! labelled at its exact bytes; unknown fields are errors.

use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// Extra units for the figure reader: `{surface: 标箱, unit: 标准箱, dimension: physical}`.
    #[serde(default)]
    pub units: Vec<UnitSpec>,
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
    /// Concepts and the names the copy gives them: `{name: 进出口总值, same: [外贸总值]}`.
    #[serde(default)]
    pub concepts: Vec<ConceptSpec>,
    /// Identities between concepts: `{id: …, whole: 进出口总值, parts: [出口, 进口]}`.
    #[serde(default)]
    pub identities: Vec<IdentitySpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConceptSpec {
    pub name: Spanned<String>,
    /// Other names of the same concept.
    #[serde(default)]
    pub same: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentitySpec {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    /// The coverage family it belongs to: `sum` by default.
    #[serde(default)]
    pub family: Option<Spanned<String>>,
    #[serde(default)]
    pub severity: Option<Spanned<Severity>>,
    pub message: Spanned<String>,
    /// The concept the parts make up.
    pub whole: Spanned<String>,
    /// The concepts that make it up; a leading `-` subtracts (`贸易顺差 = 出口 − 进口`).
    pub parts: Vec<Spanned<String>>,
    #[serde(default)]
    pub examples: Option<ExamplesSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitSpec {
    pub surface: Spanned<String>,
    pub unit: Spanned<String>,
    pub dimension: Spanned<DimensionSpec>,
    /// Words the surface opens where it is no unit (`手` before `机`).
    #[serde(default)]
    pub not_before: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DimensionSpec {
    Currency,
    Count,
    Physical,
    Duration,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default)]
    pub family: Option<Spanned<String>>,
    #[serde(default)]
    pub severity: Option<Spanned<Severity>>,
    #[serde(default)]
    pub scope: Option<Spanned<Scope>>,
    /// In document scope: how many paragraphs a bound fact may stand from the anchor.
    #[serde(default)]
    pub within: Option<Spanned<u32>>,
    pub message: Spanned<String>,
    #[serde(default)]
    pub help: Option<Spanned<String>>,
    pub facts: BTreeMap<String, FactSpec>,
    /// The fact every binding starts from; by default the last fact the check names.
    #[serde(default)]
    pub anchor: Option<Spanned<String>>,
    /// Named captures that bound facts must agree on where both have them (e.g. `period`).
    #[serde(default)]
    pub agree: Vec<Spanned<String>>,
    pub check: Spanned<String>,
    /// Names that mean the same thing to `{@fact.capture}` references:
    /// `[[外贸, 货物贸易进出口, 进出口]]`.
    #[serde(default)]
    pub aliases: Vec<Vec<String>>,
    #[serde(default)]
    pub examples: Option<ExamplesSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactSpec {
    pub pattern: Spanned<String>,
    #[serde(default)]
    pub label: Option<Spanned<String>>,
    /// A regex that must not end right where the match starts (`机电产品` before `出口`).
    #[serde(default)]
    pub not_after: Option<Spanned<String>>,
    /// A regex that must not match anywhere in the clause of the bound figure (`对` in
    /// `对东盟进出口3.67万亿元`).
    #[serde(default)]
    pub not_in_clause: Option<Spanned<String>>,
    /// A regex that must not match anywhere in the matched text (for patterns that run over
    /// several clauses).
    #[serde(default)]
    pub not_in_match: Option<Spanned<String>>,
    /// A regex that must match somewhere in the clause of the figure (`包括` for the parts of a
    /// 包括 enumeration).
    #[serde(default)]
    pub in_clause: Option<Spanned<String>>,
    /// A regex that must match in a paragraph within `within` paragraphs of the match: a subject
    /// guard for headlines that do not name their subject (`上半年增长2.9%` beside
    /// `我国外贸连续7个季度保持同比增长`).
    #[serde(default)]
    pub near: Option<NearSpec>,
    /// Skip figures qualified with at least / at most (超, 近, 突破…): thresholds, not amounts.
    #[serde(default)]
    pub unqualified: bool,
    /// Bind only figures that stand before the anchor (the whole a 其中 part refers back to).
    #[serde(default)]
    pub before_anchor: bool,
    /// A narrower scope for this fact than the rule's: it must stand in the anchor's sentence
    /// (or paragraph), while other facts may be further away.
    #[serde(default)]
    pub scope: Option<Spanned<Scope>>,
    /// Bind every candidate in the scope unit, in text order, as a list (for `all_equal`,
    /// `sum`, `non_increasing`), rather than the nearest one.
    #[serde(default)]
    pub many: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NearSpec {
    pub pattern: Spanned<String>,
    /// How many paragraphs away it may match (0: the match's own paragraph).
    #[serde(default)]
    pub within: u32,
    /// Look only at the paragraphs after the match (a headline's subtitle).
    #[serde(default)]
    pub after: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamplesSpec {
    /// Sentences where the rule binds its facts and the check holds.
    #[serde(default)]
    pub pass: Vec<Spanned<String>>,
    /// Sentences where the rule must stay silent, bound or not (traps: a partial list, another
    /// period).
    #[serde(default)]
    pub silent: Vec<Spanned<String>>,
    #[serde(default)]
    pub fail: Vec<FailExampleSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FailExampleSpec {
    pub text: Spanned<String>,
    /// The figures (as written) that the finding must label.
    #[serde(default)]
    pub labels: Vec<String>,
    /// The severity expected; `error` by default.
    #[serde(default)]
    pub severity: Option<Severity>,
}

#[derive(
    Debug, Clone, Copy, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Sentence,
    Paragraph,
    Document,
}
