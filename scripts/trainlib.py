"""Training helpers shared by the train_* scripts (not shipped with the package).

- `load_pages`: a dataset in the shared format (../shared/data/<name>/pages.jsonl + html/ + text/).
- `align_labels`: which blocks of a page hold its gold body (shingle overlap; short blocks
  count only inside the region the long blocks matched).
- `group_folds`: k folds over pages grouped by URL host (no site in two folds).
- `LGB_PARAMS`, `train_lgb`: the LightGBM settings both modes start from.
- `load_scorer`: the reference scorer (score.py) as a module, to score in-process.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import random
import re
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import numpy as np

WORD = re.compile(r"\w+")
SHARED = Path(__file__).resolve().parents[2] / "shared"


def load_pages(dataset: Path) -> list[dict[str, Any]]:
    with open(dataset / "pages.jsonl", encoding="utf-8") as fh:
        pages = [json.loads(line) for line in fh if line.strip()]
    for p in pages:
        p["dataset"] = dataset.name
        p["_dir"] = str(dataset)
    return pages


def read_html(page: dict[str, Any]) -> bytes:
    with gzip.open(Path(page["_dir"]) / "html" / f"{page['id']}.html.gz", "rb") as fh:
        return fh.read()


def read_text(page: dict[str, Any], text_dir: str = "text") -> bytes:
    return (Path(page["_dir"]) / text_dir / f"{page['id']}.txt").read_bytes()


def host_of(page: dict[str, Any]) -> str:
    url = page.get("url") or ""
    host = urlsplit(url).hostname or ""
    host = host.lower().removeprefix("www.")
    return host or f"nourl-{page.get('dataset')}-{page['id']}"


def group_folds(pages: list[dict[str, Any]], k: int = 5, seed: int = 13) -> np.ndarray:
    """Fold number of every page; pages of one host share a fold (balanced by page count)."""
    by_host: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(pages):
        by_host[host_of(p)].append(i)
    hosts = list(by_host)
    random.Random(seed).shuffle(hosts)
    hosts.sort(key=lambda h: -len(by_host[h]))  # big hosts first, then greedy balancing
    sizes = [0] * k
    fold = np.zeros(len(pages), dtype=np.int64)
    for h in hosts:
        j = min(range(k), key=lambda x: sizes[x])
        for i in by_host[h]:
            fold[i] = j
        sizes[j] += len(by_host[h])
    return fold


def _grams(tokens: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def align_labels(texts: list[str], gold: str | None, n: int = 3, long_min: int = 8) -> tuple[np.ndarray, np.ndarray]:
    """(label 0/1, matched fraction) for each block text against the gold body.

    Long blocks (>= long_min tokens) are positive when half of their n-grams occur in the gold.
    They anchor positions in the gold; a shorter block is positive only when its tokens occur
    in the gold between the anchors around it (so a lone "Share" or "Home" matching a word of the
    body is not a positive).
    """
    m = len(texts)
    labels = np.zeros(m, dtype=np.int8)
    frac = np.zeros(m)
    if not gold:
        return labels, frac
    g = WORD.findall(gold.lower())
    if not g:
        return labels, frac
    gram_pos: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, gr in enumerate(_grams(g, n)):
        gram_pos[gr].append(i)
    tok_pos: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(g):
        tok_pos[t].append(i)
    toks = [WORD.findall(t.lower()) for t in texts]
    span: list[tuple[int, int] | None] = [None] * m
    for i, ts in enumerate(toks):
        if len(ts) < long_min:
            continue
        grams = _grams(ts, n)
        starts = [gram_pos[gr][0] - j for j, gr in enumerate(grams) if gr in gram_pos]
        frac[i] = len(starts) / len(grams)
        if frac[i] >= 0.5:
            labels[i] = 1
            s = int(np.median(starts))
            span[i] = (s, s + len(ts))
    anchors = [i for i in range(m) if span[i] is not None]
    if not anchors:  # a short gold body: match everything exactly, no region
        lo_all, hi_all = 0, len(g)
    glen = len(g)
    ai = 0
    for i, ts in enumerate(toks):
        if span[i] is not None or not ts:
            continue
        while ai < len(anchors) and anchors[ai] < i:
            ai += 1
        if anchors:
            prev_end = span[anchors[ai - 1]][1] if ai > 0 else 0  # type: ignore[index]
            next_start = span[anchors[ai]][0] if ai < len(anchors) else glen  # type: ignore[index]
            lo, hi = min(prev_end, next_start) - 3, max(prev_end, next_start) + 3
        else:
            lo, hi = lo_all, hi_all
        # occurrences of the block's token sequence in [lo, hi]
        k = len(ts)
        hit = 0
        cand = tok_pos.get(ts[0], [])
        for p in cand:
            if p < lo - 0 or p + k > hi + k:
                continue
            if g[p : p + k] == ts:
                hit = 1
                break
        if not hit and k >= n:
            grams = _grams(ts, n)
            inside = sum(1 for gr in grams if any(lo <= q <= hi for q in gram_pos.get(gr, ())))
            frac[i] = inside / len(grams)
            hit = int(frac[i] >= 0.6)
        elif hit:
            frac[i] = 1.0
        labels[i] = hit
    return labels, frac


LGB_PARAMS: dict[str, Any] = {
    "objective": "binary",
    "learning_rate": 0.2,
    "max_bin": 63,
    "num_leaves": 63,
    "max_depth": 7,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.5,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "verbose": -1,
    "num_threads": 2,
    "seed": 7,
}


def train_lgb(X: np.ndarray, y: np.ndarray, w: np.ndarray | None, rounds: int, params: dict | None = None) -> Any:
    import lightgbm as lgb

    ds = lgb.Dataset(X, label=y, weight=w, free_raw_data=True)
    return lgb.train({**LGB_PARAMS, **(params or {})}, ds, num_boost_round=rounds)


def load_scorer(path: Path | None = None) -> ModuleType:
    path = path or SHARED / "bench" / "score.py"
    spec = importlib.util.spec_from_file_location("dehusk_ref_score", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
