//! Measuring the rule pack: mutation testing on annotated fixture articles.
//!
//! A mutation file names an article, the relations that hold in it, and single-figure edits —
//! breaking ones (each must make a rule of the relation fire with a label on the edited figure)
//! and benign ones (none may raise anything). Running it tells how much of what an editor would
//! check the rules actually check, and whether they cry wolf.

use crate::article::Article;
use crate::engine::{self, Finding};
use crate::figure::ReadOptions;
use crate::rules::{RuleSet, Severity};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Clone, Deserialize)]
pub struct MutationFile {
    /// The article, relative to the repository root.
    pub article: String,
    /// The publication date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub traps: Vec<Trap>,
    pub mutations: Vec<Mutation>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Relation {
    pub id: u32,
    pub family: String,
    pub says: String,
    #[serde(default)]
    pub figures: Vec<String>,
    /// The rules that check it; when empty, any rule of the relation's family counts.
    #[serde(default)]
    pub rules: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Trap {
    pub says: String,
    #[serde(default)]
    pub figures: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Mutation {
    /// Text occurring exactly once in the article.
    pub find: String,
    pub replace: String,
    /// The relation the edit breaks; `None` for a benign edit.
    pub breaks: Option<u32>,
    /// The severity a breaking edit can reach: `warning` for relations of one-sided figures.
    #[serde(default)]
    pub expect: Option<Severity>,
}

/// What one edit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A breaking edit caught by a rule of its relation, labelling the edited figure.
    Detected(Severity),
    /// A breaking edit no rule of its relation caught.
    Missed,
    /// A benign edit left the article clean.
    Clean,
    /// A benign edit raised findings.
    FalseAlarm,
}

#[derive(Debug, Clone)]
pub struct MutationResult {
    pub mutation: Mutation,
    pub outcome: Outcome,
    /// Rule ids of the findings on the mutated article.
    pub fired: Vec<String>,
}

/// The results for one annotated article.
#[derive(Debug, Clone)]
pub struct ArticleResult {
    pub name: String,
    pub relations: Vec<Relation>,
    /// Findings on the unedited article: each one a false alarm.
    pub clean_findings: Vec<Finding>,
    pub mutations: Vec<MutationResult>,
}

impl ArticleResult {
    /// Relations at least one of whose breaking edits was detected.
    pub fn relations_checked(&self) -> usize {
        self.relations
            .iter()
            .filter(|r| {
                self.mutations.iter().any(|m| {
                    m.mutation.breaks == Some(r.id) && matches!(m.outcome, Outcome::Detected(_))
                })
            })
            .count()
    }

    pub fn count(&self, pred: impl Fn(&MutationResult) -> bool) -> usize {
        self.mutations.iter().filter(|m| pred(m)).count()
    }

    pub fn breaking(&self) -> usize {
        self.count(|m| m.mutation.breaks.is_some())
    }

    pub fn detected(&self, severity: Severity) -> usize {
        self.count(|m| m.outcome == Outcome::Detected(severity))
    }

    pub fn missed(&self) -> usize {
        self.count(|m| m.outcome == Outcome::Missed)
    }

    pub fn benign(&self) -> usize {
        self.count(|m| m.mutation.breaks.is_none())
    }

    pub fn false_alarms(&self) -> usize {
        self.count(|m| m.outcome == Outcome::FalseAlarm)
    }
}

/// Why a mutation file could not be run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageError(pub String);

impl std::fmt::Display for CoverageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn year_of(date: &Option<String>) -> Option<i32> {
    date.as_deref()?.get(..4)?.parse().ok()
}

/// Runs one mutation file; `root` is the folder article paths are relative to.
pub fn run_file(path: &Path, root: &Path, rules: &RuleSet) -> Result<ArticleResult, CoverageError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CoverageError(format!("{}: {e}", path.display())))?;
    let spec: MutationFile = serde_saphyr::from_str(&text)
        .map_err(|e| CoverageError(format!("{}: {e}", path.display())))?;
    let article_path = root.join(&spec.article);
    let source = std::fs::read_to_string(&article_path)
        .map_err(|e| CoverageError(format!("{}: {e}", article_path.display())))?;
    let options = ReadOptions {
        units: rules.units.clone(),
        publication_year: year_of(&spec.date),
        ..ReadOptions::default()
    };
    let check = |text: &str| {
        let article = Article::new(&spec.article, text.to_string(), &options);
        let evaluations = engine::evaluate(&article, rules);
        crate::checks::findings(&article, rules, &evaluations)
    };
    let clean_findings = check(&source);
    let mut mutations = Vec::new();
    for m in &spec.mutations {
        let occurrences = source.matches(&m.find).count();
        if occurrences != 1 {
            return Err(CoverageError(format!(
                "{}: `{}` occurs {occurrences} times in {}",
                path.display(),
                m.find,
                spec.article
            )));
        }
        let at = source.find(&m.find).unwrap_or(0);
        let mutated = format!(
            "{}{}{}",
            &source[..at],
            m.replace,
            &source[at + m.find.len()..]
        );
        // The edited bytes: where find and replace differ, on character boundaries.
        let common_prefix: usize = m
            .find
            .chars()
            .zip(m.replace.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        let common_suffix: usize = m.find[common_prefix..]
            .chars()
            .rev()
            .zip(m.replace[common_prefix..].chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        let edited =
            at + common_prefix..(at + m.replace.len() - common_suffix).max(at + common_prefix + 1);
        let findings = check(&mutated);
        let fired: Vec<String> = findings.iter().map(|f| f.rule.clone()).collect();
        let outcome = match m.breaks {
            None => {
                if findings.len() > clean_findings.len() {
                    Outcome::FalseAlarm
                } else {
                    Outcome::Clean
                }
            }
            Some(id) => {
                let relation = spec.relations.iter().find(|r| r.id == id).ok_or_else(|| {
                    CoverageError(format!(
                        "{}: mutation breaks unknown relation {id}",
                        path.display()
                    ))
                })?;
                let belongs = |rule: &str| {
                    if relation.rules.is_empty() {
                        rules
                            .get(rule)
                            .and_then(|r| r.family.as_deref())
                            .or_else(|| crate::relations::get(rule).map(|r| r.family))
                            == Some(relation.family.as_str())
                    } else {
                        relation.rules.iter().any(|r| r == rule)
                    }
                };
                // A finding is about the relation when its rule is the relation's (or of its
                // family), or when besides the edited figure it labels another of the
                // relation's figures.
                let squash = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                let relation_figures: Vec<String> =
                    relation.figures.iter().map(|f| squash(f)).collect();
                let labels_relation = |f: &Finding| {
                    f.labels
                        .iter()
                        .filter(|l| !(l.span.start < edited.end && edited.start < l.span.end))
                        .any(|l| {
                            let text = squash(mutated.get(l.span.clone()).unwrap_or(""));
                            !text.is_empty()
                                && relation_figures.iter().any(|r| {
                                    !r.is_empty()
                                        && (r.contains(&text)
                                            || text.contains(r.as_str())
                                            || same_number(r, &text))
                                })
                        })
                };
                let hits: Vec<&Finding> = findings
                    .iter()
                    .filter(|f| {
                        belongs(&f.rule) || (relation.rules.is_empty() && labels_relation(f))
                    })
                    .filter(|f| {
                        f.labels
                            .iter()
                            .any(|l| l.span.start < edited.end && edited.start < l.span.end)
                    })
                    .collect();
                match hits.iter().map(|f| f.severity).max() {
                    Some(s) => Outcome::Detected(s),
                    None => Outcome::Missed,
                }
            }
        };
        mutations.push(MutationResult {
            mutation: m.clone(),
            outcome,
            fired,
        });
    }
    Ok(ArticleResult {
        name: spec.article.clone(),
        relations: spec.relations.clone(),
        clean_findings,
        mutations,
    })
}

/// Whether an annotation's figure (`全年能源消费总量61.3亿吨`) and a label's text
/// (`61.3亿吨标准煤`) write the same number followed by the same character: the annotation may
/// quote less of the unit than the reader labels.
fn same_number(annotated: &str, label: &str) -> bool {
    let is_num = |c: char| c.is_ascii_digit() || c == '.';
    let n = label.chars().take_while(|&c| is_num(c)).count();
    let Some(next) = label.chars().nth(n) else {
        return false;
    };
    if n == 0 || !label.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let number: String = label.chars().take(n).collect();
    let written = format!("{number}{next}");
    annotated
        .match_indices(&written)
        .any(|(at, _)| !annotated[..at].chars().next_back().is_some_and(is_num))
}

/// The mutation files below a folder (`*.mutations.yaml`, and `seed-mutations.yaml`), sorted.
pub fn mutation_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with("mutations.yaml"))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The coverage table in Markdown.
pub fn table(results: &[ArticleResult]) -> String {
    let mut out = String::from(
        "| article | relations | checked | breaking edits | errors | warnings | missed | benign edits | false alarms (benign) | false alarms (clean) |\n|---|---|---|---|---|---|---|---|---|---|\n",
    );
    let mut totals = [0usize; 9];
    for r in results {
        let row = [
            r.relations.len(),
            r.relations_checked(),
            r.breaking(),
            r.detected(Severity::Error),
            r.detected(Severity::Warning),
            r.missed(),
            r.benign(),
            r.false_alarms(),
            r.clean_findings.len(),
        ];
        for (t, v) in totals.iter_mut().zip(row) {
            *t += v;
        }
        out.push_str(&format!(
            "| {} | {} |\n",
            r.name,
            row.iter()
                .map(|v| v.to_string())
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    out.push_str(&format!(
        "| **all** | {} |\n",
        totals
            .iter()
            .map(|v| format!("**{v}**"))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    let breaking = totals[2].max(1);
    out.push_str(&format!(
        "\nBreaking edits detected as errors: {:.1}% ({} of {}); as warnings: {:.1}%; missed: {:.1}%. False alarms: {} on benign edits, {} on clean articles.\n",
        100.0 * totals[3] as f64 / breaking as f64,
        totals[3],
        totals[2],
        100.0 * totals[4] as f64 / breaking as f64,
        100.0 * totals[5] as f64 / breaking as f64,
        totals[7],
        totals[8],
    ));
    out
}

/// Every edit that did not do what its file says, one per line.
pub fn failures(results: &[ArticleResult]) -> Vec<String> {
    let mut out = Vec::new();
    for r in results {
        for f in &r.clean_findings {
            out.push(format!(
                "{}: false alarm on the clean article: {} ({})",
                r.name, f.rule, f.help
            ));
        }
        for m in &r.mutations {
            let what = match (&m.outcome, m.mutation.expect) {
                (Outcome::Missed, _) => "missed",
                (Outcome::FalseAlarm, _) => "false alarm",
                (Outcome::Detected(Severity::Warning), Some(Severity::Warning)) => continue,
                (Outcome::Detected(Severity::Warning), _) => "only a warning",
                _ => continue,
            };
            out.push(format!(
                "{}: {what}: `{}` → `{}` (relation {:?}; fired: {})",
                r.name,
                m.mutation.find.replace('\n', "⏎"),
                m.mutation.replace.replace('\n', "⏎"),
                m.mutation.breaks,
                if m.fired.is_empty() {
                    "nothing".to_string()
                } else {
                    m.fired.join(", ")
                }
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::same_number;

    #[test]
    fn an_annotation_may_quote_less_of_the_unit_than_the_label() {
        assert!(same_number("全年能源消费总量61.3亿吨", "61.3亿吨标准煤"));
        assert!(!same_number("全年能源消费总量161.3亿吨", "61.3亿吨标准煤"));
        assert!(!same_number("全年能源消费总量61.3万吨", "61.3亿吨标准煤"));
        assert!(!same_number("61.3亿吨", "亿吨"));
    }
}
