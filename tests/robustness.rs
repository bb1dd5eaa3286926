//! Bad input, each class with the diagnostic it must get: never a panic, a hang, a silent skip
//! or a wrong all-clear. `docs/robustness.md` lists every class and where it is tested.

mod common;

use common::{factlint, SEED};
use predicates::prelude::*;
use std::path::{Path, PathBuf};

/// A trade paragraph whose parts do not add up (20.8 + 15.32 ≠ 36.02).
const WRONG_SUM: &str =
    "前10个月，我国货物贸易进出口总值36.02万亿元。其中，出口20.8万亿元，进口15.32万亿元。";

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn concise(path: &Path) -> assert_cmd::assert::Assert {
    factlint()
        .args(["check", "--format", "concise", "--no-config"])
        .arg(path)
        .assert()
}

#[test]
fn invalid_utf8_names_the_file_and_byte_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "gbk.txt", b"\xe5\x87\xba\xe5\x8f\xa3\xff\xfe");
    concise(&path)
        .code(2)
        .stderr(predicate::str::contains(
            "gbk.txt is not valid UTF-8 (first invalid byte at offset 6)",
        ))
        .stderr(predicate::str::contains("iconv"));
}

#[test]
fn a_binary_file_in_a_walk_is_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", WRONG_SUM);
    write(dir.path(), "b.txt", b"\x00\x01\x02PNG\x00\x00");
    concise(dir.path())
        .code(1)
        .stdout(predicate::str::contains("a.txt:1:"))
        .stderr(predicate::str::contains("b.txt: binary file"));
}

#[test]
fn an_empty_file_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.txt", "");
    concise(&path).code(0).stdout("");
}

#[test]
fn bom_crlf_and_lone_cr_keep_lines_and_columns_right() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("\u{feff}标题\r\n\r\n{WRONG_SUM}\r第三段。\n");
    let path = write(dir.path(), "bom.txt", text);
    // Line 3 (CRLF counts once), column 18: the total, counted in characters.
    concise(&path)
        .code(1)
        .stdout(predicate::str::starts_with(format!(
            "{}:3:18: error[",
            path.display()
        )));
}

#[test]
fn the_seed_with_a_bom_and_crlf_line_ends_is_still_clean() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(SEED).unwrap();
    let path = write(
        dir.path(),
        "crlf.txt",
        format!("\u{feff}{}", seed.replace('\n', "\r\n")),
    );
    concise(&path).code(0).stdout("");
}

#[test]
fn a_50_mb_file_on_one_line_is_read_to_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let filler = "经济运行总体平稳，稳中有进，";
    let mut text = String::with_capacity(51 << 20);
    while text.len() < 50 << 20 {
        text.push_str(filler);
    }
    // The total is the 18th character of the sentence.
    let column = text.chars().count() + 18;
    text.push_str(WRONG_SUM);
    let path = write(dir.path(), "line.txt", text);
    concise(&path)
        .code(1)
        .stdout(predicate::str::contains(format!(":1:{column}: error[")));
}

#[test]
fn a_1_gb_file_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // Sparse: no gigabyte is written to the disk.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    concise(&path)
        .code(2)
        .stderr(predicate::str::contains("huge.txt is larger than 100 MiB"))
        .stderr(predicate::str::contains("--max-file-size"));
    // Standard input has no size to look at: it is read up to the limit, then refused.
    factlint()
        .args(["check", "--no-config", "--max-file-size", "1", "-"])
        .write_stdin(vec![b'a'; 2 << 20])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin> is larger than 1 MiB"));
}

#[test]
fn figures_beyond_decimal_range_are_reported_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "big.txt",
        "出口9999999999999999999999999999万亿元，进口1万亿元，进出口总值2万亿元。\n",
    );
    concise(&path).code(0).stdout(predicate::str::contains(
        ":1:3: warning[figure-out-of-range] 9999999999999999999999999999 is beyond",
    ));
    // Not a smaller figure read from its last digits, so no false trade-sum error either.
    concise(&path).stdout(predicate::str::contains("error").not());
}

#[test]
fn pathological_figure_strings_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let text = [
        "0.00000000000000000000000000000001%",
        "1.2.3.4.5万亿",
        "１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０亿元",
        "--5%",
        "9,999,999,999,999,999,999,999,999,999,999元",
        "万亿亿万万亿",
        "百分之百分之百分之五",
        "十十十十十万",
        "1e999999",
        "5/0",
    ]
    .join("，");
    let path = write(dir.path(), "odd.txt", text);
    concise(&path).code(0);
}

#[test]
fn a_paragraph_with_100000_figures_finishes_and_says_what_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "many.txt",
        "进出口总值3.8亿元，出口1.5亿元，进口2.3亿元，占比12.5%，".repeat(25_000) + "。\n",
    );
    // A regex rule binding in paragraph scope: its anchors times candidates pass the limit.
    let rules = write(
        dir.path(),
        "sum.yaml",
        "rules:\n  - id: paragraph-trade-sum\n    family: sum\n    title: 出口与进口之和等于进出口总值\n    scope: paragraph\n    message: 出口与进口之和与进出口总值不符\n    facts:\n      total: {pattern: '进出口总值{amount}'}\n      exports: {pattern: '[^进]出口{amount}'}\n      imports: {pattern: '进口{amount}'}\n    check: exports + imports == total\n",
    );
    factlint()
        .args(["check", "--no-config", "--format", "concise", "--rules"])
        .arg(&rules)
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "warning[rule-not-checked] rule `paragraph-trade-sum` was not checked",
        ));
    // The shipped pack finishes on it too.
    concise(&path).code(0);
}

