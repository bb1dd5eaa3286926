//! The check-expression parser: arbitrary input parses or fails with a span inside the input.
#![no_main]

use factlint::rules::expr;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    match expr::parse(src) {
        Ok(check) => {
            let _ = check.facts();
        }
        Err(e) => {
            let span = e.span.clone();
            assert!(span.start <= span.end && span.end <= src.len(), "{span:?} in {src:?}");
        }
    }
});
