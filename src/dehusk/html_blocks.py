"""HTML mode: the segmenter's records (tag bits, frame fields, `Page`) and its finishing pass over
the segments (kind, level and path of each; the rows of data tables merged), read by the
features and the labels without touching the DOM again."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .blocks import Segment

#: structural tags remembered on every descendant (bit masks, inherited)
TAG_BITS: tuple[str, ...] = (
    "article", "main", "nav", "aside", "footer", "header", "form", "figure", "section",
    "blockquote", "li", "table", "a", "noscript", "hidden", "dialog", "details", "address",
    "button", "label", "h", "dl", "menu", "strong", "em", "time",
)
TB = {name: 1 << i for i, name in enumerate(TAG_BITS)}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

MAX_SEGMENT_CHARS = 100_000  # a run longer than this is cut (a 10 MB text node is not a paragraph)
MAX_SEGMENTS = 20_000  # a page with more blocks is cut (the rest is not read)

# frame record fields (frames are plain lists: cheap to make)
F_TAG, F_PARENT, F_MASK, F_IMASK, F_TMASK, F_CHARS, F_LINK, F_NSEG, F_DEPTH = range(9)
F_ROW, F_TABLE, F_LDEPTH, F_COUNT, F_INFO, F_NIMG, F_NBLOCK, F_LABEL, F_FIRSTSEG, F_NA = range(9, 19)


@dataclass(slots=True)
class Page:
    """What the segmenter learnt about the page besides its segments."""

    frames: list[list[Any]] = field(default_factory=list)
    title: str = ""  # <title>
    ld_types: list[str] = field(default_factory=list)  # schema.org @type values in JSON-LD
    og_type: str = ""
    n_nodes: int = 0
    n_scripts: int = 0
    script_chars: int = 0
    n_forms: int = 0
    n_img: int = 0
    n_pre: int = 0
    n_h1: int = 0
    html_chars: int = 0
    noscript_chars: int = 0
    truncated: bool = False
    frameset: bool = False
    chains: list[int] | None = None  # html_mode.chain_masks(frames), kept once computed


def _pre_segment(node: Any, idx: int, frames: list[list[Any]], segments: list[Segment], markdown: bool) -> None:
    raw = node.text(deep=True, separator="", strip=False) or ""
    lines = [line.rstrip() for line in raw.replace("\r\n", "\n").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    text = "\n".join(lines)[:MAX_SEGMENT_CHARS]
    if not text or len(segments) >= MAX_SEGMENTS:
        return
    fr = frames[idx]
    fr[F_CHARS] += len(text)
    fr[F_NSEG] += 1
    seg = Segment(text=text, kind="pre", dom={"frame": idx, "link": 0, "links": 0, "imask": 0, "itags": 0})
    if markdown:
        fence = "~~~~" if "```" in text else "```"
        seg.extra["markdown"] = f"{fence}\n{text}\n{fence}"
    segments.append(seg)


def _finish(segments: list[Segment], frames: list[list[Any]], markdown: bool, paths: bool) -> None:
    """Set kind/level/path of every segment; merge simple table rows."""
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
        elif fr[F_TMASK] & TB["blockquote"]:
            seg.kind = "quote"
        elif (parent := fr[F_PARENT]) >= 0 and frames[parent][F_TAG] == "li" and tag in ("p", "div", "span"):
            seg.kind, seg.level = "li", max(frames[parent][F_LDEPTH], 1)
            seg.dom["ol"] = frames[parent][F_INFO] or 0
            seg.dom["li_frame"] = parent
        else:
            seg.kind = "p"
        if paths:
            seg.path = _path(frames, fi)
    _merge_rows(segments, frames, markdown)


def _path(frames: list[list[Any]], fi: int, depth: int = 5) -> str:
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
                path=_path(frames, row) if segments[i].path is not None else None,
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
