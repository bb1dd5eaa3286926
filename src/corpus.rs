//! A deterministic corpus for benchmarks (issue 7): articles made from the annotated fixtures,
//! their paragraphs reshuffled, half of them carrying one planted error (a breaking edit from the
//! fixture's mutation list), the other half one benign edit. No downloads, no randomness beyond a
//! seeded generator, so every run measures the same bytes.

use crate::coverage::{mutation_files, MutationFile};
use std::path::Path;

/// One source article and its edits.
#[derive(Debug, Clone)]
struct Template {
    text: String,
    breaking: Vec<(String, String)>,
    benign: Vec<(String, String)>,
}

/// A small, fast, seeded generator (xorshift64*): the corpus must not depend on a crate's
/// algorithm changing between versions.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Generates articles from the fixtures under `fixtures`.
#[derive(Debug, Clone)]
pub struct Corpus {
    templates: Vec<Template>,
    rng: Rng,
    count: usize,
}

/// One generated article.
#[derive(Debug, Clone)]
pub struct Generated {
    pub name: String,
    pub text: String,
    /// Whether a breaking edit was applied.
    pub planted: bool,
}

impl Corpus {
    /// Reads the annotated fixtures (`*.mutations.yaml`) under `fixtures`, relative to `root`.
    pub fn new(root: &Path, seed: u64) -> Result<Self, String> {
        let mut templates = Vec::new();
        for file in mutation_files(&root.join("fixtures")) {
            let spec: MutationFile = serde_saphyr::from_str(
                &std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?,
            )
            .map_err(|e| format!("{}: {e}", file.display()))?;
            let text = std::fs::read_to_string(root.join(&spec.article))
                .map_err(|e| format!("{}: {e}", spec.article))?;
            let edits = |breaking: bool| {
                spec.mutations
                    .iter()
                    .filter(|m| m.breaks.is_some() == breaking)
                    .map(|m| (m.find.clone(), m.replace.clone()))
                    .collect()
            };
            templates.push(Template {
                text,
                breaking: edits(true),
                benign: edits(false),
            });
        }
        if templates.is_empty() {
            return Err("no annotated fixtures found".into());
        }
        Ok(Self {
            templates,
            rng: Rng::new(seed),
            count: 0,
        })
    }

    /// The next article: a fixture with one edit applied and its paragraphs (blocks separated by
    /// blank lines) shuffled; every second article carries a breaking edit.
    pub fn next_article(&mut self) -> Generated {
        let template = &self.templates[self.rng.below(self.templates.len())];
        let planted = self.count % 2 == 1;
        let edits = if planted {
            &template.breaking
        } else {
            &template.benign
        };
        let mut text = template.text.clone();
        if !edits.is_empty() {
            let (find, replace) = &edits[self.rng.below(edits.len())];
            text = text.replacen(find.as_str(), replace, 1);
        }
        let mut blocks: Vec<&str> = text.split("\n\n").collect();
        // Fisher–Yates, keeping the first block (the headline) in place.
        for i in (2..blocks.len()).rev() {
            let j = 1 + self.rng.below(i);
            blocks.swap(i, j);
        }
        let text = blocks.join("\n\n");
        self.count += 1;
        Generated {
            name: format!("article-{:06}.txt", self.count),
            text,
            planted,
        }
    }

    /// Articles totalling at least `bytes`.
    pub fn take_bytes(&mut self, bytes: usize) -> Vec<Generated> {
        let mut out = Vec::new();
        let mut total = 0;
        while total < bytes {
            let a = self.next_article();
            total += a.text.len();
            out.push(a);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_half_planted() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let a = Corpus::new(root, 7).unwrap().take_bytes(200_000);
        let b = Corpus::new(root, 7).unwrap().take_bytes(200_000);
        assert_eq!(
            a.iter().map(|g| &g.text).collect::<Vec<_>>(),
            b.iter().map(|g| &g.text).collect::<Vec<_>>()
        );
        let planted = a.iter().filter(|g| g.planted).count();
        assert_eq!(planted, a.len() / 2);
    }
}
