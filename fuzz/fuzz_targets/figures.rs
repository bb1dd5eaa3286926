//! The figure reader on arbitrary text: no panic, every figure's span is a char-aligned range
//! of the normalized text, every interval is ordered, every numeral parses or is refused.
#![no_main]

use factlint::document::{normalize, segment};
use factlint::figure::{numeral, read_figures};
use factlint::ReadOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = numeral::parse(text);
    let normalized = normalize(text);
    let segments = segment(&normalized.text);
    let set = read_figures(&normalized.text, &segments, &ReadOptions::default());
    for f in &set.figures {
        assert!(f.span.start <= f.span.end && f.span.end <= normalized.text.len());
        assert!(normalized.text.is_char_boundary(f.span.start));
        assert!(normalized.text.is_char_boundary(f.span.end));
        assert!(f.strict.low <= f.strict.high, "{f:?}");
        assert!(f.natural.low <= f.natural.high, "{f:?}");
        // The stated value lies within the interval it stands for.
        let v = factlint::figure::Bound::Finite(f.value);
        assert!(f.strict.low <= v && v <= f.strict.high, "{f:?}");
    }
});
