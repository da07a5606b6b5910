"""A related-stories rail under the article is not part of it (related_rail)."""

from __future__ import annotations

import pytest

import dehusk
from conftest import FERRY_PARAGRAPHS, labelled_lines
from dehusk.related_rail import RAIL_HEADING, counted_list, read_also, related_rail

ARTICLE = [
    "The regional water board approved a plan on Monday to replace the lead pipes that still carry drinking "
    "water to about twelve thousand homes in the older districts of the city, a project it expects to finish "
    "within eight years.",
    "Engineers will start in the streets where tests found the highest levels of lead last summer, and every "
    "household will be told at least a month before the work reaches its street, the board said in a statement.",
    "The plan will cost about ninety million euros, most of it paid by a national fund for water networks; "
    "the rest will come from the board's own budget and will not raise the price of water for households.",
    "Residents who replaced their own pipes in the last five years can ask the board for part of the cost back, "
    "and the board will open an office in each of the districts to answer questions while the work goes on.",
    "Local groups that had campaigned for the replacement for a decade welcomed the decision but asked the board "
    "to publish the test results for every street, so that families can see when their own water is safe.",
]
RAIL = [
    "Flood barriers on the river to be raised before winter",
    "The work on the northern bank starts next week.",
    "City council agrees new budget for public libraries",
    "Opening hours will be longer on weekends.",
    "New tram line opens to passengers in the east",
    "The line links the station with the university.",
    "Record number of visitors at the summer festival",
]


_segs = labelled_lines


def test_short_kept_lines_under_a_rail_heading_become_related_up_to_the_next_long_paragraph() -> None:
    long_para = " ".join(["word"] * 45)
    rows = [(p, "body") for p in ARTICLE] + [("More in World", "navigation")]
    rows += [(RAIL[0], "heading"), (RAIL[1], "body"), ("Share", "boilerplate"), (RAIL[2], "heading"),
             (long_para, "body"), ("A short closing line.", "body")]
    segs = _segs(rows)
    related_rail(segs, [float(len(s.text.split())) for s in segs])
    labels = [s.label for s in segs]
    n = len(ARTICLE)
    assert labels[:n] == ["body"] * n
    assert labels[n + 1: n + 5] == ["related", "related", "boilerplate", "related"]
    assert "More in World" in segs[n + 1].reason
    assert labels[n + 5:] == ["body", "body"]  # a paragraph of 40+ words: the text goes on


@pytest.mark.parametrize("heading", ["You may also like", "More from UK", "More in World"])
def test_a_rail_heading_kept_as_a_subheading_starts_a_rail_and_leaves_the_text(heading: str) -> None:
    rows = [(p, "body") for p in ARTICLE] + [(heading, "heading")]
    rows += [(RAIL[0], "heading"), (RAIL[1], "body"), (RAIL[2], "body")]
    segs = _segs(rows)
    related_rail(segs, [float(len(s.text.split())) for s in segs])
    n = len(ARTICLE)
    assert [s.label for s in segs] == ["body"] * n + ["related"] * 4
    assert "related-stories heading" in segs[n].reason


@pytest.mark.parametrize("heading", ["Recommended", "More on fields", "Most read", "Latest news", "Further reading"])
def test_an_ambiguous_heading_kept_as_a_subheading_is_a_section_of_the_page(heading: str) -> None:
    # ("Recommended" system requirements, a manual's "More on ...", a listing's own "Most read")
    assert RAIL_HEADING.match(heading)
    rows = [(p, "body") for p in ARTICLE] + [(heading, "heading"), (RAIL[0], "body"), (RAIL[1], "body")]
    segs = _segs(rows)
    related_rail(segs, [float(len(s.text.split())) for s in segs])
    assert [s.label for s in segs] == [label for _, label in rows]
    # the same heading the line model dropped still starts a rail
    segs = _segs([(t, "navigation" if t == heading else label) for t, label in rows])
    related_rail(segs, [float(len(s.text.split())) for s in segs])
    assert [s.label for s in segs][-2:] == ["related", "related"]


def test_a_kept_rail_heading_before_150_words_is_left_alone() -> None:
    rows = [(ARTICLE[0], "body"), ("Related stories", "heading"), (RAIL[1], "body")]
    segs = _segs(rows)
    related_rail(segs, [float(len(s.text.split())) for s in segs])
    assert [s.label for s in segs] == ["body", "heading", "body"]


def test_no_rail_before_the_article_has_given_150_words() -> None:
    rows = [(ARTICLE[0], "body"), ("Related articles", "navigation"), (RAIL[0], "heading"), (RAIL[1], "body")]
    segs = _segs(rows)
    related_rail(segs, [float(len(s.text.split())) for s in segs])
    assert [s.label for s in segs] == ["body", "navigation", "heading", "body"]


@pytest.mark.parametrize("line", ["Related articles", "More in World", "MOST READ", "You may also like",
                                  "Don't miss", "Mehr zum Thema", "Les plus lus", "Noticias relacionadas",
                                  "関連記事", "相关文章", "Похожие статьи", "You might also be interested in",
                                  "Around the web", "Sponsored stories", "In case you missed it", "À lire aussi",
                                  "Você pode gostar...", "Ti potrebbe interessare", "Related videos",
                                  # more languages
                                  "Mest lästa", "Luetuimmat", "Nejčtenější", "Legolvasottabb", "Cele mai citite",
                                  "En çok okunanlar", "İlgili haberler", "Berita terkait", "Σχετικά άρθρα",
                                  "الأكثر قراءة", "أخبار ذات صلة", "Baca juga:", "İlginizi Çekebilir"])
def test_rail_headings(line: str) -> None:
    assert RAIL_HEADING.match(line)


