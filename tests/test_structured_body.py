"""HTML mode reads the article from the page's JSON-LD `articleBody` when the page shows too little
of it (an application shell drawn by scripts, a paywall's stub), and only then."""

from __future__ import annotations

import json

import dehusk
from dehusk.structured_body import FALLBACK_MIN_WORDS

PARAS = [
    "The harbour ferry returned to service on Monday with two new engines that cut the crossing time by a "
    "quarter. The operator said the upgrade cost four million euros and was paid for partly by a regional fund.",
    "Commuters welcomed the change. The first boat now leaves twenty minutes earlier than before, and on "
    "Fridays the last one returns after the late shows in town have ended.",
    "The old engines will be sold to a shipyard that restores working boats, and the crew spent the winter "
    "learning the new controls on a simulator in the port authority's training centre.",
]


def _page(body_html: str, article_body: object, ld_type: str = "NewsArticle") -> str:
    ld = {"@context": "https://schema.org", "@type": ld_type, "headline": "Harbour ferry gets new engines",
          "datePublished": "2024-05-02T08:00:00Z", "author": {"@type": "Person", "name": "Ines Moreau"},
          "articleBody": article_body}
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Harbour ferry gets new engines | "
            "Coast Times</title><script type='application/ld+json'>" + json.dumps(ld) + "</script></head><body>"
            + body_html + "</body></html>")


SHELL = ("<div id='root'></div><noscript>Turn on JavaScript to use this site.</noscript>"
         "<script src='/static/app.js'></script>")


def test_an_application_shell_gives_its_declared_article() -> None:
    art = dehusk.extract(_page(SHELL, "\n\n".join(PARAS)), mode="html", explain=True)
    assert art.text.split("\n\n") == PARAS
    assert art.authors == ("Ines Moreau",)
    assert art.page_type == "article"
    assert art.empty_reason is None
    declared = [b for b in art.blocks if b.label == "body"]
    assert len(declared) == 3 and all("articleBody" in b.reason for b in declared)


def test_a_declared_body_written_in_html_or_as_a_list() -> None:
    markup = "".join(f"<p>{p}</p>" for p in PARAS)
    assert dehusk.extract(_page(SHELL, markup), mode="html").text.split("\n\n") == PARAS
    assert dehusk.extract(_page(SHELL, PARAS), mode="html").text.split("\n\n") == PARAS


def test_a_paywall_stub_gives_the_declared_article_its_first_paragraph_once() -> None:
    stub = (f"<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><main><article>"
            f"<h1>Harbour ferry gets new engines</h1><p>{PARAS[0]}</p>"
            "<div class='paywall'><p>Subscribe to keep reading.</p><a href='/subscribe'>Subscribe</a></div>"
            "</article></main>")
    art = dehusk.extract(_page(stub, "\n".join(PARAS)), mode="html")
    assert art.text.count(PARAS[0][:60]) == 1
    assert all(p in art.text for p in PARAS)
    assert "Subscribe" not in art.text


def test_a_page_that_shows_its_article_keeps_its_own_text() -> None:
    """The declared body is not read when the page's blocks hold the article: nothing twice, and
    the page's own structure (its subheading) kept."""
    shown = (f"<main><article><h1>Harbour ferry gets new engines</h1><p>{PARAS[0]}</p><p>{PARAS[1]}</p>"
             f"<h2>What happens to the old engines</h2><p>{PARAS[2]}</p></article></main>")
    art = dehusk.extract(_page(shown, "\n\n".join(PARAS)), mode="html", explain=True)
    assert "What happens to the old engines" in art.text
    assert all(art.text.count(p) == 1 for p in PARAS)
    assert not any("articleBody" in b.reason for b in art.blocks)


def test_a_short_declared_summary_is_not_an_article() -> None:
    summary = "New engines for the harbour ferry cut the crossing time."
    assert len(summary.split()) < FALLBACK_MIN_WORDS
    art = dehusk.extract(_page(SHELL, summary), mode="html")
    assert art.text == ""
    assert art.empty_reason is not None


def test_a_product_or_a_page_entity_gives_no_declared_article() -> None:
    """Only a written article's or post's articleBody is read (a product's or a page's text is no article)."""
    art = dehusk.extract(_page(SHELL, "\n\n".join(PARAS), ld_type="Product"), mode="html")
    assert art.text == ""


def test_a_short_declared_body_beside_a_few_shown_words() -> None:
    """A declared body of 50-60 words beside a page that shows a few words of its own (no paywall
    element): read, and the short result's reason asked of the page's own blocks only."""
    body = " ".join(PARAS[0].split()[:30] + PARAS[1].split()[:25])
    assert FALLBACK_MIN_WORDS <= len(body.split()) < 60
    art = dehusk.extract(_page("<p>Hello there</p><div id='root'></div>", body), mode="html")
    assert art.text.endswith(body)


def test_a_page_without_a_block_of_its_own_gives_its_declared_article() -> None:
    art = dehusk.extract(_page("", "\n\n".join(PARAS)), mode="html", explain=True, markdown=True)
    assert art.text.split("\n\n") == PARAS
    assert art.markdown is not None and PARAS[2] in art.markdown
