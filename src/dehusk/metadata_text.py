"""Text mode, metadata: headline, byline, dates, lead, credit line and tags from the lines alone.

Works on the classified lines: the article's main run of lines (the body) anchors everything.
The headline is the best-scoring candidate line above or at the top of that run (a small
learned model over line and neighbourhood features, with a hand-set fallback); bylines and dates
are looked for around the headline and the top of the body; the credit line at the end of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import numpy as np

from .authors import byline_match, clean_authors, is_agency, looks_like_person, split_credit
from .blocks import Segment
from .classify import load_model, model_available
from .dates import find_dates, has_date_hint

_TOK = re.compile(r"\w+")
TITLE_WINDOW = 25  # candidate headlines: this many lines above the body's first line ...
TITLE_INTO = 4  # ... and this many into it

TITLE_FEATURES = (
    "log_words", "cap_words", "end_term", "frac_upper", "log_rep", "blank_before", "blank_after", "bullet",
    "re_byline", "re_date", "re_nav", "re_more", "re_social", "re_media", "re_url", "starts_upper", "frac_digit",
    "end_colon", "rel_pos", "frac_sep", "stop_ratio", "p", "p_next5", "p_prev5", "d_first", "before_first",
    "slug_in_line", "line_in_slug", "date_near", "byline_near", "cand_rank", "longest_cap",
)


@dataclass(slots=True)
class TextMeta:
    title_idx: int | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    byline_idx: list[int] = field(default_factory=list)
    date_idx: list[int] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    lead_idx: int | None = None
    source: str | None = None
    source_idx: int | None = None
    tags: list[str] = field(default_factory=list)
    tags_idx: int | None = None


def slug_tokens(url: str | None) -> set[str]:
    if not url:
        return set()
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return set()
    return {t for t in _TOK.findall(path.lower()) if not t.isdigit() and t not in ("html", "htm", "php", "aspx")}


def _window(arr: np.ndarray, i: int, lo: int, hi: int) -> float:
    a, b = max(i + lo, 0), min(i + hi, len(arr))
    return float(arr[a:b].mean()) if b > a else 0.0


def title_candidates(
    texts: list[str], f: dict[str, np.ndarray], p: np.ndarray, first: int, url: str | None
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate line indices for the headline and their feature rows (TITLE_FEATURES)."""
    n = len(texts)
    lo, hi = max(first - TITLE_WINDOW, 0), min(first + TITLE_INTO + 1, n)
    words = f["_words"]
    cand = [i for i in range(lo, hi) if 1 <= words[i] <= 40 and len(texts[i]) <= 300]
    if not cand:
        return np.zeros(0, dtype=np.intp), np.zeros((0, len(TITLE_FEATURES)))
    slug = slug_tokens(url)
    rows = []
    caps = [f["cap_words"][i] * min(words[i], 12) for i in cand]
    order = np.argsort(np.argsort(-np.asarray(caps)))
    for k, i in enumerate(cand):
        toks = {t for t in _TOK.findall(texts[i].lower())}
        row = [f[name][i] for name in TITLE_FEATURES[:21]]
        near = range(max(i - 3, 0), min(i + 5, n))
        row += [
            p[i], _window(p, i, 1, 6), _window(p, i, -5, 0), float(np.clip(i - first, -30, 30)), float(i < first),
            len(toks & slug) / max(len(toks), 1) if slug else -1.0,
            len(toks & slug) / max(len(slug), 1) if slug else -1.0,
            float(any(f["re_date"][j] for j in near if j != i)),
            float(any(f["re_byline"][j] for j in near if j != i)),
            float(order[k]),
            float(caps[k] == max(caps)),
        ]
        rows.append(row)
    return np.asarray(cand, dtype=np.intp), np.asarray(rows, dtype=np.float64)


def _heuristic_title(X: np.ndarray) -> np.ndarray:
    col = {name: X[:, j] for j, name in enumerate(TITLE_FEATURES)}
    words = np.expm1(col["log_words"])
    s = (
        1.5 * np.clip(col["slug_in_line"], 0, 1) + 1.0 * ((words >= 3) & (words <= 25)) + 0.8 * col["cap_words"]
        - 0.8 * col["end_term"] + 0.6 * col["date_near"] + 0.6 * col["byline_near"]
        - 0.08 * np.abs(col["d_first"]) - 2.0 * (col["re_nav"] + col["re_more"] + col["re_social"] + col["bullet"])
        - 1.0 * col["re_date"] - 1.0 * col["re_byline"]
    )
    return s


def pick_title(texts: list[str], f: dict[str, np.ndarray], p: np.ndarray, first: int, url: str | None) -> int | None:
    cand, X = title_candidates(texts, f, p, first, url)
    if len(cand) == 0:
        return None
    if model_available("text_title"):
        scores = load_model("text_title").predict(X)
    else:
        scores = _heuristic_title(X)
    return int(cand[int(np.argmax(scores))])


_CREDIT_LINE = re.compile(
    r"^\(\s*([^()]{2,60})\s*\)$|^(?:source|sources|quelle|fuente|źródło|fonte|bron|credit)s?\s*:\s*(.{2,60})$"
    r"|^[-–—]\s*([A-Z][\w .&/-]{1,40})$",
    re.I,
)
_TAGS_LINE = re.compile(
    r"^(?:tags?|topics?|keywords?|schlagwörter|schlagworte|themen|mots[- ]clés|sujets|etiquetas|temas|tagi"
    r"|tematy|argomenti|parole chiave|trefwoorden|onderwerpen)\s*[:：]\s*(.+)$",
    re.I,
)


