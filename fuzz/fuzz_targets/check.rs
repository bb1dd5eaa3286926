//! The whole pipeline with the shipped rules on arbitrary text, as plain text, Markdown or HTML
//! (chosen by the first byte): no panic, every label a char-aligned range of the original, and
//! every report format renders.
#![no_main]

use factlint::document::Markup;
use factlint::rules::RuleSet;
use factlint::{Article, ReadOptions};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::shipped().expect("shipped rules load"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(source) = std::str::from_utf8(rest) else {
        return;
    };
    let markup = match first % 3 {
        0 => Markup::Text,
        1 => Markup::Markdown,
        _ => Markup::Html,
    };
    let article = Article::with_markup("a", source.to_string(), markup, &ReadOptions::default());
    let findings = factlint::check(&article, rules());
    for f in &findings {
        for l in &f.labels {
            assert!(l.span.start <= l.span.end && l.span.end <= source.len(), "{l:?}");
            assert!(source.is_char_boundary(l.span.start) && source.is_char_boundary(l.span.end));
        }
    }
    let _ = factlint::engine::evaluate(&article, rules());
});
