"""Absolute dates in metadata values and short texts, normalised to ISO 8601.

`parse_date` reads one value ("2013-02-06T10:32:00Z", "Wed, 06 Feb 2013 10:32:00 +0100",
"6 février 2013", "1360108800", ...). `find_dates` lists every absolute date in a line with its
span and whether a keyword before it marks it as the publication or the modification date.
`has_date_hint` is the cheap prefilter for per-line callers: `find_dates` only matches text that
it accepts (a 4-digit year 1995-2039, or a CJK date), so lines without a hint can be skipped.
The word tables (month names, keywords, zones, time words) are in `dates_words`.

Output: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS" when a time is given, with "+HH:MM" appended when
an offset or a known zone abbreviation (UTC, GMT, Z, CET, CEST, EST, PDT, MSK, ...) is given.

Rules:
- years before 1995 and dates more than one day after `fetch_date` (default: today) are dropped;
  impossible dates (31 February) are dropped; an impossible time is dropped, its date kept.
- D.M.YYYY, D/M/YYYY, D-M-YYYY: a part > 12 is the day. When both are <= 12, the day comes
  first, except with `lang` "en" or "en-us" (the US habit, also for dots): then the month.
  (British pages declare "en" too; their numeric dates are then read US-style when ambiguous.)
- month names (full, abbreviated, genitive, with or without dot) in en de fr es it pt nl pl cs sv
  da no ru uk tr ro hu el id ms and ar (Egyptian/Gulf, Levantine "كانون الثاني", Maghreb names; both
  calendars' "12 مارس/آذار 2024"); ordinals "3rd", "3.", "1er", "1º"; CJK "2021年3月23日", Korean
  "2021년 3월 23일"; year first with dots and spaces, Korean and Hungarian: "2024. 3. 12.",
  "2024. 03. 12 14:05" (without the closing dot only when a time follows), "2024. március 12.".
- times: "14:05", "10.15 Uhr", "4:05 p.m.", CJK "14時05分" / "14시 5분", a.m./p.m. written before
  the time ("오후 2:05", "下午2:05").
- a month and day without a year, relative dates ("3 hours ago", "yesterday") are not dates.
- kind: the nearest keyword (up to 48 characters before the date, after the previous date)
  decides "published" or "modified" (Korean, Japanese and Chinese keywords also inside a compound:
  "기사입력", "最終更新"). "Latest update" and German "Stand" count as modified unless
  the date they introduce is the only one in the text, when they count as published.
  `best_dates` picks (published, modified) from the dates of a whole page.
- text dumps glue words: "DoeNovember 20, 2007" (a capitalised month after a lower-case letter)
  and "October 17, 20236:01 PM" (a year followed by a time) are read.
- not read: two-digit years ("14.11.24"), a month and year alone ("March 2021"), era years
  (令和3年), ranges ("5-6 March 2024"), a zone written between date and time.

Speed (2-core VM shared with other jobs, Python 3.11): on the 400 k lines of 1358 page dumps
(54 characters on average, 3% with a year) `has_date_hint` ran at 0.7-1.7 M lines/s and
`find_dates` at 0.4-0.5 M lines/s; on lines that all hold a date, 27-60 k lines/s (the range is
the machine's load). `python -m dehusk.dates` runs a synthetic version of that benchmark.
Patterns are compiled at import, month names form one trie-shaped alternation, month-first dates
are matched backwards from their year, every repeat is bounded: 1 MB of digits, of "Jan " or of
"2024 " takes well under a second.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from .dates_words import (
    _CJK_MODIFIED_KEYS,
    _CJK_PUBLISHED_KEYS,
    _HALF_DAY,
    _MARKERS,
    _MODIFIED_KEYS,
    _MONTH_NAMES,
    _MONTH_PHRASES,
    _PUBLISHED_KEYS,
    _URL_MONTH,
    _URL_MONTHS,
    _WEAK_KEYS,
    _ZONES,
)
from .memo import memo

__all__ = ["DateMatch", "best_dates", "find_dates", "has_date_hint", "parse_date", "starts_with_date_keyword"]

MIN_YEAR = 1995


def _fold(word: str) -> str:
    """Lower case without accents or a final dot, one space between words: the key of the month
    and keyword tables."""
    decomposed = unicodedata.normalize("NFD", word.casefold().rstrip("."))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")
    return folded if " " not in folded else " ".join(folded.split())


def _spellings(word: str) -> set[str]:
    """The ways `word` is met in text, for a case-insensitive pattern: as written, without
    accents, upper-cased and back (Greek "ΐ" becomes "Ι" or "Ϊ" and combining accents), and without its
    acute alone (Greek upper case keeps the diaeresis: "ΜΑΪΟΥ")."""
    no_acute = unicodedata.normalize("NFC", unicodedata.normalize("NFD", word).replace("\u0301", ""))
    upper = word.upper()
    return {word, _fold(word), upper.lower(), unicodedata.normalize("NFC", upper).lower(), no_acute}


def trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation of `words` shaped as a trie (no two branches share a first char)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return (body if len(branches) > 1 else "(?:" + body + ")") + "?"
        return body

    # a space in a word stands for any short run of white space
    return build(trie).replace("\\ ", r"\s{1,3}")


_MONTHS: dict[str, int] = {}
for _num, _names in _MONTH_NAMES.items():
    for _name in (*_names.split(), *_MONTH_PHRASES.get(_num, ())):
        _MONTHS[_fold(_name)] = _num
_MONTH_WORDS = {
    v for names in _MONTH_NAMES.values() for n in names.split() for v in _spellings(n)
} | {v for phrases in _MONTH_PHRASES.values() for n in phrases for v in _spellings(n)}

_L = r"[^\W\d_]"  # a letter
#: regex source matching one month name (use with re.IGNORECASE); shared with `authors`
# (the look-ahead for a month's first letter lets `re` fail fast where no month starts)
MONTH_PATTERN = (
    rf"(?<!{_L})(?=[{''.join(sorted({re.escape(w[0]) for w in _MONTH_WORDS}))}])(?:{trie_pattern(_MONTH_WORDS)})(?!{_L})"
)
_ZONE_PATTERN = trie_pattern(z for z in _ZONES if z != "Z")

# end of a year: no digit follows, unless a glued time does ("October 17, 20236:01 PM")
_YEAR_END = r"(?:(?!\d)|(?=\d{1,2}:\d\d))"
_DAY_SUFFIX = r"(?i:st|nd|rd|th|er)?[º°ª]?\.?"
# dates that start with a digit; the first digit is taken before the look-behind so that `re`
# only tries positions holding a digit. The empty group closing each branch names its form.
_NUMERIC = re.compile(
    r"\d(?<!\d\d)(?:"
    # 2013-02-06, 2013/02/06, 2013.02.06
    r"\d{3}(?P<s1>[-/.•·])\d{1,2}(?P=s1)\d{1,2}(?!\d)(?P<ymd>)"
    # 2021年3月23日, 2021년 3월 23일
    r"|\d{3}\s{0,2}[年년]\s{0,2}\d{1,2}\s{0,2}[月월]\s{0,2}\d{1,2}(?!\d)(?:\s{0,2}[日일])?(?P<cjk>)"
    # year first with spaces (Korean, Hungarian): 2024. 3. 12., 2024. 03. 12 14:05 (without the
    # closing dot, a time must follow); 2024. március 12., 2024. márc. 12.
    r"|\d{3}\.\s{1,3}(?:\d{1,2}\.\s{1,2}\d{1,2}(?:\.(?!\d)|(?=\s{1,3}\d{1,2}:\d\d))(?P<yms>)"
    rf"|(?P<ymonth>(?i:{MONTH_PATTERN}))\.?\s{{1,3}}\d{{1,2}}(?!\d)\.?(?P<ytext>))"
    # 06.02.2013, 6. 2. 2013
    rf"|\d?\.\s?\d{{1,2}}\.\s?\d{{4}}{_YEAR_END}(?P<dmy>)"
    # 06/02/2013, 06-02-2013
    rf"|\d?(?P<s4>[-/])\d{{1,2}}(?P=s4)\d{{4}}{_YEAR_END}(?P<amb>)"
    # 6 February 2013, 3. März 2021, 5 de marzo de 2024, 1er janvier 2020, 06-Feb-2013, and the
    # Arabic habit of two calendars' names: 12 مارس/آذار 2024
    rf"|\d?{_DAY_SUFFIX}[\s\-/]{{0,3}}(?:(?i:of|de|di)\s{{1,3}})?(?P<month>(?i:{MONTH_PATTERN}))\.?"
    rf"(?:\s?/\s?(?i:{MONTH_PATTERN}))?[\s,،\-/]{{0,4}}(?:(?i:de|del)\s{{1,3}})?\d{{4}}{_YEAR_END}(?P<text>)"
    r")"
)
# month-first dates ("Feb 6, 2013", "March 3rd, 2021", "Sept. 5 2020") are matched backwards
# from their year: this pattern runs on the reversed 40 characters before a year.
_MDY_REVERSED = re.compile(
    r"[\s,،\-/]{1,4}\.?(?:ts|dn|dr|ht)?(?P<day>\d{1,2})(?!\d)[\s\-/]{0,3}\.?"
    rf"(?P<month>{trie_pattern(w[::-1] for w in _MONTH_WORDS)})",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")

_TZ = (
    rf"(?P<tz>(?:GMT|UTC)\s?[+\-−]\d{{1,2}}(?::?\d{{2}})?|\s?[+\-−]\d{{2}}:?\d{{2}}(?!\d)"
    rf"|(?-i:Z|{_ZONE_PATTERN})(?!{_L}))"
)
# 14:05, 14.05, 14h05; CJK 14時05分, 14시 5분
_TIME_CORE = (
    r"(?P<h>\d{1,2})(?:(?P<sep>[:.hH])(?=\d\d)|\s?(?P<cjk>[時시])\s?(?=\d{1,2}\s?[分분]))(?P<mi>\d{1,2})"
    r"(?(cjk)\s?[分분])(?::(?P<s>\d{2})(?:[.,]\d{1,9})?)?(?![\d]|[./]\d)"
    rf"\s{{0,2}}(?P<ampm>[ap]\.?\s?m\.?(?!{_L}))?\s{{0,2}}(?P<uhr>Uhr(?!{_L})|h(?!{_L}))?\s{{0,2}}{_TZ}?"
)
_TIME_AFTER = re.compile(
    r"(?:T(?=\d)|\s{0,3}(?:(?P<pre>,|\||-|–|—|·|•|/|@|at|um|à|a las|a la|alle|ore|às|om|kl\.?|klo\.?|"
    r"klockan|godz\.?|o|v|в|saat|de las|오전|오후|午前|午後|上午|下午)\s{0,3}){0,3})" + _TIME_CORE,
    re.IGNORECASE,
)
_TIME_BEFORE = re.compile(
    _TIME_CORE + rf"\s{{0,3}}(?:(?:,|\||-|–|—|·|on|le|am|el|il|dia)\s{{0,3}})?(?:{_L}{{2,12}}\.?,?\s{{1,3}})?\Z",
    re.IGNORECASE,
)
_KEYWORD_KINDS = {
    _fold(k): kind
    for kind, keys in (
        ("weak", _WEAK_KEYS), ("modified", _MODIFIED_KEYS + "|" + _CJK_MODIFIED_KEYS),
        ("published", _PUBLISHED_KEYS + "|" + _CJK_PUBLISHED_KEYS),
    )
    for k in keys.split("|")
}
_WORD_KEYS = {v for keys in (_WEAK_KEYS, _MODIFIED_KEYS, _PUBLISHED_KEYS) for k in keys.split("|") for v in _spellings(k)}
_CJK_KEYS = (_CJK_MODIFIED_KEYS + "|" + _CJK_PUBLISHED_KEYS).split("|")
# (the look-ahead for a keyword's first letter lets `re` skip the other positions fast)
_KEYWORD = re.compile(
    rf"(?=[{''.join(sorted({re.escape(k[0]) for k in (*_WORD_KEYS, *_CJK_KEYS)}))}])"
    rf"(?:(?<!{_L})(?:{trie_pattern(_WORD_KEYS)})|{trie_pattern(_CJK_KEYS)})",
    re.IGNORECASE,
)
# a year 1995-2039 not inside a longer number, or "<digit>年": starts with \d so `re` skips fast
_HINT = re.compile(rf"\d(?:(?<!\d\d)(?<=1)99[5-9]{_YEAR_END}|(?<!\d\d)(?<=2)0[0-3]\d{_YEAR_END}|\s?[年년])")
_EPOCH = re.compile(r"(\d{10}|\d{13})(?:\.\d+)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_LEAD = " \t•·|-–—:*>[(#"  # what may come before the first word of a meta line


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One absolute date found in a text."""

    start: int  # character span of the date (and of its time, if any)
    end: int
    value: str  # ISO 8601: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[+HH:MM]
    has_time: bool
    kind: str = "unknown"  # "published" | "modified" | "unknown"


