"""HTML metadata: author and date candidates and name cleaning added for unseen sites (synthetic pages)."""

from __future__ import annotations

import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from dehusk.authors import looks_like_person, split_credit
from dehusk.metadata_dates import url_day
from dehusk.metadata_html import _rules, author_rows, date_rows, html_metadata, settle_by_type


def _page(head: str = "", body: str = "") -> LexborHTMLParser:
    return LexborHTMLParser(f"<html lang='en'><head>{head}</head><body>{body}</body></html>")


def _author_sources(tree: LexborHTMLParser, url: str | None = None) -> dict[str, list[str]]:
    meta, state = _rules(tree, url, "2026-01-01")
    cands, _ = author_rows(state, meta.authors)
    out: dict[str, list[str]] = {}
    for c in cands:
        out.setdefault(c.src, []).extend(c.values)
    return out


def test_credentials_are_not_names_or_agencies() -> None:
    assert split_credit("Martin Greve, M.D. FACLM") == (["Martin Greve"], [])
    assert split_credit("Elsa Lindqvist, VMD, DACVB") == (["Elsa Lindqvist"], [])
    assert split_credit("Jane Doe, AFP") == (["Jane Doe"], ["AFP"])  # an agency after a name stays one


def test_capitalised_particle_can_be_a_surname() -> None:
    assert looks_like_person("Anika Das")
    assert not looks_like_person("Jane de")
    assert split_credit("Dec 26, 2025 • Anika Das in Event Planning")[0] == ["Anika Das"]


def test_on_behalf_of_and_contributors() -> None:
    assert split_credit("Dec. 19, 2025 · Lars Brenner on behalf of the Harbour Ferry team")[0] == ["Lars Brenner"]
    assert split_credit("Contributors: Janet Loughlin")[0] == ["Janet Loughlin"]
    assert not looks_like_person("Acme Logo")


def test_lower_case_name_in_structured_author_fields() -> None:
    ld = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Moving tips",
          "author": {"@type": "Person", "name": "kirsten bolato"}}
    tree = _page(f"<title>Moving tips</title><script type='application/ld+json'>{json.dumps(ld)}</script>"
                 "<meta name='author' content='kirsten bolato'>", "<h1>Moving tips</h1><p>Text.</p>")
    meta = html_metadata(tree, "https://example.org/blog/moving-tips", fetch_date="2026-01-01")
    settle_by_type(meta, "article")  # (extract() settles the authors so once it knows the page type)
    assert meta.authors == ["kirsten bolato"]
    # a lower-case phrase in running text is not a name
    assert split_credit("posted in general news")[0] == []


def test_avatar_and_bio_candidates() -> None:
    body = ("<article><h1>Cost of project software</h1>"
            "<p class='meta'>Dec 26, 2025 <img class='avatar avatar-xs' src='/a.png'> Nadia Okafor in "
            "<a href='/c'>Planning</a></p><p>" + "Body text. " * 40 + "</p>"
            "<div class='callout'><h3>Tomas Lindqvist</h3><p>Tomas Lindqvist is the head of marketing at a "
            "software company and writes about tools.</p></div></article>")
    sources = _author_sources(_page("<title>Cost of project software</title>", body),
                              "https://example.com/article/cost")
    assert sources.get("avatar name") == ["Nadia Okafor"]
    assert sources.get("author bio") == ["Tomas Lindqvist"]


def test_bio_needs_a_box_or_a_matching_heading() -> None:
    body = ("<article><h1>City council votes</h1><p>Maria Lopez is the mayor and said the vote was close, "
            "according to the minutes of the meeting held on Monday evening downtown.</p></article>")
    sources = _author_sources(_page("<title>City council votes</title>", body), "https://example.com/news/vote")
    assert "author bio" not in sources


def test_url_month_name_date() -> None:
    assert url_day("https://example.org/blog/2023/october/03/wine-styles/") == "2023-10-03"
    assert url_day("https://example.org/2024/05/17/post") == "2024-05-17"
    assert url_day("https://example.org/2024/mayday/7") is None


def test_webpage_date_beside_the_article_date_is_a_candidate() -> None:
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://example.org/p", "name": "Rankings", "datePublished": "2023-05-18T04:39:05+00:00"},
        {"@type": "NewsArticle", "headline": "Rankings", "datePublished": "2023-05-17T00:00:00+00:00"}]}
    tree = _page(f"<title>Rankings</title><script type='application/ld+json'>{json.dumps(graph)}</script>",
                 "<h1>Rankings</h1><p>Text.</p>")
    meta, state = _rules(tree, "https://example.org/p", "2026-01-01")
    assert meta.published is not None and meta.published.startswith("2023-05-17")  # the article's own, by rule
    days = [d for d, _, _ in date_rows(state, meta.language)[0]]
    assert "2023-05-18" in days and "2023-05-17" in days


