"""Text mode, stage 1: cut a plain-text page dump into line blocks.

Dumps differ by the tool that made them: a blank line between paragraphs or none, list
bullets (•, *, -, +, ·) or not, indentation or not. Each non-empty line becomes a `Segment`
carrying its bullet, indentation and the blank lines before it, so later stages can use the
layout where there is one without depending on it.

Renderer habits are undone first, as they would cut a paragraph into pieces or hide its
words behind markup:
- hard wrapping at a fixed width (lynx, w3m, links, html2text, pandoc, `fmt`, mail archives):
  the width is recognised from the page itself and the wrapped lines of a paragraph are joined
  again (`text_wrap`);
- Markdown (html2text, markdownify, pandoc and crawlers that store Markdown): links and
  images, emphasis, heading and quote marks and escapes are reduced to their text; lynx-style
  link numbers ("[12]Home") are dropped;
- inline elements on lines of their own (BeautifulSoup's `get_text("\\n")`): a paragraph cut
  at its links and bold words is joined again; blocks glued together (`get_text()`: "... the
  quay.Timetables change") are cut apart at the glued sentence end, and on a page that glues many
  words by case changes too ("Contact usHarbour ferries return"), at those;
- the whole page on one run-on line (`html2txt`-style dumps): it is cut into lines (`run_on`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from .blocks import Segment
from .deadline import NO_DEADLINE, Deadline
from .run_on import (
    LOWER,
    UPPER,
    glued_bylines,
    glued_dates,
    glued_words,
    glues_words,
    run_on,
    split_sentences,
)
from .text_wrap import BULLETS as _BULLETS
from .text_wrap import unwrap, wrap_width

_BULLET = re.compile(rf"^(?:[{_BULLETS}-]|\+(?!\d)|\d{{1,2}}[.)](?=\s+\D))\s+")
_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BULLET_START = frozenset(_BULLETS + "-+0123456789")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]|  ")
_needs_ws = _ODD_SPACE.search
# a horizontal rule as renderers draw <hr> (w3m "━━━━", lynx "____", a plain-text "-----", "* * *"):
# no text, and no block either; a break between blocks, as a blank line is
_RULE_CHARS = "-_=*~━─═—–"
_RULE = re.compile(rf"^(?:([{_RULE_CHARS}])(?: ?\1){{2,}})$")
# a line of bracketed tokens only: how text browsers print an image ("[logo_header]", "[IMG]"), a form
# field ("[-Select- ]") or an insertion mark ("[INS::INS]"); not the page's prose. (Not when they hold
# commas or quotes: a list or an index in code, "[3, 4, 6]", "['id', 'url']".)
_PLACEHOLDER = re.compile(r"^(?:\[[^\[\],'\"]{1,60}\]\s*)+$")
_UNBRACKET = re.compile(r"\[\s*([^\]]*?)\s*\]")
PLACEHOLDERS_MIN = 3  # a page shows the habit with this many placeholder lines
# the form controls lynx draws (on a page that shows its "(BUTTON)" mark): "(BUTTON)" before a button's label, check boxes
# "[ ]" / "[X]" and radio buttons "( )" / "(*)": not text; the labels stay
_FORM_MARK = re.compile(r"\(BUTTON\)|\[[ X]\](?![(\[])|\([ *]\)")  # (not a Markdown link's "[ ](")
FORM_MARKS_MIN = 3  # a page shows the habit with this many
# a wiki's section edit links, glued to the end of its headings by a renderer ("History[edit]",
# "Geschichte[Bearbeiten | Quelltext bearbeiten]", "Histoire[modifier | modifier le code]"): cut
# off when a page shows EDIT_LINKS_MIN of them
_EDIT_LINK = re.compile(
    r"(?<=\S)\s*\[\s*(?:edit|edit source|bearbeiten|quelltext bearbeiten|modifier|modifier le code|editar|editar código(?:-fonte)?|"
    r"modifica|modifica wikitesto|edytuj|edytuj kod|bewerken|brontekst bewerken|redigera|redigér|muokkaa|править|"
    r"править код|編集|编辑|편집)(?:\s*\|\s*[^\[\]|]{1,30}){0,2}\s*\]\s*$", re.I)
EDIT_LINKS_MIN = 2
_EDIT_HINT = re.compile(r"\[\s*(?i:edit|bearbeiten|quelltext|modifier|editar|modifica|edytuj|bewerken|brontekst|redigera|"
                        r"redigér|muokkaa|править|編集|编辑|편집)")  # (one search of the page first: most have none)
MAX_LINE = 200_000  # characters; longer lines are cut (a 10 MB line is not a paragraph)

# a sentence end glued to the next block's first word ("... from the quay.Timetables change ..."): what a
# naive `get_text()` of adjacent elements gives (BeautifulSoup's with the common recipe that strips
# its lines); the blocks are cut apart there
_GLUED = re.compile(rf"(?<=[{LOWER}][.!?])(?=[{UPPER}][{LOWER}])")
# a piece that continues a sentence: the punctuation after a link (", and", ". The", a lone ".")
_CONTINUES = re.compile(r"[,.;:!?](?:\s|$|[\"”’»)])|[”’»]")


# the space a text node kept next to its inline neighbour (one: indentation is two or more)
_ONE_SPACE_END = re.compile(r"\S $")
_ONE_SPACE_START = re.compile(r" \S")


_CONTINUES_AFTER_BREAK = re.compile(r"\n[,.;:!?”’»]")


def inline_split(lines: list[str], text: str) -> bool:
    """Whether the renderer put every inline element (link, bold, span) on a line of its own, as
    `get_text("\\n")` does: many lines then start with the punctuation that followed a link."""
    if len(_CONTINUES_AFTER_BREAK.findall(text)) < 5:  # a superset of the lines counted below
        return False
    pairs = cont = 0
    prev = ""
    for ln in lines:
        if ln.strip() and prev.strip():
            pairs += 1
            cont += _CONTINUES.match(ln) is not None
        prev = ln
    return cont >= 5 and cont >= 0.02 * pairs


def join_inline(lines: list[str]) -> list[str]:
    """Re-join a paragraph cut at its inline elements: a piece that ended in one space, or a piece
    that starts with one space or with the punctuation that continues a sentence."""
    out: list[list[str]] = []  # pieces of each output line, joined once at the end (linear time)
    prev = ""  # the previous physical line ("" after a blank line)
    for ln in lines:
        stripped = ln.strip()
        continues = _CONTINUES.match(ln) is not None
        if out and prev and stripped and (_ONE_SPACE_END.search(prev) or _ONE_SPACE_START.match(ln) or continues):
            parts = out[-1]
            parts[-1] = parts[-1].rstrip()
            parts.append(stripped if continues else " " + stripped)
        else:
            out.append([ln])
        prev = ln if stripped else ""
    return ["".join(parts) for parts in out]


# a link's text may hold brackets ("[[email protected]]", an image's "[object Object]") and its target
# parentheses, spaces and a quoted title: one level of nesting of each
_MD_TEXT = r"(?:[^\[\]\n]|\[[^\[\]\n]*\])*"
_MD_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_MD_IMAGE = re.compile(r"!\[" + _MD_TEXT + r"\]" + _MD_TARGET)
_MD_LINK = re.compile(r"\[(" + _MD_TEXT + r")\]" + _MD_TARGET)
# a link's target whose "[" is on a line above, and a "[" opening a line whose "]" is on a line below
_MD_ORPHAN_TARGET = re.compile(r"\]" + _MD_TARGET)
_MD_ORPHAN_OPEN = re.compile(r"^(\s*)\[\s*")
_MD_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_MD_REF_DEF = re.compile(r"^\s*\[[^\]\n]+\]:\s+\S+")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_MD_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_MD_RULE = re.compile(r"^\s*(?:(?:[*_-]\s*){3,}|\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?|`{3,}.*|~{3,}.*)$")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_MD_CODE = re.compile(r"`([^`\n]+)`")


_LINK_NUMBER = re.compile(r"\[\d{1,5}\](?=\S)")


_GLUED_LINK_NUMBER = re.compile(r"(?<=\S)\[\d{1,5}\](?=\S)")


def strip_link_numbers(line: str) -> str:
    """A lynx-style line without its link numbers ("[1]Home[2]News" -> "Home News")."""
    return _LINK_NUMBER.sub("", _GLUED_LINK_NUMBER.sub(" ", line))


def has_link_numbers(text: str) -> bool:
    """Whether links carry lynx/links-style reference numbers ("[12]Home", "see [3]the report")."""
    return text.count("]") >= 10 and len(_LINK_NUMBER.findall(text, 0, 200_000)) >= 10


_REFERENCE = re.compile(r"^\s*\d{1,5}\.\s+\S+:\S*$")
_URL_ALONE_RE = r"[a-z][\w+.-]*://\S*$"
_URL_ALONE = re.compile(r"^\s*" + _URL_ALONE_RE)
_REFERENCE_LOOSE = re.compile(r"^\s*(?:\d{1,5}\.\s+\S|" + _URL_ALONE_RE + ")")  # numbered, or a URL alone
_REFERENCE_HEADERS = ("References", "Visible links", "Hidden links", "Links")


def _reference_header(line: str) -> bool:
    return line.strip().rstrip(":") in _REFERENCE_HEADERS


def drop_reference_list(lines: list[str]) -> list[str]:
    """Cut the lists of link targets a lynx-style dump ends with ("References", "Visible links",
    "Hidden links:", then "1. URL"...). A list is cut when 80% of its lines are "N. URL"; or,
    as elinks prints them (a link's title numbered, its URL alone on the next line), when half
    are a URL, numbered or alone, and all but one in twenty are numbered or a URL alone. From
    the end up, list after list; a scholarly "References" section (numbered, without URLs alone)
    stays."""
    end = len(lines)
    i = end - 1
    while i >= 0:
        if _reference_header(lines[i]):
            rest = [ln for ln in lines[i + 1:end] if ln.strip()]
            strict = sum(_REFERENCE.match(ln) is not None for ln in rest)
            alone = strict + sum(_URL_ALONE.match(ln) is not None for ln in rest)
            loose = sum(_REFERENCE_LOOSE.match(ln) is not None or _reference_header(ln) for ln in rest)
            if not (strict >= 0.8 * len(rest) or (alone >= 0.5 * len(rest) and loose >= 0.95 * len(rest))):
                break
            end = i
        i -= 1
    return lines[:end]


def _join_link_targets(lines: list[str], max_join: int = 12) -> list[str]:
    """Markdown links made whole again where a wrapper broke them: a line ending inside a link's
    target (an unclosed "](", html2text breaks long URLs at their hyphens) takes the next line
    without a space, one ending inside a link's text (an unclosed "[") with one; a line starting
    with "](" is the target of the link before it. A blank line ends a paragraph, and with it
    any link; at most `max_join` lines are joined into one."""
    out: list[str] = []
    joined = 0  # lines joined into out[-1]
    glue: str | None = None  # how out[-1] continues: "" (in a target), " " (in a link text), None (closed)
    for ln in lines:
        if out and ln.startswith("](") and joined < max_join:
            out[-1] = out[-1].rstrip() + ln
            joined += 1
        elif glue is not None and ln.strip() and joined < max_join:
            nxt = ln.strip()
            out[-1] = out[-1].rstrip() + (" " if nxt[0] == '"' else glue) + nxt  # (a target's "title")
            joined += 1
        else:
            out.append(ln)
            joined = 0
        glue = _open_link(out[-1]) if "[" in out[-1] else None
    return out


_LINK_TOKEN = re.compile(r"\]\(|[\[\]()]")


def _open_link(line: str) -> str | None:
    """How a line that ends inside a Markdown link continues: "" in its target, " " in its text
    (links nest: an image inside a link's text)."""
    depth = parens = 0  # open "[" of link texts; open "(" inside a target
    in_target = False
    for m in _LINK_TOKEN.finditer(line):
        tok = m.group()
        if in_target:
            if tok == "(":
                parens += 1
            elif tok == ")":
                if parens:
                    parens -= 1
                else:
                    in_target = False
        elif tok == "[":
            depth += 1
        elif tok == "]":
            depth = max(depth - 1, 0)
        elif tok == "](":
            depth = max(depth - 1, 0)
            in_target = True
    return "" if in_target else " " if depth else None


_MD_TARGET_START = re.compile(r"\]\((?:https?://|mailto:|/|#)")
_MD_ATX = re.compile(r"(?m)^#{1,6} [^\W\d_]")


def is_markdown(text: str) -> bool:
    """Whether the page is written in Markdown: links or images in its syntax, or '#' headings
    (three, or two and strong marks; a dump made without links keeps those)."""
    links = text.count("](")
    if links >= 3 and (len(_MD_LINK.findall(text, 0, 200_000)) >= 3
                       or len(_MD_TARGET_START.findall(text, 0, 200_000)) >= 3):  # (links a wrapper broke)
        return True
    if "# " not in text or (text[:1] != "#" and "\n#" not in text):  # no line starts with '#'
        return False
    headings = len(_MD_ATX.findall(text, 0, 500_000))
    return headings >= 3 or (headings >= 2 and text.count("**") >= 2)


def strip_markdown(line: str) -> str:
    """The text of one Markdown line (heading and quote marks, links, images, emphasis, escapes)."""
    if _MD_RULE.match(line) or _MD_REF_DEF.match(line):
        return ""
    line = _MD_QUOTE.sub("", _MD_HEADING.sub("", line))
    if "](" in line:
        line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line))
        if "](" in line:  # the end of a link whose text began lines above (it held paragraphs): its target
            line = _MD_ORPHAN_TARGET.sub("", line)
    if line.lstrip().startswith("[") and "]" not in line:  # ... and the start of one that ends lines below
        line = _MD_ORPHAN_OPEN.sub(r"\1", line, count=1)
    if "][" in line:
        line = _MD_REF_LINK.sub(r"\1", line)
    if "*" in line or "_" in line:
        line = _MD_EM.sub(r"\2", _MD_STRONG.sub(r"\2", line))
    if "`" in line:
        line = _MD_CODE.sub(r"\1", line)
    if "\\" in line:
        line = _MD_ESCAPE.sub(r"\1", line)
    return line


