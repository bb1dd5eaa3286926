//! Writes `rules/shipped.pack`, the shipped rule pack compiled ahead of time
//! (`src/rules/pack.rs`): `cargo run --example pack` after editing `rules/zh/` or the rule
//! compiler. `cargo test` fails while the committed pack is stale.

use factlint::rules::{pack, SHIPPED};
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let bytes = match pack::build(SHIPPED) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(e));
            return ExitCode::from(2);
        }
    };
    let path = root.join(pack::PACK_PATH);
    if std::fs::read(&path).is_ok_and(|old| old == bytes) {
        println!("{} is up to date ({} bytes)", pack::PACK_PATH, bytes.len());
        return ExitCode::SUCCESS;
    }
    if let Err(e) = std::fs::write(&path, &bytes) {
        eprintln!("cannot write {}: {e}", path.display());
        return ExitCode::from(2);
    }
    println!("wrote {} ({} bytes)", pack::PACK_PATH, bytes.len());
    ExitCode::SUCCESS
}
