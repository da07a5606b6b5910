"""HTML segmentation and features: the block model HTML mode classifies."""

from __future__ import annotations

import numpy as np
from selectolax.lexbor import LexborHTMLParser

from dehusk.classify import load_model
from dehusk.features_html import FEATURE_NAMES, html_features, text_feature_fingerprint
from dehusk.features_html_context import CONTEXT_NAMES, context_features_html
from dehusk.lang import stopwords
from dehusk.segment_html import segment_html


def segments(html: str, **kwargs: object):
    return segment_html(LexborHTMLParser(html).root, **kwargs)  # type: ignore[arg-type]


def test_blocks_kinds_and_inline_runs() -> None:
    segs, page = segments(
        "<html><head><title>T</title></head><body><div>Loose <b>text</b> <a href='/x'>link</a>"
        "<p>Para <em>one</em>.</p>tail</div><h2>Head</h2><ul><li>a<ul><li>b</li></ul></li></ul>"
        "<ol start='3'><li>c</li></ol><blockquote><p>q</p></blockquote><pre>  x = 1\n    y</pre>"
        "<script>var s = 1;</script><style>p{}</style></body></html>"
    )
    got = [(s.kind, s.level, s.text) for s in segs]
    assert got == [
        ("p", 0, "Loose text link"), ("p", 0, "Para one."), ("p", 0, "tail"), ("h", 2, "Head"),
        ("li", 1, "a"), ("li", 2, "b"), ("li", 1, "c"), ("quote", 0, "q"), ("pre", 0, "  x = 1\n    y"),
    ]
    assert segs[0].dom["link"] == 4 and segs[0].dom["links"] == 1
    assert segs[6].dom["ol"] == 3
    assert page.title == "T" and page.n_scripts == 1


def test_a_blank_line_of_br_ends_a_block_one_br_does_not() -> None:
    # paragraphs set out with <br><br> (old templates, forum posts) are blocks as <p>s would be;
    # a single <br> (an address, a verse) stays a line break inside its block
    segs, _ = segments(
        "<div class='post'>First paragraph, <a href='/a'>a link</a> in it.<br><br>\n"
        "Second <b>paragraph</b> here.<br> <br><br>Third one:<br>a second line.<br><br></div>"
        "<p>Next <br><br></p>"
    )
    assert [s.text for s in segs] == [
        "First paragraph, a link in it.", "Second paragraph here.", "Third one:\na second line.", "Next",
    ]
    assert [s.dom["frame"] for s in segs[:3]] == [segs[0].dom["frame"]] * 3
    assert [(s.dom["link"], s.dom["links"]) for s in segs[:3]] == [(6, 1), (0, 0), (0, 0)]


def test_data_table_rows_merge_layout_tables_do_not() -> None:
    segs, _ = segments(
        "<table><tr><th>A</th><th>B</th></tr><tr><td colspan=2>wide</td></tr></table>"
        "<table><tr><td><p>layout one</p><p>layout two</p></td><td>side</td></tr></table>"
    )
    assert [(s.kind, s.text) for s in segs] == [
        ("table", "A | B"), ("table", "wide"), ("p", "layout one"), ("p", "layout two"), ("p", "side"),
    ]
    assert segs[1].dom["cells"] == [(2, False)] and segs[0].dom["cells"] == [(1, True), (1, True)]


def test_hidden_noscript_and_tokens_are_recorded() -> None:
    segs, page = segments(
        "<div class='sidebar-widget'><p>side</p></div><div style='display: none'><p>gone</p></div>"
        "<noscript><p>fallback</p></noscript><div id='commentList'><p>c</p></div>"
    )
    X, f = html_features(segs, page, stopwords("en"))
    assert X.shape == (4, len(FEATURE_NAMES)) and not np.isnan(X).any()

    def col(name: str) -> list[float]:
        return X[:, FEATURE_NAMES.index(name)].tolist()

    assert col("near_sidebar")[0] == 1 or col("own_sidebar")[0] == 1
    assert col("anc_hidden") == [0, 1, 0, 0]
    assert col("anc_noscript") == [0, 0, 1, 0]
    assert col("near_comment")[3] == 1 or col("own_comment")[3] == 1
    assert col("link_density") == [0, 0, 0, 0] and col("kind_p") == [1, 1, 1, 1]
    ctx = context_features_html(f, np.array([0.9, 0.1, 0.2, 0.8]))
    assert ctx.shape == (4, len(CONTEXT_NAMES)) and not np.isnan(ctx).any()


def test_deep_nesting_and_segment_cap() -> None:
    segs, page = segments("<div>" * 20_000 + "<p>deep</p>" + "</div>" * 20_000)
    assert [s.text for s in segs] == ["deep"]
    X, _ = html_features(segs, page, stopwords("en"))
    assert X.shape[0] == 1


def test_models_were_trained_on_the_current_features() -> None:
    """Fails when features.base_features or the HTML columns changed without retraining
    (scripts/train_html.py)."""
    from dehusk.html_mode import member_models, members
    from dehusk.pagetype import CONF_FEATURES, TYPE_FEATURES, TYPE_PROB_NAMES, TYPES

    shipped = members()
    assert len(shipped) >= 1
    seeds = set()
    for m in range(len(shipped)):
        block, context, types = member_models(m)
        for name in (block, context):
            model = load_model(name)
            assert model.meta.get("text_features") == text_feature_fingerprint(), name
            assert model.feature_names[: len(FEATURE_NAMES)] == FEATURE_NAMES
            seeds.add(model.meta.get("seed"))
        assert load_model(context).feature_names[len(FEATURE_NAMES):] == CONTEXT_NAMES + TYPE_PROB_NAMES
        assert len(types) == len(TYPES)
        for name in types:
            assert load_model(name).feature_names == TYPE_FEATURES
    assert len(seeds) == len(shipped)  # one seed per member
    assert load_model("html_confidence").feature_names == CONF_FEATURES
