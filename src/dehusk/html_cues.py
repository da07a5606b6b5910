"""HTML mode's DOM cues: the husk label a removed block gets from the class/id tokens and the
structural tags of its element and ancestors ("comment", "navigation", "related", ...), and the
blocks inside comment elements (`comment_blocks`, for the comment rule)."""

from __future__ import annotations

from operator import itemgetter
from typing import Any

import numpy as np

from .blocks import Segment
from .html_frames import F_LABEL, F_MASK, F_PARENT, F_TMASK, TAG_BITS, TB
from .html_tokens import TOKEN_NAMES
from .segment_html import Page

TOKEN_BIT = {name: 1 << i for i, name in enumerate(TOKEN_NAMES)}
# husk labels by DOM cue, most specific first: (label, token groups, structural tags)
_HUSK_CUES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("comment", ("comment",), ()),
    ("navigation", ("nav", "breadcrumb", "pagination", "skip", "toc"), ("nav", "menu")),
    ("related", ("related",), ()),
    ("teaser", ("card",), ()),
    ("caption", ("caption",), ("figure",)),
    ("boilerplate", ("cookie", "newsletter", "share", "ad", "promo", "modal", "footer", "header", "sidebar",
                     "widget", "form", "legal", "alert", "paywall", "author", "date", "meta", "tag", "bio",
                     "tools", "brand", "hidden"), ("footer", "header", "aside", "form", "dialog", "hidden")),
)


_CUE_BITS = tuple((label, sum(TOKEN_BIT[g] for g in groups), sum(TB[t] for t in tags)) for label, groups, tags in _HUSK_CUES)
CHROME_BITS = TB["header"] | TB["footer"] | TB["nav"] | TB["aside"] | TB["dialog"]  # (see drop_chrome_only, drop_chrome_links)
_CUE_DEPTH = 10  # ancestors looked at for class/id cues (the <body> class list is not one)


_STOP_TAGS = ("body", "html")
_OWN_MASK = itemgetter(F_MASK)
_TAG_OF = itemgetter(0)
_PARENT_OF = itemgetter(F_PARENT)


def _chain_mask(frames: list[list[Any]], fi: int) -> int:
    """Class/id token masks of the frame and its ancestors (within _CUE_DEPTH, below <body>), OR-ed."""
    mask, j, steps = 0, fi, 0
    while j >= 0 and steps < _CUE_DEPTH and frames[j][0] not in _STOP_TAGS:
        mask |= frames[j][F_MASK]
        j = frames[j][F_PARENT]
        steps += 1
    return mask


def chain_masks(frames: list[list[Any]]) -> list[int]:
    """`_chain_mask` of every frame, computed level by level with numpy."""
    m = len(frames)
    stop = np.fromiter(map(_STOP_TAGS.__contains__, map(_TAG_OF, frames)), dtype=bool, count=m)
    own = np.where(stop, 0, np.fromiter(map(_OWN_MASK, frames), dtype=np.int64, count=m))
    parent = np.fromiter(map(_PARENT_OF, frames), dtype=np.intp, count=m)
    parent[parent < 0] = m  # the root's parent: a zero past the end
    acc = own
    up = np.zeros(m + 1, dtype=np.int64)
    for _ in range(_CUE_DEPTH - 1):  # acc = masks of the frame and (k - 1) ancestors
        up[:m] = acc
        acc = np.where(stop, 0, own | up[parent])
    return acc.tolist()


def page_chains(page: Page) -> list[int]:
    """`chain_masks(page.frames)`, computed once per page (the comment rule and the labels both read it)."""
    chains = getattr(page, "chains", None)  # (a Page pickled before the field existed has none)
    if chains is None:
        chains = page.chains = chain_masks(page.frames)
    return chains


def husk_cue(seg: Segment, frames: list[list[Any]], explain: bool, chains: list[int] | None = None) -> tuple[str, str]:
    """The husk label a removed block gets, and (with explain) the DOM fact behind it.
    `chains`: `chain_masks(frames)` (the label alone needs only the OR-ed masks)."""
    fi = seg.dom["frame"]
    imask = seg.dom["imask"]
    if not explain:
        seen = imask | (_chain_mask(frames, fi) if chains is None else chains[fi])
        tmask = frames[fi][F_TMASK] | seg.dom["itags"]
        for label, bits, tags in _CUE_BITS:
            if seen & bits or tmask & tags:
                return label, ""
        return ("caption" if seg.kind == "caption" else "boilerplate"), ""
    chain: list[int] = []
    j = fi
    while j >= 0 and len(chain) < _CUE_DEPTH and frames[j][0] not in ("body", "html"):
        chain.append(j)
        j = frames[j][F_PARENT]
    tmask = frames[fi][F_TMASK] | seg.dom["itags"]
    for label, bits, tags in _CUE_BITS:
        if imask & bits:
            return label, f"inline element with a '{_first(imask & bits)}' class/id" if explain else ""
        for j in chain:
            own = frames[j][F_MASK] & bits
            if own:
                return label, f"inside {frames[j][F_LABEL]} ('{_first(own)}')" if explain else ""
        hit = tmask & tags
        if hit:
            if not explain:
                return label, ""
            name = next(t for t in TAG_BITS if hit & TB[t])
            return label, "hidden element" if name == "hidden" else f"inside <{name}>"
    if seg.kind == "caption":
        return "caption", "figure caption"
    return "boilerplate", ""


def _first(mask: int) -> str:
    for i, name in enumerate(TOKEN_NAMES):
        if mask >> i & 1:
            return name
    return "?"


def comment_blocks(segments: list[Segment], frames: list[list[Any]], chains: list[int] | None = None) -> np.ndarray:
    """Blocks inside an element whose class/id says comment (within _CUE_DEPTH ancestors)."""
    bit = TOKEN_BIT["comment"]
    if chains is None:
        chains = chain_masks(frames)
    return np.fromiter(
        ((chains[d["frame"]] | d["imask"]) & bit for d in (s.dom for s in segments)), dtype=bool, count=len(segments)
    )
