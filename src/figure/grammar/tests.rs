use super::*;
use crate::document::segment;

/// (text, value, unit, strict low, strict high, qualifier) of every figure in `text`.
fn read(text: &str) -> Vec<(String, String, String, String, String, Option<Qualifier>)> {
    let segments = segment(text);
    let set = read_figures(text, &segments, &ReadOptions::default());
    set.figures
        .iter()
        .map(|f| {
            (
                text[f.span.clone()].to_string(),
                crate::figure::trim(f.value),
                f.unit.clone(),
                f.strict.low.to_string(),
                f.strict.high.to_string(),
                f.qualifier,
            )
        })
        .collect()
}

fn one(text: &str) -> (String, String, String, String, String, Option<Qualifier>) {
    let all = read(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.into_iter().next().unwrap()
}

fn t(s: &str) -> String {
    s.to_string()
}

#[test]
fn arabic_with_chinese_magnitudes() {
    assert_eq!(
        one("进出口总值21.79万亿元，"),
        (
            t("21.79万亿元"),
            t("21790000000000"),
            t("元"),
            t("21785000000000"),
            t("21795000000000"),
            None
        )
    );
    assert_eq!(one("新能源汽车3689万辆").1, "36890000");
    assert_eq!(one("收入3千万元").1, "30000000");
    assert_eq!(one("规模2千亿元").1, "200000000000");
    assert_eq!(one("出口13万亿元").3, "12500000000000");
}

#[test]
fn percent_and_percentage_points_are_different_dimensions() {
    let p = one("占汽车总量的10.27%。");
    assert_eq!(
        (p.1.as_str(), p.2.as_str(), p.3.as_str(), p.4.as_str()),
        ("10.27", "%", "10.265", "10.275")
    );
    let pp = one("比一季度加快3.2个百分点");
    assert_eq!((pp.1.as_str(), pp.2.as_str()), ("3.2", "pp"));
    assert_eq!(one("0.3 percentage points").2, "pp");
    assert_eq!(one("rose 4.5 per cent").2, "%");
    assert_eq!(one("出生率6.39‰").2, "‰");
}

#[test]
fn bare_integer_counts_are_exact_and_magnitudes_are_rounded() {
    let c = one("已在华设立64家法人企业");
    assert_eq!((c.3.as_str(), c.4.as_str()), ("64", "64"));
    let m = one("新注册登记机动车1688万辆");
    assert_eq!((m.3.as_str(), m.4.as_str()), ("16875000", "16885000"));
}

#[test]
fn qualifiers_bound_one_side() {
    let q = one("外资企业超6万家");
    assert_eq!(
        (q.0.as_str(), q.3.as_str(), q.4.as_str(), q.5),
        ("超6万家", "60000", "+∞", Some(Qualifier::AtLeast))
    );
    let q = one("销售收入近1000亿元人民币");
    assert_eq!(
        (q.2.as_str(), q.3.as_str(), q.5),
        ("元", "0", Some(Qualifier::AtMost))
    );
    let q = one("外贸企业约9.9万家");
    assert_eq!(
        (q.3.as_str(), q.4.as_str(), q.5),
        ("98000", "100000", Some(Qualifier::About))
    );
    let q = one("40多年来");
    assert_eq!(
        (q.3.as_str(), q.4.as_str(), q.2.as_str()),
        ("40", "50", "年")
    );
    assert_eq!(
        one("规模以上工业企业7.3万家以上").5,
        Some(Qualifier::AtLeast)
    );
    assert_eq!(one("more than 3.2 million").5, Some(Qualifier::AtLeast));
    assert_eq!(one("不超过5%").5, Some(Qualifier::AtMost));
}

#[test]
fn chinese_numerals_fractions_and_cheng() {
    assert_eq!(one("一万亿元").1, "1000000000000");
    assert_eq!(one("两千三百亿元").1, "230000000000");
    assert_eq!(one("三点五亿元").1, "350000000");
    assert_eq!(one("百分之三点五").1, "3.5");
    let q = one("约占全国约四分之一");
    assert_eq!((q.1.as_str(), q.2.as_str()), ("25", "%"));
    let q = one("占进出口总值近六成");
    assert_eq!(
        (q.1.as_str(), q.3.as_str(), q.4.as_str()),
        ("60", "0", "60")
    );
    assert_eq!(one("高端装备增长超两成").1, "20");
    assert_eq!(one("八项行动").1, "8");
    assert_eq!(one("十九期").1, "19");
    assert_eq!(one("收入翻番").2, "倍");
    let third = one("三分之二");
    assert!(third.1.starts_with("66.666"));
}

#[test]
fn english_figures() {
    assert_eq!(one("sold 3.2 million cars").1, "3200000");
    assert_eq!(one("a loss of 1.5bn").1, "1500000000");
    let usd = one("exports of $4.2 billion");
    assert_eq!((usd.1.as_str(), usd.2.as_str()), ("4200000000", "美元"));
    assert_eq!(one("12,345.6 tonnes").1, "12345.6");
    assert_eq!(one("some 1 234 firms").1, "1234");
    assert_eq!(one("a quarter of sales").1, "25");
    assert_eq!(one("half of all cars").1, "50");
}

#[test]
fn full_width_and_signs_after_normalization() {
    let doc = crate::document::Document::new("t", "增长－2.7％，共１２.３％".to_string());
    let set = read_figures(&doc.text, &doc.segments, &ReadOptions::default());
    let values: Vec<String> = set
        .figures
        .iter()
        .map(|f| crate::figure::trim(f.value))
        .collect();
    assert_eq!(values, vec!["-2.7", "12.3"]);
}

#[test]
fn dates_names_and_ordinals_are_not_figures() {
    for text in [
        "新华社北京7月14日电",
        "2025年7月22日至2027年12月31日",
        "1984年，第一批国家级经开区",
        "“交管12123”App",
        "广义货币（M2）余额",
        "对标CPTPP、DEPA和G20",
        "连续第9年综合排名第一",
        "《支持苏州工业园区深化开放创新综合试验的若干措施》",
        "一季度、二季度，一个行业、一家园区",
        "“双11”日均水平",
        "6月16日至22日，1至2月，6月底",
        "增速均达到两位数",
        "3CL蛋白酶、PB2新药、5G",
        "统一部署，进一步扩大，十分重要",
        "降幅相比前5个月收窄",
        "In 2024 the economy grew",
        "call 010-12345678",
    ] {
        assert_eq!(
            read(text).into_iter().filter(|f| f.2 != "pp").count(),
            0,
            "{text}: {:?}",
            read(text)
        );
    }
}

#[test]
fn dates_are_exposed() {
    let text = "截至2025年6月底，7月14日电";
    let set = read_figures(text, &segment(text), &ReadOptions::default());
    assert_eq!(set.dates.len(), 2);
    assert_eq!(
        (set.dates[0].year, set.dates[0].month),
        (Some(2025), Some(6))
    );
    assert_eq!((set.dates[1].month, set.dates[1].day), (Some(7), Some(14)));
}

#[test]
fn a_date_may_run_into_chinese_but_not_into_digits_or_letters() {
    let text = "2024-06-30至2024-07-05，May 5日";
    let set = read_figures(text, &segment(text), &ReadOptions::default());
    assert!(set.figures.is_empty(), "{:?}", set.figures);
    let dates: Vec<_> = set.dates.iter().map(|d| (d.year, d.month, d.day)).collect();
    assert_eq!(
        dates,
        [
            (Some(2024), Some(6), Some(30)),
            (Some(2024), Some(7), Some(5)),
            (None, Some(5), Some(5)),
        ]
    );
    for text in ["2024-06-301", "2024-06-30a", "May 5a"] {
        let set = read_figures(text, &segment(text), &ReadOptions::default());
        assert!(
            set.dates.iter().all(|d| d.day.is_none()),
            "{text}: {:?}",
            set.dates
        );
    }
}

#[test]
fn natural_reading_borrows_neighbours_precision() {
    let text = "上半年我国出口13万亿元，进口8.79万亿元。";
    let set = read_figures(text, &segment(text), &ReadOptions::default());
    let exports = &set.figures[0];
    assert_eq!(exports.strict.low.to_string(), "12500000000000");
    assert_eq!(exports.natural.low.to_string(), "12995000000000");
    assert_eq!(exports.natural.high.to_string(), "13005000000000");
}

#[test]
fn truncation_mode_reads_upwards() {
    let text = "增长7.2%";
    let options = ReadOptions {
        rounding: Rounding::Truncate,
        ..ReadOptions::default()
    };
    let f = &read_figures(text, &segment(text), &options).figures[0];
    assert_eq!(
        (f.strict.low.to_string(), f.strict.high.to_string()),
        ("7.2".into(), "7.3".into())
    );
}

#[test]
fn beyond_range_is_unreadable_not_wrapped() {
    assert!(read("9999999999999999999999999999万亿").is_empty());
    assert!(read("99999999999999999999999999999999999").is_empty());
}

#[test]
fn every_figure_and_date_starts_where_the_scan_looks() {
    // The tables' first characters...
    for (surface, _) in CURRENCY_PREFIXES {
        assert!(may_start(surface.chars().next().unwrap()), "{surface}");
    }
    for (surface, _, _) in WORD_FRACTIONS {
        assert!(may_start(surface.chars().next().unwrap()), "{surface}");
    }
    // ...and every character of the fixtures, followed by what could make it a figure or date:
    // wherever the grammar reads one, the scan must not have skipped its first character.
    let mut chars: Vec<char> = Vec::new();
    for dir in ["fixtures", "fixtures/zh"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                chars.extend(std::fs::read_to_string(path).unwrap().chars());
            }
        }
    }
    chars.extend("翻半统唯进之其单划同专第壹贰叁肆伍陆柒捌玖两〇零".chars());
    chars.sort_unstable();
    chars.dedup();
    assert!(
        chars.len() > 1000,
        "only {} distinct characters",
        chars.len()
    );
    let options = ReadOptions::default();
    let mut found = 0;
    for c in chars {
        for tail in [
            "",
            "1",
            "5万亿元",
            "2024年",
            "季度",
            "分之五",
            "番",
            "数",
            "十亿元",
            "% ",
        ] {
            let text = format!("{c}{tail}");
            let scanner = Scanner {
                text: &text,
                chars: text.char_indices().collect(),
                masked: vec![false; text.chars().count()],
                options: &options,
                overflowed: std::cell::Cell::new(None),
            };
            if scanner.date_at(0).is_some() || scanner.figure_at(0).is_some() {
                found += 1;
                assert!(
                    may_start(c),
                    "{text:?} reads a figure or date the scan skips"
                );
            }
        }
    }
    assert!(found > 50, "only {found} probes read anything");
}

