//! The shipped rule pack, compiled ahead of time.
//!
//! Loading the shipped YAML is most of a cold run's start-up: parsing 200 KB of YAML, then
//! parsing and analysing several hundred regexes (capture names, required literals, reach).
//! `rules/shipped.pack` holds the result, written by `cargo run --example pack` from the same
//! compiler: each file's path, a fingerprint of its YAML text, its units and its compiled rules,
//! in postcard. Its regexes are stored as their expanded patterns and parsed on first search, as
//! the YAML path compiles them on first search; a rule's YAML text (for `rules explain`) is found
//! in the file again, as the YAML path finds it.
//!
//! The pack is a cache, never a second source of truth: it is used only when the files it was
//! made from have the paths, order, lengths and fingerprints of the YAML built into the binary.
//! An edited rule file makes the pack stale, and factlint compiles the YAML instead (correct,
//! only slower) until the pack is made again; `cargo test` fails on a stale pack
//! (`tests/pack.rs`), so none lands.

use super::concepts::{Concept, Identity};
use super::{parse_source, LoadError, Parsed, Rule, RuleSet, SHIPPED};
use crate::figure::UnitEntry;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::Arc;

/// The pack as committed: what `cargo run --example pack` last wrote.
pub const SHIPPED_PACK: &[u8] = include_bytes!("../../rules/shipped.pack");

/// Where the pack lives in the repository.
pub const PACK_PATH: &str = "rules/shipped.pack";

/// Bumped when the pack's layout changes, so an old pack reads as stale, not as garbage.
const FORMAT: u32 = 2;

#[derive(Serialize)]
struct PackOut<'a> {
    format: u32,
    files: Vec<FileOut<'a>>,
}

#[derive(Serialize)]
struct FileOut<'a> {
    path: &'a str,
    len: usize,
    fingerprint: u64,
    units: &'a [UnitEntry],
    rules: Vec<&'a Rule>,
    concepts: &'a [(Concept, Range<usize>)],
    identities: &'a [Identity],
}

#[derive(Deserialize)]
struct PackIn<'a> {
    format: u32,
    #[serde(borrow)]
    files: Vec<FileIn<'a>>,
}

#[derive(Deserialize)]
struct FileIn<'a> {
    path: &'a str,
    len: usize,
    fingerprint: u64,
    units: Vec<UnitEntry>,
    rules: Vec<Rule>,
    concepts: Vec<(Concept, Range<usize>)>,
    identities: Vec<Identity>,
}

/// Compiles `files` (path, YAML text) from YAML and writes them as a pack; the first rule-file
/// error stops it, as a pack holds only rules that compile.
pub fn build(files: &[(&str, &str)]) -> Result<Vec<u8>, LoadError> {
    let parsed = files
        .iter()
        .map(|(path, text)| {
            let parsed = parse_source(path, text)?;
            super::combine(parsed.errors)?;
            Ok((
                parsed.units,
                parsed.rules,
                parsed.concepts,
                parsed.identities,
            ))
        })
        .collect::<Result<Vec<_>, LoadError>>()?;
    let pack = PackOut {
        format: FORMAT,
        files: files
            .iter()
            .zip(&parsed)
            .map(
                |((path, source), (units, rules, concepts, identities))| FileOut {
                    path,
                    len: source.len(),
                    fingerprint: fingerprint(source),
                    units,
                    rules: rules.iter().map(|(rule, _)| rule).collect(),
                    concepts,
                    identities,
                },
            )
            .collect(),
    };
    Ok(postcard::to_allocvec(&pack).expect("a pack serializes to memory"))
}

