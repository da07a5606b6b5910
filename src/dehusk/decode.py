"""Turning input into text: bytes decoding with charset detection, and HTML-vs-text detection."""

from __future__ import annotations

import codecs
import html
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
_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
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
    # UTF-8 with a few broken bytes stays UTF-8: it holds valid multi-byte sequences and errors are
    # rare (a single-byte encoding such as cp1252 holds no valid multi-byte sequence at all)
    replaced = data.decode("utf-8", errors="replace")
    errors = replaced.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multi = len(_UTF8_MULTI.findall(data, 0, 1_000_000))
    if multi >= max(errors, 1) * 2 or (multi and errors < len(data) * 0.005):
        return replaced
    declared = declared_charset(data, content_type)
    if declared and declared not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # the declaration lies: detect instead
    encoding = detect_encoding(data)
    if encoding:
        try:
            return data.decode(encoding, errors="replace")
        except LookupError:
            pass
    return data.decode("utf-8", errors="replace")


def detect_encoding(data: bytes) -> str | None:
    """charset-normalizer's candidates; among the least chaotic, the most coherent one.

    (Its single best guess ranks by chaos alone, which picks cp1257 for plain French cp1252.)
    """
    try:
        from charset_normalizer import from_bytes

        results = list(from_bytes(data[:200_000]))
    except Exception:  # noqa: BLE001 - detection is best effort
        return None
    if not results:
        return None
    least = min(m.chaos for m in results)
    close = [m for m in results if m.chaos <= least + 0.02]
    # windows-1252, the web's default for undeclared pages, wins whenever it decodes the bytes as
    # cleanly as the best candidate (several code pages often decode the same bytes the same way)
    if any("cp1252" in (getattr(m, "could_be_from_charset", None) or [m.encoding]) for m in close):
        return "cp1252"
    best = max(close, key=lambda m: round(m.coherence, 3))
    return best.encoding


_GZIP, _ZSTD = b"\x1f\x8b", b"\x28\xb5\x2f\xfd"
_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"RIFF", b"OggS",
                 b"\x00\x00\x01\x00", b"BM", b"wOFF", b"wOF2", b"\xca\xfe\xba\xbe")
_CONTROL_BYTES = bytes(range(1, 9)) + bytes(range(14, 32))  # NUL aside: NULs are stripped


def _uncompress(data: bytes, max_bytes: int | None) -> bytes:
    """A gzip- or zstd-compressed page is read uncompressed (up to max_bytes)."""
    limit = max_bytes or 256 * 1024 * 1024
    try:
        if data.startswith(_GZIP):
            import zlib

            return zlib.decompressobj(wbits=47).decompress(data, limit)
        if data.startswith(_ZSTD):
            import zstandard

            return zstandard.ZstdDecompressor().decompressobj().decompress(data)[:limit]
    except ImportError:
        raise InputError("input is zstd-compressed: install zstandard to read it") from None
    except Exception as exc:  # noqa: BLE001 - corrupt archives of any kind
        raise InputError(f"input is compressed but cannot be decompressed: {exc}") from exc
    return data


def check_not_binary(data: bytes) -> None:
    """Raise InputError for bytes that are no text: images, archives, executables, noise."""
    head = data[:8192]
    if head.startswith(_BINARY_MAGIC) and not head.lstrip().startswith(b"<"):
        raise InputError("input is a binary file (image, archive or executable), not a page")
    if not head:
        return
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM
        return
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if control / len(head) > 0.05:
        raise InputError(f"input looks binary ({control / len(head):.0%} control bytes), not a text or HTML page")


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


GARBLED_SAMPLE_CHARS = 20_000


def _garbled(text: str, literal: int = 0) -> bool:
    """Whether decoding left too many replacement (or private-use) characters to be text.
    `literal`: the replacement characters the input itself holds as valid UTF-8 in the sampled
    stretch (a renderer's own "\ufffd" runs are the page's text, not a failed decoding)."""
    sample = text[:GARBLED_SAMPLE_CHARS]
    replaced = max(sample.count("\ufffd") - literal, 0)
    return bool(sample) and (replaced + len(_PRIVATE_USE.findall(sample, 0, 4000))) > 0.1 * min(len(sample), 4000)


def to_text(page: str | bytes, content_type: str | None = None, max_bytes: int | None = None) -> str:
    """Input normalisation shared by every mode: decode, drop NULs and control characters."""
    return to_text_utf8(page, content_type, max_bytes)[0]


