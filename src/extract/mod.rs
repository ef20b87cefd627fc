//! The extractors: one module per fact family, each a pure function of an analysed article
//! ([`Article`]) and the gazetteers, each beside its corpus of sentences it must and must not
//! match (`extract/corpus/*.txt`, run as its unit tests). No I/O, no HTML, no panics on input.

pub mod city;
pub mod initiative;
pub mod official;
pub mod ranking;
pub mod year;

#[cfg(test)]
pub(crate) mod corpus;

use crate::record::Evidence;
use crate::text::{NormText, Span, paragraphs, sentences_in};

/// An article prepared for the extractors: normalised text, sentences, paragraphs, headline.
pub struct Article<'a> {
    /// The original text (the record's text); evidence offsets point into it.
    pub original: &'a str,
    pub norm: &'a NormText,
    /// The normalised text every span refers to.
    pub text: &'a str,
    pub sentences: Vec<Span>,
    pub paragraphs: Vec<Span>,
    /// The first line, when it stands alone and reads like a headline.
    pub headline: Option<Span>,
    /// A title given outside the text (JSON input, HTML metadata).
    pub extra_title: Option<&'a str>,
}

impl<'a> Article<'a> {
    pub fn new(original: &'a str, norm: &'a NormText, extra_title: Option<&'a str>) -> Article<'a> {
        let text = norm.text.as_str();
        let paragraphs = paragraphs(text);
        let sentences = sentences_in(text, &paragraphs);
        let headline = paragraphs.first().copied().filter(|p| {
            let s = p.slice(text);
            paragraphs.len() > 1
                && !s.contains('\n')
                && s.chars().count() <= 200
                && !s.ends_with(['.', ',', ';'])
                && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"')
        });
        Article {
            original,
            norm,
            text,
            sentences,
            paragraphs,
            headline,
            extra_title,
        }
    }

    /// The index of the sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }

    /// The index of the paragraph containing byte `pos`, if any.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|s| s.end <= pos);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= pos).then_some(i)
    }

    /// Original text of a normalised byte span.
    pub fn original_text(&self, span: Span) -> &'a str {
        let (s, e) = self.norm.orig_byte_range(span.start, span.end);
        self.original.get(s..e).unwrap_or("")
    }

    /// Evidence for a normalised byte span, with the sentence(s) around it and the rule id.
    pub fn evidence(&self, span: Span, rule: &str) -> Evidence {
        let (start, end) = self.norm.orig_range(span.start, span.end);
        let first = self.sentence_at(span.start);
        let last = self
            .sentence_at(span.end.saturating_sub(1).max(span.start))
            .or(first);
        let sentence = match (first, last) {
            (Some(f), Some(l)) => {
                let s = Span::new(
                    self.sentences[f].start.min(span.start),
                    self.sentences[l].end.max(span.end),
                );
                self.original_text(s).to_string()
            }
            _ => self.original_text(span).to_string(),
        };
        Evidence {
            start,
            end,
            text: self.original_text(span).to_string(),
            sentence,
            rule: rule.to_string(),
        }
    }
}
