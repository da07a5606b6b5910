"""Text mode: a plain-text page dump in, the article out.

segment_text -> features -> classify (one learned pass; rule-based context revision in label_segments) -> metadata
-> labels and reasons -> assemble.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import attrgetter

import numpy as np

from .article import Article
from .assemble import Meta, assemble
from .blocks import Segment, drop_permalinks, first_kept, kept_words
from .captions import CAPTION_REASON, photo_caption
from .classify import load_model, model_available, page_cut
from .comments import comment_section, comment_thread, review_section
from .credit_line import dateline_agency
from .deadline import Deadline
from .decode import unescape_references
from .extracted import EXTRACTED_REASON, already_extracted, extracted_headline
from .fallback import FALLBACK_KEPT_WORDS, keep_best_paragraph
from .features import TEXT_FEATURES, text_features
from .features_lexicon import LEXICON_FEATURES, lexicon_features, lexicon_of
from .features_words import COPYRIGHT_MAX_WORDS, SHARE_TOOLS_MAX_WORDS, copyright_line, share_tools
from .front_matter import fill_meta, split_front_matter
from .headline_slug import one_line_metadata, slug_words
from .inner_blocks import keep_inner_code, keep_inner_lists, keep_inner_tables
from .lang import _SAMPLE as LANG_SAMPLE
from .lang import detect_language, stopwords
from .metadata_text import TextMeta, pick_lead
from .metadata_text_title import menu_row, title_model_name
from .metadata_title import tokens
from .metadata_view import FURNITURE_ABOVE, FURNITURE_BELOW, furniture_lines, text_metadata_view
from .mojibake import fix_mojibake
from .notices import AD_LABEL, ad_label, notice_reason
from .options import Options
from .pagetype_text import page_row, page_type_and_confidence
from .related_rail import READ_ALSO_REASON, about_box, counted_list, read_also, related_rail
from .run_on import MENU_RUN_REASON, menu_run
from .segment_text import normalize_line_ends, run_on, segment_text
from .templates import site_template
from .text_context import (
    cut_before_headline,
    drop_orphan_headings,
    keep_short_item_lists,
    propagate_body,
    restore_inner_headings,
    revive_opening,
    revive_slots,
)

_KIND, _TEXT = attrgetter("kind"), attrgetter("text")


# a line that is one bracketed span: how text browsers and pandoc print an image ("[A crowd at the
# harbour]"); the segmenter unbrackets them, as placeholders, on pages that show the habit
_BRACKETED = re.compile(r"\[[^\[\]]*\]")


def image_lines(segments: list[Segment]) -> list[int]:
    """The lines that stand for an image: a placeholder, or one bracketed span."""
    return [i for i, seg in enumerate(segments)
            if (seg.extra and seg.extra.get("placeholder")) or (seg.text[0] == "[" and _BRACKETED.fullmatch(seg.text))]


def classify_lines(
    segments: list[Segment], stops: frozenset[str], language: str | None = None,
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Main-content probability of each line and the features used (`extract_text` cuts each
    page at its own `page_cut`).

    One learned pass over the line features, with the words' learned evidence (features_lexicon)
    on pages in the lexicon's languages (`text_p1_lex`; `text_p1` without it on the others): its
    window features (+-1..10 lines) carry the neighbourhood, and the
    context revision after it is rule-based (`label_segments`), as in jusText. A learned second
    pass over the first pass's scores added nothing in grouped CV (the ablation in scripts/train_text.py)."""
    m1, names = load_model("text_p1"), TEXT_FEATURES
    lexicon = None
    if language is not None and model_available("text_p1_lex"):
        m_lex = load_model("text_p1_lex")
        if language in lexicon_of(m_lex).languages:  # the words' learned evidence, for a language it speaks
            lexicon = lexicon_of(m_lex)
    # (given the lexicon, the features look the words up in it with the same lookups as the stop words)
    X, f = text_features(segments, stops, lexicon)
    f["_X"] = X  # (the line features alone: the page-type models read them)
    words = (f.pop("_tokens"), f.pop("_ntokens"))
    ids = f.pop("_lexids", None)
    if lexicon is not None:
        lex = lexicon_features(list(map(_TEXT, segments)), lexicon, words, ids)
        for j, name in enumerate(LEXICON_FEATURES):
            f[name] = lex[:, j]
        X, names, m1 = np.hstack([X, lex]), TEXT_FEATURES + LEXICON_FEATURES, m_lex
    # the shipped models read the features in this order: reuse the matrix
    p1 = m1.predict(X if m1.feature_names == names else np.column_stack([f[name] for name in m1.feature_names]))
    return p1, f


