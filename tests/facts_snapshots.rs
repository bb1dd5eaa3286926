//! Snapshot of what factlint reads in every fixture article: `factlint facts --format yaml`.
//! Review changes with `cargo insta review`; every line is a figure a reader sees.

use factlint::report::{self, Format, Style};
use factlint::{Article, ReadOptions};

#[test]
fn facts_of_every_fixture() {
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::glob!("../fixtures", "*.txt", |path| {
            let source = std::fs::read_to_string(path).expect("fixture is UTF-8");
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("fixture");
            let article = Article::new(name, source, &ReadOptions::default());
            let yaml = report::emitter(Format::Yaml, Style::default()).facts(&report::facts_record(&article));
            insta::assert_snapshot!("facts", yaml);
        });
    });
}
