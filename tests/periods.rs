//! One period model: however a run of months is written, every check reads the same months.

use factlint::rules::RuleSet;
use factlint::{Article, ReadOptions};

/// `1到5月` and `1～5月` are the first five months, as `1至5月` is: the daily average over 151
/// days holds (it was once read as May alone, 31 days, and raised a false `daily-average`).
#[test]
fn a_run_of_months_is_read_alike_however_it_is_written() {
    let rules = RuleSet::shipped().unwrap();
    let options = ReadOptions {
        publication_year: Some(2025),
        ..ReadOptions::default()
    };
    for range in ["1至5月", "1到5月", "1～5月", "1-5月", "前5个月"] {
        let text = format!("{range}，全国快递业务量完成750亿件，日均业务量4.97亿件。");
        let article = Article::new("a.txt", text.clone(), &options);
        let findings = factlint::check(&article, &rules);
        assert!(findings.is_empty(), "{text}: {findings:#?}");
        // The same copy with a wrong average is caught, so the check did run.
        let wrong = text.replace("4.97亿件", "5.97亿件");
        let article = Article::new("a.txt", wrong.clone(), &options);
        assert!(
            factlint::check(&article, &rules)
                .iter()
                .any(|f| f.rule == "daily-average" || f.rule == "average-over-period"),
            "{wrong}"
        );
    }
}
