//! Joins the text below the chosen roots into paragraphs: one per block element (p, headings,
//! list items, table rows, …) and per `<br><br>`-separated run (a single `<br>` is a line break inside the paragraph), whitespace collapsed, soft
//! hyphens kept. Dropped subtrees are skipped. Filtering of whole paragraphs happens here too
//! (boilerplate lines, link lists); choosing the roots does not.

use super::rules::RULES;
use super::tree::{Arena, Ix, Kind, Tag};

/// Link share from which a collected paragraph counts as a link (list item) and is dropped.
const MAX_LINK_SHARE: f32 = 0.5;

/// A paragraph of at least this many bytes is "real" text.
const LONG_PARAGRAPH: usize = 40;
/// Lines shorter than this after the last real paragraph are dropped.
const SHORT_TAIL_LINE: usize = 30;

/// A paragraph being collected.
#[derive(Debug, Default)]
pub(super) struct Para {
    pub text: String,
    /// Visible bytes inside links.
    pub link: usize,
    /// Heading level 1–6, 0 for other blocks.
    pub heading: u8,
}

struct Collector {
    paras: Vec<Para>,
    cur: Para,
    pending_space: bool,
    /// A single `<br>` since the last text: the next text starts a new line.
    pending_newline: bool,
    /// Consecutive `<br>`s since the last text.
    brs: u32,
}

impl Collector {
    fn flush(&mut self) {
        self.pending_space = false;
        self.pending_newline = false;
        self.brs = 0;
        if !self.cur.text.is_empty() {
            let p = std::mem::take(&mut self.cur);
            self.paras.push(p);
        } else {
            self.cur = Para::default();
        }
    }

    fn push_text(&mut self, s: &str, in_link: bool) {
        for ch in s.chars() {
            if ch.is_whitespace() {
                if !self.cur.text.is_empty() {
                    self.pending_space = true;
                }
            } else {
                if self.brs >= 2 {
                    self.flush();
                }
                self.brs = 0;
                if self.pending_newline {
                    self.cur.text.push('\n');
                } else if self.pending_space {
                    self.cur.text.push(' ');
                }
                self.pending_space = false;
                self.pending_newline = false;
                self.cur.text.push(ch);
                if in_link {
                    self.cur.link += ch.len_utf8();
                }
            }
        }
    }
}

/// Paragraphs of the live subtrees under `roots` (document order).
pub(super) fn collect(arena: &Arena, roots: &[Ix]) -> Vec<Para> {
    let mut c = Collector {
        paras: Vec::new(),
        cur: Para::default(),
        pending_space: false,
        pending_newline: false,
        brs: 0,
    };
    // Open elements: (end index, tag, is a block boundary).
    let mut stack: Vec<(Ix, Tag, bool)> = Vec::new();
    let mut links = 0u32;
    for &root in roots {
        let end = arena.items[root as usize].end;
        let mut i = root;
        while i < end {
            while let Some(&(e, tag, boundary)) = stack.last() {
                if e > i {
                    break;
                }
                stack.pop();
                if tag == Tag::Link {
                    links = links.saturating_sub(1);
                }
                if boundary {
                    c.flush();
                }
            }
            let it = &arena.items[i as usize];
            if it.dead {
                i = it.end.max(i + 1);
                continue;
            }
            match it.kind {
                Kind::Text(s) => c.push_text(s, links > 0),
                Kind::Element(e) => {
                    let boundary = match e.tag {
                        Tag::Block | Tag::Heading(_) => true,
                        Tag::Cell => it.has_block,
                        _ => false,
                    };
                    match e.tag {
                        Tag::Br => {
                            c.brs += 1;
                            if !c.cur.text.is_empty() {
                                c.pending_newline = true;
                            }
                        }
                        Tag::Cell if !boundary && !c.cur.text.is_empty() => {
                            c.pending_space = true;
                        }
                        Tag::Link if it.end > i + 1 => links += 1,
                        _ => {}
                    }
                    if boundary {
                        c.flush();
                        if let Tag::Heading(level) = e.tag {
                            c.cur.heading = level;
                        }
                    }
                    if it.end > i + 1 {
                        stack.push((it.end, e.tag, boundary));
                    } else if boundary {
                        c.flush();
                    }
                }
            }
            i += 1;
        }
        while let Some((_, tag, boundary)) = stack.pop() {
            if tag == Tag::Link {
                links = links.saturating_sub(1);
            }
            if boundary {
                c.flush();
            }
        }
        c.flush();
    }
    c.paras
}

/// Drops boilerplate paragraphs: "Lesen Sie auch", share labels, link-only list items.
pub(super) fn filter(paras: Vec<Para>) -> Vec<String> {
    let total: usize = paras.iter().map(|p| p.text.len()).sum();
    let mut seen = 0usize;
    let mut out: Vec<Para> = Vec::with_capacity(paras.len());
    // Short lines after the last real paragraph are bylines, dates, labels and buttons.
    let last_long = paras
        .iter()
        .rposition(|p| p.text.len() >= LONG_PARAGRAPH)
        .unwrap_or(usize::MAX);
    for (k, p) in paras.into_iter().enumerate() {
        if k > last_long && p.text.len() < SHORT_TAIL_LINE {
            continue;
        }
        // Image credits: "… © Agentur / Fotograf".
        if p.text.len() <= 150 && p.text.contains('©') {
            continue;
        }
        if seen * 2 >= total && RULES.is_end_line(&p.text, p.heading > 0) {
            break;
        }
        seen += p.text.len();
        let linky = p.link as f32 >= MAX_LINK_SHARE * p.text.len() as f32;
        if !RULES.is_boilerplate_line(&p.text) && !linky {
            out.push(p);
        }
    }
    // A heading with nothing of its own below it (its section was boilerplate) goes too; a
    // subheading below it counts as content.
    let mut texts = Vec::with_capacity(out.len());
    for k in 0..out.len() {
        let level = out[k].heading;
        if level > 0
            && out
                .get(k + 1)
                .is_none_or(|n| n.heading > 0 && n.heading <= level)
        {
            continue;
        }
        texts.push(std::mem::take(&mut out[k].text));
    }
    texts
}
