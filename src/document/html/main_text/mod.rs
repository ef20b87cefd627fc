//! The article's main text in a parsed page: paragraphs and headings of the article body,
//! without navigation, consent banners, teaser boxes, comments and footers. It reads only the
//! DOM; metadata (title, date, author) is `metadata`'s job, and it never fetches anything.
//!
//! Three steps: `tree` flattens the DOM into an arena with text statistics and drops
//! boilerplate subtrees (by tag, class/id tokens from `data/html_boilerplate.txt`, role,
//! hidden); `container` picks the element with the most paragraph text and the least other
//! text, plus a lead block ("intro", "teaser") just before it; `collect` joins its text into paragraphs and drops boilerplate lines, link-dominated
//! paragraphs and whatever follows a "Mehr zum Thema"-style heading near the end.

mod collect;
mod container;
mod rules;
mod tree;

use scraper::Html;

/// The main text as paragraphs, in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MainText {
    pub paragraphs: Vec<String>,
}

impl MainText {
    /// Paragraphs separated by a blank line: what the extractors read.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Finds the main text. Never recurses, so deep nesting cannot overflow the stack.
pub fn extract(dom: &Html) -> MainText {
    let arena = tree::build(dom);
    if arena.items.is_empty() {
        return MainText::default();
    }
    let roots = match container::choose(&arena) {
        Some(best) => container::with_leads(&arena, best),
        None => vec![arena.body],
    };
    let paras = collect::collect(&arena, &roots);
    MainText {
        paragraphs: collect::filter(paras),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn main_text(html: &str) -> Vec<String> {
        extract(&Html::parse_document(html)).paragraphs
    }

    const P1: &str = "Der Stadtrat hat am Dienstag beschlossen, die Brücke über den Fluss bis zum \
                      Sommer zu sanieren, wie die Verwaltung mitteilte.";
    const P2: &str = "Die Kosten liegen nach Angaben der Stadt bei rund zwei Millionen Euro, die \
                      zum Teil vom Land getragen werden.";
    const P3: &str = "Anwohner müssen sich während der Bauzeit auf Umleitungen einstellen, sagte \
                      ein Sprecher, der Busverkehr bleibt aber erhalten.";

    fn article(extra_before: &str, extra_after: &str) -> String {
        format!(
            "<html><body>{extra_before}<div class=\"article-body\"><p>{P1}</p><p>{P2}</p>\
             <p>{P3}</p></div>{extra_after}</body></html>"
        )
    }

    fn has(paras: &[String], needle: &str) -> bool {
        paras.iter().any(|p| p.contains(needle))
    }

    #[test]
    fn keeps_article_paragraphs_as_paragraphs() {
        let paras = main_text(&article("", ""));
        assert_eq!(paras, vec![P1, P2, P3]);
    }

    #[test]
    fn drops_navigation() {
        let nav = "<nav><ul><li><a href=/a>Politik</a></li><li><a href=/b>Sport</a></li></ul></nav>\
                   <div class=\"main-menu\"><a href=/c>Kultur im Überblick</a></div>";
        let paras = main_text(&article(nav, ""));
        assert!(!has(&paras, "Politik") && !has(&paras, "Kultur"));
        assert!(has(&paras, "Brücke"));
    }

    #[test]
    fn drops_cookie_banner_even_when_long() {
        let banner = format!(
            "<div id=\"cookie-consent\"><p>Wir verwenden Cookies, um Ihnen ein optimales \
             Erlebnis zu bieten, und teilen Daten mit Partnern.</p><p>{}</p></div>",
            "Mit Klick auf Zustimmen willigen Sie ein, dass wir Daten verarbeiten. ".repeat(20)
        );
        let paras = main_text(&article(&banner, ""));
        assert!(!has(&paras, "Cookies") && !has(&paras, "Zustimmen"));
        assert!(has(&paras, "Brücke"));
    }

    #[test]
    fn drops_lesen_sie_auch_box_and_line() {
        let html = format!(
            "<html><body><div class=\"article-body\"><p>{P1}</p>\
             <p>Lesen Sie auch: <a href=/x>Neue Radwege für die Innenstadt</a></p>\
             <p>{P2}</p><div class=\"lesen-sie-auch\"><a href=/y>Ein anderer Artikel mit \
             längerem Titel über etwas</a></div><p>{P3}</p></div></body></html>"
        );
        let paras = main_text(&html);
        assert_eq!(paras, vec![P1, P2, P3]);
    }

    #[test]
    fn drops_teaser_lists_but_keeps_a_teaser_lead() {
        let lead = "<p class=\"article-teaser\">Die Brücke wird saniert: Was Pendler jetzt \
                    wissen müssen, erklärt unser Überblick.</p>";
        let teasers = "<div class=\"teaser-list\"><h3><a href=/1>Der Bahnhof wird größer und \
                       schöner</a></h3><h3><a href=/2>Das Freibad öffnet früher als gedacht</a>\
                       </h3></div>";
        let html = format!(
            "<html><body><div class=\"article-body\">{lead}<p>{P1}</p><p>{P2}</p><p>{P3}</p>\
             </div>{teasers}</body></html>"
        );
        let paras = main_text(&html);
        assert!(has(&paras, "Was Pendler jetzt wissen müssen"));
        assert!(!has(&paras, "Bahnhof") && !has(&paras, "Freibad"));
    }

    #[test]
    fn keeps_a_lead_just_before_the_body_container() {
        let html = format!(
            "<html><body><div class=\"top\"><h1>Brücke wird saniert</h1><div class=\"intro\">\
             <p>Die marode Brücke wird ab Mai saniert, Pendler brauchen Geduld.</p></div>\
             </div><div class=\"article-body\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div><ul>\
             <li><a href=/1>Der Bahnhof wird größer und schöner als je zuvor</a></li>\
             <li><a href=/2>Das Freibad öffnet früher als in jedem Jahr zuvor</a></li>\
             <li><a href=/3>Die Stadtbibliothek bekommt neue Öffnungszeiten</a></li>\
             <li><a href=/4>Der Wochenmarkt zieht im Sommer auf den Domplatz</a></li></ul>\
             </body></html>"
        );
        let paras = main_text(&html);
        assert_eq!(
            paras,
            vec![
                "Die marode Brücke wird ab Mai saniert, Pendler brauchen Geduld.",
                P1,
                P2,
                P3
            ]
        );
    }

    #[test]
    fn drops_comments_and_footer() {
        let after = "<section id=\"comments\"><h2>3 Kommentare</h2><div class=\"comment\">\
                     <p>Endlich passiert da etwas, das hat viel zu lange gedauert, finde ich, \
                     und die Stadt hätte früher handeln müssen.</p></div></section>\
                     <footer><p>Impressum · Datenschutz · Kontakt</p></footer>";
        let paras = main_text(&article("", after));
        assert!(!has(&paras, "Endlich") && !has(&paras, "Impressum"));
        assert_eq!(paras.len(), 3);
    }

    #[test]
    fn stops_at_mehr_zum_thema_after_the_article() {
        let html = format!(
            "<html><body><div class=\"text\"><p>{P1}</p><p>{P2}</p><p>{P3}</p>\
             <h2>Mehr zum Thema</h2><p>Schon im vergangenen Jahr war die Brücke wegen Rissen \
             für Lastwagen gesperrt worden, berichtete die Zeitung.</p></div></body></html>"
        );
        let paras = main_text(&html);
        assert_eq!(paras, vec![P1, P2, P3]);
    }

    #[test]
    fn drops_image_captions_and_credits() {
        let html = format!(
            "<html><body><article><figure><img src=a.jpg><figcaption>Die Brücke im Nebel. \
             Foto: Max Muster</figcaption></figure><p>{P1}</p><p>Foto: dpa</p><p>{P2}</p>\
             </article></body></html>"
        );
        let paras = main_text(&html);
        assert_eq!(paras, vec![P1, P2]);
    }

    #[test]
    fn splits_at_double_br_and_keeps_inline_joins_and_soft_hyphens() {
        let html = "<html><body><div class=\"entry-content\">Erster Absatz mit einem \
                    <b>fett</b>gedruckten Wort und einer Stadt\u{ad}verwaltung, die  viel \
                    redet.<br>Noch im selben Absatz, nach einem einfachen Umbruch.<br><br>\
                    Zweiter Absatz, der nach zwei Umbrüchen beginnt und lang genug ist.\
                    </div></body></html>";
        let paras = main_text(html);
        assert_eq!(
            paras,
            vec![
                "Erster Absatz mit einem fettgedruckten Wort und einer Stadt\u{ad}verwaltung, \
                 die viel redet.\nNoch im selben Absatz, nach einem einfachen Umbruch.",
                "Zweiter Absatz, der nach zwei Umbrüchen beginnt und lang genug ist."
            ]
        );
    }

    #[test]
    fn one_paragraph_per_list_item_heading_and_table_row() {
        let html = format!(
            "<html><body><article><h2>Die Pläne</h2><p>{P1}</p><ul><li>Erstens die \
             Fahrbahn</li><li>Zweitens das Geländer</li></ul><table><tr><td>Kosten</td>\
             <td>2 Mio. Euro</td></tr><tr><td>Dauer</td><td>6 Monate</td></tr></table>\
             <p>{P2}</p></article></body></html>"
        );
        let paras = main_text(&html);
        assert_eq!(
            paras,
            vec![
                "Die Pläne",
                P1,
                "Erstens die Fahrbahn",
                "Zweitens das Geländer",
                "Kosten 2 Mio. Euro",
                "Dauer 6 Monate",
                P2
            ]
        );
    }

    #[test]
    fn wrapper_with_boilerplate_class_is_kept() {
        // A theme wrapper named after its sidebar still holds the article.
        let html = format!(
            "<html><body><div class=\"content-sidebar-wrap\"><main><h1>Brücke wird \
             saniert</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></main><div class=\"sidebar\">\
             <p>Unser Newsletter informiert Sie jeden Morgen über alles Wichtige aus der \
             Region.</p></div></div></body></html>"
        );
        let paras = main_text(&html);
        assert!(has(&paras, "Brücke über den Fluss") && has(&paras, "Umleitungen"));
        assert!(!has(&paras, "Newsletter"));
    }

    #[test]
    fn hidden_and_script_text_is_dropped() {
        let html = format!(
            "<html><body><article><p>{P1}</p><p style=\"display: none\">Versteckter Text \
             für Suchmaschinen, der nicht zum Artikel gehört und lang ist.</p><script>var \
             x = 'Skripttext';</script><p>{P2}</p></article></body></html>"
        );
        let paras = main_text(&html);
        assert_eq!(paras, vec![P1, P2]);
    }

    #[test]
    fn page_without_article_gives_nothing_or_little() {
        let html = "<html><body><nav><a href=/>Start</a></nav><footer>Impressum</footer>\
                    </body></html>";
        assert!(main_text(html).is_empty());
        assert!(main_text("").is_empty());
        assert!(main_text("<html><body></body></html>").is_empty());
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // html5ever needs quadratic time for 100,000 open <div>s, so the tree is built here
        // directly from a parsed <div> and text node.
        let depth = 100_000;
        let mut dom = Html::parse_document(&format!("<html><body><div>{P1}</div></body></html>"));
        let body = dom.root_element().children().nth(1).unwrap();
        let div = body.first_child().unwrap();
        let (div_id, div_node) = (div.id(), div.value().clone());
        let text_node = div.first_child().unwrap().value().clone();
        let mut cur = div_id;
        for _ in 0..depth {
            cur = dom.tree.get_mut(cur).unwrap().append(div_node.clone()).id();
        }
        dom.tree.get_mut(cur).unwrap().append(text_node);
        let paras = main_text_of(&dom);
        assert_eq!(paras, vec![P1.to_string(), P1.to_string()]);
    }

    fn main_text_of(dom: &Html) -> Vec<String> {
        extract(dom).paragraphs
    }
}
