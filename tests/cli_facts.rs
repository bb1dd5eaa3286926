//! The `facts` command end to end: formats, options and exit codes.

mod common;

use common::{factlint, SEED};
use predicates::prelude::*;

#[test]
fn facts_json_has_the_documented_shape() {
    let out = factlint()
        .args(["facts", "--format", "json", SEED])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["path"], SEED);
    let total = json["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["line"] == 367)
        .expect("the trade total on line 367");
    // Field order is part of the contract: check the raw text.
    let raw = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(raw.contains(r#"{"start":11284,"end":11299,"line":367,"column":10,"text":"21.79万亿\n元","value":"21790000000000","low":"21785000000000","high":"21795000000000","unit":"元","qualifier":null}"#));
    assert_eq!(total["text"], "21.79万亿\n元");
    assert_eq!(total["value"], "21790000000000");
    assert_eq!(total["low"], "21785000000000");
    assert_eq!(total["high"], "21795000000000");
    assert_eq!(total["unit"], "元");
    assert!(total["qualifier"].is_null());
    let source = std::fs::read(SEED).unwrap();
    let (s, e) = (
        total["start"].as_u64().unwrap() as usize,
        total["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&source[s..e], "21.79万亿\n元".as_bytes());
}

#[test]
fn facts_human_and_yaml() {
    factlint()
        .args(["facts", SEED])
        .assert()
        .success()
        .stdout(predicate::str::contains("367:10").and(predicate::str::contains("21.79万亿⏎元")));
    factlint()
        .args([
            "facts",
            "--format",
            "yaml",
            SEED,
            "fixtures/en-trade-2024.txt",
        ])
        .assert()
        .success()
        // Files are reported sorted by path, whatever the order given.
        .stdout(
            predicate::str::starts_with("path: \"fixtures/en-trade-2024.txt\"").and(
                predicate::str::contains("\n---\npath: \"fixtures/seed-000_5754297777aae10c.txt\""),
            ),
        );
}

#[test]
fn rounding_and_about_options_change_intervals() {
    let dir = tempdir();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "增长7.2%，约9.9万家。").unwrap();
    factlint()
        .args([
            "facts",
            "--format",
            "json",
            "--rounding",
            "truncate",
            "--about-widening",
            "2",
        ])
        .arg(&file)
        .assert()
        .success()
        .stdout(
            predicate::str::contains(r#""low":"7.2","high":"7.3""#)
                .and(predicate::str::contains(r#""low":"97000","high":"101000""#)),
        );
}

#[test]
fn missing_file_invalid_utf8_and_bad_usage_exit_2() {
    factlint()
        .args(["facts", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read no/such/file.txt"));
    let dir = tempdir();
    let file = dir.path().join("latin1.txt");
    std::fs::write(&file, b"\xe5\x87\xba\xe5\x8f\xa3 13 \xff\xfe").unwrap();
    factlint().arg("facts").arg(&file).assert().code(2).stderr(
        predicate::str::contains("not valid UTF-8").and(predicate::str::contains("offset 10")),
    );
    factlint()
        .args(["facts", "--format", "xml", SEED])
        .assert()
        .code(2);
    factlint().arg("frobnicate").assert().code(2);
    factlint().arg("--help").assert().success();
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}
