"""Train text mode's headline, date and author pickers: src/dehusk/data/text_title.npz and
text_title_rank.npz (a classifier and a ranker, whose scores the headline picker combines),
text_title_caseless.npz and text_title_caseless_rank.npz (the headline picker for languages whose
headlines are not title-cased: the same rows with `metadata_text_title.CASE_FEATURES` held at 0),
text_date.npz, text_author.npz.

    .venv/bin/python scripts/train_text.py --save-oof /tmp/oof.pkl      # first: line probabilities
    .venv/bin/python scripts/train_text_meta.py --oof /tmp/oof.pkl [--no-export] [--only date ...]

Candidates are the lines around the top of the main text (dehusk.metadata_text_title.title_candidates)
with the out-of-fold line probabilities of scripts/train_text.py (those of its second-pass
ablation, "p2": at run time the pickers read the shipped first pass's scores, and in the whole
pipeline's grouped CV pickers fitted on p2 did as well as pickers fitted on p1 -- title -0.006,
date +0.004, author +0.007 -- while keeping the section-label fixtures right); a candidate is positive when it
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

from dehusk.classify import export_lightgbm
from dehusk.features import TEXT_FEATURES
from dehusk.metadata_text import (
    AUTHOR_FEATURES,
    _heuristic_author,
    author_candidates,
    main_span,
    teaser_lines,
)
from dehusk.metadata_text_date import DATE_FEATURES, date_candidates
from dehusk.metadata_text_date import heuristic_date as _heuristic_date
from dehusk.metadata_text_title import (
    CASE_FEATURES,
    RANK_WEIGHT,
    TITLE_FEATURES,
    _heuristic_title,
    title_candidates,
)
from train_text import ROOT, fold_ids, load_scorer

# (deterministic: LightGBM's threads otherwise sum in an order that varies from run to run, and the
# models, and the grouped-CV figures, came out a little different at every run: title 0.605-0.612)
PARAMS = {"objective": "binary", "learning_rate": 0.08, "num_leaves": 15, "max_depth": 4, "min_data_in_leaf": 30,
          "feature_fraction": 0.9, "verbose": -1, "num_threads": 2, "seed": 3, "deterministic": True,
          "force_row_wise": True}
ROUNDS = 80
# the date picker ranks the candidates of a page (one of them is the date): LightGBM's lambdarank
# over page groups picked the gold date on 0.846 of wcxb-dev text/ pages with candidates in grouped
# CV, the binary classifier on 0.829 (100-300 rounds: 0.839-0.846)
DATE_PARAMS = {**PARAMS, "objective": "lambdarank", "metric": "ndcg"}
DATE_ROUNDS = 150
# the headline picker multiplies the classifier's probability by exp(RANK_WEIGHT * a ranker's score)
# (`text_title_rank`). Over the same rows, in grouped CV, the ranker alone picked the gold headline on
# 0.640 of wcxb-dev text/ pages with candidates (text-alt/ 0.638, flattened 0.564), the classifier
# alone on 0.605 (0.614, 0.528), the two on 0.628 (0.635, 0.556); in the whole pipeline, with the
# layout priors, the two raise text/ from 0.626 to 0.641 (docs/evaluation.md). The ranker alone,
# which never learns what is no headline on any page, only what is less of one than the headline on
# its page, picks a site's name, a log-in link or a menu row over the headline of short pages unlike
# the datasets' (tests/fixtures/text).
TITLE_RANK_PARAMS = DATE_PARAMS
TITLE_MODELS = ("title", "title_rank", "title_caseless", "title_caseless_rank")
THRESHOLD = 0.5  # the line threshold text mode uses


def candidates(rows: list[dict], score, p_key: str = "p2") -> list[dict]:  # noqa: ANN001
    out = []
    for r in rows:
        gold = r["page"]["gold"].get("title")
        key = score.title_key(gold)
        if not key:
            continue
        f = {name: r["X"][:, j].astype(np.float64) for j, name in enumerate(TEXT_FEATURES)}
        f["_words"] = r["words"]
        p = r[p_key]
        main, _ = main_span(p, r["words"], THRESHOLD, teaser=teaser_lines(f))
        kept = np.flatnonzero(p >= THRESHOLD)
        first = int(kept[0]) if len(kept) else main
        cand, X = title_candidates(r["texts"], f, p, first, r["page"].get("url"), main)
        y = np.array([score.title_key(r["texts"][i]) == key for i in cand], dtype=np.int8)
        out.append({"row": r, "cand": cand, "X": X, "y": y})
    return out


def date_items(rows: list[dict], title_pick: dict[int, int], p_key: str = "p2") -> list[dict]:
    out = []
    for k, r in enumerate(rows):
        gold = r["page"]["gold"].get("published")
        if not gold:
            continue
        f = {name: r["X"][:, j].astype(np.float64) for j, name in enumerate(TEXT_FEATURES)}
        f["_words"] = r["words"]
        p = r[p_key]
        keep = p >= THRESHOLD
        first, last = main_span(p, r["words"], THRESHOLD, teaser=teaser_lines(f))
        ti = title_pick.get(k)
        anchor = ti if ti is not None else first
        cands, X = date_candidates(r["texts"], f, p, keep, anchor, first, last, ti, None, None, r["page"].get("url"))
        if not cands:
            continue
        y = np.array([d.value[:10] == gold for _, d in cands], dtype=np.int8)
        out.append({"row": r, "cand": cands, "X": X, "y": y})
    return out


def author_items(rows: list[dict], title_pick: dict[int, int], date_pick: dict[int, int], score,  # noqa: ANN001
                 p_key: str = "p2") -> list[dict]:
    """Each page rendering's byline candidates, positive when their names share a token with a gold
    author. Pages without gold authors count too, all their candidates negative, in the datasets
    that annotate authors (some page has them): a picker fitted on pages with bylines alone never
    sees a page whose best "name" is a button ("Get Started") and must say none."""
    annotated = {r["page"]["dataset"] for r in rows if r["page"]["gold"].get("authors")}
    out = []
    for k, r in enumerate(rows):
        gold = [score.author_tokens(a) for a in score.as_author_list(r["page"]["gold"].get("authors"))]
        gold = [g for g in gold if g]
        if not gold and r["page"]["dataset"] not in annotated:
            continue
        f = {name: r["X"][:, j].astype(np.float64) for j, name in enumerate(TEXT_FEATURES)}
        f["_words"] = r["words"]
        p = r[p_key]
        keep = p >= THRESHOLD
        first, last = main_span(p, r["words"], THRESHOLD, teaser=teaser_lines(f))
        ti = title_pick.get(k)
        anchor = ti if ti is not None else first
        names_of: dict[int, list[str]] = {}
        cand, X = author_candidates(r["texts"], f, p, keep, anchor, first, last, ti, date_pick.get(k), names_of)
        if not cand:
            continue
        y = []
        for i in cand:
            toks = set().union(*(score.author_tokens(a) for a in names_of[i])) if names_of[i] else set()
            y.append(any(g & toks for g in gold))
        out.append({"row": r, "cand": cand, "X": X, "y": np.array(y, dtype=np.int8), "gold": bool(gold),
                    "names": [names_of[i] for i in cand], "gold_tokens": gold})
    return out


def author_report(items: list[dict], key: str, score) -> None:  # noqa: ANN001
    """score.py's author figure (pages with gold authors) and the share of pages without them given
    an author, by threshold on the picked candidate's score."""
    for thr in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        res: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
        for it in items:
            best = int(np.argmax(it[key]))
            names = it["names"][best] if it[key][best] >= thr else []
            hit, given = res[f"{it['row']['page']['dataset']}/{it['row']['rend']}"]
            if it["gold"]:
                toks = set().union(*(score.author_tokens(a) for a in names)) if names else set()
                hit.append(float(any(g & toks for g in it["gold_tokens"])))
            else:
                given.append(float(bool(names)))
        print(f"  {key} >= {thr:.2f}", "  ".join(f"{k}: {np.mean(h):.3f} ({np.mean(g):.3f} of pages without)"
                                                  for k, (h, g) in sorted(res.items())))


