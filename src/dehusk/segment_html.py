"""HTML mode, stage 1: cut a DOM into blocks (`Segment`s) with the DOM facts features need.

One walk over the lexbor tree, iterative (no recursion, so 10,000-deep nesting is fine).
Block-level elements open a *frame*; text and inline elements fill the current *run*; a run is
flushed as one Segment whenever a block element starts or ends. Frames collect text and link
counts (added up to their parents when they close) and class/id/role token masks, which the
feature pass reads without touching the DOM again. Table rows whose cells hold only inline
content become one `table` segment (layout tables stay paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import reduce
from operator import or_
from typing import Any

from .assemble import md_escape
from .blocks import Segment
from .deadline import NO_DEADLINE, Deadline
from .html_frames import (
    F_CHARS,
    F_COUNT,
    F_DEPTH,
    F_IMASK,
    F_INFO,
    F_LDEPTH,
    F_LINK,
    F_MASK,
    F_NA,
    F_NBLOCK,
    F_NIMG,
    F_NSEG,
    F_PARENT,
    F_ROW,
    F_TABLE,
    F_TMASK,
    TAG_BITS,
    TB,
    finish,
)
from .html_tokens import value_mask

_TAG_TO_BIT = {t: TB[t] for t in TAG_BITS if t not in ("hidden", "h")}
_TAG_TO_BIT.update({"ul": TB["li"], "ol": TB["li"], "b": TB["strong"], "i": TB["em"], "summary": TB["details"]})
for _h in ("h1", "h2", "h3", "h4", "h5", "h6"):
    _TAG_TO_BIT[_h] = TB["h"]

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "section",
    "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "legend",
    "noscript", "frameset", "search", "listing", "plaintext", "xmp", "pre",
})
SKIP_TAGS = frozenset({
    "script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video",
    "audio", "select", "option", "datalist", "textarea", "head", "title", "map", "area", "input",
    "img", "picture", "source", "track", "link", "meta", "base", "param", "frame", "noembed",
    "applet", "slot", "portal", "button-icon",
})
CODE_TAGS = frozenset({"code", "kbd", "samp", "tt", "var"})
_SPECIAL_BLOCKS = frozenset({"tr", "table", "ul", "ol", "menu", "dir", "li", "td", "th", "h1", "frameset"})
# what the walk does with a node, by tag: one dict lookup (tags not listed are inline elements,
# or special nodes when their name starts with "-")
_SKIP, _BLOCK, _INLINE = 0, 1, 2
_TAG_KIND: dict[str | None, int] = {
    None: _SKIP, "-text": _SKIP, "-comment": _SKIP, "-doctype": _SKIP, "-document": _SKIP,
    **dict.fromkeys(SKIP_TAGS, _SKIP), **dict.fromkeys(BLOCK_TAGS, _BLOCK),
    **dict.fromkeys(("a", "span", "b", "i", "em", "strong", "br", "small", "label", "button", "time", "sup", "sub",
                     "u", "font", "abbr", "cite", "q", "mark", "s", "del", "ins", "bdi", "wbr", *CODE_TAGS), _INLINE),
}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
_LD_TYPE = re.compile(r'"@type"\s*:\s*(\[[^\]]{0,300}\]|"[^"]{1,80}")')
_WORDS_IN_TYPE = re.compile(r'"([^"]{1,80})"')

MAX_SEGMENT_CHARS = 100_000  # a run longer than this is cut (a 10 MB text node is not a paragraph)
MAX_SEGMENTS = 20_000  # a page with more blocks is cut (the rest is not read)

@dataclass(slots=True)
class Page:
    """What the segmenter learnt about the page besides its segments."""

    frames: list[list[Any]] = field(default_factory=list)
    title: str = ""  # <title>
    ld_types: list[str] = field(default_factory=list)  # schema.org @type values in JSON-LD
    og_type: str = ""
    n_nodes: int = 0
    n_scripts: int = 0
    script_chars: int = 0  # characters of the scripts measured so far (see `script_text_chars`)
    n_forms: int = 0
    n_img: int = 0
    n_pre: int = 0
    n_h1: int = 0
    html_chars: int = 0
    noscript_chars: int = 0
    truncated: bool = False
    frameset: bool = False
    chains: list[int] | None = None  # html_cues.chain_masks(frames), kept once computed
    # scripts (not ld+json) whose text is measured only when asked (a page's scripts can hold megabytes)
    script_nodes: list[Any] = field(default_factory=list, repr=False)

    def script_text_chars(self) -> int:
        """Characters of the page's scripts, ld+json excluded (what `script_chars` counted when
        every script was read during the walk): the ones not measured yet are read now."""
        nodes = getattr(self, "script_nodes", None)  # (a Page pickled before the field existed has none)
        if nodes:
            self.script_chars += sum(len(node.text(deep=True) or "") for node in nodes)
            self.script_nodes = []
        return self.script_chars

    def __getstate__(self) -> tuple[None, dict[str, Any]]:
        """For pickling: lexbor nodes do not pickle, so the scripts left are measured first."""
        self.script_text_chars()
        return None, {f.name: getattr(self, f.name) for f in fields(self) if hasattr(self, f.name)}


def _label_of(tag: str, attrs: dict[str, str | None]) -> str:
    cls = (attrs.get("class") or "").split()
    ident = attrs.get("id")
    out = tag
    if ident:
        out += "#" + ident[:40]
    elif cls:
        out += "." + cls[0][:40]
    return out


def _collapse(text: str) -> str:
    """White space collapsed on each line, empty lines dropped (a text whose line breaks are all
    in its leading or trailing white space is one line: most line breaks are the HTML source's)."""
    if "\n" in text and "\n" in text.strip():
        return "\n".join(filter(None, [" ".join(line.split()) for line in text.split("\n")]))
    return " ".join(text.split())


def segment_html(
    root: Any, deadline: Deadline = NO_DEADLINE, *, markdown: bool = False, include_noscript: bool = True,
    paths: bool = True,
) -> tuple[list[Segment], Page]:
    """Segments of the DOM below `root` (a selectolax LexborNode, usually <html>)."""
    page = Page()
    frames = page.frames
    segments: list[Segment] = []
    tag_to_bit = _TAG_TO_BIT
    tag_kind, code_tags = _TAG_KIND, CODE_TAGS
    hidden_bit, noscript_bit, a_bit = TB["hidden"], TB["noscript"], TB["a"]
    hidden_style = _HIDDEN_STYLE.search

    # the root frame
    frames.append([root.tag or "root", -1, 0, 0, 0, 0, 0, 0, 0, -1, -1, 0, 0, None, 0, 0, "root", 0, 0])
    cur = 0  # current block frame
    # open-element stack: frame index for block elements, -1 for inline, -2 for links, -3 code
    stack: list[int] = []
    push, pop = stack.append, stack.pop
    # the current run
    pieces: list[str] = []
    add_piece = pieces.append
    md: list[str] = []
    # the run's counts: chars, link chars, links, inline token mask, inline tag mask
    r_chars = r_link = r_links = r_itags = 0
    r_keys: list[str] = []  # class/id/role/itemprop strings of the run's inline elements (masks: at flush)
    in_link = 0
    br_at = -1  # the run's r_chars at its last <br> (-1: none since the run began)

    def flush() -> None:
        nonlocal r_chars, r_link, r_links, r_itags, br_at
        br_at = -1
        if r_chars == 0:
            pieces.clear()
            md.clear()
            r_keys.clear()
            r_links = r_itags = 0
            return
        text = _collapse("".join(pieces))
        if len(text) > MAX_SEGMENT_CHARS:
            text = text[:MAX_SEGMENT_CHARS]
        if text and len(segments) < MAX_SEGMENTS:
            fr = frames[cur]
            n = len(text)
            link = min(r_link, n)
            fr[F_CHARS] += n
            fr[F_LINK] += link
            fr[F_NSEG] += 1
            imask = reduce(or_, map(value_mask, r_keys), 0) if r_keys else 0
            # (positional: text, kind, level, bullet, indent, blank_before, path, dom; a little cheaper)
            seg = Segment(text, "p", 0, False, 0, 0, None,
                          {"frame": cur, "link": link, "links": r_links, "imask": imask, "itags": r_itags})
            if markdown:
                seg.extra["md_inline"] = _collapse("".join(md))
            segments.append(seg)
        pieces.clear()
        md.clear()
        r_keys.clear()
        r_chars = r_link = r_links = r_itags = 0

    node = root.child
    count = 0
    while node is not None:
        count += 1
        if not count & 2047:
            deadline.check("segmenting")
            if len(segments) >= MAX_SEGMENTS:
                break
        txt = node.text_content  # a text node's text; None for elements and the other nodes
        if txt is not None:  # (an empty one changes nothing below)
            add_piece(txt)
            if markdown:
                md.append(md_escape(txt))
            if not txt.isspace():
                n = len(txt.strip())
                r_chars += n
                if in_link:
                    r_link += n
        elif (kind := tag_kind.get(tag := node.tag)) == _SKIP or kind is None and tag[0] == "-":
            if tag == "script":
                page.n_scripts += 1
                attrs = node.attributes
                if "ld+json" in (attrs.get("type") or ""):
                    raw = node.text(deep=True)
                    for m in _LD_TYPE.finditer(raw):
                        page.ld_types.extend(_WORDS_IN_TYPE.findall(m.group(1)))
                else:
                    page.script_nodes.append(node)  # (measured when needed: `Page.script_text_chars`)
            elif tag == "img":
                page.n_img += 1
                frames[cur][F_NIMG] += 1
            elif tag == "head":
                _read_head(node, page)
        else:
            attrs = node.attributes
            tbit = tag_to_bit.get(tag, 0)
            if not attrs:
                cls = ident = None
                key = ""
            elif len(attrs) == 1 and (cls := attrs.get("class")) is not None:  # (most often: a class alone)
                ident = None
                key = cls
            else:
                cls = attrs.get("class")
                ident = attrs.get("id")
                key = cls or ""
                if ident:
                    key = key + " " + ident
                role = attrs.get("role")
                if role:
                    key = key + " " + role
                prop = attrs.get("itemprop")
                if prop:
                    key = key + " " + prop
                if (
                    "hidden" in attrs
                    or attrs.get("aria-hidden") == "true"
                    or ((style := attrs.get("style")) and hidden_style(style))
                ):
                    tbit |= hidden_bit
            if kind == _BLOCK:
                if tag == "noscript":
                    tbit |= noscript_bit
                    if not include_noscript:
                        tag = ""  # nothing to open: move on
                if r_chars:
                    flush()
                else:
                    if pieces:
                        pieces.clear()
                        md.clear()
                    r_keys.clear()
                    r_links = r_itags = 0
                if tag == "hr":
                    tag = ""
                if tag:
                    fr = frames[cur]
                    if in_link:
                        tbit |= a_bit
                    idx = len(frames)
                    if ident:
                        label = tag + "#" + ident[:40]
                    elif cls and (words := cls.split(None, 1)):
                        label = tag + "." + words[0][:40]
                    else:
                        label = tag
                    new = [tag, cur, key, 0, fr[F_TMASK] | tbit, 0, 0, 0, fr[F_DEPTH] + 1,
                           fr[F_ROW], fr[F_TABLE], fr[F_LDEPTH], 0, None, 0, 0, label, len(segments), 0]
                    if tag in _SPECIAL_BLOCKS:
                        if tag == "tr":
                            new[F_ROW] = idx
                        elif tag == "table":
                            new[F_TABLE] = idx
                            new[F_ROW] = -1
                        elif tag in ("ul", "ol", "menu", "dir"):
                            new[F_LDEPTH] += 1
                            if tag == "ol":
                                start = attrs.get("start") or "1"
                                new[F_COUNT] = int(start) - 1 if start.strip().lstrip("-").isdigit() else 0
                                new[F_INFO] = "ol"
                        elif tag == "li":
                            fr[F_COUNT] += 1
                            new[F_INFO] = fr[F_COUNT] if fr[F_INFO] == "ol" else 0
                        elif tag in ("td", "th"):
                            span = attrs.get("colspan")
                            new[F_INFO] = int(span) if span and span.strip().isdigit() and 0 < int(span) < 100 else 1
                        elif tag == "h1":
                            page.n_h1 += 1
                        elif tag == "frameset":
                            page.frameset = True
                    fr[F_NBLOCK] += 1
                    frames.append(new)
                    if tag == "pre":
                        _pre_segment(node, idx, frames, segments, markdown)
                        page.n_pre += 1
                        _close(frames, idx)
                    else:
                        child = node.child
                        if child is not None:  # go down into it
                            push(idx)
                            cur = idx
                            node = child
                            continue
                        _close(frames, idx)
            else:
                # inline element
                if tag == "br":
                    if r_chars and br_at == r_chars:
                        # a second <br> with no text since the first: a blank line, the end of a
                        # paragraph (text set out with <br><br>, as a <p> would): a block of its own
                        flush()
                    else:
                        br_at = r_chars
                        add_piece("\n")
                        if markdown:
                            md.append("\n")
                else:
                    child = node.child
                    if child is None:
                        pass
                    elif tag in code_tags:  # read whole (not gone down into)
                        txt = node.text(deep=True, separator="", strip=False) or ""
                        if txt.strip():
                            add_piece(txt)
                            n = len(txt.strip())
                            r_chars += n
                            if in_link:
                                r_link += n
                            if markdown:
                                code = " ".join(txt.split())
                                fence = "``" if "`" in code else "`"
                                md.append(f"{fence}{code}{fence}")
                        r_itags |= tbit
                    else:
                        if key:
                            r_keys.append(key)
                        r_itags |= tbit
                        if tag == "a" and "href" in attrs:
                            in_link += 1
                            r_links += 1
                            frames[cur][F_NA] += 1
                            push(-2)
                        else:
                            push(-1)
                        node = child  # go down into it
                        continue
        # advance to the next node, closing the elements we climb out of
        while True:
            nxt = node.next
            if nxt is not None:
                node = nxt
                break
            if not stack:
                node = None
                break
            top = pop()
            if top >= 0:
                if r_chars:
                    flush()
                else:
                    if pieces:
                        pieces.clear()
                        md.clear()
                    r_keys.clear()
                    r_links = r_itags = 0
                fr = frames[top]
                cur = fr[F_PARENT]
                if cur >= 0:  # _close, inlined
                    p = frames[cur]
                    p[F_CHARS] += fr[F_CHARS]
                    p[F_LINK] += fr[F_LINK]
                    p[F_NSEG] += fr[F_NSEG]
                    p[F_NIMG] += fr[F_NIMG]
                    p[F_NA] += fr[F_NA]
            elif top == -2:
                in_link -= 1
            node = node.parent
            if node is None:
                break
    flush()
    while stack:  # only if the walk stopped early
        top = stack.pop()
        if top >= 0:
            _close(frames, top)
    _frame_masks(frames)
    page.n_nodes = count
    page.truncated = len(segments) >= MAX_SEGMENTS
    finish(segments, frames, markdown, paths)
    return segments, page


def _frame_masks(frames: list[list[Any]]) -> None:
    """Turn the class/id/role/itemprop strings the walk left in F_MASK into token masks, and
    set the inherited F_IMASK, for the frames holding a block in their subtree; 0 for the others
    (nothing reads them: features and labels look at blocks' frames and their ancestors)."""
    for fr in frames[1:]:  # (parents come before their children; the root frame has none)
        if fr[F_NSEG]:
            key = fr[F_MASK]
            own = fr[F_MASK] = value_mask(key) if key else 0
            fr[F_IMASK] = frames[fr[F_PARENT]][F_IMASK] | own
        else:
            fr[F_MASK] = 0


def _close(frames: list[list[Any]], idx: int) -> None:
    fr = frames[idx]
    parent = fr[F_PARENT]
    if parent >= 0:
        p = frames[parent]
        p[F_CHARS] += fr[F_CHARS]
        p[F_LINK] += fr[F_LINK]
        p[F_NSEG] += fr[F_NSEG]
        p[F_NIMG] += fr[F_NIMG]
        p[F_NA] += fr[F_NA]


def _read_head(head: Any, page: Page) -> None:
    for child in head.iter(include_text=False):
        tag = child.tag
        if tag == "title" and not page.title:
            page.title = " ".join((child.text(deep=True) or "").split())[:500]
        elif tag == "meta":
            attrs = child.attributes
            if (attrs.get("property") or "").lower() == "og:type":
                page.og_type = (attrs.get("content") or "").strip().lower()[:50]
        elif tag == "script":
            page.n_scripts += 1
            attrs = child.attributes
            if "ld+json" in (attrs.get("type") or ""):
                for m in _LD_TYPE.finditer(child.text(deep=True) or ""):
                    page.ld_types.extend(_WORDS_IN_TYPE.findall(m.group(1)))
            else:
                page.script_nodes.append(child)


def _pre_segment(node: Any, idx: int, frames: list[list[Any]], segments: list[Segment], markdown: bool) -> None:
    raw = node.text(deep=True, separator="", strip=False) or ""
    lines = [line.rstrip() for line in raw.replace("\r\n", "\n").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    text = "\n".join(lines)[:MAX_SEGMENT_CHARS]
    if not text or len(segments) >= MAX_SEGMENTS:
        return
    fr = frames[idx]
    fr[F_CHARS] += len(text)
    fr[F_NSEG] += 1
    seg = Segment(text=text, kind="pre", dom={"frame": idx, "link": 0, "links": 0, "imask": 0, "itags": 0})
    if markdown:
        fence = "~~~~" if "```" in text else "```"
        seg.extra["markdown"] = f"{fence}\n{text}\n{fence}"
    segments.append(seg)
