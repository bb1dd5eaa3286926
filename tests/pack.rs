//! The shipped pack compiled ahead of time (`rules/shipped.pack`, `src/rules/pack.rs`): fresh,
//! equal to the YAML it was made from, used only while fresh, and never trusted when damaged.

use factlint::rules::{pack, RuleSet, SHIPPED};
use factlint::{Article, ReadOptions};
use std::path::{Path, PathBuf};

#[test]
fn the_committed_pack_is_fresh() {
    let made = pack::build(SHIPPED).expect("the shipped rules compile");
    assert!(
        made == pack::SHIPPED_PACK,
        "{} is stale (the rules in rules/zh/ or their compiler changed since it was made): \
         run `cargo run --example pack` and commit it",
        pack::PACK_PATH
    );
    assert!(pack::shipped().is_some(), "a fresh pack loads");
}

/// Each rule read from the pack serializes exactly as the rule compiled from YAML, and carries
/// the same file text.
#[test]
fn the_pack_holds_the_rules_the_yaml_compiles_to() {
    let packed = pack::shipped().expect("fresh pack");
    let compiled = RuleSet::shipped_from_yaml().expect("the shipped rules compile");
    assert_eq!(packed.rules.len(), compiled.rules.len());
    for (p, c) in packed.rules.iter().zip(&compiled.rules) {
        assert_eq!(
            postcard::to_allocvec(p).unwrap(),
            postcard::to_allocvec(c).unwrap(),
            "rule {}",
            c.id
        );
        assert_eq!(p.origin.source, c.origin.source, "rule {}", c.id);
        assert_eq!(p.origin.text(), c.origin.text(), "rule {}", c.id);
    }
    assert_eq!(
        format!("{:?}", packed.units),
        format!("{:?}", compiled.units)
    );
}

fn fixtures(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            fixtures(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// Every check the two rule sets evaluate on every fixture, with what it bound and its verdict:
/// the pack's regexes, parsed on first search, match what the YAML's match.
#[test]
fn pack_and_yaml_evaluate_alike_on_every_fixture() {
    let packed = pack::shipped().expect("fresh pack");
    let compiled = RuleSet::shipped_from_yaml().expect("the shipped rules compile");
    let mut paths = Vec::new();
    fixtures(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .as_path(),
        &mut paths,
    );
    assert!(paths.len() > 20, "fixtures found: {}", paths.len());
    let mut evaluated = 0;
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let article = Article::new("a", text, &ReadOptions::default());
        let describe = |rules: &RuleSet| -> Vec<String> {
            factlint::engine::evaluate(&article, rules)
                .iter()
                .map(|e| {
                    format!(
                        "{} {:?} {:?} {:?} {:?}",
                        e.rule.id, e.bound, e.verdict, e.explanation, e.sides
                    )
                })
                .collect()
        };
        let ours = describe(&packed);
        evaluated += ours.len();
        assert_eq!(ours, describe(&compiled), "{}", path.display());
    }
    assert!(evaluated > 100, "checks evaluated: {evaluated}");
}

#[test]
fn an_edited_rule_file_makes_the_pack_stale() {
    let (path, text) = SHIPPED[0];
    let edited = text.replacen("title:", "title: ", 1);
    let mut files = SHIPPED.to_vec();
    files[0] = (path, edited.as_str());
    assert!(pack::load(pack::SHIPPED_PACK, &files).is_none());
    // A same-length edit: one figure of an example changed.
    let at = text.find(|c: char| c.is_ascii_digit()).unwrap();
    let digit = text.as_bytes()[at];
    let mut same_length = text.to_string();
    same_length.replace_range(at..=at, if digit == b'9' { "8" } else { "9" });
    files[0] = (path, same_length.as_str());
    assert!(pack::load(pack::SHIPPED_PACK, &files).is_none());
    // Another order, fewer files or another name is stale too.
    let mut reordered = SHIPPED.to_vec();
    reordered.swap(0, 1);
    assert!(pack::load(pack::SHIPPED_PACK, &reordered).is_none());
    assert!(pack::load(pack::SHIPPED_PACK, &SHIPPED[1..]).is_none());
    let mut renamed = SHIPPED.to_vec();
    renamed[0] = ("rules/zh/other.yaml", text);
    assert!(pack::load(pack::SHIPPED_PACK, &renamed).is_none());
}

#[test]
fn a_truncated_or_empty_pack_is_refused_not_trusted() {
    let pack = pack::SHIPPED_PACK;
    for len in [0, 1, 2, 10, pack.len() / 3, pack.len() / 2, pack.len() - 1] {
        assert!(pack::load(&pack[..len], SHIPPED).is_none(), "{len} bytes");
    }
    assert!(pack::load(b"not a pack at all", SHIPPED).is_none());
}

#[test]
fn a_pack_of_other_rules_loads_those_rules() {
    let extra = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules-valid-extra.yaml"),
    )
    .unwrap();
    let files = [("extra.yaml", extra.as_str())];
    let bytes = pack::build(&files).unwrap();
    let loaded = pack::load(&bytes, &files).expect("fresh");
    let mut compiled = RuleSet::default();
    compiled.add_source("extra.yaml", &extra).unwrap();
    let ids = |set: &RuleSet| set.rules.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert!(!loaded.rules.is_empty());
    assert_eq!(ids(&loaded), ids(&compiled));
}

#[test]
fn a_pack_refuses_rules_that_do_not_compile() {
    let broken = "rules:\n  - id: Not-Kebab\n    title: t\n    message: m\n    facts:\n      a:\n        pattern: '出口{amount}'\n    check: a == a\n";
    assert!(pack::build(&[("broken.yaml", broken)]).is_err());
}
