//! Relations by meaning: the arithmetic an editor checks, run on [statements](crate::statement),
//! needing no rule per topic. Each relation family is one file whose opening doc comment — what
//! it checks, why an error matters, an example — is what `factlint rules explain` prints; every
//! family is registered once, in [`RELATIONS`].
//!
//! A relation binds figures by what they state: the same subject (or the whole a share names),
//! the same period, the same basis. Nearness only breaks ties. Where a binding is inferred rather
//! than stated — a breakdown whose completeness the copy does not promise — the relation reports
//! only when one figure is the odd one out: a single edit of it (one digit, 万 for 亿, 增长 for
//! 下降) would make the relation hold.

mod average;
mod balance;
mod breakdown;
mod compound;
mod count;
mod growth_base;
mod growth_between;
mod growth_levels;
mod identity;
mod listed_total;
mod multiple;
mod of_which;
mod ordering;
mod per_unit;
mod period_sum;
mod points;
mod repeat;
mod share;
mod target;
mod threshold;

use crate::figure::{Figure, FigureSet, Interval};
use crate::rules::concepts::Knowledge;
use crate::rules::{RelationChoice, Severity};
use crate::statement::subject::Reference;
use crate::statement::{Against, Kind, Statement, Statements};
use rust_decimal::Decimal;

/// What a relation family needs of an article.
pub struct Context<'a> {
    pub text: &'a str,
    pub figures: &'a FigureSet,
    pub statements: &'a Statements,
    /// The year of publication, and whether it was guessed from the copy.
    pub year: Option<i32>,
    pub year_guessed: bool,
    /// The concepts and identities of the rule set.
    pub knowledge: &'a Knowledge,
}

/// A relation evaluated on an article's statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The relation's id (`breakdown-sum`).
    pub relation: String,
    /// How it failed; `None` when it held.
    pub severity: Option<Severity>,
    pub message: String,
    pub help: String,
    /// (statement, label), in text order.
    pub labels: Vec<(usize, String)>,
}

/// A relation family: its id, the family of the coverage harness it belongs to, and its check.
pub struct Relation {
    pub id: &'static str,
    pub family: &'static str,
    pub summary: &'static str,
    source: &'static str,
    run: fn(&Context, &mut Vec<Found>),
}

