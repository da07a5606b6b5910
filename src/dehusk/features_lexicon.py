"""Learned word evidence for text mode: how often a word is seen in article lines against husk lines.

The line classifier's other features read a line's shape (length, punctuation, stop words,
position, neighbours) and a few hand-written patterns (menus, share prompts, credits). This
module adds what the words themselves say: a lexicon of log-odds, one per word, counted by *site*
(a word is evidence only if it is seen on many different sites, so no site's template wording
enters it). "comments", "subscribe", "ago", "newsletter" lean husk; "said", "however", "because"
lean article. The lexicon is learned with the line model (`scripts/train_text.py`) and ships
inside its model file (`text_p1_lex.npz`, meta "lexicon"), so every model carries the lexicon
it was trained with.

Features per line: mean, min and max log-odds of the line's known words (each word once), the
number of known words, and the mean of the first over the line and its 3 neighbours each side.

The lexicon is learned from the pages in the languages with enough sites in the training data
(the model meta's "lexicon_languages": English, with today's data). On a page in another
language most words would be unknown, which would read as husk, so text mode runs the lexicon
model (`text_p1_lex`) on pages in those languages and the plain line model (`text_p1`) on the rest.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain, repeat
from typing import Any

import numpy as np

from .features import window_mean
from .features_words import _PUNCT_TO_SPACE, _punct_to_space

LEXICON_FEATURES = ("lex_mean", "lex_min", "lex_max", "lex_known", "lex_win3")
LEXICON_WINDOW = 3


def _split(text: str) -> list[str]:
    """A line's lower-cased words, split at spaces and punctuation (as features_words splits them)."""
    return text.lower().translate(_PUNCT_TO_SPACE).split()


def line_words(text: str) -> set[str]:
    """The words of a line as the lexicon counts them: lower case, letters only, 2+ of them, each once."""
    return {w for w in _split(text) if len(w) > 1 and w.isalpha()}


class Lexicon:
    """A lexicon ready for lookups: word -> id, and the ids' log-odds as an array."""

    def __init__(self, words: dict[str, float], languages: tuple[str, ...] = ()) -> None:
        self.languages = frozenset(languages)
        self.ids = {w: k for k, w in enumerate(words)}
        self.values = np.fromiter(words.values(), dtype=np.float64, count=len(words))
        self.size = len(words)


@lru_cache(maxsize=8)
def lexicon_of(model: Any) -> Lexicon:
    """The lexicon a text model was trained with (empty if it has none)."""
    return Lexicon(dict(model.meta.get("lexicon") or {}), tuple(model.meta.get("lexicon_languages") or ()))


def lexicon_features(texts: list[str], lexicon: Lexicon | dict[str, float], words: tuple[list[str], Any] | None = None,
                     ids: np.ndarray | None = None) -> np.ndarray:
    """(lines, 5) float64 matrix of LEXICON_FEATURES.

    `words`: the page's words already split as `_split` splits them, and their count per line
    (features.base_features has them: `f["_tokens"]`, `f["_ntokens"]`), to save the split; `ids`:
    their ids in `lexicon` (`f["_lexids"]`, when base_features was given the lexicon), to save the lookups.

    One dict lookup per word; the per-line statistics over each line's distinct known words are
    numpy reductions. (Words not in the lexicon, digits and single letters among them, look up -1.)"""
    if isinstance(lexicon, dict):
        lexicon = Lexicon(lexicon)
    n = len(texts)
    out = np.zeros((n, len(LEXICON_FEATURES)), dtype=np.float64)
    if not n or not lexicon.size:
        return out
    if words is not None:
        tokens, sizes = words[0], np.asarray(words[1], dtype=np.int64)
    else:  # one punctuation pass over the page (in numpy), then a split per line
        lines = _punct_to_space("\n".join(texts).lower()).split("\n")
        split = [ln.split() for ln in lines] if len(lines) == n else [_split(t) for t in texts]
        tokens, sizes = list(chain.from_iterable(split)), np.fromiter(map(len, split), dtype=np.int64, count=n)
    total = len(tokens)
    if ids is None or words is None:
        ids = np.fromiter(map(lexicon.ids.get, tokens, repeat(-1, total)), dtype=np.int64, count=total)
    known = ids >= 0
    if known.any():
        # each (line, word) once: keys line * size + word, sorted (so by line), duplicates dropped
        key = np.repeat(np.arange(n, dtype=np.int64), sizes)[known] * lexicon.size + ids[known]
        key.sort()
        key = key[_run_starts(key)]
        at = key // lexicon.size
        vals = lexicon.values[key - at * lexicon.size]
        count = np.bincount(at, minlength=n).astype(np.float64)
        has = count > 0
        out[:, 3] = count
        out[has, 0] = np.bincount(at, weights=vals, minlength=n)[has] / count[has]
        starts = np.flatnonzero(_run_starts(at))
        rows = at[starts]
        out[rows, 1] = np.minimum.reduceat(vals, starts)
        out[rows, 2] = np.maximum.reduceat(vals, starts)
    _window(out)
    return out


def _run_starts(a: np.ndarray) -> np.ndarray:
    """`np.r_[True, a[1:] != a[:-1]]` for a non-empty array (where each run of equal values
    starts), without `np.r_`'s per-call cost."""
    out = np.empty(len(a), dtype=bool)
    out[0] = True
    np.not_equal(a[1:], a[:-1], out=out[1:])
    return out


def _window(out: np.ndarray) -> None:
    """lex_win3: the mean of lex_mean over each line and LEXICON_WINDOW neighbours each side."""
    out[:, 4] = window_mean(out[:, 0], LEXICON_WINDOW, include_self=True)


def lexicon_features_plain(texts: list[str], lexicon: dict[str, float]) -> np.ndarray:
    """The reference for `lexicon_features`: one line at a time (used by the tests)."""
    n = len(texts)
    out = np.zeros((n, len(LEXICON_FEATURES)), dtype=np.float64)
    if not lexicon:
        return out
    for i, text in enumerate(texts):
        vals = [lexicon[w] for w in line_words(text) if w in lexicon]
        if vals:
            out[i, :4] = (sum(vals) / len(vals), min(vals), max(vals), len(vals))
    _window(out)
    return out


def learn_lexicon(pages: list[tuple[str, list[set[str]], Any]], min_sites: int) -> dict[str, float]:
    """Log-odds of each word being in an article line, counted over sites.

    `pages`: (site, the words of each line, 0/1 label of each line). A word's count on each side
    is the number of sites where it appears in a line of that label; words whose two counts add up
    to less than `min_sites` are left out. log((sites in article lines + 1) / (sites in husk lines + 1)).
    """
    pos: dict[str, set[str]] = {}
    neg: dict[str, set[str]] = {}
    for site, line_sets, labels in pages:
        for words, y in zip(line_sets, labels, strict=True):
            side = pos if y else neg
            for w in words:
                side.setdefault(w, set()).add(site)
    out = {}
    for w in pos.keys() | neg.keys():
        a, b = len(pos.get(w, ())), len(neg.get(w, ()))
        if a + b >= min_sites:
            out[w] = round(float(np.log((a + 1) / (b + 1))), 3)
    return out
