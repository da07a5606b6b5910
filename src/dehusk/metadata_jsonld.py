"""JSON-LD (schema.org) metadata: lenient parsing and the fields an article page declares.

Pages ship JSON-LD in every state of repair: trailing commas, raw control characters,
HTML comments or CDATA wrappers, several objects in one script, `@graph` lists with
authors referenced by `@id`. `parse_jsonld` repairs what it cheaply can and skips the rest;
nothing here raises on bad input.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

# schema.org types of an article-like main entity, best first
ARTICLE_TYPES = (
    "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "article", "blogposting", "liveblogposting",
    "scholarlyarticle", "techarticle", "report", "socialmediaposting", "discussionforumposting",
    "review", "recipe", "howto", "videoobject", "podcastepisode", "question", "product", "course",
    "event", "jobposting", "creativework",
)
_N_TEXT_TYPES = ARTICLE_TYPES.index("review")  # the types before it are written articles/posts
PAGE_TYPES = ("webpage", "itempage", "aboutpage", "collectionpage", "faqpage", "profilepage",
              "searchresultspage", "qapage", "contactpage", "checkoutpage", "medicalwebpage")
_ORG_TYPES = frozenset({
    "organization", "newsmediaorganization", "corporation", "localbusiness", "educationalorganization",
    "governmentorganization", "ngo", "onlinebusiness", "store", "website", "brand", "collegeoruniversity",
    "medicalorganization", "researchorganization", "sportsorganization",
})
_MAX_NODES = 2000  # entities walked per page (a product feed can carry thousands)
_MAX_SCRIPT = 2_000_000  # characters; a larger ld+json script is a data dump, not page metadata

_COMMENT = re.compile(r"<!--|-->|/\*\s*<!\[CDATA\[\s*\*/|/\*\s*\]\]>\s*\*/|<!\[CDATA\[|\]\]>")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_DECODER = json.JSONDecoder(strict=False)


def _decode_all(text: str) -> list[Any]:
    """Every JSON value in `text`, one after the other (`{...}{...}` or `{...};`)."""
    out: list[Any] = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n;,":
            i += 1
        if i >= n:
            break
        value, i = _DECODER.raw_decode(text, i)
        out.append(value)
    return out


def parse_jsonld(raw: str) -> list[Any]:
    """The JSON values of one ld+json script; [] if it cannot be repaired."""
    text = raw.strip()
    if not text or len(text) > _MAX_SCRIPT:
        return []
    try:
        return _decode_all(text)
    except (ValueError, RecursionError):
        pass
    repaired = _COMMENT.sub("", text)
    repaired = _CONTROL.sub(" ", repaired)
    repaired = _TRAILING_COMMA.sub(r"\1", repaired)
    try:
        return _decode_all(repaired.strip())
    except (ValueError, RecursionError):
        pass
    # a valid prefix followed by junk (a stray brace, a half-cut script): keep the prefix
    try:
        value, _ = _DECODER.raw_decode(repaired.strip())
        return [value]
    except (ValueError, RecursionError):
        return []


def types_of(node: dict) -> list[str]:
    t = node.get("@type")
    if isinstance(t, str):
        return [t]
    if isinstance(t, list):
        return [x for x in t if isinstance(x, str)]
    return []


def _lower_types(node: dict) -> list[str]:
    return [t.rsplit("/", 1)[-1].casefold() for t in types_of(node)]


def text_of(value: Any, keys: tuple[str, ...] = ("@value", "name", "url", "@id")) -> str | None:
    """A plain string from a JSON-LD value (string, {"@value"}, {"name"}, first of a list)."""
    if isinstance(value, str):
        v = " ".join(value.split())
        return v or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        for item in value:
            t = text_of(item, keys)
            if t:
                return t
        return None
    if isinstance(value, dict):
        for key in keys:
            if key in value:
                return text_of(value[key], keys)
    return None


_NAME_KEYS = ("@value", "name")


@dataclass(slots=True)
class JsonLd:
    """What the page's JSON-LD says about its main entity."""

    types: list[str] = field(default_factory=list)  # every @type seen, in order, de-duplicated
    main_type: str | None = None
    headline: str | None = None
    page_name: str | None = None  # WebPage.name (often the <title>)
    persons: list[str] = field(default_factory=list)  # author/creator names typed Person or untyped
    typed_persons: list[str] = field(default_factory=list)  # those typed Person (user names included)
    orgs: list[str] = field(default_factory=list)  # author/creator names typed Organization
    published: str | None = None
    published_key: str | None = None
    modified: str | None = None
    page_published: str | None = None  # the WebPage's datePublished when an article entity gives its own
    keywords: list[str] = field(default_factory=list)
    site_name: str | None = None
    publisher: str | None = None
    publisher_person: str | None = None  # the publisher's name when it is typed Person
    description: str | None = None
    image: str | None = None
    language: str | None = None
    url: str | None = None
    crumb: str | None = None  # the last item of a BreadcrumbList (the page's own name, often)
    n_articles: int = 0  # article-like entities (several: a listing page)
    article_body: str | None = None  # the main article's `articleBody`, as written (line breaks kept)


