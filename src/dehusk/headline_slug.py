"""The headline of a page dumped as one run-on line, found by the words of its URL.

A page whose text lost every line break (`html2txt`-style dumps) is cut at sentence ends, and a
headline, which ends without a full stop, is glued to the menu before it and the first sentence
after it: no line is the headline. Many article URLs spell the headline in their last path
segment ("/2025/04/04/best-ferry-routes-for-spring-2025/"): the shortest stretch of words of
the page that holds (nearly) all the slug's words is the headline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .authors import clean_authors, looks_like_person
from .dates import MONTH_PATTERN, find_dates
from .names import NAME_JOINS, NAME_PARTICLES, name_evidence

if TYPE_CHECKING:
    from .metadata_text import TextMeta

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


def slug_segment(parts: list[str]) -> str:
    """The path segment (of the non-empty `parts`) with the most hyphens or underscores, the last
    of those tied: the URL's slug."""
    return max(reversed(parts), key=lambda s: s.count("-") + s.count("_"))


def slug_words(url: str | None) -> list[str]:
    """The words of the URL path segment with the most hyphens or underscores (its slug), in
    order; numbers dropped but for years. [] when it has fewer than SLUG_MIN_WORDS."""
    parts = [s for s in url_path(url).casefold().split("/") if s]
    if not parts:
        return []
    slug = slug_segment(parts)
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
    stem = _Inflections(slug)  # (the slug's order: the same inflection whatever the hash seed)
    best: tuple[float, int, list[str], int, int] | None = None  # (cover, span, words, first, last)
    for text in texts[:SLUG_CHUNKS]:
        words = text.split()
        # each word's slug-like pieces ("Akku-Rasenmäher" -> akku, rasenmäher), with the word they are in
        pieces = [(stem[k], i) for i, w in enumerate(words) for k in _SLUG_WORD.findall(w.casefold())]
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
                best = (cover, span, words, pieces[start][1], pieces[end][1])
    if best is None:
        return None
    _, _, words, first, last = best
    core = " ".join(words[first : last + 1]).strip(" ,.:;|-–—")
    if not core:
        return None
    found = _repeated_span(texts[:SLUG_CHUNKS], core)
    if found != core:
        return found
    return " ".join(_widen(words, first, last)).strip(" ,.:;|-–—") or core


# words a headline opens with before the words its URL keeps ("The", "Top 10", "How")
_OPENERS = frozenset(["the", "a", "an", "top", "how", "why", "what", "when", "where", "who", "which", "your", "our",
                      "my", "best", "new"])
WIDEN_LEFT = 2  # words the slug's stretch takes on before it


def _widen(words: list[str], first: int, last: int) -> list[str]:
    """The slug's stretch `words[first:last + 1]`, when it opens in title case, with up to
    WIDEN_LEFT openers or numbers before it, which URLs drop ("Top 10", "The", "39 Best").
    (Widening it on the right, to the end of its line when that is a few words in title case, made
    it wrong more often than right: a menu or a related headline follows as often as a subtitle.)"""
    lo = first
    while lo > 0 and first - lo < WIDEN_LEFT and _title_word(words[first]):
        word = words[lo - 1].strip("\"'“‘([")
        if not (word.isdigit() and len(word) <= 3 or word[:1].isupper() and word.casefold() in _OPENERS):
            break
        lo -= 1
    return words[lo : last + 1]


class _Inflections(dict):
    """word -> the slug's word it inflects ("workouts" -> "workout", "beginner" -> "beginners"): the
    same first 4+ characters and at most 3 more at the end; a word no slug word shares its start
    with maps to itself."""

    def __init__(self, want: list[str]) -> None:
        super().__init__()
        # in the slug's order (a set's order changes with the interpreter's hash seed, and a word
        # two slug words share their start with took either)
        self.want = [w for w in dict.fromkeys(want) if len(w) >= 4]

    def __missing__(self, word: str) -> str:
        out = word
        if len(word) >= 4:
            for w in self.want:
                if (word.startswith(w) or w.startswith(word)) and abs(len(word) - len(w)) <= 3:
                    out = w
                    break
        self[word] = out
        return out


SPAN_MAX_EXTRA = 8  # words a repeated headline may hold beyond the slug's stretch
SPAN_MAX_LEFT = 3  # of which at most this many before it ("Top 10", "The")
SPAN_OCCURRENCES = 6  # occurrences of the stretch compared, pair by pair
DUPLICATE_CONTEXT = 9  # two occurrences sharing this many words on a side are one block printed twice


