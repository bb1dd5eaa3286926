//! `--format sarif`: SARIF 2.1.0 for code-scanning uploads (GitHub code scanning, Azure DevOps).
//! Rule metadata goes in `tool.driver.rules`; each finding is a result located at its first
//! figure, with the other figures as related locations. Columns count Unicode code points
//! (`columnKind: unicodeCodePoints`); end columns are exclusive, as the specification says.

use super::position::Positions;
use super::{Emitter, FileReport, RuleMeta, Summary};
use crate::rules::Severity;
use serde_sarif::sarif::{
    ArtifactContent, ArtifactLocation, Location, Message, MultiformatMessageString,
    PhysicalLocation, PropertyBag, Region, ReportingConfiguration, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
};
use std::collections::BTreeMap;

/// Keeps each file's results (located, without the file's text) until the log is written.
#[derive(Default)]
pub struct SarifFormat {
    results: Vec<SarifResult>,
}

/// A relative path as a URI reference: unreserved characters and `/` kept, the rest
/// percent-encoded (Chinese file names included).
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn level(s: Severity) -> ResultLevel {
    match s {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
    }
}

fn text(s: impl Into<String>) -> Message {
    Message::builder().text(s.into()).build()
}

impl Emitter for SarifFormat {
    fn file(&mut self, file: &FileReport) -> String {
        let positions = Positions::new(&file.source);
        let location = |start: usize, end: usize, snippet: &str, message: Option<&str>| {
            let (a, b) = (positions.at(start), positions.at(end));
            let region = Region::builder()
                .start_line(a.line as i64)
                .start_column(a.column as i64)
                .end_line(b.line as i64)
                .end_column(b.column as i64)
                .snippet(ArtifactContent::builder().text(snippet.to_string()).build())
                .build();
            let physical = PhysicalLocation::builder()
                .artifact_location(ArtifactLocation::builder().uri(uri(&file.path)).build())
                .region(region)
                .build();
            let mut loc = Location::builder().physical_location(physical).build();
            loc.message = message.map(text);
            loc
        };
        for f in &file.findings {
            let Some(first) = f.labels.first() else {
                continue;
            };
            let related: Vec<Location> = f
                .labels
                .iter()
                .skip(1)
                .map(|l| location(l.start, l.end, &l.text, Some(&l.message)))
                .collect();
            let mut fingerprints = BTreeMap::new();
            fingerprints.insert("factlint/v1".to_string(), f.fingerprint());
            let mut result = SarifResult::builder()
                .message(text(f.with_help()))
                .rule_id(f.rule.clone())
                .level(level(f.severity))
                .locations(vec![location(
                    first.start,
                    first.end,
                    &first.text,
                    Some(&first.message),
                )])
                .partial_fingerprints(fingerprints)
                .build();
            if !related.is_empty() {
                result.related_locations = Some(related);
            }
            self.results.push(result);
        }
        String::new()
    }

    fn finish(&mut self, _: &Summary, rules: &[RuleMeta]) -> String {
        let descriptors: Vec<ReportingDescriptor> = rules
            .iter()
            .map(|r| {
                let mut d = ReportingDescriptor::builder()
                    .id(r.id.clone())
                    .short_description(
                        MultiformatMessageString::builder()
                            .text(r.title.clone())
                            .build(),
                    )
                    .default_configuration(
                        ReportingConfiguration::builder()
                            .level(serde_json::json!(r.severity.as_str()))
                            .build(),
                    )
                    .build();
                if let Some(family) = &r.family {
                    let mut tags = BTreeMap::new();
                    tags.insert("tags".to_string(), serde_json::json!([family]));
                    d.properties = Some(PropertyBag::builder().additional_properties(tags).build());
                }
                d
            })
            .collect();
        let index: BTreeMap<&str, i64> = rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i as i64))
            .collect();
        let mut results = std::mem::take(&mut self.results);
        for result in &mut results {
            result.rule_index = result
                .rule_id
                .as_deref()
                .and_then(|id| index.get(id).copied());
        }
        let driver = ToolComponent::builder()
            .name("factlint")
            .version(env!("CARGO_PKG_VERSION"))
            .information_uri("https://github.com/factlint/factlint")
            .rules(descriptors)
            .build();
        let run = Run::builder()
            .tool(Tool::builder().driver(driver).build())
            .results(results)
            .column_kind(serde_json::json!("unicodeCodePoints"))
            .build();
        let log = Sarif::builder()
            .version(serde_json::json!("2.1.0"))
            .schema(serde_sarif::sarif::SCHEMA_URL)
            .runs(vec![run])
            .build();
        let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_percent_encode_non_ascii() {
        assert_eq!(super::uri("稿件/a b.md"), "%E7%A8%BF%E4%BB%B6/a%20b.md");
    }
}