def _walk(values: list[Any]) -> list[dict]:
    """Top-level entities: the objects themselves, list items, @graph members (recursively)."""
    out: list[dict] = []
    stack = list(reversed(values))
    while stack and len(out) < _MAX_NODES:
        v = stack.pop()
        if isinstance(v, list):
            stack.extend(reversed(v))
        elif isinstance(v, dict):
            graph = v.get("@graph")
            if isinstance(graph, (list, dict)):
                stack.append(graph)
            if "@type" in v or "@id" in v:
                out.append(v)
            main = v.get("mainEntity")
            if isinstance(main, dict) and "@type" in main:
                out.append(main)
    return out


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        parts = value.split(",") if "," in value else value.split(";")
        return [p.strip() for p in parts if p.strip()]
    if isinstance(value, list):
        out: list[str] = []
        for v in value:
            out.extend(_keywords(v) if isinstance(v, str) else [t for t in [text_of(v)] if t])
        return out
    return []


def _people(value: Any, index: dict[str, dict], out: JsonLd, depth: int = 0) -> None:
    if depth > 3 or value is None:
        return
    if isinstance(value, list):
        for v in value[:20]:
            _people(v, index, out, depth + 1)
        return
    if isinstance(value, str):
        if value.strip() and not value.lstrip().startswith(("http://", "https://", "/")):
            out.persons.append(value)
        return
    if not isinstance(value, dict):
        return
    ref = value.get("@id")
    if isinstance(ref, str) and ref in index and "name" not in value:
        value = index[ref]
    name = text_of(value.get("name"), _NAME_KEYS)
    if not name:
        given, family = text_of(value.get("givenName"), _NAME_KEYS), text_of(value.get("familyName"), _NAME_KEYS)
        name = " ".join(x for x in (given, family) if x) or None
    if not name:
        return
    types = _lower_types(value)
    if any(t in _ORG_TYPES for t in types):
        out.orgs.append(name)
    else:
        out.persons.append(name)
        if "person" in types:
            out.typed_persons.append(name)


def _image(value: Any) -> str | None:
    if isinstance(value, dict):
        return text_of(value.get("url") or value.get("contentUrl") or value.get("@id"))
    if isinstance(value, list) and value:
        return _image(value[0])
    return text_of(value)


def _last_crumb(items: Any) -> str | None:
    if not isinstance(items, list) or not items:
        return None
    best: tuple[float, str] | None = None
    for i, item in enumerate(items[:30]):
        if not isinstance(item, dict):
            continue
        pos = item.get("position")
        order = float(pos) if isinstance(pos, (int, float)) and not isinstance(pos, bool) else float(i)
        inner = item.get("item")
        name = text_of(item.get("name"), _NAME_KEYS) or (
            text_of(inner.get("name"), _NAME_KEYS) if isinstance(inner, dict) else None)
        if name and (best is None or order >= best[0]):
            best = (order, name)
    return best[1] if best else None


