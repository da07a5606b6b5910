"""Grouped cross-validation of the whole text-mode pipeline, scored with score.py.

    .venv/bin/python scripts/train_text.py --export-folds /tmp/folds --save-oof /tmp/oof.pkl
    .venv/bin/python scripts/train_text_meta.py --oof /tmp/oof.pkl --export-folds /tmp/folds
    .venv/bin/python scripts/cv_text.py --folds-dir /tmp/folds [--datasets wcxb-dev scrapinghub] [--without-url]

Every page is extracted by the real pipeline (`dehusk.extract`) with the models of the fold
that did not see its site (DEHUSK_MODEL_DIR), so the figures are for unseen sites.
Predictions go to --out/<dataset>-<rendering>.jsonl and score.py's report is printed for each.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import dehusk
from train_text import ROOT, group_fold, host


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds-dir", type=Path, required=True)
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    ap.add_argument("--datasets", nargs="+", default=["wcxb-dev", "scrapinghub"])
    ap.add_argument("--renderings", nargs="+", default=["text", "text-alt"])
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared/bench/score.py")
    ap.add_argument("--out", type=Path, default=Path("/tmp/dehusk-cv"))
    ap.add_argument("--without-url", action="store_true",
                    help="extract each page without its URL, as a text corpus often keeps none (folds still by site)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.datasets:
        d = args.data / name
        pages = [json.loads(line) for line in (d / "pages.jsonl").read_text(encoding="utf-8").split("\n") if line.strip()]
        for rend in args.renderings:
            preds = []
            for k in range(args.folds):
                os.environ["DEHUSK_MODEL_DIR"] = str(args.folds_dir / f"fold{k}")
                for p in pages:
                    if group_fold(host(p.get("url"), f"{name}:{p['id']}"), args.folds) != k:
                        continue
                    path = d / rend / f"{p['id']}.txt"
                    if not path.is_file():
                        continue
                    t = time.perf_counter()
                    try:
                        a = dehusk.extract(path.read_bytes(), mode="text", url=None if args.without_url else p.get("url"))
                    except dehusk.DehuskError as exc:
                        preds.append({"id": p["id"], "body": "", "error": str(exc)})
                        continue
                    preds.append({"id": p["id"], "body": a.text, "title": a.title, "authors": list(a.authors),
                                  "published": a.published, "seconds": time.perf_counter() - t})
            out = args.out / f"{name}-{rend}.jsonl"
            out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in preds), encoding="utf-8")
            print(f"== {name} {rend} (grouped {args.folds}-fold CV)", flush=True)
            subprocess.call([sys.executable, str(args.scorer), "--dataset", str(d), "--pred", str(out)])


if __name__ == "__main__":
    main()
