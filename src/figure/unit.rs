//! Units and dimensions: what a figure measures, and which figures may be added or compared.

use serde::{Deserialize, Serialize};

/// The kind of quantity a figure measures. Figures of different dimensions never combine;
/// within `Currency`, `Count` and `Physical` the unit itself must match too (元 is not 美元).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Money: 元, 美元, ….
    Currency,
    /// Things counted with a classifier (辆, 人, 家) or bare numbers.
    Count,
    /// Physical measures: 吨, 千瓦时, 平方米, ….
    Physical,
    /// Durations: 年, 个月, 天, 小时.
    Duration,
    /// Shares and rates: %, ‰, 成, fractions.
    Percent,
    /// Differences of rates: 个百分点.
    PercentagePoint,
    /// Multiples: 倍, 翻番.
    Ratio,
}

/// One entry of the unit table: the surface text, its canonical name and dimension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitEntry {
    pub surface: String,
    pub unit: String,
    pub dimension: Dimension,
    /// Words the surface opens, where it is no unit: `手` counts futures lots in `79.48亿手`
    /// but opens `手机` in `1亿手机用户`.
    // Always written: the compiled pack (postcard) reads fields by position.
    #[serde(default)]
    pub not_before: Vec<String>,
}

/// The units the figure reader recognises after a number. Rules may extend it.
#[derive(Debug, Clone)]
pub struct UnitTable {
    /// Sorted longest surface first, so `千瓦时` wins over `千瓦`.
    entries: Vec<UnitEntry>,
    /// Each entry's first character, so a lookup compares whole surfaces only where it matches
    /// (the reader looks up a unit after every number).
    first: Vec<Option<char>>,
}

const CURRENCIES: &[(&str, &str)] = &[
    ("元人民币", "元"),
    ("人民币", "元"),
    ("元", "元"),
    ("美元", "美元"),
    ("欧元", "欧元"),
    ("日元", "日元"),
    ("港元", "港元"),
    ("港币", "港元"),
    ("英镑", "英镑"),
    ("韩元", "韩元"),
    ("澳元", "澳元"),
    ("卢布", "卢布"),
    ("新台币", "新台币"),
];

const CLASSIFIERS: &[&str] = &[
    "人次", "架次", "车次", "艘次", "户次", "辆次", "辆", "人", "家", "件", "笔", "个", "项", "户",
    "位", "名", "只", "头", "台", "套", "部", "张", "份", "本", "册", "篇", "条", "座", "所", "栋",
    "幢", "批", "期", "次", "例", "宗", "起", "场", "届", "款", "种", "类", "支", "枚", "颗", "株",
    "棵", "处", "单", "票", "班", "趟", "列", "架", "艘", "节", "门", "间", "首", "方面",
];

const PHYSICAL: &[(&str, &str)] = &[
    ("千瓦时", "千瓦时"),
    ("度", "千瓦时"),
    ("千瓦", "千瓦"),
    ("兆瓦", "兆瓦"),
    ("吉瓦", "吉瓦"),
    ("瓦", "瓦"),
    ("GWh", "GWh"),
    ("MWh", "MWh"),
    ("TWh", "TWh"),
    ("kWh", "kWh"),
    ("GW", "GW"),
    ("MW", "MW"),
    ("kW", "kW"),
    ("吨", "吨"),
    ("公斤", "千克"),
    ("千克", "千克"),
    ("克", "克"),
    ("斤", "斤"),
    ("升", "升"),
    ("立方米", "立方米"),
    ("平方米", "平方米"),
    ("平方公里", "平方公里"),
    ("公顷", "公顷"),
    ("亩", "亩"),
    ("公里", "公里"),
    ("千米", "公里"),
    ("米", "米"),
    ("标准箱", "标准箱"),
    ("标箱", "标准箱"),
    ("桶", "桶"),
    ("分", "分"),
    ("岁", "岁"),
    ("摄氏度", "℃"),
    ("℃", "℃"),
    ("km", "公里"),
    ("kg", "千克"),
];

const DURATIONS: &[(&str, &str)] = &[
    ("个季度", "季度"),
    ("个月", "月"),
    ("个工作日", "天"),
    ("个交易日", "天"),
    ("小时", "小时"),
    ("分钟", "分钟"),
    ("年", "年"),
    ("天", "天"),
    ("周", "周"),
];

impl Default for UnitTable {
    fn default() -> Self {
        let mut entries = Vec::new();
        let mut add = |surface: &str, unit: &str, dimension| {
            entries.push(UnitEntry {
                surface: surface.to_string(),
                unit: unit.to_string(),
                dimension,
                not_before: Vec::new(),
            })
        };
        for (s, u) in CURRENCIES {
            add(s, u, Dimension::Currency);
        }
        for s in CLASSIFIERS {
            add(s, s, Dimension::Count);
        }
        for (s, u) in PHYSICAL {
            add(s, u, Dimension::Physical);
        }
        for (s, u) in DURATIONS {
            add(s, u, Dimension::Duration);
        }
        let mut table = Self {
            entries,
            first: Vec::new(),
        };
        table.sort();
        table
    }
}

impl UnitTable {
    /// Adds (or redefines) a unit, as a rule file may.
    pub fn extend(&mut self, entry: UnitEntry) {
        self.entries.retain(|e| e.surface != entry.surface);
        self.entries.push(entry);
        self.sort();
    }

    fn sort(&mut self) {
        self.entries.sort_by(|a, b| {
            b.surface
                .len()
                .cmp(&a.surface.len())
                .then(a.surface.cmp(&b.surface))
        });
        self.first = self
            .entries
            .iter()
            .map(|e| e.surface.chars().next())
            .collect();
    }

    /// The longest unit at the start of `text`.
    pub fn lookup(&self, text: &str) -> Option<&UnitEntry> {
        let c = text.chars().next();
        self.entries
            .iter()
            .zip(&self.first)
            .find(|(e, &first)| {
                (first.is_none() || first == c)
                    && text.starts_with(&e.surface)
                    && !e
                        .not_before
                        .iter()
                        .any(|w| text[e.surface.len()..].starts_with(w.as_str()))
            })
            .map(|(e, _)| e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_unit_wins() {
        let t = UnitTable::default();
        assert_eq!(t.lookup("千瓦时，").unwrap().unit, "千瓦时");
        assert_eq!(t.lookup("元人民币").unwrap().surface, "元人民币");
        assert_eq!(t.lookup("人次").unwrap().unit, "人次");
        assert_eq!(t.lookup("个月").unwrap().dimension, Dimension::Duration);
        assert!(t.lookup("城市").is_none());
    }

    #[test]
    fn rules_can_extend_the_table() {
        let mut t = UnitTable::default();
        t.extend(UnitEntry {
            surface: "车皮".into(),
            unit: "车皮".into(),
            dimension: Dimension::Count,
            not_before: Vec::new(),
        });
        assert_eq!(t.lookup("车皮").unwrap().unit, "车皮");
        t.extend(UnitEntry {
            surface: "手".into(),
            unit: "手".into(),
            dimension: Dimension::Count,
            not_before: vec!["机".into()],
        });
        assert_eq!(t.lookup("手，").unwrap().unit, "手");
        assert!(t.lookup("手机用户").is_none());
    }
}
