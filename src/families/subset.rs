//! # subset
//!
//! ## What it checks
//! A part, or the sum of several parts, does not exceed its whole: 其中 and 包括 introduce parts
//! of what was just stated, so `part <= whole` or `a + b <= whole`. It is deliberately not an
//! equality: the parts named rarely exhaust the whole (住户 and 企（事）业单位 loans leave out
//! government bodies and non-bank institutions).
//!
//! ## Why an error matters
//! A part larger than its whole is impossible, and it is what a slipped decimal point or a 万
//! written for 亿 produces. It is also the error a desk editor is least likely to see, because
//! the two figures usually stand sentences apart.
//!
//! ## Example
//! 上半年，我国住户贷款增加1.17万亿元；企（事）业单位贷款增加11.57万亿元，其中中长期贷款增加
//! 7.17万亿元。 `medium_long <= enterprise`: 7.17 ≤ 11.57. And with 人民币贷款增加12.92万亿元 stated
//! before: `household + enterprise <= loans`, 1.17 + 11.57 = 12.74 ≤ 12.92.

use super::Function;

pub const FUNCTIONS: &[Function] = &[];
