"""Class, id and role words of HTML elements as bit masks of token groups ("nav", "footer",
"comment", "share", "related", ...): the vocabulary the segmenter records on every frame and
the features read. `token_mask` is exact and fast (see "word masks" below)."""

from __future__ import annotations

import re
from functools import reduce
from operator import or_

from .dates import trie_pattern
from .memo import memo

# --------------------------------------------------------------------------- vocabulary

#: class/id/role/itemprop token groups -> bit. Patterns match inside the lower-cased attribute
#: words (so "sidebar-left", "commentlist", "post_content" all hit); general words only.
TOKEN_GROUPS: tuple[tuple[str, str], ...] = (
    ("nav", r"nav|menu|dropdown|megamenu"),
    ("breadcrumb", r"breadcrumb|crumbs"),
    ("pagination", r"paginat|pager|page-numbers|pagenav"),
    ("footer", r"footer|colophon|copyright|contentinfo"),
    ("header", r"header|masthead|topbar|banner"),
    ("sidebar", r"sidebar|side-bar|aside|complementary|rail|secondary"),
    ("widget", r"widget"),
    ("comment", r"comment|disqus|respond"),
    ("related", r"related|recommend|more-|also|popular|trending|suggest|youmay|you-may|readmore|read-more|further|next-post|prev-post|nextpost"),
    ("share", r"share|sharing|social|sociable|addthis|sharethis|facebook|twitter|linkedin|pinterest|whatsapp"),
    ("cookie", r"cookie|consent|gdpr|onetrust|\bcmp"),
    ("newsletter", r"newsletter|subscri|signup|sign-up|optin|opt-in|mailchimp|email-capture|mc4wp"),
    ("ad", r"\bads?\b|\bad[-_]|[-_]ads?\b|advert|sponsor|\bdfp|adsense|adslot|dfp-|googletag|taboola|outbrain"),
    ("promo", r"promo|\bcta\b|call-to-action|upsell|offer"),
    ("modal", r"modal|popup|overlay|lightbox|dialog|drawer|offcanvas"),
    ("hidden", r"hidden|\bhide\b|sr-only|screen-reader|visually-hidden|d-none|invisible|offscreen"),
    ("article", r"article"),
    ("content", r"content"),
    ("post", r"post"),
    ("entry", r"entry"),
    ("body", r"body"),
    ("main", r"main"),
    ("story", r"story"),
    ("text", r"text|\btxt|prose|rich-?text|\brte\b|wysiwyg|markdown|copy\b"),
    ("caption", r"caption|credit|figcaption"),
    ("author", r"author|byline|writer|contributor"),
    ("date", r"date|time|timestamp|published|posted"),
    ("meta", r"meta"),
    ("tag", r"\btags?\b|tag-|categor|label|topic"),
    ("title", r"title|headline|heading"),
    ("lead", r"lead|standfirst|\bdek\b|summary|excerpt|intro|subtitle|subhead|description"),
    ("card", r"card|teaser|tile|thumb|\bitem|grid|\btease"),
    ("product", r"product|price|cart|\bsku|\bbuy|shop|checkout|variant|quantity"),
    ("review", r"review|rating|stars"),
    ("doc", r"\bdocs?\b|documentation|manual|\bapi\b|reference"),
    ("code", r"\bcode|highlight|syntax|hljs|prism|sourcecode|codehilite"),
    ("forum", r"forum|thread|topic|message|repl(y|ies)|answer|question|discussion|\bvote"),
    ("faq", r"faq|accordion|collaps|toggle|\btabs?\b"),
    ("form", r"form|search|login|signin|sign-in|register|\binput|\bbtn|button"),
    ("brand", r"\bicon|logo|brand"),
    ("skip", r"\bskip"),
    ("toc", r"\btoc\b|table-of-contents|contents-list"),
    ("tools", r"print|\btools?\b|util|actions"),
    ("bio", r"\bbio\b|about|profile"),
    ("legal", r"legal|disclaim|terms|privacy|policy"),
    ("alert", r"alert|notice|banner|announcement|notification|toast"),
    ("paywall", r"paywall|premium|meter|locked|subscriber"),
    ("schema_body", r"articlebody|reviewbody|\bmaincontentofpage\b"),
)
TOKEN_NAMES = tuple(name for name, _ in TOKEN_GROUPS)
_TOKEN_RES = tuple((1 << i, re.compile(p)) for i, (_, p) in enumerate(TOKEN_GROUPS))
_ANY_TOKEN = re.compile("|".join(f"(?:{p})" for _, p in TOKEN_GROUPS))
_SPLIT_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_DIGITS = re.compile(r"\d\d*")  # (= \d+; a leading single class lets `re` skip to the first digit fast)

