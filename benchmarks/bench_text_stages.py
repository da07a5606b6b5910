"""Where text mode spends its time: wall time per stage, per page.

    .venv/bin/python benchmarks/bench_text_stages.py --dataset ../shared/data/wcxb-dev [--text-dir text] [--repeats 3]

Wraps the stage functions text mode calls (segmenting, language, features, the line model,
metadata, labelling, assembly) with timers, runs every page `--repeats` times and prints, for
each stage, the median over the repeats of its mean time per page and its share of the total.
Nested stages are indented and counted inside their parent. Timers cost about a microsecond per
call: the figures are for comparing stages, `bench_text.py` gives the pages/s.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import dehusk
from bench_text import dump_args, read_dumps
from dehusk import classify, features, metadata_text, metadata_view, text_mode

# (module, function, label): the label's indentation shows the nesting
STAGES = (
    (text_mode, "segment_text", "segment_text"),
    (text_mode, "detect_language", "detect_language"),
    (text_mode, "classify_lines", "classify_lines"),
    (text_mode, "text_features", "  text_features"),
    (features, "base_features", "    base_features"),
    (features, "add_window_features", "    add_window_features"),
    (features, "add_region_features", "    add_region_features"),
    (text_mode, "lexicon_features", "  lexicon_features"),
    (text_mode, "text_metadata_view", "text_metadata_view"),
    (metadata_view, "text_metadata", "  text_metadata"),
    (metadata_text, "pick_title", "    pick_title"),
    (metadata_text, "date_candidates", "    date_candidates"),
    (metadata_text, "author_candidates", "    author_candidates"),
    (text_mode, "label_segments", "label_segments"),
    (text_mode, "assemble", "assemble"),
)


def _timed(fn: Callable[..., Any], label: str, acc: Counter[str]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            acc[label] += time.perf_counter() - start
    return wrapper


def main() -> int:
    args = dump_args(__doc__, 3)
    pages = read_dumps(args)
    if not pages:
        return 2
    acc: Counter[str] = Counter()
    originals = []
    for module, name, label in STAGES:
        fn = getattr(module, name)
        originals.append((module, name, fn))
        setattr(module, name, _timed(fn, label, acc))
    predict = classify.TreeModel.predict
    classify.TreeModel.predict = lambda self, X: _timed(predict, f"  (trees: {len(self.roots)})", acc)(self, X)
    try:
        dehusk.extract(pages[0], mode="text")  # models loaded outside the timing
        runs: dict[str, list[float]] = {}
        for _ in range(args.repeats):
            acc.clear()
            start = time.perf_counter()
            for data in pages:
                dehusk.extract(data, mode="text")
            acc["total"] = time.perf_counter() - start
            for label, seconds in acc.items():
                runs.setdefault(label, []).append(seconds / len(pages) * 1000)
    finally:
        for module, name, fn in originals:
            setattr(module, name, fn)
        classify.TreeModel.predict = predict
    total = statistics.median(runs.pop("total"))
    print(f"pages: {len(pages)} ({args.dataset.name}/{args.text_dir}), repeats: {args.repeats}")
    print(f"{'total':34s} {total:7.3f} ms/page")
    order = [label for _, _, label in STAGES] + sorted(k for k in runs if k.startswith("  (trees"))
    for label in order:
        if label in runs:
            ms = statistics.median(runs[label])
            print(f"{label:34s} {ms:7.3f} ms/page  {ms / total:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
