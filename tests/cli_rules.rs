//! `factlint rules list | explain | test`, `facts` checks, `check --show-passed` and `--date`.

mod common;

use common::{factlint, SEED};
use predicates::prelude::*;

#[test]
fn rules_list_shows_every_shipped_rule() {
    factlint()
        .args(["rules", "list"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("exports-plus-imports")
                .and(predicate::str::contains("sum"))
                .and(predicate::str::contains("出口与进口之和等于进出口总值"))
                .and(predicate::str::contains("years-since-founding")),
        );
    let out = factlint()
        .args(["rules", "list", "--format", "json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let families: std::collections::BTreeSet<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["family"].as_str())
        .collect();
    for family in factlint::families::FAMILIES.iter().map(|f| f.name) {
        assert!(
            families.contains(family),
            "no shipped rule of family {family}"
        );
    }
}

#[test]
fn rules_explain_prints_family_doc_examples_and_source() {
    factlint()
        .args(["rules", "explain", "auto-production-sum"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("## What it checks")
                .and(predicate::str::contains("## Why an error matters"))
                .and(predicate::str::contains("## Example"))
                .and(predicate::str::contains(
                    "check: passenger + commercial == total",
                ))
                .and(predicate::str::contains("fires on:"))
                .and(predicate::str::contains("source (rules/zh/auto.yaml):"))
                .and(predicate::str::contains("- id: auto-production-sum")),
        );
    factlint()
        .args(["rules", "explain", "growth-between"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("between(x, a, b)")
                .and(predicate::str::contains("auto-production-growth-between"))
                .and(predicate::str::contains("growth-between-parts")),
        );
    factlint()
        .args(["rules", "explain", "no-such-rule"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule or family"));
}

/// The built-in relations are rules like any other to a user: listed first (as `built-in`),
/// explained from their file's What / Why / Example comment, gone with `--no-default-rules`.
#[test]
fn built_in_relations_are_listed_and_explained() {
    let out = factlint()
        .args(["rules", "list", "--format", "json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let rows = json.as_array().unwrap();
    for relation in factlint::relations::RELATIONS {
        assert!(
            rows.iter()
                .any(|r| r["id"] == relation.id && r["path"] == "built-in"),
            "{} is not listed",
            relation.id
        );
    }
    factlint()
        .args(["rules", "explain", "multiple-of-level"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("## What it checks")
                .and(predicate::str::contains("## Why an error matters"))
                .and(predicate::str::contains("## Example"))
                .and(predicate::str::contains("built in, runs")),
        );
}

#[test]
fn rules_test_runs_examples_and_points_at_a_failing_one() {
    factlint()
        .args(["rules", "test"])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 failed"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.yaml");
    std::fs::write(
        &file,
        "rules:\n  - id: exports-within-total\n    title: 出口不超过进出口总值\n    message: 出口超过进出口总值\n    facts:\n      total: {pattern: '进出口总值{amount}'}\n      exports: {pattern: '出口{amount}', not_after: '进'}\n    check: exports <= total\n    examples:\n      pass:\n        - 进出口总值21.79万亿元，出口13万亿元。\n      fail:\n        - text: 进出口总值21.79万亿元，出口13万亿元。\n          labels: [13万亿元]\n",
    )
    .unwrap();
    factlint()
        .args(["rules", "test"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("example of `exports-within-total` does not hold")
                .and(predicate::str::contains("mine.yaml:13:"))
                .and(predicate::str::contains(
                    "2 examples in 1 rules and 0 concept identities: 1 passed, 1 failed",
                )),
        );
}

#[test]
fn facts_lists_checks_with_verdicts() {
    let out = factlint()
        .args(["facts", "--format", "json", SEED])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let checks = json["checks"].as_array().unwrap();
    let trade = checks
        .iter()
        .find(|c| c["rule"] == "exports-plus-imports")
        .unwrap();
    assert_eq!(trade["verdict"], "pass");
    assert_eq!(trade["figures"].as_array().unwrap().len(), 3);
    assert!(checks
        .iter()
        .any(|c| c["verdict"] == "not-applicable" && c["reason"].is_string()));
    factlint().args(["facts", SEED]).assert().success().stdout(
        predicate::str::contains("checks:")
            .and(predicate::str::contains("pass     exports-plus-imports")),
    );
}

#[test]
fn show_passed_confirms_what_held() {
    factlint()
        .args(["check", "--show-passed", SEED])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains(
                "✓ fixtures/seed-000_5754297777aae10c.txt:367:10: 进出口 = 出口 + 进口: 出口 13万亿元 + 进口 8.79万亿元",
            )
            .and(predicate::str::contains("[exports-plus-imports]")),
        );
    let out = factlint()
        .args(["check", "--show-passed", "--format", "json", SEED])
        .assert()
        .code(0);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(json["files"][0]["passed"].as_array().unwrap().len() >= 10);
    let out = factlint()
        .args(["check", "--format", "json", SEED])
        .assert()
        .code(0);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(json["files"][0].get("passed").is_none());
}

#[test]
fn date_sets_the_publication_year() {
    // 1984 + 40多年 holds in 2025, not in 2040.
    factlint()
        .args(["check", "--date", "2025-07-14", SEED])
        .assert()
        .code(0);
    factlint()
        .args(["check", "--date", "2040-01-01", SEED])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("years-since-founding"));
    factlint()
        .args(["check", "--date", "July 2025", SEED])
        .assert()
        .code(2);
    factlint()
        .args(["check", "--date", "2025-13-01", SEED])
        .assert()
        .code(2);
}

#[test]
fn concept_identities_are_listed_and_explained() {
    factlint()
        .args(["rules", "list"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("exports-plus-imports")
                .and(predicate::str::contains("rules/zh/concepts.yaml").not())
                .and(predicate::str::contains("concept-identity")),
        );
    factlint()
        .args(["rules", "list", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            r#""id":"income-minus-spending","family":"sum","severity":"error""#,
        ));
    factlint()
        .args(["rules", "explain", "trade-surplus"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("identity: {X}贸易顺差 = {X}出口 − {X}进口")
                .and(predicate::str::contains("{X}出口 = {X}出口总值"))
                .and(predicate::str::contains(
                    "defined in: rules/zh/concepts.yaml",
                ))
                .and(predicate::str::contains("whole: '{X}贸易顺差'")),
        );
    factlint()
        .args(["rules", "explain", "sum"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("listed-total  (built-in relation").and(
                predicate::str::contains("gdp-three-industries  (concept identity"),
            ),
        );
    factlint()
        .args(["rules", "test"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("concept identities")
                .and(predicate::str::contains(" 0 failed")),
        );
}
