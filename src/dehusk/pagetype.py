"""Page type and confidence of an HTML extraction.

Both are small tree models over one row of page-level features, trained by
`scripts/train_html.py` on the shared data:

- page type: one-vs-rest models for WCXB's seven types (article, forum, product, listing,
  collection, documentation, service); the most probable wins, "other" when none reaches
  `OTHER_BELOW`. Inputs: schema.org types (JSON-LD) and og:type, URL path words, and what the
  page is made of (lists, headings, code, prices, links, repeated cards), with the block
  model's first-pass scores. The probabilities also feed the context model (what is main
  content depends on the kind of page: a list of linked cards is the content of a listing,
  and husk beside an article).
- confidence: the expected word F1 of this page's extraction, learnt from out-of-fold
  extractions (a regression with cross-entropy loss on F1 in [0, 1], so the output is a
  calibrated mean); inputs: the page features, page-type probabilities, and how sure and how
  coherent the block decisions were (mean scores kept/removed, undecided share, kept runs).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .classify import TreeModel, load_model, model_available, model_dir, model_group
from .features_html import FEATURE_NAMES, URL_FEATURES

TYPES = ("article", "forum", "product", "listing", "collection", "documentation", "service")
OTHER_BELOW = 0.25
TYPE_MODELS = tuple(f"html_pagetype_{t}" for t in TYPES)  # (ensemble member 0's; see html_mode.member_models)
_COL = {name: i for i, name in enumerate(FEATURE_NAMES)}

PAGE_COLUMNS = (
    "pg_log_chars", "pg_log_segs", "pg_link_density", "pg_n_h1", "pg_has_article", "pg_has_main",
    "pg_og_article", "pg_og_product", "pg_noscript_share", "pg_pre", "pg_log_img",
    "ld_article", "ld_product", "ld_forum", "ld_list", "ld_faq", "ld_org", "page_stop", "page_term",
    "pg_prose_share", "pg_prose_blocks", "pg_link_blocks",
)
MEAN_COLUMNS = (  # block features averaged over the page (weighted by words) and over kept blocks
    "kind_li", "kind_h", "kind_table", "kind_pre", "link_density", "re_price", "re_question", "re_date",
    "own_comment", "far_comment", "far_forum", "far_product", "far_card", "far_doc", "far_code", "far_review",
    "stop_ratio", "end_term", "far_article", "far_sidebar",
)
TYPE_FEATURES: tuple[str, ...] = (
    PAGE_COLUMNS
    + URL_FEATURES
    + tuple(f"all_{c}" for c in MEAN_COLUMNS)
    + tuple(f"kept_{c}" for c in MEAN_COLUMNS)
    + ("kept_log_words", "kept_share", "kept_blocks", "kept_runs", "p_mean_kept", "p_mean_removed", "undecided")
)
_MEAN_IDX = [_COL[c] for c in MEAN_COLUMNS]
_ROW_IDX = np.array([_COL[c] for c in PAGE_COLUMNS + URL_FEATURES], dtype=np.intp)
TYPE_PROB_NAMES = tuple(f"type_{t}" for t in TYPES)
CONF_FEATURES: tuple[str, ...] = TYPE_FEATURES + TYPE_PROB_NAMES


def page_features(X: np.ndarray, p2: np.ndarray, threshold: float, url: str | None) -> np.ndarray:
    """One row (TYPE_FEATURES) describing the page and its extraction."""
    n = len(X)
    if n == 0:
        return np.zeros(len(TYPE_FEATURES))
    row: list[float] = X[0, _ROW_IDX].tolist()
    words = np.expm1(X[:, _COL["log_words"]])
    kept = p2 >= threshold
    cols = X[:, _MEAN_IDX]
    for weights in (words + 1e-9, words * kept + 1e-9):
        row.extend((weights @ cols / weights.sum()).tolist())
    kw = float(words[kept].sum())
    n_kept = int(np.count_nonzero(kept))
    runs = int(kept[0]) + int(np.count_nonzero(kept[1:] > kept[:-1]))  # (runs of kept blocks: their starts)
    # (means as sum / count: what `mean` computes)
    row += [
        float(np.log1p(kw)),
        kw / max(float(words.sum()), 1.0),
        float(np.log1p(n_kept)),
        float(np.log1p(runs)),
        float(p2[kept].sum()) / n_kept if n_kept else 0.0,
        float(p2[~kept].sum()) / (n - n_kept) if n_kept < n else 0.0,
        int(np.count_nonzero((p2 > 0.15) & (p2 < 0.85))) / n,
    ]
    return np.asarray(row, dtype=np.float64)


def model(name: str) -> TreeModel | None:
    """A shipped model, or None when it is not there (load_model caches the loaded ones, and
    model_available the answer for a missing one: `html_mode.members` asks for the member after
    the last on every page, which would otherwise look for its file on disk each time)."""
    if not model_available(name):
        return None
    try:
        return load_model(name)
    except OSError:
        return None


def models_present(names: tuple[str, ...]) -> bool:
    """Are all the models `names` shipped (or in DEHUSK_MODEL_DIR)? Asked on every page: cached."""
    return _present(names, model_dir())


@lru_cache(maxsize=32)
def _present(names: tuple[str, ...], override: str | None) -> bool:
    return all(model(name) is not None for name in names)


def type_probabilities(
    X: np.ndarray, p1: np.ndarray, t1: float, url: str | None, names: tuple[str, ...] = TYPE_MODELS
) -> np.ndarray | None:
    """Probability of each of TYPES (the one-vs-rest models `names` over the first-pass page features)."""
    if not models_present(names):
        return None
    row = page_features(X, p1, t1, url)[None, :]
    return model_group(names).predict(row)[:, 0]  # = each model's predict, in one pass


def choose_type(probs: np.ndarray | None) -> str | None:
    if probs is None:
        return None
    best = int(np.argmax(probs))
    return TYPES[best] if probs[best] >= OTHER_BELOW else "other"


def confidence(X: np.ndarray, p2: np.ndarray, threshold: float, url: str | None, probs: np.ndarray | None) -> float | None:
    """Expected word F1 of this extraction (0-1), or None without the models."""
    conf = model("html_confidence")
    if probs is None or conf is None:
        return None
    row = np.concatenate([page_features(X, p2, threshold, url), probs])[None, :]
    return round(float(np.clip(conf.predict(row)[0], 0.0, 1.0)), 4)
