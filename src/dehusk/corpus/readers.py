"""Corpus inputs: directories of pages, JSONL, WARC (``response``) and WET (``conversion``).

Every input path expands to a deterministic list of leaf files (directories are walked in
sorted order); each leaf yields items in file order, each item a `Page` to extract or a
`ReadError` (a truncated gzip, a corrupt WARC record, a JSONL line that is not JSON...). Item
positions ``(file_index, index_in_file)`` are stable from run to run, which is what resuming
relies on.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

COMPRESSED = {".gz": "gzip", ".zst": "zstd", ".zstd": "zstd"}
HTML_EXT = (".html", ".htm", ".xhtml", ".shtml")
TEXT_EXT = (".txt", ".text")
JSONL_EXT = (".jsonl", ".ndjson", ".jsonlines")
WARC_EXT = (".warc", ".wet")
URLS_MANIFEST = "urls.tsv"
TEXT_FIELDS = ("html", "text", "content", "raw_content", "body")
HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")


@dataclass(slots=True)
class Page:
    id: str
    url: str | None
    source_path: str
    source_offset: int | None  # JSONL: line number; WARC: byte offset of the record; file: None
    payload: bytes | str
    mode: str = "auto"
    content_type: str | None = None


@dataclass(slots=True)
class ReadError:
    id: str
    stage: str  # read | parse
    error: str
    message: str
    source_path: str = ""
    source_offset: int | None = None


@dataclass(slots=True)
class ReaderConfig:
    mode: str = "auto"  # forced mode for directory and JSONL pages ("auto": by extension / field)
    text_field: str | None = None  # JSONL: field holding the page; None: the first of TEXT_FIELDS
    id_field: str = "id"
    url_field: str = "url"
    max_bytes: int = 64 * 1024 * 1024
    warc_status: tuple[int, int] = (200, 299)  # response records outside this range are skipped
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Leaf:
    path: str
    kind: str  # page | jsonl | warc | missing
    url: str | None = None  # directory page with a urls.tsv manifest
    problem: str | None = None  # missing: why


# --------------------------------------------------------------------------- compression


class _ZstdReader(io.RawIOBase):
    """Multi-frame zstd decompression that raises EOFError on a truncated frame."""

    def __init__(self, raw: IO[bytes]) -> None:
        import zstandard

        self._raw = raw
        self._dctx = zstandard.ZstdDecompressor()
        self._obj = self._dctx.decompressobj()
        self._in_frame = False
        self._buf = b""
        self._pos = 0
        self._eof = False
        self._offset = 0  # decompressed bytes handed out

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:  # forward only: enough for tell() and skipping (FastWARC asks)
        return True

    def tell(self) -> int:
        return self._offset

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        target = offset if whence == io.SEEK_SET else self._offset + offset if whence == io.SEEK_CUR else -1
        if target < self._offset:
            raise io.UnsupportedOperation("a zstd stream only seeks forward")
        scratch = bytearray(1 << 16)
        while self._offset < target:
            n = self.readinto(memoryview(scratch)[: min(len(scratch), target - self._offset)])
            if not n:
                break
        return self._offset

    def readinto(self, b: Any) -> int:
        while self._pos >= len(self._buf) and not self._eof:
            chunk = self._raw.read(1 << 16)
            if not chunk:
                if self._in_frame:
                    raise EOFError("zstd stream ended in the middle of a frame (truncated file)")
                self._eof = True
                break
            out = []
            data = chunk
            while data:
                out.append(self._obj.decompress(data))
                self._in_frame = True
                if self._obj.eof:
                    data = self._obj.unused_data
                    self._obj = self._dctx.decompressobj()
                    self._in_frame = False
                else:
                    data = b""
            self._buf, self._pos = b"".join(out), 0
        n = min(len(b), len(self._buf) - self._pos)
        b[:n] = self._buf[self._pos : self._pos + n]
        self._pos += n
        self._offset += n
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


class _Read1(io.RawIOBase):
    """Short reads over a buffered decompressor: the bytes before a truncation are handed out
    before the error is raised (a buffered read(n) would drop them with the exception)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._inner.tell()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._inner.seek(offset, whence)

    def readinto(self, b: Any) -> int:
        data = self._inner.read1(len(b))
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._inner.close()
        super().close()


def compression_of(path: str) -> str | None:
    return COMPRESSED.get(os.path.splitext(path)[1].lower())


