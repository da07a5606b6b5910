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
above plus every short text of the body that holds a date (one walk: `metadata_scan.scan_body`);
days seen only in comments or related rails are left out; below the model's threshold, no
date (a lower one on article and forum pages, once the page type is known: `settle_date`). A
page that gives only a modification date gets it as `published` too. Authors: every source
above, each byline element and "By ..." line apart, user-name elements, a person's name
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

import numpy as np
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .authors import byline_match, looks_like_person
from .metadata_authors import (
    _BYLINE_TEXT,
    _STRUCTURED_STEPS,
    _TYPED_STEPS,
    AuthorSource,
    _box_names,
    _choose_authors,
    author_steps,
    resolved_names,
)
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
    in_chrome,
    near_headline,
    page_language,
    page_site,
    page_tags,
    read_page,
)
from .metadata_rank import (
    PAGE_FEATURES,
    TITLE_FEATURES,
    Candidate,
    best,
    page_flags,
    picker,
    title_candidates,
)
from .metadata_rank_author import (
    AUTHOR_FEATURES,
    COPYRIGHT,
    LOOSE_PREFIX,
    NOT_LOOSE,
    _ancestor_hint,
    after_prefix,
    author_candidates,
    one_word,
)
from .metadata_title import (
    TitleChoice,
    choose_title,
    chrome_ancestor,
    shown_headline,
    site_keys,
    split_title,
    tokens,
)


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
    date_pick: DatePick | None = None  # the learned date picker's pick (`settle_by_type`)
    author_pick: AuthorPick | None = None  # the learned author picker's pick (`settle_by_type`)


@dataclass(frozen=True, slots=True)
class DatePick:
    """The learned date picker's best candidate (`p` -1 without one) and what the rules had
    decided before it, so that the date can be decided again at another threshold."""

    p: float
    day: str
    iso: str
    src: str
    published: str | None
    modified: str | None
    published_src: str | None
    modified_src: str | None
    threshold_dated: float  # the threshold on pages expected to carry a date (DATED_TYPES)


@dataclass(frozen=True, slots=True)
class AuthorPick:
    """The learned author picker's best candidate (`p` -1 without one) and the rules' authors,
    so that the authors can be decided again at another threshold."""

    p: float
    values: tuple[str, ...]
    key: frozenset[str]  # the candidate's name tokens
    src: str
    rule_authors: tuple[str, ...]
    rule_src: str | None
    threshold_authored: float  # the threshold on pages expected to carry a byline (AUTHORED_TYPES)


# Page types expected to carry a publication date: there the picker's best candidate is taken at
# the lower `threshold_dated`; on the other types (service, product, documentation, listing,
# collection pages) a date is given only when the picker is surer. Both thresholds are tuned by
# scripts/train_html_meta.py --types (out-of-fold page types) as the single one was: the best
# grouped-CV accuracy giving a date to no more pages without a gold date than the rules do.
# wcxb-dev, grouped CV: one threshold (0.06) 0.884, with 26.0% of the pages without a gold date
# given one; by type (0.00 / 0.11) 0.898, 25.2% (23.8% once ambiguous numeric dates are read the
# way the page's other dates say: metadata_dates._settle_day_month).
DATED_TYPES = frozenset({"article", "forum"})


def decide_date(meta: HtmlMeta, threshold: float) -> None:
    """Set `published` (and drop a `modified` older than it) from the picker's best candidate
    when it scores at least `threshold`; below it, no publication date. Starts again from the
    rules' values each time."""
    pick = meta.date_pick
    if pick is None:
        return
    for key, value, src in (("published", pick.published, pick.published_src),
                            ("modified", pick.modified, pick.modified_src)):
        setattr(meta, key, value)
        if src is None:
            meta.sources.pop(key, None)
        else:
            meta.sources[key] = src
    if pick.p >= 0 and pick.p >= threshold:
        if pick.day != (meta.published or "")[:10]:
            meta.published, meta.sources["published"] = pick.iso, pick.src
        if meta.modified and meta.modified[:10] < pick.day:
            meta.modified = None
            meta.sources.pop("modified", None)
    elif meta.published:
        meta.published = None
        meta.sources.pop("published", None)


