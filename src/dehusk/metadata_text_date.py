"""Text mode, dates: the candidate dates of a page dump, their features, and the pick.

Candidates are the absolute dates (`dates.find_dates`) on the MAX_DATE_LINES date lines nearest
the headline; each gets a row of DATE_FEATURES and the learned picker (text_date.npz, trained by
scripts/train_text_meta.py) scores them. The URL and the headline help where the lines alone
do not:

- a day written in the URL path (/2024/05/17/) is a feature of the candidates that agree with
  it, and the published day when no candidate has it;
- a year glued to the number after it ("Mar 27, 20255 mins", "April 2, 20241 yr": the date and
  a reading time or an age were inline elements side by side) is read as a year;
- a month and day alone on a short line near the headline ("Apr 12", "• Jan 4", "Posted
  August 26": blogs that print no year) takes its year from the URL path (/2024/08/) or from
  the one year the headline names ("The best X of 2025"), when no line gives a full date.
"""

from __future__ import annotations

import re

import numpy as np

from .dates import MONTH_PATTERN, DateMatch, find_dates, has_date_hint, starts_with_date_keyword, url_day

DATE_FEATURES = (
    "d_anchor", "abs_anchor", "before_anchor", "d_first", "d_last", "in_kept", "log_words", "short", "published",
    "modified", "unknown", "has_time", "order", "is_first", "log_same", "recent_rank", "n_in_line", "byline_near",
    "rel_pos", "p", "is_title", "age_days", "url_same", "line_order", "log_rep",
    "label_above",
)
MAX_DATE_LINES = 40
YEARLESS_WINDOW = 8  # lines around the headline where a date without its year is read


def _clip(x: int, limit: int) -> int:
    """`np.clip(x, -limit, limit)` for one integer (without numpy's per-call cost)."""
    return min(max(x, -limit), limit)


def _settle_day_month(
    cands: list[tuple[int, DateMatch]], texts: list[str], from_url: str | None
) -> list[tuple[int, DateMatch]]:
    """Read an ambiguous numeric date ("02-12-2025", "03/10/2023": both parts <= 12) the other way
    round when the page itself says so: the swapped day is written elsewhere on the page (with a
    month name, or unambiguously) or in the URL, and the first reading is not."""
    evidence: dict[str, set[int]] = {}
    for i, d in cands:
        evidence.setdefault(d.value[:10], set()).add(i)
    if from_url:
        evidence.setdefault(from_url, set()).add(-1)
    out = []
    for i, d in cands:
        y, m, day = d.value[:4], d.value[5:7], d.value[8:10]
        raw = texts[i][d.start:d.end]
        if m != day and int(day) <= 12 and not any(ch.isalpha() for ch in raw[:10]):
            swapped = f"{y}-{day}-{m}"
            if evidence.get(swapped, set()) - {i} and not evidence.get(d.value[:10], set()) - {i}:
                d = DateMatch(d.start, d.end, swapped + d.value[10:], d.has_time, d.kind)
        out.append((i, d))
    return out


# a year glued to the time after it ("October 17, 20236:01 PM": the date and the time were inline
# elements side by side), which the year feature (a run of exactly four digits) does not see
_GLUED_YEAR = re.compile(r"(?<!\d)(?:199\d|20[0-3]\d)\d{1,2}:\d\d")
# a month-name date whose year is glued to a number after it ("Mar 27, 20255 mins", "April 2,
# 20241 yr", "6 Mar 20266 Mar 2026"): group 1 is the date up to its year
_DAY = r"\d{1,2}(?:st|nd|rd|th|er)?"
_GLUED_NUMBER = re.compile(
    rf"((?:(?<![\w]){MONTH_PATTERN}\.?\s{{0,3}}{_DAY},?|(?<!\d){_DAY}\.?\s{{0,3}}(?:de\s+)?{MONTH_PATTERN}\.?,?)"
    r"\s{0,3}(?:de\s+)?(?:199\d|20[0-3]\d))(?=\d{1,3}(?!\d))",
    re.I,
)
_FIVE_DIGITS = re.compile(r"(?<!\d)(?:199\d|20[0-3]\d)\d")
_FIVE_DIGITS_ROUGH = re.compile(r"[12][09]\d{3}")  # (its superset that `re` scans for fast)


def _glued_year_lines(texts: list[str], with_time: list[int]) -> list[int]:
    """The lines among `with_time` (lines with an hh:mm and no year standing alone) where a year
    is glued to the time after it."""
    return [i for i in with_time if len(texts[i]) <= 400 and _GLUED_YEAR.search(texts[i])]


def unglue_year(text: str) -> str:
    """`text` with a space after each month-name date's year that is glued to a number."""
    if not _FIVE_DIGITS.search(text):
        return text
    return _GLUED_NUMBER.sub(r"\1 ", text)


