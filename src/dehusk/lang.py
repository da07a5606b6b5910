"""Language identification (py3langid's shipped model, no download) and stop-word lists."""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

_SAMPLE = 3000  # characters of text given to the identifier


@lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - py3langid has no type hints
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code of `text` and the identifier's probability; (None, 0) for no text."""
    sample = text[:_SAMPLE]
    if sum(ch.isalpha() for ch in sample[:400]) < 12:
        return None, 0.0
    code, prob = _identifier().classify(sample)
    return code, float(prob)


@lru_cache(maxsize=1)
def _stopword_table() -> dict[str, frozenset[str]]:
    with resources.files("dehusk.data").joinpath("stopwords.json.gz").open("rb") as raw, gzip.open(
        raw, "rt", encoding="utf-8"
    ) as fh:
        return {k: frozenset(v) for k, v in json.load(fh).items()}


def stopwords(language: str | None) -> frozenset[str]:
    """Stop words of a language (jusText's lists); English when the language has none."""
    table = _stopword_table()
    return table.get(language or "en") or table["en"]
