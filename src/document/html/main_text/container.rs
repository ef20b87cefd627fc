//! Chooses the article container: every block's own text is rated as good (a paragraph of
//! at least `MIN_PARAGRAPH` visible bytes with little link text) or other (short fragments,
//! link lists, linked headings); the element with the most good text minus `OTHER_WEIGHT` ×
//! other text wins, with a small bonus for article-like class names. It reads the arena's
//! statistics only; it does not join text.

use super::tree::{Arena, Ix, Kind, NONE, Tag};

/// Shortest paragraph (visible bytes) that counts as good text.
const MIN_PARAGRAPH: u32 = 40;
/// What a byte of other text costs against a byte of good text.
const OTHER_WEIGHT: f32 = 0.5;
/// Link share above which a paragraph is not good text.
const MAX_LINK_DENSITY: f32 = 0.3;
/// Score factor of elements whose class/id/tag says "article".
const CONTENT_BONUS: f32 = 1.1;

fn link_density(link: u32, text: u32) -> f32 {
    if text == 0 {
        0.0
    } else {
        link as f32 / text as f32
    }
}

/// The container to collect text from, or `None` when the page has no good paragraph.
pub(super) fn choose(arena: &Arena) -> Option<Ix> {
    let n = arena.items.len();
    let mut good = vec![0f32; n];
    let mut other = vec![0f32; n];
    // Reverse pre-order: every descendant is summed before its ancestor.
    for i in (0..n).rev() {
        let it = &arena.items[i];
        if it.dead {
            continue;
        }
        if let Kind::Element(e) = it.kind {
            let unit = match e.tag {
                Tag::Block | Tag::Heading(_) => true,
                Tag::Cell => !it.has_block,
                _ => false,
            };
            if unit && it.inline_text > 0 {
                let ld = link_density(it.inline_link, it.inline_text);
                let t = it.inline_text as f32;
                if matches!(e.tag, Tag::Heading(_)) {
                    // Headings are neutral unless they are links (teaser titles).
                    if ld >= 0.5 {
                        other[i] += t;
                    }
                } else if it.inline_text >= MIN_PARAGRAPH && ld < MAX_LINK_DENSITY {
                    good[i] += t - it.inline_link as f32;
                    other[i] += it.inline_link as f32;
                } else {
                    other[i] += t;
                }
            }
        }
        let p = it.parent;
        if p != NONE {
            good[p as usize] += good[i];
            other[p as usize] += other[i];
        }
    }
    let mut best = None;
    let mut best_score = 0.0f32;
    for i in 0..n {
        if arena.items[i].dead {
            continue;
        }
        let Some(e) = arena.elem(i as Ix) else {
            continue;
        };
        let mut s = good[i] - OTHER_WEIGHT * other[i];
        if e.content {
            s *= CONTENT_BONUS;
        }
        if s > best_score {
            best_score = s;
            best = Some(i as Ix);
        }
    }
    best
}

/// The container plus lead blocks just before it (within its three nearest ancestors), in
/// document order.
pub(super) fn with_leads(arena: &Arena, best: Ix) -> Vec<Ix> {
    let mut roots = Vec::new();
    let mut anc = arena.items[best as usize].parent;
    for _ in 0..3 {
        if anc == NONE {
            break;
        }
        let mut i = anc + 1;
        while i < best {
            let it = &arena.items[i as usize];
            let next = it.end.max(i + 1);
            if it.dead {
                i = next;
                continue;
            }
            let is_lead = arena.elem(i).is_some_and(|e| e.lead);
            if is_lead
                && it.end <= best
                && it.text >= MIN_PARAGRAPH
                && link_density(it.link, it.text) < MAX_LINK_DENSITY
            {
                roots.push(i);
                i = next;
            } else {
                i += 1;
            }
        }
        anc = arena.items[anc as usize].parent;
    }
    roots.sort_unstable();
    roots.dedup();
    // Keep the outermost of nested leads.
    let mut out: Vec<Ix> = Vec::with_capacity(roots.len() + 1);
    for r in roots {
        if out.last().is_some_and(|&o| r < arena.items[o as usize].end) {
            continue;
        }
        out.push(r);
    }
    out.push(best);
    out
}
