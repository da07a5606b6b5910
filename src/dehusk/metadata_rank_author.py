"""HTML-mode author candidates for the learned picker (`dehusk/data/html_author.npz`, trained by
scripts/train_html_meta.py): one per source that names someone, built in `metadata_html`. Their
features: which source, how many names, one-word or full names, typed as a Person or not, how many
other sources name the same person, the distance to the headline and to the nearest date text,
comment/testimonial/card context, whether the name is in the <title> or the host name, how often
it occurs on the page, whether it starts with a known given name and ends with a known surname
(`names`); and the page's own flags (`metadata_rank.page_flags`). Also the rules' helpers for
author names beyond full person names (user names, copyright lines, loose bylines).
"""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import numpy as np
from selectolax.lexbor import LexborNode

from .metadata_rank import _WORD, PAGE_FEATURES, Candidate, page_flags
from .metadata_title import (
    clean_text,
    names_site,
    site_keys,
    tokens,
)
from .names import name_evidence, user_name

if TYPE_CHECKING:
    from .metadata_page import Page, Scan


# ----------------------------------------------------------------- author names beyond full person names

COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)?\d\d)?)?\s*,?\s*"
                        r"([^\W\d_][^.|,©]{2,60})", re.I)
LOOSE_PREFIX = re.compile(r"^\W{0,3}(?:(?:written|posted|published|started|reviewed|words|article|story|text)\s+)?"
                           r"(?:by|von|par|por|door|author|autor|authors)(?![^\W\d_])\s*:?\s*", re.I)
_LOOSE_END = re.compile(r"\s+(?:on|in|at|am|le|el|il|»|›)\s+|\s*[|•·,;(]\s*|\s[-–—]\s")
_PAIR = re.compile(r"\s+(?:and|&|und|et|y|e|i|og|och|en)\s+")
NOT_LOOSE = frozenset({"site name", "copyright", "byline heading"})


def one_word(names: list[str], keys: list[str]) -> list[str]:
    """A user name or first name alone in an author slot ("Posted by BeauHD"), not the site's name."""
    out: list[str] = []
    for raw in names:
        text = LOOSE_PREFIX.sub("", clean_text(raw), count=1)
        if names_site(text, keys, exact=True):  # "Signal in the Noise", the site: not "Signal"
            continue
        text = _LOOSE_END.split(text, maxsplit=1)[0].strip(" .:")
        pair = _PAIR.split(text)  # "Mira and Tom": two first names
        for part in pair if len(pair) == 2 else [text]:
            if user_name(part) and not names_site(part, keys, exact=True) and part not in out:
                out.append(part)
    return out[:12]


def after_prefix(text: str, tnode: LexborNode) -> str:
    """The byline a text node opens: a lone prefix ("By", "Written by") names nobody itself: the
    next element does (`By <a>Jane Doe</a>`), or the parent's next sibling (a label above the
    name); otherwise the parent's whole text."""
    if not LOOSE_PREFIX.sub("", text).strip(" :"):
        for start in (tnode, tnode.parent):
            sib = start.next if start is not None else None
            while sib is not None and sib.is_text_node and not (sib.text_content or "").strip():
                sib = sib.next
            if sib is not None:
                name = " ".join(sib.text(separator=" ").split())
                if 0 < len(name) <= 80:
                    return f"By {name}"
        return ""
    parent = tnode.parent
    return " ".join(parent.text(separator=" ").split()) if parent is not None else text




# ----------------------------------------------------------------- authors

_AUTHOR_FAMILIES = ("ld_author", "meta_author", "meta_other", "tw_data", "itemprop", "near", "link", "byline_el",
                    "byline_dates", "byline_heading", "ld_person", "item_person", "site_owner", "scan_by",
                    "site_person", "username", "copyright", "image_alt", "bio", "avatar_name")
