"""Text mode on dumps made by other renderers: hard-wrapped (lynx, w3m, html2text), Markdown
(html2text, markdownify) and inline-split (BeautifulSoup's get_text("\\n")) versions of the
hand-written fixtures must give the same article as the fixture itself."""

from __future__ import annotations

import re
import textwrap

import pytest

import dehusk
from conftest import assert_in_order, load_text_fixture, norm, text_fixture_names
from dehusk.segment_text import inline_split, is_markdown, segment_text, strip_markdown
from dehusk.text_wrap import wrap_width

# fixtures written with blank lines between blocks (a wrapper keeps those); CJK pages are not wrapped by words
NAMES = [n for n in text_fixture_names() if not n.startswith("zh-")
         and any(not ln.strip() for ln in load_text_fixture(n)[0].decode("utf-8").splitlines())]


# Known gaps, reported on issue 3 (xfail, strict: a fixture that starts passing fails the run).
# The recipe page holds six lines of prose: too few for the hard wrapping to be recognised
# (`text_wrap.wrap_width`), and a wrapped paragraph's first half then reads as a line of its own
# (taken for the headline where the synthetic dump turned the headline into a link).
SHORT_PROSE_GAP = "too little prose for the hard wrapping to be recognised (six lines of prose)"
KNOWN_GAPS = {"en-recipe-inscriptis": SHORT_PROSE_GAP}


def _names(names: list[str]) -> list:
    return [pytest.param(n, id=n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[n])) if n in KNOWN_GAPS
            else pytest.param(n, id=n) for n in names]


def _page(name: str) -> tuple[str, dict]:
    page, exp = load_text_fixture(name)
    return page.decode("utf-8").replace("\r\n", "\n"), exp


def wrapped(page: str, width: int) -> str:
    """lynx -dump / w3m / fmt: every line hard-wrapped at `width`, blank lines kept."""
    return "\n".join(textwrap.fill(line, width) if line.strip() else "" for line in page.split("\n"))


def markdown(page: str) -> str:
    """An html2text-like Markdown dump: short lines as links, the first long line as a heading,
    a strong word and an escaped full stop in each paragraph, everything wrapped at 78."""
    out, heading = [], False
    for line in page.split("\n"):
        s = line.strip()
        words = s.split()
        if not s:
            out.append("")
        elif len(words) <= 4:
            out.append(f"  * [{s}](https://example.org/{'-'.join(w.lower() for w in words)[:30]})")
        elif not heading and len(words) <= 14:
            out.append(f"# {s}")
            heading = True
        else:
            words[1] = f"**{words[1]}**"
            out.append(textwrap.fill(" ".join(words), 78))
    return "\n".join(out)


def wrapped_with_long_items(page: str, width: int = 78) -> str:
    """html2text: paragraphs wrapped at `width`, list items and table rows left whole however long
    (here two long items and two long rows after every paragraph, enough to put the longest lines
    past the width)."""
    item = "  * An item of a list that html2text does not wrap, however far past the width it runs on."
    row = "Basic plan | 12 euros | What the plan covers for a household of four, with every fee and tax included"
    out = []
    for line in page.split("\n"):
        out.append(textwrap.fill(line, width) if line.strip() else "")
        if len(line.split()) >= 8:
            out += ["", item, item, "", row, row, ""]
    return "\n".join(out)


def inline_pieces(page: str) -> str:
    """get_text("\\n"): each paragraph cut around a 'link' in its middle and before a comma."""
    out = []
    for line in page.split("\n"):
        words = line.split(" ")
        if len(words) >= 12 and line.rstrip().endswith("."):
            a, b = len(words) // 3, len(words) // 3 + 2
            out += [" ".join(words[:a]) + " ", " ".join(words[a:b]), " " + " ".join(words[b:])]
        else:
            out.append(line)
        if ", " in out[-1] and not out[-1].startswith(","):
            head, _, tail = out[-1].partition(",")
            out[-1:] = [head, "," + tail]
    return "\n".join(out)


def _same_article(name: str, shaped: str) -> None:
    page, exp = _page(name)
    ref = dehusk.extract(page, mode="text")
    art = dehusk.extract(shaped, mode="text")
    assert norm(art.text) == norm(ref.text), name
    assert art.title == ref.title and art.authors == ref.authors and art.published == ref.published


@pytest.mark.parametrize("width", [64, 72, 80])
@pytest.mark.parametrize("name", _names(NAMES))
def test_hard_wrapped_dump_gives_the_same_article(name: str, width: int) -> None:
    page, _ = _page(name)
    shaped = wrapped(page, width)
    assert max(map(len, shaped.split("\n"))) <= width < max(map(len, page.split("\n")))  # it is wrapped
    assert wrap_width(shaped.split("\n")) is not None
    _same_article(name, shaped)


@pytest.mark.parametrize("name", _names(NAMES))
def test_markdown_dump_gives_the_article_without_markup(name: str) -> None:
    page, exp = _page(name)
    shaped = markdown(page)
    assert is_markdown(shaped) and not is_markdown(page)
    art = dehusk.extract(shaped, mode="text")
    for mark in ("](", "**", "# ", "https://example.org"):
        assert mark not in art.text, mark
    assert_in_order(art.text, exp["must_contain"])  # (short lines became links: their fate may differ)


def linked_markdown(page: str) -> str:
    """html2text's own shape: short lines as links holding an image, paragraphs with a link in
    their text, long URLs and all wrapped at 78 where textwrap breaks them (spaces, and the hyphens
    inside the URLs), so links are cut between and inside their text, image and target."""
    out, paragraphs = [], 0
    for k, line in enumerate(page.split("\n")):
        s = line.strip()
        words = s.split()
        slug = "-".join(w.lower().strip(".,:;!?") for w in words)[:40] or "x"
        if not s:
            out.append("")
            continue
        if len(words) <= 4:
            line = (f"[ ![{s}](https://cdn.example.org/assets/images/menu-icons/{slug}-icon-{k}.svg) {s} ]"
                    f"(https://www.example.org/section-pages/{slug}-page-{k}/ \"{s}\")")
        elif len(words) >= 8 and (paragraphs := paragraphs + 1) % 2:  # a link in every other paragraph
            words[3] = f"[{words[3]} {words[4]}](https://www.example.org/articles/related-reading-{slug}/)"
            del words[4]
            line = " ".join(words)
        out.append(textwrap.fill(line, 78, break_long_words=False))
    return "\n".join(out)


