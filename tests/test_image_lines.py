"""An image printed as its own line ("[A crowd at the harbour]": text browsers, pandoc) next to the
headline: never the headline, and no neighbour that hides it."""

from __future__ import annotations

import pytest

import dehusk
from conftest import load_text_fixture
from dehusk.segment_text import segment_text
from dehusk.text_mode import image_lines

# the hand-written dumps whose headline is a line of its own that text mode finds
HEADLINED = ["de-news-inscriptis", "el-news-wet", "en-docs-page", "en-feature-wet", "en-forum-thread",
             "es-news-bullets", "fr-news-wet", "hu-news-blanklines", "pl-news-dashes", "tr-news-blanklines",
             "zh-news-wet"]


def _with_image_above_headline(name: str, alt: str) -> tuple[str, str]:
    page, expect = load_text_fixture(name)
    title = expect["title"]
    lines = page.decode("utf-8").split("\n")
    i = next(k for k, line in enumerate(lines) if line.strip() == title)
    indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
    gap = "" if name.endswith("-wet") else "\n"  # (as the dump separates its blocks)
    return "\n".join(lines[:i] + [f"{indent}[{alt.format(title=title)}]{gap}"] + lines[i:]), title


@pytest.mark.parametrize("alt", ["{title}", "A photograph of the scene: {title}"], ids=["restated", "caption"])
@pytest.mark.parametrize("name", HEADLINED)
def test_an_image_above_the_headline_leaves_it_the_headline(name: str, alt: str) -> None:
    page, title = _with_image_above_headline(name, alt)
    assert dehusk.extract(page, mode="text").title == title


def test_image_lines() -> None:
    page = "\n\n".join([
        "[A crowd at the harbour watches the ferry arrive]",
        "Ferry service returns to the islands",
        "[Editor's note: updated with the timetable] The first crossing left at nine.",
        "[3, 4, 6]",
    ])
    segments = segment_text(page)
    assert image_lines(segments) == [0, 3]  # (a bracketed list alone on its line too: it is no headline)
    placeholders = segment_text("\n\n".join(["[logo]", "Harbour news", "[IMG]", "Text of the story.", "[banner]"]))
    assert [seg.text for seg in placeholders] == ["logo", "Harbour news", "IMG", "Text of the story.", "banner"]
    assert image_lines(placeholders) == [0, 2, 4]  # unbracketed by the segmenter, still images
