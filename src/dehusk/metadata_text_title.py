"""Text mode, metadata: the headline.

The headline is the best-scoring candidate line above or at the top of the article's main run of
lines (a small learned classifier and ranker over line and neighbourhood features, `text_title`
and `text_title_rank`, whose scores `title_scores` combines, times the layout evidence of
`title_prior`, with a hand-set fallback), given without a breadcrumb trail before it and without
the site's name.
"""

from __future__ import annotations

import re

import numpy as np

from .authors import byline_match, source_prefix
from .classify import load_model, model_available, model_group
from .features import stack_columns
from .headline_echoes import body_echoes
from .headline_slug import slug_segment, slug_words, url_path
from .metadata_text_date import date_only_line, dated_meta_line
from .metadata_title import is_generic, site_keys, strip_site, title_byline_name, tokens
from .notices import notice_reason
from .related_rail import read_also

_TOK = re.compile(r"\w+")
_SLUG_TOK = re.compile(r"[^\W_]+")
TITLE_WINDOW = 40  # candidate headlines: this many lines above the body's first line ...
TITLE_INTO = 6  # ... and this many into it

TITLE_FEATURES = (
    "log_words", "cap_words", "end_term", "frac_upper", "log_rep", "blank_before", "blank_after", "bullet",
    "re_byline", "re_date", "re_nav", "re_more", "re_social", "re_media", "re_url", "starts_upper", "frac_digit",
    "end_colon", "rel_pos", "frac_sep", "stop_ratio", "next_more", "w3_re_more", "w3_re_nav", "p", "p_next5", "p_prev5",
    "d_main", "before_main",
    "slug_in_line", "line_in_slug", "date_near", "byline_near", "cand_rank", "longest_cap",
    "next_words", "prev_words", "next_end_term", "body_share", "echoes",
)
# English headlines are title-cased ("Ten Ways to Save Energy"); those of most other languages are
# not, and there a title-cased section label ("Comunidad Valenciana") would beat a sentence-case
# headline. Pages in other languages are scored by `text_title_caseless`, trained with these
# columns held at 0 (it never reads them).
CASE_FEATURES = ("cap_words", "cand_rank", "longest_cap")
# the columns read as they are from the line features (the rest are computed per candidate)
_LINE_COLUMNS = TITLE_FEATURES[:TITLE_FEATURES.index("p")]
TITLE_CASE_LANGUAGES = frozenset({"en"})


# a link away ("Go to Cooking", "Back to overview": two words at most after it, so that "Back to
# school: what parents need to know" stays a headline; a skip link, however long) or a post's filing
# line ("Posted in News, Travel")
_NOT_HEADLINE = re.compile(r"(?i)^\W*(?:(?:(?:go|back|return|jump)\s+to|zurück\s+zu|retour\s+(?:à|au|aux)|volver\s+a"
                           r"|torna\s+a|voltar\s+para)(?:\s+[^\s:]+){0,2}\W*$|skip\s+to\b|(?:published|posted|filed)\s+(?:in|under)\b)")
# a blog's links to the posts beside this one ("Older post: ...", "Previous article: ...")
_POST_NAV = re.compile(r"(?i)\b(?:older|newer|previous|prev|next)\s+(?:post|article|story|entry)\s*:")


def slug_tokens(url: str | None) -> set[str]:
    return {t for t in _SLUG_TOK.findall(url_path(url).lower()) if not t.isdigit() and t not in ("html", "htm", "php", "aspx")}


# a line above the headline window is a candidate when it says the URL's slug, all its words (SLUG_FAR_MIN
# or more) and no other; it then weighs SLUG_PRIOR times its score
SLUG_PRIOR, SLUG_FAR_MIN = 3.0, 3


def slug_set(url: str | None) -> set[str]:
    """The words of the URL's slug (`headline_slug.slug_words`: its path segment with the most
    hyphens or underscores), as a set, numbers aside."""
    return {t for t in slug_words(url) if not t.isdigit()}


