//! What the reports say, independent of format: records with spans in the original file.

use crate::article::Article;
use crate::figure::{trim, Bound, DateMention, Figure, Interval, Qualifier};
use serde::Serialize;

/// One figure as users and snapshot tests see it. Field names are a public contract.
#[derive(Debug, Clone, Serialize)]
pub struct FigureRecord {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub value: String,
    pub low: Option<String>,
    pub high: Option<String>,
    pub unit: String,
    pub qualifier: Option<Qualifier>,
    /// Not in the JSON contract: the natural reading, shown by the human and YAML formats.
    #[serde(skip)]
    pub natural: (Option<String>, Option<String>),
    /// The value, strict and natural readings in the article's own units.
    #[serde(skip)]
    pub display: [String; 3],
}

#[derive(Debug, Clone, Serialize)]
pub struct DateRecord {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    #[serde(flatten)]
    pub date: DateMention,
}

/// Everything `factlint facts` reports for one file.
#[derive(Debug, Clone, Serialize)]
pub struct FactsRecord {
    pub path: String,
    /// The publication year the checks used: given, from front matter, or guessed.
    pub year: Option<i32>,
    pub figures: Vec<FigureRecord>,
    pub dates: Vec<DateRecord>,
    /// Every figure read as a statement: what it measures, when, of what.
    pub statements: Vec<StatementRecord>,
    /// Every check evaluated on the file, with its verdict.
    pub checks: Vec<CheckRecord>,
}

/// One statement, as a desk editor reads it: a row of the statements table.
#[derive(Debug, Clone, Serialize)]
pub struct StatementRecord {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    /// The figure as written.
    pub text: String,
    /// What it measures (`汽车驾驶人数量`); empty when the copy names nothing.
    pub subject: String,
    /// Whether the subject was carried from the statement before (ellipsis).
    pub inherited: bool,
    /// `level`, `rate`, `change`, `growth`, `share`, `points`, `multiple`, `threshold`, `other`.
    pub kind: String,
    /// The signed value in the article's units (`−2.7%` for `下降2.7%`).
    pub value: String,
    /// The period, canonical (`2025年上半年`, `6月末`), empty when none is known.
    pub period: String,
    /// What it is compared with (`year_earlier`, `比一季度`), empty when nothing.
    pub basis: String,
    /// `nominal` or `real`, when the copy says.
    pub measure: Option<crate::statement::Measure>,
    /// For a share, the whole it names.
    pub of: Option<String>,
    /// The group it is a part of (`其中`, `按经营单位所在地分`) and the figure of its whole.
    pub part_of: Option<String>,
    pub headline: bool,
}

/// The statements of an article as table rows.
pub fn statement_records(
    article: &Article,
    statements: &crate::statement::Statements,
) -> Vec<StatementRecord> {
    use crate::statement::Against;
    statements
        .statements
        .iter()
        .map(|s| {
            let at = locate(article, s.span.clone());
            let figure = &article.figures.figures[s.figure];
            let value = figure.in_units(figure.value);
            let part_of = s.group.map(|g| {
                let group = &statements.groups[g];
                let whole = group.head.map(|h| {
                    let head = &statements.statements[h];
                    let f = &article.figures.figures[head.figure];
                    format!(" {} {}", head.subject, f.in_units(f.value))
                });
                format!("{}{}", group.opener, whole.unwrap_or_default())
            });
            StatementRecord {
                start: at.start,
                end: at.end,
                line: at.line,
                column: at.column,
                text: at.text,
                subject: s.subject.clone(),
                inherited: s.inherited,
                kind: s.kind.as_str().to_string(),
                value: if s.sign < 0 {
                    format!("−{value}")
                } else {
                    value
                },
                period: s.period.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                basis: match &s.basis {
                    None => String::new(),
                    Some(Against::YearEarlier) => "同比".into(),
                    Some(Against::PreviousPeriod) => "环比".into(),
                    Some(Against::PreviousEnd) => "比上年末".into(),
                    Some(Against::Named(n)) => format!("比{n}"),
                },
                measure: s.measure,
                of: s.of.clone(),
                part_of,
                headline: s.headline,
            }
        })
        .collect()
}