# --------------------------------------------------------------------------- word masks
# `_word_mask` must equal `_word_mask_reference` (48 regex searches per word, slow on the many
# class names seen once). Every top-level alternative of a group's pattern is either a literal
# or a regex with a mandatory literal core ("\\bads?\\b" -> "ad"). A scan finds, at every
# position of the word, the longest literal or core there (a trie regex, greedy); the
# literals and cores matching at that position are exactly its prefixes, so each found string
# maps to a precomputed (group bits, groups to confirm) pair. A group whose core was found is
# confirmed with its own regex; a group with an alternative without a core is always searched.
_META = frozenset("\\.^$*+?{}[]()|")


def _split_top(pattern: str) -> list[str]:
    """Top-level alternatives of a pattern ('a|b(c|d)' -> ['a', 'b(c|d)'])."""
    out, depth, cur, esc = [], 0, [], False
    for ch in pattern:
        if esc:
            esc = False
        elif ch == "\\":
            esc = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    out.append("".join(cur))
    return out


def _core(alt: str) -> str:
    """The longest run of literal characters every match of `alt` contains ('' if unsure)."""
    runs, cur, i, n = [], "", 0, len(alt)
    while i < n:
        ch = alt[i]
        if ch == "\\":  # an escape: \\b is zero-width, others match one unknown character
            runs.append(cur)
            cur, i = "", i + 2
        elif ch in "[(":  # a class or group: one unknown piece; skip to its end
            runs.append(cur)
            cur, depth = "", 0
            while i < n:
                if alt[i] == "\\":
                    i += 2
                    continue
                depth += alt[i] in "[("
                depth -= alt[i] in "])"
                i += 1
                if depth == 0:
                    break
        elif ch in "?*{":  # the quantified character is optional
            runs.append(cur[:-1])
            cur = ""
            i = alt.index("}", i) + 1 if ch == "{" else i + 1
        elif ch in _META:  # "+" (the character is there, maybe repeated), ".", "^", "$"
            runs.append(cur)
            cur, i = "", i + 1
        else:
            cur += ch
            i += 1
    runs.append(cur)
    return max(runs, key=len)


def _literal_index() -> tuple[re.Pattern[str], dict[str, tuple[int, int]], int]:
    found: dict[str, list[int]] = {}  # literal -> [group bits it proves, group bits it suggests]
    always = 0
    for i, (_, pattern) in enumerate(TOKEN_GROUPS):
        for alt in _split_top(pattern):
            if not _META.isdisjoint(alt):
                core = _core(alt)
                if len(core) < 2:
                    always |= 1 << i
                else:
                    found.setdefault(core, [0, 0])[1] |= 1 << i
            else:
                found.setdefault(alt, [0, 0])[0] |= 1 << i
    payload = {}
    for word in found:
        proves = suggests = 0
        for other, (p, s) in found.items():
            if word.startswith(other):
                proves |= p
                suggests |= s
        payload[word] = (proves, suggests)
    return re.compile(trie_pattern(sorted(found))), payload, always


_LIT_SCAN, _LIT_PAYLOAD, _ALWAYS_SEARCH = _literal_index()
_RES_OF_BIT = {bit: rx.search for bit, rx in _TOKEN_RES}


def _word_mask_reference(word: str) -> int:
    low = _SPLIT_CAMEL.sub("-", word).lower().replace("_", "-")
    mask = 0
    if not _ANY_TOKEN.search(low):
        return 0
    for bit, rx in _TOKEN_RES:
        if rx.search(low):
            mask |= bit
    return mask


@memo(65536)
def _word_mask(word: str) -> int:
    # (a word without capitals needs neither the camel split nor lower-casing)
    low = (word if word.islower() else _SPLIT_CAMEL.sub("-", word).lower()).replace("_", "-")
    mask = 0
    check = _ALWAYS_SEARCH
    payload = _LIT_PAYLOAD
    search = _LIT_SCAN.search
    m = search(low)
    while m is not None:  # every position with a literal (matches may overlap)
        proves, suggests = payload[m.group()]
        mask |= proves
        check |= suggests
        m = search(low, m.start() + 1)
    check &= ~mask
    while check:  # the groups to confirm, lowest bit first
        bit = check & -check
        if _RES_OF_BIT[bit](low):
            mask |= bit
        check ^= bit
    return mask


def token_mask(value: str, cache: dict[str, int]) -> int:
    """Bit mask of TOKEN_GROUPS matched by a class/id/role string (cached per page)."""
    mask = cache.get(value)
    if mask is None:
        mask = cache[value] = value_mask(value)
    return mask


@memo(65536)
def value_mask(value: str) -> int:
    """token_mask of a whole attribute string (the same strings recur across a site's pages):
    the OR of its words' masks, every digit run read as one "0". (The same masks as when only
    words of 3+ characters were normalised: a word of 1-2 characters with a digit matches no
    group either way, see the tests.)"""
    return reduce(or_, map(_word_mask, _DIGITS.sub("0", value).split()), 0)
