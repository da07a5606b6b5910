"""Train HTML mode's models from the shared datasets and write them to src/dehusk/data/.

    .venv/bin/python scripts/train_html.py --data ../shared/data [--out src/dehusk/data]
        [--cache /tmp/dehusk-train-html] [--folds 5] [--seeds 7,11] [--cv-pred /tmp/cv] [--no-export]
    .venv/bin/python scripts/train_html.py --cache /tmp/dehusk-train-html --cv-pred /tmp/cv --reuse-oof

Reads wcxb-dev and scrapinghub (pages.jsonl + html/), never copies them anywhere but the
feature cache. Steps:
1. every page is analysed exactly as at run time (`html_mode.analyse`), its gold body aligned
   to the blocks (`trainlib.align_labels`);
2. folds grouped by URL host; the block model (stage 1) is trained per fold, giving
   out-of-fold probabilities p1; page-type models learn from p1-based page features; the
   context model (stage 2) learns from the page's OOF p1 (its containers and neighbours) and
   OOF page-type probabilities, and is cross-validated the same way;
   all of step 2 runs once per LightGBM seed (`--seeds`, default 7,11): one ensemble member
   each, whose final scores and page-type probabilities HTML mode averages;
3. the floor of the cut that maximises the mean page word F1 of the averaged OOF predictions is kept;
4. cross-validated predictions (each page predicted by models that never saw its host) and
   in-sample predictions (the shipped models) are written as score.py JSONL files;
5. page-type models learn from the first pass (their OOF probabilities feed the context model);
   the confidence model learns the OOF word F1 of each page from its second-pass features;
6. the final models are trained on all pages and exported (`classify.export_lightgbm`): member
   0 as html_block, html_context, html_pagetype_*; member m as html_block_m<m>, ... (see
   `html_mode.member_models`).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import trainlib  # noqa: E402
from dehusk import pagetype as pt  # noqa: E402
from dehusk.assemble import Meta, assemble, mark_duplicates  # noqa: E402
from dehusk.classify import export_lightgbm  # noqa: E402
from dehusk.deadline import Deadline  # noqa: E402
from dehusk.decode import to_text  # noqa: E402
from dehusk.features_html import FEATURE_NAMES, template_groups, text_feature_fingerprint  # noqa: E402
from dehusk.features_html_context import CONTEXT_NAMES, context_features_html  # noqa: E402
from dehusk.html_mode import (  # noqa: E402
    MAX_MEMBERS,
    SURE,
    analyse,
    decide,
    label_blocks,
    label_page,
    member_models,
)
from dehusk.options import Options  # noqa: E402

DATASETS = ("wcxb-dev", "scrapinghub")
NAMES2 = FEATURE_NAMES + CONTEXT_NAMES + pt.TYPE_PROB_NAMES  # the context model's columns
WIDTH2 = len(NAMES2)
ROUNDS_1 = 100
ROUNDS_2 = 100
# the context model learns at half the block model's rate. Grouped CV, whole pipeline, mean of
# four bagging seeds (7, 11, 23, 31): wcxb-dev word F1 0.8773 -> 0.8800, scrapinghub shingle F1
# 0.9592 -> 0.9625, for the same 100 trees (0.05 x 300 trees, 0.1 x 150 or 200, 20/80/160 data per
# leaf, other feature fractions: no better; the block model at 0.1: worse)
PARAMS_2 = {"learning_rate": 0.1}
# HTML mode averages the final scores of independent pipelines, each trained with its own
# LightGBM seed. A single seed's grouped-CV figure moves with the seed (wcxb-dev 0.877-0.882 over
# seeds 7, 11, 23, 31); two members: wcxb-dev 0.878-0.883 over the six pairs of those seeds (mean
# 0.880), scrapinghub 0.965-0.967 (mean 0.966); four: 0.881 / 0.967. Each member costs about 14%
# of HTML mode's time, so two.
SEEDS = [7, 11]


def featurize(page: dict[str, Any]) -> dict[str, Any]:
    html = to_text(trainlib.read_html(page))
    a = analyse(html, url=page.get("url"), options=Options(), deadline=Deadline(None))
    texts = [s.text for s in a.segments]
    y, frac = trainlib.align_labels(texts, page["gold"]["body"])
    # (what the decisions after the scores read: `html_mode.label_page`)
    f_keep = {k: a.f[k] for k in ("_fi", "_lens", "_words", "_fa", "_sig", "link_density", "is_title", "end_term", "log_rep")
              } if a.segments else {}
    return {
        "id": page["id"], "dataset": page["dataset"], "url": page.get("url"), "page_type": page.get("page_type"),
        "gold": page["gold"]["body"], "X": a.X.astype(np.float32), "y": y, "frac": frac, "f": f_keep,
        "segments": a.segments, "page": a.page, "language": a.language,
    }


def load_all(data: Path, cache: Path) -> list[dict[str, Any]]:
    cache.mkdir(parents=True, exist_ok=True)
    out: list[dict[str, Any]] = []
    for name in DATASETS:
        path = cache / f"{name}.pkl"
        if path.is_file():
            with open(path, "rb") as fh:
                rows = pickle.load(fh)
        else:
            t0 = time.time()
            rows = [featurize(p) for p in trainlib.load_pages(data / name)]
            with open(path, "wb") as fh:
                pickle.dump(rows, fh, protocol=pickle.HIGHEST_PROTOCOL)
            print(f"featurized {name}: {len(rows)} pages in {time.time() - t0:.0f} s", file=sys.stderr)
        out.extend(rows)
    for r in out:  # caches written before these columns existed
        if r["f"] and "_sig" not in r["f"]:
            r["f"]["_sig"] = template_groups(r["segments"], r["page"].frames, r["f"]["_fa"]["parent"])
    return out


def weights(rows: list[dict[str, Any]]) -> list[np.ndarray]:
    """Each block weighs by its words relative to the page's size: pages count alike."""
    ws = []
    for r in rows:
        words = r["f"].get("_words", np.zeros(0)) if r["f"] else np.zeros(0)
        gold_words = max(len(trainlib.WORD.findall(r["gold"] or "")), 50)
        ws.append(np.clip((np.sqrt(words) + 1.0) / np.sqrt(gold_words), 0.02, 5.0))
    return ws


