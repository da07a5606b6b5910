"""Text-mode speed: dehusk vs the C4 line filter, one process, same run.

    .venv/bin/python benchmarks/bench_text.py --dataset ../shared/data/wcxb-dev [--text-dir text] [--repeats 5]

Loads every page dump into memory, then alternates full passes of dehusk text mode and of a
C4-style line filter (Raffel et al. 2020, the line rules as datatrove's C4QualityFilter applies
them) over all pages. Prints the median pages/s of each over the repeats, their ratio, and the
median per-page latency of dehusk.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import dehusk

_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
_TERMINAL = (".", "!", "?", '"', "”", "'")


def c4_filter(text: str) -> str:
    """C4's line rules: keep lines ending in terminal punctuation with 3+ words, no javascript/policy text."""
    kept = []
    for line in text.splitlines():
        line = line.strip()
        if not line.endswith(_TERMINAL) or len(line.split()) < 3:
            continue
        low = line.lower()
        if "javascript" in low or "lorem ipsum" in low or "{" in line or any(p in low for p in _POLICY):
            continue
        kept.append(line)
    return "\n".join(kept) if len(kept) >= 3 else ""


def run(pages: list[bytes], fn) -> tuple[float, list[float]]:  # noqa: ANN001
    per_page = []
    start = time.perf_counter()
    for data in pages:
        t = time.perf_counter()
        fn(data)
        per_page.append(time.perf_counter() - t)
    return len(pages) / (time.perf_counter() - start), per_page


def dump_args(doc: str | None, repeats: int) -> argparse.Namespace:
    """The text benchmarks' command line: --dataset DIR [--text-dir NAME] [--repeats N] [--limit N]."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", type=Path, required=True)
    ap.add_argument("--text-dir", default="text")
    ap.add_argument("--repeats", type=int, default=repeats)
    ap.add_argument("--limit", type=int, default=None)
    return ap.parse_args()


def read_dumps(args: argparse.Namespace) -> list[bytes]:
    """The page dumps the arguments name, in id order (an empty list, reported, when there are none)."""
    files = sorted((args.dataset / args.text_dir).glob("*.txt"))[: args.limit]
    if not files:
        print(f"no text files in {args.dataset / args.text_dir}", file=sys.stderr)
    return [f.read_bytes() for f in files]


def main() -> int:
    args = dump_args(__doc__, 5)
    pages = read_dumps(args)
    if not pages:
        return 2
    dehusk.extract(pages[0], mode="text")  # load models once, outside the timing
    ours, c4, lat = [], [], []
    for _ in range(args.repeats):
        rate, per_page = run(pages, lambda d: dehusk.extract(d, mode="text"))
        ours.append(rate)
        lat.extend(per_page)
        c4.append(run(pages, lambda d: c4_filter(d.decode("utf-8", "replace")))[0])
    med_ours, med_c4 = statistics.median(ours), statistics.median(c4)
    print(f"pages: {len(pages)} ({args.dataset.name}/{args.text_dir}), repeats: {args.repeats}")
    print(f"dehusk text mode: median {med_ours:8.1f} pages/s   (runs: {', '.join(f'{r:.0f}' for r in ours)})")
    print(f"C4 line filter:   median {med_c4:8.1f} pages/s   (runs: {', '.join(f'{r:.0f}' for r in c4)})")
    print(f"ratio dehusk / C4: {med_ours / med_c4:.3f}")
    print(f"dehusk per-page latency: median {statistics.median(lat) * 1000:.2f} ms, "
          f"p90 {statistics.quantiles(lat, n=10)[-1] * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