def _dataset(items: list[dict], params: dict) -> lgb.Dataset:
    X = np.vstack([it["X"] for it in items])
    y = np.concatenate([it["y"] for it in items])
    ranking = params["objective"] == "lambdarank"
    return lgb.Dataset(X, y, group=[len(it["y"]) for it in items] if ranking else None)


def cross_fit(items: list[dict], folds: int, rounds: int, name: str, export: Path | None = None,
              model_name: str = "", features: tuple[str, ...] = (), params: dict = PARAMS) -> None:
    fid = fold_ids([it["row"] for it in items], folds)
    for k in range(folds):
        tr = [it for it, f in zip(items, fid, strict=True) if f != k]
        model = lgb.train(params, _dataset(tr, params), num_boost_round=rounds)
        if export:
            (export / f"fold{k}").mkdir(parents=True, exist_ok=True)
            export_lightgbm(model, export / f"fold{k}/{model_name}.npz", list(features))
        for it, f in zip(items, fid, strict=True):
            if f == k:
                it[name] = model.predict(it["X"])


def caseless(items: list[dict]) -> list[dict]:
    """The title items with the title-case columns (`CASE_FEATURES`) held at 0."""
    cols = [TITLE_FEATURES.index(name) for name in CASE_FEATURES]
    out = []
    for it in items:
        X = it["X"].copy()
        X[:, cols] = 0.0
        out.append({**it, "X": X})
    return out