def stack(parts: list[np.ndarray], idx: list[int], width: int) -> np.ndarray:
    chosen = [parts[i] for i in idx if len(parts[i])]
    return np.vstack(chosen) if chosen else np.zeros((0, width), dtype=np.float32)


def cat(parts: list[np.ndarray], idx: list[int]) -> np.ndarray:
    chosen = [parts[i] for i in idx if len(parts[i])]
    return np.concatenate(chosen) if chosen else np.zeros(0)


def predict(booster: Any, X: np.ndarray) -> np.ndarray:
    return booster.predict(X) if len(X) else np.zeros(0)


def cross_val(
    feats: list[np.ndarray], ys: list[np.ndarray], ws: list[np.ndarray], folds: np.ndarray, rounds: int,
    trainable: list[bool], params: dict[str, Any] | None = None,
) -> list[np.ndarray]:
    """Out-of-fold probabilities for every page."""
    width = next(x.shape[1] for x in feats if len(x))
    out: list[np.ndarray] = [np.zeros(len(y)) for y in ys]
    for k in sorted(set(folds.tolist())):
        tr = [i for i in range(len(feats)) if folds[i] != k and trainable[i]]
        te = [i for i in range(len(feats)) if folds[i] == k]
        booster = trainlib.train_lgb(stack(feats, tr, width), cat(ys, tr), cat(ws, tr), rounds, params)
        for i in te:
            out[i] = predict(booster, feats[i])
        print(f"  fold {k}: {len(tr)} train pages, {len(te)} held out", file=sys.stderr)
    return out


def revise(p1: np.ndarray, p2: np.ndarray) -> np.ndarray:
    """As at run time: blocks the first pass is sure about keep their first-pass score."""
    sure = (p1 <= SURE) | (p1 >= 1 - SURE)
    return np.where(sure, p1, p2)


