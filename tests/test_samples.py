"""The HTML page `make demo` shows (samples/article-jsonld.html): what a user sees first."""

from __future__ import annotations

import pytest

import dehusk
from conftest import REPO_ROOT, assert_in_order

SAMPLE = REPO_ROOT / "samples" / "article-jsonld.html"

BODY = [
    "For the first time in thirty years, the clock on the town hall tower struck noon on Saturday",
    "The mechanism, made by a Leeds clockmaker in 1887, stopped in the summer of 1994",
    "Two winters in the tower",
    "A group of eleven volunteers, most of them retired engineers, began work in the autumn of 2022.",
    '"Some of the teeth were worn almost flat," said Idwal Pritchard',
    "The clock now needs winding once a week.",
]


@pytest.fixture(scope="module")
def article() -> dehusk.Article:
    return dehusk.extract(SAMPLE.read_text(encoding="utf-8"), mode="html")


def test_the_body_whole_and_in_order(article: dehusk.Article) -> None:
    assert_in_order(article.text, BODY)


@pytest.mark.parametrize(
    "husk",
    ["Share on Facebook", "Share on X", "Email", "Skip to content", "Related stories", "Bell ringers celebrate",
     "We use cookies", "Get the Gazette in your inbox", "Privacy", "© 2024", "By Martha Quayle",
     "Photo: Valley Gazette"],
)
def test_no_page_furniture_in_the_text(article: dehusk.Article, husk: str) -> None:
    assert husk not in article.text


def test_the_headline_is_the_title_not_a_line_of_the_text(article: dehusk.Article) -> None:
    assert article.title == "Town hall clock runs again after 30 years"
    assert article.title not in article.text
    assert article.authors == ("Martha Quayle", "Idris Bevan")
