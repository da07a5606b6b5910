"""Mojibake (UTF-8 once read as Windows-1252) is repaired in the output of both modes."""

from __future__ import annotations

from dehusk import extract
from dehusk.mojibake import fix_mojibake, suspect


def _garble(text: str) -> str:
    """What a pipeline that read UTF-8 bytes as Windows-1252 stores."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


BODY = (
    "The council’s new budget — approved on Tuesday — sets aside €4 million for the café district.",
    "Residents said they weren’t consulted before the vote, and several asked for a second hearing.",
    "The mayor’s office replied that the plan had been on the agenda for months and open to comment.",
)


def test_fix_mojibake_restores_text() -> None:
    for line in BODY:
        garbled = _garble(line)
        assert garbled != line and suspect(garbled)
        assert fix_mojibake(garbled) == line


def test_clean_text_is_left_alone() -> None:
    for clean in ("Ça va très bien, merci.", "Zürich – Genève «direct»", "Łódź, Kraków, Gdańsk", "naïve café», déjà vu"):
        assert fix_mojibake(clean) == clean


def test_text_mode_output_is_repaired() -> None:
    title = "Council approves the café district’s budget"
    page = "\n\n".join(["Home | News | Sport", title, *BODY, "© 2024 Example News"])
    art = extract(_garble(page), mode="text")
    assert "’" in art.text and "€4 million" in art.text and "â€" not in art.text
    assert art.title == title
    kept = extract(_garble(page), mode="text", fix_encoding=False)
    assert "â€" in kept.text


def test_html_mode_output_and_blocks_are_repaired() -> None:
    title = "Council approves the café district’s budget"
    html = (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav><article>"
            f"<h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in BODY) + "</article></body></html>")
    art = extract(_garble(html), mode="html", explain=True)
    assert art.title == title
    # every body paragraph comes back as it was written (the repeated <h1> may or may not be kept)
    assert all(p in art.text for p in BODY) and "â€" not in art.text
    assert all("â€" not in b.text for b in art.blocks)


def test_c1_controls_and_clean_lines() -> None:
    # Windows-1252 read as Latin-1 leaves C1 controls; only the lines that hold damage change
    page = "Because we\x92re used to it.\nA clean line, naïve café», stays.\n\x95 First item"
    assert fix_mojibake(page) == "Because we’re used to it.\nA clean line, naïve café», stays.\n• First item"


def test_title_candidates_are_repaired_before_they_are_compared() -> None:
    """A garbled <h1> and the clean <title> of the same headline are one candidate (the same
    words), and a title garbled in one part only ("â\x80\x94" beside a clean "—") is repaired."""
    from selectolax.lexbor import LexborHTMLParser

    from dehusk.metadata_title import heading_text, strip_site

    headline = "A careful guide to the harbour’s winter timetable"
    node = LexborHTMLParser(f"<h1>{_garble(headline)}</h1>").css_first("h1")
    assert heading_text(node) == headline
    mixed = "timetable \u00e2\x80\x94 the winter crossings \u2014 Harbour Board"
    assert strip_site(mixed, ["harbour board"]) == "timetable — the winter crossings"
