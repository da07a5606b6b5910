"""Text mode, metadata: headline, byline, dates, lead, credit line and tags from the lines alone.

Works on the classified lines: the article's main run of lines (the body) anchors everything.
The headline is the best-scoring candidate line above or at the top of that run
(`metadata_text_title`); bylines and dates are looked for around the headline and the top of
the body; the credit line at the end of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter

import numpy as np

from .authors import (
    byline_match,
    clean_authors,
    credited_persons,
    looks_like_person,
    source_prefix,
    split_credit,
)
from .blocks import Segment
from .captions import photo_caption
from .classify import load_model, model_available
from .credit_line import agency_credit, credit_of, named_agency
from .features_words import SHARE_TOOLS_MAX_WORDS, share_tools
from .headline_clean import headline_text
from .metadata_text_date import _clip, date_candidates, dated_meta_line, heuristic_date, pick_date
from .metadata_text_title import (
    TITLE_LINE_TRUST,
    pick_title,
    title_line_byline,
    title_line_headline,
)
from .metadata_title import tokens
from .names import name_evidence
from .run_on import CASE_GLUE
from .thread_starter import joined_line, thread_starter

_TOK = re.compile(r"\w+")
_TEXT = attrgetter("text")
AUTHOR_FEATURES = (
    "byline", "n_persons", "person_line", "d_anchor", "abs_anchor", "d_first", "d_last", "d_date", "log_words",
    "cap_words", "frac_upper", "end_term", "log_rep", "re_date", "re_nav", "re_social", "re_media", "bullet", "p",
    "alt_before", "in_kept", "frac_digit", "re_url", "date_same_line", "given_name", "surname",
)
AUTHOR_THRESHOLD = 0.25
# a line in a byline's form ("By Ann Lee", "김민지 기자") is taken from this score: grouped CV (3 folds)
# author 0.548 -> 0.553 on `text/`, 0.571 -> 0.578 on `text-alt/` (0.25, 0.20, 0.15, 0.10 on `text/`: 0.548,
# 0.553, 0.553, 0.554), pages without gold authors given one 68 -> 68 and 57 -> 58 of 685 (0.10: 70 on `text/`)
BYLINE_FORM_THRESHOLD = 0.15
BYLINES_ANYWHERE = 4  # byline-word lines outside the zones around the headline and the body
_TWO_CAPITALS = re.compile(r"[A-Z][^A-Z]*[A-Z]").search
LONG_DATED_MAX_WORDS = 30
_BY_WORD = re.compile(r"\bby\s+[A-Z]")
_ALT_PREFIX = re.compile(r"^(?:picture|photo|image|avatar|headshot|portrait|foto|bild|zdjęcie)\s+(?:of\s+)?", re.I)


@dataclass(slots=True)
class TextMeta:
    title_idx: int | None = None
    title: str | None = None
    title_line: bool = False  # the title's wording from the page's title line ("<headline> | <site>")
    authors: list[str] = field(default_factory=list)
    byline_idx: list[int] = field(default_factory=list)
    date_idx: list[int] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    lead_idx: int | None = None
    source: str | None = None
    source_idx: int | None = None
    end_name_idx: int | None = None  # a name or a heading alone under the article, not an agency's (`credit_of`)
    tags: list[str] = field(default_factory=list)
    tags_idx: int | None = None


def main_span(p: np.ndarray, words: np.ndarray, threshold: float, gap: int = 3,
              teaser: np.ndarray | None = None) -> tuple[int, int]:
    """(first, last) line of the article's main run: the run of kept lines (gaps of up to `gap`
    lines bridged) holding the most words. A stray kept teaser above it does not move it, and
    lines marked `teaser` (a headline followed by "Read more") do not count as kept: a rail of
    them right above the article does not join its run."""
    kept = np.flatnonzero((p >= threshold) if teaser is None else (p >= threshold) & ~teaser)
    if len(kept) == 0:
        i = int(np.argmax(p)) if len(p) else 0
        return i, i
    best, best_span = -1.0, (int(kept[0]), int(kept[0]))
    start = prev = int(kept[0])
    total = float(words[start])
    for k in kept[1:].tolist():
        if k - prev > gap + 1:
            if total > best:
                best, best_span = total, (start, prev)
            start, total = k, 0.0
        total += float(words[k])
        prev = k
    if total > best:
        best_span = (start, prev)
    return best_span


def teaser_lines(f: dict[str, np.ndarray]) -> np.ndarray:
    """Lines that are a "Read more" link or the headline right above one."""
    return (f["re_more"] + f["next_more"]) > 0


def _author_names(text: str, ja: bool = False) -> list[str]:
    names = byline_match(text)
    if names is not None:
        return clean_authors(credited_persons(names, ja), ja)
    return clean_authors(text, ja)  # persons only: each already passed looks_like_person


# the credits other than the author's: "<word> by ..." ("Reviewed by", "Edited by:", "Photos by")
_CREDIT_WORDS = r"reviewed|edited|photos?|photographs?|images?|illustrat(?:ed|ions?)|produced"
# "by" inside a line, before a capital ("May 3, 2017 By Ann Lee 4 Comments", "Updated on ... by Ann Lee"),
# not another credit's (nor a video's or a sponsor's: there the line names no author)
_BY_INSIDE = re.compile(r"(?<![\w-])(?:by|By|BY)\s+(?=[A-Z])")
_OTHER_CREDIT = re.compile(rf"(?:{_CREDIT_WORDS}|checked|videos?|sponsored|powered|presented|supported|inspired)\s*$",
                           re.I)
# the fields of a meta line: "Ann Lee • Oct 20, 2025", "Oct 20, 2025 · 6 min read · Ann Lee"
_FIELD_SEP = re.compile(r"\s*[•·|●]\s*")
_NUMBER_AFTER = re.compile(r"\s+\d")
# another credit at a line's start ("Medically reviewed by", "Fact-checked by"; not "Video by", which
# co-credits a story's authors: "Video by Ann Lee / Text by Bo Li")
_CREDIT_START = re.compile(
    rf"^\W{{0,3}}(?:(?:medically |expert |peer[- ])?(?:{_CREDIT_WORDS})|fact[- ]checked|designed|translated|narrated)"
    r"\s+by\b", re.I)
_WRITTEN_BY = re.compile(r"\b(?:written|words|text|story)\s+by\s+", re.I)
# a byline word alone on its line, the names on the next ("By" / "Ann Lee", "Written by:" / "Ann Lee")
_LONE_BYLINE_WORD = re.compile(
    r"^\W{0,2}(?:by|written by|posted by|words by|text by|story by|von|verfasst von|par|écrit par|por|escrito por"
    r"|door|di|scritto da|autor(?:in|ka|a)?|author|authors|auteur|autore|texto?)\s*:?\s*$", re.I)
# a press contact's label: the name it introduces, on its line or the next, is whom to call, not the
# author ("Media Contact:" / "Sam Ortega" under a press release)
_CONTACT_LABEL = re.compile(
    r"^\W{0,2}(?:(?:(?:media|press|news|investor|pr|public relations)\s+(?:contacts?|inquiries|enquiries)|"
    r"pressekontakt|contacts?\s+presse|contacto\s+de\s+prensa|contatt[oi]\s+stampa|perskontakt)\s*:?|"
    r"(?:contacts?|kontakt|contacto|contatto|contato)\s*:)", re.I)


# a byline word that is also a common preposition, read as one only on a page in its language
# ("de Andrei Popescu" on a Romanian page; elsewhere "de" is "of" in many languages)
_LANG_BYLINE_WORD = {"ro": "de "}


def dated_line_names(text: str, ja: bool = False) -> tuple[list[str], bool]:
    """The names a dated meta line gives its author by, and whether a byline word introduced them:
    "by <names>" inside the line, else the fields between separators that are a person's name.
    `ja`: the page is in Japanese (`authors.split_credit`)."""
    for m in _BY_INSIDE.finditer(text):
        if m.start() == 0 or _OTHER_CREDIT.search(text, 0, m.start()):
            continue
        bm = byline_match("By " + _NUMBER_AFTER.split(text[m.end():], 1)[0])  # (not "... 4 Comments")
        names = clean_authors(credited_persons(bm, ja), ja) if bm is not None else []
        if names:
            return names, True
    if _FIELD_SEP.search(text):
        return clean_authors([part for part in _FIELD_SEP.split(text) if looks_like_person(part)], ja), False
    return [], False


def author_candidates(
    texts: list[str], f: dict[str, np.ndarray], p: np.ndarray, keep: np.ndarray, anchor: int, first: int, last: int,
    title_idx: int | None, date_line: int | None, names_of: dict[int, list[str]] | None = None,
    lang: str | None = None,
) -> tuple[list[int], np.ndarray]:
    """Candidate byline lines and their feature rows (AUTHOR_FEATURES); `names_of`, when given,
    receives each candidate's names (what `_author_names` reads from its line, or on a dated meta line
    what `dated_line_names` reads when that gives none). `lang`: the page's language, for the
    conventions of one language (`_LANG_BYLINE_WORD`; a Japanese name's family/given space)."""
    n = len(texts)
    ja = lang == "ja"
    lang_word = _LANG_BYLINE_WORD.get(lang or "")
    zone = set(range(max(anchor - 12, 0), min(anchor + 16, n))) | set(range(max(first - 5, 0), min(first + 6, n)))
    zone |= set(range(max(last - 3, 0), min(last + 9, n)))
    re_byline = f["re_byline"]
    # lines that open with a byline word ("By ...", "Written by ...") are candidates wherever they are
    # (a byline far above a long standfirst, or under the body); the nearest BYLINES_ANYWHERE of them
    far = [i for i in np.flatnonzero(re_byline).tolist() if i not in zone]
    far = [i + 1 if i + 1 < n and _LONE_BYLINE_WORD.match(texts[i]) else i for i in far]  # (its names: next line)
    zone.update(sorted(far, key=lambda i: abs(i - anchor))[:BYLINES_ANYWHERE])
    cand, rows = [], []
    words, end_term, cap_words = f["_words"].tolist(), f["end_term"].tolist(), f["cap_words"].tolist()
    frac_cjk, re_byline, re_date = f["frac_cjk"].tolist(), re_byline.tolist(), f["re_date"].tolist()
    for i in sorted(zone):
        t = texts[i]
        if i == title_idx:
            continue
        written = None
        if _CREDIT_START.match(t):  # an editor's, reviewer's or photographer's credit names no author...
            written = _WRITTEN_BY.search(t)
            if written is None:
                continue
            t = "By " + t[written.end():]  # ...unless the line goes on with its author ("— Written by Ann Lee")
        long = written is None and (len(t) > 120 or words[i] > 16)
        long_byline = byline_match(t) if long else None
        # (or when it is a dated meta line that names its author: "Published: Jan 14, 2024 · Modified:
        # Feb 2, 2024 by Ann Lee · This post may contain affiliate links.")
        long_dated = long and long_byline is None and re_date[i] and words[i] <= LONG_DATED_MAX_WORDS \
            and _BY_WORD.search(t) is not None
        if long and long_byline is None and not long_dated:
            continue  # (a long line is a candidate when it opens with a byline: "By Ann Lee | Updated ...")
        # cheap gate: a byline word, or a short capitalised (or CJK) line without sentence punctuation,
        # or a dated line that may name its author ("Published on May 3, 2017 by Ann Lee")
        namey = words[i] <= 8 and not end_term[i] and cap_words[i] >= 0.5
        cjk = frac_cjk[i] > 0.5
        dated = bool(re_date[i]) and (not long or long_dated)
        if not (re_byline[i] or written or long_byline or namey or dated or (cjk and len(t) <= 40)):
            continue
        if words[i] >= 8 and photo_caption(t):
            continue  # a photo caption's credit names its photographer ("... (Harbour Courier/Jane Doe)")
        if _CONTACT_LABEL.match(t) or (i > 0 and words[i - 1] <= 4 and _CONTACT_LABEL.match(texts[i - 1])):
            continue  # a press contact
        bm = long_byline if long else byline_match(t)
        if bm is None and lang_word and t.startswith(lang_word):
            bm = byline_match("By " + t[len(lang_word):])
        if bm is None and (cjk or " " not in t.strip()):
            continue  # a name has two words (a CJK line holds names only after a byline word: 记者, 作者, ...)
        if bm is None and t.isascii() and _TWO_CAPITALS(t) is None:
            continue  # each word of a person's name starts with a capital: none could be read here
        if bm is None and i > 0 and _LONE_BYLINE_WORD.match(texts[i - 1]):
            bm = byline_match("By " + t)  # the byline word on the line above ("Written by" / "Ann Lee")
        is_byline = bm is not None
        names = clean_authors(credited_persons(bm, ja), ja) if bm is not None else clean_authors(t, ja)
        if not names and not is_byline and dated:
            names, is_byline = dated_line_names(t, ja)
        if not names and not is_byline:
            continue
        prev = texts[i - 1] if i > 0 else ""
        alt = bool(_ALT_PREFIX.match(prev)) and bool(names) and names[0].lower() in prev.lower()
        cand.append(i)
        if names_of is not None:
            names_of[i] = names
        rows.append([
            float(is_byline), float(len(names)), float(looks_like_person(t)), float(_clip(i - anchor, 30)),
            float(min(abs(i - anchor), 30)), float(_clip(i - first, 30)), float(_clip(i - last, 30)),
            float(_clip(i - date_line, 30)) if date_line is not None else 99.0, f["log_words"][i],
            f["cap_words"][i], f["frac_upper"][i], f["end_term"][i], f["log_rep"][i], f["re_date"][i], f["re_nav"][i],
            f["re_social"][i], f["re_media"][i], f["bullet"][i], p[i], float(alt), float(keep[i]), f["frac_digit"][i],
            f["re_url"][i], float(i == date_line), *name_evidence(names, lang),
        ])
    return cand, np.asarray(rows, dtype=np.float64).reshape(len(rows), len(AUTHOR_FEATURES))


def _heuristic_author(X: np.ndarray) -> np.ndarray:
    col = {name: X[:, j] for j, name in enumerate(AUTHOR_FEATURES)}
    return 0.5 * col["byline"] + 0.2 * (col["abs_anchor"] < 6) + 0.2 * (np.abs(col["d_date"]) <= 2) - 0.5 * col["re_nav"]


_TAG_SEPARATORS = re.compile(r"[,;|•·]")
_WIDE_SPACE = re.compile(r" {2,}|\t")
_TAGS_LINE = re.compile(
    r"^(?:tags?|topics?|keywords?|schlagwörter|schlagworte|themen|mots[- ]clés|sujets|etiquetas|temas|tagi"
    r"|tematy|argomenti|parole chiave|trefwoorden|onderwerpen|filed\s+under|archivado\s+en|arquivado\s+em"
    r"|classé\s+(?:dans|sous)|abgelegt\s+unter|archiviato\s+in)\s*[:：]\s*(.+)$",
    re.I,
)


def _similar(a: str, b: str) -> float:
    ta, tb = set(_TOK.findall(a.lower())), set(_TOK.findall(b.lower()))
    return len(ta & tb) / max(len(ta | tb), 1)


# the standfirst's first sentence, when it opens the next paragraph word for word, restates it (the
# body goes on where the standfirst stopped): this many words at least
SAME_OPENING_MIN_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?。！？](?=\s|$)")