def context_matrix(rows: list[dict[str, Any]], p1s: list[np.ndarray], probs: np.ndarray) -> list[np.ndarray]:
    out = []
    for r, p1, pr in zip(rows, p1s, probs, strict=True):
        if len(p1) == 0:
            out.append(np.zeros((0, WIDTH2), dtype=np.float32))
            continue
        ctx = context_features_html(r["f"], p1)
        types = np.broadcast_to(pr.astype(np.float32), (len(p1), len(pr)))
        out.append(np.hstack([r["X"], ctx.astype(np.float32), types]))
    return out


def body_of(r: dict[str, Any], p2: np.ndarray, threshold: float, probs: np.ndarray | None = None,
            adaptive: bool = False) -> str:
    """The page's text as extract() would give it: a fixed threshold (stage 1), or as at run time
    (`adaptive`: `html_mode.label_page`, extract()'s own decisions from the scores on, with
    `threshold` as the cut's floor, then `assemble`)."""
    segs = r["segments"]
    if not segs:
        return ""
    if adaptive:
        a = SimpleNamespace(segments=segs, page=r["page"], f=r["f"])
        label_page(a, p2, threshold, probs, Options())  # type: ignore[arg-type]
        return assemble(segs, Meta(), Options(), mode="html", url=r.get("url")).text
    label_blocks(segs, p2, threshold, r["page"], r["f"], Options(), None)
    mark_duplicates(segs)
    return "\n\n".join(s.text for s in segs if s.label in ("body", "heading", "lead"))


def page_scores(rows: list[dict[str, Any]], ps: list[np.ndarray], threshold: float, scorer: Any,
                probs: np.ndarray | None = None) -> np.ndarray:
    """Word F1 of every page (NaN without gold)."""
    out = np.full(len(rows), np.nan)
    for i, (r, p) in enumerate(zip(rows, ps, strict=True)):
        if r["gold"] is not None:
            body = body_of(r, p, threshold, None if probs is None else probs[i], adaptive=probs is not None)
            out[i] = scorer.word_prf(r["gold"], body)[2]
    return out


def mean_f1(rows: list[dict[str, Any]], ps: list[np.ndarray], threshold: float, scorer: Any,
            probs: np.ndarray | None = None) -> float:
    return float(np.nanmean(page_scores(rows, ps, threshold, scorer, probs)))


def best_threshold(rows: list[dict[str, Any]], ps: list[np.ndarray], scorer: Any,
                   probs: np.ndarray | None = None) -> float:
    grid = [0.15, 0.2, 0.25, 0.3] if probs is not None else [0.2, 0.25, 0.3, 0.35, 0.4, 0.45]
    scores = {t: mean_f1(rows, ps, t, scorer, probs) for t in grid}
    what = "floor" if probs is not None else "threshold"
    print(f"  {what} -> mean word F1: " + ", ".join(f"{t}: {s:.4f}" for t, s in scores.items()), file=sys.stderr)
    return max(scores, key=lambda t: scores[t])


def write_preds(rows: list[dict[str, Any]], ps: list[np.ndarray], threshold: float, out: Path, tag: str,
                probs: np.ndarray) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in DATASETS:
        with open(out / f"{tag}-{name}.jsonl", "w", encoding="utf-8") as fh:
            for i, (r, p) in enumerate(zip(rows, ps, strict=True)):
                if r["dataset"] == name:
                    body = body_of(r, p, threshold, probs[i], adaptive=True)
                    fh.write(json.dumps({"id": r["id"], "body": body, "page_type": pt.choose_type(probs[i])},
                                        ensure_ascii=False) + "\n")


TYPE_PARAMS = {"num_leaves": 15, "max_depth": 5, "min_data_in_leaf": 10, "learning_rate": 0.05, "feature_fraction": 0.7}


def page_rows(rows: list[dict[str, Any]], ps: list[np.ndarray], threshold: float) -> np.ndarray:
    return np.vstack([pt.page_features(r["X"], p, threshold, r["url"]) for r, p in zip(rows, ps, strict=True)])


