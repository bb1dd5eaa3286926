//! Concept rules and the relations that read them: identities hold wherever an article states
//! their concepts, stems are shared only where the copy leaves them out, rule-file mistakes point
//! at their YAML bytes, and the topic-free relations added with them (period sums, listed totals,
//! target completion, balances of opposite flows, joined names, rankings, ratios) fire on the
//! figure that slipped and stay silent on clean copy.

use factlint::article::Article;
use factlint::checks;
use factlint::figure::ReadOptions;
use factlint::rules::RuleSet;

fn shipped() -> RuleSet {
    RuleSet::shipped().expect("shipped rules compile")
}

/// The failed relations of `text` under the shipped rules: (rule, labelled figures).
fn failures(text: &str) -> Vec<(String, Vec<String>)> {
    let rules = shipped();
    let options = ReadOptions {
        units: rules.units.clone(),
        ..ReadOptions::default()
    };
    let article = Article::new("t.txt", text.to_string(), &options);
    checks::relation_findings(&article, &rules)
        .into_iter()
        .map(|f| {
            let labels = f
                .labels
                .iter()
                .map(|l| article.document.source[l.span.clone()].to_string())
                .collect();
            (f.rule, labels)
        })
        .collect()
}

fn fires(text: &str, rule: &str, figure: &str) -> bool {
    failures(text)
        .iter()
        .any(|(r, labels)| r == rule && labels.iter().any(|l| l.ends_with(figure)))
}

#[test]
fn shipped_identities_pass_their_own_examples() {
    let rules = shipped();
    assert!(rules.knowledge.identities.len() >= 9);
    let failures = checks::identity_examples(&rules);
    assert!(failures.is_empty(), "{failures:#?}");
    for identity in &rules.knowledge.identities {
        let fail = identity
            .examples
            .iter()
            .filter(|e| matches!(e.expect, factlint::rules::Expectation::Fail { .. }))
            .count();
        assert!(
            fail >= 1 && identity.examples.len() > fail,
            "{} needs examples that hold and that fail",
            identity.id
        );
    }
}

#[test]
fn an_identity_holds_in_any_order_and_paragraph() {
    let clean =
        "上半年，我国出口13万亿元，进口8.79万亿元。\n\n同期，我国货物贸易进出口总值21.79万亿元。";
    assert!(failures(clean).is_empty(), "{:?}", failures(clean));
    let wrong = clean.replace("8.79万亿元", "9.79万亿元");
    assert!(
        fires(&wrong, "exports-plus-imports", "9.79万亿元"),
        "{:?}",
        failures(&wrong)
    );
}

#[test]
fn a_stem_is_shared_only_where_the_copy_leaves_it_out() {
    // 跨境电商's parts are its 出口 and 进口, not the nation's trade.
    let text = "前三季度，跨境电商进出口21836亿元。其中，出口17024亿元，进口4812亿元。\n\n同期，我国货物贸易进出口总值33.61万亿元。";
    assert!(failures(text).is_empty(), "{:?}", failures(text));
    let wrong = text.replace("4812亿元", "4182亿元");
    assert!(fires(&wrong, "exports-plus-imports", "4182亿元"));
    // A product's exports are a part of 出口, never 出口.
    let products = "上半年，我国进出口总值21.79万亿元。机电产品出口7.8万亿元，进口3.1万亿元。";
    assert!(failures(products).is_empty(), "{:?}", failures(products));
}

#[test]
fn an_identity_finding_names_the_odd_figure_and_its_value() {
    let rules = shipped();
    let article = Article::new(
        "t.txt",
        "1—10月份，城乡居民基本医疗保险基金收入9357.8亿元，支出8494.6亿元，当期结余836.2亿元。"
            .to_string(),
        &ReadOptions::default(),
    );
    let found = checks::relation_findings(&article, &rules);
    let f = found
        .iter()
        .find(|f| f.rule == "income-minus-spending")
        .expect("the balance fires");
    assert!(f.help.contains("→ 863.2亿元"), "{}", f.help);
}