def _same_opening(a: str, b: str) -> bool:
    """Does paragraph `b` open with paragraph `a`'s first sentence (SAME_OPENING_MIN_WORDS+ words)?"""
    m = _SENTENCE_END.search(a)
    first = _TOK.findall((a[: m.end()] if m else a).lower())
    return len(first) >= SAME_OPENING_MIN_WORDS and _TOK.findall(b[: 2 * len(a)].lower())[: len(first)] == first


def text_metadata(
    segments: list[Segment], f: dict[str, np.ndarray], p: np.ndarray, keep: np.ndarray, url: str | None,
    lang: str | None, fetch_date: str | None = None, threshold: float = 0.5,
) -> TextMeta:
    texts = list(map(_TEXT, segments))
    n = len(texts)
    meta = TextMeta()
    if n == 0:
        return meta
    first, last = main_span(p, f["_words"], threshold, teaser=teaser_lines(f))
    kept = np.flatnonzero(keep)
    first_kept = int(kept[0]) if len(kept) else first
    # headline
    ti, best = pick_title(texts, f, p, first_kept, url, first, lang)
    if ti is not None:
        meta.title_idx, meta.title = ti, headline_text(texts[ti], url)
    if best < TITLE_LINE_TRUST:  # the picker unsure: the page's title line printed first says the headline
        titled = title_line_headline(texts, url)
        if titled is not None and tokens(titled[1]) != tokens(meta.title or ""):
            meta.title_idx, meta.title = titled  # (the picked line stays the header's anchor, below)
            meta.title_line = True
    anchor = ti if ti is not None else first
    # dates: the best-scoring date mention (learned picker), the URL's day, or a date printed
    # without its year (metadata_text_date.pick_date); published vs modified by their keywords
    cands, X = date_candidates(texts, f, p, keep, anchor, first, last, ti, lang, fetch_date, url)
    scores = np.zeros(0)
    if cands:
        scores = load_model("text_date").predict(X) if model_available("text_date") else heuristic_date(X)
        # a forum user's registration date ("Joined: Tue Mar 3, 2015") is never the page's; dropped
        # after scoring (the date features compare each candidate with the others)
        keep_c = [not joined_line(texts, j) for j, _ in cands]
        if not all(keep_c):
            cands, scores = list(compress(cands, keep_c)), scores[np.array(keep_c)]
    picked = pick_date(cands, scores, texts, anchor, ti, url, lang, fetch_date)
    starter = thread_starter(texts)  # a forum thread's author, as its software labels them
    if starter is not None:  # the thread's date is its first post's, printed with the starter's name
        near_starter = [(j, d) for j, d in cands if starter[0] - 1 <= j <= starter[0] + 3]
        if near_starter:
            # on its line or under it (a question's date is right above its asker's name)
            picked = min(near_starter, key=lambda c: (c[0] < starter[0], c[0]))
    if picked is not None:
        line, d = picked
        meta.published = d.value
        near = {i for i, _ in cands if abs(i - line) <= 3} | {line} if line >= 0 else set()  # (-1: the URL's day)
        for i, dm in cands:
            if dm.kind == "modified" and i in near and dm.value >= d.value and meta.modified is None:
                meta.modified = dm.value
        if meta.modified == meta.published:
            meta.modified = None
        for i in sorted(near):
            # (a kept line of 7+ words is text that names a date, unless it is a dated meta line:
            # "نشر في: الثلاثاء، 12 مارس 2024 - 14:05")
            if f["_words"][i] <= 12 and i != ti and (not (keep[i] and f["_words"][i] > 6)
                                                     or dated_meta_line(texts[i], lang, fetch_date)):
                meta.date_idx.append(i)
    # byline: the best-scoring line holding person names near the headline, the date or the body
    date_line = meta.date_idx[0] if meta.date_idx else None
    names_of: dict[int, list[str]] = {}
    byline_agency: str | None = None  # a news agency named in the byline ("Anna Lindqvist/TT")
    if starter is not None:
        meta.authors = [starter[1]]
        meta.byline_idx.append(starter[0])
        acands: list[int] = []
    else:
        acands, AX = author_candidates(texts, f, p, keep, anchor, first, last, ti, date_line, names_of, lang)
    if acands:
        learned = model_available("text_author")
        scores = load_model("text_author").predict(AX) if learned else _heuristic_author(AX)
        if meta.title:  # the headline's opening words are no byline unless a byline word says so
            for k, i in enumerate(acands):
                if _opens_headline(names_of.get(i), meta.title) and byline_match(texts[i]) is None:
                    scores[k] = 0.0
        best = int(np.argmax(scores))
        if scores[best] >= AUTHOR_THRESHOLD or (scores[best] >= BYLINE_FORM_THRESHOLD and byline_match(texts[acands[best]])):
            i = acands[best]
            meta.authors = names_of[i]  # (read by author_candidates)
            bm = byline_match(texts[i])
            byline_agency = named_agency(bm or texts[i])
            # (a kept line of 9+ words is text naming people, unless it opens as a byline does:
            # "Door onze redacteuren Joost van Dam en Fenna Mulder")
            if meta.authors and (not (keep[i] and f["_words"][i] > 8) or bm is not None):
                meta.byline_idx.append(i)
            # co-author lines right next to it ("Text by ..." under "Video by ...")
            ja = lang == "ja"  # (a Japanese name's family/given space: `authors.split_credit`)
            for j in (i - 1, i + 1):
                bm_j = byline_match(texts[j]) if j in acands and j not in meta.byline_idx else None
                if bm_j is not None:
                    persons, orgs = split_credit(bm_j, ja=ja)
                    meta.authors += [a for a in clean_authors(persons, ja) if a not in meta.authors]
                    meta.byline_idx.append(j)
                    if orgs and meta.source is None:
                        meta.source = orgs[0]
    if not meta.authors:  # the page's title line printed first may name its author ("... - by Ann Lee - ...")
        name = title_line_byline(texts)
        if name is not None:
            meta.authors = [name]
    # credit line at the end of the body
    for i in range(max(last - 1, 0), min(last + 4, n)):
        if i in meta.byline_idx or i in meta.date_idx:
            continue
        c = credit_of(texts[i])
        if c and c[1]:
            meta.source, meta.source_idx = c[0], i
            break
        if c:
            meta.end_name_idx = i
            break
    if meta.source is None and meta.end_name_idx is None:
        # a news agency's credit in brackets under a paragraph, above the end of the main run (a rail
        # of links the line model kept, unrecognised yet, can follow the article: "(AFP)" / "Read also: ...")
        words = f["_words"]
        for i in range(first + 1, max(last - 1, 0)):
            if words[i - 1] >= 12 and keep[i - 1] and i not in meta.byline_idx \
                    and (agency := agency_credit(texts[i])) is not None:
                meta.source, meta.source_idx = agency, i
                break
    if meta.source is None:  # an explicit "Source: ..." line, or an agency's "(AFP)", under the headline
        for i in range(max(anchor - 2, 0), min(max(anchor, first) + 6, n)):
            if i in meta.byline_idx or (keep[i] and f["_words"][i] > 12):
                continue
            m = source_prefix(texts[i])
            if m:
                meta.source, meta.source_idx = m.group(1).strip(), i
                break
            agency = agency_credit(texts[i])
            if agency is not None:
                meta.source, meta.source_idx = agency, i
                break
    if meta.source is None and byline_agency is not None:  # "Anna Lindqvist/TT": the agency of the byline
        meta.source = byline_agency
    # tags
    for i in range(max(first - 5, 0), min(last + 15, n)):
        t = texts[i]
        m = _TAGS_LINE.match(t) if ":" in t or "：" in t else None  # the pattern needs a colon
        if m:
            meta.tags = tag_list(m.group(1), segments[i].extra.get("spaced"))
            meta.tags_idx = i
            break
    return meta


