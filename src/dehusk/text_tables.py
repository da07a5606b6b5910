"""Context revision (text mode): a table inside the article is the article's.

An article's data table (a ranking, a price list, a timetable) reaches the dump as a run of short
lines, one per row, whose cells a renderer sets apart with tabs, runs of spaces or pipes ("6
Maryland 71.3" printed as "6<tab><tab>Maryland<tab><tab>71.3", "| 6 | Maryland | 71.3 |"). Each row
alone reads like a menu item (few words, no stop words, no sentence punctuation), and the line
model drops them. A run of TABLE_MIN_ROWS or more such rows with the same number of cells (one more
or fewer: an empty cell), with kept text of the article no more than TABLE_NEAR lines above it and
below it, is a table inside the text: its rows are body. A table after the article (a footer's
link grid, a sidebar's standings) has no article text below it and stays as it was.
"""

from __future__ import annotations

import re

from .blocks import KEPT, Segment

TABLE_MIN_ROWS = 3
TABLE_NEAR = 3  # lines between the table and the kept text above and below it
_GAP = re.compile(r"\t+| {2,}")  # cells set apart by tabs or runs of spaces (`Segment.extra["spaced"]`)
_PIPES = re.compile(r"\s*\|\s*")
TABLE_REASON = "table row inside the text: one of {rows} rows of {cells} cells between the article's lines"


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
                if not kept[r]:
                    seg = segments[r]
                    seg.label = "body"
                    seg.reason = TABLE_REASON.format(rows=j - i, cells=k) + f" (score {seg.score:.2f})" if explain else ""
        i = j
