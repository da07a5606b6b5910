"""Lines that are no text of the article next to its headline: an image printed as its own line ("[A
crowd at the harbour]": text browsers, pandoc), an advertising label, a control, a row of share
buttons or a photo credit. None is the headline, and none hides it (`metadata_view`)."""

from __future__ import annotations

import pytest

import dehusk
from conftest import load_text_fixture
from dehusk.metadata_view import furniture_lines
from dehusk.notices import AD_LABEL, ad_label, notice_reason
from dehusk.segment_text import segment_text
from dehusk.text_mode import image_lines

# the hand-written dumps whose headline is a line of its own that text mode finds
HEADLINED = ["de-news-inscriptis", "el-news-wet", "en-feature-wet", "en-forum-thread",
             "es-news-bullets", "fr-news-wet", "hu-news-blanklines", "pl-news-dashes", "tr-news-blanklines",
             "zh-news-wet"]


def _with_lines_at_headline(name: str, new: list[str], below: bool = False) -> tuple[str, dict]:
    """The fixture with `new` lines right above (or below) its headline's line."""
    page, expect = load_text_fixture(name)
    title = expect["title"]
    lines = page.decode("utf-8").split("\n")
    i = next(k for k, line in enumerate(lines) if line.strip() == title)
    indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
    gap = "" if name.endswith("-wet") else "\n"  # (as the dump separates its blocks)
    at = i + 1 if below else i
    added = [indent + line.format(title=title) + gap for line in new]
    return "\n".join(lines[:at] + added + lines[at:]), expect


@pytest.mark.parametrize("alt", ["{title}", "A photograph of the scene: {title}"], ids=["restated", "caption"])
@pytest.mark.parametrize("name", HEADLINED)
def test_an_image_above_the_headline_leaves_it_the_headline(name: str, alt: str) -> None:
    page, expect = _with_lines_at_headline(name, [f"[{alt}]"])
    assert dehusk.extract(page, mode="text").title == expect["title"]


FURNITURE = {
    "advertisement": ["Advertisement"],
    "advertisement, continue reading": ["ADVERTISEMENT", "Continue reading below"],
    "listen": ["Listen to this article"],
    "share": ["Share on Facebook   Share on X   Email"],
    "photo credit": ["Photo: Harbour Courier / J. Smith"],
}


@pytest.mark.parametrize("lines", list(FURNITURE.values()), ids=list(FURNITURE))
@pytest.mark.parametrize("name", HEADLINED + ["en-news-blanklines", "ru-news-stars"])
def test_furniture_under_the_headline_leaves_headline_and_byline(name: str, lines: list[str]) -> None:
    page, expect = _with_lines_at_headline(name, lines, below=True)
    art = dehusk.extract(page, mode="text")
    assert art.title == expect["title"]
    assert list(art.authors) == expect.get("authors", list(dehusk.extract(load_text_fixture(name)[0], mode="text").authors))


def test_furniture_lines() -> None:
    texts = ["Harbour news", "Advertisement", "Ferry timetable changes for the winter crossings", "Read more",
             "Continue reading below", "Share on Facebook   Share on X   Email", "Photo: J. Smith / Harbour Courier",
             "Listen to this article", "The harbour board cut the winter crossings to the islands from six a day to four.",
             "Advertisement"]
    segments = segment_text("\n\n".join(texts))
    words = [float(len(t.split())) for t in texts]
    more = [1.0 if t in ("Read more", "Continue reading below") else 0.0 for t in texts]
    # "Read more" stays (it makes the line above a teaser's headline); the last line is out of the window
    assert furniture_lines(segments, words, more, [], 0, 9) == [1, 4, 5, 6, 7]
    assert furniture_lines(segments, words, more, [0], 2, 5) == [0, 4]


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


@pytest.mark.parametrize("label", ["Advertisement", "Story continues below advertisement", "ANZEIGE"])
@pytest.mark.parametrize("name", HEADLINED)
def test_advertising_labels_between_paragraphs_change_nothing(name: str, label: str) -> None:
    page, _ = load_text_fixture(name)
    plain = dehusk.extract(page, mode="text")
    paragraphs = {p for p in plain.text.split("\n\n") if len(p) >= 60}
    lines, out = page.decode("utf-8").split("\n"), []
    for line in lines:
        out.append(line)
        if line.strip() in paragraphs:
            out.append(label)
    shaped = dehusk.extract("\n".join(out), mode="text", explain=True)
    assert shaped.text == plain.text and shaped.title == plain.title and shaped.authors == plain.authors
    assert {b.label for b in shaped.blocks if b.text == label} == {"boilerplate"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Advertisement", True), ("ADVERTISEMENT", True), ("Story continues below advertisement", True), ("Anzeige", True),
    ("Loading...", True), ("Advertisement and sponsorship rules changed in May", False), ("Table of contents", False),
    ("Advertising", False),
])
def test_ad_label(text: str, expected: bool) -> None:
    assert ad_label(text) is expected
    assert (notice_reason(text) == AD_LABEL) is expected
