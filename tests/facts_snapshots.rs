//! Snapshots of what factlint reads in the fixture articles and every check it evaluates on
//! them. Review changes with `cargo insta review`; every line is a figure a reader sees, a
//! statement an editor would agree with, or a verdict an editor relies on.

use factlint::report::{self, Format, Style};
use factlint::rules::RuleSet;
use factlint::{Article, ReadOptions};

/// `factlint facts --format yaml` of the fixtures at the top of `fixtures/`: figures,
/// statements and every check with its verdict.
#[test]
fn facts_of_every_fixture() {
    let rules = RuleSet::shipped().expect("shipped rules compile");
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::glob!("../fixtures", "*.txt", |path| {
            let source = std::fs::read_to_string(path).expect("fixture is UTF-8");
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("fixture");
            let article = Article::new(name, source, &ReadOptions::default());
            let evaluations = factlint::engine::evaluate(&article, &rules);
            let run = factlint::checks::run_relations(&article, &rules);
            let record = report::facts_record(&article, &evaluations, &run.statements, &run.results);
            let yaml = report::emitter(Format::Yaml, Style::default()).facts(&record);
            insta::assert_snapshot!("facts", yaml);
        });
    });
}

/// The statements table of every fixture article, recursively: what each figure measures, its
/// kind, period and basis, and what it is part or share of.
#[test]
fn statements_of_every_fixture() {
    let rules = RuleSet::shipped().expect("shipped rules compile");
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::glob!("../fixtures", "**/*.txt", |path| {
            let source = std::fs::read_to_string(path).expect("fixture is UTF-8");
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("fixture");
            let article = Article::new(name, source, &ReadOptions::default());
            let run = factlint::checks::run_relations(&article, &rules);
            let records = report::model::statement_records(&article, &run.statements);
            insta::assert_snapshot!("statements", report::statements_table(&records));
        });
    });
}
