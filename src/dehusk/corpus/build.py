"""Write the same pages as a WARC, a WET, a JSONL file and a directory (tests and benchmarks).

A page is ``(url, html, text)``: the WARC gets the HTML as ``response`` records, the WET the
text as ``conversion`` records; JSONL and directory inputs can hold either.
"""

from __future__ import annotations

import gzip
import json
import os
import uuid
from collections.abc import Iterable
from pathlib import Path

PageSpec = tuple[str, str, str]  # url, html, text


def record_id(url: str, kind: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + ':' + url)}>"


def warc_record(kind: str, url: str, payload: bytes, rid: str | None = None) -> bytes:
    """One WARC/1.0 record: ``response`` (payload wrapped in an HTTP 200) or ``conversion``."""
    if kind == "response":
        payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + payload
        ctype = "application/http; msgtype=response"
    else:
        ctype = "text/plain"
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {rid or record_id(url, kind)}\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: {ctype}\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    ).encode()
    return head + payload + b"\r\n\r\n"


def write_warc(path: Path, records: Iterable[bytes]) -> None:
    """Records to a file: gzip members per record for ``.gz``, plain otherwise."""
    with open(path, "wb") as fh:
        for rec in records:
            fh.write(gzip.compress(rec, compresslevel=5) if str(path).endswith(".gz") else rec)


def write_inputs(pages: list[PageSpec], root: Path, gz: bool = True) -> dict[str, Path]:
    """The pages as html.warc(.gz), text.wet(.gz), html.jsonl, text.jsonl, html/ and text/ dirs."""
    root.mkdir(parents=True, exist_ok=True)
    sfx = ".gz" if gz else ""
    out = {
        "warc": root / f"pages.warc{sfx}",
        "wet": root / f"pages.warc.wet{sfx}",
        "html_jsonl": root / "html.jsonl",
        "text_jsonl": root / "text.jsonl",
        "html_dir": root / "html",
        "text_dir": root / "text",
    }
    write_warc(out["warc"], (warc_record("response", u, h.encode()) for u, h, _ in pages))
    write_warc(out["wet"], (warc_record("conversion", u, t.encode()) for u, _, t in pages))
    for kind in ("html", "text"):
        d = out[f"{kind}_dir"]
        d.mkdir(exist_ok=True)
        with open(out[f"{kind}_jsonl"], "w", encoding="utf-8") as jf, open(d / "urls.tsv", "w") as uf:
            for i, (url, html, text) in enumerate(pages):
                body = html if kind == "html" else text
                name = f"{i:06d}.{'html' if kind == 'html' else 'txt'}"
                jf.write(json.dumps({"id": f"p{i}", "url": url, kind: body}, ensure_ascii=False) + "\n")
                (d / name).write_text(body, encoding="utf-8")
                uf.write(f"{name}\t{url}\n")
    return out


def sizes(paths: dict[str, Path]) -> dict[str, int]:
    total = {}
    for k, p in paths.items():
        total[k] = sum(f.stat().st_size for f in p.rglob("*")) if p.is_dir() else os.path.getsize(p)
    return total
