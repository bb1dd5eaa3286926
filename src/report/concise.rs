//! `--format concise`: one line per finding, `path:line:col: severity[rule] message`, the form
//! editors' error parsers (Vim's errorformat, Emacs' compilation mode) read. Columns count
//! characters.

use super::{Emitter, FileReport, RuleMeta, Summary};
use std::fmt::Write;

pub struct Concise;

impl Emitter for Concise {
    fn file(&mut self, file: &FileReport) -> String {
        let mut out = String::new();
        for at in super::located(file) {
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

    fn finish(&mut self, _: &Summary, _: &[RuleMeta]) -> String {
        String::new()
    }
}