/// A relation's outcome as a check record: `pass`, `fail` or `warning`, with its arithmetic.
pub fn relation_check_record(
    article: &Article,
    held: bool,
    f: &crate::engine::Finding,
) -> CheckRecord {
    CheckRecord {
        rule: f.rule.clone(),
        verdict: if held {
            "pass".into()
        } else if f.severity == crate::rules::Severity::Warning {
            "warning".into()
        } else {
            "fail".into()
        },
        reason: None,
        explanation: Some(f.help.clone()),
        // Labels are spans of the original text already.
        figures: f
            .labels
            .iter()
            .map(|l| {
                let at = label_record(article, l);
                BoundRecord {
                    fact: l.message.clone(),
                    start: at.start,
                    end: at.end,
                    line: at.line,
                    column: at.column,
                    text: at.text,
                }
            })
            .collect(),
    }
}

/// One figure (or year) a check bound.
#[derive(Debug, Clone, Serialize)]
pub struct BoundRecord {
    pub fact: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
}

/// One evaluated check: which rule, on which figures, with what verdict and why.
#[derive(Debug, Clone, Serialize)]
pub struct CheckRecord {
    pub rule: String,
    /// `pass`, `fail`, `warning` or `not-applicable`.
    pub verdict: String,
    /// Why a check was not applicable.
    pub reason: Option<String>,
    /// The arithmetic in the article's units.
    pub explanation: Option<String>,
    pub figures: Vec<BoundRecord>,
}

pub fn check_records(
    article: &Article,
    evaluations: &[crate::engine::Evaluation],
) -> Vec<CheckRecord> {
    let mut out: Vec<(usize, CheckRecord)> = evaluations
        .iter()
        .map(|e| {
            let figures: Vec<BoundRecord> = e
                .bound
                .iter()
                .map(|&(fact, item)| {
                    let at = locate(article, crate::engine::item_span(article, item));
                    BoundRecord {
                        fact: e.rule.facts[fact].name.clone(),
                        start: at.start,
                        end: at.end,
                        line: at.line,
                        column: at.column,
                        text: at.text,
                    }
                })
                .collect();
            let first = figures.iter().map(|f| f.start).min().unwrap_or(usize::MAX);
            (
                first,
                CheckRecord {
                    rule: e.rule.id.clone(),
                    verdict: e.verdict.name().to_string(),
                    reason: match &e.verdict {
                        crate::engine::Verdict::NotApplicable(r)
                        | crate::engine::Verdict::Unchecked(r) => Some(r.clone()),
                        _ => None,
                    },
                    explanation: e.explanation.clone(),
                    figures,
                },
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.rule.cmp(&b.1.rule)));
    out.into_iter().map(|(_, r)| r).collect()
}

/// The checks that held, for `check --show-passed`.
pub fn passed_records(
    article: &Article,
    evaluations: &[crate::engine::Evaluation],
) -> Vec<PassRecord> {
    let mut out: Vec<PassRecord> = evaluations
        .iter()
        .filter(|e| e.verdict == crate::engine::Verdict::Pass)
        .map(|e| {
            let labels = crate::engine::labels(article, e)
                .into_iter()
                .map(|l| label_record(article, &l))
                .collect();
            PassRecord {
                rule: e.rule.id.clone(),
                explanation: e.explanation.clone().unwrap_or_default(),
                labels,
            }
        })
        .collect();
    out.sort_by_key(|p| {
        (
            p.labels.first().map_or(usize::MAX, |l| l.start),
            p.rule.clone(),
        )
    });
    out
}

/// A relation that held, reported as a check that held: its help is the arithmetic.
pub fn pass_record(article: &Article, pass: &crate::engine::Finding) -> PassRecord {
    PassRecord {
        rule: pass.rule.clone(),
        explanation: pass.help.clone(),
        labels: pass
            .labels
            .iter()
            .map(|l| label_record(article, l))
            .collect(),
    }
}

/// A check that held.
#[derive(Debug, Clone, Serialize)]
pub struct PassRecord {
    pub rule: String,
    pub explanation: String,
    pub labels: Vec<LabelRecord>,
}

fn label_record(article: &Article, l: &crate::engine::Label) -> LabelRecord {
    let doc = &article.document;
    let (line, column) = doc.line_col(l.span.start);
    LabelRecord {
        start: l.span.start,
        end: l.span.end,
        line,
        column,
        text: doc.source.get(l.span.clone()).unwrap_or("").to_string(),
        message: l.message.clone(),
    }
}

pub fn bound(b: Bound) -> Option<String> {
    b.finite().map(trim)
}

/// A span of the normalized text, located in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
}

