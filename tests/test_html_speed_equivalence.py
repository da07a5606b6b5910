"""Speed rewrites of HTML mode must compute exactly what the simple reference code computes."""

from __future__ import annotations

import random

from dehusk import segment_html as S


def _words(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    frags = list(S._LIT_PAYLOAD) + ["-", "_", "0", "a", "s", "x", "Ad", "Nav", "ies", "y", "b", "Z", "é", "--"]
    return ["".join(rnd.choice(frags) for _ in range(rnd.randint(1, 5))) for _ in range(n)]


def test_word_mask_equals_reference_on_random_words() -> None:
    for word in _words(20000, 7):
        assert S._word_mask.__wrapped__(word) == S._word_mask_reference(word), word


def test_word_mask_tricky_words() -> None:
    words = [
        "ad", "ads", "ad-slot", "header", "shadow", "bad-ad", "x_ad", "contentinfo", "tag", "tags", "tag-list",
        "stage", "richtext", "rich-text", "copy", "copyright", "reply", "replies", "repl", "itemprop", "navItem",
        "mainContentOfPage", "maincontentofpage2", "toc", "tocbot", "tools", "toolbar", "bio", "biography",
        "sidebarLeft", "postContent", "", "-", "a", "api", "apiRef", "ctaBox", "cta", "hide", "hidden", "tabs",
        "table", "vote", "upvote", "btn", "submitbtn", "docs", "doc0", "docsearch", "cmp-box", "xcmp",
    ]
    for word in words:
        assert S._word_mask.__wrapped__(word) == S._word_mask_reference(word), word
    assert S._word_mask("navItem") & (1 << S.TOKEN_NAMES.index("nav"))
    assert S._word_mask("navItem") & (1 << S.TOKEN_NAMES.index("card"))  # "\bitem" after the camel split
    assert not S._word_mask("shadow") & (1 << S.TOKEN_NAMES.index("ad"))


def test_cores_are_contained_in_their_alternatives() -> None:
    assert S._core(r"\bads?\b") == "ad"
    assert S._core(r"[-_]ads?\b") == "ad"
    assert S._core(r"rich-?text") in ("rich", "text")
    assert S._core(r"repl(y|ies)") == "repl"
    assert S._core(r"ab{1,2}c") == "a"
    assert S._core(r"x\dyz") == "yz"