impl Relation {
    /// The family's doc comment: the `//!` lines at the top of its file.
    pub fn doc(&self) -> String {
        self.source
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| {
                let l = l.trim_start_matches("//!");
                l.strip_prefix(' ').unwrap_or(l)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Every relation family, in the order they run.
pub static RELATIONS: &[Relation] = &[
    Relation {
        id: "concept-identity",
        family: "sum",
        summary: "the identities of the rule set's concepts hold (进出口总值 = 出口 + 进口)",
        source: include_str!("identity.rs"),
        run: identity::run,
    },
    Relation {
        id: "breakdown-sum",
        family: "sum",
        summary: "the parts of a complete breakdown add up to its whole",
        source: include_str!("breakdown.rs"),
        run: breakdown::run,
    },
    Relation {
        id: "period-sum",
        family: "sum",
        summary: "a flow's runs of months add up to the run they tile (1—10月 + 11月 = 1—11月)",
        source: include_str!("period_sum.rs"),
        run: period_sum::run,
    },
    Relation {
        id: "balance-of-flows",
        family: "sum",
        summary: "a balance (顺差, 结余, 净增) stated after two opposite flows is their difference",
        source: include_str!("balance.rs"),
        run: balance::run,
    },
    Relation {
        id: "listed-total",
        family: "sum",
        summary: "a total stated right after the figures it totals (合计, 共计) is their sum",
        source: include_str!("listed_total.rs"),
        run: listed_total::run,
    },
    Relation {
        id: "compound-name-sum",
        family: "sum",
        summary: "a figure whose name joins others' (牛羊肉, 中西部) is their sum",
        source: include_str!("compound.rs"),
        run: compound::run,
    },
    Relation {
        id: "part-within-whole",
        family: "subset",
        summary: "a part (其中, a breakdown's member) never exceeds its whole",
        source: include_str!("of_which.rs"),
        run: of_which::run,
    },
    Relation {
        id: "share-of-whole",
        family: "share",
        summary: "a stated share equals its part divided by the whole it names",
        source: include_str!("share.rs"),
        run: share::run,
    },
    Relation {
        id: "target-completion",
        family: "share",
        summary: "a plan's completion rate is what was done divided by the target",
        source: include_str!("target.rs"),
        run: target::run,
    },
    Relation {
        id: "growth-between-parts",
        family: "growth-between",
        summary: "a total's growth lies between its complete parts' growths",
        source: include_str!("growth_between.rs"),
        run: growth_between::run,
    },
    Relation {
        id: "level-change-rate",
        family: "growth-base",
        summary: "a level, its change and its growth rate agree",
        source: include_str!("growth_base.rs"),
        run: growth_base::run,
    },
    Relation {
        id: "growth-between-levels",
        family: "growth-base",
        summary: "a growth rate stated beside both levels it compares is their ratio less one",
        source: include_str!("growth_levels.rs"),
        run: growth_levels::run,
    },
    Relation {
        id: "same-figure-twice",
        family: "repeat",
        summary: "the same subject, kind and period stated twice has one value",
        source: include_str!("repeat.rs"),
        run: repeat::run,
    },
    Relation {
        id: "points-between-rates",
        family: "percentage-points",
        summary: "a percentage-point gap equals the difference of the two rates stated",
        source: include_str!("points.rs"),
        run: points::run,
    },
    Relation {
        id: "milestone-passed",
        family: "threshold",
        summary: "a level said to pass a milestone is at least the milestone",
        source: include_str!("threshold.rs"),
        run: threshold::run,
    },
    Relation {
        id: "multiple-of-level",
        family: "multiple",
        summary: "a stated multiple (是…的N倍) equals the ratio of the two levels it compares",
        source: include_str!("multiple.rs"),
        run: multiple::run,
    },
    Relation {
        id: "average-per-unit",
        family: "average",
        summary: "a per-head or per-item average times its count is its total",
        source: include_str!("per_unit.rs"),
        run: per_unit::run,
    },
    Relation {
        id: "ranking-order",
        family: "ordering",
        summary: "figures listed for a ranking from the top (依次为, 前三) fall in order",
        source: include_str!("ordering.rs"),
        run: ordering::run,
    },
    Relation {
        id: "count-of-items",
        family: "count",
        summary: "a count stated right after a list of names matches the names listed",
        source: include_str!("count.rs"),
        run: count::run,
    },
    Relation {
        id: "average-over-period",
        family: "average",
        summary: "a daily average times the period's days is its total",
        source: include_str!("average.rs"),
        run: average::run,
    },
];

/// The relation with this id.
pub fn get(id: &str) -> Option<&'static Relation> {
    RELATIONS.iter().find(|r| r.id == id)
}

/// Runs the chosen relation families on an article's statements, at their chosen severity.
pub fn check(ctx: &Context, choice: &RelationChoice) -> Vec<Found> {
    let mut out = Vec::new();
    for relation in RELATIONS.iter().filter(|r| choice.runs(r.id)) {
        let from = out.len();
        (relation.run)(ctx, &mut out);
        if let Some(&severity) = choice.severity.get(relation.id) {
            // The configured severity is a strict failure's; a failure of the natural reading
            // alone stays a warning.
            for f in &mut out[from..] {
                if f.severity == Some(Severity::Error) {
                    f.severity = Some(severity);
                }
            }
        }
    }
    // A figure bounded on one side (超, 近) has no "as precise as its neighbours" reading to
    // fall short of: a relation involving one warns of nothing.
    for f in &mut out {
        if f.severity == Some(Severity::Warning)
            && f.labels.iter().any(|(s, _)| ctx.st(*s).qualifier.is_some())
        {
            f.severity = None;
        }
        if f.severity.is_none() {
            // A relation that held is written as the equality it is.
            f.help = f
                .help
                .replace('≠', "=")
                .replace(" > ", " ≤ ")
                .replace(" < ", " ≥ ");
        }
    }
    for f in &mut out {
        f.labels
            .sort_by_key(|(s, _)| ctx.statements.statements[*s].span.start);
        f.labels.dedup_by_key(|(s, _)| *s);
    }
    out.dedup();
    // Two relations failing on exactly the same figures (a concept identity and the breakdown
    // the copy marks with 其中) report one finding: the first registered, the more specific.
    let mut seen: Vec<Vec<usize>> = Vec::new();
    out.retain(|f| {
        if f.severity.is_none() {
            return true;
        }
        let mut figures: Vec<usize> = f.labels.iter().map(|(s, _)| *s).collect();
        figures.sort_unstable();
        if seen.contains(&figures) {
            return false;
        }
        seen.push(figures);
        true
    });
    out
}

/// How many statements either side of one a relation looks at for its partners: far more than
/// an article states (a long wire story has about a hundred figures), and a bound that keeps the
/// work linear on a dump of one endless paragraph.
pub const REACH: usize = 400;

impl<'a> Context<'a> {
    pub fn st(&self, i: usize) -> &'a Statement {
        &self.statements.statements[i]
    }

    /// The statements within [`REACH`] of statement `i`, with their indexes, in text order.
    pub fn near(&self, i: usize) -> impl DoubleEndedIterator<Item = (usize, &'a Statement)> {
        let all = &self.statements.statements;
        let start = i.saturating_sub(REACH);
        let end = (i + REACH + 1).min(all.len());
        all[start..end]
            .iter()
            .enumerate()
            .map(move |(k, t)| (k + start, t))
    }

    /// The indexes within [`REACH`] before statement `i`, nearest first.
    pub fn before(&self, i: usize) -> impl Iterator<Item = usize> {
        (i.saturating_sub(REACH)..i).rev()
    }

    /// The words of statement `i`'s clause before its figure (`三省合计`, `完成全年计划的`).
    pub fn clause_before(&self, i: usize) -> &'a str {
        let s = self.st(i);
        &self.text[s.clause_start.min(s.span.start)..s.span.start]
    }