def _husk_label(i: int, f: dict[str, np.ndarray], p: float, threshold: float) -> tuple[str, str]:
    """Label and reason for a line left out of the article."""
    words = int(round(float(f["_words"][i])))
    base = f"score {p:.2f} < {threshold:.2f}"
    if f["re_more"][i]:
        return "teaser", f"{base}; a 'read more' link"
    nxt_more = i + 1 < len(f["re_more"]) and f["re_more"][i + 1]
    if nxt_more or (i + 2 < len(f["re_more"]) and f["re_more"][i + 2] and words >= 3):
        return "teaser", f"{base}; a headline followed by 'read more'"
    if f["re_credit"][i]:
        return "boilerplate", f"{base}; copyright or credit notice"
    if f["re_social"][i]:
        return "boilerplate", f"{base}; share/social prompt"
    if f["re_media"][i]:
        return "caption", f"{base}; image caption or credit"
    if f["re_nav"][i]:
        return "navigation", f"{base}; menu/account/subscription wording"
    if f["log_rep"][i] > 0:
        return "boilerplate", f"{base}; repeated {int(round(np.exp(f['log_rep'][i])))} times on the page"
    if f["dense_dist"][i] > 0 and words >= 4 and f["end_term"][i] == 0:
        return "related", f"{base}; headline-like line after the main text"
    if words <= 4 or f["bullet"][i]:
        return "navigation", f"{base}; short line ({words} words) among links or menus"
    if f["dense_dist"][i] > 0:
        return "boilerplate", f"{base}; after the main text"
    return "boilerplate", f"{base}; outside the main text"


