"""Context revisions (text mode): a table or a code sample inside the article is the article's.

An article's data table (a ranking, a price list, a timetable) reaches the dump as a run of short
lines, one per row, whose cells a renderer sets apart with tabs, runs of spaces or pipes ("6
Maryland 71.3" printed as "6<tab><tab>Maryland<tab><tab>71.3", "| 6 | Maryland | 71.3 |"). Each row
alone reads like a menu item (few words, no stop words, no sentence punctuation), and the line
model drops them. A run of TABLE_MIN_ROWS or more such rows with the same number of cells (one more
or fewer: an empty cell), with kept text of the article no more than TABLE_NEAR lines above it and
below it, is a table inside the text: its rows are body. A table after the article (a footer's
link grid, a sidebar's standings) has no article text below it and stays as it was.

A code sample (a tutorial's function, a shell session, a configuration file) reaches the dump as
lines that look like no prose: few stop words, braces and semicolons, a line holding "}" alone.
The line model scores them low, and where it keeps them the rules for short lines undo it: a
sample printed twice (the code, then the code with comments) reads as a table of contents, its
lines as headings without text. A run of CODE_MIN_LINES or more lines, most of them code by their
form (`code_line`: a statement's end, a block's brace, a keyword that opens a declaration, an
arrow or a comparison, a shell or interpreter prompt, a comment), opening and closing on one,
with kept article text no more than CODE_NEAR lines above and below it, is a code sample inside
the text: its lines are body. Scripts and style sheets that leak into a dump sit above or below
the article, not inside it.
"""

from __future__ import annotations

import re

from .blocks import KEPT, Segment
from .features_words import share_tools
from .notices import notice_reason
from .related_rail import read_also

# the labels these rules change to body: a line the metadata took (headline, byline, date, credit,
# tags), a caption, a comment or a repeat keeps its own
_HUSK = frozenset(("boilerplate", "navigation", "related"))
TABLE_MIN_ROWS = 3
TABLE_NEAR = 3  # lines between the table and the kept text above and below it
_GAP = re.compile(r"\t+| {2,}")  # cells set apart by tabs or runs of spaces (`Segment.extra["spaced"]`)
_PIPES = re.compile(r"\s*\|\s*")
TABLE_REASON = "table row inside the text: one of {rows} rows of {cells} cells between the article's lines"
CODE_MIN_LINES = 3
CODE_NEAR = 3  # lines between the sample and the kept text above and below it
CODE_SHARE = 0.6  # of a sample's lines, at least this share code by their form
CODE_MAX_WORDS = 30  # a longer line is prose, whatever it holds
_CODE = re.compile(
    r"(?:[{;]|\*/)\s*$"  # a statement's end, a block's start, a comment's end
    r"|^\s*[}\])]+[;,)]*\s*$|^\s*}"  # a block's end
    r"|\w\([^()]*\)[;,]?\s*$"  # a call ending the line ("print(total)"; not "New York (2025)")
    r"|^\s*(?:function|const|let|var|def|class|return|import|package|public|private|protected|static|async|await|"
    r"elif|except|lambda|fn|func|struct|enum|impl|namespace|using|typedef|#include|#define|@\w+)\b"
    r"|^\s*(?:if|for|while|switch|catch)\s*\("  # a C-like statement
    r"|^\s*(?://|/\*|#!|--\s|<!--)"  # a comment
    r"|^\s*(?:\$|>>>|\.\.\.|PS>|C:\\>)\s"  # a shell's or an interpreter's prompt
    r"|=>|[!=]==|\s(?:\+=|-=|:=|&&|\|\|)\s|\w\.\w+\(|\w\(\)"  # an arrow, a comparison, a call
)
CODE_REASON = "code sample inside the text: one of {lines} lines between the article's lines"


def row_cells(seg: Segment) -> int:
    """Cells of the table row `seg` is, or 0: set apart by tabs or wide spaces (the line as printed,
    kept by `segment_text` for short lines), or by pipes ("a | b | c", "| a | b |")."""
    spaced = seg.extra.get("spaced") if seg.extra else None
    if spaced is not None:
        return len(_GAP.split(spaced.strip()))
    text = seg.text
    if text.count("|") >= 2 or text.count(" | ") == 1:
        return len(_PIPES.split(text.strip().strip("|")))
    return 0


