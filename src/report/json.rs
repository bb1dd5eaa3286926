//! `--format json`. `facts`: one compact object per file (JSON Lines when several files are
//! given). `check`: one object for the whole run. Field names are a public contract
//! (docs/output.md): fields may be added, never renamed.

use super::{Emitter, FactsRecord, FileReport, RuleMeta, Summary};

/// Writes the run's one object a file at a time: `{"files":[` before the first file, `,` between
/// files, the summary after the last — the bytes `serde_json` gives for the whole report.
#[derive(Default)]
pub struct Json {
    started: bool,
}

pub(super) fn to_json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

impl Emitter for Json {
    fn facts(&self, record: &FactsRecord) -> String {
        to_json(record)
    }

    fn file(&mut self, file: &FileReport) -> String {
        let mut out = String::from(if self.started { "," } else { "{\"files\":[" });
        self.started = true;
        out.push_str(
            &serde_json::to_string(file).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}")),
        );
        out
    }

    fn finish(&mut self, summary: &Summary, _: &[RuleMeta]) -> String {
        let mut out = String::from(if self.started { "" } else { "{\"files\":[" });
        out.push_str("],\"summary\":");
        out.push_str(&to_json(summary));
        out.insert(out.len() - 1, '}');
        out
    }
}
