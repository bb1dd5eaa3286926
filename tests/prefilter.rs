//! The literal prefilter, its search windows, batched evaluation and rules shared out among
//! threads are optimisations only: on every fixture and on generated articles (reshuffled
//! paragraphs, planted errors), evaluating the rule set with them gives exactly what searching
//! every rule's facts over the whole text, one article at a time on one thread, gives.

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

/// (name, text) of every fixture, then 400 KB of generated articles.
fn articles() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["fixtures", "fixtures/zh", "fixtures/zh-holdout"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path.display().to_string(), text));
        }
    }
    let mut corpus = Corpus::new(std::path::Path::new("."), 7).unwrap();
    out.extend(
        corpus
            .take_bytes(400_000)
            .into_iter()
            .map(|generated| (generated.name, generated.text)),
    );
    out
}

#[test]
fn prefiltered_evaluation_equals_whole_text_search() {
    let rules = RuleSet::shipped().unwrap();
    let mut evaluations = 0;
    let mut articles = 0;
    for (name, text) in self::articles() {
        evaluations += assert_same(&name, text, &rules);
        articles += 1;
    }
    assert!(articles > 50, "only {articles} articles");
    assert!(
        evaluations > 1000,
        "only {evaluations} evaluations compared"
    );
}

#[test]
fn batched_evaluation_equals_one_article_at_a_time() {
    let rules = RuleSet::shipped().unwrap();
    let articles: Vec<Article> = self::articles()
        .into_iter()
        .map(|(name, text)| Article::new(name, text, &ReadOptions::default()))
        .collect();
    let alone: Vec<Vec<String>> = articles
        .iter()
        .map(|article| fingerprint(&engine::evaluate(article, &rules)))
        .collect();
    // The whole set at once, and in batches of 7 (so batches mix articles that share no rule);
    // on one thread, and with the rules shared out among three (one article, as an editor
    // checks it; and a batch).
    for (size, threads) in [(articles.len(), 1), (7, 1), (1, 3), (7, 3)] {
        let batched: Vec<Vec<String>> = articles
            .chunks(size)
            .flat_map(|chunk| {
                let refs: Vec<&Article> = chunk.iter().collect();
                engine::evaluate_batch(&refs, &rules, threads, engine::Explain::All)
            })
            .map(|evaluations| fingerprint(&evaluations))
            .collect();
        assert_eq!(batched.len(), alone.len());
        for ((article, batched), alone) in articles.iter().zip(&batched).zip(&alone) {
            assert_eq!(
                batched, alone,
                "{}: batched evaluation (batches of {size}, {threads} threads) differs",
                article.document.path
            );
        }
    }
    assert!(alone.iter().map(Vec::len).sum::<usize>() > 1000);
}

/// A sum rule (exports + imports == total) with these facts' patterns, as a YAML list item.
fn sum_rule(id: &str, total: &str, exports: &str, imports: &str) -> String {
    format!(
        r#"
  - id: {id}
    family: sum
    title: 出口与进口之和等于进出口总值
    severity: error
    scope: document
    message: 出口与进口之和与进出口总值不符
    facts:
      total:
        pattern: '{total}'
      exports:
        pattern: '{exports}'
      imports:
        pattern: '{imports}'
    check: exports + imports == total"#
    )
}

/// A rule set of one sum rule with these facts' patterns.
fn one_sum_rule(id: &str, total: &str, exports: &str, imports: &str) -> RuleSet {
    let yaml = format!("rules:{}\n", sum_rule(id, total, exports, imports));
    let mut rules = RuleSet::default();
    rules.add_source(&format!("{id}.yaml"), &yaml).unwrap();
    rules
}

/// The first rule's fact of this name.
fn fact<'r>(rules: &'r RuleSet, name: &str) -> &'r factlint::rules::Fact {
    rules.rules[0]
        .facts
        .iter()
        .find(|f| f.name == name)
        .unwrap()
}

/// [`assert_same`] on each text, with enough evaluations among them to mean something.
fn assert_all_same(prefix: &str, texts: impl IntoIterator<Item = String>, rules: &RuleSet) {
    let evaluations: usize = texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| assert_same(&format!("{prefix}-{i}"), text, rules))
        .sum();
    assert!(evaluations >= 4, "only {evaluations} evaluations compared");
}