def label_segments(
    segments: list[Segment], f: dict[str, np.ndarray], p: np.ndarray, keep: np.ndarray, meta: TextMeta,
    threshold: float, options: Options, notices: dict[int, str], url: str | None = None, extracted: bool = False,
) -> None:
    """Label every segment (and give the reason when explaining). `notices`: the page notices among
    the lines the model kept, with their reasons (`extract_text` found them before the metadata);
    `url`: the page's address (a forum's comments are its content); `extracted`: the page is an
    article already extracted (`extracted.already_extracted`: every line kept)."""
    special: dict[int, tuple[str, str]] = {}
    if meta.title_idx is not None:
        special[meta.title_idx] = ("title", f"the page's title line, its headline part: {meta.title}" if meta.title_line
                                   else "the headline: the first line of an extracted article" if extracted
                                   and meta.title_idx == 0 else "the headline: best headline candidate above the main text")
    for i in meta.byline_idx:
        special[i] = ("byline", "byline: " + (", ".join(meta.authors) or "credit"))
    for i in meta.date_idx:
        special.setdefault(i, ("date", f"date line ({meta.published or meta.modified})"))
    if meta.source_idx is not None:
        special[meta.source_idx] = ("source", f"credit line: {meta.source}")
    if meta.end_name_idx is not None:
        special[meta.end_name_idx] = ("boilerplate", "a name or heading alone under the article, not an agency's")
    if meta.tags_idx is not None:
        special[meta.tags_idx] = ("tags", "tag list")
    template = None if options.template_lines is None else site_template(options.template_lines, [s.text for s in segments])
    explain = options.explain  # reasons are only written when someone will read them
    # walked one line at a time: Python lists index faster than arrays (the same values)
    words, end_term, bullet, end_colon, word_len = (
        f[k].tolist() for k in ("_words", "end_term", "bullet", "end_colon", "word_len"))
    keep_l = keep.tolist()
    scores = p.tolist()
    for i, seg in enumerate(segments):
        seg.score = scores[i]
        if i in special:
            seg.label, seg.reason = special[i]
            continue
        if template is not None and template[1][i]:
            seg.label = "boilerplate"
            seg.reason = f"template line: on {template[0][i]:.0%} of this site's {options.template_lines.pages} pages"
            continue
        # (the kept lines were tested before the metadata; a dropped line is "boilerplate" without
        # explain whatever it is, so it is tested only for the reason)
        notice = notices.get(i)
        if notice is None and explain and not keep_l[i]:
            notice = notice_reason(seg.text)
        if notice is not None:
            seg.label, seg.reason = "boilerplate", notice
        elif seg.extra.get("placeholder"):
            seg.label, seg.reason = "boilerplate", PLACEHOLDER_REASON
        elif not keep_l[i]:
            seg.label, seg.reason = _husk_label(i, f, scores[i], threshold) if explain else ("boilerplate", "")
        elif words[i] <= SHARE_TOOLS_MAX_WORDS and share_tools(seg.text):
            seg.label, seg.reason = "boilerplate", "share/print/save buttons"
        elif words[i] <= COPYRIGHT_MAX_WORDS and copyright_line(seg.text):
            seg.label, seg.reason = "boilerplate", "copyright notice"
        elif read_also(seg.text):
            seg.label, seg.reason = "related", READ_ALSO_REASON
        elif photo_caption(seg.text):
            seg.label, seg.reason = "caption", CAPTION_REASON
        elif word_len[i] >= 25 and len(seg.text) > 150:
            seg.label, seg.reason = "boilerplate", f"not prose: tokens of {word_len[i]:.0f}+ characters (code or data)"
        elif words[i] <= 14 and not end_term[i] and not bullet[i] and not end_colon[i]:
            seg.label = "heading"
            if explain:
                seg.reason = f"short line without sentence punctuation inside the text (score {scores[i]:.2f})"
        else:
            seg.label = "body"
            if explain:
                seg.reason = (f"score {scores[i]:.2f} >= {threshold:.2f}: {int(round(words[i]))} words, "
                              f"{f['stop_ratio'][i]:.0%} stop words")
                if extracted:
                    seg.reason = f"{EXTRACTED_REASON}; {seg.reason}"
    if kept_words(segments, FALLBACK_KEPT_WORDS) < FALLBACK_KEPT_WORDS:
        keep_best_paragraph(segments, f, p)
    propagate_body(segments, f, p)
    revive_slots(segments, f, p)
    restore_inner_headings(segments, f)
    keep_inner_tables(segments, explain)
    keep_short_item_lists(segments, toc=not extracted)  # (an extracted article's contents are its own)
    keep_inner_code(segments, explain)  # (after the rules for short lines: a sample's lines are none)
    keep_inner_lists(segments, explain)
    revive_opening(segments, f, p, meta.title_idx)  # (after the contents list's headings below are kept)
    if not extracted:  # (an extracted article's short lines are its own: no rail to cut; after the
        # lists inside the text are kept, which a heading may introduce: "Ingredients")
        drop_orphan_headings(segments, words)
    # (a comment header ends in a colon: the other lines need no test)
    comment_thread(segments, np.flatnonzero(f["end_colon"]).tolist(), keep=options.include_comments)
    related_rail(segments, words)
    comment_section(segments, words, url, keep=options.include_comments)
    review_section(segments, words, url, keep=options.include_comments)
    counted_list(segments)
    about_box(segments, words)
    lead = pick_lead(segments, meta, f["re_social"])
    if lead is not None:
        segments[lead].label = "lead"
        segments[lead].reason = f"standfirst: the first paragraph, restated, above the byline or set apart by share buttons (score {p[lead]:.2f})"
        meta.lead_idx = lead


# the page types whose headline said again at the top of the text is the record's title alone (a
# listing's first item is text); HTML mode's `html_mode.HEADLINE_APART_TYPES` is articles only
HEADLINE_AGAIN_TYPES = frozenset({"article", "documentation"})


def headline_again(segments: list[Segment], meta: TextMeta) -> None:
    """The text's first kept line, when it is a heading that says the headline picked above it
    again (the headline was picked from a menu's or a contents list's copy of it): the headline,
    not text."""
    if meta.title_idx is None or not meta.title:
        return
    i = first_kept(segments)
    if i is not None and i > meta.title_idx and segments[i].label == "heading" \
            and tokens(segments[i].text) == tokens(meta.title):
        segments[i].label = "title"
        segments[i].reason = "the headline again, at the top of the text"


PLACEHOLDER_REASON = "a text browser's image or form placeholder ('[logo]' in the dump)"


def _sample(segments: list[Segment], min_len: int, size: int = 3000) -> str:
    """`" ".join(lines longer than min_len)[:size]`, without joining the whole page."""
    parts, total = [], 0
    for seg in segments:
        if len(seg.text) > min_len:
            parts.append(seg.text)
            total += len(seg.text) + 1
            if total >= size:
                break
    return " ".join(parts)[:size]