# pages with enough prose for their wrapping to be recognised (a few short ones have too little)
WRAPPED_NAMES = [n for n in NAMES if wrap_width(wrapped(_page(n)[0], 78).split("\n")) is not None]


@pytest.mark.parametrize("name", WRAPPED_NAMES)
def test_markdown_links_broken_by_the_wrapper_are_made_whole(name: str) -> None:
    page, exp = _page(name)
    shaped = linked_markdown(page)
    assert is_markdown(shaped)
    art = dehusk.extract(shaped, mode="text")
    for mark in ("](", "![", "example.org", ".svg"):
        assert mark not in art.text, mark
    assert_in_order(art.text, exp["must_contain"])


def test_join_link_targets_follows_nesting() -> None:
    from dehusk.segment_text import _join_link_targets

    lines = ["[ ![Barbecue](https://cdn.example.org/img/coal-", "bbq.svg) Barbecue ](https://www.example.org/9-",
             'barbecues', '"Barbecues") and after', "", "[open link text", "", "next"]
    assert _join_link_targets(lines) == [
        '[ ![Barbecue](https://cdn.example.org/img/coal-bbq.svg) Barbecue ](https://www.example.org/9-barbecues '
        '"Barbecues") and after', "", "[open link text", "", "next"]  # a blank line ends any link
    assert _join_link_targets(["see [the long", "link text](u) ok", "x"]) == ["see [the long link text](u) ok", "x"]
    assert _join_link_targets(["a [b", "c"] + ["d"] * 20, max_join=3) == ["a [b c d d"] + ["d"] * 18
    assert strip_markdown("at [[email protected]](/cdn-cgi/l#d0). Under") == "at [email protected]. Under"
    assert strip_markdown("![Ann, [object Object]](https://c.example/x.png) after").strip() == "after"
    assert strip_markdown('[](mailto:?subject=A - B (and C)&body=x) ok').strip() == "ok"


# pages with enough commas in their paragraphs for `inline_pieces` to make a recognisable dump
# (`segment_text.inline_split` wants 5+ lines that continue a sentence; a short page may have fewer)
INLINE_NAMES = [n for n in NAMES if inline_pieces(_page(n)[0]).count("\n,") >= 5]


@pytest.mark.parametrize("name", INLINE_NAMES)
def test_inline_split_dump_gives_the_same_article(name: str) -> None:
    page, _ = _page(name)
    shaped = inline_pieces(page)
    assert inline_split(shaped.split("\n"), shaped) and not inline_split(page.split("\n"), page)
    _same_article(name, shaped)


@pytest.mark.parametrize("name", _names(NAMES))
def test_unwrapped_list_items_do_not_hide_the_wrapping(name: str) -> None:
    page, _ = _page(name)
    shaped = wrapped_with_long_items(page)
    assert 70 <= (wrap_width(shaped.split("\n")) or 0) <= 78
    texts = [norm(s.text) for s in segment_text(shaped)]
    for line in page.split("\n"):
        if len(line.split()) >= 8 and len(line.strip()) > 78:  # each paragraph the wrapper cut comes back whole
            assert any(norm(line) in t for t in texts), line


def test_unwrapped_dumps_are_left_alone() -> None:
    """Paragraph-a-line dumps of any width are not joined: a 75-character line that ends a
    paragraph stays apart from the next one."""
    lines = [f"Line {i} of a dump whose paragraphs are lines of their own, ending here." for i in range(30)]
    lines += ["A much longer paragraph line " * k for k in range(3, 9)]
    assert wrap_width(lines) is None
    assert len(segment_text("\n".join(lines))) == len(lines)
    code = ["def f(x):", "    return x", "}", "};", "...     print(x)", "..."] * 5
    assert not inline_split(code, "\n".join(code))


def test_lynx_link_numbers_leave_words_apart() -> None:
    from dehusk.segment_text import strip_link_numbers

    assert strip_link_numbers("   [1]Skip to content[2]Go to search[3]Footer") == "   Skip to content Go to search Footer"
    assert strip_link_numbers("see [3]the report, or [12]this one") == "see the report, or this one"


def test_strip_markdown_keeps_the_words() -> None:
    assert strip_markdown("## A [linked](https://a.example/x_(y)) **bold** _word_ and snake_case") == (
        "A linked bold word and snake_case"
    )
    assert strip_markdown("![logo](https://a.example/l.png)") == ""
    assert strip_markdown("* * *") == "" and strip_markdown("|---|:--:|") == ""
    assert strip_markdown("1\\. Not a list, and `code`") == "1. Not a list, and code"
    assert re.sub(r"\s+", " ", strip_markdown("> quoted [ref][1] text")) == "quoted ref text"


def test_strip_markdown_drops_the_ends_of_a_link_that_held_paragraphs() -> None:
    """A teaser's link around a block ("[ Headline", its byline and date, then "](target "title")")
    opens and closes on lines paragraphs apart: the "[" goes, and so does the target with its title."""
    assert strip_markdown('](/news/ferries-return-to-the-old-town-608365 "Ferries return to the old town")') == ""
    assert strip_markdown("The council met on Tuesday. ](https://example.org/a-b-c)").strip() == "The council met on Tuesday."
    assert strip_markdown("[ Ferries return to the old town").strip() == "Ferries return to the old town"
    # a whole link, a footnote mark and a checkbox stay as they were
    assert strip_markdown("[Home](/) and [News](/news)") == "Home and News"
    assert strip_markdown("[1] a footnote") == "[1] a footnote" and strip_markdown("[x]") == "[x]"
    lines = ["[ Ferries return to the old town", "", "  * By Ann Lee", "  * 11/19/2019 10:40 PM", "",
             '](/news/ferries-return-to-the-old-town-608365 "Ferries return to the old town")']
    assert [strip_markdown(ln).strip() for ln in lines] == [
        "Ferries return to the old town", "", "* By Ann Lee", "* 11/19/2019 10:40 PM", "", ""]


