"""One walk over a page's body (`scan_body`) for the short texts the metadata pickers read: those
holding a date hint, those opening with a byline's prefix ("By", "Written by", "Von") or ending in
one ("... written by" before a link), and author bios ("Jane Doe is a reporter ..."), each with its
position in document order, and the positions of the elements the pickers ask about."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from .authors import looks_like_person
from .dates import date_hint_search

# nodes (elements and texts other than white space) walked by `scan_body`: about the reach 8,000 nodes
# had when the layout white space between elements counted too (a third or more of a page's nodes)
MAX_SCAN = 5000
_SCAN_TEXT = 300  # characters: a longer text node is prose (or a script), not a date line or a byline
_BY_WORDS = (r"\W{0,3}(?:(?:written|posted|published|reviewed|words|text|story|article|started|contributed)\s+)?"
             r"(?:by|von|par|por|door|autor|author|authors|contributors?|av|af|escrito por|scritto da|auteur)"
             r"(?![^\W\d_])")
_BY_TEXT = re.compile("^" + _BY_WORDS, re.I)
# a text that ends in "written by" (its next element names the author)
_TAIL_BY = re.compile(r"(?<![^\W\d_])((?:written|authored|reported|contributed|compiled)\s+by|geschrieben von|"
                      r"verfasst von|écrit par|rédigé par|escrito por|scritto da)\s*$", re.I)
_TAIL_END = frozenset("yYnrRaA \xa0")  # the last characters _TAIL_BY can end on: a cheap test first
# ... and the last two letters before the trailing white space (lower-cased) it can end on: "by",
# "von", "par", "por", "da" (most texts that pass the first test end in a space)
_TAIL_WORD_ENDS = frozenset({"by", "on", "ar", "or", "da"})
# an author bio: "Jane Doe is a reporter ...", "Jane Doe writes about ..."
# (the name's words are possessive, `*+`: a space follows each, which no character they give back
# could be, so the matches are those of `*` without its backtracking)
_BIO_NAME = (r"([A-Z][^\W\d_][\w'’.-]*+(?: [A-Z][\w'’.-]*+){1,3}) (?:is|was|has|writes|covers|joined|leads|serves|"
             r"holds|specializes|specialises)\s")
_BIO_TEXT = re.compile(r"\s*" + _BIO_NAME)
# both on a text at once: `_BY_TEXT` on the text without its leading white space (`\s*+` takes
# what `lstrip` strips), else `_BIO_TEXT` (the name: group 1)
_BY_OR_BIO = re.compile(rf"\s*+(?:(?i:{_BY_WORDS})|{_BIO_NAME})")


@dataclass(slots=True)
class Scan:
    """`scan_body`'s record: (position, text, parent element) of the short texts holding a date
    hint (`dates`), (position, text, text node) of those opening with a byline prefix (`bylines`);
    positions of wanted elements."""

    dates: list[tuple[int, str, LexborNode]] = field(default_factory=list)
    bylines: list[tuple[int, str, LexborNode]] = field(default_factory=list)
    # (position, "written by", text node) of the texts that end in a byline prefix (the name follows)
    tail_bylines: list[tuple[int, str, LexborNode]] = field(default_factory=list)
    bios: list[tuple[int, str, LexborNode]] = field(default_factory=list)  # (position, name, text node)
    positions: dict[int, int] = field(default_factory=dict)  # mem_id -> position
    n: int = 1  # nodes walked


def scan_body(root: LexborNode | None, wanted: list[LexborNode]) -> Scan:
    """One walk over the body (at most `MAX_SCAN` nodes): see `Scan`."""
    out = Scan()
    if root is None:
        return out
    want = {n.mem_id for n in wanted}
    positions, bios = out.positions, out.bios
    by_or_bio, bio_text, date_hint = _BY_OR_BIO.match, _BIO_TEXT.match, date_hint_search
    # positions count elements and texts, not the layout white space between elements (most text
    # nodes of a page, and none at all in minified HTML: the same page gets the same positions)
    i = 0
    for node in root.traverse(include_text=True):
        text = node.text_content  # None for elements (and for empty text nodes)
        if text is None:
            i += 1
            if i > MAX_SCAN:
                break
            if want and node.mem_id in want:
                positions[node.mem_id] = i
            continue
        if not text or text.isspace():
            continue
        i += 1
        if i > MAX_SCAN:
            break
        if len(text) > _SCAN_TEXT:
            if len(bios) < 6 and _may_be_bio(text.lstrip()):
                m = bio_text(text)
                if m and looks_like_person(m.group(1)):
                    bios.append((i, m.group(1), node))
                    if (parent := node.parent) is not None:
                        positions.setdefault(parent.mem_id, i)
            continue
        if date_hint(text) is not None:
            parent = node.parent
            if parent is not None and parent.tag not in _NOT_TEXT:
                out.dates.append((i, " ".join(text.split()), parent))
        elif (m := by_or_bio(text)) is None:
            # "This post was written by <a>Jane Doe</a>": a sentence that ends in a byline prefix
            if text[-1] in _TAIL_END and text.rstrip()[-2:].lower() in _TAIL_WORD_ENDS \
                    and (t := _TAIL_BY.search(text[-40:])) is not None:
                parent = node.parent
                if parent is not None and parent.tag not in _NOT_TEXT:
                    out.tail_bylines.append((i, t.group(1), node))
                    positions.setdefault(parent.mem_id, i)
            continue
        elif (name := m.group(1)) is None:  # a byline
            parent = node.parent
            if parent is not None and parent.tag not in _NOT_TEXT:
                out.bylines.append((i, " ".join(text.split()), node))
                positions.setdefault(parent.mem_id, i)  # (the element the author picker reads it from)
        elif len(bios) < 6 and looks_like_person(name):
            bios.append((i, name, node))
            if (parent := node.parent) is not None:
                positions.setdefault(parent.mem_id, i)
    out.n = max(i, 1)  # (a longer body: counted as MAX_SCAN + 1 nodes)
    return out


def _may_be_bio(lead: str) -> bool:
    """False when `_BIO_TEXT` cannot match the text `lead` is (without its leading white space):
    it must open with A-Z, and its first space (the end of the first name) be followed by A-Z."""
    if not "A" <= lead[:1] <= "Z":
        return False
    j = lead.find(" ")
    return j > 0 and "A" <= lead[j + 1 : j + 2] <= "Z"


_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "textarea", "option", "select", "title"})
