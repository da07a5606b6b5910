"""Train text mode's line classifier and write src/dehusk/data/text_p1.npz.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/train_text.py --data ../shared/data [--folds 5] [--no-export]

Reads each dataset's text renderings (text/, text-alt/) and a third made here by flattening
the first (no blank lines, no bullets, no indentation: Common Crawl WET's shape), labels every
line by aligning the gold body to the page's lines, and trains LightGBM on the line features
(their window features carry the neighbourhood) and the word-lexicon features
(`dehusk.features_lexicon`: per-word log-odds of article against husk lines, counted over sites,
words on 15+ site-sides). Folds are grouped by site (URL host), so every figure printed is for
sites the model never saw; every row's lexicon features come from a lexicon learned without its
site's fold (see `Lexicons`). The exported model is trained on all pages and ships the lexicon
of all sites in its meta.

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
from dehusk.features_lexicon import LEXICON_FEATURES, Lexicon, learn_lexicon, lexicon_features, line_words
from dehusk.lang import detect_language, stopwords
from dehusk.segment_text import segment_text
from dehusk.text_mode import _sample

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "src/dehusk/data"
_TOK = re.compile(r"\w+")

PARAMS = {
    "objective": "binary", "learning_rate": 0.08, "num_leaves": 31, "max_depth": 6, "min_data_in_leaf": 80,
    "feature_fraction": 0.8, "bagging_fraction": 0.6, "bagging_freq": 1, "lambda_l2": 1.0, "verbose": -1,
    "num_threads": 2, "seed": 7, "max_bin": 63, "force_col_wise": True,
}
ROUNDS_P1, ROUNDS_P2 = 120, 40
LEXICON_MIN_SITES = 15  # site-sides a word needs to enter the lexicon
LEXICON_MIN_LANG_SITES = 50  # sites a language needs for the lexicon to speak it


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


class Lexicons:
    """Word lexicons learned without some folds' sites (features_lexicon), cached by the folds left out.

    Every row is featurised with a lexicon that never saw its own site: a training row of fold j
    in the model for test fold k gets the lexicon of the folds other than j and k, a test row the
    lexicon of the folds other than k. A lexicon is learned from the pages in the languages with
    LEXICON_MIN_LANG_SITES+ sites among its pages (its languages: the lexicon model is trained on
    and used for pages in those languages only)."""

    def __init__(self, rows: list[dict], fid: np.ndarray) -> None:
        self.rows, self.fid = rows, fid
        self.words = [[line_words(t) for t in r["texts"]] if r["rend"] == "text" else None for r in rows]
        self.lang = [r.get("lang") or page_language(r["texts"]) for r in rows]
        self.cache: dict[frozenset[int], tuple[dict[str, float], tuple[str, ...]]] = {}
        self.ready: dict[frozenset[int], Lexicon] = {}  # the same lexicons, ready for lookups

    def without(self, *left_out: int) -> tuple[dict[str, float], tuple[str, ...]]:
        """(lexicon, its languages) learned from the rows of the folds not in `left_out`."""
        key = frozenset(left_out)
        if key not in self.cache:
            keep = [i for i, f in enumerate(self.fid) if f not in key and self.words[i] is not None]
            sites: dict[str, set[str]] = defaultdict(set)
            for i in keep:
                sites[self.lang[i]].add(self.rows[i]["page"]["group"])
            langs = tuple(sorted(lang for lang, s in sites.items() if lang and len(s) >= LEXICON_MIN_LANG_SITES))
            pages = [(self.rows[i]["page"]["group"], self.words[i], self.rows[i]["y"]) for i in keep if self.lang[i] in langs]
            self.cache[key] = (learn_lexicon(pages, LEXICON_MIN_SITES), langs)
        return self.cache[key]

    def lookup(self, *left_out: int) -> Lexicon:
        key = frozenset(left_out)
        if key not in self.ready:
            self.ready[key] = Lexicon(self.without(*left_out)[0])
        return self.ready[key]

    def matrix(self, idx: list[int], left_out: tuple[int, ...]) -> np.ndarray:
        """Rows `idx`, each with the lexicon learned without `left_out` and its own fold."""
        return np.concatenate([
            np.hstack([self.rows[i]["X"], lexicon_features(self.rows[i]["texts"],
                                                           self.lookup(*left_out, int(self.fid[i]))).astype(np.float32)])
            for i in idx])


def page_language(texts: list[str]) -> str | None:
    """The page's language as text mode detects it (text_mode.extract_text's sample)."""
    segs = [Segment(text=t) for t in texts]
    return detect_language(_sample(segs, 60) or _sample(segs, 0))[0]


def train(X: np.ndarray, y: np.ndarray, w: np.ndarray, rounds: int) -> lgb.Booster:
    return lgb.train(PARAMS, lgb.Dataset(X, y, weight=w, free_raw_data=True), num_boost_round=rounds)


def stack(rows: list[dict], key: str) -> np.ndarray:
    return np.concatenate([r[key] for r in rows])


def p2_matrix(X1: np.ndarray, rows: list[dict], p1_key: str) -> np.ndarray:
    return np.hstack([X1, np.concatenate([context_features(r[p1_key], r["words"]).astype(np.float32) for r in rows])])


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
    ap.add_argument("--seed", type=int, default=PARAMS["seed"], help="LightGBM's seed (bagging and feature fractions)")
    args = ap.parse_args()
    PARAMS["seed"] = args.seed
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
    y, w = stack(rows, "y"), weights(rows)
    lex = Lexicons(rows, fid)
    names = list(TEXT_FEATURES) + list(LEXICON_FEATURES)
    X1 = stack(rows, "X")
    # pass 1, out of fold: the plain model (every page), and the lexicon model (pages in the
    # lexicon's languages, which take its score instead)
    p1, p1_plain = np.zeros(len(y)), np.zeros(len(y))
    starts = np.cumsum([0] + [len(r["y"]) for r in rows])
    for k in range(args.folds):
        tr, te = line_fold != k, line_fold == k
        m = train(X1[tr], y[tr], w[tr], ROUNDS_P1)
        p1_plain[te] = m.predict(X1[te])
        langs = lex.without(k)[1]
        tr_idx = [i for i in range(len(rows)) if fid[i] != k and lex.lang[i] in lex.without(k, int(fid[i]))[1]]
        te_idx = [i for i in range(len(rows)) if fid[i] == k and lex.lang[i] in langs]
        tr_lines = np.concatenate([np.arange(starts[i], starts[i + 1]) for i in tr_idx])
        te_lines = np.concatenate([np.arange(starts[i], starts[i + 1]) for i in te_idx])
        m_lex = train(lex.matrix(tr_idx, (k,)), y[tr_lines], w[tr_lines], ROUNDS_P1)
        p1[te] = p1_plain[te]
        p1[te_lines] = m_lex.predict(lex.matrix(te_idx, ()))  # a test row's own fold is k: the lexicon without k
        if args.export_folds:
            (args.export_folds / f"fold{k}").mkdir(parents=True, exist_ok=True)
            export_lightgbm(m, args.export_folds / f"fold{k}/text_p1.npz", list(TEXT_FEATURES), threshold=0.5)
            lexicon, langs = lex.without(k)
            export_lightgbm(m_lex, args.export_folds / f"fold{k}/text_p1_lex.npz", names, threshold=0.5,
                            lexicon=lexicon, lexicon_languages=list(langs))
        print(f"  pass 1 fold {k} done", file=sys.stderr)
    for r, a, b in zip(rows, starts[:-1], starts[1:], strict=True):
        r["p1"], r["p1_plain"] = p1[a:b], p1_plain[a:b]
    # ablation: a learned pass 2, out of fold, on out-of-fold pass-1 context (evaluated, not shipped)
    p2 = np.zeros(len(y))
    for k in range(args.folds):
        tr, te = line_fold != k, line_fold == k
        m = train(p2_matrix(X1[tr], [r for r, f in zip(rows, fid, strict=True) if f != k], "p1"), y[tr], w[tr], ROUNDS_P2)
        p2[te] = m.predict(p2_matrix(X1[te], [r for r, f in zip(rows, fid, strict=True) if f == k], "p1"))
        print(f"  pass 2 fold {k} done", file=sys.stderr)
    off = 0
    for r in rows:
        r["p2"] = p2[off : off + len(r["y"])]
        off += len(r["y"])
    thresholds = [0.3, 0.4, 0.5, 0.6]
    for key in ("p1_plain", "p1", "p2"):
        res = evaluate(rows, key, score, thresholds)
        for name, by_t in sorted(res.items()):
            print(f"{key} {name:24s} " + "  ".join(f"t={t}: {v:.4f}" for t, v in by_t.items()))
    if args.save_oof:  # rows with out-of-fold probabilities, for scripts/train_text_meta.py
        import pickle

        args.save_oof.write_bytes(pickle.dumps(rows))
    if args.no_export:
        return
    export_lightgbm(train(X1, y, w, ROUNDS_P1), DATA_DIR / "text_p1.npz", list(TEXT_FEATURES), threshold=0.5)
    # the lexicon model: every row featurised with the lexicon learned without its fold (as in
    # CV, so the model learns how far to trust a lexicon on unseen sites); it ships the lexicon of all sites
    lexicon, langs = lex.without()
    idx = [i for i in range(len(rows)) if lex.lang[i] in lex.without(int(fid[i]))[1]]
    lines = np.concatenate([np.arange(starts[i], starts[i + 1]) for i in idx])
    export_lightgbm(train(lex.matrix(idx, ()), y[lines], w[lines], ROUNDS_P1), DATA_DIR / "text_p1_lex.npz", names,
                    threshold=0.5, lexicon=lexicon, lexicon_languages=list(langs))
    print(f"wrote {DATA_DIR / 'text_p1_lex.npz'}", file=sys.stderr)
    print(f"wrote {DATA_DIR / 'text_p1.npz'}", file=sys.stderr)


if __name__ == "__main__":
    main()
