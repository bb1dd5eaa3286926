//! Prints the rule pack's coverage over every annotated fixture: `cargo run --example coverage`.
//! The table in docs/coverage.md is this output.

use factlint::coverage;
use factlint::rules::RuleSet;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let rules = match RuleSet::shipped() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(e));
            return ExitCode::from(2);
        }
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut results = Vec::new();
    for file in coverage::mutation_files(&root.join("fixtures")) {
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
