"""Text mode: a row of items set apart by wide gaps (a menu, buttons, table cells) is not a headline."""

from __future__ import annotations

import numpy as np

from dehusk.metadata_text_title import title_prior
from dehusk.segment_text import segment_text


def test_wide_gaps_mark_the_line() -> None:
    page = "Home   News   Sport   Culture\n\nA headline with single spaces\n\nName\tRole\tCity\n\nTwo  spaces only\n"
    segs = segment_text(page)
    assert [s.text for s in segs] == ["Home News Sport Culture", "A headline with single spaces", "Name Role City",
                                      "Two spaces only"]
    assert [bool(s.extra.get("gapped")) for s in segs] == [True, False, True, False]


def test_wide_gaps_mark_the_line_in_markdown_dumps() -> None:
    segs = segment_text("#   The headline\n\nHome   News   Sport\n\n*   an item\n\n1.   first\n\nSome *text* here.\n")
    assert [bool(s.extra.get("gapped")) for s in segs] == [False, True, False, False, False]


def test_a_gapped_row_weighs_as_a_caption_for_the_headline_picker() -> None:
    texts = ["Lokales Region Sport Kultur", "Kassel verleiht Lastenräder", "Von Lukas Hoffmann"]
    f = {"re_byline": np.array([0.0, 0.0, 1.0]), "re_date": np.zeros(3), "re_media": np.zeros(3),
         "_words": np.array([4.0, 3.0, 3.0])}
    cand = np.array([0, 1])
    assert title_prior(texts, f, cand).tolist() == [2.75, 3.0]  # (the byline two lines below, and one)
    f["gapped"] = np.array([True, False, False])
    assert title_prior(texts, f, cand).tolist() == [2.75 * 0.3, 3.0]