def page_rows_cut(rows: list[dict[str, Any]], ps: list[np.ndarray], floor: float, probs: np.ndarray) -> np.ndarray:
    """Confidence inputs as at run time: the page features at the page's own cut."""
    out = []
    for r, p, pr in zip(rows, ps, probs, strict=True):
        cut = floor
        if r["segments"]:
            a = SimpleNamespace(segments=r["segments"], page=r["page"], f=r["f"])
            p, cut, _ = decide(a, p, floor, pr, Options())
        out.append(pt.page_features(r["X"], p, cut, r["url"]))
    return np.vstack(out)


def fit_types(R: np.ndarray, types: np.ndarray, seed: int) -> list[Any]:
    params = {**TYPE_PARAMS, "seed": seed}
    return [trainlib.train_lgb(R, (types == t).astype(float), None, 150, params) for t in pt.TYPES]


def type_probs(boosters: list[Any], R: np.ndarray) -> np.ndarray:
    return np.column_stack([b.predict(R) for b in boosters])


def cv_types(R: np.ndarray, types: np.ndarray, folds: np.ndarray, wcxb: np.ndarray, seed: int) -> np.ndarray:
    """Out-of-fold page-type probabilities (first-pass features); prints the accuracy."""
    probs = np.zeros((len(R), len(pt.TYPES)))
    for k in sorted(set(folds.tolist())):
        tr, te = folds != k, folds == k
        probs[te] = type_probs(fit_types(R[tr], types[tr], seed), R[te])
    pred = np.array([pt.choose_type(p) for p in probs])
    print(f"page type, cross-validated accuracy on wcxb-dev: {np.mean(pred[wcxb] == types[wcxb]):.3f}", file=sys.stderr)
    for t in pt.TYPES:
        m = wcxb & (types == t)
        print(f"  {t:<14} n={int(m.sum()):4d} recall {np.mean(pred[m] == t):.3f}"
              f" precision {np.mean(types[wcxb & (pred == t)] == t):.3f}", file=sys.stderr)
    return probs


CONF_PARAMS = {**TYPE_PARAMS, "objective": "cross_entropy"}


