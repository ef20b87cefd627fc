//! Word lists and word-shape tests of the officials extractor: general German, not tied to any
//! one article.

use crate::text::chars::{is_alphabetic, is_lowercase, is_uppercase};

/// What a role is, from the role gazetteer's `kind` column or the compound head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Mayor,
    Executive,
    Head,
    Minister,
    Officer,
    Spokesperson,
    Expert,
    Generic,
    /// "CDU-Politiker": an official only with a party
    Politician,
}

impl Kind {
    pub fn from_gazetteer(kind: &str) -> Kind {
        match kind.trim() {
            "mayor" => Kind::Mayor,
            "executive" => Kind::Executive,
            "head" => Kind::Head,
            "minister" => Kind::Minister,
            "officer" => Kind::Officer,
            "spokesperson" => Kind::Spokesperson,
            "expert" => Kind::Expert,
            _ => Kind::Generic,
        }
    }
}

/// Productive compound heads ("Organisationsdezernent", "Digitalisierungsbeauftragte") with the
/// endings they take (gender, genitive).
pub const SUFFIX_HEADS: &[(&str, Kind)] = &[
    ("dezernent", Kind::Executive),
    ("beauftragte", Kind::Officer),
    ("minister", Kind::Minister),
    ("referent", Kind::Officer),
    ("leiter", Kind::Head),
    ("sprecher", Kind::Spokesperson),
    ("präsident", Kind::Head),
    ("geschäftsführer", Kind::Executive),
    ("chef", Kind::Head),
    ("direktor", Kind::Head),
    ("manager", Kind::Officer),
    ("experte", Kind::Expert),
    ("expertin", Kind::Expert),
    ("koordinator", Kind::Officer),
    ("senator", Kind::Minister),
    ("bürgermeister", Kind::Mayor),
    ("vorsitzende", Kind::Head),
    ("politiker", Kind::Politician),
];

const HEAD_ENDINGS: &[&str] = &["", "in", "s", "r", "n", "en"];

/// Words that end like a role but are none.
pub const NOT_ROLES: &[&str] = &[
    "Nachrichtensprecher",
    "nachrichtensprecher",
    "begleiter",
    "Begleiter",
    "halbleiter",
    "Halbleiter",
    "autsprecher",
    "Fürsprecher",
];

/// The kind of a word built on a productive head: "Organisationsdezernent", "Leiterin".
pub fn compound_head(w: &str) -> Option<Kind> {
    // every head with every ending ends in one of these letters
    if w.len() < 4
        || !matches!(
            w.as_bytes().last(),
            Some(b't' | b'e' | b'r' | b'f' | b'n' | b's')
        )
    {
        return None;
    }
    // every head with every ending ends in one of these four bytes (with the head capitalised
    // when it stands alone; every stem has four bytes or more and starts with ASCII)
    static TAILS: std::sync::LazyLock<rustc_hash::FxHashSet<u32>> =
        std::sync::LazyLock::new(|| {
            SUFFIX_HEADS
                .iter()
                .flat_map(|(stem, _)| {
                    let cap = format!("{}{}", stem[..1].to_ascii_uppercase(), &stem[1..]);
                    HEAD_ENDINGS.iter().flat_map(move |end| {
                        [format!("{stem}{end}"), format!("{cap}{end}")].map(|w| last4(&w))
                    })
                })
                .collect()
        });
    if !TAILS.contains(&last4(w)) {
        return None;
    }
    for end in HEAD_ENDINGS {
        let Some(base) = w.strip_suffix(end) else {
            continue;
        };
        for (stem, kind) in SUFFIX_HEADS {
            // plausible endings only: "-in" for persons, "-s"/"-en"/"-n"/"-r" as inflection
            let last = stem.as_bytes().last().copied();
            let plausible = match *end {
                "" | "in" => true,
                "s" => matches!(last, Some(b'r' | b't' | b'f')),
                "r" | "n" => last == Some(b'e'),
                _ => last == Some(b't'),
            };
            if !plausible || !base.ends_with(stem) {
                continue;
            }
            let prefix = &base[..base.len() - stem.len()];
            if prefix.chars().count() >= 2 && prefix.ends_with(|c: char| c.is_lowercase()) {
                return Some(*kind);
            }
        }
        // the head alone, capitalised: "Leiterin", "Dezernent" (every stem starts with ASCII)
        for (stem, kind) in SUFFIX_HEADS {
            let (b, s) = (base.as_bytes(), stem.as_bytes());
            if b.len() == s.len() && b[0] == s[0].to_ascii_uppercase() && b[1..] == s[1..] {
                return Some(*kind);
            }
        }
    }
    None
}

