"""Text mode: a page dumped as one run-on line (`html2txt`-style tools, `" ".join(text.split())`),
every line break gone, cut back into lines: at sentence ends, where a menu's run of capitalised
words meets the sentence after it, and, near the top, around the article's header as pages print
it (bylines with their names, dates with their labels, "Read more" links, forum labels), which
would otherwise stay glued to the menu before it and the text after it."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate, pairwise

from .dates import find_dates
from .features_words import MORE_PHRASES, STARTER_LABEL
from .names import NAME_JOINS, NAME_PARTICLES, name_evidence

# a sentence end inside a run-on line: terminal punctuation (and a closing quote), space, a capital
_SENTENCE_END = re.compile(r"(?<=[.!?…。！？])[\"”’»)]?\s+(?=[\"“„«(\[]?[^\W\d_a-zß-ÿ])")
# characters. A short page's whole text may be a few hundred characters: at 1,500 such a page dumped
# on one line stayed one block and mostly came out empty. Grouped CV, trafilatura's html2txt at
# 1,500 / 800 / 400: scrapinghub shingle F1 0.826 / 0.835 / 0.835 (3 pages of 1,295-1,408 characters
# now read), wcxb-dev word F1 0.793 / 0.796 / 0.797 (at 400: 12 pages better, 5 worse); `text/`,
# `text-alt/` (both datasets), the flattened, WET, `innerText`, html-text and pandoc renderings
# identical, BeautifulSoup's recipe 5 pages changed (+0.0004).
RUN_ON_MIN = 400


def run_on(lines: list[str]) -> bool:
    """Whether the whole page was dumped as one (or a few) run-on lines, all structure gone
    (`html2txt`-style tools): a line of RUN_ON_MIN+ characters holds most of the text."""
    if not lines or max(map(len, lines)) < RUN_ON_MIN:
        return False
    if len(lines) > 12:
        nonblank = sum(1 for ln in lines if ln.strip())
        if nonblank > 12:
            return False
    total = sum(map(len, lines))
    # prose: a space every 20 characters at least (a base64 blob is not a run-on page)
    longest = max((len(ln) for ln in lines if len(ln) >= RUN_ON_MIN and ln.count(" ") * 20 >= len(ln)), default=0)
    return longest >= RUN_ON_MIN and longest >= 0.7 * total


HEADER_CHARS = 50_000  # characters of a run-on line read for bylines and dates (the header is near the top)


def split_sentences(lines: list[str], headline_words: frozenset[str] = frozenset()) -> list[str]:
    """Cut run-on lines at sentence ends, so that menus and prose fall on different lines; a
    piece that opens with a menu (a run of capitalised words) is cut where its sentence starts, and
    runs of menu words inside it are cut out (`split_menu_runs`, which keeps a headline made of
    `headline_words`, the URL slug's, whole; not where capitals say nothing: `capitalised_prose`);
    in the first HEADER_CHARS characters, bylines and dates are cut out (`split_header`)."""
    out: list[str] = []
    cut_runs = not capitalised_prose(lines)
    for ln in lines:
        if len(ln) > 300:
            at = 0  # (where the piece starts, about: a byline or a date is looked for near the top)
            for piece in _SENTENCE_END.split(ln):
                for part in split_header(piece) if at < HEADER_CHARS else (piece,):
                    for head in split_menu_head(part):
                        out.extend(split_menu_runs(head, headline_words) if cut_runs else (head,))
                at += len(piece) + 1
        else:
            out.append(ln)
    return out


MENU_RUN, MENU_MIN_WORDS, SENTENCE_MIN_WORDS = 4, 8, 6


def _lower_start(word: str) -> bool:
    """The word's first letter is a lower-case one (a word without letters is not)."""
    for ch in word:
        if ch.isalpha():
            return ch.islower()
    return False


def split_menu_head(piece: str) -> list[str]:
    """`[menu, sentence]` when `piece` is menu words glued to the sentence after them ("Home News
    Sport Contact The minister said on Monday that ..."), else `[piece]`. The sentence is the
    last place where a capitalised word follows MENU_MIN_WORDS+ words under a third of which
    start lower-case, the last MENU_RUN of them none, and it runs SENTENCE_MIN_WORDS+ words, half
    of them lower-case. Linear in the words (prefix counts)."""
    words = piece.split(" ")
    n = len(words)
    if n < MENU_MIN_WORDS + SENTENCE_MIN_WORDS:
        return [piece]
    lower = [_lower_start(w) for w in words]
    before = list(accumulate(lower, initial=0))  # before[b]: lower-case words in words[:b]
    for b in range(n - SENTENCE_MIN_WORDS, MENU_MIN_WORDS - 1, -1):  # b: the sentence's first word
        if (not lower[b] and lower[b + 1] and before[b] == before[b - MENU_RUN]
                and before[b] * 3 < b and (before[n] - before[b]) * 2 >= n - b):
            return [" ".join(words[:b]), " ".join(words[b:])]
    return [piece]


# a page whose words after a lower-case one are capitalised this often writes its nouns so (German:
# about 0.39 on a test page; English pages dumped on one line: median 0.09, 95th percentile 0.29)
CAPITALISED_PROSE = 0.3


def capitalised_prose(lines: list[str]) -> bool:
    """Do capitals say nothing of menus on this page (`split_menu_runs` is then not used)? When the
    words that follow a lower-case word inside a sentence are capitalised CAPITALISED_PROSE of the
    time or more (German's nouns), or when most words start with a letter that has no case (Arabic,
    Hebrew, Hindi, Korean, Thai, Chinese: every word would read as a capitalised one)."""
    after = capital = cased = lettered = 0
    for ln in lines:
        words = ln.split()
        for w in words:
            ch = next((c for c in w if c.isalpha()), "")
            if ch:
                lettered += 1
                cased += ch.islower() or ch.isupper()
        for a, b in pairwise(words):
            if _lower_start(a) and a[-1] not in ".!?:" and any(map(str.isalpha, b)):
                after += 1
                capital += not _lower_start(b)
    return cased * 2 < lettered or capital >= CAPITALISED_PROSE * after


# a menu's run inside a piece of a run-on line (nav bars, footers and link lists between sentences:
# "... Ferry Times & Fares Harbour Tours Gift Cards Boat hire Contact Us ..."): MENU_RUN_WORDS+
# words, under a third of them starting lower-case, never two of those in a row, no word ending in
# punctuation (prose's lists of names have commas; a sentence runs lower-case words together)
MENU_RUN_WORDS = 10
_PUNCT_END = frozenset(",.;:!?")


def split_menu_runs(piece: str, headline_words: frozenset[str] = frozenset()) -> list[str]:
    """`piece` cut before and after each menu run in it (see MENU_RUN_WORDS); `[piece]` when none.
    A run that gives way to lower-case words ("... Privacy Policy Terms The minister said") ends
    before its last capitalised word: that word opens the sentence."""
    words = piece.split(" ")
    n = len(words)
    if n <= MENU_RUN_WORDS:
        return [piece]
    lower = [_lower_start(w) for w in words]
    stop = [w[-1:] in _PUNCT_END for w in words]
    cuts: list[int] = []
    i = 0
    while i < n:
        if lower[i] or stop[i]:  # a run starts at a capitalised word that ends no clause
            i += 1
            continue
        j = i + 1
        while j < n and not stop[j] and not (lower[j] and (lower[j - 1] or j == n - 1)):
            j += 1
        # words[i:j]: capitalised words and lone lower-case ones; it ends on a capitalised word
        last = max(k for k in range(i, j) if not lower[k])
        if j < n and lower[j] and last == j - 2:  # ("Terms The minister said": "The" opens the sentence)
            last = max((k for k in range(i, last) if not lower[k]), default=i - 1)
        if _menu_sized(lower[i : last + 1]):
            h = _headline_start(words, i, last + 1, headline_words) if headline_words else None
            if h is None:
                cuts += [i, last + 1]
            elif h > i:  # the menu before a title-case headline glued to it: cut off; the headline stays whole
                cuts.append(h)
        i = max(last + 1, i + 1)
    if not cuts:
        return [piece]
    bounds = sorted({0, *cuts, n})
    return [" ".join(words[a:b]) for a, b in pairwise(bounds)]


MENU_RUN_REASON = "a run of menu words on a page dumped on one line"


def menu_run(piece: str) -> bool:
    """Is `piece` one run of menu words as `split_menu_runs` cuts them out (MENU_RUN_WORDS+ words,
    under a third starting lower-case, never two of those in a row, none ending in punctuation)?"""
    words = piece.split()
    if any(w[-1] in _PUNCT_END for w in words):
        return False
    lower = [_lower_start(w) for w in words]
    return _menu_sized(lower) and not any(a and b for a, b in pairwise(lower))


def _menu_sized(lower: list[bool]) -> bool:
    """A run's words (True: starts lower-case) make a menu: MENU_RUN_WORDS of them or more, under a
    third starting lower-case."""
    return len(lower) >= MENU_RUN_WORDS and sum(lower) * 3 < len(lower)


def _headline_start(words: list[str], a: int, b: int, headline_words: frozenset[str]) -> int | None:
    """Where a title-case headline starts in the run `words[a:b]`: the first of the URL slug's words
    (of 3+ letters, not "the", "and", ...; "Beginner's" for "beginner") in the run followed by
    another within three words (the run's next words count), with the short words, numbers and
    small words and headline openers right before it ("The", "10", "My", "What is"); None when there
    is no such word. A run whose menu part is under MENU_RUN words opens with the headline: `a`."""
    end = min(b + HEADLINE_AFTER, len(words))
    slug = [bool(_slug_form(words[k], headline_words)) for k in range(a, end)]
    # the headline's first word: a slug word in the run with another among the three words after it
    # (a menu's item may be one of the slug's words: "Dental Care" before "... Top Dental Tips")
    h = next((a + k for k in range(b - a) if slug[k] and any(slug[k + 1 : k + 4])), None)
    if h is None:
        return None
    while h > a and ((w := _NOT_WORD.sub("", words[h - 1].casefold())) in _SMALL or w in _OPENERS or len(w) <= 2
                     or w.isdigit()):
        h -= 1
    return h if h - a >= MENU_RUN else a  # (a run that opens with the headline: not cut)


def _slug_form(word: str, headline_words: frozenset[str]) -> str:
    """The slug's word that `word` is ("Beginner's" -> "beginner"), or ""."""
    w = _NOT_WORD.sub("", word.casefold())
    if len(w) < 3 or w in _SMALL:
        return ""
    if w in headline_words:
        return w
    return w[:-1] if w.endswith("s") and w[:-1] in headline_words else ""


# words that open a headline before the slug's words ("What is ...", "Why ...", "My ...")
_OPENERS = frozenset(["what", "why", "how", "which", "when", "where", "who", "is", "are", "do", "does", "can", "should",
                      "will", "my", "your", "our", "this", "these", "here", "inside", "meet"])
HEADLINE_AFTER = 6  # words after a menu run that may hold the rest of a headline glued to it
_NOT_WORD = re.compile(r"[\W_]+")


# a byline's label inside a run-on line, before a capitalised word ("... Ferry Timetable By Ann Lee",
# "Written by: Ann Lee"): a capitalised label, as bylines print it (prose's "by" is lower-case)
_LABEL_FIRST = ("Written", "Posted", "Post", "Article", "Story", "Reported", "Words", "Text", "Reviewed", "Edited", "Photo",
                "Photos", "Video")
_BYLINE_LABEL = re.compile(
    r"(?:^|(?<=\S)\s+)(?=((?:(?:" + "|".join(_LABEL_FIRST) + r") by"
    r"|By|BY|Von|Par|Por|Door|Autor|Author|Auteur)\s*:?\s+)[^\W\d_a-zß-ÿ])"
)
# a date's label right before it ("Published on", "Updated:", "Last updated")
_DATE_LABEL = re.compile(r"(?:(?:(?:Last|Latest|Start|Release) )?(?i:published|updated|update|posted|modified|released|date)(?: on)?\s?:?|Publié le|"
                         r"Veröffentlicht(?: am)?:?|Publicado(?: el)?:?)\s*$")
# "Read more", "Weiterlesen", ... as a link prints them (not inside a sentence: a word edge on both sides)
_MORE = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, MORE_PHRASES), key=len, reverse=True)) + r")(?!\w)",
                   re.IGNORECASE)
