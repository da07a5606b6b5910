"""HTML-mode metadata, authors: the rule steps (JSON-LD, metas, bylines, author links and
boxes, ...) in order of trust, name resolution (persons only; organisations to credits) and
the choice among the steps. `metadata_html` runs them and feeds the learned picker."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from .authors import byline_match, clean_authors, is_agency, looks_like_person, split_credit
from .metadata_page import Page, attr_value, in_chrome
from .metadata_title import clean_text
from .names import user_name

if TYPE_CHECKING:
    from .metadata_html import HtmlMeta

MAX_AUTHORS = 12
_BYLINE_TEXT = 200  # longer byline elements are bios or body text
_BY_START = re.compile(r"(?:written|posted|reviewed|words|text|story|article)?\s*(?:by|author|contributors?)\b\s*:?",
                       re.I)
_BY = re.compile(r"(?<![^\W\d_])(?:by|von|par|por|door|autor|author|contributors?|oleh|penulis|yazar|yazan|muhabir|"
                 r"szerző|írta|γράφει|بقلم)(?![^\W\d_])", re.I)

_AUTHOR_METAS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                 "dcterms.creator", "citation_author", "byl", "cxenseparse:author", "twitter:creator:name",
                 "og:article:author", "creator")
_URLISH = re.compile(r"^(?:https?:)?//|^www\.|^/[\w-]")



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
        names = None
        for m in _BY.finditer(text):
            names = byline_match(text[m.start():])
            if names:
                break
        if not names and not text.isascii():
            names = byline_match(text)  # "记者 王晓明", a role after the names: "김민준 기자"
        if names and names not in found:
            found.append(names)
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
    """An author box with a bio: the short name element inside it, else its first short text."""
    for inner in node.css("[class*=name i], [itemprop=name], h2, h3, h4, h5, strong")[:4]:
        text = inner.text(separator=" ", strip=True)
        if text and len(text) <= 80:
            return [text]
    for i, inner in enumerate(node.traverse(include_text=True)):
        if i > 40:
            break
        if inner.is_text_node:
            text = " ".join((inner.text_content or "").split())
            if text:
                return [text] if len(text) <= 60 and not _BY_START.match(text) else []
    return []


def _site_owner(page: Page, url: str | None) -> str | None:
    """A personal site's owner: the JSON-LD publisher is typed Person, and this is one of the
    site's posts, not its home page. (An og:site_name that merely reads like a name is not
    enough: "Django Project", "Wine Folly" do.)"""
    if url and not urlsplit(url).path.strip("/") and page.jsonld.n_articles == 0:
        return None
    name = page.jsonld.publisher_person
    return name if name and looks_like_person(name) else None


@dataclass(slots=True)
class AuthorSource:
    """The names one kind of author source gives (raw), where it sits, and whether the page types
    them as people (then a one-word name or user name counts)."""

    src: str
    names: list[str]
    typed: bool = False
    node: LexborNode | None = None


def _first(nodes: list[LexborNode], where: dict[str, LexborNode], src: str) -> None:
    if nodes and src not in where:
        where[src] = nodes[0]


def author_steps(page: Page, near: list[str], url: str | None,
                 where: dict[str, LexborNode]) -> list[tuple[str, Callable[[], list[str]]]]:
    """The author sources, best first, each computed on demand; `where` gets the element a
    source's names were read from."""
    ld = page.jsonld

    def itemprop_names() -> list[str]:
        names: list[str] = []
        nodes = [n for n in page.itemprops.get("author", ()) if n.tag != "meta"]
        thread = len(nodes) > 3  # a thread or a comment list: its first author wrote the post
        for node in nodes[:1] if thread else nodes[:6]:
            if in_chrome(node, page.headline_path):
                continue
            inner = node.css_first("[itemprop=name]")
            value = attr_value(inner) if inner is not None else attr_value(node)
            names.append(value or (inner or node).text(separator=" ", strip=True))
            _first([node], where, "[itemprop=author]")
            if thread or "person" in (node.attributes.get("itemtype") or "").casefold():
                where.setdefault("typed microdata", node)
                page_typed.append(names[-1])
        return names

    def link_names() -> list[str]:
        names = list(page.rel_author[:6])
        links = [a for a in page.author_links if not in_chrome(a, page.headline_path)]
        texts = {a.text(separator=" ", strip=True) for a in links}
        texts.discard("")
        if len(texts) <= 3:  # more: a list of the site's authors, not this article's
            names += [a.text(separator=" ", strip=True) for a in links]
            _first(links, where, "author link")
        return names

    def hinted() -> list[str]:
        """The first byline element naming a person; none when the page's byline elements name
        several different people (a listing of other articles, a thread of reviews)."""
        found: list[tuple[list[str], LexborNode]] = []
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
                    found.append((names, node))
                if len(seen) > 2:
                    return []
        if found:
            where.setdefault("byline element", found[0][1])
        return found[0][0] if found else []

    page_typed: list[str] = []
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
        # typed one-word names and the site's owner: only when nobody above has a full name
        ("json-ld Person", lambda: ld.typed_persons if ld.n_articles <= 1 else []),
        ("[itemprop=author] Person", lambda: page_typed),
        ("site owner", lambda: [o] if (o := _site_owner(page, url)) else []),
    ]
    return steps


