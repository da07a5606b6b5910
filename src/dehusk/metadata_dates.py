"""Publication and modification dates of an HTML page, kept apart.

Declared dates first: JSON-LD main entity (datePublished / dateCreated / uploadDate,
dateModified) > article:published_time and other meta names > itemprop microdata >
`<time datetime>` outside comments and related rails (an "updated" class or label makes it a
modification date). Then the dates a reader sees: the lines next to the headline, elements
whose class says date/published/byline, `<time>` text, with "Updated"/"Published" labels
deciding the kind. Last, a /YYYY/MM/DD/ path in the URL. Ordinary scripts are never read.
Dates after the fetch date (default today; one day of slack for time zones) are dropped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
from selectolax.lexbor import LexborNode

from .chrome_hints import CHROME_ANYWHERE
from .dates import find_dates, parse_date, url_day
from .memo import memo
from .metadata_page import Page, Scan, attr_value, in_chrome

PUBLISHED_METAS = (
    "article:published_time", "og:article:published_time", "article:published", "published_time",
    "og:published_time", "datepublished", "parsely-pub-date", "sailthru.date", "cxenseparse:recs:publishtime",
    "dcterms.issued", "dc.date.issued", "dcterms.date", "dc.date", "dcterms.created", "dc.date.created",
    "citation_publication_date", "citation_online_date", "citation_date", "pubdate", "publishdate",
    "publish-date", "publish_date", "publication_date", "published", "date", "article.published",
    "article_date_original", "originalpublicationdate", "displaydate", "dc.date.available",
    "datecreated", "uploaddate",
)
MODIFIED_METAS = ("article:modified_time", "og:updated_time", "article:modified", "datemodified",
                  "dcterms.modified", "dc.date.modified", "last-modified", "lastmod", "modified_time",
                  "cxenseparse:recs:articlemodifiedtime")
_UPDATED = re.compile(r"updat|modif|revis|edited", re.I)
_KNOWN_METAS = frozenset((*PUBLISHED_METAS, *MODIFIED_METAS))
# other meta names that declare a date ("og:publish_date", "published_at", "w-published-date",
# "ms.date", "article.updated", "last-modified-date", ...): the name says date or time, and nothing
# in it says the value is an image, a link, an expiry or another object's date
_META_DATE_NAME = re.compile(r"date|time|publi|pub\b|creat|issued|updat|modif", re.I)
_META_NOT_DATE = re.compile(r"image|url|expir|valid|start|end|event|birth|build|deploy|title|descr|zone|copyright|"
                            r"section|review|cache|crawl|index|price|offer", re.I)
_META_MODIFIED = re.compile(r"updat|modif|revis|last", re.I)
_HINT_TEXT = 160


_MAX_VISIBLE = 14  # short texts scanned for visible dates


@dataclass(slots=True)
class DateChoice:
    published: str | None = None
    modified: str | None = None
    sources: dict[str, str] = field(default_factory=dict)
    candidates: list[tuple[str, str, str]] = field(default_factory=list)  # (source, kind, ISO), for explain


def _iso_day(value: str) -> bool:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def _limit(fetch_date: str | None) -> date:
    if fetch_date:
        try:
            return date.fromisoformat(fetch_date[:10])
        except ValueError:
            pass
    return date.today()


class _Dater:
    def __init__(self, fetch_date: str | None, lang: str | None) -> None:
        self.fetch_date = fetch_date if fetch_date and _iso_day(fetch_date) else None
        self.lang = lang
        self.limit = _limit(fetch_date) + timedelta(days=1)

    def ok(self, iso: str | None) -> str | None:
        if not iso:
            return None
        try:
            return iso if date.fromisoformat(iso[:10]) <= self.limit else None
        except ValueError:
            return None

    def parse(self, value: str | None) -> str | None:
        if not value:
            return None
        return self.ok(parse_date(value, fetch_date=self.fetch_date, lang=self.lang))


@memo(1024)
def _meta_kind(name: str) -> str | None:
    """"published" or "modified" for a meta name outside the known lists that declares a date."""
    if name in _KNOWN_METAS or not _META_DATE_NAME.search(name) or _META_NOT_DATE.search(name):
        return None
    return "modified" if _META_MODIFIED.search(name) else "published"


def declared_metas(page: Page) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(published, modified) meta (name, value) pairs: the known names in their order of trust,
    then other names that declare a date (`_meta_kind`; short values only). Read once a page (the
    rules and the picker's candidates both ask)."""
    if page.date_metas is None:
        pub = [(k, v) for k in PUBLISHED_METAS for v in page.metas.get(k, ())[:1]]
        mod = [(k, v) for k in MODIFIED_METAS for v in page.metas.get(k, ())[:1]]
        for k, values in page.metas.items():
            kind = _meta_kind(k)
            if kind and len(values[0]) <= 40:
                (pub if kind == "published" else mod).append((k, values[0]))
        page.date_metas = (pub, mod)
    return page.date_metas


