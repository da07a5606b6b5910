"""Train text mode's line classifier and write src/dehusk/data/text_p1.npz.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/train_text.py --data ../shared/data [--folds 5] [--no-export]

Reads each dataset's text renderings (text/, text-alt/) and a third made here by flattening
the first (no blank lines, no bullets, no indentation: Common Crawl WET's shape), labels every
line by aligning the gold body to the page's lines, and trains LightGBM on the line features
(their window features carry the neighbourhood). Folds are grouped by site (URL host), so every
figure printed is for sites the model never saw. The exported model is trained on all pages.

Ablation, printed but not shipped: a learned second pass on the line features plus the
out-of-fold first-pass probabilities of the neighbourhood ("p2" lines). In grouped CV it scored
no better than the first pass ("p1" lines) at the best threshold of each rendering, so text mode
ships one learned pass and does its context revision by rules (text_mode.label_segments).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
import zlib
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import lightgbm as lgb
import numpy as np

from dehusk.blocks import Segment
from dehusk.classify import export_lightgbm
from dehusk.features import TEXT_FEATURES, context_features, text_features
from dehusk.lang import detect_language, stopwords
from dehusk.segment_text import segment_text

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "src/dehusk/data"
_TOK = re.compile(r"\w+")

PARAMS = {
    "objective": "binary", "learning_rate": 0.08, "num_leaves": 31, "max_depth": 6, "min_data_in_leaf": 80,
    "feature_fraction": 0.8, "bagging_fraction": 0.6, "bagging_freq": 1, "lambda_l2": 1.0, "verbose": -1,
    "num_threads": 2, "seed": 7, "max_bin": 63, "force_col_wise": True,
}
ROUNDS_P1, ROUNDS_P2 = 120, 40


def load_scorer(path: Path):  # noqa: ANN201
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["score"] = mod
    spec.loader.exec_module(mod)
    return mod


def host(url: str | None, fallback: str) -> str:
    if not url:
        return fallback
    h = urlsplit(url).hostname or fallback
    return h[4:] if h.startswith("www.") else h


def align_labels(texts: list[str], gold: str) -> np.ndarray:
    """1 for lines whose words follow the gold body, else 0.

    Lines of 3+ tokens: share of their token trigrams found in the gold's trigrams >= 0.5.
    Shorter lines: their token sequence occurs in the gold and a neighbouring long line
    (within 3 lines) is positive, so a lone "Home" or "Share" does not count.
    """
    gtok = _TOK.findall(gold.lower())
    tri = {tuple(gtok[i : i + 3]) for i in range(len(gtok) - 2)}
    uni = set(gtok)
    bi = {tuple(gtok[i : i + 2]) for i in range(len(gtok) - 1)}
    n = len(texts)
    y = np.zeros(n, dtype=np.int8)
    long_line = np.zeros(n, dtype=bool)
    short_ok = np.zeros(n, dtype=bool)
    for i, t in enumerate(texts):
        tok = _TOK.findall(t.lower())
        if len(tok) >= 3:
            grams = [tuple(tok[j : j + 3]) for j in range(len(tok) - 2)]
            share = sum(g in tri for g in grams) / len(grams)
            y[i] = share >= 0.5
            long_line[i] = True
        elif len(tok) == 2:
            short_ok[i] = tuple(tok) in bi
        elif len(tok) == 1:
            short_ok[i] = tok[0] in uni
    pos_long = np.flatnonzero(long_line & (y == 1))
    if len(pos_long):
        for i in np.flatnonzero(short_ok):
            j = np.searchsorted(pos_long, i)
            near = (j < len(pos_long) and pos_long[j] - i <= 3) or (j > 0 and i - pos_long[j - 1] <= 3)
            y[i] = near
    return y


def flatten(segments: list[Segment]) -> list[Segment]:
    """The WET shape of a page: a line per paragraph, no blank lines, bullets or indentation."""
    return [Segment(text=s.text, kind="line") for s in segments]


def load_pages(data: Path, names: list[str]) -> list[dict]:
    pages = []
    for name in names:
        d = data / name
        for line in filter(str.strip, (d / "pages.jsonl").read_text(encoding="utf-8").split("\n")):
            p = json.loads(line)
            if not isinstance(p["gold"].get("body"), str):
                continue
            p["dataset"] = name
            p["dir"] = d
            p["group"] = host(p.get("url"), f"{name}:{p['id']}")
            pages.append(p)
    return pages


def build_rows(pages: list[dict], renderings: list[str]) -> list[dict]:
    """Per page and rendering: segments, features, labels."""
    rows = []
    t0 = time.time()
    for k, p in enumerate(pages):
        for rend in renderings:
            src = "text" if rend == "flat" else rend
            path = p["dir"] / src / f"{p['id']}.txt"
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            segs = segment_text(text)
            if rend == "flat":
                segs = flatten(segs)
            if not segs:
                continue
            texts = [s.text for s in segs]
            lang = detect_language(" ".join(t for t in texts if len(t) > 60))[0]
            X, f = text_features(segs, stopwords(lang))
            rows.append({
                "page": p, "rend": rend, "texts": texts, "X": X.astype(np.float32), "words": f["_words"],
                "y": align_labels(texts, p["gold"]["body"]),
            })
        if k % 200 == 0:
            print(f"  features: {k}/{len(pages)} pages, {time.time() - t0:.0f}s", file=sys.stderr)
    return rows


def weights(rows: list[dict]) -> np.ndarray:
    """Each page-rendering weighs the same; inside it, lines weigh by their words (word F1 counts words)."""
    out = []
    for r in rows:
        w = np.log1p(r["words"]) + 0.2
        out.append(w / w.sum() * 100)
    return np.concatenate(out)


def group_fold(group: str, folds: int) -> int:
    """A site's fold: a stable hash of its host, the same in every script."""
    return zlib.crc32(group.encode()) % folds


