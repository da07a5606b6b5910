"""Text mode dates beyond one line: the URL's day, a year glued to the number after it, a date
printed without its year, a label on the line above, the order of two dates on one line, and the
learned picker choosing the article's date over a related-article rail's (dehusk.metadata_text_date)."""

from __future__ import annotations

import numpy as np

import dehusk
from dehusk.dates import DateMatch
from dehusk.metadata_text_date import (
    DATE_FEATURES,
    date_candidates,
    label_above,
    pick_date,
    unglue_year,
    yearless_date,
)

BODY = [
    "The city council approved a new plan for the riverside park on Tuesday evening after a long debate.",
    "Residents had asked for more trees, a playground and better lighting along the walking paths for years.",
    "Work is expected to start in the spring and should be finished before the end of the following year.",
    "The mayor said the park would become a place where families can spend their weekends close to home.",
    "Local shop owners hope that the new park will bring more visitors to the streets around the river.",
]
HEADLINE = "Riverside park plan approved by the council"


def page(*top: str, headline: str = HEADLINE, tail: tuple[str, ...] = ()) -> str:
    return "\n\n".join(["Home", "News", "Sport", headline, *top, *BODY, *tail, "Contact us", "Privacy policy"])


def published(text: str, url: str | None = None) -> str | None:
    art = dehusk.extract(text, mode="text", language="en", url=url, fetch_date="2026-01-01")
    return art.published[:10] if art.published else None


def test_the_url_day_when_no_line_gives_a_date() -> None:
    assert published(page("By Jane Doe")) is None
    assert published(page("By Jane Doe"), "https://example.org/news/2024/05/17/park-plan") == "2024-05-17"
    # not a day: an impossible one, or one after the fetch date
    assert published(page("By Jane Doe"), "https://example.org/news/2024/02/30/park-plan") is None
    assert published(page("By Jane Doe"), "https://example.org/news/2027/05/17/park-plan") is None


def test_the_url_day_over_a_date_no_line_agrees_with() -> None:
    url = "https://example.org/news/2024/05/17/park-plan"
    # the lines show only the update: the URL keeps the day of first publication
    assert published(page("By Jane Doe | Updated May 19, 2024")) == "2024-05-19"
    assert published(page("By Jane Doe | Updated May 19, 2024"), url) == "2024-05-17"
    # a line with the URL's day: that candidate is picked (with its time)
    art = dehusk.extract(page("May 17, 2024 at 10:32 AM", tail=("Related", "May 19, 2024")), mode="text", url=url,
                         language="en", fetch_date="2026-01-01")
    assert art.published == "2024-05-17T10:32:00"


def test_a_year_glued_to_a_reading_time_or_an_age() -> None:
    assert unglue_year("Mar 27, 20255 mins") == "Mar 27, 2025 5 mins"
    assert unglue_year("April 2, 20241 yr in Questions") == "April 2, 2024 1 yr in Questions"
    assert unglue_year("6 Mar 20266 Mar 2026") == "6 Mar 2026 6 Mar 2026"
    # no month-name date before it: a number, left alone
    assert unglue_year("Order 202512 items") == "Order 202512 items"
    assert unglue_year("Call 0800 20255 now") == "Call 0800 20255 now"
    assert published(page("Jane Doe", "Mar 27, 20255 mins")) == "2025-03-27"