def to_text_utf8(
    page: str | bytes, content_type: str | None = None, max_bytes: int | None = None
) -> tuple[str, bytes | None]:
    """`to_text`, and the text's UTF-8 bytes when the check made them anyway (non-ASCII text
    left unchanged): the HTML parser reads those instead of encoding the page once more."""
    if isinstance(page, (bytes, bytearray, memoryview)):
        data = bytes(page)
        if data[:4].startswith((_GZIP, _ZSTD)):
            data = _uncompress(data, max_bytes)
        if max_bytes is not None and len(data) > max_bytes:
            data = data[:max_bytes]
        check_not_binary(data)
        text = decode_bytes(data, content_type)
        # (the sample's characters take at most 4 bytes each in UTF-8)
        if _garbled(text, data.count(b"\xef\xbf\xbd", 0, 4 * GARBLED_SAMPLE_CHARS)):
            raise InputError("input does not decode as text in any charset (binary data?)")
    elif isinstance(page, str):
        text = page
        if max_bytes is not None and len(text) > max_bytes:
            text = text[:max_bytes]
    else:
        raise InputError(f"page must be str or bytes, not {type(page).__name__}")
    if not text.isascii():  # (an ASCII str has no surrogates; isascii is O(1))
        try:  # one pass finds both: a NUL is a 0 byte in UTF-8 (searching the bytes is far faster)
            utf8 = text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: the slow path below
            pass
        else:
            if b"\x00" in utf8 or _CONTROL.search(text, 0, 10_000):
                return _CONTROL.sub("", text.replace("\x00", "")), None  # (removing characters adds no surrogate)
            return text, utf8
    if "\x00" in text or _CONTROL.search(text, 0, 10_000):
        text = _CONTROL.sub("", text.replace("\x00", ""))
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates in a str: replace them
            text = text.encode("utf-8", "replace").decode("utf-8")
    return text, None


_HTML_SIGNS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<div[\s>]|<p[\s>]|<title>|<script[\s>]|<article[\s>]|<br\s*/?>|<table[\s>]|<span[\s>]|<a\s+href",
    re.I,
)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,500})?/?>")


# a document opening on a line of its own after a line or two of something else (a server's
# warning, the HTTP response's headers): `<!doctype html>` or `<html>` near the top (after a few
# comments on its line, maybe)
_LATE_DOC = re.compile(r"^[ \t]*(?:<!--[^\n]{0,200}?-->[ \t]*){0,5}<(?:!doctype\s+html|html[\s>])", re.I | re.M)
LATE_DOC_CHARS = 1000
_END_DOC = re.compile(r"</html\s*>", re.I)
_RAW_START = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)  # a leading style sheet or script
_RAW_OPEN = re.compile(r"<(?:script|style)\b", re.I)
RAW_BLOCKS = 20  # leading style sheets and scripts skipped (more: markup)
_ELEMENT = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]{0,500})?/?>")  # `_TAG` with custom elements' names
_ANY_TAG = re.compile(r"<[a-zA-Z!/?]")  # anything that opens a tag, a comment or a declaration (custom elements too)
# what a page's markup may open with but a line of text never does
_MARKUP_START = re.compile(r"<(?:script|style|link|meta|body|html|head|svg|template|noscript|iframe|!|\?)", re.I)
TEXT_LINES = 6  # the first lines looked at: the first may name a tag, the next five hold none in a text dump


def looks_like_html(text: str) -> bool:
    """True when `text` is HTML markup rather than a plain-text dump.

    A dump of a page about HTML holds markup too: its code samples ("<div className=...>", a
    template's `<head>`), or a headline naming a tag ("<section>: the section element"). It is told
    from markup by its lines: markup puts tags on most lines (or all on one), a dump on few, and
    none on the lines after its first (`_text_with_markup`). A document after a line or two of
    something else (a server's warning, HTTP headers) is HTML when tags follow on its next lines."""
    head = text[:20_000].lstrip()
    if not head:
        return False
    if head[:1] == "<" and _HTML_SIGNS.search(head[:2000]):
        return not _text_with_markup(head)
    if (m := _LATE_DOC.search(head, 0, LATE_DOC_CHARS)) is not None and _markup_follows(head[m.start():]):
        return True
    if _RAW_OPEN.match(head):
        # style sheets or scripts first (longer, maybe, than the part looked at): what follows tells
        start, skipped = len(text) - len(text.lstrip()), 0
        while skipped < RAW_BLOCKS and (raw := _RAW_START.match(text, start)) is not None:
            start, skipped = raw.end(), skipped + 1
            while start < len(text) and text[start].isspace():
                start += 1
        if skipped:
            return skipped == RAW_BLOCKS or looks_like_html(text[start:])
    if _ANY_TAG.match(head) and _tag_lines(head) and not _text_with_markup(head):
        return True  # a fragment of markup without the usual signs up front (an SVG sprite, custom elements)
    signs = len(_HTML_SIGNS.findall(head))
    if signs < 2:
        return False
    tags = _TAG.findall(head)
    closing = sum(1 for t in tags if t.startswith("</"))
    markup = sum(len(t) for t in tags)
    # markup-dense text: tags (with closing tags) make up a real share of the characters
    return closing >= 3 and markup > 0.12 * len(head) and not _text_with_markup(head)


