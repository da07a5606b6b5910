"""HTML mode: an HTML page in, the article out.

1. parse with lexbor (selectolax); metadata (`metadata_html`) reads the tree first;
2. `segment_html`: one walk cuts the DOM into blocks with their DOM facts;
3. `features_html`: text features (shared with text mode) + DOM features per block;
4. two tree models (numpy inference, `classify`): the block model scores each block, the
   context model revises the score with the scores of its containers and neighbours;
5. every block gets a label and a reason; page type and confidence; `assemble`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from selectolax.lexbor import LexborHTMLParser

from .article import Article
from .assemble import Meta, assemble, md_escape
from .blocks import Segment
from .classify import load_model, model_available
from .deadline import Deadline
from .features_html import context_features_html, html_features
from .lang import detect_language, stopwords
from .options import Options
from .pagetype import page_quality
from .segment_html import (
    F_IMASK,
    F_LABEL,
    F_MASK,
    F_PARENT,
    F_TMASK,
    TAG_BITS,
    TB,
    TOKEN_NAMES,
    Page,
    segment_html,
)

BLOCK_MODEL = "html_block"
CONTEXT_MODEL = "html_context"
DEFAULT_THRESHOLD = 0.5

_TOK = {name: 1 << i for i, name in enumerate(TOKEN_NAMES)}
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


@dataclass(slots=True)
class Analysis:
    """Everything the pipeline computed about a page (also used by the training script)."""

    tree: Any
    segments: list[Segment]
    page: Page
    X: np.ndarray
    f: dict
    language: str | None
    meta: Any  # metadata_html.HtmlMeta or None
    url: str | None = None


def _language(segments: list[Segment], declared: str | None, forced: str | None) -> str | None:
    if forced:
        return forced
    sample: list[str] = []
    size = 0
    for s in sorted(segments, key=lambda s: -len(s.text))[:12]:
        sample.append(s.text)
        size += len(s.text)
        if size > 2000:
            break
    code, prob = detect_language(" ".join(sample))
    if code and (prob > 0.5 or not declared):
        return code
    return declared or code


def _metadata(tree: Any, url: str | None, options: Options) -> Any:
    try:
        from .metadata_html import html_metadata
    except ImportError:  # written by another module; HTML mode works without it
        return None
    return html_metadata(tree, url, fetch_date=options.fetch_date)


def analyse(html: str, *, url: str | None, options: Options, deadline: Deadline) -> Analysis:
    tree = LexborHTMLParser(html)
    meta = _metadata(tree, url, options)
    deadline.check("metadata")
    root = tree.root
    if root is None:
        segments, page = [], Page()
    else:
        segments, page = segment_html(root, deadline, markdown=options.markdown)
    deadline.check("segmenting")
    declared = getattr(meta, "language", None) if meta is not None else None
    language = _language(segments, declared, options.language)
    X, f = html_features(segments, page, stopwords(language), url)
    deadline.check("features")
    return Analysis(tree, segments, page, X, f, language, meta, url)


def score_blocks(a: Analysis) -> tuple[np.ndarray, np.ndarray, float]:
    """(first-pass p1, revised p2, threshold) for the page's blocks."""
    n = len(a.segments)
    if n == 0 or not model_available(BLOCK_MODEL):
        return np.zeros(n), np.zeros(n), DEFAULT_THRESHOLD
    p1 = load_model(BLOCK_MODEL).predict(a.X)
    if not model_available(CONTEXT_MODEL):
        return p1, p1, load_model(BLOCK_MODEL).threshold_default
    ctx = load_model(CONTEXT_MODEL)
    p2 = ctx.predict(np.hstack([a.X, context_features_html(a.f, p1)]))
    return p1, p2, ctx.threshold_default


_CUE_BITS = tuple((label, sum(_TOK[g] for g in groups), sum(TB[t] for t in tags)) for label, groups, tags in _HUSK_CUES)
_CUE_DEPTH = 10  # ancestors looked at for class/id cues (the <body> class list is not one)


def _cue(seg: Segment, frames: list[list[Any]], explain: bool) -> tuple[str, str]:
    """The husk label a removed block gets, and (with explain) the DOM fact behind it."""
    fi = seg.dom["frame"]
    imask = seg.dom["imask"]
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


