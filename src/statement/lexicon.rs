//! The words that tell what a figure is, when and against what: fillers and verbs before a
//! figure, the words of growth and decline, of shares, of bases of comparison, and the words that
//! open a group of parts. Plain tables, read right to left from the figure.

/// Words between a subject and its figure that say nothing of what is measured: 为, 达, 完成….
/// Longest first: each is tried in order and the first that ends the text is peeled off.
pub const FILLERS: &[&str] = &[
    "由此",
    "从而",
    "更是",
    "高达",
    "多达",
    "仅为",
    "达到了",
    "增加到",
    "增长到",
    "提高到",
    "提升至",
    "提升到",
    "上升到",
    "下降到",
    "减少到",
    "回落到",
    "回升到",
    "扩大到",
    "突破了",
    "达到",
    "达至",
    // `继续保持在80%以上`, `稳定在`: where a level is held, said of the subject before.
    "继续保持在",
    "继续稳定在",
    "保持在",
    "稳定在",
    "维持在",
    "增至",
    "升至",
    "降至",
    "提高至",
    "上升至",
    "下降至",
    "减少至",
    "回落至",
    "回升至",
    "扩大至",
    "收窄至",
    "为",
    "达",
    "是",
    "有",
    "了",
    "共计",
    "合计",
    "总计",
    "累计",
    "共",
    "完成",
    "实现",
    "录得",
    "约",
    "超",
    "仅",
    "已",
    "均",
    "都",
    "则",
    "也",
    "亦",
    "再",
    "又",
    "更",
    "即",
    "将",
    "预计",
    "分别",
    // `位居前三，依次为4862亿元、2375亿元和2140亿元`: in order, as 分别 hands out.
    "依次",
    "以",
];

/// Words ending a subject that mark it as a level reached from somewhere (`增至`, `提高到`): the
/// figure is still a level.
pub const TO_LEVEL: &[&str] = &[
    "增加到",
    "增长到",
    "提高到",
    "提升至",
    "提升到",
    "上升到",
    "下降到",
    "减少到",
    "回落到",
    "回升到",
    "扩大到",
    "增至",
    "升至",
    "降至",
    "提高至",
    "上升至",
    "下降至",
    "减少至",
    "回落至",
    "回升至",
    "扩大至",
    "收窄至",
];

/// Verbs of rising, for a rate (增长3.5%), a change of a level (增加1109万吨) or of a rate in
/// points (加快3.2个百分点). Longest first.
pub const UP: &[&str] = &[
    "增长了",
    "增加了",
    "增幅为",
    "增幅达",
    "增幅",
    "增速为",
    "增速达",
    "增速",
    "涨幅为",
    "涨幅达",
    "涨幅",
    "净增加",
    "净增",
    "多增",
    "新增",
    "增长",
    "增加",
    "上涨",
    "上升",
    "提高",
    "提升",
    "回升",
    "加快",
    "扩大",
    "攀升",
    "走高",
    "增多",
    "高出",
    "快",
    "高",
    "多",
    "增",
    "涨",
    "升",
];

/// Verbs of falling. Longest first.
pub const DOWN: &[&str] = &[
    "下降了",
    "减少了",
    "降幅为",
    "降幅达",
    "降幅",
    "跌幅为",
    "跌幅",
    "净减少",
    "净减",
    "少增",
    "下降",
    "减少",
    "下跌",
    "回落",
    "降低",
    "下滑",
    "收窄",
    "放缓",
    "缩小",
    "缩减",
    "萎缩",
    "低于",
    "慢",
    "低",
    "少",
    "降",
    "减",
    "跌",
];

/// Words that make a figure a comparison with another period or subject (its basis), longest
/// first, and what they mean.
pub const BASES: &[(&str, Against)] = &[
    ("比上年同期", Against::YearEarlier),
    ("比去年同期", Against::YearEarlier),
    ("较上年同期", Against::YearEarlier),
    ("较去年同期", Against::YearEarlier),
    ("与上年同期相比", Against::YearEarlier),
    ("与去年同期相比", Against::YearEarlier),
    // What is left of 比上年同期 once its period is read.
    ("比同期", Against::YearEarlier),
    ("较同期", Against::YearEarlier),
    ("比上年末", Against::PreviousEnd),
    ("较上年末", Against::PreviousEnd),
    ("比年初", Against::PreviousEnd),
    ("较年初", Against::PreviousEnd),
    ("比上年", Against::YearEarlier),
    ("比去年", Against::YearEarlier),
    ("较上年", Against::YearEarlier),
    ("较去年", Against::YearEarlier),
    ("与上年相比", Against::YearEarlier),
    ("与去年相比", Against::YearEarlier),
    ("同比", Against::YearEarlier),
    ("环比", Against::PreviousPeriod),
    ("比上月", Against::PreviousPeriod),
    ("较上月", Against::PreviousPeriod),
    ("比上季度", Against::PreviousPeriod),
];

