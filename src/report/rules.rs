//! `factlint rules list | explain | test`: rules as their users read them.

use super::{Format, Style};
use crate::engine::examples;
use crate::families;
use crate::rules::{Expectation, RuleError, RuleSet};
use miette::{GraphicalReportHandler, GraphicalTheme, NamedSource};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

#[derive(Serialize)]
struct RuleRow<'a> {
    id: &'a str,
    family: Option<&'a str>,
    severity: &'static str,
    title: &'a str,
    path: &'a str,
}

/// Where the built-in relations are defined, as `rules list` shows it.
const BUILT_IN: &str = "built-in";

/// One line per rule: id, family, severity, title — the built-in relations that run first,
/// then the regex rules.
pub fn list(rules: &RuleSet, format: Format) -> String {
    let relations = crate::relations::RELATIONS
        .iter()
        .filter(|r| rules.relations.runs(r.id))
        .map(|r| RuleRow {
            id: r.id,
            family: Some(r.family),
            severity: rules
                .relations
                .severity
                .get(r.id)
                .map_or("error", |s| s.as_str()),
            title: r.summary,
            path: BUILT_IN,
        });
    // Concept identities run inside the concept-identity relation.
    let identities = rules
        .knowledge
        .identities
        .iter()
        .filter(|_| rules.relations.runs("concept-identity"))
        .map(|i| RuleRow {
            id: &i.id,
            family: Some(&i.family),
            severity: i.severity.as_str(),
            title: &i.title,
            path: &i.origin.path,
        });
    let rows: Vec<RuleRow> = relations
        .chain(identities)
        .chain(rules.rules.iter().map(|r| RuleRow {
            id: &r.id,
            family: r.family.as_deref(),
            severity: r.severity.as_str(),
            title: &r.title,
            path: &r.origin.path,
        }))
        .collect();
    match format {
        Format::Json => serde_json::to_string(&rows).unwrap_or_default() + "\n",
        Format::Yaml => rows
            .iter()
            .map(|r| {
                format!(
                    "- {{id: {}, family: {}, severity: {}, title: {}, path: {}}}\n",
                    r.id,
                    r.family.unwrap_or("null"),
                    r.severity,
                    serde_json::to_string(r.title).unwrap_or_default(),
                    serde_json::to_string(r.path).unwrap_or_default()
                )
            })
            .collect(),
        _ => {
            let w_id = rows.iter().map(|r| r.id.len()).max().unwrap_or(0);
            let w_family = rows
                .iter()
                .map(|r| r.family.unwrap_or("-").len())
                .max()
                .unwrap_or(0);
            rows.iter()
                .map(|r| {
                    format!(
                        "{:w_id$}  {:w_family$}  {:7}  {}\n",
                        r.id,
                        r.family.unwrap_or("-"),
                        r.severity,
                        r.title
                    )
                })
                .collect()
        }
    }
}

