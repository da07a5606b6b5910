"""Given names and surnames: evidence that a short capitalised line names a person.

The lists (`data/names.json.gz`, built by `scripts/build_names.py` from Faker's person
providers in 80+ locales) are read once per process, on first use. Text mode's byline picker
reads `name_evidence` as two features: a line "Get Started" and a line "Mike Strayer" look alike
to the line features, not to these.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    with resources.files("dehusk.data").joinpath("names.json.gz").open("rb") as raw, gzip.open(
        raw, "rt", encoding="utf-8"
    ) as fh:
        data = json.load(fh)
    return frozenset(data["given"]), frozenset(data["surname"])


def name_evidence(names: list[str]) -> tuple[float, float]:
    """For the names read from a line: (given, surname). `given` is 1 when some name starts with a
    known given name, 0.5 when one starts with an initial ("J. Smith"), else 0; `surname` is 1 when
    some name ends with a known surname, else 0. Both are -1 when there are no names."""
    if not names:
        return -1.0, -1.0
    given_names, surnames = _lists()
    given = surname = 0.0
    for name in names:
        words = name.replace("-", " ").split()
        if not words:
            continue
        first = words[0].strip(".,").casefold()
        if first in given_names:
            given = 1.0
        elif len(first) == 1 and given < 0.5:
            given = 0.5
        if len(words) > 1 and words[-1].strip(".,").casefold() in surnames:
            surname = 1.0
    return given, surname
