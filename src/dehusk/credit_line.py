"""Credit lines: a short line at an article's edge that names its source ("(FRANCE 24 with
wires)", "Source: AFP", "— Reuters", "(dpa)"), and the news agency a byline names beside its
persons ("Anna Nowak (PAP)"). Read by text mode's metadata pass and, for HTML pages, by
`credit_block` over the kept blocks."""

from __future__ import annotations

import re

from .authors import byline_match, is_agency, is_bracket_agency, is_news_agency, source_prefix, split_credit
from .authors_words import SOURCE_LABELS, SOURCE_LABELS_BARE
from .blocks import Segment

CREDIT_LINE = re.compile(
    rf"^[(（]\s*([^()（）]{{2,60}})\s*[)）]$|^(?:{SOURCE_LABELS}|credit)s?\s*[:：]\s*(.{{2,60}})$"
    r"|^[-–—]\s*([^\W\d_][\w .&/-]{1,40})$"
    rf"|^(?:{SOURCE_LABELS_BARE})\s+(.{{2,60}})$",
    re.I,
)


CREDIT_MAX_CHARS = 70


def credit_of(text: str) -> tuple[str, bool] | None:
    """(the name, whether it is the source) for a short credit line under the article, else None.

    A credit's form ("(FRANCE 24 with wires)", "Source: AFP", "— Reuters") around an
    organisation's name makes it the source; a name alone on its line only when it is a news
    agency's ("Reuters", "The Associated Press"). Another organisation-like name alone there
    ("Our Services", "Recent News", "The Team") is a menu's or a heading's: no source, and no
    text of the article either."""
    if len(text) > CREDIT_MAX_CHARS:
        return None
    m = CREDIT_LINE.match(text.strip())
    if m:
        source = credit_form(m)
        return None if source is None else (source, True)
    name = text.strip()
    # (a question or an exclamation is a heading's or a prompt's: "What next for the media?")
    if len(text.split()) > 4 or name.endswith(("?", "!", "？", "！")) or not is_agency(name):
        return None
    return name, is_news_agency(name)


def credit_form(m: re.Match[str]) -> str | None:
    """The organisation a `CREDIT_LINE` match credits, or None (its name is a person's)."""
    inner = next(g for g in m.groups() if g)
    persons, orgs = split_credit(inner)
    return inner.strip() if (orgs and not persons) or is_agency(inner) else None


def agency_credit(text: str) -> str | None:
    """The news agency a credit in brackets names ("(AFP)", "（共同）": `authors.is_bracket_agency`), or None."""
    c = credit_of(text) if text[:1] in "(（" else None
    return c[0] if c and c[1] and is_bracket_agency(c[0]) else None


def named_agency(byline: str) -> str | None:
    """The first news agency a byline names beside its persons ("Anna Lindqvist/TT", "Anna Nowak (PAP)")."""
    return next((o for o in split_credit(byline)[1] if is_news_agency(o)), None)


def credit_block(texts: list[str], kept: list[int]) -> tuple[str, int] | None:
    """(the agency, its index) of a credit line at the article's edge, for pages whose blocks come
    without text mode's line metadata (HTML mode): the blocks around the last kept one (the credit
    under the article, "(dpa)", "Kaynak: AA") and around the first (an agency's "(AFP)" under the
    byline). Strict: a news agency by name in a credit's brackets or after its dash, or any name
    after a "Source:" label; never a name alone; `kept`: the indices of the kept blocks, in order."""
    if not kept:
        return None
    n, first, last = len(texts), kept[0], kept[-1]
    for i in [*range(max(last - 1, 0), min(last + 5, n)), *range(max(first - 4, 0), min(first + 4, n))]:
        t = texts[i].strip()
        if not t or len(t) > CREDIT_MAX_CHARS:
            continue
        m = CREDIT_LINE.match(t)
        if m is None:
            # a byline that names its agency ("Autor: Anna Nowak (PAP)", "By Ann Lee/TT")
            bm = byline_match(t)
            agency = named_agency(bm) if bm else None
            if agency is not None:
                return agency, i
            continue  # (a credit's form: a name alone on its line may be any heading's)
        name = credit_form(m)
        if name is not None and (source_prefix(t) or is_bracket_agency(name)):
            return name, i
    return None


# a wire story's dateline: the place (and the day), the agency in brackets, a dash, at the start of
# its first paragraph ("Hamburg (dpa) - Die Bahn ...", "WASHINGTON (AP) — ...", "LONDON, March 3
# (Reuters) - ...", "Madrid, 3 mar (EFE).- ...", "(AFP) - ...")
_DATELINE = re.compile(
    r"^(?:[^\W\d_][\w.'’ -]{0,40}?(?:,\s*[\w. ]{1,25}?)?\s*)?[(（]\s*([^()（）]{2,30}?)\s*[)）]\s*\.?\s*[-–—:]")


def dateline_agency(segments: list[Segment]) -> str | None:
    """The news agency a wire story's dateline names at the start of its first paragraph (the first
    block labelled lead or body), or None (strict: `authors.is_bracket_agency`, as in a credit's
    brackets)."""
    paragraph = next((s.text for s in segments if s.label in ("lead", "body")), "")
    if "(" not in paragraph[:80] and "（" not in paragraph[:80]:
        return None
    m = _DATELINE.match(paragraph[:100])
    return m.group(1) if m and is_bracket_agency(m.group(1)) else None
