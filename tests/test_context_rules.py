"""Context rules that revise the classifier's per-block decisions (both modes)."""

from __future__ import annotations

import dehusk
from conftest import labelled_lines
from dehusk.text_context import cut_before_headline, drop_orphan_headings, keep_short_item_lists

_segs = labelled_lines


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


def test_a_table_of_contents_is_not_a_list_of_the_content() -> None:
    sections = ["Where it lives", "Limiting its size", "Clearing it", "Moving it"]
    rows = [("On this page", "navigation"), *((t, "heading") for t in sections)]
    for t in sections:  # the same lines come back as the sections' headings, each with its text
        rows += [(t, "heading"), (f"A paragraph of text about {t.lower()} that runs on for a while.", "body")]
    segs = _segs(rows)
    keep_short_item_lists(segs)
    drop_orphan_headings(segs)
    labels = [s.label for s in segs]
    assert labels[1:5] == ["navigation"] * 4
    assert segs[1].reason.startswith("table of contents: one of 4 short lines")
    assert labels[5:] == ["heading", "body"] * 4
    # the same run with items that do not come back further down is a list
    segs = _segs([("Specs", "navigation"), *((t, "heading") for t in sections), ("Price on request.", "body")])
    keep_short_item_lists(segs)
    assert [s.label for s in segs[1:5]] == ["body"] * 4


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


STORY = [
    "Harbour town opens its restored lighthouse to visitors",
    "By Mara Quinn",
    "The lighthouse on the north pier has been closed since a storm cracked its lantern room in 2019.",
    "After three years of work by local masons and glaziers, it opened again on Saturday morning.",
    "Visitors can climb the hundred and twelve steps to the gallery every day from ten until four.",
    "The town council expects the lighthouse to draw several thousand extra visitors this summer.",
]
THREAD = [
    "3 responses to “Harbour town opens its restored lighthouse”",
    "1. Peter Hale says:",
    "June 3, 2024 at 9:14 am",
    "We went up on Sunday and the view over the bay was worth every single one of those steps.",
    "2. Ines Varga says:",
    "June 3, 2024 at 11:02 am",
    "Does anyone know whether the gallery is open when it rains, or only in good weather?",
    "3. Tom Ruiz says:",
    "June 4, 2024 at 7:45 pm",
    "My grandfather kept this light in the fifties, so it was a moving day for our whole family.",
    "Leave a Reply",
    "Your email address will not be published.",
]


def test_a_comment_thread_under_an_article_is_not_its_text() -> None:
    page = "\n\n".join(["Home", "News", "Sport", *STORY, *THREAD, "© 2024 Harbour Courier"])
    art = dehusk.extract(page, mode="text", explain=True)
    assert "hundred and twelve steps" in art.text and "several thousand extra visitors" in art.text
    for comment in ("worth every single one", "open when it rains", "grandfather kept this light", "Ines Varga says"):
        assert comment not in art.text, comment
    labels = {b.text: b.label for b in art.blocks}
    assert labels["2. Ines Varga says:"] == "comment"
    assert next(b.reason for b in art.blocks if b.text == "2. Ines Varga says:").startswith("readers' comments: 3")
    with_comments = dehusk.extract(page, mode="text", include_comments=True)
    assert "grandfather kept this light" in with_comments.text


def test_a_thread_of_writes_headers_under_an_article_is_not_its_text() -> None:
    """"Ann writes:" heads a reader's comment as "Ann says:" does (with or without its date)."""
    thread = [
        "Re: Steps (Score:2)",
        "by harbourfan ( 20114 ) writes:",
        "We went up on Sunday and the view over the bay was worth every single one of those steps.",
        "Re: Rain (Score:1)",
        "by ivarga ( 30411 ) writes:",
        "Does anyone know whether the gallery is open when it rains, or only in good weather?",
        "Re: Family (Score:3)",
        "by truiz ( 11970 ) writes:",
        "My grandfather kept this light in the fifties, so it was a moving day for our whole family.",
    ]
    page = "\n\n".join(["Home", "News", "Sport", *STORY, *thread, "© 2024 Harbour Courier"])
    art = dehusk.extract(page, mode="text", explain=True)
    assert "hundred and twelve steps" in art.text and "several thousand extra visitors" in art.text
    for comment in ("worth every single one", "open when it rains", "grandfather kept this light"):
        assert comment not in art.text, comment
    assert {b.label for b in art.blocks if b.text.endswith("writes:")} == {"comment"}


