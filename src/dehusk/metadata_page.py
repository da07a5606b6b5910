"""The parts of a parsed page that metadata is read from, gathered in a few passes.

`read_page(tree, url)` walks `<meta>`/`<link>`/`<title>` once, parses the ld+json scripts
(and no other script), and runs one CSS query over the body for h1s, `<time>`, microdata
(`itemprop`), rel=author/tag links and elements whose class or id hints at a byline or a
date line; the body's short texts are scanned once, when a picker first asks (`metadata_scan`).
The metadata choosers (title, dates, authors) work from this record only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .chrome_hints import chrome_hint
from .metadata_jsonld import JsonLd, extract_jsonld, parse_jsonld
from .metadata_scan import Scan, scan_body
from .metadata_title import clean_text

MAX_H1 = 8
MAX_HINTS = 60  # byline/date hint elements kept
_NEAR_TEXT = 300  # characters: a longer neighbour of the headline is body text, not a date line
_MAX_TIMES = 12

_BODY_QUERY = "h1, time, [itemprop], a[rel], a[href*='/author' i]"
# run only when structured metadata left a field empty (each substring selector costs a pass)
_HINT_QUERY = "[class*=author i], [class*=byline i], [id*=author i], [class*=date i], [class*=publish i], " \
    "[class*=meta i]"
# user-name elements and images, read by the author picker (`metadata_html`): from the same query
ATTR_AUTHOR = "[class*=username i], [class*=user-name i], [data-author], [data-username], [author]"
_BYLINE_HINT = re.compile(r"author(?!i[sz])|byline", re.I)
_DATE_HINT = re.compile(r"date|publish|meta", re.I)
_NOT_HINT_TAGS = frozenset({"script", "style", "meta", "link", "body", "html", "main", "article", "img",
                            "svg", "input", "button", "form", "section"})


@dataclass(slots=True)
class Page:
    metas: dict[str, list[str]] = field(default_factory=dict)  # name/property/itemprop -> contents
    links: dict[str, list[str]] = field(default_factory=dict)  # rel -> hrefs
    title: str | None = None  # <title>
    lang_attr: str | None = None
    jsonld: JsonLd = field(default_factory=JsonLd)
    h1s: list[LexborNode] = field(default_factory=list)
    times: list[LexborNode] = field(default_factory=list)
    itemprops: dict[str, list[LexborNode]] = field(default_factory=dict)
    rel_author: list[str] = field(default_factory=list)
    author_links: list[LexborNode] = field(default_factory=list)  # <a href=".../author/...">
    rel_tag: list[str] = field(default_factory=list)
    root: LexborNode | None = None  # <body>
    headline_path: frozenset[int] = frozenset()  # ancestors of the chosen headline (see `in_chrome`)
    _hints: tuple[list[LexborNode], list[LexborNode]] | None = None
    _scan: Scan | None = None
    _users_imgs: tuple[list[LexborNode], list[LexborNode]] | None = None
    # (published, modified) meta (name, value) pairs (`metadata_dates.declared_metas`, read once a page)
    date_metas: tuple[list[tuple[str, str]], list[tuple[str, str]]] | None = None

    def users_and_images(self) -> tuple[list[LexborNode], list[LexborNode]]:
        """`root.css(ATTR_AUTHOR)` (an element once per selector it matches) and `root.css("img")`
        (read_page sets them)."""
        if self._users_imgs is None:
            users: list[LexborNode] = []
            imgs: list[LexborNode] = []
            for run in element_runs(self.root.css(ATTR_AUTHOR + ", img") if self.root is not None else []):
                if run[0].tag == "img":
                    imgs.append(run[0])
                    users.extend(run[1:])
                else:
                    users.extend(run)
            self._users_imgs = users, imgs
        return self._users_imgs

    @property
    def bylines(self) -> list[LexborNode]:
        """Elements whose class/id says author/byline/writer/contributor (computed on first use)."""
        return self._hint_nodes()[0]

    @property
    def datelines(self) -> list[LexborNode]:
        """Elements whose class/id says date/published/posted/updated/entry-meta."""
        return self._hint_nodes()[1]

    def _hint_nodes(self) -> tuple[list[LexborNode], list[LexborNode]]:
        if self._hints is None:  # (read_page sets them)
            self._hints = _read_hints(self.root.css(_HINT_QUERY) if self.root is not None else [])
        return self._hints

    def scan(self, wanted: list[LexborNode]) -> Scan:
        """The body's short texts holding a date or a byline prefix, in document order, and the
        positions of the `wanted` elements (computed once, on first use)."""
        if self._scan is None:
            self._scan = scan_body(self.root, wanted)
        return self._scan

    def meta(self, *keys: str) -> tuple[str, str] | tuple[None, None]:
        """(key, first value) of the first of `keys` the page declares."""
        for k in keys:
            for v in self.metas.get(k, ()):
                if v:
                    return k, v
        return None, None


def attr_value(node: LexborNode) -> str:
    a = node.attributes
    return (a.get("datetime") or a.get("content") or a.get("value") or "").strip()


def in_chrome(node: LexborNode, stop: frozenset[int] = frozenset(), depth: int = 8) -> bool:
    """Inside comments, related rails, sidebars, navigation or the footer? An <aside> or <footer>
    inside the <article> is the article's own margin, and a container that also holds the headline (`stop`:
    the `mem_id`s of its ancestors) is the content, whatever its class says."""
    cur: LexborNode | None = node
    aside = False
    for _ in range(depth):
        if cur is None:
            return aside
        tag = cur.tag
        if tag in ("body", "html", "main"):
            return aside
        if tag == "article" or cur.mem_id in stop:
            return False
        if tag == "nav" or chrome_hint(cur.attributes):
            return True
        aside = aside or tag in ("aside", "footer")
        cur = cur.parent
    return aside


def ancestors(node: LexborNode | None, depth: int = 12) -> frozenset[int]:
    """`mem_id`s of the node's ancestors (for `in_chrome`'s `stop`)."""
    ids: list[int] = []
    cur = node.parent if node is not None else None
    while cur is not None and len(ids) < depth and cur.tag not in ("body", "html"):
        ids.append(cur.mem_id)
        cur = cur.parent
    return frozenset(ids)


# One CSS query over the document costs a walk in lexbor whatever it asks: the queries of one
# pass go together. A selector list gives an element once per selector it matches (duplicates
# next to each other): the record below follows each query's own list exactly.
_HEAD_QUERY = "meta, link, title, script[type*='ld+json' i]"  # (no element matches two of these)


def _read_head(nodes: list[LexborNode], page: Page) -> list[LexborNode]:
    """<meta>, <link>, <title> of the page; returns the ld+json scripts."""
    scripts: list[LexborNode] = []
    for node in nodes:
        attrs = node.attributes
        tag = node.tag
        if tag == "script":
            scripts.append(node)
        elif tag == "meta":
            content = attrs.get("content")
            if not content or not content.strip():
                continue
            content = clean_text(content)
            for key in ("property", "name", "itemprop", "http-equiv"):
                k = attrs.get(key)
                if k:
                    page.metas.setdefault(k.strip().casefold(), []).append(content)
        elif tag == "link":
            rel, href = attrs.get("rel"), attrs.get("href")
            if rel and href:
                for r in rel.casefold().split():
                    page.links.setdefault(r, []).append(href.strip())
        elif page.title is None and node.parent is not None and node.parent.tag in ("head", "html"):
            page.title = clean_text(node.text()) or None
    return scripts


def element_runs(found: list[LexborNode]) -> Iterator[list[LexborNode]]:
    """The matches of a selector-list query, one run per element: lexbor gives an element once
    per selector it matches, the duplicates next to each other, in the selectors' order."""
    i, n = 0, len(found)
    while i < n:
        mid = found[i].mem_id
        j = i + 1
        while j < n and found[j].mem_id == mid:
            j += 1
        yield found[i:j]
        i = j


