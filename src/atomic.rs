//! Writing the files factlint is asked to write (baselines, `init`'s configuration) so that a
//! failure midway never leaves a truncated file: write a temporary file beside the target, flush
//! it to disk, then rename it over the target.

use std::io::Write;
use std::path::Path;

/// A file that could not be written.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
// "read", not "write": the words factlint has always printed here (kept while the library's
// layering changes; the CLI's output is unchanged).
#[error("cannot read {path}: {source}")]
#[diagnostic(code("factlint::io"))]
pub struct WriteError {
    pub path: String,
    #[source]
    pub source: std::io::Error,
}

/// Replaces `path` with `contents` atomically; on any error the old file is left as it was.
pub fn write(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    let io = |source: std::io::Error| WriteError {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".factlint-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    temp.write_all(contents).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    temp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("baseline.json");
        std::fs::write(&target, "old").unwrap();
        write(&target, b"new contents").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new contents");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn failure_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("missing-dir").join("baseline.json");
        assert!(write(&target, b"x").is_err());
        // A target that is a directory cannot be replaced; the directory stays.
        let as_dir = dir.path().join("d");
        std::fs::create_dir(&as_dir).unwrap();
        std::fs::write(as_dir.join("keep"), "kept").unwrap();
        assert!(write(&as_dir, b"x").is_err());
        assert_eq!(
            std::fs::read_to_string(as_dir.join("keep")).unwrap(),
            "kept"
        );
    }
}
