//! `.factlint.yaml`: a project's settings, found by walking up from the checked path.
//!
//! Every key is optional; unknown keys, wrong types and names that match no rule are errors
//! labelled at their bytes, like rule-file errors.

use crate::document::ReadError;
use crate::figure::Rounding;
use crate::rules::{RuleError, RuleSet, Severity};
use miette::Diagnostic;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The names a configuration file may have, in the order they are looked for.
pub const FILE_NAMES: &[&str] = &[".factlint.yaml", ".factlint.yml"];

/// The environment variable naming a configuration file.
pub const ENV_VAR: &str = "FACTLINT_CONFIG";

/// A configuration file as written.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    rules: Vec<Spanned<String>>,
    #[serde(default)]
    default_rules: Option<bool>,
    #[serde(default)]
    enable: Vec<Spanned<String>>,
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<Level>>,
    #[serde(default)]
    rounding: Option<RoundingSpec>,
    #[serde(default)]
    about_widening: Option<Spanned<f64>>,
    #[serde(default)]
    date: Option<Spanned<String>>,
    #[serde(default)]
    date_from_front_matter: Option<String>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    fail_on: Option<Severity>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum Level {
    Error,
    Warning,
    Off,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum RoundingSpec {
    Nearest,
    Truncate,
}

/// Settings read from a configuration file; paths are resolved against its folder.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file the settings came from.
    pub path: Option<PathBuf>,
    pub rules: Vec<PathBuf>,
    pub default_rules: Option<bool>,
    pub rounding: Option<Rounding>,
    pub about_widening: Option<Decimal>,
    /// The publication year.
    pub year: Option<i32>,
    /// A front-matter key holding the publication date (`date`).
    pub date_from_front_matter: Option<String>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// The lowest severity that fails the run (`warning` is `--deny warnings`).
    pub fail_on: Option<Severity>,
    selection: Selection,
    text: Arc<String>,
}

/// Which rules run, and at which severity; names are rule ids or families.
#[derive(Debug, Clone, Default)]
struct Selection {
    enable: Vec<Spanned<String>>,
    disable: Vec<Spanned<String>>,
    severity: Vec<(String, Spanned<Level>)>,
}

impl Config {
    /// The configuration that applies to `start` (a file or folder): the first configuration file
    /// found in it or its ancestors.
    pub fn discover(start: &Path) -> Result<Option<Config>, ConfigError> {
        let start = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
        let mut dir = if start.is_dir() {
            Some(start.as_path())
        } else {
            start.parent()
        };
        while let Some(d) = dir {
            for name in FILE_NAMES {
                let candidate = d.join(name);
                if candidate.is_file() {
                    return Config::load(&candidate).map(Some);
                }
            }
            dir = d.parent();
        }
        Ok(None)
    }

