"""The page's headline: metadata titles without their site-name decorations, versus the <h1>.

Rules (general, no site lists):
- A `<title>`/og:title segment cut by a separator (" | ", " - ", " — ", " :: ", " · ", ...)
  is dropped when it names the site: equal to, or a prefix of, og:site_name / the JSON-LD
  publisher or WebSite name / the registrable label of the host; or when another metadata
  title of the page is the same text without that segment.
- The headline shown on the page is the `<h1>`: an h1 that matches a metadata title closely
  wins (with its own wording); an h1 that is a logo, a site name, a generic word ("Menu",
  "Blog") or sits in navigation never does; with no usable h1, the cleaned metadata title
  (JSON-LD headline, og:title, twitter:title, <title>, in that order) is the title.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

if TYPE_CHECKING:
    from .metadata_page import Page

_WORD = re.compile(r"\w+")
_SEP = re.compile(r"\s+(?:[-–—~·•»/:]|::|\|\|)\s+|\s*[|｜]\s*|\s+[«»›]\s+")
_NON_ALNUM = re.compile(r"[\W_]+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?%)\]}’”»])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[{“‘«])\s+")
_SPACE_BEFORE_S = re.compile(r"\s+(['’]s\b)")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\ue000\uf0c1"), None)

# h1 texts that are not a headline (site chrome); compared case-folded, without punctuation
GENERIC_HEADINGS = frozenset({
    "home", "homepage", "menu", "main menu", "navigation", "search", "search results", "blog", "news",
    "latest news", "articles", "article", "login", "log in", "sign in", "sign up", "register", "contact",
    "contact us", "about", "about us", "skip to content", "skip to main content", "main content",
    "cookie settings", "cookies", "privacy", "shop", "cart", "your cart", "subscribe", "newsletter",
    "follow us", "share", "share this", "share this article", "related", "related articles",
    "popular", "trending", "top stories", "archives", "categories", "tags", "comments", "leave a reply",
    "page not found", "404", "error", "loading", "advertisement", "welcome", "breadcrumb", "footer",
    "header", "sidebar", "site navigation", "accessibility", "language", "select language",
})
_CHROME_HINT = re.compile(r"logo|brand|(?<![a-z])nav|menu|footer|sidebar|modal|popup|cookie|masthead|"
                          r"site-?title|site-?name|breadcrumb|drawer|banner", re.I)
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "gv", "nic", "ltd"})
_SUBDOMAINS = frozenset({"www", "m", "mobile", "amp", "en", "blog", "blogs", "news", "shop", "store", "app"})


def clean_text(text: str | None) -> str:
    """Collapse whitespace, drop invisible characters."""
    if not text:
        return ""
    return " ".join(text.translate(_INVISIBLE).split())


def tidy_joined(text: str) -> str:
    """Undo the spaces that joining inline elements put before punctuation."""
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _SPACE_BEFORE_S.sub(r"\1", text)
    return _SPACE_AFTER_OPEN.sub(r"\1", text)


def tokens(text: str | None) -> tuple[str, ...]:
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", text or "").casefold()))


def compact(text: str | None) -> str:
    return _NON_ALNUM.sub("", unicodedata.normalize("NFKC", text or "").casefold())


def host_labels(url: str | None) -> list[str]:
    """The registrable label of the URL's host ("nytimes" for www.nytimes.com), then others."""
    if not url:
        return []
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").casefold()
    except ValueError:
        return []
    labels = [x for x in host.split(".") if x]
    if len(labels) < 2:
        return labels
    labels = labels[:-1]  # the TLD
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    main = labels[-1]
    rest = [x for x in labels[:-1] if x not in _SUBDOMAINS]
    return [main, *rest]


def site_keys(names: Iterable[str | None], url: str | None) -> list[str]:
    """Compact forms of everything that names the site (min 3 characters)."""
    keys: list[str] = []
    for name in names:
        k = compact(name)
        if len(k) >= 3 and k not in keys:
            keys.append(k)
    for label in host_labels(url)[:1]:
        k = compact(label)
        if len(k) >= 3 and k not in keys:
            keys.append(k)
    return keys