def _declared(page: Page, dater: _Dater, out: DateChoice) -> None:
    ld = page.jsonld
    pub: list[tuple[str, str | None]] = []
    mod: list[tuple[str, str | None]] = []
    if ld.published:
        pub.append((f"json-ld {ld.published_key}", ld.published))
    if ld.modified:
        mod.append(("json-ld dateModified", ld.modified))
    metas_pub, metas_mod = declared_metas(page)
    pub.extend((f"meta[{k}]", v) for k, v in metas_pub)
    mod.extend((f"meta[{k}]", v) for k, v in metas_mod)
    for key, bucket in (("datepublished", pub), ("datecreated", pub), ("datemodified", mod)):
        for node in page.itemprops.get(key, ())[:2]:
            if node.tag != "meta":
                bucket.append((f"[itemprop={key}]", attr_value(node) or node.text(strip=True)))
    for node in page.times:
        value = node.attributes.get("datetime")
        if not value or in_chrome(node, page.headline_path):
            continue
        ctx = f"{node.attributes.get('class') or ''} {node.attributes.get('itemprop') or ''}"
        parent = node.parent
        if parent is not None:
            ctx += f" {parent.attributes.get('class') or ''} {(parent.text(strip=True) or '')[:60]}"
        (mod if _UPDATED.search(ctx) else pub).append(("time[datetime]", value))
    for kind, bucket in (("published", pub), ("modified", mod)):
        for src, value in bucket:
            iso = dater.parse(value)
            if iso:
                out.candidates.append((src, kind, iso))


def _visible(page: Page, near: list[str], dater: _Dater, out: DateChoice, hints: bool) -> None:
    """Dates a reader sees: next to the headline, then (`hints`) in date/byline elements."""
    texts: list[tuple[str, str]] = [("near headline", t) for t in near]
    groups = [("time", page.times)]
    if hints:
        groups += [("date element", page.datelines), ("byline", page.bylines)]
    for src, nodes in groups:
        for node in nodes:
            if len(texts) >= 2 * _MAX_VISIBLE:
                break
            t = node.text(separator=" ", strip=True)
            if t and len(t) <= 4 * _HINT_TEXT and not in_chrome(node, page.headline_path):
                texts.append((src, t[:_HINT_TEXT]))  # a long one: its start ("Posted on ... Tags: ...")
    seen: set[str] = set()
    for src, t in texts:
        if t in seen:
            continue
        seen.add(t)
        for m in find_dates(t, lang=dater.lang, fetch_date=dater.fetch_date):
            iso = dater.ok(m.value)
            if iso:
                out.candidates.append((f"visible ({src})", m.kind, iso))


def choose_dates(page: Page, url: str | None, *, fetch_date: str | None = None, lang: str | None = None,
                 near: Sequence[str] = ()) -> DateChoice:
    """(published, modified) with their sources; see the module doc."""
    dater = _Dater(fetch_date, lang)
    out = DateChoice()
    _declared(page, dater, out)
    kinds = {kind for _, kind, _ in out.candidates}
    _visible(page, list(near), dater, out, hints=not {"published", "modified"} <= kinds)
    day = url_day(url) if url else None
    if day:
        iso = dater.parse(day)
        if iso:
            out.candidates.append(("url", "unknown", iso))
    for src, kind, iso in out.candidates:
        if kind == "modified" and out.modified is None:
            out.modified, out.sources["modified"] = iso, src
    pub = _vote([c for c in out.candidates if c[1] != "modified"])
    if pub:
        out.published, out.sources["published"] = pub[2], pub[0]
    if out.published and out.modified and out.modified[:10] < out.published[:10]:
        out.modified = None  # a "modification" before the publication is some other date
        out.sources.pop("modified", None)
    return out


