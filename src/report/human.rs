//! `--format human`: compiler-style diagnostics drawn by miette for `check`, aligned columns
//! for `facts`.

use super::model::FindingRecord;
use super::{one_line, Emitter, FactsRecord, FileReport, RuleMeta, Style, Summary};
use crate::rules::Severity;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use unicode_width::UnicodeWidthStr;

pub struct Human {
    pub style: Style,
    /// `✓` lines of `--show-passed`, printed after every file's findings.
    passed: String,
}

fn pad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// The original file as miette reads it.
///
/// miette 7 decides whether two labels share one snippet by `line() + line_count()`, where its
/// own sources report as `line_count` the absolute line of the snippet's end; every pair of
/// labels then merges into one snippet spanning all the lines between them (a headline 200 lines
/// below its body would print the whole page). This source reports the snippet's own number of
/// lines, so distant labels get snippets of their own.
struct Source {
    name: String,
    text: String,
}

impl SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        let data = inner.data();
        let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data,
            *inner.span(),
            inner.line(),
            inner.column(),
            lines,
        )))
    }
}

/// A finding as a miette diagnostic over the original file.
struct FindingDiagnostic<'a> {
    finding: &'a FindingRecord,
    source: &'a Source,
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        (!self.finding.help.is_empty())
            .then(|| Box::new(&self.finding.help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.finding.labels.iter().map(|l| {
            LabeledSpan::new(Some(l.message.clone()), l.start, l.end - l.start)
        })))
    }
}

impl Human {
    pub fn new(style: Style) -> Self {
        Self {
            style,
            passed: String::new(),
        }
    }

    fn handler(&self) -> GraphicalReportHandler {
        let theme = if self.style.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        GraphicalReportHandler::new_themed(theme)
            .with_width(self.style.width)
            .with_context_lines(1)
    }
}

impl Emitter for Human {
    fn facts(&self, record: &FactsRecord) -> String {
        let mut out = format!(
            "{}: {} figures, {} dates\n",
            record.path,
            record.figures.len(),
            record.dates.len()
        );
        let rows: Vec<[String; 6]> = record
            .figures
            .iter()
            .map(|f| {
                let [value, strict, natural] = f.display.clone();
                let natural = if natural == strict {
                    String::new()
                } else {
                    format!("natural {natural}")
                };
                [
                    format!("{}:{}", f.line, f.column),
                    one_line(&f.text),
                    value,
                    format!("strict {strict}"),
                    natural,
                    f.qualifier
                        .map(|q| q.as_str().to_string())
                        .unwrap_or_default(),
                ]
            })
            .collect();
        let widths: Vec<usize> = (0..5)
            .map(|i| {
                rows.iter()
                    .map(|r| UnicodeWidthStr::width(r[i].as_str()))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for r in &rows {
            let cells: Vec<String> = (0..5).map(|i| pad(&r[i], widths[i])).collect();
            let line = format!("  {}  {}", cells.join("  "), r[5]);
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out.push_str(&format!("statements: {}\n", record.statements.len()));
        out.push_str(&statements_table(&record.statements));
        let shown: Vec<_> = record
            .checks
            .iter()
            .filter(|c| c.verdict != "not-applicable")
            .collect();
        out.push_str(&format!(
            "checks: {} evaluated, {} not applicable\n",
            shown.len(),
            record.checks.len() - shown.len()
        ));
        for c in shown {
            let at = c
                .figures
                .first()
                .map_or(String::new(), |f| format!("{}:{}", f.line, f.column));
            out.push_str(&format!(
                "  {:7}  {}  {}  {}\n",
                c.verdict,
                c.rule,
                at,
                c.explanation.as_deref().unwrap_or("").replace('\n', " ")
            ));
        }
        out
    }

    fn file(&mut self, file: &FileReport) -> String {
        let handler = self.handler();
        let mut out = String::new();
        let source = Source {
            name: file.path.clone(),
            text: file.source.clone(),
        };
        for finding in &file.findings {
            let diagnostic = FindingDiagnostic {
                finding,
                source: &source,
            };
            if handler.render_report(&mut out, &diagnostic).is_err() {
                out.push_str(&format!(
                    "{}: {}[{}] {}\n",
                    file.path,
                    finding.severity.as_str(),
                    finding.rule,
                    finding.message
                ));
            }
            out.push('\n');
        }
        for p in &file.passed {
            let at = p
                .labels
                .first()
                .map_or(String::new(), |l| format!(":{}:{}", l.line, l.column));
            self.passed.push_str(&format!(
                "✓ {}{at}: {} [{}]\n",
                file.path,
                p.explanation.replace('\n', " "),
                p.rule
            ));
        }
        out
    }

    fn finish(&mut self, s: &Summary, _rules: &[RuleMeta]) -> String {
        let mut out = std::mem::take(&mut self.passed);
        if s.errors + s.warnings > 0 {
            out.push_str(&format!(
                "{} {}, {} {} in {} {} checked\n",
                s.errors,
                plural(s.errors, "error", "errors"),
                s.warnings,
                plural(s.warnings, "warning", "warnings"),
                s.files,
                plural(s.files, "file", "files"),
            ));
        }
        out
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// The statements of an article as a table a desk editor reads like a spreadsheet: where, the
/// value, what it measures (in brackets when carried from the clause before), its kind, period
/// and basis, and what it is part or share of.
pub fn statements_table(statements: &[super::model::StatementRecord]) -> String {
    let mut out = String::new();
    let rows: Vec<[String; 7]> = statements
        .iter()
        .map(|s| {
            let subject = match (s.subject.is_empty(), s.inherited) {
                (true, _) => "—".to_string(),
                (false, true) => format!("({})", s.subject),
                (false, false) => s.subject.clone(),
            };
            let mut of = Vec::new();
            if let Some(whole) = &s.of {
                // A share is of its whole (占…的); a multiple of its base (是…的N倍).
                if s.kind == "multiple" {
                    of.push(format!("是 {whole} 的"));
                } else {
                    of.push(format!("占 {whole}"));
                }
            }
            if let Some(group) = &s.part_of {
                of.push(format!("∈ {group}"));
            }
            if s.headline {
                of.push("标题".to_string());
            }
            let kind = match s.measure {
                Some(m) => format!(
                    "{} ({})",
                    s.kind,
                    if m == crate::statement::Measure::Real {
                        "real"
                    } else {
                        "nominal"
                    }
                ),
                None => s.kind.clone(),
            };
            [
                format!("{}:{}", s.line, s.column),
                s.value.clone(),
                subject,
                kind,
                if s.period.is_empty() {
                    "—".into()
                } else {
                    s.period.clone()
                },
                s.basis.clone(),
                of.join("; "),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..6)
        .map(|i| {
            rows.iter()
                .map(|r| UnicodeWidthStr::width(r[i].as_str()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for r in &rows {
        let cells: Vec<String> = (0..6).map(|i| pad(&r[i], widths[i])).collect();
        let line = format!("  {}  {}", cells.join("  "), r[6]);
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
