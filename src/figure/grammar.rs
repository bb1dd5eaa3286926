//! The figure grammar: finds every figure and date in the normalized text.
//!
//! A hand-written scanner rather than one large regex: the decisions that matter (is `12123` in
//! `“交管12123”` a figure? is `1984年` a count of years?) depend on context on both sides, and a
//! scanner states them one by one.

use super::numeral::{self, digit_value, is_numeral_char};
use super::unit::Dimension;
use super::{DateMention, Figure, Interval, Qualifier, ReadOptions, Rounding};
use crate::document::chars::is_clause_break;
use crate::document::Segments;
use crate::lazy_regex::{Groups, LazyRegex};
use rust_decimal::Decimal;
use std::ops::Range;
use std::sync::LazyLock;

/// Everything the reader found in one document, in text order.
#[derive(Debug, Clone, Default)]
pub struct FigureSet {
    pub figures: Vec<Figure>,
    pub dates: Vec<DateMention>,
    /// Numbers too large (or too precise) to compute with exactly: `9999999999999999999999999999万亿`.
    pub out_of_range: Vec<std::ops::Range<usize>>,
}

/// Prefix qualifiers, longest first so `不超过` is not read as `超过`.
const PREFIXES: &[(&str, Qualifier)] = &[
    ("more than ", Qualifier::AtLeast),
    ("at least ", Qualifier::AtLeast),
    ("fewer than ", Qualifier::AtMost),
    ("approximately ", Qualifier::About),
    ("less than ", Qualifier::AtMost),
    ("close to ", Qualifier::AtMost),
    ("roughly ", Qualifier::About),
    ("nearly ", Qualifier::AtMost),
    ("almost ", Qualifier::AtMost),
    ("around ", Qualifier::About),
    ("above ", Qualifier::AtLeast),
    ("under ", Qualifier::AtMost),
    ("about ", Qualifier::About),
    ("over ", Qualifier::AtLeast),
    ("some ", Qualifier::About),
    ("不超过", Qualifier::AtMost),
    ("不低于", Qualifier::AtLeast),
    ("不少于", Qualifier::AtLeast),
    ("超过", Qualifier::AtLeast),
    ("超出", Qualifier::AtLeast),
    ("突破", Qualifier::AtLeast),
    ("至少", Qualifier::AtLeast),
    ("多于", Qualifier::AtLeast),
    ("将近", Qualifier::AtMost),
    ("接近", Qualifier::AtMost),
    ("逼近", Qualifier::AtMost),
    ("不到", Qualifier::AtMost),
    ("不足", Qualifier::AtMost),
    ("最多", Qualifier::AtMost),
    ("少于", Qualifier::AtMost),
    ("大约", Qualifier::About),
    ("大概", Qualifier::About),
    ("约合", Qualifier::About),
    ("超", Qualifier::AtLeast),
    ("逾", Qualifier::AtLeast),
    ("近", Qualifier::AtMost),
    ("约", Qualifier::About),
];

const SUFFIX_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("以上", Qualifier::AtLeast),
    ("以内", Qualifier::AtMost),
    ("以下", Qualifier::AtMost),
    ("左右", Qualifier::About),
    ("上下", Qualifier::About),
];

/// Magnitudes after Arabic digits, longest first.
const MAGNITUDES: &[(&str, i64, u32)] = &[
    // (surface, mantissa, power of ten)
    ("万亿", 1, 12),
    ("千亿", 1, 11),
    ("百亿", 1, 10),
    ("十亿", 1, 9),
    ("千万", 1, 7),
    ("百万", 1, 6),
    ("十万", 1, 5),
    ("亿", 1, 8),
    ("万", 1, 4),
    ("千", 1, 3),
    ("百", 1, 2),
    (" trillion", 1, 12),
    (" billion", 1, 9),
    (" million", 1, 6),
    (" thousand", 1, 3),
    ("trn", 1, 12),
    ("bn", 1, 9),
    ("tn", 1, 12),
    ("m", 1, 6),
];

/// Rate suffixes: (surface, unit, dimension, factor applied to the number).
const RATE_SUFFIXES: &[(&str, &str, Dimension, i64)] = &[
    (" percentage points", "pp", Dimension::PercentagePoint, 1),
    (" percentage point", "pp", Dimension::PercentagePoint, 1),
    ("个百分点", "pp", Dimension::PercentagePoint, 1),
    ("百分点", "pp", Dimension::PercentagePoint, 1),
    (" per cent", "%", Dimension::Percent, 1),
    (" percent", "%", Dimension::Percent, 1),
    (" pp", "pp", Dimension::PercentagePoint, 1),
    ("pp", "pp", Dimension::PercentagePoint, 1),
    ("%", "%", Dimension::Percent, 1),
    ("‰", "‰", Dimension::Percent, 1),
    ("倍", "倍", Dimension::Ratio, 1),
    ("成", "%", Dimension::Percent, 10),
];

const ENGLISH_UNITS: &[(&str, &str, Dimension)] = &[
    (" yuan", "元", Dimension::Currency),
    (" US dollars", "美元", Dimension::Currency),
    (" dollars", "美元", Dimension::Currency),
    (" euros", "欧元", Dimension::Currency),
];

const CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("US$", "美元"),
    ("$", "美元"),
    ("¥", "元"),
    ("€", "欧元"),
    ("£", "英镑"),
];

