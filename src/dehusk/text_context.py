"""Text mode's context revision, by rules (jusText's second pass, grown): once each line has its
label from the line model and the page's cut, these read a line's neighbours and the page around it.

- `propagate_body`: a prose line next to body text joins it;
- `revive_slots`: a prose line in the slot where the page's kept posts sit (right above each copy
  of a repeated line: a forum's "Reply Quote Like") is a post too;
- `restore_inner_headings`: a short line between two body paragraphs is a subheading;
- `keep_short_item_lists`: a run of short kept lines is a list (or the page's table of contents);
- `drop_orphan_headings`: a heading not followed by text is husk;
- `cut_before_headline`: the kept lines above an article's header are husk.

(A learned second pass scored no better in grouped CV: `scripts/train_text.py`.)
"""

from __future__ import annotations

import re
from collections import defaultdict
from operator import attrgetter

import numpy as np

from .blocks import KEPT, Segment, first_kept
from .captions import photo_caption
from .features import norm_line
from .features_words import share_tools
from .notices import TOC_LABEL, notice_reason
from .related_rail import read_also

_LABEL = attrgetter("label")

PROPAGATE_MIN_SCORE, PROPAGATE_MIN_WORDS = 0.15, 10
_DROPPED = frozenset({"boilerplate", "navigation", "related", "teaser"})


def _furniture(f: dict[str, np.ndarray]) -> np.ndarray:
    """Non-zero on the lines with menu, share, read-more, credit or caption wording, or repeated."""
    return f["re_nav"] + f["re_social"] + f["re_more"] + f["re_credit"] + f["re_media"] + f["log_rep"]


def _revivable(seg: Segment) -> bool:
    """A dropped line the context passes may take back: not a site template's line, a page notice
    or a "read also" link."""
    return (seg.label in _DROPPED and not seg.reason.startswith("template line") and notice_reason(seg.text) is None
            and not read_also(seg.text))



def propagate_body(segments: list[Segment], f: dict[str, np.ndarray], p: np.ndarray) -> None:
    """Context revision (as jusText's second pass): a prose line next to body text joins it.

    Prose: 10+ words ending in sentence punctuation, no menu/share/credit/caption wording, not
    repeated on the page, and a score of at least 0.15. Repeats until nothing changes, so a
    paragraph run the classifier cut short grows back in both directions."""
    n = len(segments)
    prose = (f["_words"] >= PROPAGATE_MIN_WORDS) & (f["end_term"] > 0) & (_furniture(f) == 0) & (p >= PROPAGATE_MIN_SCORE)
    todo = [i for i in np.flatnonzero(prose).tolist() if _revivable(segments[i])]
    changed = True
    while changed and todo:
        changed = False
        for i in list(todo):
            if (i > 0 and segments[i - 1].label == "body") or (i + 1 < n and segments[i + 1].label == "body"):
                segments[i].label = "body"
                segments[i].reason = f"prose next to body text: kept by the context pass (score {p[i]:.2f})"
                todo.remove(i)
                changed = True


# The article's opening paragraphs stand above its contents list, whose entries come back below as
# its kept section headings (a wiki's or a guide's lead, "Contents", "1 History", "2 Architecture"): cut off
# from the kept text by the list, the line model scores them as the prose around a menu. Prose lines
# (as `propagate_body` reads them) between the headline and a contents list of OPENING_MIN_ENTRIES+
# entries, right above it, are body text.
OPENING_MIN_ENTRIES = 2
OPENING_ENTRY_WORDS = 8
_ENTRY_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+")
_CITED_END = re.compile(r"[.!?…][\"'”’)]*(?:\[\d{1,3}\])+$")  # a sentence's end, then its citation marks ("...1871.[1]")


def _entry_key(text: str) -> str:
    return " ".join(_ENTRY_NUMBER.sub("", text.strip()).casefold().split())


