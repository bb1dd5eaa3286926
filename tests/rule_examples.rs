//! Every shipped rule carries examples where it must stay silent and where it must fire, and
//! they all hold.

use factlint::engine::examples;
use factlint::rules::{Expectation, RuleSet};

#[test]
fn shipped_rules_pass_their_own_examples() {
    let rules = RuleSet::shipped().expect("shipped rules compile");
    let failures = examples::run(&rules);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn every_shipped_rule_has_both_kinds_of_example() {
    let rules = RuleSet::shipped().unwrap();
    for rule in &rules.rules {
        let pass = rule
            .examples
            .iter()
            .filter(|e| e.expect == Expectation::Pass)
            .count();
        let fail = rule.examples.len() - pass;
        assert!(
            pass >= 1 && fail >= 1,
            "{} has {pass} pass and {fail} fail examples",
            rule.id
        );
    }
}

#[test]
fn every_rule_file_under_rules_is_shipped() {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                out.push(path.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut on_disk = Vec::new();
    walk(std::path::Path::new("rules"), &mut on_disk);
    on_disk.sort();
    let mut shipped: Vec<String> = factlint::rules::SHIPPED
        .iter()
        .map(|(p, _)| p.to_string())
        .collect();
    shipped.sort();
    assert_eq!(on_disk, shipped);
}
