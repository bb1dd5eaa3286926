//! factlint's hot paths, measured with divan: `cargo bench`. Whole-process figures (cold start,
//! corpus throughput, peak memory, the ripgrep floor) come from `scripts/perf.sh`; both feed
//! docs/performance.md. Nothing here is a timed test: CI only builds it (`cargo bench --no-run`).

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use factlint::corpus::Corpus;
use factlint::document::Markup;
use factlint::lint::{Linter, Source};
use factlint::rules::RuleSet;
use factlint::{Article, ReadOptions};
use std::path::Path;

fn main() {
    divan::main();
}

const SEED: &str = include_str!("../fixtures/seed-000_5754297777aae10c.txt");

fn corpus(bytes: usize) -> Vec<String> {
    Corpus::new(Path::new(env!("CARGO_MANIFEST_DIR")), 1)
        .expect("fixtures")
        .take_bytes(bytes)
        .into_iter()
        .map(|g| g.text)
        .collect()
}

/// Loading the shipped pack as a cold run does: from its ahead-of-time compiled form
/// (`rules/shipped.pack`); regexes are compiled on first search.
#[divan::bench]
fn load_shipped_rules() -> RuleSet {
    RuleSet::shipped().expect("shipped rules load")
}

/// Compiling the shipped pack from its YAML (YAML parse, pattern expansion, regex parsing): what
/// a cold run did before the pack was compiled ahead of time, and does when it is stale.
#[divan::bench]
fn compile_shipped_rules_from_yaml() -> RuleSet {
    RuleSet::shipped_from_yaml().expect("shipped rules compile")
}

/// Reading one seed page: normalizing, segmenting and reading every figure.
#[divan::bench]
fn read_figures_seed(bencher: Bencher) {
    bencher
        .counter(BytesCount::new(SEED.len()))
        .bench(|| Article::new("seed", black_box(SEED.to_string()), &ReadOptions::default()));
}

/// Reading figures over 1 MB of generated articles.
#[divan::bench(sample_count = 10)]
fn read_figures_corpus(bencher: Bencher) {
    let texts = corpus(1 << 20);
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for t in &texts {
            black_box(Article::new("a", t.clone(), &ReadOptions::default()));
        }
    });
}

/// Checking one seed page with the compiled pack (rules compiled once, outside the loop).
#[divan::bench]
fn check_seed_page(bencher: Bencher) {
    let rules = RuleSet::shipped().expect("rules");
    bencher.counter(BytesCount::new(SEED.len())).bench(|| {
        let article = Article::new("seed", black_box(SEED.to_string()), &ReadOptions::default());
        factlint::check(&article, &rules)
    });
}

/// Checking 1 MB of generated articles on one thread, one article at a time.
#[divan::bench(sample_count = 5)]
fn check_corpus_one_thread(bencher: Bencher) {
    let rules = RuleSet::shipped().expect("rules");
    let texts = corpus(1 << 20);
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut findings = 0;
        for t in &texts {
            let article = Article::new("a", t.clone(), &ReadOptions::default());
            findings += factlint::check(&article, &rules).len();
        }
        findings
    });
}

/// The same 1 MB in batches of 256 KB, as `factlint check` runs it (`Linter::check_batch`):
/// each regex runs over a whole batch in turn.
#[divan::bench(sample_count = 5)]
fn check_corpus_one_thread_batched(bencher: Bencher) {
    let linter = Linter::new(RuleSet::shipped().expect("rules"), ReadOptions::default());
    let texts = corpus(1 << 20);
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut findings = 0;
        let mut batch = Vec::new();
        let mut batch_bytes = 0;
        for (k, t) in texts.iter().enumerate() {
            batch_bytes += t.len();
            batch.push(Source {
                name: "a".into(),
                text: t.clone(),
                markup: Markup::Text,
            });
            if batch_bytes >= 256 << 10 || k + 1 == texts.len() {
                let sources = std::mem::take(&mut batch);
                findings += linter
                    .check_batch(sources, 1)
                    .iter()
                    .map(|f| f.findings.len())
                    .sum::<usize>();
                batch_bytes = 0;
            }
        }
        findings
    });
}