def revive_opening(segments: list[Segment], f: dict[str, np.ndarray], p: np.ndarray, title_idx: int | None) -> None:
    """The prose right above the page's contents list, under the headline, is the article's
    opening: body text (see OPENING_MIN_ENTRIES)."""
    first = first_kept(segments)
    if title_idx is None or first is None or first <= title_idx + OPENING_MIN_ENTRIES:
        return
    words = f["_words"]
    if words[first - OPENING_MIN_ENTRIES : first].max() > OPENING_ENTRY_WORDS:
        return  # (no contents list right above the text: most pages; the test below reads the whole page)
    heads = [seg.text for seg in segments[first:] if seg.label == "heading"]
    if len(heads) < OPENING_MIN_ENTRIES:
        return
    below = set(map(_entry_key, heads))
    j, entries = first - 1, 0
    while j > title_idx and words[j] <= OPENING_ENTRY_WORDS and (
            (found := _entry_key(segments[j].text) in below) or _ENTRY_NUMBER.match(segments[j].text)
            or notice_reason(segments[j].text) == TOC_LABEL):  # (a numbered entry whose heading was dropped)
        entries += found
        j -= 1
    if entries < OPENING_MIN_ENTRIES:
        return
    furniture = _furniture(f)
    while (j > title_idx and words[j] >= PROPAGATE_MIN_WORDS and furniture[j] == 0 and p[j] >= PROPAGATE_MIN_SCORE
           and (f["end_term"][j] > 0 or _CITED_END.search(segments[j].text)) and _revivable(segments[j])):
        segments[j].label = "body"
        segments[j].reason = f"prose above the page's contents list, under the headline: its opening (score {p[j]:.2f})"
        j -= 1


# A line repeated SLOT_MIN_REPEATS+ times (SLOT_MAX_WORDS words at most: a post's "Reply Quote Like",
# a comment's "Report") marks a slot: the lines right above its copies. When SLOT_MIN_KEPT+ of them
# are body text, a prose line (SLOT_MIN_WORDS+ words ending in sentence punctuation, score
# SLOT_MIN_SCORE+) dropped from the same slot is body text too: a thread's last posts, which the
# line model scores lower far from the top. Grouped CV (wcxb-dev, text mode): `text/` 0.8250 ->
# 0.8253 (54 pages better, 28 worse), `text-alt/` 0.8384 -> 0.8390 (63 better, 27 worse),
# scrapinghub 0.9275 -> 0.9273 (two pages).
SLOT_MIN_REPEATS, SLOT_MAX_WORDS, SLOT_MIN_KEPT = 3, 8, 2
SLOT_MIN_WORDS, SLOT_MIN_SCORE = 12, 0.25
SLOT_LOG_REPEATS = float(np.log(SLOT_MIN_REPEATS - 0.5))
def revive_slots(segments: list[Segment], f: dict[str, np.ndarray], p: np.ndarray) -> None:
    """Keep the prose lines that sit where the page's kept posts sit (see SLOT_MIN_REPEATS)."""
    words = f["_words"]
    # (the features count each line's copies, case folded: `log_rep`)
    marks = np.flatnonzero((f["log_rep"] >= SLOT_LOG_REPEATS) & (words <= SLOT_MAX_WORDS))
    if len(marks) < SLOT_MIN_REPEATS:
        return
    slots: dict[str, list[int]] = defaultdict(list)
    for k in marks.tolist():
        if k:
            slots[segments[k].text.lower()].append(k - 1)
    end_term = f["end_term"]
    for mark, above in slots.items():
        if sum(segments[k].label == "body" for k in above) < SLOT_MIN_KEPT:
            continue
        for k in above:
            seg = segments[k]
            if (seg.label in _DROPPED and words[k] >= SLOT_MIN_WORDS and end_term[k] > 0 and p[k] >= SLOT_MIN_SCORE
                    and not seg.reason.startswith("template line") and notice_reason(seg.text) is None):
                seg.label = "body"
                seg.reason = f"prose where the page's kept posts sit (above each {mark!r}; score {p[k]:.2f})"


# a time of day alone on its line ("10:58", "9.15 am", "14:05 GMT"): a live page's entry stamp, not a heading
_TIME_ONLY = re.compile(r"^[\s•·|–—-]*(?:[01]?\d|2[0-3])(?::[0-5]\d(?:\s*[ap]\.?\s?m\.?)?|\.[0-5]\d\s*[ap]\.?\s?m\.?)"
                        r"(?:\s+[A-Z]{2,4})?\s*$", re.I)


