//! # share
//!
//! ## What it checks
//! A stated share equals the part divided by the whole: 占…的 P%, 占比, 比重, 所占份额, and the
//! rounder forms 近六成, 约四分之一, 超过一半. Percents enter checks as fractions, so the check is
//! simply `part / whole == share`; `近六成` reads as at most 60%, `约四分之一` as a quarter give or
//! take an eighth.
//!
//! ## Why an error matters
//! Shares are computed by hand from two other figures, often from different tables or releases,
//! so a share worked out from last month's base or the wrong whole slips through easily. Readers
//! quote shares more than any other figure.
//!
//! ## Example
//! 全国新能源汽车保有量达3689万辆，占汽车总量的10.27%（汽车3.59亿辆）。 `nev / cars == share`:
//! 3689万 / 3.59亿 = 10.276%, and with both counts rounded the ratio lies in 10.260–10.292%, which
//! contains 10.27%.

use super::Function;

pub const FUNCTIONS: &[Function] = &[];
