"""A forum thread's author from the page text: the labels forum software prints with the thread.

A thread's author is the one who started it, and forum software says so in words that survive
any text dump: XenForo's "Thread starter <name>" (in its translations: "Ersteller",
"Auteur de la discussion", "Autor del tema", ...), the older "Discussion in 'Forum' started by
<name>, <date>", the Stack Exchange question's "asked <date>" followed by its asker's
"<name>'s user avatar" (or name), and Discourse's header of a thread's first post, "<name> (<full
name>) <date>, <time> 1" (the 1 is the post's number), and phpBB's first post header "Post by <name> »
<date>", and the user panel classic forum software prints beside each post (a name over its
rank, post counts and "Joined: <date>"; the first post's is the starter's). Text mode takes that
name as the author before its byline picker, which has no notion of one-word user names; HTML mode
over its author picker.
"""

from __future__ import annotations

import re

from .authors import looks_like_person
from .features_words import STARTER_LABEL
from .names import GENERIC_USERS, user_name
from .segment_text import lines_containing

# "Thread starter alice", "• Thread starter Thread starter alice" (a visually hidden label repeated)
_LABEL = STARTER_LABEL
_STARTER = re.compile(rf"^[\W_]{{0,3}}(?:{_LABEL}\s*:?\s*)+(?P<name>\S.{{0,59}}?)\s*$", re.I)
# the label alone, its name on the next line (a definition list's term and description)
_LABEL_ONLY = re.compile(rf"^[\W_]{{0,3}}(?:{_LABEL}\s*:?\s*)+$", re.I)
# "Discussion in 'Bikes' started by alice, 2 March 2024.", "Started by alice · 3 days ago"
_STARTED = re.compile(r"(?:^|['’]\s+)(?i:started by|wurde erstellt von)\s+(?P<name>[^\s,·|][^,·|]{0,59}?)\s*(?:[,·|]|$)")
# phpBB's post header: "Post by alice » Sat Feb 24, 2024 12:41 pm", "by alice » 27 Aug 2019" (the
# first is the thread's)
_POST_BY = re.compile(r"^(?i:post\s?by|posted by|by)\s+(?P<name>\S.{0,59}?)\s+»(?=.{0,30}\d)")
# a question's "asked Feb 11, 2011 at 23:49", "asked 3 years ago", then "alice's user avatar"
_ASKED = re.compile(r"^asked\s+(?:[A-Z][a-z]{2,8}\.? \d{1,2}\b|\d+ \w+ ago|yesterday|today)", re.I)
_AVATAR = re.compile(r"^(?P<name>\S.{0,59}?)['’]s? user avatar$", re.I)
# Discourse's first post: "alice (Alice Lee) September 5, 2024, 11:15pm 1", "alice 2 May 2025 18:48 1"
_FIRST_POST = re.compile(r"^(?P<name>[^\s()]{2,40})(?: \([^()]{1,60}\))?\s+\S.{4,40}?\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s+1$",
                         re.I)
# a classic forum's user panel beside each post: "alice", "Senior Member", "Posts: 524", "Joined: Tue
# Mar 3, 2015" (phpBB, vBulletin, FluxBB, MyBB); the first post's is the thread starter's
_JOINED_NAMES = (r"(?:joined|join date|registered|member since|registriert|mitglied seit|inscrit le|inscription|"
                 r"registrado|iscritto)")
_JOINED_WORDS = rf"{_JOINED_NAMES}\s*:(?=[^\n]{{0,16}}\d)"  # (a date follows)
_JOINED = re.compile(rf"^\s*\W{{0,3}}{_JOINED_WORDS}\s*\S", re.I)
# the label alone, its date on the next line (XenForo's "Joined" / "Mar 3, 2015")
_JOINED_LABEL = re.compile(rf"^\s*\W{{0,3}}{_JOINED_NAMES}\s*:?\s*$", re.I)
_PANEL = re.compile(r"^\W{0,3}[^\W\d_][\w ]{0,20}:\s*[\d.,]+\s*$")  # "Posts: 524", "Threads: 23"
_RANK = re.compile(r"\b(?:member|owner|newbie|novice|poster|veteran|legend|rookie|regular|senior|junior|user|"
                   r"moderator|admin|guest|years?|level|rank|contributor|expert|supporter|enthusiast|addict|"
                   r"fanatic|guru|mitglied|membre|miembro|offline|online|disabled|banned)\b", re.I)
