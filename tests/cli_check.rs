//! The `check` command end to end: exit codes, formats, rule options.

mod common;

use common::{factlint, SEED};
use predicates::prelude::*;

/// The seed with 进口8.79万亿元 edited to 9.79, in a temporary folder.
fn mutated_seed() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mutated.txt");
    let text =
        std::fs::read_to_string(SEED)
            .unwrap()
            .replacen("进口8.79万亿元", "进口9.79万亿元", 1);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn clean_seed_prints_nothing_and_exits_0() {
    factlint().args(["check", SEED]).assert().code(0).stdout("");
}

#[test]
fn mutated_seed_reports_the_trade_error_and_exits_1() {
    let (_dir, path) = mutated_seed();
    factlint().arg("check").arg(&path).assert().code(1).stdout(
        predicate::str::contains("exports-plus-imports")
            .and(predicate::str::contains("出口与进口之和与进出口总值不符"))
            .and(predicate::str::contains(
                "出口 13万亿元 + 进口 9.79万亿元 = 22.79万亿元（按四舍五入区间",
            ))
            .and(predicate::str::contains(
                "1 error, 0 warnings in 1 file checked",
            )),
    );
}

#[test]
fn json_format_has_the_documented_shape() {
    let (_dir, path) = mutated_seed();
    let out = factlint()
        .args(["check", "--format", "json"])
        .arg(&path)
        .assert()
        .code(1);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        json["summary"],
        serde_json::json!({"files": 1, "errors": 1, "warnings": 0})
    );
    let finding = &json["files"][0]["findings"][0];
    assert_eq!(finding["rule"], "exports-plus-imports");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["message"], "出口与进口之和与进出口总值不符");
    assert!(finding["help"].as_str().unwrap().contains("22.285–23.295"));
    let labels = finding["labels"].as_array().unwrap();
    let texts: Vec<&str> = labels.iter().map(|l| l["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["21.79万亿\n元", "13万亿元", "9.79万亿元"]);
    assert_eq!(labels[0]["line"], 367);
    assert_eq!(labels[0]["column"], 10);
    assert_eq!(labels[0]["message"], "进出口");
    let source = std::fs::read(&path).unwrap();
    for l in labels {
        let (s, e) = (
            l["start"].as_u64().unwrap() as usize,
            l["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&source[s..e], l["text"].as_str().unwrap().as_bytes());
    }
    // Clean files are listed with no findings.
    let out = factlint()
        .args(["check", "--format", "json", SEED])
        .assert()
        .code(0);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["files"][0]["findings"], serde_json::json!([]));
}

#[test]
fn yaml_format_and_colour_and_width() {
    let (_dir, path) = mutated_seed();
    factlint()
        .args(["check", "--format", "yaml"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("rule: exports-plus-imports").and(
            predicate::str::contains("summary: {files: 1, errors: 1, warnings: 0}"),
        ));
    factlint()
        .args(["check", "--color", "always"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\u{1b}["));
    factlint()
        .args(["check", "--color", "never", "--width", "200"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("\u{1b}[")
                .not()
                .and(predicate::str::contains("≠ 进出口 21.79万亿元")),
        );
}

#[test]
fn user_rules_add_to_or_replace_the_shipped_set() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("mine.yaml");
    std::fs::write(
        &rules,
        "rules:\n  - id: m2-over-m1\n    title: M1 不超过 M2\n    message: 狭义货币超过了广义货币\n    scope: paragraph\n    facts:\n      m2: {pattern: '（M2）余额{amount}'}\n      m1: {pattern: '（M1）余额{amount}'}\n    check: m1 <= m2\n",
    )
    .unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "6月末，广义货币（M2）余额330.29万亿元；狭义货币（M1）余额413.95万亿元。",
    )
    .unwrap();
    factlint()
        .args(["check", "--no-default-rules", "--rules"])
        .arg(dir.path().join("mine.yaml"))
        .arg(&article)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("m2-over-m1"));
    // A folder of rules works too, alongside the shipped set.
    factlint()
        .args(["check", "--rules"])
        .arg(dir.path())
        .arg(SEED)
        .assert()
        .code(0);
    // No rules at all is a usage error.
    factlint()
        .args(["check", "--no-default-rules", SEED])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rules"));
}

#[test]
fn rule_file_and_io_errors_exit_2_with_a_diagnostic() {
    factlint()
        .args([
            "check",
            "--rules",
            "fixtures/rules-invalid/bad-regex.yaml",
            SEED,
        ])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("unclosed group")
                .and(predicate::str::contains("bad-regex.yaml:6:34")),
        );
    factlint()
        .args(["check", "--rules", "no/such/rules", SEED])
        .assert()
        .code(2);
    factlint()
        .args(["check", "no/such/article.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"));
    factlint().args(["check"]).assert().code(2);
    factlint()
        .args(["check", "--format", "xml", SEED])
        .assert()
        .code(2);
}

#[test]
fn duplicate_ids_across_rule_folders_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("dup.yaml"),
        std::fs::read_to_string("rules/zh/concepts.yaml").unwrap(),
    )
    .unwrap();
    factlint()
        .args(["check", "--rules"])
        .arg(dir.path())
        .arg(SEED)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "duplicate rule id `exports-plus-imports`",
        ));
}
