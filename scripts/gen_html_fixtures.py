#!/usr/bin/env python3
"""Wraps each fixture article (fixtures/articles/*.txt) in a news-site HTML page, writing
fixtures/html/<stem>.html (some windows-1252, one gzip-compressed) and
fixtures/html-expected.jsonl with the metadata each page states. The pages carry what real
news sites put around an article: navigation, a cookie banner, teaser and "Mehr zum Thema"
boxes, image captions, share buttons, a newsletter box, comments and a footer. The sites,
authors and dates are invented; tests/html_fixtures.rs checks that the extractors find the
same facts in each page as in its plain-text twin.

    python3 scripts/gen_html_fixtures.py      # rewrites fixtures/html/
"""
import gzip
import html
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
OUT = ROOT / "fixtures" / "html"

SITES = [
    {"name": "Rheinischer Stadtanzeiger", "host": "www.stadtanzeiger.example", "style": "article"},
    {"name": "Nordkurier am Abend", "host": "www.nordkurier-abend.example", "style": "itemprop"},
    {"name": "Mitteldeutsche Rundschau", "host": "rundschau.example", "style": "divs"},
]
AUTHORS = ["Anna Berger", "Jonas Weißmüller", "Katrin Ohlsen", "Mehmet Öztürk", "Lea Sommerfeld"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]


def title_and_paragraphs(text):
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    first = blocks[0]
    if "\n" not in first and len(first) <= 100 and not first.endswith((".", ":", "?", "!")):
        return first, blocks[1:]
    return None, blocks


def date_for(i):
    """A publication date and its forms. Page 0 mod 5 publishes at 23:30 UTC, which is the
    next day in Germany; the expected date is always the German calendar day."""
    year, month, day = 2024, 1 + i % 12, 1 + (i * 7) % 27
    if i % 5 == 0:
        # 23:30 UTC in winter (UTC+1) or summer (UTC+2) is already the next day in Berlin.
        iso = f"{year}-{month:02d}-{day:02d}T23:30:00Z"
        german = (year, month, day + 1)
    else:
        offset = "+02:00" if 4 <= month <= 9 else "+01:00"
        iso = f"{year}-{month:02d}-{day:02d}T08:15:00{offset}"
        german = (year, month, day)
    return iso, german


def esc(s):
    return html.escape(s, quote=True)


def teaser_box(i):
    return (f'<aside class="teaser-box"><h3>Lesen Sie auch</h3><ul>'
            f'<li><a href="/lokales/verkehr-{i}">Neue Radwege für die Innenstadt geplant</a></li>'
            f'<li><a href="/lokales/haushalt-{i}">Stadtrat streitet über den Haushalt</a></li>'
            f'</ul></aside>')


def figure(i):
    return (f'<figure class="article-image"><img src="/img/{i}.jpg" alt="Rathaus">'
            f'<figcaption>Das Rathaus am Abend. Foto: Peter Lenz / Archiv</figcaption></figure>')


def chrome(p):
    """The page element a line of page furniture in the text twin becomes, or None for
    article text: image credits, "Lesen Sie auch" teasers, ad labels and bylines."""
    if p.startswith("Foto:"):
        return f'<figure><img src="/img/x.jpg" alt=""><figcaption>{esc(p)}</figcaption></figure>'
    if p.startswith("Lesen Sie auch:"):
        return f'<aside class="teaser-box"><a href="/lokales/mehr">{esc(p)}</a></aside>'
    if p == "Anzeige":
        return '<div class="ad-slot"><span>Anzeige</span></div>'
    if p.startswith("Von ") and len(p.split()) <= 4:
        return f'<p class="byline">{esc(p)}</p>'
    return None


def body_paragraphs(paragraphs, i, style):
    out = []
    for n, p in enumerate(paragraphs):
        if chrome(p):
            out.append(chrome(p))
            continue
        # lines inside a block (lists, addresses) are <br>-separated, as CMSs write them
        p_html = "<br>\n".join(esc(line) for line in p.split("\n"))
        if style == "itemprop":
            out.append(f'<p class="text">{p_html}</p>')
        elif style == "divs" and n % 2 == 1:
            # some CMSs write paragraphs as <br><br>-separated text
            out.append(f'<div class="rte">{p_html}<br><br></div>')
        else:
            out.append(f"<p>{p_html}</p>")
        if n == 0:
            out.append(figure(i))
        if n == 1 and len(paragraphs) > 3:
            out.append(teaser_box(i))
            if style == "divs":
                out.append('<div class="ad-slot"><span>Anzeige</span></div>')
    return "\n".join(out)