def _family(src: str) -> str:
    return src.split(" ", 1)[0].split("[", 1)[0] if not src.startswith("visible") else "visible"


def _vote(cands: list[tuple[str, str, str]]) -> tuple[str, str, str] | None:
    """The publication date most kinds of source agree on (JSON-LD, meta, microdata, <time>,
    visible text); ties go to the best source. A date the page labels "published" in its
    visible text counts twice."""
    if not cands:
        return None
    votes: dict[str, set[str]] = {}
    for src, kind, iso in cands:
        fam = _family(src)
        votes.setdefault(iso[:10], set()).add(fam)
        if kind == "published" and fam == "visible":
            votes[iso[:10]].add("visible-labelled")
    best = max(len(v) for v in votes.values())
    return next(c for c in cands if len(votes[c[2][:10]]) == best)


# ----------------------------------------------------------------- candidates for the learned picker

_FAMILIES = ("ld_pub", "ld_created", "ld_mod", "meta_pub", "meta_mod", "item_pub", "item_mod", "time_pub",
             "time_mod", "vis_pub", "vis_mod", "vis_unk", "near", "url", "ld_page")
_DECLARED = frozenset((*_FAMILIES[:9], "ld_page"))
_SHOWN = frozenset({"vis_pub", "vis_mod", "vis_unk", "near"})
_PRIORITY = {f: i for i, f in enumerate(("ld_pub", "meta_pub", "item_pub", "time_pub", "ld_created", "vis_pub",
                                         "near", "vis_unk", "time_mod", "vis_mod", "ld_mod", "meta_mod",
                                         "item_mod", "url", "ld_page"))}
_CTX = ("date", "meta", "comment", "related", "chrome", "link", "li", "article", "header", "footer")
DATE_FEATURES = (
    *(f"n_{f}" for f in _FAMILIES), "n_fam", "n_occ", "has_time", "d_anchor", "abs_anchor", "log_abs", "first_pos",
    "before_anchor", *(f"any_{c}" for c in _CTX), *(f"all_{c}" for c in _CTX), "min_len", "recency", "n_days",
    "is_oldest", "is_newest", "log_to_newest", "log_from_oldest", "rule_pub", "rule_mod", "declared",
    "after_declared", "before_declared", "n_visible_days", "near_rank", "near_rank_after", "page_min_abs",
    "adj_day", "adj_declared", "vis_clean", "dist_clean", "shown", "declared_shown", "n_shown_days",
)
_CTX_DATE = re.compile(r"date|time|publish|posted|updated|modified", re.I)
_CTX_META = re.compile(r"meta|byline|author|info|header|head|hero|intro|top", re.I)
_CTX_COMMENT = re.compile(r"comment|reply|replies|respon", re.I)
_CTX_RELATED = re.compile(r"related|recommend|more|teaser|card|popular|trending|sidebar|widget|latest|recent", re.I)


@dataclass(slots=True)
class Occurrence:
    fam: str
    src: str
    kind: str
    iso: str
    pos: int | None = None
    ctx: dict[str, bool] | None = None
    length: int = 0


