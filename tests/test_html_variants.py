"""The page variants the HTML pickers train on (scripts/html_variants.py), and what extract() gives
on such pages: class and id names that say nothing, pages without structured metadata or without
`<h1>`."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

import dehusk
from dehusk.metadata_html import _rules, title_rows

_SPEC = importlib.util.spec_from_file_location(
    "html_variants", Path(__file__).resolve().parents[1] / "scripts" / "html_variants.py")
assert _SPEC is not None and _SPEC.loader is not None
variants = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(variants)

_BODY = " ".join(
    f"Paragraph {i} of the harbour report explains how the new ferry timetable changes the morning "
    f"crossings for commuters, and what the operators promise for the winter season ahead." for i in range(6))
_LD = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry timetable changes this winter",
       "author": {"@type": "Person", "name": "Marta Lindqvist"}, "datePublished": "2025-10-03T08:00:00Z"}
PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry timetable changes this winter | Harbour News</title>
<meta property="og:title" content="Ferry timetable changes this winter">
<meta name="author" content="Marta Lindqvist">
<script type="application/ld+json">{json.dumps(_LD)}</script></head>
<body><nav class="site-nav" id="top"><a href="/">Home</a> <a href="/news">News</a></nav>
<article class="post-article"><h1 class="entry-title">Ferry timetable changes this winter</h1>
<div class="byline author-box"><span itemprop="author">Marta Lindqvist</span>
<time datetime="2025-10-03">3 October 2025</time></div>
{"".join(f"<p class='para'>{s.strip()}.</p>" for s in _BODY.split(".") if s.strip())}
</article><footer class="site-footer">© Harbour News</footer></body></html>"""


def test_hashed_names_hide_every_class_and_id_word() -> None:
    out = variants.hashed_names(PAGE)
    names = re.findall(r"\s(?:class|id)=\"([^\"]*)\"", out)
    assert names and all(re.fullmatch(r"x[0-9a-f]{6}", t) for n in names for t in n.split())
    for word in ("byline", "author-box", "entry-title", "site-nav", "post-article"):
        assert word not in out
    # the same name gets the same hash; other attributes and the text are left alone
    para = re.search(r'class="(x[0-9a-f]{6})"', variants.hashed_names('<p class="para">x</p>'))
    assert para is not None and out.count(para.group(1)) == PAGE.count("class='para'") > 1
    assert 'itemprop="author"' in out and "Marta Lindqvist" in out and 'href="/news"' in out


def test_without_metadata_keeps_the_charset_and_the_title() -> None:
    out = variants.without_metadata(PAGE)
    assert "ld+json" not in out and "og:title" not in out and 'name="author"' not in out
    assert '<meta charset="utf-8">' in out and "<title>Ferry timetable changes this winter | Harbour News</title>" in out


def test_extract_keeps_body_and_headline_in_other_clothes() -> None:
    url = "https://harbour.example/news/ferry-timetable-winter"
    base = dehusk.extract(PAGE, mode="html", url=url)
    assert base.title == "Ferry timetable changes this winter"
    assert base.authors == ("Marta Lindqvist",)
    for clothe in (variants.hashed_names, variants.without_metadata):
        art = dehusk.extract(clothe(PAGE), mode="html", url=url)
        assert art.text == base.text
        assert art.title == "Ferry timetable changes this winter"
        assert art.authors == ("Marta Lindqvist",)
        assert (art.published or "").startswith("2025-10-03")


def test_without_h1_makes_divs_and_a_styled_headline_is_a_candidate() -> None:
    assert variants.without_h1('<H1 class="t">A</h1><h10>x</h10>') == '<div class="t">A</div><h10>x</h10>'
    # a page with no <h1>: the element styled as its headline ("entry-title") is a title candidate
    page = variants.without_metadata(variants.without_h1(PAGE)).replace(
        "<title>Ferry timetable changes this winter | Harbour News</title>",
        "<title>Ferry timetable: what changes for commuters | Harbour News</title>")
    _, state = _rules(LexborHTMLParser(page), "https://harbour.example/news/ferry-timetable-winter", None)
    cands, X = title_rows(state)
    assert ("title element", "Ferry timetable changes this winter") in [(c.src, c.text) for c in cands]
    assert X.shape[0] == len(cands)
    # a page with its <h1> reads no such elements (their query runs only without a usable one)
    _, state = _rules(LexborHTMLParser(PAGE), "https://harbour.example/news/ferry-timetable-winter", None)
    assert all(c.src != "title element" for c in title_rows(state)[0])


def test_without_h1_the_date_and_byline_search_starts_at_the_shown_headline() -> None:
    # no <h1>, no structured metadata: the headline is a styled <div>, the byline and the day
    # sit next to it, another day (a teaser's) further down
    page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry timetable changes this winter | Harbour News</title></head>
<body><nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="story"><div class="story-headline">Ferry timetable changes this winter</div>
<div class="story-info"><span>By Marta Lindqvist</span> <span>3 October 2025</span></div>
{"".join(f"<p>{s.strip()}.</p>" for s in _BODY.split(".") if s.strip())}
</div><div class="more"><p>Harbour fees rise again</p><span>12 May 2024</span></div>
<footer class="site-footer">© Harbour News</footer></body></html>"""
    url = "https://harbour.example/news/ferry-timetable-winter"
    meta, state = _rules(LexborHTMLParser(page), url, None)
    assert meta.title == "Ferry timetable changes this winter"
    assert state.title.node is not None and state.title.node.attributes.get("class") == "story-headline"
    assert " ".join(state.near[0].split()) == "By Marta Lindqvist 3 October 2025"
    assert state.anchor() is not None
    art = dehusk.extract(page, mode="html", url=url)
    assert art.authors == ("Marta Lindqvist",)
    assert (art.published or "").startswith("2025-10-03")
    # a page whose <h1> shows the headline starts there, as before
    _, state = _rules(LexborHTMLParser(page.replace("div class=\"story-headline\">Ferry timetable changes this "
                                                    "winter</div>", "h1>Ferry timetable changes this winter</h1>")),
                      url, None)
    assert state.title.node is not None and state.title.node.tag == "h1"
