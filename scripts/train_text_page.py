"""Train text mode's page-type and confidence models (`dehusk/pagetype_text.py`).

    .venv/bin/python scripts/train_text.py --no-export --save-oof /tmp/text-oof.pkl
    .venv/bin/python scripts/train_text_page.py --oof /tmp/text-oof.pkl [--no-export]

Reads the page renderings with the line model's out-of-fold scores that `train_text.py --save-oof`
writes (wcxb-dev and scrapinghub; `text/`, `text-alt/` and the flattened shape), so every row
describes an extraction the line model made without seeing the page's site. Labels: WCXB's page
type (scrapinghub's pages are articles); for confidence, the word F1 (score.py's) of the lines
kept at the page's cut. Prints grouped 3-fold CV figures (the folds of train_text.py), then
writes `text_pagetype_<type>.npz` and `text_confidence.npz` to dehusk/data.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import zlib
from pathlib import Path

import lightgbm as lgb
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_text as tt  # noqa: E402
from dehusk.classify import export_lightgbm, page_cut  # noqa: E402
from dehusk.pagetype import TYPES, choose_type  # noqa: E402
from dehusk.pagetype_text import (  # noqa: E402
    CONF_FEATURES,
    CONFIDENCE_MODEL,
    PAGE_FEATURES,
    URL_FEATURES,
    page_row,
    url_columns,
)
from dehusk.text_mode import TEXT_CUT_FLOOR, TEXT_SHARPEN  # noqa: E402

PARAMS = {"objective": "binary", "learning_rate": 0.05, "num_leaves": 15, "max_depth": 5, "min_data_in_leaf": 20,
          "feature_fraction": 0.7, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0, "verbose": -1,
          "num_threads": 2, "seed": 1}
CONF_PARAMS = {**PARAMS, "objective": "cross_entropy"}
TYPE_ROUNDS, CONF_ROUNDS = 150, 200


def page_rows(rows: list[dict], score) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # noqa: ANN001
    """(PAGE_FEATURES rows read without a URL, the URL columns of each page, word F1 of each extraction)."""
    feats, links, f1 = [], [], []
    for r in rows:
        words = np.asarray(r["words"], dtype=np.float64)
        cut = page_cut(r["p1"], words + 1.0, TEXT_CUT_FLOOR, TEXT_SHARPEN)
        feats.append(page_row(r["X"], r["p1"], words, cut, None))
        links.append(url_columns(r["page"].get("url")))
        kept = "\n".join(t for t, p in zip(r["texts"], r["p1"], strict=True) if p >= cut)
        f1.append(score.word_prf(r["page"]["gold"]["body"], kept)[2])
    return np.array(feats), np.array(links, dtype=np.float64), np.array(f1)


def fit(X: np.ndarray, y: np.ndarray, params: dict, rounds: int) -> lgb.Booster:
    return lgb.train(params, lgb.Dataset(X, y), num_boost_round=rounds)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--oof", type=Path, required=True, help="train_text.py --save-oof's pickle")
    ap.add_argument("--scorer", type=Path, default=tt.ROOT.parent / "shared/bench/score.py")
    ap.add_argument("--no-export", action="store_true")
    args = ap.parse_args()
    score = tt.load_scorer(args.scorer)
    rows = pickle.loads(args.oof.read_bytes())
    # half of the renderings are trained without their URL (a dump often comes without one)
    shown = [zlib.crc32((r["page"]["id"] + r["rend"]).encode()) % 2 == 1 for r in rows]
    A_none, links, f1 = page_rows(rows, score)
    A_url = A_none.copy()
    A_url[:, -len(URL_FEATURES):] = links  # (page_row puts the URL's columns last)
    A_train = np.where(np.array(shown)[:, None], A_url, A_none)
    assert A_train.shape[1] == len(PAGE_FEATURES)
    types = np.array([TYPES.index(r["page"].get("page_type") or "article") for r in rows])
    fid = tt.fold_ids(rows, 3)
    probs = {key: np.zeros((len(rows), len(TYPES))) for key in ("url", "none", "train")}
    conf = {key: np.zeros(len(rows)) for key in ("url", "none")}
    for k in range(3):
        tr, te = fid != k, fid == k
        for j in range(len(TYPES)):
            m = fit(A_train[tr], (types[tr] == j).astype(float), PARAMS, TYPE_ROUNDS)
            for key, A in (("url", A_url), ("none", A_none), ("train", A_train)):
                probs[key][te, j] = m.predict(A[te])
    for k in range(3):  # confidence over the out-of-fold type probabilities
        tr, te = fid != k, fid == k
        m = fit(np.hstack([A_train, probs["train"]])[tr], f1[tr], CONF_PARAMS, CONF_ROUNDS)
        for key, A in (("url", A_url), ("none", A_none)):
            conf[key][te] = m.predict(np.hstack([A, probs[key]])[te])
    for key in ("url", "none"):
        pred = np.array([choose_type(p) for p in probs[key]])
        for ds in ("wcxb-dev", "scrapinghub"):
            for rend in ("text", "text-alt", "flat"):
                idx = np.array([i for i, r in enumerate(rows) if r["page"]["dataset"] == ds and r["rend"] == rend])
                if not len(idx):
                    continue
                err = np.abs(conf[key][idx] - f1[idx]).mean()
                corr = np.corrcoef(conf[key][idx], f1[idx])[0, 1]
                print(f"{'with URL' if key == 'url' else 'no URL':8s} {ds}/{rend:8s} page type accuracy "
                      f"{np.mean(pred[idx] == np.array(TYPES)[types[idx]]):.3f}   confidence MAE {err:.3f}, "
                      f"Pearson r {corr:.3f}")
        idx = np.array([i for i, r in enumerate(rows) if r["page"]["dataset"] == "wcxb-dev" and r["rend"] == "text"])
        for t in TYPES:
            m = np.array(TYPES)[types[idx]] == t
            print(f"  {t:<14} n={int(m.sum()):4d} recall {np.mean(pred[idx][m] == t):.3f}"
                  f" precision {np.mean(np.array(TYPES)[types[idx]][pred[idx] == t] == t):.3f}")
        for lo, hi in ((0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)):
            m = (conf[key][idx] >= lo) & (conf[key][idx] < hi)
            if m.any():
                print(f"  predicted [{lo:.1f}, {min(hi, 1):.1f}): n={int(m.sum()):4d} mean predicted "
                      f"{conf[key][idx][m].mean():.3f}, mean F1 {f1[idx][m].mean():.3f}")
    if args.no_export:
        return 0
    for j, t in enumerate(TYPES):
        m = fit(A_train, (types == j).astype(float), PARAMS, TYPE_ROUNDS)
        export_lightgbm(m, tt.DATA_DIR / f"text_pagetype_{t}.npz", list(PAGE_FEATURES), threshold=0.5)
    # the confidence model learns on out-of-fold type probabilities, as it will read unseen pages'
    m = fit(np.hstack([A_train, probs["train"]]), f1, CONF_PARAMS, CONF_ROUNDS)
    export_lightgbm(m, tt.DATA_DIR / f"{CONFIDENCE_MODEL}.npz", list(CONF_FEATURES), threshold=0.5)
    print(f"wrote {tt.DATA_DIR}/text_pagetype_*.npz and {CONFIDENCE_MODEL}.npz", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
