"""Text mode: an ambiguous numeric date (both parts <= 12) is read the way the page itself
confirms: the swapped day written with a month name elsewhere on the page, or in the URL."""

from __future__ import annotations

import dehusk
from dehusk.dates import DateMatch, url_day
from dehusk.metadata_text_date import _settle_day_month

BODY = [
    "The city council approved a new plan for the riverside park on Tuesday evening after a long debate.",
    "Residents had asked for more trees, a playground and better lighting along the walking paths for years.",
    "Work is expected to start in the spring and should be finished before the end of the following year.",
    "The mayor said the park would become a place where families can spend their weekends close to home.",
]


def page(date_line: str, extra: str = "") -> str:
    return "\n\n".join(
        ["Home", "News", "Sport", "Riverside park plan approved by the council", date_line, *BODY, extra, "Contact us"]
    )


def test_page_evidence_settles_day_and_month() -> None:
    texts = ["• 02-12-2025", "Other posts", "December 02, 2025"]
    cands = [(0, DateMatch(2, 12, "2025-02-12", False)), (2, DateMatch(0, 17, "2025-12-02", False))]
    settled = _settle_day_month(cands, texts, None)
    assert settled[0][1].value == "2025-12-02"
    assert settled[1][1].value == "2025-12-02"
    # no evidence for the other reading: the parser's reading stands
    alone = [(0, DateMatch(2, 12, "2025-02-12", False))]
    assert _settle_day_month(alone, texts[:1], None)[0][1].value == "2025-02-12"
    # both readings confirmed elsewhere: ambiguous, left alone
    both = [*cands, (1, DateMatch(0, 10, "2025-02-12", False))]
    assert _settle_day_month(both, ["• 02-12-2025", "2025-02-12", "December 02, 2025"], None)[0][1].value == "2025-02-12"


def test_url_day_settles_an_ambiguous_byline_date() -> None:
    assert url_day("https://example.org/blog/2023/october/03/park-plan/") == "2023-10-03"
    assert url_day("https://example.org/2024/05/17/story") == "2024-05-17"
    assert url_day("https://example.org/story-12345") is None
    text = page("03/10/2023")
    assert dehusk.extract(text, mode="text", language="en").published == "2023-03-10"  # US reading for "en"
    art = dehusk.extract(text, mode="text", language="en", url="https://example.org/blog/2023/october/03/park-plan/")
    assert art.published == "2023-10-03"


def test_a_year_glued_to_the_time_after_it_is_still_a_date_line() -> None:
    """"October 17, 20236:01 PM ET": the date and the time were inline elements side by side. The
    year feature (four digits alone) misses the line; the date candidates still read it."""
    from dehusk.metadata_text_date import _glued_year_lines

    texts = ["Home", "October 17, 20236:01 PM ET", "In 2023 at 10:00", "Code 20231", "x 202312:30"]
    assert _glued_year_lines(texts, [1, 2, 4]) == [1, 4]
    art = dehusk.extract(page("October 17, 20236:01 PM ET"), mode="text")
    assert art.published is not None and art.published.startswith("2023-10-17")


def test_a_dated_meta_line_is_one_whatever_its_word_count() -> None:
    """A line that is only a publication or update keyword, a weekday, the date and its time is a
    date line however many words those take; a sentence that names a date is not one."""
    from dehusk.metadata_text_date import dated_meta_line

    fetch = "2026-01-01"
    for line in (
        "نشر في: الأربعاء، 6 نوفمبر 2024 - 09:40",
        "Δημοσιεύθηκε: Τετάρτη 6 Νοεμβρίου 2024, 09:40",
        "Published on Wednesday, November 6, 2024 at 9:40 a.m. EST",
        "• Közzétéve: 2024. november 6., szerda 09:40",
        "입력 2024. 11. 6. 09:40 수정 2024. 11. 6. 10:15",
    ):
        assert dated_meta_line(line, fetch_date=fetch), line
    for line in (
        "Updated November 6, 2024 to correct the figures in the second table",  # a sentence after the date
        "The report was published on Wednesday, November 6, 2024",  # no keyword first
        "Published",  # no date
        "Diterbitkan oleh tim redaksi kami setiap hari kerja",  # no date
    ):
        assert not dated_meta_line(line, fetch_date=fetch), line