#[test]
fn identity_rule_files_point_at_the_offending_bytes() {
    let mut rules = RuleSet::default();
    let yaml = "identities:\n  - id: Bad_Id\n    title: t\n    message: m\n    whole: 进出口\n    parts: [出口]\n";
    let err = rules.add_source("bad.yaml", yaml).unwrap_err().to_string();
    assert!(err.contains("error") || err.contains("rule"), "{err}");
    let report = format!(
        "{:?}",
        miette::Report::new(rules.add_source("bad.yaml", yaml).unwrap_err())
    );
    assert!(report.contains("kebab-case"), "{report}");
    assert!(report.contains("at least two parts"), "{report}");
    // A name given to two concepts is an error at the second.
    let mut rules = RuleSet::default();
    let yaml = "concepts:\n  - {name: 出口, same: [出口额]}\n  - {name: 进口, same: [出口额]}\n";
    let err = rules.add_source("dup.yaml", yaml).unwrap_err();
    let report = format!("{:?}", miette::Report::new(err));
    assert!(report.contains("named by another concept"), "{report}");
    // An identity id may not repeat a rule's.
    let mut rules = shipped();
    let yaml = "identities:\n  - {id: auto-production-sum, title: t, message: m, whole: 进出口, parts: [出口, 进口]}\n";
    let report = format!(
        "{:?}",
        miette::Report::new(rules.add_source("again.yaml", yaml).unwrap_err())
    );
    assert!(
        report.contains("duplicate rule id `auto-production-sum`"),
        "{report}"
    );
}

#[test]
fn monthly_runs_add_up_to_the_run_they_tile() {
    let clean = "1—10月份，全国餐饮收入45180亿元。11月份，全国餐饮收入5520亿元。1—11月份，全国餐饮收入50700亿元。";
    assert!(failures(clean).is_empty(), "{:?}", failures(clean));
    let wrong = clean.replace("5520亿元", "5250亿元");
    assert!(
        fires(&wrong, "period-sum", "5250亿元"),
        "{:?}",
        failures(&wrong)
    );
    // A stock counted at a month's end never adds over months.
    let stocks = "截至10月末，人民币贷款余额250万亿元。11月末，人民币贷款余额252万亿元。";
    assert!(failures(stocks).is_empty(), "{:?}", failures(stocks));
}

#[test]
fn a_listed_total_is_the_sum_of_the_list() {
    let clean = "分城市看，客运量位居前三的依次为上海、北京、广州，分别完成3.36亿人次、3.12亿人次、2.85亿人次，三城合计9.33亿人次。";
    assert!(failures(clean).is_empty(), "{:?}", failures(clean));
    let wrong = clean.replace("3.12亿人次", "3.42亿人次");
    assert!(
        fires(&wrong, "listed-total", "3.42亿人次"),
        "{:?}",
        failures(&wrong)
    );
    // The whole before a 分别 list is none of the listed.
    let whole = "全国粗钢产量89670万吨，河北、江苏、山东分别为18640万吨、10250万吨、6830万吨，三省合计35720万吨。";
    assert!(failures(whole).is_empty(), "{:?}", failures(whole));
}

#[test]
fn a_completion_rate_is_done_over_target() {
    let clean = "今年全国计划新增城市轨道交通运营里程800公里，1—11月份已新增742.6公里，完成全年计划的92.8%。";
    assert!(failures(clean).is_empty(), "{:?}", failures(clean));
    let wrong = clean.replace("92.8%", "98.2%");
    assert!(
        fires(&wrong, "target-completion", "98.2%"),
        "{:?}",
        failures(&wrong)
    );
    let inline = "1—11月，全国城镇新增就业1213万人，完成全年1200万人目标任务的110.1%。";
    assert!(
        fires(inline, "target-completion", "110.1%"),
        "{:?}",
        failures(inline)
    );
}

#[test]
fn a_multiple_may_carry_its_base_in_its_own_clause() {
    let clean = "11月份，全国城市轨道交通开行列车412万列次，完成客运量28.52亿人次。11月份客运量相当于2016年同月13.58亿人次的2.1倍。";
    assert!(failures(clean).is_empty(), "{:?}", failures(clean));
    let wrong = clean.replace("2.1倍", "2.4倍");
    assert!(
        fires(&wrong, "multiple-of-level", "2.4倍"),
        "{:?}",
        failures(&wrong)
    );
}

#[test]
fn identities_are_selected_by_configuration_like_rules() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".factlint.yaml");
    std::fs::write(
        &path,
        "disable: [trade-surplus]\nseverity:\n  income-minus-spending: warning\n",
    )
    .unwrap();
    let config = factlint::config::Config::load(&path).expect("config loads");
    let mut rules = shipped();
    config.select(&mut rules).expect("names resolve");
    assert!(rules.knowledge.identity("trade-surplus").is_none());
    assert_eq!(
        rules
            .knowledge
            .identity("income-minus-spending")
            .map(|i| i.severity),
        Some(factlint::rules::Severity::Warning)
    );
}

#[test]
fn periods_listed_before_respectively_are_handed_out() {
    let clean = "前三季度，跨境电商进出口21836亿元。分季度看，一季度、二季度、三季度跨境电商进出口分别为6842亿元、7315亿元、7679亿元。";
    assert!(failures(clean).is_empty(), "{:?}", failures(clean));
    let wrong = clean.replace("7315亿元", "7135亿元");
    assert!(
        fires(&wrong, "period-sum", "7135亿元"),
        "{:?}",
        failures(&wrong)
    );
}