def _context(node: LexborNode, stop: frozenset[int]) -> dict[str, bool]:
    hints: list[str] = []
    tags: set[str] = set()
    cur: LexborNode | None = node
    for level in range(10):
        if cur is None or cur.tag in ("body", "html"):
            break
        tags.add(cur.tag or "")
        if level < 4:
            a = cur.attributes
            hints.append(f"{a.get('class') or ''} {a.get('id') or ''} {a.get('itemprop') or ''}")
        cur = cur.parent
    near = " ".join(hints[:3])
    every = " ".join(hints)
    return {
        "date": bool(_CTX_DATE.search(near)) or "time" in tags, "meta": bool(_CTX_META.search(every)),
        "comment": bool(_CTX_COMMENT.search(every)), "related": bool(_CTX_RELATED.search(every)),
        "chrome": in_chrome(node, stop), "link": "a" in tags, "li": "li" in tags,
        "article": bool(tags & {"article", "main"}), "header": "header" in tags,
        "footer": bool(tags & {"footer", "aside", "nav"}), "rail": bool(CHROME_ANYWHERE.search(every)),
    }


def _kind_in_context(node: LexborNode, value: str, dater: _Dater) -> str:
    """The kind a label next to the date gives it ("Updated: <span>May 3</span>")."""
    cur = node
    for _ in range(2):
        cur = cur.parent
        if cur is None:
            break
        text = cur.text(separator=" ", strip=True)
        if len(text) > _HINT_TEXT:
            break
        for m in find_dates(text, lang=dater.lang, fetch_date=dater.fetch_date):
            if m.value[:10] == value[:10] and m.kind != "unknown":
                return m.kind
    return "unknown"


def occurrences(page: Page, url: str | None, *, fetch_date: str | None, lang: str | None, near: Sequence[str],
                scan: Scan) -> list[Occurrence]:
    """Every date of the page with where it was found (for `date_candidates`)."""
    dater = _Dater(fetch_date, lang)
    out: list[Occurrence] = []
    ld = page.jsonld
    stop = page.headline_path

    def add(fam: str, src: str, kind: str, value: str | None, node: LexborNode | None = None) -> None:
        iso = dater.parse(value)
        if iso:
            pos = scan.positions.get(node.mem_id) if node is not None else None
            out.append(Occurrence(fam, src, kind, iso, pos, _context(node, stop) if node is not None else None))

    if ld.published:
        fam = "ld_pub" if ld.published_key == "datePublished" else "ld_created"
        add(fam, f"json-ld {ld.published_key}", "published", ld.published)
    if ld.modified:
        add("ld_mod", "json-ld dateModified", "modified", ld.modified)
    if ld.page_published:
        add("ld_page", "json-ld WebPage datePublished", "published", ld.page_published)
    for pairs, fam, kind in zip(declared_metas(page), ("meta_pub", "meta_mod"), ("published", "modified"),
                                strict=True):
        for k, v in pairs:
            add(fam, f"meta[{k}]", kind, v)
    for key, fam, kind in (("datepublished", "item_pub", "published"), ("datecreated", "item_pub", "published"),
                           ("datemodified", "item_mod", "modified")):
        for node in page.itemprops.get(key, ())[:2]:
            if node.tag != "meta":
                add(fam, f"[itemprop={key}]", kind, attr_value(node) or node.text(strip=True), node)
    for node in page.times:
        value = node.attributes.get("datetime")
        if not value:
            continue
        ctx = f"{node.attributes.get('class') or ''} {node.attributes.get('itemprop') or ''}"
        parent = node.parent
        if parent is not None:
            ctx += f" {parent.attributes.get('class') or ''} {(parent.text(strip=True) or '')[:60]}"
        mod = bool(_UPDATED.search(ctx))
        add("time_mod" if mod else "time_pub", "time[datetime]", "modified" if mod else "published", value, node)
    ambiguous: list[int] = []  # the visible numeric dates that read as well the other way round
    for pos, text, node in scan.dates[:40]:
        ctx = None
        for m in find_dates(text, lang=dater.lang, fetch_date=dater.fetch_date):
            iso = dater.ok(m.value)
            if not iso:
                continue
            kind = m.kind
            if kind == "unknown" and len(text) - (m.end - m.start) < 12:
                kind = _kind_in_context(node, iso, dater)
            ctx = ctx or _context(node, stop)
            fam = {"published": "vis_pub", "modified": "vis_mod"}.get(kind, "vis_unk")
            if _ambiguous(iso, text[m.start : m.end]):
                ambiguous.append(len(out))
            out.append(Occurrence(fam, "visible", kind, iso, pos, ctx, len(text)))
    for text in near:
        for m in find_dates(text, lang=dater.lang, fetch_date=dater.fetch_date):
            iso = dater.ok(m.value)
            if iso:
                if _ambiguous(iso, text[m.start : m.end]):
                    ambiguous.append(len(out))
                out.append(Occurrence("near", "visible (near headline)", m.kind, iso, None, None, len(text)))
    day = url_day(url) if url else None
    if day:
        add("url", "url", "unknown", day)
    if ambiguous:
        _settle_day_month(out, ambiguous, dater)
    return out