_LYNX_BULLET = re.compile(r"^(\s{2,})o (?=\S)")


# characters that print nothing and mean nothing: a byte-order mark (U+FEFF) left inside a page,
# zero-width spaces, word joiners (a line of them alone is no text). (ZWNJ and ZWJ stay: Persian and
# Indic scripts spell with them; soft hyphens stay too, as the page's own text has them.)
_INVISIBLE = ("\ufeff", "\u200b", "\u2060")
# line ends other than LF (CR LF, CR) and Unicode's line and paragraph separators, and the vertical
# tab word processors write for a line break inside a paragraph (a paragraph separator is a blank
# line). NEL (U+0085) is left alone: in a dump it is far more often the ellipsis of a windows-1252
# text read as Latin-1 than a line end.
_LINE_ENDS = (("\r\n", "\n"), ("\r", "\n"), ("\u2028", "\n"), ("\u2029", "\n\n"), ("\x0b", "\n"))


def normalize_line_ends(text: str) -> str:
    """Every line end as "\n" (`_LINE_ENDS`): CR alone (classic Mac OS), CRLF, the Unicode line and
    paragraph separators."""
    for end, lf in _LINE_ENDS:
        if end in text:
            text = text.replace(end, lf)
    return text


def segment_text(text: str, deadline: Deadline = NO_DEADLINE, headline_words: frozenset[str] = frozenset()) -> list[Segment]:
    """The page's lines as segments. `headline_words`: the URL slug's words (casefolded), which a
    page dumped on one line keeps together (`run_on.split_menu_runs`)."""
    text = normalize_line_ends(text)
    for ch in _INVISIBLE:
        if ch in text:
            text = text.replace(ch, "")
    lines = text.split("\n")
    if run_on(lines):
        lines = split_sentences(lines, headline_words)
    elif inline_split(lines, text):
        lines = join_inline(lines)
    markdown = is_markdown(text)
    wrapped = lines
    if markdown:  # a wrapper may break a link anywhere, even inside its URL: made whole first
        lines = _join_link_targets(lines)
    numbered = has_link_numbers(text)
    if numbered:  # lynx marks nested list items with "+" and "o" ("#", "@" deeper; too common in code): each starts a block
        lines = [_LYNX_BULLET.sub(r"\1* ", ln) if ln[:2] == "  " else ln for ln in lines]
    width = wrap_width(lines)
    if width is None and markdown and len(wrapped) != len(lines):
        # a short page may hold too few lines outside its links to tell: the pieces of the links
        # the wrapper broke are wrapped lines too
        width = wrap_width(wrapped)
    if width is not None:
        lines = unwrap(lines, width)
    if numbered:
        lines = [strip_link_numbers(ln) if "[" in ln else ln for ln in drop_reference_list(lines)]
        if width is None:  # the numbers may hide the wrapping (a menu of numbered links): measured without them
            width = wrap_width(lines)
            if width is not None:
                lines = unwrap(lines, width)
    if _EDIT_HINT.search(text) and sum(1 for ln in lines if "]" in ln[-3:] and _EDIT_LINK.search(ln)) >= EDIT_LINKS_MIN:
        lines = [_EDIT_LINK.sub("", ln) if "]" in ln[-3:] else ln for ln in lines]
    if "(BUTTON)" in text and len(_FORM_MARK.findall(text, 0, 1_000_000)) >= FORM_MARKS_MIN:
        lines = [_FORM_MARK.sub(" ", ln) if "(" in ln or "[" in ln else ln for ln in lines]
    # (a Markdown or hard-wrapped dump sets its blocks apart itself: a glued sentence end there is the
    # writer's, not the renderer's; one search of the page first: most dumps have none)
    if not markdown and width is None and _GLUED.search(text):
        # (a page that glues its blocks glues its dates too: "Ann LeeDecember 17, 2025TLDR",
        # and its bylines: "... in 2025By Ann LeeUpdated on")
        lines = [cut for ln in lines for part in _GLUED.split(ln) for piece in glued_dates(part)
                 for cut in glued_bylines(piece)]
        if glues_words(text):  # (and menus and headings to the paragraphs, by case changes: "Contact usHarbour")
            lines = [piece for ln in lines for piece in glued_words(ln)]
    if markdown:  # (Markdown sets every paragraph and heading apart by a blank line: its own syntax)
        return _markdown_segments(lines, deadline)
    return _uniform_spacing(_plain_segments(lines, deadline))