/// Fractions written as words: (surface, numerator, denominator).
const WORD_FRACTIONS: &[(&str, u32, u32)] = &[
    ("three-quarters", 3, 4),
    ("two-thirds", 2, 3),
    ("a quarter", 1, 4),
    ("one-third", 1, 3),
    ("a third", 1, 3),
    ("half of", 1, 2),
    ("一半", 1, 2),
    ("半数", 1, 2),
];

struct Scanner<'a> {
    text: &'a str,
    chars: Vec<(usize, char)>,
    masked: Vec<bool>,
    options: &'a ReadOptions,
    /// Set when the figure being read is beyond `Decimal`'s range: the char index after it.
    overflowed: std::cell::Cell<Option<usize>>,
}

/// A figure before its intervals are settled.
struct Raw {
    span: Range<usize>,
    value: Decimal,
    place: Decimal,
    unit: String,
    dimension: Dimension,
    qualifier: Option<Qualifier>,
    /// 多 / 余: at least, but below the next unit of the last nonzero digit.
    bounded_above: bool,
    magnitude: String,
    multiplier: Decimal,
    decimals: u32,
    /// An integer count with no magnitude: stated exactly.
    exact: bool,
    /// Half-width of the reading for fractions and 成, which are not rounded to a digit.
    fraction_radius: Option<Decimal>,
}

pub fn read_figures(text: &str, segments: &Segments, options: &ReadOptions) -> FigureSet {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let masked = mask_names(&chars);
    let scanner = Scanner {
        text,
        chars,
        masked,
        options,
        overflowed: std::cell::Cell::new(None),
    };
    let mut set = FigureSet::default();
    let mut raws = Vec::new();
    let mut k = 0;
    while k < scanner.chars.len() {
        if scanner.masked[k] || !may_start(scanner.chars[k].1) {
            k += 1;
            continue;
        }
        if let Some((date, next)) = scanner.date_at(k) {
            set.dates.push(date);
            k = next;
            continue;
        }
        scanner.overflowed.set(None);
        match scanner.figure_at(k) {
            Some((raw, next)) => {
                raws.push(raw);
                k = next;
            }
            None => match scanner.overflowed.take() {
                // Never read part of it as a smaller figure, never drop it silently.
                Some(next) if next > k => {
                    set.out_of_range.push(scanner.byte(k)..scanner.byte(next));
                    k = next;
                }
                _ => k += 1,
            },
        }
    }
    set.figures = settle(raws, segments, options);
    share_list_units(&mut set.figures, text);
    set
}

/// `分别完成4436万、3318万和2769万标准箱`: bare numbers listed before a figure with a unit, joined
/// by nothing but a list's separator, are in that unit.
fn share_list_units(figures: &mut [Figure], text: &str) {
    for i in (0..figures.len().saturating_sub(1)).rev() {
        let (a, b) = (&figures[i], &figures[i + 1]);
        let joined = text
            .get(a.span.end..b.span.start)
            .is_some_and(|t| matches!(t.trim(), "、" | "和" | "及" | "与" | "或"));
        if joined && a.unit.is_empty() && a.dimension == Dimension::Count && !b.unit.is_empty() {
            let (unit, dimension) = (b.unit.clone(), b.dimension);
            figures[i].unit = unit;
            figures[i].dimension = dimension;
        }
    }
}

/// Whether a date or a figure can start with `c`. Every path of [`Scanner::date_at`] and
/// [`Scanner::figure_at`] first tests the character it starts at, and most characters of Chinese
/// copy start neither, so the scan skips them without trying each grammar rule there (a unit
/// test keeps this list in step with the grammar's tables).
fn may_start(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '-' | '+' | '$' | '¥' | '€' | '£' | '十' | '百' | '千' | '翻' | '半'
        )
        || crate::figure::numeral::digit_value(c).is_some()
}

impl<'a> Scanner<'a> {
    fn byte(&self, k: usize) -> usize {
        self.chars.get(k).map_or(self.text.len(), |&(b, _)| b)
    }

    fn char_at(&self, k: usize) -> Option<char> {
        self.chars.get(k).map(|&(_, c)| c)
    }

