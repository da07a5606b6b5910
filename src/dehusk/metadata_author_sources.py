"""HTML-mode metadata: the author picker's sources (`ranker_sources`). The rules stop at their
first source that names someone; the learned picker (`metadata_html.author_rows`) weighs them all:
every rule step's names, each byline element and visible "By ..." line apart, user-name elements
and attributes, an author bio, an avatar's caption, an image's alt text that is a person's name,
a person's name as the site name or in the copyright line."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborNode

from .authors import byline_match, looks_like_person
from .metadata_authors import (
    _BYLINE_TEXT,
    _STRUCTURED_STEPS,
    _TYPED_STEPS,
    AuthorSource,
    _box_names,
    resolved_names,
)
from .metadata_rank_author import COPYRIGHT, LOOSE_PREFIX, NOT_LOOSE, _ancestor_hint, after_prefix, one_word
from .metadata_title import site_keys, split_title

if TYPE_CHECKING:
    from .metadata_html import _State

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


def ranker_sources(state: _State) -> tuple[list[tuple[AuthorSource, list[str]]], dict[int, int]]:
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