UNIFORM_SPACING_MIN_LINES = 20
UNIFORM_SPACING_SHARE = 0.95


def _uniform_spacing(segments: list[Segment]) -> list[Segment]:
    """A dump that sets nearly every line apart by a blank line (UNIFORM_SPACING_SHARE of them,
    on a page of UNIFORM_SPACING_MIN_LINES+ lines, enough to tell a tool's habit from a short
    page of paragraphs: a tool that joins every block with a blank line, menu items and headlines
    alike) says nothing by its blank lines: one less before each
    line, so the page reads as the dumps that print a line per block (two blank lines still
    set a line apart). About 1% of the datasets' own dumps reach that share."""
    if len(segments) < UNIFORM_SPACING_MIN_LINES:
        return segments
    spaced = sum(1 for seg in segments[1:] if seg.blank_before)
    if spaced < UNIFORM_SPACING_SHARE * (len(segments) - 1):
        return segments
    for seg in segments:
        if seg.blank_before:
            seg.blank_before -= 1
    return segments


def _bullet(stripped: str) -> tuple[str, bool]:
    """The line without its glyph bullet ("1." numbering is kept as text) and whether it had one."""
    m = _BULLET.match(stripped)
    if m and len(stripped) > m.end():
        return (stripped if stripped[0].isdigit() else stripped[m.end():]), True
    return stripped, False


