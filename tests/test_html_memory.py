"""Memory stays flat over a long run of HTML pages in one process (no cache or leak grows)."""

from __future__ import annotations

from pathlib import Path

import dehusk

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096 / 1e6


def test_rss_flat_over_a_long_run() -> None:
    pages = [p.read_bytes() for p in sorted(FIXTURES.glob("*.html"))]
    # distinct pages: class names and texts vary, as over a real corpus
    variants = [
        page.replace(b"class=\"", f"class=\"v{i} ".encode()).replace(b"<p>", f"<p>Item {i}: ".encode())
        for i, page in enumerate(pages * 20)
    ]

    def run(n: int) -> None:
        for i in range(n):
            dehusk.extract(variants[i % len(variants)], mode="html", explain=True, markdown=True)

    run(len(variants))  # warm up: models, language tables, caches filled once
    before = rss_mb()
    run(len(variants) * 4)
    after = rss_mb()
    assert after - before < 25, f"RSS grew from {before:.0f} MB to {after:.0f} MB"