def _body_matches(tag: str, attrs: dict[str, str | None]) -> int:
    """How many selectors of _BODY_QUERY the element matches."""
    n = (tag == "h1") + (tag == "time") + ("itemprop" in attrs)
    if tag == "a":
        n += ("rel" in attrs) + ("/author" in (attrs.get("href") or "").casefold())
    return n


def _user_matches(attrs: dict[str, str | None]) -> int:
    """How many selectors of ATTR_AUTHOR the element matches (the `i` flag folds ASCII letters
    only; no other character lower-cases to one of these words' letters, so `lower` does)."""
    n = ("data-author" in attrs) + ("data-username" in attrs) + ("author" in attrs)
    cls = attrs.get("class")
    if cls:
        cls = cls.lower()
        n += ("username" in cls) + ("user-name" in cls)
    return n


def _read_body(tree: LexborHTMLParser, page: Page) -> None:
    """_BODY_QUERY's elements, and the hint elements (`_read_hints`) from the same query."""
    root = tree.body
    page.root = root
    if root is None:
        page._hints = ([], [])
        page._users_imgs = ([], [])
        return
    body: list[LexborNode] = []
    hints: list[LexborNode] = []
    users: list[LexborNode] = []
    imgs: list[LexborNode] = []
    # one query (one walk) for the three: an element's matches come in the selectors' order
    for run in element_runs(root.css(f"{_BODY_QUERY}, {ATTR_AUTHOR}, img, {_HINT_QUERY}")):
        first = run[0]
        tag = first.tag
        if tag == "img" and len(run) == 1:  # (an image alone: the most frequent match)
            imgs.append(first)
            continue
        attrs = first.attributes
        k = _body_matches(tag, attrs)
        body.extend(run[:k])
        u = k + _user_matches(attrs)
        users.extend(run[k:u])
        if tag == "img":
            imgs.append(run[u])
            u += 1
        hints.extend(run[u:])
    page._hints = _read_hints(hints)
    page._users_imgs = users, imgs
    for node in body:
        tag = node.tag
        attrs = node.attributes
        if tag == "h1":
            if len(page.h1s) < MAX_H1:
                page.h1s.append(node)
            continue
        if tag == "time" and len(page.times) < _MAX_TIMES:
            page.times.append(node)
        prop = attrs.get("itemprop")
        if prop:
            for p in prop.split():
                page.itemprops.setdefault(p.casefold(), []).append(node)
        if tag == "a":
            rel = (attrs.get("rel") or "").casefold().split()
            if "author" in rel:
                page.rel_author.append(node.text(strip=True))
            if "tag" in rel:
                page.rel_tag.append(node.text(strip=True))
            if "/author" in (attrs.get("href") or "").casefold() and len(page.author_links) < 12:
                page.author_links.append(node)