    fn rest(&self, k: usize) -> &'a str {
        &self.text[self.byte(k)..]
    }

    /// Char index just after `len` bytes from char index `k`.
    fn advance(&self, k: usize, len: usize) -> usize {
        let target = self.byte(k) + len;
        self.chars.partition_point(|&(b, _)| b < target)
    }

    fn prev_char(&self, k: usize) -> Option<char> {
        k.checked_sub(1).and_then(|p| self.char_at(p))
    }

    fn date_at(&self, k: usize) -> Option<(DateMention, usize)> {
        let c = self.char_at(k)?;
        let prev = self.prev_char(k);
        if prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.') {
            return None;
        }
        let rest = self.rest(k);
        let res = &DATE_REGEXES;
        let open = DateOpenings::of(c, rest);
        if open.year {
            if let Some(m) = date_match(&res.full, rest) {
                let year: u32 = m.get(1)?.parse().ok()?;
                if (1000..=2999).contains(&year) {
                    let month = m.get(2).and_then(|x| x.parse().ok());
                    let day = m.get(3).and_then(|x| x.parse().ok());
                    return Some(self.date(k, m.end(), Some(year), month, day));
                }
            }
            if let Some(m) = date_match(&res.iso, rest) {
                let year: u32 = m.get(1)?.parse().ok()?;
                return Some(self.date(
                    k,
                    m.end(),
                    Some(year),
                    m.get(2)?.parse().ok(),
                    m.get(3)?.parse().ok(),
                ));
            }
        }
        if open.short {
            if let Some(m) = date_match(&res.month_day, rest) {
                let month: u32 = m.get(1)?.parse().ok()?;
                let day: u32 = m.get(2)?.parse().ok()?;
                if (1..=12).contains(&month) && (1..=31).contains(&day) {
                    return Some(self.date(k, m.end(), None, Some(month), Some(day)));
                }
            }
            if let Some(m) = date_match(&res.month_range, rest) {
                let end: u32 = m.get(2)?.parse().ok()?;
                if (1..=12).contains(&end) {
                    return Some(self.date(k, m.end(), None, Some(end), None));
                }
            }
            if let Some(m) = date_match(&res.month, rest) {
                let month: u32 = m.get(1)?.parse().ok()?;
                if (1..=12).contains(&month) {
                    return Some(self.date(k, m.end(), None, Some(month), None));
                }
            }
            if let Some(m) = date_match(&res.day, rest) {
                let day: u32 = m.get(1)?.parse().ok()?;
                if (1..=31).contains(&day) {
                    return Some(self.date(k, m.end(), None, None, Some(day)));
                }
            }
            if let Some(m) = date_match(&res.time, rest) {
                return Some(self.date(k, m.end(), None, None, None));
            }
            if prev == Some('前') {
                if let Some(m) = date_match(&res.first_months, rest) {
                    return Some(self.date(k, m.end(), None, None, None));
                }
            }
        }
        if open.quarter {
            if let Some(m) = date_match(&res.quarter, rest) {
                if prev != Some('个') {
                    return Some(self.date(k, m.end(), None, None, None));
                }
            }
        }
        if open.english {
            if let Some(m) = date_match(&res.english, rest) {
                let day = m.get(2).or_else(|| m.get(4)).and_then(|x| x.parse().ok());
                let year = m.get(3).and_then(|x| x.parse().ok());
                let month = month_number(m.get(1).or_else(|| m.get(5))?);
                return Some(self.date(k, m.end(), year, month, day));
            }
        }
        None
    }

    fn date(
        &self,
        k: usize,
        len: usize,
        year: Option<u32>,
        month: Option<u32>,
        day: Option<u32>,
    ) -> (DateMention, usize) {
        let start = self.byte(k);
        let next = self.advance(k, len);
        (
            DateMention {
                span: start..start + len,
                year,
                month,
                day,
            },
            next,
        )
    }

    fn figure_at(&self, k: usize) -> Option<(Raw, usize)> {
        let c = self.char_at(k)?;
        let prev = self.prev_char(k);
        if prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '_' || p == '.')
            && !matches!(c, '$' | '¥' | '€' | '£')
        {
            return None;
        }
        if prev == Some('第') {
            return None;
        }
        if c.is_ascii_digit()
            || (matches!(c, '-' | '+') && self.char_at(k + 1).is_some_and(|d| d.is_ascii_digit()))
        {
            // `13号线`, `7号楼`, `1号文件`: a number in a name counts nothing.
            return self
                .arabic_figure(k, k, None)
                .filter(|(_, next)| !self.rest(*next).starts_with('号'));
        }
        for &(surface, unit) in CURRENCY_PREFIXES {
            if self.rest(k).starts_with(surface) {
                let after = self.advance(k, surface.len());
                if self.char_at(after).is_some_and(|d| d.is_ascii_digit()) {
                    return self.arabic_figure(k, after, Some(unit));
                }
            }
        }
        for &(surface, num, den) in WORD_FRACTIONS {
            if self.rest(k).starts_with(surface) {
                let english = surface.is_ascii();
                if english && prev.is_some_and(|p| p.is_ascii_alphabetic()) {
                    continue;
                }
                // "half of" keeps "of" out of the span.
                let len = surface.trim_end_matches(" of").len();
                return Some((
                    self.fraction(k, self.advance(k, len), num, den),
                    self.advance(k, len),
                ));
            }
        }
        if self.rest(k).starts_with("百分之") || self.rest(k).starts_with("千分之") {
            return self.chinese_percent(k);
        }
        if digit_value(c).is_some() || c == '十' {
            // `6号线二期`, `一期工程` after a line's name: a phase, not a count.
            if self.rest(self.advance(k, c.len_utf8())).starts_with('期')
                && prev.is_some_and(|p| "线号段站程".contains(p))
            {
                return None;
            }
            return self.chinese_figure(k);
        }
        if self.rest(k).starts_with("翻") {
            return self.doubling(k);
        }
        None
    }

    fn arabic_figure(
        &self,
        start: usize,
        mut k: usize,
        currency: Option<&str>,
    ) -> Option<(Raw, usize)> {
        let mut negative = false;
        if let Some(c @ ('-' | '+')) = self.char_at(k) {
            // A dash between digits is a range, not a sign.
            if self.prev_char(k).is_some_and(|p| p.is_ascii_digit()) {
                return None;
            }
            negative = c == '-';
            k += 1;
        }
        let (digits, decimals, mut k, grouped) = self.read_digits(k)?;
        let digits_end = k;
        let overflow = || self.overflowed.set(Some(digits_end));
        let int_digits = digits.len() - decimals as usize;
        // Identifiers: 010, 3CL, 5G, phone numbers.
        if int_digits > 1 && digits.starts_with('0') {
            return None;
        }
        let Ok(mut value) = Decimal::from_str_exact(&insert_point(&digits, decimals)) else {
            overflow();
            return None;
        };
        if negative {
            value = -value;
        }
        let mut place = Decimal::new(1, decimals);
        let mut bounded_above = self.take(&mut k, &["多", "余"]).is_some();
        let mut magnitude = String::new();
        let mut multiplier = Decimal::ONE;
        let unit_here = self.options.units.lookup(self.rest(k));
        let unit_blocks_magnitude =
            unit_here.is_some_and(|u| u.surface.starts_with(['千', '百', '十']));
        if !unit_blocks_magnitude {
            for &(surface, mantissa, power) in MAGNITUDES {
                if self.rest(k).starts_with(surface) {
                    let after = self.advance(k, surface.len());
                    // "m" and "bn" only directly after digits and before a non-letter.
                    if surface.is_ascii()
                        && !surface.starts_with(' ')
                        && self.char_at(after).is_some_and(|c| c.is_ascii_alphabetic())
                    {
                        continue;
                    }
                    if surface.starts_with(' ')
                        && self.char_at(after).is_some_and(|c| c.is_ascii_alphabetic())
                    {
                        continue;
                    }
                    multiplier = Decimal::from(mantissa).checked_mul(pow10(power)?)?;
                    magnitude = surface.trim().to_string();
                    k = after;
                    break;
                }
            }
        }
        if !bounded_above {
            bounded_above = self.take(&mut k, &["多", "余"]).is_some();
        }
        let (Some(v), Some(p)) = (value.checked_mul(multiplier), place.checked_mul(multiplier))
        else {
            overflow();
            return None;
        };
        value = v;
        place = p;
        let (unit, dimension, factor) = match self.rate_suffix(&mut k) {
            Some(rate) => rate,
            None => match currency {
                Some(u) => (u.to_string(), Dimension::Currency, 1),
                None => match self.unit_suffix(&mut k) {
                    Some((u, d)) => (u, d, 1),
                    None => (String::new(), Dimension::Count, 1),
                },
            },
        };
        if factor != 1 {
            value = value.checked_mul(Decimal::from(factor))?;
            place = place.checked_mul(Decimal::from(factor))?;
        }
        // Letters glued to the number make an identifier (3CL, 5G) unless a unit took them.
        if self.char_at(k).is_some_and(|c| c.is_ascii_alphabetic())
            && magnitude.is_empty()
            && unit.is_empty()
        {
            return None;
        }
        let bare = unit.is_empty() && magnitude.is_empty() && !bounded_above;
        if bare && decimals == 0 && !grouped {
            // A bare four-digit number in English copy is a year; seven or more digits, an id.
            if int_digits >= 7 {
                return None;
            }
            if (Decimal::from(1900)..=Decimal::from(2100)).contains(&value)
                && int_digits == 4
                && currency.is_none()
            {
                return None;
            }
        }
        if unit == "年" && int_digits == 4 && decimals == 0 {
            return None;
        }
        let mut qualifier = self.prefix_qualifier(start);
        let span_start = match qualifier {
            Some((_, len)) => self.byte(start) - len,
            None => self.byte(start),
        };
        if let Some(q) = self.suffix_qualifier(&mut k) {
            qualifier = Some((q, 0));
        }
        let exact = matches!(dimension, Dimension::Count | Dimension::Duration)
            && multiplier == Decimal::ONE
            && decimals == 0
            && !bounded_above;
        Some((
            Raw {
                span: span_start..self.byte(k),
                value,
                place,
                unit,
                dimension,
                qualifier: if bounded_above {
                    Some(Qualifier::AtLeast)
                } else {
                    qualifier.map(|q| q.0)
                },
                bounded_above,
                magnitude,
                multiplier,
                decimals,
                exact,
                fraction_radius: None,
            },
            k,
        ))
    }

    /// Digits with optional thousands separators (`12,345.6`, `1 234`) and decimals.
    /// Returns the digits without separators, the number of decimals, the next index, and
    /// whether separators were used.
    fn read_digits(&self, mut k: usize) -> Option<(String, u32, usize, bool)> {
        let mut digits = String::new();
        while let Some(c) = self.char_at(k).filter(char::is_ascii_digit) {
            digits.push(c);
            k += 1;
        }
        if digits.is_empty() || digits.len() > 28 {
            return None;
        }
        let mut grouped = false;
        if digits.len() <= 3 {
            while let Some(',' | ' ') = self.char_at(k) {
                let group: String = (1..=3).filter_map(|i| self.char_at(k + i)).collect();
                let after = self.char_at(k + 4);
                if group.len() == 3
                    && group.chars().all(|c| c.is_ascii_digit())
                    && !after.is_some_and(|c| c.is_ascii_digit())
                {
                    digits.push_str(&group);
                    k += 4;
                    grouped = true;
                } else {
                    break;
                }
            }
        }
        let mut decimals = 0;
        if self.char_at(k) == Some('.') && self.char_at(k + 1).is_some_and(|c| c.is_ascii_digit()) {
            k += 1;
            while let Some(c) = self.char_at(k).filter(char::is_ascii_digit) {
                digits.push(c);
                decimals += 1;
                k += 1;
            }
        }
        if digits.len() > 28 {
            return None;
        }
        Some((digits, decimals, k, grouped))
    }

    fn take(&self, k: &mut usize, words: &[&str]) -> Option<usize> {
        for w in words {
            if self.rest(*k).starts_with(w) {
                *k = self.advance(*k, w.len());
                return Some(w.len());
            }
        }
        None
    }

    fn rate_suffix(&self, k: &mut usize) -> Option<(String, Dimension, i64)> {
        for &(surface, unit, dimension, factor) in RATE_SUFFIXES {
            if self.rest(*k).starts_with(surface) {
                let after = self.advance(*k, surface.len());
                if surface.ends_with(|c: char| c.is_ascii_alphabetic())
                    && self.char_at(after).is_some_and(|c| c.is_ascii_alphabetic())
                {
                    continue;
                }
                if surface == "成" && self.rest(after).starts_with("不变") {
                    continue;
                }
                *k = after;
                return Some((unit.to_string(), dimension, factor));
            }
        }
        None
    }

    fn unit_suffix(&self, k: &mut usize) -> Option<(String, Dimension)> {
        for &(surface, unit, dimension) in ENGLISH_UNITS {
            if self.rest(*k).starts_with(surface) {
                *k = self.advance(*k, surface.len());
                return Some((unit.to_string(), dimension));
            }
        }
        let entry = self.options.units.lookup(self.rest(*k))?;
        let after = self.advance(*k, entry.surface.len());
        // 两位数 (two-digit), 三个 character words: not figures' units.
        if entry.surface == "位" && self.rest(after).starts_with('数') {
            return None;
        }
        if entry.surface.is_ascii()
            && self
                .char_at(after)
                .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            return None;
        }
        *k = after;
        // `75.60元/吨`, `0.6元/千瓦时`: a price per unit of another measure is a unit of its own,
        // so it neither adds to nor compares with amounts of money.
        if entry.dimension == Dimension::Currency {
            let rest = self.rest(after);
            if let Some(per) = rest.strip_prefix('/').or_else(|| rest.strip_prefix('／')) {
                if let Some(of) = self
                    .options
                    .units
                    .lookup(per)
                    .filter(|e| e.dimension != Dimension::Currency)
                {
                    *k = self.advance(after, rest.len() - per.len() + of.surface.len());
                    return Some((format!("{}/{}", entry.unit, of.unit), entry.dimension));
                }
            }
        }
        Some((entry.unit.clone(), entry.dimension))
    }

    fn prefix_qualifier(&self, start: usize) -> Option<(Qualifier, usize)> {
        let before = &self.text[..self.byte(start)];
        PREFIXES
            .iter()
            .find(|(w, _)| {
                let Some(tail) = before
                    .len()
                    .checked_sub(w.len())
                    .and_then(|i| before.get(i..))
                else {
                    return false;
                };
                if !w.is_ascii() {
                    return tail == *w;
                }
                // English qualifiers start a word, in any case: "Nearly 700,000".
                tail.eq_ignore_ascii_case(w)
                    && !before[..before.len() - w.len()]
                        .ends_with(|c: char| c.is_ascii_alphabetic())
            })
            .map(|&(w, q)| (q, w.len()))
    }

    fn suffix_qualifier(&self, k: &mut usize) -> Option<Qualifier> {
        for &(w, q) in SUFFIX_QUALIFIERS {
            if self.rest(*k).starts_with(w) {
                *k = self.advance(*k, w.len());
                return Some(q);
            }
        }
        None
    }

    /// `两千三百亿元`, `八项`, `十九期`, `两成`, `四分之一`.
    fn chinese_figure(&self, k: usize) -> Option<(Raw, usize)> {
        let prev = self.prev_char(k);
        // 统一, 唯一, 进一步, 之一, 万一: words, not numbers.
        if prev.is_some_and(|p| {
            is_numeral_char(p)
                || matches!(
                    p,
                    '统' | '唯' | '进' | '之' | '其' | '单' | '划' | '同' | '专'
                )
        }) {
            return None;
        }
        // 零部件, 零售: 零 never starts a figure.
        if matches!(self.char_at(k), Some('零' | '〇')) {
            return None;
        }
        let mut end = k;
        while self.char_at(end).is_some_and(is_numeral_char) {
            end += 1;
            // No real numeral is this long; stop before the parser's recursion gets deep.
            if end - k > 40 {
                return None;
            }
        }
        // Trailing 点 is not part of the number (八点钟 aside, 点 ends a phrase).
        while end > k && self.char_at(end - 1) == Some('点') {
            end -= 1;
        }
        let run: String = (k..end).filter_map(|i| self.char_at(i)).collect();
        if self.rest(end).starts_with("分之") {
            let den = numeral::parse(&run)?;
            let num_start = self.advance(end, "分之".len());
            let mut num_end = num_start;
            while self.char_at(num_end).is_some_and(is_numeral_char) && num_end - num_start <= 40 {
                num_end += 1;
            }
            let num_run: String = (num_start..num_end)
                .filter_map(|i| self.char_at(i))
                .collect();
            let num = numeral::parse(&num_run)?;
            let den = u32::try_from(den.value.trunc().mantissa())
                .ok()
                .filter(|&d| d > 0)?;
            let num = u32::try_from(num.value.trunc().mantissa()).ok()?;
            return Some((self.fraction(k, num_end, num, den), num_end));
        }
        let parsed = numeral::parse(&run)?;
        let mut k2 = end;
        let has_magnitude = run.contains(['万', '亿']);
        let (unit, dimension, factor) = match self.rate_suffix(&mut k2) {
            Some(rate) => rate,
            None => match self.unit_suffix(&mut k2) {
                Some((u, d)) => (u, d, 1),
                None if has_magnitude => (String::new(), Dimension::Count, 1),
                // `位居前三`, `排名前五的省份`, `位列全国前三`: a ranking counts the places it
                // names; the verb may stand before the field ranked in (`全国`, `全省`).
                None if prev == Some('前')
                    && (2..=4).any(|back| {
                        k >= back
                            && self
                                .char_at(k - back)
                                .is_some_and(|c| matches!(c, '居' | '名' | '列' | '入'))
                    }) =>
                {
                    ("位".to_string(), Dimension::Count, 1)
                }
                None => return None,
            },
        };
        // 十分 (very), 一季度 (a period), 一个 (an article): not figures.
        if unit == "分" || (parsed.value == Decimal::ONE && run == "一" && factor == 1) {
            return None;
        }
        if self.rest(end).starts_with("季度") {
            return None;
        }
        let mut value = parsed.value;
        let mut place = parsed.place;
        let fraction_radius = if factor != 1 {
            value = value.checked_mul(Decimal::from(factor))?;
            place = place.checked_mul(Decimal::from(factor))?;
            Some(place / Decimal::TWO)
        } else {
            None
        };
        let qualifier = self.prefix_qualifier(k);
        let span_start = match qualifier {
            Some((_, len)) => self.byte(k) - len,
            None => self.byte(k),
        };
        let mut qualifier = qualifier.map(|q| q.0);
        if let Some(q) = self.suffix_qualifier(&mut k2) {
            qualifier = Some(q);
        }
        let exact = matches!(dimension, Dimension::Count | Dimension::Duration)
            && !has_magnitude
            && parsed.place == Decimal::ONE;
        Some((
            Raw {
                span: span_start..self.byte(k2),
                value,
                place,
                unit,
                dimension,
                qualifier,
                bounded_above: false,
                magnitude: String::new(),
                multiplier: Decimal::ONE,
                decimals: 0,
                exact,
                fraction_radius,
            },
            k2,
        ))
    }

    /// `百分之三点五`, `千分之五`.
    fn chinese_percent(&self, k: usize) -> Option<(Raw, usize)> {
        let permille = self.rest(k).starts_with('千');
        let num_start = self.advance(k, "百分之".len());
        let mut end = num_start;
        while self
            .char_at(end)
            .is_some_and(|c| is_numeral_char(c) || c.is_ascii_digit() || c == '.')
            && end - num_start <= 40
        {
            end += 1;
        }
        let run: String = (num_start..end).filter_map(|i| self.char_at(i)).collect();
        let (value, place) = if run.starts_with(|c: char| c.is_ascii_digit()) {
            let decimals = run.find('.').map_or(0, |p| run.len() - p - 1) as u32;
            (
                Decimal::from_str_exact(&run).ok()?,
                Decimal::new(1, decimals),
            )
        } else {
            let n = numeral::parse(&run)?;
            (n.value, n.place)
        };
        let qualifier = self.prefix_qualifier(k);
        let span_start = match qualifier {
            Some((_, len)) => self.byte(k) - len,
            None => self.byte(k),
        };
        Some((
            Raw {
                span: span_start..self.byte(end),
                value,
                place,
                unit: if permille { "‰" } else { "%" }.to_string(),
                dimension: Dimension::Percent,
                qualifier: qualifier.map(|q| q.0),
                bounded_above: false,
                magnitude: String::new(),
                multiplier: Decimal::ONE,
                decimals: place.scale(),
                exact: false,
                fraction_radius: None,
            },
            end,
        ))
    }

    /// A fraction as a share: 四分之一 = 25%, read to the nearest 1/den.
    fn fraction(&self, k: usize, end: usize, num: u32, den: u32) -> Raw {
        let hundred = Decimal::ONE_HUNDRED;
        let value = Decimal::from(num) * hundred / Decimal::from(den);
        let radius = hundred / Decimal::from(den * 2);
        let qualifier = self.prefix_qualifier(k);
        let span_start = match qualifier {
            Some((_, len)) => self.byte(k) - len,
            None => self.byte(k),
        };
        Raw {
            span: span_start..self.byte(end),
            value,
            place: radius * Decimal::TWO,
            unit: "%".to_string(),
            dimension: Dimension::Percent,
            qualifier: qualifier.map(|q| q.0),
            bounded_above: false,
            magnitude: String::new(),
            multiplier: Decimal::ONE,
            decimals: 0,
            exact: false,
            fraction_radius: Some(radius),
        }
    }

    /// 翻番 / 翻一番 = 2 倍, 翻两番 = 4 倍.
    fn doubling(&self, k: usize) -> Option<(Raw, usize)> {
        let (len, value) = [("翻一番", 2), ("翻两番", 4), ("翻番", 2)]
            .iter()
            .find(|(w, _)| self.rest(k).starts_with(w))
            .map(|&(w, v)| (w.len(), v))?;
        let end = self.advance(k, len);
        Some((
            Raw {
                span: self.byte(k)..self.byte(end),
                value: Decimal::from(value),
                place: Decimal::ONE,
                unit: "倍".to_string(),
                dimension: Dimension::Ratio,
                qualifier: None,
                bounded_above: false,
                magnitude: String::new(),
                multiplier: Decimal::ONE,
                decimals: 0,
                exact: false,
                fraction_radius: None,
            },
            end,
        ))
    }
}

