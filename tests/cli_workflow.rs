//! The editorial workflow end to end (issue 6): every output format, every input kind, the
//! configuration file, suppressions, baselines, gating flags and the integration commands.

mod common;

use common::{factlint, SEED};
use predicates::prelude::*;
use std::path::{Path, PathBuf};

const MUTATED: &str = "fixtures/mutated/seed-imports-9.79.txt";
const MARKDOWN: &str = "fixtures/markup/trade-brief.md";
const HTML: &str = "fixtures/markup/trade-brief.html";
const WRONG: &str = "上半年，我国货物贸易进出口总值21.79万亿元。出口13万亿元，进口9.79万亿元。\n";
const RIGHT: &str =
    "2024年，我国货物贸易进出口43.85万亿元。其中，出口25.45万亿元，进口18.39万亿元。\n";

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

fn stdout_of(args: &[&str], code: i32) -> String {
    let out = factlint()
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .clone();
    String::from_utf8(out.stdout).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn every_format_renders_the_same_finding() {
    for format in [
        "human", "concise", "json", "yaml", "sarif", "github", "rdjsonl", "junit",
    ] {
        let out = stdout_of(&["check", "--format", format, MUTATED], 1);
        assert!(out.contains("exports-plus-imports"), "{format}: {out}");
        settings().bind(|| insta::assert_snapshot!(format!("format-{format}"), out));
    }
}

#[test]
fn sarif_is_valid_against_the_2_1_0_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/sarif-schema-2.1.0.json").unwrap())
            .unwrap();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    let url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-schema-2.1.0.json";
    compiler.add_resource(url, schema).unwrap();
    let mut schemas = boon::Schemas::new();
    let index = compiler.compile(url, &mut schemas).unwrap();
    for args in [
        vec!["check", "--format", "sarif", MUTATED],
        vec!["check", "--format", "sarif", SEED],
        vec![
            "check",
            "--format",
            "sarif",
            "fixtures/markup/suppressed.md",
        ],
    ] {
        let out = factlint().args(&args).output().unwrap();
        let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        if let Err(e) = schemas.validate(&log, index) {
            panic!("{args:?}: SARIF invalid: {e:#}");
        }
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert!(rules.iter().any(|r| r["id"] == "exports-plus-imports"));
        assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
    }
}

#[test]
fn markdown_code_blocks_inline_code_and_links_are_not_prose() {
    let out = stdout_of(&["check", "--width", "120", MARKDOWN], 1);
    settings().bind(|| insta::assert_snapshot!("markdown-human", &out));
    // The one finding is in the last paragraph, never in the code block (lines 13-16), the
    // inline code (line 18) or the table (lines 20-23).
    let concise = stdout_of(&["check", "--format", "concise", MARKDOWN], 1);
    assert_eq!(concise.lines().count(), 1, "{concise}");
    assert!(
        concise.starts_with("fixtures/markup/trade-brief.md:25:"),
        "{concise}"
    );
    // Front matter gives the publication date: the years in it are not figures.
    let facts = stdout_of(&["facts", "--format", "json", MARKDOWN], 0);
    assert!(!facts.contains("\"line\":2,"), "{facts}");
}

#[test]
fn html_tags_scripts_styles_and_attributes_are_not_prose() {
    let out = stdout_of(&["check", "--width", "160", HTML], 1);
    settings().bind(|| insta::assert_snapshot!("html-human", &out));
    let concise = stdout_of(&["check", "--format", "concise", HTML], 1);
    assert_eq!(concise.lines().count(), 1, "{concise}");
    assert!(
        concise.starts_with("fixtures/markup/trade-brief.html:14:"),
        "{concise}"
    );
}

#[test]
fn markup_can_be_forced() {
    // Read as plain text, the code block's draft is prose and fires too.
    let concise = stdout_of(
        &["check", "--format", "concise", "--markup", "text", MARKDOWN],
        1,
    );
    assert!(concise.lines().count() >= 2, "{concise}");
}