_FAMILY_OF = {"json-ld author": "ld_author", "meta[author]": "meta_author", "meta[twitter:data]": "tw_data",
              "[itemprop=author]": "itemprop", "byline near headline": "near", "author link": "link",
              "byline element": "byline_el", "byline in dates": "byline_dates", "byline heading": "byline_heading",
              "json-ld Person": "ld_person", "[itemprop=author] Person": "item_person", "site owner": "site_owner",
              "visible byline": "scan_by", "site name": "site_person", "user name element": "username",
              "copyright": "copyright", "image alt": "image_alt", "author bio": "bio", "avatar name": "avatar_name"}
_STRUCTURED = frozenset({"ld_author", "meta_author", "meta_other", "tw_data", "itemprop", "ld_person",
                         "item_person"})
AUTHOR_FEATURES = (
    *(f"src_{f}" for f in _AUTHOR_FAMILIES), "step", "n_names", "n_raw", "typed", "users_only", "one_word",
    "words", "agree", "agree_struct", "in_title", "is_site", "d_anchor", "abs_anchor", "before_anchor", "chrome",
    "comment", "quote", "scan_rank", "n_scan_by", "n_byline_el", "explicit", "log_mentions", "rule", "n_sources",
    "d_date", "in_host", "raw_len", "name_share", "lower", "avatar", "given_name", "surname", *PAGE_FEATURES,
)
# a byline that says what the person did ("Written by", "Author:"), not a bare "By" (as listings print)
_EXPLICIT = re.compile(r"(?<![^\W\d_])(?:(?:written|authored|posted|reported|contributed|words|text|story|article|"
                       r"geschrieben|verfasst|écrit|rédigé|escrito|scritto)\s+(?:by|von|par|por|da)|"
                       r"(?:author|autor|auteur|autore)\s*:)", re.I)
_BYLINE_FAMILIES = frozenset({"scan_by", "byline_el", "near", "byline_dates", "byline_heading"})
_COMMENTISH = re.compile(r"comment|reply|replies|respon", re.I)
_QUOTEISH = re.compile(r"testimonial|quote|review|rating|card|teaser|related", re.I)


def _name_tokens(names: list[str]) -> set[str]:
    return {t for n in names for t in _WORD.findall(n.casefold()) if len(t) > 1}


def _ancestor_hint(node: LexborNode, pattern: re.Pattern, depth: int = 8) -> bool:
    cur: LexborNode | None = node
    for _ in range(depth):
        if cur is None or cur.tag in ("body", "html"):
            return False
        a = cur.attributes
        if pattern.search(f"{a.get('class') or ''} {a.get('id') or ''}"):
            return True
        cur = cur.parent
    return False


_AVATAR = re.compile(r"avatar|author|profile|headshot|byline|round|circle|gravatar", re.I)


def _avatar(img: LexborNode) -> float:
    """1 for a small or avatar-classed image (an author's picture), else 0."""
    a = img.attributes
    size = [int(v) for v in (a.get("width"), a.get("height")) if v and v.isdigit()]
    hint = f"{a.get('class') or ''} {a.get('src') or ''}"[:300]
    parent = img.parent
    if parent is not None:
        hint += f" {parent.attributes.get('class') or ''}"
    return float(bool(_AVATAR.search(hint)) or bool(size) and max(size) <= 160)


