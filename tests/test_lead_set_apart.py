"""The standfirst set apart from the body: by a row of share buttons in a text dump, as a
sentence-long subtitle heading in HTML."""

from __future__ import annotations

import dehusk
from conftest import FERRY_PARAGRAPHS

INTRO = ("Commuters will be able to cross the estuary by boat again from the summer, after the council "
         "agreed to pay for new slipways on both banks.")


def _text_page(between: list[str]) -> str:
    return "\n\n".join(["Harbour Courier", "News   Sport   Business", "Ferry crossing to reopen after nine years",
                        "By Ann Lee", "14 March 2024", INTRO, *between, *FERRY_PARAGRAPHS, "Privacy   Terms"])


def test_a_share_row_under_the_first_paragraph_makes_it_the_lead() -> None:
    article = dehusk.extract(_text_page(["Share on Facebook", "Share on X", "Email"]), mode="text")
    assert article.lead == INTRO
    assert article.text.count(INTRO) == 1
    assert article.text.startswith(INTRO)
    assert "Share on" not in article.text


def test_one_share_line_sets_the_paragraph_apart_too() -> None:
    article = dehusk.extract(_text_page(["Share: Facebook WhatsApp X Copy link"]), mode="text")
    assert article.lead == INTRO


def test_a_first_paragraph_running_into_the_body_is_no_lead() -> None:
    article = dehusk.extract(_text_page([]), mode="text")
    assert article.lead is None
    assert article.text.startswith(INTRO)


def _html_page(subtitle: str, tag: str = "h2", cls: str = "subtitle", byline_first: bool = False) -> str:
    body = "".join(f"<p>{p}</p>" for p in FERRY_PARAGRAPHS)
    sub = f'<{tag} class="{cls}">{subtitle}</{tag}>'
    byline = '<p class="byline">By Ann Lee</p>'
    return f"""<!doctype html><html lang="en"><head><title>Ferry crossing to reopen | Harbour Courier</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<main><article><h1>Ferry crossing to reopen after nine years</h1>
{byline + sub if byline_first else sub + byline}
<div class="article-body">{body}</div></article></main>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>"""


def _subtitle(subtitle: str, cls: str = "subtitle", byline_first: bool = False) -> tuple[str | None, str | None]:
    """(the subtitle's label, the article's lead)."""
    article = dehusk.extract(_html_page(subtitle, cls=cls, byline_first=byline_first), mode="html", explain=True)
    return next(b.label for b in article.blocks if b.text == subtitle), article.lead


def test_a_subtitle_heading_that_is_a_sentence_is_the_lead() -> None:
    article = dehusk.extract(_html_page(INTRO), mode="html")
    assert article.lead == INTRO
    assert article.text.count(INTRO) == 1
    assert article.text.startswith(INTRO)


TAGLINE = "Turn raw ferry timetables into useful dashboards in weeks not months"


def test_a_subtitle_right_under_the_headline_is_the_lead_without_a_full_stop() -> None:
    assert _subtitle(TAGLINE) == ("lead", TAGLINE)


def test_a_tag_line_further_down_or_a_heading_without_a_subtitle_class_stays_a_heading() -> None:
    # kept in the text either way; the lead only when the class says subtitle and it is a sentence
    # or stands right under the headline
    assert _subtitle(TAGLINE, byline_first=True) == ("heading", None)
    assert _subtitle(INTRO, byline_first=True) == ("lead", INTRO)
    assert _subtitle(INTRO, cls="section-title") == ("heading", None)
