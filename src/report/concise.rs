//! `--format concise`: one line per finding, `path:line:col: severity[rule] message`, the form
//! editors' error parsers (Vim's errorformat, Emacs' compilation mode) read. Columns count
//! characters.

use super::position::Positions;
use super::{CheckReport, Emitter, FactsRecord};
use std::fmt::Write;

pub struct Concise;

impl Emitter for Concise {
    fn facts(&self, record: &FactsRecord) -> String {
        super::json::Json.facts(record)
    }

    fn check(&self, report: &CheckReport) -> String {
        let mut out = String::new();
        for file in &report.files {
            let positions = Positions::new(&file.source);
            for f in &file.findings {
                let start = f.labels.first().map_or(0, |l| l.start);
                let at = positions.at(start);
                let _ = writeln!(
                    out,
                    "{}:{}:{}: {}[{}] {}",
                    file.path,
                    at.line,
                    at.column,
                    f.severity.as_str(),
                    f.rule,
                    super::one_line(&f.message)
                );
            }
        }
        out
    }
}