def lynx(page: str) -> str:
    """lynx -dump: numbered links ("[3]Home"), wrapped at 76, a References list at the end."""
    out, refs = [], []
    for line in page.split("\n"):
        words = line.split()
        if words and len(words) <= 4:
            refs.append(f"https://example.org/{len(refs) + 1}")
            line = f"[{len(refs)}]{line.strip()}"
        out.append(textwrap.fill(line, 76) if line.strip() else "")
    out += ["", "References", ""] + [f"  {i}. {u}" for i, u in enumerate(refs, 1)]
    return "\n".join(out)


@pytest.mark.parametrize("name", _names(NAMES))
def test_lynx_dump_gives_the_article_without_link_numbers(name: str) -> None:
    page, exp = _page(name)
    art = dehusk.extract(lynx(page), mode="text")
    assert not re.search(r"\[\d+\]", art.text) and "https://example.org" not in art.text
    assert_in_order(art.text, exp["must_contain"])


def test_lynx_link_numbers_do_not_hide_the_wrapping() -> None:
    """A lynx dump whose menu lines are long only with their link numbers: measured with the
    numbers, half the longish lines end far from the width and no wrapping is seen; measured
    without them (as the reader sees the text), it is, and the paragraphs come back whole."""
    menu = [" ".join(f"[{100 + 6 * k + j}]{w}" for j, w in enumerate(("Home", "News", "Sport", "Weather", "Video", "Shop")))
            for k in range(40)]
    sentence = "The council met on Tuesday to discuss the new bus lanes along the river road"
    paragraphs = [" ".join([f"{sentence}, and paragraph {k} of the report says why the work will take a year."] * 3)
                  for k in range(12)]
    page = "\n".join(menu) + "\n\n" + "\n\n".join(textwrap.fill(p, 76) for p in paragraphs)
    lines = page.split("\n")
    assert wrap_width(lines) is None  # the numbers hide it
    texts = [s.text for s in segment_text(page)]
    for p in paragraphs:
        assert p in texts


@pytest.mark.parametrize("name", ["en-feature-wet", "es-news-bullets", "en-forum-thread"])
def test_markdown_h1_is_the_headline(name: str) -> None:
    """In a Markdown dump the page's '# ' line is the headline, even on pages where the plain
    dump's picker takes the section label above it (known gaps of these fixtures, text mode)."""
    page, exp = _page(name)
    lines = []
    for line in page.split("\n"):
        s = line.strip()
        if norm(s) == norm(exp["title"]):
            lines.append(f"# {s}")
        elif s and len(s.split()) <= 3:
            lines.append(f"  * [{s}](https://example.org/{len(lines)})")
        else:
            lines.append(line)
    shaped = "\n".join(lines)
    assert dehusk.extract(shaped, mode="text").title == exp["title"]


def one_line(page: str) -> str:
    """trafilatura's html2txt and similar: the whole page on one line, every break gone."""
    return " ".join(page.split())


@pytest.mark.parametrize("name", NAMES)
def test_one_line_dump_gives_the_body_back(name: str) -> None:
    page, exp = _page(name)
    shaped = one_line(page)
    assert "\n" not in shaped
    art = dehusk.extract(shaped, mode="text")
    text = norm(art.text)
    found = [s for s in exp["must_contain"] if norm(s) in text]
    # most of the body comes back (a menu glued to the first sentence is cut off when its words are capitalised)
    assert len(found) >= 0.7 * len(exp["must_contain"]), sorted(set(exp["must_contain"]) - set(found))


@pytest.mark.parametrize("name", [n for n in NAMES if n[:2] in ("en", "es", "de", "it", "pt", "pl")])
def test_one_line_dump_finds_its_headline_by_the_url(name: str) -> None:
    """A page dumped on one line has no headline line: the URL's slug finds it inside the sentence
    it was glued to. Without a slug, no headline is made up from the URL."""
    from dehusk.headline_slug import slug_headline, slug_words

    page, exp = _page(name)
    title = exp["title"]
    slug = "-".join(re.findall(r"[^\W_]+", title.casefold()))
    shaped = one_line(page)
    art = dehusk.extract(shaped, mode="text", url=f"https://news.example.org/2024/05/17/{slug}/")
    assert norm(art.title) == norm(title)
    assert slug_words("https://news.example.org/section/12345") == []
    assert slug_headline(["Home News " + title + " The first sentence."], "https://news.example.org/about-us") is None


def test_slug_words_and_headline() -> None:
    from dehusk.headline_slug import slug_headline, slug_words

    assert slug_words("https://a.example/2025/09/04/best-ferry-routes-for-spring-2025/") == [
        "best", "ferry", "routes", "for", "spring", "2025"]
    assert slug_words("https://a.example/news/park_plan_approved.html?x=1") == ["park", "plan", "approved"]
    chunk = ("Skip to content Home Blog Mara Quinn April 4, 2025 Best Ferry Routes for Spring 2025: "
             "Where Locals Sail Spring isn't just the season of timetables.")
    assert slug_headline([chunk], "https://a.example/2025/09/04/best-ferry-routes-for-spring-2025-where-locals-sail/") == (
        "Best Ferry Routes for Spring 2025: Where Locals Sail")
    assert slug_headline(["Nothing of the kind here at all."], "https://a.example/best-ferry-routes-for-spring/") is None


