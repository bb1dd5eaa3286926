//! `--format rdjsonl`: reviewdog's diagnostic format, one JSON object per line
//! (`reviewdog -f=rdjsonl`). Columns count UTF-8 bytes and the end is exclusive, as
//! reviewdog.proto specifies.

use super::position::Positions;
use super::{CheckReport, Emitter, FactsRecord};
use crate::rules::Severity;
use serde_json::json;

pub struct Rdjsonl;

impl Emitter for Rdjsonl {
    fn facts(&self, record: &FactsRecord) -> String {
        super::json::Json.facts(record)
    }

    fn check(&self, report: &CheckReport) -> String {
        let mut out = String::new();
        for file in &report.files {
            let positions = Positions::new(&file.source);
            for f in &file.findings {
                let (start, end) = f.labels.first().map_or((0, 0), |l| (l.start, l.end));
                let (a, b) = (positions.at(start), positions.at(end));
                let mut message = f.message.clone();
                if !f.help.is_empty() {
                    message.push('\n');
                    message.push_str(&f.help);
                }
                let value = json!({
                    "message": message,
                    "location": {
                        "path": file.path,
                        "range": {
                            "start": {"line": a.line, "column": a.byte_column},
                            "end": {"line": b.line, "column": b.byte_column},
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
        }
        out
    }
}
