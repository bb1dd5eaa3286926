//! Periods: the stretch of time a figure covers (`全年`, `上半年`, `1—5月`, `12月份`) or the date a
//! stock is counted at (`6月末`, `年底`), read once by one grammar and passed between layers as a
//! typed value, never as text.
//!
//! The parser works like jiff's: each step takes the text, returns what it read and the rest of
//! the input, or a typed reason it read nothing. [`scan`] finds every period a text names.
//!
//! A period is comparable however the copy wrote it: `1—6月`, `1至6月`, `1到6月`, `前6个月` and
//! `上半年` are the same six months; `6月末` (a date) is not `6月份` (a month); `12月份` is not
//! `全年`.

use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// The year a period lies in, as the copy gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Year {
    /// `2024年`.
    Stated(i32),
    /// `今年` (0), `去年`/`上年` (−1), `明年` (+1): relative to the year of publication.
    Relative(i8),
    /// No year in the copy: the year of publication, or the one before for a period ending in
    /// December (a full-year report appears in January).
    Unstated,
}

/// What part of the year a period covers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Stretch {
    /// A run of whole months, first to last (1-based, inclusive): 全年 is 1–12, 上半年 1–6,
    /// 三季度 7–9, 12月份 12–12, 1—5月 1–5.
    Months { first: u8, last: u8 },
    /// The end of a month, when a stock is counted: `6月末`, `年底` (12), `一季度末` (3). The
    /// start of the year (`年初`) is the end of month 0.
    End { month: u8 },
    /// A holiday or season named by the copy: `春节假期`, `国庆档`, `春运`.
    Holiday { name: String },
    /// Several years: `2021—2025年`.
    Years { first: i32, last: i32 },
    /// A run of months across the turn of a year, from a month of the period's year to a month
    /// of a later one: `2024年12月至2025年2月` (a winter season).
    AcrossYears { first: u8, last_year: i32, last: u8 },
    /// From the start of the year to a date the copy does not give: `今年以来`.
    ToDate,
    /// A run of days (`10月1日至7日`, `1月28日至2月4日`): first month and day, last month and day.
    Days {
        month: u8,
        first: u8,
        last_month: u8,
        last: u8,
    },
}

/// A period the copy names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Period {
    pub year: Year,
    pub stretch: Stretch,
}

/// Why no period starts at a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NotAPeriod {
    #[error("nothing here names a period")]
    Nothing,
    #[error("a day of a month is a date, not a period")]
    DayOfMonth,
    #[error("a month or quarter out of range")]
    OutOfRange,
}

impl Period {
    pub const fn months(year: Year, first: u8, last: u8) -> Self {
        Self {
            year,
            stretch: Stretch::Months { first, last },
        }
    }

    /// The months it covers, first and last, when it is a run of months.
    pub fn month_range(&self) -> Option<(u8, u8)> {
        match self.stretch {
            Stretch::Months { first, last } => Some((first, last)),
            _ => None,
        }
    }

    /// How many months it covers.
    pub fn month_count(&self) -> Option<u32> {
        self.month_range()
            .map(|(first, last)| u32::from(last) - u32::from(first) + 1)
    }

    /// Whether it is a point in time (a stock's date) rather than a stretch.
    pub fn is_point(&self) -> bool {
        matches!(self.stretch, Stretch::End { .. })
    }

    /// The year it lies in, given the year of publication: `None` when unknown.
    pub fn resolve_year(&self, published: Option<i32>) -> Option<i32> {
        match self.year {
            Year::Stated(y) => Some(y),
            Year::Relative(d) => published.map(|p| p + i32::from(d)),
            Year::Unstated => None,
        }
    }

