"""Text mode: a page dumped as one run-on line (`html2txt`-style tools, `" ".join(text.split())`),
every line break gone, cut back into lines: at sentence ends, and where a menu's run of
capitalised words meets the sentence after it."""

from __future__ import annotations

import re
from itertools import accumulate

# a sentence end inside a run-on line: terminal punctuation (and a closing quote), space, a capital
_SENTENCE_END = re.compile(r"(?<=[.!?…。！？])[\"”’»)]?\s+(?=[\"“„«(\[]?[^\W\d_a-zß-ÿ])")
RUN_ON_MIN = 1500  # characters


def run_on(lines: list[str]) -> bool:
    """Whether the whole page was dumped as one (or a few) run-on lines, all structure gone
    (`html2txt`-style tools): a line of RUN_ON_MIN+ characters holds most of the text."""
    if not lines or max(map(len, lines)) < RUN_ON_MIN:
        return False
    if len(lines) > 12:
        nonblank = sum(1 for ln in lines if ln.strip())
        if nonblank > 12:
            return False
    total = sum(map(len, lines))
    # prose: a space every 20 characters at least (a base64 blob is not a run-on page)
    longest = max((len(ln) for ln in lines if len(ln) >= RUN_ON_MIN and ln.count(" ") * 20 >= len(ln)), default=0)
    return longest >= RUN_ON_MIN and longest >= 0.7 * total


def split_sentences(lines: list[str]) -> list[str]:
    """Cut run-on lines at sentence ends, so that menus and prose fall on different lines; a
    piece that opens with a menu (a run of capitalised words) is cut where its sentence starts."""
    out: list[str] = []
    for ln in lines:
        if len(ln) > 300:
            for piece in _SENTENCE_END.split(ln):
                out.extend(split_menu_head(piece))
        else:
            out.append(ln)
    return out


MENU_RUN, MENU_MIN_WORDS, SENTENCE_MIN_WORDS = 4, 8, 6


def _lower_start(word: str) -> bool:
    """The word's first letter is a lower-case one (a word without letters is not)."""
    for ch in word:
        if ch.isalpha():
            return ch.islower()
    return False


def split_menu_head(piece: str) -> list[str]:
    """`[menu, sentence]` when `piece` is menu words glued to the sentence after them ("Home News
    Sport Contact The minister said on Monday that ..."), else `[piece]`. The sentence is the
    last place where a capitalised word follows MENU_MIN_WORDS+ words under a third of which
    start lower-case, the last MENU_RUN of them none, and it runs SENTENCE_MIN_WORDS+ words, half
    of them lower-case. Linear in the words (prefix counts)."""
    words = piece.split(" ")
    n = len(words)
    if n < MENU_MIN_WORDS + SENTENCE_MIN_WORDS:
        return [piece]
    lower = [_lower_start(w) for w in words]
    before = list(accumulate(lower, initial=0))  # before[b]: lower-case words in words[:b]
    for b in range(n - SENTENCE_MIN_WORDS, MENU_MIN_WORDS - 1, -1):  # b: the sentence's first word
        if (not lower[b] and lower[b + 1] and before[b] == before[b - MENU_RUN]
                and before[b] * 3 < b and (before[n] - before[b]) * 2 >= n - b):
            return [" ".join(words[:b]), " ".join(words[b:])]
    return [piece]
