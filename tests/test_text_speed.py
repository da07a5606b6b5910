"""The text-mode fast paths give the answers of the plain code they replace (synthetic inputs)."""

from __future__ import annotations

import re

import numpy as np
import pytest

import dehusk
from dehusk import authors
from dehusk.assemble import Meta, assemble
from dehusk.blocks import Segment
from dehusk.classify import TreeModel
from dehusk.features import base_features, stack_columns
from dehusk.features_words import (
    _PUNCT_TO_SPACE,
    _line_word_flags,
    _page_words,
    _punct_to_space_codes,
    _word_flags,
)
from dehusk.segment_text import is_markdown

LINES = [
    "By Jane Doe",
    "Written by Ana Lopez and Bo Li",
    "Share on Facebook · Tweet",
    "Read more »",
    "Copyright © 2024 Reuters. All rights reserved.",
    "Photo: Getty Images",
    "Visit https://example.com or write to desk@example.com",
    "Posted 3 hours ago",
    "Log in | Sign up | Privacy policy",
    "阅读全文",
    "Подробнее",
    "The council met on Tuesday and agreed, after a long debate, to fund the new library for five more years.",
    "x" * 120 + " login",
    "  spaced\u2028out\x0bline  with\u00a0odd   white space  ",
    "Emoji \U0001f600 and CJK ext \U00020001 text",
    "İstanbul İzmir",
    "",
]


def _reference(texts: list[str], stops: frozenset[str]) -> tuple[list[int], list[float], np.ndarray]:
    """Word counts, stop counts and the word flags, one line at a time (the plain code)."""
    words, stop_n, flags = [], [], np.zeros((len(texts), 8))
    for i, t in enumerate(texts):
        low = t.lower()
        ws = low.translate(_PUNCT_TO_SPACE).split()
        words.append(len(ws))
        stop_n.append(float(sum(w in stops for w in ws)))
        if len(low) <= 100:
            flags[i] = _word_flags(ws, low)
    return words, stop_n, flags


def test_page_words_match_per_line_split() -> None:
    joined = "\n".join(LINES).lower()
    plain, codes, high = _punct_to_space_codes(joined)
    tokens, counts = _page_words(plain, codes, len(LINES))
    assert tokens == plain.split()
    assert counts.tolist() == [len(line.split()) for line in plain.split("\n")]
    assert high == frozenset(ch for ch in joined if ch > "\x7f")


def test_word_flags_from_lookups_match_word_flags() -> None:
    short = [t.lower() for t in LINES if len(t.lower()) <= 100]
    plains = [t.translate(_PUNCT_TO_SPACE) for t in short]
    counts = np.array([len(p.split()) for p in plains])
    got = _line_word_flags("\n".join(plains).split(), counts)
    want = np.array([_word_flags(p.split(), low) for p, low in zip(plains, short, strict=True)], dtype=np.float64)
    want[:, 6] = 0.0  # the url flag is the caller's (a substring search)
    assert np.array_equal(got, want)


@pytest.mark.parametrize("texts", [LINES[:-1], [t for t in LINES if t] * 3, ["only one line"], ["a\nb", "c"]])
def test_base_features_words_stops_and_flags(texts: list[str]) -> None:
    stops = frozenset({"the", "and", "on", "to", "for", "a", "of"})
    f = base_features(texts, stops)
    words, stop_n, flags = _reference(texts, stops)
    assert np.array_equal(f["stop_ratio"], np.array(stop_n) / np.maximum(np.array(words, dtype=np.float64), 1))
    for j, name in enumerate(("re_byline", "re_credit", "re_social", "re_nav", "re_media")):
        col = (0, 1, 3, 4, 5)[j]
        assert (f[name] >= flags[:, col]).all(), name  # phrase hits may add to the word flags
    assert f["re_url"].tolist() == [float(len(t) <= 100 and any(u in t.lower() for u in ("http", "www.", "@"))) for t in texts]


