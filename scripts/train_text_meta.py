"""Train text mode's headline picker and write src/dehusk/data/text_title.npz.

    .venv/bin/python scripts/train_text.py --save-oof /tmp/oof.pkl      # first: line probabilities
    .venv/bin/python scripts/train_text_meta.py --oof /tmp/oof.pkl [--no-export]

Candidates are the lines around the top of the main text (dehusk.metadata_text.title_candidates)
with the out-of-fold line probabilities of scripts/train_text.py; a candidate is positive when it
equals the gold title (score.py's title comparison). Folds are grouped by site; the figure
printed is the share of pages with a gold title whose picked line is the title, for the learned
picker and for the hand-set fallback.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import defaultdict
from pathlib import Path

import lightgbm as lgb
import numpy as np
from train_text import ROOT, fold_ids, load_scorer

from dehusk.classify import export_lightgbm
from dehusk.features import TEXT_FEATURES
from dehusk.metadata_text import TITLE_FEATURES, _heuristic_title, title_candidates

PARAMS = {"objective": "binary", "learning_rate": 0.08, "num_leaves": 15, "max_depth": 4, "min_data_in_leaf": 30,
          "feature_fraction": 0.9, "verbose": -1, "num_threads": 2, "seed": 3}
ROUNDS = 80


def candidates(rows: list[dict], score) -> list[dict]:  # noqa: ANN001
    out = []
    for r in rows:
        gold = r["page"]["gold"].get("title")
        key = score.title_key(gold)
        if not key:
            continue
        f = {name: r["X"][:, j].astype(np.float64) for j, name in enumerate(TEXT_FEATURES)}
        f["_words"] = r["words"]
        p = r["p2"]
        kept = np.flatnonzero(p >= 0.5)
        first = int(kept[0]) if len(kept) else int(np.argmax(p))
        cand, X = title_candidates(r["texts"], f, p, first, r["page"].get("url"))
        y = np.array([score.title_key(r["texts"][i]) == key for i in cand], dtype=np.int8)
        out.append({"row": r, "cand": cand, "X": X, "y": y})
    return out


def accuracy(items: list[dict], key: str) -> dict[str, float]:
    res: dict[str, list[float]] = defaultdict(list)
    for it in items:
        ok = len(it["cand"]) > 0 and bool(it["y"][int(np.argmax(it[key]))])
        res[f"{it['row']['page']['dataset']}/{it['row']['rend']}"].append(float(ok))
    return {k: float(np.mean(v)) for k, v in sorted(res.items())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--oof", type=Path, required=True)
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared/bench/score.py")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-export", action="store_true")
    args = ap.parse_args()
    score = load_scorer(args.scorer)
    rows = pickle.loads(args.oof.read_bytes())
    items = [it for it in candidates(rows, score) if len(it["cand"])]
    print(f"{len(items)} page renderings with a gold title; the title is a candidate on "
          f"{np.mean([it['y'].any() for it in items]):.3f}", file=sys.stderr)
    fid = fold_ids([it["row"] for it in items], args.folds)
    for k in range(args.folds):
        tr = [it for it, f in zip(items, fid, strict=True) if f != k]
        X = np.vstack([it["X"] for it in tr])
        y = np.concatenate([it["y"] for it in tr])
        model = lgb.train(PARAMS, lgb.Dataset(X, y), num_boost_round=ROUNDS)
        for it, f in zip(items, fid, strict=True):
            if f == k:
                it["learned"] = model.predict(it["X"])
    for it in items:
        it["heuristic"] = _heuristic_title(it["X"])
    for key in ("heuristic", "learned"):
        print(key, "  ".join(f"{k}: {v:.3f}" for k, v in accuracy(items, key).items()))
    if not args.no_export:
        X = np.vstack([it["X"] for it in items])
        y = np.concatenate([it["y"] for it in items])
        model = lgb.train(PARAMS, lgb.Dataset(X, y), num_boost_round=ROUNDS)
        path = ROOT / "src/dehusk/data/text_title.npz"
        export_lightgbm(model, path, list(TITLE_FEATURES))
        print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
