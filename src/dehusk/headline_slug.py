"""The headline of a page dumped as one run-on line, found by the words of its URL.

A page whose text lost every line break (`html2txt`-style dumps) is cut at sentence ends, and a
headline, which ends without a full stop, is glued to the menu before it and the first sentence
after it: no line is the headline. Many article URLs spell the headline in their last path
segment ("/2025/09/04/top-nutrition-trends-for-fall-2025/"): the shortest stretch of words of
the page that holds (nearly) all the slug's words is the headline.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

_SLUG_WORD = re.compile(r"[^\W_]+")
_KEY = re.compile(r"[\W_]+")
SLUG_MIN_WORDS = 3  # a shorter slug ("/news/12345", "/about-us") names no headline
SLUG_COVER = 0.8  # share of the slug's words the stretch must hold
SLUG_CHUNKS = 40  # the headline is near the top: chunks read


def url_path(url: str | None) -> str:
    """The URL's path, percent-decoded; "" without a URL or for one that does not parse."""
    if not url:
        return ""
    try:
        return unquote(urlsplit(url).path)
    except ValueError:
        return ""


def slug_words(url: str | None) -> list[str]:
    """The words of the URL path segment with the most hyphens or underscores (its slug), in
    order; numbers dropped but for years. [] when it has fewer than SLUG_MIN_WORDS."""
    parts = [s for s in url_path(url).casefold().split("/") if s]
    if not parts:
        return []
    slug = max(reversed(parts), key=lambda s: s.count("-") + s.count("_"))
    slug = slug.rsplit(".", 1)[0] if slug.endswith((".html", ".htm", ".php", ".aspx")) else slug
    words = [w for w in _SLUG_WORD.findall(slug) if not w.isdigit() or len(w) == 4]
    return words if len(words) >= SLUG_MIN_WORDS else []


def slug_headline(texts: list[str], url: str | None) -> str | None:
    """The shortest stretch of words, in the first SLUG_CHUNKS texts, that starts with one of the
    slug's words and holds SLUG_COVER of them within three times the slug's length; of those, the
    best covered, then the shortest, trimmed of edge punctuation. None if there is none."""
    slug = slug_words(url)
    if not slug:
        return None
    want = set(slug)
    best: tuple[float, int, str] | None = None
    for text in texts[:SLUG_CHUNKS]:
        words = text.split()
        # each word's slug-like pieces ("Akku-Rasenmäher" -> akku, rasenmäher), with the word they are in
        pieces = [(k, i) for i, w in enumerate(words) for k in _SLUG_WORD.findall(w.casefold())]
        hits = [j for j, (k, _) in enumerate(pieces) if k in want]
        if len(hits) < max(SLUG_MIN_WORDS, SLUG_COVER * len(want)):
            continue
        for start in hits:
            covered: set[str] = set()
            end = start
            for j in range(start, min(len(pieces), start + 3 * len(slug))):
                if pieces[j][0] in want:
                    covered.add(pieces[j][0])
                    end = j
                    if covered == want:
                        break
            cover = len(covered) / len(want)
            span = end - start
            if cover >= SLUG_COVER and (best is None or (cover, -span) > (best[0], -best[1])):
                first, last = pieces[start][1], pieces[end][1]
                best = (cover, span, " ".join(words[first:last + 1]).strip(" ,.:;|-–—"))
    return best[2] if best and best[2] else None
