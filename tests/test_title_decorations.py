"""Text mode's headline is given without what a dump prints around it on its line: an image's alt
text ("Main image of ..."), a label ("Title:", "Q:", "Collection:"), a link aggregator's domain
and points, a date in words before or after it; and nothing is cut from a headline that only
looks like one of these."""

from __future__ import annotations

import pytest

import dehusk
from dehusk.headline_clean import headline_text, strip_decorations


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Hero image for blog post Nine Habits of Patient Gardeners", "Nine Habits of Patient Gardeners"),
        ("Main image of Brava 40 L Hiking Pack, Slate Grey", "Brava 40 L Hiking Pack, Slate Grey"),
        ("Thumbnail image 1 of Brava 40 L Hiking Pack", "Brava 40 L Hiking Pack"),
        ("Alt view image 3 of 12 - Brava 40 L Hiking Pack", "Brava 40 L Hiking Pack"),
        ("Brava 40 L Hiking Pack, 3 of 12", "Brava 40 L Hiking Pack"),
        ("Stoneware mug with blue glaze image 4", "Stoneware mug with blue glaze"),
        ("Title:Sparse Routing for Small Language Models", "Sparse Routing for Small Language Models"),
        ("Q: Why does my tent leak at the seams?", "Why does my tent leak at the seams?"),
        ("Collection: Lanterns", "Lanterns"),
        ("Town Votes to Keep Its Night Ferry (harbourpost.example) 212", "Town Votes to Keep Its Night Ferry"),
        ("Mar 4 2025 Moving the build to a new runner", "Moving the build to a new runner"),
        ("Winter Pruning Notes / 14 January 2024", "Winter Pruning Notes"),
        ("Winter Pruning Notes January 14th, 2024", "Winter Pruning Notes"),
    ],
)
def test_decorations_are_cut(line: str, expected: str) -> None:
    assert strip_decorations(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Image of the Year",  # no modifier: a headline
        "Photo of the day",
        "What happened on 12 March 2020",  # a date after a lower-case word is the headline's
        "January 6, 2021: The day the count was certified",  # a colon after the date
        "Release Notes 03/14/2025",  # a numeric date is a series' part of its headline
        "Status Update 2024-05-02",
        "Results 1 to 18 of 18",  # a counter without its comma
        "Elections - 12 March 2020",  # one word would be left
        "Posts: 14 Joined: Tue Mar 5, 2024",  # a meta line's label before the date
    ],
)
def test_headlines_that_only_look_decorated_stay(line: str) -> None:
    assert strip_decorations(line) == line


def test_a_label_may_leave_one_word() -> None:
    assert strip_decorations("Collection: Lanterns") == "Lanterns"
    assert strip_decorations("Title:") == "Title:"  # nothing after the label: the line stays


def test_headline_text_cuts_decorations_then_the_site() -> None:
    assert headline_text("Hero image for blog post Nine Habits of Patient Gardeners | Garden Ledger",
                         "https://gardenledger.example/blog/nine-habits") == "Nine Habits of Patient Gardeners"


BODY = (
    "The valley's ferry has carried cars and cyclists across the lake since 1962, and the council had planned "
    "to replace it with a longer bus route next spring.\n"
    "At Tuesday's meeting residents filled the hall, and after three hours of questions the councillors voted "
    "seven to two to keep the night crossing for another five years.\n"
    "The operator says the boat needs a new engine within two years, and the council will now ask the region "
    "to share the cost of it with the towns on both shores.\n"
)


def test_a_page_whose_headline_line_carries_its_date() -> None:
    page = ("Harbour Post\nNews\nLocal\nSport\n\n"
            "Mar 4 2025 Council keeps the night ferry running\n"
            "By Ilse Varga\n\n" + BODY + "\nContact us\nPrivacy\n")
    art = dehusk.extract(page, mode="text")
    assert art.title == "Council keeps the night ferry running"


@pytest.mark.parametrize(("line", "expected"), [
    ("r/gardening ____________________", "r/gardening"),  # a text browser's search box
    ("r/gardening •", "r/gardening"),
])
def test_trailing_marks_go(line: str, expected: str) -> None:
    assert strip_decorations(line) == expected


def test_a_glued_trail_from_home_leaves_its_last_step() -> None:
    from dehusk.headline_clean import strip_breadcrumb

    assert strip_breadcrumb("Home >Guides >Nine Habits of Patient Gardeners") == "Nine Habits of Patient Gardeners"
    assert strip_breadcrumb("Home>Blog>Nine Habits of Patient Gardeners") == "Nine Habits of Patient Gardeners"
    assert strip_breadcrumb("Apples > Oranges") == "Apples > Oranges"  # no trail without "Home" first


NAV_PAGE = (
    "Harbour Post\n"
    "{above}\n"
    "Council keeps the night ferry running\n"
    "By Ilse Varga\n"
    "March 4, 2025\n\n" + BODY + "\nContact us\nPrivacy\n"
)


@pytest.mark.parametrize("above", ["Go to Local News", "Back to overview", "Posted in Local, Transport",
                                   "Zurück zu Lokales", "Back to overview Older post: Harbour dredging resumes",
                                   "Skip to main content Skip to search"])
def test_links_away_and_filing_lines_are_no_headlines(above: str) -> None:
    from dehusk.features import text_features
    from dehusk.lang import stopwords
    from dehusk.metadata_text_title import title_candidates
    from dehusk.segment_text import segment_text

    page = NAV_PAGE.format(above=above)
    segs = segment_text(page)
    texts = [s.text for s in segs]
    _, f = text_features(segs, stopwords("en"))
    cand, _ = title_candidates(texts, f, f["_words"] * 0 + 0.5, texts.index("Council keeps the night ferry running"), None)
    assert texts.index(above) not in cand.tolist()
    assert texts.index("Council keeps the night ferry running") in cand.tolist()