_NON_SPACE = re.compile(r"\S")


def document_start(text: str) -> int:
    """Where an HTML document opens after a line or two of something else (a server's warning,
    the HTTP response's headers): the offset of its `<!doctype html>` or `<html>` line. 0 when the
    text opens with markup, or holds no such line with markup after it. (Parsed with what comes
    before it, the document would lose its head: the parser puts that text in an implied body and
    everything after it there too.)"""
    first = _NON_SPACE.search(text, 0, 20_000)
    if first is None or text[first.start()] == "<":
        return 0
    late = _LATE_DOC.search(text, first.start(), first.start() + LATE_DOC_CHARS)
    if late is None or not _markup_follows(text[late.start() : late.start() + 20_000]):
        return 0
    return late.start()


def _first_lines(text: str, k: int) -> list[str]:
    """The first `k` lines of `text` that are not blank."""
    out: list[str] = []
    start = 0
    while len(out) < k and start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if not text[start:end].isspace() and end > start:
            out.append(text[start:end])
        start = end + 1
    return out


def _sample_lines(head: str) -> list[str]:
    """The first 400 lines of `head` that are not blank."""
    return [line for line in head.split("\n", 400)[:400] if line.strip()]


def _tag_lines(head: str) -> bool:
    """Tags on most of the first 400 lines (or, on one or two lines, a third of the characters)."""
    sample = _sample_lines(head)
    if len(sample) <= 2:
        return sum(len(t) for t in _ELEMENT.findall(head)) > 0.3 * len(head)
    return sum(1 for line in sample if _ANY_TAG.search(line)) >= 0.5 * len(sample)


def _markup_follows(doc: str) -> bool:
    """Does markup go on from the line opening `doc` (more HTML on that line, `<!doctype
    html><html><head>`, or a tag on one of its next lines), and is it no sample of a document
    (text lines without a tag after its `</html>`)?"""
    lines = _first_lines(doc, TEXT_LINES)
    if not (len(_HTML_SIGNS.findall(lines[0])) >= 2 or any(_ANY_TAG.search(line) for line in lines[1:])):
        return False
    end = _END_DOC.search(doc)
    after = _first_lines(doc[end.end():], 2) if end is not None else []
    return len(after) < 2 or any(_ANY_TAG.search(line) for line in after)


def _text_with_markup(head: str) -> bool:
    """A text dump that shows some markup: a first line with at most one tag (not one that only
    markup opens with), none on the five lines after it, tags on under half of its lines (of the
    first 400)."""
    lines = _first_lines(head, TEXT_LINES)
    # (the cheap tests first: a minified page's first line is the whole part read)
    if (len(lines) < TEXT_LINES or _MARKUP_START.match(lines[0].lstrip())
            or any(_ANY_TAG.search(line) for line in lines[1:]) or len(_ANY_TAG.findall(lines[0])) > 1):
        return False
    sample = _sample_lines(head)
    return sum(1 for line in sample if _TAG.search(line)) < 0.5 * len(sample)




# an HTML character reference, well formed (its semicolon included): "&amp;", "&#8217;", "&#x2019;"
_REFERENCE = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,9});")
REFERENCES_MIN = 2  # a dump holding fewer is left as it is (one "&amp;" may be the text's own)


def unescape_references(text: str) -> str:
    """A text dump with the HTML character references its renderer left undecoded ("the ferry&#8217;s
    timetable", "9&ndash;2", "&amp;"): decoded, when it holds REFERENCES_MIN or more (the gold text
    of 20 of the 21 dataset dumps that hold two or more has them decoded). A reference HTML does
    not know stays as it is."""
    if "&" not in text:
        return text
    found = _REFERENCE.finditer(text)
    if any(next(found, None) is None for _ in range(REFERENCES_MIN)):  # (stops at the REFERENCES_MIN-th)
        return text
    return _REFERENCE.sub(lambda m: html.unescape(m.group()), text)
