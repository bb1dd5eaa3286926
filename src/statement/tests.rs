use super::*;
use crate::figure::{read_figures, ReadOptions};

fn statements(text: &str) -> (Document, Statements) {
    let document = Document::new("t.txt", text.to_string());
    let figures = read_figures(&document.text, &document.segments, &ReadOptions::default());
    let statements = read(&document, &figures);
    (document, statements)
}

/// Each statement as `figure subject kind period basis`.
fn rows(text: &str) -> Vec<String> {
    let (document, s) = statements(text);
    s.statements
        .iter()
        .map(|st| {
            format!(
                "{} {} {}{} {} {}",
                &document.text[st.span.clone()],
                st.subject,
                if st.sign < 0 { "-" } else { "" },
                st.kind.as_str(),
                st.period
                    .as_ref()
                    .map_or("-".to_string(), |p| p.to_string()),
                match &st.basis {
                    None => "-".to_string(),
                    Some(Against::Named(n)) => format!("比{n}"),
                    Some(a) => format!("{a:?}"),
                }
            )
        })
        .collect()
}

#[test]
fn reads_subject_kind_period_and_basis_and_carries_the_subject() {
    assert_eq!(
        rows("上半年，我国货物贸易进出口总值21.79万亿元，同比增长2.9%。其中，出口13万亿元，增长7.2%；进口8.79万亿元，下降2.7%。"),
        [
            "21.79万亿元 我国货物贸易进出口总值 level 上半年 -",
            "2.9% 我国货物贸易进出口总值 growth 上半年 YearEarlier",
            "13万亿元 出口 level 上半年 -",
            "7.2% 出口 growth 上半年 -",
            "8.79万亿元 进口 level 上半年 -",
            "2.7% 进口 -growth 上半年 -",
        ]
    );
}

#[test]
fn a_share_names_its_whole_and_takes_the_subject_before() {
    let (_, s) =
        statements("实物商品网上零售额130816亿元，增长6.5%，占社会消费品零售总额的比重为26.8%。");
    let share = &s.statements[2];
    assert_eq!(share.kind, Kind::Share);
    assert_eq!(share.subject, "实物商品网上零售额");
    assert_eq!(share.of.as_deref(), Some("社会消费品零售总额"));
}

#[test]
fn a_month_is_not_the_year_and_a_month_end_is_a_date() {
    let r = rows("2024年全年社会消费品零售总额487895亿元。从当月看，12月份社会消费品零售总额45172亿元。截至6月末，汽车保有量3.59亿辆。");
    assert_eq!(r[0], "487895亿元 社会消费品零售总额 level 2024年全年 -");
    assert_eq!(r[1], "45172亿元 社会消费品零售总额 level 12月 -");
    assert_eq!(r[2], "3.59亿辆 汽车保有量 level 6月末 -");
}

#[test]
fn of_which_and_breakdowns_group_their_parts() {
    let (_, s) = statements("全国机动车保有量达4.6亿辆，其中汽车3.59亿辆；机动车驾驶人5.5亿人，其中汽车驾驶人5.15亿人。按经营单位所在地分，城镇消费品零售额421166亿元，增长3.4%；乡村消费品零售额66729亿元。");
    let g = &s.groups;
    assert_eq!(g.len(), 3);
    assert_eq!(g[0].kind, GroupKind::OfWhich);
    assert_eq!(g[0].members, [1]);
    assert_eq!(g[1].members, [3]);
    assert_eq!(g[2].kind, GroupKind::Breakdown);
    assert_eq!(g[2].members, [4, 6]);
    assert_eq!(s.statements[3].subject, "汽车驾驶人");
}

#[test]
fn points_against_a_named_subject_and_rate_nouns() {
    let r = rows("城镇居民人均可支配收入54188元，名义增长4.6%；农村居民人均可支配收入23119元，名义增长6.6%，增速比城镇居民快2.0个百分点。");
    assert_eq!(
        r[4],
        "2.0个百分点 农村居民人均可支配收入 points - 比城镇居民"
    );
}

#[test]
fn respectively_hands_out_the_subjects() {
    let r = rows("城镇、乡村消费品零售额分别为421166亿元、66729亿元。");
    assert_eq!(r[0], "421166亿元 城镇消费品零售额 level - -");
    assert_eq!(r[1], "66729亿元 乡村消费品零售额 level - -");
}

#[test]
fn verbs_inside_a_name_and_milestones() {
    let r = rows("国有控股企业实现利润总额21397.3亿元，下降4.6%。5G移动电话用户达10.14亿户，首次突破10亿户。");
    assert_eq!(r[0], "21397.3亿元 国有控股企业利润总额 level - -");
    assert_eq!(r[1], "4.6% 国有控股企业利润总额 -growth - -");
    assert_eq!(r[3], "突破10亿户 5G移动电话用户 threshold - -");
}

#[test]
fn numerals_before_a_period_name_its_siblings() {
    let q = |t: &str| period::parse(t).map(|(p, _)| p).ok();
    assert_eq!(
        siblings_before("一、二、", "三季度"),
        vec![q("一季度").unwrap(), q("二季度").unwrap()]
    );
    // Not a list of numerals, or a numeral naming no period: nothing.
    assert!(siblings_before("前、", "三季度").is_empty());
    assert!(siblings_before("一、二", "三季度").is_empty());
    assert!(siblings_before("", "三季度").is_empty());
    let (_, st) =
        statements("分季度看，一、二、三季度国内居民出游人次分别为17.63亿、17.65亿和19.08亿。");
    let periods: Vec<String> = st
        .statements
        .iter()
        .map(|s| s.period.as_ref().map_or(String::new(), |p| p.to_string()))
        .collect();
    assert_eq!(periods, ["一季度", "二季度", "三季度"]);
}