/// Marks characters inside 《titles》 and short “quoted names” (`“交管12123”`, `“双11”`): numbers
/// there are names, not figures. Long quotations are speech and are read.
fn mask_names(chars: &[(usize, char)]) -> Vec<bool> {
    let mut masked = vec![false; chars.len()];
    let mut k = 0;
    while k < chars.len() {
        let (title, close, limit) = match chars[k].1 {
            '《' => (true, '》', 80),
            '“' => (false, '”', 12),
            '"' => (false, '"', 12),
            _ => {
                k += 1;
                continue;
            }
        };
        let mut j = k + 1;
        let mut ok = false;
        while j < chars.len() && j - k <= limit + 1 {
            let c = chars[j].1;
            if c == close {
                ok = true;
                break;
            }
            if is_clause_break(c, false) && !title {
                break;
            }
            j += 1;
        }
        if ok {
            for m in masked.iter_mut().take(j + 1).skip(k) {
                *m = true;
            }
            k = j + 1;
        } else {
            k += 1;
        }
    }
    masked
}

/// Turns raw figures into figures: intervals under both readings.
fn settle(raws: Vec<Raw>, segments: &Segments, options: &ReadOptions) -> Vec<Figure> {
    let paragraph_of: Vec<Option<usize>> = raws
        .iter()
        .map(|r| segments.paragraph_at(r.span.start))
        .collect();
    raws.iter()
        .enumerate()
        .map(|(i, r)| {
            let natural_place = if r.decimals == 0
                && !r.exact
                && r.qualifier.is_none()
                && r.fraction_radius.is_none()
            {
                raws.iter()
                    .enumerate()
                    .filter(|&(j, o)| {
                        j != i
                            && paragraph_of[j] == paragraph_of[i]
                            && o.unit == r.unit
                            && o.multiplier == r.multiplier
                            && o.decimals > 0
                            && o.qualifier.is_none()
                    })
                    .map(|(_, o)| o.decimals.min(6))
                    .max()
                    .map(|d| Decimal::new(1, d) * r.multiplier)
            } else {
                None
            };
            let strict = strict_interval(r, options);
            let natural = natural_interval(r, natural_place, options)
                .intersection(&strict)
                .unwrap_or(strict);
            Figure {
                span: r.span.clone(),
                value: r.value,
                unit: r.unit.clone(),
                dimension: r.dimension,
                qualifier: r.qualifier,
                strict,
                natural,
                place: r.place,
                magnitude: r.magnitude.clone(),
                multiplier: r.multiplier,
                decimals: r.decimals,
            }
        })
        .collect()
}

