"""HTML-mode metadata: title, authors, dates, tags, site, language from a parsed page.

`html_metadata(tree, url, fetch_date=...)` runs on the parsed page before scripts are
stripped (JSON-LD lives in scripts; no other script is read, so a JS config's expiry date
cannot win). It reads the page once (`metadata_page.read_page`: head metas and links, the
ld+json scripts, one CSS query over the body; the byline/date-class query runs only when a
field is still empty), then chooses each field from its sources, best first, and records in
`sources` where each came from (for explain):

- title: `metadata_title` (the h1 headline that matches a metadata title, else the metadata
  title without its "| Site" decoration; slogans on pages declared og:type website lose);
- dates: `metadata_dates` (JSON-LD > OpenGraph/meta names > microdata > `<time>` > the
  visible date next to the headline or in date elements > the URL; the date most kinds of
  source agree on wins), published and modified kept apart;
- authors: JSON-LD author/creator > meta author names (URLs ignored), twitter "Written by"
  > itemprop=author (a thread: its first) > a byline next to the headline > /author/ links >
  byline/author-box elements (none when they name several people: a listing) > "Written by"
  headings; person names only (`dehusk.authors`). A one-word name or user name only when
  the page types it a Person (JSON-LD, microdata: forum posters). A JSON-LD publisher typed
  Person is the author of a post that names nobody else. Organisation credits go to
  `author_orgs`, agencies also to `source`;
- tags: article:tag > JSON-LD keywords > news_keywords/keywords > rel=tag links;
- language: `<html lang>` > Content-Language > og:locale > JSON-LD inLanguage.

Chrome (comments, related rails, sidebars, navigation, footers) is judged on class words
(`metadata_title.chrome_hint`); a container that also holds the headline is content.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .authors import byline_match, clean_authors, is_agency, looks_like_person, split_credit
from .metadata_dates import choose_dates
from .metadata_page import Page, ancestors, attr_value, in_chrome, near_headline, read_page
from .metadata_title import choose_title, clean_text

MAX_TAGS = 20
MAX_AUTHORS = 12
_BYLINE_TEXT = 200  # longer byline elements are bios or body text
_BY_START = re.compile(r"(?:written|posted|reviewed|words|text|story|article)?\s*(?:by|author|contributors?)\b\s*:?",
                       re.I)
_BY = re.compile(r"(?<![^\W\d_])(?:by|von|par|por|door|autor|author)(?![^\W\d_])", re.I)

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
    source: str | None = None  # news agency / organisation credit ("AFP", "Reuters")
    author_orgs: list[str] = field(default_factory=list)  # every organisation credited as author
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


def _twitter_labelled(page: Page) -> list[str]:
    """twitter:labelN "Written by" / "Author" -> twitter:dataN."""
    out: list[str] = []
    for i in range(1, 5):
        label = (page.metas.get(f"twitter:label{i}") or [""])[0].casefold()
        if "written" in label or "author" in label or label.strip() == "by":
            out.extend(page.metas.get(f"twitter:data{i}", ())[:1])
    return out


def _byline_texts(texts: list[str]) -> list[str]:
    """The name part of the first short text that holds a byline ("Published May 3 by Jane
    Doe"); none when three or more texts hold different bylines (a list of other articles)."""
    found: list[str] = []
    for text in texts:
        if len(text) > _BYLINE_TEXT:
            continue
        for m in _BY.finditer(text):
            names = byline_match(text[m.start():])
            if names:
                if names not in found:
                    found.append(names)
                break
        if len(found) > 2:
            return []
    return found[:1]


def _labelled(page: Page) -> list[str]:
    """Short headings and emphasised lines that open with a byline prefix ("Written by ...",
    "Contributors: ..."), outside comments and rails."""
    out: list[str] = []
    if page.root is None:
        return out
    for node in page.root.css("h2, h3, h4, h5, h6, strong, em, small")[:400]:
        text = node.text(separator=" ", strip=True)
        if 3 < len(text) <= _BYLINE_TEXT and _BY_START.match(text) and not in_chrome(node, page.headline_path):
            parent = node.parent
            whole = parent.text(separator=" ", strip=True) if parent is not None else text
            out.append(whole if len(whole) <= _BYLINE_TEXT else text)
            if len(out) >= 3:
                break
    return out


def _box_names(node: LexborNode) -> list[str]:
    """An author box with a bio: the short name element inside it."""
    for inner in node.css("[class*=name i], [itemprop=name], h2, h3, h4, h5, strong")[:4]:
        text = inner.text(separator=" ", strip=True)
        if text and len(text) <= 80:
            return [text]
    return []


def _site_owner(page: Page, url: str | None) -> str | None:
    """A personal site's owner: the JSON-LD publisher is typed Person, and this is one of the
    site's posts, not its home page. (An og:site_name that merely reads like a name is not
    enough: "Django Project", "Wine Folly" do.)"""
    if url and not urlsplit(url).path.strip("/") and page.jsonld.n_articles == 0:
        return None
    name = page.jsonld.publisher_person
    return name if name and looks_like_person(name) else None


def _choose_authors(meta: HtmlMeta, page: Page, near: list[str], url: str | None) -> None:
    ld = page.jsonld
    agencies: list[str] = []

    def take(names: list[str], src: str, typed: bool = False) -> bool:
        persons: list[str] = []
        orgs: list[str] = []
        for name in names:
            if not name or not _not_url(name):
                continue
            ps, os_ = split_credit(name)
            persons.extend(ps)
            orgs.extend(o for o in os_ if is_agency(o))
        persons = clean_authors(persons)[:MAX_AUTHORS]
        if not persons and typed:  # declared a Person: a one-word name or user name is one
            persons = [n for n in (clean_text(x) for x in names) if _user_name(n)][:MAX_AUTHORS]
        if src in _CREDIT_SOURCES:
            agencies.extend(orgs)
        if persons:
            meta.authors, meta.sources["authors"] = persons, src
            return True
        return False

    typed_microdata: list[str] = []

    def itemprop_names() -> list[str]:
        names: list[str] = []
        nodes = [n for n in page.itemprops.get("author", ()) if n.tag != "meta"]
        thread = len(nodes) > 3  # a thread or a comment list: its first author wrote the post
        for node in nodes[:1] if thread else nodes[:6]:
            if in_chrome(node, page.headline_path):
                continue
            inner = node.css_first("[itemprop=name]")
            value = attr_value(inner) if inner is not None else attr_value(node)
            name = value or (inner or node).text(separator=" ", strip=True)
            names.append(name)
            if thread or "person" in (node.attributes.get("itemtype") or "").casefold():
                typed_microdata.append(name)
        return names

    def link_names() -> list[str]:
        names = list(page.rel_author[:6])
        links = {a.text(separator=" ", strip=True) for a in page.author_links if not in_chrome(a, page.headline_path)}
        links.discard("")
        if len(links) <= 3:  # more: a list of the site's authors, not this article's
            names += [a.text(separator=" ", strip=True) for a in page.author_links if not in_chrome(a, page.headline_path)]
        return names

    def hinted() -> list[str]:
        """The first byline element naming a person; none when the page's byline elements name
        several different people (a listing of other articles, a thread of reviews)."""
        found: list[list[str]] = []
        seen: set[tuple[str, ...]] = set()
        for node in page.bylines:
            if in_chrome(node, page.headline_path):
                continue
            text = node.text(separator=" ", strip=True)
            if not text:
                continue
            names: list[str] = []
            if len(text) <= _BYLINE_TEXT:
                names = [text]
            elif len(text) <= 2000:
                names = _box_names(node)
            persons = split_credit(names[0])[0] if names else []
            if persons:
                key = tuple(sorted(p.casefold() for p in persons))
                if key not in seen:
                    seen.add(key)
                    found.append(names)
                if len(seen) > 2:
                    return []
        return found[0] if found else []

    agencies.extend(o for o in ld.orgs if is_agency(o))
    steps: list[tuple[str, Callable[[], list[str]]]] = [
        ("json-ld author", lambda: ld.persons if ld.n_articles <= 1 else []),
        *((f"meta[{k}]", lambda k=k: [v for v in page.metas.get(k, ()) if _not_url(v)]) for k in _AUTHOR_METAS),
        ("meta[twitter:data]", lambda: _twitter_labelled(page)),
        ("[itemprop=author]", itemprop_names),
        ("byline near headline", lambda: _byline_texts(near)),
        ("author link", link_names),
        ("byline element", hinted),
        ("byline in dates", lambda: _byline_texts([n.text(separator=" ", strip=True) for n in page.datelines[:8]])),
        ("byline heading", lambda: _byline_texts(_labelled(page))),
    ]
    for src, get in steps:
        names = get()
        if names and take(names, src):
            break
    else:  # nobody with a full name: a one-word name the page types as a Person
        if not (ld.typed_persons and ld.n_articles <= 1 and take(ld.typed_persons, "json-ld Person", True)
                or take(typed_microdata, "[itemprop=author] Person", True)):
            owner = _site_owner(page, url)
            if owner:
                take([owner], "site owner")
    seen: set[str] = set()
    for org in [*ld.orgs, *agencies]:
        if org.casefold() not in seen:
            seen.add(org.casefold())
            meta.author_orgs.append(org)
    if agencies:
        meta.source, meta.sources["source"] = agencies[0], "agency credit"


# steps whose organisation credits are the article's source (not a forum user's or a nav link's)
_CREDIT_SOURCES = frozenset({"json-ld author", *(f"meta[{k}]" for k in _AUTHOR_METAS), "byline near headline",
                             "byline element"})
_GENERIC_USERS = frozenset({
    "admin", "administrator", "editor", "editors", "staff", "guest", "anonymous", "unknown", "user", "team",
    "webmaster", "moderator", "author", "authors", "redaktion", "redaction", "rédaction", "redacción", "desk",
})


def _user_name(name: str) -> bool:
    """A plausible one-word name or forum user name ("Susan", "chunix64"), not a generic role."""
    return (0 < len(name) <= 40 and len(name.split()) == 1 and name[0].isalnum()
            and any(ch.isalpha() for ch in name)
            and name.casefold().strip(".") not in _GENERIC_USERS and not is_agency(name)
            and "@" not in name and _not_url(name))


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
    near = near_headline(title.node)
    page.headline_path = ancestors(title.node)
    dates = choose_dates(page, url, fetch_date=fetch_date, lang=meta.language, near=near)
    meta.published, meta.modified, meta.date_candidates = dates.published, dates.modified, dates.candidates
    meta.sources.update(dates.sources)
    _choose_authors(meta, page, near, url)
    return meta