def test_a_date_without_its_year_takes_the_headline_year() -> None:
    headline = "Riverside park plan for 2025 approved by the council"
    texts = ["Home", headline, "Reviews", "Mar 6", "Written By Jane Doe", *BODY]
    line, d = yearless_date(texts, 1, 1, None, "en", None)
    assert (line, d.value) == (3, "2025-03-06")
    assert published(page("Reviews", "Mar 6", "Written By Jane Doe", headline=headline)) == "2025-03-06"
    assert published(page("Reviews", "• Jan 4", "Written By Jane Doe", headline=headline)) == "2025-01-04"
    # no year in the headline: no date; two years: which one is unknown
    assert yearless_date(["Home", HEADLINE, "Mar 6", *BODY], 1, 1, None, "en", None) is None
    assert yearless_date(["Home", "Best of 2024 and 2025", "Mar 6", *BODY], 1, 1, None, "en", None) is None
    # an update date is not the publication date; a month and day inside a sentence is not a date line
    assert yearless_date(["Home", headline, "Updated: Sep 19", *BODY], 1, 1, None, "en", None) is None
    assert yearless_date(["Home", headline, "We met on Mar 6", *BODY], 1, 1, None, "en", None) is None
    # the URL's year and month (the same month as the line's)
    url = "https://example.org/blog/2023/03/park-plan"
    assert yearless_date(["Home", HEADLINE, "Mar 6", *BODY], 1, 1, url, "en", None)[1].value == "2023-03-06"
    assert yearless_date(["Home", HEADLINE, "Apr 6", *BODY], 1, 1, url, "en", None) is None


def test_a_label_on_the_line_above_its_date() -> None:
    texts = ["Published", "March 3, 2024", "Last updated:", "Dec 12, 2025", "Home", "May 5, 2024", "Posted on May 6, 2024"]
    assert label_above(texts, 1, texts[1], DateMatch(0, 13, "2024-03-03", False), None) == 1.0
    assert label_above(texts, 3, texts[3], DateMatch(0, 12, "2025-12-12", False), None) == -1.0
    assert label_above(texts, 5, texts[5], DateMatch(0, 11, "2024-05-05", False), None) == 0.0
    # the keyword on its own line already: nothing to add
    assert label_above(texts, 6, texts[6], DateMatch(10, 21, "2024-05-06", False, "published"), None) == 0.0


def _features(texts: list[str], url: str | None = None) -> tuple[list, np.ndarray]:
    from dehusk.blocks import Segment
    from dehusk.features import text_features

    n = len(texts)
    _, f = text_features([Segment(t) for t in texts], frozenset({"the", "on", "to"}))
    f["_words"] = np.array([len(t.split()) for t in texts], dtype=np.float64)
    p = np.array([0.9 if len(t.split()) > 12 else 0.1 for t in texts])
    return date_candidates(texts, f, p, p >= 0.5, 1, 3, n - 1, 1, "en", None, url)


def test_candidate_features_url_and_order_on_a_line() -> None:
    texts = ["Home", HEADLINE, "May 21, 2025April 24, 2025 by Jane Doe", *BODY, "Related", "June 2, 2025"]
    cands, X = _features(texts, "https://example.org/2025/04/24/park")
    col = {name: X[:, j] for j, name in enumerate(DATE_FEATURES)}
    assert [d.value for _, d in cands] == ["2025-05-21", "2025-04-24", "2025-06-02"]
    assert col["line_order"].tolist() == [1.0, -1.0, 0.0]  # the newer and the older of its line; alone
    assert col["url_same"].tolist() == [-1.0, 1.0, -1.0]
    assert _features(texts)[1][:, DATE_FEATURES.index("url_same")].tolist() == [0.0, 0.0, 0.0]


def test_the_article_date_over_a_related_rail() -> None:
    """The shipped picker: the date under the headline, not the newer dates of the teasers below."""
    rail = ("Related stories", "Bridge repairs to close the main road", "December 12, 2025",
            "New bus lines for the northern districts", "December 14, 2025",
            "Library opens on Sundays from next month", "December 15, 2025")
    text = page("By Jane Doe", "November 3, 2025", tail=rail)
    assert published(text) == "2025-11-03"


def test_pick_date_without_candidates() -> None:
    texts = ["Home", HEADLINE, *BODY]
    assert pick_date([], np.zeros(0), texts, 1, 1, None, "en", None) is None
    line, d = pick_date([], np.zeros(0), texts, 1, 1, "https://example.org/2024/05/17/x", "en", None)
    assert (line, d.value) == (-1, "2024-05-17")