    /// Whether two periods can be the same stretch of time: the same months (or the same end of
    /// month, holiday or years), and the same year where both give one.
    pub fn agrees(&self, other: &Period, published: Option<i32>) -> bool {
        if self.stretch != other.stretch {
            return false;
        }
        match (self.resolve_year(published), other.resolve_year(published)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }

    /// Whether one of the two periods is a stock's date and the other the run of months to it,
    /// in one year (`截至2025年底` and `全年`, `10月末` and `1—10月`): where a story's lead period
    /// of one kind is carried to a figure of the other whose paragraph names none, the two
    /// are the same time.
    pub fn dates_run(&self, other: &Period, published: Option<i32>) -> bool {
        let years = match (self.resolve_year(published), other.resolve_year(published)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        years
            && match (&self.stretch, &other.stretch) {
                (Stretch::End { month }, Stretch::Months { first: 1, last })
                | (Stretch::Months { first: 1, last }, Stretch::End { month }) => {
                    month == last && *month >= 1
                }
                _ => false,
            }
    }

    /// Whether `other` lies within this period (the same year where both give one): 二季度 lies
    /// within 上半年, 12月份 within 全年; a period lies within itself.
    pub fn contains(&self, other: &Period, published: Option<i32>) -> bool {
        let years = match (self.resolve_year(published), other.resolve_year(published)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        years
            && match (&self.stretch, &other.stretch) {
                (Stretch::Months { first, last }, Stretch::Months { first: f, last: l }) => {
                    first <= f && l <= last
                }
                (a, b) => a == b,
            }
    }

    /// The number of days it covers, least and most: a range where the year (and so February)
    /// is not known. `published` is the year of publication and `guessed` whether it was
    /// guessed from the copy rather than given. `None` for a point in time or a holiday.
    pub fn days(&self, published: Option<i32>, guessed: bool) -> Option<(u32, u32)> {
        if let Stretch::Days {
            month,
            first,
            last_month,
            last,
        } = self.stretch
        {
            // Across the end of February, a leap year adds a day.
            let count = |leap: bool| {
                if month == last_month {
                    u32::from(last) - u32::from(first) + 1
                } else {
                    (month_days(month, leap) + 1).saturating_sub(u32::from(first))
                        + (month + 1..last_month)
                            .map(|m| month_days(m, leap))
                            .sum::<u32>()
                        + u32::from(last)
                }
            };
            return Some((count(false).min(count(true)), count(false).max(count(true))));
        }
        if let (
            Stretch::AcrossYears {
                first,
                last_year,
                last,
            },
            Year::Stated(year),
        ) = (&self.stretch, self.year)
        {
            let days = (*first..=12)
                .map(|m| month_days(m, is_leap(year)))
                .chain((1..=*last).map(|m| month_days(m, is_leap(*last_year))))
                .sum::<u32>();
            return Some((days, days));
        }
        let (first, last) = self.month_range()?;
        let count = |leap: bool| (first..=last).map(|m| month_days(m, leap)).sum::<u32>();
        // A period that names its year counts in that year. Otherwise it is the year of
        // publication, or the one before when the period runs to December (全年 published in
        // January is last year's); a guessed year may be the guess or the year after.
        let years: Vec<i32> = match (self.resolve_year(published), published) {
            (Some(y), _) if !matches!(self.year, Year::Relative(_)) || !guessed => vec![y],
            (Some(y), _) => vec![y, y + 1],
            (None, Some(y)) if guessed && last == 12 => vec![y - 1, y, y + 1],
            (None, Some(y)) if guessed => vec![y, y + 1],
            (None, Some(y)) if last == 12 => vec![y - 1, y],
            (None, Some(y)) => vec![y],
            (None, None) => Vec::new(),
        };
        if years.is_empty() {
            return Some((count(false), count(true)));
        }
        let counts: Vec<u32> = years.iter().map(|&y| count(is_leap(y))).collect();
        Some((
            counts.iter().copied().min().unwrap_or(0),
            counts.iter().copied().max().unwrap_or(0),
        ))
    }
}

impl fmt::Display for Period {
    /// The period in one canonical Chinese form: `2024年全年`, `上半年`, `1—5月`, `6月末`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            _ if matches!(self.stretch, Stretch::Years { .. }) => {}
            Year::Stated(y) => write!(f, "{y}年")?,
            Year::Relative(0) => f.write_str("今年")?,
            Year::Relative(-1) => f.write_str("上年")?,
            Year::Relative(1) => f.write_str("明年")?,
            Year::Relative(d) => write!(f, "({d:+}年)")?,
            Year::Unstated => {}
        }
        match &self.stretch {
            Stretch::Months { first: 1, last: 12 } => f.write_str("全年"),
            Stretch::Months { first: 1, last: 6 } => f.write_str("上半年"),
            Stretch::Months { first: 7, last: 12 } => f.write_str("下半年"),
            Stretch::Months { first: 1, last: 9 } => f.write_str("前三季度"),
            Stretch::Months { first, last } if first == last => write!(f, "{first}月"),
            Stretch::Months { first, last } if (last - first) == 2 && first % 3 == 1 => {
                write!(
                    f,
                    "{}季度",
                    ["一", "二", "三", "四"][usize::from(first / 3)]
                )
            }
            Stretch::Months { first, last } => write!(f, "{first}—{last}月"),
            Stretch::End { month: 0 } => f.write_str("年初"),
            Stretch::End { month } => write!(f, "{month}月末"),
            Stretch::Holiday { name } => f.write_str(name),
            Stretch::Years { first, last } => write!(f, "{first}—{last}年"),
            Stretch::AcrossYears {
                first,
                last_year,
                last,
            } => write!(f, "{first}月至{last_year}年{last}月"),
            Stretch::ToDate => f.write_str("以来"),
            Stretch::Days {
                month,
                first,
                last_month,
                last,
            } if month == last_month => write!(f, "{month}月{first}日至{last}日"),
            Stretch::Days {
                month,
                first,
                last_month,
                last,
            } => write!(f, "{month}月{first}日至{last_month}月{last}日"),
        }
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn month_days(month: u8, leap: bool) -> u32 {
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Holidays and seasons whose name is a period. Longest first where one begins another.
const HOLIDAYS: &[&str] = &[
    "春节假期",
    "春节期间",
    "春节黄金周",
    "春节档",
    "国庆假期",
    "国庆期间",
    "国庆黄金周",
    "国庆档",
    "国庆中秋假期",
    "中秋国庆假期",
    "五一假期",
    "“五一”假期",
    "五一档",
    "端午假期",
    "中秋假期",
    "元旦假期",
    "清明假期",
    "暑期档",
    "春运期间",
    "春运",
    "暑运",
    "暑期",
];

/// A number of one or two digits, Arabic or Chinese (一 to 十二), and the rest.
fn small_number(text: &str) -> Option<(u8, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let n = text[..digits].parse().ok()?;
        return Some((n, &text[digits..]));
    }
    if digits > 2 {
        return None;
    }
    let value = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c);
    let mut chars = text.char_indices();
    let (_, c) = chars.next()?;
    if c == '十' {
        // 十, 十一, 十二
        let rest = &text[c.len_utf8()..];
        if let Some(d) = rest.chars().next().and_then(value).filter(|&d| d > 0) {
            return Some((10 + d as u8, &rest[3..]));
        }
        return Some((10, rest));
    }
    let d = value(c).filter(|&d| d > 0)? as u8;
    let rest = &text[c.len_utf8()..];
    if let Some(after) = rest.strip_prefix('十') {
        if let Some(e) = after.chars().next().and_then(value).filter(|&e| e > 0) {
            return Some((d * 10 + e as u8, &after[3..]));
        }
        return Some((d * 10, after));
    }
    Some((d, rest))
}

/// A four-digit year followed by 年 (or 年度), and the rest.
fn stated_year(text: &str) -> Option<(i32, &str)> {
    let b = text.as_bytes();
    if b.len() < 4
        || !b[..4].iter().all(u8::is_ascii_digit)
        || b.get(4).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let year: i32 = text[..4].parse().ok()?;
    if !(1000..=2999).contains(&year) {
        return None;
    }
    let rest = text[4..].strip_prefix('年')?;
    Some((year, rest.strip_prefix('度').unwrap_or(rest)))
}

fn relative_year(text: &str) -> Option<(i8, &str)> {
    const WORDS: &[(&str, i8)] = &[
        ("今年", 0),
        ("本年", 0),
        ("当年", 0),
        ("去年", -1),
        ("上年", -1),
        ("上一年", -1),
        ("前年", -2),
        ("明年", 1),
    ];
    WORDS
        .iter()
        .find_map(|&(w, d)| text.strip_prefix(w).map(|rest| (d, rest)))
}

const RANGE_SEPARATORS: &[&str] = &["至", "到", "—", "－", "-", "~", "～", "–"];

/// The part of a year: every form of [`Stretch`] except the years, and the rest.
fn stretch(text: &str) -> Result<(Stretch, &str), NotAPeriod> {
    const FIXED: &[(&str, u8, u8)] = &[
        ("全年", 1, 12),
        ("上半年", 1, 6),
        ("下半年", 7, 12),
        ("前三季度", 1, 9),
        ("前3季度", 1, 9),
        ("前两季度", 1, 6),
    ];
    for &(word, first, last) in FIXED {
        if let Some(rest) = text.strip_prefix(word) {
            return Ok((Stretch::Months { first, last }, rest));
        }
    }
    for (word, month) in [("年末", 12), ("年底", 12), ("年初", 0)] {
        if let Some(rest) = text.strip_prefix(word).filter(|r| {
            !r.starts_with(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'])
        }) {
            return Ok((Stretch::End { month }, rest));
        }
    }
    // 前5个月, 前五个月
    if let Some(after) = text.strip_prefix('前') {
        if let Some((n, rest)) = small_number(after) {
            if let Some(rest) = rest
                .strip_prefix("个月")
                .or_else(|| rest.strip_prefix('月'))
            {
                return if (1..=12).contains(&n) {
                    Ok((Stretch::Months { first: 1, last: n }, rest))
                } else {
                    Err(NotAPeriod::OutOfRange)
                };
            }
        }
        return Err(NotAPeriod::Nothing);
    }
    // 一季度, 第二季度, 2季度, 一季度末
    let quarter_text = text.strip_prefix('第').unwrap_or(text);
    if let Some((q, rest)) = small_number(quarter_text) {
        if let Some(rest) = rest.strip_prefix("季度") {
            if !(1..=4).contains(&q) {
                return Err(NotAPeriod::OutOfRange);
            }
            let last = 3 * q;
            if let Some(rest) = rest.strip_prefix('末').or_else(|| rest.strip_prefix('底')) {
                return Ok((Stretch::End { month: last }, rest));
            }
            return Ok((
                Stretch::Months {
                    first: last - 2,
                    last,
                },
                rest,
            ));
        }
    }
    // Months: 12月份, 6月末, 1—5月, 1至5月份. Arabic digits only: 一月 is rare in wire copy,
    // and 十二月 would be read from 二十二月 otherwise.
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let first: u8 = text[..digits].parse().map_err(|_| NotAPeriod::Nothing)?;
        let rest = &text[digits..];
        for sep in RANGE_SEPARATORS {
            if let Some(after) = rest.strip_prefix(sep) {
                let n = after.bytes().take_while(u8::is_ascii_digit).count();
                if !(1..=2).contains(&n) {
                    continue;
                }
                let last: u8 = after[..n].parse().map_err(|_| NotAPeriod::Nothing)?;
                let Some(rest) = after[n..].strip_prefix('月') else {
                    continue;
                };
                if !(1 <= first && first <= last && last <= 12) {
                    return Err(NotAPeriod::OutOfRange);
                }
                let rest = rest.strip_prefix('份').unwrap_or(rest);
                return Ok((Stretch::Months { first, last }, rest));
            }
        }
        if let Some(rest) = rest.strip_prefix('月') {
            if !(1..=12).contains(&first) {
                return Err(NotAPeriod::OutOfRange);
            }
            if rest.starts_with(|c: char| c.is_ascii_digit() || c == '日') {
                return Err(NotAPeriod::DayOfMonth);
            }
            for end in ["末", "底"] {
                if let Some(rest) = rest.strip_prefix(end) {
                    return Ok((Stretch::End { month: first }, rest));
                }
            }
            let rest = rest.strip_prefix('份').unwrap_or(rest);
            let rest = rest.strip_prefix("当月").unwrap_or(rest);
            return Ok((Stretch::Months { first, last: first }, rest));
        }
    }
    for name in HOLIDAYS {
        if let Some(rest) = text.strip_prefix(name) {
            return Ok((
                Stretch::Holiday {
                    name: name.replace(['“', '”'], ""),
                },
                rest,
            ));
        }
    }
    Err(NotAPeriod::Nothing)
}

/// Reads the period at the start of `text`: the period and the rest of the input.
pub fn parse(text: &str) -> Result<(Period, &str), NotAPeriod> {
    if let Some(found) = five_year_plan(text) {
        return Ok(found);
    }
    if let Some(found) = day_run(text) {
        return Ok(found);
    }
    if let Some((year, rest)) = stated_year(text) {
        // 2021—2025年: several years.
        return after_year(Year::Stated(year), rest);
    }
    if let Some((first, rest)) = year_range(text) {
        return Ok(rest_of_range(first, rest));
    }
    if let Some((delta, rest)) = relative_year(text) {
        // 今年 alone is the year so far, not its twelve months; 去年 is a year complete.
        return match after_year(Year::Relative(delta), rest) {
            Ok((p, r)) if delta >= 0 && r.len() == rest.len() => {
                let _ = p;
                Err(NotAPeriod::Nothing)
            }
            found => found,
        };
    }
    let (stretch, rest) = stretch(text)?;
    Ok((
        Period {
            year: Year::Unstated,
            stretch,
        },
        rest,
    ))
}

/// What follows a year: a part of it (`2025年上半年`), its end or start (`2024年末`, `今年年初`), the
/// year to date (`今年以来`), or nothing (`2024年` is the whole year).
fn after_year(year: Year, rest: &str) -> Result<(Period, &str), NotAPeriod> {
    for (word, stretch) in [
        ("末", Stretch::End { month: 12 }),
        ("底", Stretch::End { month: 12 }),
        ("初", Stretch::End { month: 0 }),
        ("以来", Stretch::ToDate),
    ] {
        if let Some(rest) = rest.strip_prefix(word) {
            return Ok((Period { year, stretch }, rest));
        }
    }
    match stretch(rest) {
        Ok((Stretch::Months { first, last }, rest)) if first == last => {
            // `2024年12月至2025年2月`: a run that crosses into a later year.
            let across = match year {
                Year::Stated(y) => across_years(y, first, rest),
                _ => None,
            };
            Ok(across.unwrap_or((
                Period {
                    year,
                    stretch: Stretch::Months { first, last },
                },
                rest,
            )))
        }
        Ok((stretch, rest)) => Ok((Period { year, stretch }, rest)),
        Err(NotAPeriod::DayOfMonth) => Err(NotAPeriod::DayOfMonth),
        Err(_) => Ok((Period::months(year, 1, 12), rest)),
    }
}

/// After `2024年12月`, the rest of a run into a later year: `至2025年2月`.
fn across_years(year: i32, first: u8, rest: &str) -> Option<(Period, &str)> {
    let after = RANGE_SEPARATORS.iter().find_map(|s| rest.strip_prefix(s))?;
    let (last_year, after) = stated_year(after)?;
    let after = after.strip_prefix('年').unwrap_or(after);
    let (Stretch::Months { first: f, last }, rest) = stretch(after).ok()? else {
        return None;
    };
    (f == last && year < last_year && last_year - year <= 1).then_some((
        Period {
            year: Year::Stated(year),
            stretch: Stretch::AcrossYears {
                first,
                last_year,
                last,
            },
        },
        rest,
    ))
}

/// `2021—2025年`: the first year, and the text after the separator.
fn year_range(text: &str) -> Option<(i32, &str)> {
    let b = text.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let first: i32 = text[..4].parse().ok()?;
    let rest = &text[4..];
    let rest = rest.strip_prefix('年').unwrap_or(rest);
    let after = RANGE_SEPARATORS.iter().find_map(|s| rest.strip_prefix(s))?;
    let (last, _) = stated_year(after)?;
    (first < last && last - first < 100).then_some((first, after))
}

fn rest_of_range(first: i32, after: &str) -> (Period, &str) {
    // `after` starts with the last year and 年 (checked by year_range).
    let last: i32 = after[..4].parse().unwrap_or(first);
    let rest = &after[4..];
    let rest = rest.strip_prefix('年').unwrap_or(rest);
    let rest = rest.strip_prefix('度').unwrap_or(rest);
    (
        Period {
            year: Year::Stated(first),
            stretch: Stretch::Years { first, last },
        },
        rest,
    )
}

/// Whether a period can start with `c`: every path of [`parse`] tests its first character.
fn may_start(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '全' | '上'
                | '下'
                | '前'
                | '年'
                | '第'
                | '一'
                | '二'
                | '三'
                | '四'
                | '今'
                | '本'
                | '当'
                | '去'
                | '明'
                | '春'
                | '国'
                | '五'
                | '“'
                | '端'
                | '中'
                | '元'
                | '清'
                | '暑'
                | '十'
        )
}

/// A month and day written `10月1日`: (month, day, the rest).
fn month_day(text: &str) -> Option<(u8, u8, &str)> {
    let (month, rest) = leading_number(text)?;
    let rest = rest.strip_prefix('月')?;
    let (day, rest) = leading_number(rest)?;
    let rest = rest
        .strip_prefix('日')
        .or_else(|| rest.strip_prefix('号'))?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((month, day, rest))
}

/// The ASCII digits a text opens with, as a number below 100.
fn leading_number(text: &str) -> Option<(u8, &str)> {
    let n = text.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 2 {
        return None;
    }
    Some((text[..n].parse().ok()?, &text[n..]))
}

/// `10月1日至7日`, `1月28日至2月4日`: a run of days, with the holiday it names when one follows
/// (`10月1日至7日国庆假期` is those seven days).
fn day_run(text: &str) -> Option<(Period, &str)> {
    let (month, first, rest) = month_day(text)?;
    let rest = RANGE_SEPARATORS.iter().find_map(|s| rest.strip_prefix(s))?;
    let (last_month, last, rest) = month_day(rest).or_else(|| {
        let (day, r) = leading_number(rest)?;
        let r = r.strip_prefix('日').or_else(|| r.strip_prefix('号'))?;
        Some((month, day, r))
    })?;
    if (last_month, last) <= (month, first) {
        return None;
    }
    let rest = match stretch(rest) {
        Ok((Stretch::Holiday { .. }, after)) => after,
        _ => rest,
    };
    Some((
        Period {
            year: Year::Unstated,
            stretch: Stretch::Days {
                month,
                first,
                last_month,
                last,
            },
        },
        rest,
    ))
}

/// `“十四五”期间`, `十三五时期`: the five years of a national plan (the eleventh began in 2006).
fn five_year_plan(text: &str) -> Option<(Period, &str)> {
    let quoted = text.strip_prefix('“');
    let t = quoted.unwrap_or(text).strip_prefix('十')?;
    let n = ["一", "二", "三", "四", "五", "六"]
        .iter()
        .position(|d| t.starts_with(d))?;
    let t = t[3..].strip_prefix('五')?;
    let t = if quoted.is_some() {
        t.strip_prefix('”')?
    } else {
        t
    };
    let rest = ["期间", "时期"].iter().find_map(|w| t.strip_prefix(w))?;
    let first = 2006 + 5 * i32::try_from(n).ok()?;
    Some((
        Period {
            year: Year::Stated(first),
            stretch: Stretch::Years {
                first,
                last: first + 4,
            },
        },
        rest,
    ))
}

/// Every period a text names, left to right, with its byte range. A digit run inside a larger
/// number (`12024年`) starts none.
pub fn scan(text: &str) -> Vec<(Range<usize>, Period)> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut prev: Option<char> = None;
    while at < text.len() {
        let rest = &text[at..];
        let Some(c) = rest.chars().next() else { break };
        let glued = prev.is_some_and(|p| p.is_ascii_digit() || p == '.') && c.is_ascii_digit();
        if !glued && may_start(c) {
            if let Ok((period, after)) = parse(rest) {
                let end = text.len() - after.len();
                if end > at {
                    out.push((at..end, period));
                    prev = text[..end].chars().next_back();
                    at = end;
                    continue;
                }
            }
        }
        prev = Some(c);
        at += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Period {
        let (p, rest) = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert!(rest.is_empty(), "{text}: left {rest:?}");
        p
    }

    #[test]
    fn a_run_of_days_counts_its_days() {
        let p = read("10月1日至7日国庆假期");
        assert_eq!(p.to_string(), "10月1日至7日");
        assert_eq!(p.days(None, false), Some((7, 7)));
        let p = read("1月28日至2月4日");
        assert_eq!(p.days(None, false), Some((8, 8)));
        let p = read("2月25日至3月3日");
        assert_eq!(p.days(None, false), Some((7, 8)));
        assert!(day_run("10月7日至1日").is_none());
    }

    #[test]
    fn a_five_year_plan_is_its_five_years() {
        let want = Period {
            year: Year::Stated(2021),
            stretch: Stretch::Years {
                first: 2021,
                last: 2025,
            },
        };
        assert_eq!(read("“十四五”期间"), want);
        assert_eq!(read("十四五时期"), want);
        assert!(parse("十四五规划").is_err());
        assert!(parse("十四").is_err());
    }

    #[test]
    fn every_way_of_writing_the_first_five_months_is_one_period() {
        let want = Period::months(Year::Unstated, 1, 5);
        for text in [
            "1—5月",
            "1到5月",
            "1至5月",
            "1～5月",
            "1-5月份",
            "前5个月",
            "前五个月",
        ] {
            assert_eq!(read(text), want, "{text}");
        }
    }

    #[test]
    fn halves_quarters_and_the_year_are_runs_of_months() {
        assert_eq!(read("上半年").month_range(), Some((1, 6)));
        assert_eq!(read("1—6月").month_range(), Some((1, 6)));
        assert_eq!(read("三季度").month_range(), Some((7, 9)));
        assert_eq!(read("第四季度").month_range(), Some((10, 12)));
        assert_eq!(read("前三季度").month_range(), Some((1, 9)));
        assert_eq!(read("2024年").month_range(), Some((1, 12)));
        assert_eq!(read("2024年全年").month_range(), Some((1, 12)));
        assert_eq!(read("12月份").month_range(), Some((12, 12)));
        assert_eq!(read("2025年上半年").year, Year::Stated(2025));
        assert_eq!(read("去年12月").year, Year::Relative(-1));
    }

    #[test]
    fn a_month_end_is_a_date_not_the_month() {
        assert_eq!(read("6月末").stretch, Stretch::End { month: 6 });
        assert_eq!(read("6月底").stretch, Stretch::End { month: 6 });
        assert_eq!(read("年末").stretch, Stretch::End { month: 12 });
        assert_eq!(read("一季度末").stretch, Stretch::End { month: 3 });
        assert_ne!(read("6月末"), read("6月份"));
        assert!(read("2024年末").is_point());
    }

    #[test]
    fn a_day_of_a_month_is_not_a_period() {
        assert_eq!(parse("7月14日电"), Err(NotAPeriod::DayOfMonth));
        assert_eq!(
            parse("2025年7月14日").map(|_| ()),
            Err(NotAPeriod::DayOfMonth)
        );
        assert_eq!(parse("13月"), Err(NotAPeriod::OutOfRange));
        assert_eq!(parse("5—3月"), Err(NotAPeriod::OutOfRange));
        assert_eq!(parse("进出口"), Err(NotAPeriod::Nothing));
        assert_eq!(parse("今年档期"), Err(NotAPeriod::Nothing));
        assert_eq!(parse("年初一"), Err(NotAPeriod::Nothing));
        assert_eq!(read("去年").month_range(), Some((1, 12)));
    }

    #[test]
    fn periods_agree_on_the_same_months_and_any_stated_year() {
        let h = read("上半年");
        assert!(h.agrees(&read("2025年1—6月"), Some(2025)));
        assert!(!read("2024年上半年").agrees(&read("2025年上半年"), None));
        assert!(!read("12月份").agrees(&read("全年"), Some(2025)));
        assert!(read("全年").contains(&read("12月份"), None));
        assert!(h.contains(&read("二季度"), None));
        assert!(!h.contains(&read("三季度"), None));
        assert!(read("今年上半年").agrees(&read("2025年上半年"), Some(2025)));
        assert!(!read("去年上半年").agrees(&read("2025年上半年"), Some(2025)));
    }

    #[test]
    fn days_count_february_in_the_year_the_period_lies_in() {
        assert_eq!(read("2024年上半年").days(None, false), Some((182, 182)));
        assert_eq!(read("2025年上半年").days(None, false), Some((181, 181)));
        assert_eq!(read("上半年").days(None, false), Some((181, 182)));
        assert_eq!(read("1到5月").days(Some(2025), false), Some((151, 151)));
        assert_eq!(read("全年").days(Some(2025), false), Some((365, 366)));
        assert_eq!(read("6月末").days(Some(2025), false), None);
    }

    #[test]
    fn scan_finds_periods_and_skips_dates_and_long_numbers() {
        let text = "新华社北京7月14日电 2025年上半年，出口增长；6月份进口下降，1至5月份…12024年";
        let found: Vec<String> = scan(text)
            .iter()
            .map(|(r, p)| format!("{}={p}", &text[r.clone()]))
            .collect();
        assert_eq!(
            found,
            ["2025年上半年=2025年上半年", "6月份=6月", "1至5月份=1—5月"]
        );
    }

    #[test]
    fn canonical_forms_read_back_as_the_same_period() {
        for text in [
            "2024年全年",
            "上半年",
            "1—5月",
            "6月末",
            "三季度",
            "年初",
            "12月",
            "春节假期",
            "2021—2025年",
        ] {
            let p = read(text);
            assert_eq!(read(&p.to_string()), p, "{text} → {p}");
        }
    }
}