# a lower-case "by" before a capitalised word (a byline when title-case words precede it: a headline)
_LOWER_BY = re.compile(r"(?<=\S)\s+(?=(by:?\s+)[^\W\d_a-zß-ÿ])")
# forum software's labels of a thread's author and start date, where a run-on page is cut
_FORUM_LABEL = re.compile(rf"(?<=\S)\s+(?=(?:{STARTER_LABEL}|start date)\b)", re.I)
# the lower-case words of a title-case headline ("Trends in 2025", "Tips for the Garden")
_SMALL = frozenset(["a", "an", "the", "of", "for", "to", "in", "on", "at", "and", "or", "with", "from", "vs", "vs."])
# a lower-case "by" right after a date (a blog's "Posted on May 3, 2024 by Ann Lee"), before a capital
_BY_AFTER_DATE = re.compile(r"\s+(?:[|•·⋅–—-]\s+)?by:?\s+(?=[^\W\d_a-zß-ÿ])")
# the word after a date that starts something new: a capitalised word, a digit, a symbol
_NEW_START = re.compile(r"\s+(?=[^\W_a-zß-ÿ]|[|•·⋅–—-]\s)")


def split_header(piece: str) -> list[str]:
    """`piece` (a stretch of a run-on line) cut around the article's header printed in it: before a
    byline's label ("By", "Written by", a lower-case "by" after a title-case headline or a date)
    and after the names that follow it; before a date (with its label: "Published on") unless a
    lower-case word precedes it, and after it when something new starts; around a "Read more"
    link; before forum software's "Thread starter" and "Start date". Only the first HEADER_CHARS
    characters are read."""
    cuts = set()
    head = piece[:HEADER_CHARS]  # (a piece may be a page's worth of text without a full stop)
    for m in _BYLINE_LABEL.finditer(head):
        cuts.add(m.start())
        end = _names_end(piece, m.end(1))
        if end is not None:
            cuts.add(end)
    for m in _LOWER_BY.finditer(head):  # "<Headline In Title Case> by Ann Lee"
        words = piece[max(0, m.start() - 80) : m.start()].split()[-4:]
        caps = [w[:1].isupper() or w[:1].isdigit() for w in words]
        if len(words) == 4 and caps[-1] and sum(caps) >= 3 and words[-1] not in _LABEL_FIRST \
                and all(c or w in _SMALL for c, w in zip(caps, words, strict=True)):
            end = _names_end(piece, m.end(1))
            if end is not None:
                cuts.update((m.start(), end))
    for m in _FORUM_LABEL.finditer(head):  # "<thread title> Thread starter alice Start date Jul 18, 2024"
        cuts.add(m.start())
    for m in _MORE.finditer(head):  # a teaser's "Read more" link: a line of its own
        if not m.group()[0].islower():
            cuts.update(m.span())
    for d in find_dates(head):
        if (m := _BY_AFTER_DATE.match(piece, d.end)) is not None:  # ("May 3, 2024 by Ann Lee", "... — by Ann Lee")
            cuts.add(d.end)
            end = _names_end(piece, m.end())
            if end is not None:
                cuts.add(end)
        elif _NEW_START.match(piece, d.end) is not None:
            cuts.add(d.end)
        k = _DATE_LABEL.search(piece, max(0, d.start - 30), d.start)
        start = k.start() if k is not None else d.start
        before = piece[max(0, start - 100) : start].rstrip()
        if before and not _lower_start(before.rsplit(None, 1)[-1]):
            cuts.add(start)
    return _cut(piece, cuts)


