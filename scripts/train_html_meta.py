"""Train HTML mode's title, date and author pickers: src/dehusk/data/html_title.npz, html_date.npz,
html_author.npz.

    .venv/bin/python scripts/train_html_meta.py [--data ../shared/data] [--folds 5] [--no-export]
        [--cache /tmp/html_meta_rows.pkl] [--limit N] [--fields date] [--types CV/cv-wcxb-dev.jsonl]
        [--no-augment]

For every page of the datasets that carry metadata gold (wcxb-dev; scrapinghub has none), runs
the rule-based pass of `dehusk.metadata_html` (`_rules`, which uses no model) and builds the
candidates and feature rows of the three pickers
(`title_rows`, `date_rows`, `author_rows`). Labels use the reference scorer's own functions
(/work/shared/bench/score.py): a title candidate is positive when its `title_key` equals the
gold's, a date candidate when its day is the gold `published`, an author candidate when its
names share a token with a gold author (`author_tokens`).

The title and author pickers also train on each page in other clothes (`html_variants`: class
and id names hashed; no JSON-LD or named metas; and for the title, its `<h1>` made a `<div>`), so
that they do not lean on what many sites lack (grouped CV with out-of-fold page types, five
seeds: wcxb-dev title 0.830 -> 0.837 with the title-element candidates of `metadata_rank`, and
author, with thread starters as extract_html, 0.798 -> 0.802 on the pages as they are; title
without metadata 0.806 -> 0.819, without `<h1>` 0.755 -> 0.772; author picker without metadata
0.671 -> 0.680). Every figure printed, and each threshold, is on the pages as they are; the
variants' grouped-CV accuracy is printed beside. The date picker trains on the pages as they are
(the variants cost it 0.004).

LightGBM over the candidate rows; folds grouped by site (train_text.group_fold of the URL host),
so the "grouped CV" figures are for sites the model never saw; "in-sample" is the exported
model (trained on every page) on the same pages. Each figure is the scorer's: the share of pages
with gold whose picked value scores 1 (a page without candidates scores 0), next to the
rule-based pick. The date and author pickers each have two thresholds (below them: no value),
stored in the model file: one for the page types expected to carry a date
(`metadata_html.DATED_TYPES`) or a byline (`AUTHORED_TYPES`), one for the others, tuned on the
page types of --types (the out-of-fold ones `train_html.py --cv-pred CV` writes; the shipped
html_date.npz and html_author.npz were tuned so) or else on those the shipped models give.
"""

from __future__ import annotations

import argparse
import gzip
import pickle
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import lightgbm as lgb
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

import dehusk  # noqa: E402
from dehusk.classify import export_lightgbm  # noqa: E402
from dehusk.metadata_dates import DATE_FEATURES  # noqa: E402
from dehusk.metadata_html import AUTHORED_TYPES, DATED_TYPES, _rules, author_rows, date_rows, title_rows  # noqa: E402
from dehusk.metadata_rank import PAGE_FEATURES, TITLE_FEATURES  # noqa: E402
from dehusk.metadata_rank_author import AUTHOR_FEATURES  # noqa: E402
from dehusk.thread_starter import thread_starter  # noqa: E402
from html_variants import VARIANTS  # noqa: E402
from train_text import group_fold, host, load_scorer  # noqa: E402

PARAMS = {"objective": "binary", "learning_rate": 0.05, "num_leaves": 15, "max_depth": 5, "min_data_in_leaf": 20,
          "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0, "verbose": -1,
          "num_threads": 2, "seed": 3}
ROUNDS = {"title": 200, "date": 200, "author": 200}
NAMES = {"title": TITLE_FEATURES, "date": (*DATE_FEATURES, *PAGE_FEATURES), "author": AUTHOR_FEATURES}
DATASETS = ("wcxb-dev",)
# the fields whose pickers also train on the pages' variants, and on which (a page without <h1> taught
# the author picker nothing: with it, its grouped CV on the other variants fell 0.006)
AUGMENTED = {"title": ("hashed", "nometa", "noh1"), "author": ("hashed", "nometa")}


def variant(it: dict) -> str:
    return it.get("var", "orig")


