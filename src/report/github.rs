//! `--format github`: GitHub Actions workflow commands, which the runner turns into annotations
//! on the pull request's diff:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
//! Columns count characters; the end column is exclusive. Data is escaped as the runner's
//! toolkit does (`%`, CR, LF; in properties also `:` and `,`).

use super::{Emitter, FileReport, RuleMeta, Summary};
use crate::rules::Severity;
use std::fmt::Write;

pub struct Github;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Emitter for Github {
    fn file(&mut self, file: &FileReport) -> String {
        let mut out = String::new();
        for at in super::located(file) {
            let f = at.finding;
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut message = f.message.clone();
            for l in &f.labels {
                let _ = write!(message, "\n{}: {}", l.message, super::one_line(&l.text));
            }
            if !f.help.is_empty() {
                let _ = write!(message, "\n{}", f.help);
            }
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&at.file.path),
                at.start.line,
                at.start.column,
                at.end.line,
                at.end.column,
                escape_property(&format!("factlint {}", f.rule)),
                escape_data(&message)
            );
        }
        out
    }

    fn finish(&mut self, _: &Summary, _: &[RuleMeta]) -> String {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(escape_data("50%\r\n下一行"), "50%25%0D%0A下一行");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
