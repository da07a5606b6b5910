"""A table or a code sample inside an article's text (`inner_blocks`): its lines are body."""

from __future__ import annotations

import dehusk
from conftest import labelled_lines
from dehusk.inner_blocks import keep_inner_lists, keep_inner_tables, row_cells

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


_SAMPLE = """function totalFare(trips) {
  let total = 0;
  for (const trip of trips) {
    total += trip.fare;
  }
  return total;
}"""

_MENU = "\n".join(("Skip to content", "Ferry Docs", "Home", "Guides", "Reference", "Examples", "Blog", "Community",
                   "Pricing", "Sign in", "Get started", "Search the docs"))
_FOOTER = "\n".join(("Was this page helpful?", "Yes", "No", "Previous: Reading a timetable", "Next: Printing receipts",
                     "Product", "Features", "Pricing", "Changelog", "Company", "About", "Careers", "Press", "Legal",
                     "Privacy", "Terms", "Cookie settings", "© 2025 Ferry Docs. All rights reserved."))
_TUTORIAL = (
    "window.siteStats = window.siteStats || { hits: [] };\n"
    "function countHit(kind) { siteStats.hits.push([kind, Date.now()]); }\n"
    "countHit('pageview');\n"
    f"{_MENU}\n"
    "Adding up a list of fares\n"
    "Each trip on the harbour ferry has a fare, and the monthly statement shows what all of them come to.\n"
    "This guide shows how to compute that sum yourself, so that you can check the statement against your\n"
    "own records before the money leaves your account at the end of the month.\n"
    "The function below walks the list of trips once and keeps a running total, which it returns when the\n"
    "list is done. It reads the fare of each trip and nothing else, so it works with any list you build.\n"
    f"{_SAMPLE}\n"
    "Here is the same function with a note on the step that matters, as you might write it while learning:\n"
    f"{_SAMPLE.replace('  return total;', '  // the sum of every fare in the list' + chr(10) + '  return total;')}\n"
    "Call it with the month's trips and print the result to check it against the statement. An empty list\n"
    "gives zero, which is what a month without a single trip should cost, and a refund is a negative fare.\n"
    "If the two sums differ, look first for a trip booked twice: the statement lists each booking once.\n"
    f"{_FOOTER}\n"
)


def test_a_code_sample_between_the_articles_lines_is_kept() -> None:
    """A sample printed twice (the second with comments) reads as a table of contents and its lines
    as headings without text: the rules for short lines dropped them. Scripts above the article stay out."""
    article = dehusk.extract(_TUTORIAL, mode="text")
    sample = "\n\n".join(line.strip() for line in _SAMPLE.split("\n"))
    assert sample in article.text  # the whole first sample, braces and all, in order
    assert "// the sum of every fare in the list" in article.text
    assert "siteStats" not in article.text and "countHit" not in article.text
    assert "Cookie settings" not in article.text and "Careers" not in article.text
    assert "look first for a trip booked twice" in article.text


_FACTS = ("opened in 1911 with two boats and a shed", "carried 1.2 million people last year",
          "runs every 20 minutes from six in the morning", "has been run by the county since 1974",
          "stops at the pier only in summer")
_LINKS = ("Guide to the Harbour Ferry Timetable", "Best Cafes Near the Old Pier", "How to Buy a Season Ticket Online")


def test_a_list_between_the_articles_lines_is_kept_but_not_a_rail_of_links() -> None:
    rows = [("The harbour ferry is the oldest public service in the county, and it is busier than ever.", "body"),
            *((f"• The ferry {fact}", "navigation") for fact in _FACTS),
            ("The council will decide next month whether to buy a third boat for the summer season.", "body"),
            *((f"• {link}", "related") for link in _LINKS),
            ("Tickets can be bought on board, at the pier's office, or online before the trip.", "body"),
            *((f"• {share}", "boilerplate") for share in ("Click to share on Mastodon (Opens in a new tab)",
                                                           "Click to email this story to someone (Opens in a new tab)",
                                                           "Click to print the story (Opens in a new tab)")),
            ("The ferry does not run on Christmas Day.", "body")]
    segs = labelled_lines(rows)
    for seg in segs:
        seg.bullet = seg.text.startswith("•")
    keep_inner_lists(segs, explain=True)
    labels = [s.label for s in segs]
    assert labels[1:6] == ["body"] * 5
    assert segs[1].reason.startswith("list item inside the text: one of 5 items")
    assert labels[7:10] == ["related"] * 3  # titles of other pages: a rail
    assert labels[11:14] == ["boilerplate"] * 3  # share buttons
    # numbered items are items too
    numbered = labelled_lines([rows[0], *((f"{k}. The ferry {fact}", "boilerplate") for k, fact in enumerate(_FACTS, 1)),
                               rows[6]])
    keep_inner_lists(numbered)
    assert [s.label for s in numbered][1:6] == ["body"] * 5


def test_lines_the_metadata_took_keep_their_labels() -> None:
    """A table row or a code line the headline, byline or date pickers took, a caption, a comment:
    the rules change only husk labels."""
    rows = [("A paragraph of the article that runs on for a while.", "body"), ("Published\t2024-03-01", "date"),
            ("Author\tJane Doe", "byline"), ("Desk\tCity news", "navigation"),
            ("Another paragraph of the article after its table.", "body")]
    segs = labelled_lines(rows)
    for seg in segs[1:4]:
        seg.extra["spaced"] = seg.text
    keep_inner_tables(segs)
    assert [s.label for s in segs] == ["body", "date", "byline", "body", "body"]


def test_the_articles_table_of_contents_is_not_rescued() -> None:
    """A list whose items come back further down (as the sections' headings) is the article's
    table of contents: navigation, even in sentence case."""
    sections = ("Where the ferry stops", "How to buy a ticket", "What a season ticket costs")
    rows = [("The harbour ferry is the oldest public service in the county, and it is busier than ever.", "body"),
            *((f"• {t}", "navigation") for t in sections),
            ("This guide answers the questions the ferry's office hears most often from visitors.", "body")]
    for t in sections:
        rows += [(t, "heading"), (f"A paragraph about {t.lower()} that runs on for a while, as sections do.", "body")]
    segs = labelled_lines(rows)
    for seg in segs:
        seg.bullet = seg.text.startswith("•")
        seg.text = seg.text.lstrip("• ")
    keep_inner_lists(segs)
    assert [s.label for s in segs][1:4] == ["navigation"] * 3