def open_binary(path: str, short_reads: bool = False) -> IO[bytes]:
    """Open a file for reading, decompressing gzip/zstd (by extension, else by magic bytes).

    `short_reads`: a stream whose read(n) may return less than n, so that a truncated
    compressed file yields everything before the cut, then raises EOFError.
    """
    raw = open(path, "rb")  # noqa: SIM115 - returned to the caller
    kind = compression_of(path)
    if kind is None:
        magic = raw.peek(4)[:4] if hasattr(raw, "peek") else b""
        kind = "gzip" if magic[:2] == b"\x1f\x8b" else "zstd" if magic == b"\x28\xb5\x2f\xfd" else None
    if kind == "gzip":
        gz = gzip.GzipFile(fileobj=raw, mode="rb")
        return _Read1(gz) if short_reads else gz  # type: ignore[return-value]
    if kind == "zstd":
        zs = _ZstdReader(raw)
        return zs if short_reads else io.BufferedReader(zs, buffer_size=1 << 16)  # type: ignore[return-value]
    return raw


def _base_name(path: str) -> str:
    name = os.path.basename(path).lower()
    if compression_of(name):
        name = os.path.splitext(name)[0]
    return name


def kind_of(path: str) -> str:
    name = _base_name(path)
    ext = os.path.splitext(name)[1]
    if ext in JSONL_EXT:
        return "jsonl"
    if ext in WARC_EXT or name.endswith(".warc.wet"):
        return "warc"
    return "page"


# --------------------------------------------------------------------------- expansion


def _read_manifest(directory: str) -> dict[str, str]:
    path = os.path.join(directory, URLS_MANIFEST)
    urls: dict[str, str] = {}
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                rel, sep, url = line.rstrip("\n").partition("\t")
                if sep and url:
                    urls[rel] = url
    return urls


def expand(inputs: list[str]) -> Iterator[Leaf]:
    """Leaf files of the inputs, in a stable order (directories walked sorted, dot files skipped)."""
    for top in inputs:
        if os.path.isdir(top):
            urls = _read_manifest(top)
            for dirpath, dirnames, filenames in os.walk(top):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if name.startswith(".") or (dirpath == top and name == URLS_MANIFEST):
                        continue
                    path = os.path.join(dirpath, name)
                    rel = os.path.relpath(path, top)
                    yield Leaf(path, kind_of(path), url=urls.get(rel))
        elif os.path.exists(top):
            yield Leaf(top, kind_of(top))
        else:
            yield Leaf(top, "missing", problem="no such file or directory")


# --------------------------------------------------------------------------- readers


def _mode_for(name: str, forced: str) -> str:
    if forced != "auto":
        return forced
    base = _base_name(name)
    if base.endswith(HTML_EXT):
        return "html"
    if base.endswith(TEXT_EXT):
        return "text"
    return "auto"


def read_page_file(leaf: Leaf, cfg: ReaderConfig) -> Iterator[Page | ReadError]:
    with open_binary(leaf.path) as fh:
        data = fh.read(cfg.max_bytes)
        if fh.read(1):  # longer than max_bytes: drain so a truncated gzip still shows
            while fh.read(1 << 20):
                pass
    yield Page(leaf.path, leaf.url, leaf.path, None, data, _mode_for(leaf.path, cfg.mode))


def read_jsonl(leaf: Leaf, cfg: ReaderConfig) -> Iterator[Page | ReadError]:
    with open_binary(leaf.path) as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            rid = f"{leaf.path}:{lineno}"
            try:
                obj = json.loads(raw)
            except ValueError as exc:
                yield ReadError(
                    rid, "parse", type(exc).__name__, f"line is not JSON: {exc}", leaf.path, lineno
                )
                continue
            if not isinstance(obj, dict):
                yield ReadError(
                    rid,
                    "parse",
                    "TypeError",
                    f"line is a JSON {type(obj).__name__}, not an object",
                    leaf.path,
                    lineno,
                )
                continue
            fields = (cfg.text_field,) if cfg.text_field else TEXT_FIELDS
            name = next((f for f in fields if f in obj), None)
            if name is None or not isinstance(obj[name], str):
                what = f"field {name!r} is not a string" if name else f"no {' / '.join(fields)} field"
                yield ReadError(rid, "parse", "MissingField", what, leaf.path, lineno)
                continue
            value = obj.get(cfg.id_field)
            if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value):
                rid = str(value)
            url = obj.get(cfg.url_field)
            mode = cfg.mode if cfg.mode != "auto" else {"html": "html", "text": "text"}.get(name, "auto")
            yield Page(rid, url if isinstance(url, str) else None, leaf.path, lineno, obj[name], mode)


def _dechunk(body: bytes) -> bytes:
    out, pos = [], 0
    while True:
        end = body.find(b"\r\n", pos)
        if end < 0:
            break
        try:
            size = int(body[pos:end].split(b";")[0].strip() or b"0", 16)
        except ValueError:
            return body
        if size == 0:
            break
        out.append(body[end + 2 : end + 2 + size])
        pos = end + 2 + size + 2
    return b"".join(out)


