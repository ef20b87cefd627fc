//! The output record (one per article) and its JSON Schema. This is the contract that the
//! scorer, the stores and users' scripts read: keep the field names; add fields freely.

use serde::{Deserialize, Serialize};

pub const SCHEMA_VERSION: u32 = 1;

/// The JSON Schema of [`Record`], shipped in the repo and checked by the tests.
pub const JSON_SCHEMA: &str = include_str!("../schema/record.schema.json");

/// Where a fact was found: char offsets into the record's text (the decoded input),
/// the text of that span, the sentence around it, and the id of the rule that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub sentence: String,
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub path: Option<String>,
    pub url: Option<String>,
    /// The id the input gave the article (JSON `id`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The charset an HTML page was decoded with (WHATWG name); absent for other inputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// Where a year was first stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearMention {
    pub year: u32,
    pub evidence: Evidence,
}

/// The article's subject city.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityRef {
    pub name: String,
    pub ags: Option<String>,
    pub state: String,
}

/// A city mentioned in the article, with how often and where first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityMention {
    pub name: String,
    pub ags: Option<String>,
    pub mentions: usize,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    pub city: String,
    pub ags: Option<String>,
    pub ranking: Option<String>,
    pub publisher: Option<String>,
    pub category: Option<String>,
    pub year: Option<u32>,
    pub rank: Option<u32>,
    pub rank_max: Option<u32>,
    pub previous_rank: Option<u32>,
    pub score: Option<f64>,
    pub score_max: Option<f64>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Official {
    pub name: String,
    /// Academic titles written before the name ("Dr.", "Prof. Dr."), kept apart from it.
    pub title: Option<String>,
    pub role: Option<String>,
    pub party: Option<String>,
    pub organization: Option<String>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Initiative {
    pub name: String,
    /// project, platform, app, strategy, programme, unit, concept, …
    pub kind: String,
    pub year: Option<u32>,
    pub partners: Vec<String>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub schema_version: u32,
    /// Stable hash of the normalised text.
    pub id: String,
    pub source: Source,
    pub title: Option<String>,
    pub published: Option<String>,
    /// Authors named by the page (HTML metadata or byline); empty for plain text.
    #[serde(default)]
    pub authors: Vec<String>,
    /// The publication's name, when the page states it.
    #[serde(default)]
    pub sitename: Option<String>,
    /// The language the page declares, when it does.
    #[serde(default)]
    pub language: Option<String>,
    pub warnings: Vec<String>,
    pub city: Option<CityRef>,
    pub cities: Vec<CityMention>,
    pub rankings: Vec<Ranking>,
    pub years: Vec<u32>,
    /// The first statement of each year in `years`, in the same order.
    pub year_mentions: Vec<YearMention>,
    pub officials: Vec<Official>,
    pub initiatives: Vec<Initiative>,
    /// Length of the record's text in chars: every evidence offset is below it.
    pub text_chars: usize,
}
