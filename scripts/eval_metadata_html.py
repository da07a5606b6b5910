#!/usr/bin/env python3
"""Score `dehusk.metadata_html.html_metadata` on a dataset's title / date / author gold.

    .venv/bin/python scripts/eval_metadata_html.py [--dataset DIR] [--limit N]
        [--show title|date|author] [--per-page out.jsonl]

Uses the reference scorer's own per-page functions (/work/shared/bench/score.py, loaded by
path), so the figures are the scorer's definitions. Prints accuracy (title, date on
`published`, author on `authors`), then two secondary figures for the caller's choices: the
date when a page that gives only a modification date ("Last updated ...") counts it, and the
author when organisation credits (JSON-LD Organization authors, agencies) count; the share of
pages WITHOUT gold that still get a date / an author (the learned pickers' thresholds keep it
at the rules' level); accuracy by page type (--by-type); where the chosen values came from;
the median milliseconds per page of `html_metadata` (parsing excluded, reported apart).
With --rules, the rule-based choices are scored (the learned pickers are not run).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from types import ModuleType

from selectolax.lexbor import LexborHTMLParser

from dehusk.metadata_html import _rules, html_metadata

DEFAULT_DATASET = Path("/work/shared/data/wcxb-dev")
DEFAULT_SCORER = Path("/work/shared/bench/score.py")
FIELDS = ("title", "date", "author")


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("dehusk_bench_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--limit", type=int, default=0, help="first N pages only (0: all)")
    ap.add_argument("--page-type", help="only pages of this page_type")
    ap.add_argument("--fetch-date", help="ISO date passed as fetch_date (default: today)")
    ap.add_argument("--show", choices=FIELDS, action="append", default=[], help="print the failures of a field")
    ap.add_argument("--per-page", type=Path, help="write per-page predictions and scores (JSONL)")
    ap.add_argument("--by-type", action="store_true", help="also print accuracy by page type")
    ap.add_argument("--rules", action="store_true", help="score the rule-based choices (no learned picker)")
    args = ap.parse_args(argv)

    scorer = load_scorer(args.scorer)
    pages = scorer.load_jsonl(args.dataset / "pages.jsonl")
    if args.page_type:
        pages = [p for p in pages if p.get("page_type") == args.page_type]
    if args.limit:
        pages = pages[: args.limit]

    rows: list[dict] = []
    either: list[float] = []  # date scored on `published`, else `modified` (see the doc)
    orgs: list[float] = []  # author scored on person names, else organisation credits
    extra = {"date": [], "author": []}  # pages without gold: given a value anyway?
    meta_ms: list[float] = []
    parse_ms: list[float] = []
    origins: dict[str, Counter] = {f: Counter() for f in ("title", "published", "authors")}
    out = open(args.per_page, "w", encoding="utf-8") if args.per_page else None  # noqa: SIM115
    try:
        for page in pages:
            with gzip.open(args.dataset / "html" / f"{page['id']}.html.gz", "rt", encoding="utf-8") as fh:
                html = fh.read()
            t0 = time.perf_counter()
            tree = LexborHTMLParser(html)
            t1 = time.perf_counter()
            if args.rules:
                meta = _rules(tree, page.get("url"), args.fetch_date)[0]
            else:
                meta = html_metadata(tree, page.get("url"), fetch_date=args.fetch_date)
            t2 = time.perf_counter()
            parse_ms.append((t1 - t0) * 1000)
            meta_ms.append((t2 - t1) * 1000)
            pred = {"id": page["id"], "title": meta.title, "authors": meta.authors, "published": meta.published}
            row = scorer.score_page(page, pred)
            rows.append(row)
            alt = scorer.score_page(page, {**pred, "published": meta.published or meta.modified,
                                           "authors": meta.authors or meta.author_orgs})
            if "date" in alt:
                either.append(alt["date"])
            if "author" in alt:
                orgs.append(alt["author"])
            if "date" not in row:
                extra["date"].append(bool(meta.published))
            if "author" not in row:
                extra["author"].append(bool(meta.authors))
            for f in origins:
                origins[f][meta.sources.get(f, "-")] += 1
            for f in args.show:
                if f in row and row[f] < 1:
                    gold = page["gold"]
                    gkey = {"title": "title", "date": "published", "author": "authors"}[f]
                    pkey = {"title": "title", "date": "published", "author": "authors"}[f]
                    src = meta.sources.get({"date": "published"}.get(f, pkey), "-")
                    print(f"[{f}] {page['id']} {page.get('page_type')}: gold={gold[gkey]!r} "
                          f"pred={pred[pkey]!r} ({src})")
            if out:
                out.write(json.dumps({**pred, "sources": meta.sources, "scores": {
                    f: row[f] for f in FIELDS if f in row}}, ensure_ascii=False) + "\n")
    finally:
        if out:
            out.close()

    agg = scorer.aggregate(rows)
    print(f"dataset: {args.dataset.name} ({len(pages)} pages)")
    for f in FIELDS:
        acc = agg.get(f)
        shown = "-" if acc is None else f"{acc:.3f}"
        print(f"{f:7s} {shown}  (pages with gold: {agg.get(f'{f}_pages', 0)})")
    if either:
        print(f"date, published else modified: {statistics.fmean(either):.3f}")
    if orgs:
        print(f"author, persons else organisation credits: {statistics.fmean(orgs):.3f}")
    for f, vals in extra.items():
        if vals:
            print(f"pages without {f} gold given one anyway: {statistics.fmean(vals):.3f} ({len(vals)} pages)")
    if args.by_type:
        types: dict[str, list[dict]] = {}
        for r in rows:
            types.setdefault(r.get("page_type") or "-", []).append(r)
        for t, rs in sorted(types.items()):
            a = scorer.aggregate(rs)
            print(f"  {t:14s} n={len(rs):4d} " + "  ".join(
                f"{f} {a[f]:.3f} ({a[f + '_pages']})" for f in FIELDS if a.get(f) is not None))
    for f, counter in origins.items():
        print(f"{f} from: " + ", ".join(f"{k} {v}" for k, v in counter.most_common(8)))
    if meta_ms:
        print(f"html_metadata: median {statistics.median(meta_ms):.2f} ms/page, "
              f"p90 {statistics.quantiles(meta_ms, n=10)[-1]:.2f} ms (parse: median "
              f"{statistics.median(parse_ms):.2f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
