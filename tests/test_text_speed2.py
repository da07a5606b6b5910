"""More text-mode fast paths: each gives the answers of the plain code it replaces (synthetic inputs)."""

from __future__ import annotations

import random

from dehusk.blocks import Segment
from dehusk.features import norm_line
from dehusk.text_mode import _contents_items, last_lines

WORDS = ["Intro", "Methods", "Results", "intro", "  Results ", "Sources", "See also", "Notes", "RESULTS"]


def _page(seed: int, n: int = 40) -> list[Segment]:
    rng = random.Random(seed)
    return [Segment(rng.choice(WORDS)) for _ in range(n)]


def test_last_lines_answer_the_contents_test_of_every_run() -> None:
    for seed in range(30):
        segments = _page(seed)
        last = last_lines(segments)
        for start in range(len(segments) - 4):
            members = sorted(random.Random(seed * 100 + start).sample(range(start, len(segments)), 4))
            members[0] = start
            members = sorted(set(members))
            want = _contents_items(segments, members)
            assert [k for k in members if last[norm_line(segments[k].text)] > k] == want
