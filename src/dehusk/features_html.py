"""HTML mode, stage 2: block features (text features shared with text mode + DOM features).

The text columns come from `features.base_features`, the same code text mode uses. The DOM
columns are read from the segmenter's frame records (no second DOM walk): token masks of the
block's own element, its near ancestors and all ancestors; structural tags around it; the
text and link totals of its containers; page-level facts. Everything is computed per page
with a handful of numpy operations; the only per-block Python loops are short.

The second pass's columns, from the first pass's probabilities, are `features_html_context`'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain
from operator import itemgetter
from urllib.parse import urlsplit

import numpy as np

from .blocks import Segment
from .features import (
    add_region_features,
    add_window_features,
    base_features,
    window_means,
)
from .features import window_names as text_window_names
from .html_frames import (
    F_CHARS,
    F_DEPTH,
    F_IMASK,
    F_LABEL,
    F_LINK,
    F_MASK,
    F_NA,
    F_NBLOCK,
    F_NIMG,
    F_NSEG,
    F_PARENT,
    F_TAG,
    F_TMASK,
    TAG_BITS,
)
from .html_tokens import TOKEN_NAMES
from .segment_html import Page

TAG_CODES = {"p": 1, "div": 2, "li": 3, "td": 4, "th": 4, "dd": 5, "dt": 5, "span": 6, "section": 7,
             "article": 7, "main": 7, "h1": 8, "h2": 8, "h3": 8, "h4": 8, "h5": 8, "h6": 8, "tr": 4,
             "blockquote": 9, "figcaption": 10, "caption": 10, "pre": 11, "body": 12, "html": 12,
             "header": 13, "footer": 13, "nav": 13, "aside": 13, "form": 14, "fieldset": 14, "label": 14,
             "ul": 15, "ol": 15, "dl": 15, "summary": 16, "details": 16, "address": 17, "center": 2}
TAG_CODE_NAMES = ("p", "div", "li", "cell", "dd", "span", "section", "h", "quote", "caption", "pre", "body",
                  "landmark", "form", "list", "details", "address")
KINDS = ("p", "h", "li", "pre", "quote", "table", "caption")
INLINE_TAGS = ("strong", "em", "time", "label", "button", "hidden", "a")
LEVELS = 4  # container levels described: the block's element, its parent, grandparent, ...
LD_GROUPS = (
    ("ld_article", re.compile(r"article|posting|report|newsarticle", re.I)),
    ("ld_product", re.compile(r"product|offer|aggregaterating", re.I)),
    ("ld_forum", re.compile(r"qapage|question|answer|discussionforum|comment", re.I)),
    ("ld_list", re.compile(r"itemlist|collectionpage|searchresults|listitem", re.I)),
    ("ld_faq", re.compile(r"faqpage|howto|techarticle|softwareapplication", re.I)),
    ("ld_org", re.compile(r"organization|localbusiness|service|contactpage|aboutpage|event|course|jobposting", re.I)),
)

_LEVEL_METRICS = ("log_chars", "link_density", "log_nseg", "share", "img", "a_rate", "blocks")
DOM_FEATURES: tuple[str, ...] = (
    ("link_density", "log_links", "whole_link", "level", "ordered", "depth", "rel_depth", "title_sim",
     "is_title", "after_title", "title_dist")
    + tuple(f"kind_{k}" for k in KINDS)
    + tuple(f"tag_{t}" for t in TAG_CODE_NAMES)
    + tuple(f"in_{t}" for t in INLINE_TAGS)
    + tuple(f"anc_{t}" for t in TAG_BITS)
    + tuple(f"own_{t}" for t in TOKEN_NAMES)
    + tuple(f"near_{t}" for t in TOKEN_NAMES)
    + tuple(f"far_{t}" for t in TOKEN_NAMES)
    + tuple(f"c{k}_{m}" for k in range(LEVELS) for m in _LEVEL_METRICS)
    + ("w1_link", "w3_link", "w10_link", "w3_kind_h", "w3_kind_li")
)
URL_GROUPS = (
    ("url_doc", re.compile(r"\b(docs?|documentation|api|reference|guide|guides|manual|help|kb|wiki|learn|tutorials?|howto|man)\b")),
    ("url_forum", re.compile(r"\b(forums?|threads?|topics?|t|questions|community|discuss|discussions?|comments|r|answers|viewtopic|showthread)\b")),
    ("url_product", re.compile(r"\b(products?|p|dp|shop|store|item|items|buy|sku|gp)\b")),
    ("url_list", re.compile(r"\b(category|categories|collections?|tags?|c|browse|list|lists|search|archives?|page|all|catalog|directory)\b")),
    ("url_article", re.compile(r"\b(news|blog|blogs|articles?|story|stories|posts?|20\d\d|19\d\d)\b")),
    ("url_service", re.compile(r"\b(services?|pricing|about|contact|solutions|features|plans|careers|tuition|programs?|locations?|faq)\b")),
)
URL_FEATURES = tuple(name for name, _ in URL_GROUPS) + ("url_depth", "url_digits", "url_len")
PAGE_FEATURES = (
    "pg_log_chars", "pg_log_segs", "pg_link_density", "pg_n_h1", "pg_has_article", "pg_has_main",
    "pg_og_article", "pg_og_product", "pg_noscript_share", "pg_pre", "pg_log_img", "pg_prose_share",
    "pg_prose_blocks", "pg_link_blocks", "sig_count", "sig_share", "sig_link",
) + tuple(name for name, _ in LD_GROUPS) + URL_FEATURES
TEXT_COLUMNS = (
    "log_chars", "log_words", "word_len", "frac_alpha", "frac_digit", "frac_upper", "frac_punct", "frac_cjk",
    "frac_sep", "comma_rate", "cap_words", "stop_ratio", "log_stops", "end_term", "end_colon", "end_alnum",
    "starts_upper", "starts_digit", "starts_quote", "rel_pos", "word_pos", "log_rep", "re_byline", "re_date",
    "re_time", "re_credit", "re_more", "re_social", "re_nav", "re_media", "re_url", "re_price", "re_question",
    "page_stop", "page_term", "in_dense", "dense_dist", "dense_share", "dense_before",
) + text_window_names()
FEATURE_NAMES: tuple[str, ...] = TEXT_COLUMNS + DOM_FEATURES + PAGE_FEATURES

_BLOCK_PREFIXES = {"anc": TAG_BITS, "own": TOKEN_NAMES, "near": TOKEN_NAMES, "far": TOKEN_NAMES}
_BLOCKS = {
    p: (FEATURE_NAMES.index(f"{p}_{names[0]}"), FEATURE_NAMES.index(f"{p}_{names[0]}") + len(names))
    for p, names in _BLOCK_PREFIXES.items()
}
_IN_BLOCK = {j for a, b in _BLOCKS.values() for j in range(a, b)}
_SINGLE = tuple((j, name) for j, name in enumerate(FEATURE_NAMES) if j not in _IN_BLOCK)
_KIND_CODE = {k: j for j, k in enumerate(KINDS, start=1)}
_KIND_KEYS = tuple(f"kind_{k}" for k in KINDS)
_KIND_RANGE = np.arange(1, len(KINDS) + 1)[:, None]
_TAG_KEYS = tuple(f"tag_{t}" for t in TAG_CODE_NAMES)
_TAG_RANGE = np.arange(1, len(TAG_CODE_NAMES) + 1)[:, None]
_LEVEL_KEYS = tuple(tuple(f"c{k}_{m}" for m in _LEVEL_METRICS) for k in range(LEVELS))


_WORD = re.compile(r"\w+")


def _bits(masks: list[int] | np.ndarray, n_bits: int) -> np.ndarray:
    """(rows, n_bits) 0/1 columns of the masks' low bits, from their bytes."""
    arr = np.ascontiguousarray(masks, dtype="<i8")  # (little-endian: the first byte holds bits 0-7)
    return np.unpackbits(arr.view(np.uint8).reshape(-1, 8), axis=1, count=n_bits, bitorder="little").astype(np.float64)