def _glued_number_lines(texts: list[str], no_year: np.ndarray) -> list[int]:
    """The lines without a year standing alone (`no_year`, a mask) where a month-name date's year
    is glued to a number after it (the page's text searched at once for such numbers first)."""
    joined = "\n".join(texts)
    hits = [m.start() for m in _FIVE_DIGITS_ROUGH.finditer(joined)]
    if not hits:
        return []
    ends = np.cumsum([len(t) + 1 for t in texts])  # line k ends (newline included) before ends[k]
    lines = sorted(set(np.searchsorted(ends, hits, side="right").tolist()))
    return [i for i in lines if no_year[i] and len(texts[i]) <= 400 and _FIVE_DIGITS.search(texts[i])
            and _GLUED_NUMBER.search(texts[i])]


_LEAD = " \t•·|-–—:"
_KIND_SIGN = {"published": 1.0, "modified": -1.0}


def label_above(texts: list[str], i: int, line: str, d: DateMatch, lang: str | None) -> float:
    """1 when a short line right above a date that starts its line says "Published" (or another
    publication keyword of `find_dates`), -1 when it says "Updated", 0 otherwise: a label and its
    value that the dump put on two lines. `line` is line i as the date was read in it."""
    if i == 0 or d.kind != "unknown" or line[:d.start].strip(_LEAD):
        return 0.0
    above = texts[i - 1].strip()
    if not above or len(above) > 30 or has_date_hint(above):
        return 0.0
    joined = find_dates(f"{above} {line[d.start:d.end]}", lang=lang)
    return _KIND_SIGN.get(joined[0].kind, 0.0) if joined else 0.0


def date_candidates(
    texts: list[str], f: dict[str, np.ndarray], p: np.ndarray, keep: np.ndarray, anchor: int, first: int, last: int,
    title_idx: int | None, lang: str | None, fetch_date: str | None, url: str | None = None,
) -> tuple[list[tuple[int, DateMatch]], np.ndarray]:
    """Every date on lines near the article (the nearest MAX_DATE_LINES date lines) with features."""
    n = len(texts)
    lines = [i for i in np.flatnonzero(f["re_date"]) if len(texts[i]) <= 400]
    lines += _glued_year_lines(texts, np.flatnonzero((f["re_time"] > 0) & (f["re_date"] == 0)).tolist())
    glued = set(_glued_number_lines(texts, f["re_date"] == 0)) - set(lines)
    lines += sorted(glued)
    lines.sort(key=lambda i: abs(i - anchor))
    cands: list[tuple[int, DateMatch]] = []
    per_line: dict[int, int] = {}
    read: dict[int, str] = {}  # each line as its dates were read
    for i in sorted(lines[:MAX_DATE_LINES]):
        read[i] = unglue_year(texts[i]) if i in glued else texts[i]
        ds = find_dates(read[i], lang=lang, fetch_date=fetch_date)
        per_line[i] = len(ds)
        cands.extend((i, d) for d in ds[:4])
    if not cands:
        return [], np.zeros((0, len(DATE_FEATURES)))
    from_url = url_day(url) if url else None
    cands = _settle_day_month(cands, texts, from_url)
    values = [d.value[:10] for _, d in cands]
    same = {v: values.count(v) for v in set(values)}
    distinct = sorted(set(values), reverse=True)
    rank = {v: k / max(len(distinct) - 1, 1) for k, v in enumerate(distinct)}
    newest = distinct[0]
    # what depends on the date value alone, once per value: log of its count, its age behind the newest
    by_value = {}
    for v in distinct:
        try:
            age = (np.datetime64(newest) - np.datetime64(v)).astype(int)
        except ValueError:
            age = 0
        by_value[v] = (float(np.log(same[v])), float(min(age, 3650)))
    # the order of each value among the dates of its line: -1 the oldest, 1 the newest, 0 alone or all equal
    line_values: dict[int, list[str]] = {}
    for (i, _), v in zip(cands, values, strict=True):
        line_values.setdefault(i, []).append(v)
    re_byline, log_rep = f["re_byline"].tolist(), f["log_rep"].tolist()
    rows = []
    for k, (i, d) in enumerate(cands):
        v = values[k]
        log_same, age_days = by_value[v]
        on_line = line_values[i]
        line_order = float((v > min(on_line)) - (v < max(on_line)))
        rows.append([
            float(_clip(i - anchor, 60)), float(min(abs(i - anchor), 60)), float(i < anchor),
            float(_clip(i - first, 60)), float(_clip(i - last, 60)), float(keep[i]),
            f["log_words"][i], float(f["_words"][i] <= 12), float(d.kind == "published"), float(d.kind == "modified"),
            float(d.kind == "unknown"), float(d.has_time), float(min(k, 30)), float(k == 0), log_same,
            rank[v], float(per_line[i]), float(any(re_byline[max(i - 2, 0):min(i + 3, n)])), f["rel_pos"][i],
            p[i], float(i == title_idx), age_days,
            0.0 if from_url is None else 1.0 if v == from_url else -1.0, line_order, log_rep[i],
            label_above(texts, i, read[i], d, lang),
        ])
    return cands, np.asarray(rows, dtype=np.float64)


