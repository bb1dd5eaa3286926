//! The literal prefilter and its search windows are an optimisation only: on every fixture and on
//! generated articles (reshuffled paragraphs, planted errors), evaluating the rule set with them
//! gives exactly what searching every rule's facts over the whole text gives.

use factlint::corpus::Corpus;
use factlint::engine;
use factlint::rules::RuleSet;
use factlint::{Article, ReadOptions};

/// Every evaluation, as comparable text: rule, bound items and verdict.
fn fingerprint(evaluations: &[engine::Evaluation]) -> Vec<String> {
    evaluations
        .iter()
        .map(|e| format!("{} {:?} {:?}", e.rule.id, e.bound, e.verdict))
        .collect()
}

fn assert_same(name: &str, text: String, rules: &RuleSet) -> usize {
    let article = Article::new(name, text, &ReadOptions::default());
    let fast = fingerprint(&engine::evaluate(&article, rules));
    let whole: Vec<String> = rules
        .rules
        .iter()
        .flat_map(|rule| fingerprint(&engine::evaluate_rule(&article, rule)))
        .collect();
    assert_eq!(fast, whole, "{name}: prefiltered evaluation differs");
    fast.len()
}

#[test]
fn prefiltered_evaluation_equals_whole_text_search() {
    let rules = RuleSet::shipped().unwrap();
    let mut evaluations = 0;
    let mut articles = 0;
    for dir in ["fixtures", "fixtures/zh", "fixtures/zh-holdout"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                evaluations += assert_same(&path.display().to_string(), text, &rules);
                articles += 1;
            }
        }
    }
    let mut corpus = Corpus::new(std::path::Path::new("."), 7).unwrap();
    for generated in corpus.take_bytes(400_000) {
        evaluations += assert_same(&generated.name, generated.text, &rules);
        articles += 1;
    }
    assert!(articles > 50, "only {articles} articles");
    assert!(
        evaluations > 1000,
        "only {evaluations} evaluations compared"
    );
}