def cv_confidence(C: np.ndarray, f1: np.ndarray, folds: np.ndarray) -> None:
    ok = ~np.isnan(f1)
    conf = np.zeros(len(C))
    for k in sorted(set(folds.tolist())):
        tr, te = (folds != k) & ok, folds == k
        conf[te] = trainlib.train_lgb(C[tr], f1[tr], None, 200, CONF_PARAMS).predict(C[te])
    err = np.abs(conf[ok] - f1[ok])
    corr = float(np.corrcoef(conf[ok], f1[ok])[0, 1])
    print(f"confidence, cross-validated: MAE {err.mean():.3f}, Pearson r {corr:.3f}", file=sys.stderr)
    for lo, hi in ((0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)):
        m = ok & (conf >= lo) & (conf < hi)
        if m.any():
            print(f"  predicted [{lo:.1f}, {min(hi, 1):.1f}): n={int(m.sum()):4d} mean predicted {conf[m].mean():.3f}"
                  f" mean actual F1 {f1[m].mean():.3f}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=trainlib.SHARED / "data")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "src" / "dehusk" / "data")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/dehusk-train-html"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--cv-pred", type=Path, default=None, help="write CV and in-sample predictions here")
    ap.add_argument("--no-export", action="store_true")
    ap.add_argument("--seeds", type=lambda v: [int(x) for x in v.split(",")], default=SEEDS,
                    help="one ensemble member per LightGBM seed (comma-separated; default %(default)s)")
    ap.add_argument("--stage1-only", action="store_true")
    ap.add_argument("--reuse-stage1", action="store_true", help="reuse the cached out-of-fold stage-1 scores")
    ap.add_argument("--reuse-oof", action="store_true",
                    help="only write --cv-pred's grouped-CV predictions from the cached out-of-fold scores (oof.pkl)")
    args = ap.parse_args(argv)
    scorer = trainlib.load_scorer()
    rows = load_all(args.data, args.cache)
    if args.reuse_oof:
        if not args.cv_pred:
            ap.error("--reuse-oof writes predictions: give --cv-pred DIR")
        with open(args.cache / "oof.pkl", "rb") as fh:
            oof = pickle.load(fh)
        # each member's scores revised again at today's SURE, then averaged as at run time (the
        # cache holds the context model's scores of the blocks that were unsure at training time:
        # a SURE raised since then replays exactly, a lowered one needs a training run)
        p2 = [np.mean([revise(mb["p1"][i], mb["p2"][i]) for mb in oof["members"]], axis=0)
              for i in range(len(rows))] if oof.get("members") else oof["p2"]
        write_preds(rows, p2, oof["t2"], args.cv_pred, "cv", oof["probs"])
        return 0
    pages = [{"url": r["url"], "id": r["id"], "dataset": r["dataset"]} for r in rows]
    folds = trainlib.group_folds(pages, args.folds)
    feats = [r["X"] for r in rows]
    ys = [r["y"].astype(np.float64) for r in rows]
    ws = weights(rows)
    # pages whose annotators found no main content are left out of block training: most are
    # annotation gaps (a chart or a shop page with an empty gold), not examples of husk
    trainable = [bool(r["gold"]) for r in rows]
    print(f"{len(rows)} pages, {sum(len(y) for y in ys)} blocks, {int(sum(y.sum() for y in ys))} positive", file=sys.stderr)

    types = np.array([r["page_type"] or "article" for r in rows])
    wcxb = np.array([r["dataset"] == "wcxb-dev" for r in rows])
    members = []
    for m, seed in enumerate(args.seeds):
        print(f"member {m} (seed {seed}):", file=sys.stderr)
        members.append(member_oof(rows, (ys, ws), folds, trainable, seed, args, scorer, types, wcxb))
    if args.stage1_only:
        return 0
    # the members' final scores and page-type probabilities, averaged (as `html_mode.score_blocks` does)
    p2 = [np.mean([mb["p2"][i] for mb in members], axis=0) for i in range(len(rows))]
    probs = np.mean([mb["probs"] for mb in members], axis=0)
    t2 = best_threshold(rows, p2, scorer, probs)
    f1 = page_scores(rows, p2, t2, scorer, probs)
    print(f"ensemble of {len(members)}: OOF mean word F1 {np.nanmean(f1):.4f} at floor {t2}", file=sys.stderr)
    if args.cv_pred:
        write_preds(rows, p2, t2, args.cv_pred, "cv", probs)
    with open(args.cache / "oof.pkl", "wb") as fh:
        pickle.dump({"p2": p2, "t2": t2, "folds": folds, "probs": probs, "members": members}, fh)
    C = np.hstack([page_rows_cut(rows, p2, t2, probs), probs])
    cv_confidence(C, f1, folds)

    print("final models (all pages):", file=sys.stderr)
    all_idx = [i for i in range(len(rows)) if trainable[i]]
    train = (stack(feats, all_idx, len(FEATURE_NAMES)), cat(ys, all_idx), cat(ws, all_idx))
    finals = [member_final(rows, train, all_idx, types, mb) for mb in members]
    ok = ~np.isnan(f1)
    bc = trainlib.train_lgb(C[ok], f1[ok], None, 200, CONF_PARAMS)
    if args.cv_pred:
        q2, qp = [], []
        for mb, (b1, bt, b2) in zip(members, finals, strict=True):
            q1 = [predict(b1, x) for x in feats]
            qp.append(type_probs(bt, page_rows(rows, q1, mb["t1"])))
            q2.append([revise(a, predict(b2, x)) for a, x in zip(q1, context_matrix(rows, q1, qp[-1]), strict=True)])
        write_preds(rows, [np.mean([q[i] for q in q2], axis=0) for i in range(len(rows))], t2, args.cv_pred,
                    "insample", np.mean(qp, axis=0))
    if not args.no_export:
        fp = text_feature_fingerprint()
        for m, (mb, (b1, bt, b2)) in enumerate(zip(members, finals, strict=True)):
            block, context, type_models = member_models(m)
            export_lightgbm(b1, args.out / f"{block}.npz", list(FEATURE_NAMES), threshold=mb["t1"], text_features=fp,
                            seed=mb["seed"])
            export_lightgbm(b2, args.out / f"{context}.npz", list(NAMES2), threshold=t2, text_features=fp,
                            seed=mb["seed"])
            for name, b in zip(type_models, bt, strict=True):
                export_lightgbm(b, args.out / f"{name}.npz", list(pt.TYPE_FEATURES))
        for stale in range(len(members), MAX_MEMBERS):  # a smaller ensemble than the last export
            for name in (*member_models(stale)[:2], *member_models(stale)[2]):
                (args.out / f"{name}.npz").unlink(missing_ok=True)
        export_lightgbm(bc, args.out / "html_confidence.npz", list(pt.CONF_FEATURES))
        print(f"wrote the html_* models ({len(members)} members) to {args.out}", file=sys.stderr)
    return 0


def member_oof(rows: list[dict[str, Any]], labels: tuple[list[np.ndarray], list[np.ndarray]], folds: np.ndarray,
               trainable: list[bool], seed: int, args: Any, scorer: Any, types: np.ndarray,
               wcxb: np.ndarray) -> dict[str, Any]:
    """One ensemble member's out-of-fold pipeline (block model, page types, context model), every
    LightGBM model of it trained with `seed` (bagging and feature sampling). `labels`: the pages'
    block labels and weights."""
    feats = [r["X"] for r in rows]
    ys, ws = labels
    stage1 = args.cache / f"stage1-s{seed}.pkl"
    if args.reuse_stage1 and stage1.is_file():
        with open(stage1, "rb") as fh:
            p1 = pickle.load(fh)
    else:
        print("stage 1 (block model), cross-validated:", file=sys.stderr)
        p1 = cross_val(feats, ys, ws, folds, ROUNDS_1, trainable, {"seed": seed})
        with open(stage1, "wb") as fh:
            pickle.dump(p1, fh)
    t1 = best_threshold(rows, p1, scorer)
    print(f"  stage 1 OOF mean word F1 {mean_f1(rows, p1, t1, scorer):.4f} at {t1}", file=sys.stderr)
    if args.stage1_only:
        return {"seed": seed, "p1": p1, "t1": t1}
    R1 = page_rows(rows, p1, t1)
    probs = cv_types(R1, types, folds, wcxb, seed)
    print("stage 2 (context model), cross-validated:", file=sys.stderr)
    feats2 = context_matrix(rows, p1, probs)
    p2 = [revise(a, b) for a, b in
          zip(p1, cross_val(feats2, ys, ws, folds, ROUNDS_2, trainable, {**PARAMS_2, "seed": seed}), strict=True)]
    return {"seed": seed, "p1": p1, "t1": t1, "R1": R1, "probs": probs, "p2": p2}


def member_final(
    rows: list[dict[str, Any]], train: tuple[np.ndarray, np.ndarray, np.ndarray], idx: list[int], types: np.ndarray,
    mb: dict[str, Any],
) -> tuple[Any, Any, Any]:
    """One member's block, page-type and context models, trained on all pages (`train`: the
    block rows, labels and weights of the pages `idx`, stacked)."""
    seed = mb["seed"]
    X, y, w = train
    b1 = trainlib.train_lgb(X, y, w, ROUNDS_1, {"seed": seed})
    bt = fit_types(mb["R1"], types, seed)
    feats2 = context_matrix(rows, mb["p1"], mb["probs"])
    X2 = stack(feats2, idx, WIDTH2)
    b2 = trainlib.train_lgb(X2, y, w, ROUNDS_2, {**PARAMS_2, "seed": seed})
    return b1, bt, b2


if __name__ == "__main__":
    sys.exit(main())