def says_slug(text: str, slug: set[str]) -> bool:
    """Are the line's words the slug's, all of them and no other (numbers aside)?"""
    return {t for t in _SLUG_TOK.findall(text.casefold()) if not t.isdigit()} == slug


def slug_lines(texts: list[str], slug: set[str], upto: int, words: np.ndarray) -> list[int]:
    """The lines before `upto` whose words are the slug's ("List of river ferries" for
    /wiki/List_of_river_ferries): a page may print its headline far above its text, past a menu
    of a hundred lines (languages, sections), out of the headline window."""
    n = len(slug)
    out = []
    for i, w in enumerate(words[:upto].tolist()):
        if n - 1 <= w <= n + 2 and says_slug(texts[i], slug):
            out.append(i)
    return out


def window_start(first: int) -> int:
    """The first line the headline picker reads: TITLE_WINDOW lines above the first kept line."""
    return max(first - TITLE_WINDOW, 0)


# a line of this many words that ends in a full stop is a sentence of prose, not a headline (2 of the
# 1,539 gold headlines of wcxb-dev and scrapinghub are such lines; the picker took one on 8 pages of
# wcxb-dev `text/` in grouped CV, none of them right, and the first paragraph of an article given
# without its headline, as an extractor's output is, every time)
SENTENCE_MIN_WORDS = 15


