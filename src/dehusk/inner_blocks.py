"""Context revisions (text mode): a table, a code sample or a list inside the article is the article's.

An article's data table (a ranking, a price list, a timetable) reaches the dump as a run of short
lines, one per row, whose cells a renderer sets apart with tabs, runs of spaces or pipes ("4
Harbour Street 5.5" printed as "4<tab>Harbour Street<tab>5.5", "| 4 | Harbour Street | 5.5 |"). Each row
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

A list (bulleted or numbered lines) between the article's lines is body too, unless most of its
items are title-cased (the titles of other pages: a rail of links inside the article) or come
back further down (the article's table of contents), or the item is a widget's (a share button,
a notice, a "read also" link).

Each rule changes husk labels only: a line the metadata took (headline, byline, date), a caption,
a comment or a repeat keeps its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .blocks import KEPT, Segment
from .features import norm_line
from .features_words import share_tools
from .notices import notice_reason
from .related_rail import read_also
from .text_context import last_lines

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
# the forms of a line of code (`code_line`), looked for in this order: the cheap tests first
_CODE_START = re.compile(  # (anchored: a failed match costs little)
    r"\s*(?:[}\])]+[;,)]*\s*$|}"  # a block's end
    r"|(?:function|const|let|var|def|class|return|import|package|public|private|protected|static|async|await|"
    r"elif|except|lambda|fn|func|struct|enum|impl|namespace|using|typedef|#include|#define|@\w+)\b"
    r"|(?:if|for|while|switch|catch)\s*\("  # a C-like statement
    r"|(?://|/\*|#!|--\s|<!--)"  # a comment
    r"|(?:\$|>>>|\.\.\.|PS>|C:\\>)\s)"  # a shell's or an interpreter's prompt
)
# the characters `_CODE_START` can match first (a line of prose opens with none but "P" and "C")
_START_CHARS = frozenset("}])fclvdrimpsaeuntw#@/-<$>.PC")
_CODE_ENDS = ("{", ";", "*/")  # a block's start, a statement's end, a comment's end
_CALL_END = re.compile(r"\w\([^()]*\)[;,]?$")  # a call ending the line ("print(total)"; not "Ferry Routes (2025)")
_CODE_INSIDE = re.compile(r"=>|[!=]==|\s(?:\+=|-=|:=|&&|\|\|)\s|\w\.\w+\(|\w\(\)")  # an arrow, a comparison, a call
CODE_REASON = "code sample inside the text: one of {lines} lines between the article's lines"


def _runs(flags: list[bool], gap: int = 0, joins: Callable[[int, int], bool] | None = None
          ) -> Iterator[tuple[int, int, int]]:
    """(first, last, count) of each run of flagged lines: flagged lines with at most `gap` others
    between them, each one that `joins(first, j)` lets in (all, without it); `count` flagged."""
    n = len(flags)
    i = 0
    while i < n:
        if not flags[i]:
            i += 1
            continue
        last, count, j = i, 1, i + 1
        while j < n and j - last <= gap + 1:
            if flags[j]:
                if joins is not None and not joins(i, j):
                    break
                last, count = j, count + 1
            j += 1
        yield i, last, count
        i = last + 1


def _inside(kept: list[bool], first: int, end: int, near: int) -> bool:
    """Is there kept text at most `near` lines above line `first` and below line `end - 1`?"""
    return any(kept[max(0, first - near) : first]) and any(kept[end : end + near])


def _to_body(seg: Segment, reason: str, explain: bool) -> None:
    seg.label = "body"
    seg.reason = f"{reason} (score {seg.score:.2f})" if explain else ""


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
    cells = [row_cells(seg) for seg in segments]
    kept = [seg.label in KEPT for seg in segments]
    for i, last, rows in _runs([k >= 2 for k in cells], joins=lambda i, j: abs(cells[j] - cells[i]) <= 1):
        if rows >= TABLE_MIN_ROWS and _inside(kept, i, last + 1, TABLE_NEAR):
            for seg in segments[i : last + 1]:
                if seg.label in _HUSK:
                    _to_body(seg, TABLE_REASON.format(rows=rows, cells=cells[i]), explain)


def code_line(text: str) -> bool:
    """Is the line code by its form (a block's brace, a statement's end, a declaration's keyword, a
    call, an arrow or a comparison, a comment, a prompt), and no longer than a line of code is?"""
    end = text.rstrip()
    if not (end.endswith(_CODE_ENDS) or text.lstrip()[:1] in _START_CHARS and _CODE_START.match(text)
            or end.endswith((")", ");", "),")) and _CALL_END.search(end) is not None
            or ("=" in end or "(" in end or "&&" in end or "||" in end) and _CODE_INSIDE.search(end) is not None):
        return False
    return len(text.split()) <= CODE_MAX_WORDS


def keep_inner_code(segments: list[Segment], explain: bool = False) -> None:
    """Label the lines of a code sample inside the article's text as body (see the module's doc):
    a run of code lines with at most one other line between two of them."""
    kept = [seg.label in KEPT for seg in segments]
    for i, last, count in _runs([code_line(seg.text) for seg in segments], gap=1):
        lines = last + 1 - i
        if count >= CODE_MIN_LINES and count >= CODE_SHARE * lines and _inside(kept, i, last + 1, CODE_NEAR):
            for seg in segments[i : last + 1]:
                if seg.label in _HUSK or seg.label == "heading":
                    _to_body(seg, CODE_REASON.format(lines=lines), explain)


LIST_MIN_ITEMS = 3
LIST_NEAR = 2  # lines between the list and the kept text above and below it
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+\S")
# a share button's label for screen readers ("Click to share on Mastodon (Opens in a new tab)")
_SHARE_BUTTON = re.compile(r"(?i)\b(?:click to (?:share|email|print)|share (?:on|via)|opens in (?:a )?new (?:window|tab))\b")
LIST_REASON = "list item inside the text: one of {items} items between the article's lines"


def _widget(text: str) -> bool:
    """A page widget's line set as a list item: a share button, a notice, a "read also" link."""
    return (share_tools(text) or _SHARE_BUTTON.search(text) is not None or notice_reason(text) is not None
            or read_also(text))


def _title_like(text: str) -> bool:
    """Are most of the line's longer words capitalised, as in the titles of a list of links to other
    pages ("Guide to the Harbour Ferry Timetable")? A list of such items is a rail, not content."""
    words = [w for w in text.split() if len(w) >= 4 and w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def keep_inner_lists(segments: list[Segment], explain: bool = False) -> None:
    """Label the items of a list inside the article's text (bulleted or numbered lines, LIST_MIN_ITEMS
    or more in a row, kept article text at most LIST_NEAR lines above and below) as body; not a rail
    of title-cased links, nor the article's table of contents (most items come back further down)."""
    kept = [seg.label in KEPT for seg in segments]
    later: dict[str, int] | None = None  # each line's last index (built at the first list that needs it)
    for i, last, items in _runs([seg.bullet or _NUMBERED.match(seg.text) is not None for seg in segments]):
        texts = [seg.text for seg in segments[i : last + 1]]
        if items < LIST_MIN_ITEMS or not _inside(kept, i, last + 1, LIST_NEAR) or sum(map(_title_like, texts)) * 2 > items:
            continue
        if later is None:
            later = last_lines(segments)
        if sum(later[norm_line(text)] > k for k, text in enumerate(texts, i)) * 2 > items:
            continue
        for seg in segments[i : last + 1]:
            if seg.label in _HUSK and not _widget(seg.text):
                _to_body(seg, LIST_REASON.format(items=items), explain)