# words set apart by three spaces or a tab: a row of separate items as a renderer lays them out
# (a menu, buttons, table cells: "Lokales   Region   Sport"), never a headline (`Segment.extra["gapped"]`);
# a word on both sides, so a list marker or a Markdown heading's "#   " is no gap
_GAP = re.compile(r"\w(?: {3,}|\t)\s*\w")
# words set apart by two spaces or more, or a tab (what renderers print between inline links: "Themen:
# Verkehr  Kassel  Fahrrad"): the line as printed is kept in `Segment.extra["spaced"]` (short lines only)
_SPACED = re.compile(r"\S(?: {2,}|\t)\s*\S")
SPACED_MAX_CHARS = 300

# what `_ODD_SPACE` matches, as substrings (str.find is many times faster than the regex)
_ODD_STRINGS = ("  ", "\t", "\u00a0", *map(chr, range(0x2000, 0x200C)), "\u202f", "\u205f", "\u3000")


def lines_containing(strs: list[str], needles: tuple[str, ...]) -> set[int]:
    """Indices of the lines that hold one of `needles` (a needle may end with its line's newline; it
    never starts in one line and goes on into the next): one str.find over the joined lines per needle
    and line it is in, several times faster than a regex of alternatives."""
    joined = "\n".join(strs)
    present = [s for s in needles if s in joined]
    if not present:
        return set()
    ends = list(accumulate(len(s) + 1 for s in strs))  # where each line's successor starts
    found = set()
    for s in present:
        pos = joined.find(s)
        while pos != -1:
            k = bisect_right(ends, pos)
            found.add(k)
            pos = joined.find(s, ends[k])
    return found


