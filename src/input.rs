//! Which files a run checks: the paths given, directories walked with the `ignore` crate
//! (`.gitignore`, `.ignore` and `.factlintignore` honoured; hidden files skipped), filtered by
//! globs, and `-` for standard input.

use crate::document::{Markup, ReadError};
use crate::error::Error;
use std::path::{Path, PathBuf};

/// The extensions a directory walk picks up; files named explicitly are always checked.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// The per-directory ignore file factlint honours besides `.gitignore`.
pub const IGNORE_FILE: &str = ".factlintignore";

/// One article to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    /// Standard input, reported under this name.
    Stdin(String),
}

impl Input {
    /// The name findings are reported under: the path as given, with `/` separators.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => display(p),
            Input::Stdin(name) => name.clone(),
        }
    }

    pub fn markup(&self) -> Markup {
        match self {
            Input::File(p) => Markup::from_path(p),
            Input::Stdin(name) => Markup::from_path(Path::new(name)),
        }
    }
}

/// A path as reported: `./` dropped, `/` separators.
pub fn display(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Something skipped on the way, for a note on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub why: String,
}

/// Filters for a directory walk.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// ripgrep-style globs: `*.md` keeps matching files only, `!drafts/**` drops them.
    pub globs: Vec<String>,
    /// Globs from a configuration file, anchored at `root`.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub root: Option<PathBuf>,
}

/// Expands the paths given on the command line into inputs, in a stable order: explicit files as
/// given, each directory's files sorted by path. Errors (a missing path, an unreadable
/// directory, a symlink loop) are collected, not fatal, so one bad path does not hide the rest.
pub fn collect(
    paths: &[PathBuf],
    stdin_name: &str,
    options: &WalkOptions,
) -> (Vec<Input>, Vec<Skipped>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut skipped = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin(stdin_name.to_string()));
            continue;
        }
        match std::fs::metadata(path) {
            Err(source) => errors.push(Error::Read(ReadError::Io {
                path: display(path),
                source,
            })),
            Ok(meta) if meta.is_dir() => {
                walk(path, options, &mut inputs, &mut skipped, &mut errors)
            }
            Ok(_) => inputs.push(Input::File(path.clone())),
        }
    }
    (inputs, skipped, errors)
}

fn overrides(dir: &Path, options: &WalkOptions) -> Result<ignore::overrides::Override, Error> {
    let bad = |e: ignore::Error| Error::Usage(format!("invalid glob: {e}"));
    let mut cli = ignore::overrides::OverrideBuilder::new(dir);
    for g in &options.globs {
        cli.add(g).map_err(bad)?;
    }
    let root = options.root.as_deref().unwrap_or(dir);
    let mut config = ignore::overrides::OverrideBuilder::new(root);
    for g in &options.include {
        config.add(g).map_err(bad)?;
    }
    for g in &options.exclude {
        config.add(&format!("!{g}")).map_err(bad)?;
    }
    // Command-line globs win; configuration globs apply when none are given.
    if options.globs.is_empty() {
        config.build().map_err(bad)
    } else {
        cli.build().map_err(bad)
    }
}

fn walk(
    dir: &Path,
    options: &WalkOptions,
    inputs: &mut Vec<Input>,
    skipped: &mut Vec<Skipped>,
    errors: &mut Vec<Error>,
) {
    let over = match overrides(dir, options) {
        Ok(o) => o,
        Err(e) => {
            errors.push(e);
            return;
        }
    };
    let walker = ignore::WalkBuilder::new(dir)
        .add_custom_ignore_filename(IGNORE_FILE)
        .require_git(false)
        .follow_links(true)
        .overrides(over)
        .sort_by_file_path(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Err(e) => errors.push(Error::Usage(walk_error(&e))),
            Ok(entry) => {
                let path = entry.path();
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                let wanted = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
                if wanted {
                    inputs.push(Input::File(path.to_path_buf()));
                } else if path.extension().is_none() {
                    skipped.push(Skipped {
                        path: display(path),
                        why: "no extension; name the file to check it".into(),
                    });
                }
            }
        }
    }
}

fn walk_error(e: &ignore::Error) -> String {
    let text = e.to_string();
    if text.contains("loop") {
        format!("{text} (a symbolic link points back into a folder being walked; skipped)")
    } else {
        text
    }
}

/// Whether bytes look binary: a NUL in the first 8 KB, as git and ripgrep judge.
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_and_honours_ignore_files_and_globs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/drafts")).unwrap();
        for f in [
            "a.txt",
            "b/z.md",
            "b/y.html",
            "b/drafts/d.md",
            "b/img.png",
            "skip.txt",
        ] {
            std::fs::write(root.join(f), "正文").unwrap();
        }
        std::fs::write(root.join(IGNORE_FILE), "skip.txt\n").unwrap();
        let (inputs, _, errors) = collect(&[root.to_path_buf()], "-", &WalkOptions::default());
        assert!(errors.is_empty());
        let names: Vec<String> = inputs
            .iter()
            .map(|i| i.name().trim_start_matches(&display(root)).to_string())
            .collect();
        assert_eq!(names, ["/a.txt", "/b/drafts/d.md", "/b/y.html", "/b/z.md"]);
        let options = WalkOptions {
            globs: vec!["*.md".into(), "!**/drafts/**".into()],
            ..WalkOptions::default()
        };
        let (inputs, _, _) = collect(&[root.to_path_buf()], "-", &options);
        let names: Vec<String> = inputs
            .iter()
            .map(|i| i.name().trim_start_matches(&display(root)).to_string())
            .collect();
        assert_eq!(names, ["/b/z.md"]);
    }

    #[test]
    fn missing_paths_are_errors_and_stdin_is_named() {
        let (inputs, _, errors) = collect(
            &[PathBuf::from("-"), PathBuf::from("/no/such/file.txt")],
            "story.md",
            &WalkOptions::default(),
        );
        assert_eq!(inputs, [Input::Stdin("story.md".into())]);
        assert_eq!(inputs[0].markup(), Markup::Markdown);
        assert_eq!(errors.len(), 1);
    }
}