pub fn locate(article: &Article, span: std::ops::Range<usize>) -> Located {
    let doc = &article.document;
    let orig = doc.original(span);
    let (line, column) = doc.line_col(orig.start);
    Located {
        text: doc.source.get(orig.clone()).unwrap_or("").to_string(),
        start: orig.start,
        end: orig.end,
        line,
        column,
    }
}

/// An interval in a figure's own units, for people: `21.785–21.795万亿元`.
pub fn interval_in_units(figure: &Figure, interval: &Interval) -> String {
    let side = |b: Bound| match b {
        Bound::Finite(d) => trim(d.checked_div(figure.multiplier).unwrap_or(d)),
        Bound::NegInf => "-∞".to_string(),
        Bound::PosInf => "+∞".to_string(),
    };
    format!(
        "{}–{}{}{}",
        side(interval.low),
        side(interval.high),
        figure.magnitude,
        figure.unit_suffix()
    )
}

pub fn facts_record(
    article: &Article,
    evaluations: &[crate::engine::Evaluation],
    statements: &crate::statement::Statements,
    relations: &[(bool, crate::engine::Finding)],
) -> FactsRecord {
    let figures = article
        .figures
        .figures
        .iter()
        .map(|f| {
            let at = locate(article, f.span.clone());
            FigureRecord {
                start: at.start,
                end: at.end,
                line: at.line,
                column: at.column,
                text: at.text,
                value: trim(f.value),
                low: bound(f.strict.low),
                high: bound(f.strict.high),
                unit: f.unit.clone(),
                qualifier: f.qualifier,
                natural: (bound(f.natural.low), bound(f.natural.high)),
                display: [
                    f.in_units(f.value),
                    interval_in_units(f, &f.strict),
                    interval_in_units(f, &f.natural),
                ],
            }
        })
        .collect();
    let dates = article
        .figures
        .dates
        .iter()
        .map(|d| {
            let at = locate(article, d.span.clone());
            DateRecord {
                start: at.start,
                end: at.end,
                line: at.line,
                column: at.column,
                text: at.text,
                date: d.clone(),
            }
        })
        .collect();
    FactsRecord {
        path: article.document.path.clone(),
        year: article.year,
        figures,
        dates,
        statements: statement_records(article, statements),
        checks: {
            let mut checks = check_records(article, evaluations);
            checks.extend(
                relations
                    .iter()
                    .map(|(held, f)| relation_check_record(article, *held, f)),
            );
            checks.sort_by_key(|c| {
                (
                    c.figures.first().map_or(usize::MAX, |f| f.start),
                    c.rule.clone(),
                )
            });
            checks
        },
    }
}

/// One label of a finding, located in the original file.
#[derive(Debug, Clone, Serialize)]
pub struct LabelRecord {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingRecord {
    pub rule: String,
    pub severity: crate::rules::Severity,
    pub message: String,
    pub help: String,
    pub labels: Vec<LabelRecord>,
}

/// The findings of one file, with its text for rendering.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub path: String,
    pub findings: Vec<FindingRecord>,
    /// With `--show-passed`: the checks that held.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub passed: Vec<PassRecord>,
    #[serde(skip)]
    pub source: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    /// Counts a file and its findings.
    pub fn count(&mut self, file: &FileReport) {
        self.files += 1;
        for f in &file.findings {
            match f.severity {
                crate::rules::Severity::Error => self.errors += 1,
                crate::rules::Severity::Warning => self.warnings += 1,
            }
        }
    }
}