def restore_inner_headings(segments: list[Segment], f: dict[str, np.ndarray]) -> None:
    """Context revision: a short, unpunctuated line standing between two body paragraphs is a
    subheading, unless it reads as furniture (menu, share, credit, caption, repeated line), is a
    row of share buttons (`features_words.share_tools`: "Dela artikeln"; one word alone, "Link",
    may be a subheading), a photo caption (`captions.photo_caption`), a page notice
    (`notices.notice_reason`: "Table of contents", "Read more") or a time of day alone (a live
    page's entry stamp: "10:58")."""
    n = len(segments)
    furniture = f["re_nav"] + f["re_social"] + f["re_more"] + f["re_credit"] + f["re_media"] + f["log_rep"] + f["re_url"]
    # the labels before the pass: a line it changes was not body before and is not after, so its
    # neighbours' tests read the same
    labels = list(map(_LABEL, segments))
    for i in [i for i in range(1, n - 1) if labels[i - 1] == "body" == labels[i + 1]]:
        seg = segments[i]
        if (seg.label in ("body", "lead", "heading", "title", "byline", "date", "source", "tags", "related", "caption")
                or seg.score < 0.15):
            continue
        if (f["_words"][i] <= 12 and not f["end_term"][i] and furniture[i] == 0 and not f["bullet"][i]
                and not photo_caption(seg.text) and notice_reason(seg.text) is None
                and not (f["_words"][i] >= 2 and share_tools(seg.text)) and _TIME_ONLY.match(seg.text) is None):
            seg.label = "heading"
            seg.reason = f"short line between two body paragraphs: a subheading (score {seg.score:.2f})"


LIST_MIN_ITEMS, LIST_MAX_GAP, LIST_MAX_MEAN_WORDS = 4, 1, 5.0


def keep_short_item_lists(segments: list[Segment], toc: bool = True) -> None:
    """Context revision: a run of 4+ kept short lines (gaps of one dropped line bridged) averaging
    at most 5 words is a list (jobs, specs, facts, links of a listing), not a stack of headings
    without text: its lines are body. Longer short lines in a run read as a headline rail and are
    left to `drop_orphan_headings`. A run whose items mostly come back further down the page is
    the page's table of contents: navigation (with `toc`; without, a list as the others)."""
    n = len(segments)
    last: dict[str, int] | None = None  # each normalised line's last index, built at the first list
    # a run only relabels its own lines: the headings past it stay where they were
    headings = [i for i, label in enumerate(map(_LABEL, segments)) if label == "heading"]
    end = 0  # the line after the last run
    for i in headings:
        if i < end:
            continue
        members, j, gap = [i], i + 1, 0
        while j < n and gap <= LIST_MAX_GAP:
            label = segments[j].label
            if label == "heading":
                members.append(j)
                gap = 0
            elif label in ("body", "lead"):
                break
            else:
                gap += 1
            j += 1
        contents = None
        if len(members) >= LIST_MIN_ITEMS and (
                sum(len(segments[k].text.split()) for k in members) / len(members) <= LIST_MAX_MEAN_WORDS):
            if last is None:
                last = last_lines(segments, i)  # (this run and the later ones start at i or below it)
            contents = [k for k in members if last[norm_line(segments[k].text)] > k]
        if toc and contents is not None and len(contents) * 2 > len(members):
            for k in contents:
                segments[k].label = "navigation"
                segments[k].reason = (f"table of contents: one of {len(contents)} short lines that come back "
                                      f"further down (score {segments[k].score:.2f})")
        elif contents is not None:
            for k in members:
                segments[k].label = "body"
                segments[k].reason = (f"list item: one of {len(members)} short kept lines in a row "
                                      f"(score {segments[k].score:.2f})")
        end = members[-1] + 1


def last_lines(segments: list[Segment], start: int = 0) -> dict[str, int]:
    """Each line's last index on the page, by its `norm_line` key, for the lines from `start` on.
    A member k >= start of a run comes back further down when its key's last index is past k
    (texts do not change while the lists are read: only labels do), for every run at once: the
    lines above `start` cannot come back below a member."""
    return {norm_line(segments[i].text): i for i in range(start, len(segments))}


ORPHAN_TEXT_WORDS = 30  # a kept paragraph this long is the article's text
ITEM_PAGE_HEADINGS = 8  # this many orphan headings, with more words than the article text: a page of items


