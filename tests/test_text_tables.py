"""A table inside an article's text (`text_tables.keep_inner_tables`): its rows are body."""

from __future__ import annotations

import dehusk
from conftest import labelled_lines
from dehusk.text_tables import keep_inner_tables, row_cells

_INTRO = (
    "The county's library survey asked every branch how many books it lent last winter, and the answers\n"
    "surprised the council: the small branches lent more per resident than the central library did.\n"
    "Loans per resident, by branch\n"
)
_BRANCHES = ("Harbour Street", "Mill Lane", "Station Road", "Old Town", "Riverside", "Castle Hill", "Northgate",
             "Central", "Westfield", "Abbey Green", "Market Square", "Pier Head")
_ROWS = [("Rank", "Branch", "Per resident"), *((str(k + 1), name, f"{6.4 - 0.3 * k:.1f}") for k, name in enumerate(_BRANCHES))]
_OUTRO = (
    "The council will keep the small branches open on Saturdays next year, and it plans to move two of\n"
    "the central library's reading groups to Harbour Street, where the rooms are fuller on weekdays.\n"
    "The survey will be repeated in the spring, when the new mobile library has run for six months.\n"
)
_FOOTER = "\n".join("\t\t".join(row) for row in (("Libraries", "Events", "Contact"), ("Opening hours", "Book a room", "Press"),
                                                  ("Mobile library", "Reading groups", "Jobs"), ("Accessibility", "Privacy", "Cookies")))


def _dump(sep: str) -> str:
    return _INTRO + "\n".join(sep.join(row) for row in _ROWS) + "\n" + _OUTRO + _FOOTER + "\n"


def test_a_table_between_the_articles_lines_is_kept() -> None:
    for sep in ("\t\t", "   ", " | "):  # tabs (Resiliparse), spaces (inscriptis, lynx), pipes (html2text)
        article = dehusk.extract(_dump(sep), mode="text")
        for row in _ROWS[1:]:
            assert row[1] in article.text, (sep, row)
        assert "Opening hours" not in article.text and "Book a room" not in article.text
        assert "the new mobile library has run for six months" in article.text


def test_rows_are_kept_only_between_kept_lines() -> None:
    rows = [("A paragraph of the article that runs on for a while.", "body"), ("Year Visitors", "navigation"),
            ("2022 1,200", "navigation"), ("2023 1,450", "navigation"), ("2024 1,610", "navigation"),
            ("Another paragraph of the article after its table.", "body")]
    segs = labelled_lines(rows)
    for seg in segs[1:5]:
        seg.extra["spaced"] = seg.text.replace(" ", "\t")
    assert [row_cells(seg) for seg in segs] == [0, 2, 2, 2, 2, 0]
    keep_inner_tables(segs, explain=True)
    assert [s.label for s in segs] == ["body"] * 6
    assert segs[2].reason.startswith("table row inside the text: one of 4 rows of 2 cells")
    # the same rows after the article's last line: a footer's grid, left as it was
    tail = labelled_lines(rows[:5] + [("Privacy", "navigation")])
    for seg in tail[1:5]:
        seg.extra["spaced"] = seg.text.replace(" ", "\t")
    keep_inner_tables(tail)
    assert [s.label for s in tail][1:] == ["navigation"] * 5