@pytest.mark.parametrize("line", ["Read more", "See also", "Popular", "Related to this, the board said no.",
                                  "More than a thousand homes were affected", "Around the web, readers asked why",
                                  "Popular science"])
def test_not_rail_headings(line: str) -> None:
    assert not RAIL_HEADING.match(line)


def test_a_rail_in_a_page_dump_stays_out_of_the_text() -> None:
    page = "\n\n".join(["Lead pipes to be replaced in the old districts", *ARTICLE, "Related stories", *RAIL,
                        "About us", "Contact", "Privacy policy"])
    art = dehusk.extract(page, mode="text", explain=True)
    for p in ARTICLE:
        assert p in art.text
    for item in RAIL:
        assert item not in art.text


@pytest.mark.parametrize("line", ["Also read: How to Travel Light in Japan", "Leggi anche: Tangenziale chiusa di notte",
                                  "Lesen Sie auch: Neue Radwege in der Innenstadt", "» Related: The 15 Weirdest Galaxies",
                                  "Читайте также: Новый мост откроют весной", "À lire aussi : la rentrée en chiffres",
                                  "Lees ook: Nieuwe fietsbrug over de rivier", "Läs också: Färjan får nya turer",
                                  "Čtěte také: Most se otevře na jaře", "Baca juga: Jembatan baru dibuka",
                                  "Citește și: Podul se redeschide", "Διαβάστε επίσης: Νέα γέφυρα στο λιμάνι",
                                  "Kapcsolódó: Új kerékpárút épül a folyó mentén",
                                  "İlginizi Çekebilir: Ovada su seviyesi düştü"])
def test_read_also_links(line: str) -> None:
    assert read_also(line)


@pytest.mark.parametrize("line", ["Related reading", "See also the council's report on the ferry crossing.",
                                  "The minister said: read also the small print.",
                                  "Also read: " + "a very long line that goes on and on " * 5])
def test_not_read_also_links(line: str) -> None:
    assert not read_also(line)


def test_a_read_also_link_inside_the_article_is_left_out() -> None:
    paragraphs = FERRY_PARAGRAPHS[:3]
    link = "Also read: Why the old harbour railway closed for good"
    page = "\n\n".join(["Ferry crossing to reopen after nine years", paragraphs[0], link, *paragraphs[1:]])
    art = dehusk.extract(page, mode="text", options=dehusk.Options(explain=True))
    assert link not in art.text and all(p in art.text for p in paragraphs)
    assert next(b for b in art.blocks if b.text == link).label == "related"


def test_html_mode_leaves_a_read_also_link_out_too() -> None:
    paragraphs = FERRY_PARAGRAPHS[:3]
    link = '<p><strong>Also read:</strong> <a href="/harbour-railway">Why the old harbour railway closed</a></p>'
    body = f"<p>{paragraphs[0]}</p>{link}" + "".join(f"<p>{p}</p>" for p in paragraphs[1:])
    html = (f"<html><head><title>Ferry crossing to reopen</title></head><body><article>"
            f"<h1>Ferry crossing to reopen</h1>{body}</article></body></html>")
    art = dehusk.extract(html, mode="html", options=dehusk.Options(explain=True))
    assert "harbour railway" not in art.text and all(p in art.text for p in paragraphs)
    assert next(b for b in art.blocks if "harbour railway" in b.text).label == "related"


def test_a_run_of_headlines_with_counts_is_a_most_commented_list() -> None:
    para = "The council voted on the harbour budget after a debate that ran late into the night."
    items = [f"Council story number {k} draws a crowd at the harbour ({100 + k})" for k in range(5)]
    segs = labelled_lines([(para, "body"), *((t, "heading") for t in items), ("Share this:", "boilerplate")])
    counted_list(segs)
    assert [s.label for s in segs] == ["body", *["related"] * 5, "boilerplate"]
    assert segs[1].reason.startswith("one of 5 headlines with a count")
    # three such lines are too few; a year in brackets is no count
    segs = labelled_lines([(para, "body"), *((t, "heading") for t in items[:3])])
    counted_list(segs)
    assert all(s.label != "related" for s in segs)
    years = [f"Top health insurers by written premiums in region {k} (2023)" for k in range(5)]
    segs = labelled_lines([(t, "body") for t in years])
    counted_list(segs)
    assert all(s.label == "body" for s in segs)


def test_an_about_box_after_the_article_is_husk() -> None:
    from dehusk.related_rail import ABOUT_HEADING, about_box

    para = "The council voted on the harbour budget after a debate that ran late into the night. " * 5
    box = [("About Harbour Courier Media", "heading"),
           ("Harbour Courier Media is a recognised leader in coastal news with offices in four towns.", "body"),
           ("Follow us on the usual networks for more stories from the harbour.", "body")]
    segs = labelled_lines([(para, "body"), (para, "body"), *box, ("Next section", "heading"), (para, "body")])
    about_box(segs, [float(len(s.text.split())) for s in segs])
    assert [s.label for s in segs] == ["body", "body", "boilerplate", "boilerplate", "boilerplate", "heading", "body"]
    assert segs[3].reason.startswith("an about box after the article")
    # before 150 words of the article, or a page's own section ("About This Game"): unchanged
    for rows in ([(para, "body"), *box], [(para, "body"), (para, "body"), ("About This Game", "heading"), box[1]]):
        segs = labelled_lines(rows)
        about_box(segs, [float(len(s.text.split())) for s in segs])
        assert all(s.label != "boilerplate" for s in segs[1:]), rows[-1]
    for line in ("About Harbour Health Clinic", "Sobre Ana Ribeiro", "Über Jonas Keller"):
        assert ABOUT_HEADING.match(line), line
    for line in ("About us", "About This Game", "About Responses", "About the author of this fine story today"):
        assert not ABOUT_HEADING.match(line), line