#[test]
fn monthly_averages_and_densities_per_ten_thousand() {
    let monthly = "2025年全年，全国造船完工量5126万载重吨，平均每月交付427万载重吨。";
    assert!(failures(monthly).is_empty(), "{:?}", failures(monthly));
    let wrong = monthly.replace("427万", "472万");
    assert!(
        fires(&wrong, "average-over-period", "472万载重吨"),
        "{:?}",
        failures(&wrong)
    );
    let density = "截至2025年底，国内高价值发明专利拥有量达到215.4万件。按年末全国人口14.08亿人计算，每万人口高价值发明专利拥有量达到15.3件。";
    assert!(failures(density).is_empty(), "{:?}", failures(density));
    let wrong = density.replace("215.4万件", "251.4万件");
    assert!(
        fires(&wrong, "average-per-unit", "251.4万件"),
        "{:?}",
        failures(&wrong)
    );
}

#[test]
fn identities_and_relations_are_known_to_suppressions() {
    let rules = shipped();
    for (name, line) in [
        (
            "income-minus-spending",
            "1—10月份，城乡居民基本医疗保险基金收入9357.8亿元，支出8494.6亿元，当期结余836.2亿元。",
        ),
        (
            "listed-total",
            "河北、江苏、山东分别为18640万吨、10250万吨、6830万吨，三省合计37520万吨。",
        ),
    ] {
        let text = format!("<!-- factlint-disable-next-line {name} -- 原稿如此 -->\n{line}\n");
        let article = Article::with_markup(
            "t.md",
            text,
            factlint::document::Markup::Markdown,
            &ReadOptions::default(),
        );
        let found = factlint::check(&article, &rules);
        assert!(found.is_empty(), "{name}: {found:#?}");
        // Without the comment the same line fails.
        let bare = Article::new("t.txt", line.to_string(), &ReadOptions::default());
        assert!(
            factlint::check(&bare, &rules)
                .iter()
                .any(|f| f.rule == name),
            "{name}"
        );
    }
}

#[test]
fn a_balance_is_the_difference_of_two_opposite_flows() {
    let clean = "10月份，银行结汇15286亿元，售汇13742亿元，结售汇顺差1544亿元。";
    assert!(failures(clean).is_empty(), "{:?}", failures(clean));
    let wrong = clean.replace("售汇13742", "售汇13472");
    assert!(
        fires(&wrong, "balance-of-flows", "13472亿元"),
        "{:?}",
        failures(&wrong)
    );
    // Across a `；`, with a rate between the flows.
    let fx = "10月份，银行代客涉外收入39680亿元，同比增长9.4%；对外付款37125亿元，涉外收付款顺差2555亿元。";
    assert!(failures(fx).is_empty(), "{:?}", failures(fx));
    assert!(fires(
        &fx.replace("2555", "2255"),
        "balance-of-flows",
        "2255亿元"
    ));
    // A fund's stock after the year's flows is no difference of them; 进出口 and 出口 are no
    // pair of opposites; a 共计 after a balance word totals nothing.
    for silent in [
        "全年基金收入8000亿元，支出7000亿元，累计结余50000亿元。",
        "前三季度，进出口32万亿元，出口18万亿元，贸易顺差4万亿元。",
        "1—10月，银行累计结汇147320亿元，累计售汇139865亿元，累计顺差共计7455亿元。",
    ] {
        assert!(
            failures(silent).is_empty(),
            "{silent}: {:?}",
            failures(silent)
        );
    }
}

#[test]
fn a_joined_name_is_the_sum_of_the_names_it_joins() {
    let clean =
        "前三季度，牛肉产量541万吨，增长4.6%；羊肉产量372万吨，下降2.1%。牛羊肉产量合计913万吨。";
    assert!(failures(clean).is_empty(), "{:?}", failures(clean));
    let wrong = clean.replace("913万吨", "931万吨");
    assert!(
        fires(&wrong, "compound-name-sum", "931万吨"),
        "{:?}",
        failures(&wrong)
    );
}

#[test]
fn a_ranking_from_the_top_falls_in_order() {
    let clean = "集装箱吞吐量位居前三的港口依次为上海港、宁波舟山港和深圳港，分别完成4436万、3318万和2769万标准箱。";
    assert!(failures(clean).is_empty(), "{:?}", failures(clean));
    let wrong = clean.replace("2769万", "3769万");
    assert!(
        fires(&wrong, "ranking-order", "3769万标准箱"),
        "{:?}",
        failures(&wrong)
    );
    // No ranking named: a list in any order.
    let listed = "三个港口分别完成2769万、3318万和4436万标准箱。";
    assert!(failures(listed).is_empty(), "{:?}", failures(listed));
}