def test_ambiguous_numeric_date_read_the_way_the_url_gives_it() -> None:
    # an English page printing "03/10/2023" day first: read month first it is 10 March, but the
    # URL (an unambiguous source) says 3 October, and nothing else says 10 March
    body = "<article><h1>Wine tasting</h1><p class='date'>Posted 03/10/2023</p><p>" + "Text. " * 40 + "</p></article>"
    url = "https://example.org/blog/2023/10/03/wine-tasting"
    meta, state = _rules(_page("<title>Wine tasting</title>", body), url, "2026-01-01")
    days = {d for d, _, _ in date_rows(state, meta.language)[0]}
    assert "2023-10-03" in days and "2023-03-10" not in days
    # without that evidence the page's language decides (English: month first)
    meta, state = _rules(_page("<title>Wine tasting</title>", body), "https://example.org/blog/wine", "2026-01-01")
    assert {d for d, _, _ in date_rows(state, meta.language)[0]} == {"2023-03-10"}
    # and a swap is never made when the first reading has evidence of its own
    body2 = body.replace("</article>", "<time datetime='2023-03-10'>10 March 2023</time></article>")
    meta, state = _rules(_page("<title>Wine tasting</title>", body2), url, "2026-01-01")
    assert "2023-03-10" in {d for d, _, _ in date_rows(state, meta.language)[0]}


def _author_rows(tree: LexborHTMLParser, url: str | None = None) -> dict[tuple[str, str], dict[str, float]]:
    """{(source, candidate text): its feature row}."""
    from dehusk.metadata_rank_author import AUTHOR_FEATURES

    meta, state = _rules(tree, url, "2026-01-01")
    cands, X = author_rows(state, meta.authors)
    return {(c.src, c.text): dict(zip(AUTHOR_FEATURES, X[k], strict=True)) for k, c in enumerate(cands)}


def test_a_sentence_ending_in_written_by_names_the_author_that_follows() -> None:
    body = ("<article><h1>Plant-based eating, step by step</h1><p>" + "Body text. " * 40 + "</p>"
            "<p><em>This guide was written by <a href='/p/im'>Ines Marlow, RD</a>, dietitian.</em></p></article>")
    rows = _author_rows(_page("<title>Plant-based eating</title>", body), "https://example.com/blog/plants")
    row = rows["visible byline", "Ines Marlow"]
    assert row["explicit"] == 1.0  # "written by", not a bare "By"
    assert row["d_anchor"] > 0  # its place in the page is known: after the headline


def test_bare_by_is_not_explicit_and_has_a_position() -> None:
    body = ("<article><h1>Plant-based eating</h1><p class='byline'>By <a href='/p/im'>Ines Marlow</a></p><p>"
            + "Body text. " * 40 + "</p></article>")
    rows = _author_rows(_page("<title>Plant-based eating</title>", body), "https://example.com/blog/plants")
    row = rows["visible byline", "Ines Marlow"]
    assert row["explicit"] == 0.0
    assert 0 < row["d_anchor"] < 0.5  # right under the headline


def test_a_name_starting_with_a_byline_word_keeps_its_letters() -> None:
    head = ('<title>Data platforms</title><meta name="twitter:label1" content="Written by">'
            '<meta name="twitter:data1" content="Parisa (Amini) Rahimi">')
    sources = _author_sources(_page(head, "<article><h1>Data platforms</h1><p>" + "Body text. " * 40 + "</p>"
                                          "</article>"), "https://example.com/articles/data")
    assert sources.get("meta[twitter:data]") == ["Parisa Rahimi"]  # not "isa": "Par" is no "par" (by)


def test_one_word_names_beside_the_site_name() -> None:
    from dehusk.metadata_rank_author import one_word

    assert one_word(["Mira"], ["mirasteahouse"]) == ["Mira"]  # part of the site's name: the owner
    assert one_word(["Clay"], ["clay"]) == []  # the site's name itself
    assert one_word(["Signal in the Noise"], ["signalinthenoise"]) == []  # not "Signal"
    assert one_word(["Written by Mira and Tom"], []) == ["Mira", "Tom"]
    assert one_word(["Posted by BeauHD in News"], []) == ["BeauHD"]


_ABOUT_BIO = ("<p>About the Author:</p><p>Marta Quiroga is a technical writer who has covered cloud platforms and "
              "developer tools for ten years, with a focus on how small teams adopt them.</p>")
_PHOTO_BIO = ("<p><img src='/u/mq.jpg' alt='Marta Quiroga'></p><p>Marta Quiroga is a freelance travel writer and "
              "the editor of a hotel guide, who has stayed in more hotels than she can count over the years.</p>")


@pytest.mark.parametrize(
    ("bio", "other"),
    [
        (_ABOUT_BIO, _ABOUT_BIO.replace("About the Author:", "Further reading")),  # a heading that says so
        (_PHOTO_BIO, _PHOTO_BIO.replace("alt='Marta Quiroga'", "alt='A hotel lobby'")),  # the person's photo
    ],
)
def test_bio_under_an_about_the_author_heading_or_the_persons_photo(bio: str, other: str) -> None:
    def bios(box: str) -> list[str] | None:
        body = "<article><h1>Cloud computing next year</h1><p>" + "Body text. " * 40 + "</p>" + box + "</article>"
        return _author_sources(_page("<title>Cloud computing</title>", body), "https://example.com/blog/cloud"
                               ).get("author bio")

    assert bios(bio) == ["Marta Quiroga"]
    assert bios(other) is None  # any other line or photo above: not a bio box
