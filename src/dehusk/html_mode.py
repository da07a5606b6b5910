"""HTML mode: an HTML page in, the article out.

1. parse with lexbor (selectolax); metadata (`metadata_html`) reads the tree first;
2. `segment_html`: one walk cuts the DOM into blocks with their DOM facts;
3. `features_html`: text features (shared with text mode) + DOM features per block;
4. tree models (numpy inference, `classify`): the block model scores each block; page-type
   models read the page and those scores; the context model revises the scores of the blocks
   the first pass is unsure about, from their containers, neighbours, repeated templates and
   the page type;
5. decisions (`decide`): user comments are not main content outside forums (unless
   `include_comments`); the cut is the score that maximises the page's expected word F1
   (at least the trained floor), so an article page sheds teasers a listing page keeps;
6. every block gets a label (and with explain, a reason); page type, confidence, empty
   reason; `assemble`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from selectolax.lexbor import LexborHTMLParser

from . import pagetype
from .article import Article
from .assemble import Meta, assemble
from .blocks import KEPT, Segment, drop_permalinks, first_kept, kept_words
from .captions import drop_photo_captions
from .classify import TreeModel, model_dir, page_cut
from .credit_line import credit_block, dateline_agency
from .deadline import NO_DEADLINE, Deadline
from .fallback import FALLBACK_KEPT_WORDS, drop_chrome_links, drop_chrome_only, keep_best_paragraph
from .features_html import html_features
from .features_html_context import context_features_html
from .html_cues import CHROME_BITS, TOKEN_BIT, comment_blocks, husk_cue, page_chains
from .html_frames import F_IMASK, F_MASK, F_PARENT, F_TMASK, TAG_BITS
from .lang import detect_language, stopwords
from .markdown_html import render_markdown
from .metadata_html import HtmlMeta, html_metadata, settle_by_type
from .notices import notice_reason
from .options import Options
from .related_rail import drop_read_also
from .segment_html import Page, segment_html
from .structured_body import declared_body
from .templates import site_template
from .thread_starter import thread_starter

BLOCK_MODEL = "html_block"
CONTEXT_MODEL = "html_context"
DEFAULT_THRESHOLD = 0.5



@dataclass(slots=True)
class Analysis:
    """Everything the pipeline computed about a page (also used by the training script)."""

    tree: Any
    segments: list[Segment]
    page: Page
    X: np.ndarray
    f: dict
    language: str | None
    meta: HtmlMeta | None
    url: str | None = None


def _language(segments: list[Segment], declared: str | None, forced: str | None) -> str | None:
    if forced:
        return forced
    sample: list[str] = []
    size = 0
    texts = [s.text for s in segments]
    # the 12 longest blocks, longest first (a stable sort: equal lengths in page order)
    for i in sorted(range(len(texts)), key=list(map(len, texts)).__getitem__, reverse=True)[:12]:
        sample.append(texts[i])
        size += len(texts[i])
        if size > 2000:
            break
    code, prob = detect_language(" ".join(sample))
    if code and (prob > 0.5 or not declared):
        return code
    return declared or code


def analyse(
    html: str, *, url: str | None, options: Options, deadline: Deadline, utf8: bytes | None = None
) -> Analysis:
    """`utf8`: `html` encoded as UTF-8, when the caller has it (the parser reads the same bytes
    it would make from `html`: the same tree)."""
    tree = LexborHTMLParser(html if utf8 is None else utf8)
    if url is None:  # a page given without its URL: the URL it declares itself stands in for it
        url = declared_url(tree)
    meta = html_metadata(tree, url, fetch_date=options.fetch_date)
    deadline.check("metadata")
    root = tree.root
    if root is None:
        segments, page = [], Page()
    else:
        segments, page = segment_html(root, deadline, markdown=options.markdown, paths=options.explain)
    deadline.check("segmenting")
    declared = getattr(meta, "language", None) if meta is not None else None
    language = _language(segments, declared, options.language)
    X, f = html_features(segments, page, stopwords(language), url)
    deadline.check("features")
    return Analysis(tree, segments, page, X, f, language, meta, url)


def declared_url(tree: LexborHTMLParser) -> str | None:
    """The absolute http(s) URL a page declares for itself (`<link rel="canonical">`, else
    `og:url`), or None. The URL's words and path are evidence of the headline, the date and the
    kind of page; a saved page, a page from a database dump, comes without the URL it was fetched
    from, but most pages name their own."""
    for selector, attr in (('link[rel="canonical"]', "href"), ('meta[property="og:url"]', "content")):
        node = tree.css_first(selector)
        value = (node.attributes.get(attr) or "").strip() if node is not None else ""
        if value[:8].lower().startswith(("http://", "https://")) and " " not in value and len(value) <= 2000:
            return value
    return None


CHUNK = 2048  # rows per model call: bounds memory on pages with tens of thousands of blocks
# First-pass scores this close to 0 or 1 are not revised: the context model scores only the other
# blocks. The context model is trained on every block, so this is a run-time saving alone; grouped
# CV (the training run's out-of-fold scores, both members) at 0.015 / 0.03 / 0.05 / 0.08 / 0.10 /
# 0.12 / 0.20: wcxb-dev word F1 0.88044 / 0.88045 / 0.88047 / 0.88051 / 0.88055 / 0.88045 / 0.88096,
# scrapinghub 0.96822 / 0.96822 / 0.96824 / 0.96824 / 0.96824 / 0.96824 / 0.96778, while the share
# of blocks the context model scores falls 0.556 / 0.438 / 0.360 / 0.294 / 0.263 / 0.239 / 0.165.
SURE = 0.10


def _predict(model: Any, X: np.ndarray, deadline: Deadline) -> np.ndarray:
    if len(X) <= CHUNK:
        return model.predict(X)
    out = np.empty(len(X))
    for i in range(0, len(X), CHUNK):
        deadline.check("classifying")
        out[i : i + CHUNK] = model.predict(X[i : i + CHUNK])
    return out


def member_models(m: int) -> tuple[str, str, tuple[str, ...]]:
    """Names of ensemble member `m`'s block, context and page-type models."""
    suffix = "" if m == 0 else f"_m{m}"
    return BLOCK_MODEL + suffix, CONTEXT_MODEL + suffix, tuple(name + suffix for name in pagetype.TYPE_MODELS)


