"""`features.base_features` for HTML blocks that hold line breaks, on its page-at-once path.

HTML blocks keep their `<br>` breaks as newlines, so most HTML pages have a block or two with
one; `base_features` then takes its block-by-block path (it splits the page back into blocks
at newlines on its fast path), which costs about twice as much. `base_features_html` returns
the same columns, bit for bit, with the page-at-once path for any block text: the blocks are
cut out of the lower-cased page by their lengths instead of at newlines. Pages whose
lower-casing changes a length (a rare "İ") and pages without inner newlines go to
`base_features` itself. (The same change inside `base_features` would make this module
unnecessary; `tests/test_html_speed_features.py` holds the two equal.)
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

import numpy as np

from .features import (
    _CHAR_TABLE,
    _IS_ALNUM_CLASS,
    _IS_CLOSING,
    _IS_CURRENCY,
    CJK,
    COMMA,
    DIGIT,
    LOWER,
    N_CLASSES,
    OTHER_LETTER,
    PUNCT,
    QUOTE,
    SEP,
    SPACE,
    SYMBOL,
    TERM,
    UPPER,
    _lines_with,
    _single_spaced,
    _year_positions,
    base_features,
)
from .features_words import (
    _B_STOP,
    _PHRASE_GROUPS,
    _PHRASE_HIGH,
    _URL_PHRASES,
    CURRENCY,
    SHORT,
    _page_words,
    _punct_to_space_codes,
    line_bits_flags,
    token_bits,
)


def base_features_html(texts: Sequence[str], stops: frozenset[str]) -> dict[str, np.ndarray]:
    """`base_features(texts, stops)`, on the page-at-once path whatever newlines the blocks hold."""
    n = len(texts)
    joined = "\n".join(texts)
    if n == 0 or joined.count("\n") == n - 1:  # no inner newline: base_features' own fast path
        return base_features(texts, stops)
    low_joined = joined.lower()
    if len(low_joined) != len(joined):
        return base_features(texts, stops)
    lens = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bmp = np.minimum(codes, 0xFFFF)
    cls = _CHAR_TABLE.take(bmp)
    astral = codes > 0xFFFF
    if astral.any():  # past the BMP: CJK extension planes, else symbols (emoji)
        cls = np.where(astral, np.where((codes >= 0x20000) & (codes < 0x40000), CJK, SYMBOL), cls)
    starts = np.zeros(n, dtype=np.int64)
    if n > 1:
        starts[1:] = np.cumsum(lens[:-1] + 1)
    line_of = np.repeat(np.arange(n), lens + 1)[: len(cls)]
    counts = np.bincount(line_of * N_CLASSES + cls, minlength=n * N_CLASSES).reshape(n, N_CLASSES).astype(np.float64)
    upper = np.flatnonzero(cls == UPPER)
    upper = upper[(upper == 0) | (cls[np.maximum(upper - 1, 0)] == SPACE)]
    cap_starts = np.bincount(line_of[upper], minlength=n).astype(np.float64)

    # the blocks' lower-cased texts, cut out of the lower-cased page (lower() kept every code
    # point in place: the lengths are the same; a block edge is a string edge for the final sigma)
    bounds = starts.tolist()
    lows = [low_joined[a : a + b] for a, b in zip(bounds, lens.tolist(), strict=True)]
    plain, pcodes, high_chars = _punct_to_space_codes(low_joined)
    tokens, n_words_arr = _page_words(plain, pcodes, n, line_of)
    short = lens <= SHORT
    short_lines = np.flatnonzero(short).tolist()
    short_texts = [lows[i] for i in short_lines]
    flags = np.zeros((n, 8))
    bits = token_bits(tokens, stops)
    token_line = np.repeat(np.arange(n), n_words_arr)
    if short_lines:
        flags[short_lines] = line_bits_flags(bits[short[token_line]], n_words_arr[short_lines])
    is_stop = ((bits & _B_STOP) > 0).astype(np.float64)
    phrase_groups = (*_PHRASE_GROUPS, (6, _URL_PHRASES))
    words = np.array(n_words_arr, dtype=np.float64).reshape(n)
    stop_n = np.bincount(token_line, weights=is_stop, minlength=n).astype(np.float64)
    if short_texts:
        short_joined = "\n".join(short_texts)
        short_lens = np.fromiter(map(len, short_texts), dtype=np.int64, count=len(short_texts))
        short_starts = [0, *np.cumsum(short_lens[:-1] + 1).tolist()]
        find = short_joined.find
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
    words_eff = words + cjk / 1.5
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
    ends = np.maximum(starts + lens - 1, 0)
    last_cls = cls[ends]
    before_cls = cls[np.maximum(ends - 1, 0)]
    closing = _IS_CLOSING[bmp[ends]]
    f["end_term"] = ((last_cls == TERM) | (closing & (before_cls == TERM))).astype(np.float64)
    f["end_colon"] = ((codes[ends] == 0x3A) | (codes[ends] == 0xFF1A)).astype(np.float64)
    f["end_alnum"] = _IS_ALNUM_CLASS[last_cls].astype(np.float64)
    first_cls = cls[starts]
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
    digit = cls == DIGIT
    dates = _year_positions(codes, digit)
    if "年" in joined or "년" in joined:
        dates = np.concatenate((dates, np.flatnonzero((codes == 0x5E74) | (codes == 0xB144))))
    f["re_date"] = _lines_with(dates, line_of, n)
    colons = np.flatnonzero(codes == 0x3A) if ":" in joined else np.zeros(0, dtype=np.intp)
    colons = colons[(colons >= 2) & (colons <= len(codes) - 3)]
    colons = colons[digit[colons - 1] & digit[colons + 1] & digit[colons + 2]]
    f["re_time"] = np.maximum(_lines_with(colons, line_of, n), flags[:, 7])
    prices = np.flatnonzero(_IS_CURRENCY[bmp]) if any(c in joined for c in CURRENCY) else np.zeros(0, dtype=np.intp)
    f["re_price"] = _lines_with(prices, line_of, n)
    question = (codes[ends] == 0x3F) | (codes[ends] == 0xFF1F)
    trailing = (last_cls == SPACE) | (lens == 0)
    if trailing.any():
        for i in np.flatnonzero(trailing).tolist():
            question[i] = texts[i].rstrip()[-1:] in ("?", "？")
    f["re_question"] = question.astype(np.float64)
    f["_words"] = words_eff
    return f