def starts_with_date_keyword(text: str) -> bool:
    """True when `text` starts, after bullets and punctuation, with a publication or update keyword
    ("Published", "Updated", "نشر في", "Δημοσιεύθηκε", "입력", ...)."""
    start = len(text) - len(text.lstrip(_LEAD))
    return _KEYWORD.match(text, start) is not None


def has_date_hint(text: str) -> bool:
    """True when `text` may hold an absolute date (a year 1995-2039 or a CJK date): a cheap test."""
    return _HINT.search(text) is not None


#: `has_date_hint` as the bound search (not None: a hint), for per-node loops
date_hint_search = _HINT.search


def _limit(fetch_date: str | None) -> date:
    base = date.fromisoformat(fetch_date[:10]) if fetch_date else date.today()
    return base + timedelta(days=1)


def _offset(raw: str | None) -> str:
    """"+0100", "GMT+1", "Z", "CET" -> "+01:00"/"+00:00"; "" when none or unknown."""
    if not raw:
        return ""
    raw = raw.strip()
    if raw in _ZONES:
        return _ZONES[raw]
    m = re.fullmatch(r"(?:GMT|UTC)?\s?([+\-−])(\d{1,2})(?::?(\d{2}))?", raw)
    if not m:
        return ""
    hours, minutes = int(m[2]), int(m[3] or 0)
    if hours > 14 or minutes > 59:
        return ""
    return f"{'-' if m[1] in '-−' else '+'}{hours:02d}:{minutes:02d}"