def _repeated_span(texts: list[str], core: str) -> str:
    """The slug's stretch `core` widened to the words around it that two of its occurrences share
    (a breadcrumb ending in the headline, then the headline: "Blog > The 10 Best Ferry Routes to Sail
    Travel The 10 Best Ferry Routes to Sail Jane Doe", slug "best-ferry-routes"; the pair that
    shares the most), at most SPAN_MAX_EXTRA words more; `core` itself when no two share any."""
    words = " ".join(texts).split()
    keys = [_KEY.sub("", w.casefold()) for w in words]
    want = [_KEY.sub("", w.casefold()) for w in core.split()]
    k = len(want)
    if k == 0 or not all(want):
        return core
    at = [i for i in range(len(keys) - k + 1) if keys[i : i + k] == want][:SPAN_OCCURRENCES]
    best = (0, 0, 0)  # (words added, left, right) and the later occurrence's start
    start = -1
    for x, a in enumerate(at):
        for b in at[x + 1 :]:
            if _shared(keys, a, b, k) >= DUPLICATE_CONTEXT:  # (a block printed twice: a menu, a breadcrumb and its items)
                continue
            # the same title-case words before both, then the same words after both
            lo = _shared_side(keys, a, b, k, -1, SPAN_MAX_EXTRA, lambda j: bool(keys[j]) and _title_word(words[j]))
            if lo > SPAN_MAX_LEFT:  # (a breadcrumb's items before both: "Home Men T-Shirts <headline>")
                lo = 0
            hi = _shared_side(keys, a, b, k, 1, SPAN_MAX_EXTRA - lo, lambda j: bool(keys[j]), gap=lo)
            if lo + hi > best[0]:
                best, start = (lo + hi, lo, hi), b
    if start < 0:
        return core
    _, lo, hi = best
    while hi and (not _title_word(words[start + k + hi - 1]) and words[start + k + hi - 1].islower()
                  or _KEY.sub("", words[start + k + hi - 1].casefold()) in _NOT_LAST):
        hi -= 1  # (no headline ends in "the", "for", "By")
    return " ".join(words[start - lo : start + k + hi]).strip(" ,.:;|-–—")


def _shared(keys: list[str], a: int, b: int, k: int) -> int:
    """How many words the occurrences at `a` and `b` (of `k` words) share on their left or right,
    whatever the words (the most of the two sides, counted up to DUPLICATE_CONTEXT)."""
    return max(_shared_side(keys, a, b, k, -1, DUPLICATE_CONTEXT), _shared_side(keys, a, b, k, 1, DUPLICATE_CONTEXT))


def _shared_side(keys: list[str], a: int, b: int, k: int, side: int, limit: int,
                 ok: Callable[[int], bool] | None = None, gap: int = 0) -> int:
    """How many words (up to `limit`) the occurrences at `a` < `b` of a `k`-word stretch share
    before them (`side` -1) or after them (1), each passing `ok` (given its index in the later
    occurrence's context); the first occurrence's context never reaches into the second's (nor
    into the `gap` words the second took on its left)."""
    n = 0
    while n < limit:
        i, j = (a - n - 1, b - n - 1) if side < 0 else (a + k + n, b + k + n)
        if i < 0 or j >= len(keys) or (i >= b - gap if side > 0 else j < a + k) or keys[i] != keys[j] \
                or (ok is not None and not ok(j)):
            break
        n += 1
    return n


