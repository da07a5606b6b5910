"""The metadata helpers remember their results (functools caches): a cached answer must be the
answer the function gives afresh, under another fetch date too, and callers get their own lists."""

from __future__ import annotations

from dehusk.authors import split_credit
from dehusk.dates import CACHED_CHARS, find_dates, parse_date
from dehusk.metadata_title import site_keys

LINE = "Published on March 3, 2024 by Jane Doe"


def test_a_remembered_date_scan_still_follows_the_fetch_date() -> None:
    assert [d.value for d in find_dates(LINE)] == ["2024-03-03"]
    assert find_dates(LINE, fetch_date="2020-01-01") == []  # after the fetch: rejected, not the cached match
    assert [d.value for d in find_dates(LINE)] == ["2024-03-03"]
    assert parse_date("March 3, 2024") == "2024-03-03"
    assert parse_date("March 3, 2024", fetch_date="2020-01-01") is None


def test_callers_get_their_own_lists() -> None:
    found = find_dates(LINE)
    found.clear()
    assert len(find_dates(LINE)) == 1
    persons, orgs = split_credit("By Jane Doe and John Smith, Reuters")
    persons.append("Someone Else")
    orgs.clear()
    assert split_credit("By Jane Doe and John Smith, Reuters") == (["Jane Doe", "John Smith"], ["Reuters"])
    keys = site_keys(["The Daily Planet"], "https://www.dailyplanet.example/news/1")
    keys.clear()
    assert site_keys(["The Daily Planet"], "https://www.dailyplanet.example/news/1")


def test_long_texts_give_the_same_answer_as_short_ones() -> None:
    padding = "word " * (CACHED_CHARS // 5 + 10)  # past the cached length: computed afresh each time
    assert [d.value for d in find_dates(padding + LINE)] == ["2024-03-03"]
    assert parse_date(LINE + " " + padding) == "2024-03-03"


def test_a_remembered_notice_is_the_notice_read_afresh() -> None:
    from dehusk.notices import _notice_reason, notice_reason

    lines = ["Advertisement", "Story continues below advertisement", "Accept all   Reject all",
             "Ferry timetable changes for the winter", "We use cookies to improve your experience. Accept cookies or"
             " manage your preferences.", "Skip to content", "x" * (CACHED_CHARS + 5)]
    for _ in range(2):  # (the second time from the cache)
        assert [notice_reason(t) for t in lines] == [_notice_reason.__wrapped__(t) for t in lines]
    assert notice_reason("Advertisement") is not None and notice_reason("Ferry timetable changes") is None