def page(stem, title, paragraphs, i):
    site = SITES[i % len(SITES)]
    author = AUTHORS[i % len(AUTHORS)]
    iso, (y, m, d) = date_for(i)
    date_de = f"{d}. {MONTHS[m - 1]} {y}"
    url = f"https://{site['host']}/lokales/{stem}"
    # An article whose text starts without a headline gets a page without one.
    headline = title
    ld = {"@context": "https://schema.org", "@type": "NewsArticle",
          **({"headline": headline} if headline else {}), "datePublished": iso, "author": {"@type": "Person", "name": author},
          "publisher": {"@type": "Organization", "name": site["name"]}, "mainEntityOfPage": url}
    if site["style"] == "itemprop":
        ld = {"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": site["name"], "url": f"https://{site['host']}/"},
            dict(ld, author=[{"@type": "Person", "name": author}])]}
    nav = ('<header class="site-header"><a class="logo" href="/">' + esc(site["name"]) + "</a>"
           '<nav class="main-nav"><ul><li><a href="/">Startseite</a></li><li><a href="/lokales">Lokales</a></li>'
           '<li><a href="/politik">Politik</a></li><li><a href="/wirtschaft">Wirtschaft</a></li>'
           '<li><a href="/sport">Sport</a></li></ul></nav></header>')
    cookie = ('<div id="cookie-consent" class="cookie-banner" role="dialog">'
              "<p>Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren "
              "und Zugriffe zu analysieren. Mit „Alle akzeptieren“ stimmen Sie zu.</p>"
              "<button>Alle akzeptieren</button><button>Einstellungen</button></div>")
    share = ('<div class="share-buttons"><a href="#">Teilen</a> <a href="#">Drucken</a> '
             '<a href="#">Per E-Mail versenden</a></div>')
    related = ('<section class="related-articles"><h2>Mehr zum Thema</h2><ul>'
               '<li><a href="/a">Digitalisierung: Wie die Verwaltung aufholt</a></li>'
               '<li><a href="/b">Ranking der Woche: Wer liegt vorn?</a></li>'
               '<li><a href="/c">Kommentar: Zahlen sind nicht alles</a></li></ul></section>')
    newsletter = ('<div class="newsletter-box"><h3>Newsletter</h3><p>Die wichtigsten Nachrichten '
                  'aus der Region jeden Morgen per E-Mail.</p><form><input type="email">'
                  "<button>Abonnieren</button></form></div>")
    comments = ('<section id="comments" class="comments"><h2>Kommentare (2)</h2>'
                '<div class="comment"><p class="comment-author">Leser_1988</p>'
                "<p>Ich finde, die Stadt sollte lieber die Schlaglöcher reparieren.</p></div>"
                '<div class="comment"><p class="comment-author">M. K.</p>'
                "<p>Endlich gute Nachrichten, weiter so!</p></div></section>")
    footer = ('<footer class="site-footer"><ul><li><a href="/impressum">Impressum</a></li>'
              '<li><a href="/datenschutz">Datenschutz</a></li><li><a href="/kontakt">Kontakt</a></li>'
              f"</ul><p>© {y} {esc(site['name'])}</p></footer>")
    h1 = f"<h1>{esc(title)}</h1>" if title else ""
    byline = (f'<p class="byline">Von <span class="author">{esc(author)}</span> · '
              f'<time datetime="{iso}">{date_de}</time></p>')
    body = body_paragraphs(paragraphs, i, site["style"])
    if site["style"] == "article":
        main = (f"<main><article>{h1}{byline}{share}<div class=\"article-body\">{body}</div>"
                f"</article>{related}{comments}</main><aside class=\"sidebar\">{newsletter}</aside>")
    elif site["style"] == "itemprop":
        main = (f'<div id="page"><div class="content-wrapper"><div itemscope itemtype="https://schema.org/NewsArticle">'
                f'{h1}{byline}<div itemprop="articleBody">{body}</div>{share}</div>'
                f"{newsletter}{related}</div></div>{comments}")
    else:
        main = (f'<div class="container"><div class="col-main"><div class="story">{h1}{byline}'
                f'<div class="story-text">{body}</div></div>{share}{related}</div>'
                f'<div class="col-side">{newsletter}</div></div>{comments}')
    page_title = f"{headline} | {site['name']}" if headline else site["name"]
    latin1 = i % 4 == 3
    charset = ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">' if latin1
               else '<meta charset="utf-8">')
    doc = (f'<!DOCTYPE html>\n<html lang="de">\n<head>\n{charset}\n<title>{esc(page_title)}</title>\n'
           f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
           + (f'<meta property="og:title" content="{esc(headline)}">\n' if headline else "")
           + f'<meta property="og:site_name" content="{esc(site["name"])}">\n'
           f'<link rel="canonical" href="{url}">\n'
           f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>\n'
           f"<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{'section': 'lokales'}});</script>\n"
           f"<style>.cookie-banner {{ position: fixed; bottom: 0; }}</style>\n"
           f"</head>\n<body>\n{cookie}\n{nav}\n{main}\n{footer}\n</body>\n</html>\n")
    expected = {"twin": f"{stem}.txt", "title": title,
                "furniture": [p for p in paragraphs if chrome(p)], "date": f"{y}-{m:02d}-{d:02d}",
                "authors": [author], "sitename": site["name"], "url": url, "language": "de",
                "encoding": "windows-1252" if latin1 else "UTF-8"}
    data = doc.encode("cp1252", errors="xmlcharrefreplace") if latin1 else doc.encode("utf-8")
    return data, expected


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    lines = []
    for i, path in enumerate(sorted(ARTICLES.glob("*.txt"))):
        stem = path.stem
        title, paragraphs = title_and_paragraphs(path.read_text(encoding="utf-8"))
        data, expected = page(stem, title, paragraphs, i)
        name = f"{stem}.html"
        if i == 7:
            name += ".gz"
            data = gzip.compress(data, mtime=0)
        (OUT / name).write_bytes(data)
        lines.append(json.dumps(dict(page=name, **expected), ensure_ascii=False))
    (ROOT / "fixtures" / "html-expected.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} pages to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