MAX_MEMBERS = 8


Member = tuple[TreeModel, TreeModel | None, tuple[str, ...]]


def members() -> tuple[Member, ...]:
    """The ensemble members shipped (member 0, 1, ... while their block model is there): block
    model, context model, page-type model names. Asked on every page: cached (per model folder)."""
    return _members(model_dir())


@lru_cache(maxsize=8)
def _members(override: str | None) -> tuple[Member, ...]:
    out = []
    for m in range(MAX_MEMBERS):
        block, context, types = member_models(m)
        model = pagetype.model(block)
        if model is None:
            break
        out.append((model, pagetype.model(context), types))
    return tuple(out)


def score_blocks(
    a: Analysis, deadline: Deadline = NO_DEADLINE
) -> tuple[np.ndarray, float, np.ndarray | None]:
    """(block scores, floor of the cut, page-type probabilities) of the page's blocks: the mean of
    the ensemble members' second-pass scores and page-type probabilities (`score_member`)."""
    n = len(a.segments)
    ms = members()
    if n == 0 or not ms:
        return np.zeros(n), DEFAULT_THRESHOLD, None
    runs = [score_member(a, member, deadline) for member in ms]
    if len(runs) == 1:
        return runs[0]
    p2 = np.mean([r[0] for r in runs], axis=0)
    probs = None if any(r[2] is None for r in runs) else np.mean([r[2] for r in runs], axis=0)
    return p2, runs[0][1], probs