/// What a comparison is against.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "against", content = "what")]
pub enum Against {
    /// 同比, 比上年, 比去年同期: the same period a year earlier.
    YearEarlier,
    /// 环比, 比上月: the period just before.
    PreviousPeriod,
    /// 比上年末, 比年初: a stock at the end of the year before.
    PreviousEnd,
    /// Another period or subject the copy names: 比一季度, 比城镇居民, 比2019年同期.
    Named(String),
}

/// Words that make a growth rate real or nominal.
pub const REAL: &[&str] = &["扣除价格因素", "按可比价格计算", "实际"];
pub const NOMINAL: &[&str] = &["名义"];

/// Words that open a clause and connect it, never part of a subject.
pub const CONNECTORS: &[&str] = &[
    "年末",
    "年底",
    "末",
    "底",
    "这是",
    "这也是",
    "也是",
    "这",
    "其中",
    "包括",
    "此外",
    "另外",
    "同时",
    "同期",
    "而且",
    "并且",
    "以及",
    "其次",
    "首先",
    "再次",
    "最后",
    "截至",
    "截止",
    "全年",
    "当月",
    "今年",
    "去年",
    "而",
    "但",
    "并",
    "且",
    "和",
    "与",
    "及",
    "在",
    "据",
    "从",
    "共",
    "仅",
    "约",
    "已",
];

/// Words for a part's share of a whole after `占…的`, or alone (`占比`, `比重为`).
pub const SHARE_WORDS: &[&str] = &[
    "所占比重",
    "的比重",
    "比重",
    "的比例",
    "比例",
    "的份额",
    "份额",
    "占有率",
    "占比",
    "的",
];

/// Subject words that stand for the rate of the subject before them: `增速比城镇居民快2.0个百分点`
/// is about the previous subject's growth.
pub const RATE_NOUNS: &[&str] = &[
    "增速",
    "增幅",
    "涨幅",
    "降幅",
    "跌幅",
    "比重",
    "占比",
    "增长率",
    "增长速度",
];

/// Words of a period left at the head of a subject once its period is read (`四季度单季成交`):
/// they say when, not what.
pub const PERIOD_WORDS: &[&str] = &["单季", "单月", "当月", "当季", "当年"];

/// Words that name one month or quarter alone (`10月当月`, `四季度单季`): a period so named is its
/// own clause's or sentence's, not the copy's from there on.
pub const ONE_PERIOD: &[&str] = &["当月", "当季", "单月", "单季"];

/// Rates whose names end with a rate noun but are the rate of nothing before them: the
/// population's 自然增长率 is births less deaths, not the growth of 人口自然.
pub const NAMED_RATES: &[&str] = &["自然增长率"];

/// Prefixes that name the whole of something rather than a part: 全国机动车 is 机动车.
pub const WHOLE_PREFIXES: &[&str] = &[
    "全国",
    "我国",
    "全部",
    "全社会",
    "全省",
    "全市",
    "全区",
    "全",
    "总",
    // An overall measure is the measure: 人均综合用水量 is 人均用水量.
    "综合",
    // A cumulative total is the period's level: 累计软件业务收入 is 软件业务收入.
    "累计",
];

/// Measure words after a concept that do not change it: 出口额 and 出口总值 are 出口.
/// Longest first.
pub const MEASURES: &[&str] = &[
    "总规模",
    "总金额",
    "总产量",
    "总数量",
    "总人数",
    "保有量",
    "总额",
    "总值",
    "总量",
    "总数",
    "数量",
    "规模",
    "容量",
    "投入",
    "金额",
    "人数",
    "对数",
    "产量",
    "总计",
    "额",
    "值",
    "量",
    "数",
];

/// Subject words that make a figure an average: a per-day or per-head figure is not a level of
/// the same concept without them.
pub const AVERAGES: &[&str] = &["日均", "人均", "户均", "月均", "平均", "年均", "场均"];

/// Words that end the name of a balance of two opposite flows (`结售汇顺差`, `当期结余`).
pub const BALANCES: &[&str] = &[
    "顺差",
    "逆差",
    "差额",
    "结余",
    "净增",
    "净增加",
    "净减少",
    "净流入",
    "净流出",
    "盈余",
    "净额",
];

/// Words in a name that make a balance a stock (`累计结余`, `滚存结余`) rather than the period's
/// difference of flows — unless the flows are named alike (`累计结汇`, `累计售汇`, `累计顺差`).
pub const STOCK_WORDS: &[&str] = &["累计", "滚存", "历年", "余额"];

