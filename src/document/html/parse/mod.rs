//! A decoded page → DOM (`scraper::Html`): our tokenizer feeds html5ever's tree builder, so
//! the tree is the one the spec's tree construction (and html5ever's own parser) builds,
//! while tokenizing a page in memory jumps between the bytes that matter instead of
//! stepping through a char queue (html5ever's tokenizer was over half of the HTML stage's
//! time). On the way, the nesting guard drops tags nested absurdly deep. It does no
//! decoding (see `charset`) and reads nothing from the tree.

mod char_ref;
mod tokenizer;

use std::borrow::Cow;

use html5ever::tokenizer::TokenSink;
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts, TreeSink};
use scraper::{Html, HtmlTreeSink};

/// The DOM of a page, and how many tags the nesting guard dropped.
pub struct Parsed {
    pub dom: Html,
    pub dropped_tags: usize,
}

/// Parses a whole HTML document, as `Html::parse_document` does (scripting enabled, so
/// `<noscript>` holds text).
pub fn parse(html: &str) -> Parsed {
    // The tokenizer sees only LF line breaks, as the spec's input stream preprocessing gives.
    let html = normalize_newlines(html);
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts::default(),
    );
    let mut tokenizer = tokenizer::Tokenizer::new(&html, &builder);
    tokenizer.run();
    let dropped_tags = tokenizer.depth.removed;
    builder.end();
    Parsed {
        dom: builder.sink.finish(),
        dropped_tags,
    }
}

fn normalize_newlines(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', s.as_bytes()).is_none() {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Our tree must be html5ever's, serialised, with the same quirks mode.
    fn same_as_html5ever(page: &str) {
        let ours = parse(page).dom;
        let theirs = Html::parse_document(page);
        assert_eq!(ours.html(), theirs.html(), "page: {page:?}");
        assert_eq!(ours.quirks_mode, theirs.quirks_mode, "page: {page:?}");
    }

    #[test]
    fn ordinary_markup() {
        for page in [
            "<!DOCTYPE html><html lang=de><head><title>Tür &amp; Tor</title>\
             <meta charset=utf-8><meta name=\"description\" content='Ein \"Test\"'></head>\
             <body><div class=\"a b\" id=x data-x=1><p>Absatz <b>fett<i>kursiv</b> weiter</i>\
             <p>Zwei<br/>Zeilen<img src=x.png alt=Bild>\n<ul><li>eins<li>zwei</ul></div>\
             </body></html>",
            "<p>Kein html, kein body",
            "<table><tr><td>Zelle<td>Zelle 2<p>in Tabelle</table>Text nach der Tabelle",
            "<p>x<table><tr><td>Tabelle in p (no quirks)</td></tr></table>",
            "<a href=\"?a=1&b=2&copy=3&copy;x&amp;&#228;&#x201C;\" title=\"&notit;\">Link</a>",
            "Text &uuml;ber &auml &foo; &#150; &#0; &#xD800; &#; &# &#x &amp",
            "<DIV CLASS=Gross ID=X>Großbuchstaben</DIV><P Class=a class=b>doppelt</P>",
            "<div a=1 b='2' c=\"3\"d=4 e f = 5 /g=6>Attribute</div>",
            "<br/><br /><img/src=x><div/>selbstschließend</div><input disabled>",
            "<p>a\r\nb\rc\n\r</p><pre>\nerste Zeile\n</pre><textarea>\nText</textarea>",
            "\u{feff}<p>BOM</p>",
            "<p>NUL\0im\0Text</p><a b=\"\0\">x</a><\0>",
            "<svg viewBox=\"0 0 1 1\"><path d=\"M0\"/><title>T</title><![CDATA[x<y]]></svg>\
             <math><mi>x</mi></math><p><![CDATA[nicht in html]]></p>",
            "<p>1 < 2 and 3 > 2, a<b, <3, < p></p><?xml version=\"1.0\"?>",
            "</p>x</ br></>y</#z>w</",
        ] {
            same_as_html5ever(page);
        }
    }

    #[test]
    fn comments_and_doctypes() {
        for page in [
            "<!-- a --><!----><!---><!--><!-- a--b --><!-- c --!><!-- d ---><p>x</p>",
            "<p>a<!-- <!-- nested --> b</p><!--<!-->c<!--<!---->d",
            "<!bogus>x<!-x-><p>y",
            "<p>x<!-- ende -",
            "<p>x<!-- ende --",
            "<p>x<!-- ende --!",
            "<p>x<!-- ende",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \
             \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\"><p>x<table></table>",
            "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p>x<table></table>",
            "<!doctype html system 'about:legacy-compat'><p>x<table></table>",
            "<!DOCTYPE><p>x<table></table>",
            "<!DOCTYPE>",
            "<!DOCTYPE html",
            "<!DOCTYPE html PUBLIC",
            "<!DOCTYPE html PUBLIC \"x\" \"y\" z><p>q",
            "<!DOCTYPE html foo><p>q<table></table>",
            "<!DOCTYPEhtml><p>q",
            "<p>x</p><!DOCTYPE html>",
        ] {
            same_as_html5ever(page);
        }
    }

    #[test]
    fn raw_text_elements() {
        for page in [
            "<title>a <b> &amp; </title >b</title><p>x",
            "<textarea>a <p> &lt; </TEXTAREA>b",
            "<style>p > a { x: '</p>' }</style><p>x",
            "<noscript><p>kein Skript</p></noscript><p>x",
            "<xmp><b>&amp;</xmp><iframe><p>x</iframe><noembed>a</noembed>",
            "<script>if (a < b && c > d) { x = '</div>'; }</script><p>x",
            "<script>document.write('<script>x<\\/script>')</script><p>y",
            "<script><!-- a = 1; --></script><p>x",
            "<script><!-- document.write('<script>a</script>'); --></script><p>x",
            "<script><!--<script></script></script><p>x",
            "<script><!--<script>-->x</script>y</script><p>z",
            "<script><!-- x --><script>y</script>",
            "<script><!--- a ---></script><p>b",
            "<script><!--<scriptx></script><p>x",
            "<script><!--<script></scriptx></script></script><p>x",
            "<script><!--<script>--><!--</script><p>x",
            "<script type=\"application/ld+json\">{\"a\": \"<b>\"}</script><p>x",
            "<script>unclosed < / </scr",
            "<script>unclosed</script",
            "<title>unclosed",
            "<plaintext><p>alles Text</plaintext>&amp;",
            "<script></script x=1><style></style/><p>x",
        ] {
            same_as_html5ever(page);
        }
    }

    #[test]
    fn truncated_and_hostile_input() {
        for page in [
            "<",
            "<a",
            "<a href",
            "<a href=",
            "<a href=\"x",
            "<a href='x'",
            "<a href=x",
            "<a /",
            "<a b=1/",
            "</a",
            "<!",
            "<!-",
            "<!--",
            "<![CDATA[",
            "<svg><![CDATA[x",
            "<svg><![CDATA[x]]",
            "&",
            "&#",
            "&#x",
            "&#12",
            "&amp",
            "<é>",
            "<aé b=ü>x</aé>",
            "<p é=1 ü>x",
            "<p =x>y",
            "<p \"a\"=1 'b' <c>y",
            "<p a=\"1\"b=\"2\">y",
            "<p a=1 a=2 A=3>y",
            "<p>\u{fffd}\u{10ffff}</p>",
            "",
        ] {
            same_as_html5ever(page);
        }
    }
}
