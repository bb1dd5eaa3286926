//! Baselines: the accepted findings of an archive, so that a newsroom adopting factlint gates only
//! new errors.
//!
//! A finding's fingerprint is its rule and the text of the figures it labels, not their line
//! numbers, so it survives edits elsewhere in the file; identical findings in one file are
//! counted, so a second copy of an accepted mistake is still new.

use crate::atomic::WriteError;
use crate::document::ReadError;
pub use crate::report::fingerprint;
use crate::report::FileReport;
use miette::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// One accepted finding.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    /// For people reading the file; not used for matching.
    #[serde(default)]
    pub line: usize,
    #[serde(default)]
    pub message: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    tool: String,
    version: u32,
    findings: Vec<Entry>,
}

/// Why a baseline cannot be used: its file cannot be read, or is not a factlint baseline.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum BaselineError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Read(#[from] ReadError),

    #[error("{0}")]
    #[diagnostic(code("factlint::usage"))]
    Invalid(String),
}

/// Accepted findings: per path, counted by (rule, fingerprint).
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    counts: BTreeMap<String, BTreeMap<(String, String), usize>>,
}

/// The entries accepting every finding of a file.
pub fn entries(file: &FileReport) -> Vec<Entry> {
    file.findings
        .iter()
        .map(|f| Entry {
            path: file.path.clone(),
            rule: f.rule.clone(),
            fingerprint: f.fingerprint(),
            line: f.labels.first().map_or(0, |l| l.line),
            message: f.message.clone(),
        })
        .collect()
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Self, BaselineError> {
        let text = crate::document::read_source(path)?;
        let file: BaselineFile = serde_json::from_str(&text).map_err(|e| {
            BaselineError::Invalid(format!(
                "{} is not a factlint baseline: {e} (write one with --write-baseline)",
                path.display()
            ))
        })?;
        if file.tool != "factlint" || file.version != 1 {
            return Err(BaselineError::Invalid(format!(
                "{} is a baseline of {} version {}; this factlint reads factlint version 1",
                path.display(),
                file.tool,
                file.version
            )));
        }
        let mut counts: BTreeMap<String, BTreeMap<(String, String), usize>> = BTreeMap::new();
        for e in file.findings {
            *counts
                .entry(e.path)
                .or_default()
                .entry((e.rule, e.fingerprint))
                .or_insert(0) += 1;
        }
        Ok(Self { counts })
    }

    /// Drops the findings of `file` the baseline accepts; returns how many were dropped.
    pub fn filter(&self, file: &mut FileReport) -> usize {
        let Some(accepted) = self.counts.get(&file.path) else {
            return 0;
        };
        // Only this file's entries are copied, so an archive-sized baseline costs little per file.
        let mut left = accepted.clone();
        let before = file.findings.len();
        file.findings
            .retain(|f| match left.get_mut(&(f.rule.clone(), f.fingerprint())) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            });
        before - file.findings.len()
    }
}

/// The baseline accepting these findings, as JSON.
pub fn render(mut findings: Vec<Entry>) -> String {
    findings.sort_by(|a, b| {
        (&a.path, a.line, &a.rule, &a.fingerprint).cmp(&(&b.path, b.line, &b.rule, &b.fingerprint))
    });
    let file = BaselineFile {
        tool: "factlint".into(),
        version: 1,
        findings,
    };
    let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
    s.push('\n');
    s
}

/// Writes the baseline accepting these findings, atomically.
pub fn write(path: &Path, findings: Vec<Entry>) -> Result<(), WriteError> {
    crate::atomic::write(path, render(findings).as_bytes())
}