def test_forum_posts_with_quote_headers_stay() -> None:
    """A forum thread's posts are its content: quote headers ("Ann said:") carry no date, and the
    thread does not follow an article."""
    posts = [
        "Which glue for a cracked oak table top?",
        "Posted by woodfan",
        "My grandmother's oak table has a long crack along the grain and I would like to fix it myself this winter.",
        "woodfan said:",
        "My grandmother's oak table has a long crack along the grain.",
        "Use a slow-setting epoxy and clamp it overnight, then plane the surface flush the next morning.",
        "oldjoiner said:",
        "Use a slow-setting epoxy and clamp it overnight.",
        "I would rather use hide glue on an antique, because it can be undone by the next restorer.",
        "woodfan said:",
        "I would rather use hide glue on an antique.",
        "Thanks, hide glue it is, I will post pictures of the finished table when the clamps come off.",
    ]
    art = dehusk.extract("\n\n".join(["Forum", "Login", *posts, "Powered by a forum engine"]), mode="text")
    for snippet in ("slow-setting epoxy and clamp it overnight, then plane", "hide glue on an antique, because",
                    "post pictures of the finished table"):
        assert snippet in art.text, snippet


def test_an_orphan_heading_inside_the_article_stays_one_after_it_is_husk() -> None:
    long_para = " ".join(["word"] * 35) + "."
    segs = _segs([
        ("Updated 12 March 2024", "heading"), ("Share on Facebook", "boilerplate"),
        (long_para, "body"),
        ("Where the money goes", "heading"), ("Chart: spending by district, 2024", "caption"),
        (long_para, "body"),
        ("Ferry timetable changes from Monday for the winter season", "heading"), ("Footer", "boilerplate"),
    ])
    drop_orphan_headings(segs, [float(len(s.text.split())) for s in segs])
    assert segs[0].label == "boilerplate"  # above the article's text: page furniture
    assert segs[3].label == "heading"  # between its paragraphs: the article's own section heading
    assert segs[6].label == "boilerplate"  # under it: a headline rail
    assert segs[6].reason.startswith("heading-like line not followed by body text")


EVENTS = [
    ("Harbour Data Day 2026", "Community conference on open data in Portsmouth, United Kingdom"),
    ("Northern Rust Meetup", "Systems programming meetup in Leeds, United Kingdom"),
    ("Cloud Week Lisbon", "Cloud infrastructure conference in Lisbon, Portugal"),
    ("Frontend Camp Gdansk", "Web development camp in Gdansk, Poland"),
    ("Security Summit Lyon", "Application security summit in Lyon, France"),
    ("Data Engineering Forum", "Data platform conference in Rotterdam, Netherlands"),
    ("Python Valley Days", "Python conference in Graz, Austria"),
    ("Mobile Builders Night", "App developers meetup in Aarhus, Denmark"),
]


def test_a_page_of_items_keeps_its_entries_a_rail_under_an_article_does_not() -> None:
    # a listing: each entry a kept name and a one-line description, no article text around them
    rows = [("Conference calendar", "title")]
    for name, description in EVENTS:
        rows += [(name, "heading"), (description, "heading"), ("Mar 14", "boilerplate")]
    segs = _segs(rows)
    drop_orphan_headings(segs, [float(len(s.text.split())) for s in segs])
    assert [s.text for s in segs if s.label == "heading"] == [t for pair in EVENTS for t in pair]
    # the same entries under an article longer than all of them: a rail of teasers
    long_para = " ".join(["word"] * 80) + "."
    segs = _segs([(long_para, "body"), (long_para, "body")] + rows[1:])
    drop_orphan_headings(segs, [float(len(s.text.split())) for s in segs])
    assert not any(s.label == "heading" for s in segs)
    # and fewer than eight orphans are never a page of items
    segs = _segs(rows[: 1 + 3 * 3])
    drop_orphan_headings(segs, [float(len(s.text.split())) for s in segs])
    assert not any(s.label == "heading" for s in segs)


def _words(segs: list) -> list[float]:
    return [float(len(s.text.split())) for s in segs]


