"""One WARC record handed to `extract` as a page: its header block read, its payload extracted.

A Common Crawl WET record ("WARC-Type: conversion": the page's text) or a WARC response record
(the HTTP response: status line, headers, then the HTML) copied out of its file keeps the record's
header block at its top. Read as page text, those lines would be the first lines of the dump (a
URI, a digest, a length) and move the line model's position features. `split_record` takes the
block off and reads from it what the caller would otherwise pass: the page's URL
(WARC-Target-URI), its fetch date (WARC-Date: later "published" dates are rejected) and, for a
response, the HTTP Content-Type (its charset decodes the bytes). A WARC or WET file of several
records is refused with a clear error: `dehusk run` reads those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import InputError

MAX_HEAD = 64 * 1024  # a header block longer than this is not one
_VERSION = re.compile(r"WARC/1\.[01]\r?\n")
_NEXT_RECORD = re.compile(r"\r?\nWARC/1\.[01]\r?\n(?:[\w-]+: [^\r\n]*\r?\n)*?WARC-Type:")
_HEADER = re.compile(r"([A-Za-z][\w-]*):[ \t]*(.*)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class RecordHead:
    """What a record's headers say about its page."""

    url: str | None = None
    fetch_date: str | None = None  # YYYY-MM-DD of WARC-Date
    content_type: str | None = None  # the HTTP response's Content-Type


def _split_block(text: str) -> tuple[dict[str, str], str] | None:
    """(headers by lower-cased name, the rest) of a header block ending in a blank line, or None
    when `text` does not open with one (a line without "Name: value" before the blank line)."""
    end = min((i for i in (text.find("\r\n\r\n", 0, MAX_HEAD), text.find("\n\n", 0, MAX_HEAD)) if i >= 0),
              default=-1)
    if end < 0:
        return None
    lines = text[:end].replace("\r\n", "\n").split("\n")
    headers: dict[str, str] = {}
    for line in lines[1:]:  # (the first line is the version or status line)
        m = _HEADER.fullmatch(line.strip())
        if m is None:
            return None
        headers.setdefault(m.group(1).lower(), m.group(2).strip())
    rest = text[end + (4 if text.startswith("\r\n\r\n", end) else 2):]
    return headers, rest


def split_record(page: str | bytes) -> tuple[RecordHead, str | bytes] | None:
    """(what the record's headers say, its payload) when `page` opens with a WARC record's header
    block, else None. The payload keeps `page`'s type (bytes stay bytes, for charset detection)."""
    if not isinstance(page, str | bytes | bytearray):  # (decoding says what is wrong with it)
        return None
    is_bytes = not isinstance(page, str)
    if page[:5] != (b"WARC/" if is_bytes else "WARC/"):
        return None
    # the header block is ASCII (latin-1 keeps every byte of the payload in place)
    text = bytes(page).decode("latin-1") if is_bytes else page
    if _VERSION.match(text) is None:
        return None
    block = _split_block(text)
    if block is None:
        return None
    headers, payload = block
    if "warc-type" not in headers:
        return None
    if _NEXT_RECORD.search(payload) is not None:
        raise InputError("the page holds several WARC records (a WARC or WET file): `dehusk run` reads those")
    content_type = None
    if payload.startswith("HTTP/") and (http := _split_block(payload)) is not None:  # a response record
        http_headers, payload = http
        content_type = http_headers.get("content-type")
    payload = payload.rstrip("\r\n")  # (the record's trailing separator)
    date = _DATE.match(headers.get("warc-date", ""))
    url = headers.get("warc-target-uri", "").strip("<>") or None  # (WARC/1.0's examples bracket it)
    head = RecordHead(url=url, fetch_date=date.group() if date else None, content_type=content_type)
    return head, payload.encode("latin-1") if is_bytes else payload


__all__ = ["RecordHead", "split_record"]
