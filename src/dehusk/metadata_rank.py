"""Learned pickers for HTML-mode metadata: every candidate of a field gets a feature row, a small
tree model (`dehusk/data/html_title.npz`, `html_date.npz`, `html_author.npz`, trained by
scripts/train_html_meta.py) scores the rows, and the best candidate wins. Without a model file
the rule-based choice stands (see `metadata_html`).

Title candidates are the distinct wordings (compared as score.py compares titles: case-folded
word sequences) of every title-like source: the JSON-LD headline, page name and last breadcrumb,
og:title, twitter:title, other title metas and `<title>`, each raw, without its site
decorations and cut at its separators; each h1 (an h2 near the top when no h1 is usable),
itemprop=headline, the first heading of `<article>`/`<main>`. Their features: which sources give
the wording, how many agree, how it compares with the h1, the <title> and the URL slug, its
length, whether it names the site, where its h1 sits, and what the page declares itself to be.

Author candidates and features: `metadata_rank_author`.
Date candidates and features: `metadata_dates.date_candidates`. `page_flags` (og:type, JSON-LD
types, URL shape, counts of dates, bylines, prices) are shared by the three.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import numpy as np
from selectolax.lexbor import LexborNode

from .chrome_hints import chrome_ancestor
from .classify import TreeModel, load_model, model_available
from .headline_slug import url_path
from .metadata_title import (
    _TITLE_METAS,
    TITLE_EL_QUERY,
    TITLE_EL_SKIP,
    TitleChoice,
    affixed,
    clean_text,
    compact,
    heading_text,
    is_generic,
    names_site,
    similarity,
    site_keys,
    split_title,
    strip_site,
    tokens,
)
from .mojibake import fix_mojibake

if TYPE_CHECKING:
    from .metadata_page import Page, Scan

_WORD = re.compile(r"\w+")
_SEP_CHARS = re.compile(r"\s[-–—|·•:]\s|\s?[|｜]\s?")
_TAKE_MAX = frozenset({"h1_in_article", "h1_first_usable"})
_FORUM_TYPES = frozenset({"discussionforumposting", "qapage", "question", "socialmediaposting"})


def picker(name: str, features: tuple[str, ...]) -> TreeModel | None:
    """The shipped model `name` when it exists and was trained on exactly these feature columns
    (a model from another version of the features is not used: the rules decide)."""
    if not model_available(name):
        return None
    model = load_model(name)
    return model if model.feature_names == tuple(features) else None


def best(model: TreeModel, X: np.ndarray) -> tuple[int, float]:
    """(index, probability) of the best-scored row; (-1, 0.0) without rows."""
    if not len(X):
        return -1, 0.0
    p = model.predict(X)
    i = int(np.argmax(p))
    return i, float(p[i])


def _slug_tokens(url: str | None) -> set[str]:
    parts = [p for p in url_path(url).split("/") if p]
    if not parts:
        return set()
    last = parts[-1] if len(parts[-1]) > 3 or len(parts) == 1 else parts[-2]
    last = re.sub(r"\.\w{2,5}$", "", last)
    return {t for t in _WORD.findall(last.casefold().replace("_", " ")) if not t.isdigit() or len(t) == 4}


_URL_KINDS = {
    "url_post": re.compile(r"/(?:blogs?|news|articles?|posts?|stor(?:y|ies)|(?:19|20)\d\d)(?:/|$)|\d{4}/\d\d/", re.I),
    "url_shop": re.compile(r"/(?:products?|shop|store|items?|p|dp|buy|collections?|categor(?:y|ies)|c)(?:/|$)",
                           re.I),
    "url_docs": re.compile(r"/(?:docs?|documentation|manual|reference|api|guides?|learn|wiki|man)(?:/|$)|\.\w+/\w+"
                           r"\.html?$", re.I),
    "url_forum": re.compile(r"/(?:forums?|threads?|t|topics?|community|discussions?|questions|comments|r|d|"
                            r"viewtopic\.php|showthread\.php)(?:/|$|\?)", re.I),
}


def page_flags(page: Page, url: str | None, scan: Scan) -> dict[str, float]:
    """What the page declares itself to be and what it is made of (shared by the three pickers)."""
    og = (page.metas.get("og:type") or [""])[0].casefold()
    ltypes = {t.casefold() for t in page.jsonld.types}
    try:
        path = urlsplit(url).path if url else ""
    except ValueError:
        path = ""
    depth = len([p for p in path.split("/") if p])
    flags = {
        "og_article": float(og == "article"), "og_website": float(og == "website"),
        "og_product": float(og.startswith("product")), "og_none": float(not og),
        "ld_articles": float(min(page.jsonld.n_articles, 3)),
        "ld_product": float(bool(ltypes & {"product", "productgroup", "offer"})),
        "ld_forum": float(bool(ltypes & _FORUM_TYPES)),
        "ld_none": float(not ltypes),
        "url_depth": float(min(depth, 6)), "is_home": float(url is not None and depth == 0),
        "log_nodes": math.log1p(scan.n), "n_date_texts": float(min(len(scan.dates), 60)),
        "n_by_texts": float(min(len(scan.bylines), 30)), "n_times": float(len(page.times)),
        "n_prices": float(min(len(page.itemprops.get("price", ())), 20)),
        "n_author_props": float(min(len(page.itemprops.get("author", ())), 20)),
        "n_author_links": float(len(page.author_links)),
    }
    for key, pattern in _URL_KINDS.items():
        flags[key] = float(bool(pattern.search(path)))
    return flags


PAGE_FEATURES = ("og_article", "og_website", "og_product", "og_none", "ld_articles", "ld_product", "ld_forum",
                 "ld_none", "url_depth", "is_home", "log_nodes", "n_date_texts", "n_by_texts", "n_times", "n_prices",
                 "n_author_props", "n_author_links", *_URL_KINDS)


# ----------------------------------------------------------------- title

_TITLE_FAMILIES = ("ld_headline", "ld_name", "og", "tw", "meta", "title", "h1", "h2", "itemprop", "art_head",
                   "crumb", "title_el")
# a "title_el" candidate (an element of `TITLE_EL_QUERY`, on a page without a usable <h1>) holds at
# most this many characters: a longer text is a block, not a headline
_TITLE_EL_TEXT = 200
_META_FAMILIES = frozenset(_TITLE_FAMILIES[:6])
_VARIANTS = ("raw", "strip", "seg_first", "seg_long")
TITLE_FEATURES = (
    *(f"fam_{f}" for f in _TITLE_FAMILIES), *(f"var_{v}" for v in _VARIANTS),
    "n_meta_fam", "n_occ", "h1_idx", "h1_chrome", "h1_generic", "h1_first_usable", "h1_pos", "h1_in_article",
    "n_h1", "n_h1_usable", "rule", "log_words", "log_chars", "frac_upper", "n_sep", "ellipsis", "question",
    "frac_digit", "has_site", "is_site", "generic", "slug_in", "in_slug", "sim_h1", "sim_meta", "longer_of",
    "shorter_of", "n_cands", "meta_strip_eq", "in_title_raw", "title_in", "alt_words", "crumb_sim", "template",
    *PAGE_FEATURES,
)


@dataclass(slots=True)
class Candidate:
    """One distinct wording (title), day (date) or source's names (author) with its features."""

    text: str
    src: str
    key: tuple = ()
    node: LexborNode | None = None
    f: dict[str, float] = field(default_factory=dict)
    values: list = field(default_factory=list)  # date: ISO values; author: names