def test_kept_lines_above_an_article_header_are_husk_unless_they_outweigh_it() -> None:
    para = "The council voted on the harbour budget after a debate that ran late into the night. " * 3
    rail = [("Storm closes the coastal road again. Drivers are told to use the inland route.", "body"),
            ("Ferry timetable changes from Monday for the winter season on both routes.", "body")]
    header = [("Harbour budget passes after a long night", "title"), ("By Jane Doe", "byline")]
    segs = _segs(rail + header + [(para, "body")] * 3)
    cut_before_headline(segs, _words(segs), 2, (3,))
    assert [s.label for s in segs[:2]] == ["boilerplate", "boilerplate"]
    assert segs[0].reason.startswith("above the article's headline")
    assert [s.label for s in segs[4:]] == ["body"] * 3
    # no byline or date line under the headline: no article header, nothing cut
    segs = _segs(rail + header + [(para, "body")] * 3)
    cut_before_headline(segs, _words(segs), 2, ())
    assert [s.label for s in segs[:2]] == ["body", "body"]
    # the byline too far below the headline is no header either
    segs = _segs(rail + header[:1] + [(para, "body")] * 5 + header[1:])
    cut_before_headline(segs, _words(segs), 2, (8,))
    assert [s.label for s in segs[:2]] == ["body", "body"]
    # kept text above that is not outweighed four times by the text below stays
    segs = _segs(rail * 3 + header + [(para, "body")])
    cut_before_headline(segs, _words(segs), 6, (7,))
    assert all(s.label == "body" for s in segs[:6])


def test_a_comments_section_after_the_article_is_not_its_text() -> None:
    from dehusk.comments import comment_section

    para = "The council voted on the harbour budget after a debate that ran late into the night. " * 5
    comments = [("I think the budget is far too small for a harbour of this size.", "body"),
                ("Agreed, and the ferry timetable should have been part of it as well.", "body")]
    rows = [(para, "body"), (para, "body"), ("24 Comments", "boilerplate"), *comments]
    segs = _segs(rows)
    comment_section(segs, _words(segs), "https://news.example.com/2024/05/harbour-budget")
    assert [s.label for s in segs] == ["body", "body", "boilerplate", "comment", "comment"]
    assert segs[3].reason.startswith("readers' comments: under the comments heading '24 Comments'")
    # asked for (include_comments), on a forum's page, or before 150 words of the article: unchanged
    for url, keep, body in ((None, True, rows), ("https://example.com/forum/harbour-budget", False, rows),
                            ("https://example.org/t/harbour-budget/812", False, rows), (None, False, rows[1:])):
        segs = _segs(body)
        comment_section(segs, _words(segs), url, keep=keep)
        assert "comment" not in [s.label for s in segs], url
    # a listing printing a comment count under each item: the counts are not a heading
    items = []
    for n in range(4):
        items += [(f"Story number {n} about the harbour and its new budget for the coming year.", "body"),
                  (f"{n + 3} comments", "boilerplate")]
    segs = _segs([(para, "body"), (para, "body"), *items])
    comment_section(segs, _words(segs), None)
    assert "comment" not in [s.label for s in segs]
    # the article's own count, its comments, then a rail of other stories with their counts: comments
    segs = _segs([(para, "body"), (para, "body"), ("[ 167 comments ]", "boilerplate"), *comments * 4, *items])
    comment_section(segs, _words(segs), None)
    assert [s.label for s in segs[3:11]] == ["comment"] * 8


def test_a_blog_engines_comments_heading_with_the_posts_title() -> None:
    from dehusk.comments import THREAD_TITLE_HEADING, comment_section

    para = "The council voted on the harbour budget after a debate that ran late into the night. " * 5
    heading = "10 thoughts on “Harbour budget passes after a long night at the town hall”"
    segs = _segs([(para, "body"), (para, "body"), (heading, "heading"),
                  ("Gaye", "boilerplate"), ("What a night for the harbour, thanks for the report.", "body")])
    comment_section(segs, _words(segs), None)
    assert [s.label for s in segs[2:]] == ["comment", "boilerplate", "comment"]
    for line in ("34 responses to “Council budget”", "One thought on \"Council budget\"", "15 Replies to ‘Ferry’"):
        assert THREAD_TITLE_HEADING.match(line), line
    for line in ("20 replies to this topic", "10 thoughts on the harbour budget from our readers"):
        assert not THREAD_TITLE_HEADING.match(line), line


def test_comments_headings_in_several_shapes_and_languages() -> None:
    from dehusk.comments import COMMENTS_HEADING

    for line in ("Comments", "24 Comments", "[ 167 comments ]", "Top Rated Comments", "Leave a Reply",
                 "Join the discussion", "View all comments", "Comments (12)", "12 Kommentare", "Commentaires :"):
        assert COMMENTS_HEADING.match(line), line
    for line in ("Responses", "Replies", "Comments?", "Comments are closed for this article", "Comment policy"):
        assert not COMMENTS_HEADING.match(line), line