# Each page's cut is the one that maximises its expected word F1 (`classify.page_cut`), with each
# line weighed as p ** TEXT_SHARPEN (a line the model half-believes counts less: a rail of teasers
# weighs less against the article) and TEXT_CUT_FLOOR as its floor. Grouped 3-fold CV
# (scripts/cv_text.py) against the fixed cut of 0.5: wcxb-dev text/ word F1 0.815 -> 0.818,
# text-alt/ 0.829 -> 0.836, scrapinghub text/ shingle F1 0.902 -> 0.906, text-alt/ 0.915 -> 0.917.
# Floor 0.4 without the weighing: wcxb-dev +0.002/+0.007, scrapinghub -0.006/-0.007 (its gold
# leaves rails out); 1.5: scrapinghub 0.907/0.920, the same on wcxb-dev, but a forum thread's last
# short post, under five member-info lines, falls under the cut (tests/fixtures/text/en-forum-thread).
# Floor 0.3 (0.25 the same): wcxb-dev 0.820/0.837 in CV, but the held-out renderer dumps mixed (wcxb-dev
# -0.001..+0.004, scrapinghub -0.001..+0.002) and the shipped wcxb-dev text/ figure 0.841 -> 0.839.
TEXT_CUT_FLOOR, TEXT_SHARPEN = 0.4, 1.3

FIX_INPUT_MAX_CHARS = 1_000_000  # a longer dump is repaired in the output only (assemble): ftfy takes
# about 1 s for a million characters of mojibake


def _furniture_marks(segments: list[Segment], f: dict[str, np.ndarray], language: str | None) -> list[bool]:
    """Lines a page's dump shows and an extracted article does not (`extracted`): a text browser's
    placeholders, and in a language whose headlines are in sentence case a menu's row of names."""
    marks = [bool(seg.extra.get("placeholder")) for seg in segments]
    if title_model_name(language) != "text_title":
        for i in np.flatnonzero(menu_row(f, np.arange(len(segments)))).tolist():
            marks[i] = True
    return marks


