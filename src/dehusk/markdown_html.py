"""HTML mode's markdown (`--format markdown`): each kept block as markdown, kept table rows as one table.

Headings keep their level, list items their nesting and numbering, block quotes their `>`,
tables their cells (a colspan as empty cells after it); `segment_html` has already written each
run's inline markdown (inline code, line breaks; literal `*`, `_`, `#`, `[` escaped) and code blocks.
"""

from __future__ import annotations

from .assemble import md_escape
from .blocks import KEPT, Segment


def _md_block(seg: Segment) -> str:
    inline = seg.extra.get("md_inline")
    text = inline if inline is not None else md_escape(seg.text)
    if seg.kind == "h":
        return "#" * min(max(seg.level or 2, 1), 6) + " " + text.replace("\n", " ")
    if seg.kind == "li":
        n = seg.dom.get("ol") if seg.dom else 0
        lead = f"{n}. " if n else "- "
        pad = "  " * max(seg.level - 1, 0)
        return pad + lead + text.replace("\n", "\n" + pad + "  ")
    if seg.kind == "quote":
        return "> " + text.replace("\n", "\n> ")
    return text


def _md_table(rows: list[Segment]) -> str:
    grid: list[list[str]] = []
    for r in rows:
        cells = r.extra.get("cells") or [md_escape(c) for c in r.text.split(" | ")]
        spans = [c[0] for c in r.dom.get("cells", [])] or [1] * len(cells)
        line: list[str] = []
        for text, span in zip(cells, spans, strict=False):
            line.append(text.replace("|", "\\|") if r.extra.get("cells") is None else text)
            line.extend([""] * (max(span, 1) - 1))
        grid.append(line)
    width = max(len(r) for r in grid)
    out = []
    for k, line in enumerate(grid):
        line = line + [""] * (width - len(line))
        out.append("| " + " | ".join(line) + " |")
        if k == 0:
            out.append("|" + "---|" * width)
    return "\n".join(out)


def render_markdown(segments: list[Segment]) -> list[Segment]:
    """Kept table rows of one table -> one segment; every kept block gets its markdown."""
    out: list[Segment] = []
    i, n = 0, len(segments)
    while i < n:
        s = segments[i]
        if s.kind == "table" and s.label in KEPT:
            table = s.dom.get("table")
            j = i
            rows = []
            while j < n and segments[j].kind == "table" and segments[j].label in KEPT and segments[j].dom.get("table") == table:
                rows.append(segments[j])
                j += 1
            merged = Segment(
                text="\n".join(r.text for r in rows), kind="table", label=s.label, score=s.score, reason=s.reason,
                path=s.path, dom=s.dom,
            )
            merged.extra["markdown"] = _md_table(rows)
            out.append(merged)
            i = j
            continue
        if s.label in KEPT and s.kind != "pre" and "markdown" not in s.extra:
            s.extra["markdown"] = _md_block(s)
        out.append(s)
        i += 1
    return out
