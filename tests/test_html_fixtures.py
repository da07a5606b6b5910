"""HTML mode on fixture pages written for users' complaints (issue 4): body cut short,
boilerplate leaking in, duplicated text, structure in markdown, explain."""

from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

import dehusk
from conftest import norm

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def load(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def extract(name: str, **kwargs: object) -> dehusk.Article:
    return dehusk.extract(load(name), mode="html", **kwargs)  # type: ignore[arg-type]


def texts_of(name: str, selector: str) -> list[str]:
    tree = LexborHTMLParser(load(name).decode("utf-8"))
    return [norm(n.text(separator="")) for n in tree.css(selector)]


def assert_in_order(text: str, paragraphs: list[str]) -> None:
    body = norm(text)
    pos = -1
    for p in paragraphs:
        i = body.find(p, pos + 1)
        assert i >= 0, f"missing or out of order: {p[:80]!r}"
        pos = i


def test_body_over_two_containers_standfirst_lists_and_links_all_out_in_order() -> None:
    art = extract("body-split.html")
    paragraphs = texts_of("body-split.html", "div.standfirst p, div.article-body p, div.article-body li")
    assert len(paragraphs) == 11
    assert_in_order(art.text, paragraphs)
    for husk in ("Share on Facebook", "Privacy policy", "All rights reserved", "Get the Courier history newsletter"):
        assert husk not in art.text
    assert art.mode == "html"
    assert art.title and "water mills" in art.title


def test_boilerplate_stays_out_and_comments_only_when_asked() -> None:
    art = extract("boilerplate.html")
    body = texts_of("boilerplate.html", "div.entry-content p")
    assert_in_order(art.text, body)
    comments = texts_of("boilerplate.html", "div.comment-body p")
    husk = [
        *texts_of("boilerplate.html", "#cookie-consent p, .newsletter-signup p, .related-posts p, .related-posts h4"),
        *comments, "Read more", "Accept all cookies", "Leave a reply", "You might also like", "Join our newsletter",
    ]
    for h in husk:
        assert h not in norm(art.text), h
    with_comments = extract("boilerplate.html", include_comments=True)
    assert_in_order(with_comments.text, body)
    for c in comments:
        assert c in norm(with_comments.text), c
    assert "We use cookies" not in with_comments.text


def test_no_paragraph_more_often_in_text_than_visible_on_the_page() -> None:
    art = extract("duplicated.html")
    lede = texts_of("duplicated.html", "p.lede")[0]
    quote = "We stood on the wall with every torch we could find and talked them in one by one."
    engineers = "Engineers from the island grid company worked through the night"
    visible = {lede: 1, quote: 2, engineers: 1}  # the hidden summary and <noscript> copies do not count
    body = norm(art.text)
    for sentence, times in visible.items():
        assert 1 <= body.count(sentence) <= times, (sentence, body.count(sentence))
    assert "The last boat, the Morwenna, tied up at half past one." in body
    assert body.count("Six boats were still at sea.") == 1


def test_markdown_keeps_structure_and_escapes_literals() -> None:
    art = extract("structure.html", markdown=True)
    md = art.markdown or ""
    # ordered and unordered lists
    assert re.search(r"^1\. Install the daemon", md, re.M)
    assert re.search(r"^3\. Copy the example configuration", md, re.M)
    assert re.search(r"^- an array of strings, for several values$", md, re.M)
    # a table with its header, and the colspan cell padded to three columns
    rows = [line for line in md.splitlines() if line.startswith("|")]
    assert rows[0].replace(" ", "") == "|Key|Default|Meaning|"
    assert re.fullmatch(r"\|(-+\|){3}", rows[1].replace(" ", ""))
    span = next(r for r in rows if "log" in r)
    assert span.count("|") == 4 and "Where and how much" in span
    # the code block keeps its lines and indentation; inline code stays code
    assert '```\n[daemon]\ninterval = 60\nretries = 3\n\n[[folder]]\n    path = "/srv/photos"' in md
    assert "`tidewater.toml`" in md and "`systemctl restart tidewater`" in md
    # literal markdown characters in prose are escaped
    assert r"\*.tmp" in md and r"\_cache" in md and r"\# is a comment" in md and r"\[brackets\]" in md
    # headings
    assert re.search(r"^## Settings$", md, re.M)
    # text stays plain
    assert "```" not in art.text and "\\*" not in art.text and "*.tmp" in art.text
    assert "Install the daemon with the package manager of your system." in art.text


def test_every_removed_block_has_a_label_and_a_reason() -> None:
    for name in ("body-split.html", "boilerplate.html", "duplicated.html"):
        art = extract(name, explain=True)
        assert art.blocks
        removed = [b for b in art.blocks if not b.kept]
        assert removed, name
        for b in removed:
            assert b.label in dehusk.LABELS and b.label not in ("body", "lead", "heading"), b
            assert b.reason and b.reason != b.label, b
        assert any(b.label == "navigation" for b in removed), name
    art = extract("boilerplate.html", explain=True)
    labels = {b.label for b in art.blocks if "Priya" in b.text or "insulation board" in b.text}
    assert labels == {"comment"}


def test_page_type_confidence_and_schema() -> None:
    art = extract("body-split.html")
    assert art.page_type in dehusk.PAGE_TYPES
    assert art.confidence is not None and 0.0 <= art.confidence <= 1.0
    d = art.to_dict()
    assert d["mode"] == "html" and d["empty_reason"] is None


def test_a_page_given_without_its_url_reads_the_url_it_declares() -> None:
    """Without a URL, the page's `<link rel="canonical">` (else `og:url`) stands in for it: the same
    record as with that URL given (its words are evidence of the date, the authors, the kind of page)."""
    url = "https://news.example.org/2024/05/17/council-approves-harbour-plan"
    for name in ("body-split.html", "boilerplate.html", "duplicated.html"):
        html = load(name).decode("utf-8")
        for tag in (f'<link rel="canonical" href="{url}">', f'<meta property="og:url" content="{url}">'):
            page = html.replace("</head>", tag + "</head>", 1)
            alone = dehusk.extract(page, mode="html").to_dict()
            given = dehusk.extract(page, mode="html", url=url).to_dict()
            assert alone.pop("url") is None and given.pop("url") == url
            assert alone == given, name
    # a relative or odd declaration is no URL
    from dehusk.html_mode import declared_url

    for tag in ('<link rel="canonical" href="/2024/05/17/story">', '<meta property="og:url" content="javascript:x">'):
        assert declared_url(LexborHTMLParser(f"<html><head>{tag}</head><body></body></html>")) is None


def test_short_german_article_metadata_credit_and_body() -> None:
    # a short German news page without structured metadata: the headline as the title (not in the
    # text), the byline's name, the date written the German way, the agency's credit as the source
    url = "https://www.nordhafener-zeitung.example/regionales/neue-faehre-verbindet-nordhafen-und-die-insel-100.html"
    art = extract("de-news-short.html", url=url, explain=True)
    assert art.page_type == "article"
    assert art.title and art.title.startswith("Neue Fähre verbindet Nordhafen und die Insel")
    assert art.authors == ("Katrin Vogelsang",)
    assert (art.published or "").startswith("2026-11-29")
    assert art.source == "dpa"
    assert art.language == "de"
    first = art.text.split("\n\n")[0]
    assert first.startswith("Ab März soll eine neue Elektrofähre")
    assert "Neue Fähre verbindet" not in art.text
    assert_in_order(art.text, ["Kosten von zwölf Millionen Euro", "teilte ein Sprecher mit."])
    for husk in ("Startseite", "Von Katrin", "Mehr zum Thema", "Hafenfest", "Artikel teilen", "Impressum", "Cookies"):
        assert husk not in art.text
    headline = [b for b in art.blocks or () if b.text.startswith("Neue Fähre")]
    assert [b.label for b in headline] == ["title"]
    assert "repeats the page title" in headline[0].reason


def test_layout_table_of_font_and_br_is_no_data_table() -> None:
    # a 2000s page: menu, article and sidebar are the three cells of one table row, their content
    # <font>, <b> and <br> only; read as a data table's row, the whole page was one block
    art = extract("layout-table.html", explain=True)
    paragraphs = [p for p in art.text.split("\n\n")]
    assert "Residents along Mill Creek began returning to their homes on Wednesday" in art.text
    assert_in_order(art.text, ["Residents along Mill Creek", "The county emergency office said",
                               "It came up faster than anybody remembered", "Road crews expect to reopen"])
    assert not any("|" in p for p in paragraphs)  # no row of cells joined by " | "
    assert not any(b.kind == "table" for b in art.blocks or ())
    assert "Contact us" not in art.text and "Weather" not in art.text  # the menu cell stays out
    assert art.published and art.published.startswith("2003-04-03")


def test_data_table_rows_stay_rows() -> None:
    html = ("<html><body><article><h1>Tide times</h1><p>The harbour's tides for the week ahead, as the port "
            "authority publishes them every Sunday evening for the fishing fleet.</p><table>"
            "<tr><th>Day</th><th>High water</th><th>Low water</th></tr>"
            "<tr><td>Monday</td><td>06:12</td><td>12:30</td></tr>"
            "<tr><td>Tuesday</td><td>06:58</td><td>13:15</td></tr>"
            "<tr><td>Wednesday</td><td>07:41</td><td>14:02</td></tr></table></article></body></html>")
    art = dehusk.extract(html, mode="html", explain=True)
    rows = [b.text for b in art.blocks or () if b.kind == "table"]
    assert rows[:2] == ["Day | High water | Low water", "Monday | 06:12 | 12:30"]


def test_a_cell_of_short_lines_keeps_its_row_whole() -> None:
    # a product's feature cell: three short lines set apart by <br><br>, none a sentence of prose
    html = ("<html><body><main><h1>Graphics card X200</h1><p>A quiet card for small cases, with two fans "
            "that stop when the card is idle and a backplate that keeps the board cool.</p>"
            "<table><tr><td>Features</td><td>Low-noise fans<br><br>Dual display output<br><br>Variable refresh"
            "</td></tr></table></main></body></html>")
    art = dehusk.extract(html, mode="html", explain=True)
    assert [b.text for b in art.blocks or () if b.kind == "table"] == [
        "Features | Low-noise fans | Dual display output | Variable refresh"]