/// Pairs of opposite flows (either may come first): a balance is the difference of two figures
/// named by the two sides of one pair.
pub const OPPOSITES: &[(&str, &str)] = &[
    ("收入", "支出"),
    ("收入", "付款"),
    ("收款", "付款"),
    ("结汇", "售汇"),
    ("出口", "进口"),
    ("流入", "流出"),
    ("新设", "注销"),
    ("新登记", "注销"),
    ("设立", "注销"),
    ("缴存", "提取"),
    ("买入", "卖出"),
    ("增持", "减持"),
    ("入境", "出境"),
    ("借入", "偿还"),
    ("存入", "取出"),
];

/// Verbs that, standing alone before a figure (`1—10月共发行87415亿元`), leave their object to
/// the statement before that names it (`全国发行地方政府债券82129亿元`), or to the level just
/// before them in their sentence (`1—10月全国税收收入148327亿元，11月当月入库13831亿元`).
pub const BARE_VERBS: &[&str] = &[
    "发行", "完成", "实现", "销售", "生产", "发送", "运送", "接待", "成交", "签约", "交付", "投放",
    "发放", "收购", "办理", "新增", "建成", "发电", "开行", "投资", "入库",
];

/// Words before a figure stated as a milestone passed for the first time.
pub const MILESTONES: &[&str] = &[
    "首次突破",
    "首次超过",
    "首次迈上",
    "首次站上",
    "首次跨越",
    "首次达到",
    "首破",
    "突破",
    "迈上",
    "站上",
    "跨上",
    "跨越",
    "首次",
];

/// The clause that opens a breakdown (`按经营单位所在地分`, `分城乡看`, `从收入来源看`,
/// `出口额、进口额分开来看`): the characters it starts and ends with.
pub fn opens_breakdown(clause: &str) -> bool {
    let c = clause.trim();
    let n = c.chars().count();
    if !(2..=16).contains(&n) {
        return false;
    }
    (c.starts_with('按') && (c.ends_with('分') || c.ends_with("划分") || c.ends_with("来看")))
        || (c.starts_with('分') && c.ends_with('看'))
        || (c.starts_with('从')
            && c.ends_with('看')
            && ![
                "当月", "单月", "全年", "月度", "季度", "总体", "整体", "长期", "短期", "趋势",
                "走势", "规模", "总量", "速度", "增速", "效益", "时间",
            ]
            .iter()
            .any(|w| c.contains(w)))
        || c.ends_with("分开来看")
        || c.ends_with("分开看")
}

/// The whole a clause names as the frame of the parts that follow (`人身险中`, `分布式光伏中`,
/// `在出口中`): a name of two to twelve characters before a closing `中`. `其中`, `其中…`
/// and a clause holding a verb of its own are no such frame.
pub fn names_whole(clause: &str) -> Option<&str> {
    let c = clause.trim();
    let name = c.strip_suffix('中')?;
    let name = name.strip_prefix('在').unwrap_or(name);
    let n = name.chars().count();
    let plain = name
        .chars()
        .all(|c| !c.is_ascii_digit() && !matches!(c, '，' | '、' | '；' | '：' | '。'));
    ((2..=12).contains(&n)
        && plain
        && !name.starts_with("其")
        && ![
            "集中", "之中", "当中", "过程", "发展", "运行", "实施", "建设", "工作", "推进", "执行",
        ]
        .iter()
        .any(|w| name.ends_with(w) || c.ends_with(w)))
    .then_some(name)
}

/// Comparison words that stand before the peer they name (`高出福利彩票`, `低于全国平均水平`),
/// with the direction they give the gap.
pub const COMPARATIVES: &[(&str, i8)] = &[
    ("高出", 1),
    ("高于", 1),
    ("快于", 1),
    ("超出", 1),
    ("领先", 1),
    ("低于", -1),
    ("慢于", -1),
    ("落后", -1),
];

/// Names for the whole a part is compared with or is a share of (`占全国的`, `高于全国平均水平`):
/// the level of the part's own concept without its modifier.
pub const WHOLE_NAMES: &[&str] = &[
    "全国平均水平",
    "全国平均",
    "全国水平",
    "全国总体",
    "全国总量",
    "全国总额",
    "全国市场",
    "全市场",
    "全国",
    "平均水平",
    "总体水平",
    "总体",
    "整体",
    "全行业",
    "行业平均水平",
];

/// The stage of a flow a name states, when it names one other than its completion: 落实投资
/// (secured), 计划投资 (planned), 签约 (signed) are other concepts than 完成投资, never its
/// parts nor its whole.
pub fn stage(subject: &str) -> Option<&'static str> {
    const STAGES: &[&str] = &[
        "落实",
        "到位",
        "计划",
        "签约",
        "下达",
        "安排",
        "批复",
        "审批",
        "拨付",
        "新开工",
    ];
    STAGES.iter().copied().find(|w| subject.contains(w))
}
