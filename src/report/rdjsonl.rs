//! `--format rdjsonl`: reviewdog's diagnostic format, one JSON object per line
//! (`reviewdog -f=rdjsonl`). Columns count UTF-8 bytes and the end is exclusive, as
//! reviewdog.proto specifies.

use super::{Emitter, FileReport, RuleMeta, Summary};
use crate::rules::Severity;
use serde_json::json;

pub struct Rdjsonl;

impl Emitter for Rdjsonl {
    fn file(&mut self, file: &FileReport) -> String {
        let mut out = String::new();
        for at in super::located(file) {
            let f = at.finding;
            let value = json!({
                "message": f.with_help(),
                "location": {
                    "path": at.file.path,
                    "range": {
                        "start": {"line": at.start.line, "column": at.start.byte_column},
                        "end": {"line": at.end.line, "column": at.end.byte_column},
                    },
                },
                "severity": match f.severity {
                    Severity::Error => "ERROR",
                    Severity::Warning => "WARNING",
                },
                "source": {"name": "factlint"},
                "code": {"value": f.rule},
            });
            out.push_str(&value.to_string());
            out.push('\n');
        }
        out
    }

    fn finish(&mut self, _: &Summary, _: &[RuleMeta]) -> String {
        String::new()
    }
}