    pub fn figure(&self, i: usize) -> &'a Figure {
        &self.figures.figures[self.st(i).figure]
    }

    /// The figure as written, spaces and line breaks dropped.
    pub fn written(&self, i: usize) -> String {
        self.text[self.st(i).span.clone()]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    }

    /// A value in statement `i`'s units: 22790000000000 元 as `22.79万亿元`.
    pub fn in_units(&self, i: usize, v: Decimal) -> String {
        // Rounded two places past the figure's own, in its units (50.168万元, not 50.1682091万元).
        let f = self.figure(i);
        let rounded = v
            .checked_div(f.multiplier)
            .map(|scaled| round_for_display(scaled, f.decimals + 2))
            .and_then(|r| r.checked_mul(f.multiplier))
            .unwrap_or(v);
        f.in_units(rounded)
    }

    /// An interval in statement `i`'s units, its ends rounded two places past the figure's:
    /// `487894–487896`, without the unit.
    pub fn range(&self, i: usize, iv: &Interval) -> String {
        let f = self.figure(i);
        let places = f.decimals + 2;
        let side = |b: crate::figure::Bound| match b {
            crate::figure::Bound::Finite(d) => {
                let scaled = d.checked_div(f.multiplier).unwrap_or(d);
                round_for_display(scaled, places).to_string()
            }
            crate::figure::Bound::NegInf => "-∞".into(),
            crate::figure::Bound::PosInf => "+∞".into(),
        };
        format!("{}–{}", side(iv.low), side(iv.high))
    }

    /// A percentage interval rounded to two places: `26.81–26.82`.
    pub fn percent_range(iv: &Interval) -> String {
        let side = |b: crate::figure::Bound| match b {
            crate::figure::Bound::Finite(d) => round_for_display(d, 2).to_string(),
            crate::figure::Bound::NegInf => "-∞".into(),
            crate::figure::Bound::PosInf => "+∞".into(),
        };
        format!("{}–{}", side(iv.low), side(iv.high))
    }

    /// Whether two statements can be about the same period: both periods agree, or one is
    /// unknown and both stand in one story.
    /// Whether statement `i` is what its period added (`前三季度已新增1.28万个`): a flow over the
    /// period, unlike an increase on an earlier level (`比上年增加`, `与去年相比…增加`).
    pub fn adds(&self, i: usize) -> bool {
        let s = self.st(i);
        s.kind == Kind::Change
            && s.sign > 0
            && s.basis.is_none()
            && s.verb
                .as_ref()
                .and_then(|v| self.text.get(v.clone()))
                .is_some_and(|v| v.contains("新增"))
    }

    pub fn same_period(&self, a: usize, b: usize) -> bool {
        let (sa, sb) = (self.st(a), self.st(b));
        match (&sa.period, &sb.period) {
            (Some(p), Some(q)) => {
                p.agrees(q, self.year)
                    || (!sa.period_named || !sb.period_named) && p.dates_run(q, self.year)
            }
            _ => sa.story == sb.story,
        }
    }

    /// The level a statement is about: itself when it is one, else the level its subject was
    /// carried from, else the latest level of the same concept before it in its paragraph.
    ///
    /// A change's level is in its unit; a level restated in another unit (`70650万吨（14130亿斤）`)
    /// stands for the statement it restates; a level compared with (`较11月末的32659亿美元`) is
    /// no subject's level now.
    pub fn level_of(&self, i: usize) -> Option<usize> {
        let s = self.st(i);
        if matches!(s.kind, Kind::Level) {
            return Some(i);
        }
        let fits = |t: &Statement| {
            matches!(t.kind, Kind::Level)
                && t.basis.is_none()
                && (s.kind != Kind::Change || t.unit == s.unit)
        };
        let mut at = s.antecedent;
        let mut hops = 0;
        while let Some(a) = at {
            let t = self.st(a);
            let restated = t.inherited
                && t.antecedent.is_some_and(|o| {
                    let u = self.st(o);
                    u.kind == Kind::Level && u.key == t.key
                });
            if fits(t) && !restated {
                return (t.key == s.key).then_some(a);
            }
            at = t.antecedent;
            hops += 1;
            if hops > 8 {
                break;
            }
        }
        let key = s.key.clone();
        if key.is_empty() {
            return None;
        }
        let before = |k: &usize| {
            let t = self.st(*k);
            t.paragraph == s.paragraph && fits(t) && self.same_period(*k, i)
        };
        self.before(i)
            .filter(before)
            .find(|&k| self.st(k).key == key)
            .or_else(|| {
                // `中位数是平均数的84.0%` after `…可支配收入中位数34707元`: a short subject names
                // the level of its sentence it ends.
                self.before(i).filter(before).find(|&k| {
                    let t = self.st(k);
                    t.sentence == s.sentence
                        && key.chars().count() >= 2
                        && t.key.clone().ends_with(&key)
                })
            })
            .or_else(|| {
                // `从结构看，猪肉产量占…的比重为59.3%` a paragraph after `猪肉产量4268万吨`: a
                // subject the statement names itself is the level the story stated of it, when
                // it stated one value.
                // A part under a `其中` (`新增企业326家，其中民营企业占比近七成`) is a part of that
                // whole, not the concept the story stated before.
                let of_which = s.group.is_some_and(|g| {
                    self.statements.groups[g].kind == crate::statement::GroupKind::OfWhich
                }) || ["其中", "包括"]
                    .iter()
                    .any(|w| self.clause_before(i).contains(w));
                if s.inherited || key.chars().count() < 2 || of_which {
                    return None;
                }
                let found: Vec<usize> = self
                    .before(i)
                    .filter(|&k| {
                        let t = self.st(k);
                        t.story == s.story
                            && !t.headline
                            && fits(t)
                            && t.key == key
                            && self.same_period(k, i)
                    })
                    .collect();
                one_value(self, &found)
            })
    }

    /// The statements of a kind about a level: its growth rate, its change, its share.
    pub fn about(&self, level: usize, kind: Kind) -> Vec<usize> {
        let l = self.st(level);
        let key = l.key.clone();
        (level + 1..self.statements.statements.len())
            .take(REACH)
            .take_while(|&k| self.st(k).paragraph == l.paragraph)
            .filter(|&k| {
                let t = self.st(k);
                t.kind == kind && self.same_period(k, level)
            })
            // Of the level's concept, or of a short name of it that [`Self::level_of`] reads
            // as this level (`多发送旅客` after `全国铁路累计发送旅客`).
            .filter(|&k| {
                self.st(k).key == key || self.st(k).inherited || self.st(k).sentence == l.sentence
            })
            .filter(|&k| self.level_of(k) == Some(level))
            .collect()
    }

    /// The growth rate stated for a level (year on year, in `measure` when given).
    pub fn growth_of(
        &self,
        level: usize,
        measure: Option<crate::statement::Measure>,
    ) -> Option<usize> {
        let rates = self.about(level, Kind::Growth);
        rates
            .iter()
            .copied()
            .filter(|&k| {
                let t = self.st(k);
                matches!(t.basis, None | Some(Against::YearEarlier))
            })
            .find(|&k| {
                measure.is_none() || self.st(k).measure == measure || self.st(k).measure.is_none()
            })
    }
}

