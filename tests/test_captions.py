"""Photo captions known by their credit stay out of the text, in both modes (captions.py)."""

from __future__ import annotations

import pytest

import dehusk
from conftest import FERRY_PARAGRAPHS, labelled_lines
from dehusk.captions import drop_photo_captions, photo_caption

CAPTION = ("Passengers wait on the quay at the old ferry terminal in the harbour town on Tuesday. "
           "(AP Photo/Jane Doe)")


@pytest.mark.parametrize("line", [
    CAPTION,
    "FILE PHOTO: A ferry leaves the harbour in the evening. REUTERS/John Smith/File Photo",
    "Roughly 40 ferries still cross the strait every day [File: Reuters]",
    "The slipway after the storm (Photo by Jane Doe/Getty Images)",
    "A ferry in the harbour, 2019. Jane Doe/AFP via Getty Images",
    "The old terminal building. Image: Shutterstock",
    "The harbour master speaks at the quay on July 25, 2019. Jane Doe / AP file",
    "Image caption The ferry will carry 300 passengers",
    "Photo: Jane Doe, AP",
    "Imagem: a balsa no porto",
    "Bild: Die Fähre im Hafen",
    "The ferry leaves the harbour at dawnCredit: Getty - Contributor",
    "Photo credit: Screenshot from the ferry company's website",
    "Credit: Jane Doe / Harbour Courier",
    "Werkzaamheden aan de dijk bij het oude gemaal in de polder. Foto: Kees Mulder",
    "The new ferry on its first crossing. Photo: Harbour Courier",
    "Passengers on the quay on the first morning, Tuesday (19/3/2024). (Harbour Courier/Rina Wulandari)",
    "Warga antre di dermaga. (ANTARA FOTO/Andi Pratama)",
    "In this photo provided by the harbour authority, the new ferry leaves the quay on Tuesday.",
    "In this image made from video, passengers wait at the terminal.",
    "2of4Passengers wait on the quay at the old ferry terminal.",
])
def test_photo_captions(line: str) -> None:
    assert photo_caption(line)


@pytest.mark.parametrize("line", [
    FERRY_PARAGRAPHS[0],
    "Emissions fell by a third in a decade (EPA 2024).",
    "The photo agency said it would appeal the ruling (AP).",
    "Use the file/edit menu to save the picture.",
    "FILE a claim with the council before March.",
    "Readers can send a photo / AP style questions to the desk.",
    "Image captions are written by the picture desk.",
    "Picture this: a town without cars.",
    "Photography: a hobby that took over my weekends",
    "Child Tax Credit: $2,000 per child under 17",
    "The harbour master gave the crew credit: they had saved the ferry.",
    "In this article we look at the ferry timetable for the winter.",
    "In this photography course you will learn to shoot harbour scenes.",
    "3 of 5 passengers said the ferry was late.",
    "The council voted on the two options. (Yes/No)",
    "He spoke about the ferry. Photo: 12 images",
])
def test_not_photo_captions(line: str) -> None:
    assert not photo_caption(line)


def test_drop_photo_captions_relabels_kept_blocks_only() -> None:
    segs = labelled_lines([(FERRY_PARAGRAPHS[0], "body"), (CAPTION, "body"), (CAPTION, "navigation")])
    drop_photo_captions(segs)
    assert [s.label for s in segs] == ["body", "caption", "navigation"]
    assert "credit" in segs[1].reason


def test_a_caption_line_in_a_text_dump_is_not_text() -> None:
    page = "\n\n".join(["Ferry crossing to reopen after nine years", FERRY_PARAGRAPHS[0], CAPTION,
                        *FERRY_PARAGRAPHS[1:]])
    art = dehusk.extract(page, mode="text", explain=True)
    for p in FERRY_PARAGRAPHS:
        assert p in art.text
    assert "AP Photo" not in art.text
    assert any(b.label == "caption" and "AP Photo" in b.text for b in art.blocks)


def test_a_caption_paragraph_in_an_html_article_is_not_text() -> None:
    body = "".join(f"<p>{p}</p>" for p in FERRY_PARAGRAPHS[:1]) + f"<p>{CAPTION}</p>"
    body += "".join(f"<p>{p}</p>" for p in FERRY_PARAGRAPHS[1:])
    html = f"<html><body><article><h1>Ferry crossing to reopen</h1>{body}</article></body></html>"
    art = dehusk.extract(html, mode="html", explain=True)
    for p in FERRY_PARAGRAPHS:
        assert p in art.text
    assert "AP Photo" not in art.text
    assert any(b.label == "caption" for b in art.blocks if "AP Photo" in b.text)


def test_the_cheap_gate_never_hides_a_credit() -> None:
    import random

    from dehusk import captions

    rnd = random.Random(5)
    pieces = ["(AP Photo/Jane Doe)", "REUTERS/John Smith", "/File Photo", "[File: Reuters]",
              "(Photo by X/Getty Images)",
              " via Getty Images", "Shutterstock", "iStockphoto", " / AP file", "(AP)", "(EPA 2024)", "a/b", ".", " ",
              "The ferry left at dawn", ")", "]", "FILE PHOTO: ", "Image caption ", "Foto: ", "Bild: ", "x" * 150,
              "Credit: Getty", "Photo credit: Jane Doe", "credit: 5", ": ", "In this photo ", "In this article ", "2of4", "3 of 5 ", "A"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6)))
        ungated = (captions._CREDIT_END.search(text[-captions._TAIL:]) is not None
                   or captions._CREDIT_LABEL_END.search(text[-captions._TAIL:]) is not None
                   or captions._LABEL_START.match(text) is not None)
        assert photo_caption(text) == ungated, text


def test_a_captions_credit_is_no_byline() -> None:
    """The outlet and photographer in a caption's credit are not the article's authors."""
    page = "\n".join(["Harbour Courier", "News   Sport   Business", "Ferry crossing to reopen after nine years",
                      "14 March 2024", "Passengers on the quay on the first morning, Tuesday (12/3/2024). "
                      "(Harbour Courier/Rina Wulandari)", *FERRY_PARAGRAPHS, "Written by Ann Lee",
                      "Privacy   Terms"])
    article = dehusk.extract(page, mode="text")
    assert "Harbour Courier" not in article.authors
    assert "Rina Wulandari" not in article.authors
