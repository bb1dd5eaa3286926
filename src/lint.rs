//! One article through the whole pipeline: read (prose of Markdown/HTML), figures, checks,
//! suppressions, records for the reports. The binary calls this per file, in parallel.

use crate::article::Article;
use crate::document::{Document, Markup, ReadError};
use crate::engine::Explain;
use crate::error::Error;
use crate::figure::ReadOptions;
use crate::input::Input;
use crate::report::{self, FactsRecord, FileReport};
use crate::rules::RuleSet;

/// Everything needed to check articles; shared read-only by the worker threads.
#[derive(Debug)]
pub struct Linter {
    pub rules: RuleSet,
    pub options: ReadOptions,
    /// A front-matter key holding the publication date, used when no date was given.
    pub front_matter_key: Option<String>,
    /// Forces a markup instead of judging by extension.
    pub markup: Option<Markup>,
    /// Also record the checks that held.
    pub show_passed: bool,
}

/// An article's text as read, with the name it is reported under and its markup.
#[derive(Debug)]
pub struct Source {
    pub name: String,
    pub text: String,
    pub markup: Markup,
}

/// What reading an input gave.
#[derive(Debug)]
pub enum Read {
    Text(String),
    /// Not text (a NUL in the first 8 KB): skipped with a note, as git and ripgrep do.
    Binary,
}

/// The default limit on one article's size, in MiB (`--max-file-size`).
pub const MAX_FILE_MIB: u64 = 100;

/// Reads an input's bytes as UTF-8, refusing one larger than `max_mib` MiB; binary files are
/// recognised rather than decoded.
pub fn read(input: &Input, max_mib: u64) -> Result<Read, Error> {
    let limit = max_mib.saturating_mul(1024 * 1024);
    let io = |path: String| move |source| Error::Read(ReadError::Io { path, source });
    let too_large = |path: String| Error::TooLarge {
        path,
        limit: max_mib,
    };
    // Reads at most one byte past the limit: a 1 GB file (or an endless pipe) is refused after
    // `limit` bytes, never read whole into memory.
    // `io_name` names the stream in a read error, `name` the article (stdin's reported name).
    let read_limited =
        |io_name: &str, name: &str, reader: &mut dyn std::io::Read| -> Result<Vec<u8>, Error> {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(
                &mut std::io::Read::take(reader, limit.saturating_add(1)),
                &mut bytes,
            )
            .map_err(io(io_name.to_string()))?;
            if bytes.len() as u64 > limit {
                return Err(too_large(name.to_string()));
            }
            Ok(bytes)
        };
    let (name, bytes) = match input {
        Input::File(path) => {
            let name = crate::input::display(path);
            let mut file = std::fs::File::open(path).map_err(io(name.clone()))?;
            if file
                .metadata()
                .is_ok_and(|m| m.is_file() && m.len() > limit)
            {
                return Err(too_large(name));
            }
            let bytes = read_limited(&name, &name, &mut file)?;
            (name, bytes)
        }
        Input::Stdin(name) => {
            let bytes = read_limited("<stdin>", name, &mut std::io::stdin().lock())?;
            (name.clone(), bytes)
        }
    };
    if crate::input::looks_binary(&bytes) {
        return Ok(Read::Binary);
    }
    Ok(Read::Text(crate::document::decode(&name, bytes)?))
}

impl Linter {
    pub fn new(rules: RuleSet, options: ReadOptions) -> Self {
        Self {
            rules,
            options,
            front_matter_key: Some("date".into()),
            markup: None,
            show_passed: false,
        }
    }

    /// Reads an article: its prose, figures and publication year.
    pub fn article(&self, name: String, source: String, markup: Markup) -> Article {
        let document = Document::with_markup(name, source, self.markup.unwrap_or(markup));
        // The options (with their unit table) are copied only for a year from front matter.
        let front_matter_year = match (&self.front_matter_key, &document.front_matter) {
            (Some(key), Some(front)) if self.options.publication_year.is_none() => {
                crate::config::front_matter_year(front, key)
            }
            _ => None,
        };
        match front_matter_year {
            Some(year) => {
                let options = ReadOptions {
                    publication_year: Some(year),
                    ..self.options.clone()
                };
                Article::from_document(document, &options)
            }
            None => Article::from_document(document, &self.options),
        }
    }

    /// Checks one article on the calling thread: findings after suppressions, ready for any
    /// report format.
    pub fn check(&self, name: String, source: String, markup: Markup) -> FileReport {
        let source = Source {
            name,
            text: source,
            markup,
        };
        let mut reports = self.check_batch(vec![source], 1);
        reports
            .pop()
            .unwrap_or_else(|| unreachable!("one report per source"))
    }