/// The candidates a name refers to best (same concept over abbreviation over tail), and how.
pub fn best_named(candidates: &[(usize, Reference)]) -> Option<(Reference, Vec<usize>)> {
    let best = candidates.iter().map(|(_, r)| *r).max()?;
    let top = candidates
        .iter()
        .filter(|(_, r)| *r == best)
        .map(|(k, _)| *k)
        .collect();
    Some((best, top))
}

/// The first of several statements when all state one value: a tie between different values
/// binds nothing.
pub fn one_value(ctx: &Context, statements: &[usize]) -> Option<usize> {
    let first = *statements.first()?;
    statements
        .iter()
        .all(|&k| ctx.st(k).strict.intersects(&ctx.st(first).strict))
        .then_some(first)
}

/// The one statement of a list, if it holds exactly one: a binding made only when unambiguous.
pub fn only(statements: &[usize]) -> Option<usize> {
    match statements {
        [k] => Some(*k),
        _ => None,
    }
}

/// A decimal with at most `places` decimals, without trailing zeros.
pub fn round_for_display(v: Decimal, places: u32) -> Decimal {
    v.round_dp(places.min(12)).normalize()
}

/// A percentage with two decimals, as a desk editor writes it.
pub fn percent(v: Decimal) -> String {
    format!("{}%", v.round_dp(2).normalize())
}