/// The last four bytes of a word of four bytes or more, as one number.
fn last4(w: &str) -> u32 {
    let b = w.as_bytes();
    u32::from_le_bytes([
        b[b.len() - 4],
        b[b.len() - 3],
        b[b.len() - 2],
        b[b.len() - 1],
    ])
}

/// Adjectives kept in the role as written: "kommissarische", "Erster", "zuständigen".
const QUALIFIERS: &[&str] = &[
    "kommissarisch",
    "amtierend",
    "stellvertretend",
    "zuständig",
    "ehemalig",
    "bisherig",
    "neu",
    "scheidend",
    "designiert",
    "langjährig",
    "geschäftsführend",
    "technisch",
    "kaufmännisch",
    "erst",
    "leitend",
    "ehrenamtlich",
    "hauptamtlich",
    "regierend",
    "parlamentarisch",
    "künftig",
    "damalig",
    "zweit",
    "dritt",
    "städtisch",
    "verantwortlich",
    "wissenschaftlich",
];

pub fn is_qualifier(w: &str) -> bool {
    let mut cs = w.chars();
    let Some(first) = cs.next() else { return false };
    let rest = cs.as_str();
    QUALIFIERS.iter().any(|q| {
        let mut qs = q.chars();
        let Some(qf) = qs.next() else { return false };
        let qrest = qs.as_str();
        first.to_lowercase().eq(std::iter::once(qf))
            && rest
                .strip_prefix(qrest)
                .is_some_and(|e| matches!(e, "e" | "er" | "en" | "em" | "es"))
    })
}

/// Capitalised, with lower-case letters, letters and inner hyphens only: "Müller-Wuttke".
/// (Every hyphen-separated part starts with a capital, has a lower-case letter after it and
/// only letters.)
pub fn name_shaped(w: &str) -> bool {
    let b = w.as_bytes();
    // most words fail on their first byte: lower case, a digit
    match b.first() {
        None => return false,
        Some(c) if c.is_ascii() && !c.is_ascii_uppercase() => return false,
        Some(_) => {}
    }
    // one pass over the bytes; a word with a non-ASCII byte goes char by char
    let mut part_start = true;
    let mut has_lower = false;
    for &c in b {
        if part_start {
            if !c.is_ascii_uppercase() {
                return !c.is_ascii() && name_shaped_chars(w);
            }
            part_start = false;
            has_lower = false;
        } else if c.is_ascii_lowercase() {
            has_lower = true;
        } else if c == b'-' {
            if !has_lower {
                return false;
            }
            part_start = true;
        } else if !c.is_ascii_uppercase() {
            return !c.is_ascii() && name_shaped_chars(w);
        }
    }
    !part_start && has_lower
}

/// `name_shaped` for a word with non-ASCII chars, in one pass over its chars.
fn name_shaped_chars(w: &str) -> bool {
    let mut part_start = true;
    let mut has_lower = false;
    for c in w.chars() {
        if part_start {
            if !is_uppercase(c) {
                return false;
            }
            part_start = false;
            has_lower = false;
        } else if c == '-' {
            if !has_lower {
                return false;
            }
            part_start = true;
        } else if !is_alphabetic(c) {
            return false;
        } else if is_lowercase(c) {
            has_lower = true;
        }
    }
    !part_start && has_lower
}

/// `w.rsplit_once('-')`, on bytes.
pub fn split_last_hyphen(w: &str) -> Option<(&str, &str)> {
    let k = w.as_bytes().iter().rposition(|&b| b == b'-')?;
    Some((w.get(..k)?, w.get(k + 1..)?))
}

/// The part of `w` after its last hyphen (all of `w` without one).
pub fn after_last_hyphen(w: &str) -> &str {
    split_last_hyphen(w).map_or(w, |(_, r)| r)
}

/// Words after a name that make it part of a street, prize or institution name.
pub fn names_a_thing(w: &str) -> bool {
    const THINGS: &[&str] = &[
        "straße",
        "Straße",
        "platz",
        "Platz",
        "weg",
        "Weg",
        "allee",
        "Allee",
        "Preis",
        "preis",
        "Schule",
        "schule",
        "Gymnasium",
        "Stiftung",
        "stiftung",
        "Institut",
        "institut",
        "Haus",
        "haus",
        "Zentrum",
        "zentrum",
        "Park",
        "Brücke",
        "Halle",
        "Ring",
        "Ufer",
        "Klinikum",
        "Saal",
        "Arena",
        "Stadion",
        "Medaille",
    ];
    THINGS.iter().any(|t| w.ends_with(t))
}