def names_site(segment: str, keys: list[str]) -> bool:
    """Does this title segment name the site? (equal, or one starts with the other)."""
    k = compact(segment)
    if len(k) < 2:
        return False
    for key in keys:
        if k == key:
            return True
        short, long_ = (k, key) if len(k) < len(key) else (key, k)
        if len(short) >= 3 and long_.startswith(short) and len(segment.split()) <= 6:
            return True
        # "Example.com", "The Example", "Example Magazine": the host label inside a short segment
        if len(key) >= 4 and key in k and len(segment.split()) <= 4:
            return True
    return False


def split_title(title: str) -> list[str]:
    parts = [p.strip() for p in _SEP.split(title)]
    return [p for p in parts if p]


def strip_site(title: str | None, keys: list[str], others: Iterable[str | None] = ()) -> str:
    """`title` without leading/trailing segments that name the site.

    `others` are the page's other metadata titles: when one of them is this title less its
    trailing (leading) segments, those segments are a decoration as well.
    """
    title = clean_text(title)
    if not title:
        return ""
    parts = split_title(title)
    if len(parts) < 2:
        return _strip_colon_prefix(title, keys)
    others_parts = [split_title(clean_text(o)) for o in others if o]
    changed = True
    while len(parts) > 1 and changed:
        changed = False
        if names_site(parts[-1], keys) or _shared_affix(parts, others_parts, -1):
            parts = parts[:-1]
            changed = True
        elif names_site(parts[0], keys) or _shared_affix(parts, others_parts, 0):
            parts = parts[1:]
            changed = True
    if len(parts) == 1:
        return parts[0]
    # still decorated: rebuild from the original text to keep the page's own separators
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end] if 0 <= start < end else " ".join(parts)


def _shared_affix(parts: list[str], others_parts: list[list[str]], pos: int) -> bool:
    seg = compact(parts[pos])
    for op in others_parts:
        if 0 < len(op) < len(parts) and compact(op[pos]) != seg and all(
            compact(a) == compact(b)
            for a, b in zip(op, parts[: len(op)] if pos == -1 else parts[-len(op):], strict=True)
        ):
            return True
    return False


def _strip_colon_prefix(title: str, keys: list[str]) -> str:
    """"Site: Headline" -> "Headline" when the prefix names the site."""
    head, sep, tail = title.partition(":")
    if sep and tail.strip() and names_site(head, keys) and len(tail.split()) >= 2:
        return tail.strip()
    return title


def similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """1.0 for equal token sequences; containment of the shorter in the longer; else Jaccard."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    sa, sb = set(a), set(b)
    inter = len(sa & sb)
    jac = inter / len(sa | sb)
    cont = inter / min(len(sa), len(sb))
    if cont == 1.0 and min(len(sa), len(sb)) >= 2:
        return max(jac, 0.5 + 0.4 * min(len(sa), len(sb)) / max(len(sa), len(sb)))
    return jac


def is_generic(text: str) -> bool:
    t = " ".join(tokens(text))
    return not t or t in GENERIC_HEADINGS or t.isdigit()


def chrome_ancestor(node: LexborNode, depth: int = 10) -> bool:
    """Is the node inside navigation, a footer, an aside, a logo link or a modal?"""
    cur = node.parent
    hops = 0
    while cur is not None and hops < depth:
        tag = cur.tag
        if tag in ("nav", "footer", "aside", "dialog"):
            return True
        if tag in ("body", "html", "main", "article"):
            return False
        attrs = cur.attributes
        if tag == "a":
            href = (attrs.get("href") or "").strip()
            if href in ("/", "", "#", "./") or (href.count("/") == 3 and href.endswith("/") and "//" in href):
                return True
        hint = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('role') or ''}"
        if hint.strip() and _CHROME_HINT.search(hint):
            return True
        cur = cur.parent
        hops += 1
    return False


_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "button", "svg", "select", "sup"})
_BREAK_TAGS = frozenset({"br", "div", "p", "span", "li", "small", "strong", "em", "b", "i", "a", "time"})


def heading_text(node: LexborNode, sep: str = " ") -> str:
    """The heading's visible text; `sep` joins text nodes that sit in different elements."""
    out: list[str] = []

    def walk(n: LexborNode, depth: int) -> None:
        for child in n.iter(include_text=True):
            if child.is_text_node:
                out.append(child.text_content or "")
                continue
            tag = child.tag
            if tag in _SKIP_TAGS or depth > 8:
                continue
            attrs = child.attributes
            if "hidden" in attrs or attrs.get("aria-hidden") == "true":
                continue
            cls = attrs.get("class") or ""
            if "screen-reader" in cls or "sr-only" in cls or "visually-hidden" in cls:
                continue
            if tag in _BREAK_TAGS:
                out.append(sep)
            walk(child, depth + 1)
            if tag in _BREAK_TAGS:
                out.append(sep)

    walk(node, 0)
    return tidy_joined(clean_text("".join(out)))


