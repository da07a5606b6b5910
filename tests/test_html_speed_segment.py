"""The segmenter's token masks, computed after the walk for the frames that hold blocks, must
equal the masks read from each element's own class/id/role/itemprop (and its ancestors')."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from dehusk.html_frames import F_IMASK, F_MASK, F_NSEG, F_PARENT
from dehusk.html_tokens import TOKEN_NAMES, value_mask
from dehusk.segment_html import segment_html

_PAGE = """<html><body class="home">
<div class="comments-area" role="complementary"><div id="x">
  <p class="lead-text" itemprop="description">Hello world, <span class="author-name">Jane Doe</span> here.</p>
  <p><span class="share-icon"></span><span class="ad-slot"> </span></p>
  <p>plain <a class="readMore" href="/x">more</a></p>
</div></div>
<div class="sidebar widget"><div class="empty"><img src="a.png"></div></div>
<section id="main-content"><h2 class="entry-title">A title</h2><ul class="menu"><li class="navItem">Home</li></ul></section>
</body></html>"""


def _bit(name: str) -> int:
    return 1 << TOKEN_NAMES.index(name)


def test_frame_masks_equal_reference() -> None:
    segments, page = segment_html(LexborHTMLParser(_PAGE).root)
    frames = page.frames
    texts = [s.text for s in segments]
    assert texts == ["Hello world, Jane Doe here.", "plain more", "A title", "Home"]
    lead = frames[segments[0].dom["frame"]]
    assert lead[F_MASK] == value_mask("lead-text description")
    # inherited: the block's own words and every ancestor's (comments-area, complementary, "x", home)
    expected = value_mask("lead-text description") | value_mask("comments-area complementary") | value_mask("x") \
        | value_mask("home")
    assert lead[F_IMASK] == expected
    assert lead[F_IMASK] & _bit("comment") and lead[F_IMASK] & _bit("sidebar")
    # inline elements of the block's run: their masks, OR-ed (the empty run's spans count for nothing)
    assert segments[0].dom["imask"] == value_mask("author-name")
    assert segments[1].dom["imask"] == value_mask("readMore")
    assert segments[3].dom["imask"] == 0
    li = frames[segments[3].dom["frame"]]
    assert li[F_MASK] == value_mask("navItem") and li[F_MASK] & _bit("nav")
    # every frame holding a block: own mask and parent's inherited mask, OR-ed
    for fr in frames[1:]:
        if fr[F_NSEG]:
            assert fr[F_IMASK] == frames[fr[F_PARENT]][F_IMASK] | fr[F_MASK]
        else:  # (no block below: not read, left at 0)
            assert fr[F_MASK] == fr[F_IMASK] == 0
    assert any(not fr[F_NSEG] for fr in frames)