def _cut(text: str, cuts: set[int]) -> list[str]:
    """`text` cut at the positions `cuts`, each piece stripped, the empty ones dropped."""
    if not cuts:
        return [text]
    bounds = [0, *sorted(cuts), len(text)]
    return [part for a, b in pairwise(bounds) if (part := text[a:b].strip())]


# capitalised words that open a sentence, never a name ("By AFP The council ...")
_NOT_NAMES = frozenset(["the", "a", "an", "in", "on", "at", "for", "to", "of", "or", "with", "from", "this", "that",
                        "these", "our", "your", "his", "her", "its", "their", "it", "we", "you", "they", "he", "she"])


def _names_end(piece: str, at: int) -> int | None:
    """Where the names after a byline's label (they start at `at`) end, when more follows them on the line:
    capitalised words (and name particles), two or three a name (three when the third ends in a
    known surname), names joined by "and" or a comma; None when nothing follows, or when the first
    name is one word (no person's name: "By Monday, the council ...")."""
    pos = at
    end = None
    cur: list[str] = []
    for w in re.finditer(r"\S+", piece[pos : pos + 200]):
        word = w.group()
        bare = word.strip(",;")
        low = bare.casefold()
        if (low in NAME_JOINS or word == ",") and (cur or end is not None):
            cur = []
            continue
        if not bare or not (bare[0].isupper() or low in NAME_PARTICLES) or not bare.replace("-", "").replace(".", "").isalpha() \
                or low in _NOT_NAMES:
            break
        if len(cur) == 2 and (bare == cur[0] or name_evidence([" ".join([*cur, bare])])[1] < 1.0):
            break
        if len(cur) == 3:
            break
        cur.append(bare)
        end = pos + w.start() + len(word.rstrip(",;"))
        if word.endswith((",", ";")):
            cur = []
    if end is None or len(piece[pos:end].split(None, 1)) < 2 or "," in piece[pos:end].split(None, 1)[0]:
        return None  # (one word is no person's name: "By Monday, the council ...")
    if not piece[end : end + 20].strip(" ,;"):  # (nothing after the names)
        return None
    return end


