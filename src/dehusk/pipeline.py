"""`extract(page) -> Article`: the one pure function every front end maps over pages."""

from __future__ import annotations

from typing import Any

from .article import Article
from .deadline import Deadline
from .decode import document_start, looks_like_html, to_text_utf8
from .errors import InputError
from .options import Options
from .warc_record import split_record

MODES = ("auto", "text", "html")


def extract(
    page: str | bytes,
    *,
    mode: str = "auto",
    url: str | None = None,
    options: Options | None = None,
    content_type: str | None = None,
    **kwargs: Any,
) -> Article:
    """Extract the article from one page.

    `page` is HTML or a plain-text dump of a page, as `str` or `bytes` (bytes are decoded
    by BOM, declared charset, then detection), or one WARC / WET record holding such a page
    (`warc_record`: its headers give `url`, the fetch date and the charset when not given).
    `mode="auto"` tells HTML from text.
    Keyword arguments set fields of `Options` (e.g. ``explain=True``).
    Raises `dehusk.DehuskError` subclasses on unusable input or when the time limit passes.
    """
    if mode not in MODES:
        raise InputError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    opts = Options.from_kwargs(options, **kwargs)
    deadline = Deadline(opts.timeout)
    record = split_record(page)
    if record is not None:  # a WARC or WET record: its headers give the URL, fetch date and charset
        head, page = record
        url = url or head.url
        content_type = content_type or head.content_type
        if opts.fetch_date is None and head.fetch_date is not None:
            opts = opts.with_(fetch_date=head.fetch_date)
    text, utf8 = to_text_utf8(page, content_type=content_type, max_bytes=opts.max_bytes)
    if mode == "auto":
        mode = "html" if looks_like_html(text) else "text"
    if not text or text.isspace():  # (`not text.strip()` without copying the page)
        return Article(url=url, empty_reason="empty_input", mode=mode, blocks=() if opts.explain else None)
    if mode == "html":
        from .html_mode import extract_html

        if start := document_start(text):  # (a server's warning or HTTP headers before the document)
            text, utf8 = text[start:], None

        return extract_html(text, url=url, options=opts, deadline=deadline, utf8=utf8)
    from .text_mode import extract_text

    return extract_text(text, url=url, options=opts, deadline=deadline)
