"""The block classifier shared by text and HTML mode: gradient-boosted trees, numpy inference.

Models are trained with LightGBM (`scripts/train_*.py`, the `train` extra) and shipped as small
`.npz` files in `dehusk/data/`. Inference needs only numpy: all trees are walked at once,
one vectorised step per tree level, so a page of a few hundred blocks costs well under a
millisecond and the core install stays light.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

LEAF_CHUNK = 256  # rows per pass of the tree walk
MAX_TABLE_DEPTH = 12  # deeper trees are walked on their node arrays (level tables hold 2**depth places)


class TreeModel:
    """An additive ensemble of binary decision trees (LightGBM's model, flattened)."""

    def __init__(self, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
        self.feature = arrays["feature"].astype(np.intp)
        self.threshold = arrays["threshold"].astype(np.float64)
        self.left = arrays["left"].astype(np.intp)
        self.right = arrays["right"].astype(np.intp)
        self.default_left = arrays["default_left"].astype(bool)
        self.value = arrays["value"].astype(np.float64)
        self.roots = arrays["roots"].astype(np.intp)
        self.depth = int(arrays["depth"])
        # children interleaved: node -> children[2 * node + (x > threshold)]
        self.children = np.empty(2 * len(self.left), dtype=np.intp)
        self.children[0::2] = self.left
        self.children[1::2] = self.right
        # the same, indexed by "slot" 2 * node: a step is slot -> children2[slot + (x > threshold2[slot])]
        self.children2 = 2 * self.children
        self.feature2 = np.repeat(self.feature, 2)
        self.threshold2 = np.repeat(self.threshold, 2)
        self.roots2 = 2 * self.roots
        self.root_feature = self.feature[self.roots]
        self.root_threshold = self.threshold[self.roots]
        self.levels, self.level_value = self._level_tables()
        self.meta = meta
        self.feature_names: tuple[str, ...] = tuple(meta["feature_names"])
        self.threshold_default = float(meta.get("threshold", 0.5))
        self.bias = float(meta.get("bias", 0.0))

    def predict_raw(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        n = X.shape[0]
        if n == 0 or len(self.roots) == 0:
            return np.full(n, self.bias)
        if X.shape[1] != len(self.feature_names):
            raise ValueError(f"model expects {len(self.feature_names)} features, got {X.shape[1]}")
        if np.isnan(X.min()):  # (min is NaN iff a value is) rare: each split's default direction for missing values
            node = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
            rows = np.arange(n)[:, None]
            for _ in range(self.depth):
                x = X[rows, self.feature[node]]
                go_left = (x <= self.threshold[node]) | (np.isnan(x) & self.default_left[node])
                node = np.where(go_left, self.left[node], self.right[node])
            return self.value[node].sum(axis=1) + self.bias
        if self.level_value is not None and X.flags.f_contiguous and not X.flags.c_contiguous:
            # a (features, rows) matrix seen transposed (HTML mode builds its rows so): walked as it
            # is, chunk by chunk, the same leaves as on its C-ordered copy
            XT = X.T
            scaled = [feature * n for feature, _ in self.levels[1:]]
            return np.concatenate([self._leaves_table_t(XT, scaled, a, min(a + LEAF_CHUNK, n)).sum(axis=1)
                                   for a in range(0, n, LEAF_CHUNK)]) + self.bias
        if self.level_value is not None and n > LEAF_CHUNK:  # each row's sum alone: chunk by chunk, no copy
            return np.concatenate([self._leaves_table(X[a : a + LEAF_CHUNK]).sum(axis=1)
                                   for a in range(0, n, LEAF_CHUNK)]) + self.bias
        return self._leaves(X).sum(axis=1) + self.bias

    def _level_tables(self) -> tuple[list[tuple[np.ndarray, np.ndarray]], np.ndarray | None]:
        """The trees as complete binary trees, one (feature, threshold) table per level: the node
        reached at a level is `2 * t + b` of the next level's table, `t` the one before and `b`
        the branch taken (0 left, 1 right), so a step needs no child lookup. A leaf above the last
        level stands for all its places below (both its children are itself), so every path ends
        on the value it ends on in the tree. None for deep trees, whose tables would be large."""
        if self.depth > MAX_TABLE_DEPTH or len(self.roots) == 0:
            return [], None
        nodes = self.roots
        levels = []
        for _ in range(max(self.depth, 1)):
            levels.append((self.feature[nodes], self.threshold[nodes]))
            nodes = np.stack([self.left[nodes], self.right[nodes]], axis=-1).reshape(-1)
        return levels, self.value[nodes]

    def _leaves(self, X: np.ndarray) -> np.ndarray:
        """Leaf value of every (row, tree) for rows without missing values."""
        if self.level_value is None:
            return self._leaves_walk(X)
        n = X.shape[0]
        if n > LEAF_CHUNK:  # a few hundred rows at a time: the (rows, trees) arrays stay in cache
            return np.concatenate([self._leaves_table(X[a : a + LEAF_CHUNK]) for a in range(0, n, LEAF_CHUNK)])
        return self._leaves_table(X)

    def _leaves_table(self, X: np.ndarray) -> np.ndarray:
        """`_leaves` on the level tables."""
        n, width = X.shape
        trees = len(self.roots)
        flat = np.ascontiguousarray(X).ravel()
        # where each row starts in `flat`, for every (row, tree): an addition without broadcasting
        base = np.repeat(np.arange(0, n * width, width, dtype=np.intp), trees).reshape(n, trees)
        # the roots' features and thresholds are the same for every row (C order: `take` reads
        # its indices in that order, and would copy them otherwise)
        at = np.add(np.arange(0, 2 * trees, 2, dtype=np.intp), X[:, self.root_feature] > self.root_threshold,
                    order="C")
        return self._descend(at, base, flat, [feature for feature, _ in self.levels[1:]])

    def _descend(self, at: np.ndarray, base: np.ndarray, flat: np.ndarray, features: list[np.ndarray]) -> np.ndarray:
        """The walk below the roots, one level at a time: `at` holds each (row, tree)'s place on the
        level, `flat[base + features[level][at]]` the value its split reads (`base` broadcast to
        `at`'s shape); the leaf values."""
        # one buffer per step, reused at every level
        idx, x, thr, right = np.empty_like(at), np.empty(at.shape), np.empty(at.shape), np.empty(at.shape, dtype=bool)
        # every index is in range by construction: "clip" skips numpy's bounds checks
        for feature, (_, threshold) in zip(features, self.levels[1:], strict=True):
            feature.take(at, mode="clip", out=idx)
            idx += base
            flat.take(idx, mode="clip", out=x)
            threshold.take(at, mode="clip", out=thr)
            np.greater(x, thr, out=right)
            at += at
            at += right
        return self.level_value.take(at, mode="clip")

    def _leaves_table_t(self, XT: np.ndarray, scaled: list[np.ndarray], a: int, b: int) -> np.ndarray:
        """`_leaves_table(XT.T[a:b])` read from the C-ordered (features, rows) matrix `XT` itself:
        the value of (row r, feature j) sits at `j * rows + r` (`scaled`: each level's feature
        table times the number of rows)."""
        trees = len(self.roots)
        flat = XT.ravel()
        # walked as (trees, rows): the rows at one node read one feature's run of `XT` (close
        # together in memory); the leaves are then laid out (rows, trees) as `_leaves_table` gives
        # them, so each row's sum adds the same numbers in the same order
        at = np.add(np.arange(0, 2 * trees, 2, dtype=np.intp)[:, None], XT[self.root_feature, a:b]
                    > self.root_threshold[:, None])
        return np.ascontiguousarray(self._descend(at, np.arange(a, b, dtype=np.intp), flat, scaled).T)

    def _leaves_walk(self, X: np.ndarray) -> np.ndarray:
        """`_leaves` walking the flat node arrays (deep trees)."""
        n = X.shape[0]
        flat = np.ascontiguousarray(X).ravel()
        base = (np.arange(n, dtype=np.intp) * X.shape[1])[:, None]
        feature, threshold, children = self.feature2, self.threshold2, self.children2
        # the first step from the roots, whose feature and threshold every row shares (a leaf
        # root loops on itself: one step more changes nothing)
        slot = children.take(self.roots2 + (X[:, self.root_feature] > self.root_threshold), mode="clip")
        # every index is in range by construction: "clip" skips numpy's bounds checks
        for _ in range(self.depth - 1):
            x = flat.take(base + feature.take(slot, mode="clip"), mode="clip")
            slot = children.take(slot + (x > threshold.take(slot, mode="clip")), mode="clip")
        return self.value.take(slot >> 1, mode="clip")

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Probability of the positive class for each row."""
        return 1.0 / (1.0 + np.exp(-self.predict_raw(X)))


def page_cut(p: np.ndarray, words: np.ndarray, floor: float, sharpen: float = 1.0) -> float:
    """The score cut that maximises the page's expected word F1, and at least `floor`.

    With calibrated scores p and word counts w, keeping the blocks above a cut has expected
    F1 about 2 * sum_kept(p w) / (sum_kept(w) + sum_all(p w)); the best cut is found over the
    blocks sorted by score. Pages full of likely content get a low cut, pages with one article
    among teasers a higher one. `sharpen` > 1 weighs each block as p ** sharpen instead of p
    (uncertain blocks count less: a higher cut).
    """
    if len(p) == 0:
        return floor
    order = np.argsort(-p, kind="stable")
    pw = (p if sharpen == 1.0 else p**sharpen) * words
    f = 2 * np.cumsum(pw[order]) / (np.cumsum(words[order]) + pw.sum() + 1e-9)
    return max(float(p[order[int(np.argmax(f))]]), floor)


class ModelGroup:
    """Several models over the same feature columns, evaluated in one pass over their trees
    (the page-type models score one row each: one pass instead of seven). `predict` returns
    what each model's own `predict` returns, bit for bit (each model's leaves are summed
    alone, in the same order)."""

    def __init__(self, models: list[TreeModel]) -> None:
        names = {m.feature_names for m in models}
        if len(names) != 1:
            raise ValueError("models of a group must read the same features")
        self.models = list(models)
        arrays: dict[str, list[np.ndarray]] = {k: [] for k in ("feature", "threshold", "left", "right", "value", "roots")}
        self.spans: list[tuple[int, int]] = []
        offset = trees = 0
        for m in models:
            arrays["feature"].append(m.feature)
            arrays["threshold"].append(m.threshold)
            arrays["left"].append(m.left + offset)
            arrays["right"].append(m.right + offset)
            arrays["value"].append(m.value)
            arrays["roots"].append(m.roots + offset)
            self.spans.append((trees, trees + len(m.roots)))
            offset += len(m.left)
            trees += len(m.roots)
        merged = {k: np.concatenate(v) for k, v in arrays.items()}
        merged["default_left"] = np.concatenate([m.default_left for m in models])
        merged["depth"] = np.asarray(max(m.depth for m in models))
        self.forest = TreeModel(merged, {"feature_names": list(models[0].feature_names)})

    def predict_raw(self, X: np.ndarray) -> np.ndarray:
        """(models, rows) raw scores: each model's `predict_raw`."""
        X = np.asarray(X, dtype=np.float64)
        if X.shape[0] == 0 or np.isnan(X).any() or any(len(m.roots) == 0 for m in self.models):
            return np.array([m.predict_raw(X) for m in self.models])
        if X.shape[1] != len(self.forest.feature_names):
            raise ValueError(f"models expect {len(self.forest.feature_names)} features, got {X.shape[1]}")
        leaves = self.forest._leaves(X)
        return np.array([
            np.ascontiguousarray(leaves[:, a:b]).sum(axis=1) + m.bias
            for m, (a, b) in zip(self.models, self.spans, strict=True)
        ])

    def predict(self, X: np.ndarray) -> np.ndarray:
        """(models, rows) probabilities."""
        return 1.0 / (1.0 + np.exp(-self.predict_raw(X)))


def model_dir() -> str | None:
    """The folder whose model files replace the shipped ones (DEHUSK_MODEL_DIR: the cross-validation
    scripts' fold models), read at each call; the caches of loaded models are keyed by it."""
    return os.environ.get("DEHUSK_MODEL_DIR")


def model_group(names: tuple[str, ...]) -> ModelGroup:
    """The shipped models `names` as one group (see `load_model`)."""
    return _group(names, model_dir())


@lru_cache(maxsize=16)
def _group(names: tuple[str, ...], override: str | None) -> ModelGroup:
    return ModelGroup([load_model(name) for name in names])


def _flatten(tree: dict[str, Any], arrays: dict[str, list], depth: int = 0) -> tuple[int, int]:
    """Append one (sub)tree to the flat arrays; return (node index, depth below)."""
    idx = len(arrays["feature"])
    for key in ("feature", "threshold", "left", "right", "default_left", "value"):
        arrays[key].append(0)
    if "leaf_value" in tree or "split_feature" not in tree:
        arrays["feature"][idx] = 0
        arrays["threshold"][idx] = np.inf
        arrays["left"][idx] = arrays["right"][idx] = idx  # a leaf loops on itself
        arrays["value"][idx] = float(tree.get("leaf_value", 0.0))
        return idx, 0
    if tree.get("decision_type", "<=") != "<=":
        raise ValueError("only numerical '<=' splits are supported")
    arrays["feature"][idx] = int(tree["split_feature"])
    threshold = float(tree["threshold"])
    arrays["threshold"][idx] = threshold
    missing = tree.get("missing_type", "None")
    arrays["default_left"][idx] = bool(tree.get("default_left", True)) if missing == "NaN" else (threshold >= 0.0)
    left, dl = _flatten(tree["left_child"], arrays)
    right, dr = _flatten(tree["right_child"], arrays)
    arrays["left"][idx], arrays["right"][idx] = left, right
    return idx, 1 + max(dl, dr)


def export_lightgbm(booster: Any, path: Path, feature_names: list[str], **meta: Any) -> TreeModel:
    """Write a trained LightGBM binary classifier as a dehusk model file (.npz)."""
    dump = booster.dump_model()
    arrays: dict[str, list] = {k: [] for k in ("feature", "threshold", "left", "right", "default_left", "value")}
    roots, depth = [], 0
    for info in dump["tree_info"]:
        root, d = _flatten(info["tree_structure"], arrays)
        roots.append(root)
        depth = max(depth, d)
    out = {k: np.asarray(v) for k, v in arrays.items()}
    out["threshold"] = out["threshold"].astype(np.float64)
    out["value"] = out["value"].astype(np.float32)
    out["roots"] = np.asarray(roots, dtype=np.int32)
    out["depth"] = np.asarray(depth)
    for key in ("feature", "left", "right"):
        out[key] = out[key].astype(np.int32)
    meta = {"feature_names": list(feature_names), **meta}
    out["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    np.savez_compressed(path, **out)
    return load_model_file(path)


def load_model_file(path: Path | Any) -> TreeModel:
    with np.load(path) as data:
        arrays = {k: data[k] for k in data.files if k != "meta"}
        meta = json.loads(bytes(data["meta"]).decode())
    return TreeModel(arrays, meta)


def _model_path(name: str) -> Any:
    """dehusk/data/<name>.npz, or <DEHUSK_MODEL_DIR>/<name>.npz when that file exists there
    (used by the cross-validation scripts to run the real pipeline with fold models)."""
    override = model_dir()
    if override and (Path(override) / f"{name}.npz").is_file():
        return Path(override) / f"{name}.npz"
    return resources.files("dehusk.data").joinpath(f"{name}.npz")


@lru_cache(maxsize=64)
def _load(name: str, override: str | None) -> TreeModel:
    with _model_path(name).open("rb") as fh:
        return load_model_file(fh)


def load_model(name: str) -> TreeModel:
    """A model shipped in dehusk/data, by name (e.g. "text_p1" -> data/text_p1.npz)."""
    return _load(name, model_dir())


def model_available(name: str) -> bool:
    return _available(name, model_dir())


@lru_cache(maxsize=128)
def _available(name: str, override: str | None) -> bool:
    """Cached like `_load` (a resource lookup costs more than a small model's prediction)."""
    return _model_path(name).is_file()
