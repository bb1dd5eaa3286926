//! Character classes shared by the normalizer, the segmenter and the figure reader.

/// Han ideographs, CJK punctuation, kana, hangul and full-width forms: text set in em boxes,
/// between which justification spaces and line breaks carry no meaning.
pub fn is_cjk(c: char) -> bool {
    let c = c as u32;
    // Unified ideographs first: most of Chinese copy, settled by the first test (and ASCII by the
    // second).
    if (0x4E00..=0x9FFF).contains(&c) {
        return true;
    }
    c >= 0x3000
        && matches!(c,
        0x3000..=0x303F   // CJK symbols and punctuation
        | 0x3040..=0x30FF // kana
        | 0x3400..=0x4DBF // extension A
        | 0xAC00..=0xD7AF // hangul
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFE30..=0xFE4F // CJK compatibility forms
        | 0xFF00..=0xFFEF // half- and full-width forms
        | 0x20000..=0x3FFFF)
}

/// Horizontal white space, including the ideographic space and no-break spaces.
pub fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}'
    )
}

/// Characters dropped outright: zero-width marks that break matching and are invisible to readers.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
        || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{000C}'))
}

/// What a character becomes for matching: full-width digits, Latin letters and the signs a figure
/// needs fold to ASCII. Chinese punctuation (，。；：！？（）) is left as it is: rules are written
/// with it, and NFKC would rewrite it.
pub fn fold(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFF10 + 0x30).unwrap_or(c)
        }
        '％' => '%',
        '．' => '.',
        '＋' => '+',
        '－' | '\u{2212}' | '\u{2012}' | '\u{FE63}' => '-',
        '＄' => '$',
        '￥' => '¥',
        '＜' => '<',
        '＞' => '>',
        '＝' => '=',
        _ => c,
    }
}

/// Sentence terminators, full-width and ASCII (`.` is handled separately: it is also a decimal point).
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

/// The line break and the full-width marks that end a clause, in a fixed order (the prefilter
/// numbers them, and the compiled rule pack stores those numbers).
pub const CLAUSE_BREAKS: [char; 7] = ['\n', '。', '；', '，', '！', '？', '：'];

/// Whether `c` ends a clause: one of [`CLAUSE_BREAKS`], or, with `ascii`, also one of the ASCII
/// marks `, ; : ! ?`. The engine's clause contexts (`not_after`, `not_in_clause`) count the
/// ASCII marks; the figure grammar's quoted names and the prefilter's barriers do not.
pub fn is_clause_break(c: char, ascii: bool) -> bool {
    CLAUSE_BREAKS.contains(&c) || (ascii && matches!(c, ',' | ';' | ':' | '!' | '?'))
}

/// Closing quotes and brackets that stay with the sentence they close.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | '〕' | '》' | '"' | '\''
    )
}

/// Approximate typeset width in ems: what a PDF column holds per line.
pub fn ems(c: char) -> f32 {
    if is_cjk(c) || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—') {
        1.0
    } else {
        match unicode_width::UnicodeWidthChar::width(c) {
            Some(2) => 1.0,
            Some(0) => 0.0,
            _ => 0.5,
        }
    }
}

/// The char boundary at or before `at` (clamped to the text).
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The char boundary at or after `at` (clamped to the text).
pub fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_digits_and_signs_only() {
        let folded: String = "１２．３％，－５".chars().map(fold).collect();
        assert_eq!(folded, "12.3%，-5");
        assert_eq!(fold('。'), '。');
        assert_eq!(fold('（'), '（');
    }
}