# ----------------------------------------------------------------- choosing

_TITLE_METAS = ("og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title",
                "sailthru.title", "citation_title", "title", "headline")
MATCH = 0.5  # similarity above which an h1 and a metadata title name the same headline


@dataclass(slots=True)
class TitleChoice:
    title: str | None = None
    source: str | None = None
    candidates: list[tuple[str, str]] = field(default_factory=list)  # (source, text), for explain
    node: LexborNode | None = None  # the heading element chosen, if any


def choose_title(page: Page, site_names: list[str | None], url: str | None) -> TitleChoice:
    """The headline: see the module doc."""
    out = TitleChoice()
    ld = page.jsonld
    keys = site_keys(site_names, url)
    raw: list[tuple[str, str]] = []
    if ld.headline and ld.n_articles <= 1:
        raw.append(("json-ld headline", ld.headline))
    for k in _TITLE_METAS:
        for v in page.metas.get(k, ())[:1]:
            raw.append((f"meta[{k}]", v))
    if page.title:
        raw.append(("title", page.title))
    if ld.page_name:
        raw.append(("json-ld name", ld.page_name))
    texts = [t for _, t in raw]
    metas: list[tuple[str, str]] = []
    for src, text in raw:
        cleaned = strip_site(text, keys, (t for t in texts if t != text))
        if cleaned and not is_generic(cleaned) and not names_site(cleaned, keys):
            metas.append((src, cleaned))
            out.candidates.append((src, cleaned))
    meta_tokens = [tokens(t) for _, t in metas]

    def best_match(text: str) -> float:
        tt = tokens(text)
        return max((similarity(tt, mt) for mt in meta_tokens), default=0.0)

    heads: list[tuple[str, str, float, LexborNode]] = []  # (text, source, similarity, node)
    for node in page.h1s:
        spaced = heading_text(node, " ")
        if not spaced or len(spaced) > 300:
            continue
        text, best = spaced, best_match(spaced)
        joined = heading_text(node, "")
        if joined != spaced:
            best_j = best_match(joined)
            if best_j > best:
                text, best = joined, best_j
        out.candidates.append(("h1", text))
        if is_generic(text) or names_site(text, keys) or chrome_ancestor(node):
            continue
        heads.append((text, "h1", best, node))
    for node in page.itemprops.get("headline", ())[:2]:
        if node.tag == "meta":
            continue
        text = heading_text(node, " ")
        if text and len(text) <= 300 and not is_generic(text):
            heads.append((text, "[itemprop=headline]", best_match(text), node))

    matching = [h for h in heads if h[2] >= MATCH]
    if matching:
        chosen = max(matching, key=lambda h: h[2])
        out.title, out.source, out.node = chosen[0], chosen[1], chosen[3]
    elif heads and (len(page.h1s) <= 3 or not metas):
        out.title, out.source, out.node = heads[0][0], heads[0][1], heads[0][3]
    elif metas:
        out.title, out.source = metas[0][1], metas[0][0]
    return out
