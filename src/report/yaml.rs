//! `--format yaml`: deterministic and diff-friendly, for pinning an article's figures in a
//! repository. One line per figure, with both readings of its precision.

use super::{one_line, CheckReport, Emitter, FactsRecord};

pub struct Yaml;

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map_or("null".to_string(), quote)
}

impl Emitter for Yaml {
    fn facts(&self, record: &FactsRecord) -> String {
        let mut out = format!("path: {}\nfigures:\n", quote(&record.path));
        if record.figures.is_empty() {
            out = format!("path: {}\nfigures: []\n", quote(&record.path));
        }
        for f in &record.figures {
            out.push_str(&format!(
                "  - {{line: {}, column: {}, start: {}, end: {}, text: {}, value: {}, unit: {}, low: {}, high: {}, natural_low: {}, natural_high: {}, qualifier: {}}}\n",
                f.line,
                f.column,
                f.start,
                f.end,
                quote(&one_line(&f.text)),
                quote(&f.value),
                quote(&f.unit),
                opt(&f.low),
                opt(&f.high),
                opt(&f.natural.0),
                opt(&f.natural.1),
                f.qualifier.map_or("null".to_string(), |q| q.as_str().to_string()),
            ));
        }
        if record.dates.is_empty() {
            out.push_str("dates: []\n");
        } else {
            out.push_str("dates:\n");
        }

        for d in &record.dates {
            let num = |n: Option<u32>| n.map_or("null".to_string(), |n| n.to_string());
            out.push_str(&format!(
                "  - {{line: {}, column: {}, start: {}, end: {}, text: {}, year: {}, month: {}, day: {}}}\n",
                d.line,
                d.column,
                d.start,
                d.end,
                quote(&one_line(&d.text)),
                num(d.date.year),
                num(d.date.month),
                num(d.date.day),
            ));
        }
        if record.checks.is_empty() {
            out.push_str("checks: []\n");
        } else {
            out.push_str("checks:\n");
        }
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

    fn check(&self, report: &CheckReport) -> String {
        let mut out = String::from("files:\n");
        for f in &report.files {
            out.push_str(&format!("  - path: {}\n", quote(&f.path)));
            if f.findings.is_empty() {
                out.push_str("    findings: []\n");
            } else {
                out.push_str("    findings:\n");
            }
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
                        "          - {{line: {}, column: {}, start: {}, end: {}, text: {}, message: {}}}\n",
                        l.line,
                        l.column,
                        l.start,
                        l.end,
                        quote(&one_line(&l.text)),
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
        }
        out.push_str(&format!(
            "summary: {{files: {}, errors: {}, warnings: {}}}\n",
            report.summary.files, report.summary.errors, report.summary.warnings
        ));
        out
    }
}