    /// Reads and validates one configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = crate::document::read_source(path)?;
        Config::parse(path, &text)
    }

    /// Parses a configuration text; `path` names it in errors and anchors relative paths.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let source = Arc::new(text.to_string());
        let ctx = crate::rules::Ctx {
            path: &shown,
            text,
            source: &source,
        };
        let file: ConfigFile = if text.trim().is_empty() {
            ConfigFile::default()
        } else {
            serde_saphyr::from_str(text).map_err(|e| {
                config_error(
                    ctx.yaml_located(&e, "the configuration keys are listed in docs/config.md"),
                )
            })?
        };
        let base = path.parent().unwrap_or(Path::new(""));
        let year = match &file.date {
            None => None,
            Some(d) => Some(parse_year(&d.value).ok_or_else(|| {
                config_error(ctx.located(
                    ctx.whole(d),
                    format!("`{}` is not a date", d.value),
                    "write YYYY-MM-DD or YYYY",
                    None,
                ))
            })?),
        };
        let about_widening = match &file.about_widening {
            None => None,
            Some(w) => Some(
                Decimal::try_from(w.value)
                    .ok()
                    .filter(|d| !d.is_sign_negative())
                    .ok_or_else(|| {
                        config_error(ctx.located(
                            ctx.whole(w),
                            "about_widening must be a number of units, 0 or more".into(),
                            "here",
                            None,
                        ))
                    })?,
            ),
        };
        for rule_path in &file.rules {
            let resolved = base.join(&rule_path.value);
            if !resolved.exists() {
                return Err(config_error(ctx.located(
                    ctx.whole(rule_path),
                    format!("rule path `{}` does not exist", resolved.display()),
                    "no such file or folder",
                    Some("paths are relative to the configuration file's folder".into()),
                )));
            }
        }
        Ok(Config {
            path: Some(path.to_path_buf()),
            rules: file.rules.iter().map(|p| base.join(&p.value)).collect(),
            default_rules: file.default_rules,
            rounding: file.rounding.map(|r| match r {
                RoundingSpec::Nearest => Rounding::Nearest,
                RoundingSpec::Truncate => Rounding::Truncate,
            }),
            about_widening,
            year,
            date_from_front_matter: file.date_from_front_matter,
            include: file.include,
            exclude: file.exclude,
            fail_on: file.fail_on,
            selection: Selection {
                enable: file.enable,
                disable: file.disable,
                severity: file.severity.into_iter().collect(),
            },
            text: source,
        })
    }

    /// Applies `enable`, `disable` and `severity` to a loaded rule set. A name that matches no
    /// rule id or family is an error: a typo must not silently switch a check off.
    pub fn select(&self, rules: &mut RuleSet) -> Result<(), ConfigError> {
        let shown = self
            .path
            .as_deref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let ctx = crate::rules::Ctx {
            path: &shown,
            text: &self.text,
            source: &self.text,
        };
        let matches = |rule: &crate::rules::Rule, name: &str| {
            rule.id == name || rule.family.as_deref() == Some(name)
        };
        // The built-in relations that run, named by id or family like rules.
        let relations: Vec<&crate::relations::Relation> = crate::relations::RELATIONS
            .iter()
            .filter(|r| rules.relations.runs(r.id))
            .collect();
        let identity_matches =
            |i: &crate::rules::concepts::Identity, name: &str| i.id == name || i.family == name;
        let identities = &rules.knowledge.identities;
        let names_relation = |name: &str| {
            relations.iter().any(|r| r.id == name || r.family == name)
                || identities.iter().any(|i| identity_matches(i, name))
        };
        let relation_matches =
            |r: &crate::relations::Relation, name: &str| r.id == name || r.family == name;
        let unknown = |name: &Spanned<String>| {
            config_error(ctx.located(
                ctx.whole(name),
                format!("no rule or family named `{}`", name.value),
                "unknown name",
                Some("`factlint rules list` shows the rule ids and families".into()),
            ))
        };
        for name in self.selection.enable.iter().chain(&self.selection.disable) {
            if !rules.rules.iter().any(|r| matches(r, &name.value)) && !names_relation(&name.value)
            {
                return Err(unknown(name));
            }
        }
        for (name, level) in &self.selection.severity {
            if !rules.rules.iter().any(|r| matches(r, name)) && !names_relation(name) {
                let spanned = Spanned {
                    value: name.clone(),
                    referenced: level.referenced,
                    defined: level.defined,
                };
                return Err(unknown(&spanned));
            }
        }
        let enable = &self.selection.enable;
        let disable = &self.selection.disable;
        rules.rules.retain(|r| {
            (enable.is_empty() || enable.iter().any(|n| matches(r, &n.value)))
                && !disable.iter().any(|n| matches(r, &n.value))
        });
        // An id is more specific than a family: families first, then ids override.
        let mut levels: Vec<&(String, Spanned<Level>)> = self.selection.severity.iter().collect();
        levels.sort_by_key(|(name, _)| rules.get(name).is_some());
        let mut off = Vec::new();
        for (name, level) in levels {
            for rule in rules.rules.iter_mut().filter(|r| matches(r, name)) {
                match level.value {
                    Level::Error => rule.severity = Severity::Error,
                    Level::Warning => rule.severity = Severity::Warning,
                    Level::Off => off.push(rule.id.clone()),
                }
            }
        }
        rules.rules.retain(|r| !off.contains(&r.id));
        // Concept identities are selected as rules are, by id or family; naming one runs the
        // relation that checks it.
        let enables_identity = enable.iter().any(|n| {
            rules
                .knowledge
                .identities
                .iter()
                .any(|i| identity_matches(i, &n.value))
        });
        rules.knowledge.identities.retain(|i| {
            (enable.is_empty() || enable.iter().any(|n| identity_matches(i, &n.value)))
                && !disable.iter().any(|n| identity_matches(i, &n.value))
        });
        let mut levels: Vec<&(String, Spanned<Level>)> = self.selection.severity.iter().collect();
        levels.sort_by_key(|(name, _)| rules.knowledge.identity(name).is_some());
        let mut off = Vec::new();
        for (name, level) in levels {
            for i in rules
                .knowledge
                .identities
                .iter_mut()
                .filter(|i| identity_matches(i, name))
            {
                match level.value {
                    Level::Error => i.severity = Severity::Error,
                    Level::Warning => i.severity = Severity::Warning,
                    Level::Off => off.push(i.id.clone()),
                }
            }
        }
        rules.knowledge.identities.retain(|i| !off.contains(&i.id));
        for r in &relations {
            let enabled = enable.is_empty()
                || enable.iter().any(|n| relation_matches(r, &n.value))
                || (r.id == "concept-identity" && enables_identity);
            if !enabled || disable.iter().any(|n| relation_matches(r, &n.value)) {
                rules.relations.off.insert(r.id.to_string());
            }
        }
        // Families first, then ids override.
        let mut levels: Vec<&(String, Spanned<Level>)> = self.selection.severity.iter().collect();
        levels.sort_by_key(|(name, _)| relations.iter().any(|r| r.id == name.as_str()));
        for (name, level) in levels {
            for r in relations.iter().filter(|r| relation_matches(r, name)) {
                match level.value {
                    Level::Error => {
                        rules
                            .relations
                            .severity
                            .insert(r.id.into(), Severity::Error);
                    }
                    Level::Warning => {
                        rules
                            .relations
                            .severity
                            .insert(r.id.into(), Severity::Warning);
                    }
                    Level::Off => {
                        rules.relations.off.insert(r.id.into());
                    }
                }
            }
        }
        Ok(())
    }
}

