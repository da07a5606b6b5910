"""Mojibake repair: UTF-8 text that was once decoded as Windows-1252 or Latin-1 ("itâ€™s", "cafÃ©").

Crawls store such pages (a page re-encoded by a proxy, a CMS or an earlier pipeline): the bytes
are valid UTF-8, so no charset detection can see the damage. The repair is ftfy's (the library
made for it, as datatrove's FTFY formatter uses it), limited to the encoding fixes: quotes,
ligatures, widths and HTML entities are left as they are.

ftfy reads every character, so a fast test comes first: mojibake of UTF-8 always holds a lead
byte's character (U+00C2-U+00F4 read as Latin-1) followed by a continuation byte's (U+0080-U+00BF,
or what Windows-1252 maps 0x80-0x9F to); Windows-1252 read as Latin-1 leaves C1 controls. Clean
text almost never has either; when it does, ftfy's own test of badness decides and the text comes
back unchanged.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

# a lead byte (C2-F4) read as Latin-1, then a continuation byte (80-BF) read as Latin-1 or Windows-1252
_SUSPECT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|[\u0080-\u009f]"  # a C1 control: Windows-1252 read as Latin-1 ("that\x92s")
)


# the lead characters of the usual mojibake (Latin-1 letters, punctuation, Latin Extended, Cyrillic,
# emoji) and the C1 controls of Windows-1252's quotes, dashes and bullet: one fast substring test
# each comes before the pattern, which reads every character (10 times the cost on a page)
_MARKS = ("Ã", "Â", "â", "Å", "Ä", "Ð", "Ñ", "ð", "\x92", "\x93", "\x94", "\x95", "\x96", "\x97")


def suspect(text: str | None) -> bool:
    """True when `text` may hold mojibake (a cheap test: ftfy decides). Not tested for: the rarer
    lead characters (CJK's, read as "æ", "ç", "è", ...), which are common in clean Latin text."""
    if not text or text.isascii():
        return False
    return any(mark in text for mark in _MARKS) and _SUSPECT.search(text) is not None


@cache
def _fixer() -> tuple[Any, Any]:
    import ftfy  # (imported on the first suspect text only: most pages never need it)

    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False, remove_control_chars=False,
        normalization=None, explain=False,
    )
    return ftfy.fix_text, config


def fix_mojibake(text: str) -> str:
    """`text` with UTF-8-read-as-Windows-1252 sequences decoded back; clean text is returned as is.
    Only the suspect lines go through ftfy (which fixes a text line by line too)."""
    if not suspect(text):
        return text
    fix_text, config = _fixer()
    search = _SUSPECT.search
    return "".join(fix_text(line, config) if search(line) else line for line in text.splitlines(keepends=True))
