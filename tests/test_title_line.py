"""Text mode's headline picker reads the page's own title line ("<headline> | <site>"), which some
dumps print first (a page's <title>, as Common Crawl's WET text and BeautifulSoup's get_text do)."""

from __future__ import annotations

import numpy as np
import pytest

import dehusk
from dehusk.features import text_features
from dehusk.lang import stopwords
from dehusk.metadata_text_date import date_only_line
from dehusk.metadata_text_title import (
    DATED_LINE_PRIOR,
    title_line_byline,
    title_line_headline,
    title_prior,
    titled_parts,
)
from dehusk.segment_text import segment_text

BODY = (
    "The committee met on Tuesday evening to review the proposal for the new library wing, which has been "
    "debated for more than two years in the town.\n"
    "Supporters say the extension would double the space for the children's collection and give the reading "
    "groups a room of their own, while critics point to the cost.\n"
    "A final vote is expected next month, after a public hearing at which residents will be able to put their "
    "questions to the architects and the council's finance officer.\n"
)
# the section label sits right above the headline, title-cased and short: without the title line
# the picker is tempted by it
PAGE = (
    "Library Extension Goes to a Vote | Harbour Courier\n"
    "Skip to content\nHarbour Courier\nNews\nCulture\nSport\n"
    "Ideas Worth Reading\n"
    "Library extension goes to a vote\n"
    "March 3, 2024\n" + BODY
)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Library Extension Goes to a Vote | Harbour Courier"], {("library", "extension", "goes", "to", "a", "vote"): 0}),
        (["News | Harbour Courier | Library extension goes to a vote"],
         {("library", "extension", "goes", "to", "a", "vote"): 0}),
        (["Home | About | Contact"], {}),  # a menu: no part of 3+ words
        (["Senior Software Engineer - Acme Widgets - Remote - Full time"], {}),  # four parts: a listing row
        (["Library extension goes to a vote in town"], {}),  # no separator
    ],
)
def test_titled_parts(lines: list[str], expected: dict) -> None:
    assert titled_parts(lines) == expected


def test_title_line_names_the_headline() -> None:
    art = dehusk.extract(PAGE, mode="text")
    assert art.title == "Library extension goes to a vote"


@pytest.mark.parametrize(("line", "alone"), [
    ("2018-08-16", True), ("March 12, 2024", True), ("Tuesday, 12 March 2024, 14:05", True), ("2024年3月12日", True),
    ("July 4, 1776: the day the harbour opened", False), ("Christmas 2024", False), ("Ferry timetable changes", False),
])
def test_a_date_alone_on_its_line(line: str, alone: bool) -> None:
    assert date_only_line(line) is alone


def test_a_date_alone_weighs_a_tenth_as_a_headline() -> None:
    texts = ["Harbour Courier", "2018-08-16", "Ferry timetable changes for the winter crossings",
             "The harbour board cut the number of winter crossings to the islands from six a day to four."]
    segments = segment_text("\n\n".join(texts))
    X, f = text_features(segments, stopwords("en"))
    prior = title_prior(texts, f, np.array([1, 2]))
    assert prior[0] <= DATED_LINE_PRIOR * prior[1]


def test_the_line_nearest_the_byline_weighs_most() -> None:
    """A kicker or a widget a line above the headline is as near a byline as the headline is, in
    a window of three lines; the nearer line weighs more."""
    texts = ["Weather 7°C", "Ferry timetable changes for the winter crossings", "By Jane Miller",
             "The harbour board cut the number of winter crossings to the islands from six a day to four."]
    segments = segment_text("\n\n".join(texts))
    _, f = text_features(segments, stopwords("en"))
    prior = title_prior(texts, f, np.array([0, 1]))
    assert prior[1] == 3.0 and prior[0] < prior[1]


# BeautifulSoup's get_text() recipe: the page's <title> first, then the page's text with its blocks
# glued where the HTML had no white space between them (the headline inside the menu's run)
GLUED_PAGE = (
    "Ferry Timetable Changes for the Winter | Harbour Courier\n"
    "Skip to content\n"
    "HomeNewsSportCultureWeatherFerry Timetable Changes for the WinterShareTweetEmail\n"
    "Most Read\nTide tables\nHarbour webcam\n" + BODY
)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # the headline part, said again below (glued to a menu, as a heading)
        (["Ferry Timetable Changes for the Winter | Harbour Courier", "Menu",
          "HomeNewsFerry Timetable Changes for the WinterShare"], "Ferry Timetable Changes for the Winter"),
        (["", "Harbour Courier - Ferry timetable changes", "Ferry timetable changes", "Text"],
         "Ferry timetable changes"),
        # said again in capitals (a heading's style)
        (["Ferry timetable changes for the winter | Harbour Courier", "Menu", "FERRY TIMETABLE CHANGES FOR THE WINTER"],
         "Ferry timetable changes for the winter"),
        # only the whole line again (a site's name and motto in its header and footer): no headline
        (["Harbour Club - Sailing since 1920", "Menu", "Harbour Club - Sailing since 1920"], None),
        # the part never said again
        (["Ferry Timetable Changes for the Winter | Harbour Courier", "Menu", "Text"], None),
        # a renderer's label for a <link> element
        (["Link: Feed - Harbour Courier", "Link: Feed - Comments", "Link: Feed"], None),
        # no separator; one word left
        (["Ferry Timetable Changes for the Winter", "Ferry Timetable Changes for the Winter"], None),
        (["Ferry | Harbour Courier", "Ferry"], None),
    ],
)
def test_title_line_headline(texts: list[str], expected: str | None) -> None:
    found = title_line_headline(texts, "https://harbourcourier.example/news/ferry")
    assert (found[1] if found else None) == expected
    if found:  # (the title line's index: the page's first line that is not empty)
        assert found[0] == next(i for i, t in enumerate(texts) if t.strip())


def test_glued_dump_takes_the_title_lines_headline() -> None:
    art = dehusk.extract(GLUED_PAGE, mode="text", explain=True)
    assert art.title == "Ferry Timetable Changes for the Winter"
    assert "committee met on Tuesday" in art.text
    # the block labelled as the title is the title line, and says so
    titles = [b for b in art.blocks if b.label == "title"]
    assert [b.text for b in titles] == ["Ferry Timetable Changes for the Winter | Harbour Courier"]
    assert "title line" in titles[0].reason


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Notes on the ferry timetable - by Ann Lee - The Harbour Letter", "Text"], "Ann Lee"),
        (["Notes on the ferry timetable | by Ann Lee | Medium", "Text"], "Ann Lee"),
        (["Stand By Me - A Review | Harbour Courier", "Text"], None),  # a headline's "By"
        (["Notes on the ferry timetable - by Design", "Text"], None),  # no person's name
        (["Text", "Notes on the ferry timetable - by Ann Lee"], None),  # not the page's first line
    ],
)
def test_title_line_byline(texts: list[str], expected: str | None) -> None:
    assert title_line_byline(texts) == expected


def test_title_line_gives_the_author_and_the_headline_without_its_byline() -> None:
    page = ("Notes on the ferry timetable - by Ann Lee - The Harbour Letter\n"
            "The Harbour LetterSubscribeSign inNotes on the ferry timetableShare\n" + BODY)
    art = dehusk.extract(page, mode="text", url="https://harbourletter.example/p/notes")
    assert list(art.authors) == ["Ann Lee"]
    assert art.title == "Notes on the ferry timetable"