/// The place of the last nonzero digit: 950 → 10, 5.2 → 0.1, 100 → 100.
fn last_nonzero_place(r: &Raw) -> Decimal {
    let mut place = r.place;
    if r.decimals > 0 || r.value.is_zero() || place.is_zero() {
        return place;
    }
    let v = r.value.abs();
    while let Some(next) = place.checked_mul(Decimal::TEN) {
        if next > v || !(v % next).is_zero() {
            break;
        }
        place = next;
    }
    place
}

fn rounding_interval(v: Decimal, place: Decimal, rounding: Rounding) -> Interval {
    match rounding {
        Rounding::Nearest => Interval::around(v, place / Decimal::TWO),
        Rounding::Truncate => {
            if v.is_sign_negative() {
                Interval::between(v - place, v)
            } else {
                Interval::between(v, v.checked_add(place).unwrap_or(v))
            }
        }
    }
}

fn floor_for(r: &Raw) -> Interval {
    // Quantities that cannot be negative keep a floor of zero under 近 / 不到.
    match r.dimension {
        Dimension::Currency | Dimension::Count | Dimension::Physical | Dimension::Duration
            if !r.value.is_sign_negative() =>
        {
            Interval::at_most(r.value)
                .intersection(&Interval::at_least(Decimal::ZERO))
                .unwrap_or(Interval::exact(r.value))
        }
        Dimension::Percent
            if r.fraction_radius.is_some() || r.unit == "%" && !r.value.is_sign_negative() =>
        {
            Interval::between(Decimal::ZERO, r.value)
        }
        _ => Interval::at_most(r.value),
    }
}