def fit_all(items: list[dict], rounds: int, params: dict = PARAMS):  # noqa: ANN201
    return lgb.train(params, _dataset(items, params), num_boost_round=rounds)


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
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--export-folds", type=Path, default=None, help="also write each fold's models to DIR/fold<k>/")
    ap.add_argument("--no-export", action="store_true")
    ap.add_argument("--only", nargs="+", choices=(*TITLE_MODELS, "date", "author"),
                    default=(*TITLE_MODELS, "date", "author"),
                    help="the models written to src/dehusk/data (default: all)")
    ap.add_argument("--key", default="p2", help="the out-of-fold line probabilities the pickers are fitted on")
    args = ap.parse_args()
    score = load_scorer(args.scorer)
    rows = pickle.loads(args.oof.read_bytes())
    items = [it for it in candidates(rows, score, args.key) if len(it["cand"])]
    print(f"{len(items)} page renderings with a gold title; the title is a candidate on "
          f"{np.mean([it['y'].any() for it in items]):.3f}", file=sys.stderr)
    # the picker for languages whose headlines are not title-cased: the same rows, case columns at 0
    citems = caseless(items)
    for its, name in ((items, "text_title"), (citems, "text_title_caseless")):
        cross_fit(its, args.folds, ROUNDS, "binary", args.export_folds, name, TITLE_FEATURES)
        cross_fit(its, args.folds, ROUNDS, "rank", args.export_folds, f"{name}_rank", TITLE_FEATURES, TITLE_RANK_PARAMS)
        for it in its:  # as `metadata_text_title.title_scores` (the log of its product)
            it["learned"] = np.log(np.maximum(it["binary"], 1e-12)) + RANK_WEIGHT * it["rank"]
    for it, cit in zip(items, citems, strict=True):
        it["heuristic"] = _heuristic_title(it["X"])
        it["caseless"] = cit["learned"]
    print("title accuracy (pages with a gold title)")
    for key in ("heuristic", "binary", "rank", "learned", "caseless"):
        print(" ", key, "  ".join(f"{k}: {v:.3f}" for k, v in accuracy(items, key).items()))
    # the date picker is trained with the headline the (out-of-fold) title picker chose as anchor
    index = {id(r): k for k, r in enumerate(rows)}
    title_pick = {index[id(it["row"])]: int(it["cand"][int(np.argmax(it["learned"]))]) for it in items}
    ditems = date_items(rows, title_pick, args.key)
    print(f"{len(ditems)} page renderings with a gold date and date candidates; gold among them on "
          f"{np.mean([it['y'].any() for it in ditems]):.3f}", file=sys.stderr)
    cross_fit(ditems, args.folds, DATE_ROUNDS, "learned", args.export_folds, "text_date", DATE_FEATURES, DATE_PARAMS)
    for it in ditems:
        it["heuristic"] = _heuristic_date(it["X"])
    print("date accuracy (pages with a gold date and a date candidate)")
    for key in ("heuristic", "learned"):
        print(" ", key, "  ".join(f"{k}: {v:.3f}" for k, v in accuracy(ditems, key).items()))
    dindex = {id(it["row"]): it for it in ditems}
    date_pick = {index[i]: it["cand"][int(np.argmax(it["learned"]))][0] for i, it in dindex.items()}
    aitems = author_items(rows, title_pick, date_pick, score, args.key)
    print(f"{sum(it['gold'] for it in aitems)} page renderings with gold authors and candidates (gold among them on "
          f"{np.mean([it['y'].any() for it in aitems if it['gold']]):.3f}), {sum(not it['gold'] for it in aitems)} "
          "without", file=sys.stderr)
    cross_fit(aitems, args.folds, ROUNDS, "learned", args.export_folds, "text_author", AUTHOR_FEATURES)
    for it in aitems:
        it["heuristic"] = _heuristic_author(it["X"])
    print("author accuracy (pages with gold authors and a candidate; no threshold)")
    for key in ("heuristic", "learned"):
        print(" ", key, "  ".join(f"{k}: {v:.3f}" for k, v in accuracy([it for it in aitems if it["gold"]], key).items()))
    print("author figure by threshold (pages with gold authors and a candidate)")
    author_report(aitems, "learned", score)
    if not args.no_export:
        data = ROOT / "src/dehusk/data"
        fits = {"title": (items, ROUNDS, PARAMS, TITLE_FEATURES),
                "title_rank": (items, ROUNDS, TITLE_RANK_PARAMS, TITLE_FEATURES),
                "title_caseless": (citems, ROUNDS, PARAMS, TITLE_FEATURES),
                "title_caseless_rank": (citems, ROUNDS, TITLE_RANK_PARAMS, TITLE_FEATURES),
                "date": (ditems, DATE_ROUNDS, DATE_PARAMS, DATE_FEATURES),
                "author": (aitems, ROUNDS, PARAMS, AUTHOR_FEATURES)}
        for name in args.only:
            its, rounds, params, features = fits[name]
            export_lightgbm(fit_all(its, rounds, params), data / f"text_{name}.npz", list(features))
            print(f"wrote {data / f'text_{name}.npz'}", file=sys.stderr)


if __name__ == "__main__":
    main()
