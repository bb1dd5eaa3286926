//! The factlint command line: parses arguments, calls the library, renders, exits 0 (clean),
//! 1 (findings) or 2 (usage, IO or rule error). A closed pipe ends the output quietly.

use clap::{Parser, Subcommand, ValueEnum};
use factlint::figure::Rounding;
use factlint::report::{self, FactsFormat};
use factlint::{Article, ReadOptions};
use rust_decimal::Decimal;
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
    /// List every figure factlint reads in a file: span, text, value, unit, interval, qualifier.
    Facts(FactsArgs),
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

#[derive(Clone, Copy, ValueEnum)]
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
    let mut stdout = io::stdout().lock();
    let result = match cli.command {
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
    let emitter = report::emitter(match args.format {
        FormatArg::Human => FactsFormat::Human,
        FormatArg::Json => FactsFormat::Json,
        FormatArg::Yaml => FactsFormat::Yaml,
    });
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

impl PartialEq for FormatArg {
    fn eq(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}