def score_member(
    a: Analysis, member: Member, deadline: Deadline = NO_DEADLINE
) -> tuple[np.ndarray, float, np.ndarray | None]:
    """One member's (revised scores, threshold, page-type probabilities): the block model's first
    pass p1, page types from it, and the context model's revision of the blocks p1 is unsure of."""
    block, ctx, types = member
    p1 = _predict(block, a.X, deadline)
    probs = pagetype.type_probabilities(a.X, p1, block.threshold_default, a.url, types)
    if probs is None or ctx is None:
        return p1, block.threshold_default, probs
    unsure = np.flatnonzero((p1 > SURE) & (p1 < 1 - SURE))
    p2 = p1.copy()
    if len(unsure):
        C = context_features_html(a.f, p1)
        width = a.X.shape[1]
        # the rows [X, C, page-type probabilities] of the unsure blocks, built by columns as HTML
        # mode builds X (Fortran order: `TreeModel` reads it without a transposed copy)
        M = np.empty((width + C.shape[1] + len(probs), len(unsure)))
        M[:width] = a.X.T[:, unsure]
        M[width : width + C.shape[1]] = C[unsure].T
        M[width + C.shape[1] :] = probs[:, None]
        p2[unsure] = _predict(ctx, M.T, deadline)
    return p2, ctx.threshold_default, probs


# On a page taken for an article or a product the main content is one item: the cut weighs each
# block's chance of being content as p ** ONE_ITEM_SHARPEN (a block at 0.5 counts 0.41, one at 0.9
# counts 0.87), so a rail of teasers or related products the model half-believes weighs less
# against the item. Grouped CV over four bagging seeds (7, 11, 23, 31), on article pages:
# scrapinghub shingle F1 +0.0031 on average (each seed +0.002 to +0.004), wcxb-dev word F1 unchanged
# (mean 0.8810 -> 0.8810; article pages 0.960 both); on product pages too: wcxb-dev +0.0006 to
# +0.0009 on each seed (product pages 0.659 -> 0.669 on seed 7). 1.5 on articles: scrapinghub
# +0.0041, wcxb-dev -0.0004. On listing pages +0.0003, on the other types -0.0001 to -0.0006 (1.3);
# 1.2 on every type alike: wcxb-dev -0.001 (listings and collections hold their rails as content).
# With the two-member ensemble (`score_blocks`: averaged scores are flatter than one model's),
# grouped CV at 1.0 / 1.15 / 1.3 / 1.5 / 1.7: scrapinghub 0.9640 / 0.9665 / 0.9664 / 0.9682 /
# 0.9684, wcxb-dev 0.8793 / 0.8801 / 0.8802 / 0.8804 / 0.8804 (at 1.5 against 1.3: scrapinghub 15
# pages better, 5 worse; wcxb-dev 150 better, 146 worse, product pages 0.656 -> 0.660).
ONE_ITEM_SHARPEN = 1.5
ONE_ITEM_TYPES = frozenset({"article", "product"})


COMMENTS_AS_CONTENT_WORDS = 50


def comments_are_content(comments: np.ndarray, p2: np.ndarray, words: np.ndarray, floor: float) -> bool:
    """Whether the blocks a comment class/id marks are the page's content after all: without them
    the page would keep at most COMMENTS_AS_CONTENT_WORDS words while they hold more (a blog
    theme's `has-comments` on the article element, a thread page not recognised as a forum).
    Dropping them would leave an empty article."""
    kept = p2 >= floor
    outside = float(words[kept & ~comments].sum())
    return outside <= COMMENTS_AS_CONTENT_WORDS and float(words[kept & comments].sum()) > outside


