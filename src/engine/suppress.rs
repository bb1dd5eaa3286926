//! Suppressions that say why: `<!-- factlint-disable-next-line RULE -- reason -->`,
//! `<!-- factlint-disable RULE -- reason -->` … `<!-- factlint-enable RULE -->`.
//!
//! The same comments work in Markdown, HTML and plain text (in plain text, on a line of their
//! own). RULE is one or more rule ids or families separated by commas or spaces; none means
//! every rule. A suppression without a reason, one that suppresses nothing, and one naming an
//! unknown rule are reported as warnings, as ruff reports an unused `noqa`.

use super::{Finding, Label};
use crate::document::{Comment, Document};
use crate::rules::{RuleSet, Severity};
use std::ops::Range;

/// Rule ids of the warnings suppressions themselves raise.
pub const WITHOUT_REASON: &str = "suppression-without-reason";
pub const UNUSED: &str = "unused-suppression";
pub const UNKNOWN: &str = "unknown-suppression";

/// The built-in diagnostics about suppressions: (id, title), for reports that list rules.
pub const BUILT_IN: &[(&str, &str)] = &[
    (WITHOUT_REASON, "a suppression gives no reason"),
    (UNUSED, "a suppression suppresses nothing"),
    (UNKNOWN, "a suppression names no known rule"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    NextLine,
    Disable,
    Enable,
}

/// One parsed suppression comment.
#[derive(Debug, Clone)]
struct Directive {
    kind: Kind,
    /// Rule ids or families; empty means every rule.
    rules: Vec<String>,
    reason: Option<String>,
    span: Range<usize>,
}

/// A region of the original in which some rules are silenced.
#[derive(Debug)]
struct Region {
    directive: usize,
    range: Range<usize>,
    rules: Vec<String>,
    used: bool,
}

fn parse(comment: &Comment) -> Option<Result<Directive, String>> {
    let body = comment.body.trim();
    let rest = body.strip_prefix("factlint-")?;
    let (kind, rest) = if let Some(r) = rest.strip_prefix("disable-next-line") {
        (Kind::NextLine, r)
    } else if let Some(r) = rest.strip_prefix("disable") {
        (Kind::Disable, r)
    } else if let Some(r) = rest.strip_prefix("enable") {
        (Kind::Enable, r)
    } else {
        return Some(Err(format!(
            "`factlint-{}` is not a directive: use factlint-disable-next-line, factlint-disable \
             or factlint-enable",
            rest.split_whitespace().next().unwrap_or("")
        )));
    };
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return Some(Err(format!("unknown directive `{body}`")));
    }
    let (names, reason) = match rest.split_once("--") {
        Some((names, reason)) => (names, Some(reason.trim().to_string())),
        None => (rest, None),
    };
    let rules = names
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    Some(Ok(Directive {
        kind,
        rules,
        reason: reason.filter(|r| !r.is_empty()),
        span: comment.span.clone(),
    }))
}

/// Removes the findings suppressed by the document's comments and adds warnings about the
/// suppressions themselves. `rules` resolves families and flags unknown names; `built_in` names
/// the relations that run above this layer, as (id, family).
pub fn apply(
    document: &Document,
    rules: &RuleSet,
    built_in: &[(&str, &str)],
    findings: Vec<Finding>,
) -> Vec<Finding> {
    let mut warnings = Vec::new();
    let mut directives = Vec::new();
    for comment in &document.comments {
        match parse(comment) {
            None => {}
            Some(Ok(d)) => directives.push(d),
            Some(Err(message)) => warnings.push(warning(UNKNOWN, message, comment.span.clone())),
        }
    }
    if directives.is_empty() {
        return with(findings, warnings);
    }
    // A rule, a concept identity or a built-in relation (the caller names those, which live
    // above this layer), by id or family.
    let known = |name: &str| {
        rules
            .rules
            .iter()
            .any(|r| r.id == name || r.family.as_deref() == Some(name))
            || rules
                .knowledge
                .identities
                .iter()
                .any(|i| i.id == name || i.family == name)
            || built_in
                .iter()
                .any(|(id, family)| *id == name || *family == name)
    };
    let mut regions: Vec<Region> = Vec::new();
    for (i, d) in directives.iter().enumerate() {
        for name in d.rules.iter().filter(|n| !known(n)) {
            warnings.push(warning(
                UNKNOWN,
                format!("suppression names `{name}`, which is no loaded rule or family"),
                d.span.clone(),
            ));
        }
        if d.kind != Kind::Enable && d.reason.is_none() {
            warnings.push(warning(
                WITHOUT_REASON,
                "suppression gives no reason: add ` -- why the figures are right`".into(),
                d.span.clone(),
            ));
        }
        match d.kind {
            Kind::NextLine => {
                if let Some(line) = next_line(&document.source, d.span.end) {
                    regions.push(Region {
                        directive: i,
                        range: line,
                        rules: d.rules.clone(),
                        used: false,
                    });
                }
            }
            Kind::Disable => {
                // Runs to the first later enable that re-enables one of its rules (or all).
                let end = directives[i + 1..]
                    .iter()
                    .find(|e| {
                        e.kind == Kind::Enable
                            && (e.rules.is_empty()
                                || d.rules.is_empty()
                                || e.rules.iter().any(|r| d.rules.contains(r)))
                    })
                    .map_or(document.source.len(), |e| e.span.start);
                regions.push(Region {
                    directive: i,
                    range: d.span.end..end,
                    rules: d.rules.clone(),
                    used: false,
                });
            }
            Kind::Enable => {}
        }
    }
    let family = |id: &str| {
        rules
            .get(id)
            .and_then(|r| r.family.clone())
            .or_else(|| rules.knowledge.identity(id).map(|i| i.family.clone()))
            .or_else(|| {
                built_in
                    .iter()
                    .find(|(b, _)| *b == id)
                    .map(|(_, f)| (*f).to_string())
            })
    };
    let mut kept = Vec::new();
    for finding in findings {
        let fam = family(&finding.rule);
        let mut suppressed = false;
        for region in regions.iter_mut() {
            let names_it = region.rules.is_empty()
                || region
                    .rules
                    .iter()
                    .any(|n| *n == finding.rule || Some(n) == fam.as_ref());
            let inside = finding
                .labels
                .iter()
                .any(|l| region.range.contains(&l.span.start));
            if names_it && inside {
                region.used = true;
                suppressed = true;
            }
        }
        if !suppressed {
            kept.push(finding);
        }
    }
    for region in regions.iter().filter(|r| !r.used) {
        warnings.push(warning(
            UNUSED,
            "suppression suppresses nothing: remove it".into(),
            directives[region.directive].span.clone(),
        ));
    }
    with(kept, warnings)
}

