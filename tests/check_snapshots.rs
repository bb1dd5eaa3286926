//! The shipped rules on the seed page: silent on the clean page; on single-figure edits, the
//! right rule fires with a label on the edited figure. Each report is snapshotted as a user sees
//! it (no colour, 100 columns).

use factlint::report::{self, CheckReport, Format, Style};
use factlint::rules::RuleSet;
use factlint::{Article, ReadOptions};

const SEED: &str = include_str!("../fixtures/seed-000_5754297777aae10c.txt");
const SEED_NAME: &str = "fixtures/seed-000_5754297777aae10c.txt";

/// (snapshot name, text to replace (first occurrence), replacement, rule that must fire).
const MUTATIONS: &[(&str, &str, &str, &str)] = &[
    (
        "trade-imports-digit",
        "进口8.79万亿元",
        "进口9.79万亿元",
        "exports-plus-imports",
    ),
    (
        "trade-total-digit",
        "进出口总值21.79万亿",
        "进出口总值23.79万亿",
        "exports-plus-imports",
    ),
    (
        "trade-exports-wan-yi",
        "我国出口13万亿元",
        "我国出口13亿元",
        "exports-plus-imports",
    ),
    ("nev-share-digit", "10.27%", "11.27%", "nev-share-of-cars"),
    (
        "nev-cars-wan-yi",
        "其中汽车\n3.59亿辆",
        "其中汽车\n3.59万辆",
        "nev-share-of-cars",
    ),
    (
        "bev-count-digit",
        "2553.9万辆",
        "2253.9万辆",
        "bev-share-of-nev",
    ),
    ("bev-share-digit", "69.23%", "62.93%", "bev-share-of-nev"),
    (
        "loans-household-digit",
        "贷款增加1.17万亿元",
        "贷款增加3.17万亿元",
        "loans-by-borrower",
    ),
    (
        "loans-total-digit",
        "款增加12.92万亿元",
        "款增加10.92万亿元",
        "loans-by-borrower",
    ),
    (
        "loans-medium-long-point",
        "中长期贷款增加7.17万亿元",
        "中长期贷款增加71.7万亿元",
        "part-within-whole",
    ),
    (
        "loans-medium-long-digit",
        "中长期贷款增加7.17万亿元",
        "中长期贷款增加17.17万亿元",
        "part-within-whole",
    ),
];

fn render(name: &str, text: &str, rules: &RuleSet) -> (String, Vec<factlint::engine::Finding>) {
    let options = ReadOptions {
        units: rules.units.clone(),
        ..ReadOptions::default()
    };
    let article = Article::new(name, text.to_string(), &options);
    let findings = factlint::check(&article, rules);
    let mut run = CheckReport::default();
    run.push(report::file_report(&article, &findings));
    let style = Style {
        width: 100,
        color: false,
    };
    (report::emitter(Format::Human, style).check(&run), findings)
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

#[test]
fn clean_seed_has_no_finding() {
    let rules = RuleSet::shipped().unwrap();
    let (out, findings) = render(SEED_NAME, SEED, &rules);
    assert!(findings.is_empty(), "{out}");
    settings().bind(|| insta::assert_snapshot!("check-seed-clean", out));
}

#[test]
fn each_mutation_fires_its_rule_on_the_edited_figure() {
    let rules = RuleSet::shipped().unwrap();
    for &(name, from, to, rule) in MUTATIONS {
        let at = SEED
            .find(from)
            .unwrap_or_else(|| panic!("{name}: `{from}` not in the seed"));
        let mutated = SEED.replacen(from, to, 1);
        let (out, findings) = render(&format!("{SEED_NAME} ({name})"), &mutated, &rules);
        let edited = at..at + to.len();
        let hit = findings
            .iter()
            .find(|f| f.rule == rule)
            .unwrap_or_else(|| panic!("{name}: {rule} did not fire\n{out}"));
        assert_eq!(
            hit.severity,
            factlint::rules::Severity::Error,
            "{name}\n{out}"
        );
        assert!(
            hit.labels
                .iter()
                .any(|l| l.span.start < edited.end && edited.start < l.span.end),
            "{name}: no label on the edited figure\n{out}"
        );
        settings().bind(|| insta::assert_snapshot!(format!("check-seed-{name}"), out));
    }
}