def test_a_notice_between_two_paragraphs_is_not_restored_as_a_subheading() -> None:
    from dehusk.features import text_features
    from dehusk.lang import stopwords
    from dehusk.text_context import restore_inner_headings

    para = "The council voted on the harbour budget after a debate that ran late into the night."
    for line, label in (("Table of Contents", "boilerplate"), ("Harbour works", "heading"),
                        ("Dela artikeln", "boilerplate"), ("Bu haberi paylaş", "boilerplate"), ("Link", "heading"),
                        # a live page's entry stamp is no heading; a year or a price heading a section still is
                        ("10:58", "boilerplate"), ("9.15 am", "boilerplate"), ("14:05 GMT", "boilerplate"),
                        ("1999", "heading"), ("$19.99", "heading")):
        segs = _segs([(para, "body"), (line, "boilerplate"), (para, "body")], score=0.3)
        segs[0].label = segs[2].label = "body"
        _, f = text_features(segs, stopwords("en"))
        restore_inner_headings(segs, f)
        assert segs[1].label == label, line



def test_customer_reviews_under_a_product_are_comments_not_its_text() -> None:
    from dehusk.comments import review_section

    para = "A walnut desk with a steel frame, a cable tray and a drawer that closes without a sound. " * 5
    reviews = [("Customer Reviews", "heading"), ("4.6 out of 5 stars", "boilerplate"),
               ("Sturdy and easy to build, the drawer is my favourite part of it.", "body"),
               ("Arrived with a scratch on the top but support sent a new panel.", "body")]
    segs = _segs([(para, "body"), (para, "body"), *reviews])
    review_section(segs, _words(segs), "https://shop.example.com/desks/walnut-desk")
    assert [s.label for s in segs] == ["body", "body", "comment", "boilerplate", "comment", "comment"]
    assert segs[4].reason == "customers' reviews: under the reviews heading 'Customer Reviews'"
    # a German shop's section: its heading and its rating line in German
    de = [("Kundenbewertungen", "heading"), ("4,5 von 5 Sternen", "boilerplate"),
          ("Stabil und schnell aufgebaut, die Schublade gefällt mir am besten.", "body")]
    segs = _segs([(para, "body"), (para, "body"), *de])
    review_section(segs, _words(segs), None)
    assert [s.label for s in segs] == ["body", "body", "comment", "boilerplate", "comment"]
    # asked for (include_comments), on a forum's page, or before 150 words of the page's text: unchanged
    for url, keep, rows in ((None, True, [(para, "body"), (para, "body"), *reviews]),
                            ("https://example.com/forum/walnut-desk", False, [(para, "body"), (para, "body"), *reviews]),
                            (None, False, [(para[:200], "body"), *reviews])):
        segs = _segs(rows)
        review_section(segs, _words(segs), url, keep=keep)
        assert "comment" not in [s.label for s in segs], url
    # a menu's "Reviews" among other tabs (no rating or review line under it), or bulleted: not a heading
    tabs = [("Reviews", "boilerplate"), ("Screen Recording", "boilerplate"), ("Quizzes", "boilerplate"),
            (para, "body")]
    segs = _segs([(para, "body"), (para, "body"), *tabs])
    review_section(segs, _words(segs), None)
    assert "comment" not in [s.label for s in segs]
    segs = _segs([(para, "body"), (para, "body"), *reviews])
    segs[2].bullet = True
    review_section(segs, _words(segs), None)
    assert "comment" not in [s.label for s in segs]


def test_reviews_headings_in_several_shapes_and_languages() -> None:
    from dehusk.comments import REVIEW_CUE, REVIEWS_HEADING

    for line in ("Reviews", "Customer Reviews", "Ratings & Reviews", "Reviews (12)", "REVIEWS:", "Kundenbewertungen",
                 "Avis clients", "Opiniones de clientes", "Recensioni", "Opinie klientów"):
        assert REVIEWS_HEADING.match(line), line
    # a count under a listing's item, a brand, a review's own title, a sentence: no heading
    for line in ("146 Reviews", "Avis", "Review", "Reviews of the best desks we tested this year", "Write a review"):
        assert not REVIEWS_HEADING.match(line), line
    for line in ("4.5 out of 5 stars", "358 ratings", "4.9", "5 (260)", "Based on 407 reviews", "Verified buyer",
                 "4,5 von 5 Sternen", "Verifizierter Kauf", "4,6 étoiles sur 5", "Achat vérifié", "Compra verificada",
                 "5 gwiazdek"):
        assert REVIEW_CUE.search(line), line
    for line in ("Screen Recording", "Price", "$29.95", "Free delivery on orders over $50"):
        assert not REVIEW_CUE.search(line), line