_FRAME_FIELDS = itemgetter(F_PARENT, F_CHARS, F_LINK, F_NSEG, F_NIMG, F_NA, F_NBLOCK, F_DEPTH, F_MASK, F_IMASK, F_TMASK)
_FA_KEYS = ("parent", "chars", "link", "nseg", "nimg", "na", "nblock", "depth")


def _frame_table(page: Page) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """(`frame_arrays`, int64 (frames, 3) token/inherited-token/tag masks), in one pass."""
    frames = page.frames
    m = len(frames)
    t = np.fromiter(chain.from_iterable(map(_FRAME_FIELDS, frames)), dtype=np.int64, count=11 * m).reshape(m, 11)
    a = t[:, :8].astype(np.float64)
    out = {k: a[:, j] for j, k in enumerate(_FA_KEYS)}
    out["parent"] = out["parent"].astype(np.int64)
    out["depth"] = out["depth"].astype(np.int64)
    out["parent"][0] = 0  # the root is its own parent
    return out, t[:, 8:]


def frame_arrays(page: Page) -> dict[str, np.ndarray]:
    return _frame_table(page)[0]


def _title_words(title: str) -> set[str]:
    return set(_WORD.findall(title.lower()))


def _median(a: np.ndarray) -> float:
    """`float(np.median(a))` of a non-empty array without NaN: the middle value, or the mean of
    the two middle values, of the sorted array."""
    s = np.sort(a)
    m = len(s) // 2
    return float(s[m]) if len(s) % 2 else float((s[m - 1] + s[m]) / 2)


