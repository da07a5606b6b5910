"""The per-page work of corpus mode, shared by the local worker processes and Ray.

`Worker(config)` is built once per process; `Worker.extract(page)` turns one `Page` into an
output record or an error record, and `Worker.template_keys(page)` gives the first pass's
hashed lines. Both are pure functions of the page (and of the read-only template table).
"""

from __future__ import annotations

import importlib
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import DehuskError
from ..options import Options
from ..templates import TemplateTable, host_key, host_of, page_keys, page_lines
from .readers import Page, ReaderConfig, iter_items

Outcome = tuple[str, dict[str, Any]]  # ("ok", record) | ("error", error record)


@dataclass(frozen=True, slots=True)
class TemplateShard:
    """First-pass task: worker `index` of `count` reads all inputs and counts every count-th page."""

    inputs: list[str]
    reader: ReaderConfig
    index: int
    count: int
    capacity: int


@dataclass(frozen=True, slots=True)
class WorkConfig:
    options: Options = Options()
    extract_fn: str | None = None  # "module:function" with dehusk.extract's signature (tests, custom runs)
    templates_dir: str | None = None  # where the first pass saved its table (None: no templates)
    minhash: bool = False  # compute the MinHash signature of each article's text
    language: bool = True  # language id of the extracted text (dehusk.lang: a model shipped in a package)
    min_template_pages: int = 1  # hosts with fewer pages get no template statistics


def load_function(spec: str) -> Callable[..., Any]:
    module, _, name = spec.partition(":")
    if not module or not name:
        raise ValueError(f"--extract-fn must be module:function, not {spec!r}")
    return getattr(importlib.import_module(module), name)


_BLOCK_TAGS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "br",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
)


def _render_lines(tree: Any) -> list[str]:
    """The page's text with a line break around every block element (as html_mode rendered it)."""
    for node in tree.css("script, style, noscript, template, svg"):
        node.decompose()
    root = tree.body or tree.root
    if root is None:
        return []
    for node in root.css(",".join(_BLOCK_TAGS)):
        node.insert_before("\n")
        node.insert_after("\n")
    return [ln.strip() for ln in root.text(separator="", strip=False).splitlines() if ln.strip()]


def html_blocks(html: str) -> list[str]:
    """The text blocks of an HTML page as HTML mode cuts them (the DOM segmenter's blocks): the
    units whose template share HTML mode reads. A page the segmenter cannot cut counts its
    rendered lines instead."""
    from selectolax.lexbor import LexborHTMLParser

    try:
        from ..segment_html import segment_html

        root = LexborHTMLParser(html).root
        if root is not None:
            return [seg.text for seg in segment_html(root)[0]]
    except Exception:  # noqa: BLE001 - the rendered lines stand in
        pass
    return _render_lines(LexborHTMLParser(html))


def html_lines(html: str) -> list[str]:
    """Normalised template lines of an HTML page (first pass)."""
    return page_lines("\n".join(html_blocks(html)))


def error_record(page: Page, stage: str, error: str, message: str) -> dict[str, Any]:
    return {
        "id": page.id,
        "url": page.url,
        "source_path": page.source_path,
        "source_offset": page.source_offset,
        "stage": stage,
        "error": error,
        "message": message[:2000],
    }