def test_lynx_nested_list_marks_are_bullets() -> None:
    """lynx -dump marks nested list items with "+" and "o": each is a list item of its own, without
    its mark, and not joined to the long line above it."""
    menu = [f"   [{k}]Section {k} of the site" for k in range(1, 12)]
    body = ["   The council met on Tuesday to discuss the new bus lanes along the river road and the",
            "   bridge, and agreed that the work will start in the spring of next year at the latest.",
            "     * [20]Bus lanes plan approved by the council after a long debate on Tuesday evening",
            "          o [21]Riverside route",
            "          o [22]Bridge works"]
    segs = segment_text("\n".join(menu + [""] + body))
    texts = [s.text for s in segs]
    assert "Riverside route" in texts and "Bridge works" in texts
    assert all(s.bullet for s in segs if s.text in ("Riverside route", "Bridge works"))
    # without link numbers (not a lynx dump) an "o" at a line's start is a word
    plain = segment_text("  o que foi dito ontem\n  o resto da frase")
    assert [s.text for s in plain] == ["o que foi dito ontem", "o resto da frase"]


def test_w3m_nested_list_marks_are_bullets() -> None:
    """w3m marks nested list items with "•", "□", "☆": list items, not prose lines, so a long
    menu of them neither hides the wrapping of the text nor is joined to it."""
    menu = []
    for k in range(30):
        menu += [f"  • Section {k}", f"      □ Topic {k} of the section", f"          ☆ Page {k} about the topic"]
    sentence = "The council met on Tuesday to discuss the new bus lanes along the river road"
    paragraphs = [" ".join([f"{sentence}, and paragraph {k} of the report says why the work will take a year."] * 3)
                  for k in range(6)]
    page = "\n".join(menu) + "\n\n" + "\n\n".join(textwrap.fill(p, 79) for p in paragraphs)
    assert 70 <= (wrap_width(page.split("\n")) or 0) <= 79
    segs = segment_text(page)
    texts = [s.text for s in segs]
    assert all(p in texts for p in paragraphs)
    assert "Page 3 about the topic" in texts and all(s.bullet for s in segs if s.text.startswith("Page "))


def test_a_short_wrapped_markdown_page_is_unwrapped() -> None:
    # html2text's shape for a short post: three wrapped paragraphs and wrapped link lines; once the
    # links are made whole, too few lines are left to measure the width on: the link pieces count
    from dehusk.segment_text import segment_text

    paragraphs = [
        "Pictures shared by the harbour trust this week show the old lighthouse looking brighter than it has "
        "in decades, after a long series of repairs that finished last month in Porthaven.",
        "The keeper's cottage, which in 1998 won a regional prize for the best restored building on the coast, "
        "has been opened to visitors who want to climb the tower and look out to sea.",
        "Volunteers painted the lantern room in the colours of the town crest. The 82 year old former keeper was "
        "one of the guests invited to the reopening on a windy Sunday afternoon.",
    ]
    links = [f"[Read part {i} of our series about the lighthouse repairs, the cottage garden in the colours of "
             f"the crest and the reopening in Porthaven on Sunday](https://www.example.org/{i})"
             for i in range(1, 7)]
    page = "\n\n".join(["# Old lighthouse shines again after repairs", *paragraphs, *links])
    shaped = wrapped(page, 78)
    assert max(map(len, shaped.split("\n"))) <= 78
    texts = [seg.text for seg in segment_text(shaped)]
    for paragraph in paragraphs:
        assert paragraph in texts  # each paragraph whole again, not cut at the wrap


def test_wrapped_paragraphs_without_blank_lines_between_them_are_unwrapped() -> None:
    # lynx and w3m print paragraphs split by <br> without a blank line: each paragraph's last line
    # ends in the band under the width though the next word would have fitted there
    import random

    from dehusk.segment_text import segment_text

    rnd = random.Random(5)
    sentence = ("the council said that its plan for the harbour would bring new jobs to the town and that work "
                "on the quay walls should begin in the spring once the engineers have finished their survey of "
                "the old stones and the money from the regional fund has arrived")
    vocabulary = sentence.split(" ")
    paragraphs: list[str] = []
    while len(paragraphs) < 8:
        text = " ".join(rnd.choice(vocabulary) for _ in range(rnd.randint(44, 60))).capitalize() + "."
        lines = textwrap.wrap(text, 73)
        if len(lines) == 4 and 60 <= len(lines[-1]) <= 64:  # a last line the next paragraph's word would fit on
            paragraphs.append(text)
    page = "\n".join("   " + line for p in paragraphs for line in textwrap.wrap(p, 73))
    assert wrap_width(page.split("\n")) == 76
    texts = [seg.text for seg in segment_text(page)]
    assert all(any(p in t for t in texts) for p in paragraphs)  # no paragraph cut at the wrap


_RIVER = [
    "The river authority said on Tuesday that the old footbridge near the market will close in March for "
    "six months of repairs, after inspectors found rust in two of its main beams.",
    "Engineers will replace the beams and the deck, and the city will run a free ferry between the two banks "
    "while the work goes on, every ten minutes from early morning until midnight.",
    "Traders at the market said they were worried about losing customers during the busiest months of the year, "
    "and asked the council to put up signs pointing shoppers to the ferry landing.",
    "The council said it would publish the full inspection report next week, together with the schedule of the "
    "works and the cost, which it expects to be about two million euros in total.",
    "Residents can send questions about the closure to the river authority until the end of February, and a public "
    "meeting will be held at the town hall on the first Monday of March at seven in the evening.",
]


