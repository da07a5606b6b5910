"""Text mode, stage 1: cut a plain-text page dump into line blocks.

Dumps differ by the tool that made them: a blank line between paragraphs or none, list
bullets (•, *, -, +, ·) or not, indentation or not. Each non-empty line becomes a `Segment`
carrying its bullet, indentation and the blank lines before it, so later stages can use the
layout where there is one without depending on it.
"""

from __future__ import annotations

import re

from .blocks import Segment
from .deadline import NO_DEADLINE, Deadline

_BULLET = re.compile(r"^(?:[•*·▪◦‣∙●○■□►▸➤✓✔-]|\+(?!\d)|\d{1,2}[.)](?=\s+\D))\s+")
_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BULLET_START = frozenset("•*·▪◦‣∙●○■□►▸➤✓✔-+0123456789")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]|  ")
_needs_ws = _ODD_SPACE.search
MAX_LINE = 200_000  # characters; longer lines are cut (a 10 MB line is not a paragraph)


def segment_text(text: str, deadline: Deadline = NO_DEADLINE) -> list[Segment]:
    segments: list[Segment] = []
    blank = 0
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, raw in enumerate(lines):
        if i & 4095 == 4095:
            deadline.check("segmenting")
        if len(raw) > MAX_LINE:
            raw = raw[:MAX_LINE]
        stripped = raw.strip()
        if not stripped:
            blank += 1
            continue
        indent = len(raw) - len(raw.lstrip()) if raw[0].isspace() else 0
        bullet = False
        if stripped[0] in _BULLET_START:
            m = _BULLET.match(stripped)
            if m and len(stripped) > m.end():
                bullet = True
                if not stripped[0].isdigit():  # keep "1." numbering as text, drop the glyph bullets
                    stripped = stripped[m.end():]
        # ASCII lines: two substring tests instead of the regex (the same answer)
        odd = ("  " in stripped or "\t" in stripped) if stripped.isascii() else _needs_ws(stripped)
        line = _WS.sub(" ", stripped).strip() if odd else stripped
        if not line:
            blank += 1
            continue
        # positional: text, kind, level, bullet, indent, blank_before
        segments.append(Segment(line, "li" if bullet else "line", 0, bullet, indent, blank))
        blank = 0
    return segments