_NUMERIC_DATE = re.compile(r"\D{0,3}\d{1,2}\D{1,3}\d{1,2}\D")  # day and month first, in digits ("03/10/2023")


def _ambiguous(iso: str, raw: str) -> bool:
    """A date written in digits, day and month first, that reads as well the other way round
    ("03/10/2023": both parts at most 12 and different)."""
    day = int(iso[8:10])
    return day <= 12 and day != int(iso[5:7]) and _NUMERIC_DATE.match(raw) is not None


def _settle_day_month(out: list[Occurrence], ambiguous: list[int], dater: _Dater) -> None:
    """Read the ambiguous visible dates (`ambiguous`: their indexes in `out`) the other way round
    when the page says so: the swapped day is a day of one of its unambiguous dates (structured
    metadata, a month name, the URL) and the first reading is not (text mode does the same:
    metadata_text_date)."""
    skip = set(ambiguous)
    sure = {o.iso[:10] for k, o in enumerate(out) if k not in skip}
    for k in ambiguous:
        o = out[k]
        swapped = dater.ok(f"{o.iso[:5]}{o.iso[8:10]}-{o.iso[5:7]}{o.iso[10:]}")
        if swapped and swapped[:10] in sure and o.iso[:10] not in sure:
            out[k] = Occurrence(o.fam, o.src, o.kind, swapped, o.pos, o.ctx, o.length)


def _ordinal(day: str) -> int:
    try:
        return date.fromisoformat(day).toordinal()
    except ValueError:
        return 0


def _log_days(a: str, b: str) -> float:
    try:
        d = (date.fromisoformat(a) - date.fromisoformat(b)).days
    except ValueError:
        return 0.0
    return math.copysign(math.log1p(abs(d)), d)


