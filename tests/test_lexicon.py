"""The learned word lexicon of text mode (features_lexicon)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dehusk.blocks import Segment
from dehusk.classify import load_model
from dehusk.features_lexicon import (
    LEXICON_FEATURES,
    learn_lexicon,
    lexicon_features,
    lexicon_features_plain,
    lexicon_of,
    line_words,
)
from dehusk.lang import stopwords
from dehusk.text_mode import classify_lines


def test_line_words_are_lower_case_letters_each_once() -> None:
    assert line_words("Share SHARE share: 12 comments_here, ok? x 3rd") == {"share", "comments", "here", "ok"}
    assert line_words("Zürich — Łódź «Straße»") == {"zürich", "łódź", "straße"}


def test_learn_lexicon_counts_sites_not_lines() -> None:
    # "subscribe" is husk on three sites, "said" is article text on three sites; "acme" is on one
    # site only, however often, so it stays out of the lexicon (no site's own wording enters it)
    pages = [(f"site{k}", [{"subscribe"}, {"said", "today"}, {"today"}] * 20, [0, 1, 0] * 20) for k in range(3)]
    pages.append(("acme.example", [{"acme"}] * 50 + [{"acme", "said"}], [0] * 50 + [1]))
    lex = learn_lexicon(pages, min_sites=3)
    assert lex["subscribe"] == pytest.approx(math.log(1 / 4), abs=1e-3)
    assert lex["said"] == pytest.approx(math.log(5 / 1), abs=1e-3)
    assert lex["today"] == pytest.approx(0.0, abs=1e-3)  # on both sides on the same three sites
    assert "acme" not in lex
    # the count is site-sides: "today" is on 3 sites as article and 3 as husk (6), "subscribe" on 3
    assert set(learn_lexicon(pages, min_sites=5)) == {"today"}


def test_lexicon_features_values_and_window() -> None:
    lex = {"said": 2.0, "subscribe": -3.0, "newsletter": -1.0}
    texts = ["Subscribe to our newsletter", "He said so, he said.", "", "nothing known here", "SAID"]
    X = lexicon_features(texts, lex)
    assert X.shape == (5, len(LEXICON_FEATURES))
    np.testing.assert_allclose(X[0, :4], [-2.0, -3.0, -1.0, 2.0])
    np.testing.assert_allclose(X[1, :4], [2.0, 2.0, 2.0, 1.0])  # a word counts once per line
    np.testing.assert_allclose(X[2, :4], 0.0)
    np.testing.assert_allclose(X[3, :4], 0.0)
    # window: the mean of lex_mean over the line and 3 neighbours each side (clipped at the edges)
    means = X[:, 0]
    np.testing.assert_allclose(X[0, 4], means[:4].mean())
    np.testing.assert_allclose(X[4, 4], means[1:].mean())
    assert not lexicon_features(texts, {}).any()
    assert lexicon_features([], lex).shape == (0, len(LEXICON_FEATURES))


def test_shipped_text_model_carries_its_lexicon_and_text_mode_reads_it() -> None:
    model = load_model("text_p1_lex")
    assert model.feature_names[-len(LEXICON_FEATURES):] == LEXICON_FEATURES
    lex = model.meta["lexicon"]
    lexicon = lexicon_of(model)
    assert len(lex) > 1000 and lexicon.size == len(lex)
    assert "en" in lexicon.languages
    # the direction of the evidence on words any site uses
    assert lex["subscribe"] < 0 < lex["said"]
    segs = [Segment(text=t) for t in ("Subscribe to our newsletter", "The minister said the talks would go on.")]
    p_en, f = classify_lines(segs, stopwords("en"), "en")
    assert f["lex_mean"][0] < 0 < f["lex_mean"][1]
    # a page in a language the lexicon was not learned for: the plain model, no lexicon features
    assert "xx" not in lexicon.languages
    p_xx, f = classify_lines(segs, stopwords("en"), "xx")
    assert "lex_mean" not in f
    np.testing.assert_allclose(p_xx, load_model("text_p1").predict(np.column_stack([f[k] for k in load_model("text_p1").feature_names])))
    assert not np.allclose(p_en, p_xx)


def test_page_at_once_equals_line_by_line() -> None:
    lex = {"said": 2.0, "subscribe": -3.0, "straße": 0.5, "łódź": -0.25, "comments": -1.5, "ago": -2.0}
    texts = [
        "SUBSCRIBE!!! subscribe—subscribe", "", "   ", "Er sagte: «Straße» — in Łódź.", "12 comments · 3 hours ago",
        "a line\nwith a break inside said", "İstanbul said", "said", "x y z", "comments/ago/said",
    ]
    for k in range(len(texts) + 1):
        np.testing.assert_allclose(lexicon_features(texts[:k], lex), lexicon_features_plain(texts[:k], lex), atol=1e-12)


def test_the_words_of_the_feature_pass_give_the_same_features() -> None:
    from dehusk.features import text_features

    lex = {"said": 2.0, "subscribe": -3.0, "straße": 0.5, "łódź": -0.25, "comments": -1.5, "ago": -2.0}
    texts = ["SUBSCRIBE!!! subscribe—subscribe", "Er sagte: «Straße» — in Łódź.", "12 comments · 3 hours ago",
             "İstanbul said", "x", "comments/ago/said", "日本語のテキスト said"]
    _, f = text_features([Segment(text=t) for t in texts], stopwords("en"))
    words = (f.pop("_tokens"), f.pop("_ntokens"))
    np.testing.assert_array_equal(lexicon_features(texts, lex, words), lexicon_features(texts, lex))
