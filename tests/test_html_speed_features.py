"""Speed paths of the feature code must equal their plain references, bit for bit."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from dehusk.features import base_features
from dehusk.features_html import _bits, _title_words, title_similarity

_PIECES = (
    "The council approved the plans on Tuesday", "and work will begin", "By Jane Doe", "Read more »",
    "Share on Facebook", "© 2024 Example Media. All rights reserved.", "Price: $19.99", "10:30", "2024",
    "这是一个中文句子", "Was ist hier los?", "HOME", "Login", "ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ", "photo: AP", "http://x.org",
    "«Quote»", "3 hours ago", "2019年", "www.example.com", "e-mail@me", "Ünïcödé", "🙂 emoji", "", "  ",
)


def _title_similarity_reference(texts: list[str], title: str) -> np.ndarray:
    """Word-set Jaccard similarity of each block (under 300 characters) to the title, block by block."""
    tw = _title_words(title)
    sim = np.zeros(len(texts))
    if tw:
        for i, t in enumerate(texts):
            if len(t) < 300:
                sw = set(re.findall(r"\w+", t.lower()))
                if sw & tw:
                    sim[i] = len(sw & tw) / len(sw | tw)
    return sim


def _bits_reference(masks: list[int] | np.ndarray, n_bits: int) -> np.ndarray:
    arr = np.asarray(masks, dtype=np.int64)
    return ((arr[:, None] >> np.arange(n_bits, dtype=np.int64)) & 1).astype(np.float64)


def _page(seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(rnd.randint(1, 40)):
        parts = [rnd.choice(_PIECES) for _ in range(rnd.randint(1, 6))]
        seps = [rnd.choice((" ", "\n", ", ", ". ", "\n", "  ")) for _ in parts]
        text = "".join(p + s for p, s in zip(parts, seps, strict=True)).strip(" ")
        out.append(text or "x")
    return out


def _assert_same(texts: list[str], stops: frozenset[str]) -> None:
    a = base_features(texts, stops, page_at_once=False)  # block by block: the reference
    b = base_features(texts, stops)
    assert set(b) <= set(a)
    for key, col in b.items():
        ref = np.asarray(a[key])
        assert ref.dtype == np.asarray(col).dtype, key
        assert np.array_equal(ref, col), key


@pytest.mark.parametrize("seed", range(300))
def test_base_features_page_at_once_equals_block_by_block(seed: int) -> None:
    _assert_same(_page(seed), frozenset({"the", "and", "on", "will", "ist", "hier"}))


def test_base_features_page_at_once_special_pages() -> None:
    stops = frozenset({"the", "a"})
    _assert_same(["one line", "two\nlines", "ends with a newline\n", "\nstarts with one"], stops)
    _assert_same(["İstanbul\nis a city", "the end."], stops)  # lower() changes the length: delegated
    _assert_same(["no inner newline", "at all?"], stops)
    _assert_same(["ΣΟΦΟΣ\nΟΔΟΣ", "ΣΑΣ"], stops)  # final sigma at block edges and inner newlines
    _assert_same(["a\n\nb", "Read more\n»", "By\nJane Doe", "short\nhttp://x"], stops)


def test_title_similarity_equals_reference() -> None:
    rnd = random.Random(3)
    words = ["Budget", "vote", "delayed", "again", "the", "council", "ΟΔΟΣ", "Σοφοκλέους", "İstanbul", "ünïcödé",
             "2024", "a_b", "x-y", "(vote)", "Vote!", "votes", "re-vote", "日本", "über", "ǅemal"]
    titles = ["Budget vote delayed again | The Council", "ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ", "", "!!!", "İstanbul ünïcödé 2024",
              "a_b x-y", "ǅemal über alles"]
    for title in titles:
        for _ in range(60):
            texts = [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 12))) + rnd.choice(("", "\n", "."))
                     for _ in range(rnd.randint(1, 15))]
            texts.append("long " * 70)  # (300 characters and more: not compared)
            assert np.array_equal(title_similarity(texts, title), _title_similarity_reference(texts, title))


def test_bits_equals_reference() -> None:
    rng = np.random.default_rng(1)
    for n in (0, 1, 7, 300):
        masks = rng.integers(0, 2**62, n, dtype=np.int64)
        masks[: min(n, 2)] = [2**62 + 2**61, 1][: min(n, 2)]
        for width in (1, 8, 26, 48, 63):
            assert np.array_equal(_bits(masks, width), _bits_reference(masks, width))
            assert np.array_equal(_bits(masks.tolist(), width), _bits_reference(masks.tolist(), width))
