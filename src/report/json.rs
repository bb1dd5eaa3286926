//! `--format json`: one compact object per file (JSON Lines when several files are given).

use super::{Emitter, FactsRecord};

pub struct Json;

impl Emitter for Json {
    fn facts(&self, record: &FactsRecord) -> String {
        let mut s =
            serde_json::to_string(record).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        s.push('\n');
        s
    }
}
