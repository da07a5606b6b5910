"""Speed rewrites of HTML mode must compute exactly what the simple reference code computes."""

from __future__ import annotations

import random

from dehusk import html_tokens as T
from dehusk import segment_html as S


def _value_mask_reference(value: str) -> int:
    """`value_mask` word by word: each word's digit runs read as "0" in words of 3+ characters."""
    mask = 0
    for word in value.split():
        mask |= T._word_mask(T._DIGITS.sub("0", word) if len(word) > 2 else word)
    return mask


def _words(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    frags = list(T._LIT_PAYLOAD) + ["-", "_", "0", "a", "s", "x", "Ad", "Nav", "ies", "y", "b", "Z", "é", "--"]
    return ["".join(rnd.choice(frags) for _ in range(rnd.randint(1, 5))) for _ in range(n)]


def test_word_mask_equals_reference_on_random_words() -> None:
    for word in _words(20000, 7):
        assert T._word_mask.__wrapped__(word) == T._word_mask_reference(word), word


def test_word_mask_tricky_words() -> None:
    words = [
        "ad", "ads", "ad-slot", "header", "shadow", "bad-ad", "x_ad", "contentinfo", "tag", "tags", "tag-list",
        "stage", "richtext", "rich-text", "copy", "copyright", "reply", "replies", "repl", "itemprop", "navItem",
        "mainContentOfPage", "maincontentofpage2", "toc", "tocbot", "tools", "toolbar", "bio", "biography",
        "sidebarLeft", "postContent", "", "-", "a", "api", "apiRef", "ctaBox", "cta", "hide", "hidden", "tabs",
        "table", "vote", "upvote", "btn", "submitbtn", "docs", "doc0", "docsearch", "cmp-box", "xcmp",
    ]
    for word in words:
        assert T._word_mask.__wrapped__(word) == T._word_mask_reference(word), word
    assert T._word_mask("navItem") & (1 << T.TOKEN_NAMES.index("nav"))
    assert T._word_mask("navItem") & (1 << T.TOKEN_NAMES.index("card"))  # "\bitem" after the camel split
    assert not T._word_mask("shadow") & (1 << T.TOKEN_NAMES.index("ad"))


def test_value_mask_equals_word_by_word_reference() -> None:
    # one digit substitution over the whole class string: the words still match one to one, and
    # words of two characters keep their digits ("h1"), longer ones do not ("mc4wp-form-12")
    words = _words(3000, 11) + ["mc4wp", "mc4wp-form-2267", "h1", "a1", "x9y", "col-md-6", "\u0663ad", "post-123"]
    rnd = random.Random(5)
    values = [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 4))) for _ in range(6000)]
    values += ["mc4wp-form mc4wp-form-2267", "widget widget_mc4wp_form_widget", "h1 a1", "  nav\tmenu-12  ", ""]
    for value in values:
        assert T.value_mask.__wrapped__(value) == _value_mask_reference(value), value


def test_cores_are_contained_in_their_alternatives() -> None:
    assert T._core(r"\bads?\b") == "ad"
    assert T._core(r"[-_]ads?\b") == "ad"
    assert T._core(r"rich-?text") in ("rich", "text")
    assert T._core(r"repl(y|ies)") == "repl"
    assert T._core(r"ab{1,2}c") == "a"
    assert T._core(r"x\dyz") == "yz"


def test_model_group_equals_each_model() -> None:
    import numpy as np

    from dehusk import pagetype
    from dehusk.classify import ModelGroup, load_model

    names = [f"html_pagetype_{t}" for t in pagetype.TYPES]
    models = [load_model(n) for n in names]
    group = ModelGroup(models)
    rng = np.random.default_rng(3)
    width = len(models[0].feature_names)
    for rows in (1, 5):
        X = rng.normal(0, 2, size=(rows, width))
        X[:, ::3] = np.round(X[:, ::3])  # values on split thresholds too
        got = group.predict(X)
        for k, m in enumerate(models):
            assert np.array_equal(got[k], m.predict(X))
    X[0, 0] = np.nan  # the missing-value path
    got = group.predict(X)
    for k, m in enumerate(models):
        assert np.array_equal(got[k], m.predict(X))


_PAGE = """<html><head><title>Council approves plans</title></head><body>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<div class="content"><article><h1>Council approves plans</h1>
<p class="lead">The council approved the plans on Tuesday after a long debate.</p>
<p>Work will begin in the autumn, and the new road should open two years later.</p>
<figure><figcaption>The site, seen from the hill.</figcaption></figure>
<div class="related-posts"><a href="/a">Another story about roads and bridges</a></div>
</article>
<section id="comments"><div class="comment-body"><p>Great news for the town, finally.</p></div></section>
<aside class="sidebar"><div class="widget">Popular: things</div></aside></div>
<footer class="site-footer"><p>Copyright 2024 Example</p><span class="ad-slot">Advertisement</span></footer>
</body></html>"""


def test_cue_fast_path_equals_explained_path() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from dehusk import html_cues

    segs, page = S.segment_html(LexborHTMLParser(_PAGE).root)
    labels = set()
    for seg in segs:
        fast = html_cues.husk_cue(seg, page.frames, False, html_cues.chain_masks(page.frames))[0]
        assert fast == html_cues.husk_cue(seg, page.frames, True)[0], seg.text
        labels.add(fast)
    assert {"navigation", "comment", "related", "caption", "boilerplate"} <= labels
    comments = html_cues.comment_blocks(segs, page.frames)
    assert [s.text for s, c in zip(segs, comments, strict=True) if c] == ["Great news for the town, finally."]


def test_chain_masks_equal_the_ancestor_walk() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from dehusk import html_cues

    deep = "<div class='comment-a'>" * 4 + "<div class='nav'>" * 12 + "<p>x</p>" + "</div>" * 16
    for html in (_PAGE, deep, "<p>bare</p>", f"<html><body>{deep}</body></html>"):
        _, page = S.segment_html(LexborHTMLParser(html).root)
        chains = html_cues.chain_masks(page.frames)
        assert chains == [html_cues._chain_mask(page.frames, i) for i in range(len(page.frames))]


def test_short_words_with_a_digit_match_nothing() -> None:
    # (why `value_mask` may read every digit run as "0", in words of one or two characters too)
    chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_0123456789\u0663"
    for a in chars:
        for b in ["", *chars]:
            word = a + b
            if any(c.isdigit() for c in word):
                assert T._word_mask_reference(word) == 0, word