/// A built-in relation's documentation (its file's What / Why / Example comment), a family's
/// documentation and functions, or a rule's header, family doc, examples and YAML.
pub fn explain(rules: &RuleSet, name: &str) -> Option<String> {
    if let Some(relation) = crate::relations::get(name) {
        let state = if rules.relations.runs(relation.id) {
            "runs"
        } else {
            "switched off"
        };
        return Some(format!(
            "{}: {}

family: {}
built in, {state}; switch off or change its severity by id in .factlint.yaml

{}
",
            relation.id,
            relation.summary,
            relation.family,
            relation.doc()
        ));
    }
    if let Some(identity) = rules.knowledge.identity(name) {
        let concepts: Vec<String> = std::iter::once(identity.whole.as_str())
            .chain(identity.parts.iter().map(|t| t.name.as_str()))
            .map(|n| format!("  {}", rules.knowledge.names_of(n).join(" = ")))
            .collect();
        return Some(format!(
            "{}: {}\n\nfamily: {}\nseverity: {}\nmessage: {}\nidentity: {}\nconcepts (names the copy may give them):\n{}\ndefined in: {}\nchecked by: concept-identity (`factlint rules explain concept-identity`)\n\n{}\n",
            identity.id,
            identity.title,
            identity.family,
            identity.severity.as_str(),
            identity.message,
            identity.equation(),
            concepts.join("\n"),
            identity.origin.path,
            identity.origin.text().trim_end(),
        ));
    }
    if let Some(rule) = rules.get(name) {
        let mut out = format!(
            "{}: {}\n\nfamily: {}\nseverity: {}\nscope: {:?}\nmessage: {}\ncheck: {}\ndefined in: {}\n",
            rule.id,
            rule.title,
            rule.family.as_deref().unwrap_or("-"),
            rule.severity.as_str(),
            rule.scope,
            rule.message,
            rule.check_source,
            rule.origin.path,
        );
        if let Some(family) = rule.family.as_deref().and_then(families::family) {
            out.push('\n');
            out.push_str(&family.doc());
            out.push('\n');
        }
        let mut section = |title: &str, expect: fn(&Expectation) -> bool| {
            let texts: Vec<&str> = rule
                .examples
                .iter()
                .filter(|e| expect(&e.expect))
                .map(|e| e.text.as_str())
                .collect();
            if !texts.is_empty() {
                out.push_str(&format!("\n{title}:\n"));
                for t in texts {
                    out.push_str(&format!("  - {t}\n"));
                }
            }
        };
        section("holds on", |e| *e == Expectation::Pass);
        section("stays silent on", |e| *e == Expectation::Silent);
        section("fires on", |e| matches!(e, Expectation::Fail { .. }));
        out.push_str(&format!(
            "\nsource ({}):\n\n{}\n",
            rule.origin.path,
            rule.origin.text()
        ));
        return Some(out);
    }
    let family = families::family(name)?;
    let mut out = family.doc();
    out.push('\n');
    if !family.functions.is_empty() {
        out.push_str("\n## Functions\n");
        let width = family
            .functions
            .iter()
            .map(|f| UnicodeWidthStr::width(f.usage))
            .max()
            .unwrap_or(0);
        for f in family.functions {
            out.push_str(&format!("{:width$}  {}\n", f.usage, f.summary));
        }
    }
    let members: Vec<&str> = rules
        .rules
        .iter()
        .filter(|r| r.family.as_deref() == Some(name))
        .map(|r| r.id.as_str())
        .collect();
    // The built-in relations and concept identities of the family check it too.
    let built_in: Vec<String> = crate::relations::RELATIONS
        .iter()
        .filter(|r| r.family == name && rules.relations.runs(r.id))
        .map(|r| format!("{}  (built-in relation: {})", r.id, r.summary))
        .chain(
            rules
                .knowledge
                .identities
                .iter()
                .filter(|i| i.family == name)
                .map(|i| format!("{}  (concept identity: {})", i.id, i.equation())),
        )
        .collect();
    if !built_in.is_empty() {
        out.push_str(&format!(
            "\n## Relations and identities\n{}\n",
            built_in.join("\n")
        ));
    }
    if !members.is_empty() {
        out.push_str(&format!("\n## Rules\n{}\n", members.join("\n")));
    }
    Some(out)
}

/// Runs every example; returns the report and the number of failures.
pub fn test(rules: &RuleSet, style: Style) -> (String, usize) {
    let mut failures = examples::run(rules);
    failures.extend(crate::checks::identity_examples(rules));
    let total: usize = rules.rules.iter().map(|r| r.examples.len()).sum::<usize>()
        + rules
            .knowledge
            .identities
            .iter()
            .map(|i| i.examples.len())
            .sum::<usize>();
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(style.width);
    let mut out = String::new();
    for f in &failures {
        let source = rules
            .get(&f.rule)
            .map(|r| &r.origin)
            .or_else(|| rules.knowledge.identity(&f.rule).map(|i| &i.origin))
            .map_or_else(String::new, |o| o.source.as_ref().clone());
        let diagnostic = RuleError {
            message: format!("example of `{}` does not hold", f.rule),
            source_code: NamedSource::new(&f.path, source),
            span: (f.span.start, f.span.end - f.span.start).into(),
            label: "this example".into(),
            help: Some(f.message.clone()),
        };
        if handler.render_report(&mut out, &diagnostic).is_err() {
            out.push_str(&format!("{}: {}: {}\n", f.path, f.rule, f.message));
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "{} examples in {} rules and {} concept identities: {} passed, {} failed\n",
        total,
        rules.rules.len(),
        rules.knowledge.identities.len(),
        total - failures.len(),
        failures.len()
    ));
    (out, failures.len())
}
