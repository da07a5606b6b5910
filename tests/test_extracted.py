"""Text already extracted (`dehusk.extracted`): an input with no page furniture keeps every line,
its repeats and its contents list, and its first line is its headline; a page's dump (menu, footer,
language menu, a menu glued into one line, image placeholders, a page on one line) is read as before."""

from __future__ import annotations

import dehusk
from dehusk.extracted import EXTRACTED_REASON
from dehusk.options import Options

CONCERTS = """Summer concerts on the harbour stage

The town's summer series returns with six evenings of music by the water. Every concert starts at 7 pm and entry is free; seats on the terrace go to those who come first.

June 12 – The Lantern Quartet, Harbour Stage
June 19 – Brass on the Pier, Harbour Stage
June 26 – Marta Lindqvist Trio, Old Customs House
July 3 – Harbour Youth Choir, Harbour Stage
July 10 – The Driftwood Band, Fish Market Square
July 17 – Closing night with the Town Orchestra, Harbour Stage

In case of rain the concerts move to the Old Customs House, which holds about two hundred people.
"""
ITEMS = [line for line in CONCERTS.split("\n") if line[:4] in ("June", "July")]
MENU = "Home\nEvents\nSign in\nSubscribe to our newsletter\n\n"
FOOTER = "\n© 2025 Harbour Town Council. All rights reserved.\nPrivacy policy\n"


def _extracted(article: dehusk.Article) -> bool:
    return any(EXTRACTED_REASON in (b.reason or "") for b in article.blocks or ())


def test_an_extracted_listing_keeps_every_item() -> None:
    a = dehusk.extract(CONCERTS, mode="text", explain=True)
    assert a.title == "Summer concerts on the harbour stage"
    for item in ITEMS:  # (short lines with no sentence after them: read as a rail on a page's dump)
        assert item in a.text
    assert a.text.startswith("The town's summer series")
    assert a.text.rstrip().endswith("about two hundred people.")
    assert _extracted(a)


def test_a_page_dump_is_not_taken_for_an_extracted_article() -> None:
    a = dehusk.extract(MENU + CONCERTS + FOOTER, mode="text", explain=True)
    assert not _extracted(a)
    assert "Sign in" not in a.text and "All rights reserved" not in a.text
    assert "The town's summer series" in a.text


def test_a_language_menu_is_furniture() -> None:
    # two languages' names one under the other: a site's language menu
    a = dehusk.extract(CONCERTS + "\nEnglish\nNorsk\n", mode="text", explain=True)
    assert not _extracted(a)
    # one language's name alone is no menu
    b = dehusk.extract(CONCERTS + "\nEnglish\n", mode="text", explain=True)
    assert _extracted(b)


def test_a_glued_menu_and_text_browser_placeholders_are_furniture() -> None:
    # a menu whose links a dump joined without white space (no word of it stands alone)
    a = dehusk.extract("HarbourTownEventsTicketsVenuesParkingNewsletter\n\n" + CONCERTS, mode="text", explain=True)
    assert not _extracted(a)
    # prose with a few joined names stays an article
    prose = CONCERTS + "\nThe schedule is published as JavaScript on GitHub, with a PowerPoint and a YouTube clip.\n"
    assert _extracted(dehusk.extract(prose, mode="text", explain=True))
    # a text browser's image placeholders ("[logo]"), three or more: the page's own rendering
    shots = "\n".join(f"[{name}]" for name in ("logo", "stage-photo.jpg", "banner"))
    assert not _extracted(dehusk.extract(shots + "\n\n" + CONCERTS, mode="text", explain=True))