def title_candidates(
    texts: list[str], f: dict[str, np.ndarray], p: np.ndarray, first: int, url: str | None, main: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate line indices for the headline and their feature rows (TITLE_FEATURES).

    `first` is the first kept line, `main` the start of the main run of kept lines."""
    n = len(texts)
    main = first if main is None else main
    lo, hi = window_start(first), min(max(first, main) + TITLE_INTO + 1, n)
    words = f["_words"]
    # "Read more", "Share", "© ..." are never headlines, nor is a teaser (a line followed by "Read more")
    # or a page notice (cookie consent, "enable JavaScript") or a "read also: <another story>" link
    furniture = f["re_more"] + f["re_social"] + f["re_credit"] + f["next_more"] + f["next2_more"]
    words_l, furniture_l = words[lo:hi].tolist(), furniture[lo:hi].tolist()
    cand = [i for i in range(lo, hi) if 1 <= words_l[i - lo] <= 40 and len(texts[i]) <= 300 and not furniture_l[i - lo]
            and not (words_l[i - lo] >= SENTENCE_MIN_WORDS and texts[i].rstrip().endswith("."))
            and byline_match(texts[i]) is None and not source_prefix(texts[i]) and notice_reason(texts[i]) is None
            and not read_also(texts[i]) and not (words_l[i - lo] <= 12 and (_NOT_HEADLINE.match(texts[i])
                                                                          or _POST_NAV.search(texts[i])))]
    slug = slug_tokens(url)
    named = slug_set(url)
    if len(named) >= SLUG_FAR_MIN:  # a line above the window that says the URL's slug word for word
        near = {tokens(texts[i]) for i in cand}  # (unless a line in the window says the same)
        cand = sorted({*cand, *(i for i in slug_lines(texts, named, lo, words) if tokens(texts[i]) not in near)})
    if not cand:
        return np.zeros(0, dtype=np.intp), np.zeros((0, len(TITLE_FEATURES)))
    idx = np.asarray(cand, dtype=np.intp)
    caps = f["cap_words"][idx] * np.minimum(words[idx], 12)
    order = np.argsort(np.argsort(-caps, kind="stable"), kind="stable").astype(np.float64)
    # p over the 5 lines after / before, and date or byline lines within [-3, +4] (the line itself aside)
    c = np.concatenate(([0.0], np.cumsum(p)))
    a1, b1 = np.minimum(idx + 1, n), np.minimum(idx + 6, n)
    a0, b0 = np.maximum(idx - 5, 0), idx
    p_next = np.divide(c[b1] - c[a1], b1 - a1, out=np.zeros(len(idx)), where=b1 > a1)
    p_prev = np.divide(c[b0] - c[a0], b0 - a0, out=np.zeros(len(idx)), where=b0 > a0)

    def near(col: np.ndarray) -> np.ndarray:
        cc = np.concatenate(([0.0], np.cumsum(col)))
        lo_, hi_ = np.maximum(idx - 3, 0), np.minimum(idx + 5, n)
        return ((cc[hi_] - cc[lo_] - col[idx]) > 0).astype(np.float64)

    if slug:
        toks = [set(_TOK.findall(texts[i].lower())) for i in cand]
        slug_in = np.array([len(t & slug) / max(len(t), 1) for t in toks])
        in_slug = np.array([len(t & slug) / len(slug) for t in toks])
    else:
        slug_in = in_slug = np.full(len(idx), -1.0)
    # the neighbours' length: a section label ("Community") sits right above its longer headline
    nxt, prv = np.minimum(idx + 1, n - 1), np.maximum(idx - 1, 0)
    next_words = np.where(idx + 1 < n, np.log1p(words[nxt]), -1.0)
    prev_words = np.where(idx > 0, np.log1p(words[prv]), -1.0)
    next_end = np.where(idx + 1 < n, f["end_term"][nxt], -1.0)
    share, echoes = body_echoes(texts, p, cand)
    X = stack_columns(
        [f[name][idx] for name in _LINE_COLUMNS]
        + [p[idx], p_next, p_prev, np.minimum(np.maximum(idx - main, -30), 30).astype(np.float64), (idx < main).astype(np.float64),
           slug_in, in_slug, near(f["re_date"]), near(f["re_byline"]), order, (caps == caps.max()).astype(np.float64),
           next_words, prev_words, next_end, share, echoes]
    )
    return idx, X


def _heuristic_title(X: np.ndarray) -> np.ndarray:
    col = {name: X[:, j] for j, name in enumerate(TITLE_FEATURES)}
    words = np.expm1(col["log_words"])
    s = (
        1.5 * np.clip(col["slug_in_line"], 0, 1) + 1.0 * ((words >= 3) & (words <= 25)) + 0.8 * col["cap_words"]
        - 0.8 * col["end_term"] + 0.6 * col["date_near"] + 0.6 * col["byline_near"]
        - 0.08 * np.abs(col["d_main"]) - 2.0 * (col["re_nav"] + col["re_more"] + col["re_social"] + col["bullet"])
        - 1.0 * col["re_date"] - 1.0 * col["re_byline"]
    )
    return s




def title_model_name(lang: str | None) -> str:
    """The headline picker for a page in `lang`: `text_title` where headlines are title-cased
    (and when the language is unknown), `text_title_caseless` elsewhere."""
    if lang is None or lang in TITLE_CASE_LANGUAGES or not model_available("text_title_caseless"):
        return "text_title"
    return "text_title_caseless"


# the ranker's weight: its score s multiplies the classifier's probability by exp(RANK_WEIGHT * s)
RANK_WEIGHT = 0.5


def title_scores(name: str, X: np.ndarray) -> np.ndarray:
    """The learned score of each candidate: the classifier's probability times exp(RANK_WEIGHT *
    the ranker's score) (`<name>_rank`, when shipped). The classifier learns what is no headline on
    any page, the ranker which candidate of a page is its headline. (With weight 1 the ranker's
    spread outweighs the layout priors on short pages unlike the datasets': a page's first
    paragraph over its headline; grouped CV gives both weights nearly the same figures.)"""
    if not model_available(f"{name}_rank"):
        return load_model(name).predict(X)
    raw = model_group((name, f"{name}_rank")).predict_raw(X)  # (both in one pass over their trees)
    return 1.0 / (1.0 + np.exp(-raw[0])) * np.exp(RANK_WEIGHT * raw[1])


# a row of section names on one line ("Politika Ekonomi Dünya Spor Kültür"): MENU_ROW_MIN or more words;
# in a language whose headlines are not title-cased it weighs MENU_ROW_PRIOR
MENU_ROW_MIN, MENU_ROW_PRIOR = 4, 0.1


def menu_row(f: dict[str, np.ndarray], cand: np.ndarray) -> np.ndarray:
    """Which candidates are a menu's row of section names: MENU_ROW_MIN+ words, each capitalised,
    no sentence punctuation at the end. In a language whose headlines are written in sentence case,
    a headline seldom looks so (an English one often does: "Apple Unveils New Laptops")."""
    return (f["cap_words"][cand] >= 1.0) & (f["_words"][cand] >= MENU_ROW_MIN) & (f["end_term"][cand] == 0)


def pick_title(
    texts: list[str], f: dict[str, np.ndarray], p: np.ndarray, first: int, url: str | None, main: int | None = None,
    lang: str | None = None,
) -> tuple[int | None, float]:
    """The headline's line (None with no candidate) and its score (0 with none)."""
    cand, X = title_candidates(texts, f, p, first, url, main)
    if len(cand) == 0:
        return None, 0.0
    name = title_model_name(lang)
    if model_available(name):
        scores = title_scores(name, X) * title_prior(texts, f, cand)
        if name != "text_title":  # a language whose headlines are not title-cased
            scores *= np.where(menu_row(f, cand), MENU_ROW_PRIOR, 1.0)
        sections = url_sections(url)
        if sections:  # a line that names a folder of the URL's path is the section's label
            scores *= np.array([SECTION_PRIOR if _section_key(texts[i]) in sections else 1.0 for i in cand.tolist()])
        lo = window_start(first)
        if cand[0] < lo:  # a line far above that says the URL's slug, all of it and nothing else
            scores *= np.where(cand < lo, SLUG_PRIOR, 1.0)
    else:
        scores = _heuristic_title(X)
    best = int(np.argmax(scores))
    return int(cand[best]), float(scores[best])


# A line whose words are those of a folder of the page's URL ("Blog" for /blog/2025-12-17-tidewater,
# "Travel & Leisure" for /living/travel-leisure/<slug>) names the section the page is filed in, a
# breadcrumb's or a menu's label above the headline: its score is multiplied by SECTION_PRIOR. The
# folders are the path's segments but its last one with words (the page's own name: a shop's
# /c/board-games/-/N-7kqz2 is the "Board Games" page) and its slug (`headline_slug.slug_words`'s
# segment: /<slug>/articleshow/<id>.cms), of SECTION_MAX_WORDS words at most.
SECTION_PRIOR, SECTION_MAX_WORDS = 0.1, 3
_URL_WORD = re.compile(r"[^\W_]+")


def _section_key(text: str) -> tuple[str, ...]:
    return tuple(w for w in _URL_WORD.findall(text.casefold()) if not w.isdigit())


def url_sections(url: str | None) -> set[tuple[str, ...]]:
    """The words of each folder of the URL's path (see SECTION_PRIOR)."""
    parts = [s for s in url_path(url).casefold().split("/") if s]
    if len(parts) < 2:
        return set()
    parts = [s.rsplit(".", 1)[0] if s.endswith((".html", ".htm", ".php", ".aspx", ".cms")) else s for s in parts]
    named = [j for j, s in enumerate(parts) if any(len(w) >= 3 and w.isalpha() for w in _URL_WORD.findall(s))]
    if not named:
        return set()
    slug = slug_segment(parts)
    out = set()
    for s in parts[: named[-1]]:
        key = _section_key(s)
        if s != slug and 0 < len(key) <= SECTION_MAX_WORDS:
            out.add(key)
    return out


_BREADCRUMB = re.compile(r"\s[›»>/|]\s|\s[›»>]$")
# a line that opens with a price in cents ("US $12.90 Shipping", "USD 58.20 Original Price"): a shop's price
# or shipping line; and one that ends in a colon, which introduces what follows it ("The timetable
# can also be read as a table:"): neither is a headline (no gold headline of wcxb-dev is)
_PRICE_LINE = re.compile(r"^\W{0,2}(?:US\s?\$|USD|EUR|GBP|CAD|AUD|CHF|[$€£¥₹])\s?\d{1,3}(?:[.,\s]\d{3})*[.,]\d{2}\b")
LEAD_IN_PRIOR = 0.1
# an image's or a video's label ("Image: the paper's logo", "Imagem:", "Foto:"), as renderers print alt texts
_MEDIA_LABEL = re.compile(r"(?i)^\W*(?:image|imagem|imagen|immagine|img|photo|foto|fotos|bild|picture|zdjęcie|фото|"
                          r"изображение|video|vídeo|vidéo|grafik|graphic)\s*[:：]")
# an image's alt text as sites write it: "<name> profile image", "<product> hover image", "<site> logo"
_ALT_SUFFIX = re.compile(r"(?i)\b(?:(?:profile|hover|featured|feature|hero|thumbnail|header|cover|product|main|banner|"
                         r"alt|preview)\s+(?:image|photo|picture|img|pic)|logo|icon|avatar)\W*$")


# a candidate followed by a byline or a short date line 1, 2 or 3 lines below: the nearer, the likelier
# the headline (a kicker, a search box or a weather widget a line or two above the headline is no nearer)
FOLLOWED_PRIOR = (3.0, 2.75, 2.0)
DATED_LINE_PRIOR = 0.1  # a candidate that is a dated meta line, or a date alone
GENERIC_PRIOR = 0.3  # a site's section or control word ("Blog", "News", "Shop", "Home": `metadata_title.is_generic`)
NUMBERED_COPY_PRIOR = 0.3  # "3. <headline>" when "<headline>" is a candidate too
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+(\S.*)$")
MD_TOP_HEADING = 10.0  # Markdown dumps: weight of the highest-level heading among the candidates
DOC_TITLE_PRIOR = 6.0  # a candidate that the page's title line above it names
# a short candidate that the page's copyright line names ("© 2024 Il Portico di Bologna srl"): the
# site's or its owner's name
SITE_NAME_PRIOR = 0.3
SITE_NAME_MAX_WORDS = 6


# a run of CONTENTS_MIN_RUN+ candidates on consecutive lines, each of which the page prints again
# further down, in the same order (the sections a table of contents lists, then their headings): the
# contents list, whose entries weigh CONTENTS_PRIOR; the headline is seldom among them
CONTENTS_MIN_RUN, CONTENTS_PRIOR = 3, 0.3


def contents_entries(texts: list[str], cand: list[int]) -> list[int]:
    """Positions in `cand` of the entries of a contents list (see CONTENTS_MIN_RUN), in order. An
    entry and its heading are the same line, white space aside. (Not `text_context.last_lines`:
    the order test reads each entry's first copy below it, and its `norm_line` on every line of the
    page cost this test 0.35 ms a page against 0.06 with `str.strip`.)"""
    if len(cand) < CONTENTS_MIN_RUN:
        return []
    lo = cand[0]
    keys = {i: texts[i].strip() for i in cand}
    wanted = set(keys.values())
    seen: dict[str, list[int]] = {}
    for k, line in enumerate(map(str.strip, texts[lo + 1 :]), lo + 1):  # (C-level strips; one set test a line)
        if line in wanted:
            seen.setdefault(line, []).append(k)
    later: dict[int, int] = {}  # candidate line -> the first line below it that says it again
    for i, key in keys.items():
        after = next((k for k in seen.get(key, ()) if k > i), None)
        if key and after is not None:
            later[i] = after
    out: list[int] = []
    run: list[int] = []
    for j, i in enumerate([*cand, -2]):
        if run and (i != cand[run[-1]] + 1 or i not in later or later[i] <= later[cand[run[-1]]]):
            if len(run) >= CONTENTS_MIN_RUN:
                out.extend(run)
            run = []
        if i in later:
            run.append(j)
    return out


def _named_in_copyright(texts: list[str], cand: list[int]) -> list[int]:
    """Positions in `cand` of the short candidates whose words the page's copyright lines hold, in order."""
    marks = []
    for t in texts:  # (a substring test before lower-casing: most lines have neither)
        if len(t) > 300:
            continue
        i = t.find("©")
        if i < 0 and ("opyright" in t or "OPYRIGHT" in t):
            i = t.lower().find("copyright")
        if i >= 0:
            marks.append(" " + " ".join(tokens(t[i:])) + " ")
    if not marks:
        return []
    out = []
    for j, i in enumerate(cand):
        words = tokens(texts[i])
        if 1 <= len(words) <= SITE_NAME_MAX_WORDS and any(f" {' '.join(words)} " in m for m in marks):
            out.append(j)
    return out
# a page's title line, as some dumps print it first: "<headline> | <site>", "<headline> - <site>"
_TITLE_SEP = re.compile(r"\s+[|–—·-]\s+|\s+::\s+")
_SEP_CHARS = ("|", "–", "—", "·", " - ", "::")


def titled_parts(texts: list[str], upto: int | None = None) -> dict[tuple[str, ...], int]:
    """The headlines (as `metadata_title.tokens`: case-folded words) of the page's lines that join a
    headline and a site's name, and maybe a section's, with separators ("Library extension goes to a
    vote | Harbour Courier", "Culture | Harbour Courier | Library extension goes to a vote"): the one
    part of 3+ words among parts of at most 4 words; each with the first line that names it (among
    the lines before `upto`)."""
    out: dict[tuple[str, ...], int] = {}
    for i, text in enumerate(texts[:upto]):
        # (a separator's characters first: most lines have none)
        if len(text) > 200 or not any(c in text for c in _SEP_CHARS) or not _TITLE_SEP.search(text):
            continue
        keys = [tokens(part) for part in _TITLE_SEP.split(text)]
        long = [k for k in keys if len(k) >= 3]
        if 2 <= len(keys) <= 3 and len(long) == 1 and all(0 < len(k) <= 4 for k in keys if k is not long[0]):
            out.setdefault(long[0], i)
    return out


def title_prior(texts: list[str], f: dict[str, np.ndarray], cand: np.ndarray) -> np.ndarray:
    """Layout evidence the learned score is multiplied by: a headline is usually followed by its
    byline or date within three lines; breadcrumbs ("News › Climate"), captions or alt texts
    ("Imagem: logotipo do jornal") and rows of items set apart by wide gaps ("Lokales   Region
    Sport", `segment_text._GAP`) are not headlines."""
    # a byline, or a short date line, within the three lines after each candidate (none past the end)
    meta_line = (f["re_byline"] != 0) | ((f["re_date"] != 0) & (f["_words"] <= 12))
    padded = np.concatenate((meta_line, np.zeros(3, dtype=bool)))
    followed = np.where(padded[cand + 1], FOLLOWED_PRIOR[0], np.where(padded[cand + 2], FOLLOWED_PRIOR[1],
                                                                     np.where(padded[cand + 3], FOLLOWED_PRIOR[2], 1.0)))
    re_media = f["re_media"].tolist()
    caption = np.array([bool(re_media[i]) or _BREADCRUMB.search(texts[i]) is not None
                        or _MEDIA_LABEL.match(texts[i]) is not None or _ALT_SUFFIX.search(texts[i]) is not None
                        for i in cand.tolist()],
                       dtype=bool).reshape(len(cand))
    out = followed * np.where(caption, 0.3, 1.0)
    lead_in = [j for j, i in enumerate(cand.tolist())
               if texts[i].rstrip().endswith((":", "：")) or _PRICE_LINE.match(texts[i]) is not None]
    if lead_in:
        out[lead_in] *= LEAD_IN_PRIOR
    out *= np.array([GENERIC_PRIOR if is_generic(texts[i]) else 1.0 for i in cand.tolist()])
    # a dated meta line ("입력 2024.07.23. 오후 2:32", "Published 12 March 2024") or a date alone ("2018-08-16")
    # is the date's, never the headline
    re_date = f["re_date"]
    dated = [j for j, i in enumerate(cand.tolist())
             if re_date[i] and (dated_meta_line(texts[i]) or date_only_line(texts[i]))]
    if dated:
        out[dated] *= DATED_LINE_PRIOR
    # a numbered list's item ("3. <headline>", a breadcrumb trail as an ordered list) whose words
    # another candidate gives without the number is that one's copy
    numbered = [(j, m.group(1)) for j, i in enumerate(cand.tolist()) if (m := _NUMBERED.match(texts[i]))]
    if numbered:
        keys = {tokens(texts[i]) for i in cand.tolist()}
        for j, rest in numbered:
            if tokens(rest) in keys:
                out[j] *= NUMBERED_COPY_PRIOR
    listed = contents_entries(texts, cand.tolist())
    if listed:  # a page's own table of contents above its text ("On this page": the section headings)
        out[listed] *= CONTENTS_PRIOR
    named = _named_in_copyright(texts, cand.tolist())
    if named:  # the site's name, as its copyright line gives it
        out[named] *= SITE_NAME_PRIOR
    gapped = f.get("gapped")
    if gapped is not None:  # a row of items set apart by wide gaps (a menu, buttons), as a caption
        out *= np.where(gapped[cand], 0.3, 1.0)
    titled = titled_parts(texts, int(cand.max()) if len(cand) else 0)
    if titled:  # the page's title line above ("<headline> | <site>") says which line is the headline
        keys = [(i, tokens(texts[i])) for i in cand.tolist()]
        out *= np.array([DOC_TITLE_PRIOR if titled.get(k, i) < i else 1.0 for i, k in keys]).reshape(len(cand))
    heading = f.get("md_heading")
    if heading is not None and heading.any():  # a Markdown dump says which line is the page's h1
        levels = heading[cand]
        top = levels[levels > 0].min() if (levels > 0).any() else 0
        out *= np.where((levels > 0) & (levels == top), MD_TOP_HEADING, 1.0)
    return out


TITLE_LINE_MAX_CHARS = 250
# the picked headline's score (`pick_title`) under which the title line's headline wins. Grouped CV,
# pages where the rule changes the headline (right ones gained minus lost) at 0.3 / 0.5 / 1 / 2 / any
# score: BeautifulSoup's get_text() recipe +36 / +43 / +51 / +54 / +61, html-text +22 / +29 / +33 /
# +34 / +41, the <title> line over a flattened dump +34 / +34 / +40 / +41 / +44; the twelve renderings
# that print no <title> -1 / -2 / -3 / -5 / -41
TITLE_LINE_TRUST = 1.0
_ONE_WORD_LABEL = re.compile(r"^\W*\w+\s*:\s")  # "Link: Feed" (a renderer's label for a <link>)


def _title_line(texts: list[str]) -> tuple[int, str] | None:
    """The first line of the page and its index, when it may be a title line (short, separated)."""
    i = next((i for i, t in enumerate(texts) if t.strip()), None)
    if i is None:
        return None
    line = " ".join(texts[i].split())
    if len(line) > TITLE_LINE_MAX_CHARS or not any(c in line for c in _SEP_CHARS):
        return None
    return i, line


def title_line_byline(texts: list[str]) -> str | None:
    """The author a page's title line names ("<headline> - by Ann Lee - <publication>")."""
    found = _title_line(texts)
    if found is None:
        return None
    return next(filter(None, map(title_byline_name, _TITLE_SEP.split(found[1])[1:])), None)


def title_line_headline(texts: list[str], url: str | None) -> tuple[int, str] | None:
    """The page's title line and its headline part, when the dump opens with one ("<headline> | <site>",
    the page's <title> as renderers that print the whole document give it first) and the page says
    that part again below it (its heading, maybe glued to the text around it), not only the whole
    line again (a site's name and motto in its header, "Harbour Club - Sailing since 1920")."""
    found = _title_line(texts)
    if found is None:
        return None
    i, line = found
    part = strip_site(line, site_keys([], url))
    if not part or part == line or len(tokens(_ONE_WORD_LABEL.sub("", part))) < 2 or len(part) < 8:
        return None
    key, whole = part.lower(), line.lower()  # (a heading may print it in capitals, or differently cased)
    if not any(key in (low := t.lower()) and whole not in " ".join(low.split()) for t in texts[i + 1:]):
        return None
    return i, part