# a letter against a digit, or a lower-case letter against a capital: where glued words may hide a date
_GLUE_HINT = re.compile(r"[^\W\d_](?=\d)|\d(?=[^\W\d_])|[a-z](?=[A-Z])")


# a date with its month written out, whose year digits run on into a count printed after it
# ("Dec 18, 20251" : the date, then "1 Share")
_YEAR_THEN_DIGITS = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2}, (?:19|20)\d\d(?=\d)")


def glued_dates(line: str) -> list[str]:
    """`line` cut around each date glued to a letter on either side ("Ann LeeDecember 17, 2025TLDR The
    ..." -> "Ann Lee", "December 17, 2025", "TLDR The ..."), as `get_text()` glues adjacent elements;
    the line itself otherwise (only its first HEADER_CHARS characters are read)."""
    if len(line) < 20 or not _GLUE_HINT.search(line):
        return [line]
    glued_year = {m.end() for m in _YEAR_THEN_DIGITS.finditer(line, 0, HEADER_CHARS)}
    if glued_year:  # a year glued to a count after it ("Dec 18, 20251Share"): read apart first
        return [part for piece in _cut(line, glued_year) for part in glued_dates(piece)]
    cuts = set()
    for d in find_dates(line[:HEADER_CHARS]):
        if d.start > 0 and line[d.start - 1].isalpha():
            cuts.add(d.start)
        if d.end < len(line) and line[d.end].isalpha():
            cuts.add(d.end)
    return _cut(line, cuts)