def tag_list(value: str, spaced: str | None = None) -> list[str]:
    """The tags of a tag line's value: split at commas, semicolons, bars or bullets; else at the wider
    spaces the line was printed with (`spaced`: "Verkehr  Kassel  Fahrrad"); else, when the tag links
    were glued together (as renderers print adjacent links: "AppsBabbelBusuu"), at the case changes
    between them (two at least: one is a name's own, "LinkedIn")."""
    parts = _TAG_SEPARATORS.split(value)
    if len(parts) == 1:
        if spaced is not None and (m := _TAGS_LINE.match(spaced)):
            parts = _WIDE_SPACE.split(m.group(1).strip())
        if len(parts) == 1 and len(cuts := [g.start() for g in CASE_GLUE.finditer(value)]) >= 2:
            parts = [value[a:b] for a, b in zip([0, *cuts], [*cuts, len(value)], strict=True)]
    tags = [t.strip(" #•·") for t in parts]
    return [t for t in tags if t and len(t) <= 60][:30]


def _opens_headline(names: list[str] | None, headline: str) -> bool:
    """Does a name the line gives open the headline ("Queen Creek" of "Queen Creek, AZ Pest Control
    Services", "Harbour Works Update" of the headline printed again with its day)? Such a line is
    the headline's own words (a place, a brand, a series), not its author's."""
    head = tokens(headline)
    for name in names or ():
        t = tokens(name)
        if t and len(t) < len(head) and head[: len(t)] == t:
            # (what follows the name says the headline goes on: a word of 4+ letters not in capitals,
            # or a date; a name followed by credentials alone, "Dylan Bailey, MS, RD", is a byline)
            rest = _TOK.findall(headline)[len(t):]
            if all(w.isdigit() for w in rest) or any(len(w) >= 4 and not w.isupper() for w in rest):
                return True
    return False


