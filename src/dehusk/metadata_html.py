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
(`chrome_hints.chrome_hint`); a container that also holds the headline is content.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .chrome_hints import chrome_ancestor
from .metadata_author_sources import ranker_sources
from .metadata_authors import (
    AuthorSource,
    _choose_authors,
    author_steps,
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
    author_candidates,
)
from .metadata_title import (
    TitleChoice,
    choose_title,
    shown_headline,
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
    article_body: str | None = None  # the JSON-LD's articleBody (`structured_body`), as written


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
    meta.article_body = ld.article_body
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


def author_rows(state: _State, rule_authors: list[str]) -> tuple[list[Candidate], np.ndarray]:
    page = state.page
    sources, ranks = ranker_sources(state)
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
