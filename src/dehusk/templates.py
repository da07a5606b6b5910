"""Site templates: which lines repeat across the pages of one host.

Corpus mode makes a first pass over its input and counts, for each host, on how many of
its pages each (normalised, hashed) line occurs. Extraction then reads
``options.template_lines.share(text)``: the fraction of the host's pages that carry this
line. A line on 90% of a site's pages is its menu, footer or share bar, whatever the page.

Memory is bounded: counts live in one table of (key, count) pairs, key = a 64-bit mix of
(host, line), kept sorted in numpy arrays and pruned of its lowest counts when it grows past
its capacity (lossy counting: a pruned line is under-counted, never over-counted, so the
feature errs on the side of keeping text).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

_WS = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_MASK = (1 << 64) - 1
PAGES_LINE = 0x9E3779B97F4A7C15  # the pseudo-line whose count is the host's page count
PAGE_SIGNATURE = 0xD1B54A32D192ED03  # marks the table entries that remember which pages were counted
TEMPLATE_SHARE = 0.8  # extraction: a line on at least this share of its host's pages is template...
TEMPLATE_MIN_PAGES = 4  # ...when the host has at least this many pages in the corpus
MIN_LETTERS = 2  # lines with fewer letters ("$10.00", "77", "...") are not counted: numbers are not templates


def normalise_line(text: str) -> str:
    """Case-folded, whitespace collapsed, every digit mapped to 0."""
    return _DIGIT.sub("0", _WS.sub(" ", text.casefold()).strip())


def countable(line: str) -> bool:
    """Whether a normalised line takes part in template counting (it has letters)."""
    letters = 0
    for ch in line:
        if ch.isalpha():
            letters += 1
            if letters >= MIN_LETTERS:
                return True
    return False


def _hash64(data: str) -> int:
    return int.from_bytes(
        hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little"
    )


def line_key(text: str) -> int:
    """Stable 64-bit hash of a normalised line: lines differing only in numbers collide on purpose."""
    return _hash64(normalise_line(text))


def host_of(url: str | None) -> str | None:
    """The host a page belongs to for template counting (lower case, without ``www.``)."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def host_key(host: str | None) -> int | None:
    return None if host is None else _hash64("host:" + host)


def _mix(host: int, lines: np.ndarray) -> np.ndarray:
    """Combine a host hash with line hashes into table keys (splitmix64 finaliser), vectorised."""
    with np.errstate(over="ignore"):
        z = lines.astype(np.uint64) ^ np.uint64(host)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def page_lines(text: str) -> list[str]:
    """The lines of a page that count: non-empty after normalisation."""
    out = []
    for raw in text.splitlines():
        line = normalise_line(raw)
        if countable(line):
            out.append(line)
    return out


def page_keys(host: int, lines: Iterable[str]) -> np.ndarray:
    """Table keys for one page of `host`: its distinct lines plus the page-count pseudo-line."""
    hashes = {_hash64(n) for n in map(normalise_line, lines) if countable(n)}
    hashes.add(PAGES_LINE)
    return _mix(host, np.fromiter(hashes, dtype=np.uint64, count=len(hashes)))


@dataclass
class TemplateTable:
    """Sorted (key, count) arrays: how many pages of a host carry a line."""

    keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint32))
    pruned_below: int = 0  # counts at or below this may have been dropped

    def __len__(self) -> int:
        return int(self.keys.shape[0])

    def count(self, key: int) -> int:
        i = int(np.searchsorted(self.keys, np.uint64(key)))
        if i < self.keys.shape[0] and int(self.keys[i]) == key:
            return int(self.counts[i])
        return 0

    def count_many(self, keys: np.ndarray) -> np.ndarray:
        if not self.keys.shape[0]:
            return np.zeros(keys.shape[0], dtype=np.uint32)
        idx = np.searchsorted(self.keys, keys)
        idx_c = np.minimum(idx, self.keys.shape[0] - 1)
        hit = self.keys[idx_c] == keys
        return np.where(hit, self.counts[idx_c], 0).astype(np.uint32)

    def host(self, url: str | None = None, *, key: int | None = None) -> HostTemplates | None:
        """Template statistics of one host (by URL or host key); None when the host is unknown."""
        hk = key if key is not None else host_key(host_of(url))
        if hk is None:
            return None
        return HostTemplates(self, hk)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        for name, arr in (("keys", self.keys), ("counts", self.counts)):
            tmp = directory / f"{name}.npy.tmp"
            with open(tmp, "wb") as fh:
                np.save(fh, arr)
            tmp.replace(directory / f"{name}.npy")
        (directory / "pruned_below.txt").write_text(str(self.pruned_below))

    @classmethod
    def load(cls, directory: Path, mmap: bool = True) -> TemplateTable:
        mode = "r" if mmap else None
        keys = np.load(directory / "keys.npy", mmap_mode=mode)
        counts = np.load(directory / "counts.npy", mmap_mode=mode)
        pruned = int((directory / "pruned_below.txt").read_text() or 0)
        return cls(keys, counts, pruned)