# Page types expected to carry a byline: there the author picker's best candidate is taken at the
# lower `threshold_authored`, on the others only when the picker is surer; tuned as the date's, at
# the rules' share of pages without gold authors given one (train_html_meta.py --types, out-of-fold
# page types; the figures are in the README).
AUTHORED_TYPES = frozenset({"article", "forum"})


def decide_authors(meta: HtmlMeta, threshold: float) -> None:
    """The picker's best candidate as the authors when it scores at least `threshold` (unless the
    rules named the same people); below it, no authors. Starts again from the rules' values."""
    pick = meta.author_pick
    if pick is None:
        return
    meta.authors = list(pick.rule_authors)
    if pick.rule_src is None:
        meta.sources.pop("authors", None)
    else:
        meta.sources["authors"] = pick.rule_src
    if pick.p >= 0 and pick.p >= threshold:
        if pick.key != {t for a in meta.authors for t in tokens(a) if len(t) > 1}:
            meta.authors, meta.sources["authors"] = list(pick.values), pick.src
    elif meta.authors:
        meta.authors = []
        meta.sources.pop("authors", None)


def settle_by_type(meta: HtmlMeta, page_type: str) -> None:
    """Decide the date and the authors again now that the page type is known (see DATED_TYPES
    and AUTHORED_TYPES)."""
    if meta.date_pick is not None and page_type in DATED_TYPES:
        decide_date(meta, meta.date_pick.threshold_dated)
    if meta.author_pick is not None and page_type in AUTHORED_TYPES:
        decide_authors(meta, meta.author_pick.threshold_authored)


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
    resolved: dict  # resolved_names' cache, shared by the rule and the learned picker
    _scan: Scan | None = None

    def wanted(self) -> list[LexborNode]:
        """The elements whose positions the scan records."""
        page = self.page
        users, imgs = page.users_and_images()  # (the author picker's user names and image alts)
        wanted = [*page.h1s, *page.times, *page.author_links, *page.bylines[:30], *page.datelines[:30], *users[:6],
                  *imgs[:100]]
        for key in ("author", "datepublished", "datecreated", "datemodified", "headline"):
            wanted.extend(page.itemprops.get(key, ())[:6])
        if self.title.node is not None:
            wanted.append(self.title.node)
        return wanted

    def scan(self) -> Scan:
        if self._scan is None:
            self._scan = self.page.scan(self.wanted())
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
    if title.node is None and all(chrome_ancestor(h) for h in page.h1s):
        # no <h1> to start the date and byline search from: the element that shows the headline
        title.node = shown_headline(page.root, title.title)
    near = near_headline(title.node)
    page.headline_path = ancestors(title.node)
    dates = choose_dates(page, url, fetch_date=fetch_date, lang=meta.language, near=near)
    meta.published, meta.modified, meta.date_candidates = dates.published, dates.modified, dates.candidates
    meta.sources.update(dates.sources)
    where: dict[str, LexborNode] = {}
    steps = author_steps(page, near, url, where)
    computed: list[AuthorSource] = []
    resolved: dict = {}
    _choose_authors(meta, page, steps, computed, resolved)
    return meta, _State(page, url, fetch_date, site_names, title, near, dates, steps, computed, where, resolved)


def title_rows(state: _State) -> tuple[list[Candidate], np.ndarray]:
    return title_candidates(state.page, state.site_names, state.url, state.title, state.scan())


def date_rows(state: _State, lang: str | None) -> tuple[list[tuple[str, str, list[Occurrence]]], np.ndarray]:
    scan = state.scan()
    occs = occurrences(state.page, state.url, fetch_date=state.fetch_date, lang=lang, near=state.near, scan=scan)
    return date_candidates(occs, state.anchor(), scan.n, state.dates, page_flags(state.page, state.url, scan))


_MAX_PER_KIND = 4  # byline elements / visible bylines kept as separate candidates
_ALT_NOISE = re.compile(r"(?i)\b(?:photo|picture|image|headshot|portrait|avatar|profile(?: picture| photo)?)"
                        r"(?:\s+of)?\b|'s\s+(?:face|avatar)")