/// The year of `YYYY`, `YYYY-MM-DD` (also with `/` or `.`), or `None`.
pub fn parse_year(s: &str) -> Option<i32> {
    let parts: Vec<&str> = s.trim().split(['-', '/', '.']).collect();
    let valid = match parts.as_slice() {
        [y] => y.len() == 4,
        [y, m, d] => {
            y.len() == 4
                && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
                && d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        }
        _ => false,
    };
    if !valid {
        return None;
    }
    parts[0].parse().ok()
}

/// The publication year a Markdown front matter gives under `key`.
pub fn front_matter_year(front_matter: &str, key: &str) -> Option<i32> {
    let map: BTreeMap<String, serde_json::Value> = serde_saphyr::from_str(front_matter).ok()?;
    match map.get(key)? {
        serde_json::Value::String(s) => parse_year(s.get(..10).unwrap_or(s)),
        serde_json::Value::Number(n) => parse_year(&n.to_string()),
        _ => None,
    }
}

fn config_error(e: RuleError) -> ConfigError {
    ConfigError::Mistake(Box::new(ConfigMistake(e)))
}

/// Why a configuration cannot be used: its file cannot be read, or it has a mistake.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum ConfigError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Read(#[from] ReadError),

    #[error(transparent)]
    #[diagnostic(transparent)]
    Mistake(Box<ConfigMistake>),
}

/// A mistake in a configuration file, labelled at its bytes.
#[derive(Debug, thiserror::Error)]
#[error("{}", .0.message)]
pub struct ConfigMistake(pub RuleError);

impl Diagnostic for ConfigMistake {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new("factlint::config"))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.0.help()
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.0.source_code()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        self.0.labels()
    }
}

/// The starter configuration `factlint init` writes.
pub const STARTER: &str = r#"# factlint configuration: https://github.com/factlint/factlint/blob/main/docs/config.md
# factlint finds this file by walking up from the path it checks. Every key is optional.

# Rule files or folders to load besides the shipped pack (relative to this file).
rules: []
# Set to false to use only the rules above.
default_rules: true

# Run only these rules or families (empty: all), and never these.
enable: []
disable: []

# Change a rule's or family's severity: error, warning or off.
severity: {}
#   headline-repeat: warning

# How the copy rounds its figures: nearest (四舍五入) or truncate.
rounding: nearest
# How far 约 (about) widens a figure, in units of its last digit.
about_widening: 1

# The publication date (YYYY-MM-DD), or a front-matter key to read it from in Markdown.
# date: 2025-07-15
date_from_front_matter: date

# Which files a directory walk checks (globs; .gitignore and .factlintignore also apply).
include: []
exclude: []

# The lowest severity that fails the run: error, or warning (like --deny warnings).
fail_on: error
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_config_parses() {
        let c = Config::parse(Path::new("/x/.factlint.yaml"), STARTER).unwrap();
        assert_eq!(c.default_rules, Some(true));
        assert_eq!(c.date_from_front_matter.as_deref(), Some("date"));
        let mut rules = RuleSet::shipped().unwrap();
        let n = rules.rules.len();
        c.select(&mut rules).unwrap();
        assert_eq!(rules.rules.len(), n);
    }

    #[test]
    fn unknown_keys_and_names_are_located() {
        let e = Config::parse(Path::new("c.yaml"), "rounding: nearest\nseverty: {}\n").unwrap_err();
        assert!(format!("{e}").contains("severty"), "{e}");
        let c = Config::parse(Path::new("c.yaml"), "disable: [trade-balanse]\n").unwrap();
        let mut rules = RuleSet::shipped().unwrap();
        let e = c.select(&mut rules).unwrap_err();
        assert!(format!("{e}").contains("trade-balanse"));
    }

    #[test]
    fn selection_by_id_and_family() {
        let c = Config::parse(
            Path::new("c.yaml"),
            "disable: [exports-plus-imports]\nseverity:\n  share: warning\n  nev-share-of-cars: error\n",
        )
        .unwrap();
        let mut rules = RuleSet::shipped().unwrap();
        c.select(&mut rules).unwrap();
        assert!(rules.get("exports-plus-imports").is_none());
        assert_eq!(
            rules.get("nev-share-of-cars").unwrap().severity,
            Severity::Error
        );
        let other_share = rules
            .rules
            .iter()
            .find(|r| r.family.as_deref() == Some("share") && r.id != "nev-share-of-cars")
            .unwrap();
        assert_eq!(other_share.severity, Severity::Warning);
    }

    #[test]
    fn front_matter_dates() {
        assert_eq!(front_matter_year("date: 2025-07-15\n", "date"), Some(2025));
        assert_eq!(
            front_matter_year("published: 2024\n", "published"),
            Some(2024)
        );
        assert_eq!(front_matter_year("date: soon\n", "date"), None);
    }
}
