"""Text mode's byline picker: a short capitalised line is a byline when it names a person
(given-name and surname evidence, `dehusk.names`), not when it is a button or a section label."""

from __future__ import annotations

import pytest

import dehusk
from dehusk.names import name_evidence

_BODY = (
    "The committee met on Tuesday evening to review the proposal for the new library wing, "
    "which has been debated for more than two years in the town.\n\n"
    "Supporters say the extension would double the space for the children's collection and "
    "give the reading groups a room of their own, while critics point to the cost.\n\n"
    "A final vote is expected next month, after a public hearing at which residents will be "
    "able to put their questions to the architects and the council's finance officer.\n\n"
    "The council has already set aside part of the money in its budget for the coming year, "
    "and the rest would come from a regional fund for cultural buildings.\n"
)

SERVICE = (
    "Acme Cloud\n\nProduct\n\nPricing\n\nDocs\n\nSign In\n\nGet Started\n\n"
    "Deploy in minutes\n\n"
    "Connect your repository and every push is built, tested and shipped to a global network "
    "of servers without any configuration on your side.\n\n"
    "Scale without thinking about it: instances are added when traffic grows and removed again "
    "when it falls, so you only pay for what your users actually need.\n\n"
    "Start Free Trial\n\nContact Sales\n"
)

BLOG = (
    "Home\n\nNews\n\nCulture\n\n"
    "Library extension goes to a vote\n\n"
    "Maria Kowalska\n\n"
    "March 3, 2024\n\n" + _BODY + "\nRelated\n\nAbout us\n"
)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Get Started"], (0.0, 0.0)),
        (["Maria Nowak"], (1.0, 1.0)),
        (["J. Smith"], (0.5, 1.0)),
        (["Quick Links", "Helena Novak"], (1.0, 1.0)),
        ([], (-1.0, -1.0)),
    ],
)
def test_name_evidence(names: list[str], expected: tuple[float, float]) -> None:
    assert name_evidence(names) == expected


def test_button_line_is_no_author() -> None:
    art = dehusk.extract(SERVICE, mode="text")
    assert art.authors == ()
    assert "without any configuration" in art.text


LONG_BYLINE = (
    "Home\n\nMoney\n\nRetirement\n\n"
    "How the town pays for its new library wing\n\n"
    "By Helena Novak – Revised 14 Oct 2024, 08:30 CET | Edited by Tom Ray | Checked by Ana Kowal | 8 min read | Share this story\n\n"
    + _BODY
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published on May 3, 2024 by Helena Novak and Tom Ray", ["Helena Novak", "Tom Ray"]),
        ("May 3, 2024 By Helena Novak 4 Comments", ["Helena Novak"]),
        ("Helena Novak • May 3, 2024 • 6 min read", ["Helena Novak"]),
        ("May 3, 2024 · 30 min · 6279 words · Helena Novak", ["Helena Novak"]),
        ("Updated May 3, 2024 | Reviewed by Tom Ray", []),  # a reviewer, not the author
        ("Photo by Tom Ray, May 3, 2024", []),
    ],
)
def test_dated_line_names(line: str, expected: list[str]) -> None:
    from dehusk.metadata_text import dated_line_names

    assert dated_line_names(line)[0] == expected


DATED_BYLINE = (
    "Home\n\nNews\n\nCulture\n\n"
    "Library extension goes to a vote\n\n"
    "March 3, 2024 By Helena Novak 4 Comments\n\n" + _BODY
)


LONE_BY = (
    "Home\n\nNews\n\n"
    "Library extension goes to a vote\n\n" + _BODY + "\nWritten by\n\nTomasz Wierzbicki\n\nRelated\n"
)


REVIEWED = (
    "Home\n\nHealth\n\n"
    "Library extension goes to a vote\n\n"
    "Medically reviewed by Tom Ray — Written by Helena Novak\n\n"
    "Edited by: Ana Kowal\n\n"
    "March 3, 2024\n\n" + _BODY
)


# (page, its author, byline words that must not reach the text, its date when the test reads it)
BYLINE_PAGES = {
    "bare name under the headline": (BLOG, "Maria Kowalska", "Maria Kowalska", "2024-03-03"),
    # a byline line longer than a name line (revised time, editors, reading time) is still one
    "long byline line": (LONG_BYLINE, "Helena Novak", "Checked by", None),
    "author in the date line": (DATED_BYLINE, "Helena Novak", "Helena Novak", "2024-03-03"),
    # a renderer that puts the byline word and the name on lines of their own (here under the body)
    "byline word on the line above": (LONE_BY, "Tomasz Wierzbicki", "Tomasz Wierzbicki", None),
    # an editor's or a reviewer's credit names no author
    "reviewer and editor": (REVIEWED, "Helena Novak", None, None),
}


@pytest.mark.parametrize("name", list(BYLINE_PAGES))
def test_byline_pages(name: str) -> None:
    page, author, not_in_text, published = BYLINE_PAGES[name]
    art = dehusk.extract(page, mode="text")
    assert art.authors == (author,)
    if not_in_text:
        assert not_in_text not in art.text
    if published:
        assert art.published == published