def decide(
    a: Analysis, p2: np.ndarray, floor: float, probs: np.ndarray | None, options: Options,
    template: np.ndarray | None = None,
) -> tuple[np.ndarray, float, np.ndarray]:
    """(scores used, cut, comment mask): user comments are not main content outside forums,
    nor are the blocks of the site's template (`template`, from corpus mode)."""
    comments = np.zeros(len(p2), dtype=bool)
    page_type = pagetype.choose_type(probs)
    if a.segments and page_type != "forum":
        comments = comment_blocks(a.segments, a.page.frames, page_chains(a.page))
        if comments.any() and comments_are_content(comments, p2, a.f["_words"], floor):
            comments = np.zeros(len(p2), dtype=bool)
    p = np.where(comments, 0.0, p2) if comments.any() else p2
    if a.segments:
        p = np.where(a.f["_words"] > 0, p, 0.0)  # a block without a word ("<", "|", "»") is never content
    if template is not None:
        p = np.where(template, 0.0, p)
    if options.threshold is not None:
        return p, options.threshold, comments
    if not a.segments:
        return p, floor, comments
    sharpen = ONE_ITEM_SHARPEN if page_type in ONE_ITEM_TYPES else 1.0
    return p, page_cut(p, a.f["_words"] + 1.0, floor, sharpen), comments


def _as_list(a: np.ndarray | None) -> list | None:
    """`a.tolist()` as Python floats/bools (None stays None)."""
    return None if a is None else np.asarray(a).tolist()


def _lead_form(segments: list[Segment], i: int, is_title: list | None) -> bool:
    """Can block `i` be a standfirst by its form: a paragraph, or a heading below level 1 of
    LEAD_HEADING_WORDS+ words that is a sentence or stands right under the headline (an h1, or the
    block that repeats the page's title): a subtitle element set as h2 under the headline."""
    seg = segments[i]
    if seg.kind == "p":
        return True
    if seg.kind != "h" or seg.level <= 1 or len(seg.text.split()) < LEAD_HEADING_WORDS:
        return False
    if seg.text.rstrip()[-1:] in ".!?…":
        return True
    prev = segments[i - 1] if i > 0 else None
    return prev is not None and (prev.kind == "h" and prev.level == 1 or bool(is_title is not None and is_title[i - 1]))


LEAD_HEADING_WORDS = 8  # a heading whose class says standfirst/subtitle, a sentence of this many words, is the lead


def label_blocks(
    segments: list[Segment], p2: np.ndarray, threshold: float, page: Page, f: dict, options: Options,
    comments: np.ndarray | None = None, shown: np.ndarray | None = None,
    template: tuple[np.ndarray, np.ndarray] | None = None, host_pages: int = 0,
) -> None:
    """Set label, score (and with explain, reason) of every block: kept when p2 >= threshold.
    `shown`: the scores to report (the model's, when p2 holds the decision's adjusted ones);
    `template`: the (shares, mask) of `templates.site_template`."""
    frames = page.frames
    explain = options.explain
    # per-block values as Python lists (indexing a numpy array one element at a time costs more)
    ld = _as_list(f.get("link_density"))
    is_title = _as_list(f.get("is_title"))
    scores = _as_list(p2)
    shown_l = _as_list(shown)
    comments_l = _as_list(comments)
    in_template = _as_list(template[1]) if template is not None else None
    lead_done = False
    lead_bit = TOKEN_BIT["lead"]
    chains = None if explain or not segments else page_chains(page)
    for i, seg in enumerate(segments):
        p = scores[i]
        seg.score = p if shown_l is None else shown_l[i]
        if comments_l is not None and comments_l[i]:
            if options.include_comments and len(seg.text.split()) >= 2:
                seg.label = "body"
                if explain:
                    seg.reason = "user comment, kept (include_comments)"
            else:
                seg.label = "comment"
                if explain:
                    seg.reason = "user comment (class/id says comment; the page is not a forum)"
            continue
        if in_template is not None and in_template[i]:
            seg.label = "boilerplate"
            if explain:
                seg.reason = f"template block: on {template[0][i]:.0%} of this site's {host_pages} pages"
            continue
        if p >= threshold and (notice := notice_reason(seg.text)) is not None:
            seg.label = "boilerplate"
            if explain:
                seg.reason = f"score {p:.2f} >= {threshold:.2f} but {notice}"
            continue
        if p >= threshold:
            seg.label = "heading" if seg.kind == "h" else "body"
            if not lead_done:
                lead_done = True
                fr = frames[seg.dom["frame"]]
                if _lead_form(segments, i, is_title) and (fr[F_MASK] | frames[fr[F_PARENT]][F_MASK] | seg.dom["imask"]) & lead_bit:
                    seg.label = "lead"
            if explain:
                seg.reason = f"score {p:.2f} >= {threshold:.2f}" + ("; standfirst" if seg.label == "lead" else "")
            continue
        label, why = husk_cue(seg, frames, explain, chains)
        if is_title is not None and is_title[i] and label != "comment":
            label, why = "title", "repeats the page title"
        elif label == "boilerplate" and ld is not None and ld[i] > 0.6:
            label = "navigation"
            if explain:
                why = f"link density {ld[i]:.2f}" + (f", {why}" if why else "")
        seg.label = label
        if explain:
            seg.reason = f"score {p:.2f} < {threshold:.2f}" + (f"; {why}" if why else "")
        if label == "comment" and options.include_comments and len(seg.text.split()) >= 2:
            seg.label = "body"
            if explain:
                seg.reason = f"comment kept (include_comments); {seg.reason}"


