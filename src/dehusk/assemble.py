"""Last stage, shared by both modes: labelled segments + metadata -> `Article`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .article import Article, Block
from .blocks import KEPT, Segment
from .mojibake import fix_mojibake, suspect
from .options import Options


@dataclass(slots=True)
class Meta:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    lead: str | None = None
    source: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    page_type: str | None = None
    confidence: float | None = None
    empty_reason: str | None = None


def _norm(text: str) -> str:
    """Case-folded, white space collapsed to single spaces."""
    # a printable text holds no white space but " " (the rest is "Other" or "Separator"): without
    # two in a row or one at an end, splitting and joining gives the same string back
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text.casefold()
    return " ".join(text.casefold().split())


def mark_duplicates(segments: list[Segment]) -> None:
    """A kept paragraph that repeats an earlier kept one (same words) is a duplicate."""
    seen: set[str] = set()
    for seg in segments:
        if seg.label not in KEPT:
            continue
        key = _norm(seg.text)
        if len(key) < 20:  # short lines ("Yes", "Step 1") legitimately repeat
            continue
        if key in seen:
            seg.label, seg.reason = "duplicate", "repeats a paragraph already in the text"
        else:
            seen.add(key)
    mark_restatements(segments)


# a kept block this long that restates this share of its word runs from this many earlier paragraphs
RESTATE_MIN_WORDS, RESTATE_SHARE, RESTATE_MIN_SOURCES, RESTATE_RUN = 100, 0.6, 5, 8
_WORD = re.compile(r"\w+")


def _runs(text: str) -> list[tuple[str, ...]]:
    """The text's runs of RESTATE_RUN lower-cased words (one shorter run for a shorter text)."""
    words = _WORD.findall(text.lower())
    k = RESTATE_RUN
    return [tuple(words[i : i + k]) for i in range(max(len(words) - k + 1, 1))]


def mark_restatements(segments: list[Segment]) -> None:
    """A long kept block made of text already kept from several earlier paragraphs is the article
    glued together again (a hidden full-text copy, a summary box that repeats the key paragraphs):
    a duplicate. 60% of its runs of 8 words come from 5 or more earlier kept paragraphs. A
    paragraph that restates one other (a standfirst and the first paragraph) is not one; nor is
    code or a table (whose rows repeat one another). (Shipped models: it fires on 2 scrapinghub
    pages in each mode, shingle F1 +0.002, and on 1 wcxb-dev text page.)

    Most long blocks restate nothing: a cheap test comes first, 5 earlier paragraphs whose words
    2-7 stand in the block as they are; only then are the word runs compared."""
    kept = [i for i, seg in enumerate(segments) if seg.label in KEPT]
    # (a block of 100+ words holds 99+ spaces: one count a block)
    candidates = [
        n for n, i in enumerate(kept) if n >= RESTATE_MIN_SOURCES and segments[i].kind not in ("pre", "table")
        and segments[i].text.count(" ") >= RESTATE_MIN_WORDS - 1
    ]
    if not candidates:
        return
    snippets: list[str | None] = []  # each kept paragraph's words 2-7 (None: too short to tell)
    source: dict[tuple[str, ...], int] = {}  # a run -> the first kept paragraph that holds it
    done = 0
    for n in candidates:
        text = segments[kept[n]].text
        flat = " ".join(text.split())
        if flat.count(" ") < RESTATE_MIN_WORDS - 1:
            continue
        for m in range(len(snippets), n):
            words = segments[kept[m]].text.split(None, 8)
            snippets.append(" ".join(words[1:7]) if len(words) >= 8 else None)
        found = 0
        for m, snippet in enumerate(snippets[:n]):
            if snippet is not None and segments[kept[m]].label in KEPT and snippet in flat:
                found += 1
                if found >= RESTATE_MIN_SOURCES:
                    break
        if found < RESTATE_MIN_SOURCES:
            continue
        for m in range(done, n):
            if segments[kept[m]].label in KEPT:  # (not one found to restate others)
                for run in _runs(segments[kept[m]].text):
                    source.setdefault(run, m)
        done = n
        runs = _runs(text)
        hits = [source[run] for run in runs if run in source]
        sources = len(set(hits))
        if len(hits) >= RESTATE_SHARE * len(runs) and sources >= RESTATE_MIN_SOURCES:
            seg = segments[kept[n]]
            seg.label = "duplicate"
            seg.reason = f"restates {sources} earlier paragraphs ({len(hits) / len(runs):.0%} of its 8-word runs)"