def test_an_extracted_article_keeps_its_repeats_and_its_contents() -> None:
    text = """Choosing a ferry pass

Contents
Day passes
Season passes
Family passes
Questions

Day passes

A day pass covers every crossing on the day it is bought, on all three routes of the harbour.
Prices are the same on every route.

Season passes

A season pass runs from April to October and is sold at both terminals and on the boats.
Prices are the same on every route.

Family passes

Two adults and up to three children travel on one family pass, for a day or for the season.

Questions

Ask at either terminal; the staff there sell every pass and can print a receipt on the spot.
"""
    a = dehusk.extract(text, mode="text", explain=True)
    assert _extracted(a)
    assert a.title == "Choosing a ferry pass"  # (its first line: not the contents' first entry)
    assert a.text.count("Prices are the same on every route.") == 2  # (as the article prints it)
    body = a.text.split("\n\n")
    assert body.count("Season passes") == 2  # the contents' entry and the section's heading
    # the same article inside a page's dump: the contents list is the page's navigation, the
    # repeated line said once
    b = dehusk.extract(MENU + text + FOOTER, mode="text", explain=True)
    assert not _extracted(b)
    assert b.text.count("Prices are the same on every route.") == 1


def test_a_page_on_one_line_is_read_as_a_page() -> None:
    # its menu words hide inside the long line: it is cut at its sentences and read as a dump
    one_line = " ".join(CONCERTS.split())
    assert not _extracted(dehusk.extract(one_line, mode="text", explain=True))


def test_a_short_input_or_a_fixed_cut_is_read_as_a_page() -> None:
    assert not _extracted(dehusk.extract("Harbour Stage\nJune 12 – The Lantern Quartet\n", mode="text", explain=True))
    a = dehusk.extract(CONCERTS, mode="text", explain=True, options=Options(threshold=0.5))
    assert not _extracted(a)


def test_an_extracted_article_opens_with_its_headline() -> None:
    text = "Choosing a ferry pass\n\n" + "\n\n".join(
        f"{name}\n\nA {name.lower()[:-2]} is sold at both terminals and on the boats, for every crossing of the harbour."
        for name in ("Day passes", "Season passes", "Family passes"))
    a = dehusk.extract(text, mode="text", explain=True)
    assert _extracted(a)
    assert a.title == "Choosing a ferry pass"
    assert a.text.startswith("Day passes\n\n")
    assert a.blocks[0].reason == "the headline: the first line of an extracted article"
    # a first line that ends a sentence or a clause is the text's own
    b = dehusk.extract("The ferry runs all year:\n\n" + text, mode="text", explain=True)
    assert b.title != "The ferry runs all year:"


def test_a_heading_inside_an_extracted_text_is_no_headline() -> None:
    text = """The harbour's ferry company sells three kinds of pass, and most travellers save money with one of them if they cross more than twice in a week.

Day passes

A day pass covers every crossing on the day it is bought, on all three routes of the harbour, and costs the same as three single tickets.

Season passes

A season pass runs from April to October and is sold at both terminals and on the boats; it pays for itself in about a month of commuting.
"""
    a = dehusk.extract(text, mode="text", explain=True)
    assert _extracted(a)
    assert a.title is None  # (the last section's heading is no headline: it stays in the text)
    assert a.text.split("\n\n") == [p for p in text.strip().split("\n\n")]


def test_the_extracted_option_overrides_the_detection() -> None:
    dump = MENU + CONCERTS + FOOTER
    forced = dehusk.extract(dump, mode="text", explain=True, extracted=True)
    assert _extracted(forced)
    for item in ITEMS:
        assert item in forced.text
    off = dehusk.extract(CONCERTS, mode="text", explain=True, extracted=False)
    assert not _extracted(off) and ITEMS[0] not in off.text


def test_an_input_without_a_sentence_is_no_extracted_article() -> None:
    # a renderer's list of the page's <link> elements: no furniture wording, and no sentence either
    links = "\n".join(f"   Link: [{i}]{kind}" for i, kind in enumerate(["canonical"] + ["alternate"] * 13 + ["preload"] * 8, 1))
    a = dehusk.extract(links + "\n\nReferences\n\n", mode="text", explain=True)
    assert not _extracted(a)
    assert a.text == ""