fn strict_interval(r: &Raw, options: &ReadOptions) -> Interval {
    if r.bounded_above {
        return Interval::between(r.value, r.value + last_nonzero_place(r));
    }
    match r.qualifier {
        Some(Qualifier::AtLeast) => Interval::at_least(r.value),
        Some(Qualifier::AtMost) => floor_for(r),
        Some(Qualifier::About) => match r.fraction_radius {
            Some(radius) => Interval::around(r.value, radius),
            None => Interval::around(r.value, r.place * options.about_widening),
        },
        None if r.exact => Interval::exact(r.value),
        None => match r.fraction_radius {
            Some(radius) => Interval::around(r.value, radius),
            None => rounding_interval(r.value, r.place, options.rounding),
        },
    }
}

fn natural_interval(r: &Raw, natural_place: Option<Decimal>, options: &ReadOptions) -> Interval {
    if r.bounded_above {
        return strict_interval(r, options);
    }
    let step = last_nonzero_place(r);
    match r.qualifier {
        Some(Qualifier::AtLeast) => Interval::between(r.value, r.value + step),
        Some(Qualifier::AtMost) => Interval::between(r.value - step, r.value),
        Some(Qualifier::About) => match r.fraction_radius {
            Some(radius) => Interval::around(r.value, radius / Decimal::TWO),
            None => Interval::around(r.value, r.place / Decimal::TWO),
        },
        None => match natural_place {
            Some(place) => rounding_interval(r.value, place, options.rounding),
            None => strict_interval(r, options),
        },
    }
}

