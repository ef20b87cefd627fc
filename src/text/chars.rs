//! Char classes for German text without the Unicode tables where that is safe: ASCII and the
//! Latin-1 letters (ä, ö, ü, ß, é, …) are decided by range, every other char is asked of
//! `char`'s own methods, so every answer equals the standard one. It knows no words.

/// Per byte value: an ASCII letter or digit.
pub const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// `c.is_alphabetic()`.
pub fn is_alphabetic(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\x7f' => false,
        '\u{C0}'..='\u{FF}' => c != '\u{D7}' && c != '\u{F7}',
        _ => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`.
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\x7f' => false,
        '\u{C0}'..='\u{FF}' => c != '\u{D7}' && c != '\u{F7}',
        _ => c.is_alphanumeric(),
    }
}

/// `c.is_uppercase()`.
pub fn is_uppercase(c: char) -> bool {
    match c {
        'A'..='Z' => true,
        '\0'..='\x7f' => false,
        '\u{C0}'..='\u{DE}' => c != '\u{D7}',
        '\u{DF}'..='\u{FF}' => false,
        _ => c.is_uppercase(),
    }
}

/// `c.is_lowercase()`.
pub fn is_lowercase(c: char) -> bool {
    match c {
        'a'..='z' => true,
        '\0'..='\x7f' => false,
        '\u{C0}'..='\u{DE}' => false,
        '\u{DF}'..='\u{FF}' => c != '\u{F7}',
        _ => c.is_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agree_with_std() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lowercase(c), c.is_lowercase(), "{c:?}");
        }
    }
}
