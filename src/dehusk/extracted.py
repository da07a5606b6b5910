"""Text already extracted: an input with no page furniture at all is an article someone cut out before.

A whole page's dump, whatever renderer made it, carries furniture: menu and account links ("Sign
in", "Home"), share rows, "Read more" teasers, a copyright footer, a cookie notice. An article that
a tool or a corpus already extracted carries none, and its short lines (a product's spec list, a
listing's items, a recipe's ingredients, subheadings) are its content, although they look like a
menu to the line model. Such an input keeps every line, its repeated paragraphs and its
contents list (a dump's duplicates, contents and orphaned headings are cut: not an extracted
article's); its byline, dates and credit line are read as on any page, and its headline is its
first line when that reads as one (`extracted_headline`). Related-story, comment and review
sections are still labelled as such.

Given as input (headline, blank line, text), 740 of wcxb-dev's 1,358 gold articles and 155 of
scrapinghub's 181 are read as extracted, against 6 of wcxb-dev's `text/` dumps and 7 of its
`text-alt/` ones (1 and 1 of scrapinghub's): nearly every page's dump shows some furniture.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from .features_words import COPYRIGHT_MAX_WORDS, SHARE_TOOLS_MAX_WORDS, copyright_line, share_tools
from .notices import TOC_LABEL, notice_reason

FURNITURE_WORDS = 12  # a furniture line is a short one: a menu item, a share row, a teaser's link
EXTRACTED_MIN_WORDS = 20  # a shorter input is read as it is (too little to tell)
SENTENCE_WORDS = 8  # an article holds a sentence this long (15 of the 895 gold articles so read have none)
EXTRACTED_MIN_KEPT = 0.1  # share of the words the line model keeps (5 of the 916 gold articles with no furniture keep less)
EXTRACTED_REASON = "already-extracted text (no menu, share, teaser, notice or copyright line on the page)"
# languages as a site's language menu names them, each alone on its line ("English" over "Norsk")
ENDONYMS = frozenset({
    "english", "deutsch", "français", "español", "italiano", "português", "nederlands", "norsk", "norsk bokmål",
    "nynorsk", "svenska", "dansk", "suomi", "íslenska", "polski", "čeština", "slovenčina", "slovenščina", "magyar",
    "română", "hrvatski", "srpski", "српски", "български", "eesti", "latviešu", "lietuvių", "türkçe", "ελληνικά",
    "русский", "українська", "català", "euskara", "galego", "日本語", "中文", "简体中文", "繁體中文", "한국어",
    "العربية", "עברית", "فارسی", "हिन्दी", "ไทย", "tiếng việt", "bahasa indonesia", "bahasa melayu", "filipino",
})
_MENU_MARKS = " \t•·*-–|/"


# a menu glued into one line ("NewsSportWeatherTravelJobs", a dump that joins elements without
# white space): 5+ lower-to-upper joins, one per 4 words or more (prose has a few: "JavaScript")
_GLUE = re.compile(r"[a-z][A-Z]")
GLUED_MIN, GLUED_SHARE = 5, 0.25


def _glued_menu(text: str, words: float) -> bool:
    if len(text) < 6 * GLUED_MIN or text.isupper() or text.islower():
        return False
    joins = len(_GLUE.findall(text))
    return joins >= GLUED_MIN and joins >= GLUED_SHARE * words


def has_furniture(texts: Sequence[str], f: dict[str, np.ndarray], marked: Callable[[], Sequence[bool]] | None = None) -> bool:
    """Whether one of the page's lines is furniture: a short line with menu, share or "read more"
    wording (the features' phrase flags), a copyright line, a share row, a page notice (not a
    contents list's label: articles have them), a language menu (two languages' names on lines of
    their own, one under the other), a menu glued into one line, or a line the caller marks
    (`marked()` gives a flag a line: a text browser's image or form placeholders, a menu's row of
    capitalised names; asked only when the phrase flags found none)."""
    short = f["_words"] <= FURNITURE_WORDS
    if np.any(short & ((f["re_nav"] > 0) | (f["re_social"] > 0) | (f["re_more"] > 0))):
        return True
    if marked is not None and any(marked()):
        return True
    language = False  # the line before is a language's name alone
    for text, words in zip(texts, f["_words"].tolist(), strict=True):
        was, language = language, words <= 3 and text.strip(_MENU_MARKS).lower() in ENDONYMS
        if (was and language) or _glued_menu(text, words) or (words <= COPYRIGHT_MAX_WORDS and copyright_line(text)) or (
                words <= SHARE_TOOLS_MAX_WORDS and share_tools(text)) or notice_reason(text) not in (None, TOC_LABEL):
            return True
    return False


def already_extracted(texts: Sequence[str], f: dict[str, np.ndarray], keep: np.ndarray,
                      marked: Callable[[], Sequence[bool]] | None = None) -> bool:
    """True when the input shows no page furniture at all (see the module's note), has
    `EXTRACTED_MIN_WORDS` words or more, a sentence (`SENTENCE_WORDS` words or more, ending in
    one), and the line model keeps `EXTRACTED_MIN_KEPT` of its words (`keep`: its cut; what it
    drops nearly whole is no article: noise, a mis-decoded page, a renderer's list of links)."""
    words = f["_words"]
    total = float(words.sum())
    return (total >= EXTRACTED_MIN_WORDS and float(words[keep].sum()) >= EXTRACTED_MIN_KEPT * total
            and bool(np.any((words >= SENTENCE_WORDS) & (f["end_term"] > 0)))
            and not has_furniture(texts, f, marked))


HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 3, 20
# a first line with brackets (a placeholder, "[Section]") or a path's separators ("Shop › Mugs",
# "Blog | Guides") is a label or a breadcrumb, not the headline
_NOT_HEADLINE = re.compile(r"[\[\]|>›»]")
TEXT_WORDS = 15  # a sentence this long is the article's text: its headline stands above it


def extracted_headline(picked: int | None, texts: Sequence[str], f: dict[str, np.ndarray],
                       meta_lines: Sequence[int]) -> int | None:
    """The headline's line of an extracted article: the first line when the picker took it or
    when it reads as one (3 to `HEADLINE_MAX_WORDS` words, no sentence or clause end (".", ",",
    ";", ":"), no bracket or path separator, a blank line under it), else the picker's line if
    it stands above the text (its first sentence of `TEXT_WORDS` words or more), else none: a
    heading inside the text is no headline."""
    if picked == 0:
        return 0
    if len(texts) > 1 and 0 not in meta_lines:
        first = texts[0].rstrip()
        if (HEADLINE_MIN_WORDS <= f["_words"][0] <= HEADLINE_MAX_WORDS and first[-1:] not in ".,;:"
                and f["blank_after"][0] > 0 and not _NOT_HEADLINE.search(first)):
            return 0
    if picked is None:
        return None
    text = np.flatnonzero((f["_words"] >= TEXT_WORDS) & (f["end_term"] > 0))
    return picked if not len(text) or picked < int(text[0]) else None