#[test]
fn stdin_is_read_and_named() {
    factlint()
        .args([
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "稿件/外贸.md",
            "-",
        ])
        .write_stdin(format!("```\n{WRONG}```\n\n{WRONG}"))
        .assert()
        .code(1)
        .stdout("稿件/外贸.md:5:16: error[exports-plus-imports] 出口与进口之和与进出口总值不符\n");
    factlint()
        .args(["check", "-"])
        .write_stdin(RIGHT)
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn directories_are_walked_in_order_with_ignore_files_and_globs() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "b.md", WRONG);
    write(root, "a.txt", WRONG);
    write(root, "drafts/c.html", &format!("<p>{WRONG}</p>"));
    write(root, "ignored.txt", WRONG);
    write(root, "notes.json", WRONG);
    write(root, ".factlintignore", "ignored.txt\n");
    std::fs::write(root.join("scan.txt"), b"\x00\x01binary").unwrap();
    let run = |extra: &[&str]| {
        let out = factlint()
            .current_dir(root)
            .args(["check", "--no-config", "--format", "concise"])
            .args(extra)
            .arg(".")
            .output()
            .unwrap();
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (out, err) = run(&[]);
    let files: Vec<&str> = out.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(files, ["a.txt", "b.md", "drafts/c.html"], "{out}");
    assert!(err.contains("note: skipped scan.txt: binary file"), "{err}");
    let (out, _) = run(&["--glob", "*.md"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    let (out, _) = run(&["--glob", "!drafts/**"]);
    assert_eq!(out.lines().count(), 2, "{out}");
    // The same result with one and two threads.
    assert_eq!(run(&["-j", "1"]).0, run(&["-j", "2"]).0);
}

#[test]
fn gating_flags() {
    let dir = tempfile::tempdir().unwrap();
    // A suppression without a reason: a warning only.
    let warn_only = write(
        dir.path(),
        "warn.md",
        &format!("<!-- factlint-disable-next-line exports-plus-imports -->\n{WRONG}"),
    );
    let path = warn_only.to_str().unwrap();
    factlint().args(["check", path]).assert().code(0);
    factlint()
        .args(["check", "--deny", "warnings", path])
        .assert()
        .code(1);
    factlint()
        .args(["check", "--no-exit-code", MUTATED])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("exports-plus-imports"));
    factlint()
        .args(["check", "--no-exit-code", "no/such/file.txt"])
        .assert()
        .code(2);
}

#[test]
fn a_missing_file_among_good_ones_still_reports_the_rest_and_exits_2() {
    factlint()
        .args(["check", "--format", "concise", MUTATED, "no/such/file.txt"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("exports-plus-imports"))
        .stderr(predicate::str::contains("cannot read no/such/file.txt"));
}

#[test]
fn suppressions_in_markdown_and_plain_text() {
    let out = stdout_of(
        &[
            "check",
            "--format",
            "concise",
            "fixtures/markup/suppressed.md",
        ],
        1,
    );
    settings().bind(|| insta::assert_snapshot!("suppressions-markdown", &out));
    let out = stdout_of(
        &[
            "check",
            "--format",
            "concise",
            "fixtures/markup/suppressed.txt",
        ],
        1,
    );
    settings().bind(|| insta::assert_snapshot!("suppressions-text", &out));
    // HTML comments in an HTML article work the same way.
    let dir = tempfile::tempdir().unwrap();
    let html = write(
        dir.path(),
        "a.html",
        &format!("<p>正文。</p>\n<!-- factlint-disable-next-line exports-plus-imports -- 照录原文 -->\n<p>{WRONG}</p>\n"),
    );
    factlint()
        .arg("check")
        .arg(&html)
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn configuration_is_discovered_validated_and_applied() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let article = write(root, "news/a.txt", WRONG);
    // No configuration: an error.
    factlint().arg("check").arg(&article).assert().code(1);
    // Found by walking up: the rule is switched off.
    // The regex rule and the concept identity check the same figures: both are switched off.
    write(root, ".factlint.yaml", "disable: [exports-plus-imports]\n");
    factlint()
        .arg("check")
        .arg(&article)
        .assert()
        .code(0)
        .stdout("");
    // Severity override by family: a warning, which fails only with fail_on: warning.
    write(root, ".factlint.yaml", "severity:\n  sum: warning\n");
    factlint().arg("check").arg(&article).assert().code(0);
    write(
        root,
        ".factlint.yaml",
        "severity:\n  sum: warning\nfail_on: warning\n",
    );
    factlint().arg("check").arg(&article).assert().code(1);
    // --no-config ignores it; --config and FACTLINT_CONFIG name another.
    factlint()
        .args(["check", "--no-config", "--format", "concise"])
        .arg(&article)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[exports-plus-imports]"));
    let other = write(root, "other.yaml", "disable: [sum]\n");
    factlint()
        .args(["check", "--config"])
        .arg(&other)
        .arg(&article)
        .assert()
        .code(0);
    factlint()
        .env("FACTLINT_CONFIG", &other)
        .arg("check")
        .arg(&article)
        .assert()
        .code(0);
    // Extra rule folders, relative to the configuration file.
    write(
        root,
        "house-rules/extra.yaml",
        &std::fs::read_to_string("fixtures/rules-valid-extra.yaml").unwrap(),
    );
    write(
        root,
        ".factlint.yaml",
        "rules: [house-rules]\ndefault_rules: false\n",
    );
    factlint()
        .args(["check", "--format", "concise"])
        .arg(&article)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("[house-trade-total]"));
}

#[test]
fn configuration_errors_point_at_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let article = write(root, "a.txt", RIGHT);
    let cases = [
        (
            "unknown-key",
            "rounding: nearest\nseverty:\n  sum: warning\n",
        ),
        ("unknown-rule", "disable: [trade-balanse]\n"),
        ("missing-rule-folder", "rules: [no/such/folder]\n"),
        ("bad-date", "date: 2025-13-40\n"),
        ("bad-value", "rounding: up\n"),
    ];
    for (name, text) in cases {
        write(root, ".factlint.yaml", text);
        let out = factlint()
            .arg("check")
            .arg(&article)
            .assert()
            .code(2)
            .get_output()
            .clone();
        let stderr = String::from_utf8(out.stderr)
            .unwrap()
            .replace(&root.display().to_string(), "[DIR]");
        assert!(stderr.contains("factlint::config"), "{name}: {stderr}");
        settings().bind(|| insta::assert_snapshot!(format!("config-error-{name}"), stderr));
    }
}