@pytest.mark.parametrize("headline", ["Back to school: what parents need to know this year",
                                      "Return to office mandates spread across the city"])
def test_a_headline_that_starts_like_a_link_away_stays(headline: str) -> None:
    from dehusk.features import text_features
    from dehusk.lang import stopwords
    from dehusk.metadata_text_title import title_candidates
    from dehusk.segment_text import segment_text

    segs = segment_text(NAV_PAGE.format(above="Local News").replace("Council keeps the night ferry running", headline))
    texts = [s.text for s in segs]
    _, f = text_features(segs, stopwords("en"))
    cand, _ = title_candidates(texts, f, f["_words"] * 0 + 0.5, texts.index(headline), None)
    assert texts.index(headline) in cand.tolist()


def test_a_numbered_copy_of_a_candidate_weighs_less() -> None:
    import numpy as np

    from dehusk.features import text_features
    from dehusk.lang import stopwords
    from dehusk.metadata_text_title import NUMBERED_COPY_PRIOR, title_prior
    from dehusk.segment_text import segment_text

    page = ("1. Home\n2. Transport\n3. Council keeps the night ferry running\n\n"
            "Council keeps the night ferry running\n\nBy Ilse Varga\n\n" + BODY)
    segs = segment_text(page)
    texts = [s.text for s in segs]
    _, f = text_features(segs, stopwords("en"))
    numbered = next(i for i, t in enumerate(texts) if t.startswith("3."))
    plain = texts.index("Council keeps the night ferry running")
    base = title_prior(texts, f, np.array([plain]))[0]
    prior = title_prior(texts, f, np.array([numbered, plain]))
    assert prior[1] == base  # (the plain line alone or beside its copy: the same)
    # the copy is a line further from the byline (2.75 against 3.0), and then weighs less again
    assert prior[0] == pytest.approx(2.75 * NUMBERED_COPY_PRIOR) and prior[1] == pytest.approx(3.0)


@pytest.mark.parametrize(("line", "expected"), [
    ("Coffee history Coffee history", "Coffee history"),  # a link's text and its title
    ("Night Ferry, Night Ferry", "Night Ferry"),
    ("Go Go Go Go", "Go Go Go Go"),  # one word twice over is not a doubled line
    ("(BUTTON) Nine Habits of Patient Gardeners ______", "Nine Habits of Patient Gardeners"),
    ("| | | Nine Habits of Patient Gardeners | | |", "Nine Habits of Patient Gardeners"),
])
def test_doubled_lines_and_renderer_marks(line: str, expected: str) -> None:
    assert strip_decorations(line) == expected


@pytest.mark.parametrize("line", ["Harbour Post profile image", "Brava 40 L Hiking Pack hover image",
                                  "Harbour Post logo"])
def test_an_alt_text_weighs_as_a_caption(line: str) -> None:
    import numpy as np

    from dehusk.features import text_features
    from dehusk.lang import stopwords
    from dehusk.metadata_text_title import title_prior
    from dehusk.segment_text import segment_text

    segs = segment_text(f"{line}\nCouncil keeps the night ferry running\n\n" + BODY)
    _, f = text_features(segs, stopwords("en"))
    prior = title_prior([s.text for s in segs], f, np.array([0, 1]))
    assert prior[0] == pytest.approx(0.3 * prior[1])


def test_a_headline_far_above_the_text_that_says_the_slug() -> None:
    """A list page prints its headline, then a menu of a hundred languages, then the text: the
    headline is past the window the picker reads, but its words are the URL's slug."""
    languages = "\n".join(f"Language {k}" for k in range(120))
    page = ("Harbour Wiki\nList of river ferries\n" + languages + "\nEdit\nView history\n\n" + BODY)
    url = "https://wiki.example.org/wiki/List_of_river_ferries"
    assert dehusk.extract(page, mode="text", url=url).title == "List of river ferries"
    # without the URL the line is out of reach, and with another page's URL it is no candidate
    assert dehusk.extract(page, mode="text").title != "List of river ferries"
    other = "https://wiki.example.org/wiki/Night_ferry_timetable"
    assert dehusk.extract(page, mode="text", url=other).title != "List of river ferries"


def test_a_far_line_is_no_candidate_when_the_window_says_the_same() -> None:
    import numpy as np

    from dehusk.features import text_features
    from dehusk.lang import stopwords
    from dehusk.metadata_text_title import title_candidates
    from dehusk.segment_text import segment_text

    menu = "\n".join(f"Section {k}" for k in range(60))
    page = f"List of river ferries\n{menu}\nList of river ferries\n\n" + BODY
    segs = segment_text(page)
    texts = [s.text for s in segs]
    _, f = text_features(segs, stopwords("en"))
    first = texts.index(BODY.split("\n")[0])
    cand, _ = title_candidates(texts, f, np.full(len(texts), 0.5), first, "https://wiki.example.org/List_of_river_ferries")
    assert 0 not in cand.tolist() and first - 1 in cand.tolist()


@pytest.mark.parametrize("label", ["Blog", "News", "Shop", "2024"])
def test_a_section_word_weighs_less_than_a_headline(label: str) -> None:
    import numpy as np

    from dehusk.features import text_features
    from dehusk.lang import stopwords
    from dehusk.metadata_text_title import GENERIC_PRIOR, title_prior
    from dehusk.segment_text import segment_text

    segs = segment_text(f"{label}\n\nCouncil keeps the night ferry running\n\n" + BODY)
    _, f = text_features(segs, stopwords("en"))
    prior = title_prior([s.text for s in segs], f, np.array([0, 1]))
    assert prior[0] == pytest.approx(GENERIC_PRIOR * prior[1])
