"""HTML mode, the second pass's columns: given the first pass's probabilities, every DOM container
is scored (char-weighted mean probability of its blocks, the best-scoring container, where the
confident prose is) and each block's neighbourhood in reading order (`features.context_features`,
shared with text mode), read from the frame records `features_html.html_features` left in `f`."""

from __future__ import annotations

import numpy as np

from .features import CONTEXT_FEATURES, context_features

CONTAINER_CONTEXT = tuple(f"cp{k}_{m}" for k in range(6) for m in ("mean", "share")) + (
    "in_best", "best_share", "best_depth_delta", "in_best2", "frame_pos_frac", "frame_nseg_pos",
    "sig_p1_mean", "sig_p1_max", "hi_share", "hi_before", "hi_after", "in_hi_lca", "hi_lca_depth_delta",
    "hi_ld_page", "p1_rank",
)
CONTEXT_NAMES: tuple[str, ...] = tuple(CONTEXT_FEATURES) + CONTAINER_CONTEXT


def _subtree_chunks(parent: np.ndarray, depth: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """The frames by depth levels, deepest first (the root aside), with their parents: the order in
    which `_subtree_sums` adds each frame's sum to its parent's."""
    if len(parent) <= 1:
        return []
    order = np.argsort(-depth, kind="stable")
    bounds = np.flatnonzero(np.diff(depth[order])) + 1
    out = []
    for chunk in np.split(order, bounds):
        chunk = chunk[chunk != 0]
        if len(chunk):
            out.append((chunk, parent[chunk]))
    return out


def _subtree_sums(chunks: list[tuple[np.ndarray, np.ndarray]], values: np.ndarray) -> np.ndarray:
    """Sum of `values` (per frame; or per frame and column) over each frame's subtree, level by
    level (`_subtree_chunks`)."""
    acc = values.astype(np.float64).copy()
    for chunk, parents in chunks:
        np.add.at(acc, parents, acc[chunk])
    return acc


def _static_context(f: dict) -> tuple:
    """What the second-pass columns read that the first pass's scores do not change, computed once
    a page (both ensemble members read it): the subtree order, each frame's subtree characters and
    own block count, each template group's size."""
    static = f.get("_ctx_static")
    if static is None:
        fa, fi = f["_fa"], f["_fi"]
        m = len(fa["parent"])
        chunks = _subtree_chunks(fa["parent"], fa["depth"])
        all_sub = _subtree_sums(chunks, np.bincount(fi, weights=f["_lens"], minlength=m))
        all_n = np.bincount(fi, minlength=m).astype(np.float64)
        static = f["_ctx_static"] = (chunks, all_sub, all_n, np.bincount(f["_sig"]).astype(np.float64))
    return static


def _last_descendant(depth: np.ndarray, frame: int) -> int:
    """Frames are numbered in document order: a subtree is the run of deeper frames after it."""
    after = np.flatnonzero(depth[frame + 1 :] <= depth[frame])
    return frame + int(after[0]) if len(after) else len(depth) - 1


def context_features_html(f: dict, p1: np.ndarray) -> np.ndarray:
    """Second-pass columns (CONTEXT_NAMES) from the first pass's probabilities `p1`."""
    n = len(p1)
    if n == 0:
        return np.zeros((0, len(CONTEXT_NAMES)))
    seq = context_features(p1, f["_words"])
    fa = f["_fa"]
    parent, depth = fa["parent"], fa["depth"]
    m = len(parent)
    fi, lens = f["_fi"], f["_lens"]
    w = lens
    words = f["_words"]
    ld = f["link_density"]
    hi = (p1 > 0.7) & (ld < 0.3) & (words >= 10)  # confident prose (see below)
    chunks, all_sub, all_n, cnt = _static_context(f)
    # per-frame masses (content-weighted chars, confident prose words), summed over subtrees in one
    # pass (each column adds up in the same order as alone; `bincount` adds in the blocks' order, as
    # `np.add.at` would)
    mass = np.empty((m, 2))
    mass[:, 0] = np.bincount(fi, weights=p1 * w, minlength=m)
    mass[:, 1] = np.bincount(fi[hi], weights=words[hi], minlength=m)
    sub = _subtree_sums(chunks, mass)
    pos_sub, hi_sub = sub[:, 0], sub[:, 1]
    total_pos = max(float((p1 * w).sum()), 1e-9)
    cols: dict[str, np.ndarray] = {}
    level = fi
    for k in range(6):
        cols[f"cp{k}_mean"] = pos_sub[level] / np.maximum(all_sub[level], 1e-9)
        cols[f"cp{k}_share"] = pos_sub[level] / total_pos
        level = parent[level]
    # the best container: most positive mass net of negative mass
    net = 2 * pos_sub - all_sub
    net[0] = -np.inf if m > 1 else net[0]
    best = int(np.argmax(net))
    in_best = (fi >= best) & (fi <= _last_descendant(depth, best))
    cols["in_best"] = in_best.astype(np.float64)
    cols["best_share"] = np.full(n, pos_sub[best] / total_pos)
    cols["best_depth_delta"] = depth[fi].astype(np.float64) - float(depth[best])
    # the best container by mean probability among those holding a fair share of the mass
    share = pos_sub / total_pos
    mean = pos_sub / np.maximum(all_sub, 1e-9)
    cand = np.where(share >= 0.6, mean, -1.0)
    best2 = int(np.argmax(cand))
    cols["in_best2"] = ((fi >= best2) & (fi <= _last_descendant(depth, best2))).astype(np.float64)
    # the block's own element: how many of its blocks look like content
    pos_n = np.bincount(fi, weights=(p1 > 0.5).astype(np.float64), minlength=m)
    cols["frame_pos_frac"] = pos_n[fi] / np.maximum(all_n[fi], 1)
    cols["frame_nseg_pos"] = np.log1p(pos_n[fi])
    # blocks of the same template: how content-like the others are
    sig = f["_sig"]
    tot = np.bincount(sig, weights=p1)
    cols["sig_p1_mean"] = np.where(cnt[sig] > 1, (tot[sig] - p1) / np.maximum(cnt[sig] - 1, 1), -1.0)
    mx = np.full(len(cnt), -1.0)
    np.maximum.at(mx, sig, p1)
    cols["sig_p1_max"] = mx[sig]
    # confident prose: where the article body is, and what lies before/after/outside it
    total_words = max(float(words.sum()), 1.0)
    cols["hi_share"] = np.full(n, float(words[hi].sum()) / total_words)
    idx = np.arange(n)
    if hi.any():
        first, last = int(np.argmax(hi)), int(n - 1 - np.argmax(hi[::-1]))
        cols["hi_before"] = np.log1p(np.maximum(first - idx, 0))
        cols["hi_after"] = np.log1p(np.maximum(idx - last, 0))
        cand = np.flatnonzero(hi_sub >= 0.9 * hi_sub[0])
        lca = int(cand[np.argmax(depth[cand])])
        cols["in_hi_lca"] = ((fi >= lca) & (fi <= _last_descendant(depth, lca))).astype(np.float64)
        cols["hi_lca_depth_delta"] = depth[fi].astype(np.float64) - float(depth[lca])
    else:
        cols["hi_before"] = cols["hi_after"] = np.zeros(n)
        cols["in_hi_lca"] = np.full(n, 0.5)
        cols["hi_lca_depth_delta"] = np.zeros(n)
    cols["hi_ld_page"] = ld * cols["hi_share"]
    cols["p1_rank"] = p1 / max(float(p1.max()), 1e-6)

    # (`np.column_stack([seq, *cols])`, in fewer calls)
    out = np.empty((n, seq.shape[1] + len(CONTAINER_CONTEXT)))
    out[:, : seq.shape[1]] = seq
    out[:, seq.shape[1] :] = np.array([cols[k] for k in CONTAINER_CONTEXT], dtype=np.float64).T
    return out