_TYPED_STEPS = frozenset({"json-ld Person", "[itemprop=author] Person", "site owner"})
_STRUCTURED_STEPS = frozenset({"json-ld author", "json-ld Person", *(f"meta[{k}]" for k in _AUTHOR_METAS),
                               "meta[twitter:data]"})


_LOWER_NAME = re.compile(r"^[^\W\d_]{2,}(?: [^\W\d_]{2,}){1,2}$")


def _lower_person(name: str) -> bool:
    """A person's name typed in lower case ("jane doe") in a field that holds an author."""
    return bool(_LOWER_NAME.match(name)) and name.islower() and looks_like_person(name.title())


def resolve_names(names: list[str], typed: bool, structured: bool = False) -> tuple[list[str], list[str]]:
    """(person names, organisation credits) of a source's raw names; a source typed Person also
    gives its one-word names and user names; a structured author field (`structured`: JSON-LD,
    meta names) also its names in lower case."""
    persons: list[str] = []
    orgs: list[str] = []
    for name in names:
        if not name or not _not_url(name):
            continue
        ps, os_ = split_credit(name)
        persons.extend(ps)
        orgs.extend(o for o in os_ if is_agency(o))
    persons = clean_authors(persons)[:MAX_AUTHORS]
    if not persons and (typed or structured):
        persons = list(dict.fromkeys(n for n in (clean_text(x) for x in names) if _lower_person(n)))[:MAX_AUTHORS]
    if not persons and typed:  # declared a Person: a one-word name or user name is one
        persons = list(dict.fromkeys(n for n in (clean_text(x) for x in names) if user_name(n)))[:MAX_AUTHORS]
    return persons, orgs


def resolved_names(names: list[str], typed: bool, structured: bool,
                   cache: dict[tuple[tuple[str, ...], bool, bool], tuple[list[str], list[str]]]
                   ) -> tuple[list[str], list[str]]:
    """`resolve_names`, remembered in the page's `cache` (the rule and the learned picker resolve
    the same sources); fresh lists each time."""
    key = (tuple(names), typed, structured)
    hit = cache.get(key)
    if hit is None:
        hit = cache[key] = resolve_names(names, typed, structured)
    return list(hit[0]), list(hit[1])


def _choose_authors(meta: HtmlMeta, page: Page, steps: list[tuple[str, Callable[[], list[str]]]],
                    computed: list[AuthorSource],
                    cache: dict[tuple[tuple[str, ...], bool, bool], tuple[list[str], list[str]]] | None = None,
                    ) -> None:
    """The rule: the first source, best first, that gives a person's name (typed one-word names
    only after every full-name source); `computed` gets every source evaluated."""
    if cache is None:
        cache = {}
    ld = page.jsonld
    agencies = [o for o in ld.orgs if is_agency(o)]
    for src, get in steps:
        names = get()
        computed.append(AuthorSource(src, names, src in _TYPED_STEPS))
        if not names:
            continue
        persons, orgs = resolved_names(names, src in _TYPED_STEPS, src in _STRUCTURED_STEPS, cache)
        if src in _CREDIT_SOURCES:
            agencies.extend(orgs)
        if persons:
            meta.authors, meta.sources["authors"] = persons, src
            break
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
