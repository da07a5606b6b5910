"""The frame records `segment_html` keeps for each block element (plain lists: cheap to make),
their fields, the structural tag bits they inherit, and what they tell about the segments once
the walk is over (`finish`: each segment's kind, level and DOM path; a data table's rows merged)."""

from __future__ import annotations

from typing import Any

from .blocks import Segment

#: structural tags remembered on every descendant (bit masks, inherited)
TAG_BITS: tuple[str, ...] = (
    "article", "main", "nav", "aside", "footer", "header", "form", "figure", "section",
    "blockquote", "li", "table", "a", "noscript", "hidden", "dialog", "details", "address",
    "button", "label", "h", "dl", "menu", "strong", "em", "time",
)
TB = {name: 1 << i for i, name in enumerate(TAG_BITS)}

# frame record fields (frames are plain lists: cheap to make)
F_TAG, F_PARENT, F_MASK, F_IMASK, F_TMASK, F_CHARS, F_LINK, F_NSEG, F_DEPTH = range(9)
F_ROW, F_TABLE, F_LDEPTH, F_COUNT, F_INFO, F_NIMG, F_NBLOCK, F_LABEL, F_FIRSTSEG, F_NA = range(9, 19)

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
def finish(segments: list[Segment], frames: list[list[Any]], markdown: bool, paths: bool) -> None:
    """Set kind/level/path of every segment; merge simple table rows."""
    quote_bit = TB["blockquote"]
    for seg in segments:
        fi = seg.dom["frame"]
        fr = frames[fi]
        tag = fr[F_TAG]
        if seg.kind == "pre":
            pass
        elif tag in HEADINGS:
            seg.kind, seg.level = "h", HEADINGS[tag]
        elif tag == "li":
            seg.kind, seg.level = "li", max(fr[F_LDEPTH], 1)
            seg.dom["ol"] = fr[F_INFO] or 0
        elif tag in ("td", "th"):
            seg.kind = "cell"
        elif tag in ("figcaption", "caption"):
            seg.kind = "caption"
        elif fr[F_TMASK] & quote_bit:
            seg.kind = "quote"
        elif (parent := fr[F_PARENT]) >= 0 and frames[parent][F_TAG] == "li" and tag in ("p", "div", "span"):
            seg.kind, seg.level = "li", max(frames[parent][F_LDEPTH], 1)
            seg.dom["ol"] = frames[parent][F_INFO] or 0
            seg.dom["li_frame"] = parent
        else:
            seg.kind = "p"
        if paths:
            seg.path = path(frames, fi)
    _merge_rows(segments, frames, markdown)


def path(frames: list[list[Any]], fi: int, depth: int = 5) -> str:
    parts = []
    while fi >= 0 and len(parts) < depth:
        fr = frames[fi]
        parts.append(fr[F_LABEL] or fr[F_TAG])
        fi = fr[F_PARENT]
    if fi >= 0:
        parts.append("…")
    return " > ".join(reversed(parts))


# a layout table: at most LAYOUT_MAX_ROWS rows, a cell of LAYOUT_CELL_BLOCKS+ blocks, one of them prose
# (LAYOUT_PROSE_CHARS+ characters ending a sentence)
LAYOUT_MAX_ROWS, LAYOUT_CELL_BLOCKS, LAYOUT_PROSE_CHARS = 3, 3, 100
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "»", "。")


def _merge_rows(segments: list[Segment], frames: list[list[Any]], markdown: bool) -> None:
    """Rows of a data table (cells with inline content only) -> one 'table' segment per row."""
    if not any(s.kind == "cell" for s in segments):
        return
    # rows whose every segment sits directly in one of their cells; not the rows of a layout table
    # (a 2000s page's menu, article and sidebar, each a <td> of <font> and <br>: a few rows, a cell
    # of LAYOUT_CELL_BLOCKS+ blocks set apart by <br><br>, one of them a paragraph of prose)
    simple: dict[int, bool] = {}
    per_cell: dict[int, int] = {}
    prose_cells: set[int] = set()
    table_rows: dict[int, set[int]] = {}
    for s in segments:
        fi = s.dom["frame"]
        fr = frames[fi]
        row = fr[F_ROW]
        if row < 0:
            continue
        table_rows.setdefault(fr[F_TABLE], set()).add(row)
        per_cell[fi] = per_cell.get(fi, 0) + 1
        if len(s.text) >= LAYOUT_PROSE_CHARS and s.text.rstrip().endswith(_SENTENCE_ENDS):
            prose_cells.add(fi)
        simple[row] = simple.get(row, True) and s.kind == "cell" and fr[F_PARENT] == row
    for fi in prose_cells:
        fr = frames[fi]
        if per_cell[fi] >= LAYOUT_CELL_BLOCKS and len(table_rows[fr[F_TABLE]]) <= LAYOUT_MAX_ROWS:
            simple[fr[F_ROW]] = False
    out: list[Segment] = []
    i = 0
    n = len(segments)
    while i < n:
        s = segments[i]
        fr = frames[s.dom["frame"]]
        row = fr[F_ROW]
        if s.kind == "cell" and simple.get(row):
            j = i
            cells: list[tuple[str, int, bool, str | None]] = []
            while j < n and segments[j].kind == "cell" and frames[segments[j].dom["frame"]][F_ROW] == row:
                c = segments[j]
                cf = frames[c.dom["frame"]]
                cells.append((c.text, cf[F_INFO] or 1, cf[F_TAG] == "th", c.extra.get("md_inline")))
                j += 1
            merged = Segment(
                text=" | ".join(c[0].replace("\n", " ") for c in cells),
                kind="table",
                path=path(frames, row) if segments[i].path is not None else None,
                dom={
                    "frame": row,
                    "link": sum(segments[k].dom["link"] for k in range(i, j)),
                    "links": sum(segments[k].dom["links"] for k in range(i, j)),
                    "imask": 0,
                    "itags": 0,
                    "table": fr[F_TABLE],
                    "cells": [(c[1], c[2]) for c in cells],
                },
            )
            merged.extra["cells"] = [
                (c[3] if c[3] is not None else c[0]).replace("\n", " ") for c in cells
            ] if markdown else None
            out.append(merged)
            i = j
        else:
            if s.kind == "cell":
                s.kind = "p"
            out.append(s)
            i += 1
    segments[:] = out