def _credit(text: str) -> str | None:
    """The agency or credit named by a short credit line, if it is one."""
    if len(text) > 70:
        return None
    m = _CREDIT_LINE.match(text.strip())
    if m:
        inner = next(g for g in m.groups() if g)
        persons, orgs = split_credit(inner)
        if orgs and not persons:
            return inner.strip()
        if is_agency(inner):
            return inner.strip()
        return None
    return text.strip() if is_agency(text.strip()) and len(text.split()) <= 4 else None


def _similar(a: str, b: str) -> float:
    ta, tb = set(_TOK.findall(a.lower())), set(_TOK.findall(b.lower()))
    return len(ta & tb) / max(len(ta | tb), 1)


def text_metadata(
    segments: list[Segment], f: dict[str, np.ndarray], p: np.ndarray, keep: np.ndarray, url: str | None,
    lang: str | None, fetch_date: str | None = None,
) -> TextMeta:
    texts = [s.text for s in segments]
    n = len(texts)
    meta = TextMeta()
    kept = np.flatnonzero(keep)
    if n == 0:
        return meta
    first = int(kept[0]) if len(kept) else int(np.argmax(p))
    last = int(kept[-1]) if len(kept) else first
    # headline
    ti = pick_title(texts, f, p, first, url)
    if ti is not None:
        meta.title_idx, meta.title = ti, texts[ti]
    anchor = ti if ti is not None else first
    # byline: a "By ..." line near the headline or the top of the body, else a person-like line next to a date
    zone = sorted(set(range(max(anchor - 4, 0), min(max(anchor, first) + 8, n))) | set(range(max(last - 2, 0), min(last + 4, n))))
    for i in zone:
        if i == ti or len(texts[i]) > 200:
            continue
        names = byline_match(texts[i])
        if names is None:
            continue
        persons, orgs = split_credit(names)
        persons = clean_authors(persons)
        if persons or orgs:
            meta.byline_idx.append(i)
            for a in persons:
                if a not in meta.authors:
                    meta.authors.append(a)
            if orgs and meta.source is None and i > last:
                meta.source = orgs[0]
    # dates: the nearest to the headline wins; published vs modified by their keywords
    found = []
    for i in range(max(anchor - 6, 0), min(max(anchor, first) + 10, n)):
        t = texts[i]
        if i == ti or len(t) > 300 or not has_date_hint(t):
            continue
        ds = find_dates(t, lang=lang, fetch_date=fetch_date)
        if ds:
            found.append((abs(i - anchor) + (0.5 if i < anchor else 0), i, ds))
    for i in range(max(last - 2, 0), min(last + 6, n)):  # "Date created : ..." under the body
        t = texts[i]
        if len(t) <= 120 and has_date_hint(t) and not keep[i]:
            ds = find_dates(t, lang=lang, fetch_date=fetch_date)
            if ds:
                found.append((20 + abs(i - last), i, ds))
    found.sort(key=lambda x: x[0])
    for _, i, ds in found:
        short_line = len(texts[i].split()) <= 12
        for d in ds:
            if d.kind == "modified":
                meta.modified = meta.modified or d.value
            elif meta.published is None:
                meta.published = d.value
        if short_line:
            meta.date_idx.append(i)
    if meta.published is None and meta.modified is not None:
        meta.published = meta.modified
    if not meta.authors:
        for i in meta.date_idx[:2] + ([ti] if ti is not None else []):
            for j in (i - 1, i + 1, i - 2):
                if 0 <= j < n and j != ti and not keep[j] and len(texts[j]) <= 60 and looks_like_person(texts[j]):
                    meta.authors.append(texts[j].strip())
                    meta.byline_idx.append(j)
                    break
            if meta.authors:
                break
    # credit line at the end of the body
    for i in range(max(last - 1, 0), min(last + 4, n)):
        if i in meta.byline_idx or i in meta.date_idx:
            continue
        c = _credit(texts[i])
        if c:
            meta.source, meta.source_idx = c, i
            break
    # tags
    for i in range(max(first - 5, 0), min(last + 15, n)):
        m = _TAGS_LINE.match(texts[i])
        if m:
            tags = [t.strip(" #•·") for t in re.split(r"[,;|•·]", m.group(1))]
            meta.tags = [t for t in tags if t and len(t) <= 60][:30]
            meta.tags_idx = i
            break
    # lead: the first body paragraph when the next one restates it, or when it stands above the byline/date
    if len(kept) >= 2:
        a = int(kept[0])
        if a != ti:
            b = next((int(k) for k in kept[1:] if k != ti), None)
            restated = b is not None and _similar(texts[a], texts[b]) >= 0.45 and len(texts[a].split()) >= 12
            above_meta = any(a < j for j in meta.byline_idx + meta.date_idx) and len(texts[a].split()) >= 12
            if restated or (above_meta and ti is not None and ti < a):
                meta.lead_idx = a
    return meta


def pick_lead(segments: list[Segment], meta: TextMeta) -> int | None:
    """The standfirst: the first body paragraph when the next one restates it, or when it stands
    between the headline and the byline/date lines."""
    body = [i for i, s in enumerate(segments) if s.label == "body"]
    if len(body) < 2:
        return None
    a, b = body[0], body[1]
    if len(segments[a].text.split()) < 12:
        return None
    if any(s.label == "heading" for s in segments[a:b]):
        b = body[1]
    restated = _similar(segments[a].text, segments[b].text) >= 0.45
    above_meta = meta.title_idx is not None and meta.title_idx < a and any(a < j for j in meta.byline_idx + meta.date_idx)
    return a if restated or above_meta else None
