//! Closed intervals of exact decimals, possibly unbounded, with outward-rounded arithmetic.
//!
//! A published figure is an interval: `21.79` stands for any true value in [21.785, 21.795]
//! (XBRL Calculations 1.1). Relations are evaluated on intervals so that rounding in the copy
//! never raises an alarm: `a == b` holds when the intervals intersect. Arithmetic is exact where
//! `rust_decimal` is exact; where it rounds (division, very long products) the result is widened
//! by one unit in the last place, and where it would overflow the bound becomes unbounded, so an
//! interval only ever grows — never a false alarm from arithmetic.

use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::fmt;

/// One end of an interval: a finite decimal or an infinity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    NegInf,
    Finite(Decimal),
    PosInf,
}

impl Bound {
    pub fn finite(self) -> Option<Decimal> {
        match self {
            Bound::Finite(d) => Some(d),
            _ => None,
        }
    }

    fn rank(self) -> (i8, Decimal) {
        match self {
            Bound::NegInf => (-1, Decimal::ZERO),
            Bound::Finite(d) => (0, d),
            Bound::PosInf => (1, Decimal::ZERO),
        }
    }

    fn is_zero(self) -> bool {
        self == Bound::Finite(Decimal::ZERO)
    }

    fn sign(self) -> i8 {
        match self {
            Bound::NegInf => -1,
            Bound::PosInf => 1,
            Bound::Finite(d) if d.is_zero() => 0,
            Bound::Finite(d) if d.is_sign_negative() => -1,
            Bound::Finite(_) => 1,
        }
    }
}

impl PartialOrd for Bound {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Bound {
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank().cmp(&other.rank())
    }
}

/// A closed interval `[low, high]` with `low <= high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub low: Bound,
    pub high: Bound,
}

/// Which way a rounded bound may move without losing soundness.
#[derive(Clone, Copy)]
enum Side {
    Down,
    Up,
}

impl Interval {
    pub const ALL: Interval = Interval {
        low: Bound::NegInf,
        high: Bound::PosInf,
    };

    pub fn new(low: Bound, high: Bound) -> Self {
        if low <= high {
            Self { low, high }
        } else {
            Self {
                low: high,
                high: low,
            }
        }
    }

    pub fn exact(v: Decimal) -> Self {
        Self::new(Bound::Finite(v), Bound::Finite(v))
    }

    pub fn between(low: Decimal, high: Decimal) -> Self {
        Self::new(Bound::Finite(low), Bound::Finite(high))
    }

    /// `[v - radius, v + radius]`, unbounded on a side that would overflow.
    pub fn around(v: Decimal, radius: Decimal) -> Self {
        let low = v.checked_sub(radius).map_or(Bound::NegInf, Bound::Finite);
        let high = v.checked_add(radius).map_or(Bound::PosInf, Bound::Finite);
        Self::new(low, high)
    }

    pub fn at_least(v: Decimal) -> Self {
        Self::new(Bound::Finite(v), Bound::PosInf)
    }

    pub fn at_most(v: Decimal) -> Self {
        Self::new(Bound::NegInf, Bound::Finite(v))
    }

    pub fn is_exact(&self) -> bool {
        self.low == self.high
    }

    pub fn contains(&self, v: Decimal) -> bool {
        self.low <= Bound::Finite(v) && Bound::Finite(v) <= self.high
    }

    /// Whether some value lies in both: `a == b` can hold.
    pub fn intersects(&self, other: &Interval) -> bool {
        self.low <= other.high && other.low <= self.high
    }

    /// The values in both, if any.
    pub fn intersection(&self, other: &Interval) -> Option<Interval> {
        self.intersects(other).then(|| Interval {
            low: self.low.max(other.low),
            high: self.high.min(other.high),
        })
    }

    /// The smallest interval containing both.
    pub fn hull(&self, other: &Interval) -> Interval {
        Interval {
            low: self.low.min(other.low),
            high: self.high.max(other.high),
        }
    }

    /// Whether some `a` in self and `b` in other have `a <= b`.
    pub fn can_be_le(&self, other: &Interval) -> bool {
        self.low <= other.high
    }

    /// Whether some `a` in self and `b` in other have `a < b`.
    pub fn can_be_lt(&self, other: &Interval) -> bool {
        self.low < other.high
    }

    /// Whether some `a` in self and `b` in other differ.
    pub fn can_differ(&self, other: &Interval) -> bool {
        !(self.is_exact() && other.is_exact() && self.low == other.low)
    }

    pub fn neg(&self) -> Interval {
        Interval::new(negate(self.high), negate(self.low))
    }

    pub fn add(&self, other: &Interval) -> Interval {
        Interval::new(
            add_bound(self.low, other.low, Side::Down),
            add_bound(self.high, other.high, Side::Up),
        )
    }

