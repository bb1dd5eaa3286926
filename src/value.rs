//! The values checks compute with: the type of a value in the check language ([`Ty`], [`Type`])
//! and the values themselves ([`Value`], [`Arg`]), below both the rules that type checks and the
//! relation families whose functions compute on them.

use crate::figure::{Dimension, Figure, Interval};
use rust_decimal::Decimal;

/// The dimension of a value in a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Money,
    Count,
    Physical,
    Duration,
    /// Dimensionless: percents, multiples, ratios of like quantities, literals.
    Ratio,
    /// Percentage points: differences of rates.
    Pp,
    /// A calendar year (`1984年`).
    Year,
    /// Text captured by a named group: `list.items`, `total.period`.
    Text,
    /// The result of a predicate: `between(…)`, `all_equal(…)`.
    Bool,
    /// `{figure}`: known only when bound.
    Any,
}

impl Ty {
    pub fn name(self) -> &'static str {
        match self {
            Ty::Money => "an amount of money",
            Ty::Count => "a count",
            Ty::Physical => "a physical quantity",
            Ty::Duration => "a duration",
            Ty::Ratio => "a ratio or percent",
            Ty::Pp => "percentage points",
            Ty::Year => "a year",
            Ty::Text => "captured text",
            Ty::Bool => "a predicate",
            Ty::Any => "any figure",
        }
    }

    /// Numbers that arithmetic applies to.
    pub fn is_numeric(self) -> bool {
        !matches!(self, Ty::Text | Ty::Bool)
    }
}

/// A type: a dimension, and whether it is one figure or the list a `many: true` fact binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Type {
    pub ty: Ty,
    pub list: bool,
}

impl Type {
    pub const fn scalar(ty: Ty) -> Self {
        Self { ty, list: false }
    }

    pub const fn list(ty: Ty) -> Self {
        Self { ty, list: true }
    }

    pub fn describe(self) -> String {
        if self.list {
            format!(
                "a list of {}",
                self.ty
                    .name()
                    .trim_start_matches("a ")
                    .trim_start_matches("an ")
            )
        } else {
            self.ty.name().to_string()
        }
    }
}

/// Whether two sides of a comparison may be compared.
pub fn comparable(a: Ty, b: Ty) -> bool {
    a.is_numeric() && b.is_numeric() && (a == b || a == Ty::Any || b == Ty::Any)
}

/// A value in a check: a figure or a result, under both readings, with its exact stated value.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub strict: Interval,
    pub natural: Interval,
    /// The arithmetic on the figures as stated, for showing the result.
    pub point: Interval,
    pub ty: Ty,
    /// The unit for quantities (元, 辆, or empty for a bare count); `None` for ratios.
    pub unit: Option<String>,
}

/// Whether a predicate holds under each reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Truth {
    pub strict: bool,
    pub natural: bool,
}

/// What an expression evaluates to.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Scalar(Value),
    /// The items a `many: true` fact bound, in text order.
    List(Vec<Value>),
    Text(String),
    /// The captures of a `many: true` fact, one per figure.
    Texts(Vec<String>),
    Bool(Truth),
}

/// What functions may know beyond their arguments.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The year of publication: `--date`, or the year the article mentions most.
    pub year: Option<i32>,
    /// The year was guessed from the copy: publication may be that year or the next (a
    /// full-year report appears in January).
    pub year_guessed: bool,
}

/// Which reading of the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Strict,
    Natural,
}

impl Value {
    pub fn reading(&self, r: Reading) -> &Interval {
        match r {
            Reading::Strict => &self.strict,
            Reading::Natural => &self.natural,
        }
    }

    pub fn of_figure(f: &Figure) -> Self {
        // Rates enter checks as fractions: 10.27% is 0.1027, 3.2个百分点 is 0.032.
        let scale = match (f.dimension, f.unit.as_str()) {
            (Dimension::Percent, "‰") => Decimal::new(1, 3),
            (Dimension::Percent | Dimension::PercentagePoint, _) => Decimal::new(1, 2),
            _ => Decimal::ONE,
        };
        let ty = ty_of(f);
        Self {
            strict: f.strict.scale(scale),
            natural: f.natural.scale(scale),
            point: Interval::exact(f.value).scale(scale),
            ty,
            unit: matches!(ty, Ty::Money | Ty::Count | Ty::Physical | Ty::Duration)
                .then(|| f.unit.clone()),
        }
    }

    pub fn of_year(year: u32) -> Self {
        let mut v = Self::constant(Decimal::from(year));
        v.ty = Ty::Year;
        v
    }

    pub fn constant(v: Decimal) -> Self {
        let i = Interval::exact(v);
        Self {
            strict: i,
            natural: i,
            point: i,
            ty: Ty::Ratio,
            unit: None,
        }
    }
}

/// Whether two units may meet in a sum or comparison: equal, or one a bare count.
pub fn units_meet(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y || x.is_empty() || y.is_empty(),
        _ => true,
    }
}

/// The type of a figure in a check.
pub fn ty_of(figure: &Figure) -> Ty {
    use Dimension::*;
    match figure.dimension {
        Currency => Ty::Money,
        Count => Ty::Count,
        Physical => Ty::Physical,
        Duration => Ty::Duration,
        Percent | Ratio => Ty::Ratio,
        PercentagePoint => Ty::Pp,
    }
}