def _odd_lines(strs: list[str]) -> set[int]:
    """Indices of the lines `_ODD_SPACE` finds something in (no match spans two lines)."""
    return lines_containing(strs, _ODD_STRINGS)


def _plain_segments(lines: list[str], deadline: Deadline) -> list[Segment]:
    """The lines of a page that is not Markdown as segments: the loop of `_markdown_segments`
    with its page-wide tests done once (the same segments). White space is normalised on the
    lines where one search over the joined page finds tabs, odd spaces or double spaces (on
    the others it would change nothing)."""
    if max(map(len, lines), default=0) > MAX_LINE:
        lines = [ln[:MAX_LINE] for ln in lines]
    strs = list(map(str.strip, lines))
    odd = _odd_lines(strs)
    nonblank = [i for i, s in enumerate(strs) if s]
    marked = {i for i in nonblank if strs[i][0] == "[" and _PLACEHOLDER.match(strs[i])}
    if len(marked) < PLACEHOLDERS_MIN:
        marked = set()
    for i in marked:  # the words stay (as other dumps print alt texts), marked
        strs[i] = _UNBRACKET.sub(r"\1", strs[i]).strip() or strs[i]
    segments: list[Segment] = []
    prev = -1  # the line of the last segment: the lines between are blank
    for start in range(0, len(nonblank), 4096):
        if start:
            deadline.check("segmenting")
        for i in nonblank[start:start + 4096]:
            stripped = strs[i]
            if stripped[0] in _RULE_CHARS and _RULE.match(stripped):
                continue
            raw = lines[i]
            # (str.strip returns the line itself when there was nothing to strip)
            indent = 0 if raw is stripped or not raw[0].isspace() else len(raw) - len(raw.lstrip())
            bullet = False
            if stripped[0] in _BULLET_START and (m := _BULLET.match(stripped)) and len(stripped) > m.end():
                bullet = True
                if not stripped[0].isdigit():  # keep "1." numbering as text, drop the glyph bullets
                    stripped = stripped[m.end():]
            gapped = False
            spaced = None
            if i in odd:
                gapped = _GAP.search(stripped) is not None
                if len(stripped) <= SPACED_MAX_CHARS and _SPACED.search(stripped):
                    spaced = stripped  # (items set apart by wider spaces: read again for a tag list)
                stripped = _WS.sub(" ", stripped).strip()
                if not stripped:
                    continue
            segments.append(Segment(stripped, "li" if bullet else "line", 0, bullet, indent, i - prev - 1))
            if gapped:
                segments[-1].extra["gapped"] = True
            if spaced is not None:
                segments[-1].extra["spaced"] = spaced
            if i in marked:
                segments[-1].extra["placeholder"] = True
            prev = i
    return segments


