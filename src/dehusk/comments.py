"""Text mode's context rules for readers' comments under an article (not its content unless asked
for: `include_comments=True`).

Two shapes: a thread of comment header lines as blog engines write them ("Ann says:",
`comment_thread`), and a comments section under its heading ("24 Comments", "Top Rated Comments",
"Leave a reply", "Kommentare", `comment_section`); a shop's customer reviews are comments too,
under their heading ("Customer Reviews", "Ratings & Reviews", `review_section`). A forum's or a
Q&A page's replies are its content: no rule applies to them (a thread starts after an article; a
section heading is not read on pages whose URL says forum, thread, discussion, questions, ...).
"""

from __future__ import annotations

import re
import statistics
from itertools import pairwise

from .blocks import KEPT, Segment

# a comment's header line as blog engines write it ("1. Ann says:", "by ann ( 123 ) writes:", "Ann sagt:"), or
# "said:"/"wrote:" with the comment's date or time in the same line ("Ann on May 2, 2019 at 4:47 pm
# said:"); a forum's quote header ("Ann said:") carries no date and is not one
_COMMENT_SAYS = re.compile(
    r"\b(?:says|writes|sagt|schreibt|dit|écrit|dice|escribe|disse|schreef|pisze|skriver|siger|sanoo|говорит|пишет|říká|mówi)\s*:\s*$", re.I)
_COMMENT_SAID = re.compile(r"\b(?:said|wrote|schrieb|a écrit|escribió|scrive|napisał)\s*:\s*$", re.I)
_STAMP = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b")
THREAD_MIN_HEADERS, THREAD_MIN_ARTICLE_WORDS = 3, 50


def _comment_header(text: str) -> bool:
    if len(text) > 120 or not text.rstrip().endswith(":") or len(text.split()) > 16:
        return False  # (both patterns end in a colon: most lines need no regex)
    return bool(_COMMENT_SAYS.search(text) or (_COMMENT_SAID.search(text) and _STAMP.search(text)))


def comment_thread(segments: list[Segment], candidates: list[int] | None = None, *, keep: bool = False) -> None:
    """Readers' comments under an article are not its content: 3+ comment header lines ("Ann says:")
    after at least 50 words of kept text start a thread, which runs from the first header (or the
    heading right above it) to the end of the kept text after the last one. (A forum thread, whose
    posts are the content, starts with its first post's header, not after an article.)
    `candidates`: all the lines that may be headers (by default every line).

    `keep` (include_comments): the thread stays, and each comment's header and its text (the
    lines of 6+ words among the 3 after the header) are kept even where the classifier dropped them."""
    lines = range(len(segments)) if candidates is None else candidates
    headers = [i for i in lines if _comment_header(segments[i].text)]
    if len(headers) < THREAD_MIN_HEADERS:
        return
    first = headers[0]
    before = sum(len(seg.text.split()) for seg in segments[:first] if seg.label in ("body", "lead", "heading"))
    if before < THREAD_MIN_ARTICLE_WORDS:
        return
    if keep:
        bounds = [*headers[1:], len(segments)]
        for h, nxt in zip(headers, bounds, strict=True):
            for k in range(h, min(h + 4, nxt)):
                seg = segments[k]
                n_words = len(seg.text.split())
                if seg.label in ("body", "heading", "lead", "date") or (k > h and (
                        n_words < 6 or (n_words < 10 and _STAMP.search(seg.text)))):  # not its date line
                    continue
                seg.label = "body"
                seg.reason = f"readers' comment, kept (include_comments): {len(headers)} comment headers"
        return
    if first > 0 and segments[first - 1].label == "heading":  # the thread's own heading ("3 responses to ...")
        first -= 1
    end = min(headers[-1] + 3, len(segments))  # the last header, its date line(s), ...
    while end > headers[-1] + 1 and segments[end - 1].label not in ("body", "heading"):
        end -= 1
    while end < len(segments) and segments[end].label in ("body", "heading"):  # ... and its text
        end += 1
    for seg in segments[first:end]:
        if seg.label in ("body", "heading", "lead", "boilerplate", "navigation", "date", "byline"):
            seg.label = "comment"
            seg.reason = f"readers' comments: {len(headers)} comment headers ('{segments[headers[0]].text[:40]}') after the article"


