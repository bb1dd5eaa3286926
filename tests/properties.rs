//! Property tests: the offset map, the figure reader's round trip, and panic-freedom on
//! arbitrary input.

use factlint::document::{chars::fold, Document};
use factlint::figure::{read_figures, Bound, ReadOptions};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Text drawn from what newspaper copy is made of, plus hostile characters.
fn copy_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "出口",
        "进口",
        "13",
        "8.79",
        "万亿",
        "万",
        "亿",
        "元",
        "%",
        "％",
        "１２",
        "．",
        "个百分点",
        "超",
        "近",
        "约",
        "左右",
        "以上",
        "多",
        "两成",
        "四分之一",
        "百分之三点五",
        "一万亿",
        "。",
        "，",
        "；",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        " ",
        "　",
        "\u{FEFF}",
        "\u{200B}",
        "“",
        "”",
        "《",
        "》",
        "第",
        "年",
        "月",
        "日",
        "2025",
        "M2",
        "-",
        "−",
        "1,234",
        "a",
        "million",
        "per cent",
        "$",
        "é",
        "😀",
        "\t",
        "\u{0C}",
        "零",
        "十九",
        "倍",
        "翻番",
        "0",
        "999999999999999999999999999999",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Every normalized range maps to a valid, ordered range of the original on char boundaries.
    #[test]
    fn offset_map_sends_every_range_into_the_original(text in copy_like()) {
        let doc = Document::new("p", text.clone());
        let bounds: Vec<usize> = doc.text.char_indices().map(|(i, _)| i).chain([doc.text.len()]).collect();
        let mut last_start = 0;
        for (n, &i) in bounds.iter().enumerate() {
            for &j in bounds.iter().skip(n).take(4) {
                let r = doc.original(i..j);
                prop_assert!(r.start <= r.end && r.end <= text.len(), "{:?} -> {:?}", i..j, r);
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            }
            let r = doc.original(i..i);
            prop_assert!(r.start >= last_start, "starts must not go backwards");
            last_start = r.start;
        }
    }

    /// Each normalized character comes from original bytes that fold to it (or is a break/space
    /// standing for white space).
    #[test]
    fn normalized_characters_come_from_their_originals(text in copy_like()) {
        let doc = Document::new("p", text.clone());
        for (i, c) in doc.text.char_indices() {
            let r = doc.original(i..i + c.len_utf8());
            let orig = &text[r];
            if c == ' ' || c == '\n' {
                prop_assert!(orig.chars().all(|o| o.is_whitespace() || o == '\u{C}' || o == '\u{200B}' || o == '\u{FEFF}'), "{:?} from {:?}", c, orig);
            } else {
                prop_assert!(orig.chars().map(fold).any(|o| o == c), "{:?} from {:?}", c, orig);
            }
        }
    }

    /// The reader never panics, and every span it reports lies inside the text.
    #[test]
    fn reader_never_panics_and_spans_are_valid(text in copy_like()) {
        let doc = Document::new("p", text);
        let set = read_figures(&doc.text, &doc.segments, &ReadOptions::default());
        for f in &set.figures {
            prop_assert!(f.span.start < f.span.end && f.span.end <= doc.text.len());
            prop_assert!(doc.text.is_char_boundary(f.span.start) && doc.text.is_char_boundary(f.span.end));
            prop_assert!(f.strict.low <= f.strict.high);
            prop_assert!(f.natural.low >= f.strict.low && f.natural.high <= f.strict.high);
        }
    }

    /// Formatting a decimal in a supported notation and reading it back gives the same value
    /// and interval.
    #[test]
    fn format_then_parse_round_trips(
        mantissa in 1i64..100_000_000,
        scale in 0u32..4,
        notation in 0usize..6,
        wrap in 0usize..3,
    ) {
        let number = Decimal::new(mantissa, scale);
        let (magnitude, power, unit) = [("万亿", 12u32, "元"), ("亿", 8, "辆"), ("万", 4, "人"), ("", 0, "%"), ("千万", 7, "元"), ("", 0, "个百分点")][notation];
        let mut digits = number.to_string();
        if wrap == 1 {
            // full-width digits
            digits = digits.chars().map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - 0x30 + 0xFF10).unwrap() } else if c == '.' { '．' } else { c }).collect();
        }
        let sep = if wrap == 2 { "\n\n" } else { "" };
        let text = format!("规模为{digits}{sep}{magnitude}{unit}。");
        let doc = Document::new("p", text.clone());
        let set = read_figures(&doc.text, &doc.segments, &ReadOptions::default());
        prop_assert_eq!(set.figures.len(), 1, "{}", text);
        let f = &set.figures[0];
        let multiplier = Decimal::from_i128_with_scale(10i128.pow(power), 0);
        prop_assert_eq!(f.value, number * multiplier);
        let exact = scale == 0 && power == 0 && !matches!(unit, "%" | "个百分点");
        let radius = if exact { Decimal::ZERO } else { Decimal::new(5, scale + 1) * multiplier };
        prop_assert_eq!(f.strict.low, Bound::Finite(number * multiplier - radius));
        prop_assert_eq!(f.strict.high, Bound::Finite(number * multiplier + radius));
        // The label covers the figure exactly as written, wrap and all.
        let orig = doc.original(f.span.clone());
        prop_assert_eq!(&text[orig], format!("{digits}{sep}{magnitude}{unit}"));
    }
}

#[test]
fn huge_and_degenerate_inputs_do_not_panic() {
    let long_digits = "9".repeat(100_000);
    let inputs = [
        format!("{long_digits}万亿元"),
        "9999999999999999999999999999万亿".to_string(),
        "万".repeat(10_000),
        "一".to_string() + &"万".repeat(100_000),
        "两".to_string() + &"亿万".repeat(50_000) + "元",
        "一".repeat(5_000) + "亿",
        "百分之".repeat(1000),
        "分之".repeat(1000),
        "1.".repeat(10_000),
        "1,".repeat(10_000),
        "超".repeat(1000) + "5%",
        "\n".repeat(10_000),
        "\r".repeat(1000) + "１",
        "“".repeat(1000) + "12",
        String::new(),
    ];
    for input in inputs {
        let doc = Document::new("p", input);
        let _ = read_figures(&doc.text, &doc.segments, &ReadOptions::default());
    }
}