/// Everything `factlint check` reports.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckReport {
    pub files: Vec<FileReport>,
    pub summary: Summary,
    /// The rules the run used, for formats that describe them (SARIF).
    #[serde(skip)]
    pub rules: Vec<RuleMeta>,
}

/// What a format needs to know about a rule.
#[derive(Debug, Clone, Serialize)]
pub struct RuleMeta {
    pub id: String,
    pub title: String,
    pub family: Option<String>,
    pub severity: crate::rules::Severity,
}

impl RuleMeta {
    /// The built-in relations that run, the rules of a rule set, and the built-in diagnostics
    /// about limits and suppressions: every id a finding can carry.
    pub fn of(rules: &crate::rules::RuleSet) -> Vec<RuleMeta> {
        let mut out: Vec<RuleMeta> = crate::relations::RELATIONS
            .iter()
            .filter(|r| rules.relations.runs(r.id))
            .map(|r| RuleMeta {
                id: r.id.to_string(),
                title: r.summary.to_string(),
                family: Some(r.family.to_string()),
                severity: rules
                    .relations
                    .severity
                    .get(r.id)
                    .copied()
                    .unwrap_or(crate::rules::Severity::Error),
            })
            .collect();
        if rules.relations.runs("concept-identity") {
            out.extend(rules.knowledge.identities.iter().map(|i| RuleMeta {
                id: i.id.clone(),
                title: i.title.clone(),
                family: Some(i.family.clone()),
                severity: i.severity,
            }));
        }
        out.extend(rules.rules.iter().map(|r| RuleMeta {
            id: r.id.clone(),
            title: r.title.clone(),
            family: r.family.clone(),
            severity: r.severity,
        }));
        out.extend(
            [crate::engine::NOT_CHECKED, crate::engine::OUT_OF_RANGE]
                .iter()
                .map(|(id, title)| RuleMeta {
                    id: (*id).to_string(),
                    title: (*title).to_string(),
                    family: Some("limits".into()),
                    severity: crate::rules::Severity::Warning,
                }),
        );
        out.extend(
            crate::engine::suppress::BUILT_IN
                .iter()
                .map(|(id, title)| RuleMeta {
                    id: (*id).to_string(),
                    title: (*title).to_string(),
                    family: Some("suppression".into()),
                    severity: crate::rules::Severity::Warning,
                }),
        );
        out
    }
}

impl FindingRecord {
    /// The message, then the arithmetic on a line of its own.
    pub fn with_help(&self) -> String {
        if self.help.is_empty() {
            self.message.clone()
        } else {
            format!("{}\n{}", self.message, self.help)
        }
    }

    /// The stable fingerprint baselines and SARIF use.
    pub fn fingerprint(&self) -> String {
        let texts: Vec<&str> = self.labels.iter().map(|l| l.text.as_str()).collect();
        super::fingerprint(&self.rule, &texts)
    }
}

impl CheckReport {
    pub fn push(&mut self, file: FileReport) {
        self.summary.count(&file);
        self.files.push(file);
    }
}

pub fn file_report(article: &Article, findings: &[crate::engine::Finding]) -> FileReport {
    let doc = &article.document;
    FileReport {
        path: doc.path.clone(),
        source: doc.source.clone(),
        passed: Vec::new(),
        findings: findings
            .iter()
            .map(|f| FindingRecord {
                rule: f.rule.clone(),
                severity: f.severity,
                message: f.message.clone(),
                help: f.help.clone(),
                labels: f.labels.iter().map(|l| label_record(article, l)).collect(),
            })
            .collect(),
    }
}