def extract_text(text: str, *, url: str | None, options: Options, deadline: Deadline) -> Article:
    if options.fix_encoding and len(text) <= FIX_INPUT_MAX_CHARS:
        # repaired before the lines are read: mojibake hides stop words and headlines from the features
        text = fix_mojibake(text)
    # (line ends as "\n" before anything counts lines: a page written with CR alone is no one-line page)
    text = unescape_references(normalize_line_ends(text))
    front, text = split_front_matter(text)  # a tool's metadata block at the top is no line of the page
    url = url or (front.url if front is not None else None)
    segments = segment_text(text, deadline, frozenset(slug_words(url)))
    if not segments:
        return Article(url=url, empty_reason="empty_input", mode="text", blocks=() if options.explain else None)
    # advertising labels ("Advertisement", "Story continues below") are no text of the page, and as a
    # neighbour one makes the paragraphs around it look like a menu: the page is read without them
    page = segments
    is_ad = [ad_label(seg.text) for seg in segments]
    if any(is_ad) and not all(is_ad):
        for seg in compress(segments, is_ad):
            seg.label, seg.reason = "boilerplate", AD_LABEL
        segments = [seg for seg, ad in zip(segments, is_ad, strict=True) if not ad]
    # (the identifier reads the first LANG_SAMPLE characters: one more gathered makes the same prefix)
    sample = _sample(segments, 60, LANG_SAMPLE + 1) or _sample(segments, 0, LANG_SAMPLE + 1)
    language = options.language or detect_language(sample)[0]
    deadline.check("features")
    p, f = classify_lines(segments, stopwords(language), language)
    # the page's own cut (as in HTML mode): the one that maximises its expected word F1
    threshold = page_cut(p, f["_words"] + 1.0, TEXT_CUT_FLOOR, TEXT_SHARPEN)
    # what kind of page, and how good its extraction is likely to be (read before the rules below
    # revise the lines, as the models were trained)
    page_type, confidence = page_type_and_confidence(
        page_row(f.pop("_X"), p, f["_words"], threshold, url))
    if "h" in map(_KIND, segments):  # Markdown headings (title picker evidence)
        f["md_heading"] = np.fromiter((seg.level if seg.kind == "h" else 0 for seg in segments), dtype=np.int64,
                                      count=len(segments))
    gapped = [i for i, seg in enumerate(segments) if seg.extra and seg.extra.get("gapped")]
    if gapped:  # rows of items set apart by wide gaps (headline picker evidence)
        f["gapped"] = np.zeros(len(segments), dtype=bool)
        f["gapped"][gapped] = True
    deadline.check("classifying")
    if options.threshold is not None:
        threshold = options.threshold
    keep = p >= threshold
    # an article already cut out of its page keeps every line (see `extracted`); its metadata is
    # read as any page's, with the model's own cut
    texts = list(map(_TEXT, segments))
    # the page dumped on one line: cut at its sentences, its furniture hiding inside long lines
    one_line = text.count("\n") <= 24 and run_on(text.split("\n"))
    extracted = options.extracted if options.extracted is not None else (
        options.threshold is None and page is segments and not one_line
        and already_extracted(texts, f, keep, lambda: _furniture_marks(segments, f, language)))
    # page notices (cookie consent, "enable JavaScript", ...) are never the article: their lines
    # neither start its main run nor sit among its headline's neighbours (labelled below), nor do
    # "read also" links to other stories (teasers above the headline: "Leggi anche: ...")
    kept_lines = np.flatnonzero(keep).tolist()
    notices = {i: r for i in kept_lines if (r := notice_reason(segments[i].text)) is not None}
    if one_line:  # the runs of menu words cut out of a page on one line (`run_on.split_menu_runs`)
        notices.update((i, MENU_RUN_REASON) for i in kept_lines if i not in notices and menu_run(segments[i].text))
    quiet = [i for i in kept_lines if i in notices or read_also(segments[i].text)]
    p_meta = p
    if quiet:
        p_meta = p.copy()
        p_meta[quiet] = 0.0
        keep[list(notices)] = False
    # interface lines (notices, share rows) and images (an alt text the dump prints as its own line)
    # are no headline, byline or date, nor any one's neighbour: the metadata pass reads the page
    # without them (the text keeps what it kept)
    words = f["_words"].tolist()
    top = int(kept[0]) if len(kept := np.flatnonzero(keep)) else 0  # (the headline is looked for around it)
    skip = furniture_lines(segments, words, f["re_more"].tolist(), image_lines(segments), top - FURNITURE_ABOVE,
                           top + FURNITURE_BELOW)
    meta = text_metadata_view(segments, f, p_meta, keep, skip, url, language, options.fetch_date, threshold)
    not_headline = None
    if url and one_line:
        # the page on one line: its headline is inside a sentence, found by the URL's words
        not_headline = one_line_metadata(meta, texts, url, language, options.fetch_date)
    if extracted:  # (a notice line, a contents list's label, stays a notice: `label_segments`)
        keep[:] = True
        threshold = 0.0
        headline = extracted_headline(meta.title_idx, texts, f, (*meta.byline_idx, *meta.date_idx))
        if headline != meta.title_idx:
            meta.title_idx, meta.title_line = headline, False
            meta.title = None if headline is None else segments[headline].text
    for i in (meta.title_idx, meta.source_idx, meta.end_name_idx, meta.tags_idx, *meta.byline_idx, *meta.date_idx):
        if i is not None:
            keep[i] = False
    label_segments(segments, f, p, keep, meta, threshold, options, notices, url, extracted)
    if page_type in HEADLINE_AGAIN_TYPES:
        headline_again(segments, meta)
    if meta.title_idx is not None and not extracted:  # (nothing of an extracted article is husk)
        cut_before_headline(segments, words, meta.title_idx, (*meta.byline_idx, *meta.date_idx))
    if not_headline is not None and segments[not_headline].label == "title":  # (text or not by its score)
        seg = segments[not_headline]
        seg.label = "body" if p[not_headline] >= threshold else "boilerplate"
        seg.reason = f"score {seg.score:.2f} {'>=' if seg.label == 'body' else '<'} {threshold:.2f} (no headline)"
    lead = segments[meta.lead_idx].text if meta.lead_idx is not None else None
    out = Meta(
        title=meta.title, authors=meta.authors, published=meta.published, modified=meta.modified, lead=lead,
        source=meta.source, tags=meta.tags, language=language, page_type=page_type, confidence=confidence,
    )
    if front is not None:
        fill_meta(out, front, [seg.text for seg in page], fetch_date=options.fetch_date, lang=language)
    if out.source is None:  # a wire story's dateline, at the start of its first paragraph
        out.source = dateline_agency(segments)
    drop_permalinks(segments)
    return assemble(page, out, options, mode="text", url=url, dedupe=not extracted)