def test_one_line_dump_cuts_the_menu_off_the_first_sentence() -> None:
    from dehusk.run_on import split_menu_head

    menu = "Skip to content Home News World Business Sport Culture Travel Weather Contact Login Subscribe Search"
    art = dehusk.extract(one_line(menu + " " + " ".join(_RIVER * 2)), mode="text", explain=True)
    assert _RIVER[0] in art.text and "Subscribe" not in art.text
    # blocks of its own (husk), not glued to the sentence: "Skip to content", then the run of its items
    first = next(k for k, b in enumerate(art.blocks) if b.text.startswith(_RIVER[0][:40]))
    assert " ".join(b.text for b in art.blocks[:first]) == menu
    assert all(b.label not in ("body", "lead", "heading") for b in art.blocks[:first])
    # a sentence's own capitalised names are not a menu
    for sentence in ("The United States Department of Justice said on Monday that the plan would go ahead as planned.",
                     "Officials of the World Health Organization and the European Centre for Disease Prevention "
                     "and Control met in Geneva on Monday to discuss the plan."):
        assert split_menu_head(sentence) == [sentence]


def _browser_dump(extra: list[str]) -> tuple[list[str], str]:
    """Paragraphs a text browser wrapped at 77 (3-space margin), with `extra` lines among them."""
    sentence = "The library board met on Tuesday to weigh the cost of longer opening hours in winter"
    paragraphs = [" ".join([f"{sentence}, and part {k} of its report sets out which branches would stay open later."] * 2)
                  for k in range(10)]
    wrapped_paras = [textwrap.fill(p, 77, initial_indent="   ", subsequent_indent="   ") for p in paragraphs]
    return paragraphs, "\n\n".join(wrapped_paras[:5] + extra + wrapped_paras[5:])


@pytest.mark.parametrize("shape", ["form", "nested menu"])
def test_forms_and_nested_menus_do_not_hide_a_text_browsers_wrapping(shape: str) -> None:
    """A text browser draws a form's text boxes as underscores and indents a nested menu's items
    far past its paragraphs' margin: such lines are no prose whose length tells the wrap width."""
    if shape == "form":
        fields = ["Full name", "Email address", "Phone number", "Company name", "Street address", "Postcode"]
        extra = [f"       {field}* [{40 + k}]_____________________________" for k, field in enumerate(fields * 15)]
    else:
        items = ["Opening hours and holidays", "Membership and library cards", "Events for children",
                 "Study rooms and computers", "Local history collection", "Accessibility information"]
        extra = [" " * (8 + 6 * (k % 3)) + f"[{60 + k}]{item}" for k, item in enumerate(items * 15)]
    paragraphs, page = _browser_dump(["\n".join(extra)])
    assert 70 <= (wrap_width(page.split("\n")) or 0) <= 77
    texts = [s.text for s in segment_text(page)]
    for p in paragraphs:  # each paragraph whole again
        assert p in texts


def test_a_few_lines_past_the_width_do_not_hide_the_wrapping() -> None:
    """lynx's indented paragraphs wrapped at 74, with two lines its margin left a little longer (a
    word it could not break): the longest lines' length (77) is no width the paragraphs were cut
    at; a width a few characters under it, which those two lines alone pass, is."""
    sentence = "The harbour board met on Monday to discuss the new ferry timetable for the islands"
    paragraphs = [" ".join([f"{sentence}, and paragraph {k} of its minutes explains why the winter crossings change."] * 2)
                  for k in range(14)]
    wrapped_paras = [textwrap.fill(p, 74, initial_indent="   ", subsequent_indent="   ") for p in paragraphs]
    wrapped_paras[3] += "\n   " + "see the timetable at the harbour office or" + " ferry-timetable-winter-crossings"
    wrapped_paras[9] += "\n   " + "the minutes are online at the board's page" + " board-minutes-monday-meeting-notes"
    page = "\n\n".join(wrapped_paras)
    lines = page.split("\n")
    assert sorted(map(len, lines))[-2] > 74
    assert wrap_width(lines) is not None
    texts = [s.text for s in segment_text(page)]
    for p in paragraphs:
        assert p in texts


@pytest.mark.parametrize("rule", ["━" * 78, "_" * 72, "-----", "* * *", "— — —"])
def test_horizontal_rules_are_breaks_not_blocks(rule: str) -> None:
    """w3m draws <hr> as a line of box-drawing strokes, lynx as underscores, plain text as dashes
    or stars: no block of the page, a break between its neighbours (as a blank line is)."""
    page = f"A first paragraph of the story that ends here.\n{rule}\nA second paragraph that follows the rule."
    segs = segment_text(page)
    assert [s.text for s in segs] == ["A first paragraph of the story that ends here.",
                                     "A second paragraph that follows the rule."]
    assert segs[1].blank_before == 1
    assert [s.text for s in segment_text("Score\n--x\n==")] == ["Score", "--x", "=="]  # not rules: kept


def test_text_browser_placeholders_are_marked_and_left_out() -> None:
    """lynx and w3m print an image as its alt text or file name in brackets, a form field as
    "[-Select- ]": on a page with several such lines they become plain words (as other dumps print
    alt texts) marked as placeholders, and stay out of the article; code's bracketed lists do not."""
    story = ["The harbour board met on Monday to discuss the new ferry timetable for the islands.",
             "Its minutes explain why the winter crossings change and what the fares will be next year.",
             "Residents may comment on the plan at the harbour office until the end of the month."]
    page = "\n\n".join(["[site_logo_header]", "Ferry timetable changes for the winter", "[ferry-at-dock.jpg]",
                        *story, "[-Select- ]", "[share-icon] [print-icon]"])
    segs = segment_text(page)
    marked = [s.text for s in segs if s.extra.get("placeholder")]
    assert marked == ["site_logo_header", "ferry-at-dock.jpg", "-Select-", "share-icon print-icon"]
    art = dehusk.extract(page, mode="text", explain=True)
    assert all(line in art.text for line in story)
    assert "logo" not in art.text and "Select" not in art.text and "icon" not in art.text
    assert any(b.label == "boilerplate" and "placeholder" in b.reason for b in art.blocks)
    code = "\n".join(["x = [3, 4, 6]", "[3, 4, 6]", "['id', 'url']", "[1]", "y = x"])
    assert not any(s.extra.get("placeholder") for s in segment_text(code))


