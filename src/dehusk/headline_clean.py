"""Text mode, metadata: a headline line made clean. What a dump prints around a headline on its
line goes (a breadcrumb trail before it, a text browser's button and text-box marks, an alt text's
or a label's words, a link aggregator's domain and points, a date in words, the site's name), and
the headline stays (`headline_text`)."""

from __future__ import annotations

import re

from .dates import find_dates, has_date_hint
from .metadata_title import site_keys, strip_site

_TOK = re.compile(r"\w+")

# a breadcrumb trail: "Home › Guides › The headline", "You are here: Site » Section » The headline"
_CRUMB_SEP = re.compile(r"\s+(?:»|›|>|/|→|::)\s+|\s*(?:»|›|→)\s*")
_CRUMB_GLUED = re.compile(r"\s*>\s*")
_CRUMB_HOME = re.compile(r"(?i)^\W*(?:home(?:\s*page)?|startseite|accueil|inicio|início|strona główna|you are here:?.*)\W*$")


def strip_breadcrumb(line: str) -> str:
    """The last step of a breadcrumb trail (three steps or more, or two from "Home"), which is
    the page's own headline; any other line as it is."""
    if not any(sep in line for sep in ("»", "›", ">", "/", "→", "::")):
        return line
    parts = [part.strip() for part in _CRUMB_SEP.split(line) if part.strip()]
    if len(parts) >= 3 or (len(parts) == 2 and _CRUMB_HOME.match(parts[0])):
        return parts[-1]
    if ">" in line:  # a trail from "Home" with its ">" glued to the step after it ("Home >Guides >...")
        parts = [part.strip() for part in _CRUMB_GLUED.split(line) if part.strip()]
        if len(parts) >= 2 and _CRUMB_HOME.match(parts[0]):
            return parts[-1]
    return line


# what a dump prints around a headline on its line (an alt text's or a label's words, a link
# aggregator's domain and points, a date): `strip_decorations` drops them
_ALT_PREFIX = re.compile(  # (a bare "Image of the Year" is a headline: a modifier or a post's word is needed)
    r"(?i)^(?:(?:main|hero|featured|feature|header|cover|lead|product|thumbnail|gallery|alt view)\s+"
    r"(?:image|photo|picture|img|thumbnail)(?:\s+\d{1,3}\s+of\s+\d{1,3}\s*[-–—:|]\s*|(?:\s+\d{1,3})?\s+(?:of|for)\s+"
    r"(?:(?:the\s+)?(?:blog\s+)?(?:post|article|story)\s*:?\s+)?)"
    r"|(?:image|photo|picture|img|thumbnail)\s+(?:of|for)\s+(?:the\s+)?(?:blog\s+)?(?:post|article|story)\s*:?\s+)"
    r"(?=\S)")
_COUNTER_SUFFIX = re.compile(r"(?i)(?:,\s+\d{1,3}\s+of\s+\d{1,3}|\s+(?:image|photo|picture)\s+\d{1,3})\s*$")
_LABEL_PREFIX = re.compile(r"(?i)^(?:title|titel|titre|título|titolo|tytuł|q|question|collection)\s*:\s*(?=\S)")
_DOMAIN_SUFFIX = re.compile(r"\s+\((?:[\w-]+\.)+[a-z]{2,}(?:/[^\s)]*)?\)(?:\s+\d{1,6})?\s*$")
_DATE_SEP = " \t/|·•–—-,:"
# a form's text box a text browser draws after it ("____"), a separator left hanging ("r/example •")
_TRAILING_MARKS = re.compile(r"(?:\s+(?:_{3,}|[•·|]))+\s*$")
# a text browser's button label, a table's cell borders as pandoc draws them ("| | <headline> | |")
_LEADING_MARKS = re.compile(r"^\s*(?:\(BUTTON\)\s*|(?:\|\s*)+(?=[^|\s]))")


def _words(text: str) -> int:
    return len(_TOK.findall(text))


def strip_decorations(line: str) -> str:
    """A headline line without what a dump prints around it: a text browser's "(BUTTON)" or text
    box ("____"), pandoc's table borders, a separator left hanging; the same words twice (a link's
    text and its title); an image's alt-text wording around a headline ("Main image of
    <headline>", "<headline>, 2 of 7"), a label ("Title:", "Q:", "Collection:"), a link
    aggregator's "(example.com) 87", a date in words before or after it ("Apr 9 2025 <headline>",
    "<headline> October 3rd, 2021"). Each only when a headline stays (a word after a label, two
    after an alt text's words or before a date, three after one)."""
    out = _TRAILING_MARKS.sub("", _LEADING_MARKS.sub("", line)).strip() or line.strip()
    words = out.split()
    half = len(words) // 2
    # the same words twice ("Coffee history Coffee history": a link's text and its title)
    if half >= 2 and len(words) % 2 == 0 and len(set(words[:half])) >= 2:
        first, second = " ".join(words[:half]).rstrip(",;|·•-–— "), " ".join(words[half:])
        if first == second:
            out = second
    for pattern, least in ((_ALT_PREFIX, 2), (_LABEL_PREFIX, 1), (_COUNTER_SUFFIX, 2), (_DOMAIN_SUFFIX, 2)):
        rest = pattern.sub("", out, count=1).strip()
        if rest != out and _words(rest) >= least:
            out = rest
    dates = find_dates(out) if has_date_hint(out) else []
    # a date in words ("Apr 9 2025"); a numeric one is often a series' part of its headline
    # ("Weekly Wrap-Up 03/14/2025", "Update 2024-05-02", "2023.9.1 -> 2023.10.0 issue")
    if len(dates) == 1 and any(c.isalpha() for c in out[dates[0].start:dates[0].end]):
        d = dates[0]
        rest, least = out, 3
        if d.start == 0:  # ("January 6, 2021: The day ..." is a headline: a colon after the date keeps it)
            rest = out if out[d.end:].lstrip()[:1] == ":" else out[d.end:].lstrip(_DATE_SEP)
        elif not out[d.end:].strip(_DATE_SEP + ".") and out[d.start - 1:d.start].isspace():
            # ("... / Apr 9 2025", "Winter Pruning Notes October 3rd, 2021"; but "What happened on 12
            # March 2020": after a lower-case word the date is the headline's)
            # ("Posts: 14 Joined: Tue Mar 5, 2024" is a meta line: a label's colon before the date)
            head = out[:d.start].rstrip()
            last = head.split()[-1] if head.split() else ""
            labelled = ":" in "".join(head.split()[-2:])
            if not labelled and (head[-1:] in _DATE_SEP or not last.isalpha() or not last.islower()):
                rest, least = head.rstrip(_DATE_SEP), 2
        if rest != out and _words(rest) >= least and not find_dates(rest):
            out = rest
    return out


def headline_text(line: str, url: str | None) -> str:
    """The headline of the picked title line without a breadcrumb trail before it, without the
    decorations of `strip_decorations` and without the site's name ("... | Example News", a
    page's <title> as some renderers print it), by HTML mode's rules (`metadata_title.strip_site`)."""
    line = strip_decorations(strip_breadcrumb(line))
    return strip_site(line, site_keys([], url)) or line