def extract(data: Path, score, limit: int, var: str = "orig") -> dict[str, list[dict]]:  # noqa: ANN001
    """Per field, one item per page with gold: candidates' features, labels, the rule's score.
    `var`: the pages as they are ("orig") or one of `VARIANTS` (then no date items: the date
    picker trains on the pages as they are)."""
    items: dict[str, list[dict]] = {"title": [], "date": [], "author": []}
    ms: list[float] = []
    for ds in DATASETS:
        pages = score.load_jsonl(data / ds / "pages.jsonl")
        if limit:
            pages = pages[:limit]
        for page in pages:
            gold = page["gold"]
            with gzip.open(data / ds / "html" / f"{page['id']}.html.gz", "rt", encoding="utf-8") as fh:
                html = fh.read()
            if var != "orig":
                html = VARIANTS[var](html)
            tree = LexborHTMLParser(html)
            t0 = time.perf_counter()
            meta, state = _rules(tree, page.get("url"), None)
            base = {"id": page["id"], "type": page.get("page_type") or "-", "group": host(page.get("url"), page["id"]),
                    "var": var}
            rule = score.score_page(page, {"title": meta.title, "published": meta.published, "authors": meta.authors})
            if "title" in rule:
                cands, X = title_rows(state)
                key = score.title_key(gold["title"])
                y = np.array([score.title_key(c.text) == key for c in cands], dtype=np.int8)
                items["title"].append({**base, "X": X, "y": y, "rule": rule["title"], "gold": True,
                                       "texts": [c.text for c in cands]})
            if var == "orig":
                days, X = date_rows(state, meta.language)
                y = np.array([d == gold.get("published") for d, _, _ in days], dtype=np.int8)
                ptype, starter = page_type(html, page.get("url"))
                items["date"].append({**base, "X": X, "y": y, "rule": rule.get("date", 0.0), "gold": "date" in rule,
                                      "rule_out": bool(meta.published or meta.modified),
                                      "texts": [d for d, _, _ in days], "ptype": ptype})
            cands, X = author_rows(state, meta.authors)
            gt = [score.author_tokens(a) for a in score.as_author_list(gold.get("authors"))]
            gt = [g for g in gt if g]
            y = np.array([any(g & set().union(*(score.author_tokens(n) for n in c.values)) for g in gt)
                          for c in cands], dtype=np.int8)
            items["author"].append({**base, "X": X, "y": y, "rule": rule.get("author", 0.0), "gold": "author" in rule,
                                    "rule_out": bool(meta.authors), "texts": [f"{c.src}: {c.text}" for c in cands]})
            if var == "orig" and starter is not None:  # what extract_html gives instead of the picker's
                items["author"][-1]["starter"] = score.score_page(page, {"authors": [starter]}).get("author", 0.0)
            ms.append((time.perf_counter() - t0) * 1000)
    print(f"extracted: {sum(len(v) for v in items.values())} field-pages, rule pass + rows median "
          f"{statistics.median(ms):.2f} ms/page", file=sys.stderr)
    return items


def page_type(html: str, url: str | None) -> tuple[str, str | None]:
    """The page type extract() gives the page (the shipped page-type models: the date threshold
    depends on it, see `metadata_html.DATED_TYPES`), and the forum thread's starter that
    extract_html names as the author over the picker's choice (`thread_starter`), if any."""
    art = dehusk.extract(html, mode="html", url=url, explain=True)
    starter = thread_starter([b.text.replace("\n", " ") for b in art.blocks or ()])
    return art.page_type or "other", starter[1] if starter else None


def fit(items: list[dict], rounds: int, negatives: bool) -> lgb.Booster:
    """The picker trained on `items` (every variant among them)."""
    use = [it for it in items if len(it["y"]) and (it["gold"] or negatives)]
    X = np.vstack([it["X"] for it in use])
    y = np.concatenate([it["y"] for it in use])
    return lgb.train(PARAMS, lgb.Dataset(X, y), num_boost_round=rounds)


def cross_fit(items: list[dict], folds: int, rounds: int, negatives: bool) -> None:
    """Out-of-fold scores ("oof") for every item; a page's variants share its site's fold."""
    fid = np.array([group_fold(it["group"], folds) for it in items])
    for k in range(folds):
        model = fit([it for it, f in zip(items, fid, strict=True) if f != k], rounds, negatives)
        for it, f in zip(items, fid, strict=True):
            if f == k:
                it["oof"] = model.predict(it["X"]) if len(it["y"]) else np.zeros(0)


Threshold = float | tuple[float, float]  # one threshold, or (on pages of the field's types, on the others)


