//! `--format human`: aligned columns for reading at a terminal.

use super::{one_line, Emitter, FactsRecord};
use unicode_width::UnicodeWidthStr;

pub struct Human;

fn pad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

impl Emitter for Human {
    fn facts(&self, record: &FactsRecord) -> String {
        let mut out = format!(
            "{}: {} figures, {} dates\n",
            record.path,
            record.figures.len(),
            record.dates.len()
        );
        let rows: Vec<[String; 6]> = record
            .figures
            .iter()
            .map(|f| {
                let [value, strict, natural] = f.display.clone();
                let natural = if natural == strict {
                    String::new()
                } else {
                    format!("natural {natural}")
                };
                [
                    format!("{}:{}", f.line, f.column),
                    one_line(&f.text),
                    value,
                    format!("strict {strict}"),
                    natural,
                    f.qualifier
                        .map(|q| q.as_str().to_string())
                        .unwrap_or_default(),
                ]
            })
            .collect();
        let widths: Vec<usize> = (0..5)
            .map(|i| {
                rows.iter()
                    .map(|r| UnicodeWidthStr::width(r[i].as_str()))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for r in &rows {
            let cells: Vec<String> = (0..5).map(|i| pad(&r[i], widths[i])).collect();
            let line = format!("  {}  {}", cells.join("  "), r[5]);
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}