def keep_inner_tables(segments: list[Segment], explain: bool = False) -> None:
    """Label the rows of a table inside the article's text as body (see the module's doc)."""
    n = len(segments)
    cells = [row_cells(seg) for seg in segments]
    kept = [seg.label in KEPT for seg in segments]
    i = 0
    while i < n:
        k = cells[i]
        if k < 2:
            i += 1
            continue
        j = i + 1
        while j < n and cells[j] >= 2 and abs(cells[j] - k) <= 1:
            j += 1
        if j - i >= TABLE_MIN_ROWS and any(kept[max(0, i - TABLE_NEAR) : i]) and any(kept[j : j + TABLE_NEAR]):
            for r in range(i, j):
                if segments[r].label in _HUSK:
                    seg = segments[r]
                    seg.label = "body"
                    seg.reason = TABLE_REASON.format(rows=j - i, cells=k) + f" (score {seg.score:.2f})" if explain else ""
        i = j


def code_line(text: str) -> bool:
    """Is the line code by its form (see `_CODE`), and no longer than a line of code is?"""
    return len(text.split()) <= CODE_MAX_WORDS and _CODE.search(text) is not None


def keep_inner_code(segments: list[Segment], explain: bool = False) -> None:
    """Label the lines of a code sample inside the article's text as body (see the module's doc)."""
    n = len(segments)
    code = [code_line(seg.text) for seg in segments]
    kept = [seg.label in KEPT for seg in segments]
    i = 0
    while i < n:
        if not code[i]:
            i += 1
            continue
        # the run: code lines, and the other lines between them while code stays the larger share
        j, last, count = i + 1, i, 1
        while j < n and j - last <= 2:
            if code[j]:
                count += 1
                last = j
            j += 1
        lines = last + 1 - i
        if (count >= CODE_MIN_LINES and count >= CODE_SHARE * lines and any(kept[max(0, i - CODE_NEAR) : i])
                and any(kept[last + 1 : last + 1 + CODE_NEAR])):
            for r in range(i, last + 1):
                if segments[r].label in _HUSK or segments[r].label == "heading":
                    seg = segments[r]
                    seg.label = "body"
                    seg.reason = CODE_REASON.format(lines=lines) + f" (score {seg.score:.2f})" if explain else ""
        i = last + 1


LIST_MIN_ITEMS = 3
LIST_NEAR = 2  # lines between the list and the kept text above and below it
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+\S")
# a share button's label for screen readers ("Click to share on Facebook (Opens in new window)")
_SHARE_BUTTON = re.compile(r"(?i)\b(?:click to (?:share|email|print)|share (?:on|via)|opens in (?:a )?new (?:window|tab))\b")
LIST_REASON = "list item inside the text: one of {items} items between the article's lines"


def _widget(text: str) -> bool:
    """A page widget's line set as a list item: a share button, a notice, a "read also" link."""
    return (share_tools(text) or _SHARE_BUTTON.search(text) is not None or notice_reason(text) is not None
            or read_also(text))


def _title_like(text: str) -> bool:
    """Are most of the line's longer words capitalised, as in the titles of a list of links to other
    pages ("Guide to the Stanford MBA Interview")? A list of such items is a rail, not content."""
    words = [w for w in text.split() if len(w) >= 4 and w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def keep_inner_lists(segments: list[Segment], explain: bool = False) -> None:
    """Label the items of a list inside the article's text (bulleted or numbered lines, LIST_MIN_ITEMS
    or more in a row, kept article text at most LIST_NEAR lines above and below) as body."""
    n = len(segments)
    item = [seg.bullet or _NUMBERED.match(seg.text) is not None for seg in segments]
    kept = [seg.label in KEPT for seg in segments]
    i = 0
    while i < n:
        if not item[i]:
            i += 1
            continue
        j = i + 1
        while j < n and item[j]:
            j += 1
        if (j - i >= LIST_MIN_ITEMS and any(kept[max(0, i - LIST_NEAR) : i]) and any(kept[j : j + LIST_NEAR])
                and sum(map(_title_like, (seg.text for seg in segments[i:j]))) * 2 <= j - i):
            for r in range(i, j):
                if segments[r].label in _HUSK \
                        and not _widget(segments[r].text):
                    seg = segments[r]
                    seg.label = "body"
                    seg.reason = LIST_REASON.format(items=j - i) + f" (score {seg.score:.2f})" if explain else ""
        i = j
