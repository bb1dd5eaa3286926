//! The factlint command line: parses arguments, calls the library, renders, exits 0 (clean),
//! 1 (findings) or 2 (usage, IO or rule error). A closed pipe ends the output quietly.

/// jemalloc allocates faster than glibc's malloc for factlint's many small, short-lived vectors
/// (10 MB corpus on two threads −10%); with one arena and freed pages returned after 300 ms its
/// peak memory on the 200 MB corpus stays under glibc's. See docs/performance.md.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read at its start as a C string (`const char *`: a thin pointer to the
/// first byte). tikv-jemalloc-sys prefixes jemalloc's symbols with `_rjem_`.
#[cfg(not(target_env = "msvc"))]
#[export_name = "_rjem_malloc_conf"]
pub static JEMALLOC_CONF: &u8 = &b"narenas:1,dirty_decay_ms:300,muzzy_decay_ms:0\0"[0];

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use factlint::baseline::Baseline;
use factlint::config::Config;
use factlint::document::Markup;
use factlint::figure::Rounding;
use factlint::input::{self, Input, WalkOptions};
use factlint::lint::{self, Linter, Read, Source};
use factlint::report::{self, Format, RuleMeta, Style};
use factlint::rules::{RuleSet, Severity};
use factlint::ReadOptions;
use rust_decimal::Decimal;
use std::io::IsTerminal;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "factlint",
    version,
    about = "Lints the arithmetic of news articles before they are published."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the arithmetic of articles against the rules; exit 1 if an error is found.
    Check(CheckArgs),
    /// List every figure factlint reads in a file, and every check evaluated on it.
    Facts(FactsArgs),
    /// List, explain and test rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Write a commented starter `.factlint.yaml`.
    Init {
        /// Folder to write it in.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Replace an existing configuration file.
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

#[derive(Subcommand)]
enum RulesCommand {
    /// List the rules: id, family, severity, title.
    List {
        #[command(flatten)]
        rules: RuleArgs,
        #[arg(long, value_enum, default_value_t = FactsFormat::Human)]
        format: FactsFormat,
    },
    /// Explain a rule (by id) or a relation family (by name): what it checks, why, an example,
    /// and the rule's YAML.
    Explain {
        /// A rule id (`trade-balance`) or a family (`share`).
        name: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Run the examples rules carry: the shipped set, or the rule files and folders given.
    Test {
        /// Rule files or folders (default: the shipped rules).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
    },
}

#[derive(clap::Args)]
struct RuleArgs {
    /// A rule file or a folder of rule files to add (repeatable).
    #[arg(long = "rules", value_name = "DIR_OR_FILE")]
    rules: Vec<PathBuf>,
    /// Do not load the rules shipped with factlint.
    #[arg(long)]
    no_default_rules: bool,
}

#[derive(clap::Args)]
struct InputArgs {
    /// Articles: files, folders (walked; .gitignore and .factlintignore honoured), or `-` for
    /// standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// The name standard input is reported under (its extension picks the markup).
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    stdin_filename: String,
    /// Read every file as this markup instead of judging by extension.
    #[arg(long, value_enum)]
    markup: Option<MarkupArg>,
    /// Only walk files matching this glob; `!GLOB` excludes (repeatable; ripgrep syntax).
    #[arg(long = "glob", short = 'g', value_name = "GLOB")]
    globs: Vec<String>,
    /// Use this configuration file instead of looking for `.factlint.yaml` (also
    /// `FACTLINT_CONFIG`).
    #[arg(long, value_name = "FILE", env = "FACTLINT_CONFIG")]
    config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
    /// Refuse (exit 2) any article larger than this many MiB.
    #[arg(long, value_name = "MIB", default_value_t = lint::MAX_FILE_MIB)]
    max_file_size: u64,
}

#[derive(Clone, Copy, ValueEnum)]
enum MarkupArg {
    Text,
    Markdown,
    Html,
}

#[derive(clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    rules: RuleArgs,
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// When to colour the human format.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// Width the human format wraps to.
    #[arg(long, value_name = "COLUMNS", default_value_t = 100)]
    width: usize,
    /// Also report the checks that held (the human format lists them; JSON and YAML add
    /// `passed`).
    #[arg(long)]
    show_passed: bool,
    /// Fail on warnings too.
    #[arg(long, value_enum, value_name = "LEVEL")]
    deny: Option<DenyArg>,
    /// Report findings but exit 0 (errors reading files or rules still exit 2).
    #[arg(long)]
    no_exit_code: bool,
    /// Accept the findings listed in this baseline file; report only new ones.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write every finding of this run to a baseline file (atomically).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum DenyArg {
    Warnings,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args)]