    /// Checks several articles at once, each exactly as [`Linter::check`] would: the engine
    /// runs each regex over the whole batch in turn, which is faster than article by article
    /// (see [`crate::engine::evaluate_batch`]). One report per source, in order. `threads`: how
    /// many threads (the calling one among them) may share the batch's rules; more than one
    /// only pays when other cores would idle, as with a single article.
    pub fn check_batch(&self, sources: Vec<Source>, threads: usize) -> Vec<FileReport> {
        // Only the checks reported are explained: a pass's words are wanted with --show-passed.
        let explained = if self.show_passed {
            Explain::All
        } else {
            Explain::Failures
        };
        self.evaluate_batch(sources, threads, explained, |article, evaluations| {
            let findings = crate::checks::findings(article, &self.rules, &evaluations);
            let findings = crate::checks::suppress(article, &self.rules, findings);
            let mut file = report::file_report(article, &findings);
            if self.show_passed {
                file.passed = report::model::passed_records(article, &evaluations);
                file.passed.extend(
                    crate::checks::relation_passes(article, &self.rules)
                        .iter()
                        .map(|p| report::model::pass_record(article, p)),
                );
                file.passed.sort_by_key(|p| {
                    (
                        p.labels.first().map_or(usize::MAX, |l| l.start),
                        p.rule.clone(),
                    )
                });
            }
            if file.findings.is_empty() && file.passed.is_empty() {
                // Nothing will be drawn from this file: do not hold its text for the run.
                file.source = String::new();
            }
            file
        })
    }

    /// Reads the sources, evaluates every rule on them as one batch, and hands each article
    /// with its evaluations to `each`, in order.
    fn evaluate_batch<T>(
        &self,
        sources: Vec<Source>,
        threads: usize,
        explained: Explain,
        each: impl Fn(&Article, Vec<crate::engine::Evaluation>) -> T,
    ) -> Vec<T> {
        let read = |sources: Vec<Source>| -> Vec<Article> {
            sources
                .into_iter()
                .map(|s| self.article(s.name, s.text, s.markup))
                .collect()
        };
        let articles = if threads > 1 && !self.rules.has_prefilter() {
            // A spare thread builds the rules' prefilter while this one reads the articles:
            // both come before any rule can run.
            std::thread::scope(|scope| {
                // Should the thread not start, the first article builds the prefilter itself.
                let prefilter = std::thread::Builder::new().spawn_scoped(scope, || {
                    self.rules.prefilter();
                });
                let articles = read(sources);
                if let Ok(Err(panic)) = prefilter.map(|p| p.join()) {
                    std::panic::resume_unwind(panic);
                }
                articles
            })
        } else {
            read(sources)
        };
        let refs: Vec<&Article> = articles.iter().collect();
        let evaluations = crate::engine::evaluate_batch(&refs, &self.rules, threads, explained);
        articles
            .iter()
            .zip(evaluations)
            .map(|(article, evaluations)| each(article, evaluations))
            .collect()
    }

    /// Every figure and check of each article, in order (batched and threaded as
    /// [`Linter::check_batch`]).
    pub fn facts_batch(&self, sources: Vec<Source>, threads: usize) -> Vec<FactsRecord> {
        self.evaluate_batch(sources, threads, Explain::All, |article, evaluations| {
            let run = crate::checks::run_relations(article, &self.rules);
            report::facts_record(article, &evaluations, &run.statements, &run.results)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_sources() -> Vec<Source> {
        let text = include_str!("../fixtures/seed-000_5754297777aae10c.txt");
        vec![Source {
            name: "seed.txt".into(),
            text: text.into(),
            markup: Markup::Text,
        }]
    }

    fn linter() -> Linter {
        let rules = RuleSet::shipped().unwrap();
        let options = ReadOptions {
            units: rules.units.clone(),
            ..ReadOptions::default()
        };
        let mut linter = Linter::new(rules, options);
        linter.show_passed = true;
        linter
    }

    /// Leaving passes unexplained changes nothing else: every evaluation, failed ones' words
    /// included, is what explaining everything gives.
    #[test]
    fn only_passes_go_unexplained_when_failures_alone_are_explained() {
        let rules = linter().rules;
        // A regex rule's failure: the share of new-energy cars mistyped.
        let text =
            include_str!("../fixtures/seed-000_5754297777aae10c.txt").replace("10.27%", "12.27%");
        let article = Article::new("mutated.txt", text, &ReadOptions::default());
        let explain = |explained| {
            crate::engine::evaluate_batch(&[&article], &rules, 1, explained)
                .pop()
                .unwrap()
        };
        let (all, failures) = (explain(Explain::All), explain(Explain::Failures));
        assert_eq!(all.len(), failures.len());
        let (mut passes, mut failed) = (0, 0);
        for (a, f) in all.iter().zip(&failures) {
            assert_eq!(
                (&a.rule.id, &a.bound, &a.verdict),
                (&f.rule.id, &f.bound, &f.verdict)
            );
            if a.verdict == crate::engine::Verdict::Pass {
                passes += 1;
                assert!(a.explanation.is_some() && f.explanation.is_none());
            } else {
                failed += usize::from(f.explanation.is_some());
                assert_eq!(a.explanation, f.explanation);
            }
        }
        assert!(
            passes >= 30 && failed >= 1,
            "{passes} passes, {failed} failures"
        );
    }

    #[test]
    fn a_batch_read_beside_its_prefilter_build_reports_as_one_read_alone() {
        let (alone, beside) = (linter(), linter());
        let reports = alone.check_batch(seed_sources(), 1);
        // The seed page's 36 relations hold: the checks that held are what is compared.
        let passed = reports[0].passed.len();
        assert!(passed >= 36, "{passed} checks held");
        assert!(!beside.rules.has_prefilter());
        let two = serde_json::to_string(&beside.check_batch(seed_sources(), 2)).unwrap();
        assert!(beside.rules.has_prefilter());
        assert_eq!(serde_json::to_string(&reports).unwrap(), two);
    }
}
