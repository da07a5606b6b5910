"""Rules after the classifier: the fallback paragraph, restatements, and pages with no main block."""

from __future__ import annotations

import numpy as np

import dehusk
from conftest import labelled_lines
from dehusk.assemble import mark_duplicates
from dehusk.blocks import Segment
from dehusk.fallback import (
    CHROME_LINK_WORDS,
    CHROME_SURE,
    drop_chrome_links,
    drop_chrome_only,
    keep_best_paragraph,
)

PARAS = [
    "The harbour authority said on Monday that the new ferry terminal will open in the spring, two years later "
    "than planned, after the contractor ran into unexpected problems with the old quay walls.",
    "Engineers found that the walls, built in the 1890s, could not carry the weight of the new loading ramps "
    "without deep piles, which had to be designed and approved from scratch.",
    "The delay has cost the city about four million euros so far, most of it in extra steel and in penalties "
    "paid to the ferry operators whose timetables had to change twice.",
    "Local shop owners near the old terminal welcomed the news, saying the extra months would give them time "
    "to prepare for the crowds of passengers expected once the ships move.",
    "The mayor told reporters that the council would publish the full engineering report next week, together "
    "with a new budget and a schedule for the remaining work on the site.",
    "Ferry companies have asked for a trial period before the opening, so that crews can practise berthing "
    "at the new ramps in winter weather when the harbour is at its roughest.",
]


def _kept(segments: list[Segment]) -> list[str]:
    return [s.text for s in segments if s.label in ("body", "lead", "heading")]


def test_a_block_gluing_many_paragraphs_together_is_a_duplicate() -> None:
    segs = labelled_lines([(p, "body") for p in PARAS] + [(" ".join(PARAS), "body")])
    mark_duplicates(segs)
    assert _kept(segs) == PARAS
    assert segs[-1].label == "duplicate" and "restates 6 earlier paragraphs" in segs[-1].reason


def test_a_restated_standfirst_and_a_summary_of_two_paragraphs_stay() -> None:
    lead = PARAS[0]
    restated = "Officials said on Monday " + PARAS[0][len("The harbour authority said on Monday "):]
    summary = PARAS[1] + " " + PARAS[2] + " " + "Nobody expects the work to finish before the summer season."
    rows = [(lead, "lead"), (restated, "body"), *[(p, "body") for p in PARAS[1:]], (summary, "body")]
    segs = labelled_lines(rows)
    mark_duplicates(segs)
    assert _kept(segs) == [r[0] for r in rows]  # restating one or two paragraphs is not gluing the article


def test_code_that_repeats_the_text_is_not_a_restatement() -> None:
    segs = labelled_lines([(p, "body") for p in PARAS])
    code = Segment(text="\n".join(PARAS), kind="pre")
    code.label = "body"
    segs.append(code)
    mark_duplicates(segs)
    assert code.label == "body"


def _features(texts: list[str], repeated: set[int] = frozenset()) -> dict[str, np.ndarray]:
    words = np.array([len(t.split()) for t in texts], dtype=float)
    return {
        "_words": words,
        "end_term": np.array([t.rstrip()[-1:] in ".!?" for t in texts], dtype=float),
        "log_rep": np.array([np.log(2) if i in repeated else 0.0 for i in range(len(texts))]),
    }


def test_fallback_keeps_the_best_prose_paragraph() -> None:
    texts = ["Home", "News", PARAS[0] + " " + PARAS[1], PARAS[2] + " " + PARAS[3], "Contact us"]
    segs = labelled_lines([(t, "navigation") for t in texts])
    p = np.array([0.02, 0.02, 0.30, 0.25, 0.01])
    keep_best_paragraph(segs, _features(texts), p)
    assert [s.label for s in segs] == ["navigation", "navigation", "body", "navigation", "navigation"]
    assert segs[2].reason.startswith("fallback")


def test_fallback_needs_a_long_unrepeated_prose_paragraph() -> None:
    long_one = PARAS[0] + " " + PARAS[1]
    texts = ["Home", PARAS[0], long_one, "Subscribe to our newsletter and never miss a story from the harbour"]
    segs = labelled_lines([(t, "boilerplate") for t in texts])
    # the only 50+ word prose line is repeated on the page (a template): nothing is kept
    keep_best_paragraph(segs, _features(texts, repeated={2}), np.array([0.01, 0.4, 0.3, 0.2]))
    assert all(s.label == "boilerplate" for s in segs)


def test_extract_never_returns_nothing_when_the_page_has_a_prose_paragraph() -> None:
    menu = "\n".join(["Home", "News", "Sport", "Weather", "Contact", "Login"])
    page = f"{menu}\n\nHarbour terminal delayed\n\n{PARAS[0]} {PARAS[1]}\n\n{menu}\n"
    strict = dehusk.extract(page, mode="text", threshold=0.999, explain=True)  # no line reaches this threshold
    assert PARAS[0] in strict.text and "Weather" not in strict.text
    assert any(b.reason.startswith("fallback") for b in strict.blocks)