/// Common-noun endings: a lone capitalised word with one is no surname.
pub fn looks_like_noun(w: &str) -> bool {
    const ENDS: &[&str] = &[
        "heit", "keit", "schaft", "tion", "tät", "ismus", "nis", "tum", "ment", "chen", "ei", "ie",
        "ik", "enz", "anz", "ium", "ur", "rat", "amt", "haus", "platz", "index", "preis",
        "programm", "projekt", "plan", "netz", "gesetz", "konzept", "bericht", "system", "zentrum",
        "werk", "straße", "wahl", "tag", "jahr", "ziel", "bild", "fest",
    ];
    (w.ends_with("ung") && w.chars().count() > 5) || ENDS.iter().any(|e| w.ends_with(e))
}

/// Capitalised words that are never part of a person's name.
/// Whether a capitalised word is a stop word, a month name included.
pub fn is_stop(w: &str) -> bool {
    STOP.contains(&w) || crate::text::MONTHS.contains(&w)
}

pub const STOP: &[&str] = &[
    "Der",
    "Die",
    "Das",
    "Den",
    "Dem",
    "Des",
    "Ein",
    "Eine",
    "Einen",
    "Einem",
    "Einer",
    "Er",
    "Sie",
    "Es",
    "Wir",
    "Ihr",
    "Ich",
    "Man",
    "Auch",
    "Aber",
    "Und",
    "Oder",
    "Mit",
    "Im",
    "In",
    "Am",
    "An",
    "Auf",
    "Aus",
    "Bei",
    "Beim",
    "Für",
    "Von",
    "Vom",
    "Vor",
    "Nach",
    "Seit",
    "Laut",
    "Zum",
    "Zur",
    "Zu",
    "So",
    "Wie",
    "Was",
    "Wer",
    "Wo",
    "Dass",
    "Denn",
    "Doch",
    "Noch",
    "Nur",
    "Schon",
    "Damit",
    "Dabei",
    "Dafür",
    "Dazu",
    "Hier",
    "Dort",
    "Jetzt",
    "Heute",
    "Gestern",
    "Morgen",
    "Nun",
    "Als",
    "Ob",
    "Wenn",
    "Weil",
    "Während",
    "Diese",
    "Dieser",
    "Dieses",
    "Jeder",
    "Jede",
    "Alle",
    "Viele",
    "Mehr",
    "Bereits",
    "Zudem",
    "Außerdem",
    "Insgesamt",
    "Deutschland",
    "Europa",
    "Smart",
    "City",
    "Cities",
    "Open",
    "Data",
    "Digital",
    "Digitale",
    "Index",
    "Ranking",
    "Studie",
    "Platz",
    "Rang",
    "Prozent",
    "Euro",
    "Punkte",
    "Bild",
    "Foto",
    "Quelle",
    "Anzeige",
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
    "Stadt",
    "Städte",
    "Gemeinde",
    "Herr",
    "Frau",
    "Herrn",
    "Research",
    "Institut",
    "Universität",
    "Hochschule",
    "GmbH",
    "Bürger",
    "Bürgerinnen",
    "Mitte",
    "Anfang",
    "Ende",
    "Zukunft",
    "Projekt",
    "Verwaltung",
    "Rathaus",
    "Region",
    "Land",
    "Bund",
    "Online",
    "Team",
    "Office",
    "Officer",
    "Chief",
    "Digitalisierung",
    "Strategie",
    "Amt",
    "Stadtrat",
    "Rat",
    "Kreis",
    "Landkreis",
    "Prof",
    "Dr",
];

/// Verbs that introduce a quoted speaker: "…", sagt Name, Rolle.
pub const SPEECH_VERBS: &[&str] = &[
    "sagt",
    "sagte",
    "so",
    "erklärt",
    "erklärte",
    "betont",
    "betonte",
    "meint",
    "meinte",
    "berichtet",
    "berichtete",
    "kommentiert",
    "kommentierte",
    "ergänzt",
    "ergänzte",
    "bilanziert",
    "resümiert",
    "unterstreicht",
    "warnt",
    "warnte",
    "fordert",
    "forderte",
    "findet",
    "fand",
    "weiß",
    "glaubt",
];

/// Name particles between first name and surname.
pub const PARTICLES: &[&str] = &["von", "van", "de", "zu", "der", "den", "di", "da"];

