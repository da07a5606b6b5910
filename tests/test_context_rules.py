"""Context rules that revise the classifier's per-block decisions (both modes)."""

from __future__ import annotations

import dehusk
from dehusk.blocks import Segment
from dehusk.text_mode import drop_orphan_headings, keep_short_item_lists


def _segs(rows: list[tuple[str, str]]) -> list[Segment]:
    out = []
    for text, label in rows:
        seg = Segment(text=text, kind="line")
        seg.label, seg.score = label, 0.6
        out.append(seg)
    return out


def test_a_run_of_short_kept_lines_is_a_list_not_orphan_headings() -> None:
    segs = _segs([
        ("Open positions", "boilerplate"),
        ("Backend Engineer", "heading"), ("Berlin", "heading"), ("Full-time", "boilerplate"),
        ("Data Analyst", "heading"), ("Remote", "heading"), ("Part-time", "heading"),
        ("Cookie settings", "navigation"), ("Imprint", "navigation"),
    ])
    keep_short_item_lists(segs)
    drop_orphan_headings(segs)
    labels = [s.label for s in segs]
    assert labels[1:3] == ["body", "body"] and labels[4:7] == ["body", "body", "body"]
    assert labels[3] == "boilerplate"  # a dropped line inside the run stays dropped
    assert segs[1].reason.startswith("list item: one of 5 short kept lines")
    assert labels[7:] == ["navigation", "navigation"]


def test_a_rail_of_headlines_or_a_short_run_stays_husk() -> None:
    rail = _segs([
        ("Council approves the new harbour budget after a long night", "heading"),
        ("Storm closes the coastal road for the second time this week", "heading"),
        ("Local team wins the regional final in extra time", "heading"),
        ("Ferry timetable changes from Monday for the winter season", "heading"),
        ("Footer", "boilerplate"),
    ])
    keep_short_item_lists(rail)
    drop_orphan_headings(rail)
    assert all(s.label != "body" for s in rail)  # long lines: a headline rail, not a list
    short = _segs([("Specs", "heading"), ("Weight", "heading"), ("Size", "heading"), ("Footer", "boilerplate")])
    keep_short_item_lists(short)
    drop_orphan_headings(short)
    assert all(s.label != "body" for s in short)  # three lines are too few to call a list


ARTICLE = " ".join([
    "The old lighthouse keeper kept a daily log of every ship that passed the point for forty years.",
    "His notes describe storms, rescues and the slow change of the fishing fleet from sail to diesel.",
    "Historians from the county archive have now transcribed the whole record for the first time.",
])


def _page(article_class: str, with_thread: bool) -> str:
    paras = "".join(f"<p>{ARTICLE} Part {k}.</p>" for k in range(5))
    thread = ""
    if with_thread:
        thread = "<section class='comments'><h3>3 comments</h3>" + "".join(
            f"<div class='comment'><p>Reader {k} wrote that the logbook should be shown in the town museum soon.</p></div>"
            for k in range(3)) + "</section>"
    return (f"<html><head><title>Lighthouse log</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<main><article class='{article_class}'><h1>The lighthouse log</h1>{paras}</article>{thread}</main>"
            "<footer>Contact us</footer></body></html>")


def test_a_comment_class_on_the_article_itself_does_not_empty_the_page() -> None:
    art = dehusk.extract(_page("post has-comments comments-open", with_thread=False), mode="html")
    assert art.text is not None and "forty years" in art.text and art.text.count("Part 4.") == 1
    assert art.empty_reason is None


def test_real_comments_under_an_article_are_still_dropped() -> None:
    art = dehusk.extract(_page("post", with_thread=True), mode="html")
    assert "forty years" in art.text
    assert "town museum" not in art.text
    with_comments = dehusk.extract(_page("post", with_thread=True), mode="html", include_comments=True)
    assert "town museum" in with_comments.text
