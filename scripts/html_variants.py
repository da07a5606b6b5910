"""The same page in other clothes, for training HTML mode's pickers on what the datasets seldom
show (not shipped with the package):

- `hashed_names`: every class and id name replaced by a hash of it ("byline" -> "x5f3493"), as
  CSS modules, styled-components and minifiers leave them: no name says "author" or "date".
- `without_metadata`: no JSON-LD and no `<meta>` but the charset, viewport and http-equiv
  ones: a page whose site publishes no structured metadata (the `<title>` stays).
- `without_h1`: every `<h1>` made a `<div>` (its attributes kept), as sites that style a `div`
  as the headline: the picker learns the other elements a headline sits in ("post-title").

Each is a plain rewrite of the HTML text; the same name always gets the same hash, so a page's
repeated structure stays repeated.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

_START_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_NAME_ATTR = re.compile(r"(\s(?:class|id)\s*=\s*)([\"'])(.*?)\2", re.S)
_JSON_LD = re.compile(r"<script[^>]*application/ld\+json[^>]*>.*?</script>", re.S | re.I)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_KEEP_META = re.compile(r"charset|viewport|http-equiv", re.I)
_H1 = re.compile(r"<(/?)h1\b", re.I)


def _hash(name: str) -> str:
    return "x" + hashlib.md5(name.encode()).hexdigest()[:6]


def hashed_names(html: str) -> str:
    def attrs(m: re.Match[str]) -> str:
        return f"{m.group(1)}{m.group(2)}{' '.join(_hash(t) for t in m.group(3).split())}{m.group(2)}"

    return _START_TAG.sub(lambda tag: _NAME_ATTR.sub(attrs, tag.group(0)), html)


def without_metadata(html: str) -> str:
    html = _JSON_LD.sub("", html)
    return _META.sub(lambda m: m.group(0) if _KEEP_META.search(m.group(0)) else "", html)


def without_h1(html: str) -> str:
    return _H1.sub(lambda m: f"<{m.group(1)}div", html)


VARIANTS: dict[str, Callable[[str], str]] = {"hashed": hashed_names, "nometa": without_metadata, "noh1": without_h1}
