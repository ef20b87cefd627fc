//! Officials: named people acting in a role for a city, authority, association or company —
//! name, academic title, role as written, party, organisation. (Stub: filled in next.)

use crate::extract::Article;
use crate::extract::city::Mention;
use crate::gazetteer::Gazetteers;
use crate::record::Official;

pub struct OfficialRules {}

impl OfficialRules {
    pub fn new(_gaz: &Gazetteers) -> OfficialRules {
        OfficialRules {}
    }

    pub fn extract(&self, _a: &Article, _g: &Gazetteers, _m: &[Mention], _subject: Option<u32>) -> Vec<Official> {
        Vec::new()
    }
}