_MD_ESCAPE = re.compile(r"([\\`*_\[\]#<>|])")


def md_escape(text: str) -> str:
    return _MD_ESCAPE.sub(r"\\\1", text)


def to_markdown(segments: list[Segment]) -> str:
    out: list[str] = []
    prev_li = False
    for seg in segments:
        if seg.label not in KEPT:
            continue
        md = seg.extra.get("markdown")
        if md is None:
            text = md_escape(seg.text)
            if seg.label == "heading" or seg.kind == "h":
                md = "#" * min(max(seg.level or 2, 1), 6) + " " + text
            elif seg.kind == "li":
                md = "  " * max(seg.level - 1, 0) + "- " + text
            elif seg.kind == "quote":
                md = "> " + text
            elif seg.kind == "pre":
                md = "```\n" + seg.text + "\n```"
            else:
                md = text
        is_li = seg.kind == "li"
        if out and is_li and prev_li:
            out[-1] += "\n" + md
        else:
            out.append(md)
        prev_li = is_li
    return "\n\n".join(out)


def _repair(segments: list[Segment], meta: Meta, text: str, explain: bool) -> str:
    """Mojibake repair of what the article shows (its text, blocks and metadata); returns the text."""
    if suspect(text) or explain:
        for seg in segments:
            if (explain or seg.label in KEPT) and suspect(seg.text):
                seg.text = fix_mojibake(seg.text)
                if "markdown" in seg.extra:
                    seg.extra["markdown"] = fix_mojibake(seg.extra["markdown"])
        text = "\n\n".join(seg.text for seg in segments if seg.label in KEPT)
    meta.title, meta.lead, meta.source = (
        fix_mojibake(v) if v else v for v in (meta.title, meta.lead, meta.source))
    if any(map(suspect, meta.authors)) or any(map(suspect, meta.tags)):
        meta.authors = [fix_mojibake(a) for a in meta.authors]
        meta.tags = [fix_mojibake(t) for t in meta.tags]
    return text


def assemble(
    segments: list[Segment], meta: Meta, options: Options, *, mode: str, url: str | None, dedupe: bool = True,
) -> Article:
    """The article from the labelled segments; `dedupe`: repeated paragraphs are dropped (not for
    an article already extracted, whose repeats are its own)."""
    if dedupe:
        mark_duplicates(segments)
    paragraphs = [seg.text for seg in segments if seg.label in KEPT]
    text = "\n\n".join(paragraphs)
    if options.fix_encoding:
        text = _repair(segments, meta, text, options.explain)
    empty_reason = meta.empty_reason
    if not text and empty_reason is None:
        empty_reason = "no_main_block" if segments else "empty_input"
    elif text and empty_reason is None and len(text.split(None, 9)) < 10:  # fewer than 10 words
        empty_reason = "too_short"
    blocks = None
    if options.explain:
        blocks = tuple(
            Block(
                index=i, text=s.text, label=s.label, score=s.score, reason=s.reason or s.label,
                kind=s.kind, level=s.level, path=s.path,
            )
            for i, s in enumerate(segments)
        )
    return Article(
        title=meta.title,
        authors=tuple(meta.authors),
        published=meta.published,
        modified=meta.modified,
        lead=meta.lead,
        text=text,
        source=meta.source,
        tags=tuple(meta.tags),
        language=meta.language,
        url=url,
        site_name=meta.site_name,
        canonical_url=meta.canonical_url,
        page_type=meta.page_type,
        confidence=meta.confidence,
        empty_reason=empty_reason,
        mode=mode,
        markdown=to_markdown(segments) if options.markdown else None,
        blocks=blocks,
    )
