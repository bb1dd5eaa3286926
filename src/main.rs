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
    /// List every figure factlint reads in a file: span, text, value, unit, interval, qualifier.
    Facts(FactsArgs),
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Article files (UTF-8 text).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// A rule file or a folder of rule files to add (repeatable).
    #[arg(long = "rules", value_name = "DIR_OR_FILE")]
    rules: Vec<PathBuf>,
    /// Do not load the rules shipped with factlint.
    #[arg(long)]
    no_default_rules: bool,
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// When to colour the human format.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// Width the human format wraps to (default: the terminal's, or 100).
    #[arg(long, value_name = "COLUMNS")]
    width: Option<usize>,
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
}

#[derive(clap::Args)]
struct FactsArgs {
    /// Article files (UTF-8 text).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
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

impl ReadArgs {
    fn options(&self) -> ReadOptions {
        ReadOptions {
            rounding: match self.rounding {
                RoundingArg::Nearest => Rounding::Nearest,
                RoundingArg::Truncate => Rounding::Truncate,
            },
            about_widening: self.about_widening,
            ..ReadOptions::default()
        }
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
    let stderr_color =
        io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
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

fn facts(args: &FactsArgs, out: &mut impl Write) -> Result<u8, Failure> {
    let options = args.read.options();
    let emitter = report::emitter(args.format.format(), Style::default());
    for (i, path) in args.files.iter().enumerate() {
        let source = factlint::document::read_source(path)?;
        let article = Article::new(path.display().to_string(), source, &options);
        let record = report::facts_record(&article);
        if i > 0 && args.format == FormatArg::Yaml {
            out.write_all(b"---\n")?;
        }
        out.write_all(emitter.facts(&record).as_bytes())?;
    }
    out.flush()?;
    Ok(0)
}

fn load_rules(args: &CheckArgs) -> Result<RuleSet, factlint::Error> {
    let mut rules = if args.no_default_rules {
        RuleSet::default()
    } else {
        RuleSet::shipped()?
    };
    for path in &args.rules {
        rules.add_path(path)?;
    }
    if rules.rules.is_empty() {
        return Err(factlint::Error::Usage(
            "no rules to check with: --no-default-rules was given without --rules".into(),
        ));
    }
    Ok(rules)
}

fn check(args: &CheckArgs, out: &mut impl Write) -> Result<u8, Failure> {
    let rules = load_rules(args)?;
    let options = ReadOptions {
        units: rules.units.clone(),
        ..args.read.options()
    };
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let width = args.width.unwrap_or(100).max(40);
    let emitter = report::emitter(args.format.format(), Style { width, color });
    let mut run = report::CheckReport::default();
    for path in &args.files {
        let source = factlint::document::read_source(path)?;
        let article = Article::new(path.display().to_string(), source, &options);
        let findings = factlint::check(&article, &rules);
        run.push(report::file_report(&article, &findings));
    }
    out.write_all(emitter.check(&run).as_bytes())?;
    out.flush()?;
    Ok(if run.summary.errors > 0 { 1 } else { 0 })
}