def _read_hints(nodes: list[LexborNode]) -> tuple[list[LexborNode], list[LexborNode]]:
    """Byline and date-line elements among `nodes`, the matches of `_HINT_QUERY`."""
    bylines: list[LexborNode] = []
    datelines: list[LexborNode] = []
    for node in nodes:
        if node.tag in _NOT_HINT_TAGS:
            continue
        attrs = node.attributes
        hint = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if _BYLINE_HINT.search(hint):
            bylines.append(node)
        elif _DATE_HINT.search(hint):
            datelines.append(node)
        if len(bylines) + len(datelines) >= MAX_HINTS:
            break
    return bylines, datelines


def read_page(tree: LexborHTMLParser, url: str | None) -> Page:
    page = Page()
    scripts = _read_head(tree.css(_HEAD_QUERY), page)
    values: list = []
    for node in scripts:
        values.extend(parse_jsonld(node.text() or ""))
    page.jsonld = extract_jsonld(values, url)
    root = tree.root
    if root is not None:
        page.lang_attr = root.attributes.get("lang") or root.attributes.get("xml:lang")
    _read_body(tree, page)
    return page


def _text(node: LexborNode) -> str:
    if node.is_text_node:
        return " ".join((node.text_content or "").split())
    return node.text(separator=" ", strip=True)


def near_headline(headline: LexborNode | None, budget: int = 20, levels: int = 4) -> list[str]:
    """Short texts next to the headline: its siblings, then its parents' siblings (`levels` up)."""
    texts: list[str] = []
    if headline is None:
        return texts
    cur: LexborNode | None = headline
    for _ in range(levels):
        if cur is None or cur.tag in ("body", "html", "main", "article"):
            break
        for step, count in (("next", 4), ("prev", 2)):
            sib = getattr(cur, step)
            seen = 0
            while sib is not None and seen < count and len(texts) < budget:
                if sib.is_element_node or sib.is_text_node:
                    if sib.is_element_node and sib.tag in ("script", "style", "noscript", "template"):
                        sib = getattr(sib, step)
                        continue
                    t = _text(sib)
                    if t:
                        seen += 1
                        if len(t) <= _NEAR_TEXT:
                            texts.append(t)
                sib = getattr(sib, step)
        cur = cur.parent
    return texts


# ----------------------------------------------------------------- tags, language, site (set on the HtmlMeta)

MAX_TAGS = 20
_TAG_METAS = ("news_keywords", "parsely-tags", "sailthru.tags", "keywords")
_LANG_METAS = ("content-language", "language", "dc.language", "og:locale")
_LANG_RE = re.compile(r"^[a-z]{2,3}$")


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


def page_tags(meta: Any, page: Page) -> None:
    """article:tag > JSON-LD keywords > news_keywords/keywords > rel=tag links."""
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


def page_language(page: Page) -> tuple[str | None, str | None]:
    """(primary subtag, source): <html lang> > Content-Language > og:locale > JSON-LD inLanguage."""
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


def page_site(meta: Any, page: Page, url: str | None) -> None:
    """Site name, canonical URL, description, image and the declared page kinds."""
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