/// Windows end `reach` bytes past a literal, wherever that falls: the search sees the text past
/// the window's edges, so look-arounds at a match's ends (`$`, `\b`, `\z`, `^`) answer as they
/// would over the whole text, and a window ending mid-line finds no match the whole text lacks.
#[test]
fn windows_see_past_their_edges() {
    // Two sum rules that differ only in their facts' patterns.
    let yaml = format!(
        "rules:{}{}\n",
        sum_rule(
            "line-end-total",
            r"进出口{amount}(?m:$)",
            r"(?m:^)出口{amount}",
            r"进口{amount}\b"
        ),
        sum_rule(
            "text-end-total",
            r"进出口{amount}。?\z",
            r"\A出口{amount}",
            r"\b进口{amount}"
        ),
    );
    let mut rules = RuleSet::default();
    rules.add_source("edges.yaml", &yaml).unwrap();
    let filler = "这一时期市场运行总体平稳，".repeat(12);
    let texts = [
        format!("出口3亿元\n{filler}进口2亿元\n{filler}进出口5亿元"),
        format!("出口3亿元，{filler}进口2亿元a\n{filler}进出口5亿元。"),
        format!("{filler}出口3亿元\n进口2亿元\n进出口5亿元{filler}"),
        format!("出口3亿元\n进口2亿元，{filler}\n{filler}进出口6亿元"),
        format!("出口3亿元 进口2亿元 进出口6亿元\n{filler}"),
    ];
    assert_all_same("edges", texts, &rules);
}

/// A fact of unbounded length whose pattern cannot match a line or clause break is searched only
/// between the breaks around its literals: matches that run up to a break, start right after
/// one, or end the text are all found, as over the whole text.
#[test]
fn windows_end_at_breaks_the_pattern_cannot_cross() {
    let rules = one_sum_rule(
        "unbounded",
        r"[\p{Han}&&[^等]]*进出口{amount}",
        r"(?m:^)[^，\n]*出口{amount}",
        r"进口{amount}[^。]*\z",
    );
    let bits = |name: &str| fact(&rules, name).pattern.barriers;
    // Han characters hold no break; `[^，\n]` holds every break but those two.
    assert_eq!(bits("total"), 0b111_1111);
    assert_eq!(bits("exports"), 0b000_1001);
    assert_eq!(bits("imports"), 0b000_0010);
    let texts = [
        "今年全国进出口5亿元。出口3亿元。其中进口2亿元".to_string(),
        "今年全国进出口5亿元，\n出口3亿元。海关统计进口2亿元，增长较快".to_string(),
        "进出口5亿元\n出口3亿元，进口2亿元。".to_string(),
        "全国进出口6亿元！出口3亿元？进口2亿元：".to_string(),
        format!(
            "{}出口3亿元，进口2亿元\n进出口5亿元",
            "市场平稳，".repeat(40)
        ),
    ];
    assert_all_same("breaks", texts, &rules);
}

/// A fact whose every match passes through several literals (`进出口` and `总值` and an amount) is
/// searched only where an occurrence of each lies within reach of the others: an article with
/// `总值` far from any `进出口`, or with only one of them, needs no search at all, and a match
/// whose literals sit at the very edges of its reach is still found.
#[test]
fn windows_lie_where_every_required_part_occurs() {
    use factlint::rules::prefilter::{Prefilter, Windows};
    let rules = one_sum_rule(
        "parts",
        r"进出口[^。]{0,12}总值{amount}",
        r"出口[^。]{0,12}?额{amount}",
        r"进口额{amount}",
    );
    let total = fact(&rules, "total");
    assert_eq!(
        total.pattern.required.len(),
        3,
        "进出口, 总值 and the amount"
    );
    let prefilter = Prefilter::new(&rules);
    let windows = |text: &str| {
        let article = Article::new("parts", text.to_string(), &ReadOptions::default());
        let shadow = engine::shadow::Shadow::new(&article).text;
        prefilter.scan(&shadow).windows(total, &shadow)
    };
    let far = format!("进出口增长较快。{}总值5亿元", "市场运行平稳，".repeat(10));
    assert_eq!(windows(&far), Windows::Only(Vec::new()));
    assert_eq!(windows("进出口增长较快"), Windows::Only(Vec::new()));
    assert_ne!(windows("今年进出口总值5亿元"), Windows::Only(Vec::new()));

    let gap = "一二三四五六七八九十甲乙"; // twelve characters: the most `[^。]{0,12}` spans
    let texts = [
        format!("今年进出口{gap}总值5亿元，出口额3亿元，进口额2亿元。"),
        format!("今年进出口{gap}丙总值5亿元，出口额3亿元，进口额2亿元。"),
        format!("{far}。进出口总值5亿元，出口{gap}额3亿元，进口额2亿元"),
        "总值5亿元进出口。出口额3亿元，进口额2亿元，进出口总值6亿元".to_string(),
        "进出口总值进出口总值5亿元。出口额出口额3亿元。进口额2亿元".to_string(),
    ];
    assert_all_same("parts", texts, &rules);
}