# a shop's product page as a whole-page dump (written for this test): its description, a table, then
# customers' reviews long enough for the line model to keep
PRODUCT_PAGE = (
    'Skip to content\n'
    'Shop\n'
    'Desks\n'
    'Chairs\n'
    'Lighting\n'
    'Sale\n'
    'Cart (0)\n'
    'Home / Desks / Walnut Standing Desk\n'
    'Walnut Standing Desk\n'
    '$649.00\n'
    'Add to cart\n'
    'Free delivery on orders over $50\n'
    'Description\n'
    'Our walnut standing desk pairs a solid walnut top with a quiet dual-motor steel frame that lifts from 62 to 127 centimetres in under twenty seconds.\n'
    'The top is finished with a hard wax oil that resists water rings and coffee stains, and every board is sanded by hand in our workshop before it ships.\n'
    'A cable tray runs the full width of the frame, so power strips and adapters stay out of sight, and the memory keypad stores four heights for sitting and standing.\n'
    'The frame carries up to 120 kilograms, enough for two large monitors, a desktop computer and a pile of books, without a wobble at full height.\n'
    'Assembly takes about thirty minutes with the tools in the box, and our support team answers questions by phone and email seven days a week.\n'
    'Every desk comes with a ten-year warranty on the frame and the motors, and a five-year warranty on the top, because we build them to last for decades of daily use.\n'
    'Dimensions\n'
    'Width: 160 cm\n'
    'Depth: 80 cm\n'
    'Height: 62 to 127 cm\n'
    'Customer Reviews\n'
    '4.7 out of 5 stars\n'
    'Based on 212 reviews\n'
    'Write a review\n'
    'Anna K.\n'
    'Verified buyer\n'
    'I bought this desk for my home office after a year of back pain, and it has changed how I work. The motor is quiet, the walnut top is even more beautiful than in the photos, and the keypad remembers my two heights so switching takes a second.\n'
    'Tom R.\n'
    'Verified buyer\n'
    'Arrived with a scratch on the top, but support sent a new panel within a week and the whole exchange took ten minutes of my time. The frame is rock solid even at full height with two monitors, and the cable tray keeps everything tidy under the top.\n'
    'Maria L.\n'
    'Verified buyer\n'
    'We have two of these in our studio now. Assembly was simple with the tools in the box, the instructions were clear, and the finish has survived a year of coffee cups, paint and a very curious cat without a single mark.\n'
    'You may also like\n'
    'Oak Standing Desk\n'
    'Monitor Arm\n'
    'About us\n'
    'Contact\n'
    'Privacy policy\n'
)


def test_a_product_pages_reviews_are_left_out_unless_comments_are_asked_for() -> None:
    url = "https://shop.example.com/desks/walnut-standing-desk"
    art = dehusk.extract(PRODUCT_PAGE, mode="text", url=url, options=dehusk.Options(explain=True))
    assert art.title == "Walnut Standing Desk"
    assert art.text.startswith("Our walnut standing desk pairs a solid walnut top")
    assert art.text.endswith("because we build them to last for decades of daily use.")
    assert "home office" not in art.text and "Dimensions" not in art.text
    labels = {b.text[:20]: b.label for b in art.blocks}
    assert labels["I bought this desk f"] == "comment"
    with_comments = dehusk.extract(PRODUCT_PAGE, mode="text", url=url, options=dehusk.Options(include_comments=True))
    assert "I bought this desk for my home office" in with_comments.text


def _slot_arrays(segs: list, scores: list[float]) -> tuple[dict, object]:
    from collections import Counter

    import numpy as np

    words = np.array([len(s.text.split()) for s in segs], dtype=np.float64)
    end_term = np.array([s.text.rstrip()[-1:] in ".!?" for s in segs], dtype=np.float64)
    copies = Counter(s.text.lower() for s in segs)
    log_rep = np.log([copies[s.text.lower()] for s in segs])  # (as the line features count copies)
    return {"_words": words, "end_term": end_term, "log_rep": log_rep}, np.array(scores)


