//! A quick "no" for words outside a set (a one-hash Bloom filter over a word's length, first
//! two bytes and last byte), to spare most hash-set lookups of words that are in no list. It
//! holds no words itself: a "maybe" must be asked of the set.

#[derive(Debug)]
pub struct WordFilter {
    bits: Vec<u64>,
}

impl WordFilter {
    const BITS: usize = 1 << 16;

    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> WordFilter {
        let mut bits = vec![0u64; Self::BITS / 64];
        for w in words {
            let k = Self::slot(w.as_bytes(), |b| b);
            bits[k / 64] |= 1 << (k % 64);
        }
        WordFilter { bits }
    }

    /// The bit of a word whose bytes are read through `map`.
    fn slot(w: &[u8], map: impl Fn(u8) -> u8) -> usize {
        let first = w.first().copied().map_or(0, &map);
        let second = w.get(1).copied().map_or(0, &map);
        let last = w.last().copied().map_or(0, &map);
        let x = (w.len() as u64) << 24
            | u64::from(first) << 16
            | u64::from(second) << 8
            | u64::from(last);
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
    }

    fn has(&self, k: usize) -> bool {
        self.bits[k / 64] & (1 << (k % 64)) != 0
    }

    /// False when `w` is surely not in the set.
    pub fn may_contain(&self, w: &str) -> bool {
        self.has(Self::slot(w.as_bytes(), |b| b))
    }

    /// False when `w` with its ASCII letters lower-cased is surely not in the set.
    pub fn may_contain_ascii_lowercase(&self, w: &str) -> bool {
        self.has(Self::slot(w.as_bytes(), |b| b.to_ascii_lowercase()))
    }
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
}