def date_candidates(occs: list[Occurrence], anchor: int | None, n_nodes: int, rule: DateChoice,
                    page_flags: dict[str, float]) -> tuple[list[tuple[str, str, list[Occurrence]]], np.ndarray]:
    """One candidate per day: (day, best ISO value, its occurrences) and the feature rows (`DATE_FEATURES`
    followed by the page flags)."""
    by_day: dict[str, list[Occurrence]] = {}
    for o in occs:
        by_day.setdefault(o.iso[:10], []).append(o)
    for day, group in list(by_day.items()):  # seen only in comments or related rails: another page's date
        if all(o.ctx is not None and o.ctx["rail"] for o in group):
            del by_day[day]
    occs = [o for o in occs if o.iso[:10] in by_day]
    days = sorted(by_day)
    declared_pub = next((o.iso[:10] for o in occs if o.fam in ("ld_pub", "meta_pub", "ld_created")), None)
    rule_pub = (rule.published or "")[:10]
    rule_mod = (rule.modified or "")[:10]
    n_vis_days = sum(1 for d in days if any(o.pos is not None or o.fam == "near" for o in by_day[d]))
    rows: list[list[float]] = []
    out: list[tuple[str, str, list[Occurrence]]] = []
    n = float(max(n_nodes, 1))
    # visible days ranked by their distance to the headline (outside comments and rails: "clean")
    dist: dict[str, int] = {}
    dist_after: dict[str, int] = {}
    dist_clean: dict[str, int] = {}
    if anchor is not None:
        for o in occs:
            if o.pos is None:
                continue
            d = abs(o.pos - anchor)
            day = o.iso[:10]
            dist[day] = min(dist.get(day, d), d)
            if o.pos >= anchor:
                dist_after[day] = min(dist_after.get(day, d), d)
            if o.ctx is not None and not (o.ctx["chrome"] or o.ctx["comment"] or o.ctx["related"]):
                dist_clean[day] = min(dist_clean.get(day, d), d)
    near_rank = {d: i for i, d in enumerate(sorted(dist, key=dist.__getitem__))}
    after_rank = {d: i for i, d in enumerate(sorted(dist_after, key=dist_after.__getitem__))}
    clean_rank = {d: i for i, d in enumerate(sorted(dist_clean, key=dist_clean.__getitem__))}
    ordinals = {d: _ordinal(d) for d in days}
    shown = {d for d in days if any(o.fam in _SHOWN for o in by_day[d])}
    declared_days = {o.iso[:10] for o in occs if o.fam in _DECLARED}
    for rank, day in enumerate(reversed(days)):
        group = by_day[day]
        f: dict[str, float] = dict.fromkeys(DATE_FEATURES, 0.0)
        for o in group:
            f[f"n_{o.fam}"] += 1
        f["n_fam"] = float(len({o.fam for o in group}))
        f["n_occ"] = float(len(group))
        f["has_time"] = float(any("T" in o.iso for o in group))
        placed = [o for o in group if o.pos is not None]
        if placed and anchor is not None:
            nearest = min(placed, key=lambda o: abs(o.pos - anchor))  # type: ignore[operator]
            d = nearest.pos - anchor  # type: ignore[operator]
            f["d_anchor"], f["abs_anchor"], f["log_abs"] = d / n, abs(d) / n, math.log1p(abs(d))
            f["before_anchor"] = float(d < 0)
        else:
            f["d_anchor"] = f["abs_anchor"] = f["log_abs"] = f["before_anchor"] = math.nan
        f["first_pos"] = min(o.pos for o in placed) / n if placed else math.nan
        ctxs = [o.ctx for o in group if o.ctx is not None]
        for c in _CTX:
            f[f"any_{c}"] = float(any(x[c] for x in ctxs)) if ctxs else math.nan
            f[f"all_{c}"] = float(all(x[c] for x in ctxs)) if ctxs else math.nan
        lens = [o.length for o in group if o.length]
        f["min_len"] = math.log1p(min(lens)) if lens else math.nan
        f["recency"] = float(rank)
        f["n_days"] = float(len(days))
        f["is_oldest"] = float(day == days[0])
        f["is_newest"] = float(day == days[-1])
        f["log_to_newest"] = -_log_days(day, days[-1])
        f["log_from_oldest"] = _log_days(day, days[0])
        f["rule_pub"] = float(day == rule_pub)
        f["rule_mod"] = float(day == rule_mod)
        f["declared"] = float(any(o.fam in _DECLARED for o in group))
        f["after_declared"] = float(declared_pub is not None and day > declared_pub)
        f["before_declared"] = float(declared_pub is not None and day < declared_pub)
        f["n_visible_days"] = float(n_vis_days)
        f["near_rank"] = float(near_rank.get(day, math.nan))
        f["near_rank_after"] = float(after_rank.get(day, math.nan))
        f["page_min_abs"] = min(dist.values()) / n if dist else math.nan
        f["vis_clean"] = float(clean_rank.get(day, math.nan))
        f["dist_clean"] = math.log1p(dist_clean[day]) if day in dist_clean else math.nan
        f["shown"] = float(day in shown)
        f["declared_shown"] = float(bool(declared_days & shown))
        f["n_shown_days"] = float(len(shown))
        adj = [d for d in days if d != day and abs(ordinals[d] - ordinals[day]) == 1]
        f["adj_day"] = float(bool(adj))
        f["adj_declared"] = float(any(any(o.fam in _DECLARED for o in by_day[d]) for d in adj))
        best = min(group, key=lambda o: (_PRIORITY[o.fam], "T" not in o.iso))
        out.append((day, best.iso, group))
        rows.append([f[k] for k in DATE_FEATURES] + list(page_flags.values()))
    width = len(DATE_FEATURES) + len(page_flags)
    return out, np.array(rows, dtype=np.float64).reshape(len(rows), width)