struct ReadArgs {
    /// How the copy rounds its figures [default: nearest].
    #[arg(long, value_enum)]
    rounding: Option<RoundingArg>,
    /// How far 约 (about) widens a figure, in units of its last digit [default: 1].
    #[arg(long, value_name = "UNITS")]
    about_widening: Option<Decimal>,
    /// The publication date (YYYY-MM-DD or YYYY), for periods and spans of years; by default
    /// the configuration's, the front matter's `date`, or the year the article mentions most.
    #[arg(long, value_name = "DATE", value_parser = parse_year)]
    date: Option<i32>,
}

fn parse_year(s: &str) -> Result<i32, String> {
    factlint::config::parse_year(s)
        .ok_or_else(|| format!("`{s}` is not a date: write YYYY-MM-DD or YYYY"))
}

#[derive(clap::Args)]
struct FactsArgs {
    #[command(flatten)]
    input: InputArgs,
    #[arg(long, value_enum, default_value_t = FactsFormat::Human)]
    format: FactsFormat,
    #[command(flatten)]
    rules: RuleArgs,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    /// Compiler-style diagnostics with the figures underlined.
    Human,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    Json,
    Yaml,
    /// SARIF 2.1.0, for code-scanning uploads.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// reviewdog's JSON Lines.
    Rdjsonl,
    /// JUnit XML.
    Junit,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FactsFormat {
    Human,
    Json,
    Yaml,
}

#[derive(Clone, Copy, ValueEnum)]
enum RoundingArg {
    Nearest,
    Truncate,
}

impl FormatArg {
    fn format(self) -> Format {
        match self {
            FormatArg::Human => Format::Human,
            FormatArg::Concise => Format::Concise,
            FormatArg::Json => Format::Json,
            FormatArg::Yaml => Format::Yaml,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Github => Format::Github,
            FormatArg::Rdjsonl => Format::Rdjsonl,
            FormatArg::Junit => Format::Junit,
        }
    }
}

impl FactsFormat {
    fn format(self) -> Format {
        match self {
            FactsFormat::Human => Format::Human,
            FactsFormat::Json => Format::Json,
            FactsFormat::Yaml => Format::Yaml,
        }
    }
}

impl ColorArg {
    fn enabled(self, terminal: bool) -> bool {
        match self {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => terminal && no_color_unset(),
        }
    }
}

fn no_color_unset() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

impl ReadArgs {
    fn options(&self, rules: &RuleSet, config: Option<&Config>) -> ReadOptions {
        let rounding = match self.rounding {
            Some(RoundingArg::Nearest) => Rounding::Nearest,
            Some(RoundingArg::Truncate) => Rounding::Truncate,
            None => config.and_then(|c| c.rounding).unwrap_or(Rounding::Nearest),
        };
        ReadOptions {
            rounding,
            about_widening: self
                .about_widening
                .or_else(|| config.and_then(|c| c.about_widening))
                .unwrap_or(Decimal::ONE),
            units: rules.units.clone(),
            publication_year: self.date.or_else(|| config.and_then(|c| c.year)),
        }
    }
}

impl RuleArgs {
    fn load(&self, config: Option<&Config>) -> Result<RuleSet, factlint::Error> {
        let defaults =
            !self.no_default_rules && config.and_then(|c| c.default_rules).unwrap_or(true);
        let mut rules = if defaults {
            RuleSet::shipped()?
        } else {
            RuleSet::default()
        };
        for path in config.map(|c| c.rules.as_slice()).unwrap_or_default() {
            rules.add_path(path)?;
        }
        for path in &self.rules {
            rules.add_path(path)?;
        }
        if let Some(config) = config {
            config.select(&mut rules)?;
        }
        Ok(rules)
    }
}

impl InputArgs {
    /// The configuration that applies: `--config`/`FACTLINT_CONFIG`, else the nearest
    /// `.factlint.yaml` above the first path.
    fn config(&self) -> Result<Option<Config>, factlint::Error> {
        if self.no_config {
            return Ok(None);
        }
        if let Some(path) = &self.config {
            return Ok(Some(Config::load(path)?));
        }
        let first = self
            .paths
            .iter()
            .find(|p| p.as_os_str() != "-")
            .cloned()
            .unwrap_or_else(|| PathBuf::from("."));
        Ok(Config::discover(&first)?)
    }

    fn walk_options(&self, config: Option<&Config>) -> WalkOptions {
        WalkOptions {
            globs: self.globs.clone(),
            include: config.map(|c| c.include.clone()).unwrap_or_default(),
            exclude: config.map(|c| c.exclude.clone()).unwrap_or_default(),
            root: config
                .and_then(|c| c.path.as_deref())
                .and_then(|p| p.parent())
                .map(|p| p.to_path_buf()),
        }
    }

