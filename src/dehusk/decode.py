"""Turning input into text: bytes decoding with charset detection, and HTML-vs-text detection."""

from __future__ import annotations

import codecs
import re

from .errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]{2,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# labels browsers treat as windows-1252 / gbk (WHATWG encoding standard)
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
            "ascii": "cp1252", "gb2312": "gbk", "x-sjis": "shift_jis", "unicode": "utf-16"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _codec(label: str | bytes | None) -> str | None:
    if not label:
        return None
    name = label.decode("ascii", "ignore") if isinstance(label, bytes) else label
    name = _ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset a page declares (HTTP header, XML declaration or meta tag), if known."""
    if content_type:
        m = re.search(r"charset\s*=\s*[\"']?([\w:.+-]+)", content_type, re.I)
        if m and (c := _codec(m.group(1))):
            return c
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return _codec(m.group(1)) if m else None


def decode_bytes(data: bytes, content_type: str | None = None) -> str:
    """Decode page bytes: BOM, then a declared charset that decodes cleanly, then detection.

    Never raises on bad bytes: the last resort is UTF-8 with replacement characters.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data, content_type)
    if declared and declared not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # the declaration lies: detect instead
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace")
    except Exception:  # noqa: BLE001 - detection is best effort
        pass
    return data.decode("utf-8", errors="replace")


def to_text(page: str | bytes, content_type: str | None = None, max_bytes: int | None = None) -> str:
    """Input normalisation shared by every mode: decode, drop NULs and control characters."""
    if isinstance(page, (bytes, bytearray, memoryview)):
        data = bytes(page)
        if max_bytes is not None and len(data) > max_bytes:
            data = data[:max_bytes]
        text = decode_bytes(data, content_type)
    elif isinstance(page, str):
        text = page
        if max_bytes is not None and len(text) > max_bytes:
            text = text[:max_bytes]
    else:
        raise InputError(f"page must be str or bytes, not {type(page).__name__}")
    if "\x00" in text or _CONTROL.search(text, 0, 10_000):
        text = _CONTROL.sub("", text.replace("\x00", ""))
    return text


_HTML_SIGNS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<div[\s>]|<p[\s>]|<title>|<script[\s>]|<article[\s>]|<br\s*/?>|<table[\s>]|<span[\s>]|<a\s+href",
    re.I,
)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,500})?/?>")


def looks_like_html(text: str) -> bool:
    """True when `text` is HTML markup rather than a plain-text dump."""
    head = text[:20_000].lstrip()
    if not head:
        return False
    if head[:1] == "<" and _HTML_SIGNS.search(head[:2000]):
        return True
    signs = len(_HTML_SIGNS.findall(head))
    if signs < 2:
        return False
    tags = len(_TAG.findall(head))
    # markup-dense text: many tags relative to the words around them
    return tags >= 5 and tags * 12 > len(head.split()) * 0.5