# a byline glued to the text before it ("... in 2025By Ann LeeUpdated on"): a capitalised label
# right after a lower-case letter, a digit or a closing bracket, before a capitalised word
_GLUED_BY = re.compile(r"(?<=[a-z0-9)\]])(?=((?:By|BY|Written by|Posted by)\s*:?\s+)[^\W\d_a-zß-ÿ])")
# a capitalised word glued to a name's last word ("LeeUpdated"; not "McDonald", "DeSantis")
_GLUED_WORD = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")


def glued_bylines(line: str) -> list[str]:
    """`line` cut before each byline glued to the text before it and after its names ("... Trends
    in 2025By Ann LeeUpdated on June 18" -> "... Trends in 2025", "By Ann Lee", "Updated on June
    18"), as `get_text()` glues adjacent elements; the line itself otherwise."""
    if len(line) < 20 or ("y" not in line and "Y" not in line):
        return [line]
    cuts = set()  # (none found: `_cut` gives the line back)
    for m in _GLUED_BY.finditer(line, 0, HEADER_CHARS):
        at = m.end(1)
        glued = _GLUED_WORD.search(line, at, at + 60)
        if glued is not None and 2 <= len(line[at : glued.start()].split()) <= 4:
            end: int | None = glued.start()
        else:
            end = _names_end(line, at)
        if end is not None:  # (names, as `_names_end` reads them, or up to a word glued to the last)
            cuts.update((m.start(), end))
    return _cut(line, cuts)


