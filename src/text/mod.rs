//! The text layer: normalisation with an offset map, paragraphs, German sentences, number
//! words, fast char classes and a quick-"no" word filter.
//! Pure functions over `&str`; nothing here knows about cities, rankings or files.

pub mod chars;
pub mod normalize;
pub mod numbers;
pub mod sentences;
pub mod word_filter;

pub use normalize::NormText;
pub use sentences::{Span, paragraphs, sentences, sentences_in};

/// German month names, as written.
pub const MONTHS: &[&str] = &[
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