def test_lynx_form_controls_leave_their_labels_only() -> None:
    """lynx prints a button as "(BUTTON) <label>", a check box as "[ ]", a radio button as "( )":
    the marks go, the labels stay; a Markdown image link "[ ](...)" is no check box."""
    page = "\n".join(["(BUTTON) Open Menu", "   * Services (BUTTON)", "[ ] Remember me", "( ) Yes (*) No",
                      "(BUTTON)", "The council approved the new budget on Tuesday evening."])
    assert [s.text for s in segment_text(page)] == [
        "Open Menu", "Services", "Remember me", "Yes No", "The council approved the new budget on Tuesday evening."]
    plain = "A checklist: [ ] milk, [ ] bread, ( ) maybe eggs."  # no lynx mark on the page: left as it is
    assert [s.text for s in segment_text(plain)] == [plain]


def test_a_headline_longer_than_the_slug_is_read_where_the_page_repeats_it() -> None:
    """A slug often spells part of the headline ("/blog/harbour-ferry-timetable"); a page on one
    line that prints the headline twice (a breadcrumb ending in it, then the headline) gives the
    words the two share around the slug's stretch. A breadcrumb's items before both, words after
    them that no headline ends with, and a stretch printed once are not taken."""
    from dehusk.headline_slug import slug_headline

    url = "https://news.example.org/blog/harbour-ferry-timetable"
    one = ("Home News Blog > The New Harbour Ferry Timetable for Summer Travel News The New Harbour Ferry Timetable "
           "for Summer Travel by Ann Lee 14 March 2024 The harbour ferry timetable changes on Monday.")
    assert slug_headline([one], url) == "The New Harbour Ferry Timetable for Summer Travel"
    crumbs = ("Home Travel Ferries Boats Harbour Ferry Timetable Home Travel Ferries Boats Harbour Ferry Timetable "
              "Posted by Ann Lee")
    assert slug_headline([crumbs], url) == "Harbour Ferry Timetable"
    once = "Home News The harbour ferry timetable changes on Monday for the summer."
    assert slug_headline([once], url) == "harbour ferry timetable"


def test_a_page_on_one_line_names_its_authors_after_the_headline() -> None:
    """On a page dumped on one line the byline is glued between the headline and the text: the
    names after a byline's label, or alone when a date follows them; never a sentence's words."""
    from dehusk.headline_slug import byline_after

    h = "The New Harbour Ferry Timetable for Summer Travel"
    assert byline_after([f"{h} Written by Mary Quinn, Peter Hale, and Ann Lee Updated 14 March 2024 The"], h) \
        == ["Mary Quinn", "Peter Hale", "Ann Lee"]
    assert byline_after([f"{h} March 14, 2024 by Peter Hale Travellers will notice"], h) == ["Peter Hale"]
    assert byline_after([f"{h} Peter Hale March 14, 2024 The ferry"], h) == ["Peter Hale"]
    # no label and no date after them: the opening words of the text
    assert byline_after([f"{h} Peter Hale said the ferry"], h) == []
    # a label before no person's name ("by Harbour Tours", a brand)
    assert byline_after([f"{h} Sponsored by Harbour Tours Ferry users"], h) == []
    assert byline_after([f"{h} The council voted on Monday"], h) == []


def test_a_page_on_one_line_is_dated_by_the_date_after_its_headline() -> None:
    from dehusk.headline_slug import date_after

    h = "The New Harbour Ferry Timetable for Summer Travel"
    page = f"Home Travel > {h} 2 January 2024 Weather {h} By Peter Hale 14 March 2024 The ferry sails on 1 June 2024."
    assert date_after([page], h, "en", "2025-01-01") == "2024-03-14"
    assert date_after([f"{h} The ferry sails again in the summer."], h, "en", "2025-01-01") is None
    from conftest import FERRY_PARAGRAPHS

    url = "https://news.example.org/travel/new-harbour-ferry-timetable-summer-travel"
    one_line = page[: page.index(" The ferry sails")] + " " + " ".join(FERRY_PARAGRAPHS * 2) + " Privacy Terms Contact"
    article = dehusk.extract(one_line, mode="text", url=url, fetch_date="2025-01-01")
    assert article.title == h
    assert article.published == "2024-03-14"
    assert list(article.authors) == ["Peter Hale"]


def elinks(page: str) -> str:
    """elinks -dump: numbered links, wrapped at 76, then "References", "Visible links" (a <link>
    element's title numbered, its URL alone on the next line, among the "N. URL" lines) and
    "Hidden links:"."""
    out = lynx(page).split("\n")
    cut = out.index("References")
    refs = [ln.strip() for ln in out[cut + 1:] if ln.strip()]
    tail = ["References", "", "   Visible links"]
    for k, ref in enumerate(refs):
        tail.append(f"   {ref}")
        if k % 3 == 0:  # (a feed's or a search page's <link>)
            tail += [f"   {len(refs) + k}. Harbour Courier feed", f"   https://example.org/feed/{k}"]
    tail += ["   Hidden links:"] + [f"   {len(refs) * 2 + k}. https://example.org/hidden/{k}" for k in range(4)]
    return "\n".join(out[:cut] + tail)


@pytest.mark.parametrize("name", _names(NAMES))
def test_elinks_reference_lists_stay_out(name: str) -> None:
    page, exp = _page(name)
    art = dehusk.extract(elinks(page), mode="text")
    assert "example.org" not in art.text and "Harbour Courier feed" not in art.text
    assert "Visible links" not in art.text and "Hidden links" not in art.text
    assert_in_order(art.text, exp["must_contain"])


