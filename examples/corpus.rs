//! Writes a deterministic benchmark corpus: `cargo run --release --example corpus -- DIR SIZE_MB
//! [SEED]`. Articles are the annotated fixtures with paragraphs reshuffled, half carrying one
//! planted error (see `factlint::corpus`); files go in sub-folders of 1,000.

use factlint::corpus::Corpus;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(size)) = (
        args.first(),
        args.get(1).and_then(|s| s.parse::<f64>().ok()),
    ) else {
        eprintln!("usage: corpus DIR SIZE_MB [SEED]");
        return ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut corpus = match Corpus::new(root, seed) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let target = (size * 1024.0 * 1024.0) as usize;
    let (mut bytes, mut files, mut planted) = (0usize, 0usize, 0usize);
    while bytes < target {
        let article = corpus.next_article();
        let sub: PathBuf = Path::new(dir).join(format!("{:04}", files / 1000));
        if let Err(e) = std::fs::create_dir_all(&sub)
            .and_then(|()| std::fs::write(sub.join(&article.name), &article.text))
        {
            eprintln!("{}: {e}", sub.display());
            return ExitCode::from(2);
        }
        bytes += article.text.len();
        files += 1;
        planted += usize::from(article.planted);
    }
    println!("{files} files, {bytes} bytes, {planted} with a planted error, in {dir}");
    ExitCode::SUCCESS
}
