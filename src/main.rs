//! The factlint command line: parses arguments, calls the library, renders, exits 0 (clean),
//! 1 (findings) or 2 (usage, IO or rule error). A closed pipe ends the output quietly.

use clap::{Parser, Subcommand, ValueEnum};
use factlint::figure::Rounding;
use factlint::report::{self, Format, Style};
use factlint::rules::RuleSet;
use factlint::{Article, ReadOptions};
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
}

#[derive(Subcommand)]
enum RulesCommand {
    /// List the rules: id, family, severity, title.
    List {
        #[command(flatten)]
        rules: RuleArgs,
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
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
struct CheckArgs {
    /// Article files (UTF-8 text).
    #[arg(required = true)]
    files: Vec<PathBuf>,
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
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args)]
struct ReadArgs {
    /// How the copy rounds its figures.
    #[arg(long, value_enum, default_value_t = RoundingArg::Nearest)]
    rounding: RoundingArg,
    /// How far 约 (about) widens a figure, in units of its last digit.
    #[arg(long, default_value = "1", value_name = "UNITS")]
    about_widening: Decimal,
    /// The publication date (YYYY-MM-DD or YYYY), for periods and spans of years; by default
    /// the year the article mentions most.
    #[arg(long, value_name = "DATE", value_parser = parse_year)]
    date: Option<i32>,
}

fn parse_year(s: &str) -> Result<i32, String> {
    let year = s.split(['-', '/', '.']).next().unwrap_or("");
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let valid = match parts.as_slice() {
        [y] => y.len() == 4,
        [y, m, d] => {
            y.len() == 4
                && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
                && d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        }
        _ => false,
    };
    match year.parse::<i32>() {
        Ok(y) if valid => Ok(y),
        _ => Err(format!("`{s}` is not a date: write YYYY-MM-DD or YYYY")),
    }
}

#[derive(clap::Args)]
struct FactsArgs {
    /// Article files (UTF-8 text).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    #[command(flatten)]
    rules: RuleArgs,
    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
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
            FormatArg::Json => Format::Json,
            FormatArg::Yaml => Format::Yaml,
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
    fn options(&self, rules: &RuleSet) -> ReadOptions {
        ReadOptions {
            rounding: match self.rounding {
                RoundingArg::Nearest => Rounding::Nearest,
                RoundingArg::Truncate => Rounding::Truncate,
            },
            about_widening: self.about_widening,
            units: rules.units.clone(),
            publication_year: self.date,
        }
    }
}

impl RuleArgs {
    fn load(&self) -> Result<RuleSet, factlint::Error> {
        let mut rules = if self.no_default_rules {
            RuleSet::default()
        } else {
            RuleSet::shipped()?
        };
        for path in &self.rules {
            rules.add_path(path)?;
        }
        Ok(rules)
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

fn read_article(path: &std::path::Path, options: &ReadOptions) -> Result<Article, Failure> {
    let source = factlint::document::read_source(path)?;
    Ok(Article::new(path.display().to_string(), source, options))
}

fn facts(args: &FactsArgs, out: &mut impl Write) -> Result<u8, Failure> {
    let rules = args.rules.load()?;
    let options = args.read.options(&rules);
    let emitter = report::emitter(args.format.format(), Style::default());
    for (i, path) in args.files.iter().enumerate() {
        let article = read_article(path, &options)?;
        let evaluations = factlint::engine::evaluate(&article, &rules);
        let record = report::facts_record(&article, &evaluations);
        if i > 0 && args.format == FormatArg::Yaml {
            out.write_all(b"---\n")?;
        }
        out.write_all(emitter.facts(&record).as_bytes())?;
    }
    out.flush()?;
    Ok(0)
}

fn check(args: &CheckArgs, out: &mut impl Write) -> Result<u8, Failure> {
    let rules = args.rules.load()?;
    if rules.rules.is_empty() {
        return Err(factlint::Error::Usage(
            "no rules to check with: --no-default-rules was given without --rules".into(),
        )
        .into());
    }
    let options = args.read.options(&rules);
    let style = Style {
        width: args.width.max(40),
        color: args.color.enabled(io::stdout().is_terminal()),
    };
    let emitter = report::emitter(args.format.format(), style);
    let mut run = report::CheckReport::default();
    for path in &args.files {
        let article = read_article(path, &options)?;
        let evaluations = factlint::engine::evaluate(&article, &rules);
        let findings = factlint::engine::findings(&article, &evaluations);
        let mut file = report::file_report(&article, &findings);
        if args.show_passed {
            file.passed = report::model::passed_records(&article, &evaluations);
        }
        run.push(file);
    }
    out.write_all(emitter.check(&run).as_bytes())?;
    out.flush()?;
    Ok(if run.summary.errors > 0 { 1 } else { 0 })
}

fn rules(command: RulesCommand, out: &mut impl Write) -> Result<u8, Failure> {
    match command {
        RulesCommand::List { rules, format } => {
            let rules = rules.load()?;
            out.write_all(report::rules::list(&rules, format.format()).as_bytes())?;
            Ok(0)
        }
        RulesCommand::Explain { name, rules } => {
            let rules = rules.load()?;
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
                rules = RuleSet::shipped()?;
            }
            for path in &paths {
                rules.add_path(path)?;
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
