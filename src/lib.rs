//! newsextract: German press articles in, structured and auditable facts out.
//!
//! The core is [`Extractor::extract`], a pure, synchronous, panic-free function from a
//! [`Document`] (text plus optional metadata) to a [`Record`]. Reading files, stdin and the
//! CLI sit around it (`source`, `sink`, `main.rs`) and never leak into it.

pub mod document;
pub mod extract;
pub mod gazetteer;
pub mod record;
pub mod sink;
pub mod source;
pub mod text;

pub use document::Document;
pub use gazetteer::{GazetteerError, Gazetteers};
pub use record::Record;

use extract::Article;
use record::{CityRef, SCHEMA_VERSION, Source};
use sha2::{Digest, Sha256};
use text::NormText;

/// Compiled rules and gazetteers; build once, share across threads, call `extract` per article.
pub struct Extractor {
    gaz: Gazetteers,
    rankings: extract::ranking::RankingRules,
    officials: extract::official::OfficialRules,
    initiatives: extract::initiative::InitiativeRules,
}

impl Extractor {
    /// An extractor over the given gazetteers.
    pub fn new(gaz: Gazetteers) -> Extractor {
        let rankings = extract::ranking::RankingRules::new(&gaz);
        let officials = extract::official::OfficialRules::new(&gaz);
        let initiatives = extract::initiative::InitiativeRules::new(&gaz);
        Extractor {
            gaz,
            rankings,
            officials,
            initiatives,
        }
    }

    /// An extractor over the built-in gazetteers.
    pub fn with_embedded_rules() -> Result<Extractor, GazetteerError> {
        Ok(Extractor::new(Gazetteers::embedded()?))
    }

    pub fn gazetteers(&self) -> &Gazetteers {
        &self.gaz
    }

    /// Extracts every fact from one document. Pure: same input, same output.
    pub fn extract(&self, doc: &Document) -> Record {
        let norm = NormText::new(&doc.text);
        let article = Article::new(&doc.text, &norm, doc.title.as_deref());
        let mentions = extract::city::mentions(&article, &self.gaz);
        let subject = extract::city::subject(&article, &self.gaz, &mentions);
        let years = extract::year::extract(&article);
        let rankings = self
            .rankings
            .extract(&article, &self.gaz, &mentions, subject);
        let officials = self
            .officials
            .extract(&article, &self.gaz, &mentions, subject);
        let initiatives = self
            .initiatives
            .extract(&article, &self.gaz, &mentions, &years, subject);
        let title = doc.title.clone().or_else(|| {
            article
                .headline
                .map(|h| article.original_text(h).trim().to_string())
        });
        let mut first_years: std::collections::BTreeMap<u32, &extract::year::YearFact> =
            Default::default();
        for y in &years {
            first_years.entry(y.year).or_insert(y);
        }
        let year_mentions: Vec<record::YearMention> = first_years
            .into_values()
            .map(|y| record::YearMention {
                year: y.year,
                evidence: article.evidence(y.span, y.rule),
            })
            .collect();
        Record {
            schema_version: SCHEMA_VERSION,
            id: stable_id(&norm.text),
            source: Source {
                path: doc.path.clone(),
                url: doc.url.clone(),
                id: doc.id.clone(),
                encoding: doc.encoding.clone(),
            },
            title,
            published: doc.published.clone(),
            authors: doc.authors.clone(),
            sitename: doc.sitename.clone(),
            language: doc.language.clone(),
            warnings: doc.warnings.clone(),
            city: subject.map(|id| {
                let c = self.gaz.cities.city(id);
                CityRef {
                    name: c.name.clone(),
                    ags: c.ags.clone(),
                    state: c.state.clone(),
                }
            }),
            cities: extract::city::summarize(&article, &self.gaz, &mentions),
            rankings,
            years: year_mentions.iter().map(|y| y.year).collect(),
            year_mentions,
            officials,
            initiatives,
            text_chars: doc.text.chars().count(),
        }
    }
}

/// The record id: the first 16 hex digits of the SHA-256 of the normalised text.
pub fn stable_id(normalised: &str) -> String {
    let digest = Sha256::digest(normalised.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}