def _rank(types: list[str]) -> int:
    ranks = [ARTICLE_TYPES.index(t) for t in types if t in ARTICLE_TYPES]
    return min(ranks) if ranks else len(ARTICLE_TYPES)


def extract_jsonld(values: list[Any], page_url: str | None = None) -> JsonLd:
    """Fold every parsed JSON-LD value of a page into one `JsonLd`."""
    out = JsonLd()
    entities = _walk(values)
    if not entities:
        return out
    index = {e["@id"]: e for e in entities if isinstance(e.get("@id"), str)}
    seen_types: dict[str, None] = {}
    articles: list[tuple[int, int, dict]] = []
    page: dict | None = None
    for i, e in enumerate(entities):
        lts = _lower_types(e)
        for t in types_of(e):
            seen_types.setdefault(t.rsplit("/", 1)[-1], None)
        r = _rank(lts)
        if r < len(ARTICLE_TYPES):
            articles.append((r, i, e))
        elif page is None and any(t in PAGE_TYPES for t in lts):
            page = e
        if "website" in lts and out.site_name is None:
            out.site_name = text_of(e.get("name"))
        if "breadcrumblist" in lts and out.crumb is None:
            out.crumb = _last_crumb(e.get("itemListElement"))
    out.types = list(seen_types)
    # the article-like entities that carry a headline; several distinct ones: a listing
    heads = {text_of(e.get("headline") or e.get("name")) for r, _, e in articles if r < _N_TEXT_TYPES}
    out.n_articles = len({h for h in heads if h})
    main: dict | None = None
    if articles:
        if page_url and out.n_articles > 1:  # pick the one about this page
            key = page_url.split("#")[0].rstrip("/")
            for _, _, e in articles:
                about = text_of(e.get("url")) or text_of(e.get("mainEntityOfPage"))
                if about and about.split("#")[0].rstrip("/") == key:
                    main = e
                    break
        if main is None:
            main = min(articles, key=lambda x: (x[0], x[1]))[2]
    for node in (main, page):
        if node is None:
            continue
        if out.main_type is None:
            ts = types_of(node)
            out.main_type = ts[0].rsplit("/", 1)[-1] if ts else None
        if node is main:
            out.headline = text_of(node.get("headline")) or text_of(node.get("name"))
            body = node.get("articleBody") if _rank(_lower_types(node)) < _N_TEXT_TYPES else None
            if isinstance(body, list):  # (a body given as its paragraphs)
                body = "\n".join(part for part in body if isinstance(part, str))
            out.article_body = body if isinstance(body, str) and body.strip() else None
        elif out.page_name is None:
            out.page_name = text_of(node.get("name")) or text_of(node.get("headline"))
        if not out.persons and not out.orgs:
            _people(node.get("author"), index, out)
            if not out.persons and not out.orgs:
                _people(node.get("creator"), index, out)
        if out.published is not None and node is page and node is not main:
            out.page_published = text_of(node.get("datePublished"))
        if out.published is None:
            for key in ("datePublished", "dateCreated", "uploadDate"):
                v = text_of(node.get(key))
                if v:
                    out.published, out.published_key = v, key
                    break
        if out.modified is None:
            out.modified = text_of(node.get("dateModified"))
        if not out.keywords:
            out.keywords = _keywords(node.get("keywords"))
        if out.publisher is None:
            pub = node.get("publisher")
            if isinstance(pub, dict) and isinstance(pub.get("@id"), str) and "name" not in pub:
                pub = index.get(pub["@id"], pub)
            out.publisher = text_of(pub.get("name")) if isinstance(pub, dict) else text_of(pub)
            if isinstance(pub, dict) and "person" in _lower_types(pub):
                out.publisher_person = text_of(pub.get("name"), _NAME_KEYS)
        out.description = out.description or text_of(node.get("description"))
        out.image = out.image or _image(node.get("image") or node.get("thumbnailUrl"))
        out.language = out.language or text_of(node.get("inLanguage"))
        out.url = out.url or text_of(node.get("url"))
    return out
