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

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from .dates import find_dates, parse_date
from .metadata_page import Page, attr_value, in_chrome

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
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_.]|$)")
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


def _declared(page: Page, dater: _Dater, out: DateChoice) -> None:
    ld = page.jsonld
    pub: list[tuple[str, str | None]] = []
    mod: list[tuple[str, str | None]] = []
    if ld.published:
        pub.append((f"json-ld {ld.published_key}", ld.published))
    if ld.modified:
        mod.append(("json-ld dateModified", ld.modified))
    for k in PUBLISHED_METAS:
        for v in page.metas.get(k, ())[:1]:
            pub.append((f"meta[{k}]", v))
    for k in MODIFIED_METAS:
        for v in page.metas.get(k, ())[:1]:
            mod.append((f"meta[{k}]", v))
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
    if url:
        m = _URL_DATE.search(url)
        if m:
            iso = dater.parse(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
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
