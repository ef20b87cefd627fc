//! The rankings an article names (by name or by a generic word) and the edition year they
//! give, looked for once per article and only when a position needs them. It does not bind
//! names to positions.

use super::context::{Context, RankingMention};
use super::years::document_edition;
use crate::text::Span;

pub(super) struct ArticleNames {
    /// The rankings named in the text.
    pub names: Vec<RankingMention>,
    /// The generic ranking words ("Ranking", "Städtevergleich").
    pub generic_spans: Vec<Span>,
    /// The edition year of the article's ranking, if its names state a single one.
    pub edition: Option<u32>,
}

impl ArticleNames {
    pub(super) fn find(ctx: &Context, text: &str) -> ArticleNames {
        let names = ctx.ranking_mentions(text);
        let generic = ctx.generic_mentions(text);
        let generic_editions: Vec<u32> = generic.iter().filter_map(|g| g.1).collect();
        let generic_spans: Vec<Span> = generic.iter().map(|g| g.0).collect();
        let edition = document_edition(&names, &generic_editions);
        ArticleNames {
            names,
            generic_spans,
            edition,
        }
    }
}
