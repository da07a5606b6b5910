"""Build src/dehusk/data/names.json.gz, the given names and surnames that text mode's byline
picker reads as evidence that a line names a person, from Faker's person providers (MIT).

    .venv/bin/pip install faker && .venv/bin/python scripts/build_names.py

Every locale's first-name lists (male, female, non-binary, romanised) make the given names, its
last-name lists the surnames; multi-word and hyphenated entries give each of their words. Words
are case-folded; one-letter words (initials) are left out. The lists are evidence for a learned
picker, not a gate: a name is a name whether or not Faker knows it. Faker's licence is copied
next to the lists (names.LICENSE.txt).
"""

from __future__ import annotations

import gzip
import importlib
import json
import pkgutil
from importlib import metadata
from pathlib import Path

import faker.providers.person as person

OUT = Path(__file__).resolve().parents[1] / "src/dehusk/data/names.json.gz"


def _words(values: object) -> set[str]:
    if isinstance(values, dict):  # (weighted lists: name -> frequency)
        values = list(values)
    if not isinstance(values, (list, tuple)):
        return set()
    return {w.casefold() for v in values if isinstance(v, str) for w in v.replace("-", " ").split() if len(w) > 1}


def main() -> None:
    given: set[str] = set()
    surnames: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr in dir(provider):
            if attr.startswith("first_names") or attr == "first_romanized_names":
                given |= _words(getattr(provider, attr))
            elif attr.startswith("last_names") or attr == "last_romanized_names":
                surnames |= _words(getattr(provider, attr))
    data = {"given": sorted(given), "surname": sorted(surnames)}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))  # (the same bytes each build)
    # Faker's licence (MIT) goes with the lists derived from it
    licence = next(f for f in metadata.files("faker") or [] if f.name.upper().startswith("LICENSE"))
    OUT.with_name("names.LICENSE.txt").write_text(licence.read_text(encoding="utf-8"), encoding="utf-8")
    print(f"wrote {OUT}: {len(given)} given names, {len(surnames)} surnames")


if __name__ == "__main__":
    main()
