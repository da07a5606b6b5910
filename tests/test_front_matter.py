"""A tool's metadata block at the top of a text dump (`dehusk.front_matter`)."""

from __future__ import annotations

from pathlib import Path

import pytest

import dehusk
from dehusk.front_matter import split_front_matter

EXAMPLE = Path(__file__).resolve().parents[1].parent / "shared/examples/france24-mali-2013.txt"
URL = "https://news.example.org/2013/02/06/mali-withdrawal"

BODY = "\n\n".join(
    f"The regional council met on Tuesday to discuss item {i} of the transport plan, which would add "
    "bus lanes to the ring road and extend the evening service to the outlying villages." for i in range(1, 7)
)


def _without(record: dict, *keys: str) -> dict:
    return {k: v for k, v in record.items() if k not in keys}


@pytest.fixture(scope="module")
def france24() -> tuple[str, dict]:
    text = EXAMPLE.read_text(encoding="utf-8")
    return text, dehusk.extract(text, mode="text").to_dict()


@pytest.mark.parametrize("shape", ["header", "yaml"])
def test_the_block_is_no_line_of_the_page(france24: tuple[str, dict], shape: str) -> None:
    """The page behind a reader's header or YAML front matter gives the page's own record, with
    the block's URL (the confidence reads the URL's words)."""
    text, plain = france24
    if shape == "header":
        block = (f"Title: {plain['title']} - France 24\n\nURL Source: {URL}\n\n"
                 "Published Time: 2013-02-06T09:12:00+00:00\n\nMarkdown Content:\n")
    else:
        block = (f'---\ntitle: "{plain["title"]}"\nauthor: Alexandra RENARD; Oliver FARRY\nurl: {URL}\n'
                 "hostname: news.example.org\ndate: 2013-02-06\n---\n")
    art = dehusk.extract(block + text).to_dict()
    assert art["url"] == URL
    assert _without(art, "url", "confidence") == _without(plain, "url", "confidence")


def test_the_block_fills_what_the_page_does_not_say() -> None:
    url = "https://news.example.org/transport/ring-road-bus-lanes"
    block = ("---\ntitle: Ring road bus lanes approved\nauthors:\n  - By Jane Doe\n  - John Smith\n"
             f"date: 2021-04-03\ntags: [transport, council]\nurl: {url}\n---\n\n")
    art = dehusk.extract(block + BODY, mode="text")
    assert art.title == "Ring road bus lanes approved"
    assert art.authors == ("Jane Doe", "John Smith")
    assert art.published == "2021-04-03"
    assert art.url == url
    assert "bus lanes to the ring road" in art.text
    assert "Ring road bus lanes approved" not in art.text and "2021-04-03" not in art.text
    # a date after the fetch date is no publication date
    assert dehusk.extract(block + BODY, mode="text", fetch_date="2020-01-01").published is None


@pytest.mark.parametrize(
    "text",
    [
        "---\nHome | News | Sport\n---\n" + BODY,  # rules around a menu
        "---\nlayout: post\n---\n" + BODY,  # one key that is no page metadata
        "Title: The Tempest\nAuthor: William Shakespeare\n\n" + BODY,  # labelled lines of the page itself
        "Note: the meeting was moved.\n\nContent:\n" + BODY,  # not a metadata key
    ],
    ids=["menu-between-rules", "one-unknown-key", "no-content-opener", "unknown-key"],
)
def test_lines_that_only_look_like_a_block_stay(text: str) -> None:
    fm, rest = split_front_matter(text)
    assert fm is None and rest == text