    pub fn sub(&self, other: &Interval) -> Interval {
        self.add(&other.neg())
    }

    pub fn mul(&self, other: &Interval) -> Interval {
        let pairs = [
            (self.low, other.low),
            (self.low, other.high),
            (self.high, other.low),
            (self.high, other.high),
        ];
        let low = pairs
            .iter()
            .map(|&(a, b)| mul_bound(a, b, Side::Down))
            .min();
        let high = pairs.iter().map(|&(a, b)| mul_bound(a, b, Side::Up)).max();
        Interval::new(low.unwrap_or(Bound::NegInf), high.unwrap_or(Bound::PosInf))
    }

    /// `self / other`; `None` when the divisor can be zero (the quotient is unbounded).
    pub fn div(&self, other: &Interval) -> Option<Interval> {
        if other.contains(Decimal::ZERO) {
            return None;
        }
        let reciprocal = Interval::new(recip(other.high, Side::Down), recip(other.low, Side::Up));
        Some(self.mul(&reciprocal))
    }

    /// Multiplies by an exact constant.
    pub fn scale(&self, k: Decimal) -> Interval {
        // By a plain 1 (every money and count figure entering a check) only a zero end would
        // change, to a plain 0; anything else is the product itself, without eight products.
        if k == Decimal::ONE && k.scale() == 0 && !self.low.is_zero() && !self.high.is_zero() {
            return *self;
        }
        self.mul(&Interval::exact(k))
    }
}

fn negate(b: Bound) -> Bound {
    match b {
        Bound::NegInf => Bound::PosInf,
        Bound::PosInf => Bound::NegInf,
        Bound::Finite(d) => Bound::Finite(-d),
    }
}

fn overflow(side: Side) -> Bound {
    match side {
        Side::Down => Bound::NegInf,
        Side::Up => Bound::PosInf,
    }
}

fn add_bound(a: Bound, b: Bound, side: Side) -> Bound {
    match (a, b) {
        (Bound::Finite(x), Bound::Finite(y)) => {
            x.checked_add(y).map_or(overflow(side), Bound::Finite)
        }
        // Opposite infinities never meet in the same end of two valid intervals; stay sound anyway.
        (Bound::NegInf, Bound::PosInf) | (Bound::PosInf, Bound::NegInf) => overflow(side),
        (Bound::NegInf, _) | (_, Bound::NegInf) => Bound::NegInf,
        _ => Bound::PosInf,
    }
}

/// Widens a rounded result by one unit in its last place, in the safe direction.
fn widen(d: Decimal, side: Side) -> Bound {
    let ulp = Decimal::new(1, d.scale());
    match side {
        Side::Down => d.checked_sub(ulp).map_or(Bound::NegInf, Bound::Finite),
        Side::Up => d.checked_add(ulp).map_or(Bound::PosInf, Bound::Finite),
    }
}

fn mul_bound(a: Bound, b: Bound, side: Side) -> Bound {
    if a.is_zero() || b.is_zero() {
        // 0 × ∞ = 0 for closed intervals: the zero end of one factor meets every value of the other.
        return Bound::Finite(Decimal::ZERO);
    }
    match (a, b) {
        (Bound::Finite(x), Bound::Finite(y)) => match x.checked_mul(y) {
            Some(p) if p.scale() < x.scale() + y.scale() => widen(p, side),
            Some(p) => Bound::Finite(p),
            None => {
                if (a.sign() * b.sign()) > 0 {
                    Bound::PosInf
                } else {
                    Bound::NegInf
                }
            }
        },
        _ => {
            if a.sign() * b.sign() > 0 {
                Bound::PosInf
            } else {
                Bound::NegInf
            }
        }
    }
}