    /// The `-j` asked for, or one thread per core.
    fn wanted_threads(&self) -> usize {
        self.threads
            .unwrap_or_else(factlint::parallel::cores)
            .max(1)
    }

    /// With a spare thread, compiles the regexes every check needs on it while this one loads
    /// the rules (`factlint::prepare_built_ins`).
    fn prepare_built_ins(&self) {
        if self.wanted_threads() > 1 {
            // Detached: it only fills the `OnceLock`s the first article would fill, and an
            // article that needs one first waits for it. Failing to start it costs only time.
            let _ = std::thread::Builder::new().spawn(factlint::prepare_built_ins);
        }
    }

    fn markup(&self) -> Option<Markup> {
        self.markup.map(|m| match m {
            MarkupArg::Text => Markup::Text,
            MarkupArg::Markdown => Markup::Markdown,
            MarkupArg::Html => Markup::Html,
        })
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let stderr_color = io::stderr().is_terminal() && no_color_unset();
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(
            miette::MietteHandlerOpts::new()
                .color(stderr_color)
                .unicode(true)
                .width(100)
                .build(),
        )
    }));
    let mut stdout = io::stdout().lock();
    let result = match cli.command {
        Command::Check(args) => check(&args, &mut stdout),
        Command::Facts(args) => facts(&args, &mut stdout),
        Command::Rules(command) => rules(command, &mut stdout),
        Command::Init { dir, force } => init(&dir, force),
        Command::Completions { shell } => {
            let mut buffer = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "factlint", &mut buffer);
            stdout.write_all(&buffer).map_err(Failure::from).map(|()| 0)
        }
        Command::Man => {
            let mut buffer = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut buffer)
                .map_err(Failure::from)
                .and_then(|()| stdout.write_all(&buffer).map_err(Failure::from))
                .map(|()| 0)
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Failure::Pipe) => ExitCode::SUCCESS,
        Err(Failure::Error(report)) => {
            let _ = writeln!(io::stderr(), "{report:?}");
            ExitCode::from(2)
        }
    }
}

/// Why a command stopped early.
enum Failure {
    /// The reader closed the pipe: stop quietly.
    Pipe,
    Error(miette::Report),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::Pipe
        } else {
            Failure::Error(miette::Report::msg(format!("cannot write output: {e}")))
        }
    }
}

impl From<factlint::Error> for Failure {
    fn from(e: factlint::Error) -> Self {
        Failure::Error(miette::Report::new(e))
    }
}

/// Problems met on the way that do not stop the run: printed to stderr, exit 2 at the end.
#[derive(Default)]
struct Trouble {
    errors: usize,
}

impl Trouble {
    fn error(&mut self, e: factlint::Error) {
        self.errors += 1;
        let _ = writeln!(io::stderr(), "{:?}", miette::Report::new(e));
    }

    fn note(&self, message: &str) {
        let _ = writeln!(io::stderr(), "note: {message}");
    }
}

/// Standard output, buffered; on a terminal each file's output is shown as soon as it is ready.
struct Output<'a, W: Write> {
    buffer: io::BufWriter<&'a mut W>,
    live: bool,
}

impl<'a, W: Write> Output<'a, W> {
    fn new(out: &'a mut W) -> Self {
        Self {
            buffer: io::BufWriter::new(out),
            live: io::stdout().is_terminal(),
        }
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.buffer.write_all(bytes)
    }