def fold_ids(rows: list[dict], folds: int) -> np.ndarray:
    return np.array([group_fold(r["page"]["group"], folds) for r in rows])


def train(X: np.ndarray, y: np.ndarray, w: np.ndarray, rounds: int) -> lgb.Booster:
    return lgb.train(PARAMS, lgb.Dataset(X, y, weight=w, free_raw_data=True), num_boost_round=rounds)


def stack(rows: list[dict], key: str) -> np.ndarray:
    return np.concatenate([r[key] for r in rows])


def p2_matrix(rows: list[dict], p1_key: str) -> np.ndarray:
    return np.concatenate([np.hstack([r["X"], context_features(r[p1_key], r["words"]).astype(np.float32)]) for r in rows])


def evaluate(rows: list[dict], key: str, score, thresholds: list[float]) -> dict[str, dict[float, float]]:  # noqa: ANN001
    """Mean word F1 per dataset/rendering for each threshold (text = kept lines)."""
    res: dict[str, dict[float, list[float]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        gold = r["page"]["gold"]["body"]
        for t in thresholds:
            pred = "\n".join(tx for tx, p in zip(r["texts"], r[key], strict=True) if p >= t)
            f1 = score.word_prf(gold, pred)[2]
            res[f"{r['page']['dataset']}/{r['rend']}"][t].append(f1)
    return {k: {t: float(np.mean(v)) for t, v in d.items()} for k, d in res.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    ap.add_argument("--datasets", nargs="+", default=["wcxb-dev", "scrapinghub"])
    ap.add_argument("--renderings", nargs="+", default=["text", "text-alt", "flat"])
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared/bench/score.py")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--flat-share", type=float, default=0.5, help="share of pages also trained in the flattened shape")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-export", action="store_true")
    ap.add_argument("--export-folds", type=Path, default=None, help="also write each fold's models to DIR/fold<k>/")
    ap.add_argument("--save-oof", type=Path, default=None, help="pickle rows with out-of-fold p1/p2 here")
    ap.add_argument("--cache", type=Path, default=None, help="pickle the feature rows here (reuse if present)")
    args = ap.parse_args()
    score = load_scorer(args.scorer)
    pages = load_pages(args.data, args.datasets)[: args.limit]
    if args.cache and args.cache.is_file():
        import pickle

        rows = pickle.loads(args.cache.read_bytes())
    else:
        rows = build_rows(pages, args.renderings)
        if args.cache:
            import pickle

            args.cache.write_bytes(pickle.dumps(rows))
    if args.flat_share < 1:  # the flattened rendering for a share of the pages only (training time)
        rows = [r for r in rows if r["rend"] != "flat" or zlib.crc32(r["page"]["id"].encode()) % 100 < args.flat_share * 100]
    print(f"{len(rows)} page renderings, {sum(len(r['y']) for r in rows)} lines", file=sys.stderr)
    fid = fold_ids(rows, args.folds)
    line_fold = np.concatenate([np.full(len(r["y"]), f) for r, f in zip(rows, fid, strict=True)])
    X1, y, w = stack(rows, "X"), stack(rows, "y"), weights(rows)
    # pass 1, out of fold
    p1 = np.zeros(len(y))
    for k in range(args.folds):
        tr, te = line_fold != k, line_fold == k
        m = train(X1[tr], y[tr], w[tr], ROUNDS_P1)
        p1[te] = m.predict(X1[te])
        if args.export_folds:
            (args.export_folds / f"fold{k}").mkdir(parents=True, exist_ok=True)
            export_lightgbm(m, args.export_folds / f"fold{k}/text_p1.npz", list(TEXT_FEATURES), threshold=0.5)
        print(f"  pass 1 fold {k} done", file=sys.stderr)
    off = 0
    for r in rows:
        r["p1"] = p1[off : off + len(r["y"])]
        off += len(r["y"])
    # ablation: a learned pass 2, out of fold, on out-of-fold pass-1 context (evaluated, not shipped)
    X2 = p2_matrix(rows, "p1")
    p2 = np.zeros(len(y))
    for k in range(args.folds):
        tr, te = line_fold != k, line_fold == k
        m = train(X2[tr], y[tr], w[tr], ROUNDS_P2)
        p2[te] = m.predict(X2[te])
        print(f"  pass 2 fold {k} done", file=sys.stderr)
    off = 0
    for r in rows:
        r["p2"] = p2[off : off + len(r["y"])]
        off += len(r["y"])
    thresholds = [0.3, 0.4, 0.5, 0.6]
    for key in ("p1", "p2"):
        res = evaluate(rows, key, score, thresholds)
        for name, by_t in sorted(res.items()):
            print(f"{key} {name:24s} " + "  ".join(f"t={t}: {v:.4f}" for t, v in by_t.items()))
    if args.save_oof:  # rows with out-of-fold probabilities, for scripts/train_text_meta.py
        import pickle

        args.save_oof.write_bytes(pickle.dumps(rows))
    if args.no_export:
        return
    m1 = train(X1, y, w, ROUNDS_P1)
    export_lightgbm(m1, DATA_DIR / "text_p1.npz", list(TEXT_FEATURES), threshold=0.5)
    print(f"wrote {DATA_DIR / 'text_p1.npz'}", file=sys.stderr)


if __name__ == "__main__":
    main()
