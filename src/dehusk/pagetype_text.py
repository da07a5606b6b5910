"""Page type and confidence of a text-mode extraction.

The same two answers HTML mode gives (`pagetype.py`), from what a text dump has: one row of
page-level features (each line feature averaged over the page's lines, weighted by their words
and over the lines kept; how sure and how coherent the line model's decisions were; and the
URL's words when the caller gives a URL), read by small tree models trained by
`scripts/train_text_page.py` on the line model's out-of-fold scores:

- page type: one-vs-rest models for WCXB's seven types, the most probable wins, "other" when
  none reaches `pagetype.OTHER_BELOW`;
- confidence: the expected word F1 of the page's extraction (a regression with cross-entropy
  loss on F1 in [0, 1], so the output is a calibrated mean), over the same row and the type
  probabilities.

Half of the training rows are shown without their URL (its columns -1), so one model serves
dumps with and without one.
"""

from __future__ import annotations

import numpy as np

from .classify import model_available, model_group
from .features import TEXT_FEATURES
from .features_html import URL_FEATURES, url_features
from .pagetype import TYPES, choose_type, model

TYPE_MODELS = tuple(f"text_pagetype_{t}" for t in TYPES)
CONFIDENCE_MODEL = "text_confidence"
UNSURE_LOW, UNSURE_HIGH = 0.2, 0.8  # a line scored between these is undecided
NO_URL = -1.0  # every URL column of a dump read without its URL

PAGE_FEATURES: tuple[str, ...] = (
    tuple(f"mean_{c}" for c in TEXT_FEATURES)
    + tuple(f"wmean_{c}" for c in TEXT_FEATURES)
    + ("log_lines",)
    + tuple(f"kept_{c}" for c in TEXT_FEATURES)
    + ("p_mean", "kept_share", "kept_word_share", "p_mean_kept", "p_mean_removed", "undecided", "cut",
       "log_kept_runs", "log_kept_words")
    + URL_FEATURES
)
CONF_FEATURES: tuple[str, ...] = PAGE_FEATURES + tuple(f"type_{t}" for t in TYPES)


def page_row(X: np.ndarray, p: np.ndarray, words: np.ndarray, cut: float, url: str | None) -> np.ndarray:
    """One row (PAGE_FEATURES) describing the page and its extraction: `X` the line features
    (TEXT_FEATURES columns), `p` the line model's scores, `words` each line's words, `cut` the
    page's score cut."""
    X = np.asarray(X, dtype=np.float64)
    words = np.asarray(words, dtype=np.float64)
    n = len(X)
    weight = np.log1p(words) + 0.2
    weight /= weight.sum()
    keep = p >= cut
    n_kept = int(np.count_nonzero(keep))
    kept_words = float(words[keep].sum())
    runs = int(np.count_nonzero(np.diff(np.concatenate(([0], keep.astype(np.int8)))) == 1))
    kept_mean = X[keep].mean(axis=0) if n_kept else np.zeros(X.shape[1])
    stats = [
        float(p.mean()), n_kept / n, kept_words / max(float(words.sum()), 1.0),
        float(p[keep].mean()) if n_kept else 0.0, float(p[~keep].mean()) if n_kept < n else 0.0,
        float(np.mean((p > UNSURE_LOW) & (p < UNSURE_HIGH))), cut, float(np.log1p(runs)), float(np.log1p(kept_words)),
    ]
    return np.concatenate([X.mean(axis=0), weight @ X, [np.log(n)], kept_mean, stats, url_columns(url)])


def url_columns(url: str | None) -> list[float]:
    """The last len(URL_FEATURES) columns of a page's row: its URL's words, or NO_URL without one."""
    return url_features(url) if url else [NO_URL] * len(URL_FEATURES)


def page_type_and_confidence(row: np.ndarray) -> tuple[str | None, float | None]:
    """(page type, confidence) of a page's row, or (None, None) without the shipped models."""
    if not all(map(model_available, TYPE_MODELS)):
        return None, None
    probs = model_group(TYPE_MODELS).predict(row[None, :])[:, 0]
    conf = model(CONFIDENCE_MODEL)
    if conf is None:
        return choose_type(probs), None
    value = conf.predict(np.concatenate([row, probs])[None, :])[0]
    return choose_type(probs), round(float(min(max(value, 0.0), 1.0)), 3)