fn insert_point(digits: &str, decimals: u32) -> String {
    if decimals == 0 {
        return digits.to_string();
    }
    let split = digits.len() - decimals as usize;
    format!("{}.{}", &digits[..split], &digits[split..])
}

fn pow10(power: u32) -> Option<Decimal> {
    let mut v = Decimal::ONE;
    for _ in 0..power {
        v = v.checked_mul(Decimal::TEN)?;
    }
    Some(v)
}

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| lower.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// Which groups of date patterns can match where a date would start with `c` and `rest` (which
/// begins with `c`). Every pattern needs a particular character right after its digits or a
/// particular first character, so most figures (21.79万亿元) try none of them. A superset: any
/// numeric character counts as a digit here, where the patterns' `\d` takes decimal digits only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DateOpenings {
    /// `full` and `iso`: four digits, then 年, 财, 会 or a separator.
    year: bool,
    /// The month, day, range and time patterns: one or two digits, then one of their markers.
    short: bool,
    /// `quarter`: 一二三四 or 1–4.
    quarter: bool,
    /// `english`: a month's initial, or one or two digits and a space.
    english: bool,
}

impl DateOpenings {
    fn of(c: char, rest: &str) -> Self {
        let mut run = 0;
        let mut after = None;
        for d in rest.chars() {
            if d.is_numeric() {
                run += 1;
            } else {
                after = Some(d);
                break;
            }
        }
        let short_run = matches!(run, 1 | 2);
        let digit = c.is_ascii_digit();
        Self {
            year: digit && run == 4 && matches!(after, Some('年' | '财' | '会' | '-' | '/' | '.')),
            short: digit
                && short_run
                && matches!(
                    after,
                    Some(
                        '月' | '日'
                            | '至'
                            | '到'
                            | '-'
                            | '—'
                            | '－'
                            | '~'
                            | '～'
                            | ':'
                            | '时'
                            | '个'
                            | '季'
                    )
                ),
            quarter: matches!(c, '一' | '二' | '三' | '四' | '1'..='4'),
            english: c.is_ascii_alphanumeric()
                && (matches!(
                    c.to_ascii_lowercase(),
                    'j' | 'f' | 'm' | 'a' | 's' | 'o' | 'n' | 'd'
                ) || (short_run && after == Some(' '))),
        }
    }
}