# a comments section's heading: "Comments", "24 Comments", "[ 167 comments ]", "Top rated comments",
# "Leave a reply", "Join the discussion", "View all comments", "Comments (12)", "12 Kommentare", ...
# ("Responses", "Replies", "Reactions" title parts of documentation and forums: not headings here)
COMMENTS_HEADING = re.compile(
    r"(?i)^[\s\W]*(?:\[\s*)?(?:(?:\d+\s+)?(?:reader\s+|top\s+rated\s+|user\s+)?comments?"
    r"|leave\s+a\s+(?:comment|reply)|join\s+the\s+(?:discussion|conversation)"
    r"|(?:show|view|read)\s+(?:all\s+)?(?:\d+\s+)?comments|comments\s*\(\d+\)"
    r"|\d*\s*kommentare?|\d*\s*commentaires?|\d*\s*comentarios?|\d*\s*commenti|\d*\s*komentarz[ey]?"
    r")[\s\]):.]*$")
# the blog engines' heading over a post's comments: "10 thoughts on “<the post's title>”", "34
# responses to “...”", "15 Replies to “...”" (a forum's "20 replies to this topic" has no quotes)
THREAD_TITLE_HEADING = re.compile(
    r"(?i)^\W*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:thoughts?|responses?|repl(?:y|ies)|comments?)"
    r"\s+(?:on|to)\s+[“\"'‘«„]")
_COUNT_LINK = re.compile(r"^\W*\d+\s+\w+\W*$")  # "14 comments": a listing's count under each item
# a forum's, a Q&A site's or a discussion board's page: its replies are the content
FORUM_URL = re.compile(r"(?i)^https?://(?:forums?|community|discuss|boards?)\.|/(?:forums?|threads?|discussions?|"
                       r"community|questions|topics?|t|boards?|viewtopic|showthread|r)(?:[/.?]|$)")
SECTION_MAX_CHARS, THREAD_TITLE_MAX_CHARS, SECTION_MIN_ARTICLE_WORDS, LISTING_COUNT_LINKS = 40, 300, 150, 4


def _count_series(segments: list[Segment], hits: list[int]) -> bool:
    """Does the first heading open a listing's series of comment counts ("14 comments" under each
    item)? LISTING_COUNT_LINKS or more of them from the first heading on, evenly spread: the first
    gap no more than twice the median of the others. (Under an article, the comments come between
    the section's count and the counts of a rail of other stories.)"""
    counts = [i for i in hits if _COUNT_LINK.match(segments[i].text) is not None]
    if len(counts) < LISTING_COUNT_LINKS or counts[0] != hits[0]:
        return False
    gaps = [b - a for a, b in pairwise(counts)]
    return gaps[0] <= 2 * statistics.median(gaps[1:])


def comment_section(segments: list[Segment], words: list[float], url: str | None, *, keep: bool = False) -> None:
    """The kept lines from a comments heading to the page's end are readers' comments (label
    `comment`), when the heading is the page's first one and comes after at least 150 words of
    kept text. The heading is a `COMMENTS_HEADING` line or a blog engine's `THREAD_TITLE_HEADING`.
    Not on a forum's page (`FORUM_URL`), nor where the first heading opens a listing's series of
    comment counts (`_count_series`). `keep` (include_comments): nothing changes."""
    if keep or (url and FORUM_URL.search(url)):
        return
    hits = [i for i, seg in enumerate(segments)
            if (len(seg.text) <= SECTION_MAX_CHARS and COMMENTS_HEADING.match(seg.text) is not None)
            or (len(seg.text) <= THREAD_TITLE_MAX_CHARS and THREAD_TITLE_HEADING.match(seg.text) is not None)]
    if not hits or _count_series(segments, hits):
        return
    first = hits[0]
    before = sum(w for w, seg in zip(words[:first], segments[:first], strict=True) if seg.label in KEPT)
    if before < SECTION_MIN_ARTICLE_WORDS:
        return
    heading = segments[first].text.strip()[:40]
    _comments_from(segments, first, f"readers' comments: under the comments heading '{heading}' after the article")


