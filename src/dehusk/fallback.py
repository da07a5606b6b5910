"""The fallback paragraph (both modes): a page whose kept text is next to nothing, though it holds prose.

When fewer than 10 words reached the threshold (a short article drowned in a portal's menus), the
best-scoring prose block (50+ words ending in sentence punctuation, not repeated on the page, no
notice, a score of at least 0.10) is kept too, as trafilatura and readability fall back to a
looser pass rather than return nothing. In text mode the context pass then grows it. A page
without such a block stays as it was. Grouped CV: scrapinghub text/ +0.003, HTML +0.005 (the one
page it fires on in each); wcxb-dev text/ +0.0001 (one page), HTML: fires on none.
"""

from __future__ import annotations

import numpy as np

from .blocks import Segment
from .notices import notice_reason

FALLBACK_KEPT_WORDS = 10  # fewer kept words than this: the fallback looks for a paragraph
FALLBACK_MIN_WORDS, FALLBACK_MIN_SCORE = 50, 0.10
# what the classifier dropped as husk (not comments, nor the metadata lines)
HUSK = frozenset(("boilerplate", "navigation", "related", "teaser", "caption"))


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
