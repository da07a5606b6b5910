"""Block features shared by both modes, computed for speed.

Most work is done once per page, not once per line: the page's blocks are joined into one
string; character classes come from one numpy pass over its code points, the words from one
split of the page (counted back to their blocks from the code points), keyword flags from one
dictionary lookup per word, phrase flags from one substring search per phrase. Window features
(the context of +-k blocks) are moving averages over the per-block columns. The keyword sets,
phrases and the page-at-once word pass live in `features_words`.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import chain
from operator import attrgetter
from typing import Any

import numpy as np

from .blocks import Segment
from .features_words import (
    _B_STOP,
    _PHRASE_GROUPS,
    _PHRASE_HIGH,
    _PUNCT_TO_SPACE,
    _URL_PHRASES,
    CURRENCY,
    PATTERN_NAMES,
    SHORT,
    _lines_with,
    _page_words,
    _punct_to_space_codes,
    _word_flags,
    _year_positions,
    line_bits_flags,
    token_bits,
    token_bits_ids,
)

# ----------------------------------------------------------------- character classes

SPACE, LOWER, UPPER, DIGIT, TERM, PUNCT, CJK, OTHER_LETTER, COMMA, SEP, QUOTE, SYMBOL = range(12)
N_CLASSES = 12


def _build_char_table() -> np.ndarray:
    table = np.full(0x10000, SYMBOL, dtype=np.uint8)
    for cp in range(0x10000):
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if ch.isspace():
            c = SPACE
        elif cat == "Ll":
            c = LOWER
        elif cat in ("Lu", "Lt"):
            c = UPPER
        elif cat == "Nd":
            c = DIGIT
        elif cat == "Lo" or cat == "Lm":
            is_cjk = 0x2E80 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF or 0x3040 <= cp <= 0x30FF
            c = CJK if is_cjk else OTHER_LETTER
        elif cat[0] == "L" or cat[0] == "M":
            c = OTHER_LETTER if cat[0] == "L" else LOWER
        elif ch in ".!?。！？…؟":
            c = TERM
        elif ch in ",;，、；،":
            c = COMMA
        elif ch in "|»›‹«·•/\\>–—":
            c = SEP if ch not in "«»" else QUOTE
        elif ch in "\"'“”‘’„‚()[]{}「」『』":
            c = QUOTE
        elif cat[0] == "P":
            c = PUNCT
        else:
            c = SYMBOL
        table[cp] = c
    return table


_CHAR_TABLE = _build_char_table()

BASE_FEATURES = (
    "log_chars", "log_words", "word_len", "frac_alpha", "frac_digit", "frac_upper", "frac_punct", "frac_cjk",
    "frac_sep", "comma_rate", "cap_words", "stop_ratio", "log_stops", "end_term", "end_colon", "end_alnum",
    "starts_upper", "starts_digit", "starts_quote", "rel_pos", "word_pos", "log_rep", *PATTERN_NAMES,
)
LAYOUT_FEATURES = ("bullet", "log_indent", "blank_before", "blank_after", "indent_delta")
PAGE_FEATURES = ("page_log_blocks", "page_log_words", "page_blank_frac", "page_bullet_frac", "page_stop", "page_term")
WINDOW_SOURCES = ("end_term", "log_words", "stop_ratio", "cap_words", "log_rep", "bullet")
WINDOW_SIZES = (1, 3, 10)
REGION_FEATURES = ("in_dense", "dense_dist", "dense_share", "dense_before")


def window_names(prefix: str = "w") -> tuple[str, ...]:
    return tuple(f"{prefix}{k}_{s}" for k in WINDOW_SIZES for s in WINDOW_SOURCES) + (
        "prev_logw", "next_logw", "prev_term", "next_term",
    )


# text mode only: the teaser/menu neighbourhood ("headline / Read more" rails)
TEXT_EXTRA = ("w1_re_more", "w3_re_more", "w3_re_nav", "w10_re_nav", "prev_more", "next_more", "next2_more")
TEXT_FEATURES = BASE_FEATURES + LAYOUT_FEATURES + PAGE_FEATURES + window_names() + REGION_FEATURES + TEXT_EXTRA


def stack_columns(cols: Sequence[np.ndarray]) -> np.ndarray:
    """`np.column_stack(cols)` for 1-D columns of one length, as float64: the same matrix (C order),
    built in one call (column_stack's per-column work costs more than the copy on small pages)."""
    return np.ascontiguousarray(np.array(cols, dtype=np.float64).T)


def norm_line(text: str) -> str:
    return " ".join(text.casefold().split())


def window_mean(col: np.ndarray, k: int, include_self: bool = False) -> np.ndarray:
    """Mean of col over the k blocks before and after each block (edges: the blocks that exist)."""
    n = len(col)
    c = np.concatenate(([0.0], np.cumsum(col, dtype=np.float64)))
    idx = np.arange(n)
    lo = np.maximum(idx - k, 0)
    hi = np.minimum(idx + k + 1, n)
    total = c[hi] - c[lo]
    count = (hi - lo).astype(np.float64)
    if not include_self:
        total = total - col
        count = count - 1
    if include_self or (k >= 1 and n > 1):  # every block has a neighbour: no count is 0
        return total / count
    return np.divide(total, count, out=np.zeros(n), where=count > 0)


def window_means(cols: np.ndarray, sizes: Sequence[int]) -> list[np.ndarray]:
    """`window_mean` of every column of `cols` (n x m) for each k in `sizes`: one cumulative sum
    for all of them (the same sums, in the same order, as the one-column version), and each
    step done for all the sizes at once (a few numpy calls per page, whatever the sizes)."""
    n = cols.shape[0]
    c = np.zeros((n + 1, cols.shape[1]))
    np.cumsum(cols, axis=0, out=c[1:])
    idx = np.arange(n)
    k = np.asarray(sizes)[:, None]
    lo = np.maximum(idx - k, 0)  # (sizes, n)
    hi = np.minimum(idx + k + 1, n)
    count = ((hi - lo).astype(np.float64) - 1)[:, :, None]
    total = c[hi] - c[lo] - cols  # (sizes, n, m)
    if n > 1 and min(sizes) >= 1:  # every block has a neighbour: no count is 0
        return list(total / count)
    return list(np.divide(total, count, out=np.zeros_like(total), where=count > 0))


def shift(col: np.ndarray, by: int, fill: float = 0.0) -> np.ndarray:
    out = np.full(len(col), fill, dtype=np.float64)
    if by > 0:
        out[by:] = col[:-by]
    elif by < 0:
        out[:by] = col[-by:]
    else:
        out[:] = col
    return out


def densest_region(weight: np.ndarray) -> tuple[int, int]:
    """[start, end) of the contiguous run of blocks with the largest total weight (Kadane)."""
    best, best_lo, best_hi = 0.0, 0, 0
    cur, lo = 0.0, 0
    for i, w in enumerate(weight.tolist()):
        if cur <= 0:
            cur, lo = w, i
        else:
            cur += w
        if cur > best:
            best, best_lo, best_hi = cur, lo, i + 1
    return best_lo, best_hi


_CLOSING = np.array([ord(c) for c in "\"'”’»)]」』）"], dtype=np.uint32)
_CURRENCY_CODES = np.array([ord(c) for c in CURRENCY], dtype=np.uint32)
# the same sets as lookup tables over the BMP (all their code points are in it)
_IS_CLOSING = np.zeros(0x10000, dtype=bool)
_IS_CLOSING[_CLOSING] = True
_IS_CURRENCY = np.zeros(0x10000, dtype=bool)
_IS_CURRENCY[_CURRENCY_CODES] = True
_IS_ALNUM_CLASS = np.zeros(N_CLASSES, dtype=bool)
_IS_ALNUM_CLASS[[LOWER, UPPER, DIGIT, CJK, OTHER_LETTER]] = True


def _single_spaced(codes: np.ndarray, cls: np.ndarray) -> bool:
    """True when every block's white space is single spaces only (then `" ".join(t.split()) == t`)."""
    space = cls == SPACE
    if not len(codes) or space[0] or space[-1]:
        return not len(codes)
    if (space[1:] & space[:-1]).any():
        return False
    ws = codes[space]
    return bool(((ws == 0x20) | (ws == 0x0A)).all())


def base_features(
    texts: Sequence[str], stops: frozenset[str], lexicon: Any = None, *, page_at_once: bool = True,
) -> dict[str, np.ndarray]:
    """Per-block text features (both modes). With a word `lexicon` (features_lexicon), also each
    word's id in it (`f["_lexids"]`), from the same lookups.

    The words are read from the whole page at once when each block is one line, or when
    lower-casing keeps every code point in place (then the blocks, which may hold line breaks,
    HTML's `<br>`, are cut out of the lower-cased page by their lengths); else block by block,
    the same columns bit for bit (`page_at_once=False` forces that path: the tests' reference)."""
    n = len(texts)
    joined = "\n".join(texts)
    lens = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    # (the tables cover the BMP: a code point past it is clipped to U+FFFF, a symbol, and the
    # astral fix-up below sets its class)
    cls = _CHAR_TABLE.take(codes, mode="clip")
    astral = codes > 0xFFFF
    if astral.any():  # past the BMP: CJK extension planes, else symbols (emoji)
        cls = np.where(astral, np.where((codes >= 0x20000) & (codes < 0x40000), CJK, SYMBOL), cls)
    starts = np.zeros(n, dtype=np.int64)
    if n > 1:
        starts[1:] = np.cumsum(lens[:-1] + 1)
    line_of = np.repeat(np.arange(n), lens + 1)[: len(cls)]
    counts = np.bincount(line_of * N_CLASSES + cls, minlength=n * N_CLASSES).reshape(n, N_CLASSES).astype(np.float64)
    # capitalised words: an upper-case letter at the start of the line or after a space
    upper = np.flatnonzero(cls == UPPER)
    upper = upper[(upper == 0) | (cls[np.maximum(upper - 1, 0)] == SPACE)]
    cap_starts = np.bincount(line_of[upper], minlength=n).astype(np.float64)

    one_per_line = n > 0 and joined.count("\n") == n - 1
    low_joined = joined.lower() if page_at_once and n > 0 else ""
    # (lower() kept every code point in place when the length is the same: the blocks are cut out by length)
    at_once = page_at_once and (one_per_line or (n > 0 and len(low_joined) == len(joined)))
    phrase_groups = _PHRASE_GROUPS
    if at_once:  # the words of the whole page at once; the word flags from one lookup per word
        if one_per_line:
            lows = low_joined.split("\n")
        else:  # (a block edge is a string edge for the final sigma: the same as lowering each block)
            lows = [low_joined[a : a + b] for a, b in zip(starts.tolist(), lens.tolist(), strict=True)]
        plain, pcodes, high_chars = _punct_to_space_codes(low_joined)
        # lower() kept every code point in place when the length is the same: the same lines
        tokens, n_words_arr = _page_words(plain, pcodes, n, line_of if len(pcodes) == len(codes) else None)
        n_words: list[int] | np.ndarray = n_words_arr
        short = np.fromiter(map(len, lows), dtype=np.int64, count=n) <= SHORT
        short_lines = np.flatnonzero(short).tolist()
        short_texts = [lows[i] for i in short_lines]
        flags = np.zeros((n, 8))
        # one lookup per word for the stop words and the keyword flags
        if lexicon is None:
            bits = token_bits(tokens, stops)
        else:
            bits, f_lex = token_bits_ids(tokens, stops, lexicon)
        token_line = np.repeat(np.arange(n), n_words_arr)
        if short_lines:  # keyword flags describe short blocks (menus, prompts, credits)
            flags[short_lines] = line_bits_flags(bits[short[token_line]], n_words_arr[short_lines])
        is_stop = ((bits & _B_STOP) > 0).astype(np.float64)
        phrase_groups = (*_PHRASE_GROUPS, (6, _URL_PHRASES))  # the url flag: a substring of the line
    else:
        lows = [t.lower() for t in texts]
        split_lows = [low.translate(_PUNCT_TO_SPACE) for low in lows]
        n_words = []
        flags = np.zeros((n, 8))
        short_lines = []
        short_texts = []
        flag_rows: list[tuple[bool, ...]] = []
        for i, (low, plain_line) in enumerate(zip(lows, split_lows, strict=True)):
            ws = plain_line.split()
            n_words.append(len(ws))
            if len(low) <= SHORT:  # keyword flags describe short blocks (menus, prompts, credits)
                flag_rows.append(_word_flags(ws, low))
                short_lines.append(i)
                short_texts.append(low)
        tokens = [w for t in split_lows for w in t.split()]
        if flag_rows:
            flags[short_lines] = flag_rows
        is_stop = np.fromiter(map(stops.__contains__, tokens), dtype=np.float64, count=len(tokens))
        token_line = np.repeat(np.arange(n), n_words)
    words = np.array(n_words, dtype=np.float64).reshape(n)
    # stop words: one pass over all the page's words, counted back to their blocks
    stop_n = np.bincount(token_line, weights=is_stop, minlength=n).astype(np.float64)
    if short_texts:
        short_joined = "\n".join(short_texts)
        short_lens = np.fromiter(map(len, short_texts), dtype=np.int64, count=len(short_texts))
        short_starts = [0, *np.cumsum(short_lens[:-1] + 1).tolist()]
        # a block has a group's flag when any of its phrases occurs in it (phrases hold no newline):
        # one str.find per phrase and hit line, several times faster than a regex alternation;
        # phrases with a non-ASCII character the page lacks are not looked for
        find = short_joined.find
        if not at_once:
            high_chars = frozenset(ch for ch in set(short_joined) if ch > "\x7f")
        for col, phrases in phrase_groups:
            for phrase in phrases:
                if not _PHRASE_HIGH[phrase] <= high_chars:
                    continue
                pos = find(phrase)
                while pos != -1:
                    k = bisect_right(short_starts, pos) - 1
                    flags[short_lines[k], col] = 1.0
                    pos = find(phrase, short_starts[k + 1]) if k + 1 < len(short_starts) else -1
    cjk = counts[:, CJK]
    # Chinese and Japanese have no spaces: about a word per 1.5 characters; Korean (Hangul, in the
    # same class) is written with spaces, and its words are counted as words already
    han = cjk
    if cjk.any():
        hangul = (codes >= 0xAC00) & (codes <= 0xD7AF)
        if hangul.any():
            han = cjk - np.bincount(line_of[hangul], minlength=n)
    words_eff = words + han / 1.5
    letters = counts[:, LOWER] + counts[:, UPPER] + counts[:, OTHER_LETTER] + cjk
    nonspace = np.maximum(lens - counts[:, SPACE], 1)
    f: dict[str, np.ndarray] = {}
    f["log_chars"] = np.log1p(lens)
    f["log_words"] = np.log1p(words_eff)
    f["word_len"] = np.minimum(nonspace / np.maximum(words, 1), 30)
    f["frac_alpha"] = letters / nonspace
    f["frac_digit"] = counts[:, DIGIT] / nonspace
    f["frac_upper"] = counts[:, UPPER] / np.maximum(counts[:, UPPER] + counts[:, LOWER], 1)
    f["frac_punct"] = (counts[:, PUNCT] + counts[:, TERM] + counts[:, SYMBOL]) / nonspace
    f["frac_cjk"] = cjk / nonspace
    f["frac_sep"] = np.minimum(counts[:, SEP], 20)
    f["comma_rate"] = counts[:, COMMA] / np.maximum(words_eff, 1)
    f["cap_words"] = cap_starts / np.maximum(words, 1)
    f["stop_ratio"] = stop_n / np.maximum(words, 1)
    f["log_stops"] = np.log1p(stop_n)
    # the last character of each block (and the one before it, behind a closing quote or bracket)
    ends = np.maximum(starts + lens - 1, 0) if n else starts
    last_cls = cls[ends] if len(cls) else np.zeros(n, dtype=np.uint8)
    before_cls = cls[np.maximum(ends - 1, 0)] if len(cls) else last_cls
    closing = _IS_CLOSING.take(codes[ends], mode="clip") if len(cls) else np.zeros(n, dtype=bool)
    f["end_term"] = ((last_cls == TERM) | (closing & (before_cls == TERM))).astype(np.float64)
    f["end_colon"] = ((codes[ends] == 0x3A) | (codes[ends] == 0xFF1A)).astype(np.float64) if len(cls) else np.zeros(n)
    f["end_alnum"] = _IS_ALNUM_CLASS[last_cls].astype(np.float64)
    first_cls = cls[starts] if n else np.zeros(0, dtype=np.uint8)
    f["starts_upper"] = (first_cls == UPPER).astype(np.float64)
    f["starts_digit"] = (first_cls == DIGIT).astype(np.float64)
    f["starts_quote"] = (first_cls == QUOTE).astype(np.float64)
    f["rel_pos"] = np.arange(n) / max(n - 1, 1)
    cw = np.cumsum(words_eff) - words_eff
    f["word_pos"] = cw / max(float(words_eff.sum()), 1.0)
    keys = lows if _single_spaced(codes, cls) else [" ".join(low.split()) for low in lows]
    rep = Counter(keys)
    f["log_rep"] = np.log(np.fromiter(map(rep.__getitem__, keys), dtype=np.float64, count=n))
    for j, name in enumerate(("re_byline", "re_credit", "re_more", "re_social", "re_nav", "re_media", "re_url")):
        f[name] = flags[:, j]
    # dates and times from the code points: a year 1995-2039 standing alone, CJK year/month marks, hh:mm
    # (from the positions of the few characters involved: digits, colons, marks, currency signs)
    digit = cls == DIGIT
    dates = _year_positions(codes, digit)
    if "年" in joined or "년" in joined:
        dates = np.concatenate((dates, np.flatnonzero((codes == 0x5E74) | (codes == 0xB144))))
    f["re_date"] = _lines_with(dates, line_of, n)
    colons = np.flatnonzero(codes == 0x3A) if ":" in joined else np.zeros(0, dtype=np.intp)
    colons = colons[(colons >= 2) & (colons <= len(codes) - 3)]  # hh:mm around it (codes[2:-2] in `_year_starts` terms)
    colons = colons[digit[colons - 1] & digit[colons + 1] & digit[colons + 2]]
    f["re_time"] = np.maximum(_lines_with(colons, line_of, n), flags[:, 7])
    prices = np.flatnonzero(_IS_CURRENCY.take(codes, mode="clip")) if any(c in joined for c in CURRENCY) else np.zeros(0, dtype=np.intp)
    f["re_price"] = _lines_with(prices, line_of, n)
    question = ((codes[ends] == 0x3F) | (codes[ends] == 0xFF1F)) if len(cls) else np.zeros(n, dtype=bool)
    trailing = (last_cls == SPACE) | (lens == 0)  # rare: a block ending in white space (or empty)
    if trailing.any():
        for i in np.flatnonzero(trailing).tolist():
            question[i] = texts[i].rstrip()[-1:] in ("?", "？")
    f["re_question"] = question.astype(np.float64)
    f["_words"] = words_eff
    # the page's lower-cased words, split at white space and punctuation, and their count per
    # block: for the text model's word lexicon (features_lexicon), which pops them (not a column)
    f["_tokens"] = tokens  # type: ignore[assignment]  (a list of str)
    f["_ntokens"] = words
    if lexicon is not None and at_once:
        f["_lexids"] = f_lex
    return f


_LAYOUT = attrgetter("bullet", "indent", "blank_before")
_TEXT = attrgetter("text")


def _weighted_mean(a: np.ndarray, w: np.ndarray) -> float:
    """`np.average(a, weights=w)` for float64 vectors: the same operations, without its checks."""
    return float(np.multiply(a, w).sum() / w.sum())


def text_features(
    segments: Sequence[Segment], stops: frozenset[str], lexicon: Any = None,
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Feature matrix (columns = TEXT_FEATURES) for text-mode line blocks (`lexicon`: see base_features)."""
    texts = list(map(_TEXT, segments))
    n = len(texts)
    f = base_features(texts, stops, lexicon)
    layout = np.fromiter(chain.from_iterable(map(_LAYOUT, segments)), dtype=np.float64, count=3 * n).reshape(n, 3)
    f["bullet"] = layout[:, 0].copy()
    indent = layout[:, 1].copy()
    f["log_indent"] = np.log1p(indent)
    f["blank_before"] = np.minimum(layout[:, 2], 3)
    f["blank_after"] = shift(f["blank_before"], -1, fill=1.0)
    f["indent_delta"] = np.sign(indent - shift(indent, 1))
    words = f["_words"]
    total_words = max(float(words.sum()), 1.0)
    page = {
        "page_log_blocks": np.log1p(n),
        "page_log_words": np.log1p(total_words),
        # (np.mean's sums of 0s and 1s, counts, over n: the same quotients)
        "page_blank_frac": np.count_nonzero(f["blank_before"] > 0) / n if n else 0.0,
        "page_bullet_frac": float(f["bullet"].sum()) / n if n else 0.0,
        "page_stop": _weighted_mean(f["stop_ratio"], words + 1e-9) if n else 0.0,
        "page_term": _weighted_mean(f["end_term"], words + 1e-9) if n else 0.0,
    }
    for k, v in page.items():
        f[k] = np.full(n, v)
    add_window_features(f, extra=("re_more", "re_nav"))
    add_region_features(f, words, total_words)
    f["prev_more"] = shift(f["re_more"], 1)
    f["next_more"] = shift(f["re_more"], -1)
    f["next2_more"] = shift(f["re_more"], -2)
    X = stack_columns([f[name] for name in TEXT_FEATURES]) if n else np.zeros((0, len(TEXT_FEATURES)))
    return X, f


def add_window_features(f: dict[str, np.ndarray], prefix: str = "w", extra: tuple[str, ...] = ()) -> None:
    """Window means of WINDOW_SOURCES (and of `extra` columns, named the same way) for WINDOW_SIZES."""
    sources = WINDOW_SOURCES + extra
    cols = stack_columns([f[s] for s in sources])
    for k, means in zip(WINDOW_SIZES, window_means(cols, WINDOW_SIZES), strict=True):
        for j, s in enumerate(sources):
            f[f"{prefix}{k}_{s}"] = means[:, j]
    f["prev_logw"] = shift(f["log_words"], 1)
    f["next_logw"] = shift(f["log_words"], -1)
    f["prev_term"] = shift(f["end_term"], 1)
    f["next_term"] = shift(f["end_term"], -1)


def add_region_features(f: dict[str, np.ndarray], words: np.ndarray, total_words: float) -> None:
    n = len(words)
    # a block "pays" for the region when it reads like prose, costs when it is short
    prose = (words >= 8) & (f["stop_ratio"] > 0.15) | (f["frac_cjk"] > 0.5) & (words >= 15)
    weight = np.where(prose, np.log1p(words), -1.0) + 0.6 * f["end_term"] - 0.3
    lo, hi = densest_region(weight)
    idx = np.arange(n)
    f["in_dense"] = ((idx >= lo) & (idx < hi)).astype(np.float64)
    dist = np.where(idx < lo, idx - lo, np.where(idx >= hi, idx - hi + 1, 0))
    f["dense_dist"] = np.sign(dist) * np.log1p(np.abs(dist))
    f["dense_share"] = np.full(n, float(words[lo:hi].sum()) / total_words if n else 0.0)
    f["dense_before"] = np.full(n, lo / max(n, 1))


CONTEXT_FEATURES = (
    "p1", "p1_w1", "p1_w3", "p1_w10", "p1_max2", "p1_prev", "p1_next", "p1_mass_before", "p1_mass_after",
    "p1_run", "p1_page_mean", "p1_in_best",
)


def context_features(p1: np.ndarray, words: np.ndarray) -> np.ndarray:
    """Second-pass features from first-pass probabilities of the neighbourhood."""
    n = len(p1)
    if n == 0:
        return np.zeros((0, len(CONTEXT_FEATURES)))
    cols: dict[str, np.ndarray] = {"p1": p1}
    # window_means: the same sums as window_mean, for the three sizes at once
    cols["p1_w1"], cols["p1_w3"], cols["p1_w10"] = (w[:, 0] for w in window_means(p1[:, None], (1, 3, 10)))
    pad = np.concatenate(([0, 0], p1, [0, 0]))
    # (the largest of the four neighbours, pairwise: `np.max` over their stack, in fewer calls)
    cols["p1_max2"] = np.maximum(np.maximum(pad[0:n], pad[1 : n + 1]), np.maximum(pad[3 : n + 3], pad[4 : n + 4]))
    cols["p1_prev"] = shift(p1, 1)
    cols["p1_next"] = shift(p1, -1)
    mass = p1 * np.log1p(words)
    total = max(float(mass.sum()), 1e-9)
    before = np.cumsum(mass) - mass
    cols["p1_mass_before"] = before / total
    cols["p1_mass_after"] = (total - before - mass) / total
    # the run of likely-content blocks (gaps of up to 2 blocks bridged) each block sits in
    pos = (p1 > 0.5).tolist()  # walked one block at a time: a list indexes faster
    run = np.zeros(n)
    best_lo = best_hi = 0
    best_mass = 0.0
    i = 0
    while i < n:
        if not pos[i]:
            i += 1
            continue
        j, gap, last = i, 0, i
        while j < n and gap <= 2:
            if pos[j]:
                last, gap = j, 0
            else:
                gap += 1
            j += 1
        seg_mass = float(mass[i : last + 1].sum())
        run[i : last + 1] = seg_mass / total
        if seg_mass > best_mass:
            best_mass, best_lo, best_hi = seg_mass, i, last + 1
        i = last + 1
    cols["p1_run"] = run
    cols["p1_page_mean"] = np.full(n, float(p1.sum()) / n)  # (the mean, as `mean` computes it)
    idx = np.arange(n)
    cols["p1_in_best"] = ((idx >= best_lo) & (idx < best_hi)).astype(np.float64)
    return stack_columns([cols[k] for k in CONTEXT_FEATURES])