/// The severity of a relation: an error when it fails under the strict reading of every
/// figure, a warning when it fails only as precisely as the figures' neighbours are written.
pub fn severity(strict_holds: bool, natural_holds: bool) -> Option<Severity> {
    if !strict_holds {
        Some(Severity::Error)
    } else if !natural_holds {
        Some(Severity::Warning)
    } else {
        None
    }
}

/// The single edits of one figure a writer's slip could have made: each other digit in each
/// place, the neighbouring magnitude word (万 for 亿), two neighbouring digits swapped, and for a
/// signed figure the other direction (增长 for 下降). Each as the strict interval the figure would
/// then stand for.
///
/// `coarse` leaves out changes of the last digit of a figure of several digits: a list that
/// leaves out a small remainder (其他, 4 units of the last place) is as near its whole as a last
/// digit's slip, so an inferred relation cannot tell the two apart.
pub fn slips(ctx: &Context, i: usize, coarse: bool) -> Vec<Interval> {
    let s = ctx.st(i);
    let f = ctx.figure(i);
    let mut out = Vec::new();
    if matches!(s.kind, Kind::Growth | Kind::Change | Kind::Points) {
        out.push(s.strict.neg());
    }
    if f.multiplier.is_zero() {
        return out;
    }
    let Some(mantissa) = f.value.checked_div(f.multiplier) else {
        return out;
    };
    let written = format!("{:.*}", f.decimals as usize, mantissa.abs());
    let digits: Vec<char> = written.chars().collect();
    let shift = |alternative: &str| -> Option<Interval> {
        let m: Decimal = alternative.parse().ok()?;
        let value = m.checked_mul(f.multiplier)?;
        let delta = value.checked_sub(f.value.abs())?;
        let delta = if s.sign < 0 { -delta } else { delta };
        Some(s.strict.add(&Interval::exact(delta)))
    };
    let significant = digits.iter().filter(|c| c.is_ascii_digit()).count();
    let last_digit = digits.iter().rposition(char::is_ascii_digit);
    for (k, &c) in digits.iter().enumerate() {
        if !c.is_ascii_digit() || (coarse && significant > 1 && Some(k) == last_digit) {
            continue;
        }
        for d in '0'..='9' {
            if d == c || (k == 0 && d == '0' && digits.len() > 1 && digits.get(1) != Some(&'.')) {
                continue;
            }
            let mut alt = digits.clone();
            alt[k] = d;
            if let Some(iv) = shift(&alt.iter().collect::<String>()) {
                out.push(iv);
            }
        }
        if digits
            .get(k + 1)
            .is_some_and(|n| n.is_ascii_digit() && *n != c)
        {
            let mut alt = digits.clone();
            alt.swap(k, k + 1);
            if alt[0] != '0' {
                if let Some(iv) = shift(&alt.iter().collect::<String>()) {
                    out.push(iv);
                }
            }
        }
    }
    // 万 for 亿 and the like: the Chinese magnitudes are four places apart.
    let ten_thousand = Decimal::from(10_000);
    if matches!(f.magnitude.as_str(), "万" | "亿" | "万亿") {
        let scaled = [
            f.value.checked_mul(ten_thousand),
            f.value.checked_div(ten_thousand),
        ];
        for v in scaled.into_iter().flatten() {
            let delta = v - f.value;
            let delta = if s.sign < 0 { -delta } else { delta };
            out.push(s.strict.add(&Interval::exact(delta)));
        }
    }
    out
}