def outcome(it: dict, key: str, threshold: Threshold) -> tuple[float, bool]:
    """(score of the pick, whether anything is output): the top-scored candidate when it scores
    at least `threshold` (for the item's page type); below it the picker answers nothing."""
    if isinstance(threshold, tuple):
        threshold = threshold[0] if it.get("typed") else threshold[1]
    p = it[key]
    if not len(p):
        return 0.0, False
    i = int(np.argmax(p))
    if p[i] < threshold:
        return 0.0, False
    return float(it["y"][i]), True


def rates(items: list[dict], key: str, threshold: Threshold) -> tuple[float, float]:
    """(accuracy on pages with gold, share of pages without gold that get a value)."""
    acc = [outcome(it, key, threshold)[0] for it in items if it["gold"]]
    false = [outcome(it, key, threshold)[1] for it in items if not it["gold"]]
    return statistics.fmean(acc), statistics.fmean(false) if false else 0.0


def rule_rates(items: list[dict]) -> tuple[float, float]:
    false = [it["rule_out"] for it in items if not it["gold"]]
    return statistics.fmean(it["rule"] for it in items if it["gold"]), statistics.fmean(false) if false else 0.0


def tune_threshold(items: list[dict], show: bool = True) -> float:
    """The threshold with the best grouped-CV accuracy among those that give a value to no more
    pages without gold than the rules do (the rules' precision is kept). Prints the operating
    points: accuracy / share of pages without gold given a value / right decisions over all
    pages (a value right where there is gold, none where there is not)."""
    n_gold = sum(it["gold"] for it in items)
    n_none = len(items) - n_gold
    rule_acc, rule_false = rule_rates(items)
    best = (-1.0, 0.0)
    points = []
    for t in np.arange(0.0, 0.9, 0.01):
        acc, false = rates(items, "oof", float(t))
        points.append((float(t), acc, false, (acc * n_gold + (1 - false) * n_none) / len(items)))
        if false <= rule_false + 1e-9 and acc > best[0] + 1e-9:
            best = (acc, float(t))
    if show:
        print(f"  operating points (grouped CV): rules {rule_acc:.3f} / {rule_false:.3f} / "
              f"{(rule_acc * n_gold + (1 - rule_false) * n_none) / len(items):.3f}")
        print("    " + "  ".join(f"t={t:.2f}: {a:.3f}/{f:.3f}/{r:.3f}" for t, a, f, r in points[:60:10]))
    return best[1]


# per field with two thresholds: the page types expected to carry it, the model file's key of their
# threshold, and the top of its search range
TYPED = {"date": (DATED_TYPES, "threshold_dated", 0.31), "author": (AUTHORED_TYPES, "threshold_authored", 0.51)}


def tune_typed_thresholds(items: list[dict], field: str) -> tuple[float, float]:
    """(threshold on pages of the field's types, threshold on the others): the pair with the
    best grouped-CV accuracy among those giving a value to no more pages without gold than the
    rules (as `tune_threshold`); on equal accuracy, the one giving a value to fewer of them."""
    _, rule_false = rule_rates(items)
    best = (-1.0, 0.0, (0.0, 0.0))
    types, _, top = TYPED[field]
    for td in np.arange(0.0, top, 0.01):
        for to in np.arange(0.0, 0.95, 0.01):
            t = (float(td), float(to))
            acc, false = rates(items, "oof", t)
            if false <= rule_false + 1e-9 and (acc > best[0] + 1e-9 or (acc > best[0] - 1e-9 and false < best[1])):
                best = (acc, false, t)
    acc, false, t = best
    print(f"  per page type ({', '.join(sorted(types))} / the others): {t[0]:.2f} / {t[1]:.2f}: "
          f"{acc:.3f} / {false:.3f}")
    return t


