//! The normalizer and its offset map: every normalized char boundary maps to an original range
//! inside the source, on char boundaries, and the map is monotone.
#![no_main]

use factlint::document::{normalize, segment};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let normalized = normalize(source);
    let text = &normalized.text;
    assert_eq!(normalized.map.normalized_len(), text.len());
    let mut last_start = 0;
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    for pair in boundaries.windows(2) {
        let original = normalized.map.to_original(pair[0]..pair[1]);
        assert!(original.start <= original.end, "{original:?}");
        assert!(original.end <= source.len(), "{original:?} beyond {}", source.len());
        assert!(source.is_char_boundary(original.start));
        assert!(source.is_char_boundary(original.end));
        assert!(original.start >= last_start, "offset map not monotone");
        last_start = original.start;
    }
    let segments = segment(text);
    for p in &segments.paragraphs {
        assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
    }
    for s in &segments.sentences {
        assert!(s.range.end <= text.len());
        assert!(text.is_char_boundary(s.range.start) && text.is_char_boundary(s.range.end));
    }
});
