"""`make demo`: run dehusk over the sample pages that ship with the project and the France 24 page."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .pipeline import extract

ROOT = Path(__file__).resolve().parents[2]


def show(path: Path) -> None:
    article = extract(path.read_bytes(), explain=True)
    d = article.to_dict()
    blocks = d.pop("blocks")
    text = d.pop("text")
    print(f"=== {path.name} ({article.mode} mode)")
    print(json.dumps({k: v for k, v in d.items() if v not in (None, [], "")}, ensure_ascii=False, indent=2))
    print("--- text:")
    print(text[:1200] + (" [...]" if len(text) > 1200 else ""))
    dropped = [b for b in blocks if b["label"] not in ("title", "lead", "body", "heading")]
    print(f"--- {len(blocks)} blocks, {len(dropped)} left out, e.g.:")
    for b in dropped[:6]:
        print(f"    [{b['label']}] {b['text'][:60]!r}: {b['reason']}")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    paths = sorted((ROOT / "samples").glob("*.*"))
    example = args.shared / "examples" / "france24-mali-2013.txt"
    if example.is_file():
        paths.append(example)
    for path in paths:
        show(path)


if __name__ == "__main__":
    main()