#[test]
fn publication_date_from_front_matter_or_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let text = "---\npublished: 2019-03-01\n---\n\n今年一季度，出口1万亿元。\n";
    let article = write(root, "a.md", text);
    let year = |config: &str| {
        write(root, ".factlint.yaml", config);
        let out = factlint()
            .args(["facts", "--format", "json"])
            .arg(&article)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["year"].clone()
    };
    assert_eq!(year("date_from_front_matter: published\n"), 2019);
    assert_eq!(year("date: 2021-05-01\n"), 2021);
}

#[test]
fn baseline_accepts_old_findings_and_survives_edits_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let article = write(root, "a.txt", &format!("导语。\n\n{WRONG}"));
    let baseline = root.join("baseline.json");
    factlint()
        .arg("check")
        .arg(&article)
        .arg("--write-baseline")
        .arg(&baseline)
        .assert()
        .code(1);
    let written = std::fs::read_to_string(&baseline).unwrap();
    assert!(
        written.contains("\"rule\": \"exports-plus-imports\""),
        "{written}"
    );
    factlint()
        .arg("check")
        .arg(&article)
        .arg("--baseline")
        .arg(&baseline)
        .assert()
        .code(0)
        .stdout("");
    // Lines added above: the finding moved but is still the accepted one.
    std::fs::write(&article, format!("新导语。\n\n另一段。\n\n{WRONG}")).unwrap();
    factlint()
        .arg("check")
        .arg(&article)
        .arg("--baseline")
        .arg(&baseline)
        .assert()
        .code(0);
    // A second, new mistake is reported.
    std::fs::write(
        &article,
        format!("{WRONG}\n今年一季度，货物贸易进出口总值10.17万亿元。出口5.74万亿元，进口4.33万亿元。\n"),
    )
    .unwrap();
    factlint()
        .args(["check", "--format", "concise"])
        .arg(&article)
        .arg("--baseline")
        .arg(&baseline)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("exports-plus-imports").and(predicate::str::contains(":3:")),
        );
    // A file that is not a baseline is an error, not an empty baseline.
    factlint()
        .arg("check")
        .arg(&article)
        .arg("--baseline")
        .arg(&article)
        .assert()
        .code(2);
}

#[test]
fn write_baseline_failure_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing-folder").join("baseline.json");
    factlint()
        .args(["check", MUTATED, "--write-baseline"])
        .arg(&target)
        .assert()
        .code(2);
    assert!(!target.exists());
}

#[test]
fn init_writes_a_config_that_loads_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    factlint().arg("init").arg(dir.path()).assert().code(0);
    let path = dir.path().join(".factlint.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# factlint configuration"));
    let article = write(dir.path(), "a.txt", RIGHT);
    factlint().arg("check").arg(&article).assert().code(0);
    std::fs::write(&path, "# mine\n").unwrap();
    factlint()
        .arg("init")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# mine\n");
    factlint()
        .arg("init")
        .arg("--force")
        .arg(dir.path())
        .assert()
        .code(0);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = stdout_of(&["completions", shell], 0);
        assert!(out.contains("factlint"), "{shell}");
        assert!(out.contains("baseline"), "{shell}");
    }
    let man = stdout_of(&["man"], 0);
    assert!(
        man.starts_with(".ie") || man.contains(".TH factlint"),
        "{man}"
    );
}