mod date_openings {
    use super::super::{DateOpenings, DATE_REGEXES};
    use proptest::prelude::*;

    /// How a date can open: digit runs of several lengths and scripts, numerals, month names.
    const OPENINGS: &[&str] = &[
        "1", "4", "12", "123", "2024", "20245", "1٣", "٣", "０1", "1½", "一", "四", "Jan", "sept",
        "May", "x",
    ];

    /// Pieces of dates (digits of several scripts, markers, month names) and of other text.
    const PIECES: &[&str] = &[
        "1",
        "2",
        "0",
        "4",
        "12",
        "2024",
        "０",
        "٣",
        "½",
        "²",
        "一",
        "四",
        "年",
        "财",
        "会计",
        "度",
        "月",
        "日",
        "份",
        "末",
        "中旬",
        "至",
        "到",
        "-",
        "—",
        "－",
        "~",
        "～",
        ":",
        "时",
        "分",
        "个月",
        "个季度",
        "季度",
        "个",
        "季",
        "前",
        "/",
        ".",
        " ",
        ", ",
        "Jan",
        "January",
        "Sept",
        "May",
        "dec",
        "x",
        "元",
        "，",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// Where a group's pattern matches (and the reader would try it), the openings allow it.
        #[test]
        fn openings_never_rule_out_a_match(
            first in 0..OPENINGS.len(),
            picks in proptest::collection::vec(0..PIECES.len(), 0..7)
        ) {
            let rest: String = std::iter::once(OPENINGS[first])
                .chain(picks.iter().map(|&i| PIECES[i]))
                .collect();
            prop_assert_eq!(ruled_out(&rest), None, "{}", rest);
        }
    }