def author_candidates(sources: list[tuple[str, list[str], list[str], bool, LexborNode | None, int]],
                      page: Page, url: str | None, site_names: list[str | None], rule_authors: list[str],
                      anchor: int | None, scan: Scan, body_text: str, in_chrome_fn) -> tuple[list[Candidate], np.ndarray]:  # noqa: ANN001
    """One candidate per author source that names someone: `sources` holds (label, resolved names,
    raw names, typed, element, scan rank) in the rule's order; feature rows follow `AUTHOR_FEATURES`."""
    keys = site_keys(site_names, url)
    title_toks = set(tokens(page.title)) | set(tokens((page.metas.get("og:title") or [""])[0]))
    rule_toks = _name_tokens(rule_authors)
    pf = page_flags(page, url, scan)
    n = float(max(scan.n, 1))
    toks = [_name_tokens(names) for _, names, _, _, _, _ in sources]
    fams = [_FAMILY_OF.get(src, "meta_other") for src, *_ in sources]
    n_scan = sum(1 for f in fams if f == "scan_by")
    n_el = sum(1 for f in fams if f == "byline_el")
    date_pos = [p for p, _, _ in scan.dates]
    try:
        host = (urlsplit(url).hostname or "").casefold() if url else ""
    except ValueError:
        host = ""
    out: list[Candidate] = []
    rows: list[list[float]] = []
    counted: dict[str, int] = {}
    for i, (src, names, raw, typed, node, scan_rank) in enumerate(sources):
        fam = fams[i]
        f: dict[str, float] = dict.fromkeys(AUTHOR_FEATURES, 0.0)
        f[f"src_{fam}"] = 1.0
        f["step"] = float(i)
        f["n_names"] = float(len(names))
        f["n_raw"] = float(len(raw))
        f["typed"] = float(typed)
        f["users_only"] = float(all(len(x.split()) == 1 for x in names))
        f["one_word"] = float(any(len(x.split()) == 1 for x in names))
        f["words"] = sum(len(x.split()) for x in names) / len(names)
        mine = toks[i]
        others = [j for j in range(len(sources)) if fams[j] != fam and toks[j] & mine]
        f["agree"] = float(len({fams[j] for j in others}))
        f["agree_struct"] = float(len({fams[j] for j in others if fams[j] in _STRUCTURED}))
        f["in_title"] = float(bool(mine) and mine <= title_toks)
        f["is_site"] = float(any(names_site(x, keys, exact=True) for x in names))
        pos = scan.positions.get(node.mem_id) if node is not None else None
        if pos is not None and anchor is not None:
            d = pos - anchor
            f["d_anchor"], f["abs_anchor"], f["before_anchor"] = d / n, abs(d) / n, float(d < 0)
        else:
            f["d_anchor"] = f["abs_anchor"] = f["before_anchor"] = math.nan
        f["chrome"] = float(in_chrome_fn(node)) if node is not None else math.nan
        f["comment"] = float(_ancestor_hint(node, _COMMENTISH)) if node is not None else math.nan
        f["quote"] = float(_ancestor_hint(node, _QUOTEISH, 5)) if node is not None else math.nan
        f["scan_rank"] = float(scan_rank) if fam in ("scan_by", "byline_el") else math.nan
        f["explicit"] = (float(_EXPLICIT.search(node.text(separator=" ", strip=True)[:80]) is not None)
                         if node is not None and fam in _BYLINE_FAMILIES else math.nan)
        f["n_scan_by"] = float(n_scan)
        f["n_byline_el"] = float(n_el)
        if body_text:
            mentions = counted.get(names[0])
            if mentions is None:  # (candidates often share a name: the body is searched once per name)
                mentions = counted[names[0]] = body_text.count(names[0])
            f["log_mentions"] = math.log1p(mentions)
        else:
            f["log_mentions"] = 0.0
        f["d_date"] = math.log1p(min(abs(pos - q) for q in date_pos)) if pos is not None and date_pos else math.nan
        f["in_host"] = sum(t in host for t in mine) / len(mine) if mine and host else 0.0
        raw_text = " ".join(raw)
        f["raw_len"] = math.log1p(len(raw_text))
        f["name_share"] = min(1.0, len(", ".join(names)) / max(1, len(raw_text)))
        f["lower"] = float(any(x[:1].islower() for x in names))
        f["avatar"] = _avatar(node) if node is not None and node.tag == "img" else math.nan
        f["rule"] = float(bool(rule_toks) and mine == rule_toks)
        f["given_name"], f["surname"] = name_evidence(names)
        f["n_sources"] = float(len(sources))
        f.update(pf)
        out.append(Candidate(", ".join(names), src, tuple(sorted(mine)), node, values=names))
        rows.append([f[k] for k in AUTHOR_FEATURES])
    return out, np.array(rows, dtype=np.float64).reshape(len(rows), len(AUTHOR_FEATURES))
