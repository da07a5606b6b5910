"""The training scripts' grouped CV runs HTML mode's own decisions: `html_mode.label_page` then
`assemble`, from the block scores on, give extract()'s text (scripts/train_html.py --reuse-oof)."""

from __future__ import annotations

from pathlib import Path

import pytest

import dehusk
from dehusk.assemble import Meta, assemble
from dehusk.deadline import Deadline
from dehusk.html_mode import analyse, label_page, score_blocks
from dehusk.options import Options

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "html").glob("*.html"))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_label_page_then_assemble_is_extracts_text(path: Path) -> None:
    html = path.read_text(encoding="utf-8")
    a = analyse(html, url="https://example.org/news/a-story", options=Options(), deadline=Deadline(None))
    p2, floor, probs = score_blocks(a, Deadline(None))
    label_page(a, p2, floor, probs, Options())
    text = assemble(a.segments, Meta(), Options(), mode="html", url=None).text
    assert text == dehusk.extract(html, mode="html", url="https://example.org/news/a-story").text
    assert text  # every fixture has an article


def test_headline_apart_labels_only_a_first_kept_heading_that_repeats_the_title() -> None:
    import numpy as np

    from dehusk.blocks import Segment
    from dehusk.html_mode import headline_apart

    def page() -> list[Segment]:
        segs = [Segment("Menu"), Segment("Ferry to the island", kind="h"), Segment("The council voted on Tuesday."),
                Segment("Ferry to the island", kind="h")]
        for s, label in zip(segs, ("navigation", "heading", "body", "heading"), strict=True):
            s.label = label
        return segs

    segs = page()
    headline_apart(segs, np.array([0.0, 1.0, 0.0, 0.0]), explain=False)
    assert [s.label for s in segs] == ["navigation", "title", "body", "heading"]
    segs = page()  # the block repeating the title is not the first kept one: nothing changes
    headline_apart(segs, np.array([0.0, 0.0, 0.0, 1.0]), explain=False)
    assert [s.label for s in segs] == ["navigation", "heading", "body", "heading"]
    segs = page()  # a first kept paragraph (not a heading) stays text
    segs[1].kind = "p"
    headline_apart(segs, np.array([0.0, 1.0, 0.0, 0.0]), explain=False)
    assert segs[1].label == "heading"
    headline_apart(segs, None, explain=False)  # (no title feature: nothing to do)


def test_a_page_without_url_is_not_read_as_a_home_page() -> None:
    from dehusk.features_html import UNKNOWN_URL, URL_FEATURES, url_features

    home = url_features("https://example.org/")
    unknown = url_features(None)
    assert unknown == UNKNOWN_URL and len(unknown) == len(URL_FEATURES)
    depth = URL_FEATURES.index("url_depth")
    assert home[depth] == 0.0 and unknown[depth] > 0  # no path is a home page; an unknown one is not
    assert not any(unknown[: depth])  # no word of an unknown path is known
    article = url_features("https://example.org/news/2024/ferry-crossing-cut-to-an-hour")
    assert article[URL_FEATURES.index("url_article")] == 1.0