def template_groups(segments: Sequence[Segment], frames: list, parent: np.ndarray) -> np.ndarray:
    """Group id of each block: blocks with the same element and parent labels and kind."""
    keys: dict[tuple, int] = {}
    par = parent.tolist()
    return np.fromiter(
        (keys.setdefault((frames[a][F_LABEL], frames[par[a]][F_LABEL], s.kind), len(keys))
         for s, a in zip(segments, (s.dom["frame"] for s in segments), strict=True)),
        dtype=np.int64, count=len(segments),
    )


def title_similarity(texts: Sequence[str], title: str) -> np.ndarray:
    """Word-set Jaccard similarity of each block (under 300 characters) to the title. The short
    blocks are lower-cased at once (joined) and cut back out by length when lower() kept every
    character in place (a block edge is then a string edge for the final sigma), and each one's
    words are read with one `findall`: no per-page regex to compile."""
    tw = _title_words(title)
    n = len(texts)
    sim = np.zeros(n)
    if not tw:
        return sim
    short = [i for i, t in enumerate(texts) if len(t) < 300]
    joined = "\n".join([texts[i] for i in short])
    low = joined.lower()
    if len(low) == len(joined):
        lows, pos = [], 0
        for i in short:
            end = pos + len(texts[i])
            lows.append(low[pos:end])
            pos = end + 1
    else:
        lows = [texts[i].lower() for i in short]
    disjoint = tw.isdisjoint
    for i, found in zip(short, map(_WORD.findall, lows), strict=True):
        if found and not disjoint(found):  # no shared word: the similarity stays 0
            sw = set(found)
            sim[i] = len(sw & tw) / len(sw | tw)
    return sim


# A page given without its URL (and declaring none): no word of the path is known, and its shape is
# imputed as the median of the training pages' URLs (2 segments, no digit, 38 characters). Zeros
# read as a site's home page (no path): over every second wcxb-dev page without its URL, its
# canonical link and og:url, the page type was right on 538 of 679 pages (643 with the URL).
UNKNOWN_URL = [0.0] * len(URL_GROUPS) + [2.0, 0.0, 38.0]


def url_features(url: str | None) -> list[float]:
    if not url:
        return list(UNKNOWN_URL)
    parts = urlsplit(url)
    path = (parts.path + " " + parts.query).lower()
    words = " ".join(re.split(r"[/_\-.?=&+]+", path))
    out = [float(bool(rx.search(words))) for _, rx in URL_GROUPS]
    segs = [s for s in parts.path.split("/") if s]
    out += [float(len(segs)), float(sum(c.isdigit() for c in parts.path)), float(len(parts.path))]
    return out


