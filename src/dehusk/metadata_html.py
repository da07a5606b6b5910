"""HTML-mode metadata: title, authors, dates, tags, site, language from a parsed page.

`html_metadata(tree, url, fetch_date=...)` runs on the parsed page before scripts are
stripped (JSON-LD lives in scripts; no other script is read, so a JS config's expiry date
cannot win). It reads the page once (`metadata_page.read_page`: head metas and links, the
ld+json scripts, one CSS query over the body), then chooses each field from its sources,
best first, and records in `sources` where each came from (for explain):

- title: `metadata_title` (the h1 headline that matches a metadata title, else the metadata
  title without its "| Site" decoration);
- dates: `metadata_dates` (JSON-LD > OpenGraph/meta names > microdata > `<time>` > the
  visible date next to the headline > the URL), published and modified kept apart;
- authors: JSON-LD author/creator > meta author names (URLs ignored) > itemprop=author >
  rel=author > visible bylines; person names only (`dehusk.authors`), agencies to `source`;
- tags: article:tag > JSON-LD keywords > news_keywords/keywords > rel=tag links;
- language: `<html lang>` > Content-Language > og:locale > JSON-LD inLanguage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from .authors import clean_authors, is_agency, split_credit
from .metadata_dates import choose_dates
from .metadata_page import Page, attr_value, in_chrome, read_page
from .metadata_title import choose_title, clean_text

MAX_TAGS = 20
MAX_AUTHORS = 12
_HINT_TEXT = 160  # longer byline elements are bios or body text

_AUTHOR_METAS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                 "dcterms.creator", "citation_author", "byl", "cxenseparse:author", "twitter:creator:name",
                 "og:article:author", "creator")
_TAG_METAS = ("news_keywords", "parsely-tags", "sailthru.tags", "keywords")
_LANG_METAS = ("content-language", "language", "dc.language", "og:locale")
_URLISH = re.compile(r"^(?:https?:)?//|^www\.|^/[\w-]")
_LANG_RE = re.compile(r"^[a-z]{2,3}$")


@dataclass(slots=True)
class HtmlMeta:
    """Metadata of an HTML page; every set field has its origin in `sources`."""

    title: str | None = None
    title_candidates: list[tuple[str, str]] = field(default_factory=list)  # (source, text), for explain
    authors: list[str] = field(default_factory=list)  # person names only
    source: str | None = None  # news agency credit ("AFP", "Reuters")
    author_orgs: list[str] = field(default_factory=list)  # organisations credited as author
    published: str | None = None  # ISO 8601
    modified: str | None = None
    date_candidates: list[tuple[str, str, str]] = field(default_factory=list)  # (source, kind, ISO)
    tags: list[str] = field(default_factory=list)
    site_name: str | None = None
    canonical_url: str | None = None
    language: str | None = None  # declared, primary subtag, lower case
    description: str | None = None
    image: str | None = None
    page_kind: list[str] = field(default_factory=list)  # "json-ld:NewsArticle", "og:article", ...
    sources: dict[str, str] = field(default_factory=dict)


# ----------------------------------------------------------------- authors


def _not_url(value: str) -> bool:
    return not _URLISH.match(value.strip())


def _choose_authors(meta: HtmlMeta, page: Page) -> None:
    ld = page.jsonld
    agencies: list[str] = []

    def take(names: list[str], src: str) -> bool:
        persons: list[str] = []
        for name in names:
            if not name or not _not_url(name):
                continue
            ps, orgs = split_credit(name)
            persons.extend(ps)
            agencies.extend(o for o in orgs if is_agency(o))
        persons = clean_authors(persons)[:MAX_AUTHORS]
        if persons:
            meta.authors, meta.sources["authors"] = persons, src
            return True
        return False

    found = bool(ld.persons) and ld.n_articles <= 1 and take(ld.persons, "json-ld author")
    for org in ld.orgs:
        (agencies if is_agency(org) else meta.author_orgs).append(org)
    if not found:
        for k in _AUTHOR_METAS:
            vals = [v for v in page.metas.get(k, ()) if _not_url(v)]
            if vals and take(vals, f"meta[{k}]"):
                found = True
                break
    if not found:
        names: list[str] = []
        for node in page.itemprops.get("author", ())[:6]:
            if node.tag == "meta" or in_chrome(node):
                continue
            inner = node.css_first("[itemprop=name]")
            value = attr_value(inner) if inner is not None else attr_value(node)
            names.append(value or (inner or node).text(separator=" ", strip=True))
        found = bool(names) and take(names, "[itemprop=author]")
    if not found and page.rel_author:
        found = take(page.rel_author[:6], "a[rel=author]")
    if not found:
        for node in page.bylines:
            text = node.text(separator=" ", strip=True)
            if not text or len(text) > _HINT_TEXT or in_chrome(node):
                continue
            if take([text], "byline"):
                break
    if agencies:
        meta.source, meta.sources["source"] = agencies[0], "agency credit"


# ----------------------------------------------------------------- the rest


def _dedupe(values: list[str], cap: int) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for v in values:
        v = clean_text(v).strip(" ,;#")
        k = v.casefold()
        if v and k not in seen and len(v) <= 80:
            seen.add(k)
            out.append(v)
            if len(out) >= cap:
                break
    return out


def _split_keywords(values: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(v.split(",") if "," in v else v.split(";"))
    return out


def _tags(meta: HtmlMeta, page: Page) -> None:
    m = page.metas
    values, src = list(m.get("article:tag", ())), "meta[article:tag]"
    if not values and page.jsonld.keywords:
        values, src = page.jsonld.keywords, "json-ld keywords"
    if not values:
        for key in _TAG_METAS:
            if m.get(key):
                values, src = _split_keywords(m[key][:1]), f"meta[{key}]"
                break
    if not values and page.rel_tag:
        values, src = page.rel_tag, "a[rel=tag]"
    meta.tags = _dedupe(values, MAX_TAGS)
    if meta.tags:
        meta.sources["tags"] = src


def _language(page: Page) -> tuple[str | None, str | None]:
    candidates: list[tuple[str, str | None]] = [("html[lang]", page.lang_attr)]
    for k in _LANG_METAS:
        for v in page.metas.get(k, ())[:1]:
            candidates.append((f"meta[{k}]", v))
    candidates.append(("json-ld inLanguage", page.jsonld.language))
    for src, value in candidates:
        if not value:
            continue
        primary = re.split(r"[-_,;\s]", value.strip().casefold(), maxsplit=1)[0]
        if _LANG_RE.match(primary):
            return primary, src
    return None, None


def _site(meta: HtmlMeta, page: Page, url: str | None) -> None:
    ld = page.jsonld
    for src, value in (("og:site_name", page.meta("og:site_name")[1]), ("json-ld publisher", ld.publisher),
                       ("json-ld WebSite", ld.site_name), ("application-name", page.meta("application-name")[1])):
        if value:
            meta.site_name, meta.sources["site_name"] = value, src
            break
    canon = next((h for h in page.links.get("canonical", ()) if h), None)
    src = "link[rel=canonical]"
    if canon is None:
        canon, src = page.meta("og:url")[1], "og:url"
    if canon:
        meta.canonical_url = urljoin(url, canon) if url else canon
        meta.sources["canonical_url"] = src
    k, v = page.meta("description", "og:description", "twitter:description")
    meta.description, src = (v, f"meta[{k}]") if v else (ld.description, "json-ld description")
    if meta.description:
        meta.sources["description"] = src
    k, v = page.meta("og:image", "og:image:url", "twitter:image", "twitter:image:src")
    meta.image = (urljoin(url, v) if url else v) if v else ld.image
    if meta.image:
        meta.sources["image"] = f"meta[{k}]" if v else "json-ld image"
    meta.page_kind = [f"json-ld:{t}" for t in ld.types]
    for v in page.metas.get("og:type", ())[:1]:
        meta.page_kind.append(f"og:{v.casefold()}")
    if ld.n_articles > 1:
        meta.page_kind.append("json-ld:several-articles")


def html_metadata(tree: LexborHTMLParser, url: str | None = None, *, fetch_date: str | None = None) -> HtmlMeta:
    """Title, authors, dates, tags, site, language... of a parsed page (scripts still in)."""
    meta = HtmlMeta()
    page = read_page(tree, url)
    _site(meta, page, url)
    meta.language, src = _language(page)
    if src:
        meta.sources["language"] = src
    _tags(meta, page)
    ld = page.jsonld
    site_names = [meta.site_name, ld.publisher, ld.site_name, page.meta("application-name")[1]]
    title = choose_title(page, site_names, url)
    meta.title, meta.title_candidates = title.title, title.candidates
    if title.source:
        meta.sources["title"] = title.source
    dates = choose_dates(page, url, fetch_date=fetch_date, lang=meta.language, headline=title.node)
    meta.published, meta.modified, meta.date_candidates = dates.published, dates.modified, dates.candidates
    meta.sources.update(dates.sources)
    _choose_authors(meta, page)
    return meta
