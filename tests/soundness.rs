//! Interval soundness of the checks: when every figure is a correctly rounded value of true
//! quantities that satisfy the relation, no error is ever raised — however the copy rounds and
//! whether or not it drops trailing zeros.

use factlint::rules::{RuleSet, Severity};
use factlint::{Article, ReadOptions};
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::shipped().expect("shipped rules compile"))
}

/// A true quantity as a newspaper prints it: rounded to `decimals`, trailing zeros maybe dropped.
fn printed(truth: Decimal, decimals: u32, drop_zeros: bool) -> String {
    let r = truth.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    if drop_zeros {
        r.normalize().to_string()
    } else {
        format!("{r:.*}", decimals as usize)
    }
}

fn errors(text: &str) -> Vec<String> {
    let article = Article::new("p", text.to_string(), &ReadOptions::default());
    factlint::check(&article, rules())
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{}: {}", f.rule, f.help))
        .collect()
}

fn quantity() -> impl Strategy<Value = Decimal> {
    // 0.01 to 100 (万亿), five decimals of truth.
    (1_000i64..10_000_000).prop_map(|m| Decimal::new(m, 5))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn sums_of_rounded_parts_never_raise_an_error(
        e in quantity(), i in quantity(),
        de in 0u32..3, di in 0u32..3, dt in 0u32..3,
        drop in any::<bool>(),
    ) {
        let t = e + i;
        let text = format!(
            "上半年，我国货物贸易进出口总值{}万亿元。出口{}万亿元，进口{}万亿元。",
            printed(t, dt, drop), printed(e, de, drop), printed(i, di, drop)
        );
        prop_assert!(errors(&text).is_empty(), "{}: {:?}", text, errors(&text));
    }

    #[test]
    fn shares_of_rounded_counts_never_raise_an_error(
        nev in 100_000i64..100_000_000, extra in 1i64..400_000_000,
        dn in 0u32..2, dc in 0u32..3, ds in 0u32..3,
    ) {
        let cars = nev + extra;
        let share = Decimal::from(nev) * Decimal::ONE_HUNDRED / Decimal::from(cars);
        let text = format!(
            "截至6月底，全国汽车保有量{}亿辆。新能源汽车保有量达{}万辆，占汽车总量的{}%。",
            printed(Decimal::from(cars) / Decimal::new(100_000_000, 0), dc, true),
            printed(Decimal::from(nev) / Decimal::new(10_000, 0), dn, true),
            printed(share, ds, false),
        );
        prop_assert!(errors(&text).is_empty(), "{}: {:?}", text, errors(&text));
    }

    #[test]
    fn parts_below_their_whole_never_raise_an_error(
        h in quantity(), e in quantity(), other in 0i64..1_000_000,
        dh in 0u32..3, de in 0u32..3, dl in 0u32..3,
    ) {
        let loans = h + e + Decimal::new(other, 5);
        let text = format!(
            "上半年人民币贷款增加{}万亿元。上半年，住户贷款增加{}万亿元；企（事）业单位贷款增加{}万亿元。",
            printed(loans, dl, true), printed(h, dh, true), printed(e, de, true)
        );
        prop_assert!(errors(&text).is_empty(), "{}: {:?}", text, errors(&text));
    }
}

/// The properties above would pass vacuously if the rules never bound anything: the same
/// sentences with a broken relation do raise errors.
#[test]
fn the_same_sentences_do_fire_when_the_relation_is_broken() {
    assert_eq!(
        errors("上半年，我国货物贸易进出口总值21.79万亿元。出口13万亿元，进口9.79万亿元。").len(),
        1
    );
    assert_eq!(
        errors(
            "截至6月底，全国汽车保有量3.59亿辆。新能源汽车保有量达3689万辆，占汽车总量的11.27%。"
        )
        .len(),
        1
    );
    assert_eq!(errors("上半年人民币贷款增加12.92万亿元。上半年，住户贷款增加3.17万亿元；企（事）业单位贷款增加11.57万亿元。").len(), 1);
}