def parse_http(block: bytes) -> tuple[int, dict[str, str], bytes]:
    """Status, lower-cased headers and the decoded body of an HTTP response block."""
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    lines = head.decode("latin-1").splitlines()
    parts = lines[0].split(None, 2) if lines else []
    if len(parts) < 2 or not parts[0].upper().startswith("HTTP/") or not parts[1].isdigit():
        raise ValueError(f"not an HTTP response: {lines[0][:80] if lines else ''!r}")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        key, _, value = line.partition(":")
        headers[key.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    encoding = headers.get("content-encoding", "").lower().strip()
    if encoding in ("gzip", "x-gzip", "deflate"):
        try:
            body = zlib.decompress(body, 47 if encoding != "deflate" else 15)
        except zlib.error:
            body = zlib.decompress(body, -15) if encoding == "deflate" else body
    return int(parts[1]), headers, body


def _read_capped(reader: Any, limit: int) -> tuple[bytes, int]:
    """At most `limit` bytes of a record (the rest is read and dropped), and the record's full size."""
    block = reader.read(limit)
    size = len(block)
    while chunk := reader.read(1 << 20):
        size += len(chunk)
    return block, size


def read_warc(leaf: Leaf, cfg: ReaderConfig) -> Iterator[Page | ReadError]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    pos = 0
    with open_binary(leaf.path, short_reads=True) as fh:
        records = ArchiveIterator(
            fh,
            record_types=WarcRecordType.response | WarcRecordType.conversion,
            parse_http=False,
            stream_detect=False,
        )
        for record in records:
            pos = record.stream_pos
            rid = record.record_id or f"{leaf.path}@{pos}"
            block, size = _read_capped(record.reader, cfg.max_bytes + (1 << 16))
            if size != record.content_length:
                yield ReadError(
                    rid,
                    "read",
                    "TruncatedRecord",
                    f"WARC record claims {record.content_length} bytes, {size} found",
                    leaf.path,
                    pos,
                )
                continue
            url = record.headers.get("WARC-Target-URI") or None
            if record.record_type == WarcRecordType.conversion:
                yield Page(rid, url, leaf.path, pos, block, "text", record.headers.get("Content-Type"))
                continue
            try:
                status, headers, body = parse_http(block)
            except (ValueError, zlib.error) as exc:
                yield ReadError(rid, "parse", type(exc).__name__, f"bad HTTP response: {exc}", leaf.path, pos)
                continue
            ctype = headers.get("content-type")
            lo, hi = cfg.warc_status
            if not lo <= status <= hi or (ctype and not ctype.lower().lstrip().startswith(HTML_TYPES)):
                continue  # not an HTML page: not an input record
            yield Page(rid, url, leaf.path, pos, body[: cfg.max_bytes], "html", ctype)


READERS = {"page": read_page_file, "jsonl": read_jsonl, "warc": read_warc}


def iter_leaf(leaf: Leaf, cfg: ReaderConfig) -> Iterator[Page | ReadError]:
    """The items of one leaf file; a failure to read ends the file with a ReadError."""
    if leaf.kind == "missing":
        yield ReadError(leaf.path, "read", "FileNotFoundError", leaf.problem or "missing", leaf.path)
        return
    last_offset: int | None = None
    try:
        for item in READERS[leaf.kind](leaf, cfg):
            last_offset = item.source_offset
            yield item
    except (OSError, EOFError, ValueError, zlib.error) as exc:
        where = f" after offset {last_offset}" if last_offset is not None else ""
        message = f"{exc.strerror or exc}" if isinstance(exc, OSError) and exc.strerror else str(exc)
        yield ReadError(
            leaf.path if last_offset is None else f"{leaf.path}@{last_offset}",
            "read",
            type(exc).__name__,
            f"cannot read {leaf.path}{where}: {message}",
            leaf.path,
            last_offset,
        )


def iter_items(
    inputs: list[str], cfg: ReaderConfig, start: tuple[int, int] = (0, 0)
) -> Iterator[tuple[int, int, Page | ReadError]]:
    """All items of all inputs as (file_index, index_in_file, item), from position `start`."""
    start_file, start_index = start
    for fi, leaf in enumerate(expand(inputs)):
        if fi < start_file:
            continue
        for ii, item in enumerate(iter_leaf(leaf, cfg)):
            if fi == start_file and ii < start_index:
                continue
            yield fi, ii, item


def leaves(inputs: list[str]) -> list[Leaf]:
    return list(expand(inputs))


def path_list(inputs: list[str | Path]) -> list[str]:
    return [os.fspath(p) for p in inputs]