def _letters(case: Callable[[str], bool]) -> str:
    """The letters of the Latin, Greek and Cyrillic scripts of that case, as a regex class's body
    (`re` has no name for "a lower-case letter")."""
    return re.escape("".join(ch for ch in map(chr, range(0x41, 0x530)) if ch.isalpha() and case(ch)))


# (glue is found in any of these scripts: "ГлавнаяНовости", "the quay.Timetables")
LOWER, UPPER = _letters(str.islower), _letters(str.isupper)

# A word glued to the next block's first word by a case change ("Contact usHarbour ferries return",
# "... for the first time sinceThe council said ..."): what BeautifulSoup's `get_text()` gives for adjacent
# elements with no white space between them in the HTML, menus and headings glued to paragraphs. Any
# page has a few such words (names: "LinkedIn", "WordPress"; code: "onChange"), and a renderer that
# glues only inline elements leaves runs of them in menus and tag lists; a dump that glues its blocks
# also glues sentence ends (`segment_text._GLUED`) and has GLUED_WORDS_PER_1000 or more case changes
# per 1,000 words (read in its first GLUE_SCAN characters). Grouped CV (wcxb-dev, text mode) at 10:
# BeautifulSoup's `get_text()` recipe word F1 0.814 -> 0.826 (boilerplate snippets kept out 0.83 ->
# 0.93); `text/` 0.8251 -> 0.8250, `text-alt/` 0.8383 -> 0.8384, scrapinghub -0.0003; html-text and
# `get_text("\n")` unchanged (docs/evaluation.md, twenty-second session).
CASE_GLUE = re.compile(rf"(?<=[{LOWER}]{{2}})(?=[{UPPER}][{LOWER}])")
GLUED_WORDS_PER_1000 = 10
GLUE_SCAN = 50_000
NAME_MAX_CHARS = 15  # a capitalised word with one case change, this long at most, is a name ("WayAway")
# ... unless its line is a run of glued words: GLUED_RUN_MIN+ case changes, one for every
# 1 / GLUED_RUN_DENSITY words or more ("Ferry TimesBus TimesTide TablesContact us")
GLUED_RUN_MIN, GLUED_RUN_DENSITY = 3, 0.2
# a line is cut only when a piece of it is a phrase of this many words: glued items alone (a menu, a
# tag list) stay one line, as renderers that glue inline elements leave them
GLUED_PHRASE_WORDS = 5
_CODE = "(){};="
CODE_CHARS_PER = 40  # a line of code: one of _CODE every this many characters (and three at least)
_TOKEN_EDGE = ".,;:!?()\"'“”‘’«»"


def glues_words(text: str) -> bool:
    """Whether the page's dump glues its words at case changes as one that glues its blocks does
    (GLUED_WORDS_PER_1000; the caller has seen a glued sentence end)."""
    n = len(CASE_GLUE.findall(text, 0, GLUE_SCAN))
    return n > 0 and n * 1000 >= GLUED_WORDS_PER_1000 * len(text[:GLUE_SCAN].split())


def glued_words(line: str) -> list[str]:
    """`line` cut at each case change that glues two blocks ("Contact usHarbour ferries return next
    spring" -> "Contact us", "Harbour ferries return next spring"), but inside a name (a capitalised
    word of one case change and at most NAME_MAX_CHARS characters, on a line that is no run of glued
    words) and on a line of code ("useState(false);"); the line itself when no piece is a phrase of
    GLUED_PHRASE_WORDS words."""
    if CASE_GLUE.search(line) is None or sum(map(line.count, _CODE)) >= max(3, len(line) / CODE_CHARS_PER):
        return [line]
    found = [m.start() for m in CASE_GLUE.finditer(line)]
    run = len(found) >= GLUED_RUN_MIN and len(found) >= GLUED_RUN_DENSITY * len(line.split())
    cuts = set()
    for at in found:
        if not run:
            end = line.find(" ", at)
            word = line[line.rfind(" ", 0, at) + 1 : len(line) if end < 0 else end].strip(_TOKEN_EDGE)
            if word[:1].isupper() and len(word) <= NAME_MAX_CHARS and len(CASE_GLUE.findall(word)) == 1:
                continue
        cuts.add(at)
    pieces = _cut(line, cuts)
    if len(pieces) > 1 and max(len(piece.split()) for piece in pieces) < GLUED_PHRASE_WORDS:
        return [line]
    return pieces
