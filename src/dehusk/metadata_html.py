"""HTML-mode metadata: title, authors, dates, tags, site, language from a parsed page.

`html_metadata(tree, url, fetch_date=...)` runs on the parsed page before scripts are
stripped (JSON-LD lives in scripts; no other script is read, so a JS config's expiry date
cannot win). It reads the page once (`metadata_page.read_page`: head metas and links, the
ld+json scripts, one CSS query over the body), then decides in two steps, recording in
`sources` where each value came from (for explain).

1. Rules, each field from its sources, best first:
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

2. Learned pickers (`metadata_rank`; each only when its model file is shipped, else the rule
stands): every candidate of title, publication date and authors gets a feature row, a small
tree model scores them, the best wins. The rule's own pick is one of the features. Title:
every wording of every title-like source. Date: one candidate per day, from every source
above plus every short text of the body that holds a date (one walk: `metadata_page.scan_body`);
days seen only in comments or related rails are left out; below the model's threshold, no
date. A page that gives only a modification date gets it as `published` too. Authors: every
source above, each byline element and "By ..." line apart, user-name elements, a person's name
as the site name or in the copyright line; one source's names win (co-authors together),
below the model's threshold nobody. A one-word name counts when it sits in an author slot
("Posted by QuietFox42", an author link, a JSON-LD author) and is not the site's name.
The thresholds keep the share of pages given a date / an author where the gold has none at
the rules' level (scripts/train_html_meta.py).

Chrome (comments, related rails, sidebars, navigation, footers) is judged on class words
(`metadata_title.chrome_hint`); a container that also holds the headline is content.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import numpy as np
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .authors import byline_match, clean_authors, is_agency, looks_like_person, split_credit
from .metadata_dates import (
    _PRIORITY,
    DATE_FEATURES,
    DateChoice,
    Occurrence,
    choose_dates,
    date_candidates,
    occurrences,
)
from .metadata_page import (
    Page,
    Scan,
    ancestors,
    attr_value,
    in_chrome,
    near_headline,
    page_language,
    page_site,
    page_tags,
    read_page,
)
from .metadata_rank import (
    ATTR_AUTHOR,
    AUTHOR_FEATURES,
    COPYRIGHT,
    LOOSE_PREFIX,
    NOT_LOOSE,
    PAGE_FEATURES,
    TITLE_FEATURES,
    Candidate,
    after_prefix,
    author_candidates,
    best,
    one_word,
    page_flags,
    picker,
    title_candidates,
    user_name,
)
from .metadata_title import (
    TitleChoice,
    choose_title,
    chrome_ancestor,
    clean_text,
    site_keys,
    split_title,
    tokens,
)

MAX_AUTHORS = 12
_BYLINE_TEXT = 200  # longer byline elements are bios or body text
_BY_START = re.compile(r"(?:written|posted|reviewed|words|text|story|article)?\s*(?:by|author|contributors?)\b\s*:?",
                       re.I)
_BY = re.compile(r"(?<![^\W\d_])(?:by|von|par|por|door|autor|author|contributors?)(?![^\W\d_])", re.I)

_AUTHOR_METAS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                 "dcterms.creator", "citation_author", "byl", "cxenseparse:author", "twitter:creator:name",
                 "og:article:author", "creator")
_URLISH = re.compile(r"^(?:https?:)?//|^www\.|^/[\w-]")


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


def _choose_authors(meta: HtmlMeta, page: Page, steps: list[tuple[str, Callable[[], list[str]]]],
                    computed: list[AuthorSource]) -> None:
    """The rule: the first source, best first, that gives a person's name (typed one-word names
    only after every full-name source); `computed` gets every source evaluated."""
    ld = page.jsonld
    agencies = [o for o in ld.orgs if is_agency(o)]
    for src, get in steps:
        names = get()
        computed.append(AuthorSource(src, names, src in _TYPED_STEPS))
        if not names:
            continue
        persons, orgs = resolve_names(names, src in _TYPED_STEPS, src in _STRUCTURED_STEPS)
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
@dataclass(slots=True)
class _State:
    """The rule-based pass's record, from which the learned pickers' candidates are built."""

    page: Page
    url: str | None
    fetch_date: str | None
    site_names: list[str | None]
    title: TitleChoice
    near: list[str]
    dates: DateChoice
    steps: list[tuple[str, Callable[[], list[str]]]]
    computed: list[AuthorSource]
    where: dict[str, LexborNode]
    _scan: Scan | None = None

    def scan(self) -> Scan:
        if self._scan is None:
            page = self.page
            wanted = [*page.h1s, *page.times, *page.author_links, *page.bylines[:30], *page.datelines[:30]]
            for key in ("author", "datepublished", "datecreated", "datemodified", "headline"):
                wanted.extend(page.itemprops.get(key, ())[:6])
            if self.title.node is not None:
                wanted.append(self.title.node)
            self._scan = page.scan(wanted)
        return self._scan

    def anchor(self) -> int | None:
        node = self.title.node or next((h for h in self.page.h1s if not chrome_ancestor(h)), None)
        return self.scan().positions.get(node.mem_id) if node is not None else None


def _rules(tree: LexborHTMLParser, url: str | None, fetch_date: str | None) -> tuple[HtmlMeta, _State]:
    meta = HtmlMeta()
    page = read_page(tree, url)
    page_site(meta, page, url)
    meta.language, src = page_language(page)
    if src:
        meta.sources["language"] = src
    page_tags(meta, page)
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
    where: dict[str, LexborNode] = {}
    steps = author_steps(page, near, url, where)
    computed: list[AuthorSource] = []
    _choose_authors(meta, page, steps, computed)
    return meta, _State(page, url, fetch_date, site_names, title, near, dates, steps, computed, where)


def title_rows(state: _State) -> tuple[list[Candidate], np.ndarray]:
    return title_candidates(state.page, state.site_names, state.url, state.title, state.scan())


def date_rows(state: _State, lang: str | None) -> tuple[list[tuple[str, str, list[Occurrence]]], np.ndarray]:
    scan = state.scan()
    occs = occurrences(state.page, state.url, fetch_date=state.fetch_date, lang=lang, near=state.near, scan=scan)
    return date_candidates(occs, state.anchor(), scan.n, state.dates, page_flags(state.page, state.url, scan))


_MAX_PER_KIND = 4  # byline elements / visible bylines kept as separate candidates
_ALT_NOISE = re.compile(r"(?i)\b(?:photo|picture|image|headshot|portrait|avatar|profile(?: picture| photo)?)"
                        r"(?:\s+of)?\b|'s\s+(?:face|avatar)")


_AVATAR_IMG = re.compile(r"avatar|gravatar|headshot|author", re.I)
_BIO_BOX = re.compile(r"author|bio|profile|writer|contributor|byline|expert", re.I)


def _next_text(img: LexborNode) -> str:
    """The short text that follows an author's picture ("<img class=avatar> Jane Doe in Tech"):
    the parent's text when short, else the next sibling's."""
    parent = img.parent
    if parent is not None:
        text = " ".join(parent.text(separator=" ").split())
        if 0 < len(text) <= _BYLINE_TEXT:
            return text
    sib = img.next
    while sib is not None and sib.is_text_node and not (sib.text_content or "").strip():
        sib = sib.next
    text = " ".join(sib.text(separator=" ").split()) if sib is not None else ""
    return text if len(text) <= 80 else ""


def _bio_ok(tnode: LexborNode, name: str) -> bool:
    """Is "Jane Doe is a reporter ..." an author bio: inside an author/bio box, or right after a
    heading that gives the same name?"""
    parent = tnode.parent
    if parent is None:
        return False
    if _ancestor_class(parent, _BIO_BOX, 5):
        return True
    prev = parent.prev
    while prev is not None and (prev.is_text_node and not (prev.text_content or "").strip()):
        prev = prev.prev
    return prev is not None and " ".join(prev.text(separator=" ").split()).casefold() == name.casefold()


def _ancestor_class(node: LexborNode, pattern: re.Pattern, depth: int) -> bool:
    cur: LexborNode | None = node
    for _ in range(depth):
        if cur is None or cur.tag in ("body", "html"):
            return False
        a = cur.attributes
        if pattern.search(f"{a.get('class') or ''} {a.get('id') or ''}"):
            return True
        cur = cur.parent
    return False


def _ranker_sources(state: _State) -> tuple[list[tuple[AuthorSource, list[str]]], dict[int, int]]:
    """Every author source for the learned picker with the names it gives: the rule's (all of
    them), each byline element and visible "By ..." line apart, user-name elements and
    attributes, a person's name as the site name or in the copyright line."""
    page = state.page
    keys = site_keys(state.site_names, state.url)
    out: list[tuple[AuthorSource, list[str]]] = []
    ranks: dict[int, int] = {}

    resolved: dict[tuple[tuple[str, ...], bool, bool, bool], list[str]] = {}

    def add(a: AuthorSource, rank: int | None = None) -> bool:
        if not a.names:
            return False
        key = (tuple(a.names), a.typed, a.src in NOT_LOOSE, a.src in _STRUCTURED_STEPS)
        persons = resolved.get(key)
        if persons is None:
            persons = resolve_names(a.names, a.typed, a.src in _STRUCTURED_STEPS)[0]
            if not persons and a.src not in NOT_LOOSE:
                persons = one_word(a.names, keys)
            resolved[key] = persons
        if not persons:
            return False
        if rank is not None:
            ranks[len(out)] = rank
        out.append((a, persons))
        return True

    done = {a.src for a in state.computed}
    for a in state.computed:
        a.node = state.where.get("typed microdata" if a.src == "[itemprop=author] Person" else a.src)
        add(a)
    for src, get in state.steps:  # the rule stopped at its first hit: the rest too
        if src not in done:
            add(AuthorSource(src, get(), src in _TYPED_STEPS, state.where.get(src)))
    seen: set[str] = set()
    for node in page.bylines[:16]:
        text = " ".join(node.text(separator=" ").split())
        names = [text] if 0 < len(text) <= _BYLINE_TEXT else _box_names(node) if len(text) <= 2000 else []
        if names and names[0].casefold() not in seen:
            seen.add(names[0].casefold())
            if add(AuthorSource("byline element", names, False, node), len(seen) - 1) and len(seen) >= 8:
                break
    scan = state.scan()
    seen = set()
    for _, text, tnode in scan.bylines:
        node = tnode.parent or tnode
        line = text if len(text.split()) > 1 and byline_match(text) else after_prefix(text, tnode)
        if line and len(line) <= _BYLINE_TEXT and line.casefold() not in seen:
            seen.add(line.casefold())
            names = byline_match(line)
            rest = LOOSE_PREFIX.sub("", line, count=1)
            if names is None and rest[:1].isalnum() and not rest[:1].islower():
                names = rest  # "Posted by BeauHD": a user name alone
            if names and add(AuthorSource("visible byline", [names], False, node), len(seen) - 1) \
                    and len(seen) >= _MAX_PER_KIND:
                break
    if page.root is not None:
        for node in page.root.css(ATTR_AUTHOR)[:6]:
            if node.tag in ("input", "label", "form", "button", "select", "textarea"):
                continue
            a = node.attributes
            value = a.get("data-author") or a.get("author") or a.get("data-username")
            text = value or node.text(separator=" ", strip=True)
            if text and len(text) <= 80 and add(AuthorSource("user name element", [text], True, node)):
                break
    for _, name, tnode in scan.bios:
        if _bio_ok(tnode, name) and add(AuthorSource("author bio", [name], False, tnode.parent or tnode)):
            break
    if page.root is not None:
        n_img = 0
        n_avatar = 0
        for node in page.root.css("img")[:100]:
            if n_avatar < 2 and _AVATAR_IMG.search(f"{node.attributes.get('class') or ''} "
                                                   f"{(node.attributes.get('src') or '')[:200]}"):
                n_avatar += 1
                text = _next_text(node)
                if text and add(AuthorSource("avatar name", [text], False, node)):
                    n_avatar = 2
            if not node.attributes.get("alt"):
                continue
            alt = _ALT_NOISE.sub("", node.attributes.get("alt") or "").strip(" ,-|")
            alt = re.split(r"\s*(?:,|\s[-–|]\s)\s*", alt, maxsplit=1)[0]
            if 3 < len(alt) <= 60 and looks_like_person(alt):
                n_img += 1
                if add(AuthorSource("image alt", [alt], False, node)) and n_img >= 2:
                    break
    site = page.meta("og:site_name")[1]
    segs = split_title(page.title or "")
    for value in (site, segs[-1] if len(segs) > 1 else None):
        if value and looks_like_person(value) and add(AuthorSource("site name", [value])):
            break
    for _, text, node in reversed(scan.dates):
        m = COPYRIGHT.search(text)
        if m and add(AuthorSource("copyright", [m.group(1)], False, node)):
            break
    return out, ranks