def label_blocks(
    segments: list[Segment], p2: np.ndarray, threshold: float, page: Page, f: dict, options: Options
) -> None:
    """Set label, score (and with explain, reason) of every block."""
    frames = page.frames
    explain = options.explain
    ld = f.get("link_density")
    is_title = f.get("is_title")
    lead_done = False
    lead_bit = _TOK["lead"]
    for i, seg in enumerate(segments):
        p = float(p2[i])
        seg.score = p
        if p >= threshold:
            seg.label = "heading" if seg.kind == "h" else "body"
            if not lead_done:
                lead_done = True
                fr = frames[seg.dom["frame"]]
                if seg.kind == "p" and (fr[F_MASK] | frames[fr[F_PARENT]][F_MASK] | seg.dom["imask"]) & lead_bit:
                    seg.label = "lead"
            if explain:
                seg.reason = f"score {p:.2f} >= {threshold:.2f}" + ("; standfirst" if seg.label == "lead" else "")
            continue
        label, why = _cue(seg, frames, explain)
        if is_title is not None and is_title[i] and label != "comment":
            label, why = "title", "repeats the page title"
        elif label == "boilerplate" and ld is not None and ld[i] > 0.6:
            label = "navigation"
            if explain:
                why = f"link density {ld[i]:.2f}" + (f", {why}" if why else "")
        seg.label = label
        if explain:
            seg.reason = f"score {p:.2f} < {threshold:.2f}" + (f"; {why}" if why else "")
        if label == "comment" and options.include_comments and len(seg.text.split()) >= 2:
            seg.label = "body"
            if explain:
                seg.reason = f"comment kept (include_comments); {seg.reason}"


# ----------------------------------------------------------------------------- markdown


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
    kept = ("lead", "body", "heading")
    out: list[Segment] = []
    i, n = 0, len(segments)
    while i < n:
        s = segments[i]
        if s.kind == "table" and s.label in kept:
            table = s.dom.get("table")
            j = i
            rows = []
            while j < n and segments[j].kind == "table" and segments[j].label in kept and segments[j].dom.get("table") == table:
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
        if s.label in kept and s.kind != "pre" and "markdown" not in s.extra:
            s.extra["markdown"] = _md_block(s)
        out.append(s)
        i += 1
    return out


# ----------------------------------------------------------------------------- the page


def _empty_reason(a: Analysis, text_words: int) -> str | None:
    page = a.page
    if page.frameset:
        return "frameset"
    total_words = int(a.f["_words"].sum()) if a.segments else 0
    if total_words < 30 and (page.script_chars > 2000 or page.n_scripts >= 3):
        return "js_shell"
    if text_words < 60 and a.segments:
        frames, bit = page.frames, _TOK["paywall"]
        if any(seg.dom["imask"] & bit or frames[seg.dom["frame"]][F_IMASK] & bit for seg in a.segments):
            return "paywall_stub"
    return None


def extract_html(html: str, *, url: str | None, options: Options, deadline: Deadline) -> Article:
    a = analyse(html, url=url, options=options, deadline=deadline)
    p1, p2, threshold = score_blocks(a)
    if options.threshold is not None:
        threshold = options.threshold
    label_blocks(a.segments, p2, threshold, a.page, a.f, options)
    deadline.check("classifying")
    segments = render_markdown(a.segments) if options.markdown else a.segments
    meta = _meta(a)
    meta.lead = next((s.text for s in segments if s.label == "lead"), None)

    text_words = sum(len(s.text.split()) for s in segments if s.label in ("body", "heading", "lead"))
    meta.page_type, meta.confidence = page_quality(a, p1, p2, threshold)
    meta.empty_reason = _empty_reason(a, text_words)
    return assemble(segments, meta, options, mode="html", url=url)


def _meta(a: Analysis) -> Meta:
    m = a.meta
    meta = Meta(language=a.language)
    if m is None:
        meta.title = a.page.title or None
        return meta
    meta.title = m.title or a.page.title or None
    meta.authors = list(m.authors)
    meta.published, meta.modified = m.published, m.modified
    meta.source = m.source
    meta.tags = list(m.tags)
    meta.site_name, meta.canonical_url = m.site_name, m.canonical_url
    meta.language = m.language or a.language
    return meta


__all__ = ["Analysis", "analyse", "extract_html", "label_blocks", "render_markdown", "score_blocks", "TAG_BITS"]