#[test]
fn ratios_and_percentages_of_a_base_in_the_clause() {
    let ratio = "义务教育阶段在校生15864万人；专任教师1082万人，生师比为14.66∶1。";
    assert!(failures(ratio).is_empty(), "{:?}", failures(ratio));
    assert!(fires(
        &ratio.replace("14.66", "16.46"),
        "multiple-of-level",
        "16.46"
    ));
    let percent = "三季度末，能繁母猪存栏4052万头，相当于正常保有量3900万头的103.9%。";
    assert!(failures(percent).is_empty(), "{:?}", failures(percent));
    assert!(fires(
        &percent.replace("103.9", "130.9"),
        "multiple-of-level",
        "130.9%"
    ));
    let growth = "2025年，在学研究生409万人，比2012年的172万人增长1.4倍。";
    assert!(failures(growth).is_empty(), "{:?}", failures(growth));
    assert!(fires(
        &growth.replace("1.4倍", "1.7倍"),
        "multiple-of-level",
        "1.7倍"
    ));
}

#[test]
fn a_nested_list_ends_at_its_semicolon() {
    let text = "10月份，全国发行地方政府债券5286亿元。其中，发行新增债券2347亿元，包括一般债券412亿元、专项债券1935亿元；发行再融资债券2939亿元。";
    assert!(failures(text).is_empty(), "{:?}", failures(text));
    let wrong = text.replace("2939", "2993");
    assert!(
        fires(&wrong, "breakdown-sum", "2993亿元"),
        "{:?}",
        failures(&wrong)
    );
}

#[test]
fn gaps_targets_and_verbs_that_leave_their_object_out() {
    let gap = "1—10月，债券平均发行利率为1.98%，比上年同期的2.35%低0.37个百分点。";
    assert!(failures(gap).is_empty(), "{:?}", failures(gap));
    assert!(fires(
        &gap.replace("0.37", "0.73"),
        "points-between-rates",
        "0.73个百分点"
    ));
    let target = "1—10月，新增债券46820亿元。今年新增地方政府债务限额为52000亿元。按此计算，前10个月新增债券发行已完成全年额度的90.0%。";
    assert!(failures(target).is_empty(), "{:?}", failures(target));
    assert!(fires(
        &target.replace("90.0%", "96.0%"),
        "target-completion",
        "96.0%"
    ));
    // `共发行` takes its object from the level before that names the verb.
    let verb = "1—9月全国发行地方政府债券82129亿元，加上10月份发行规模，1—10月共发行87415亿元，较上年同期的80567亿元增长8.5%。";
    assert!(failures(verb).is_empty(), "{:?}", failures(verb));
    assert!(fires(
        &verb.replace("8.5%", "5.8%"),
        "growth-between-levels",
        "5.8%"
    ));
}

#[test]
fn flows_named_before_xiangdi_and_averages_counted_by_an_an_clause() {
    let net = "前三季度，新设企业623.8万户，增长5.2%。同期全国注销企业285.4万户，新设与注销相抵，企业净增338.4万户。";
    assert!(failures(net).is_empty(), "{:?}", failures(net));
    assert!(fires(
        &net.replace("338.4", "383.4"),
        "balance-of-flows",
        "383.4万户"
    ));
    let per_head = "2024年，实缴职工17712.35万人。全年住房公积金缴存额33918.26亿元，同比增长4.04%；按实缴职工计算，人均缴存1.91万元。";
    assert!(failures(per_head).is_empty(), "{:?}", failures(per_head));
    assert!(fires(
        &per_head.replace("1.91万元", "1.19万元"),
        "average-per-unit",
        "1.19万元"
    ));
    let per_loan = "全年发放个人住房贷款265.35万笔、11869.43亿元，笔均贷款44.73万元。";
    assert!(failures(per_loan).is_empty(), "{:?}", failures(per_loan));
    assert!(fires(
        &per_loan.replace("44.73", "47.73"),
        "average-per-unit",
        "47.73万元"
    ));
}

#[test]
fn index_bases_start_levels_and_the_concept_itself_stay_out_of_relations() {
    for clean in [
        // The index's base is no level the growth is between.
        "11月份农产品批发价格200指数平均为121.46（以2015年为100），比10月份的119.29点上升1.8%。",
        // 由…的3731亿块 is the earlier run's level, not this run's below a milestone.
        "1—11月，集成电路产量突破4000亿块。11月份，集成电路产量392亿块，带动1—11月累计产量由前10个月的3731亿块增至4123亿块。",
        // A monthly average of the concept, not of a concept it is the tail of.
        "1—10月，服务进出口总额65218.6亿元。前10个月，知识密集型服务进出口28416.5亿元。1—10月，平均每月服务进出口6521.9亿元。",
    ] {
        assert!(failures(clean).is_empty(), "{clean}: {:?}", failures(clean));
    }
}