/// The date patterns, each compiled the first time a text needs it ([`DateOpenings`] leaves
/// most unused on most articles, and compiling all of them was most of reading one article), or
/// all at once by [`prepare_dates`] on a core that would otherwise idle.
/// Their word boundaries are ASCII: a Han character is a word character to Unicode, and Chinese
/// puts one straight after a date (`2024-06-30至`), where a figure's digits must not run on.
struct DateRegexes {
    full: LazyLock<LazyRegex>,
    iso: LazyLock<LazyRegex>,
    month_day: LazyLock<LazyRegex>,
    month_range: LazyLock<LazyRegex>,
    month: LazyLock<LazyRegex>,
    day: LazyLock<LazyRegex>,
    time: LazyLock<LazyRegex>,
    first_months: LazyLock<LazyRegex>,
    quarter: LazyLock<LazyRegex>,
    english: LazyLock<LazyRegex>,
}

static DATE_REGEXES: DateRegexes = DateRegexes {
    full: LazyLock::new(|| {
        LazyRegex::built_in(
            r"^(\d{4})(?:财|会计)?年度?(?:(\d{1,2})月(?:份|末|底|初|中旬|上旬|下旬)?(?:(\d{1,2})日)?)?",
        )
    }),
    iso: LazyLock::new(|| LazyRegex::built_in(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?-u:\b)")),
    month_day: LazyLock::new(|| LazyRegex::built_in(r"^(\d{1,2})月(\d{1,2})日")),
    month_range: LazyLock::new(|| {
        LazyRegex::built_in(r"^(\d{1,2})(?:至|到|-|—|－|~|～)(\d{1,2})月(?:份|末|底)?")
    }),
    month: LazyLock::new(|| LazyRegex::built_in(r"^(\d{1,2})月(?:份|末|底|初|中旬|上旬|下旬)?")),
    day: LazyLock::new(|| LazyRegex::built_in(r"^(\d{1,2})日")),
    time: LazyLock::new(|| LazyRegex::built_in(r"^\d{1,2}(?::\d{2}|时(?:\d{1,2}分)?)")),
    first_months: LazyLock::new(|| LazyRegex::built_in(r"^\d{1,2}(?:个月|个季度|季度|月)")),
    quarter: LazyLock::new(|| LazyRegex::built_in(r"^[一二三四1-4]季度")),
    english: LazyLock::new(|| {
        LazyRegex::built_in(
            r"^(?i:(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? (\d{1,2})(?:, (\d{4}))?|(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December))(?-u:\b)",
        )
    }),
};

/// Compiles every date pattern now, ahead of the first text that needs it: on a core that would
/// otherwise idle while the rules load, what a cold run then reads its article with is ready.
pub fn prepare_dates() {
    // Destructured whole, so a pattern added to the set cannot be left out here.
    let DateRegexes {
        full,
        iso,
        month_day,
        month_range,
        month,
        day,
        time,
        first_months,
        quarter,
        english,
    } = &DATE_REGEXES;
    for regex in [
        full,
        iso,
        month_day,
        month_range,
        month,
        day,
        time,
        first_months,
        quarter,
        english,
    ] {
        regex.prepare();
    }
}

/// A date pattern's match at the start of a text, and its groups as text.
struct DateMatch<'t> {
    text: &'t str,
    groups: Groups,
}

impl<'t> DateMatch<'t> {
    fn get(&self, group: usize) -> Option<&'t str> {
        self.groups.get(group).and_then(|r| self.text.get(r))
    }

    fn end(&self) -> usize {
        self.groups.whole().map_or(0, |r| r.end)
    }
}

fn date_match<'t>(regex: &LazyRegex, text: &'t str) -> Option<DateMatch<'t>> {
    let mut groups = regex.groups();
    regex
        .captures_at(text, 0, &mut groups)
        .then_some(DateMatch { text, groups })
}

#[cfg(test)]
mod tests;
