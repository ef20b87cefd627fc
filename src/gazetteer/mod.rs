//! Gazetteers: the data files under `data/` (cities, roles, parties, first names, rankings,
//! categories), embedded at build time and overridable file by file from a `--rules DIR`.
//! This module parses them and builds the city matcher; it extracts no facts itself.

pub mod cities;
mod tsv;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub use cities::{City, CityGazetteer, CityHit, FormKind};

/// One data file: its name under `data/` and its embedded content.
struct DataFile {
    name: &'static str,
    embedded: &'static str,
}

macro_rules! data_file {
    ($name:literal) => {
        DataFile {
            name: $name,
            embedded: include_str!(concat!("../../data/", $name)),
        }
    };
}

const CITIES: DataFile = data_file!("cities.tsv");
const CITY_ADJECTIVES: DataFile = data_file!("city_adjectives.tsv");
const AMBIGUOUS: DataFile = data_file!("ambiguous_city_names.txt");
const FOREIGN: DataFile = data_file!("foreign_cities.tsv");
const FIRST_NAMES: DataFile = data_file!("first_names.txt");
const PARTIES: DataFile = data_file!("parties.tsv");
const ROLES: DataFile = data_file!("roles.tsv");
const RANKINGS: DataFile = data_file!("rankings.tsv");
const RANKING_GENERIC: DataFile = data_file!("ranking_generic.txt");
const CATEGORIES: DataFile = data_file!("categories.tsv");
const REGIONS: DataFile = data_file!("regions.tsv");
const INITIATIVE_HEADS: DataFile = data_file!("initiative_heads.txt");

/// The names of every data file a `--rules DIR` may override.
pub const DATA_FILES: &[&str] = &[
    CITIES.name,
    CITY_ADJECTIVES.name,
    AMBIGUOUS.name,
    FOREIGN.name,
    FIRST_NAMES.name,
    PARTIES.name,
    ROLES.name,
    RANKINGS.name,
    RANKING_GENERIC.name,
    CATEGORIES.name,
    REGIONS.name,
    INITIATIVE_HEADS.name,
];

/// A data file that could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("cannot read rules file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}:{line}: {message}")]
    Parse {
        file: String,
        line: usize,
        message: String,
    },
    #[error("rules directory {0} does not exist or is not a directory")]
    NoDir(PathBuf),
}

/// A role word as written ("Oberbürgermeisterin") with its base form and kind.
#[derive(Debug, Clone)]
pub struct Role {
    pub surface: String,
    pub canonical: String,
    pub kind: String,
}

/// A ranking's surface form with its canonical name and publisher.
#[derive(Debug, Clone)]
pub struct RankingName {
    pub surface: String,
    pub canonical: String,
    pub publisher: Option<String>,
}

/// Every gazetteer the extractors use.
#[derive(Debug)]
pub struct Gazetteers {
    pub cities: CityGazetteer,
    pub first_names: HashSet<String>,
    /// (surface, canonical party)
    pub parties: Vec<(String, String)>,
    pub roles: Vec<Role>,
    pub rankings: Vec<RankingName>,
    pub ranking_generic: Vec<String>,
    /// (surface, canonical category)
    pub categories: Vec<(String, String)>,
    /// (surface, canonical region) — regional scopes of a ranking position
    pub regions: Vec<(String, String)>,
    /// The initiatives extractor's word lists (`initiative_heads.txt`, its own sectioned format).
    pub initiative_heads: String,
}

impl Gazetteers {
    /// The gazetteers built into the binary.
    pub fn embedded() -> Result<Gazetteers, GazetteerError> {
        Gazetteers::load(None)
    }

    /// The built-in gazetteers, with each file found in `dir` replacing its built-in twin.
    pub fn load(dir: Option<&Path>) -> Result<Gazetteers, GazetteerError> {
        if let Some(d) = dir
            && !d.is_dir()
        {
            return Err(GazetteerError::NoDir(d.to_path_buf()));
        }
        let read = |f: &DataFile| -> Result<(String, String), GazetteerError> {
            if let Some(d) = dir {
                let path = d.join(f.name);
                if path.exists() {
                    let content =
                        std::fs::read_to_string(&path).map_err(|source| GazetteerError::Read {
                            path: path.clone(),
                            source,
                        })?;
                    return Ok((path.display().to_string(), content));
                }
            }
            Ok((format!("data/{}", f.name), f.embedded.to_string()))
        };
        let (n, cities) = read(&CITIES)?;
        let cities_rows = tsv::rows(&n, &cities, 8)?;
        let (n, adj) = read(&CITY_ADJECTIVES)?;
        let adj_rows = tsv::rows(&n, &adj, 2)?;
        let (_, amb) = read(&AMBIGUOUS)?;
        let ambiguous: HashSet<String> = tsv::lines(&amb).map(str::to_string).collect();
        let (n, foreign) = read(&FOREIGN)?;
        let foreign_rows = tsv::rows(&n, &foreign, 2)?;
        let city_gaz = CityGazetteer::build(&cities_rows, &adj_rows, &ambiguous, &foreign_rows)
            .map_err(|message| GazetteerError::Parse {
                file: "cities".into(),
                line: 0,
                message,
            })?;

        let (_, names) = read(&FIRST_NAMES)?;
        let first_names = tsv::lines(&names).map(str::to_string).collect();
        let (n, parties) = read(&PARTIES)?;
        let parties = tsv::rows(&n, &parties, 2)?
            .into_iter()
            .map(|r| (r[0].clone(), r[1].clone()))
            .collect();
        let (n, roles) = read(&ROLES)?;
        let roles = tsv::rows(&n, &roles, 3)?
            .into_iter()
            .map(|r| Role {
                surface: r[0].clone(),
                canonical: r[1].clone(),
                kind: r[2].clone(),
            })
            .collect();
        let (n, rankings) = read(&RANKINGS)?;
        let rankings = tsv::rows(&n, &rankings, 2)?
            .into_iter()
            .map(|r| RankingName {
                surface: r[0].clone(),
                canonical: r[1].clone(),
                publisher: r.get(2).filter(|s| !s.is_empty()).cloned(),
            })
            .collect();
        let (_, generic) = read(&RANKING_GENERIC)?;
        let ranking_generic = tsv::lines(&generic).map(str::to_string).collect();
        let (n, cats) = read(&CATEGORIES)?;
        let categories = tsv::rows(&n, &cats, 2)?
            .into_iter()
            .map(|r| (r[0].clone(), r[1].clone()))
            .collect();
        let (n, regions) = read(&REGIONS)?;
        let regions = tsv::rows(&n, &regions, 2)?
            .into_iter()
            .map(|r| (r[0].clone(), r[1].clone()))
            .collect();
        let (_, initiative_heads) = read(&INITIATIVE_HEADS)?;
        Ok(Gazetteers {
            initiative_heads,
            regions,
            cities: city_gaz,
            first_names,
            parties,
            roles,
            rankings,
            ranking_generic,
            categories,
        })
    }
}
