//! Prints the rule pack's coverage over every annotated fixture: `cargo run --example coverage`.
//! The table in docs/coverage.md is this output.
//!
//! `--rules DIR` measures the rule files under DIR (read from disk) instead of the embedded pack
//! (the built-in relations on statements run either way),
//! and `--only SUBSTRING` restricts the run to fixtures whose path contains SUBSTRING, so a rule
//! author can iterate on YAML without rebuilding.

use factlint::coverage;
use factlint::rules::RuleSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut rule_dir: Option<PathBuf> = None;
    let mut only: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rules" => rule_dir = args.next().map(PathBuf::from),
            "--only" => only = args.next(),
            other => {
                eprintln!(
                    "unknown argument {other}; usage: coverage [--rules DIR] [--only SUBSTRING]"
                );
                return ExitCode::from(2);
            }
        }
    }
    let loaded = match &rule_dir {
        Some(dir) => {
            // The rule files replace the shipped pack's YAML; the built-in relations still run.
            let mut set = RuleSet::default();
            set.relations.on = true;
            set.add_path(dir).map(|()| set)
        }
        None => RuleSet::shipped(),
    };
    let rules = match loaded {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(e));
            return ExitCode::from(2);
        }
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut results = Vec::new();
    for file in coverage::mutation_files(&root.join("fixtures")) {
        if only
            .as_deref()
            .is_some_and(|s| !file.to_string_lossy().contains(s))
        {
            continue;
        }
        match coverage::run_file(&file, root, &rules) {
            Ok(r) => results.push(r),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
    }
    println!("{}", coverage::table(&results));
    for line in coverage::failures(&results) {
        println!("- {line}");
    }
    ExitCode::SUCCESS
}
