"""Speed of HTML mode against trafilatura and Resiliparse, in one run, one process.

    .venv/bin/python benchmarks/bench_html.py --dataset ../shared/data/wcxb-dev [--limit N] [--repeat R]
        [--tools dehusk,trafilatura,resiliparse] [--every K]

Every page is read and decoded to `str` once, before timing; then, page by page, each tool
runs on the same string in turn (so a burst of load on a shared machine hits all tools
alike). Timed: the tool's call alone. dehusk: `extract(html, mode="html", url=...)` (metadata,
page type and confidence included); trafilatura: `extract(html, url=..., with_metadata=True)`
(its defaults otherwise); Resiliparse: `extract_plain_text(HTMLTree.parse(html),
main_content=True)` (no metadata). Peers come from the `bench` extra.

Prints, per tool: pages/s over the whole run (pages / total seconds), the median ms per page
and pages/s at the median (1 / median seconds), and the ratios to trafilatura.

`--isolate`: each tool in a process of its own instead (one tool's caches and heap are then not
the other's), the tools one after the other, `--repeat` rounds of them: per tool, the median of
the rounds' rates. Interleaved pages in one process, the default, is the stricter setting: a
tool's working set is evicted by the other tool's at every page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path


def load(dataset: Path, limit: int | None, every: int) -> list[tuple[str, str | None]]:
    with open(dataset / "pages.jsonl", encoding="utf-8") as fh:
        pages = [json.loads(line) for line in fh if line.strip()]
    pages = pages[::every]
    if limit:
        pages = pages[:limit]
    out = []
    for p in pages:
        with gzip.open(dataset / "html" / f"{p['id']}.html.gz", "rb") as fh:
            out.append((fh.read().decode("utf-8", errors="replace"), p.get("url")))
    return out


def tools(names: list[str]) -> dict[str, Callable[[str, str | None], object]]:
    out: dict[str, Callable[[str, str | None], object]] = {}
    for name in names:
        if name == "dehusk":
            from dehusk import extract

            out[name] = lambda html, url: extract(html, mode="html", url=url)
        elif name == "trafilatura":
            import trafilatura

            out[name] = lambda html, url: trafilatura.extract(html, url=url, with_metadata=True)
        elif name == "resiliparse":
            from resiliparse.extract.html2text import extract_plain_text
            from resiliparse.parse.html import HTMLTree

            out[name] = lambda html, url: extract_plain_text(HTMLTree.parse(html), main_content=True)
        else:
            raise SystemExit(f"unknown tool {name!r}")
    return out


def _isolated(args: argparse.Namespace, name: str) -> list[float]:
    """One tool's seconds per page, in this (fresh) process: load, warm up, time every page."""
    pages = load(args.dataset, args.limit, args.every)
    fn = tools([name])[name]
    for html, url in pages[:3]:
        fn(html, url)
    return [timed(name, fn, html, url) for html, url in pages]


def timed(name: str, fn: Callable[[str, str | None], object], html: str, url: str | None) -> float:
    """Seconds of one tool's call on one page (a peer failing on a page is timed, not fatal)."""
    t0 = time.perf_counter()
    try:
        fn(html, url)
    except Exception as exc:  # noqa: BLE001
        print(f"{name}: {type(exc).__name__}: {exc}", file=sys.stderr)
    return time.perf_counter() - t0


def run_isolated(args: argparse.Namespace, names: list[str]) -> dict[str, list[list[float]]]:
    """Per tool, each round's seconds per page, every round of every tool in a new process."""
    ctx = multiprocessing.get_context("spawn")
    rounds: dict[str, list[list[float]]] = {name: [] for name in names}
    for _ in range(args.repeat):
        for name in names:
            with ctx.Pool(1) as pool:
                rounds[name].append(pool.apply(_isolated, (args, name)))
    return rounds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", type=Path, required=True)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--every", type=int, default=1, help="take every K-th page")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--tools", default="dehusk,trafilatura,resiliparse")
    ap.add_argument("--isolate", action="store_true", help="each tool in a process of its own, one after the other")
    args = ap.parse_args(argv)
    if args.isolate:
        return report_isolated(run_isolated(args, args.tools.split(",")), args)
    pages = load(args.dataset, args.limit, args.every)
    fns = tools(args.tools.split(","))
    for fn in fns.values():  # warm up: imports, model loading, caches
        for html, url in pages[:3]:
            fn(html, url)
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(args.repeat):
        for html, url in pages:
            for name, fn in fns.items():
                times[name].append(timed(name, fn, html, url))
    print(f"{args.dataset.name}: {len(pages)} pages x {args.repeat}, one process, tools interleaved per page")
    print(f"{'tool':<12} {'pages/s':>9} {'median ms':>10} {'median p/s':>11} {'x trafilatura':>14}")
    base = times.get("trafilatura")
    base_rate = len(base) / sum(base) if base else None
    base_med = statistics.median(base) if base else None
    for name, ts in times.items():
        rate = len(ts) / sum(ts)
        med = statistics.median(ts)
        ratio = f"{rate / base_rate:.1f} / {base_med / med:.1f}" if base_rate and base_med else "-"
        print(f"{name:<12} {rate:9.1f} {med * 1000:10.2f} {1 / med:11.1f} {ratio:>14}")
    print("(ratio: overall pages/s / median pages/s, each against trafilatura)")
    return 0


def report_isolated(rounds: dict[str, list[list[float]]], args: argparse.Namespace) -> int:
    n = len(next(iter(rounds.values()))[0])
    print(f"{args.dataset.name}: {n} pages x {args.repeat} rounds, each tool in a process of its own")
    print(f"{'tool':<12} {'pages/s':>9} {'median ms':>10} {'rounds (pages/s)':>24} {'x trafilatura':>14}")
    rates = {name: [len(ts) / sum(ts) for ts in rs] for name, rs in rounds.items()}
    base = statistics.median(rates["trafilatura"]) if "trafilatura" in rates else None
    for name, rs in rounds.items():
        rate = statistics.median(rates[name])
        med = statistics.median(t for ts in rs for t in ts)
        ratio = f"{rate / base:.2f}" if base else "-"
        runs = ", ".join(f"{r:.1f}" for r in rates[name])
        print(f"{name:<12} {rate:9.1f} {med * 1000:10.2f} {runs:>24} {ratio:>14}")
    print("(pages/s: the median of the rounds; ratio: of those medians)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