def _time(m: re.Match) -> str | None:
    """"THH:MM:SS[+HH:MM]" from a time match, None when impossible."""
    hour, minute, second = int(m["h"]), int(m["mi"]), int(m["s"] or 0)
    pm = m["ampm"][0] in "pP" if m["ampm"] else _HALF_DAY.get(m.groupdict().get("pre") or "")
    if pm is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if pm else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return f"T{hour:02d}:{minute:02d}:{second:02d}{_offset(m['tz'])}"


def _ymd(m: re.Match, us_order: bool) -> tuple[int, int, int] | None:
    """(year, month, day) of a `_NUMERIC` match; the order of an ambiguous D/M/Y by `us_order`."""
    form = m.lastgroup
    nums = _DIGITS.findall(m.group())
    if form in ("ymd", "cjk", "yms"):
        return int(nums[0]), int(nums[1]), int(nums[2])
    if form == "ytext":
        month = _MONTHS.get(_fold(m["ymonth"]))
        return (int(nums[0]), month, int(nums[-1])) if month else None
    if form in ("amb", "dmy"):
        a, b = int(nums[0]), int(nums[1])
        if a > 12 or (b <= 12 and not us_order):
            return int(nums[2]), b, a
        return int(nums[2]), a, b
    month = _MONTHS.get(_fold(m["month"]))
    return (int(nums[-1]), month, int(nums[0])) if month else None