/// The figures among `members` one slip of which would make `holds` true, with the strict
/// intervals of the others: the odd ones out. `holds` takes every member's interval, in order.
pub fn odd_ones_out(
    ctx: &Context,
    members: &[usize],
    coarse: bool,
    holds: impl Fn(&[Interval]) -> bool,
) -> Vec<usize> {
    let base: Vec<Interval> = members.iter().map(|&m| ctx.st(m).strict).collect();
    // A slip that leaves a figure next to nothing (7.06万亿 read as 7.06亿 in a sum of 万亿)
    // is no slip but the figure's absence: it proves nothing about the relation.
    let largest = base
        .iter()
        .filter_map(|v| {
            v.high
                .finite()
                .map(|h| h.abs())
                .max(v.low.finite().map(|l| l.abs()))
        })
        .max()
        .unwrap_or_default();
    let negligible = |v: &Interval| {
        let size = v
            .high
            .finite()
            .map(|h| h.abs())
            .max(v.low.finite().map(|l| l.abs()));
        size.is_some_and(|s| s * Decimal::from(1000) < largest)
    };
    let mut out = Vec::new();
    for (k, &m) in members.iter().enumerate() {
        let mut trial = base.clone();
        if slips(ctx, m, coarse)
            .into_iter()
            .filter(|alt| !negligible(alt))
            .any(|alt| {
                trial[k] = alt;
                holds(&trial)
            })
        {
            out.push(m);
        }
    }
    out
}

/// The help line's last sentence when one figure is the odd one out.
pub fn suggestion(ctx: &Context, odd: usize, value: Decimal, what: &str) -> String {
    format!(
        "{} {} → {} would make {what}",
        ctx.st(odd).subject,
        ctx.written(odd),
        ctx.in_units(odd, value)
    )
}

/// Whether `name` (`城镇居民`, `全部规上工业企业`) names `candidate` as the peer of `own`: the
/// name completed with the tail the two subjects share.
pub fn names_peer(name: &str, own: &str, candidate: &str) -> bool {
    if crate::statement::subject::same(own, candidate) {
        return false;
    }
    // 全国平均水平, 总体: the whole own is a part of — its name less own's modifier.
    if crate::statement::lexicon::WHOLE_NAMES.contains(&name) {
        let (o, c) = (
            crate::statement::subject::key(own),
            crate::statement::subject::key(candidate),
        );
        return c.chars().count() >= 2 && o.len() > c.len() && o.ends_with(c.as_str());
    }
    if crate::statement::subject::refers(name, candidate)
        >= crate::statement::subject::Reference::Abbreviation
    {
        return true;
    }
    crate::statement::subject::refers(&completed(name, own, candidate), candidate)
        >= crate::statement::subject::Reference::Abbreviation
}

/// A compared name completed with the tail `candidate`'s subject shares with `own`
/// (`全部规上工业企业` + `利润总额`, `各项贷款` + `贷款余额` = `各项贷款余额`), joined where the
/// name's end overlaps the tail's start.
pub fn completed(name: &str, own: &str, candidate: &str) -> String {
    let tail = crate::statement::subject::common_tail(candidate, own);
    let overlap = (0..=name.len().min(tail.len()))
        .rev()
        .filter(|&n| name.is_char_boundary(name.len() - n) && tail.is_char_boundary(n))
        .find(|&n| name.ends_with(&tail[..n]))
        .unwrap_or(0);
    format!("{name}{}", &tail[overlap..])
}
