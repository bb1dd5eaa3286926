//! Every class of mistake in a rule file is a diagnostic labelled at the exact bytes of the
//! YAML. One fixture per class in `fixtures/rules-invalid/`, one snapshot each.

use factlint::rules::RuleSet;
use miette::{GraphicalReportHandler, GraphicalTheme};

#[test]
fn invalid_rule_files_are_reported_at_the_offending_bytes() {
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::glob!("../fixtures/rules-invalid", "*.yaml", |path| {
            let text = std::fs::read_to_string(path).unwrap();
            let name = format!("fixtures/rules-invalid/{}", path.file_name().unwrap().to_string_lossy());
            let mut rules = RuleSet::default();
            let error = rules.add_source(&name, &text).expect_err("the fixture is invalid");
            let mut out = String::new();
            GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
                .with_width(100)
                .render_report(&mut out, &error)
                .unwrap();
            insta::assert_snapshot!("rule-error", out);
        });
    });
}
