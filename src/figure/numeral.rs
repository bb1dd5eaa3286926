//! Chinese numerals: `两千三百亿`, `三点五`, `一万亿`, `十九`.
//!
//! Existing crates miss `三点五亿` and overflow on `万亿`; this reader is exact decimal and
//! checked throughout, and also reports the place value of the last digit written, which is the
//! figure's precision (`两千三百亿` is stated to the 百亿).

use rust_decimal::Decimal;

/// Digits, small units and section markers that may appear in a Chinese numeral.
pub fn is_numeral_char(c: char) -> bool {
    digit_value(c).is_some()
        || matches!(
            c,
            '十' | '拾' | '百' | '佰' | '千' | '仟' | '万' | '亿' | '点'
        )
}

pub fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// A parsed Chinese numeral: its value and the place value of its last stated digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numeral {
    pub value: Decimal,
    pub place: Decimal,
}

/// Parses a whole Chinese numeral string; `None` if it is malformed or out of range.
pub fn parse(s: &str) -> Option<Numeral> {
    if s.is_empty() {
        return None;
    }
    // Split on the last 亿, then the last 万: "一万亿" = (一万) × 亿.
    for (marker, scale) in [
        ('亿', Decimal::new(100_000_000, 0)),
        ('万', Decimal::new(10_000, 0)),
    ] {
        if let Some(pos) = s.rfind(marker) {
            let (left, right) = (&s[..pos], &s[pos + marker.len_utf8()..]);
            let high = if left.is_empty() {
                Numeral {
                    value: Decimal::ONE,
                    place: Decimal::ONE,
                }
            } else {
                parse(left)?
            };
            let high_value = high.value.checked_mul(scale)?;
            if right.is_empty() {
                return Some(Numeral {
                    value: high_value,
                    place: high.place.checked_mul(scale)?,
                });
            }
            // The part below the marker must be smaller than it; a decimal point may not precede it.
            if left.contains('点') {
                return None;
            }
            let low = parse(right)?;
            if low.value >= scale {
                return None;
            }
            // 一万五 = 15000: a lone trailing digit takes the next lower unit.
            let low = if right.chars().count() == 1 && digit_value(right.chars().next()?).is_some()
            {
                let unit = scale.checked_div(Decimal::TEN)?;
                Numeral {
                    value: low.value.checked_mul(unit)?,
                    place: unit,
                }
            } else {
                low
            };
            return Some(Numeral {
                value: high_value.checked_add(low.value)?,
                place: low.place,
            });
        }
    }
    parse_small(s)
}

/// Below 万: digits with 十/百/千, optionally a 点 and decimal digits.
fn parse_small(s: &str) -> Option<Numeral> {
    let (int_part, frac_part) = match s.find('点') {
        Some(p) => (&s[..p], Some(&s[p + '点'.len_utf8()..])),
        None => (s, None),
    };
    let mut total: u64 = 0;
    let mut pending: Option<u32> = None;
    let mut last_place: u64 = 1;
    let mut saw_any = false;
    let mut prev_unit: u32 = 10_000;
    let chars: Vec<char> = int_part.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if let Some(d) = digit_value(c) {
            if pending.is_some() && d != 0 {
                // Two digits in a row without a unit ("二三") is a list, not a number.
                return None;
            }
            pending = if d == 0 { None } else { Some(d) };
            saw_any = true;
            last_place = 1;
        } else if let Some(u) = small_unit(c) {
            if u >= prev_unit {
                return None;
            }
            // 十 at the start means 一十.
            let d = pending
                .take()
                .unwrap_or(if i == 0 && u == 10 { 1 } else { 0 });
            if d == 0 && !(i == 0 && u == 10) {
                return None;
            }
            total += u64::from(d) * u64::from(u);
            last_place = u64::from(u);
            prev_unit = u;
            saw_any = true;
        } else {
            return None;
        }
    }
    if let Some(d) = pending {
        // 一百零五: the trailing digit is units; 三百五 (no 零) is 三百五十.
        let after_zero = chars.len() >= 2 && digit_value(chars[chars.len() - 2]) == Some(0);
        let place = if !after_zero && prev_unit < 10_000 && prev_unit > 10 && chars.len() >= 2 {
            u64::from(prev_unit / 10)
        } else {
            1
        };
        total += u64::from(d) * place;
        last_place = place;
    }
    if !saw_any && frac_part.is_none() {
        return None;
    }
    let mut value = Decimal::from(total);
    let mut place = Decimal::from(last_place);
    if let Some(frac) = frac_part {
        if frac.is_empty() || (int_part.is_empty()) {
            return None;
        }
        let mut scale = 0u32;
        let mut mantissa: i64 = 0;
        for c in frac.chars() {
            let d = digit_value(c)?;
            scale += 1;
            if scale > 18 {
                return None;
            }
            mantissa = mantissa * 10 + i64::from(d);
        }
        value = value.checked_add(Decimal::new(mantissa, scale))?;
        place = Decimal::new(1, scale);
    }
    Some(Numeral { value, place })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> (String, String) {
        let n = parse(s).unwrap_or_else(|| panic!("{s} did not parse"));
        (
            n.value.normalize().to_string(),
            n.place.normalize().to_string(),
        )
    }

    #[test]
    fn reads_common_numerals() {
        assert_eq!(v("八"), ("8".into(), "1".into()));
        assert_eq!(v("十九"), ("19".into(), "1".into()));
        assert_eq!(v("二十"), ("20".into(), "10".into()));
        assert_eq!(v("两千三百"), ("2300".into(), "100".into()));
        assert_eq!(v("一百零五"), ("105".into(), "1".into()));
        assert_eq!(v("三百五"), ("350".into(), "10".into()));
        assert_eq!(v("三点五"), ("3.5".into(), "0.1".into()));
    }

    #[test]
    fn reads_sections_without_overflow() {
        assert_eq!(
            v("一万亿"),
            ("1000000000000".into(), "1000000000000".into())
        );
        assert_eq!(
            v("两千三百亿"),
            ("230000000000".into(), "10000000000".into())
        );
        assert_eq!(v("三点五亿"), ("350000000".into(), "10000000".into()));
        assert_eq!(v("一万五"), ("15000".into(), "1000".into()));
        assert_eq!(v("十万"), ("100000".into(), "100000".into()));
    }

    #[test]
    fn rejects_malformed() {
        for s in ["", "点", "二三", "百百", "千百千", "三点", "点五"] {
            assert!(parse(s).is_none(), "{s}");
        }
    }
}