def _markdown_segments(lines: list[str], deadline: Deadline) -> list[Segment]:
    segments: list[Segment] = []
    blank = 0
    for i, raw in enumerate(lines):
        if i & 4095 == 4095:
            deadline.check("segmenting")
        if len(raw) > MAX_LINE:
            raw = raw[:MAX_LINE]
        stripped = raw.strip()
        level = 0
        if stripped:
            if stripped[0] == "#" and (m := _MD_HEADING.match(stripped)):
                level = m.group().count("#")
            stripped = strip_markdown(stripped).strip()
        if not stripped:
            blank += 1
            continue
        indent = len(raw) - len(raw.lstrip()) if raw[0].isspace() else 0
        bullet = False
        if stripped[0] in _BULLET_START:
            stripped, bullet = _bullet(stripped)
        # ASCII lines: two substring tests instead of the regex (the same answer)
        odd = ("  " in stripped or "\t" in stripped) if stripped.isascii() else _needs_ws(stripped)
        line = _WS.sub(" ", stripped).strip() if odd else stripped
        if not line:
            blank += 1
            continue
        # positional: text, kind, level, bullet, indent, blank_before (a Markdown heading: kind "h", its level)
        kind = "h" if level else "li" if bullet else "line"
        segments.append(Segment(line, kind, level, bullet, indent, blank))
        if odd and _GAP.search(raw.strip()):
            segments[-1].extra["gapped"] = True
        blank = 0
    return segments