def test_an_elinks_list_of_titled_links_is_cut() -> None:
    """elinks prints most links of a page with a title as two lines, "N. <title>" and the URL alone
    under it (a third of its lines "N. URL" at most): the list is cut all the same."""
    from dehusk.segment_text import drop_reference_list

    body = ["The ferry sails at nine every morning from the old quay.", ""]
    refs = ["References", "", "   Visible links"]
    for k in range(1, 31, 3):
        refs += [f"   {k}. Harbour ferries return to the old town", f"\thttps://example.org/news/ferries-{k}.html",
                 f"   {k + 1}. Harbour ferries return to the old town", f"\thttps://example.org/news/ferries-{k}.html",
                 f"   {k + 2}. https://example.org/news/ferries-{k}.html"]
    assert drop_reference_list(body + refs) == body


def test_a_scholarly_reference_list_is_not_a_link_list() -> None:
    from dehusk.segment_text import drop_reference_list

    body = ["The trial followed 212 patients for two years.", "", "References", ""]
    refs = [f"  {k}. Author {k}, A study of sleep and shift work, Journal of Sleep {k}, 2019." for k in range(1, 9)]
    links = ["", "References", "", "   Visible links"] + [f"   {k}. https://example.org/{k}" for k in range(1, 6)]
    assert drop_reference_list(body + refs) == body + refs
    out = drop_reference_list(body + refs + links)
    assert out[:len(body + refs)] == body + refs and not "".join(out[len(body + refs):]).strip()


KO_PARAGRAPHS = [
    "시의회는 화요일 저녁 회의에서 강변 도로의 새 버스 차로 계획을 두고 세 시간 넘게 토론했으며, 주민들은 공사 기간 동안 "
    "상가의 손님이 줄어들 것을 걱정했다. 의원들은 다음 달 공청회를 열어 설계자들에게 직접 질문할 기회를 주기로 했다.",
    "교통국은 새 차로가 출퇴근 시간의 버스 운행 시간을 십 분 가까이 줄일 것이라고 설명했다. 다만 자전거 도로를 어디에 둘지는 "
    "아직 정하지 못했고, 상인 단체는 주차 공간이 사라지는 데 대한 보상을 요구하고 있다.",
    "최종 표결은 공청회가 끝난 뒤 열리며, 예산은 내년 봄까지 확정될 예정이다. 시장은 공사가 시작되기 전에 모든 상가와 "
    "한 번 더 만나겠다고 약속했다.",
]
ZH_PARAGRAPHS = [
    "市议会星期二晚上开会讨论沿河道路新公交车道的计划，会议持续了三个多小时，居民们担心施工期间商店的顾客会减少，议员们决定下个月举行听证会，"
    "让设计师直接回答大家的问题。",
    "交通局表示，新车道将使高峰时段的公交车运行时间缩短近十分钟，但自行车道的位置还没有确定，商户团体要求对失去的停车位给予补偿，"
    "最终表决将在听证会之后进行。",
]


def wrap_columns(paragraph: str, width: int, anywhere: bool = False) -> list[str]:
    """A terminal's wrapping (pandoc, text browsers): by columns, a wide character taking two;
    between words, or between any two characters of a text without spaces (or of any text, as
    w3m does: `anywhere`)."""
    from dehusk.text_wrap import columns

    if anywhere:
        lines, cur = [], ""
        for ch in paragraph:
            if columns(cur + ch) > width:
                lines.append(cur.rstrip())
                cur = ch.lstrip()
            else:
                cur += ch
        return [*lines, cur]
    pieces = paragraph.split(" ") if " " in paragraph else list(paragraph)
    sep = " " if " " in paragraph else ""
    lines, cur = [], ""
    for piece in pieces:
        if cur and columns(cur + sep + piece) > width:
            lines.append(cur)
            cur = piece
        else:
            cur = cur + sep + piece if cur else piece
    return [*lines, cur]


@pytest.mark.parametrize(("paragraphs", "anywhere"), [(KO_PARAGRAPHS, False), (KO_PARAGRAPHS, True),
                                                    (ZH_PARAGRAPHS, False)], ids=["ko", "ko-inside-words", "zh"])
def test_wide_characters_wrap_at_half_the_characters(paragraphs: list[str], anywhere: bool) -> None:
    """Korean or Chinese wrapped at 72 columns holds about 36 characters a line: the width is seen
    in columns and the paragraphs come back whole, Korean's words with their spaces whether the
    wrapper waited for a space (pandoc) or broke inside a word (w3m)."""
    from dehusk.text_wrap import columns

    body = paragraphs * 4
    lines: list[str] = []
    for p in body:
        lines += wrap_columns(p, 72, anywhere) + [""]
    assert all(columns(ln) <= 72 for ln in lines) and max(map(len, lines)) <= 45
    assert wrap_width(lines) in range(66, 73)
    texts = [s.text for s in segment_text("\n".join(lines))]
    for p in paragraphs:
        if not anywhere:
            assert p in texts
            continue
        # broken inside words, a line that ends one column short may have been broken at a space
        # as well: one word in a paragraph may come back glued to the next, no word cut in two
        wholes = [t for t in texts if t.replace(" ", "") == p.replace(" ", "")]
        assert len(wholes) == 4  # (the page holds each paragraph four times)
        for whole in wholes:
            assert _spaces(whole) <= _spaces(p) and len(_spaces(p) - _spaces(whole)) <= 1


def _spaces(text: str) -> set[int]:
    """Where the spaces of `text` fall, counted in its other characters."""
    out, k = set(), 0
    for ch in text:
        if ch == " ":
            out.add(k)
        else:
            k += 1
    return out


_SENTENCES = (
    "The harbour board met on Tuesday to weigh the plan for the northern quay.",
    "Fishermen said the new berths would bring more trade, but they feared the noise.",
    "A survey of the seabed found old timber piles under the silt near the lighthouse.",
    "The council will publish its answer in the spring, after a month of hearings.",
    "Residents of the lower town asked for a footbridge over the channel instead.",
    "Engineers expect the work to take two summers if the weather holds.",
)