META_REST_WORDS = 4  # words a dated meta line holds besides its dates: keyword, preposition, weekday
_WORD = re.compile(r"[^\W\d_]+")


def dated_meta_line(text: str, lang: str | None = None, fetch_date: str | None = None) -> bool:
    """True when `text` is a dated meta line, however many words its date and time take: it starts
    with a publication or update keyword and, its dates (with their times) taken out, holds at most
    META_REST_WORDS words ("نشر في: الثلاثاء، 12 مارس 2024 - 14:05", "Published on Tuesday, March
    12, 2024 at 2:05 p.m. EST"). A sentence that names a date is not one ("Updated March 12, 2024
    to fix the figures in the second table")."""
    if len(text) > 200 or not starts_with_date_keyword(text):
        return False
    rest = _undated_words(text, lang, fetch_date)
    return rest is not None and rest <= META_REST_WORDS


DATE_ONLY_MAX_CHARS = 60


def date_only_line(text: str, lang: str | None = None, fetch_date: str | None = None) -> bool:
    """True when `text` is a date (with its time) and at most one word more: "2018-08-16", "Tuesday,
    12 March 2024, 14:05"."""
    if len(text) > DATE_ONLY_MAX_CHARS:
        return False
    rest = _undated_words(text, lang, fetch_date)
    return rest is not None and rest <= 1


def _undated_words(text: str, lang: str | None, fetch_date: str | None) -> int | None:
    """How many words `text` holds besides its dates (with their times); None when it names no date."""
    ds = find_dates(text, lang=lang, fetch_date=fetch_date)
    if not ds:
        return None
    rest, pos = [], 0
    for d in ds:
        rest.append(text[pos:d.start])
        pos = d.end
    rest.append(text[pos:])
    return len(_WORD.findall(" ".join(rest)))


def heuristic_date(X: np.ndarray) -> np.ndarray:
    col = {name: X[:, j] for j, name in enumerate(DATE_FEATURES)}
    return (-col["abs_anchor"] - 3 * col["in_kept"] + 2 * col["published"] - 1 * col["modified"] + 1 * col["short"]
            + 5 * (col["url_same"] > 0))


_YEAR = re.compile(r"(?<!\d)(?:199\d|20[0-3]\d)(?!\d)")
_URL_YEAR_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/")
# a month and day alone on a line, after a bullet and up to two words ("Posted", "Published on")
_YEARLESS = re.compile(
    rf"^[\W_]{{0,3}}(?:[^\W\d_]+:?\s+){{0,2}}(?:{MONTH_PATTERN}\.?\s{{0,3}}{_DAY}|{_DAY}\.?\s{{0,3}}(?:de\s+)?{MONTH_PATTERN}\.?)"
    r"\s*$",
    re.I,
)


def yearless_date(texts: list[str], anchor: int, title_idx: int | None, url: str | None, lang: str | None,
                  fetch_date: str | None) -> tuple[int, DateMatch] | None:
    """A month and day alone on a short line near the headline, with the year the URL path
    (/2024/08/, the same month) or the headline (exactly one year named) gives it; None when
    there is no such line or no such year."""
    url_ym = _URL_YEAR_MONTH.search(url) if url else None
    title_years = set(_YEAR.findall(texts[title_idx])) if title_idx is not None else set()
    if url_ym is None and len(title_years) != 1:
        return None
    for i in sorted(range(max(anchor - YEARLESS_WINDOW, 0), min(anchor + YEARLESS_WINDOW + 1, len(texts))),
                    key=lambda i: (abs(i - anchor), i)):
        t = texts[i].strip()
        if len(t) > 40 or not _YEARLESS.match(t):
            continue
        for year in ([url_ym.group(1)] if url_ym else []) + sorted(title_years):
            ds = find_dates(f"{t} {year}", lang=lang, fetch_date=fetch_date)
            if len(ds) == 1 and ds[0].kind != "modified" and (url_ym is None or year != url_ym.group(1) or int(ds[0].value[5:7]) == int(url_ym.group(2))):
                d = ds[0]
                return i, DateMatch(d.start, min(d.end, len(t)), d.value[:10], False, d.kind)
    return None


def pick_date(
    cands: list[tuple[int, DateMatch]], scores: np.ndarray, texts: list[str], anchor: int, title_idx: int | None,
    url: str | None, lang: str | None, fetch_date: str | None,
) -> tuple[int, DateMatch] | None:
    """The published date: the best-scoring candidate, unless the URL path gives a day that no
    candidate has (then that day: a URL keeps the day of first publication, the lines may show
    only an update or a date shifted by the time zone); without candidates and URL day, a date
    printed without its year (`yearless_date`). The line is -1 for the URL's day."""
    day = find_dates(url_day(url) or "", fetch_date=fetch_date) if url else None  # (a valid day, not in the future)
    if day and not any(d.value.startswith(day[0].value) for _, d in cands):
        return -1, DateMatch(0, 0, day[0].value, False, "unknown")
    if cands:
        return cands[int(np.argmax(scores))]
    return yearless_date(texts, anchor, title_idx, url, lang, fetch_date)
