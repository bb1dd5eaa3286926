//! Output formats. Each format is one file behind the [`Emitter`] trait; all of them render the
//! same records, so formats cannot disagree about what was found.

mod concise;
mod fingerprint;
mod github;
mod human;
mod json;
mod junit;
pub mod model;
pub mod position;
mod rdjsonl;
pub mod rules;
mod sarif;
mod yaml;

pub use fingerprint::fingerprint;
pub use human::{statements_table, Human};
pub use model::{
    facts_record, file_report, CheckReport, FactsRecord, FigureRecord, FileReport, RuleMeta,
    StatementRecord, Summary,
};

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Concise,
    Json,
    Yaml,
    Sarif,
    Github,
    Rdjsonl,
    Junit,
}

/// Renders reports in one format.
///
/// A run is rendered file by file, in path order, as the files are checked: `file` returns the
/// output that belongs to one file (written at once), `finish` the rest (summaries, closing
/// brackets). So a run holds at most the files still being checked, never the corpus. The two
/// formats whose document needs the whole run before its first line (SARIF's rule table, JUnit's
/// totals) keep each file's findings, never its text.
pub trait Emitter {
    /// The figures of one file; formats made for findings only (SARIF, GitHub, …) write JSON.
    fn facts(&self, record: &FactsRecord) -> String {
        json::to_json(record)
    }
    /// The output for one file, given once it and every file before it have been checked.
    fn file(&mut self, file: &FileReport) -> String;
    /// The rest of the output, after every file has been through `file`.
    fn finish(&mut self, summary: &Summary, rules: &[RuleMeta]) -> String;
    /// A whole run at once: every file, then the end.
    fn check(&mut self, report: &CheckReport) -> String {
        let mut out: String = report.files.iter().map(|f| self.file(f)).collect();
        out.push_str(&self.finish(&report.summary, &report.rules));
        out
    }
}

/// Options of the human format.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Terminal width the diagnostics are wrapped to.
    pub width: usize,
    pub color: bool,
}

impl Default for Style {
    fn default() -> Self {
        Self {
            width: 100,
            color: false,
        }
    }
}

pub fn emitter(format: Format, style: Style) -> Box<dyn Emitter> {
    match format {
        Format::Human => Box::new(human::Human::new(style)),
        Format::Json => Box::new(json::Json::default()),
        Format::Yaml => Box::new(yaml::Yaml::default()),
        Format::Concise => Box::new(concise::Concise),
        Format::Sarif => Box::new(sarif::SarifFormat::default()),
        Format::Github => Box::new(github::Github),
        Format::Rdjsonl => Box::new(rdjsonl::Rdjsonl),
        Format::Junit => Box::new(junit::Junit::default()),
    }
}

/// A finding with the positions of its first label, where the one-place formats annotate it.
pub struct Located<'a> {
    pub file: &'a FileReport,
    pub finding: &'a model::FindingRecord,
    pub start: position::Position,
    pub end: position::Position,
}

/// Every finding of a file in output order, located at its first label.
pub fn located(file: &FileReport) -> impl Iterator<Item = Located<'_>> {
    let positions = position::Positions::new(&file.source);
    file.findings.iter().map(move |finding| {
        let (start, end) = finding.labels.first().map_or((0, 0), |l| (l.start, l.end));
        Located {
            file,
            finding,
            start: positions.at(start),
            end: positions.at(end),
        }
    })
}

/// Escapes line breaks so one record stays on one line: `21.79万亿⏎元`.
pub fn one_line(text: &str) -> String {
    text.replace("\r\n", "⏎").replace(['\n', '\r'], "⏎")
}
