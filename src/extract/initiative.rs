//! Initiatives: named projects, platforms, apps, strategies, programmes and units, with founding
//! year and partners where stated. (Stub: filled in next.)

use crate::extract::Article;
use crate::extract::city::Mention;
use crate::gazetteer::Gazetteers;
use crate::record::Initiative;

pub struct InitiativeRules {}

impl InitiativeRules {
    pub fn new(_gaz: &Gazetteers) -> InitiativeRules {
        InitiativeRules {}
    }

    pub fn extract(&self, _a: &Article, _g: &Gazetteers, _m: &[Mention], _subject: Option<u32>) -> Vec<Initiative> {
        Vec::new()
    }
}
