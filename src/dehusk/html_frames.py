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


def _merge_rows(segments: list[Segment], frames: list[list[Any]], markdown: bool) -> None:
    """Rows of a data table (cells with inline content only) -> one 'table' segment per row."""
    if not any(s.kind == "cell" for s in segments):
        return
    # rows whose every segment sits directly in one of their cells
    simple: dict[int, bool] = {}
    for s in segments:
        row = frames[s.dom["frame"]][F_ROW]
        if row < 0:
            continue
        ok = s.kind == "cell" and frames[s.dom["frame"]][F_PARENT] == row
        simple[row] = simple.get(row, True) and ok
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
