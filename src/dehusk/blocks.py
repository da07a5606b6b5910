"""The working block model shared by text and HTML mode.

A segmenter cuts a page into `Segment`s; features, the classifier, metadata and assembly
all work on that list. Only the segmenters differ between modes (and the extra features the
DOM allows); the public, frozen view of a segment is `dehusk.Block`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Segment:
    text: str
    kind: str = "p"  # p | h | li | pre | quote | table | caption | line
    level: int = 0  # heading level or list depth
    bullet: bool = False  # text mode: the line carried a list bullet
    indent: int = 0  # text mode: leading spaces
    blank_before: int = 0  # text mode: blank lines before this one
    path: str | None = None  # HTML mode: tag path, for explain
    dom: dict[str, Any] | None = None  # HTML mode: DOM facts for features
    # decided later
    score: float = 0.0
    label: str = "boilerplate"
    reason: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


#: the labels whose blocks make the article's text
KEPT = frozenset(("lead", "body", "heading"))


def first_kept(segments: list[Segment]) -> int | None:
    """The index of the first block whose label makes the article's text, or None."""
    return next((i for i, s in enumerate(segments) if s.label in KEPT), None)


def kept_words(segments: list[Segment], limit: int) -> int:
    """Words of the kept blocks (`str.split`), counted until `limit` is reached."""
    total = 0
    for seg in segments:
        if seg.label in KEPT:
            total += len(seg.text.split())
            if total >= limit:
                break
    return total
