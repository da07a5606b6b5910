"""The France 24 bar (issue 3): the example page from ../shared/examples, in text mode.

The page is a dump of a whole news page: a "Don't miss" rail of teasers with "Read more"
lines, the headline, "Video by" byline, "Text by" line, "Latest update" date, the standfirst,
the body (which restates the standfirst) with a subheading, the "(FRANCE 24 with wires)" credit
line, "Date created", and related stories with a "MALI" tag line.

The page is not ours: its text is not copied here. The expected paragraphs are located in the
file at run time, by the words the issue quotes.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

import dehusk
from conftest import norm

EXAMPLE = Path(__file__).resolve().parents[1].parent / "shared/examples/france24-mali-2013.txt"

TITLE = "France to start withdrawing troops from Mali in March"
AUTHORS = ["Alexandra RENARD", "Oliver FARRY"]
PUBLISHED = "2013-02-06"
SOURCE = "FRANCE 24 with wires"
SUBHEADING = "Malian and French troops clash with Islamist militants near Gao"
LEAD_START = "French Foreign Minister Laurent Fabius said on Tuesday that France plans"
BODY_START = "French Foreign Minister Laurent Fabius said on Tuesday that while France plans"
HUSK = [
    "Read more",
    "Don't miss",
    "Latest update",
    "Date created",
    "Video by",
    "Text by",
    "MALI",
    "(FRANCE 24 with wires)",
    SOURCE,
]


def _page_lines() -> list[str]:
    if not EXAMPLE.is_file():
        pytest.fail(f"the France 24 example is missing: {EXAMPLE} (../shared/examples beside the repo)")
    return [norm(line) for line in EXAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def _line(start: str) -> str:
    found = [line for line in _page_lines() if line.startswith(start)]
    assert len(found) == 1, f"the example should have one line starting {start!r}"
    return found[0]


def _body_lines() -> list[str]:
    """The page's body: from the line after the lead up to the line before the credit line."""
    lines = _page_lines()
    first = lines.index(_line(BODY_START))
    credit = lines.index(f"({SOURCE})")
    return lines[first:credit]


def _teasers() -> list[str]:
    """Headlines of the teaser rails: the line before each "Read more" (bullets dropped)."""
    lines = _page_lines()
    return [lines[i - 1].lstrip("• ") for i, line in enumerate(lines) if line == "Read more" and i > 0]


@pytest.fixture(scope="module")
def article() -> dehusk.Article:
    _page_lines()
    return dehusk.extract(EXAMPLE.read_bytes(), mode="text")


@pytest.fixture(scope="module")
def paragraphs(article: dehusk.Article) -> list[str]:
    return [norm(p) for p in article.text.split("\n\n") if p.strip()]


def test_example_page_is_there() -> None:
    lines = _page_lines()
    assert TITLE in lines and f"({SOURCE})" in lines and SUBHEADING in lines
    assert len(_teasers()) >= 10 and len(_body_lines()) >= 10


def test_auto_mode_reads_it_as_text() -> None:
    _page_lines()
    assert dehusk.extract(EXAMPLE.read_bytes()).mode == "text"


def test_title(article: dehusk.Article) -> None:
    assert article.title == TITLE


def test_authors_are_the_two_people_and_nothing_else(article: dehusk.Article) -> None:
    # the names, without "Video by", the stray comma, or "FRANCE 24" from the "Text by" line
    # (letter case as printed or normalised: both are the same person's name)
    assert [norm(a).casefold() for a in article.authors] == [a.casefold() for a in AUTHORS], article.authors


def test_published(article: dehusk.Article) -> None:
    assert article.published is not None, "no published date (the page says 'Latest update : 2013-02-06')"
    value = article.published
    (date.fromisoformat if len(value) == 10 else datetime.fromisoformat)(value)  # ISO 8601
    assert value[:10] == PUBLISHED


def test_lead_is_the_standfirst(article: dehusk.Article) -> None:
    assert article.lead is not None
    assert norm(article.lead) == _line(LEAD_START)