def drop_orphan_headings(segments: list[Segment], words: list[float] | None = None) -> None:
    """A heading must introduce text: one not followed by body text (within 3 blocks) is husk,
    unless (with `words`, each line's word count) it stands between the article's first and last
    body paragraphs of 30+ words (under the title, byline and date lines: a standfirst above them
    does not count): there a heading followed by a list, a table or a picture is the
    article's own section heading. Above the first paragraph (dates, share prompts) and under the
    last one (headline rails) the rule holds (grouped CV of the whole pipeline: wcxb-dev text/
    0.812 -> 0.814, text-alt/ 0.823 -> 0.824; scrapinghub 0.898 and 0.912 -> 0.913).

    Except on a page of items: 8 or more such headings holding more words than the article text
    (its body paragraphs of 30+ words) are a listing's entries (names, one-line descriptions),
    not rails around an article, and stay (grouped CV: wcxb-dev text/ 0.814 -> 0.818, text-alt/
    0.825 -> 0.830, listing pages 0.572 -> 0.615; scrapinghub 0.902 -> 0.903, 0.916 -> 0.915)."""
    n = len(segments)
    first_text = last_text = -1
    text_words = 0.0  # the words of the article's text: its body paragraphs of 30+ words
    if words is not None:
        text = [i for i, seg in enumerate(segments) if seg.label == "body" and words[i] >= ORPHAN_TEXT_WORDS]
        text_words = sum(words[i] for i in text)
        if text:
            # the article's text starts under its head: the title, byline and date lines above its
            # second paragraph (a standfirst may stand above them)
            head = [k for k in range(text[1] if len(text) > 1 else text[0])
                    if segments[k].label in ("title", "byline", "date")]
            text = [i for i in text if not head or i > head[-1]]
        if text:
            first_text, last_text = text[0], text[-1]
    heads = [i for i, label in enumerate(map(_LABEL, segments)) if label == "heading"]
    if words is not None:
        # a page of items (a listing: names and one-line descriptions the model kept): its
        # "orphans" hold more words than the article text around them; they are its content
        orphans = [i for i in heads if not first_text < i < last_text]
        if len(orphans) >= ITEM_PAGE_HEADINGS and sum(words[i] for i in orphans) > text_words:
            return
    for i in heads:  # (a later heading is still one)
        if first_text < i < last_text:
            continue
        seg = segments[i]
        ok = False
        for j in range(i + 1, min(i + 4, n)):
            nxt = segments[j].label
            if nxt in ("body", "lead"):
                ok = True
                break
            if nxt not in ("heading", "byline", "date"):
                break
        if not ok:
            seg.label = "related" if i > 0 and segments[i - 1].label == "teaser" else "boilerplate"
            seg.reason = f"heading-like line not followed by body text (score {seg.score:.2f})"

# An article's header (its headline, then a byline or a date line within HEADER_SPAN lines) says
# where the article starts: the kept lines above it are the page's husk (a menu's teasers, a
# "latest headlines" rail), when the kept text under the headline outweighs them BEFORE_HEADLINE_RATIO
# times. Grouped CV (cv_text.py): wcxb-dev text/ +0.0004 (46 pages better, 6 worse), text-alt/
# +0.0002 (26/7), scrapinghub +0.0019 / +0.0009 (none worse); wcxb-dev dumps by other renderers
# +0.0002..+0.0007 (lynx, w3m, html2text, bs4, flattened). Ratio 2: the same on scrapinghub, wcxb-dev
# text-alt/ +0.0001; 8: scrapinghub +0.0006 / +0.0000. Without the header test (any headline): 59
# wcxb-dev pages worse (documentation and service pages whose headline pick is wrong).
HEADER_SPAN, BEFORE_HEADLINE_RATIO = 4, 4.0


def cut_before_headline(segments: list[Segment], words: list[float], title: int, meta_lines: tuple[int, ...]) -> None:
    """Relabel the kept lines above an article's header as `boilerplate` (see HEADER_SPAN)."""
    if not any(title < j <= title + HEADER_SPAN for j in meta_lines):
        return
    above = [i for i in range(title) if segments[i].label in KEPT]
    if not above:
        return
    before = sum(words[i] for i in above)
    after = sum(w for w, seg in zip(words[title:], segments[title:], strict=True) if seg.label in KEPT)
    if after < BEFORE_HEADLINE_RATIO * before:
        return
    for i in above:
        seg = segments[i]
        seg.label = "boilerplate"
        seg.reason = f"above the article's headline and byline/date (score {seg.score:.2f})"
