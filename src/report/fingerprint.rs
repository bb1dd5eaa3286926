//! Fingerprints of findings: what baselines match on and SARIF reports as partial fingerprints.

/// A stable fingerprint: 64-bit FNV-1a of the rule and the labelled texts without white space.
pub fn fingerprint(rule: &str, label_texts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(rule.as_bytes());
    for text in label_texts {
        feed(&[0]);
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        feed(squeezed.as_bytes());
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_wrapping_and_position() {
        assert_eq!(
            fingerprint("trade-balance", &["21.79万亿\n元", "13万亿元"]),
            fingerprint("trade-balance", &["21.79万亿元", "13万亿元"])
        );
        assert_ne!(
            fingerprint("trade-balance", &["21.79万亿元"]),
            fingerprint("trade-balance", &["21.78万亿元"])
        );
        // Pinned: a baseline written by one version must match in the next.
        assert_eq!(fingerprint("a", &["b"]), "e5d29919042666b2");
    }
}
