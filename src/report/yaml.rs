//! `--format yaml`: deterministic and diff-friendly, for pinning an article's figures in a
//! repository. One line per figure, with both readings of its precision.

use super::{one_line, Emitter, FactsRecord, FileReport, RuleMeta, Summary};

#[derive(Default)]
pub struct Yaml {
    started: bool,
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// `key: []` for an empty list, `key:` before its items otherwise.
fn list_key(out: &mut String, indent: &str, key: &str, empty: bool) {
    out.push_str(&format!(
        "{indent}{key}:{}\n",
        if empty { " []" } else { "" }
    ));
}

/// The position fields every located record starts with.
fn located(line: usize, column: usize, start: usize, end: usize, text: &str) -> String {
    format!(
        "line: {line}, column: {column}, start: {start}, end: {end}, text: {}",
        quote(&one_line(text))
    )
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map_or("null".to_string(), quote)
}

impl Yaml {
    /// The `files:` key, before the first file (or the summary of a run without files).
    fn open(&mut self) -> &'static str {
        if std::mem::replace(&mut self.started, true) {
            ""
        } else {
            "files:\n"
        }
    }
}

impl Emitter for Yaml {
    fn facts(&self, record: &FactsRecord) -> String {
        let mut out = format!("path: {}\n", quote(&record.path));
        list_key(&mut out, "", "figures", record.figures.is_empty());
        for f in &record.figures {
            out.push_str(&format!(
                "  - {{{}, value: {}, unit: {}, low: {}, high: {}, natural_low: {}, natural_high: {}, qualifier: {}}}\n",
                located(f.line, f.column, f.start, f.end, &f.text),
                quote(&f.value),
                quote(&f.unit),
                opt(&f.low),
                opt(&f.high),
                opt(&f.natural.0),
                opt(&f.natural.1),
                f.qualifier.map_or("null".to_string(), |q| q.as_str().to_string()),
            ));
        }
        list_key(&mut out, "", "dates", record.dates.is_empty());

        for d in &record.dates {
            let num = |n: Option<u32>| n.map_or("null".to_string(), |n| n.to_string());
            out.push_str(&format!(
                "  - {{{}, year: {}, month: {}, day: {}}}\n",
                located(d.line, d.column, d.start, d.end, &d.text),
                num(d.date.year),
                num(d.date.month),
                num(d.date.day),
            ));
        }
        list_key(&mut out, "", "checks", record.checks.is_empty());
        for c in &record.checks {
            let figures: Vec<String> = c
                .figures
                .iter()
                .map(|f| {
                    format!(
                        "{{fact: {}, line: {}, column: {}, text: {}}}",
                        f.fact,
                        f.line,
                        f.column,
                        quote(&one_line(&f.text))
                    )
                })
                .collect();
            out.push_str(&format!(
                "  - {{rule: {}, verdict: {}, reason: {}, explanation: {}, figures: [{}]}}\n",
                c.rule,
                c.verdict,
                opt(&c.reason),
                opt(&c.explanation),
                figures.join(", ")
            ));
        }
        out
    }

    fn file(&mut self, f: &FileReport) -> String {
        let mut out = self.open().to_string();
        out.push_str(&format!("  - path: {}\n", quote(&f.path)));
        list_key(&mut out, "    ", "findings", f.findings.is_empty());
        for x in &f.findings {
            out.push_str(&format!(
                "      - rule: {}\n        severity: {}\n        message: {}\n        help: {}\n        labels:\n",
                x.rule,
                x.severity.as_str(),
                quote(&x.message),
                quote(&x.help)
            ));
            for l in &x.labels {
                out.push_str(&format!(
                    "          - {{{}, message: {}}}\n",
                    located(l.line, l.column, l.start, l.end, &l.text),
                    quote(&l.message)
                ));
            }
        }
        if !f.passed.is_empty() {
            out.push_str("    passed:\n");
            for p in &f.passed {
                out.push_str(&format!(
                    "      - {{rule: {}, explanation: {}}}\n",
                    p.rule,
                    quote(&p.explanation)
                ));
            }
        }
        out
    }

    fn finish(&mut self, summary: &Summary, _: &[RuleMeta]) -> String {
        let mut out = self.open().to_string();
        out.push_str(&format!(
            "summary: {{files: {}, errors: {}, warnings: {}}}\n",
            summary.files, summary.errors, summary.warnings
        ));
        out
    }
}