def test_text_starts_with_the_lead_once(article: dehusk.Article, paragraphs: list[str]) -> None:
    lead = _line(LEAD_START)
    assert paragraphs, "empty text"
    assert paragraphs[0] == lead, f"text starts with {paragraphs[0][:80]!r}"
    assert norm(article.text).count(lead) == 1


def test_body_follows_the_lead(paragraphs: list[str]) -> None:
    assert len(paragraphs) > 1
    assert paragraphs[1] == _line(BODY_START), f"second paragraph is {paragraphs[1][:80]!r}"


def test_subheading_is_its_own_paragraph(paragraphs: list[str]) -> None:
    assert SUBHEADING in paragraphs
    assert paragraphs.index(SUBHEADING) == 2, "the subheading comes right after the body's first paragraph"


def test_whole_body_in_order(paragraphs: list[str]) -> None:
    body = _body_lines()
    assert paragraphs[1:] == body, (
        f"missing: {[p[:60] for p in body if p not in paragraphs]}; "
        f"extra: {[p[:60] for p in paragraphs[1:] if p not in body]}"
    )


def test_text_ends_with_the_last_paragraph(paragraphs: list[str]) -> None:
    assert paragraphs and paragraphs[-1] == _body_lines()[-1], f"text ends with {paragraphs[-1][:80]!r}"


def test_source_is_the_credit_line(article: dehusk.Article) -> None:
    assert article.source == SOURCE


@pytest.mark.parametrize("husk", HUSK)
def test_no_page_furniture_in_text(article: dehusk.Article, husk: str) -> None:
    assert husk not in article.text


def test_no_teaser_in_text(article: dehusk.Article) -> None:
    text = norm(article.text)
    kept = [t for t in _teasers() if t in text]
    assert not kept, f"teasers in text: {kept}"


def test_byline_not_in_text(article: dehusk.Article) -> None:
    assert not any(a in article.text for a in AUTHORS)


def test_no_paragraph_twice(paragraphs: list[str]) -> None:
    assert len(paragraphs) == len(set(paragraphs))


def test_language(article: dehusk.Article) -> None:
    assert article.language == "en"


@pytest.mark.parametrize(
    "ends", [("\r\n", "\r\n"), ("\u2028", "\u2029")], ids=["crlf", "unicode-separators"]
)
def test_other_line_ends_give_the_same_article(article: dehusk.Article, ends: tuple[str, str]) -> None:
    """The page with other line ends (a renderer's CR LF; Unicode's line separator for a line end
    and paragraph separator for a blank line) gives the same record."""
    line_end, paragraph_end = ends
    text = EXAMPLE.read_text(encoding="utf-8").replace("\n\n", paragraph_end).replace("\n", line_end)
    other = dehusk.extract(text, mode="text")
    assert other.to_dict() == article.to_dict()


def test_the_article_given_alone_keeps_its_first_paragraph(article: dehusk.Article) -> None:
    """An extractor's output (the article's text without its headline line, as corpora of clean
    text hold it) keeps its first paragraph: a long sentence is no headline."""
    first = article.text.split("\n\n")[0]
    again = dehusk.extract(article.text, mode="text")
    assert again.title != first
    assert norm(again.text).startswith(norm(first))


def test_the_page_on_one_line_gives_its_header_back() -> None:
    """The page with every line break gone (trafilatura's `html2txt`, `" ".join(text.split())`),
    and no URL to find the headline by: the "Read more" links, the "Video by" byline and the date
    are cut out of the run-on line, so the headline, authors and date come back, and the teasers
    stay out of the text."""
    one_line = " ".join(EXAMPLE.read_text(encoding="utf-8").split())
    art = dehusk.extract(one_line, mode="text")
    assert art.title == TITLE
    assert list(art.authors) == AUTHORS
    assert art.published == PUBLISHED
    assert norm(art.text).startswith(norm(LEAD_START))
    assert norm(SUBHEADING) in norm(art.text)
    text = norm(art.text)
    assert not [t for t in _teasers() if t in text]
    assert not any(a in art.text for a in AUTHORS)