fn recip(b: Bound, side: Side) -> Bound {
    match b {
        Bound::NegInf | Bound::PosInf => Bound::Finite(Decimal::ZERO),
        Bound::Finite(d) => match Decimal::ONE.checked_div(d) {
            // An exact reciprocal (1 / 12.5 = 0.08) stays exact; a rounded one (1 / 3) is widened
            // by one unit in its 28th significant place.
            Some(q) if q.checked_mul(d) == Some(Decimal::ONE) => Bound::Finite(q),
            Some(q) => widen(q, side),
            None => overflow(side),
        },
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bound::NegInf => f.write_str("-∞"),
            Bound::PosInf => f.write_str("+∞"),
            Bound::Finite(d) => write!(f, "{}", d.normalize()),
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}, {}]", self.low, self.high)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn seed_trade_sum_intersects() {
        let exports = Interval::around(d("13"), d("0.5"));
        let imports = Interval::around(d("8.79"), d("0.005"));
        let total = Interval::around(d("21.79"), d("0.005"));
        assert!(exports.add(&imports).intersects(&total));
        let wrong = Interval::around(d("9.79"), d("0.005"));
        let sum = exports.add(&wrong);
        assert_eq!(sum, Interval::between(d("22.285"), d("23.295")));
        assert!(!sum.intersects(&total));
    }

    #[test]
    fn share_of_rounded_counts() {
        let nev = Interval::around(d("3689"), d("0.5"));
        let cars = Interval::around(d("35900"), d("50"));
        let share = nev.div(&cars).unwrap().scale(d("100"));
        assert!(share.intersects(&Interval::around(d("10.27"), d("0.005"))));
        assert!(!share.intersects(&Interval::around(d("11.27"), d("0.005"))));
    }

    #[test]
    fn exact_quotients_are_not_widened() {
        let q = Interval::exact(d("7.85"))
            .div(&Interval::exact(d("12.5")))
            .unwrap();
        assert_eq!(q, Interval::exact(d("0.628")));
        let third = Interval::exact(d("1"))
            .div(&Interval::exact(d("3")))
            .unwrap();
        let width = third.high.finite().unwrap() - third.low.finite().unwrap();
        assert!(width < d("0.0000000000000000000001"), "{third}");
    }

    #[test]
    fn division_by_an_interval_containing_zero_is_unbounded() {
        let a = Interval::exact(d("1"));
        assert!(a.div(&Interval::between(d("-1"), d("1"))).is_none());
    }

    #[test]
    fn unbounded_bounds_propagate() {
        let at_least = Interval::at_least(d("950"));
        let days = Interval::exact(d("181"));
        let daily = at_least.div(&days).unwrap();
        assert_eq!(daily.high, Bound::PosInf);
        assert!(daily.low < Bound::Finite(d("5.25")) && daily.low > Bound::Finite(d("5.24")));
    }

    #[test]
    fn overflow_widens_instead_of_wrapping() {
        let big = Interval::exact(Decimal::MAX);
        let sum = big.add(&big);
        assert_eq!(sum.high, Bound::PosInf);
        let prod = big.mul(&Interval::exact(d("-2")));
        assert_eq!(prod.low, Bound::NegInf);
    }

    fn small_decimal() -> impl Strategy<Value = Decimal> {
        (-10_000_000i64..10_000_000i64, 0u32..6).prop_map(|(m, s)| Decimal::new(m, s))
    }

    fn interval_with_point() -> impl Strategy<Value = (Interval, Decimal)> {
        (small_decimal(), small_decimal(), 0u32..=1000).prop_map(|(a, b, t)| {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            let p = lo + (hi - lo) * Decimal::new(i64::from(t), 3);
            (Interval::between(lo, hi), p)
        })
    }

    proptest! {
        /// Soundness: the result of an operation contains the operation on any members.
        #[test]
        fn arithmetic_contains_pointwise_results((a, x) in interval_with_point(), (b, y) in interval_with_point()) {
            prop_assert!(a.add(&b).contains(x + y));
            prop_assert!(a.sub(&b).contains(x - y));
            prop_assert!(a.mul(&b).contains(x * y));
            if let Some(q) = a.div(&b) {
                prop_assert!(!y.is_zero());
                let exact = x.checked_div(y).unwrap();
                // The true quotient is within one ulp of the computed one, and the interval was
                // widened by one ulp: it must contain the computed quotient.
                prop_assert!(q.contains(exact), "{} / {} = {} not in {}", x, y, exact, q);
            }
        }

        /// Scaling by a plain 1 takes a shortcut; it must give the product, to the digit
        /// (`Debug` shows each bound's scale: 21.79 and 21.7900 differ there).
        #[test]
        fn scaling_by_one_is_the_product((a, _) in interval_with_point(), zero_end in 0..5u8) {
            let a = match zero_end {
                1 => Interval::new(Bound::Finite(Decimal::new(0, 2)), a.high),
                2 => Interval::new(a.low, Bound::Finite(Decimal::new(0, 1))),
                3 => Interval::ALL,
                4 => Interval::new(a.low, Bound::PosInf),
                _ => a,
            };
            let product = a.mul(&Interval::exact(Decimal::ONE));
            prop_assert_eq!(format!("{:?}", a.scale(Decimal::ONE)), format!("{:?}", product));
            let hundredth = Decimal::new(1, 2);
            prop_assert_eq!(
                format!("{:?}", a.scale(hundredth)),
                format!("{:?}", a.mul(&Interval::exact(hundredth)))
            );
        }

        #[test]
        fn intersects_is_symmetric_and_reflexive((a, _) in interval_with_point(), (b, _) in interval_with_point()) {
            prop_assert_eq!(a.intersects(&b), b.intersects(&a));
            prop_assert!(a.intersects(&a));
        }
    }
}
