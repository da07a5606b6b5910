"""Text mode's metadata pass on the page without its interface furniture.

Between a headline and its byline, pages print an advertising label ("Advertisement", "Story
continues below"), a control ("Listen to this article"), a row of share buttons or an image's alt
text. Such a line is no headline, byline or date, but as a neighbour it changes what the
headline picker reads of the lines around each candidate: one "Advertisement" under the headline
moved it away on about one page in seven, and an "ADVERTISEMENT / Continue reading below" pair
(whose "continue reading" reads as a teaser's link) on most. `text_metadata_view` runs
`metadata_text.text_metadata` on the other lines, with the features that look at neighbours
(the "read more" shifts and windows, the blank lines around each line) taken again on them, and
gives its answer in the page's line numbers.
"""

from __future__ import annotations

import numpy as np

from .blocks import Segment
from .captions import photo_caption
from .features import shift, stack_columns, window_means
from .features_words import SHARE_TOOLS_MAX_WORDS, share_tools
from .metadata_text import TextMeta, text_metadata
from .notices import AD_LABEL, notice_reason

FURNITURE_ABOVE, FURNITURE_BELOW = 40, 60  # lines read around the first kept line (headline candidates: 40 above it)
FURNITURE_MAX_WORDS = 12  # longer lines are text, whatever they name (a notice this long is a banner, not a label)


def furniture_lines(
    segments: list[Segment], words: list[float], more: list[float], images: list[int], lo: int, hi: int,
) -> list[int]:
    """The page's image lines, and its short interface lines (notices, share rows, photo credits) among
    lines `lo`..`hi` - 1 (where the headline and its byline are looked for), in order. A "read more"
    link (`more`: the re_more feature) stays: it says the line above is a teaser's headline."""
    out = set(images)
    for i in range(max(lo, 0), min(hi, len(segments))):
        if words[i] > FURNITURE_MAX_WORDS:
            continue
        notice = notice_reason(text := segments[i].text)
        if more[i]:  # (but "Continue reading below" is an advertisement's label)
            if notice == AD_LABEL:
                out.add(i)
        elif notice is not None or (words[i] <= SHARE_TOOLS_MAX_WORDS and share_tools(text)) or photo_caption(text):
            out.add(i)
    return sorted(out)


def text_metadata_view(
    segments: list[Segment], f: dict[str, np.ndarray], p: np.ndarray, keep: np.ndarray, skip: list[int],
    url: str | None, lang: str | None, fetch_date: str | None, threshold: float,
) -> TextMeta:
    """`text_metadata` on the lines not in `skip`, its line numbers the page's."""
    n = len(segments)
    if not skip or len(skip) == n:
        return text_metadata(segments, f, p, keep, url, lang, fetch_date, threshold)
    dropped = np.zeros(n, dtype=bool)
    dropped[skip] = True
    view = np.flatnonzero(~dropped)
    fv = {k: v[view] for k, v in f.items() if isinstance(v, np.ndarray) and v.shape[:1] == (n,)}
    # the blank lines before each line, as if the skipped ones were not printed: the widest gap
    # since the line before it in the view (a skipped line's own gap, or the line's)
    starts = np.concatenate(([0], view[:-1] + 1))  # (each view line's stretch: from after the one before it)
    fv["blank_before"] = np.maximum.reduceat(f["blank_before"][: view[-1] + 1], starts)
    fv["blank_after"] = shift(fv["blank_before"], -1, fill=1.0)
    more = fv["re_more"]
    fv["prev_more"], fv["next_more"], fv["next2_more"] = shift(more, 1), shift(more, -1), shift(more, -2)
    (means,) = window_means(stack_columns([more, fv["re_nav"]]), (3,))
    fv["w3_re_more"], fv["w3_re_nav"] = means[:, 0], means[:, 1]
    meta = text_metadata([segments[i] for i in view.tolist()], fv, p[view], keep[view], url, lang, fetch_date,
                         threshold)
    at = view.tolist()
    for name in ("title_idx", "lead_idx", "source_idx", "end_name_idx", "tags_idx"):
        i = getattr(meta, name)
        if i is not None:
            setattr(meta, name, at[i])
    meta.byline_idx = [at[i] for i in meta.byline_idx]
    meta.date_idx = [at[i] for i in meta.date_idx]
    return meta