class HostTemplates:
    """One host's view of the table: `pages` seen and `share(line)` in 0..1."""

    __slots__ = ("table", "host", "pages")

    def __init__(self, table: TemplateTable, host: int) -> None:
        self.table = table
        self.host = host
        self.pages = table.count(int(_mix(host, np.array([PAGES_LINE], dtype=np.uint64))[0]))

    def count(self, text: str) -> int:
        """On how many of the host's pages the line occurs (0 if never or not counted)."""
        line = normalise_line(text)
        if not countable(line):
            return 0
        return self.table.count(int(_mix(self.host, np.array([_hash64(line)], dtype=np.uint64))[0]))

    def share(self, text: str) -> float:
        """Fraction of this host's pages that carry `text` (a multi-line text: the mean over its lines)."""
        if self.pages <= 0:
            return 0.0
        lines = page_lines(text) if "\n" in text else [normalise_line(text)]
        lines = [ln for ln in lines if countable(ln)]
        if not lines:
            return 0.0
        keys = _mix(self.host, np.fromiter((_hash64(ln) for ln in lines), dtype=np.uint64, count=len(lines)))
        counts = self.table.count_many(keys)
        return float(min(1.0, counts.mean() / self.pages))

    def __repr__(self) -> str:
        return f"HostTemplates(host={self.host:#x}, pages={self.pages})"


class TemplateCounter:
    """Accumulates page keys into a bounded `TemplateTable` (first pass of corpus mode)."""

    def __init__(self, capacity: int = 2_000_000, flush_every: int = 262_144) -> None:
        self.capacity = capacity
        self.flush_every = flush_every
        self.table = TemplateTable()
        self._buffer: list[tuple[np.ndarray, np.ndarray | None]] = []
        self._buffered = 0
        self._recent: set[int] = set()  # page signatures added since the last flush
        self.pages = 0
        self.duplicates = 0

    def add_page(self, keys: np.ndarray) -> bool:
        """Count one page (its `page_keys`); False if the same page (same set of lines, same
        host) was counted already: copies of a page under other URLs would otherwise make
        its own lines look like the site's template."""
        if keys.shape[0]:
            digest = hashlib.blake2b(np.sort(keys).tobytes(), digest_size=8).digest()
            signature = int.from_bytes(digest, "little") ^ PAGE_SIGNATURE
            if signature in self._recent or self.table.count(signature):
                self.duplicates += 1
                return False
            self._recent.add(signature)
            keys = np.append(keys, np.uint64(signature))
        self.pages += 1
        self._buffer.append((keys, None))
        self._buffered += keys.shape[0]
        if self._buffered >= self.flush_every:
            self.flush()
        return True

    def add_table(self, table: TemplateTable) -> None:
        """Merge counts made elsewhere (a worker's share of the first pass)."""
        self._buffer.append(
            (np.asarray(table.keys, dtype=np.uint64), np.asarray(table.counts, dtype=np.uint32))
        )
        self._buffered += len(table)
        self.table.pruned_below = max(self.table.pruned_below, table.pruned_below)
        self.flush()

    def add_text(self, url: str | None, text: str) -> None:
        hk = host_key(host_of(url))
        if hk is not None:
            self.add_page(page_keys(hk, page_lines(text)))

    def flush(self) -> None:
        if not self._buffer:
            return
        self._recent.clear()  # the table has them now
        new = np.concatenate([k for k, _ in self._buffer])
        weights = np.concatenate(
            [np.ones(k.shape[0], dtype=np.uint32) if c is None else c for k, c in self._buffer]
        )
        self._buffer, self._buffered = [], 0
        keys = np.concatenate([self.table.keys, new])
        counts = np.concatenate([self.table.counts, weights])
        order = np.argsort(keys, kind="stable")
        keys, counts = keys[order], counts[order]
        if keys.shape[0]:
            starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
            keys = keys[starts]
            counts = np.add.reduceat(counts, starts).astype(np.uint32)
        self.table = TemplateTable(keys, counts, self.table.pruned_below)
        if keys.shape[0] > self.capacity:
            self._prune()

    def _prune(self) -> None:
        counts = self.table.counts
        target = int(self.capacity * 0.75)
        hist = np.bincount(np.minimum(counts, 1 << 16))
        threshold, removed = self.table.pruned_below, 0
        excess = counts.shape[0] - target
        for value in range(1, hist.shape[0]):
            removed += int(hist[value])
            threshold = max(threshold, value)
            if removed >= excess:
                break
        keep = counts > threshold
        self.table = TemplateTable(self.table.keys[keep], counts[keep], threshold)

    def result(self) -> TemplateTable:
        self.flush()
        return self.table


def site_template(templates: HostTemplates | None, texts: list[str]) -> tuple[np.ndarray, np.ndarray] | None:
    """(share of the host's pages carrying each block, site-template mask) for a page's block
    texts, or None without statistics or with too few pages of the host (both modes call this)."""
    if templates is None or getattr(templates, "pages", 0) < TEMPLATE_MIN_PAGES or not texts:
        return None
    shares = template_shares(templates, texts)
    return shares, template_run(shares)


def template_shares(templates: HostTemplates, texts: list[str]) -> np.ndarray:
    """Share of the host's pages carrying each block text (0 for blocks that are not counted)."""
    return np.fromiter((templates.share(t) for t in texts), dtype=np.float64, count=len(texts))


def template_run(shares: np.ndarray, threshold: float = TEMPLATE_SHARE) -> np.ndarray:
    """Blocks that are site template: on >= `threshold` of the host's pages, next to another such block.

    Site chrome (menus, footers, share bars, subscription blurbs) comes in runs of repeated
    lines; a lone repeated line inside the text is usually the page type's own wording (a
    "Features" or "About this item" heading, a "Note" label) and stays with the classifier.
    Measured with benchmarks/bench_templates.py (see docs/corpus.md)."""
    t = shares >= threshold
    if t.shape[0] < 2:
        return np.zeros_like(t)
    near = np.zeros_like(t)
    near[1:] |= t[:-1]
    near[:-1] |= t[1:]
    return t & near