def _headed_dump(width: int) -> tuple[str, list[str]]:
    """pandoc's plain text: paragraphs wrapped at `width`, headings left whole (longer than it)."""
    out, paragraphs = [], []
    for k in range(12):
        if k % 3 == 0:
            out += [f"Part {k // 3 + 1}: what the harbour board, the fishermen and the residents of the old town said", ""]
        para = " ".join(_SENTENCES[(k + j) % len(_SENTENCES)] for j in range(5))
        paragraphs.append(para)
        out += [textwrap.fill(para, width), ""]
    return "\n".join(out), paragraphs


def test_wrap_width_found_when_headings_are_left_whole() -> None:
    page, paragraphs = _headed_dump(72)
    lines = page.split("\n")
    long_lines = [ln for ln in lines if " " in ln]
    # the unwrapped headings are the top 5% of the lines: over the longest lines' 99th percentile
    assert 0.03 < sum(len(ln) > 72 for ln in long_lines) / len(long_lines) < 0.06
    assert wrap_width(lines) in range(66, 73)
    art = dehusk.extract(page, mode="text")
    for para in paragraphs[1:]:  # every paragraph whole again, on a line of its own
        assert para in art.text.split("\n\n")


def test_one_line_dump_labels_no_other_line_as_its_headline() -> None:
    """When the URL's slug finds the headline of a page on one line, the line the headline picker
    took instead (when it does not hold the headline) is not labelled the headline: it stays text
    when it scored as text (a short sentence of the body here, the menu the headline is glued to
    being too long for a headline's line)."""
    from conftest import FERRY_PARAGRAPHS

    h = "The New Harbour Ferry Timetable for Summer Travel"
    short = "Crowd at the quay."
    body = " ".join([FERRY_PARAGRAPHS[0], short, *FERRY_PARAGRAPHS[1:]] * 2)
    sections = ("Travel News Weather Sport Business Culture Science Health Food Music Books Film Theatre Homes Cars "
                "Jobs Money Schools Letters Puzzles Podcasts Events")
    menu = " ".join(f"Section {w}" for w in sections.split(" "))
    page = f"{menu} {h} By Peter Hale 14 March 2024 {body} Privacy Terms Contact"
    url = "https://news.example.org/travel/the-new-harbour-ferry-timetable-for-summer-travel"
    art = dehusk.extract(page, mode="text", url=url, fetch_date="2025-01-01", explain=True)
    assert art.title == h
    titled = [b.text for b in art.blocks if b.label == "title"]
    assert all(norm(t) == norm(h) for t in titled), titled
    assert short in art.text


@pytest.mark.parametrize("name", [n for n in NAMES if n[:2] in ("en", "es", "de", "it", "pt", "pl")])
def test_cr_line_ends_are_line_ends(name: str) -> None:
    """A dump written with CR alone (classic Mac OS) is read line by line, as with LF: not as a page
    on one line, whose headline is looked for by the URL's words (a slug that names a teaser
    would make the teaser the headline)."""
    page, exp = _page(name)
    teaser = "-".join(re.findall(r"[^\W_]+", max(exp["must_not_contain"], key=len).casefold()))
    url = f"https://news.example.org/2024/05/17/{teaser}/"
    lf = dehusk.extract(page, mode="text", url=url)
    cr = dehusk.extract(page.replace("\n", "\r"), mode="text", url=url)
    assert cr.to_dict() == lf.to_dict()


def test_character_references_a_renderer_left_are_decoded() -> None:
    """A dump with the HTML character references its renderer left ("ferry&#8217;s", "9&ndash;2",
    "&amp;") gives the text a browser shows; a lone "&amp;" may be the text's own and stays."""
    body = ["The council voted 9&ndash;2 on Tuesday to back the ferry operator&#8217;s new timetable, which adds two "
            "sailings a day from June &amp; keeps the late boat on Fridays.",
            "The operator said the change would cost &pound;40,000 a year and be paid from the fares it takes.",
            "Commuters said the earlier first boat would let them reach the mainland before eight in the morning."]
    page = "\n".join(["Home", "News", "City council backs the new ferry timetable", "By Ann Lee", "March 3, 2024",
                      *body, "Related", "More news"])
    art = dehusk.extract(page, mode="text")
    assert "voted 9–2 on Tuesday to back the ferry operator’s new timetable" in art.text
    assert "from June & keeps" in art.text and "cost £40,000" in art.text
    assert "&" + "#" not in art.text
    one = dehusk.extract(page.replace("9&ndash;2", "9-2").replace("&#8217;", "'").replace("&pound;", "GBP "),
                         mode="text")
    assert "from June &amp; keeps" in one.text


def test_a_documentation_pages_permalink_glyphs_are_left_out() -> None:
    """A documentation generator prints "¶" after each heading and entry; a dump keeps it: the
    article's text does not."""
    page = "\n".join([
        "tidepool 2.3 documentation", "Search docs", "Installation", "Quickstart", "Configuring retries",
        "Timeouts", "Logging", "Configuring retries¶",
        "A request that fails with a network error or a 503 status is retried up to three times by default. "
        "The policy object controls how many attempts are made and how long the client waits between them.",
        "Backoff¶",
        "Between attempts the client sleeps for a time that doubles with every attempt, so a backoff of half "
        "a second waits half a second, one second and two seconds before the last try is made.",
        "The wait never grows past the longest backoff the policy allows, which is thirty seconds unless the "
        "policy is given another limit when it is made.",
        "Idempotent requests¶",
        "Only requests that are safe to repeat are retried. To retry a request that places an order, give it "
        "a key that the server remembers, so that a second copy of the request returns the first answer.",
        "Previous", "Next", "© Copyright 2024, the tidepool authors.", "Built with a documentation generator."])
    art = dehusk.extract(page, mode="text")
    paragraphs = art.text.split("\n\n")
    assert "¶" not in art.text
    assert "Backoff" in paragraphs and "Idempotent requests" in paragraphs
