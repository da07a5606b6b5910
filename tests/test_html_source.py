"""HTML mode's source: a credit line at the article's edge names the agency ("(dpa)", "Kaynak: AA");
a name alone on its line does not."""

from __future__ import annotations

import pytest

import dehusk
from conftest import FERRY_PARAGRAPHS


def _page(credit: str, *, top: bool = False) -> str:
    paras = "".join(f"<p>{p}</p>" for p in FERRY_PARAGRAPHS)
    credit_html = f"<p class='credit'>{credit}</p>"
    return ("<html><head><title>Ferry crossing to reopen | Harbour Courier</title></head><body>"
            "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><article>"
            "<h1>Ferry crossing to reopen</h1><p class='byline'>By Ann Lee</p>"
            + (credit_html if top else "") + paras + ("" if top else credit_html)
            + "</article><footer><p>© 2024 Harbour Courier</p></footer></body></html>")


@pytest.mark.parametrize(("credit", "source"), [("(dpa)", "dpa"), ("(EFE)", "EFE"), ("Kaynak: AA", "AA"),
                                                ("Πηγή: ΑΠΕ-ΜΠΕ", "ΑΠΕ-ΜΠΕ"), ("（共同）", "共同"),
                                                ("Source: Reuters", "Reuters")])
def test_a_credit_line_under_the_article_is_the_source(credit: str, source: str) -> None:
    article = dehusk.extract(_page(credit), mode="html", explain=True)
    assert article.source == source
    assert credit not in article.text
    assert [b.label for b in article.blocks if b.text == credit] == ["source"]


def test_an_agency_credit_under_the_byline_is_the_source() -> None:
    assert dehusk.extract(_page("(AFP)", top=True), mode="html").source == "AFP"


@pytest.mark.parametrize("line", ["Staff", "Newsroom", "AP", "The Agency", "(Updated)"])
def test_a_name_alone_or_a_note_is_no_source(line: str) -> None:
    assert dehusk.extract(_page(line), mode="html").source is None


@pytest.mark.parametrize(("credit", "source"), [("Autor: Anna Nowak (PAP)", "PAP"), ("By Ann Lee/TT", "TT")])
def test_a_byline_under_the_article_that_names_its_agency_gives_the_source(credit: str, source: str) -> None:
    article = dehusk.extract(_page(credit), mode="html")
    assert article.source == source
    assert credit not in article.text


def test_a_byline_without_an_agency_gives_no_source() -> None:
    assert dehusk.extract(_page("Autor: Anna Nowak"), mode="html").source is None
