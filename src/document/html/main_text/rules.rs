//! The word lists of `data/html_boilerplate.txt` (boilerplate class/id tokens, content-container
//! tokens, boilerplate paragraph lines), parsed once, and the class/id classification built on
//! them. It looks only at attribute values and paragraph texts, never at the tree.

use aho_corasick::AhoCorasick;
use rustc_hash::{FxHashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

const DATA: &str = include_str!("../../../../data/html_boilerplate.txt");

// What a class/id token means (bit flags, a token may have several).
const DROP: u8 = 1;
const STRONG: u8 = 2;
const LINKS: u8 = 4;
const CONTENT: u8 = 8;
const LEAD: u8 = 16;

pub(super) struct Rules {
    /// Class/id token → meaning bits.
    tokens: FxHashMap<&'static str, u8>,
    /// Class/id substrings (separators removed) that mark boilerplate.
    drop_phrases: Option<AhoCorasick>,
    /// Lower-cased boilerplate lines.
    drop_lines: HashSet<String>,
    /// Lower-cased lines that end the article.
    end_lines: HashSet<String>,
    /// Site notices (cookies, affiliate links): each rule is a list of groups of lower-case
    /// substrings, and a short paragraph holding one substring of every group is a notice.
    notices: Vec<Vec<Vec<&'static str>>>,
}

/// The longest paragraph that can be a site notice.
const MAX_NOTICE: usize = 400;

/// A line as the word lists hold it: lower-cased, without trailing punctuation.
fn line_key(lower: &str) -> &str {
    lower.trim_end_matches([':', '.', '!', '?', '…', ' '])
}

pub(super) static RULES: LazyLock<Rules> = LazyLock::new(|| parse(DATA));

fn parse(data: &'static str) -> Rules {
    let mut tokens: FxHashMap<&'static str, u8> = FxHashMap::default();
    let mut phrases = Vec::new();
    let mut drop_lines = HashSet::default();
    let mut end_lines = HashSet::default();
    let mut notices = Vec::new();
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
        let bit = match section {
            "drop-tokens" => DROP,
            "drop-tokens-strong" => STRONG,
            "drop-tokens-links" => LINKS,
            "content-tokens" => CONTENT,
            "lead-tokens" => LEAD,
            _ => 0,
        };
        if bit != 0 {
            *tokens.entry(line).or_default() |= bit;
            continue;
        }
        match section {
            "drop-phrases" => phrases.push(line),
            "end-lines" => {
                end_lines.insert(line.to_lowercase());
            }
            "drop-lines" => {
                drop_lines.insert(line.to_lowercase());
            }
            "notices" => notices.push(
                line.split(" + ")
                    .map(|group| group.split('|').collect())
                    .collect(),
            ),
            _ => {}
        }
    }
    Rules {
        tokens,
        // The phrases are a fixed, small list: building the automaton cannot fail.
        drop_phrases: AhoCorasick::new(&phrases).ok(),
        drop_lines,
        end_lines,
        notices,
    }
}

