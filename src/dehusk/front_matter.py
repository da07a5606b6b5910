"""A metadata block at the top of a text dump: read as metadata, taken out of the page's lines.

Tools that save a page as text or Markdown often put what they know about it first:
- YAML front matter between two `---` lines (Markdown exports; trafilatura's Markdown with
  metadata): `title: ...`, `author: ...`, `date: ...`, `url: ...`;
- a header of `Key: value` lines, then a line that opens the content (`Title: ...`, `URL Source:
  ...`, `Published Time: ...`, then `Markdown Content:`, as LLM-oriented page readers write).

Read as lines of the page, such a block is a run of short labelled lines above the headline: it
moves the line model's position and neighbourhood features (a date line of the article then
leaked into the text, on the France 24 page) and offers its labels as bylines and dates. The block
is recognised only at the very top, only with two or more keys that name a page's metadata (title,
URL, author, date, ...), and taken off. Its title is the page's metadata, as a `<title>` is: the
headline is the page's line it holds (the dump's own wording), else the title itself; its
authors, date and tags fill the fields the page's own lines leave empty; its URL is the page's
URL when the caller gives none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .authors import clean_authors
from .dates import parse_date
from .metadata_title import tokens

MAX_BLOCK = 8192  # characters: a longer block is not one
MIN_KEYS = 2

_KEYS = {
    "title": "title", "headline": "title",
    "url": "url", "url source": "url", "source url": "url", "link": "url", "canonical": "url",
    "author": "authors", "authors": "authors", "byline": "authors", "by": "authors",
    "date": "date", "published": "date", "published time": "date", "published date": "date",
    "publication date": "date", "date published": "date", "pubdate": "date",
    "tags": "tags", "categories": "tags", "keywords": "tags",
    # known, not used: they make a block a metadata block all the same
    "description": "", "hostname": "", "sitename": "", "site": "", "site name": "", "language": "",
    "lang": "", "id": "", "fingerprint": "", "license": "", "image": "", "updated": "", "modified": "",
}
_KEY_LINE = re.compile(r"([A-Za-z][A-Za-z _-]{0,30}?)\s*:(?:\s+(.*?))?\s*")
_LIST_ITEM = re.compile(r"-\s+(.+?)\s*")
_CONTENT_OPENER = re.compile(r"[A-Za-z ]{0,30}\b(?:content|text|body)\s*:\s*", re.I)


@dataclass(slots=True)
class FrontMatter:
    """What a metadata block says about its page (the values as the block writes them)."""

    title: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None  # the raw value
    tags: list[str] = field(default_factory=list)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1].strip()
    return value


def _read(lines: list[str]) -> FrontMatter | None:
    """The metadata of `lines` (each `key: value`, or a `- item` of the key before it, or blank),
    or None when a line is something else or fewer than MIN_KEYS known keys are there."""
    out = FrontMatter()
    known = 0
    last: str | None = None
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        item = _LIST_ITEM.fullmatch(stripped)
        if item is not None and last is not None:
            value = _unquote(item.group(1))
            if last == "authors":
                out.authors.append(value)
            elif last == "tags":
                out.tags.append(value)
            continue
        m = _KEY_LINE.fullmatch(stripped)
        if m is None:
            return None
        key = " ".join(m.group(1).lower().replace("_", " ").replace("-", " ").split())
        if key not in _KEYS:
            return None
        known += 1
        last = _KEYS[key] or None
        value = _unquote(m.group(2) or "")
        if not value or value in ("[]", "null", "~"):
            continue
        if last == "title" and out.title is None:
            out.title = value
        elif last == "url" and out.url is None and value.startswith(("http://", "https://")):
            out.url = value
        elif last == "authors":
            out.authors.append(value)
        elif last == "date" and out.date is None:
            out.date = value
        elif last == "tags":
            out.tags.extend(t.strip() for t in value.strip("[]").split(",") if t.strip())
    return out if known >= MIN_KEYS else None


def split_front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """(the metadata block's contents, the text without it), or (None, text) when the text does
    not open with one."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("---"):  # YAML front matter: up to the closing --- (or ...) line
        lines = head[:MAX_BLOCK].split("\n")
        if lines[0].strip() != "---":
            return None, text
        for i, line in enumerate(lines[1:], 1):
            if line.strip() in ("---", "..."):
                fm = _read(lines[1:i])
                if fm is None:
                    return None, text
                return fm, _after_line(head, i)
        return None, text
    # a header of "Key: value" lines, closed by a line that opens the content ("Markdown Content:")
    first = head[: head.find("\n")] if "\n" in head[:MAX_BLOCK] else head[:MAX_BLOCK]
    if _KEY_LINE.fullmatch(first.strip()) is None:  # (most pages: their first line is no key line)
        return None, text
    lines = head[:MAX_BLOCK].split("\n")
    for i, line in enumerate(lines):
        if _CONTENT_OPENER.fullmatch(line.strip()) and i:
            fm = _read(lines[:i])
            if fm is None:
                return None, text
            return fm, _after_line(head, i)
        stripped = line.strip()
        if stripped and _KEY_LINE.fullmatch(stripped) is None:
            break  # (a line of the page: no header block)
    return None, text


def _after_line(text: str, i: int) -> str:
    """`text` after its line `i` (0-based)."""
    parts = text.split("\n", i + 1)
    return parts[i + 1] if len(parts) > i + 1 else ""


TITLE_LINE_MIN_WORDS = 3


def _words(text: str) -> str:
    return " ".join(tokens(text))


def block_title(title: str, lines: list[str]) -> str:
    """The headline given the block's title: the page's own line that the title holds (its
    wording without the site's name the title may add), else the title itself (the dump left
    the headline out)."""
    want = _words(title)
    for line in lines:
        got = _words(line)
        if got and (got == want or (got.count(" ") + 1 >= TITLE_LINE_MIN_WORDS and f" {got} " in f" {want} ")):
            return line.replace("\n", " ").strip()
    return title


def fill_meta(meta: Any, fm: FrontMatter, lines: list[str], *, fetch_date: str | None = None,
              lang: str | None = None) -> None:
    """The block's metadata into `meta` (an `assemble.Meta`): its title (as `block_title` finds it
    on the page) over the line picker's guess; its authors, date and tags where the page's own
    lines gave none."""
    if fm.title:
        meta.title = block_title(fm.title, lines)
    if not meta.authors and fm.authors:
        meta.authors = clean_authors(fm.authors)
    if not meta.published and fm.date:
        meta.published = parse_date(fm.date, fetch_date=fetch_date, lang=lang)
    if not meta.tags and fm.tags:
        meta.tags = fm.tags[:20]


__all__ = ["FrontMatter", "fill_meta", "split_front_matter"]
