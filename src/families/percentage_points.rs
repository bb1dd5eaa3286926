//! # percentage-points
//!
//! ## What it checks
//! A difference stated in percentage points (高出/低于/加快/放缓/提升/回落 …个百分点) equals the
//! difference of the two rates: `q2 - q1 == delta`. A rate minus a rate is in percentage points,
//! a rate plus percentage points is a rate, and a percent never equals percentage points, so a
//! derived rate can feed further checks: 二季度4.5% "比一季度加快3.2个百分点" gives 一季度
//! `q2 - delta` = 1.3%.
//!
//! ## Why an error matters
//! Percentage points are the figure most often confused with percent, and a point difference
//! against the wrong base rate (last quarter's instead of last year's) reads perfectly well. The
//! two rates are rarely printed side by side, so only arithmetic catches it.
//!
//! ## Example
//! 一季度异地快递业务量……同比增长23.5%，高出行业增速1.9个百分点 (industry 21.6%).
//! `regional - delta == industry`. And 二季度进出口同比增长4.5%，比一季度加快3.2个百分点 with
//! 上半年增长2.9%: `between(h1, q2 - delta, q2)`.

use super::Function;
use crate::value::{Arg, Ty, Type, Value};

pub const FUNCTIONS: &[Function] = &[Function {
    name: "rate",
    family: "percentage-points",
    usage: "rate(points)",
    summary: "percentage points read as a rate: 出生率 − 死亡率 is the natural growth rate; contributions in 个百分点 add up to a growth rate",
    type_of: |args| match args {
        [t] if !t.list && matches!(t.ty, Ty::Pp | Ty::Ratio | Ty::Any) => Ok(Type::scalar(Ty::Ratio)),
        _ => Err("rate takes percentage points".into()),
    },
    eval: |args, _| match args {
        [Arg::Scalar(v)] => Ok(Arg::Scalar(Value { ty: Ty::Ratio, ..v.clone() })),
        _ => Err("rate takes percentage points".into()),
    },
}];