/// A class name that describes a state of the element rather than what it is
/// ("has-sidebar", "with-ads", "no-comments", "is-hidden-mobile").
fn is_state_class(name: &str) -> bool {
    let n = name.as_bytes();
    ["has", "with", "without", "no", "is", "hide", "show"]
        .iter()
        .any(|p| {
            n.len() > p.len() + 1
                && n[..p.len()].eq_ignore_ascii_case(p.as_bytes())
                && matches!(n[p.len()], b'-' | b'_')
        })
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
        for name in value.split_ascii_whitespace() {
            if !is_state_class(name) {
                self.classify_name(name, signal);
            }
        }
    }

    /// Classifies one class name (or id): its tokens, and its phrases once separators are
    /// removed. Allocation-free; only the first 64 bytes of a token and 128 of a name count.
    fn classify_name(&self, name: &str, signal: &mut AttrSignal) {
        let mut token = [0u8; 64];
        let mut len = 0usize;
        let mut squashed = [0u8; 128];
        let mut slen = 0usize;
        let mut prev_lower = false;
        let flush = |token: &[u8], signal: &mut AttrSignal| {
            if token.is_empty() {
                return;
            }
            if let Ok(t) = std::str::from_utf8(token)
                && let Some(&bits) = self.tokens.get(t)
            {
                signal.boilerplate |= bits & DROP != 0;
                signal.strong |= bits & STRONG != 0;
                signal.links |= bits & LINKS != 0;
                signal.content |= bits & CONTENT != 0;
                signal.lead |= bits & LEAD != 0;
            }
        };
        for &b in name.as_bytes() {
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
            }
        }
        flush(&token[..len], signal);
        if !signal.boilerplate
            && let Some(ac) = &self.drop_phrases
            && ac.is_match(&squashed[..slen])
        {
            signal.boilerplate = true;
        }
    }

    /// Whether a paragraph is a heading-like line after which only boilerplate follows
    /// ("Mehr zum Thema", "Kommentare", "Über den Autor").
    pub(super) fn is_end_line(&self, text: &str, heading: bool) -> bool {
        let t = text.trim();
        // A rating widget's question shares its paragraph with the vote count below it.
        let t = if t.len() <= 150 {
            t.lines().next().unwrap_or(t)
        } else {
            t
        };
        if t.len() > 60 {
            return false;
        }
        let lower = t.to_lowercase();
        let whole = line_key(&lower);
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

    /// Whether a whole paragraph is a boilerplate line ("Lesen Sie auch", "Teilen", …), a
    /// short "Lesen Sie auch: <headline>" pointer, a few such lines, or a site notice.
    pub(super) fn is_boilerplate_line(&self, text: &str) -> bool {
        let t = text.trim();
        if t.len() > MAX_NOTICE {
            return false;
        }
        let lower = t.to_lowercase();
        if self.is_notice(&lower) {
            return true;
        }
        if t.len() > 200 {
            return false;
        }
        // "(Foto: dpa)", "(Quelle: Foto Max Muster)"
        if let Some(inner) = lower.strip_prefix('(').and_then(|l| l.strip_suffix(')'))
            && !inner.contains(['(', ')'])
        {
            return self.is_boilerplate_line(inner);
        }
        if lower.contains('\n') {
            return lower.lines().all(|l| self.is_boilerplate_line(l));
        }
        let whole = line_key(&lower);
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

    /// Whether a lower-cased paragraph is a site notice ("Mit der Nutzung unserer Dienste
    /// erklären Sie sich damit einverstanden, dass wir Cookies verwenden").
    fn is_notice(&self, lower: &str) -> bool {
        lower.len() <= MAX_NOTICE
            && self.notices.iter().any(|groups| {
                groups
                    .iter()
                    .all(|group| group.iter().any(|w| lower.contains(w)))
            })
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
        assert!(!sig("o-section has-ads").boilerplate);
        assert!(sig("o-section ads").boilerplate);
    }

    #[test]
    fn boilerplate_lines() {
        assert!(RULES.is_boilerplate_line("Lesen Sie auch:"));
        assert!(RULES.is_boilerplate_line("Lesen Sie auch: Die Stadt plant neu"));
        assert!(RULES.is_boilerplate_line("Mehr zum Thema"));
        assert!(
            !RULES.is_boilerplate_line("Mehr zum Thema Verkehr sagte der Bürgermeister nichts.")
        );
        assert!(RULES.is_boilerplate_line("Fanden Sie diesen Artikel hilfreich?"));
        assert!(RULES.is_boilerplate_line("(Foto: Max Muster)"));
        assert!(!RULES.is_boilerplate_line("(Der Rat tagt im Mai.)"));
        assert!(RULES.is_boilerplate_line("(Noch keine Bewertungen)\nWird geladen …"));
        assert!(!RULES.is_boilerplate_line("(Noch keine Bewertungen)\nDer Rat tagt im Mai."));
    }

    #[test]
    fn end_lines() {
        assert!(RULES.is_end_line("Mehr zum Thema", false));
        assert!(RULES.is_end_line("Wie fanden Sie diesen Beitrag?\n(12 Stimmen)", false));
        assert!(!RULES.is_end_line("Wie fanden Sie den Auftritt?", false));
    }

    #[test]
    fn site_notices() {
        assert!(RULES.is_boilerplate_line(
            "Diese Website nutzt Cookies. Wenn Sie weitersurfen, stimmen Sie der Nutzung zu. OK"
        ));
        assert!(RULES.is_boilerplate_line(
            "Wenn ihr über Links auf dieser Seite einkauft, erhalten wir eine kleine Provision."
        ));
        assert!(!RULES.is_boilerplate_line(
            "Der Datenschutzbeauftragte prüft, ob das Portal Cookies ohne Zustimmung setzt."
        ));
        assert!(!RULES.is_boilerplate_line(
            "Die Händler zahlen dem Makler eine Provision für jeden Abschluss."
        ));
        assert!(RULES.is_boilerplate_line(
            "Das Magazin gibt es digital in der App, oder bestellen Sie es als Abo oder Einzelheft."
        ));
        assert!(RULES.is_boilerplate_line(
            "Dieser Eintrag wurde am 3. Mai 2021 veröffentlicht und unter Allgemein abgelegt."
        ));
    }
}
