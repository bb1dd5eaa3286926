//! The rule loader on arbitrary YAML: it loads or fails with a diagnostic whose labels lie
//! inside the file; a rule set that loads is run on a small article.
#![no_main]

use factlint::rules::RuleSet;
use factlint::{Article, ReadOptions};
use libfuzzer_sys::fuzz_target;

const ARTICLE: &str = "前10个月，我国货物贸易进出口总值36.02万亿元，同比增长5.2%。其中，出口20.8万亿元，增长6.7%；进口15.22万亿元，增长3.2%。";

fuzz_target!(|data: &[u8]| {
    let Ok(yaml) = std::str::from_utf8(data) else {
        return;
    };
    let mut rules = RuleSet::default();
    match rules.add_source("fuzz.yaml", yaml) {
        Ok(()) => {
            let article = Article::new("a.txt", ARTICLE.to_string(), &ReadOptions::default());
            let _ = factlint::check(&article, &rules);
            let _ = factlint::engine::examples::run(&rules);
        }
        Err(e) => {
            let mut out = String::new();
            let handler = miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
            let _ = handler.render_report(&mut out, &e);
            if let Some(labels) = miette::Diagnostic::labels(&e) {
                for l in labels {
                    assert!(l.offset() + l.len() <= yaml.len(), "label {l:?} beyond {}", yaml.len());
                }
            }
        }
    }
});