/// A rule file in a temporary folder, checked against a one-line article.
fn with_rules(yaml: &str) -> assert_cmd::assert::Assert {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "rules.yaml", yaml);
    let article = write(dir.path(), "a.txt", WRONG_SUM);
    with_rules_file(&rules, &article)
}

fn with_rules_file(rules: &Path, article: &Path) -> assert_cmd::assert::Assert {
    factlint()
        .args(["check", "--no-config", "--no-default-rules", "--rules"])
        .arg(rules)
        .arg(article)
        .assert()
}

fn rule(id: &str, pattern: &str, check: &str) -> String {
    format!(
        "  - id: {id}
    title: t
    message: m
    scope: paragraph
    facts:
      total:
        label: 总值
        pattern: '{pattern}'
      exports:
        label: 出口
        pattern: '出口{{amount}}'
    check: {check}
"
    )
}

#[test]
fn yaml_alias_bomb_is_refused() {
    let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        yaml.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    yaml.push_str("rules: *a11\n");
    with_rules(&yaml)
        .code(2)
        .stderr(predicate::str::contains("rules.yaml"));
}

#[test]
fn deeply_nested_yaml_is_refused() {
    let yaml = format!("rules: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    with_rules(&yaml)
        .code(2)
        .stderr(predicate::str::contains("rules.yaml"));
}

#[test]
fn a_regex_over_the_size_limit_is_a_rule_error_at_its_bytes() {
    let pattern = format!("{}{{amount}}", r"[^，。]{0,100}".repeat(40));
    let yaml = format!("rules:\n{}", rule("huge", &pattern, "exports <= total"));
    with_rules(&yaml)
        .code(2)
        .stderr(predicate::str::contains("compiles to more than"))
        .stderr(predicate::str::contains("rules.yaml:"));
}

#[test]
fn a_pattern_with_1000_alternations_loads_and_works() {
    let names: Vec<String> = (0..1000).map(|i| format!("名称{i}")).collect();
    let pattern = format!("(?:{}|进出口)总值{{amount}}", names.join("|"));
    let yaml = format!(
        "rules:\n{}",
        rule("alternations", &pattern, "exports <= total")
    );
    with_rules(&yaml).code(0);
}

#[test]
fn ten_thousand_rules_load_and_run() {
    let mut yaml = String::from("rules:\n");
    for i in 0..10_000 {
        yaml.push_str(&rule(
            &format!("rule-{i}"),
            "进出口总值{amount}",
            "exports <= total",
        ));
    }
    with_rules(&yaml).code(0);
}

#[test]
fn division_by_a_zero_figure_is_not_applicable_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = format!(
        "rules:\n{}",
        rule(
            "ratio",
            "进出口总值{amount}",
            "exports / (total - total) == 1"
        )
    );
    let rules = write(dir.path(), "rules.yaml", yaml);
    let article = write(dir.path(), "a.txt", WRONG_SUM);
    factlint()
        .args([
            "facts",
            "--format",
            "json",
            "--no-config",
            "--no-default-rules",
            "--rules",
        ])
        .arg(&rules)
        .arg(&article)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            r#""verdict":"not-applicable","reason":"division by a figure that can be zero""#,
        ));
    with_rules_file(&rules, &article).code(0).stdout("");
}

#[test]
fn a_fact_that_never_matches_leaves_the_rule_silent() {
    let yaml = format!(
        "rules:\n{}",
        rule("never", "从未出现的词{amount}", "exports <= total")
    );
    with_rules(&yaml).code(0).stdout("");
}

#[cfg(unix)]
#[test]
fn symlink_loops_fifos_and_dangling_links_in_a_walk() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", WRONG_SUM);
    symlink(dir.path(), dir.path().join("loop")).unwrap();
    symlink(dir.path().join("gone.txt"), dir.path().join("dangling.txt")).unwrap();
    let fifo = dir.path().join("pipe.txt");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    // The loop and the dangling link are errors that name them (exit 2, as ripgrep does); the
    // FIFO is not a regular file and is never opened, so the walk neither loops nor blocks; the
    // real article is still checked.
    concise(dir.path())
        .code(2)
        .stdout(predicate::str::contains(
            "a.txt:1:18: error[exports-plus-imports]",
        ))
        .stderr(predicate::str::contains("File system loop found"))
        .stderr(predicate::str::contains("dangling.txt"));
    // Named explicitly, a dangling link is an error that names it.
    concise(&dir.path().join("dangling.txt"))
        .code(2)
        .stderr(predicate::str::contains("cannot read"))
        .stderr(predicate::str::contains("dangling.txt"));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_that_names_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "secret.txt", WRONG_SUM);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root, permissions do not stop reading: the file is simply checked.
        concise(&path).code(1);
    } else {
        concise(&path)
            .code(2)
            .stderr(predicate::str::contains("cannot read"))
            .stderr(predicate::str::contains("secret.txt"));
    }
    // A directory named where an article is expected is walked, not read as text.
    concise(dir.path()).code(predicate::in_iter([1, 2]));
}

#[cfg(unix)]
#[test]
fn a_path_that_is_not_utf8_is_checked_and_shown_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    let path = dir.path().join(name);
    std::fs::write(&path, WRONG_SUM).unwrap();
    concise(dir.path())
        .code(1)
        .stdout(predicate::str::contains("caf\u{fffd}.txt:1:"));
}