def test_a_post_where_the_kept_posts_sit_is_kept_too() -> None:
    """A thread's posts each come before the same "Reply Quote Like" row: when two of those slots
    hold kept posts, a prose line dropped from another slot (the model scores late posts lower)
    is a post too; a short line, a low score or a slot no kept post shares changes nothing."""
    from dehusk.text_context import revive_slots

    post = "The ferry was late again this morning and nobody on the quay could say when the next one would leave."
    rows = [
        ("Ferry delays this week", "heading"),
        (post, "body"), ("Reply Quote Like", "boilerplate"),
        ("Same here, the eight o'clock boat did not sail at all and we waited on the pier for an hour.", "body"),
        ("Reply Quote Like", "boilerplate"),
        ("Update: the council says the timetable goes back to normal on Monday once the engine is fixed.",
         "boilerplate"),
        ("Reply Quote Like", "boilerplate"),
        ("Thanks for the update.", "boilerplate"),
        ("Reply Quote Like", "boilerplate"),
        ("Forum rules and a list of what you may post here, for every member who joins the board today.",
         "boilerplate"),
        ("Report", "boilerplate"),
    ]
    segs = _segs(rows)
    f, p = _slot_arrays(segs, [0.9, 0.9, 0.1, 0.8, 0.1, 0.4, 0.1, 0.4, 0.1, 0.4, 0.1])
    revive_slots(segs, f, p)
    labels = [s.label for s in segs]
    assert labels[5] == "body" and segs[5].reason.startswith("prose where the page's kept posts sit")
    assert labels[7] == "boilerplate"  # a short reply: no prose
    assert labels[9] == "boilerplate"  # above "Report", a slot with no kept post
    # the same late post scored very low stays dropped; with one kept slot only, nothing changes
    segs = _segs(rows)
    f, p = _slot_arrays(segs, [0.9, 0.9, 0.1, 0.8, 0.1, 0.1, 0.1, 0.4, 0.1, 0.4, 0.1])
    revive_slots(segs, f, p)
    assert segs[5].label == "boilerplate"
    segs = _segs([(t, "boilerplate" if i == 3 else lab) for i, (t, lab) in enumerate(rows)])
    f, p = _slot_arrays(segs, [0.9, 0.9, 0.1, 0.8, 0.1, 0.4, 0.1, 0.4, 0.1, 0.4, 0.1])
    revive_slots(segs, f, p)
    assert segs[5].label == "boilerplate"


def test_the_opening_above_a_contents_list_is_the_articles() -> None:
    """A wiki's or a guide's opening paragraph stands above its contents list, whose entries come back
    as its section headings: it is the article's opening, cited ("...in 1984.[1]") or not. Above a
    list of other links (not headings of the page) the rule says nothing."""
    opening = ("The Harbour Light of Kessand is a disused lighthouse on the northern breakwater of Kessand harbour. "
               "Built in 1871 of local granite, it guided fishing boats into the harbour for more than a century "
               "before an automatic beacon replaced it in 1984.[1]")
    sections = [
        "History",
        "The light was commissioned after a winter storm in 1868 wrecked three boats at the harbour mouth. The "
        "harbour board raised the money by a levy on every catch landed over two years.[2]",
        "Its first keeper, Anders Holm, kept the lamp for 31 years and recorded the weather every four hours in "
        "logbooks that are now kept in the town museum.",
        "Architecture",
        "The tower is 14 metres tall and tapers from a base of six metres. A spiral stair of 62 steps leads to the "
        "lantern room, whose original lens was removed for safekeeping in 1985.[3]",
        "References",
        "^ Kessand Harbour Board (1985). Annual report. p. 12.",
        "^ Lind, Maja (2003). Lights of the northern coast. Coastline Press. pp. 44-47."]
    head = ["Jump to content", "Main menu", "Search", "Create account", "Log in", "Harbour Light of Kessand",
            "Article", "Talk", "Read", "Edit", "View history", "From the harbour wiki, the town's encyclopedia",
            opening]
    foot = ["This page was last edited on 2 February 2024, at 10:15.", "Privacy policy", "About the wiki",
            "Disclaimers"]
    url = "https://wiki.example.org/wiki/Harbour_Light_of_Kessand"
    page = "\n".join([*head, "Contents", "1 History", "2 Architecture", "3 References", *sections, *foot])
    art = dehusk.extract(page, mode="text", url=url)
    assert art.text.startswith(opening)
    assert "Contents" not in art.text and "1 History" not in art.text
    other = "\n".join([*head, "More lighthouses", "Lights of the west coast", "Lights of the islands", *sections,
                       *foot])
    assert not any("contents list" in b.reason for b in dehusk.extract(other, mode="text", url=url, explain=True).blocks)
