"""Text mode: a dump's hard wrapping, seen and undone.

lynx, w3m, links, elinks, pandoc, html2text, `fmt` and mail archives break every paragraph at a
fixed width. The width is recognised from the page itself (most long lines end just short of
it, and each such line breaks only where its next word would not have fitted), in terminal
columns (a Hangul syllable, a CJK ideograph or kana takes two), and the wrapped lines of a
paragraph are joined again (`segment_text` calls both).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress

BULLETS = "•*·▪◦‣∙●○■□☆★◆◇►▸➤✓✔"  # the list marks of renderers (with "-" and "+", and numbers)

# a line that starts a new block rather than continuing a wrapped one: list item, heading, quote, table row
_NEW_BLOCK = re.compile(rf"^\s*(?:[{BULLETS}+-]\s|\d{{1,3}}[.)]\s|#{{1,6}}\s|>|\|)")
WRAP_MIN, WRAP_MAX = 40, 160  # plausible wrap widths (characters)
# the share of the lines in the band under the width whose next word would not have fitted: a
# paragraph that ends in that band without a blank line after it (lynx, w3m) is not a break
WRAP_FITS = 0.7
WRAP_BAND = 0.5  # the share of the longish lines (over half the width) within 15 characters of it
WRAP_DEEP_INDENT = 8  # lines indented this far are nested items: their own length, not their indentation, says if they are long
# the share of the lines a width may leave past it: a long word the wrapper could not break, or the
# lines it does not wrap (pandoc leaves headings whole). 0.06 against 0.03, grouped CV word F1: pandoc
# 0.829 -> 0.830, elinks 0.819 -> 0.821, links 0.824 -> 0.826, w3m 0.833 -> 0.834, lynx and html2text
# +0.001; text/, text-alt/, flattened and scrapinghub as before
WRAP_OVER = 0.06


# characters a terminal (and pandoc) gives two columns: Hangul, CJK ideographs, kana, full-width forms
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                   "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


def columns(text: str) -> int:
    """The columns `text` takes on a terminal: its length, plus one for each wide character (a
    text browser or pandoc wraps Korean, Chinese or Japanese lines at half as many characters)."""
    return len(text) if text.isascii() else len(text) + len(_WIDE.findall(text))


def wrap_width(lines: list[str]) -> int | None:
    """The width at which a renderer hard-wrapped this page, or None when it did not.

    Wrapped: the longest multi-word lines (links with unbreakable URLs aside) pile up just
    short of one width W, and a line in that band is followed by a line whose first word would
    not have fitted on it (what a greedy wrapper does). Unwrapped dumps, whose long lines are
    whole paragraphs of any length, fail both tests."""
    def counted(ln: str) -> bool:  # a line with two words or more (or wide characters: CJK needs no
        r = ln.rstrip()  # spaces), not a link with its URL, nor a list item or a table row (html2text
        # leaves those unwrapped), nor a form's field (text browsers draw a text box as "____")
        return ((" " in r.lstrip() or (not r.isascii() and _WIDE.search(r) is not None))
                and "](" not in r and "://" not in r and " | " not in r and "\t" not in r
                and "___" not in r and not _NEW_BLOCK.match(r))

    # quick exit, same answer: when the longest lines alone put the 99th percentile above WRAP_MAX
    # (a line's columns are at least its length: the lines this long by length are measured)
    nonempty = len(lines) - lines.count("")
    long_counted = sum(1 for ln in compress(lines, map(WRAP_MAX.__lt__, map(len, lines))) if counted(ln))
    if long_counted >= nonempty - int(0.99 * (nonempty - 1)):
        return None
    kept = [ln.rstrip() for ln in lines if counted(ln)]
    if len(kept) < 20:
        return None
    cols = list(map(columns, kept))
    lens = sorted(cols)
    # (each line's columns and its indentation when that is deep: a text browser indents the items
    # of a nested menu far past its paragraphs' margin, which makes short items look long)
    net: list[int] = []  # each line's columns net of deep indentation (sorted below)
    deep: list[tuple[int, int]] = []  # (columns, net columns) of the deeply indented lines, sorted
    for n, r in zip(cols, kept, strict=True):
        if (indent := len(r) - len(r.lstrip())) >= WRAP_DEEP_INDENT:
            deep.append((n, n - indent))
            n -= indent
        net.append(n)
    net.sort()
    deep.sort()
    top = lens[min(len(lens) - 1, int(0.99 * (len(lens) - 1)))]
    # (columns of a line, columns of the next line's first word) for the lines a wrapper could have
    # broken, sorted, once a width is tried
    follow: list[tuple[int, int]] | None = None
    # the width is the longest lines' length, unless a few lines past it broke the rule (a long word
    # the wrapper could not break, a heading it left whole, a line its margins left longer): then the
    # length of a shorter line, which no more than WRAP_OVER of the lines pass, tried from the longest
    widths = []
    for w in sorted({n for n in lens[bisect_left(lens, WRAP_MIN):] if n <= top}, reverse=True):
        if w < top and len(lens) - bisect_right(lens, w) > WRAP_OVER * len(lens):
            break
        widths.append(w)
    for w in widths:
        if w > WRAP_MAX:
            return None
        # the longish lines (over half the width, net of deep indentation) and those of them within
        # 15 columns of it: a line of w - 15 columns or more is longish unless deeply indented
        half = w // 2
        longish = len(net) - bisect_right(net, half)
        band = len(lens) - bisect_left(lens, w - 15)
        if deep:
            band -= sum(1 for _, e in deep[bisect_left(deep, (w - 15, -1)):] if e <= half)
        if longish < 10 or band < WRAP_BAND * longish:
            continue
        if follow is None:
            low = widths[-1] - 15
            follow = sorted((n, _first_columns(b)) for n, b in zip(map(columns, map(str.rstrip, lines)), lines[1:],
                                                                   strict=False)
                            if low <= n <= w and b.strip() and not _NEW_BLOCK.match(b))
        # the lines within 15 columns under w that another line follows: breaks; those whose next
        # line's first word would not have fitted on them: fits
        band_lines = follow[bisect_left(follow, (w - 15, -1)) : bisect_left(follow, (w + 1, -1))]
        breaks = len(band_lines)
        fits = sum(1 for n, first in band_lines if n + 1 + first > w)
        if breaks >= 5 and fits >= WRAP_FITS * breaks:
            return w
    return None


def _first_columns(line: str) -> int:
    """The columns of the first piece a wrapper could have put on the line before: the first word,
    or the first character of CJK written without spaces."""
    word = line.split(None, 1)[0]
    if word.isascii():
        return len(word)
    # (a long run of wide characters is Chinese or Japanese, breakable anywhere; Korean's words are short)
    return 2 if len(word) > 8 and _WIDE.match(word) is not None else columns(word)


def _hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7af" or "\u3130" <= ch <= "\u318f" or "\u1100" <= ch <= "\u11ff"


def _breaks_inside_words(lines: list[str], width: int) -> int | None:
    """Whether the wrapper broke Korean anywhere, inside words (w3m, elinks), rather than at
    spaces (pandoc, lynx): its lines between two Hangul letters then mostly end within three
    columns of one margin, where a wrapper that waits for a space leaves them ragged. If so, the
    most columns a line left free when broken inside a word (more: it was broken at a space)."""
    slack: dict[int, int] = {}
    prev = ""
    for ln in lines:
        stripped = ln.strip()
        if prev and stripped and _hangul(prev[-1]) and _hangul(stripped[0]) and (n := columns(prev)) >= width - 25:
            slack[width - n] = slack.get(width - n, 0) + 1
        prev = ln.rstrip() if stripped else ""
    total = sum(slack.values())
    if total < 5:
        return None
    mass, start = max((sum(slack.get(k + d, 0) for d in range(3)), -k) for k in slack)
    return -start + 1 if mass >= KOREAN_BAND * total else None


KOREAN_BAND = 0.8


def unwrap(lines: list[str], width: int) -> list[str]:
    """Join each line to the one before it when that one was broken for want of room."""
    out: list[list[str]] = []  # pieces of each output line, joined once at the end (linear time)
    prev = ""  # the previous physical line, right-stripped ("" after a blank line)
    glue_korean: int | None = -1  # (read from the page at its first break between Hangul letters)
    for ln in lines:
        stripped = ln.strip()
        if (out and prev and stripped and (n := columns(prev)) >= width - 25 and not _NEW_BLOCK.match(ln)
                and n + 1 + _first_columns(stripped) > width):
            parts = out[-1]
            parts[-1] = parts[-1].rstrip()
            last = parts[-1]
            # Chinese and Japanese are written without spaces; Korean's words have them, but some
            # wrappers break inside them
            cjk = last[-1:] >= "\u3000" and stripped[0] >= "\u3000"
            if cjk and (_hangul(last[-1]) or _hangul(stripped[0])):
                if glue_korean == -1:
                    glue_korean = _breaks_inside_words(lines, width)
                cjk = (glue_korean is not None and width - n <= glue_korean
                       and _hangul(last[-1]) and _hangul(stripped[0]))
            # a wrapper that breaks at hyphens ("twice-" / "daily") cut a word, not between two
            hyphen = last[-1:] == "-" and last[-2:-1].isalpha() and stripped[0].islower()
            parts.append(stripped if cjk or hyphen else " " + stripped)
        else:
            out.append([ln])
        prev = ln.rstrip() if stripped else ""
    return ["".join(parts) for parts in out]