/// The rule set in `pack`, if it was made from exactly `files` (path, YAML text) in this order
/// and reads whole; `None` otherwise, and the caller compiles the YAML.
pub fn load(pack: &[u8], files: &[(&str, &str)]) -> Option<RuleSet> {
    let pack: PackIn = postcard::from_bytes(pack).ok()?;
    let fresh = pack.format == FORMAT
        && pack.files.len() == files.len()
        && pack.files.iter().zip(files).all(|(ours, (path, text))| {
            ours.path == *path && ours.len == text.len() && ours.fingerprint == fingerprint(text)
        });
    if !fresh {
        return None;
    }
    let mut set = RuleSet::default();
    for (file, (_, text)) in pack.files.into_iter().zip(files) {
        let source = Arc::new(text.to_string());
        let rules = file
            .rules
            .into_iter()
            .map(|mut rule| {
                rule.origin.source = Arc::clone(&source);
                let id_span = rule.origin.span.clone();
                (rule, id_span)
            })
            .collect();
        let identities = file
            .identities
            .into_iter()
            .map(|mut identity| {
                identity.origin.source = Arc::clone(&source);
                identity
            })
            .collect();
        set.merge(Parsed {
            path: file.path.to_string(),
            source,
            units: file.units,
            rules,
            concepts: file.concepts,
            identities,
            errors: Vec::new(),
        })
        .ok()?;
    }
    Some(set)
}

/// A 64-bit fingerprint of a file's text, eight bytes a step (a start-up cost of microseconds
/// where comparing whole texts would mean storing them). Each step is a bijection of the state,
/// so two texts of one length that differ in a single eight-byte word always differ here; other
/// edits collide only by a 2^-64 chance. It guards against stale packs, not against forgery:
/// the pack is built into the binary from the repository.
fn fingerprint(text: &str) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut words = text.as_bytes().chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        hash = (hash ^ word).wrapping_mul(PRIME).rotate_left(29);
    }
    for &byte in words.remainder() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(PRIME).rotate_left(29);
    }
    hash
}

/// The shipped rules from the committed pack, if it is fresh.
pub fn shipped() -> Option<RuleSet> {
    load(SHIPPED_PACK, SHIPPED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lazy_regex::LazyRegex;
    use proptest::prelude::*;

    proptest! {
        /// Any edit that keeps the length and touches one eight-byte word changes the
        /// fingerprint (each step is a bijection of the hash state).
        #[test]
        fn a_one_word_edit_always_changes_the_fingerprint(
            text in "[a-z：，。0-9\\n ]{0,200}",
            at in any::<prop::sample::Index>(),
            byte in 0u8..128,
        ) {
            let mut bytes = text.clone().into_bytes();
            prop_assume!(!bytes.is_empty());
            let at = at.index(bytes.len());
            prop_assume!(bytes[at] != byte && bytes[at].is_ascii());
            bytes[at] = byte;
            let edited = String::from_utf8(bytes).expect("an ASCII byte for an ASCII byte");
            prop_assert_ne!(fingerprint(&text), fingerprint(&edited));
        }
    }

    /// A regex read from the pack is parsed from its stored pattern when regex-automata builds
    /// it: that must give the very HIR the YAML path parsed, for every regex of the shipped
    /// rules; and what the pack stores for its quick build must be what that HIR gives.
    #[test]
    fn each_stored_pattern_parses_to_the_hir_the_yaml_gave() {
        let set = RuleSet::shipped_from_yaml().expect("the shipped rules compile");
        let mut seen = 0;
        for rule in &set.rules {
            for fact in &rule.facts {
                let regexes = [
                    Some(&fact.pattern.regex),
                    fact.not_after.as_ref(),
                    fact.not_in_clause.as_ref(),
                    fact.not_in_match.as_ref(),
                    fact.in_clause.as_ref(),
                    fact.near.as_ref().map(|(near, _, _)| near),
                ];
                for regex in regexes.into_iter().flatten() {
                    let stored = LazyRegex::unparsed(regex.pattern().to_string());
                    assert!(regex.hir().is_some(), "{}: {}", rule.id, regex.pattern());
                    assert_eq!(
                        stored.hir(),
                        regex.hir(),
                        "{}: {}",
                        rule.id,
                        regex.pattern()
                    );
                    let bytes = postcard::to_allocvec(regex).expect("a regex serializes");
                    let read: LazyRegex = postcard::from_bytes(&bytes).expect("and reads back");
                    assert_eq!(read.plan(), stored.plan(), "{}", regex.pattern());
                    assert_eq!(read.reads_at_most(), stored.reads_at_most());
                    assert!(!read.is_parsed(), "the plan was read, not worked out again");
                    seen += 1;
                }
            }
        }
        assert!(seen > 300, "regexes compared: {seen}");
    }
}