def _valid(ymd: tuple[int, int, int] | None, limit: date) -> str | None:
    if ymd is None or ymd[0] < MIN_YEAR:
        return None
    try:
        day = date(*ymd)
    except ValueError:
        return None
    return day.isoformat() if day <= limit else None


def _us_order(lang: str | None) -> bool:
    return bool(lang) and lang.lower().replace("_", "-") in ("en", "en-us")


def _scan(text: str, lang: str | None, limit: date) -> list[DateMatch]:
    if not _HINT.search(text):
        return []
    us = _us_order(lang)
    found: list[DateMatch] = []
    weak: list[int] = []
    candidates = [(m.start(), m.end(), _ymd(m, us)) for m in _NUMERIC.finditer(text)]
    for hint in _HINT.finditer(text):
        hs, he = hint.span()
        if he - hs != 4 or hs < 3:
            continue
        before = text[max(0, hs - 40) : hs][::-1]
        r = _MDY_REVERSED.match(before)
        # the month starts a word, or is glued capitalised to a lower-case word ("ByJane DoeMar 5")
        if r and (
            r.end() == len(before)
            or not before[r.end()].isalpha()
            or (before[r.end()].islower() and r["month"][-1].isupper())
        ):
            month = _MONTHS.get(_fold(r["month"][::-1]))
            if month:
                candidates.append((hs - r.end(), he, (int(hint.group()), month, int(r["day"][::-1]))))
    candidates.sort(key=lambda c: (c[0], -c[1]))
    prev_end = 0
    for start, end, ymd in candidates:
        if start < prev_end:
            continue
        value = _valid(ymd, limit)
        if value is None:
            continue
        has_time = False
        t = _TIME_AFTER.match(text, end)
        if t and (t["sep"] != "." or t["uhr"] or (t["pre"] or "").lower() in _MARKERS):
            clock = _time(t)
            if clock:
                value, end, has_time = value + clock, t.end(), True
        if not has_time:
            lo = max(prev_end, start - 40)
            t = _TIME_BEFORE.search(text, lo, start) if start > lo else None
            if t and t["sep"] != ".":
                clock = _time(t)
                if clock:
                    value, start, has_time = value + clock, t.start(), True
        kind = "unknown"
        lo = max(prev_end, start - 48)
        last = None
        for k in _KEYWORD.finditer(text, lo, start):
            last = k
        if last is not None:
            kind = _KEYWORD_KINDS.get(_fold(last.group()), "unknown")
            if kind == "weak":
                weak.append(len(found))
        found.append(DateMatch(start, end, value, has_time, kind))
        prev_end = end
    if weak:
        kind = "published" if len(found) == 1 else "modified"
        for i in weak:
            d = found[i]
            found[i] = DateMatch(d.start, d.end, d.value, d.has_time, kind)
    return found


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_.]|$)")


