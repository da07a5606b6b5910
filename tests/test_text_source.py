"""Text mode's source: a credit line under the article names an agency; a menu's or a heading's line
that reads like an organisation's name does not."""

from __future__ import annotations

import dehusk
from conftest import FERRY_PARAGRAPHS


def _page(after: list[str]) -> str:
    head = ["Harbour Courier", "News   Sport   Business   Contact", "Ferry crossing to reopen after nine years",
            "By Ann Lee", "14 March 2024"]
    return "\n\n".join([*head, *FERRY_PARAGRAPHS, *after])


def test_an_agency_alone_under_the_article_is_its_source() -> None:
    article = dehusk.extract(_page(["Reuters", "More from the harbour"]), mode="text")
    assert article.source == "Reuters"
    assert "Reuters" not in article.text


def test_a_credit_in_brackets_is_the_source() -> None:
    article = dehusk.extract(_page(["(Harbour Courier with wires)", "More from the harbour"]), mode="text")
    assert article.source == "Harbour Courier with wires"


def test_an_organisation_like_line_alone_is_no_source() -> None:
    for line in ("Our Services", "Cloud Storage", "Recent News", "The Team"):
        article = dehusk.extract(_page([line, "Privacy   Terms   Contact"]), mode="text")
        assert article.source is None, line