_ALT_CUT = re.compile(r"\s*(?:,|\s[-–|]\s)\s*")
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


# a heading over an author's bio
_ABOUT_AUTHOR = re.compile(r"^(?:about|meet) the (?:author|writer|contributor)s?\W*$|^author(?:'s)? bio\W*$|"
                           r"^über (?:den|die) autor(?:in)?\W*$|^à propos de l['’]auteur\W*$|^sobre (?:el|la) autora?\W*$",
                           re.I)


def _bio_ok(tnode: LexborNode, name: str) -> bool:
    """Is "Jane Doe is a reporter ..." an author bio: inside an author/bio box, or right after a
    heading that gives the same name or says "About the author", or under the person's photo?"""
    parent = tnode.parent
    if parent is None:
        return False
    if _ancestor_hint(parent, _BIO_BOX, 5):
        return True
    prev = parent.prev
    while prev is not None and (prev.is_text_node and not (prev.text_content or "").strip()):
        prev = prev.prev
    if prev is None:
        return False
    heading = " ".join(prev.text(separator=" ").split())
    if heading.casefold() == name.casefold() or _ABOUT_AUTHOR.match(heading) is not None:
        return True
    # the person's photo right above, alone ("<img alt='Jane Doe'>", then "Jane Doe is ...")
    if heading:
        return False
    img = prev if prev.tag == "img" else prev.css_first("img")
    return img is not None and (img.attributes.get("alt") or "").strip().casefold() == name.casefold()


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
            persons = resolved_names(a.names, a.typed, a.src in _STRUCTURED_STEPS, state.resolved)[0]
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
    for _, text, tnode in [*scan.bylines, *scan.tail_bylines]:
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
    users, imgs = page.users_and_images()
    if page.root is not None:
        for node in users[:6]:
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
        for node in imgs[:100]:
            attrs = node.attributes  # (a fresh dict per read: read once)
            if n_avatar < 2 and _AVATAR_IMG.search(f"{attrs.get('class') or ''} {(attrs.get('src') or '')[:200]}"):
                n_avatar += 1
                text = _next_text(node)
                if text and add(AuthorSource("avatar name", [text], False, node)):
                    n_avatar = 2
            alt = attrs.get("alt")
            if not alt:
                continue
            alt = _ALT_NOISE.sub("", alt).strip(" ,-|")
            alt = _ALT_CUT.split(alt, maxsplit=1)[0]
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
        day = iso = src = ""
        if i >= 0:
            day, iso, group = days[i]
            src = min(group, key=lambda o: (_PRIORITY[o.fam], "T" not in o.iso)).src
        meta.date_pick = DatePick(p if i >= 0 else -1.0, day, iso, src, meta.published, meta.modified,
                                  meta.sources.get("published"), meta.sources.get("modified"),
                                  float(model.meta.get("threshold_dated", model.threshold_default)))
        decide_date(meta, model.threshold_default)
    model = picker("html_author", AUTHOR_FEATURES)
    if model is not None:
        cands, X = author_rows(state, meta.authors)
        i, p = best(model, X)
        rules = (tuple(meta.authors), meta.sources.get("authors"),
                 float(model.meta.get("threshold_authored", model.threshold_default)))
        if i >= 0:
            c = cands[i]
            meta.author_pick = AuthorPick(p, tuple(c.values), frozenset(c.key), c.src, *rules)
        else:
            meta.author_pick = AuthorPick(-1.0, (), frozenset(), "", *rules)
        decide_authors(meta, model.threshold_default)


def html_metadata(tree: LexborHTMLParser, url: str | None = None, *, fetch_date: str | None = None) -> HtmlMeta:
    """Title, authors, dates, tags, site, language... of a parsed page (scripts still in). The
    date and the authors are decided at the thresholds for pages of any type;
    `settle_by_type(meta, page_type)` decides them again once the page type is known (extract() does)."""
    meta, state = _rules(tree, url, fetch_date)
    _learned(meta, state)
    return meta