def author_rows(state: _State, rule_authors: list[str]) -> tuple[list[Candidate], np.ndarray]:
    page = state.page
    sources, ranks = _ranker_sources(state)
    rows = [(a.src, persons, a.names, a.typed, a.node, ranks.get(i, 0)) for i, (a, persons) in enumerate(sources)]
    body = page.root.text(separator=" ") if page.root is not None and rows else ""
    return author_candidates(rows, page, state.url, state.site_names, rule_authors, state.anchor(), state.scan(),
                             body, lambda n: in_chrome(n, page.headline_path))


def _learned(meta: HtmlMeta, state: _State) -> None:
    """Let the learned pickers (when their model files exist) re-decide title, date and authors."""
    model = picker("html_title", TITLE_FEATURES)
    if model is not None:
        cands, X = title_rows(state)
        i, _ = best(model, X)
        if i >= 0 and cands[i].key != tokens(meta.title):
            meta.title, meta.sources["title"] = cands[i].text, cands[i].src
    model = picker("html_date", (*DATE_FEATURES, *PAGE_FEATURES))
    if model is not None:
        days, X = date_rows(state, meta.language)
        i, p = best(model, X)
        if i >= 0 and p >= model.threshold_default:
            day, iso, group = days[i]
            if day != (meta.published or "")[:10]:
                src = min(group, key=lambda o: (_PRIORITY[o.fam], "T" not in o.iso)).src
                meta.published, meta.sources["published"] = iso, src
            if meta.modified and meta.modified[:10] < day:
                meta.modified = None
                meta.sources.pop("modified", None)
        elif meta.published:
            meta.published = None
            meta.sources.pop("published", None)
    model = picker("html_author", AUTHOR_FEATURES)
    if model is not None:
        cands, X = author_rows(state, meta.authors)
        i, p = best(model, X)
        if i >= 0 and p >= model.threshold_default:
            if set(cands[i].key) != {t for a in meta.authors for t in tokens(a) if len(t) > 1}:
                meta.authors, meta.sources["authors"] = list(cands[i].values), cands[i].src
        elif meta.authors:
            meta.authors = []
            meta.sources.pop("authors", None)


def html_metadata(tree: LexborHTMLParser, url: str | None = None, *, fetch_date: str | None = None) -> HtmlMeta:
    """Title, authors, dates, tags, site, language... of a parsed page (scripts still in)."""
    meta, state = _rules(tree, url, fetch_date)
    _learned(meta, state)
    return meta