# ----------------------------------------------------------------------------- the page


# a page that loads its code by <link rel="preload" as="script"> or rel="modulepreload" (script
# tags may have been stripped by whoever saved it): its text comes from JavaScript
_SCRIPT_PRELOAD = re.compile(r"""<link\b[^>]*?(?:\bas\s*=\s*["']?script\b|\brel\s*=\s*["']?modulepreload\b)""", re.I)


PAYWALL_STUB_WORDS = 60  # fewer kept words than this, and a paywall class/id: a paywall stub


def _empty_reason(a: Analysis, text_words: int, html: str = "") -> str | None:
    """`text_words`: the kept blocks' words, or any number >= PAYWALL_STUB_WORDS when there are more."""
    page = a.page
    if page.frameset:
        return "frameset"
    total_words = int(a.f["_words"].sum()) if "_words" in a.f else 0  # (a page of no block of its own has none)
    if total_words < 30 and (page.n_scripts >= 3 or page.script_text_chars() > 2000
                             or _SCRIPT_PRELOAD.search(html, 0, 200_000) is not None):
        return "js_shell"
    if text_words < PAYWALL_STUB_WORDS and a.segments:
        frames, bit = page.frames, TOKEN_BIT["paywall"]
        if any(seg.dom["imask"] & bit or frames[seg.dom["frame"]][F_IMASK] & bit for seg in a.segments
               if seg.dom is not None):  # (blocks from the declared body have no element)
            return "paywall_stub"
    return None


# page types whose headline the record gives as its title only, not as the text's first paragraph too
HEADLINE_APART_TYPES = frozenset({"article"})


def headline_apart(segments: list[Segment], is_title: np.ndarray | None, explain: bool) -> None:
    """The first kept block, when it is a heading that repeats the page's <title> (`is_title`), is
    the headline: labelled "title", out of the text."""
    if is_title is None:
        return
    i = first_kept(segments)
    if i is not None and segments[i].kind == "h" and is_title[i]:
        segments[i].label = "title"
        if explain:
            segments[i].reason = f"{segments[i].reason}; but the headline (repeats the page title), given as the title"


