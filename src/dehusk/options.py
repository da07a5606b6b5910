"""One options object for the whole pipeline; every field has a sensible default."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Options:
    """Pipeline settings. Build with keywords: ``Options(explain=True, timeout=5)``."""

    explain: bool = False  # attach every block with its label, score and reason
    markdown: bool = False  # also render `Article.markdown` (headings, lists, tables kept)
    include_comments: bool = False  # keep user comments as main content
    include_tables: bool = True
    threshold: float | None = None  # a fixed main-content probability cut-off; None: each page's own (classify.page_cut)
    # text mode: the input is an article already extracted from its page (every line kept, see
    # dehusk.extracted); None: told from the input (no menu, share, teaser, notice or copyright line)
    extracted: bool | None = None
    timeout: float | None = 30.0  # seconds per page; None: no limit
    max_bytes: int = 64 * 1024 * 1024  # larger inputs are cut to this many bytes before parsing
    language: str | None = None  # force the page language (ISO 639-1); None: detect
    fix_encoding: bool = True  # repair mojibake (UTF-8 once read as Windows-1252: "itâ€™s") in the output
    fetch_date: str | None = None  # ISO date the page was fetched: later "published" dates are rejected
    # corpus mode: per-host repeated-line statistics (see dehusk.templates)
    template_lines: Any = field(default=None, compare=False, repr=False)

    def with_(self, **changes: Any) -> Options:
        return replace(self, **changes)

    @classmethod
    def from_kwargs(cls, options: Options | None = None, **kwargs: Any) -> Options:
        """Merge keyword arguments over `options` (unknown keys raise TypeError)."""
        base = options or cls()
        if not kwargs:
            return base
        names = {f.name for f in fields(cls)}
        unknown = set(kwargs) - names
        if unknown:
            raise TypeError(f"unknown dehusk option(s): {', '.join(sorted(unknown))}")
        return replace(base, **kwargs)