    /// One file's output.
    fn file(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.buffer.write_all(bytes)?;
        if self.live && !bytes.is_empty() {
            self.buffer.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.buffer.flush()
    }
}

/// The most text a worker checks in one batch: enough to run each regex over many articles in a
/// row, little enough that the articles in flight stay a few megabytes.
const BATCH_BYTES: usize = 256 * 1024;
/// The most files in one batch.
const BATCH_FILES: usize = 256;

/// Collects the inputs and checks them on `-j` worker threads, handing each result to `sink` in
/// path order as soon as it and every input before it are done. Output streams, and memory holds
/// only the files in flight, never the corpus. Workers claim inputs one by one in path order into
/// batches (so two workers' batches interleave), and at most about a batch per worker waits for
/// an earlier one.
fn for_each_input<T: Send>(
    args: &InputArgs,
    config: Option<&Config>,
    trouble: &mut Trouble,
    work: impl Fn(Vec<Source>, usize) -> Vec<T> + Sync,
    mut sink: impl FnMut(T) -> io::Result<()>,
) -> io::Result<()> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let (mut inputs, skipped, errors) = input::collect(
        &args.paths,
        &args.stdin_filename,
        &args.walk_options(config),
    );
    for e in errors {
        trouble.error(e);
    }
    for s in skipped {
        trouble.note(&format!("skipped {}: {}", s.path, s.why));
    }
    // Stable, so inputs with the same name keep the order they were given in.
    inputs.sort_by_cached_key(Input::name);
    let wanted = args.wanted_threads();
    let threads = wanted.min(inputs.len().max(1));
    // Fewer inputs than threads: each worker's batch shares its rules among the spare ones (no
    // more than there are cores: past that they would only split the regex caches).
    let threads_per_batch = (wanted / threads).clamp(1, factlint::parallel::cores());
    factlint::lazy_regex::share_cache_budget(threads * threads_per_batch);
    let progress = if io::stderr().is_terminal() && inputs.len() >= 50 {
        indicatif::ProgressBar::new(inputs.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    // Each worker claims a batch of inputs (see `Linter::check_batch`): up to
    // BATCH_BYTES of text, and few enough files that every thread gets several batches.
    let batch_files = (inputs.len() / (threads * 4)).clamp(1, BATCH_FILES);
    let next = AtomicUsize::new(0);
    let outcome = std::thread::scope(|scope| {
        // Dropped on return, which stops workers blocked on a full channel.
        let (done, results) = std::sync::mpsc::sync_channel(threads * batch_files);
        for _ in 0..threads {
            let done = done.clone();
            let (inputs, next, work, progress) = (&inputs, &next, &work, &progress);
            scope.spawn(move || {
                loop {
                    let mut batch = Vec::new();
                    let mut sources = Vec::new();
                    let mut bytes = 0;
                    while batch.len() < batch_files && bytes < BATCH_BYTES {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(input) = inputs.get(index) else {
                            break;
                        };
                        let read = match lint::read(input, args.max_file_size) {
                            Ok(Read::Text(text)) => {
                                bytes += text.len();
                                sources.push(Source {
                                    name: input.name(),
                                    text,
                                    markup: input.markup(),
                                });
                                Ok(Some(()))
                            }
                            Ok(Read::Binary) => Ok(None),
                            Err(e) => Err(e),
                        };
                        batch.push((index, input, read));
                    }
                    if batch.is_empty() {
                        break;
                    }
                    // One result per text read, in order.
                    let texts = sources.len();
                    let checked = work(sources, threads_per_batch);
                    debug_assert_eq!(checked.len(), texts, "one result per source");
                    let mut checked = checked.into_iter();
                    for (index, input, read) in batch {
                        let out = read.map(|text| text.and_then(|()| checked.next()));
                        progress.inc(1);
                        // The receiver is gone only when output failed: stop.
                        if done.send((index, input, out)).is_err() {
                            return;
                        }
                    }
                }
            });
        }
        drop(done);
        let mut waiting = std::collections::BTreeMap::new();
        let mut due = 0;
        for (index, input, out) in results {
            waiting.insert(index, (input, out));
            while let Some((input, out)) = waiting.remove(&due) {
                due += 1;
                match out {
                    Ok(Some(t)) => {
                        if let Err(e) = sink(t) {
                            next.store(inputs.len(), Ordering::Relaxed);
                            return Err(e);
                        }
                    }
                    Ok(None) => trouble.note(&format!("skipped {}: binary file", input.name())),
                    Err(e) => trouble.error(e),
                }
            }
        }
        Ok(())
    });
    progress.finish_and_clear();
    outcome
}

fn linter(rules: RuleSet, read: &ReadArgs, input: &InputArgs, config: Option<&Config>) -> Linter {
    let options = read.options(&rules, config);
    let mut linter = Linter::new(rules, options);
    linter.markup = input.markup();
    if let Some(key) = config.and_then(|c| c.date_from_front_matter.clone()) {
        linter.front_matter_key = Some(key);
    }
    linter
}

fn facts(args: &FactsArgs, out: &mut impl Write) -> Result<u8, Failure> {
    args.input.prepare_built_ins();
    let config = args.input.config()?;
    let rules = args.rules.load(config.as_ref())?;
    let linter = linter(rules, &args.read, &args.input, config.as_ref());
    let mut trouble = Trouble::default();
    let emitter = report::emitter(args.format.format(), Style::default());
    let mut out = Output::new(out);
    let mut first = true;
    for_each_input(
        &args.input,
        config.as_ref(),
        &mut trouble,
        |sources, threads| linter.facts_batch(sources, threads),
        |record| {
            if !first && args.format == FactsFormat::Yaml {
                out.write(b"---\n")?;
            }
            first = false;
            out.file(emitter.facts(&record).as_bytes())
        },
    )?;
    out.flush()?;
    Ok(if trouble.errors > 0 { 2 } else { 0 })
}

fn check(args: &CheckArgs, out: &mut impl Write) -> Result<u8, Failure> {
    args.input.prepare_built_ins();
    let config = args.input.config()?;
    let rules = args.rules.load(config.as_ref())?;
    // Regex rules, built-in relations or concept identities: something must check.
    let relations_run = factlint::relations::RELATIONS
        .iter()
        .any(|r| rules.relations.runs(r.id));
    if rules.rules.is_empty() && !relations_run {
        return Err(factlint::Error::Usage(
            "no rules to check with: the default rules are off and no --rules were given".into(),
        )
        .into());
    }
    let baseline = match &args.baseline {
        Some(path) => Some(Baseline::load(path).map_err(factlint::Error::from)?),
        None => None,
    };
    let style = Style {
        width: args.width.max(40),
        color: args.color.enabled(io::stdout().is_terminal()),
    };
    let mut linter = linter(rules, &args.read, &args.input, config.as_ref());
    linter.show_passed = args.show_passed;
    let rules = RuleMeta::of(&linter.rules);
    let mut emitter = report::emitter(args.format.format(), style);
    let mut summary = report::Summary::default();
    // Kept only to write a baseline: one small entry per finding.
    let mut accepted = Vec::new();
    let mut trouble = Trouble::default();
    let mut out = Output::new(out);
    for_each_input(
        &args.input,
        config.as_ref(),
        &mut trouble,
        |sources, threads| linter.check_batch(sources, threads),
        |mut file| {
            if args.write_baseline.is_some() {
                accepted.extend(factlint::baseline::entries(&file));
            }
            if let Some(baseline) = &baseline {
                baseline.filter(&mut file);
            }
            summary.count(&file);
            out.file(emitter.file(&file).as_bytes())
        },
    )?;
    if let Some(path) = &args.write_baseline {
        factlint::baseline::write(path, accepted).map_err(factlint::Error::from)?;
    }
    out.write(emitter.finish(&summary, &rules).as_bytes())?;
    out.flush()?;
    // Freeing hundreds of compiled regexes and their caches only delays the exit.
    std::mem::forget(linter);
    if trouble.errors > 0 {
        return Ok(2);
    }
    let deny_warnings = matches!(args.deny, Some(DenyArg::Warnings))
        || config.as_ref().and_then(|c| c.fail_on) == Some(Severity::Warning);
    let failing = summary.errors + if deny_warnings { summary.warnings } else { 0 };
    Ok(if failing > 0 && !args.no_exit_code {
        1
    } else {
        0
    })
}

fn init(dir: &std::path::Path, force: bool) -> Result<u8, Failure> {
    let path = dir.join(factlint::config::FILE_NAMES[0]);
    if path.exists() && !force {
        return Err(factlint::Error::Usage(format!(
            "{} exists already: pass --force to replace it",
            path.display()
        ))
        .into());
    }
    factlint::atomic::write(&path, factlint::config::STARTER.as_bytes())
        .map_err(factlint::Error::from)?;
    let _ = writeln!(io::stderr(), "wrote {}", path.display());
    Ok(0)
}

fn rules(command: RulesCommand, out: &mut impl Write) -> Result<u8, Failure> {
    match command {
        RulesCommand::List { rules, format } => {
            let rules = rules.load(None)?;
            out.write_all(report::rules::list(&rules, format.format()).as_bytes())?;
            Ok(0)
        }
        RulesCommand::Explain { name, rules } => {
            let rules = rules.load(None)?;
            match report::rules::explain(&rules, &name) {
                Some(text) => {
                    out.write_all(text.as_bytes())?;
                    Ok(0)
                }
                None => Err(factlint::Error::Usage(format!(
                    "no rule or family named `{name}`: `factlint rules list` shows the rules"
                ))
                .into()),
            }
        }
        RulesCommand::Test { paths, color } => {
            let mut rules = RuleSet::default();
            if paths.is_empty() {
                rules = RuleSet::shipped().map_err(factlint::Error::from)?;
            }
            for path in &paths {
                rules.add_path(path).map_err(factlint::Error::from)?;
            }
            let style = Style {
                width: 100,
                color: color.enabled(io::stdout().is_terminal()),
            };
            let (text, failed) = report::rules::test(&rules, style);
            out.write_all(text.as_bytes())?;
            Ok(if failed > 0 { 1 } else { 0 })
        }
    }
}