def pick_lead(segments: list[Segment], meta: TextMeta, social: np.ndarray | None = None) -> int | None:
    """The standfirst: the first body paragraph when the next one restates it, when it stands
    between the headline and the byline/date lines, or when it follows the headline's lines and a
    row of share buttons sets it apart from the next paragraph (`social`: the lines' share/social
    feature, `features.re_social`)."""
    body = [i for i, s in enumerate(segments) if s.label == "body"]
    if len(body) < 2:
        return None
    a, b = body[0], body[1]
    if len(segments[a].text.split()) < 12:
        return None
    if any(s.label == "heading" for s in segments[a:b]):
        b = body[1]
    restated = _similar(segments[a].text, segments[b].text) >= 0.45 or _same_opening(segments[a].text, segments[b].text)
    # (the byline or date between the two: a byline under the article is no evidence)
    above_meta = meta.title_idx is not None and meta.title_idx < a and any(a < j < b for j in meta.byline_idx + meta.date_idx)
    return a if restated or above_meta or _set_apart(segments, meta, a, b, social) else None


def _set_apart(segments: list[Segment], meta: TextMeta, a: int, b: int, social: np.ndarray | None) -> bool:
    """Does a row of share buttons (nothing kept among them) part paragraph `a` from the next body
    paragraph `b`, with only the headline's own lines (byline, date, credit) between the headline
    and `a`?"""
    if meta.title_idx is None or not meta.title_idx < a or b - a < 2:
        return False
    own = {meta.title_idx, *meta.byline_idx, *meta.date_idx, meta.source_idx}
    if not all(j in own for j in range(meta.title_idx, a)):
        return False
    if any(segments[j].label in ("body", "heading", "lead") for j in range(a + 1, b)):
        return False
    buttons = sum(1 for j in range(a + 1, b) if (social is not None and social[j])
                  or (len(segments[j].text.split()) <= SHARE_TOOLS_MAX_WORDS and share_tools(segments[j].text)))
    return buttons >= 1
