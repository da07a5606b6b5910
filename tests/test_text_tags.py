"""Text mode's tag line ("Tags: ...", "Themen: ..."): its tags, however the renderer set them apart."""

from __future__ import annotations

import pytest

import dehusk
from dehusk.metadata_text import tag_list

_PAGE = (
    "Home\n\nNews\n\nSport\n\n"
    "Harbour ferries return to the old timetable\n\n"
    "By Ann Lee\n\n3 March 2024\n\n"
    "The ferries between the harbour and the islands will run to the old timetable again from "
    "Monday, the operator said after a month of complaints from commuters.\n\n"
    "The winter timetable had cut the early crossing, which many workers on the islands rely on "
    "to reach the town before the shops and offices open.\n\n"
    "{tags}\n\n"
    "Related stories\n\nAbout us\n"
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tags: Ferries, Harbour, Commuting", ["Ferries", "Harbour", "Commuting"]),
        # inline links printed with two spaces between them: the spaces are the separators
        ("Tags:  Ferries  Harbour  Commuting", ["Ferries", "Harbour", "Commuting"]),
        ("Tags:\tFerries\tHarbour\tCommuting", ["Ferries", "Harbour", "Commuting"]),
        # links glued together (no white space between the elements): cut at the case changes
        ("Tags: FerriesHarbour townCommuting", ["Ferries", "Harbour town", "Commuting"]),
        # a blog's or a newspaper's "filed under" label
        ("Filed under: Ferries, Harbour", ["Ferries", "Harbour"]),
        ("Archivado en: Ferries, Harbour, Commuting", ["Ferries", "Harbour", "Commuting"]),
        ("Classé dans : Ferries, Harbour", ["Ferries", "Harbour"]),
    ],
)
def test_the_tag_lines_tags(line: str, expected: list[str]) -> None:
    article = dehusk.extract(_PAGE.replace("{tags}", line), mode="text")
    assert list(article.tags) == expected
    assert "Ferries" not in article.text.split("\n\n")[-1]  # the tag line is no paragraph of the text


def test_tag_list_leaves_one_tag_and_names_whole() -> None:
    assert tag_list("LinkedIn") == ["LinkedIn"]  # one case change: a name's own
    assert tag_list("advent of code") == ["advent of code"]  # single spaces say nothing
    assert tag_list("Ferries  Harbour", None) == ["Ferries  Harbour"]  # (the wide spaces come from the line as printed)
    assert tag_list("Ferries Harbour", "Tags:  Ferries  Harbour") == ["Ferries", "Harbour"]