def url_day(url: str) -> str | None:
    """The day a URL path gives: /2024/05/17/, /2024-05-17-, /2023/october/03/."""
    m = _URL_DATE.search(url)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m = _URL_MONTH.search(url)
    if m:
        return f"{m.group(1)}-{_URL_MONTHS.index(m.group(2).casefold()[:3]) + 1:02d}-{int(m.group(3)):02d}"
    return None


CACHED_CHARS = 1000  # longer texts are not remembered by the caches of pure text functions (they stay small)


_R = TypeVar("_R")


def short_cached(cached: Callable[..., _R], text: str, *args: object) -> _R:
    """`cached(text, *args)` for a `memo`ized pure function: through its cache when `text` has
    at most CACHED_CHARS characters, computed afresh (not remembered) when it is longer."""
    return (cached if len(text) <= CACHED_CHARS else cached.__wrapped__)(text, *args)


def find_dates(text: str, *, lang: str | None = None, fetch_date: str | None = None) -> list[DateMatch]:
    """Every absolute date in `text` (a line or short text), in order. See the module doc."""
    if not isinstance(text, str) or not _HINT.search(text):
        return []
    return list(short_cached(_scan_cached, text, lang, _limit(fetch_date)))


@memo(8192)
def _scan_cached(text: str, lang: str | None, limit: date) -> tuple[DateMatch, ...]:
    """`_scan`, remembered (a page's dates are read again by several choosers, and sites repeat
    their date lines): its matches are frozen."""
    return tuple(_scan(text, lang, limit))


