"""Text mode, metadata: what a headline candidate shares with the rest of its page (two of the
headline picker's features, `metadata_text_title.TITLE_FEATURES`)."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

# A headline names what its article is about: most of its longer words (BODY_WORD_CHARS letters or
# more) recur in the main text, while a menu item's, a section label's or a teaser's mostly do not;
# and pages print it more than once (a breadcrumb's last step, a "share" line, a link to the page
# itself), so other short lines of the page (ECHO_LINE_CHARS at most) contain it. Without blank lines
# around the headline (a Common Crawl WET record's shape) these are the evidence left. Grouped CV of
# the whole pipeline (docs/evaluation.md): headline on wcxb-dev flattened `text/` 0.587 -> 0.613,
# `text/` 0.644 -> 0.648, `text-alt/` 0.656 -> 0.661, and up on each of seven other renderers' dumps.
BODY_WORD_CHARS, WORD_STEM, BODY_P = 4, 5, 0.5
ECHO_MIN_CHARS, ECHO_LINE_CHARS, ECHO_CAP = 8, 150, 5
# a word of BODY_WORD_CHARS letters or more, its first WORD_STEM of them captured
_BODY_WORD = re.compile(rf"(\w{{{BODY_WORD_CHARS}}}\w{{0,{WORD_STEM - BODY_WORD_CHARS}}})\w*")
_TOK = re.compile(r"\w+")
# Chinese and Japanese write no spaces between words: there a word is read as each pair of
# neighbouring characters (a headline's pairs recur in its article as an English headline's words do)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def content_words(text: str) -> list[str]:
    """The words `body_echoes` compares: those of BODY_WORD_CHARS letters or more, cut to their
    first WORD_STEM (a crude stem: "pasajeros" and "pasajero", "computing" and "computer" meet),
    and in Chinese or Japanese every two neighbouring characters."""
    if _CJK.search(text) is None:
        return _BODY_WORD.findall(text)
    out: list[str] = []
    for word in _TOK.findall(text):
        if _CJK.search(word) is not None:
            out.extend(word[j : j + 2] for j in range(len(word) - 1))
        elif len(word) >= BODY_WORD_CHARS:
            out.append(word[:WORD_STEM])
    return out


def body_echoes(texts: list[str], p: np.ndarray, cand: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """For each candidate line: the share of its longer words that another line the model keeps
    (p >= BODY_P) holds too; and how often the page repeats it, case aside: its other copies and
    the other short lines (ECHO_LINE_CHARS) that contain it, at most ECHO_CAP (0 for a line under
    ECHO_MIN_CHARS characters)."""
    lines = "\n".join(texts).lower().split("\n")
    if len(lines) != len(texts):  # (a line with a line break of its own)
        lines = [t.lower() for t in texts]
    kept = np.flatnonzero(p >= BODY_P).tolist()
    body = Counter(content_words("\n".join([lines[i] for i in kept])))
    kept_set = set(kept)
    copies = Counter(lines)
    short = "\n".join([line for line in copies if len(line) <= ECHO_LINE_CHARS])  # each line once
    share, echoes = np.zeros(len(cand)), np.zeros(len(cand))
    seen: dict[str, tuple[list[str], float]] = {}
    for k, i in enumerate(cand):
        line = lines[i]
        if (known := seen.get(line)) is None:
            e = 0.0
            if len(line) >= ECHO_MIN_CHARS:
                e = copies[line] - 1 + (short.count(line) - 1 if len(line) <= ECHO_LINE_CHARS else 0)
            known = seen[line] = (content_words(line), min(e, ECHO_CAP))
        found, echoes[k] = known
        if found:
            own = Counter(found) if i in kept_set else None
            share[k] = sum(1 for w in found if body[w] > (own[w] if own else 0)) / len(found)
    return share, echoes