fn with(mut findings: Vec<Finding>, warnings: Vec<Finding>) -> Vec<Finding> {
    findings.extend(warnings);
    findings.sort_by(|a, b| {
        a.offset()
            .cmp(&b.offset())
            .then_with(|| a.rule.cmp(&b.rule))
    });
    findings
}

fn warning(rule: &str, message: String, span: Range<usize>) -> Finding {
    Finding {
        rule: rule.to_string(),
        severity: Severity::Warning,
        message,
        help: "see “Suppressions” in docs/config.md".into(),
        labels: vec![Label {
            span,
            message: "suppression".into(),
        }],
    }
}

/// The byte range of the first non-blank line after `offset`'s line.
fn next_line(source: &str, offset: usize) -> Option<Range<usize>> {
    let mut start = source.get(offset..)?.find('\n').map(|k| offset + k + 1)?;
    loop {
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |k| start + k);
        if !source[start..line_end].trim().is_empty() {
            return Some(start..line_end);
        }
        if line_end >= source.len() {
            return None;
        }
        start = line_end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::document::Markup;
    use crate::figure::ReadOptions;

    fn run(text: &str, markup: Markup) -> Vec<Finding> {
        let rules = RuleSet::shipped().unwrap();
        let document = Document::with_markup("t", text.to_string(), markup);
        let article = Article::from_document(document, &ReadOptions::default());
        let evaluations = crate::engine::evaluate(&article, &rules);
        let findings = crate::engine::findings(&article, &evaluations);
        apply(&article.document, &rules, &[], findings)
    }

    const WRONG: &str =
        "截至6月底，全国汽车保有量3.59亿辆，其中新能源汽车保有量3689万辆，占汽车总量的12.27%。";

    #[test]
    fn next_line_suppresses_with_reason() {
        let text =
            format!("<!-- factlint-disable-next-line nev-share-of-cars -- 原稿如此 -->\n{WRONG}\n");
        assert!(run(&text, Markup::Markdown).is_empty());
        let text = format!("<!-- factlint-disable-next-line share -- 按家族 -->\n{WRONG}\n");
        assert!(run(&text, Markup::Markdown).is_empty());
    }

    #[test]
    fn missing_reason_unused_and_unknown_are_warnings() {
        let text = format!("<!-- factlint-disable-next-line nev-share-of-cars -->\n{WRONG}\n");
        let f = run(&text, Markup::Markdown);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, WITHOUT_REASON);
        let text = format!(
            "{WRONG}\n\n<!-- factlint-disable-next-line nev-share-of-cars -- 说明 -->\n正文。\n"
        );
        let rules: Vec<_> = run(&text, Markup::Markdown)
            .into_iter()
            .map(|f| f.rule)
            .collect();
        assert_eq!(rules, ["nev-share-of-cars", UNUSED]);
        let text = format!("<!-- factlint-disable-next-line trade-balanse -- 说明 -->\n{WRONG}\n");
        let rules: Vec<_> = run(&text, Markup::Markdown)
            .into_iter()
            .map(|f| f.rule)
            .collect();
        assert!(
            rules.contains(&UNKNOWN.to_string())
                && rules.contains(&"nev-share-of-cars".to_string())
        );
    }

    #[test]
    fn disable_enable_region_in_plain_text() {
        let text = format!(
            "<!-- factlint-disable nev-share-of-cars -- 引用原稿 -->\n{WRONG}\n<!-- factlint-enable nev-share-of-cars -->\n{WRONG}\n"
        );
        let f = run(&text, Markup::Text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].offset() > text.find("enable nev").unwrap());
    }
}
