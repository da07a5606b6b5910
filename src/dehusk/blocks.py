"""The working block model shared by text and HTML mode.

A segmenter cuts a page into `Segment`s; features, the classifier, metadata and assembly
all work on that list. Only the segmenters differ between modes (and the extra features the
DOM allows); the public, frozen view of a segment is `dehusk.Block`.
"""

from __future__ import annotations

import re
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


# a heading's permalink, as documentation generators and blog themes print it after the heading's
# words: "¶" (Sphinx, MkDocs), "§", or "#" / "🔗" set apart (Docusaurus puts a zero-width space before its "#")
_PERMALINK = re.compile(r"(?:\s*[¶§]|[\s\u200b]+(?:\\?#|🔗))\s*$")
_PERMALINK_ENDS = frozenset("¶§#🔗")


def _without_permalink(text: str) -> str:
    text = text.rstrip()
    if text[-1:] in _PERMALINK_ENDS:
        cut = _PERMALINK.sub("", text)
        return cut or text
    return text


def drop_permalinks(segments: list[Segment]) -> None:
    """The kept blocks without their permalink glyph, as the article shows them (after the features
    and labels, which read the page as it is): a "¶" or "§" at the end of any (a documentation
    page's entries carry one too), a set-apart "#" or "🔗" at the end of a heading (an HTML heading
    element, a text line labelled heading) only."""
    for seg in [seg for seg in segments if seg.text[-1:] in _PERMALINK_ENDS]:
        last = seg.text[-1:]
        if seg.label in KEPT and (
                last in "¶§" or seg.kind == "h" or seg.label == "heading"):
            seg.text = _without_permalink(seg.text)
            if "md_inline" in seg.extra:
                seg.extra["md_inline"] = _without_permalink(seg.extra["md_inline"])