#[test]
fn facts_yaml_is_deterministic() {
    let a = stdout_of(&["facts", "--format", "yaml", SEED, MARKDOWN], 0);
    let b = stdout_of(&["facts", "--format", "yaml", "-j", "1", MARKDOWN, SEED], 0);
    assert_eq!(a, b);
}

#[test]
fn configuration_reading_and_walking_keys() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let article = write(root, "a.txt", "增长7.2%，约9.9万家。");
    let figures = |config: &str| {
        write(root, ".factlint.yaml", config);
        let out = factlint()
            .args(["facts", "--format", "json"])
            .arg(&article)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["figures"].clone()
    };
    let f = figures("rounding: truncate\n");
    assert_eq!(
        (f[0]["low"].as_str(), f[0]["high"].as_str()),
        (Some("7.2"), Some("7.3"))
    );
    let f = figures("about_widening: 3\n");
    assert_eq!(f[1]["low"].as_str(), Some("96000"), "{f}");
    // A flag wins over the configuration.
    write(root, ".factlint.yaml", "rounding: truncate\n");
    let out = factlint()
        .args(["facts", "--format", "json", "--rounding", "nearest"])
        .arg(&article)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["figures"][0]["low"].as_str(), Some("7.15"));

    // enable, include and exclude.
    let walk = tempfile::tempdir().unwrap();
    let w = walk.path();
    write(w, "a.md", WRONG);
    write(w, "b.txt", WRONG);
    write(w, "drafts/c.md", WRONG);
    let files = |config: &str| {
        write(w, ".factlint.yaml", config);
        let out = factlint()
            .current_dir(w)
            .args(["check", "--format", "concise", "."])
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| l.split(':').next().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(files(""), ["a.md", "b.txt", "drafts/c.md"]);
    assert_eq!(
        files("include: ['*.md']\nexclude: ['drafts/**']\n"),
        ["a.md"]
    );
    assert!(files("enable: [share]\n").is_empty());
    assert_eq!(files("enable: [exports-plus-imports]\n").len(), 3);
}

#[test]
fn pre_commit_hook_runs_the_check_command() {
    let hooks: Vec<serde_json::Value> =
        serde_saphyr::from_str(&std::fs::read_to_string(".pre-commit-hooks.yaml").unwrap())
            .unwrap();
    assert_eq!(hooks[0]["id"], "factlint");
    assert_eq!(hooks[0]["entry"], "factlint check");
    assert_eq!(hooks[0]["language"], "rust");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("factlint"))
        .args(["facts", "--format", "yaml"])
        .args([SEED; 8])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reader is gone (dropped above); the rest of the output hits a closed pipe.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn streamed_output_is_in_path_order_whatever_the_threads() {
    // Files of very different sizes, so workers finish out of order; one unreadable file in the
    // middle. Every format must print the same bytes on 1 and 4 threads, files in path order.
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(SEED).unwrap();
    for i in 0..45 {
        let text = match i % 9 {
            1 => format!("{seed}\n{WRONG}"),
            0 | 3 | 5 | 7 => WRONG.to_string(),
            _ => RIGHT.to_string(),
        };
        write(dir.path(), &format!("a{i:03}.txt"), &text);
    }
    std::fs::write(dir.path().join("a022-bad.txt"), b"\xff\xfe not utf-8").unwrap();
    let run = |format: &str, threads: &str| {
        let out = factlint()
            .current_dir(dir.path())
            .args([
                "check",
                "--no-config",
                "--format",
                format,
                "-j",
                threads,
                ".",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "the bad file makes it exit 2");
        String::from_utf8(out.stdout).unwrap()
    };
    for format in [
        "human", "concise", "json", "yaml", "sarif", "github", "rdjsonl", "junit",
    ] {
        assert_eq!(run(format, "1"), run(format, "4"), "{format}");
    }
    let concise = run("concise", "2");
    let files: Vec<&str> = concise
        .lines()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert_eq!(
        files.iter().filter(|f| f.starts_with("a0")).count(),
        files.len()
    );
    assert!(files.len() >= 25, "{concise}");
    let json: serde_json::Value = serde_json::from_str(&run("json", "2")).unwrap();
    assert_eq!(json["summary"]["files"], 45);
}
