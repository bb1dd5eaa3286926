//! `--format concise`: one line per finding, `path:line:col: severity[rule] message`, the form
//! editors' error parsers (Vim's errorformat, Emacs' compilation mode) read. Columns count
//! characters.

use super::{CheckReport, Emitter};
use std::fmt::Write;

pub struct Concise;

impl Emitter for Concise {
    fn check(&self, report: &CheckReport) -> String {
        let mut out = String::new();
        for at in super::located(report) {
            let f = at.finding;
            let _ = writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                at.file.path,
                at.start.line,
                at.start.column,
                f.severity.as_str(),
                f.rule,
                super::one_line(&f.message)
            );
        }
        out
    }
}
