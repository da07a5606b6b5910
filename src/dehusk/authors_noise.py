"""Noise removal for `authors`: what is not a name in a credit line (emails, URLs, handles, emoji,
"Follow"/"View all posts" phrases, dates, times, relative times, weekdays) is cut out."""

from __future__ import annotations

import re
import unicodedata

from .dates import MONTH_PATTERN, find_dates, has_date_hint

_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URL = re.compile(r"(?i)(?:https?://|www\.)\S+|\b\S+\.(?:com|org|net|co\.uk|de|fr)\b\S*")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\u20e3]")
_JUNK = re.compile(
    r"(?i)(?<!\w)(?:e-?mail(?: the)? author|contact(?: the)? author|email|follow(?: (?:me|us|him|her))?"
    r"(?: on \w+)?|view all (?:posts|articles|stories)(?: by)?|see all (?:posts|articles|stories)(?: by)?|"
    r"more (?:from|by|articles by|stories by)|read more(?: from)?|about the author|read full bio|"
    r"full bio|author profile|'s avatar|avatar|'s picture|twitter|facebook|linkedin|instagram|"
    r"opens in new window|verified|show more)(?!\w)"
)
_RELATIVE = re.compile(
    r"(?i)(?<!\w)(?:\d+\s*(?:seconds?|secs?|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|"
    r"months?|years?|yrs?)\s+ago|(?:vor|il y a|hace|fa|há)\s+\d+\s+\w+|yesterday|today|just now|"
    r"gestern|heute|hier|aujourd'hui|ayer|hoy|ieri|oggi|ontem|hoje|gisteren|vandaag|wczoraj|dzisiaj|"
    r"včera|dnes|igår|idag|вчера|сегодня|вчора|сьогодні|dün|bugün|\d+\s*min(?:ute)?s?\s+read|"
    r"reading time)(?!\w)"
)
_TIME = re.compile(
    r"(?i)(?<!\d)\d{1,2}[:h.]\d{2}(?::\d{2})?(?!\d)\s*(?:[ap]\.?m\.?)?\s*(?:uhr\b)?\s*"
    r"(?-i:UTC|GMT|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST|IST|ET|PT|MEZ|MESZ)?"
)
_PARTIAL_DATE = re.compile(
    rf"(?i)(?<!\d)\d{{1,2}}(?:st|nd|rd|th|er)?\.?\s*(?:de\s+)?{MONTH_PATTERN}\.?|"
    rf"{MONTH_PATTERN}\.?\s*\d{{1,2}}(?:st|nd|rd|th)?(?!\d)|(?<!\d)\d{{1,2}}[./]\d{{1,2}}\.?(?![\d/])"
)
_WEEKDAY = re.compile(
    r"(?i)(?<!\w)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|"
    r"mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|"
    r"sabato|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|(?:mon|tue|tues|wed|thu|thur|"
    r"thurs|fri|sat|sun)(?=[.,]))(?!\w)\.?,?"
)
# words (lower case) one of which each branch of the pattern that can match ASCII text holds
_JUNK_WORDS = ("mail", "contact", "follow", "view all", "see all", "more", "author", "bio", "avatar", "picture",
               "twitter", "facebook", "linkedin", "instagram", "window", "verified")
_RELATIVE_WORDS = ("ago", "vor", "il y a", "hace", "fa", "day", "just now", "gestern", "heute", "hier", "aujourd'hui",
                   "ayer", "hoy", "ieri", "oggi", "ontem", "hoje", "gisteren", "vandaag", "wczoraj", "dzisiaj", "dnes",
                   "idag", "read")
_WEEKDAY_WORDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun", "tag", "mittwoch", "ndi", "rdi", "edi", "udi",
                  "dimanche", "lunes", "martes", "jueves", "viernes", "domingo", "sabato", "dag")


def _norm(text: str) -> str:
    if text.isascii():  # NFC and the replacements below leave ASCII as it is
        return " ".join(text.split())
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\u2019", "’")
    return " ".join(text.split())


_ANY_DIGIT = re.compile(r"\d").search


def _may_match(text: str, words: tuple[str, ...]) -> bool:
    """False when `text` is ASCII and holds none of `words` (lower case) in any case: then a
    case-insensitive pattern each of whose branches that can match ASCII text holds one of them
    cannot match (for ASCII text `(?i)` is the lower-case comparison)."""
    if not text.isascii():
        return True
    return any(map(text.lower().__contains__, words))  # (map: no generator frames)


# a given name, a capitalised word in brackets, a surname: a maiden name or a nickname
# ("Priyanka (Sen) Dutta", "Robert (Bob) Hale"); not "Jane Doe (Reuters) London"
_MIDDLE_PAREN = re.compile(r"(?<![\w.’'] )(?<![\w.’'])([A-Z][^\W\d_]+) \([A-Z][^\W\d_]+\) (?=[A-Z])")


def _remove_noise(text: str) -> str:
    text = _norm(text)
    if "(" in text:  # "Priyanka (Sen) Dutta": the name around it
        text = _MIDDLE_PAREN.sub(r"\1 ", text)
    # each pattern needs a character (or a word) the text may not hold: skip those that cannot match
    if "@" in text:
        text = _EMAIL.sub(" ", text)
    if "." in text or "://" in text:
        text = _URL.sub(" ", text)
    if "@" in text:
        text = _HANDLE.sub(" ", text)
    if not text.isascii():
        text = _EMOJI.sub(" ", text)
    if _may_match(text, _JUNK_WORDS):
        text = _JUNK.sub(" ", text)
    if has_date_hint(text):
        for d in reversed(find_dates(text)):
            text = text[: d.start] + " | " + text[d.end :]
    if _may_match(text, _RELATIVE_WORDS):
        text = _RELATIVE.sub(" | ", text)
    if _ANY_DIGIT(text):  # times and partial dates hold a digit
        text = _TIME.sub(" | ", text)
        text = _PARTIAL_DATE.sub(" | ", text)
    return _WEEKDAY.sub(" ", text) if _may_match(text, _WEEKDAY_WORDS) else text


