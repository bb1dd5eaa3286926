//! `--format json`. `facts`: one compact object per file (JSON Lines when several files are
//! given). `check`: one object for the whole run. Field names are a public contract
//! (docs/output.md): fields may be added, never renamed.

use super::{CheckReport, Emitter, FactsRecord};

pub struct Json;

pub(super) fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

impl Emitter for Json {
    fn facts(&self, record: &FactsRecord) -> String {
        to_json(record)
    }

    fn check(&self, report: &CheckReport) -> String {
        to_json(report)
    }
}