def html_features(
    segments: Sequence[Segment], page: Page, stops: frozenset[str], url: str | None = None
) -> tuple[np.ndarray, dict]:
    """Feature matrix (columns = FEATURE_NAMES) and the named columns, for a page's segments."""
    n = len(segments)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES))), {}
    texts = [s.text for s in segments]
    f = base_features(texts, stops)
    f.pop("_tokens", None)  # (the text model's word lexicon reads them; HTML mode has none)
    f.pop("_ntokens", None)
    words = f["_words"]
    total_words = max(float(words.sum()), 1.0)
    kinds = [s.kind for s in segments]
    f["bullet"] = np.fromiter((k == "li" for k in kinds), dtype=np.float64, count=n)
    weights = words + 1e-9
    total_weight = weights.sum()
    for key, val in (  # (weighted means, as `np.average` computes them)
        ("page_stop", float((f["stop_ratio"] * weights).sum() / total_weight)),
        ("page_term", float((f["end_term"] * weights).sum() / total_weight)),
    ):
        f[key] = np.full(n, val)
    add_window_features(f)
    add_region_features(f, words, total_words)

    frames = page.frames
    fa, fm = _frame_table(page)
    facts = np.fromiter(
        chain.from_iterable(
            (d["frame"], d["link"], d["links"], s.level, d.get("ol") or 0, _KIND_CODE.get(s.kind, 0), d["imask"],
             d["itags"]) for s in segments for d in (s.dom,)),
        dtype=np.int64, count=8 * n,
    ).reshape(n, 8)
    fi = facts[:, 0]
    lens = np.fromiter(map(len, texts), dtype=np.float64, count=n)
    link = facts[:, 1].astype(np.float64)
    f["link_density"] = ld = np.minimum(link / np.maximum(lens, 1), 1.0)
    f["log_links"] = np.log1p(facts[:, 2])
    f["whole_link"] = (ld > 0.9).astype(np.float64)
    f["level"] = facts[:, 3].astype(np.float64)
    f["ordered"] = (facts[:, 4] > 0).astype(np.float64)
    depth = fa["depth"][fi].astype(np.float64)
    f["depth"] = depth
    f["rel_depth"] = depth - _median(depth)
    # one-hot columns, one comparison per group (row j: code j + 1)
    f.update(zip(_KIND_KEYS, (facts[:, 5] == _KIND_RANGE).astype(np.float64), strict=True))
    fil = fi.tolist()
    codes = np.fromiter((TAG_CODES.get(frames[i][F_TAG], 0) for i in fil), dtype=np.int64, count=n)
    f.update(zip(_TAG_KEYS, (codes == _TAG_RANGE).astype(np.float64), strict=True))
    blocks: dict[str, np.ndarray] = {}
    # token and tag masks (< 2**63: int64 is exact)
    seg_masks = facts[:, 6:]
    itags = _bits(seg_masks[:, 1], len(TAG_BITS))
    for name in INLINE_TAGS:
        f[f"in_{name}"] = itags[:, TAG_BITS.index(name)]
    blocks["anc"] = anc = _bits(fm[fi, 2], len(TAG_BITS))
    # token masks: own (block element + inline elements), near (3 ancestors), far (all ancestors)
    parent = fa["parent"]
    p1_, p2_ = parent[fi], parent[parent[fi]]
    p3_ = parent[p2_]
    own = fm[:, 0]
    nt = len(TOKEN_NAMES)
    blocks["own"] = _bits(own[fi] | seg_masks[:, 0], nt)
    blocks["near"] = _bits(own[p1_] | own[p2_] | own[p3_], nt)
    blocks["far"] = _bits(fm[fi, 1], nt)
    # containers
    page_chars = max(float(lens.sum()), 1.0)
    # all container levels at once: row k of `level` holds each block's k-th ancestor frame
    level = np.empty((LEVELS, n), dtype=np.int64)
    level[0] = fi
    for k in range(1, LEVELS):
        level[k] = parent[level[k - 1]]
    ch = fa["chars"][level]
    cols = (  # (in _LEVEL_METRICS' order)
        np.log1p(ch),
        np.minimum(fa["link"][level] / np.maximum(ch, 1), 1.0),
        np.log1p(fa["nseg"][level]),
        ch / page_chars,
        np.log1p(fa["nimg"][level]),
        fa["na"][level] * 100 / np.maximum(ch, 20),
        np.log1p(fa["nblock"][level]),
    )
    for k, keys in enumerate(_LEVEL_KEYS):
        f.update(zip(keys, [col[k] for col in cols], strict=True))
    # (`window_mean` of each, in one pass: the same sums)
    w1, w3, w10 = window_means(np.column_stack((ld, f["kind_h"], f["kind_li"])), (1, 3, 10))
    f["w1_link"], f["w3_link"], f["w10_link"] = w1[:, 0], w3[:, 0], w10[:, 0]
    f["w3_kind_h"], f["w3_kind_li"] = w3[:, 1], w3[:, 2]
    # the page title: blocks that repeat it, and where they are
    f["title_sim"] = sim = title_similarity(texts, page.title)
    cand = np.where((f["kind_h"] > 0) & (sim >= 0.3))[0]
    if len(cand) == 0:
        cand = np.where(sim >= 0.5)[0]
    idx = np.arange(n)
    is_title = np.zeros(n)
    if len(cand):
        best = int(cand[np.argmax(sim[cand] + 0.2 * (f["level"][cand] == 1))])
        is_title[best] = 1.0
        f["after_title"] = (idx > best).astype(np.float64)
        d = idx - best
        f["title_dist"] = np.sign(d) * np.log1p(np.abs(d))
    else:
        f["after_title"] = np.full(n, 0.5)
        f["title_dist"] = np.zeros(n)
    f["is_title"] = is_title
    # page
    tags = {fr[F_TAG] for fr in frames}
    ld_text = " ".join(page.ld_types)
    pg = {
        "pg_log_chars": np.log1p(page_chars),
        "pg_log_segs": np.log1p(n),
        "pg_link_density": float(link.sum()) / page_chars,
        "pg_n_h1": min(page.n_h1, 5),
        "pg_has_article": float("article" in tags),
        "pg_has_main": float("main" in tags),
        "pg_og_article": float("article" in page.og_type),
        "pg_og_product": float("product" in page.og_type),
        "pg_noscript_share": float(lens[anc[:, TAG_BITS.index("noscript")] > 0].sum()) / page_chars,
        "pg_pre": min(page.n_pre, 20),
        "pg_log_img": np.log1p(page.n_img),
    }
    # prose: long, unlinked, sentence-like blocks (an article body is made of them)
    prose = (words >= 20) & (ld < 0.2) & ((f["stop_ratio"] > 0.15) | (f["frac_cjk"] > 0.5))
    pg["pg_prose_share"] = float(words[prose].sum()) / total_words
    pg["pg_prose_blocks"] = float(np.log1p(prose.sum()))
    pg["pg_link_blocks"] = int(np.count_nonzero(ld > 0.8)) / n  # (the mean)
    # repeated structures: blocks made by the same template (element and parent labels, kind)
    sig = template_groups(segments, frames, parent)
    counts = np.bincount(sig)
    f["sig_count"] = np.log(counts[sig].astype(np.float64))
    f["sig_share"] = np.bincount(sig, weights=words)[sig] / total_words
    f["sig_link"] = np.bincount(sig, weights=ld)[sig] / counts[sig]
    f["_sig"] = sig
    for i, v in enumerate(url_features(url)):
        pg[URL_FEATURES[i]] = v
    for name, rx in LD_GROUPS:
        pg[name] = float(bool(rx.search(ld_text)))
    f.update(pg)
    f["_prose"] = prose
    f["_fi"] = fi
    f["_lens"] = lens
    f["_fa"] = fa
    XT = np.empty((len(FEATURE_NAMES), n))  # filled by rows (contiguous writes)
    for j, name in _SINGLE:
        XT[j] = f[name]
    for prefix, (a, b) in _BLOCKS.items():
        XT[a:b] = blocks[prefix].T
    # (blocks, features), Fortran order: no transposed copy (`TreeModel` walks it as it is)
    return XT.T, f


_PROBE = (
    "Home", "News | Sport | Weather", "By Jane Doe, 4 April 2024 at 10:30", "Read more »",
    "The council approved the plans on Tuesday, and work will begin in the autumn of 2024.",
    "Share on Facebook", "© 2024 Example Media. All rights reserved.", "Price: $19.99",
    "这是一个中文句子，用来检查特征。", "Was ist hier los? Niemand weiß es so genau.",
    "My Lineup", "My\nLineup", "HOME", "Read  more »", "Photo: Jane Doe / AP", "Updated 5 hours ago",
)


def text_feature_fingerprint() -> str:
    """A hash of the shared text features on fixed probes: the HTML models store the value they
    were trained with, and a test fails when `features.base_features` changes under them."""
    import hashlib

    f = base_features(list(_PROBE), frozenset({"the", "and", "on", "of", "in", "will", "is", "was", "es"}))
    cols = [np.round(f[name], 4) for name in TEXT_COLUMNS if name in f]
    return hashlib.sha1(np.ascontiguousarray(np.column_stack(cols)).tobytes()).hexdigest()[:16]