# words a headline does not end with: an article, a preposition, a conjunction, a byline's "By"
_NOT_LAST = frozenset(["a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "from", "with", "and", "or", "is", "are", "was", "our", "your", "its"])


def _title_word(word: str) -> bool:
    """A word that opens in upper case or with a digit ("Top", "10", "$50"), as a headline's words do
    in title case: a run of the page's own words widens the headline only over such words."""
    head = word.lstrip("\"'“‘([")
    return bool(head) and (head[0].isupper() or head[0].isdigit() or head[0] in "$€£")


BYLINE_AFTER_WORDS = 40  # words after the headline read for its byline
_MONTH_WORD = re.compile(MONTH_PATTERN, re.I)
_BY = frozenset(["by", "author", "authors", "von", "par", "por", "door", "av", "af"])  # a byline's label


def byline_after(texts: list[str], headline: str, lang: str | None = None) -> list[str]:
    """The authors a page on one line names after its headline (within BYLINE_AFTER_WORDS words):
    after a byline's label ("<headline> By Ann Lee and Bo Chen 14 March 2024", "... Updated April 2,
    2025 Written by Ann Lee Table of contents"), one of them with a known given name or an initial;
    or alone right after the headline when a date follows them and a known given name opens one
    ("<headline> Ann Lee March 14, 2024"). A name is two words, or three when the third is a known
    surname; the names stop at a digit, a month name, a lower-case word or a fourth capitalised word."""
    after = _after(texts, headline)
    if after is None:
        return []
    words = after.split()[:BYLINE_AFTER_WORDS]
    label = next((j for j, w in enumerate(words) if w.casefold().rstrip(":") in _BY), None)
    if label is not None:
        names = _names_from(words[label + 1 :], lang)
        return names if names and name_evidence(names, lang)[0] >= 0.5 else []  # (a known given name or an initial)
    names = _names_from(words, lang, dated=True)
    return names if names and name_evidence(names, lang)[0] >= 1.0 else []


def _names_from(words: list[str], lang: str | None, dated: bool = False) -> list[str]:
    """The persons named by the capitalised words that open `words` (see `byline_after`); with
    `dated`, only when a date follows them."""
    names: list[str] = []
    cur: list[str] = []
    end_dated = False
    for w in words:
        bare = w.strip(",.;:|")
        if not bare:
            break
        if bare[0].isdigit() or _MONTH_WORD.fullmatch(bare):
            end_dated = True
            break
        low = bare.casefold()
        if low in NAME_JOINS and (cur or names):  # ("Ann Lee and Bo Chen", "Ann Lee, Bo Chen, and Cy Diaz")
            if cur:
                names.append(" ".join(cur))
            cur = []
            continue
        if not (bare[0].isupper() or low in NAME_PARTICLES) or len(cur) >= 3:
            break
        cur.append(bare)
        if w.endswith(","):
            names.append(" ".join(cur))
            cur = []
    if cur:
        names.append(" ".join(cur))
    if dated and not end_dated:
        return []
    out = []
    for name in names:
        parts = name.split()
        if len(parts) == 3 and name_evidence([name], lang)[1] < 1.0:
            name = " ".join(parts[:2])  # ("Ann Lee Travel": a sentence's first word after the name)
        if looks_like_person(name):
            out.append(name)
    return clean_authors(out) if out else []


DATE_AFTER_CHARS = 300  # characters after the headline read for its date


def date_after(texts: list[str], headline: str, lang: str | None = None, fetch_date: str | None = None) -> str | None:
    """The first date a page on one line prints within DATE_AFTER_CHARS characters after its
    headline ("<headline> By Ann Lee 14 March 2024 ..."), as an ISO day or datetime; None if none."""
    after = _after(texts, headline)
    found = find_dates(after[:DATE_AFTER_CHARS], lang=lang, fetch_date=fetch_date) if after is not None else []
    return found[0].value if found else None


def _after(texts: list[str], headline: str) -> str | None:
    """The page's text after the last occurrence of its headline (a breadcrumb may end in the
    headline before it), or None when the headline is not in the page's first SLUG_CHUNKS texts."""
    joined = " ".join(texts[:SLUG_CHUNKS])
    k = joined.rfind(headline)
    return None if k < 0 else joined[k + len(headline) :]


def one_line_metadata(meta: TextMeta, texts: list[str], url: str, lang: str | None, fetch_date: str | None) -> int | None:
    """Headline, byline and date of a page dumped on one line (`segment_text.run_on`), into `meta`:
    the headline found by the URL's words (`slug_headline`), the byline and the date printed right
    after it (over the line pickers', which have no lines to read). Returns the line the headline
    picker took when it does not hold that headline (it is then no headline: the caller labels it
    by its score), else None."""
    headline = slug_headline(texts, url)
    if headline is None:
        return None
    other = meta.title_idx
    if other is not None and headline in " ".join(texts[other].split()):
        other = None  # (the picker's line holds the headline: the menu or the sentence it is glued to)
    meta.title = headline
    if not meta.authors:
        meta.authors = byline_after(texts, headline, lang)
    day = date_after(texts, headline, lang, fetch_date)
    if day is not None:
        meta.published = day
    return other