def test_html_mode_falls_back_to_the_best_paragraph_too() -> None:
    menu = "".join(f"<li><a href='/{w.lower()}'>{w}</a></li>" for w in ("Home", "News", "Sport", "Weather"))
    html = (f"<html><body><nav><ul>{menu}</ul></nav><div><h1>Harbour terminal delayed</h1>"
            f"<p>{PARAS[0]} {PARAS[1]}</p></div><footer><ul>{menu}</ul></footer></body></html>")
    strict = dehusk.extract(html, mode="html", threshold=0.999, explain=True)
    assert PARAS[0] in strict.text and "Weather" not in strict.text
    assert any(b.reason.startswith("fallback") for b in strict.blocks)


_FOOTER = (
    '<footer><div class="footer-links"><h4>Help</h4><ul><li><a href="/help">Help Center</a></li>'
    '<li><a href="/disputes">Disputes &amp; Reports</a></li><li><a href="/returns">Return and refund policy</a></li>'
    '<li><a href="/recalls">Recalls</a></li></ul><p>Sign up for our newsletter to get deals, new arrivals and '
    "stories from our makers, straight to your inbox every week.</p><p>Walnut &amp; Co. has made furniture in "
    "Vermont since 1952. Every desk is cut, joined and finished by hand in our workshop, from timber we buy from "
    "mills within a day's drive.</p></div></footer>"
)
_SHELL = (
    "<html><head><title>Walnut desk | Shop</title></head><body><header><nav><a href='/'>Home</a> "
    f"<a href='/shop'>Shop</a> <a href='/about'>About us</a></nav></header><main id='app'></main>{_FOOTER}</body></html>"
)


def test_a_page_whose_only_candidates_are_footer_blocks_has_no_main_block() -> None:
    a = dehusk.extract(_SHELL, mode="html", explain=True)
    assert a.text == "" and a.empty_reason == "no_main_block"
    dropped = [b for b in a.blocks if b.reason.startswith("no main block")]
    assert dropped and all(b.label == "boilerplate" for b in dropped)
    assert any("since 1952" in b.text for b in dropped)  # (a block the classifier had kept)
    # the sign-up prompt is out as what it is, before the page is judged
    prompt = next(b for b in a.blocks if "newsletter" in b.text)
    assert prompt.label == "boilerplate" and "newsletter" in prompt.reason


def test_the_same_footer_under_an_article_stays_out_and_the_article_stays_in() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAS[:2])
    page = _SHELL.replace("<main id='app'></main>", f"<main><article><h1>Ferry terminal delayed</h1>{body}</article></main>")
    a = dehusk.extract(page, mode="html")
    assert PARAS[0] in a.text and PARAS[1] in a.text and a.empty_reason is None
    assert "newsletter" not in a.text and "since 1952" not in a.text


def test_drop_chrome_only_needs_every_kept_block_in_chrome_and_none_sure() -> None:
    def run(chrome: list[bool], scores: list[float]) -> list[str]:
        segs = labelled_lines([(p, "body") for p in PARAS[: len(chrome)]])
        drop_chrome_only(segs, chrome.__getitem__, scores)
        return [s.label for s in segs]

    assert run([True, True], [0.5, 0.6]) == ["boilerplate", "boilerplate"]
    assert run([True, False], [0.5, 0.6]) == ["body", "body"]  # one block outside the chrome: content
    assert run([True, True], [0.5, CHROME_SURE]) == ["body", "body"]  # one sure block: content


def test_an_article_wrapped_in_page_chrome_by_bad_markup_is_still_the_article() -> None:
    body = "<h1>Ferry terminal delayed</h1>" + "".join(f"<p>{p}</p>" for p in PARAS)
    for wrapped in (f"<header><div class='logo'>Harbour News</div>{body}", f"<aside>{body}</aside>"):
        a = dehusk.extract(f"<html><head><title>Ferry</title></head><body>{wrapped}</body></html>", mode="html")
        assert all(p in a.text for p in PARAS) and a.empty_reason is None


def test_a_short_link_line_in_the_chrome_is_navigation_whatever_its_score() -> None:
    def run(label: str, chrome: bool, link_density: float, words: int) -> tuple[str, str]:
        segs = labelled_lines([("Get the newsletter every Friday", label), (PARAS[0], "body")])
        drop_chrome_links(segs, [chrome, False].__getitem__, [link_density, 0.0], [words, 60])
        assert segs[1].label == "body"  # prose outside the chrome is never touched
        return segs[0].label, segs[0].reason

    label, reason = run("body", True, 1.0, 5)
    assert label == "navigation" and "link line" in reason
    assert run("body", False, 1.0, 5)[0] == "body"  # the same line in the article: content
    assert run("body", True, 0.5, 5)[0] == "body"  # half links: a sentence, not a menu entry
    assert run("body", True, 1.0, CHROME_LINK_WORDS + 1)[0] == "body"  # long: a linked paragraph
    assert run("heading", True, 1.0, 5)[0] == "heading"  # only body blocks


def test_a_linked_promo_between_two_parts_of_an_article_stays_out() -> None:
    promo = "<aside class='inline-promo'><a href='/newsletter'>Get the Harbour News newsletter every Friday</a></aside>"
    body = "".join(f"<p>{p}</p>" for p in PARAS[:2]) + promo + "".join(f"<p>{p}</p>" for p in PARAS[2:])
    page = f"<html><head><title>Ferry</title></head><body><article><h1>Ferry terminal delayed</h1>{body}</article></body></html>"
    a = dehusk.extract(page, mode="html")
    assert all(p in a.text for p in PARAS) and "newsletter" not in a.text
