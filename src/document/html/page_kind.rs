//! Warnings for pages that are not (only) an article: consent walls, paywall teasers, error
//! pages and listings. It looks at the DOM, the main text found and the metadata; it removes
//! nothing and never turns a warning into an error (an empty main text is `read_page`'s error).

use scraper::Html;

use super::{Metadata, main_text::MainText};

/// The warnings a page deserves, worded for the user.
pub fn warnings(_dom: &Html, _main: &MainText, _meta: &Metadata) -> Vec<String> {
    Vec::new()
}