    /// A pattern that matches `rest` where the reader would try it though the openings rule
    /// its group out.
    fn ruled_out(rest: &str) -> Option<&'static str> {
        let c = rest.chars().next()?;
        let open = DateOpenings::of(c, rest);
        let r = &DATE_REGEXES;
        // The reader tries the numeric patterns only at an ASCII digit, the English one only
        // at an ASCII letter or digit.
        let digit = c.is_ascii_digit();
        let groups = [
            (open.year || !digit, vec![&r.full, &r.iso]),
            (
                open.short || !digit,
                vec![
                    &r.month_day,
                    &r.month_range,
                    &r.month,
                    &r.day,
                    &r.time,
                    &r.first_months,
                ],
            ),
            (open.quarter, vec![&r.quarter]),
            (open.english || !c.is_ascii_alphanumeric(), vec![&r.english]),
        ];
        groups
            .into_iter()
            .filter(|(allowed, _)| !allowed)
            .flat_map(|(_, patterns)| patterns)
            .find(|re| re.is_match(rest))
            .map(|re| re.pattern())
    }

    #[test]
    fn every_kind_of_date_opens_its_group() {
        for rest in [
            "2024年",
            "2024财年",
            "2024会计年度",
            "2024.6.30",
            "2024/6/30",
            "2024-6-30",
            "6月30日",
            "1至5月",
            "1到5月",
            "1-5月",
            "1—5月",
            "1－5月",
            "1~5月",
            "1～5月",
            "6月份",
            "30日",
            "8:30",
            "8时",
            "5个月",
            "5季度",
            "一季度",
            "4季度",
            "Sept. 3",
            "3 January",
            "may 1",
        ] {
            assert_eq!(ruled_out(rest), None, "{rest}");
            let c = rest.chars().next().unwrap();
            let open = DateOpenings::of(c, rest);
            assert!(
                open.year || open.short || open.quarter || open.english,
                "{rest}"
            );
        }
    }

    #[test]
    fn ordinary_figures_open_no_date() {
        for rest in ["21.79万亿元", "10.27%", "300辆", "5000亿"] {
            let c = rest.chars().next().unwrap();
            let open = DateOpenings::of(c, rest);
            assert!(
                !open.year && !open.short && !open.english,
                "{rest}: {open:?}"
            );
        }
        let open = DateOpenings::of('2', "2024年6月");
        assert!(open.year && open.quarter);
        assert!(DateOpenings::of('6', "6月份").short);
        assert!(DateOpenings::of('S', "Sept. 3").english);
    }
}