def _in_article(node: LexborNode, depth: int = 12) -> bool:
    cur = node.parent
    for _ in range(depth):
        if cur is None or cur.tag in ("body", "html"):
            return False
        if cur.tag in ("article", "main") or cur.attributes.get("role") == "main":
            return True
        cur = cur.parent
    return False


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Is `shorter` a contiguous run of `longer` (and shorter than it)?"""
    n = len(shorter)
    if not n or n >= len(longer):
        return False
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def title_candidates(page: Page, site_names: list[str | None], url: str | None, rule: TitleChoice,
                     scan: Scan) -> tuple[list[Candidate], np.ndarray]:
    """Every title-like text of the page, one per wording, with its feature row (`TITLE_FEATURES`)."""
    keys = site_keys(site_names, url)
    ld = page.jsonld
    raw: list[tuple[str, str, str]] = []  # (family, source label, text)
    if ld.headline and ld.n_articles <= 1:
        raw.append(("ld_headline", "json-ld headline", ld.headline))
    if ld.page_name:
        raw.append(("ld_name", "json-ld name", ld.page_name))
    for k in _TITLE_METAS:
        for v in page.metas.get(k, ())[:1]:
            fam = "og" if k == "og:title" else "tw" if k == "twitter:title" else "meta"
            raw.append((fam, f"meta[{k}]", v))
    if page.title:
        raw.append(("title", "title", page.title))
    texts = [t for _, _, t in raw]
    cands: dict[tuple[str, ...], Candidate] = {}
    stripped_keys: list[tuple[str, ...]] = []

    def add(text: str, fam: str, src: str, var: str | None = None, node: LexborNode | None = None,
            **extra: float) -> Candidate | None:
        text = clean_text(text)
        key = tokens(text)
        if not key or len(text) > 300:
            return None
        c = cands.get(key)
        if c is None:
            c = cands[key] = Candidate(text, src, key, node)
            c.f = {"h1_idx": math.nan, "h1_chrome": math.nan, "h1_generic": math.nan, "h1_first_usable": 0.0,
                   "h1_pos": math.nan, "h1_in_article": math.nan}
        elif node is not None and c.node is None:
            c.node = node
        f = c.f
        f[f"fam_{fam}"] = 1.0
        if var:
            f[f"var_{var}"] = 1.0
        f["n_occ"] = f.get("n_occ", 0.0) + 1
        for k, v in extra.items():
            if k in _TAKE_MAX:
                f[k] = max(f.get(k, 0.0), v)
            elif math.isnan(f[k]) or v < f[k]:
                f[k] = v
        return c

    for fam, src, text in raw:
        clean = fix_mojibake(clean_text(text))
        add(clean, fam, src, "raw")
        stripped = strip_site(text, keys, (t for t in texts if t != text))
        if stripped:
            add(stripped, fam, f"{src} (stripped)", "strip")
            stripped_keys.append(tokens(stripped))
        segs = split_title(clean)
        if len(segs) > 1:
            add(segs[0], fam, f"{src} (first part)", "seg_first")
            add(max(segs, key=len), fam, f"{src} (longest part)", "seg_long")
    usable_h1: list[tuple[str, ...]] = []
    n_pos = float(scan.n)
    for i, node in enumerate(page.h1s):
        text = heading_text(node, " ")
        if not text:
            continue
        chrome = chrome_ancestor(node)
        generic = is_generic(text) or names_site(text, keys, exact=True)
        usable = not chrome and not generic
        pos = scan.positions.get(node.mem_id)
        extra = {"h1_idx": float(i), "h1_chrome": float(chrome), "h1_generic": float(generic),
                 "h1_pos": pos / n_pos if pos is not None else math.nan, "h1_in_article": float(_in_article(node)),
                 "h1_first_usable": float(usable and not usable_h1)}
        c = add(text, "h1", "h1", None, node, **extra)
        joined = heading_text(node, "")
        if joined != text:
            add(joined, "h1", "h1", None, node, **extra)
        if usable and c is not None:
            usable_h1.append(c.key)
            cut = strip_site(text, keys, texts, dash=False)
            if cut and cut != text:
                add(cut, "h1", "h1 (stripped)", None, node, **extra)
    root = page.root
    if not usable_h1 and root is not None:
        for node in root.css("h2")[:3]:
            if not chrome_ancestor(node):
                add(heading_text(node, " "), "h2", "h2", None, node)
                break
        n_el = 0
        for node in root.css(TITLE_EL_QUERY)[:40]:
            if node.tag in TITLE_EL_SKIP or chrome_ancestor(node):
                continue
            text = heading_text(node, " ")
            if text and len(text) <= _TITLE_EL_TEXT and add(text, "title_el", "title element", None, node):
                n_el += 1
                if n_el >= 3:
                    break
    for node in page.itemprops.get("headline", ())[:2]:
        if node.tag != "meta":
            add(heading_text(node, " "), "itemprop", "[itemprop=headline]", None, node)
    if root is not None:
        node = root.css_first("article h1, article h2, main h1, main h2")
        if node is not None:
            add(heading_text(node, " "), "art_head", "article heading", None, node)
    if ld.crumb:
        add(ld.crumb, "crumb", "json-ld breadcrumb")
    out = list(cands.values())
    rule_key = tokens(rule.title)
    slug = _slug_tokens(url)
    pf = page_flags(page, url, scan)
    first_h1 = usable_h1[0] if usable_h1 else ()
    title_raw = tokens(page.title)
    title_main = tokens(strip_site(page.title, keys, texts)) if page.title else ()
    crumb = tokens(ld.crumb)
    for c in out:
        f = c.f
        key = c.key
        letters = [ch for ch in c.text if ch.isalpha()]
        f["n_meta_fam"] = float(sum(f.get(f"fam_{m}", 0.0) for m in _META_FAMILIES))
        f["n_h1"] = float(len(page.h1s))
        f["n_h1_usable"] = float(len(usable_h1))
        f["rule"] = float(key == rule_key)
        f["log_words"] = math.log1p(len(key))
        f["log_chars"] = math.log1p(len(c.text))
        f["frac_upper"] = sum(ch.isupper() for ch in letters) / len(letters) if letters else 0.0
        f["n_sep"] = float(len(_SEP_CHARS.findall(c.text)))
        f["ellipsis"] = float(c.text.endswith(("...", "…")))
        f["question"] = float(c.text.endswith("?"))
        f["frac_digit"] = sum(t.isdigit() for t in key) / len(key)
        comp = compact(c.text)
        f["has_site"] = float(any(len(k) >= 4 and k in comp for k in keys))
        f["is_site"] = float(names_site(c.text, keys, exact=True))
        f["generic"] = float(is_generic(c.text))
        sk = set(key)
        f["slug_in"] = len(slug & sk) / len(slug) if slug else math.nan
        f["in_slug"] = len(slug & sk) / len(sk) if slug else math.nan
        f["sim_h1"] = similarity(key, first_h1) if first_h1 else math.nan
        f["sim_meta"] = max((similarity(key, k) for k in stripped_keys if k != key), default=0.0)
        f["meta_strip_eq"] = float(sum(k == key for k in stripped_keys))
        f["longer_of"] = float(any(affixed(key, o.key, 6) for o in out if o is not c))
        f["shorter_of"] = float(any(affixed(o.key, key, 6) for o in out if o is not c))
        f["n_cands"] = float(len(out))
        f["in_title_raw"] = float(_contains(title_raw, key))
        f["title_in"] = float(_contains(key, title_main)) if title_main else math.nan
        # the main alternative: the stripped <title> for a heading, the first usable h1 for the rest
        alt = title_main if f.get("fam_h1") or f.get("fam_h2") else first_h1
        f["alt_words"] = math.log1p(len(alt)) if alt else math.nan
        f["crumb_sim"] = similarity(key, crumb) if crumb else math.nan
        f["template"] = float("{{" in c.text or "}}" in c.text or "%" in c.text and "%%" in c.text)
        f.update(pf)
    X = np.array([[c.f.get(name, 0.0) for name in TITLE_FEATURES] for c in out], dtype=np.float64)
    return out, X.reshape(len(out), len(TITLE_FEATURES))