def test_phrases_in_other_scripts_are_still_found() -> None:
    f = base_features(["Intro line here", "阅读全文", "Подробнее", "\uffff marker"], frozenset())
    assert f["re_more"].tolist() == [0.0, 1.0, 1.0, 0.0]
    f = base_features(["Intro line here", "nothing to see \uffff"], frozenset())  # a high character, no phrase
    assert f["re_more"].tolist() == [0.0, 0.0]


def test_furniture_phrases_and_words_in_more_languages() -> None:
    lines = ["Devamını oku", "Läs mer", "Tüm hakları saklıdır.", "Ana Sayfa", "Paylaş", "Oleh Rina Wulandari",
             "Írta: Kovács Eszter", "Hírlevél", "A plain line of ordinary prose here.", "ⓒ 2024 Harbour Media",
             "文字サイズ 小 中 大", "Haber: Burak Demir"]
    f = base_features(lines, frozenset())
    assert f["re_more"].tolist() == [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert f["re_credit"].tolist() == [0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0]
    assert f["re_nav"].tolist() == [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0]
    assert f["re_social"].tolist() == [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    assert f["re_byline"].tolist() == [0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1]


def test_korean_words_are_counted_by_their_spaces() -> None:
    """Hangul is written with spaces: a line of six Korean words counts six words (Chinese and
    Japanese, without spaces, about one per 1.5 characters)."""
    f = base_features(["시민들이 새 다리를 건너 출근했다 오늘", "市民们今天走过新桥上班"], frozenset())
    assert np.expm1(f["log_words"][0]) == pytest.approx(6.0)
    assert np.expm1(f["log_words"][1]) == pytest.approx(1 + 11 / 1.5)


def test_stack_columns_is_column_stack() -> None:
    cols = [np.arange(5, dtype=np.float64), np.arange(5) * 2, np.array([True, False, True, False, True])]
    got = stack_columns(cols)
    assert got.flags["C_CONTIGUOUS"] and got.dtype == np.float64
    assert np.array_equal(got, np.column_stack(cols).astype(np.float64))


def _tiny_trees() -> tuple[dict, TreeModel, np.ndarray]:
    """tree 0: x0 <= 0.5 -> 1.0 else (x1 <= 2 -> 2.0 else 3.0); tree 1: a single leaf 0.25; and 4 rows."""
    arrays = {
        "feature": np.array([0, 0, 1, 0, 0, 0]), "threshold": np.array([0.5, np.inf, 2.0, np.inf, np.inf, np.inf]),
        "left": np.array([1, 1, 3, 3, 4, 5]), "right": np.array([2, 1, 4, 3, 4, 5]),
        "default_left": np.ones(6, dtype=bool), "value": np.array([0, 1.0, 0, 2.0, 3.0, 0.25]),
        "roots": np.array([0, 5]), "depth": np.array(2),
    }
    return arrays, TreeModel(arrays, {"feature_names": ["a", "b"]}), np.array([[0.5, 9.0], [0.6, 2.0], [0.6, 2.1], [-1.0, -1.0]])


def test_tree_first_step_from_the_roots() -> None:
    arrays, model, X = _tiny_trees()
    assert model.predict_raw(X).tolist() == [1.25, 2.25, 3.25, 1.25]
    arrays["depth"] = np.array(0)  # leaves only: the first step changes nothing
    leaf_only = dict(arrays, roots=np.array([5]))
    assert TreeModel(leaf_only, {"feature_names": ["a", "b"]}).predict_raw(X).tolist() == [0.25] * 4


@pytest.mark.parametrize("text", ["abc", "Anna²", "Ravi ٣ Kumar", "2024", "Ｆ１", ""])
def test_has_digit_is_any_isdigit(text: str) -> None:
    assert authors._has_digit(text) == any(ch.isdigit() for ch in text)


@pytest.mark.parametrize("text", ["Jane  Doe ", "e\u200b\u0301 Doe", "Jane\u00a0Doe", "O\u2019Brien", " a\tb "])
def test_norm_fast_path(text: str) -> None:
    import unicodedata

    slow = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u200b", "").replace("\u2019", "’")
    assert authors._norm(text) == " ".join(slow.split())


@pytest.mark.parametrize("tok", ["Reporter", "editor-in-chief", "Senior", "Co-Founder.", "-", "Jane", "vice-president,"])
def test_is_role_without_regex(tok: str) -> None:
    for core in (True, False):
        words = authors._ROLE_CORE if core else authors._ROLE_WORDS | authors._ROLE_CORE
        parts = [p for p in re.split(r"[-‐]", tok.casefold().strip(".,")) if p]
        want = bool(parts) and (tok.casefold() in words or all(p in words for p in parts))
        assert authors._is_role(tok, core) == want


def test_person_and_agency_reading_unchanged() -> None:
    assert authors.split_credit("By Jane Doe and Reuters Staff") == (["Jane Doe"], ["Reuters Staff"])
    assert authors.looks_like_person("Anika Das") and not authors.looks_like_person("BBC News")
    assert authors.clean_authors("Dr. A. B. Smith Jr.") == ["A. B. Smith Jr."]
    assert authors._looks_like_person("Jane Doe", True) is False  # a known agency is no person


@pytest.mark.parametrize("line", ["Key takeaways", "Article content", "Contact us", "2. Diets", "For parents"])
def test_lines_with_fewer_than_two_capitals_name_nobody(line: str) -> None:
    assert authors.clean_authors(line) == []


def test_markdown_needs_a_line_starting_with_hash() -> None:
    assert not is_markdown("Use the tag # news or # sport or # music in a sentence.\nMore # here")
    assert is_markdown("# One\ntext\n# Two\ntext\n## Three\n")


@pytest.mark.parametrize(("n", "short"), [(9, True), (10, False)])
def test_too_short_counts_ten_words(n: int, short: bool) -> None:
    segments = [Segment("Tom  ate " * (n // 2), label="body"), Segment("pie. " * (n % 2) + " ", label="body")]
    article = assemble(segments, Meta(), dehusk.Options(), mode="text", url=None)
    assert (article.empty_reason == "too_short") == short


# ------------------------------------------------------------------ second round of fast paths

def test_level_tables_walk_the_trees_like_the_node_arrays() -> None:
    from dehusk.classify import load_model

    rng = np.random.default_rng(1)
    for name in ("text_p1", "text_title", "html_block"):
        model = load_model(name)
        X = rng.normal(size=(40, len(model.feature_names))) * 3
        X[:, ::4] = rng.integers(0, 3, size=X[:, ::4].shape)  # values equal to integer thresholds
        X[1], X[2] = np.inf, -np.inf
        assert np.array_equal(model._leaves(X), model._leaves_walk(X)), name
        assert model._leaves(X).flags["C_CONTIGUOUS"]


def test_level_tables_with_leaf_roots_and_deep_trees() -> None:
    arrays, model, X = _tiny_trees()
    assert np.array_equal(model._leaves(X), model._leaves_walk(X))
    deep = TreeModel(dict(arrays, depth=np.array(40)), {"feature_names": ["a", "b"]})  # no tables: the walk
    assert deep.level_value is None and deep.predict_raw(X).tolist() == model.predict_raw(X).tolist()


def _segments_reference(text: str) -> list[Segment]:
    """segment_text's per-line loop with every test on every line (the plain code)."""
    from dehusk.segment_text import _BULLET, _BULLET_START, _GAP, _SPACED, _WS, SPACED_MAX_CHARS, _needs_ws

    out, blank = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            blank += 1
            continue
        indent = len(raw) - len(raw.lstrip()) if raw[0].isspace() else 0
        bullet = False
        if stripped[0] in _BULLET_START:
            m = _BULLET.match(stripped)
            if m and len(stripped) > m.end():
                bullet = True
                if not stripped[0].isdigit():
                    stripped = stripped[m.end():]
        line = _WS.sub(" ", stripped).strip() if _needs_ws(stripped) else stripped
        if not line:
            blank += 1
            continue
        out.append(Segment(line, "li" if bullet else "line", 0, bullet, indent, blank))
        if _GAP.search(stripped):
            out[-1].extra["gapped"] = True
        if len(stripped) <= SPACED_MAX_CHARS and _SPACED.search(stripped):
            out[-1].extra["spaced"] = stripped
        blank = 0
    return out


@pytest.mark.parametrize("text", [
    "Title\n\n  Indented  line\twith tab\n•\u00a0bullet with nbsp\n-  dash  item\n1.  5 apples\n\u200b\n\nEnd.",
    "\u3000full width space\u3000inside\nplain line\n\n\n* star\n+1 not a bullet\n▪ x\n",
    "a\u2007b\u202fc\u205fd\n   \n\t\n" + "word " * 30,
    "",
    "only\n\n\n",
])
def test_plain_segments_match_the_per_line_loop(text: str) -> None:
    from dehusk.segment_text import segment_text

    assert segment_text(text) == _segments_reference(text)


def test_odd_lines_are_the_lines_the_regex_finds() -> None:
    from dehusk.segment_text import _needs_ws, _odd_lines

    lines = ["a  b", "plain", "tab\there", "nb\u00a0sp", "", "x\u200by", "ideo\u3000graphic", "  ", "end"]
    assert _odd_lines(lines) == {i for i, ln in enumerate(lines) if _needs_ws(ln)}


@pytest.mark.parametrize("texts", [
    ["2019", "1999:", "12:30", "x2020y", "20201", "0:00", ":12", "12:3", "€5 or $6", "１９９９", "2024年5月", "a"],
    ["12:34", "in 1995 and 2040", "٢٠٢٠ 2020"],
    ["no digits here", "¥"],
])
def test_sparse_date_time_price_flags_match_whole_page_masks(texts: list[str]) -> None:
    from dehusk.features import _CHAR_TABLE, DIGIT
    from dehusk.features_words import _per_line, _year_positions, _year_starts

    joined = "\n".join(texts)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    digit = _CHAR_TABLE[np.minimum(codes, 0xFFFF)] == DIGIT
    assert _year_positions(codes, digit).tolist() == np.flatnonzero(_year_starts(codes, digit)).tolist()
    lens = np.array([len(t) for t in texts])
    line_of = np.repeat(np.arange(len(texts)), lens + 1)[: len(codes)]
    f = base_features(texts, frozenset())
    want_date = _per_line(_year_starts(codes, digit) | (codes == 0x5E74) | (codes == 0xB144), line_of, len(texts))
    colon = np.zeros(len(codes), dtype=bool)
    colon[2:-2] = (codes[2:-2] == 0x3A) & digit[1:-3] & digit[3:-1] & digit[4:]
    assert np.array_equal(f["re_date"], want_date)
    assert np.array_equal(f["re_time"], _per_line(colon, line_of, len(texts)))
    assert f["re_price"].tolist() == [float(any(c in t for c in "$€£¥₹")) for t in texts]


@pytest.mark.parametrize("line", [
    "By Jane Doe and Reuters Staff", "Reuters Staff.", "Jane Doe.", "AFP with agencies", "Jane Doe with wires",
    "Senior Reporter Jane Doe", "王晓明 李华", "By BBC News and Ann Lee", "Dr. A. B. Smith Jr.", "The Guardian",
])
def test_credited_persons_are_split_credit_persons(line: str) -> None:
    assert authors.credited_persons(line) == authors.split_credit(line)[0]
    assert authors.clean_authors(line) == authors._dedupe(authors.split_credit(line)[0])


def test_token_bits_carry_stop_words_and_keyword_bits() -> None:
    from dehusk.features_words import _B_STOP, _WORD_BITS, token_bits

    tokens = ["the", "share", "by", "zebra", "login", "the"]
    stops = frozenset({"the", "by"})
    bits = token_bits(tokens, stops).tolist()
    assert bits == [_WORD_BITS.get(t, 0) | (_B_STOP if t in stops else 0) for t in tokens]


@pytest.mark.parametrize("text", ["Plain words here", "Two  spaces", " lead", "tail ", "tab\there", "nb\u00a0sp", "line\u2028sep",
                                  "Straße İstanbul ΣΑΣ", "ﬁle", "", "a\x1cb", "x\u1680y"])
def test_assemble_norm_fast_path(text: str) -> None:
    from dehusk.assemble import _norm

    assert _norm(text) == " ".join(text.casefold().split())


_NOISY = ["Monday, May 5", "mon. 5", "Updated 2 hours ago", "vor 3 Tagen", "il y a 2 jours", "fa 3 ore", "Yesterday",
          "5 min read", "Reading Time: 4", "Follow me on Twitter", "E-mail the author", "View all posts by Ann Lee",
          "lundi", "Jeudi 3", "Zondag", "sabato", "About the Author", "opens in new window", "Verified", "Ann Lee",
          "By Ann Lee | SEO", "hier", "KEYNOTE by Ann", "Sſ Ann"]


@pytest.mark.parametrize("text", _NOISY)
def test_noise_word_gates_let_every_match_through(text: str) -> None:
    from dehusk import authors_noise as nz

    for pattern, words in ((nz._JUNK, nz._JUNK_WORDS), (nz._RELATIVE, nz._RELATIVE_WORDS),
                           (nz._WEEKDAY, nz._WEEKDAY_WORDS)):
        if pattern.search(text):
            assert nz._may_match(text, words), (pattern.pattern[:30], text)
        if text.isascii():
            for m in pattern.finditer(text):
                assert any(w in m.group().lower() for w in words)
    assert authors.clean_authors(text) == authors._dedupe(authors.split_credit(text)[0])


def test_comment_thread_from_colon_lines_only() -> None:
    from dehusk.comments import comment_thread

    def page() -> list[Segment]:
        body = [Segment("Word " * 30 + "end.", label="body") for _ in range(3)]
        thread = []
        for k in range(3):
            thread += [Segment(f"{k + 1}. Ann says:", label="boilerplate"), Segment("Nice post, thanks a lot.", label="body")]
        return body + thread

    a, b = page(), page()
    comment_thread(a)
    comment_thread(b, [i for i, s in enumerate(b) if s.text.endswith(":")])
    assert [s.label for s in a] == [s.label for s in b] and "comment" in {s.label for s in a}
    a, b = page(), page()  # include_comments: the same thread, kept
    comment_thread(a, keep=True)
    comment_thread(b, [i for i, s in enumerate(b) if s.text.endswith(":")], keep=True)
    assert [s.label for s in a] == [s.label for s in b] and "comment" not in {s.label for s in a}


@pytest.mark.parametrize("line", [
    "By Jane Doe", "by jane", "BY JANE DOE", "ByJane Doe", "Byzantine art", "Bye now", "-- By Ann Lee", "--- By Ann Lee",
    "Written by Ann", "Fact-checked by Bo Li", "Medically reviewed by Bo Li", "Author: Ann", "AUTHORS: Ann",
    "Autorin Ann Lee", "_by Ann", "2by Ann", "By1 Ann", "ByX", "Reporting by Ann", "Additional reporting by Bo",
    "publié par Ann", "作者：王小明", "文：李华", "Story by Ann", "The story", "Di Mario Rossi",
])
def test_first_word_gate_never_hides_a_start_match(line: str) -> None:
    if authors._START.match(line):
        assert authors._may_start(line)
    if line.isascii() and not authors._may_start(line):
        assert authors.byline_match(line) is None
