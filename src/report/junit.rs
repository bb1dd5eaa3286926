//! `--format junit`: JUnit XML for CI dashboards. One test suite per file; each error is a
//! failed test case, each warning a passing one with the warning in its output, and a file with
//! no finding is one passing test case, so dashboards count every article checked.

use super::position::Positions;
use super::{Emitter, FileReport, RuleMeta, Summary};
use crate::rules::Severity;
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

/// Keeps each file's test suite (its findings, not its text) until the report is written: the
/// totals come first in JUnit XML.
#[derive(Default)]
pub struct Junit {
    suites: Vec<TestSuite>,
}

impl Emitter for Junit {
    fn file(&mut self, file: &FileReport) -> String {
        let positions = Positions::new(&file.source);
        let mut suite = TestSuite::new(file.path.as_str());
        if file.findings.is_empty() {
            suite.add_test_case(TestCase::new("factlint", TestCaseStatus::success()));
        }
        for f in &file.findings {
            let at = positions.at(f.labels.first().map_or(0, |l| l.start));
            let name = format!("{}:{}:{} {}", file.path, at.line, at.column, f.rule);
            let mut text = f.message.clone();
            for l in &f.labels {
                let p = positions.at(l.start);
                text.push_str(&format!(
                    "\n  {}:{}: {} `{}`",
                    p.line,
                    p.column,
                    l.message,
                    super::one_line(&l.text)
                ));
            }
            if !f.help.is_empty() {
                text.push_str(&format!("\n{}", f.help));
            }
            let case = match f.severity {
                Severity::Error => {
                    let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                    status.set_message(f.message.as_str());
                    status.set_type(f.rule.as_str());
                    status.set_description(text);
                    let mut case = TestCase::new(name, status);
                    case.set_classname(file.path.as_str());
                    case
                }
                Severity::Warning => {
                    let mut case = TestCase::new(name, TestCaseStatus::success());
                    case.set_classname(file.path.as_str());
                    case.set_system_out(format!("warning: {text}"));
                    case
                }
            };
            suite.add_test_case(case);
        }
        self.suites.push(suite);
        String::new()
    }

    fn finish(&mut self, _: &Summary, _: &[RuleMeta]) -> String {
        let mut junit = Report::new("factlint");
        junit.add_test_suites(std::mem::take(&mut self.suites));
        junit
            .to_string()
            .unwrap_or_else(|e| format!("<!-- cannot render JUnit: {e} -->\n"))
    }
}
