"""The fallback paragraph (both modes): a page whose kept text is next to nothing, though it holds prose.

When fewer than 10 words reached the threshold (a short article drowned in a portal's menus), the
best-scoring prose block (50+ words ending in sentence punctuation, not repeated on the page, no
notice, a score of at least 0.10) is kept too, as trafilatura and readability fall back to a
looser pass rather than return nothing. In text mode the context pass then grows it. A page
without such a block stays as it was. Grouped CV: scrapinghub text/ +0.003, HTML +0.005 (the one
page it fires on in each); wcxb-dev text/ +0.0001 (one page), HTML: fires on none.

The opposite case (HTML mode): a page whose every kept block sits in the page's chrome (inside a
header, footer, nav, aside or dialog element), none of them scored with confidence, has no main
block: what reached the threshold is the footer's links or a newsletter box left over when the
content itself is missing (a page that builds its content in JavaScript). Those blocks are
dropped, and the article is empty ("no_main_block") rather than a list of footer links. Grouped
CV: wcxb-dev HTML 0.8749 -> 0.8785 (it fires on 5 pages, all without a main body in the gold: +1
each); scrapinghub: fires on none. The same with a cut anywhere from 0.75 to 0.90.

Link lines in the chrome (HTML mode, pages not taken for forums): a kept block of 20 words or
fewer that is all links (link density 0.9+) inside a header, footer, nav, aside or dialog is a
menu entry or a promo link ("Get our newsletter every Friday"), not content, whatever its score.
Forums are left alone: a post's header holds its author's linked name, which is content there.
Grouped CV (the models of 2026-11-26): wcxb-dev HTML 0.8806 -> 0.8815 (51 pages better, 8 worse:
collection +0.005, service +0.003, listing -0.0004); scrapinghub unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from .blocks import KEPT, Segment
from .notices import notice_reason

FALLBACK_KEPT_WORDS = 10  # fewer kept words than this: the fallback looks for a paragraph
FALLBACK_MIN_WORDS, FALLBACK_MIN_SCORE = 50, 0.10
# what the classifier dropped as husk (not comments, nor the metadata lines)
HUSK = frozenset(("boilerplate", "navigation", "related", "teaser", "caption"))
CHROME_SURE = 0.85  # a kept block scored this high is content wherever it sits
CHROME_LINK_DENSITY, CHROME_LINK_WORDS = 0.9, 20  # a link line in the chrome (drop_chrome_links)


def keep_best_paragraph(segments: list[Segment], f: dict[str, np.ndarray], p: np.ndarray) -> None:
    """Label the best-scoring prose block that the classifier dropped as body (see the module doc)."""
    prose = (f["_words"] >= FALLBACK_MIN_WORDS) & (f["end_term"] > 0) & (f["log_rep"] == 0) & (p >= FALLBACK_MIN_SCORE)
    candidates = [i for i in np.flatnonzero(prose).tolist()
                  if segments[i].label in HUSK and notice_reason(segments[i].text) is None]
    if candidates:
        best = max(candidates, key=lambda i: p[i])
        segments[best].label = "body"
        segments[best].reason = (f"fallback: no text reached the threshold; the best prose paragraph "
                                 f"(score {p[best]:.2f}, {int(f['_words'][best])} words)")


def drop_chrome_only(segments: list[Segment], in_chrome: Callable[[int], bool], p: Sequence[float]) -> None:
    """When every kept block is in the page's chrome (`in_chrome(i)`) and none scored CHROME_SURE
    or more, label them boilerplate (see the module doc)."""
    kept = [i for i, seg in enumerate(segments) if seg.label in KEPT]
    if not kept or any(p[i] >= CHROME_SURE or not in_chrome(i) for i in kept):
        return
    best = max(p[i] for i in kept)
    for i in kept:
        segments[i].label = "boilerplate"
        segments[i].reason = (f"no main block: every kept block is in the page's header, footer, nav or aside, "
                              f"none scored {CHROME_SURE} (best {best:.2f})")


def drop_chrome_links(segments: list[Segment], in_chrome: Callable[[int], bool], link_density: Sequence[float],
                      words: Sequence[float]) -> None:
    """Label navigation the kept body blocks of CHROME_LINK_WORDS or fewer words, link density
    CHROME_LINK_DENSITY or more, that sit in the page's chrome (see the module doc)."""
    for i, seg in enumerate(segments):
        if (seg.label == "body" and link_density[i] >= CHROME_LINK_DENSITY and words[i] <= CHROME_LINK_WORDS
                and in_chrome(i)):
            seg.label = "navigation"
            seg.reason = (f"score {seg.score:.2f}, but a link line (link density {link_density[i]:.2f}, "
                          f"{int(words[i])} words) in the page's header, footer, nav or aside")
