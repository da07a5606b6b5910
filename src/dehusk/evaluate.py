"""`dehusk eval`: run dehusk over a dataset in the shared format and score it with score.py.

The dataset is read from the path given; the project holds none of its pages.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import DehuskError
from .options import Options
from .pipeline import extract


def load_pages(dataset: Path, limit: int | None = None) -> list[dict[str, Any]]:
    path = dataset / "pages.jsonl"
    if not path.is_file():
        raise DehuskError(f"{dataset} is not a dataset directory (no pages.jsonl)")
    with open(path, encoding="utf-8") as fh:
        pages = [json.loads(line) for line in fh if line.strip()]
    return pages[:limit] if limit else pages


def page_input(dataset: Path, page_id: str, mode: str, text_dir: str = "text") -> bytes:
    if mode == "html":
        with gzip.open(dataset / "html" / f"{page_id}.html.gz", "rb") as fh:
            return fh.read()
    return (dataset / text_dir / f"{page_id}.txt").read_bytes()


def predictions(
    dataset: Path, mode: str, text_dir: str = "text", limit: int | None = None, options: Options | None = None
) -> Iterator[dict[str, Any]]:
    """One prediction line per page, in score.py's format (plus `error` when extraction failed)."""
    for page in load_pages(dataset, limit):
        try:
            data = page_input(dataset, page["id"], mode, text_dir)
        except OSError as exc:
            yield {"id": page["id"], "body": "", "error": f"missing input: {exc}"}
            continue
        start = time.perf_counter()
        try:
            art = extract(data, mode=mode, url=page.get("url"), options=options)
        except DehuskError as exc:
            yield {"id": page["id"], "body": "", "seconds": time.perf_counter() - start, "error": str(exc)}
            continue
        seconds = time.perf_counter() - start
        yield {
            "id": page["id"], "body": art.text, "title": art.title, "authors": list(art.authors),
            "published": art.published, "seconds": seconds, "page_type": art.page_type,
        }


def default_scorer(dataset: Path) -> Path:
    candidates = [Path("../shared/bench/score.py"), dataset.resolve().parent.parent / "bench" / "score.py"]
    for c in candidates:
        if c.is_file():
            return c
    raise DehuskError("score.py not found: pass --scorer PATH")


def run_eval(
    dataset: Path, mode: str, text_dir: str, pred: Path, limit: int | None = None,
    scorer: Path | None = None, by_type: bool = False,
) -> int:
    scorer = scorer or default_scorer(dataset)
    pred.parent.mkdir(parents=True, exist_ok=True)
    n = errors = 0
    with open(pred, "w", encoding="utf-8") as fh:
        for row in predictions(dataset, mode, text_dir, limit):
            n += 1
            errors += "error" in row
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"dehusk eval: {n} pages, {errors} errors -> {pred}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="dehusk-eval-") as tmp:
        scored = dataset
        if limit:  # score only the pages that were run: a subset dataset (pages.jsonl only)
            scored = Path(tmp) / dataset.name
            scored.mkdir()
            with open(scored / "pages.jsonl", "w", encoding="utf-8") as fh:
                for page in load_pages(dataset, limit):
                    fh.write(json.dumps(page) + "\n")
        cmd = [sys.executable, str(scorer), "--dataset", str(scored), "--pred", str(pred)]
        if by_type:
            cmd.append("--by-type")
        return subprocess.call(cmd)
