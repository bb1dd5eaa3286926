//! # milestone-passed
//!
//! ## What it checks
//! A level said to pass a milestone for the first time (`首次突破10亿户`, `迈上1.4万亿斤台阶`) is at
//! least the milestone. The level is the one the milestone's subject names — carried from the
//! clause before, or the same concept stated in the same unit. A ceiling works the other way: a
//! level said to stay within one (`用水总量…控制在国家确定的6400亿立方米用水总量控制目标以内`) is at
//! most the ceiling. A level or rate held beyond a bound (`拨备覆盖率保持在210%以上`, `继续保持在
//! 80%以上`) passes it; a headline's milestone names the body's level it shortens or qualifies
//! (`实名登记无人机` for `全国实名登记的民用无人机`, `博物馆年接待观众` for `博物馆接待观众`).
//!
//! ## Why an error matters
//! Milestones make headlines; a level below the milestone it is said to pass is a contradiction
//! any reader can see.
//!
//! ## Example
//! 5G移动电话用户达10.14亿户，首次突破10亿户。 `9.14亿户` fails.

use super::{severity, Context, Found};
use crate::figure::{Interval, Qualifier};
use crate::statement::subject::{refers_by_key, Reference};
use crate::statement::Kind;

pub fn run(ctx: &Context, out: &mut Vec<Found>) {
    for (t, s) in ctx.statements.statements.iter().enumerate() {
        if s.kind != Kind::Threshold {
            continue;
        }
        let key = s.key.clone();
        let level = s
            .antecedent
            .filter(|&a| {
                matches!(ctx.st(a).kind, Kind::Level | Kind::Rate) && ctx.st(a).unit == s.unit
            })
            .or_else(|| {
                ctx.near(t).find_map(|(k, l)| {
                    (matches!(l.kind, Kind::Level | Kind::Rate)
                        && l.unit == s.unit
                        && l.story == s.story
                        && !l.headline
                        && !key.is_empty()
                        && l.key == key
                        && ctx.same_period(k, t))
                    .then_some(k)
                })
            })
            .or_else(|| {
                // A headline's milestone names its concept with the season or a modifier before
                // it (`2024—2025冰雪季冰雪休闲旅游人数突破5亿人次`), or shortens the body's
                // (`充电基础设施总数` for `充电基础设施枪总数`): the body's level it names, when one
                // value is stated.
                if !s.headline || key.chars().count() < 4 {
                    return None;
                }
                let found: Vec<usize> = ctx
                    .near(t)
                    .filter(|&(k, l)| {
                        matches!(l.kind, Kind::Level | Kind::Rate)
                            && l.unit == s.unit
                            && l.story == s.story
                            && !l.headline
                            && l.basis.is_none()
                            && l.group.is_none()
                            && headline_names(&key, &l.key)
                            && ctx.same_period(k, t)
                    })
                    .map(|(k, _)| k)
                    .collect();
                super::one_value(ctx, &found)
            });
        let Some(level) = level else { continue };
        let mark = Interval::exact(ctx.figure(t).value);
        let l = ctx.st(level);
        // A ceiling (`控制在…以内`) the level stays under; a milestone it passes.
        if s.qualifier == Some(Qualifier::AtMost) {
            let sev = severity(l.strict.can_be_le(&mark), l.natural.can_be_le(&mark));
            out.push(Found {
                relation: "milestone-passed".into(),
                severity: sev,
                message: "数字超出其所称控制的上限".into(),
                help: format!("{} {} > {}", l.subject, ctx.written(level), ctx.written(t)),
                labels: vec![(level, "实际数字".into()), (t, "上限".into())],
            });
            continue;
        }
        let sev = severity(mark.can_be_le(&l.strict), mark.can_be_le(&l.natural));
        out.push(Found {
            relation: "milestone-passed".into(),
            severity: sev,
            message: "数字低于其所称突破的关口".into(),
            help: format!("{} {} < {}", l.subject, ctx.written(level), ctx.written(t)),
            labels: vec![(level, "实际数字".into()), (t, "关口".into())],
        });
    }
}

/// Whether a headline milestone's concept key names a body level's: the headline's ends with
/// the body's (it adds a season or a modifier, `技术合同成交额` for the body's `成交额` after
/// `登记技术合同`), or the headline abbreviates the body's name (`实名登记无人机` for
/// `实名登记的民用无人机`). Names of fewer than three characters name nothing by themselves.
fn headline_names(headline: &str, body: &str) -> bool {
    if body.chars().count() < 3 || headline.chars().count() < 3 {
        return false;
    }
    // A body name the headline's ends is a narrower concept (`新增充电基础设施` is not
    // `充电基础设施`), as `汽车驾驶人` is not `驾驶人`.
    headline.ends_with(body)
        || refers_by_key(headline, body) == Reference::Abbreviation
        // `博物馆年接待观众` for the body's `博物馆接待观众`: the headline inserts a word.
        || refers_by_key(body, headline) == Reference::Abbreviation
}

#[cfg(test)]
mod tests {
    use super::headline_names;

    #[test]
    fn a_headline_names_the_body_level_it_shortens_or_qualifies() {
        assert!(headline_names("技术合同成交额", "成交额"));
        assert!(headline_names("实名登记无人机", "实名登记的民用无人机"));
        assert!(headline_names("充电基础设施总数", "充电基础设施枪总数"));
        assert!(!headline_names("出口", "进出口"));
        assert!(!headline_names("技术合同成交额", "额"));
        assert!(!headline_names("公共充电设施", "私人充电设施"));
        assert!(!headline_names("充电基础设施", "新增充电基础设施"));
        assert!(headline_names("博物馆年接待观众", "博物馆接待观众"));
    }
}
