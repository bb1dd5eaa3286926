//! Mutation tests of the shipped rule pack.
//!
//! `fixtures/seed-mutations.yaml`: every one of the seed's 36 relations is checked — each
//! breaking edit makes one of the relation's rules fire, at error level unless the file says
//! `expect: warning`, with a label on the edited figure — and neither the clean page nor any
//! benign edit raises anything. Over every annotated fixture, no false alarm is allowed either.

use factlint::coverage::{self, Outcome};
use factlint::rules::{RuleSet, Severity};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn seed_relations_are_all_checked() {
    let rules = RuleSet::shipped().unwrap();
    let result =
        coverage::run_file(&root().join("fixtures/seed-mutations.yaml"), root(), &rules).unwrap();
    assert_eq!(result.relations.len(), 36);
    assert!(
        result.clean_findings.is_empty(),
        "{:#?}",
        result.clean_findings
    );
    let mut problems = Vec::new();
    for m in &result.mutations {
        let expected = match m.mutation.breaks {
            None => Outcome::Clean,
            Some(_) => Outcome::Detected(m.mutation.expect.unwrap_or(Severity::Error)),
        };
        if m.outcome != expected {
            problems.push(format!(
                "`{}` → `{}`: expected {expected:?}, got {:?} (fired: {:?})",
                m.mutation.find, m.mutation.replace, m.outcome, m.fired
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    for r in &result.relations {
        assert!(
            result
                .mutations
                .iter()
                .any(|m| m.mutation.breaks == Some(r.id)),
            "relation {} has no breaking edit",
            r.id
        );
    }
    assert!(result.benign() >= 3);
    assert_eq!(result.relations_checked(), 36);
}

#[test]
fn no_false_alarms_on_any_annotated_fixture() {
    let rules = RuleSet::shipped().unwrap();
    let files = coverage::mutation_files(&root().join("fixtures"));
    assert!(!files.is_empty());
    let results: Vec<_> = files
        .iter()
        .map(|f| coverage::run_file(f, root(), &rules).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let alarms: Vec<String> = coverage::failures(&results)
        .into_iter()
        .filter(|l| l.contains("false alarm"))
        .collect();
    assert!(
        alarms.is_empty(),
        "{}\n\n{}",
        alarms.join("\n"),
        coverage::table(&results)
    );
}
