//! The scopes of each sentence, found on first use: most sentences that name a category state
//! no position, and their scopes matter only when a later sentence of the paragraph takes the
//! category they carry. Also that carried category. It does not decide which scope binds where.

use super::context::{Context, Scope};
use super::words::Words;
use crate::text::Span;

pub(super) struct LazyScopes<'a> {
    ctx: &'a Context,
    text: &'a str,
    sentences: &'a [Span],
    words: &'a [Words],
    /// Whether a sentence's scopes are looked for at all (else they are none).
    allowed: Vec<bool>,
    /// Whether a sentence without positions passes its category on (see `carried`).
    carries: Vec<bool>,
    cache: Vec<Option<Vec<Scope>>>,
}

impl<'a> LazyScopes<'a> {
    pub(super) fn new(
        ctx: &'a Context,
        text: &'a str,
        sentences: &'a [Span],
        words: &'a [Words],
    ) -> LazyScopes<'a> {
        LazyScopes {
            ctx,
            text,
            sentences,
            words,
            allowed: vec![false; sentences.len()],
            carries: vec![false; sentences.len()],
            cache: vec![None; sentences.len()],
        }
    }

    /// Sentence `si`'s scopes are looked for (set before any `get(si)`).
    pub(super) fn allow(&mut self, si: usize) {
        self.allowed[si] = true;
    }

    /// Sentence `si` states no position and passes its category on to later sentences.
    pub(super) fn set_carries(&mut self, si: usize) {
        self.carries[si] = true;
    }

    /// The scopes of sentence `si` (none unless allowed).
    pub(super) fn get(&mut self, si: usize) -> &[Scope] {
        if self.cache[si].is_none() {
            let found = if self.allowed[si] {
                self.ctx
                    .scopes(self.text, self.sentences[si], self.words[si])
            } else {
                Vec::new()
            };
            self.cache[si] = Some(found);
        }
        self.cache[si].as_deref().unwrap_or(&[])
    }

    /// The category carried into sentence `si` from the sentences `from..si` (its paragraph):
    /// the last named category of the last carrying sentence that has one.
    pub(super) fn carried(&mut self, from: usize, si: usize) -> Option<Scope> {
        for k in (from..si).rev() {
            if !self.carries[k] {
                continue;
            }
            if let Some(sc) = self
                .get(k)
                .iter()
                .rev()
                .find(|sc| !sc.region && sc.name.is_some())
            {
                return Some(sc.clone());
            }
        }
        None
    }
}