/// Academic titles before a name, longest first.
pub const TITLES: &[&str] = &[
    "Dr. rer. nat.",
    "Dr. h. c.",
    "Dr. h.c.",
    "Dr.-Ing.",
    "Dipl.-Ing.",
    "Dr. med.",
    "Dr. phil.",
    "Prof.",
    "Dr.",
];

pub const DETERMINERS: &[&str] = &[
    "der", "die", "des", "dem", "den", "Der", "Die", "Des", "Dem", "Den",
];

/// Small words inside a role complement ("Leiter des Amtes für …").
pub const CONNECTORS: &[&str] = &[
    "des", "der", "für", "im", "vom", "von", "bei", "beim", "zur", "zum", "in", "und", "am", "an",
];

pub const ADJ_ENDINGS: &[&str] = &["e", "en", "er", "es", "em"];

/// Units of an administration: a role over one is a city's role.
pub const UNITS: &[&str] = &[
    "Amt",
    "Ämter",
    "Dezernat",
    "Referat",
    "Fachbereich",
    "Direktorium",
    "Stabsstelle",
    "Abteilung",
    "Rathaus",
    "Stadtverwaltung",
    "Verwaltung",
    "Bürgeramt",
    "Geschäftsbereich",
    "Eigenbetrieb",
];

/// Words that put a city name after them: "der Stadt Hamburg".
pub const CITY_WORDS: &[&str] = &[
    "Stadt",
    "Hansestadt",
    "Landeshauptstadt",
    "Gemeinde",
    "Kreisstadt",
    "Universitätsstadt",
];

/// Prepositions of an affiliation after a name.
pub const AFFIL_PREPS: &[&str] = &[
    " von den ",
    " bei den ",
    " von der ",
    " vom ",
    " aus der ",
    " aus dem ",
    " bei der ",
    " beim ",
    " von ",
    " bei ",
];

/// Endings of words that name organisations ("Digitalverband", "Handwerkskammer", "Stadtwerke").
pub const ORG_NOUNS: &[&str] = &[
    "verband",
    "Verband",
    "verein",
    "Verein",
    "kammer",
    "Kammer",
    "werke",
    "werken",
    "Werke",
    "Werken",
    "GmbH",
    "Polizei",
    "polizei",
    "Feuerwehr",
    "feuerwehr",
    "agentur",
    "Agentur",
    "gesellschaft",
    "Gesellschaft",
    "Unternehmen",
    "unternehmen",
    "Firma",
    "Konzern",
    "konzern",
    "Bank",
    "bank",
    "Städtetag",
    "Landkreistag",
    "Gemeindebund",
];

/// Endings of words that name universities and research institutes ("Universität",
/// "Fachhochschule", "Fraunhofer-Institut").
pub const ACADEMIC_NOUNS: &[&str] = &[
    "Universität",
    "universität",
    "Hochschule",
    "hochschule",
    "Institut",
    "institut",
    "Akademie",
    "akademie",
    "Forschungszentrum",
];

/// Endings of administrative bodies in an affiliation ("aus der Stadtverwaltung", "vom Ordnungsamt").
pub const ADMIN_UNITS: &[&str] = &[
    "verwaltung",
    "Verwaltung",
    "amt",
    "Amt",
    "behörde",
    "Behörde",
    "ministerium",
    "dezernat",
    "referat",
    "Rathaus",
];

/// Executive heads that lead companies rather than a city.
pub const COMPANY_HEADS: &[&str] = &[
    "Geschäftsführer",
    "geschäftsführer",
    "Vorstand",
    "vorstand",
    "Betriebsleiter",
    "Werkleiter",
];

/// Hyphen prefixes that are topics, not organisations ("IT-Leiter", "Online-Managerin").
pub const TOPIC_PREFIXES: &[&str] = &[
    "IT",
    "KI",
    "OB",
    "EU",
    "Online",
    "Digital",
    "Smart",
    "Presse",
    "Stadt",
    "Projekt",
    "Team",
    "Vize",
    "Ex",
    "Co",
    "Interims",
    "Bürgermeister",
    "City",
];

pub use crate::text::word_filter::WordFilter;

/// Fx hashing (rustc-hash) for the short words of the fixed lexicons: SipHash's guard against
/// crafted collisions buys nothing for them and costs more than the lookup itself.
type FastHash = rustc_hash::FxBuildHasher;

/// A set of words with a fast hash.
pub type WordSet = std::collections::HashSet<String, FastHash>;

/// A map from words with a fast hash.
pub type WordMap<V> = std::collections::HashMap<String, V, FastHash>;
