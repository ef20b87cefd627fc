//! Rankings (stub, being written).

use crate::extract::Article;
use crate::extract::city::Mention;
use crate::gazetteer::Gazetteers;
use crate::record::Ranking;

pub struct RankingRules {}

impl RankingRules {
    pub fn new(_gaz: &Gazetteers) -> RankingRules {
        RankingRules {}
    }

    pub fn extract(&self, _a: &Article, _g: &Gazetteers, _m: &[Mention], _subject: Option<u32>) -> Vec<Ranking> {
        Vec::new()
    }
}
