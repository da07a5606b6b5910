"""Given names, surnames and user names: evidence that a short capitalised line names a person.

The lists (`data/names.json.gz`, built by `scripts/build_names.py` from Faker's person
providers in 80+ locales) are read once per process, on first use. Text mode's byline picker
reads `name_evidence` as two features: a line "Get Started" and a line "Ana Kowal" look alike
to the line features, not to these. `user_name`: a forum's or a blog's one-word author ("trailmix42").
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from importlib import resources

from .authors import is_agency


@lru_cache(maxsize=1)
def _lists() -> tuple[dict[str, None], dict[str, None]]:
    """The given names and the surnames, as dicts used as sets (`name in given`): a dict of strings
    to None holds no object the garbage collector tracks, so CPython stops tracking it and no
    collection walks its 60,000 names (a frozenset is walked at every full collection)."""
    with resources.files("dehusk.data").joinpath("names.json.gz").open("rb") as raw, gzip.open(
        raw, "rt", encoding="utf-8"
    ) as fh:
        data = json.load(fh)
    return dict.fromkeys(data["given"]), dict.fromkeys(data["surname"])


# languages that write a person's surname first ("Kovács Eszter")
# the lower-case words a person's name may hold ("Ann de Vries") and the words that join two names
NAME_PARTICLES = frozenset(["de", "da", "del", "della", "di", "van", "von", "der", "den", "le", "la", "du", "bin", "al"])
NAME_JOINS = frozenset(["and", "&", "und", "et", "y", "e"])
SURNAME_FIRST = frozenset({"hu"})


def name_evidence(names: list[str], lang: str | None = None) -> tuple[float, float]:
    """For the names read from a line: (given, surname). `given` is 1 when some name starts with a
    known given name, 0.5 when one starts with an initial ("J. Smith"), else 0; `surname` is 1 when
    some name ends with a known surname, else 0. On a page in a language that writes the surname
    first (`lang` in SURNAME_FIRST), a name of two words in that order, a known surname then a known
    given name ("Kovács Eszter"), counts as both (elsewhere the reversed reading lets place names
    through: "San Francisco"). Both are -1 when there are no names."""
    if not names:
        return -1.0, -1.0
    given_names, surnames = _lists()
    given = surname = 0.0
    reverse = lang in SURNAME_FIRST
    for name in names:
        words = name.replace("-", " ").split()
        if not words:
            continue
        first = words[0].strip(".,").casefold()
        last = words[-1].strip(".,").casefold()
        if reverse and len(words) == 2 and first not in given_names and first in surnames and last in given_names:
            given = surname = 1.0  # surname first, as in Hungarian ("Kovács Eszter")
            continue
        if first in given_names:
            given = 1.0
        elif len(first) == 1 and given < 0.5:
            given = 0.5
        if len(words) > 1 and last in surnames:
            surname = 1.0
    return given, surname


_URLISH = re.compile(r"^(?:https?:)?//|^www\.|^/[\w-]")
GENERIC_USERS = frozenset({
    "admin", "administrator", "editor", "editors", "staff", "guest", "anonymous", "unknown", "user", "team",
    "webmaster", "moderator", "author", "authors", "redaktion", "redaction", "rédaction", "redacción", "desk",
    "undefined", "null", "none", "n/a", "unknown author", "members", "member", "first name", "name", "username",
    "account", "login", "profile", "testimonial", "contributor", "contributors", "writer", "reporter",
})


def user_name(name: str) -> bool:
    """A plausible one-word name or forum user name ("Susan", "trailmix42"), not a generic role."""
    return (0 < len(name) <= 40 and len(name.split()) == 1 and name[0].isalnum() and name[-1].isalnum()
            and sum(ch.isalpha() for ch in name) >= 2 and all(ch.isalnum() or ch in "._-'’" for ch in name)
            and name.casefold().strip(".") not in GENERIC_USERS and not is_agency(name)
            and "@" not in name and not _URLISH.match(name))
