//! A quick "no" for words outside a set: a Bloom filter with two probes from one hash of the
//! whole word, sized to the set (16 bits a word, at most 2^20 bits), to spare most hash-set
//! lookups of words that are in no list. It holds no words itself: a "maybe" must be asked of
//! the set.

#[derive(Debug)]
pub struct WordFilter {
    bits: Vec<u64>,
    /// `bits.len() * 64 - 1`: the bit count is a power of two.
    mask: u64,
}

impl WordFilter {
    const MIN_BITS: usize = 1 << 12;
    const MAX_BITS: usize = 1 << 20;

    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordFilter {
        let words: Vec<&str> = words.into_iter().collect();
        let n = (words.len() * 16)
            .next_power_of_two()
            .clamp(Self::MIN_BITS, Self::MAX_BITS);
        let mut f = WordFilter {
            bits: vec![0u64; n / 64],
            mask: n as u64 - 1,
        };
        for w in words {
            let (a, b) = f.probes(hash(w.as_bytes(), |b| b));
            f.bits[a / 64] |= 1 << (a % 64);
            f.bits[b / 64] |= 1 << (b % 64);
        }
        f
    }

    /// The two bits of a hash.
    fn probes(&self, h: u64) -> (usize, usize) {
        ((h & self.mask) as usize, ((h >> 32) & self.mask) as usize)
    }

    fn has(&self, h: u64) -> bool {
        let (a, b) = self.probes(h);
        self.bits[a / 64] & (1 << (a % 64)) != 0 && self.bits[b / 64] & (1 << (b % 64)) != 0
    }

    /// False when `w` is surely not in the set.
    pub fn may_contain(&self, w: &str) -> bool {
        self.has(hash(w.as_bytes(), |b| b))
    }

    /// False when `w` with its ASCII letters lower-cased is surely not in the set.
    pub fn may_contain_ascii_lowercase(&self, w: &str) -> bool {
        self.has(hash(w.as_bytes(), |b| b.to_ascii_lowercase()))
    }
}

/// A 64-bit hash of the bytes of a word read through `map` (multiply-rotate, as FxHash does,
/// with a final mix so that both halves of the result are usable as probes).
fn hash(w: &[u8], map: impl Fn(u8) -> u8) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = w.len() as u64;
    for &b in w {
        h = (h.rotate_left(5) ^ u64::from(map(b))).wrapping_mul(K);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^ (h >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_false_no() {
        let words = [
            "leipzig",
            "a",
            "",
            "münchen",
            "halle (saale)",
            "oberbürgermeister",
        ];
        let f = WordFilter::new(words);
        for w in words {
            assert!(f.may_contain(w), "{w}");
        }
        assert!(f.may_contain_ascii_lowercase("LEIPZIG"));
        assert!(f.may_contain_ascii_lowercase("Leipzig"));
    }

    #[test]
    fn few_false_maybes() {
        let words: Vec<String> = (0..40_000).map(|i| format!("ort{i}")).collect();
        let f = WordFilter::new(words.iter().map(String::as_str));
        assert!(words.iter().all(|w| f.may_contain(w)));
        let false_maybes = (0..100_000)
            .filter(|i| f.may_contain(&format!("wort{i}")))
            .count();
        // two probes, 16 bits a word (capped at 2^20 bits): well under 2 %
        assert!(false_maybes < 2_000, "{false_maybes} false maybes");
    }
}
