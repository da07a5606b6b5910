"""The page's score cut (classify.page_cut): HTML mode's precision tilt on pages taken for articles or products, text mode's own cut."""

from __future__ import annotations

import numpy as np

from dehusk.classify import page_cut
from dehusk.deadline import Deadline
from dehusk.html_mode import ONE_ITEM_SHARPEN, analyse, decide
from dehusk.options import Options
from dehusk.pagetype import TYPES

ARTICLE = [0.92] * 3  # a short article the model is sure of: three paragraphs of 60 words
ARTICLE_WORDS = [60.0] * 3


def _page(rail_p: float, rail_n: int) -> tuple[np.ndarray, np.ndarray]:
    """Scores and word counts (+1, as decide passes them) of the article and a rail of 20-word teasers."""
    p = np.array(ARTICLE + [rail_p] * rail_n)
    return p, np.array(ARTICLE_WORDS + [20.0] * rail_n) + 1.0


def test_the_expected_f1_cut_keeps_a_half_believed_rail_the_sharpened_one_drops_it() -> None:
    for rail_p, rail_n in ((0.45, 10), (0.4, 20)):
        p, w = _page(rail_p, rail_n)
        assert page_cut(p, w, 0.15) == rail_p  # the rail is kept
        assert page_cut(p, w, 0.15, ONE_ITEM_SHARPEN) == 0.92  # only the article is


def test_sharpening_keeps_likely_content_and_the_floor() -> None:
    p, w = _page(0.8, 10)  # teasers the model believes: still kept
    assert page_cut(p, w, 0.15, ONE_ITEM_SHARPEN) == 0.8
    p, w = _page(0.1, 10)
    assert page_cut(p, w, 0.95, ONE_ITEM_SHARPEN) == 0.95  # never below the floor


def _analysis():  # noqa: ANN202
    """A page of three 60-word paragraphs and ten 20-word teasers (the scores are set by the test)."""
    sentence = "The council decided on the matter today after a long debate in the town hall. "  # 15 words
    paras = "".join(f"<p>{sentence * 4}</p>" for _ in range(3))
    teasers = "".join(f"<li>Teaser {i}: {sentence}Four more words here.</li>" for i in range(10))
    a = analyse(f"<html><body><main>{paras}<ul>{teasers}</ul></main></body></html>", url=None, options=Options(),
                deadline=Deadline(None))
    assert a.f["_words"].tolist() == [60] * 3 + [21] * 10
    return a


def _probs(page_type: str) -> np.ndarray:
    probs = np.full(len(TYPES), 0.05)
    probs[TYPES.index(page_type)] = 0.9
    return probs


def test_decide_tilts_the_cut_on_article_and_product_pages_only() -> None:
    a = _analysis()
    p2 = np.array([0.92] * 3 + [0.45] * 10)
    words = a.f["_words"] + 1.0
    for page_type in ("listing", "collection", "documentation", "service"):
        _, cut, _ = decide(a, p2, 0.15, _probs(page_type), Options())
        assert cut == page_cut(p2, words, 0.15) == 0.45, page_type  # a listing's entries stay
    for page_type in ("article", "product"):
        _, cut, _ = decide(a, p2, 0.15, _probs(page_type), Options())
        assert cut == page_cut(p2, words, 0.15, ONE_ITEM_SHARPEN) == 0.92, page_type
    # a threshold the user sets wins over both
    _, cut, _ = decide(a, p2, 0.15, _probs("article"), Options(threshold=0.3))
    assert cut == 0.3


def test_text_mode_cuts_each_page_at_its_own_expected_f1_cut() -> None:
    import re

    import dehusk
    from dehusk.text_mode import TEXT_CUT_FLOOR, TEXT_SHARPEN

    page = "\n\n".join([
        "Home | News | Sign in",  # (a page's dump: an input without furniture would be kept whole, `extracted`)
        "Council approves the new bridge after a long debate",
        "The town council voted on Tuesday to approve the construction of a new bridge over the river, ending a "
        "debate that lasted for more than two years.",
        "Work on the bridge will begin in the spring, and the council expects it to open to traffic before the "
        "end of next year.",
        "Residents who opposed the plan said they would keep asking the council to reconsider the cost.",
        *(f"Teaser headline number {i} about another local story" for i in range(8)),
    ])
    blocks = dehusk.extract(page, mode="text", explain=True).blocks
    p = np.array([b.score for b in blocks])
    words = np.array([len(b.text.split()) for b in blocks], dtype=np.float64)
    expected = page_cut(p, words + 1.0, TEXT_CUT_FLOOR, TEXT_SHARPEN)
    assert expected != 0.5  # not a fixed cut
    cuts = {m.group(1) for b in blocks if (m := re.search(r"score \d\.\d\d (?:>=|<) (\d\.\d\d)", b.reason))}
    assert cuts == {f"{expected:.2f}"}