class Worker:
    def __init__(self, config: WorkConfig, table: TemplateTable | None = None) -> None:
        from ..pipeline import extract

        self.config = config
        self.extract_fn = load_function(config.extract_fn) if config.extract_fn else extract
        self.table = table
        self._table_checked = table is not None

    def _table(self) -> TemplateTable | None:
        """The template table, loaded (memory-mapped) on first use: the first pass writes it."""
        if not self._table_checked and self.config.templates_dir:
            from pathlib import Path

            path = Path(self.config.templates_dir)
            if (path / "keys.npy").exists():
                self.table = TemplateTable.load(path)
                self._table_checked = True
        return self.table

    def warm_up(self) -> None:
        """Load lazily-built models (language id...) before the first timed page."""
        page = "<html><body><p>warm up the models of dehusk, once per worker process.</p></body></html>"
        try:  # best effort: a page that fails here fails again, and is reported, when it is real
            self.extract_fn(page, mode="html", url=None, options=self.config.options)
            if self.config.language:
                from ..lang import detect_language

                detect_language("warm up the language identifier of this worker process")
        except Exception:  # noqa: BLE001
            pass

    def _templates(self, page: Page) -> Any:
        table = self._table()
        if table is None:
            return None
        hk = host_key(host_of(page.url))
        if hk is None:
            return None
        host = table.host(key=hk)
        if host is None or host.pages < self.config.min_template_pages:
            return None
        return host

    def extract(self, page: Page) -> Outcome:
        options = self.config.options
        templates = self._templates(page)
        if templates is not None:
            options = options.with_(template_lines=templates)
        try:
            article = self.extract_fn(
                page.payload, mode=page.mode, url=page.url, options=options, content_type=page.content_type
            )
        except DehuskError as exc:
            return "error", error_record(page, exc.stage, type(exc).__name__, str(exc))
        except Exception as exc:  # noqa: BLE001 - a bad page must not end the run
            return "error", error_record(page, "extract", type(exc).__name__, str(exc) or repr(exc))
        try:
            return "ok", self.record(page, article)
        except Exception as exc:  # noqa: BLE001
            return "error", error_record(page, "postprocess", type(exc).__name__, str(exc))

    def record(self, page: Page, article: Any) -> dict[str, Any]:
        rec: dict[str, Any] = {
            "id": page.id,
            "url": page.url,
            "source_path": page.source_path,
            "source_offset": page.source_offset,
        }
        d = article.to_dict()
        d.pop("url", None)
        d.pop("blocks", None)
        rec.update(d)
        rec.setdefault("markdown", None)
        score = None
        if self.config.language and article.text:
            from ..lang import detect_language

            code, prob = detect_language(article.text)
            if code is not None:
                score = round(prob, 4)
                if rec.get("language") is None:
                    rec["language"] = code
                elif rec["language"] != code:
                    score = None  # the pipeline's own call stands; no score for it
        rec["language_score"] = score
        if self.config.minhash:
            from .dedup import signature

            rec["minhash"] = signature(article.text)
        return rec

    def template_keys(self, page: Page) -> np.ndarray | None:
        """First pass: hashed (host, line) keys of this page; None if the page has no host."""
        hk = host_key(host_of(page.url))
        if hk is None:
            return None
        from ..decode import looks_like_html, to_text

        text = to_text(page.payload, content_type=page.content_type, max_bytes=self.config.options.max_bytes)
        mode = page.mode
        if mode == "auto":
            mode = "html" if looks_like_html(text) else "text"
        lines = html_lines(text) if mode == "html" else page_lines(text)
        return page_keys(hk, lines)


def template_shard(worker: Worker, shard: TemplateShard) -> tuple[TemplateTable, int]:
    """Count the template lines of this shard's pages; also the number of input items.

    Each worker reads the whole input (decompressing is cheap next to parsing HTML) and
    parses only its share of the pages, so no page travels through the parent in this pass.
    Pages are shared out by a checksum of their bytes, so that the copies of a page meet in
    one worker, which counts them once.
    """
    from ..templates import TemplateCounter

    counter = TemplateCounter(capacity=shard.capacity)
    items = 0
    for _fi, _ii, item in iter_items(shard.inputs, shard.reader):
        items += 1
        if not isinstance(item, Page):
            continue
        data = item.payload.encode("utf-8", "replace") if isinstance(item.payload, str) else item.payload
        if zlib.crc32(data) % shard.count != shard.index:  # copies of a page land in the same share
            continue
        try:
            keys = worker.template_keys(item)
        except Exception:  # noqa: BLE001 - a page that cannot be read just does not count here
            continue
        if keys is not None:
            counter.add_page(keys)
    return counter.result(), items


def run_task(worker: Worker, kind: str, page: Any) -> Any:
    if kind == "extract":
        return worker.extract(page)
    if kind == "keys":
        return worker.template_keys(page)
    if kind == "template_shard":
        return template_shard(worker, page)
    raise ValueError(f"unknown task kind {kind!r}")
