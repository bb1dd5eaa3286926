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
    let mut s = compact(value);
    s.push('\n');
    s
}

fn compact<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

impl Json {
    /// What comes before the next file: the object's opening the first time, a comma after.
    fn separator(&mut self) -> &'static str {
        if std::mem::replace(&mut self.started, true) {
            ","
        } else {
            "{\"files\":["
        }
    }
}

impl Emitter for Json {
    fn facts(&self, record: &FactsRecord) -> String {
        to_json(record)
    }

    fn file(&mut self, file: &FileReport) -> String {
        format!("{}{}", self.separator(), compact(file))
    }

    fn finish(&mut self, summary: &Summary, _: &[RuleMeta]) -> String {
        let open = if self.started { "" } else { "{\"files\":[" };
        format!("{open}],\"summary\":{}}}\n", compact(summary))
    }
}