def _comments_from(segments: list[Segment], start: int, reason: str) -> None:
    """Label the kept lines from `start` to the page's end `comment`, with `reason`."""
    for seg in segments[start:]:
        if seg.label in KEPT:
            seg.label, seg.reason = "comment", reason


# a shop's reviews section's heading: "Reviews", "Customer Reviews", "Ratings & Reviews", "Reviews (12)",
# "Kundenbewertungen", "Avis clients", ... (no count before it: "146 Reviews" under each item of a
# listing is a count, not a heading; no bullet: a menu's "• Reviews" links to the section)
REVIEWS_HEADING = re.compile(
    r"(?i)^[\s\W]*(?:(?:customer|product|user|guest|verified|top|all)\s+)?"
    r"(?:reviews|ratings?\s*(?:&|and)\s*reviews|reviews\s*(?:&|and)\s*ratings?"
    r"|(?:kunden)?bewertungen|avis\s+(?:des\s+)?clients|opiniones(?:\s+de\s+(?:los\s+)?clientes)?|reseñas"
    r"|recensioni(?:\s+(?:dei\s+)?clienti)?|opinie(?:\s+klientów)?|recenzje|beoordelingen|avaliações|отзывы"
    r"|recensioner|omdömen|anmeldelser|arvostelut)(?:\s*\(\d[\d,.]*\))?[\s\]):.]*$")

# what a reviews section shows under its heading: its ratings ("4.5 out of 5 stars", "358 ratings",
# "4.9" alone, "5 (260)"), its count ("Based on 407 reviews"), its buttons ("Write a review") or its
# reviewers ("Verified buyer"), in the headings' languages ("4,5 von 5 Sternen", "Achat vérifié")
REVIEW_CUE = re.compile(
    r"(?i)\b(?:out\s+of\s+5|stars?|ratings?|reviews?|reviewers?|verified|recommend(?:ed|s)?"
    r"|sterne?n?|bewertung(?:en)?|verifiziert\w*|étoiles?|avis|vérifié\w*|estrellas?|opini(?:ón|ones)|verificad[oa]"
    r"|stell[ae]|recension[ei]|verificat[oa]|gwiazd\w*|opini[ae]|zweryfikowan\w*|sterren|beoordeling(?:en)?"
    r"|geverifieerd\w*|estrelas?|avaliaç(?:ão|ões)|звезд\w*|отзыв\w*|stjärn\w*|stjern\w*|tähte\w*)\b"
    r"|^\W*[0-5](?:[.,]\d)?\s*(?:\(\d[\d,.]*\))?\s*$")
REVIEW_CUE_SPAN = 12


def review_section(segments: list[Segment], words: list[float], url: str | None, *, keep: bool = False) -> None:
    """Customers' reviews are readers' comments: the kept lines from a reviews heading to the page's
    end are labelled `comment`. The heading is an unbulleted `REVIEWS_HEADING` line after at least
    150 words of kept text, with a rating or review line (`REVIEW_CUE`) among the 12 lines under it
    (a menu's or a tab row's "Reviews" has none). Not on a forum's page; `keep` (include_comments):
    nothing changes."""
    if keep or (url and FORUM_URL.search(url)):
        return
    before = 0.0
    for i, seg in enumerate(segments):
        if (before >= SECTION_MIN_ARTICLE_WORDS and not seg.bullet and len(seg.text) <= SECTION_MAX_CHARS
                and REVIEWS_HEADING.match(seg.text) is not None
                and any(REVIEW_CUE.search(other.text) for other in segments[i + 1 : i + 1 + REVIEW_CUE_SPAN])):
            _comments_from(segments, i, f"customers' reviews: under the reviews heading '{seg.text.strip()[:40]}'")
            # a heading the reviews followed now heads no text ("Dimensions" over a table the model dropped)
            for other in reversed(segments[:i]):
                if other.label == "heading":
                    other.label = "boilerplate"
                    other.reason = "a heading over no text (under it: other lines, then customers' reviews)"
                elif other.label in KEPT:
                    break
            return
        if seg.label in KEPT:
            before += words[i]