def report(field: str, items: list[dict], threshold: Threshold) -> None:
    gold = [it for it in items if it["gold"]]
    oracle = np.mean([bool(it["y"].any()) for it in gold])
    print(f"{field}: {len(gold)} pages with gold; gold among the candidates on {oracle:.3f}")
    print(f"  {'pages':24s} {'n':>5s} {'rules':>7s} {'grouped-CV':>11s} {'in-sample':>10s}")
    groups: dict[str, list[dict]] = defaultdict(list)
    for it in items:
        groups["all"].append(it)
        groups[it["type"]].append(it)
    for t in ["all", *sorted(k for k in groups if k != "all")]:
        its = groups[t]
        n = sum(it["gold"] for it in its)
        if n == 0 or (field != "title" and t != "all" and n < 20):
            continue
        r = rule_rates(its)[0]
        o = rates(its, "oof", threshold)[0]
        f = rates(its, "fit", threshold)[0]
        print(f"  {t:24s} {n:5d} {r:7.3f} {o:11.3f} {f:10.3f}")
    if field == "author":  # the pipeline's author: a forum thread's starter over the pick
        acc = [it["starter"] if "starter" in it else outcome(it, "oof", threshold)[0] for it in gold]
        print(f"  with thread starters over the pick, as extract_html: grouped CV {statistics.fmean(acc):.4f} "
              f"({sum('starter' in it for it in gold)} pages)")
    if field != "title":
        nogold = sum(not it["gold"] for it in items)
        print(f"  pages without gold given a value ({nogold}): rules {rule_rates(items)[1]:.3f}, grouped-CV "
              f"{rates(items, 'oof', threshold)[1]:.3f}, in-sample {rates(items, 'fit', threshold)[1]:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared/bench/score.py")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--cache", type=Path, help="reuse (or write) the extracted rows here")
    ap.add_argument("--fields", default="title,date,author")
    ap.add_argument("--no-export", action="store_true")
    ap.add_argument("--no-augment", action="store_true", help="train every picker on the pages as they are only")
    ap.add_argument("--show", help="print the grouped-CV failures of this field")
    ap.add_argument("--types", type=Path, help="page types for the date thresholds from this file (the "
                    "out-of-fold types of `train_html.py --cv-pred DIR`: DIR/cv-wcxb-dev.jsonl); default: "
                    "the types the shipped models give")
    args = ap.parse_args()
    score = load_scorer(args.scorer)
    if args.cache and args.cache.exists():
        items = pickle.loads(args.cache.read_bytes())
    else:
        items = extract(args.data, score, args.limit)
        for var in VARIANTS:
            for field, its in extract(args.data, score, args.limit, var).items():
                items[field] += its
        if args.cache:
            args.cache.write_bytes(pickle.dumps(items))
    if args.types:  # out-of-fold page types: the date thresholds' grouped-CV figures for unseen sites
        types = {r["id"]: r["page_type"] for r in score.load_jsonl(args.types)}
        for it in items["date"]:
            it["ptype"] = types.get(it["id"], it["ptype"])
    ptype = {it["id"]: it["ptype"] for it in items["date"]}  # (one item per page in each field)
    for field, (typed, _, _) in TYPED.items():
        for it in items[field]:
            it["typed"] = ptype.get(it["id"]) in typed
    out = ROOT / "src/dehusk/data"
    for field in args.fields.split(","):
        use = ("orig",) if args.no_augment else ("orig", *AUGMENTED.get(field, ()))
        trained = [it for it in items[field] if variant(it) in use]
        negatives = field != "title"  # pages without a date / an author teach the pickers to abstain
        cross_fit(trained, args.folds, ROUNDS[field], negatives)
        model = fit(trained, ROUNDS[field], negatives)
        for it in trained:
            it["fit"] = model.predict(it["X"]) if len(it["y"]) else np.zeros(0)
        its = [it for it in trained if variant(it) == "orig"]  # thresholds and figures: the pages as they are
        threshold: Threshold = tune_threshold(its) if field != "title" else 0.0
        print(f"{field} threshold (best grouped-CV accuracy giving a value to no more pages without gold than "
              f"the rules): {threshold:.2f}")
        meta = {"threshold": threshold}
        if field != "title":  # one threshold for the page types expected to carry the field, one for the rest
            threshold = tune_typed_thresholds(its, field)
            meta = {"threshold": threshold[1], TYPED[field][1]: threshold[0]}
        report(field, its, threshold)
        for var in VARIANTS:
            vits = [it for it in trained if variant(it) == var]
            if vits:
                print(f"  {var} variant, grouped CV: {rates(vits, 'oof', threshold)[0]:.3f}")
        if args.show == field:
            for it in its:
                if it["gold"] and not outcome(it, "oof", threshold)[0]:
                    i = int(np.argmax(it["oof"])) if len(it["oof"]) else -1
                    gold = [t for t, y in zip(it["texts"], it["y"], strict=True) if y]
                    print(f"  [{it['id']} {it['type']}] picked={it['texts'][i] if i >= 0 else None!r} "
                          f"p={it['oof'][i] if i >= 0 else 0:.2f} gold-cands={gold[:2]!r} rule={it['rule']:.0f}")
        if not args.no_export:
            export_lightgbm(model, out / f"html_{field}.npz", list(NAMES[field]), **meta)
            print(f"wrote {out / f'html_{field}.npz'}", file=sys.stderr)


if __name__ == "__main__":
    main()
