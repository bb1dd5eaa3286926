//! The library's modules import only downwards: a module may use the modules of lower layers,
//! and of its own layer only those listed beside it; nothing below the crate root uses the crate
//! root's re-exports (`crate::Article`). Every `crate::…`, `use crate::{…}` and `super::super…`
//! path in the code of `src/**/*.rs` (lib.rs and main.rs, the top, aside) is checked; comments
//! (doc links included) and string literals are not code.

/// The layers, bottom first (the first is layer 1). Each module is listed with the modules of
/// its own layer it may import; every top-level module of `src/` must be listed, and only those.
/// Above the last layer stand lib.rs, main.rs, benches, examples and tests.
const LAYERS: &[&[(&str, &[&str])]] = &[
    // 1: utilities.
    &[("atomic", &[]), ("parallel", &[]), ("lazy_regex", &[])],
    // 2
    &[("document", &[])],
    // 3
    &[("figure", &[])],
    // 4
    &[("article", &[])],
    // 5: every figure read as a statement.
    &[("statement", &[])],
    // 6: the check language's values, the relation families (the one registry of functions),
    // the rules (YAML, compiling, the check language).
    &[
        ("value", &[]),
        ("families", &["value"]),
        ("rules", &["value", "families"]),
    ],
    // 7: binding and evaluating regex rules; relations by meaning on statements.
    &[("engine", &[]), ("relations", &[])],
    // 8: where the two meet; the configuration; the formats.
    &[
        ("checks", &[]),
        ("config", &[]),
        ("report", &["checks"]),
        ("baseline", &["report"]),
    ],
    // 9
    &[
        ("error", &[]),
        ("input", &["error"]),
        ("lint", &["error", "input"]),
        ("coverage", &[]),
        ("corpus", &["coverage"]),
    ],
];

use std::collections::BTreeSet;
use std::path::Path;

/// The layer of a module (1-based) and the same-layer modules it may import.
fn layer_of(module: &str) -> Option<(usize, &'static [&'static str])> {
    LAYERS.iter().enumerate().find_map(|(i, layer)| {
        layer
            .iter()
            .find(|(name, _)| *name == module)
            .map(|(_, allowed)| (i + 1, *allowed))
    })
}

/// The crate root's layer: above every module.
fn root_layer() -> usize {
    LAYERS.len() + 1
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Ident,
    Punct,
}

#[derive(Debug, Clone)]
struct Token {
    text: String,
    kind: Kind,
    line: usize,
}

/// The tokens of Rust source that matter for paths: identifiers and punctuation (`::` as one),
/// with their lines. Comments, string, char and number literals and lifetimes are dropped.
fn tokens(src: &str) -> Vec<Token> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let at = |k: usize| chars.get(k).copied().unwrap_or('\0');
    let is_ident_start = |c: char| c == '_' || c.is_alphabetic();
    let is_ident = |c: char| c == '_' || c.is_alphanumeric();
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            loop {
                if i >= chars.len() {
                    break;
                }
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if c == '"' {
            i = skip_string(&chars, i + 1, &mut line);
        } else if c == '\'' {
            if at(i + 1) == '\\' {
                // An escaped char literal: '\n', '\'', '\\', '\u{FEFF}'.
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                // A lifetime or a label.
                i += 1;
                while i < chars.len() && is_ident(chars[i]) {
                    i += 1;
                }
            }
        } else if c.is_ascii_digit() {
            while i < chars.len() && is_ident(chars[i]) {
                i += 1;
            }
        } else if is_ident_start(c) {
            // Raw strings (r"…", r#"…"#, br"…"), byte and C strings, byte chars, raw identifiers.
            let prefix_len = match (c, at(i + 1)) {
                ('b' | 'c', 'r') => 2,
                ('r', _) => 1,
                _ => 0,
            };
            let mut hashes = 0;
            while prefix_len > 0 && at(i + prefix_len + hashes) == '#' {
                hashes += 1;
            }
            if prefix_len > 0 && at(i + prefix_len + hashes) == '"' {
                i = skip_raw_string(&chars, i + prefix_len + hashes + 1, hashes, &mut line);
                continue;
            }
            if matches!(c, 'b' | 'c') && at(i + 1) == '"' {
                i = skip_string(&chars, i + 2, &mut line);
                continue;
            }
            if c == 'b' && at(i + 1) == '\'' {
                i += 2;
                if at(i) == '\\' {
                    i += 2;
                }
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
                continue;
            }
            let start = if c == 'r' && at(i + 1) == '#' && is_ident_start(at(i + 2)) {
                i + 2
            } else {
                i
            };
            let mut end = start;
            while end < chars.len() && is_ident(chars[end]) {
                end += 1;
            }
            out.push(Token {
                text: chars[start..end].iter().collect(),
                kind: Kind::Ident,
                line,
            });
            i = end;
        } else if c == ':' && at(i + 1) == ':' {
            out.push(Token {
                text: "::".into(),
                kind: Kind::Punct,
                line,
            });
            i += 2;
        } else {
            out.push(Token {
                text: c.to_string(),
                kind: Kind::Punct,
                line,
            });
            i += 1;
        }
    }
    out
}