def label_page(
    a: Analysis, p2: np.ndarray, floor: float, probs: np.ndarray | None, options: Options
) -> tuple[str, np.ndarray, float]:
    """Every decision between the block scores and the record: the page type, the page's cut,
    each block's label, the fallbacks (the best paragraph of a page left nearly empty, a page
    whose kept blocks are all chrome, link lines in the chrome, "read also" links). Labels
    `a.segments` in place; returns (page type, the scores used, the cut). The training scripts'
    cross-validation runs this same function on out-of-fold scores."""
    page_type = pagetype.choose_type(probs)
    template = (None if options.template_lines is None
                else site_template(options.template_lines, [seg.text for seg in a.segments]))
    used, threshold, comments = decide(a, p2, floor, probs, options, None if template is None else template[1])
    label_blocks(a.segments, used, threshold, a.page, a.f, options, comments, shown=p2, template=template,
                 host_pages=getattr(options.template_lines, "pages", 0))
    if a.segments and kept_words(a.segments, FALLBACK_KEPT_WORDS) < FALLBACK_KEPT_WORDS:
        keep_best_paragraph(a.segments, a.f, used)
    if page_type in HEADLINE_APART_TYPES:
        headline_apart(a.segments, a.f.get("is_title"), options.explain)
    if a.segments:
        frames, segs = a.page.frames, a.segments

        def in_chrome(i: int) -> bool:
            return bool(frames[segs[i].dom["frame"]][F_TMASK] & CHROME_BITS)

        drop_chrome_only(segs, in_chrome, used)
        if page_type != "forum":
            drop_chrome_links(segs, in_chrome, a.f["link_density"], a.f["_words"])
        drop_read_also(segs)
        drop_photo_captions(segs)
        # a credit line at the article's edge ("(dpa)", "Kaynak: AA"): the source, not text
        credit = credit_block([s.text for s in segs], [i for i, s in enumerate(segs) if s.label in KEPT])
        if credit is not None:
            name, i = credit
            segs[i].label = "source"
            segs[i].extra["source"] = name
            if options.explain:
                segs[i].reason = f"credit line: {name}"
    return page_type, used, threshold


def extract_html(
    html: str, *, url: str | None, options: Options, deadline: Deadline, utf8: bytes | None = None
) -> Article:
    a = analyse(html, url=url, options=options, deadline=deadline, utf8=utf8)
    p2, floor, probs = score_blocks(a, deadline)
    page_type, used, threshold = label_page(a, p2, floor, probs, options)
    if a.meta is not None:  # (the date and authors decided again: pages of some types are expected to carry them)
        if declared_body(a.segments, a.meta.article_body, options.explain):  # (the page declares an article)
            page_type = page_type if page_type in ("article", "forum") else "article"
        settle_by_type(a.meta, page_type)
    deadline.check("classifying")
    drop_permalinks(a.segments)
    segments = render_markdown(a.segments) if options.markdown else a.segments
    meta = _meta(a)
    meta.lead = next((s.text for s in segments if s.label == "lead"), None)
    if meta.source is None:  # the credit line at the article's edge names it (`label_page`), or a wire dateline
        meta.source = next((s.extra["source"] for s in segments if s.label == "source" and "source" in s.extra),
                           None) or dateline_agency(segments)
    starter = thread_starter([s.text.replace("\n", " ") for s in a.segments])
    if starter is not None:  # a forum thread's author as its software labels them, over the metadata's
        meta.authors = [starter[1]]

    text_words = kept_words(segments, PAYWALL_STUB_WORDS)
    meta.page_type = page_type
    meta.confidence = pagetype.confidence(a.X, used, threshold, a.url, probs)
    meta.empty_reason = _empty_reason(a, text_words, html)
    return assemble(segments, meta, options, mode="html", url=url)


def _visible_title(a: Analysis) -> str | None:
    """No structured title: the heading that repeats <title>, else the first h1."""
    is_title = a.f.get("is_title")
    if is_title is not None and is_title.any():
        return a.segments[int(np.argmax(is_title))].text.replace("\n", " ")
    h1 = next((s.text for s in a.segments if s.kind == "h" and s.level == 1), None)
    return h1.replace("\n", " ") if h1 else (a.page.title or None)


def _meta(a: Analysis) -> Meta:
    m = a.meta
    meta = Meta(language=a.language)
    if m is None:
        meta.title = _visible_title(a)
        return meta
    meta.title = m.title or _visible_title(a)
    meta.authors = list(m.authors)
    meta.published, meta.modified = m.published, m.modified
    meta.source = m.source
    meta.tags = list(m.tags)
    meta.site_name, meta.canonical_url = m.site_name, m.canonical_url
    meta.language = a.language or m.language
    return meta


__all__ = [
    "Analysis", "analyse", "extract_html", "label_blocks", "label_page", "members", "member_models", "score_blocks",
    "score_member", "TAG_BITS",
]
