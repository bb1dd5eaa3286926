//! Figures: every number in the copy read as an interval with a unit, the way a careful desk
//! editor reads it.
//!
//! A figure is number + magnitude + unit (`21.79万亿元`), possibly qualified (`超6万家`,
//! `近六成`, `约9.9万家`). Its value is kept in base units (元, 辆, %), exact decimal, with two
//! readings of its precision: the strict one (half a unit of the last stated digit) and the
//! natural one (as precise as the figures beside it, for copy that drops trailing zeros:
//! `13万亿元` beside `8.79万亿元` is 13.00).

mod grammar;
pub mod interval;
pub mod numeral;
pub mod period;
pub mod unit;

pub use grammar::{prepare_dates, read_figures, FigureSet};
pub use interval::{Bound, Interval};
pub use unit::{Dimension, UnitEntry, UnitTable};

use rust_decimal::Decimal;
use serde::Serialize;
use std::ops::Range;

/// A word that bounds a figure on one side or widens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 超, 超过, 逾, 突破, 以上, 多, more than, over.
    AtLeast,
    /// 近, 将近, 接近, 不到, 不足, 以内, nearly, under.
    AtMost,
    /// 约, 大约, 左右, about, some.
    About,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::About => "about",
        }
    }
}

/// How the copy rounded its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Rounded to the nearest unit of the last digit (the default).
    #[default]
    Nearest,
    /// Truncated: the true value lies between the figure and one unit of the last digit above it.
    Truncate,
}

/// Options for reading figures.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    pub rounding: Rounding,
    /// How far 约 (about) widens a figure, in units of its last digit.
    pub about_widening: Decimal,
    pub units: UnitTable,
    /// The year of publication, when known (`--date`); otherwise inferred per article.
    pub publication_year: Option<i32>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            rounding: Rounding::Nearest,
            about_widening: Decimal::ONE,
            units: UnitTable::default(),
            publication_year: None,
        }
    }
}

/// One figure read from the normalized text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Normalized byte range, qualifier words included.
    pub span: Range<usize>,
    /// The value in base units: 21.79万亿元 is 21790000000000 元, 10.27% is 10.27 %.
    pub value: Decimal,
    /// Canonical unit: 元, 辆, %, pp, 倍, or empty for a bare number.
    pub unit: String,
    pub dimension: Dimension,
    pub qualifier: Option<Qualifier>,
    /// Every value the figure can stand for, however it was rounded.
    pub strict: Interval,
    /// The values it stands for when read as precisely as its neighbours.
    pub natural: Interval,
    /// One unit of the last stated digit, in base units.
    pub place: Decimal,
    /// The magnitude word as written (万亿, 亿, million) and its multiplier, to state results in
    /// the article's own units.
    pub magnitude: String,
    pub multiplier: Decimal,
    /// Digits after the decimal point, as stated.
    pub decimals: u32,
}

impl Figure {
    /// A value in this figure's own units: 22790000000000 元 is `22.79万亿元`.
    pub fn in_units(&self, v: Decimal) -> String {
        let scaled = v.checked_div(self.multiplier).unwrap_or(v);
        format!("{}{}{}", trim(scaled), self.magnitude, self.unit_suffix())
    }

    /// The unit as the article writes it after a number.
    pub fn unit_suffix(&self) -> &str {
        match self.unit.as_str() {
            "pp" => "个百分点",
            u => u,
        }
    }
}

/// A decimal without trailing zeros and without exponent notation.
pub fn trim(d: Decimal) -> String {
    d.normalize().to_string()
}

/// A date or period the copy mentions: not a figure, but later rules read periods from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// Normalized byte range.
    #[serde(skip)]
    pub span: Range<usize>,
    pub year: Option<u32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}