# the same on one line: "alice Posts: 7 Joined: Tue Mar 3, 2015", "bob Member Registered: 2015-03-03"
_PANEL_LINE = re.compile(rf"^\s*\W{{0,3}}(?P<name>[^\s:]{{2,40}})(?: [^\s:]+){{0,3}}?\s+"
                         rf"(?:(?:posts|beiträge|messages|mensajes|messaggi)\s*:\s*[\d.,]+\s+)?{_JOINED_WORDS}", re.I)
_HANDLE = re.compile(r"^(?=[^\W_]*[^\W\d_])[^\W_][\w.\-]{1,39}$")  # one token, a letter in it
_PANEL_BACK = 6  # lines above "Joined: ..." that may hold the name (over ranks, titles and counts)
_ONLINE = re.compile(r"\s+(?:offline|online)$", re.I)  # "alice Offline": her status
# the lines that can hold a label (a substring test spares the regexes the others): pieces without
# their first letter, whatever its case ("Thread Starter", "Asked"), and a Discourse first post's end
_HINTS = ("tarter", "rsteller", "tarted by", "rstellt von", "uteur de", "utor d", "utore d", "втор", "sked", "»",
          " 1\n", "oined", "oin Date", "egistered", "ember since", "egistriert", "itglied seit", "nscri", "egistrado",
          "scritto")
_ASKED_NEXT = 2  # lines after "asked <date>" that may hold the asker
MAX_LINE = 200


def joined_line(texts: list[str], i: int) -> bool:
    """Does line `i` give a forum user's registration date ("Joined: <date>", or the date under a
    "Joined" label), not a post's?"""
    return bool(_JOINED.match(texts[i]) or _PANEL_LINE.match(texts[i])
                or i > 0 and _JOINED_LABEL.match(texts[i - 1]))


def _name(raw: str) -> str | None:
    name = raw.strip(" .,:;·|•\"'“”")
    if user_name(name) or looks_like_person(name):
        return name
    return None


def thread_starter(texts: list[str]) -> tuple[int, str] | None:
    """(line, name) of the first thread-starter label of the page, or None."""
    # the lines that hold a hint or end in " 1" (a Discourse first post's header: the empty line
    # added gives the last line its newline)
    panel_seen = False
    for i in sorted(lines_containing([*texts, ""], _HINTS)):
        text = texts[i]
        if len(text) > MAX_LINE and len(text.strip()) > MAX_LINE:  # (a column's padding aside)
            continue
        if text.endswith(" 1") and (m := _FIRST_POST.match(text)) and (name := _name(m.group("name"))):
            return i, name
        if _LABEL_ONLY.match(text):
            if i + 1 < len(texts) and (name := _name(texts[i + 1])):
                return i + 1, name
            continue
        m = _STARTER.match(text) or _STARTED.search(text) or _POST_BY.match(text)
        if m:
            name = _name(m.group("name"))
            if name:
                return i, name
            continue
        if not panel_seen and (m := _PANEL_LINE.match(text)):  # the panel on one line
            panel_seen = True
            if name := _name(m.group("name")):
                return i, name
            continue
        if not panel_seen and (_JOINED.match(text) or _JOINED_LABEL.match(text) and i + 1 < len(texts)
                               and any(ch.isdigit() for ch in texts[i + 1][:20])):
            panel_seen = True  # (the first post's panel only: a later one is a reply's)
            for j in range(i - 1, max(-1, i - 1 - _PANEL_BACK), -1):
                line = _ONLINE.sub("", texts[j].strip())
                if line and not _PANEL.match(line) and not _RANK.search(line) and (
                        _name(line) == line or _HANDLE.match(line) and line.casefold() not in GENERIC_USERS):
                    return j, line  # (a panel's user name may be any handle: "ZEPHYRX" is no agency there)
            continue
        if _ASKED.match(text):
            for j in range(i + 1, min(i + 1 + _ASKED_NEXT, len(texts))):
                m = _AVATAR.match(texts[j])
                if m and (name := _name(m.group("name"))):
                    return j, name
            if i + 1 < len(texts) and (name := _name(texts[i + 1])) and name == texts[i + 1].strip():
                return i + 1, name  # (a dump without the avatar's alt text: the name itself)
    return None