/// Skips a string's body from just after its opening quote; returns the index past its end.
fn skip_string(chars: &[char], mut i: usize, line: &mut usize) -> usize {
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                if chars.get(i + 1) == Some(&'\n') {
                    *line += 1;
                }
                i += 2;
            }
            '"' => return i + 1,
            c => {
                if c == '\n' {
                    *line += 1;
                }
                i += 1;
            }
        }
    }
    i
}

/// Skips a raw string's body (closed by `"` and `hashes` times `#`).
fn skip_raw_string(chars: &[char], mut i: usize, hashes: usize, line: &mut usize) -> usize {
    while i < chars.len() {
        if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
            return i + 1 + hashes;
        }
        if chars[i] == '\n' {
            *line += 1;
        }
        i += 1;
    }
    i
}

/// A path from one file to a top-level module (or to the crate root's own items).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reference {
    line: usize,
    /// The top-level module named, or `None` for an item of the crate root (`crate::Article`).
    module: Option<String>,
    /// What was written after `crate::` (or the `super`s): for messages.
    name: String,
}

/// The module path of a file: `src/figure/grammar/tests.rs` is `figure::grammar::tests`.
fn module_path(file: &str) -> Vec<String> {
    let rel = file.trim_start_matches("src/").trim_end_matches(".rs");
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Every reference in a file's code that leaves the file's own top-level module through the
/// crate root: `crate::x…`, `use crate::{x, y::z}`, and `super` chains that climb to the root.
fn references(file: &str, src: &str, modules: &BTreeSet<String>) -> Vec<Reference> {
    let toks = tokens(src);
    let base = module_path(file);
    let mut out = Vec::new();
    // Inline modules (`mod tests { … }`): their name and the brace depth inside them.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut pending_mod: Option<String> = None;
    let text = |k: usize| toks.get(k).map_or("", |t| t.text.as_str());
    let target = |t: &Token| Reference {
        line: t.line,
        module: modules.contains(&t.text).then(|| t.text.clone()),
        name: t.text.clone(),
    };
    for (i, tok) in toks.iter().enumerate() {
        match tok.text.as_str() {
            "{" => {
                depth += 1;
                if let Some(name) = pending_mod.take() {
                    inline.push((name, depth));
                }
                continue;
            }
            "}" => {
                if inline.last().is_some_and(|&(_, d)| d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
                continue;
            }
            "mod" if toks.get(i + 1).is_some_and(|t| t.kind == Kind::Ident) => {
                if text(i + 2) == "{" {
                    pending_mod = Some(text(i + 1).to_string());
                }
                continue;
            }
            "crate" | "super" if tok.kind == Kind::Ident => {}
            _ => continue,
        }
        // Only the start of a path: not `pub(crate)`, not the middle of `a::super`.
        if text(i + 1) != "::" || (i > 0 && text(i - 1) == "::") {
            continue;
        }
        let mut j = i + 2;
        let resolved: Vec<String> = if tok.text == "crate" {
            Vec::new()
        } else {
            let mut here: Vec<String> = base.clone();
            here.extend(inline.iter().map(|(n, _)| n.clone()));
            let mut ups = 1;
            while text(j) == "super" && text(j + 1) == "::" {
                ups += 1;
                j += 2;
            }
            if ups > here.len() {
                out.push(Reference {
                    line: tok.line,
                    module: None,
                    name: "super beyond the crate root".into(),
                });
                continue;
            }
            here.truncate(here.len() - ups);
            here
        };
        if !resolved.is_empty() {
            // Still inside this file's own top-level module.
            continue;
        }
        match text(j) {
            "{" => {
                // A group: the first name of each entry.
                let mut level = 0;
                let mut entry_start = true;
                for t in &toks[j..] {
                    match t.text.as_str() {
                        "{" => {
                            level += 1;
                            entry_start = level == 1;
                            continue;
                        }
                        "}" => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        "," if level == 1 => {
                            entry_start = true;
                            continue;
                        }
                        _ => {}
                    }
                    if entry_start && level == 1 {
                        out.push(target(t));
                    }
                    entry_start = false;
                }
            }
            _ => {
                if let Some(t) = toks.get(j) {
                    out.push(target(t));
                }
            }
        }
    }
    out
}

/// Every import that goes up a layer or sideways without leave, as `file:line: …`.
fn violations(files: &[(String, String)], modules: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    for (file, src) in files {
        let own = module_path(file)[0].clone();
        let Some((own_layer, allowed)) = layer_of(&own) else {
            out.push(format!(
                "{file}: module `{own}` is in no layer of tests/architecture.rs"
            ));
            continue;
        };
        for r in references(file, src, modules) {
            let line = r.line;
            match &r.module {
                Some(m) if *m == own => {}
                Some(m) => match layer_of(m) {
                    None => out.push(format!(
                        "{file}:{line}: `{own}` (layer {own_layer}) imports `{m}`, which is in no layer"
                    )),
                    Some((l, _)) if l > own_layer => out.push(format!(
                        "{file}:{line}: `{own}` (layer {own_layer}) imports `{m}` (layer {l}), a higher layer"
                    )),
                    Some((l, _)) if l == own_layer && !allowed.contains(&m.as_str()) => {
                        out.push(format!(
                            "{file}:{line}: `{own}` (layer {own_layer}) imports `{m}` (layer {l}), a module of its own layer it is not allowed to import"
                        ))
                    }
                    Some(_) => {}
                },
                None => out.push(format!(
                    "{file}:{line}: `{own}` (layer {own_layer}) uses `crate::{}` of the crate root (layer {}): import it from its module",
                    r.name,
                    root_layer()
                )),
            }
        }
    }
    out
}

/// The top-level modules of `src/`: its files and folders, and the `mod` lines of lib.rs.
fn top_modules(src: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(src).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let folder = path.is_dir() && path.join("mod.rs").is_file();
        let file = path.extension().is_some_and(|e| e == "rs") && name != "lib" && name != "main";
        if folder || file {
            found.insert(name);
        }
    }
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("src/lib.rs");
    let toks = tokens(&lib);
    for (i, t) in toks.iter().enumerate() {
        if t.text == "mod" && toks.get(i + 2).is_some_and(|t| t.text == ";") {
            found.insert(toks[i + 1].text.clone());
        }
    }
    found
}

/// Every `.rs` file below `src/` but lib.rs and main.rs, as (`src/…` path, text).
fn library_files() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                if rel != "src/lib.rs" && rel != "src/main.rs" {
                    out.push((rel, std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

fn listed() -> BTreeSet<String> {
    LAYERS
        .iter()
        .flat_map(|layer| layer.iter().map(|(m, _)| m.to_string()))
        .collect()
}

#[test]
fn the_library_imports_only_downwards() {
    let files = library_files();
    assert!(files.len() > 50, "{} files", files.len());
    let modules = top_modules(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let found = violations(&files, &modules);
    assert!(
        found.is_empty(),
        "imports against the layers of tests/architecture.rs:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_module_is_in_the_table_and_only_modules_are() {
    let modules = top_modules(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let listed = listed();
    let missing: Vec<_> = modules.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "modules of src/ missing from LAYERS in tests/architecture.rs: {missing:?}"
    );
    let stale: Vec<_> = listed.difference(&modules).collect();
    assert!(
        stale.is_empty(),
        "LAYERS lists modules src/ lacks: {stale:?}"
    );
}

#[test]
fn the_table_is_consistent() {
    let mut seen = BTreeSet::new();
    for (i, layer) in LAYERS.iter().enumerate() {
        for (module, allowed) in *layer {
            assert!(seen.insert(*module), "`{module}` is listed twice");
            for a in *allowed {
                assert_eq!(
                    layer_of(a).map(|(l, _)| l),
                    Some(i + 1),
                    "`{module}` may import `{a}`: list only modules of its own layer"
                );
            }
        }
    }
    // The allowed imports within a layer form no cycle.
    fn reaches(from: &str, to: &str, depth: usize) -> bool {
        let (_, allowed) = layer_of(from).unwrap();
        depth < 64
            && allowed
                .iter()
                .any(|a| *a == to || reaches(a, to, depth + 1))
    }
    for layer in LAYERS {
        for (module, _) in *layer {
            assert!(
                !reaches(module, module, 0),
                "`{module}` imports itself round a cycle"
            );
        }
    }
}

/// The checker itself: what counts as an import, and what does not.
mod checker {
    use super::*;

    fn modules() -> BTreeSet<String> {
        listed()
    }

    fn check(file: &str, src: &str) -> Vec<String> {
        violations(&[(file.to_string(), src.to_string())], &modules())
    }

    #[test]
    fn a_planted_back_edge_fails_naming_file_line_and_layers() {
        let found = check(
            "src/figure/grammar.rs",
            "use std::fmt;\nuse crate::engine;\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with(
                "src/figure/grammar.rs:2: `figure` (layer 3) imports `engine` (layer 7)"
            ),
            "{}",
            found[0]
        );
        assert_eq!(
            check("src/engine/mod.rs", "use crate::figure::Figure;\n"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn comments_doc_links_and_strings_are_not_code() {
        let src = r###"
//! See [`crate::engine`] and [crate::report::Format].
/// Calls [`crate::engine::evaluate`].
/* crate::engine /* nested crate::report */ */
fn f<'a>(s: &'a str) -> (&'a str, char, char, &'static str) {
    let q = '"';
    let raw = r#"crate::engine "quoted" "#;
    (s, q, '\'', "crate::engine::x")
}
"###;
        assert_eq!(check("src/figure/mod.rs", src), Vec::<String>::new());
        // The lexer keeps counting lines through all that.
        let planted = format!("{src}use crate::engine::Finding;\n");
        let found = check("src/figure/mod.rs", &planted);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("src/figure/mod.rs:10:"),
            "{}",
            found[0]
        );
    }

    #[test]
    fn groups_supers_siblings_and_the_root() {
        let found = check(
            "src/figure/unit.rs",
            "use crate::{document::chars, engine::{self, Finding}, lazy_regex::LazyRegex};\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("imports `engine`"));
        // From an inline module of figure::grammar::tests, four supers climb to the root.
        let src = "mod inner {\n    use super::super::Thing;\n    use super::super::super::super::engine::Finding;\n}\n";
        let found = check("src/figure/grammar/tests.rs", src);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("src/figure/grammar/tests.rs:3:"),
            "{}",
            found[0]
        );
        // A sibling of the same layer: only if listed.
        assert_eq!(
            check("src/rules/expr.rs", "use crate::families::Function;\n"),
            Vec::<String>::new()
        );
        let found = check("src/families/sum.rs", "use crate::rules::expr::Expr;\n");
        assert!(found[0].contains("a module of its own layer"), "{found:?}");
        // The crate root's re-exports are the top.
        let found = check("src/engine/eval.rs", "fn f(a: &crate::Article) {}\n");
        assert!(
            found[0].contains("`crate::Article` of the crate root (layer 10)"),
            "{found:?}"
        );
        // Visibility is not a path.
        assert_eq!(
            check(
                "src/engine/eval.rs",
                "pub(crate) fn f() {}\npub(super) fn g() {}\n"
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_module_missing_from_the_table_fails() {
        let found = check("src/glossary/mod.rs", "use crate::figure::Figure;\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("`glossary` is in no layer"), "{found:?}");
        let mut modules = modules();
        modules.insert("glossary".into());
        let found = violations(
            &[(
                "src/engine/mod.rs".into(),
                "use crate::glossary::Term;\n".into(),
            )],
            &modules,
        );
        assert!(
            found[0].contains("`glossary`, which is in no layer"),
            "{found:?}"
        );
    }
}