def parse_date(value: str, *, fetch_date: str | None = None, lang: str | None = None) -> str | None:
    """One date value (metadata attribute, short text) as ISO 8601, or None. See the module doc."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()[:300]
    limit = _limit(fetch_date)
    m = _EPOCH.fullmatch(text)
    if m:
        seconds = int(m[1]) / (1000 if len(m[1]) == 13 else 1)
        try:
            moment = datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
        if moment.year < MIN_YEAR or moment.date() > limit:
            return None
        return moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    m = _COMPACT.fullmatch(text)
    if m:
        return _valid((int(m[1]), int(m[2]), int(m[3])), limit)
    found = _scan_cached(text, lang, limit)
    if not found:
        return None
    for d in found:
        if d.kind == "published":
            return d.value
    return found[0].value


def best_dates(matches: Iterable[DateMatch]) -> tuple[str | None, str | None]:
    """(published, modified) from the dates of a page, in page order.

    Published: the first "published" date, else the first "unknown" one, else the first
    "modified" one (a page whose only date is its update date). Modified: the first "modified".
    """
    published = modified = unknown = None
    for d in matches:
        if d.kind == "published" and published is None:
            published = d.value
        elif d.kind == "modified" and modified is None:
            modified = d.value
        elif d.kind == "unknown" and unknown is None:
            unknown = d.value
    return published or unknown or modified, modified


def _bench() -> None:  # pragma: no cover - run with `python -m dehusk.dates`
    import time

    lines = [
        "Home News Sport Business Culture",
        "The minister said on Tuesday that the plan would go ahead as announced earlier.",
        "Published: Tuesday 5 March 2024, 10:32 CET",
        "Copyright © 2024 Example Media Group. All rights reserved.",
        "By Jane Doe | Updated Feb 6, 2013 at 4:05 p.m. EST",
        "Read more",
        "Veröffentlicht am 3. März 2021, zuletzt aktualisiert 06.03.2021 um 10.15 Uhr",
        "It is now due to gradually hand over to a force of some 8,000 troops and 3,800 vehicles.",
        "Share on Facebook Twitter Email",
        "2021年3月23日 10:30",
        "More than 1,500 people attended the event in the city centre last weekend.",
        "Sign up for our newsletter",
    ] * 2000
    lines += ["Plain text line without any year in it, as most lines are." * 2] * 100_000
    for fn in (has_date_hint, find_dates):
        t0 = time.perf_counter()
        for line in lines:
            fn(line)
        dt = time.perf_counter() - t0
        print(f"{fn.__name__}: {len(lines) / dt:,.0f} lines/s ({len(lines)} lines)")
    dated = [line for line in lines if has_date_hint(line)]
    t0 = time.perf_counter()
    for line in dated:
        find_dates(line)
    print(f"find_dates on hinted lines only: {len(dated) / (time.perf_counter() - t0):,.0f} lines/s")


if __name__ == "__main__":  # pragma: no cover
    _bench()
