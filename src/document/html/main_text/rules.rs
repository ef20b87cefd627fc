//! The word lists of `data/html_boilerplate.txt` (boilerplate class/id tokens, content-container
//! tokens, boilerplate paragraph lines), parsed once, and the class/id classification built on
//! them. It looks only at attribute values and paragraph texts, never at the tree.

use std::collections::HashSet;
use std::sync::LazyLock;

const DATA: &str = include_str!("../../../../data/html_boilerplate.txt");

pub(super) struct Rules {
    drop_tokens: HashSet<&'static str>,
    strong_tokens: HashSet<&'static str>,
    link_tokens: HashSet<&'static str>,
    drop_phrases: Vec<&'static str>,
    content_tokens: HashSet<&'static str>,
    lead_tokens: HashSet<&'static str>,
    /// Lower-cased boilerplate lines.
    drop_lines: HashSet<String>,
    /// Lower-cased lines that end the article.
    end_lines: HashSet<String>,
}

pub(super) static RULES: LazyLock<Rules> = LazyLock::new(|| parse(DATA));

fn parse(data: &'static str) -> Rules {
    let mut rules = Rules {
        drop_tokens: HashSet::new(),
        strong_tokens: HashSet::new(),
        link_tokens: HashSet::new(),
        drop_phrases: Vec::new(),
        content_tokens: HashSet::new(),
        lead_tokens: HashSet::new(),
        drop_lines: HashSet::new(),
        end_lines: HashSet::new(),
    };
    let mut section = "";
    for line in data.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        match section {
            "drop-tokens" => {
                rules.drop_tokens.insert(line);
            }
            "drop-tokens-strong" => {
                rules.strong_tokens.insert(line);
            }
            "drop-tokens-links" => {
                rules.link_tokens.insert(line);
            }
            "drop-phrases" => rules.drop_phrases.push(line),
            "content-tokens" => {
                rules.content_tokens.insert(line);
            }
            "end-lines" => {
                rules.end_lines.insert(line.to_lowercase());
            }
            "lead-tokens" => {
                rules.lead_tokens.insert(line);
            }
            "drop-lines" => {
                rules.drop_lines.insert(line.to_lowercase());
            }
            _ => {}
        }
    }
    rules
}

/// What a class or id value says about its element.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct AttrSignal {
    /// Boilerplate unless it holds the article.
    pub boilerplate: bool,
    /// Boilerplate even when it holds most of the page's text (comments, consent walls).
    pub strong: bool,
    /// Boilerplate when it is link-heavy (teasers, related links).
    pub links: bool,
    pub content: bool,
    /// A lead paragraph ("intro", "teaser", "excerpt", …).
    pub lead: bool,
}

impl Rules {
    /// Classifies one class or id attribute value. Allocation-free for ASCII values up to
    /// 128 bytes (longer or non-ASCII values are classified from their ASCII tokens only).
    pub(super) fn classify(&self, value: &str, signal: &mut AttrSignal) {
        let mut token = [0u8; 64];
        let mut len = 0usize;
        let mut squashed = [0u8; 128];
        let mut slen = 0usize;
        let mut prev_lower = false;
        let flush = |token: &[u8], signal: &mut AttrSignal| {
            if token.is_empty() {
                return;
            }
            if let Ok(t) = std::str::from_utf8(token) {
                if self.drop_tokens.contains(t) {
                    signal.boilerplate = true;
                }
                if self.strong_tokens.contains(t) {
                    signal.strong = true;
                }
                if self.link_tokens.contains(t) {
                    signal.links = true;
                }
                if self.content_tokens.contains(t) {
                    signal.content = true;
                }
                if self.lead_tokens.contains(t) {
                    signal.lead = true;
                }
            }
        };
        for &b in value.as_bytes() {
            if b.is_ascii_alphanumeric() {
                if b.is_ascii_uppercase() && prev_lower {
                    flush(&token[..len], signal);
                    len = 0;
                }
                prev_lower = b.is_ascii_lowercase();
                let lb = b.to_ascii_lowercase();
                if len < token.len() {
                    token[len] = lb;
                    len += 1;
                }
                if slen < squashed.len() {
                    squashed[slen] = lb;
                    slen += 1;
                }
            } else {
                flush(&token[..len], signal);
                len = 0;
                prev_lower = false;
                if b.is_ascii_whitespace() && slen < squashed.len() {
                    // Separate class names so phrases do not match across them.
                    squashed[slen] = b' ';
                    slen += 1;
                }
            }
        }
        flush(&token[..len], signal);
        if !signal.boilerplate
            && let Ok(s) = std::str::from_utf8(&squashed[..slen])
            && self.drop_phrases.iter().any(|p| s.contains(p))
        {
            signal.boilerplate = true;
        }
    }

    /// Whether a paragraph is a heading-like line after which only boilerplate follows
    /// ("Mehr zum Thema", "Kommentare", "Über den Autor").
    pub(super) fn is_end_line(&self, text: &str, heading: bool) -> bool {
        let t = text.trim();
        if t.len() > 60 {
            return false;
        }
        let lower = t.to_lowercase();
        let whole = lower.trim_end_matches([':', '.', '!', '…', ' ']);
        // "12 Kommentare", "Kommentare (3)"
        let whole = whole.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        let whole = whole.trim_end_matches(|c: char| c.is_ascii_digit() || "() ".contains(c));
        if self.end_lines.contains(whole) {
            return true;
        }
        // A heading such as "Mehr zum Thema Verkehr" or "Ähnliche Artikel aus der Region".
        heading
            && self.end_lines.iter().any(|e| {
                whole.starts_with(e.as_str()) && whole[e.len()..].starts_with([' ', ':', '-', '–'])
            })
    }

    /// Whether a whole paragraph is a boilerplate line ("Lesen Sie auch", "Teilen", …), or a
    /// short "Lesen Sie auch: <headline>" pointer.
    pub(super) fn is_boilerplate_line(&self, text: &str) -> bool {
        let t = text.trim();
        if t.len() > 200 {
            return false;
        }
        let lower = t.to_lowercase();
        let whole = lower.trim_end_matches([':', '.', '!', '…', ' ']);
        if self.drop_lines.contains(whole) || self.end_lines.contains(whole) {
            return true;
        }
        if let Some((head, _)) = lower.split_once(':')
            && head.len() <= 40
            && (self.drop_lines.contains(head.trim()) || self.end_lines.contains(head.trim()))
        {
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(v: &str) -> AttrSignal {
        let mut s = AttrSignal::default();
        RULES.classify(v, &mut s);
        s
    }

    #[test]
    fn tokens_are_split_at_separators_and_case_changes() {
        assert!(sig("main-nav").boilerplate);
        assert!(sig("relatedPosts").links);
        assert!(sig("comment-list").strong);
        assert!(sig("article__share-bar").boilerplate);
        assert!(!sig("navigator-content").boilerplate);
        assert!(!sig("article-body").boilerplate);
        assert!(sig("article-body").content);
        assert!(sig("box mehr-zum-thema").boilerplate);
        assert!(!sig("headline").boilerplate);
    }

    #[test]
    fn boilerplate_lines() {
        assert!(RULES.is_boilerplate_line("Lesen Sie auch:"));
        assert!(RULES.is_boilerplate_line("Lesen Sie auch: Die Stadt plant neu"));
        assert!(RULES.is_boilerplate_line("Mehr zum Thema"));
        assert!(
            !RULES.is_boilerplate_line("Mehr zum Thema Verkehr sagte der Bürgermeister nichts.")
        );
    }
}
