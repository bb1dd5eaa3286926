//! # threshold
//!
//! ## What it checks
//! A claim about a threshold agrees with the figure it is about: 首次突破60万家 beside 62.8万家,
//! 超过一半 beside a share, 居首 beside the figures compared. A qualified figure is one-sided
//! (`突破60万家` is at least 60万家), so the check is an ordinary comparison: `firms >= milestone`,
//! `share > 50%`, `leader == max(all)`.
//!
//! ## Why an error matters
//! Milestones make headlines ("first time above 600,000"); a milestone the stated figure does not
//! reach, often after the figure was corrected and the claim was not, is a false headline.
//!
//! ## Example
//! 上半年，我国有进出口实绩的外贸企业62.8万家，历史同期首次突破60万家。
//! `firms >= milestone`: 62.8万 ≥ 60万.

use super::Function;

pub const FUNCTIONS: &[Function] = &[];
